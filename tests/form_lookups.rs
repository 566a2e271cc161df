//! A form's checks find people and their intakes through sorted positions the data keeps
//! (`Dataset::people`, `Dataset::intakes_of`), put right after each of the dashboard's own saves
//! instead of made again. Whatever the saves did (people added, changed, removed by an undo;
//! intakes added, edited, removed), they must answer exactly what a pass over every record does.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::{fill, submit};
use pathways_core::domain::{Choice, Employee, Intake, Service};
use pathways_core::lookup::People;
use pathways_tui::action::Action;
use pathways_tui::app::{App, Modal, Tab};
use pathways_tui::tabs::intake::IntakeAction;
use pathways_tui::tabs::people::PeopleAction;

/// Every way a form may name a person (as stored, trimmed, padded, without or with more
/// leading zeros, the email in other cases) and values nobody has: the sorted lookup finds who
/// a scan finds, and their intakes are the ones a scan finds, for every 64th person, the last
/// ones and those the test gave an email of its own.
fn assert_same_as_a_scan(app: &App, what: &str) {
    let data = &app.data;
    let (sorted, scanning) = (data.people(), People::scanning(&data.employees));
    let id = |e: Option<&Employee>| e.map(|e| e.id);
    let mut typed: Vec<String> = ["", " ", "0", "000", "999999999", "nobody@district.org"]
        .map(String::from)
        .to_vec();
    let n = data.employees.len();
    let checked: Vec<&Employee> = (data.employees.iter().enumerate())
        .filter(|(i, e)| i % 64 == 0 || i + 8 >= n || e.email.to_lowercase().ends_with("@district.org"))
        .map(|(_, e)| e)
        .collect();
    for e in &checked {
        let (number, email) = (e.employee_number.trim(), e.email.trim());
        typed.extend([
            e.employee_number.clone(),
            number.to_string(),
            format!(" {number} "),
            format!("0{number}"),
            number.trim_start_matches('0').to_string(),
            e.email.clone(),
            email.to_uppercase(),
            email.to_lowercase(),
        ]);
    }
    for t in &typed {
        assert_eq!(
            id(sorted.by_number(t)),
            id(scanning.by_number(t)),
            "{what}: id {t:?}"
        );
        assert_eq!(
            id(sorted.by_email(t)),
            id(scanning.by_email(t)),
            "{what}: email {t:?}"
        );
    }
    let ids = |v: Vec<&Intake>| v.iter().map(|i| i.id).collect::<Vec<_>>();
    for e in &checked {
        let scanned = data.intakes.iter().filter(|i| i.employee_id == e.id).collect();
        assert_eq!(
            ids(data.intakes_of(e.id)),
            ids(scanned),
            "{what}: the intakes of #{}",
            e.id
        );
    }
}

/// After a save that removed nobody: the sorted positions were put right (not dropped and
/// left to a scan), and answer what a scan does.
fn assert_put_right(app: &App, what: &str) {
    assert!(
        app.data.keys_made(),
        "{what}: the sorted positions were put right, not dropped"
    );
    assert_same_as_a_scan(app, what);
}

/// Opens the add form of the intake tab and fills it for a person.
fn add_intake(app: &mut App, number: &str, email: &str, first: &str, last: &str, received: &str) {
    app.update(Action::GoTab(Tab::Intake));
    app.update(Action::Intake(IntakeAction::Add));
    fill(
        app,
        &[
            ("employee id", number),
            ("email", email),
            ("first name", first),
            ("last name", last),
            ("received", received),
            ("services", Service::ALL[0].label()),
        ],
    );
}

/// The form on top's message for `label`, if it stayed open with one.
fn form_error(app: &App, label: &str) -> Option<String> {
    let Some(Modal::Form { form, .. }) = app.modals.last() else {
        return None;
    };
    form.fields
        .iter()
        .find(|f| f.label == label)
        .and_then(|f| f.error.clone())
}

#[test]
fn the_forms_lookups_answer_what_a_scan_does_after_every_save() {
    let (_dir, mut app) = common::demo_app();
    // Made between keys, as the event loop does once the records are in, so every save below
    // puts them right rather than having them made afresh.
    app.background = true;
    app.settle();
    app.background = false;
    assert_put_right(&app, "as loaded");

    // A new person, met through an intake, with an id a spreadsheet may type without its
    // leading zeros and an email in mixed case.
    add_intake(
        &mut app,
        "000912",
        "New.Person@District.org",
        "Nova",
        "Perez",
        "2026-11-02",
    );
    submit(&mut app);
    let nova = app.data.people().by_number("912").unwrap().clone();
    assert_eq!(
        app.data
            .people()
            .by_email("new.person@district.org")
            .map(|e| e.id),
        Some(nova.id)
    );
    assert_put_right(&app, "a person and an intake added");

    // The same person on the same day again is refused through the intakes' positions;
    // another day is a second intake.
    add_intake(&mut app, "912", "", "Nova", "Perez", "2026-11-02");
    app.update(Action::Submit);
    let refused = form_error(&app, "received").unwrap_or_default();
    assert!(refused.contains("already has an intake"), "{refused:?}");
    fill(&mut app, &[("received", "2026-11-03")]);
    submit(&mut app);
    assert_eq!(app.data.intakes_of(nova.id).len(), 2);
    assert_put_right(&app, "a second intake");

    // The intake edited through its form: its person's id and email changed in place.
    let first = app.data.intakes_of(nova.id)[0].id;
    app.select_intake(first);
    app.update(Action::Intake(IntakeAction::Edit));
    fill(&mut app, &[("email", "NOVA@district.org")]);
    submit(&mut app);
    assert_put_right(&app, "the person's email edited");
    app.update(Action::Intake(IntakeAction::Edit));
    fill(&mut app, &[("employee id", "0077")]);
    submit(&mut app);
    assert_eq!(app.data.people().by_number("77").map(|e| e.id), Some(nova.id));
    assert_eq!(
        app.data.people().by_email("nova@DISTRICT.org").map(|e| e.id),
        Some(nova.id)
    );
    assert_eq!(app.data.people().by_number("912"), None);
    assert_put_right(&app, "the person's id edited");

    // An existing person's intake moved a day earlier, then one for another person whose
    // email is typed in capitals.
    let someone = app
        .data
        .intakes
        .iter()
        .find(|i| i.employee_id != nova.id)
        .unwrap()
        .clone();
    app.select_intake(someone.id);
    app.update(Action::Intake(IntakeAction::Edit));
    let day_before = someone.received.pred_opt().unwrap().to_string();
    fill(&mut app, &[("received", day_before)]);
    submit(&mut app);
    assert_put_right(&app, "an intake's day edited");
    let other = app
        .data
        .employees
        .iter()
        .find(|e| !e.email.trim().is_empty() && e.id != nova.id)
        .unwrap()
        .clone();
    add_intake(
        &mut app,
        "",
        &other.email.to_uppercase(),
        &other.first_name,
        &other.last_name,
        "2026-11-04",
    );
    submit(&mut app);
    assert!(
        app.data
            .intakes_of(other.id)
            .iter()
            .any(|i| i.received == common::date(2026, 11, 4))
    );
    assert_put_right(&app, "an intake for a person found by email");

    // A person edited on the people tab.
    app.update(Action::GoTab(Tab::People));
    app.update(Action::Top);
    app.update(Action::People(PeopleAction::Edit));
    fill(
        &mut app,
        &[("employee id", "00912"), ("email", "Moved@District.org")],
    );
    submit(&mut app);
    app.update(Action::Back);
    assert_put_right(&app, "a person edited on the people tab");

    // Undone one by one: the person edit, the intakes, and the person the first intake added
    // (a removal: what moves after it is found where it went).
    for step in 0..7 {
        app.update(Action::GoTab(if step == 0 { Tab::People } else { Tab::Intake }));
        app.update(Action::Undo);
        assert_same_as_a_scan(&app, &format!("undo {step}: {:?}", app.status));
    }
    assert_eq!(app.data.people().by_number("912"), None, "{:?}", app.status);
    assert_same_as_a_scan(&app, "everything undone");
}
