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
    // The merge screen, on a second record of the person made as a pop-up would.
    let kept = app.people.card.as_ref().unwrap().person;
    let mut other = app.data.employee(kept).unwrap().clone();
    other.employee_number.clear();
    other.email = "a.abernathy@personal.example.org".into();
    other.position.clear();
    app.save("second record", move |w| w.insert(&mut other).map(|_| ()))
        .unwrap();
    press(&mut app, "M");
    press(&mut app, "a.abernathy@personal.example.org");
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("people_merge", screen(&app));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    press(&mut app, "c");
    insta::assert_snapshot!("people_chapters", screen(&app));
    press(&mut app, "w");
    insta::assert_snapshot!("people_owners", screen(&app));
}

#[test]
fn the_footer_offers_the_card_and_history_where_a_row_shows_a_person_or_a_record() {
    let (_dir, mut app) = demo_app();
    let footer = |app: &App| screen(app).lines().last().unwrap().to_string();
    // Rows that show a person: the card and the history are offered.
    for tab in ["1", "2", "4"] {
        press(&mut app, tab);
        if tab == "4" {
            press(&mut app, "w");
        }
        assert!(footer(&app).contains("O card"), "{tab}: {}", footer(&app));
    }
    // Metrics rows show no person and no record: neither is offered.
    press(&mut app, "5");
    let f = footer(&app);
    assert!(!f.contains("O card") && !f.contains("L history"), "{f}");
    // On the people list Enter is the card; on the card, delete and history, not Enter again.
    press(&mut app, "6");
    assert!(footer(&app).contains("Enter card"), "{}", footer(&app));
    key(&mut app, KeyCode::Enter);
    let f = footer(&app);
    assert!(!f.contains("Enter card") && !f.contains("O card"), "{f}");
    assert!(f.contains("x delete") && f.contains("L history"), "{f}");
}

#[test]
fn people_at_the_smallest_size() {
    let (_dir, mut app) = demo_app();
    press(&mut app, "6");
    insta::assert_snapshot!("people_list_60x15", screen_text(&app, 60, 15));
    // Too narrow for two columns: the facts, then the story, in one pane that scrolls.
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("people_card_60x15", screen_text(&app, 60, 15));
    key(&mut app, KeyCode::PageDown);
    insta::assert_snapshot!("people_card_60x15_scrolled", screen_text(&app, 60, 15));
}
