//! A person's hire as a teacher, recorded on the person card from an empty database: the form's
//! rules (the field named, no date after today, one per person), edit and undo, the card and the
//! monthly report counting it, and the records that point at a person (delete refused, merge
//! moving it, or refused when both records have one).
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::fill;
use common::*;
use pathways_core::domain::*;
use pathways_core::store::Store;
use pathways_tui::action::Action;
use pathways_tui::app::{App, Modal};
use pathways_tui::tabs::people::PeopleAction;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn act(app: &mut App, a: PeopleAction) {
    app.update(Action::People(a));
}

fn error_on(app: &App, label: &str) -> Option<String> {
    match app.modals.last() {
        Some(Modal::Form { form, .. }) => form
            .fields
            .iter()
            .find(|f| f.label == label)
            .and_then(|f| f.error.clone()),
        _ => None,
    }
}

fn form_open(app: &App) -> bool {
    matches!(app.modals.last(), Some(Modal::Form { .. }))
}

fn person(app: &mut App, id: &str, first: &str, last: &str) -> Employee {
    act(app, PeopleAction::Add);
    fill(
        app,
        &[("employee id", id), ("first name", first), ("last name", last)],
    );
    app.update(Action::Submit);
    assert!(!form_open(app), "{}", screen_text(app, 80, 24));
    app.data
        .employees
        .iter()
        .find(|e| e.employee_number == id)
        .unwrap()
        .clone()
}

#[test]
fn a_teacher_hire_is_recorded_on_the_card_edited_undone_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.redb");
    let mut app = App::new(Store::create_new(&path).unwrap(), today()).unwrap();
    app.handle_key(KeyEvent::new(KeyCode::Char('6'), KeyModifiers::NONE));
    let ana = person(&mut app, "000101", "Ana", "García");

    // T on the card: the form names a wrong field and refuses a date after today.
    app.handle_key(KeyEvent::new(KeyCode::Char('T'), KeyModifiers::NONE));
    assert!(form_open(&app), "{}", screen_text(&app, 80, 24));
    fill(&mut app, &[("hired", "13/45/2025")]);
    app.update(Action::Submit);
    assert!(error_on(&app, "hired").is_some());
    let tomorrow = today().succ_opt().unwrap().format("%m/%d/%Y").to_string();
    fill(&mut app, &[("hired", &tomorrow)]);
    app.update(Action::Submit);
    assert!(
        error_on(&app, "hired").unwrap().contains("after today"),
        "{:?}",
        error_on(&app, "hired")
    );
    fill(&mut app, &[("hired", "8/20/2025"), ("school year", "2025-26")]);
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen_text(&app, 80, 24));
    let recorded = app.data.teacher_outcomes.clone();
    assert_eq!(recorded.len(), 1);
    assert_eq!(
        (recorded[0].employee_id, recorded[0].hired),
        (ana.id, date(2025, 8, 20))
    );
    assert_eq!(recorded[0].partner_program, "", "left empty: unknown");
    let s = screen_text(&app, 160, 40);
    assert!(s.contains("Hired as a teacher (1)"), "{s}");
    assert!(
        s.contains("2025-08-20 · school year 2025-26 · partner program unknown"),
        "{s}"
    );

    // T again edits the one recorded (one per person); u undoes the edit.
    app.handle_key(KeyEvent::new(KeyCode::Char('T'), KeyModifiers::NONE));
    fill(&mut app, &[("partner program", "Trinity Washington University")]);
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen_text(&app, 80, 24));
    assert_eq!(app.data.teacher_outcomes.len(), 1);
    assert_eq!(
        app.data.teacher_outcomes[0].partner_program,
        "Trinity Washington University"
    );
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE));
    assert_eq!(app.data.teacher_outcomes[0].partner_program, "");

    // The monthly report counts the hire in its fiscal year (FY26: July 2025 to June 2026).
    let (code, out, err) = run(&path, &["report", "monthly", "--fy", "2026"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.replace('\n', " ").contains("FY26 1"), "{out}");

    // A person with a teacher hire cannot be deleted; the refusal names it.
    let store = Store::open(&path).unwrap();
    let current = store.get::<Employee>(ana.id).unwrap().unwrap();
    let refused = store
        .write(|txn| txn.delete_person(&current))
        .unwrap_err()
        .to_string();
    assert!(refused.contains("teacher outcome"), "{refused}");
}

#[test]
fn a_merge_moves_the_teacher_hire_and_is_refused_when_both_records_have_one() {
    let (_dir, _path, store) = demo_store();
    let (data, _) = store.load().unwrap();
    let kept = data.employees[0].clone();
    let other = data.employees[1].clone();
    let hire = |employee_id| TeacherOutcome {
        id: 0,
        employee_id,
        hired: date(2025, 8, 20),
        school_year: String::new(),
        partner_program: String::new(),
    };
    // Clear any hire the demo gave these two, then give one to the other record.
    store
        .write(|txn| {
            for t in data
                .teacher_outcomes
                .iter()
                .filter(|t| t.employee_id == kept.id || t.employee_id == other.id)
            {
                txn.delete::<TeacherOutcome>(t.id)?;
            }
            txn.insert(&mut hire(other.id))
        })
        .unwrap();
    let merged = kept.clone();
    store
        .write(|txn| txn.merge_people(&kept, &other, &merged).map(|_| ()))
        .unwrap();
    let (after, _) = store.load().unwrap();
    let theirs: Vec<_> = after
        .teacher_outcomes
        .iter()
        .filter(|t| t.employee_id == kept.id)
        .collect();
    assert_eq!(theirs.len(), 1, "the hire moved to the kept record");
    assert!(after.teacher_outcomes.iter().all(|t| t.employee_id != other.id));

    // Both records with a hire: refused, nothing moved.
    let third = after
        .employees
        .iter()
        .find(|e| e.id != kept.id && after.teacher_outcomes.iter().all(|t| t.employee_id != e.id))
        .unwrap()
        .clone();
    store.write(|txn| txn.insert(&mut hire(third.id))).unwrap();
    let kept = store.get::<Employee>(kept.id).unwrap().unwrap();
    let third = store.get::<Employee>(third.id).unwrap().unwrap();
    let before = store.load().unwrap().0.teacher_outcomes;
    let refused = store
        .write(|txn| txn.merge_people(&kept, &third, &kept.clone()).map(|_| ()))
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("both records have a teacher outcome"),
        "{refused}"
    );
    assert_eq!(store.load().unwrap().0.teacher_outcomes, before);
}
