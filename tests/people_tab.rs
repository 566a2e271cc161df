//! The people tab and the person card on a real database: opening a card from every tab, search
//! and the palette; adding, editing, deleting and merging people (each one transaction, undone
//! with u); history; the chapter and owner lists; everything masked under the privacy screen.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::fill;
use common::*;
use pathways_core::domain::*;
use pathways_core::store::Store;
use pathways_tui::action::Action;
use pathways_tui::app::{App, Modal, Tab};
use pathways_tui::tabs::people::{PeopleAction, View};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn act(app: &mut App, a: PeopleAction) {
    app.update(Action::People(a));
}

fn form_open(app: &App) -> bool {
    matches!(app.modals.last(), Some(Modal::Form { .. }))
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

fn screen(app: &App) -> String {
    screen_text(app, 80, 24)
}

/// An empty database with two people: what a first day with real data looks like.
fn empty_app() -> (tempfile::TempDir, std::path::PathBuf, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.redb");
    let store = Store::create_new(&path).unwrap();
    let app = App::new(store, today()).unwrap();
    (dir, path, app)
}

#[test]
fn a_person_is_added_edited_and_undone_from_an_empty_database() {
    let (_dir, path, mut app) = empty_app();
    press(&mut app, "6");
    assert_eq!(app.tab, Tab::People);
    assert!(screen(&app).contains("nobody yet"), "{}", screen(&app));
    act(&mut app, PeopleAction::Add);
    fill(
        &mut app,
        &[
            ("employee id", "000101"),
            ("first name", "Ana"),
            ("last name", "García"),
            ("email", "ana_garcia@district.org"),
            ("hire date", "8/20/2019"),
            ("status", "permanent"),
        ],
    );
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen(&app));
    let ana = app.data.employees[0].clone();
    assert_eq!(ana.hire_date, Some(date(2019, 8, 20)), "a date in M/D/YYYY");
    assert_eq!(ana.status, Some(EmploymentStatus::Permanent));
    // What nobody entered is unknown, not a default that looks like data.
    assert_eq!(
        (ana.chapter.clone(), ana.in_evaluation, ana.race),
        (None, None, Race::Unknown)
    );
    // The card opens on the new person, unknown shown as unknown.
    let s = screen(&app);
    assert_eq!(app.people.card.as_ref().map(|c| c.person), Some(ana.id));
    assert!(
        s.contains("chapter     unknown") && s.contains("PAR/special unknown"),
        "{s}"
    );
    assert!(
        s.contains("race        unknown") && s.contains("in position unknown"),
        "{s}"
    );
    // An edit: the chapter picked, N/A is a value of its own.
    act(&mut app, PeopleAction::Edit);
    fill(&mut app, &[("chapter", "N/A"), ("position", "Paraeducator")]);
    app.update(Action::Submit);
    assert!(!form_open(&app));
    let saved = Store::open(&path).unwrap().load().unwrap().0.employees[0].clone();
    assert_eq!(saved.chapter.as_deref(), Some("N/A"));
    assert_eq!(saved.position, "Paraeducator");
    // u takes the edit back, then the add.
    app.update(Action::Undo);
    assert_eq!(app.data.employees[0].chapter, None);
    app.update(Action::Undo);
    assert!(app.data.employees.is_empty());
    assert!(app.people.card.is_none(), "the card of a person gone closes");
}

#[test]
fn the_form_names_the_field_and_the_person_an_id_belongs_to() {
    let (_dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::People));
    let taken = app.data.employees[5].clone();
    act(&mut app, PeopleAction::Add);
    fill(
        &mut app,
        &[
            ("employee id", taken.employee_number.as_str()),
            ("first name", "Noor"),
            ("last name", "Haddad"),
            ("position start", "2020-02-30"),
            ("supervisor", "Garcia"),
        ],
    );
    app.update(Action::Submit);
    assert!(form_open(&app));
    assert!(
        error_on(&app, "employee id")
            .unwrap()
            .contains(&taken.full_name())
    );
    assert!(error_on(&app, "position start").is_some());
    let ambiguous = error_on(&app, "supervisor").unwrap();
    assert!(ambiguous.contains("employees match"), "{ambiguous}");
    // Under the privacy screen the names in an error are initials.
    app.update(Action::Cancel);
    app.update(Action::Confirm);
    app.update(Action::TogglePrivacy);
    act(&mut app, PeopleAction::Add);
    fill(&mut app, &[("employee id", &taken.employee_number)]);
    app.update(Action::Submit);
    let masked = error_on(&app, "employee id").unwrap();
    assert!(!masked.contains(&taken.full_name()), "{masked}");
}

#[test]
fn o_opens_the_card_of_the_person_a_row_shows_on_every_tab_and_esc_goes_back() {
    let (_dir, mut app) = demo_app();
    let checks: Vec<(Tab, Option<char>)> = vec![
        (Tab::Intake, None),
        (Tab::Mentoring, None),
        (Tab::Mentoring, Some('v')),
        (Tab::Coverage, Some('→')),
        (Tab::Leadership, Some('t')),
        (Tab::Leadership, Some('c')),
        (Tab::Leadership, Some('w')),
    ];
    for (tab, view) in checks {
        app.update(Action::GoTab(tab));
        match view {
            Some('→') => key(&mut app, KeyCode::Right),
            Some(c) => press(&mut app, &c.to_string()),
            None => {}
        }
        let expected = app
            .selected_person()
            .unwrap_or_else(|| panic!("{tab:?} {view:?} shows no person"));
        press(&mut app, "O");
        assert_eq!(app.tab, Tab::People);
        assert_eq!(app.people.card.as_ref().map(|c| c.person), Some(expected));
        let name = app.data.employee_name(expected);
        assert!(screen(&app).contains(&name), "{}", screen(&app));
        key(&mut app, KeyCode::Esc);
        assert_eq!(app.tab, tab, "Esc goes back to where the card was opened");
    }
    // A row that shows no person says so.
    app.update(Action::GoTab(Tab::Metrics));
    press(&mut app, "O");
    assert_eq!(app.tab, Tab::Metrics);
    assert_eq!(app.status.as_deref(), Some("this row shows no person"));
}

#[test]
fn search_and_the_palette_open_a_card() {
    let (_dir, mut app) = demo_app();
    let someone = app.data.employees[42].clone();
    app.handle_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    press(&mut app, &someone.employee_number);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, Tab::People);
    assert_eq!(app.people.card.as_ref().map(|c| c.person), Some(someone.id));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.tab, Tab::Intake);
    // `:person` with an employee id, an email or `#N`.
    for who in [
        someone.employee_number.clone(),
        someone.email.to_uppercase(),
        format!("#{}", someone.id),
    ] {
        press(&mut app, ":");
        press(&mut app, &format!("person {who}"));
        key(&mut app, KeyCode::Enter);
        assert_eq!(
            app.people.card.as_ref().map(|c| c.person),
            Some(someone.id),
            "{who}"
        );
        key(&mut app, KeyCode::Esc);
    }
    // A name several people have lists them, masked under the privacy screen.
    press(&mut app, "p:");
    press(&mut app, "person garcia");
    key(&mut app, KeyCode::Enter);
    let status = app.status.clone().unwrap();
    assert!(
        status.starts_with("person: ") && status.contains("employees match"),
        "{status}"
    );
    assert!(!status.contains("García"), "{status}");
}

#[test]
fn the_card_shows_the_whole_story_and_masks_what_is_personal() {
    let (_dir, mut app) = demo_app();
    // A mentee with an intake and a pair: both parts of the story show.
    let pair = app.data.pairs[0].clone();
    let mentee = app.data.employee(pair.mentee_id).unwrap().clone();
    app.open_card(mentee.id);
    let s = screen_text(&app, 120, 40);
    let mentor = app.data.mentor(pair.mentor_id).unwrap().employee_id;
    assert!(
        s.contains(&mentee.full_name()) && s.contains(&mentee.email),
        "{s}"
    );
    assert!(
        s.contains("Mentee (") && s.contains(&app.data.employee_name(mentor)),
        "{s}"
    );
    assert!(s.contains(&format!("signed {}", pair.started)), "{s}");
    for part in [
        "Intakes",
        "Mentor",
        "Ambassador",
        "Leadership cohorts",
        "PL attendance",
        "Waitlist",
    ] {
        assert!(s.contains(part), "{part} missing:\n{s}");
    }
    app.update(Action::TogglePrivacy);
    let s = screen_text(&app, 120, 40);
    for hidden in [
        mentee.full_name(),
        mentee.email.clone(),
        mentee.race.label().to_string(),
        app.data.employee_name(mentor),
    ] {
        assert!(!s.contains(&hidden), "{hidden} visible:\n{s}");
    }
    assert!(s.contains(&initials(&mentee.full_name())), "{s}");
    // Copy takes what the screen shows.
    app.update(Action::Copy);
    let copied = app.clipboard.take().unwrap();
    assert!(!copied.contains(&mentee.full_name()) && copied.contains(&mentee.employee_number));
}

#[test]
fn delete_is_refused_while_records_point_at_the_person_and_undone_with_u() {
    let (_dir, mut app) = demo_app();
    let intake = app.data.intakes[0].clone();
    app.open_card(intake.employee_id);
    act(&mut app, PeopleAction::Delete);
    let status = app.status.clone().unwrap();
    assert!(
        status.contains("cannot delete") && status.contains("1 intake (received"),
        "{status}"
    );
    assert!(app.modals.is_empty(), "nothing asked, nothing deleted");
    // Someone nothing points at: asked, deleted, and back with u.
    let free = app
        .data
        .employees
        .iter()
        .find(|e| pathways_core::store::References::in_data(&app.data, e.id).is_empty())
        .unwrap()
        .clone();
    app.open_card(free.id);
    act(&mut app, PeopleAction::Delete);
    assert!(matches!(app.modals.last(), Some(Modal::Confirm { .. })));
    app.update(Action::Confirm);
    assert!(app.data.employee(free.id).is_none());
    assert!(app.people.card.is_none());
    app.update(Action::Undo);
    assert_eq!(app.data.employee(free.id), Some(&free));
}

/// A person met at a pop-up by email (an intake), and the same person from HR by employee id.
fn twice(app: &mut App) -> (Employee, Employee) {
    let hr = app.data.employees[7].clone();
    let mut popup = Employee::unknown(
        String::new(),
        hr.first_name.clone(),
        format!("{} ", hr.last_name).trim().to_string() + "e",
        "second.address@district.example.org".into(),
    );
    let popup_id = app
        .save("popup person", |w| {
            let id = w.insert(&mut popup)?;
            let mut intake = Intake::new(id, date(2026, 11, 2), IntakeSource::PopUp);
            intake.services.push(Service::ResumeReview);
            w.insert(&mut intake)?;
            Ok(id)
        })
        .unwrap();
    (hr, app.data.employee(popup_id).unwrap().clone())
}

#[test]
fn merge_chooses_per_field_moves_every_record_in_one_transaction_and_is_undone() {
    let (_dir, mut app) = demo_app();
    let (hr, popup) = twice(&mut app);
    let hr_intakes = app.data.intakes.iter().filter(|i| i.employee_id == hr.id).count();
    app.open_card(hr.id);
    act(&mut app, PeopleAction::Merge);
    fill(&mut app, &[("other record", &popup.email)]);
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen(&app));
    let s = screen(&app);
    assert!(s.contains("kept:") && s.contains("merged in:"), "{s}");
    assert!(
        s.contains("moves from the merged-in record: 1 intake (received"),
        "{s}"
    );
    // The other record's last name wins; the email stays HR's.
    let m = app.people.merge.clone().unwrap();
    let row = m.rows.iter().position(|f| *f == PersonField::LastName).unwrap();
    for _ in 0..row {
        app.update(Action::Down);
    }
    app.update(Action::Right);
    act(&mut app, PeopleAction::Open);
    assert!(matches!(app.modals.last(), Some(Modal::Confirm { .. })));
    app.update(Action::Confirm);
    assert!(app.data.employee(popup.id).is_none(), "{:?}", app.status);
    let merged = app.data.employee(hr.id).unwrap();
    assert_eq!(merged.last_name, popup.last_name);
    assert_eq!(merged.email, hr.email);
    assert_eq!(
        app.data.intakes.iter().filter(|i| i.employee_id == hr.id).count(),
        hr_intakes + 1,
        "the pop-up's intake moved to the kept record"
    );
    assert_eq!(app.people.card.as_ref().map(|c| c.person), Some(hr.id));
    // One transaction: one undo brings both records back as they were.
    app.update(Action::Undo);
    assert_eq!(app.data.employee(popup.id), Some(&popup));
    assert_eq!(app.data.employee(hr.id), Some(&hr));
    assert_eq!(
        app.data
            .intakes
            .iter()
            .filter(|i| i.employee_id == popup.id)
            .count(),
        1
    );
}

#[test]
fn a_merge_of_two_different_people_is_refused_and_changes_nothing() {
    let (_dir, mut app) = demo_app();
    let pair = app.data.pairs[0].clone();
    let mentor = app.data.mentor(pair.mentor_id).unwrap().employee_id;
    let before = app.data.employees.len();
    app.open_card(mentor);
    act(&mut app, PeopleAction::Merge);
    let mentee = app.data.employee(pair.mentee_id).unwrap().employee_number.clone();
    fill(&mut app, &[("other record", &mentee)]);
    app.update(Action::Submit);
    act(&mut app, PeopleAction::Open);
    app.update(Action::Confirm);
    let status = app.status.clone().unwrap();
    assert!(status.contains("mentors the other"), "{status}");
    assert_eq!(app.data.employees.len(), before);
}

#[test]
fn history_shows_who_changed_each_field_and_masks_it_under_the_privacy_screen() {
    let (_dir, mut app) = demo_app();
    let e = app.data.employees[3].clone();
    app.open_card(e.id);
    act(&mut app, PeopleAction::Edit);
    fill(
        &mut app,
        &[
            ("position", "Lead Custodian"),
            ("email", "new.address@district.org"),
        ],
    );
    app.update(Action::Submit);
    press(&mut app, "L");
    assert!(matches!(app.modals.last(), Some(Modal::History(_))));
    let s = screen_text(&app, 100, 30);
    let who = pathways_core::store::os_user();
    assert!(s.contains(&format!("{who}  changed employee #{}", e.id)), "{s}");
    assert!(
        s.contains(&format!("position: {} → Lead Custodian", e.position)),
        "{s}"
    );
    assert!(s.contains("new.address@district.org"), "{s}");
    press(&mut app, "p");
    let s = screen_text(&app, 100, 30);
    assert!(
        !s.contains("new.address@district.org") && !s.contains(&e.email),
        "{s}"
    );
    assert!(s.contains("email: •••• → ••••"), "{s}");
    assert!(!s.contains(&e.full_name()), "{s}");
    key(&mut app, KeyCode::Esc);
    assert!(app.modals.is_empty());
    // Each record's detail has its history too: an intake changed on the intake tab.
    press(&mut app, "p");
    app.update(Action::GoTab(Tab::Intake));
    let intake = app.intake.selected(&app.data).unwrap().clone();
    app.update(Action::Intake(pathways_tui::tabs::intake::IntakeAction::Advance));
    // The step asks its date (today), then offers the next step: both kept as they are.
    for _ in 0..3 {
        if form_open(&app) {
            app.update(Action::Submit);
        }
    }
    assert!(!form_open(&app), "{}", screen(&app));
    press(&mut app, "L");
    let s = screen_text(&app, 100, 30);
    assert!(s.contains(&format!("intake received {}", intake.received)), "{s}");
    assert!(s.contains(&format!("changed intake #{}", intake.id)), "{s}");
    assert!(s.contains("status:"), "{s}");
}

#[test]
fn chapters_are_added_renamed_merged_and_removed_by_the_lists_rules() {
    let (_dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::People));
    act(&mut app, PeopleAction::Chapters);
    assert_eq!(app.people.view(), View::Chapters);
    act(&mut app, PeopleAction::Add);
    fill(&mut app, &[("name", "Paraeducatros")]);
    app.update(Action::Submit);
    assert!(!form_open(&app));
    assert!(app.data.chapters.iter().any(|c| c.name == "Paraeducatros"));
    // Someone carries the typo; merging it into the right entry moves them and drops it.
    let e = app.data.employees[0].clone();
    let mut typo = e.clone();
    typo.chapter = Some("Paraeducatros".into());
    app.save("typo", move |w| w.update(&e, &typo)).unwrap();
    act(&mut app, PeopleAction::Delete);
    assert!(
        app.status.clone().unwrap().contains("1 person carries it"),
        "{:?}",
        app.status
    );
    act(&mut app, PeopleAction::Merge);
    fill(&mut app, &[("into", "Paraeducators")]);
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen(&app));
    assert!(!app.data.chapters.iter().any(|c| c.name == "Paraeducatros"));
    assert_eq!(app.data.employees[0].chapter.as_deref(), Some("Paraeducators"));
    // Renaming rewrites everyone carrying it.
    let carried = app
        .data
        .employees
        .iter()
        .filter(|e| e.chapter.as_deref() == Some("Fiscal"))
        .count();
    let row = app
        .people
        .chapters
        .iter()
        .position(|c| c.name == "Fiscal")
        .unwrap();
    app.update(Action::Top);
    for _ in 0..row {
        app.update(Action::Down);
    }
    act(&mut app, PeopleAction::Edit);
    fill(&mut app, &[("name", "Fiscal Services")]);
    app.update(Action::Submit);
    assert_eq!(
        app.data
            .employees
            .iter()
            .filter(|e| e.chapter.as_deref() == Some("Fiscal Services"))
            .count(),
        carried
    );
    // The person form picks from the list.
    app.update(Action::Undo);
    act(&mut app, PeopleAction::NextView);
    act(&mut app, PeopleAction::NextView);
    act(&mut app, PeopleAction::Add);
    let Some(Modal::Form { form, .. }) = app.modals.last() else {
        panic!()
    };
    let chapter = form.fields.iter().find(|f| f.label == "chapter").unwrap();
    let pathways_tui::form::FieldKind::Choice(options) = &chapter.kind else {
        panic!()
    };
    assert_eq!(options.first().map(String::as_str), Some("unknown"));
    assert_eq!(options.last().map(String::as_str), Some("N/A"));
    assert!(options.iter().any(|o| o == "Fiscal"));
}

#[test]
fn owners_are_a_pick_list_in_the_intake_form_and_filter() {
    let (_dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::People));
    act(&mut app, PeopleAction::Owners);
    act(&mut app, PeopleAction::Add);
    fill(&mut app, &[("name", "Dana Whitfield")]);
    app.update(Action::Submit);
    assert!(app.data.owners().contains(&"Dana Whitfield".to_string()));
    app.update(Action::GoTab(Tab::Intake));
    app.update(Action::Intake(pathways_tui::tabs::intake::IntakeAction::Edit));
    let Some(Modal::Form { form, .. }) = app.modals.last() else {
        panic!()
    };
    let owner = form.fields.iter().find(|f| f.label == "owner").unwrap();
    let pathways_tui::form::FieldKind::Choice(options) = &owner.kind else {
        panic!("the owner is picked from the list")
    };
    assert_eq!(options[0], "(none)");
    assert!(options.contains(&"Dana Whitfield".to_string()));
    fill(&mut app, &[("owner", "Dana Whitfield")]);
    app.update(Action::Submit);
    let intake = app.intake.selected(&app.data).unwrap().clone();
    assert_eq!(intake.owner, "Dana Whitfield");
    assert!(app.intake.owners.contains(&"Dana Whitfield".to_string()));
}

#[test]
fn the_coverage_ambassador_form_takes_an_email() {
    let (_dir, mut app) = demo_app();
    let senior = app
        .data
        .employees
        .iter()
        .find(|e| {
            e.years_of_service(today()).is_some_and(|y| y >= 6)
                && e.location_id.is_some()
                && !app.data.ambassadors.iter().any(|a| a.employee_id == e.id)
        })
        .unwrap()
        .clone();
    app.update(Action::GoTab(Tab::Coverage));
    app.update(Action::Coverage(
        pathways_tui::tabs::coverage::CoverageAction::Add,
    ));
    fill(&mut app, &[("employee", &senior.email.to_uppercase())]);
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen(&app));
    assert_eq!(app.data.ambassadors.last().unwrap().employee_id, senior.id);
}
