//! Every tab drawn into ratatui's TestBackend, at 80x24 and at a tiny size.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_tui::action::Action;
use pathways_tui::app::Tab;

#[test]
fn every_tab_renders_at_80x24() {
    let (_dir, mut app) = demo_app();
    let expect = [
        (Tab::Intake, "Intake queue ("),
        (Tab::Mentoring, "Mentoring pairs ("),
        (Tab::Coverage, "24 ambassadors active"),
        (Tab::Leadership, "sessions"),
        (Tab::Metrics, "by fiscal month"),
    ];
    for (tab, text) in expect {
        app.update(Action::GoTab(tab));
        let s = screen_text(&app, 80, 24);
        println!("{s}");
        assert!(s.contains(text), "{tab:?} at 80x24 lacks {text:?}:\n{s}");
        assert!(
            s.contains("? help") || s.contains("?  help") || s.contains("? help"),
            "footer hints missing:\n{s}"
        );
    }
}

#[test]
fn a_tiny_terminal_gets_a_message_not_a_panic() {
    let (_dir, mut app) = demo_app();
    for tab in Tab::ALL {
        app.update(Action::GoTab(tab));
        for (w, h) in [(20, 5), (1, 1), (59, 24), (80, 14)] {
            let s = screen_text(&app, w, h);
            if w >= 20 {
                assert!(s.contains("Terminal") || s.contains("too"), "{w}x{h}:\n{s}");
            }
        }
    }
}

#[test]
fn help_overlay_lists_the_keymap() {
    let (_dir, mut app) = demo_app();
    app.update(Action::Help);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Help"), "{s}");
    assert!(s.contains("quit pathways"), "{s}");
    assert!(s.contains("filter as you type"), "{s}");
    app.update(Action::Back);
    assert!(!screen_text(&app, 80, 24).contains("quit pathways"));
}

#[test]
fn wide_terminals_show_full_titles() {
    let (_dir, app) = demo_app();
    let s = screen_text(&app, 200, 50);
    assert!(s.contains("1 Intake queue"), "{s}");
    assert!(s.contains("5 Monthly metrics"), "{s}");
}
