//! The intake queue in a real App on a real database, drawn at 80x24.

mod common;

use pathways::action::Action;
use pathways::app::{App, Modal};
use pathways::domain::*;
use pathways::tabs::intake::{IntakeAction as A, Sort};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn chars(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn queue_at_80x24_shows_marker_filters_and_detail() {
    let (_dir, app) = common::demo_app();
    let text = common::screen_text(&app, 80, 24);
    println!("{text}");
    assert!(text.contains("Intake queue ("), "{text}");
    assert!(text.contains("no filters"), "{text}");
    assert!(text.contains("Consultations"), "{text}");
}
