//! The intake queue in a real App on a real database, drawn at 80x24.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use pathways_core::domain::*;
use pathways_tui::app::{App, Modal, Tab};
use pathways_tui::tabs::intake::{FlagFilter, Sort};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn chars(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Only the intakes carrying `flag`.
fn flagged(app: &mut App, flag: FlagFilter) {
    app.intake.filters.flags = Some(flag);
    app.refresh_tab(Tab::Intake);
    assert!(!app.intake.rows().is_empty(), "{flag:?}");
}

#[test]
fn queue_at_80x24_shows_markers_filters_and_detail() {
    let (_dir, mut app) = common::demo_app();
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("Intake queue ("), "{text}");
    // It opens on the open intakes, and says so.
    assert!(text.contains("open intakes (f filters"), "{text}");
    assert!(
        app.intake
            .rows()
            .visible
            .iter()
            .all(|&i| app.data.intakes[i].is_open())
    );
    // What each marker means, with how many, on the line above the list.
    let legend = format!(
        "! {} no contact in 5 working days · ~ {} no step in 10 · * {} next step late",
        app.intake.overdue_count, app.intake.stale_count, app.intake.late_count
    );
    assert!(text.contains(&legend), "{text}");
    assert!(app.intake.overdue_count > 0 && app.intake.stale_count > 0 && app.intake.late_count > 0);
    // Each marker is a character, so it survives NO_COLOR; the detail says it in words.
    flagged(&mut app, FlagFilter::Overdue);
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("│▶ !"), "{text}");
    assert!(text.contains("! OVERDUE"), "{text}");
    flagged(&mut app, FlagFilter::Stale);
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("│▶ ~"), "{text}");
    assert!(text.contains("~ STALE"), "{text}");
    flagged(&mut app, FlagFilter::Late);
    let text = common::screen_text(&app, 80, 24);
    assert!(
        text.lines()
            .any(|l| l.starts_with("│▶ ") && l.chars().nth(4) == Some('*')),
        "{text}"
    );
    assert!(text.contains("* LATE: "), "{text}");
    // The footer names the queue's main keys, pop-up capture included.
    let footer = text.lines().last().unwrap();
    for hint in ["a add", "> step", "c consult", "f filters", "P pop-up", "? help"] {
        assert!(footer.contains(hint), "{footer}");
    }
}

#[test]
fn no_colour_and_privacy_screen() {
    let (_dir, mut app) = common::demo_app();
    app.color = false;
    flagged(&mut app, FlagFilter::Overdue);
    let name = app.data.employee_name(selected(&app).employee_id);
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("│▶ !"), "{text}");
    assert!(text.contains(&name), "{text}");
    key(&mut app, KeyCode::Char('p'));
    let text = common::screen_text(&app, 80, 24);
    assert!(!text.contains(&name), "{text}");
    assert!(text.contains(&initials(&name)), "{text}");
    // Forms that show names hide them too.
    key(&mut app, KeyCode::Char('e'));
    let text = common::screen_text(&app, 80, 24);
    let first = &app.data.employee(selected(&app).employee_id).unwrap().first_name;
    assert!(!text.contains(&format!("first name      {first}")), "{text}");
    assert!(text.contains("••••"), "{text}");
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

/// Reopens the same database, as after a restart.
fn reopen(app: App) -> App {
    let path = app.store.path().to_path_buf();
    drop(app);
    App::new(pathways_core::store::Store::open(&path).unwrap(), common::today()).unwrap()
}

fn only(app: &mut App, status: IntakeStatus) {
    app.intake.filters.status = Some(pathways_tui::tabs::intake::StatusFilter::Is(status));
    app.refresh_tab(Tab::Intake);
    assert!(!app.intake.rows().is_empty());
}

#[test]
fn advance_records_the_date_and_stepping_back_asks_first() {
    let (_dir, mut app) = common::demo_app();
    only(&mut app, IntakeStatus::Received);
    let it = selected(&app);
    // `>` asks the step's date (today by default) and offers the next step for update.
    key(&mut app, KeyCode::Char('>'));
    let form = top_form(&app).expect("the step's form");
    assert_eq!(form.value("on"), common::today().to_string());
    assert_eq!(form.value("next step"), it.next_step);
    // A date after today, or before the step it follows, is refused in place.
    for (bad, why) in [
        ("2026-11-26", "is after today (2026-11-25)"),
        ("1/1/2020", "before the previous step"),
    ] {
        for _ in 0..12 {
            key(&mut app, KeyCode::Backspace);
        }
        chars(&mut app, bad);
        key(&mut app, KeyCode::Enter);
        let error = top_form(&app).unwrap().fields[0].error.clone().unwrap();
        assert!(error.contains(why), "{bad}: {error}");
    }
    // Friday's call logged later says Friday (typed M/D/YYYY like every date field).
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "11/20/2026");
    key(&mut app, KeyCode::Tab);
    for _ in 0..it.next_step.chars().count() {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "book the consultation");
    key(&mut app, KeyCode::Tab);
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "2026-12-01");
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty(), "{:?}", top_form(&app).map(|f| &f.fields));
    let after = app.data.intakes.iter().find(|i| i.id == it.id).unwrap().clone();
    assert_eq!(after.status, IntakeStatus::Contacted);
    assert_eq!(
        after.date_of(IntakeStatus::Contacted),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
    );
    assert_eq!(after.next_step, "book the consultation");
    assert_eq!(after.next_step_due, chrono::NaiveDate::from_ymd_opt(2026, 12, 1));
    assert!(!after.is_overdue(common::today(), 5, &Default::default()));
    // `]` and `[` step a period on other tabs; here they change nothing.
    key(&mut app, KeyCode::Char(']'));
    assert!(app.modals.is_empty());

    // The filter (received) no longer shows it; find it again.
    app.intake.filters = Default::default();
    app.refresh_tab(Tab::Intake);
    app.select_intake(it.id);
    assert_eq!(selected(&app).id, it.id);
    key(&mut app, KeyCode::Char('<'));
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("back to received"), "{text}");
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(selected(&app).status, IntakeStatus::Contacted);
    key(&mut app, KeyCode::Char('<'));
    key(&mut app, KeyCode::Char('y'));
    let back = app.data.intakes.iter().find(|i| i.id == it.id).unwrap().clone();
    assert_eq!(back.status, IntakeStatus::Received);
    assert_eq!(back.date_of(IntakeStatus::Contacted), None);
    // Durable: still so after a restart.
    let app = reopen(app);
    let stored = app.data.intakes.iter().find(|i| i.id == it.id).unwrap();
    assert_eq!(stored.history, back.history);
}

#[test]
fn closing_asks_for_a_reason_from_a_pick_list() {
    let (_dir, mut app) = common::demo_app();
    only(&mut app, IntakeStatus::RelationshipEstablished);
    let it = selected(&app);
    let established = it.established_on();
    // Advancing from "relationship established" is closing: it asks why.
    key(&mut app, KeyCode::Char('>'));
    let form = top_form(&app).expect("close form");
    assert_eq!(form.value("close reason"), "served");
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    assert_eq!(top_form(&app).unwrap().value("close reason"), "withdrawn");
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty());
    let closed = app.data.intakes.iter().find(|i| i.id == it.id).unwrap();
    assert_eq!(closed.status, IntakeStatus::Closed);
    assert_eq!(closed.close_reason, Some(CloseReason::Withdrawn));
    assert_eq!(closed.date_of(IntakeStatus::Closed), Some(common::today()));
    // The date the monthly metric counts is kept.
    assert_eq!(closed.established_on(), established);

    // x closes from any status; a close date before the last change is refused in place.
    only(&mut app, IntakeStatus::Contacted);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "2020-01-01");
    key(&mut app, KeyCode::Enter);
    let form = top_form(&app).expect("form stays open");
    assert!(
        form.fields[1]
            .error
            .as_deref()
            .unwrap()
            .contains("before its last status change")
    );
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("✗ before its last status change"), "{text}");
}

#[test]
fn filters_are_shown_and_combine_with_typed_narrowing() {
    let (_dir, mut app) = common::demo_app();
    let all = app.data.intakes.len();
    let open = app.intake.rows().len();
    assert!(open < all && open > 0);
    // Status "any" shows the closed ones too.
    key(&mut app, KeyCode::Char('f'));
    assert!(top_form(&app).is_some());
    key(&mut app, KeyCode::Left); // status: open -> any
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty());
    assert_eq!(app.intake.rows().len(), all);
    assert!(common::screen_text(&app, 80, 24).contains("FILTERED: all statuses"));
    // F: back to the open intakes.
    key(&mut app, KeyCode::Char('F'));
    assert_eq!(app.intake.rows().len(), open);
    assert!(
        app.intake
            .rows()
            .visible
            .iter()
            .all(|&i| app.data.intakes[i].status != IntakeStatus::Closed)
    );
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("open intakes (f filters"), "{text}");
    assert!(
        text.contains(&format!("Intake queue ({open} of {all})")),
        "{text}"
    );

    // `/` narrows what the filters leave.
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "resume");
    key(&mut app, KeyCode::Enter);
    let narrowed = app.intake.rows().len();
    assert!(narrowed < open && narrowed > 0);
    assert!(
        app.intake
            .rows()
            .visible
            .iter()
            .all(|&i| app.data.intakes[i].status != IntakeStatus::Closed)
    );
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("FILTERED: open · /resume"), "{text}");
    // Every tab's footer says a kept filter is on.
    assert!(
        text.lines().last().unwrap().contains("/resume (Esc clears)"),
        "{text}"
    );

    // Flagged only: every row carries a marker.
    key(&mut app, KeyCode::Char('F'));
    assert_eq!(app.intake.rows().len(), open);
    key(&mut app, KeyCode::Char('o'));
    let flagged = app.intake.rows().len();
    assert!(flagged > 0 && flagged < open);
    assert!(
        app.intake
            .rows()
            .visible
            .iter()
            .all(|&i| app.intake.flags_of(i).any())
    );
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("flagged (! ~ *)"), "{text}");
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.intake.rows().len(), open);

    // Service, owner: every remaining row matches.
    app.intake.filters.service = Some(Service::TeacherPathway);
    app.intake.filters.owner = Some("program manager".into());
    app.refresh_tab(Tab::Intake);
    assert!(!app.intake.rows().is_empty());
    assert!(app.intake.rows().visible.iter().all(|&i| {
        let it = &app.data.intakes[i];
        it.services.contains(&Service::TeacherPathway) && it.owner == "program manager"
    }));
    // Chapter and location through the employee.
    let e = app
        .data
        .employee(app.data.intakes[0].employee_id)
        .unwrap()
        .clone();
    app.intake.filters = Default::default();
    app.intake.filters.chapter = e.chapter.clone();
    app.intake.filters.location = e.location_id;
    app.refresh_tab(Tab::Intake);
    assert!(app.intake.rows().visible.iter().all(|&i| {
        let w = app.data.employee(app.data.intakes[i].employee_id).unwrap();
        w.chapter == e.chapter && w.location_id == e.location_id
    }));
}

#[test]
fn sorts_by_days_waiting_name_and_date() {
    let (_dir, mut app) = common::demo_app();
    let today = app.today;
    let waits: Vec<Option<i64>> = app
        .intake
        .rows()
        .visible
        .iter()
        .filter(|&&i| app.data.intakes[i].status != IntakeStatus::Closed)
        .map(|&i| app.data.intakes[i].days_waiting(today))
        .collect();
    assert!(waits.windows(2).all(|w| w[0] >= w[1]));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.intake.sort, Sort::Name);
    // By the name as shown: full names, or initials under the privacy screen.
    for private in [false, true] {
        app.set_private(private);
        let names: Vec<String> = app
            .intake
            .rows()
            .visible
            .iter()
            .map(|&i| pathways_core::text::fold(&app.person(app.data.intakes[i].employee_id)))
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "private {private}");
    }
    app.set_private(false);
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.intake.sort, Sort::Received);
    let dates: Vec<_> = app
        .intake
        .rows()
        .visible
        .iter()
        .map(|&i| app.data.intakes[i].received)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]));
    key(&mut app, KeyCode::Char('S'));
    let dates: Vec<_> = app
        .intake
        .rows()
        .visible
        .iter()
        .map(|&i| app.data.intakes[i].received)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    assert!(common::screen_text(&app, 80, 24).contains("sorted by date received (reversed)"));
}

#[test]
fn the_overdue_and_stale_rules_are_set_in_the_tab_and_kept() {
    let (_dir, mut app) = common::demo_app();
    assert_eq!((app.intake.overdue_limit, app.intake.stale_limit), (5, 10));
    let (overdue, stale) = (app.intake.overdue_count, app.intake.stale_count);
    key(&mut app, KeyCode::Char('w'));
    key(&mut app, KeyCode::Backspace);
    chars(&mut app, "0");
    key(&mut app, KeyCode::Enter);
    assert!(
        top_form(&app).unwrap().fields[0]
            .error
            .as_deref()
            .unwrap()
            .contains("between 1 and 60")
    );
    key(&mut app, KeyCode::Backspace);
    chars(&mut app, "1");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    chars(&mut app, "x");
    key(&mut app, KeyCode::Enter);
    let form = top_form(&app).unwrap();
    assert_eq!(form.fields[1].label, "stale after");
    assert!(form.fields[1].error.as_deref().unwrap().contains("1 to 60"));
    key(&mut app, KeyCode::Backspace);
    chars(&mut app, "3");
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty());
    assert_eq!((app.intake.overdue_limit, app.intake.stale_limit), (1, 3));
    assert!(app.intake.overdue_count > overdue);
    assert!(app.intake.stale_count > stale);
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("no contact in 1 working day ·"), "{text}");
    assert!(text.contains("no step in 3 ·"), "{text}");
    let app = reopen(app);
    assert_eq!((app.intake.overdue_limit, app.intake.stale_limit), (1, 3));
    assert_eq!(app.data.intake_settings.len(), 1);
}

#[test]
fn consultations_are_logged_and_listed_in_the_detail_pane() {
    let (_dir, mut app) = common::demo_app();
    only(&mut app, IntakeStatus::Contacted);
    let it = selected(&app);
    key(&mut app, KeyCode::Char('c'));
    // The intake's services come ticked (the pick list keeps its own order).
    let mut ticked: Vec<String> = top_form(&app)
        .unwrap()
        .value("services")
        .split("; ")
        .map(str::to_string)
        .collect();
    ticked.sort();
    let mut asked: Vec<String> = it.services.iter().map(|s| s.label().to_string()).collect();
    asked.sort();
    assert_eq!(ticked, asked);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    chars(&mut app, "45");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "talked about the para-to-teacher route");
    key(&mut app, KeyCode::Enter);
    assert!(
        app.modals.is_empty(),
        "{:?}",
        top_form(&app).map(|f| f.fields.clone())
    );
    let c = app
        .data
        .consultations
        .iter()
        .find(|c| c.intake_id == it.id)
        .unwrap();
    assert_eq!((c.minutes, c.date), (45, common::today()));
    // The detail pane scrolls (J) to the consultations when they are below its fold.
    common::screen_text(&app, 80, 24);
    chars(&mut app, "JJJJJJ");
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("45 min"), "{text}");
    assert!(
        text.contains("Consultations: 1 consultation, 45 minutes in all"),
        "{text}"
    );
}

/// Minutes typed as "-5" or "1e3" are refused on the field, never stored as 5 or 13.
#[test]
fn minutes_that_are_not_a_whole_number_are_refused_naming_the_field() {
    let (_dir, mut app) = common::demo_app();
    only(&mut app, IntakeStatus::Contacted);
    let it = selected(&app);
    let before = app.data.consultations.len();
    for typed in ["-5", "1e3", "4.5"] {
        key(&mut app, KeyCode::Char('c'));
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::Backspace);
        key(&mut app, KeyCode::Backspace);
        chars(&mut app, typed);
        key(&mut app, KeyCode::Enter);
        let form = top_form(&app).expect("the form stays open");
        assert_eq!(form.value("minutes"), typed, "what was typed is kept as typed");
        let error = form
            .fields
            .iter()
            .find(|f| f.label == "minutes")
            .and_then(|f| f.error.clone());
        assert!(
            error.as_deref().is_some_and(|e| e.contains("whole number")),
            "{typed}: {error:?}"
        );
        let text = common::screen_text(&app, 80, 24);
        assert!(text.contains("whole number"), "{text}");
        key(&mut app, KeyCode::Esc);
        if !app.modals.is_empty() {
            key(&mut app, KeyCode::Char('y'));
        }
        assert!(app.modals.is_empty(), "{typed}: the form closes");
    }
    assert_eq!(app.data.consultations.len(), before, "nothing was stored");
    assert!(
        !app.data
            .consultations
            .iter()
            .any(|c| c.intake_id == it.id && [5, 13, 45].contains(&c.minutes))
    );
}

#[test]
fn the_add_form_says_what_is_wrong_in_place_and_saves_when_valid() {
    let (_dir, mut app) = common::demo_app();
    let before = app.data.intakes.len();
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Enter);
    let form = top_form(&app).expect("stays open");
    let err = |label: &str| {
        form.fields
            .iter()
            .find(|f| f.label == label)
            .unwrap()
            .error
            .clone()
    };
    assert!(err("first name").is_some());
    assert!(err("employee id").unwrap().contains("employee id or an email"));
    assert!(err("services").is_some());
    assert_eq!(app.data.intakes.len(), before);
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("✗ a first name is required"), "{text}");

    // Esc on a changed form asks first.
    chars(&mut app, "900123");
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.modals.last(), Some(Modal::Confirm { .. })));
    key(&mut app, KeyCode::Char('n'));
    assert!(top_form(&app).is_some());

    // employee id, email, first, last, position, location, received, source, services...
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "nope");
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "Imani");
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "Okonkwo");
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "Paraeducator");
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "zzz no such place");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "r ");
    key(&mut app, KeyCode::Enter);
    let form = top_form(&app).expect("still wrong");
    let err = |label: &str| {
        form.fields
            .iter()
            .find(|f| f.label == label)
            .unwrap()
            .error
            .clone()
    };
    assert!(err("email").unwrap().contains("not an email"));
    assert!(err("location").unwrap().contains("no location has that name"));
    assert_eq!(form.focus, 1, "focus goes to the first wrong field");
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "imani@district.org");
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    for _ in 0..17 {
        key(&mut app, KeyCode::Backspace);
    }
    let place = app.data.locations[3].name.clone();
    chars(&mut app, &place);
    key(&mut app, KeyCode::Enter);
    assert!(
        app.modals.is_empty(),
        "{:?}",
        top_form(&app).map(|f| f.fields.clone())
    );
    assert_eq!(app.data.intakes.len(), before + 1);
    let it = selected(&app);
    assert_eq!(it.services, vec![Service::ResumeReview]);
    assert_eq!(it.received, common::today());
    let e = app.data.employee(it.employee_id).unwrap();
    assert_eq!(
        (e.full_name().as_str(), e.employee_number.as_str()),
        ("Imani Okonkwo", "900123")
    );
    assert_eq!(e.location_id, Some(app.data.locations[3].id));

    // Edit: the form comes filled in; a second intake the same day for the same person is refused.
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(top_form(&app).unwrap().value("first name"), "Imani");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('a'));
    chars(&mut app, "900123");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "Imani");
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "Okonkwo");
    for _ in 0..5 {
        key(&mut app, KeyCode::Tab);
    }
    chars(&mut app, "g ");
    key(&mut app, KeyCode::Enter);
    let form = top_form(&app).expect("refused");
    assert!(
        form.fields[6]
            .error
            .as_deref()
            .unwrap()
            .contains("already has an intake")
    );
}

#[test]
fn popup_capture_saves_and_clears_for_the_next_person() {
    let (_dir, mut app) = common::demo_app();
    let before = app.data.intakes.len();
    let place = app
        .data
        .locations
        .iter()
        .find(|l| l.kind.is_school())
        .unwrap()
        .clone();
    key(&mut app, KeyCode::Char('P'));
    key(&mut app, KeyCode::Tab);
    chars(&mut app, &place.name.to_lowercase());
    key(&mut app, KeyCode::Enter);
    let form = top_form(&app).expect("capture screen");
    assert!(form.title.contains(&place.name), "{}", form.title);
    let text = common::screen_text(&app, 80, 24);
    assert!(text.contains("Pop-up capture"), "{text}");
    let event = app.intake.popup_event.unwrap();

    for (name, id, pos) in [
        ("Rosa Parks Vega", "812345", "Bus Operator"),
        ("Tom Li", "tom.li@district.org", ""),
    ] {
        chars(&mut app, name);
        key(&mut app, KeyCode::Tab);
        chars(&mut app, id);
        key(&mut app, KeyCode::Tab);
        chars(&mut app, pos);
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::Tab);
        chars(&mut app, "c ");
        key(&mut app, KeyCode::Tab);
        chars(&mut app, "asked about CDL");
        key(&mut app, KeyCode::Enter);
        let form = top_form(&app).expect("stays open for the next person");
        assert!(form.fields.iter().all(|f| f.error.is_none()), "{:?}", form.fields);
        assert_eq!(form.value("name"), "");
        assert_eq!(form.value("location"), place.name);
        assert_eq!(form.focus, 0);
    }
    assert_eq!(app.data.intakes.len(), before + 2);
    assert!(top_form(&app).unwrap().title.contains("2 captured"));
    let new: Vec<&Intake> = app.data.intakes.iter().rev().take(2).collect();
    for it in &new {
        assert_eq!(it.source, IntakeSource::PopUp);
        assert_eq!(it.popup_event_id, Some(event));
        assert_eq!(it.services, vec![Service::CareerCoaching]);
        assert_eq!(it.notes, "asked about CDL");
    }
    let rosa = app.data.employee(new[1].employee_id).unwrap();
    assert_eq!(
        (rosa.first_name.as_str(), rosa.last_name.as_str()),
        ("Rosa Parks", "Vega")
    );
    assert_eq!(rosa.location_id, Some(place.id));
    // A pop-up knows who asked, not their HR facts: those stay unknown, never a default.
    assert_eq!(
        (
            rosa.chapter.as_deref(),
            rosa.status,
            rosa.in_evaluation,
            rosa.hire_date,
            rosa.race
        ),
        (None, None, None, None, Race::Unknown)
    );
    assert_eq!(
        app.data.employee(new[0].employee_id).unwrap().email,
        "tom.li@district.org"
    );

    // A one-word name is refused in place; Esc on the cleared screen closes at once.
    chars(&mut app, "Cher");
    key(&mut app, KeyCode::Enter);
    assert!(top_form(&app).unwrap().fields[0].error.is_some());
    assert_eq!(app.data.intakes.len(), before + 2);
}

#[test]
fn the_selection_follows_its_intake_when_another_process_adds_one() {
    let (_dir, mut app) = common::demo_app();
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.intake.sort, Sort::Received);
    // A new sort keeps the selected intake selected; start from the top.
    assert_ne!(app.intake.list.selected(), 0);
    key(&mut app, KeyCode::Char('g'));
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('j'));
    }
    let chosen = selected(&app).id;
    // Another process (a second window, or an import) saves a newer intake.
    let other = pathways_core::store::Store::open(app.store.path()).unwrap();
    let employee = app.data.employees[0].id;
    other
        .write(|txn| {
            let mut it = Intake::new(employee, common::today(), IntakeSource::WalkIn);
            it.services.push(Service::GoalSetting);
            txn.insert(&mut it)
        })
        .unwrap();
    assert!(app.poll_changes());
    assert_eq!(selected(&app).id, chosen);
    assert_eq!(app.intake.list.selected(), 4);
}

#[test]
fn opening_an_intake_from_search_clears_filters_that_hide_it() {
    let (_dir, mut app) = common::demo_app();
    let closed = app
        .data
        .intakes
        .iter()
        .find(|i| i.status == IntakeStatus::Closed)
        .unwrap()
        .id;
    app.intake.filters.owner = Some("nobody".into());
    app.refresh_tab(Tab::Intake);
    app.select_intake(closed);
    // A closed intake is shown with every status; the other filters are cleared.
    assert_eq!(
        app.intake.filters,
        pathways_tui::tabs::intake::Filters::everything()
    );
    assert_eq!(selected(&app).id, closed);
}
