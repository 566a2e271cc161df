//! Keys that never surprise, driven through the real App on a real database: `:` then Enter
//! runs nothing, undo and redo belong to the tab on screen and name a refused record in words,
//! Esc after a kept filter keeps the record selected, every tab shows a kept filter, `/` ranks
//! whole words first in the list's own order, Ctrl-P works in a form, J/K scroll the detail.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_core::domain::*;
use pathways_tui::app::{App, Modal, Tab};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn footer(app: &App) -> String {
    screen(app, 80, 24).last().cloned().unwrap_or_default()
}

#[test]
fn colon_then_enter_runs_nothing_and_quit_is_never_preselected() {
    let (_dir, mut app) = demo_app();
    key(&mut app, KeyCode::Char(':'));
    key(&mut app, KeyCode::Enter);
    assert!(app.running, ": then Enter must not quit");
    assert!(matches!(app.modals.last(), Some(Modal::Palette(_))));
    assert!(footer(&app).contains("type a command's name"), "{}", footer(&app));
    // Nothing is highlighted until ↓ (or typing); quit is the last command, not the first.
    let s = screen_text(&app, 80, 24);
    assert!(!s.contains("▶ "), "{s}");
    key(&mut app, KeyCode::Down);
    let s = screen_text(&app, 80, 24);
    assert!(!s.contains("▶ quit"), "{s}");
    key(&mut app, KeyCode::Esc);
    assert!(app.modals.is_empty() && app.running);
    // Typed, a command runs (quit too, when asked for by name).
    key(&mut app, KeyCode::Char(':'));
    typed(&mut app, "quit");
    key(&mut app, KeyCode::Enter);
    assert!(!app.running);
}

#[test]
fn undo_is_per_tab_redo_exists_and_a_refusal_names_the_record() {
    let (_dir, mut app) = demo_app();
    // A change on the intake tab…
    let it = app.intake.selected(&app.data).unwrap().clone();
    let mut noted = it.clone();
    noted.notes = "called back".into();
    app.save("intake note saved", |w| w.update(&it, &noted)).unwrap();
    // …then one on the mentoring tab.
    key(&mut app, KeyCode::Char('2'));
    let m = app.data.mentors[0].clone();
    let mut toggled = m.clone();
    toggled.active = !m.active;
    app.save("mentor toggled", |w| w.update(&m, &toggled)).unwrap();
    // Back on the intake tab, u undoes the intake's change, not the mentor's.
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('u'));
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("undone: intake note saved")
    );
    assert_eq!(
        app.data.intakes.iter().find(|i| i.id == it.id).unwrap().notes,
        it.notes
    );
    assert_eq!(app.data.mentor(m.id).unwrap().active, toggled.active);
    // Nothing more here: the footer says where the last change is.
    key(&mut app, KeyCode::Char('u'));
    let status = app.status.clone().unwrap();
    assert!(status.contains("nothing to undo on this tab"), "{status}");
    assert!(
        status.contains("(\"mentor toggled\") was on Mentoring pairs"),
        "{status}"
    );
    // U redoes; Ctrl-R too.
    key(&mut app, KeyCode::Char('U'));
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("redone: intake note saved")
    );
    assert_eq!(
        app.data.intakes.iter().find(|i| i.id == it.id).unwrap().notes,
        "called back"
    );
    key(&mut app, KeyCode::Char('u'));
    ctrl(&mut app, 'r');
    assert_eq!(
        app.data.intakes.iter().find(|i| i.id == it.id).unwrap().notes,
        "called back"
    );
    // Someone changes the intake again: the undo is refused, naming it in words.
    let now = app.data.intakes.iter().find(|i| i.id == it.id).unwrap().clone();
    let other = pathways_core::store::Store::open(app.store.path()).unwrap();
    let mut theirs = now.clone();
    theirs.notes = "their note".into();
    other.write(|t| t.put(&theirs)).unwrap();
    app.poll_changes();
    key(&mut app, KeyCode::Char('u'));
    let status = app.status.clone().unwrap();
    let name = app.data.employee_name(it.employee_id);
    assert!(
        status.contains(&format!("the intake of {name} received {}", it.received)),
        "{status}"
    );
    assert!(status.contains("was changed again since"), "{status}");
    assert!(!status.contains("intakes record"), "no internal id: {status}");
}

#[test]
fn esc_after_a_kept_filter_keeps_the_record_and_every_tab_shows_the_filter() {
    let (_dir, mut app) = demo_app();
    let name = app.data.employee_name(app.data.intakes[0].employee_id);
    let last = name.split_whitespace().last().unwrap().to_string();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, &last);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Down);
    let chosen = app.intake.selected(&app.data).unwrap().id;
    key(&mut app, KeyCode::Esc);
    assert!(app.intake.list.filter.is_empty());
    assert_eq!(app.intake.selected(&app.data).unwrap().id, chosen);
    // A kept filter is said in the footer of every tab.
    for (tab, text) in [('2', "ana"), ('3', "blair"), ('4', "dare"), ('5', "intakes")] {
        key(&mut app, KeyCode::Char(tab));
        key(&mut app, KeyCode::Char('/'));
        typed(&mut app, text);
        key(&mut app, KeyCode::Enter);
        let f = footer(&app);
        assert!(f.contains(&format!("/{text} (Esc clears)")), "tab {tab}: {f}");
        key(&mut app, KeyCode::Esc);
        assert!(!footer(&app).contains("Esc clears"), "tab {tab}");
    }
}

#[test]
fn slash_shows_whole_words_first_in_the_chosen_sort() {
    let (_dir, mut app) = demo_app();
    // Every intake, sorted by date received.
    app.intake.filters = pathways_tui::tabs::intake::Filters::everything();
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('s'));
    // A first name several people have, as a whole word.
    let first = app
        .data
        .employees
        .iter()
        .map(|e| e.first_name.clone())
        .find(|f| !f.contains(' ') && f.len() > 3)
        .unwrap();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, &first.to_lowercase());
    let rows: Vec<&Intake> = app
        .intake
        .rows()
        .visible
        .iter()
        .map(|&i| &app.data.intakes[i])
        .collect();
    assert!(!rows.is_empty());
    let folded = pathways_core::text::fold(&first);
    // Only people with that word (no fuzzy tail), in the chosen sort (newest first).
    assert!(rows.iter().all(|it| {
        pathways_core::search::words(&pathways_core::text::fold(
            &app.data.employee_name(it.employee_id),
        ))
        .any(|w| w == folded)
            || pathways_core::text::fold(&app.data.employee(it.employee_id).unwrap().position)
                .contains(&folded)
    }));
    assert!(rows.windows(2).all(|w| w[0].received >= w[1].received));
}

#[test]
fn ctrl_p_works_in_a_form_and_p_is_a_letter_there() {
    let (_dir, mut app) = demo_app();
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "Pia");
    let Some(Modal::Form { form, .. }) = app.modals.last() else {
        panic!("the add form")
    };
    assert_eq!(form.value("first name"), "Pia", "p is typed, not the privacy key");
    assert!(!app.private);
    ctrl(&mut app, 'p');
    assert!(app.private);
    assert!(
        matches!(app.modals.last(), Some(Modal::Form { .. })),
        "the form stays"
    );
    let s = screen_text(&app, 80, 24);
    assert!(!s.contains("Pia"), "{s}");
    ctrl(&mut app, 'p');
    assert!(!app.private);
    assert!(screen_text(&app, 80, 24).contains("Pia"));
}

#[test]
fn the_detail_pane_scrolls_with_j_and_k() {
    let (_dir, mut app) = demo_app();
    let top = |app: &App| screen(app, 80, 24)[14].clone();
    let first = top(&app);
    key(&mut app, KeyCode::Char('J'));
    assert_ne!(top(&app), first, "J scrolls the detail down");
    key(&mut app, KeyCode::Char('K'));
    assert_eq!(top(&app), first, "K scrolls it back");
    // Moving to another record starts its detail at the top.
    key(&mut app, KeyCode::Char('J'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Up);
    assert_eq!(top(&app), first);
    assert_eq!(app.tab, Tab::Intake);
}

#[test]
fn a_long_status_message_wraps_instead_of_being_cut() {
    let (_dir, mut app) = demo_app();
    let long = "nothing to undo on this tab; the last change (\"Kofi Underhill: contacted on 2026-11-20\") was on Mentoring pairs: undo it there";
    app.status = Some(long.into());
    let lines = screen(&app, 80, 24);
    let footer = lines[lines.len() - 2..].join(" ");
    let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(words(&footer), words(long), "{lines:?}");
    assert!(lines.iter().all(|l| pathways_core::text::width(l) <= 80));
}
