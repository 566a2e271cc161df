//! The intake queue's rules in a real App on a real database: the district's closures kept in
//! the dashboard (and counted by the working-day rules), the owner picked from the team's list,
//! and dates after today refused where something happened.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use pathways_core::domain::*;
use pathways_tui::app::{App, Modal, Tab};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn chars(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn top_form(app: &App) -> Option<&pathways_tui::form::Form> {
    match app.modals.last() {
        Some(Modal::Form { form, .. }) => Some(form),
        _ => None,
    }
}

fn selected(app: &App) -> Intake {
    app.intake.selected(&app.data).cloned().unwrap()
}

fn only(app: &mut App, status: IntakeStatus) {
    app.intake.filters.status = Some(pathways_tui::tabs::intake::StatusFilter::Is(status));
    app.refresh_tab(Tab::Intake);
    assert!(!app.intake.rows().is_empty());
}

fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn closures_are_kept_in_the_dashboard_and_working_days_skip_them() {
    let (_dir, mut app) = common::demo_app();
    // An intake received on Friday 2026-11-13: 5 working days on 2026-11-20, and still not
    // overdue on Monday the 23rd (6 working days) if that Monday is closed.
    let demo_closures = app.data.closures.len();
    key(&mut app, KeyCode::Char('H'));
    let text = common::screen_text(&app, 80, 24);
    assert!(
        text.contains(&format!("District closures ({demo_closures})")),
        "{text}"
    );
    key(&mut app, KeyCode::Char('a'));
    // A range adds each weekday in it; a weekend alone is refused naming the field.
    let form = top_form(&app).unwrap();
    assert_eq!(form.fields[0].label, "date");
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "2027-03-20");
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "3/21/2027");
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "Spring break");
    key(&mut app, KeyCode::Enter);
    assert!(
        top_form(&app).unwrap().fields[0]
            .error
            .as_deref()
            .unwrap()
            .contains("weekend")
    );
    key(&mut app, KeyCode::Tab);
    for _ in 0..9 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "3/26/2027");
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty(), "{:?}", top_form(&app).map(|f| &f.fields));
    assert_eq!(app.data.closures.len(), demo_closures + 5);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("5 closures added: Spring break")
    );
    // A day already closed is refused, naming the closure.
    key(&mut app, KeyCode::Char('a'));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "2027-03-22");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "Again");
    key(&mut app, KeyCode::Enter);
    let error = top_form(&app).unwrap().fields[0].error.clone().unwrap();
    assert!(error.contains("already closed (Spring break)"), "{error}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    // x deletes after asking; u takes it back.
    let chosen = app.intake.closures.list.picked().unwrap();
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('y'));
    assert!(!app.data.closures.iter().any(|c| c.id == chosen));
    key(&mut app, KeyCode::Char('u'));
    assert!(app.data.closures.iter().any(|c| c.id == chosen));
    // Esc goes back to the queue.
    key(&mut app, KeyCode::Esc);
    assert!(!app.intake.closures.shown);
    assert!(common::screen_text(&app, 80, 24).contains("Intake queue ("));

    // The overdue rule counts working days without them.
    let mut on_friday = Intake::new(app.data.employees[3].id, d(2026, 11, 13), IntakeSource::Form);
    on_friday.services.push(Service::GoalSetting);
    let id = app.save("added", |w| w.insert(&mut on_friday)).unwrap();
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let flagged_on = |app: &App| {
        let closures = Closures::new(&app.data.closures);
        let it = app.data.intakes.iter().find(|i| i.id == id).unwrap();
        it.is_overdue(monday, 5, &closures)
    };
    assert!(flagged_on(&app), "6 working days by Monday");
    let mut closed = Closure {
        id: 0,
        date: monday,
        name: "Snow day".into(),
    };
    app.save("closure", |w| w.insert(&mut closed)).unwrap();
    assert!(!flagged_on(&app), "the snow day does not count");
}

#[test]
fn the_owner_is_picked_from_the_teams_list() {
    let (_dir, mut app) = common::demo_app();
    let owners = app.data.owners();
    assert!(owners.len() >= 2, "{owners:?}");
    let it = selected(&app);
    key(&mut app, KeyCode::Char('e'));
    let form = top_form(&app).unwrap();
    let field = form.fields.iter().find(|f| f.label == "owner").unwrap();
    let pathways_tui::form::FieldKind::Choice(options) = &field.kind else {
        panic!("the owner is a pick list: {:?}", field.kind)
    };
    assert_eq!(options[0], "(none)");
    assert!(owners.iter().all(|o| options.contains(o)), "{options:?}");
    // Typed: the start of a name picks it.
    let other = owners.iter().find(|o| **o != it.owner).unwrap().clone();
    while top_form(&app).unwrap().fields[top_form(&app).unwrap().focus].label != "owner" {
        key(&mut app, KeyCode::Tab);
    }
    chars(&mut app, &other[..other.len().min(10)]);
    assert_eq!(top_form(&app).unwrap().value("owner"), other);
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty(), "{:?}", top_form(&app).map(|f| &f.fields));
    let saved = app.data.intakes.iter().find(|i| i.id == it.id).unwrap();
    assert_eq!(saved.owner, other);
    // "(none)" clears it.
    key(&mut app, KeyCode::Char('e'));
    while top_form(&app).unwrap().fields[top_form(&app).unwrap().focus].label != "owner" {
        key(&mut app, KeyCode::Tab);
    }
    chars(&mut app, "(");
    key(&mut app, KeyCode::Enter);
    let saved = app.data.intakes.iter().find(|i| i.id == it.id).unwrap();
    assert_eq!(saved.owner, "");
}

#[test]
fn a_consultation_a_close_and_a_receipt_after_today_are_refused_in_place() {
    let (_dir, mut app) = common::demo_app();
    only(&mut app, IntakeStatus::Contacted);
    let tomorrow = "2026-11-26";
    // A consultation tomorrow.
    key(&mut app, KeyCode::Char('c'));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, tomorrow);
    key(&mut app, KeyCode::Enter);
    let error = top_form(&app).unwrap().fields[0].error.clone().unwrap();
    assert!(error.contains("is after today (2026-11-25)"), "{error}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    // Closed tomorrow.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "11/26/2026");
    key(&mut app, KeyCode::Enter);
    let error = top_form(&app).unwrap().fields[1].error.clone().unwrap();
    assert!(error.contains("is after today"), "{error}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    // Received tomorrow (the edit form).
    key(&mut app, KeyCode::Char('e'));
    while top_form(&app).unwrap().fields[top_form(&app).unwrap().focus].label != "received" {
        key(&mut app, KeyCode::Tab);
    }
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, tomorrow);
    key(&mut app, KeyCode::Enter);
    let form = top_form(&app).expect("stays open");
    let received = form.fields.iter().find(|f| f.label == "received").unwrap();
    assert!(
        received.error.as_deref().unwrap_or("").contains("is after today"),
        "{:?}",
        received.error
    );
}
