//! The mentoring tab driven by actions and keys on the demo data, drawn at 80x24.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use chrono::NaiveDate;
use common::*;
use pathways_core::domain::{Employee, EmploymentStatus, Id, PairEndReason};
use pathways_tui::action::Action;
use pathways_tui::app::{App, Modal, Tab};
use pathways_tui::tabs::mentoring::{MentoringAction, View};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn form_message(app: &App) -> Option<String> {
    match app.modals.last() {
        Some(Modal::Form { form, .. }) => form.message.clone(),
        _ => None,
    }
}

fn field_error(app: &App, label: &str) -> Option<String> {
    match app.modals.last() {
        Some(Modal::Form { form, .. }) => form
            .fields
            .iter()
            .find(|f| f.label == label)
            .and_then(|f| f.error.clone()),
        _ => None,
    }
}

fn in_active_pair(app: &App, id: Id) -> bool {
    app.data
        .pairs
        .iter()
        .any(|p| p.mentee_id == id && p.is_active(app.today))
}

/// A permanent employee who could be a mentee today.
fn eligible_mentee(app: &App) -> Employee {
    app.data
        .employees
        .iter()
        .find(|e| {
            e.status == Some(EmploymentStatus::Permanent)
                && e.in_evaluation == Some(false)
                && e.supervisor_id.is_none()
                && !in_active_pair(app, e.id)
                && !app.data.mentors.iter().any(|m| m.employee_id == e.id)
        })
        .cloned()
        .unwrap()
}

fn temporary_employee(app: &App) -> Employee {
    app.data
        .employees
        .iter()
        .find(|e| e.status == Some(EmploymentStatus::Temporary) && e.in_evaluation == Some(false))
        .cloned()
        .unwrap()
}

fn mentoring_app() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Mentoring));
    (dir, app)
}

fn assert_fits(s: &str) {
    for line in s.lines() {
        assert!(line.chars().count() <= 80, "line too wide: {line}");
    }
}

#[test]
fn every_view_renders_at_80x24() {
    let (_dir, mut app) = mentoring_app();
    let s = screen_text(&app, 80, 24);
    println!("{s}");
    assert_fits(&s);
    assert!(
        s.contains(&format!("Mentoring pairs ({})", app.data.pairs.len())),
        "{s}"
    );
    assert!(s.contains("ending soon"), "{s}");
    assert!(s.contains("8 active · 1 ending soon · ! 2 logs missing"), "{s}");
    assert!(s.contains("Agreement signed"), "{s}");
    // Ended pairs come after the running ones: a taller screen shows how they ended.
    let tall = screen_text(&app, 80, 60);
    assert!(
        tall.contains("not a good fit") && tall.contains("completed"),
        "{tall}"
    );

    app.update(Action::Right);
    assert_eq!(app.mentoring.view(), View::Mentors);
    let s = screen_text(&app, 80, 24);
    println!("{s}");
    assert!(s.contains("Mentors (10: 9 active)"), "{s}");
    // The inactive mentor is listed last.
    assert!(screen_text(&app, 80, 40).contains("inactive"), "{s}");
    assert!(s.contains("Can take a mentee"), "{s}");
    assert!(s.contains("Expertise"), "{s}");

    app.update(Action::Mentoring(MentoringAction::NextView));
    assert_eq!(app.mentoring.view(), View::Logs);
    let s = screen_text(&app, 80, 24);
    println!("{s}");
    assert!(s.contains("Monthly logs of 8 running pairs"), "{s}");
    // The current month is not due yet; past months without a log are marked.
    assert!(s.contains(" ! "), "{s}");
    assert!(s.contains("Nov"), "{s}");
    assert!(s.contains("submitted"), "{s}");

    app.update(Action::Right);
    let s = screen_text(&app, 80, 24);
    println!("{s}");
    assert!(s.contains("5 of 8 union chapters have an active mentor"), "{s}");
    let lines: Vec<&str> = s.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.contains("Building Services"))
        .unwrap();
    let covered = lines.iter().position(|l| l.contains("Transportation")).unwrap();
    assert!(first < covered, "chapters without a mentor come first:\n{s}");
    assert!(
        lines[first].contains('!'),
        "marker, not colour alone: {}",
        lines[first]
    );
    assert!(s.contains("recruit a mentor"), "{s}");

    app.update(Action::Right);
    assert_eq!(app.mentoring.view(), View::Pairs);
    for view in 0..4 {
        for (w, h) in [(60, 15), (200, 50)] {
            let s = screen_text(&app, w, h);
            if w == 200 && view == 1 {
                assert!(s.contains("Position") && s.contains("Expertise"), "{s}");
            }
        }
        app.update(Action::Right);
    }
}

#[test]
fn a_refused_pairing_lists_every_reason_and_saves_nothing() {
    let (_dir, mut app) = mentoring_app();
    let before = app.data.pairs.len();
    let temp = temporary_employee(&app);
    app.update(Action::Mentoring(MentoringAction::NewPair));
    type_text(&mut app, &temp.employee_number);
    key(&mut app, KeyCode::Tab);
    // The last mentor in the pick list is the inactive one.
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Enter);
    let msg = form_message(&app).expect("the form stays open with the reasons");
    assert!(msg.contains("Not paired"), "{msg}");
    assert!(msg.contains("2 rules fail"), "{msg}");
    assert!(msg.contains("mentor is not active"), "{msg}");
    assert!(
        msg.contains("mentee is a temporary employee; mentees must be permanent"),
        "{msg}"
    );
    assert_eq!(app.data.pairs.len(), before, "nothing saved");
    let s = screen_text(&app, 80, 24);
    println!("{s}");
    assert!(s.contains("✗ mentor is not active"), "{s}");
    assert!(s.contains("mentees must be permanent"), "{s}");
    assert_fits(&s);
}

#[test]
fn mentee_field_resolves_with_a_clear_error() {
    let (_dir, mut app) = mentoring_app();
    app.update(Action::Mentoring(MentoringAction::NewPair));
    type_text(&mut app, "999999999");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        field_error(&app, "mentee id/name").as_deref(),
        Some("no employee has the id 999999999")
    );
    for _ in 0..9 {
        key(&mut app, KeyCode::Backspace);
    }
    // A first name alone matches many people: they are listed with their ids.
    let first = app.data.employees[0].first_name.clone();
    type_text(&mut app, &first);
    key(&mut app, KeyCode::Enter);
    let e = field_error(&app, "mentee id/name").unwrap();
    assert!(
        e.contains("employees match") && e.contains("type the employee id"),
        "{e}"
    );
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("employees match"), "{s}");
}

#[test]
fn an_eligible_pairing_is_saved_and_shown() {
    let (_dir, mut app) = mentoring_app();
    let mentee = eligible_mentee(&app);
    app.update(Action::Mentoring(MentoringAction::NewPair));
    type_text(&mut app, &mentee.full_name());
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty(), "saved: {:?}", form_message(&app));
    let p = app.data.pairs.last().unwrap();
    assert_eq!(p.mentee_id, mentee.id);
    assert_eq!(p.started, today());
    assert_eq!(p.expires(), NaiveDate::from_ymd_opt(2027, 11, 25).unwrap());
    assert_eq!(
        app.mentoring.selected(&app.data).map(|p| p.mentee_id),
        Some(mentee.id)
    );
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("paired "), "{s}");
    assert!(s.contains(&mentee.full_name()), "{s}");
    // Pairing the same mentee again is refused while the pair runs.
    app.update(Action::Mentoring(MentoringAction::NewPair));
    type_text(&mut app, &mentee.employee_number);
    key(&mut app, KeyCode::Enter);
    let msg = form_message(&app).unwrap();
    assert!(msg.contains("mentee is already in an active pair"), "{msg}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    // Ending it as not a good fit frees the mentee at once.
    app.update(Action::Mentoring(MentoringAction::EndPair));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "n");
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty(), "{:?}", form_message(&app));
    let p = app.data.pairs.last().unwrap();
    assert_eq!(p.end_reason, Some(PairEndReason::NotAGoodFit));
    assert_eq!(p.ended, Some(today()));
    assert!(app.status.as_deref().unwrap_or("").contains("another mentor"));
    app.update(Action::Mentoring(MentoringAction::NewPair));
    type_text(&mut app, &mentee.employee_number);
    key(&mut app, KeyCode::Enter);
    assert!(
        app.modals.is_empty(),
        "re-paired at once: {:?}",
        form_message(&app)
    );
    assert_eq!(
        app.data.pairs.iter().filter(|p| p.mentee_id == mentee.id).count(),
        2
    );
}

#[test]
fn ending_a_pair_refuses_a_date_past_its_12_months() {
    let (_dir, mut app) = mentoring_app();
    app.update(Action::Mentoring(MentoringAction::EndPair));
    let p = app.mentoring.selected(&app.data).cloned().unwrap();
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2030-01-01");
    key(&mut app, KeyCode::Enter);
    let e = field_error(&app, "end date").unwrap();
    assert!(
        e.contains("at most 12 months") && e.contains(&p.expires().to_string()),
        "{e}"
    );
    assert!(app.data.pairs.iter().all(|q| q.id != p.id || q.ended.is_none()));
}

#[test]
fn logs_over_4_hours_a_month_are_refused_with_the_reason() {
    let (_dir, mut app) = mentoring_app();
    app.update(Action::Right);
    app.update(Action::Right);
    assert_eq!(app.mentoring.view(), View::Logs);
    // A running pair with a month still to log.
    let with_gap = app
        .mentoring
        .rows(View::Logs)
        .visible
        .iter()
        .position(|&g| {
            !app.mentoring.pair_info[app.mentoring.grid[g].pair]
                .missing
                .is_empty()
        })
        .expect("the demo has a running pair with a missing log");
    app.mentoring.list.select_row(with_gap);
    let pair = app.mentoring.selected(&app.data).cloned().unwrap();
    let missing = app.mentoring.pair_info[app.mentoring.selected_pair_index().unwrap()]
        .missing
        .clone();
    let month = missing[0];
    let logs_before = app.data.logs.len();
    app.update(Action::Mentoring(MentoringAction::AddLog));
    // The form suggests the oldest missing month.
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "4.5");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "resume review");
    key(&mut app, KeyCode::Enter);
    let e = field_error(&app, "hours").unwrap();
    assert_eq!(
        e,
        format!(
            "4.5 hours in {} for this pair; a mentor meets at most 4 hours a month",
            month.format("%B %Y")
        )
    );
    assert_eq!(app.data.logs.len(), logs_before);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("at most 4 hours a month"), "{s}");
    for _ in 0..3 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "4");
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty(), "{:?}", field_error(&app, "hours"));
    assert_eq!(app.data.logs.len(), logs_before + 1);
    let info = &app.mentoring.pair_info[app.data.pairs.iter().position(|p| p.id == pair.id).unwrap()];
    assert!(!info.missing.contains(&month));
    // Another log for the same month would make 4.5 hours.
    let row = app
        .mentoring
        .rows(View::Logs)
        .visible
        .iter()
        .position(|&g| app.data.pairs[app.mentoring.grid[g].pair].id == pair.id)
        .unwrap();
    app.mentoring.list.select_row(row);
    app.update(Action::Mentoring(MentoringAction::AddLog));
    for _ in 0..7 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &month.format("%Y-%m").to_string());
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "0.5");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "follow-up");
    key(&mut app, KeyCode::Enter);
    assert!(field_error(&app, "hours").unwrap().contains("4.5 hours"));
}

#[test]
fn mentors_are_added_edited_and_toggled() {
    let (_dir, mut app) = mentoring_app();
    app.update(Action::Right);
    let someone = eligible_mentee(&app);
    let count = app.data.mentors.len();
    app.update(Action::Mentoring(MentoringAction::AddMentor));
    type_text(&mut app, &someone.employee_number);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "interview practice");
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty(), "{:?}", field_error(&app, "id or name"));
    assert_eq!(app.data.mentors.len(), count + 1);
    let m = app.mentoring.selected_mentor(&app.data).cloned().unwrap();
    assert_eq!(m.employee_id, someone.id);
    assert!(m.active);
    // The same employee twice is refused.
    app.update(Action::Mentoring(MentoringAction::AddMentor));
    type_text(&mut app, &someone.employee_number);
    key(&mut app, KeyCode::Enter);
    assert!(
        field_error(&app, "id or name")
            .unwrap()
            .contains("already in the roster")
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    // Toggle, then undo.
    app.update(Action::Mentoring(MentoringAction::ToggleMentor));
    assert!(!app.data.mentor(m.id).unwrap().active);
    app.update(Action::Undo);
    assert!(app.data.mentor(m.id).unwrap().active);
    app.update(Action::Mentoring(MentoringAction::EditMentor));
    for _ in 0.."interview practice".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "exams");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.data.mentor(m.id).unwrap().expertise, "exams");
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Mentors (11: 10 active)"), "{s}");
}

#[test]
fn the_privacy_screen_hides_topics_notes_and_names() {
    let (_dir, mut app) = mentoring_app();
    // Wide enough that no detail line wraps: the pair's notes come last.
    let s = screen_text(&app, 120, 24);
    assert!(s.contains("agreement signed; meets"), "{s}");
    app.update(Action::TogglePrivacy);
    let s = screen_text(&app, 120, 24);
    assert!(!s.contains("agreement signed; meets"), "{s}");
    assert!(s.contains("••••"), "{s}");
    let mentee = app
        .data
        .employee_name(app.mentoring.selected(&app.data).unwrap().mentee_id);
    assert!(!s.contains(&mentee), "{s}");
    app.update(Action::Right);
    app.update(Action::Right);
    let s = screen_text(&app, 80, 24);
    assert!(!s.contains("goal setting"), "{s}");
    app.update(Action::TogglePrivacy);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("goal setting"), "{s}");
}

#[test]
fn the_filter_narrows_every_view() {
    let (_dir, mut app) = mentoring_app();
    let mentor = app.data.mentors[0].clone();
    let name = app.data.employee_name(mentor.employee_id);
    app.set_filter(&name);
    assert!(!app.mentoring.rows(View::Pairs).is_empty());
    app.update(Action::Right);
    assert_eq!(app.mentoring.rows(View::Mentors).len(), 1);
    assert_eq!(
        app.mentoring.selected_mentor(&app.data).map(|m| m.id),
        Some(mentor.id)
    );
}

#[test]
fn help_lists_the_mentoring_keys_at_80x24() {
    let (_dir, mut app) = mentoring_app();
    app.update(Action::Help);
    let s = screen_text(&app, 80, 24);
    println!("{s}");
    for text in [
        "pair mentee and mentor",
        "add a monthly log",
        "end the selected pair",
        "add a mentor (anyone)",
        "mentor active/inactive",
        "quit pathways",
    ] {
        assert!(s.contains(text), "{text}:\n{s}");
    }
}

#[test]
fn a_pair_past_its_12_months_is_flagged_with_a_marker() {
    let (_dir, path, store) = demo_store();
    let data = pathways_core::demo::build(today());
    let mentee = data
        .employees
        .iter()
        .find(|e| {
            e.status == Some(EmploymentStatus::Permanent) && !data.pairs.iter().any(|p| p.mentee_id == e.id)
        })
        .unwrap()
        .id;
    store
        .write(|txn| {
            txn.insert(&mut pathways_core::domain::MentoringPair {
                id: 0,
                mentor_id: 2,
                mentee_id: mentee,
                // Leap day: 12 months run to 2025-02-28.
                started: NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
                ended: None,
                end_reason: None,
                notes: String::new(),
            })
        })
        .unwrap();
    drop(store);
    let store = pathways_core::store::Store::open(&path).unwrap();
    let mut app = App::new(store, today()).unwrap();
    app.update(Action::GoTab(Tab::Mentoring));
    app.color = false;
    let s = screen_text(&app, 80, 24);
    println!("{s}");
    assert!(s.contains("! past 12 months"), "{s}");
    assert!(s.contains("! 1 past 12 months"), "{s}");
    // Running pairs are listed soonest to end first: the overdue one leads.
    assert_eq!(
        app.mentoring.selected(&app.data).map(|p| p.mentee_id),
        Some(mentee)
    );
    assert!(s.contains("2025-02-28 · ! 635 days past its 12 months"), "{s}");
    // It can be ended no later than its last day.
    app.update(Action::Mentoring(MentoringAction::EndPair));
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty());
    let p = app.data.pairs.iter().find(|p| p.mentee_id == mentee).unwrap();
    assert_eq!(p.ended, NaiveDate::from_ymd_opt(2025, 2, 28));
}
