//! The people tab drawn at 80x24 on the demo data with today fixed, compared with the exact
//! screens committed under `tests/snapshots/`: the list, the card (and under the privacy
//! screen), the person form, the merge screen, the chapter and owner lists, a refused delete.
//! Review a change with `cargo insta review` and commit the .snap files once the screen is right.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_tui::app::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn screen(app: &App) -> String {
    screen_text(app, 80, 24)
}

#[test]
fn people_views() {
    let (_dir, mut app) = demo_app();
    press(&mut app, "6");
    insta::assert_snapshot!("people_list", screen(&app));
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("people_card", screen(&app));
    press(&mut app, "p");
    insta::assert_snapshot!("people_card_private", screen(&app));
    press(&mut app, "p");
    press(&mut app, "e");
    insta::assert_snapshot!("people_form", screen(&app));
    key(&mut app, KeyCode::Esc);
    press(&mut app, "M");
    insta::assert_snapshot!("people_merge_pick", screen(&app));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    press(&mut app, "c");
    insta::assert_snapshot!("people_chapters", screen(&app));
    press(&mut app, "w");
    insta::assert_snapshot!("people_owners", screen(&app));
}
