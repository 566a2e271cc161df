//! The leadership tab drawn at 80x24 (and smaller): every view fits and says what it must.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_tui::action::Action;
use pathways_tui::app::Tab;
use pathways_tui::tabs::leadership::{LeadershipAction as L, View};

#[test]
fn every_view_at_80x24() {
    let (_dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Leadership));
    let expect = [
        (View::Sessions, "FY27 sessions (8) · 14 participants"),
        (View::Attendance, "Session rate"),
        (
            View::Completion,
            "Rule: attend at least 6 sessions and the final session",
        ),
        (View::Waitlist, "Waitlist (4) · in join order"),
        (View::Profile, "FY27 by role · 14 participants"),
    ];
    for (v, text) in expect {
        app.update(Action::Leadership(L::Show(v)));
        let s = screen_text(&app, 80, 24);
        assert!(s.contains(text), "{v:?} lacks {text:?}:\n{s}");
        assert!(s.contains("Next: session 3"), "{v:?}: upcoming missing:\n{s}");
        assert!(
            s.contains(&format!("[{} {}]", v.key(), v.title())),
            "{v:?}: view bar:\n{s}"
        );
        assert!(s.contains("? help"), "{s}");
    }
}

#[test]
fn the_grid_fits_eight_sessions_name_and_rate_in_80_columns() {
    let (_dir, mut app) = demo_app();
    app.color = false;
    app.update(Action::GoTab(Tab::Leadership));
    app.update(Action::Leadership(L::Show(View::Attendance)));
    let lines = screen(&app, 80, 24);
    let header = lines
        .iter()
        .find(|l| l.contains("Participant"))
        .expect("grid header");
    for n in 1..=8 {
        assert!(header.contains(&format!("#{n}")), "#{n} missing: {header}");
    }
    assert!(
        header.contains("Rate") && header.contains("Completion"),
        "{header}"
    );
    // Every participant row shows a rate, and the cursor cell is bracketed (no colour needed).
    let first = lines.iter().find(|l| l.contains("▶")).expect("cursor row");
    assert!(first.contains("[P]") && first.contains("100%"), "{first}");
    let rows = lines
        .iter()
        .filter(|l| l.contains("% ·") || l.contains("% ✓"))
        .count();
    assert_eq!(rows, 14, "{}", lines.join("\n"));
    // Far right: the cursor column follows and the grid still fits.
    for _ in 0..7 {
        app.update(Action::Right);
    }
    let s = screen_text(&app, 80, 24);
    // FY27's final session: the third Wednesday of May, as in FY25.
    assert!(s.contains("session 8 (2027-05-19): not marked"), "{s}");
}

#[test]
fn small_and_wide_terminals_do_not_break_any_view() {
    let (_dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Leadership));
    for v in View::ALL {
        app.update(Action::Leadership(L::Show(v)));
        for (w, h) in [(60, 15), (80, 14), (20, 5), (200, 50)] {
            let s = screen_text(&app, w, h);
            assert!(!s.is_empty());
        }
    }
    app.update(Action::Leadership(L::Show(View::Sessions)));
    let s = screen_text(&app, 200, 50);
    assert!(
        s.contains("08:00-16:00") && s.contains("850 Hungerford Dr. (CESC)"),
        "{s}"
    );
}

#[test]
fn names_are_initials_under_the_privacy_screen() {
    let (_dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Leadership));
    app.update(Action::Leadership(L::Show(View::Attendance)));
    let p = &app.leadership.summary.people[0];
    let name = app.data.employee_name(p.employee_id);
    assert!(screen_text(&app, 80, 24).contains(&name));
    app.update(Action::TogglePrivacy);
    for v in View::ALL {
        app.update(Action::Leadership(L::Show(v)));
        let s = screen_text(&app, 80, 24);
        assert!(!s.contains(&name), "{v:?} shows a full name under privacy:\n{s}");
    }
}
