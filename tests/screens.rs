//! Every tab view, and the modals, drawn at 80x24 on the demo data with today fixed, compared
//! with the exact screens committed under `tests/snapshots/`. A change to any screen shows as a
//! diff in review: run `cargo insta review` (or `INSTA_UPDATE=always cargo test --test screens`)
//! and commit the .snap files once the new screen is right.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_tui::app::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Presses each character as a key (Tab, arrows and the like by `key`).
fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn screen(app: &App) -> String {
    screen_text(app, 80, 24)
}

/// The demo dashboard, on tab `n` (1-5).
fn on_tab(n: char) -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    press(&mut app, &n.to_string());
    (dir, app)
}

#[test]
fn intake_queue() {
    let (_dir, mut app) = on_tab('1');
    insta::assert_snapshot!("intake_queue", screen(&app));
    // Narrowed as typed, the filter shown in the footer.
    press(&mut app, "/resume");
    insta::assert_snapshot!("intake_queue_filtering", screen(&app));
    key(&mut app, KeyCode::Enter);
    press(&mut app, "p");
    insta::assert_snapshot!("intake_queue_private", screen(&app));
}

#[test]
fn intake_forms() {
    let (_dir, mut app) = on_tab('1');
    press(&mut app, "c");
    insta::assert_snapshot!("intake_consultation_form", screen(&app));
    key(&mut app, KeyCode::Esc);
    press(&mut app, "f");
    insta::assert_snapshot!("intake_filters_form", screen(&app));
    key(&mut app, KeyCode::Esc);
    // A status step asks its date and offers the next step.
    press(&mut app, ">");
    insta::assert_snapshot!("intake_step_form", screen(&app));
    key(&mut app, KeyCode::Esc);
    press(&mut app, "w");
    insta::assert_snapshot!("intake_rules_form", screen(&app));
}

#[test]
fn intake_detail_scrolls_and_closures() {
    let (_dir, mut app) = on_tab('1');
    // Drawn once first, as a terminal would have: the pane then knows how far it can go.
    screen(&app);
    press(&mut app, "JJ");
    insta::assert_snapshot!("intake_detail_scrolled", screen(&app));
    press(&mut app, "H");
    insta::assert_snapshot!("intake_closures", screen(&app));
}

/// The smallest size the README promises: everything still reachable.
#[test]
fn smallest_usable_size() {
    let (_dir, mut app) = on_tab('1');
    insta::assert_snapshot!("intake_queue_60x15", screen_text(&app, 60, 15));
    press(&mut app, "?");
    insta::assert_snapshot!("help_60x15", screen_text(&app, 60, 15));
    key(&mut app, KeyCode::Esc);
    // A form taller than the screen scrolls to the field being filled in.
    press(&mut app, "a");
    key(&mut app, KeyCode::BackTab);
    insta::assert_snapshot!("add_form_last_field_60x15", screen_text(&app, 60, 15));
}

#[test]
fn mentoring_views() {
    let (_dir, mut app) = on_tab('2');
    for name in [
        "mentoring_pairs",
        "mentoring_mentors",
        "mentoring_logs",
        "mentoring_chapters",
    ] {
        insta::assert_snapshot!(name, screen(&app));
        key(&mut app, KeyCode::Right);
    }
}

#[test]
fn coverage_views() {
    let (_dir, mut app) = on_tab('3');
    for name in [
        "coverage_overview",
        "coverage_ambassadors",
        "coverage_locations",
        "coverage_sessions",
    ] {
        insta::assert_snapshot!(name, screen(&app));
        key(&mut app, KeyCode::Right);
    }
    key(&mut app, KeyCode::Left);
    press(&mut app, "m");
    insta::assert_snapshot!("coverage_attendance", screen(&app));
    key(&mut app, KeyCode::Right);
    insta::assert_snapshot!("coverage_demographics", screen(&app));
}

#[test]
fn leadership_views() {
    let (_dir, mut app) = on_tab('4');
    for (view, name) in [
        ('s', "leadership_sessions"),
        ('t', "leadership_attendance"),
        ('c', "leadership_completion"),
        ('w', "leadership_waitlist"),
        ('o', "leadership_profile"),
    ] {
        press(&mut app, &view.to_string());
        insta::assert_snapshot!(name, screen(&app));
    }
}

#[test]
fn metrics_views() {
    let (_dir, mut app) = on_tab('5');
    insta::assert_snapshot!("metrics_table", screen(&app));
    press(&mut app, "c");
    insta::assert_snapshot!("metrics_charts", screen(&app));
    for name in [
        "metrics_by_chapter",
        "metrics_by_race",
        "metrics_by_location_type",
    ] {
        press(&mut app, "b");
        insta::assert_snapshot!(name, screen(&app));
    }
}

#[test]
fn learning_views() {
    let (_dir, mut app) = on_tab('7');
    for name in ["learning_offerings", "learning_sessions", "learning_attendance"] {
        insta::assert_snapshot!(name, screen(&app));
        key(&mut app, KeyCode::Right);
    }
    press(&mut app, "v");
    press(&mut app, "a");
    insta::assert_snapshot!("learning_session_form", screen(&app));
}

#[test]
fn modals() {
    let (_dir, mut app) = on_tab('1');
    press(&mut app, "?");
    insta::assert_snapshot!("help", screen(&app));
    key(&mut app, KeyCode::Esc);
    press(&mut app, ":");
    insta::assert_snapshot!("palette", screen(&app));
    press(&mut app, "leadership");
    insta::assert_snapshot!("palette_typed", screen(&app));
    key(&mut app, KeyCode::Esc);
    app.handle_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    press(&mut app, "garcia");
    insta::assert_snapshot!("search", screen(&app));
    key(&mut app, KeyCode::Esc);
    press(&mut app, "<");
    insta::assert_snapshot!("confirm", screen(&app));
}

#[test]
fn help_on_every_tab_fits_80x24() {
    for tab in ['2', '3', '4', '5', '6', '7'] {
        let (_dir, mut app) = on_tab(tab);
        press(&mut app, "?");
        insta::assert_snapshot!(format!("help_tab_{tab}"), screen(&app));
    }
}
