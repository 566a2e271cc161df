//! The leadership tab drawn at 80x24: every view fits, the upcoming session shows without a key.

mod common;
use common::*;
use pathways::action::Action;
use pathways::app::Tab;
use pathways::tabs::leadership::{LeadershipAction as L, View};

fn lines_fit(s: &str) {
    for l in s.lines() {
        assert!(l.chars().count() <= 80, "line too wide: {l:?}");
    }
}

#[test]
fn every_view_at_80x24() {
    let (_dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Leadership));
    for v in View::ALL {
        app.update(Action::Leadership(L::Show(v)));
        let s = screen_text(&app, 80, 24);
        println!("{s}");
        lines_fit(&s);
    }
}
