//! The leadership tab against a real store: the FY25 schedule, forms, the attendance grid, the
//! waitlist promotion, privacy, and the one-shot report from the real binary.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_core::domain::{Attendance, FiscalYear};
use pathways_core::store::Store;
use pathways_tui::action::Action;
use pathways_tui::app::{App, Modal, Tab};
use pathways_tui::tabs::leadership::{LeadershipAction as L, View};

fn lead(app: &mut App, a: L) {
    app.update(Action::Leadership(a));
}

fn open_app() -> (tempfile::TempDir, std::path::PathBuf, App) {
    let (dir, path, store) = demo_store();
    let mut app = App::new(store, today()).unwrap();
    app.update(Action::GoTab(Tab::Leadership));
    (dir, path, app)
}

/// Sets a field of the open form as if typed.
fn set(app: &mut App, label: &str, value: &str) {
    let Some(Modal::Form { form, .. }) = app.modals.last_mut() else {
        panic!("no form open");
    };
    let f = form
        .field_mut(label)
        .unwrap_or_else(|| panic!("no field {label}"));
    f.value = value.to_string();
}

fn form_error(app: &App, label: &str) -> Option<String> {
    match app.modals.last() {
        Some(Modal::Form { form, .. }) => form
            .fields
            .iter()
            .find(|f| f.label == label)
            .and_then(|f| f.error.clone()),
        _ => None,
    }
}

/// DOMAIN.md's FY25 table, word for word.
const FY25: [(u8, &str, &str, &str, &str); 8] = [
    (
        1,
        "2024-10-30",
        "850 Hungerford Dr. (CESC)",
        "162T",
        "Personal and Professional Competencies",
    ),
    (
        2,
        "2024-11-21",
        "15 W. Gude Dr. (CTI)",
        "Tred Avon (336)",
        "Mindset/Lemonade",
    ),
    (
        3,
        "2024-12-19",
        "850 Hungerford Dr. (CESC)",
        "Auditorium",
        "Strengths-Based Leadership",
    ),
    (
        4,
        "2025-01-16",
        "15 W. Gude Dr. (CTI)",
        "Tred Avon (336)",
        "Dare to Lead",
    ),
    (
        5,
        "2025-02-20",
        "15 W. Gude Dr. (CTI)",
        "Tred Avon (336)",
        "Lemonade/Crucial Conversations",
    ),
    (
        6,
        "2025-03-19",
        "15 W. Gude Dr. (CTI)",
        "Potomac Room (320)",
        "Dare to Lead",
    ),
    (
        7,
        "2025-04-24",
        "15 W. Gude Dr. (CTI)",
        "Tred Avon (336)",
        "Leadership Case Study",
    ),
    (
        8,
        "2025-05-21",
        "850 Hungerford Dr. (CESC)",
        "162T",
        "Leadership Project",
    ),
];

#[test]
fn the_demo_holds_the_fy25_schedule_exactly() {
    let (_dir, _path, store) = demo_store();
    let (data, problems) = store.load().unwrap();
    assert!(problems.is_empty());
    let cohort = data.cohort_for(FiscalYear(2025)).expect("an FY25 cohort");
    let mut sessions: Vec<_> = data
        .sessions
        .iter()
        .filter(|s| s.cohort_id == cohort.id)
        .collect();
    sessions.sort_by_key(|s| s.number);
    assert_eq!(sessions.len(), 8);
    for (s, (n, date, location, room, topic)) in sessions.iter().zip(FY25) {
        assert_eq!(s.number, n);
        assert_eq!(s.date.to_string(), date);
        assert_eq!(s.start.format("%H:%M").to_string(), "08:00");
        assert_eq!(s.end.format("%H:%M").to_string(), "16:00");
        assert_eq!(
            (s.location.as_str(), s.room.as_str(), s.topic.as_str()),
            (location, room, topic)
        );
    }
    assert_eq!(
        data.participants
            .iter()
            .filter(|p| p.cohort_id == cohort.id)
            .count(),
        15
    );
}

#[test]
fn the_tab_shows_the_fy25_schedule_and_profile() {
    let (_dir, _path, mut app) = open_app();
    // FY27 (today's), FY26, then FY25.
    lead(&mut app, L::PreviousCohort);
    lead(&mut app, L::PreviousCohort);
    assert_eq!(app.leadership.year, Some(FiscalYear(2025)));
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("FY25 sessions (8) · 15 participants"), "{s}");
    assert!(s.contains("All 8 sessions held"), "{s}");
    for (_, date, ..) in FY25 {
        assert!(s.contains(date), "{date} missing:\n{s}");
    }
    lead(&mut app, L::Show(View::Profile));
    let s = screen_text(&app, 80, 24);
    for want in [
        "15 participants",
        "White                       6  40.0%",
        "Black or African American   5  33.3%",
        "Hispanic                    4  26.7%",
    ] {
        assert!(s.contains(want), "{want:?} missing:\n{s}");
    }
    // Race is sensitive: hidden under the privacy screen.
    app.update(Action::TogglePrivacy);
    let s = screen_text(&app, 80, 24);
    assert!(!s.contains("White") && !s.contains("Hispanic"), "{s}");
    assert!(s.contains("••••") && s.contains("15 participants"), "{s}");
}

#[test]
fn the_next_session_shows_without_a_key_press() {
    let (_dir, _path, app) = open_app();
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Next: session 3"), "{s}");
    // FY25's third session was the third Thursday of December; FY27's is too.
    assert!(s.contains("Thu 2026-12-17 (in 22 days) 08:00-16:00"), "{s}");
    assert!(s.contains("850 Hungerford Dr. (CESC), room"), "{s}");
    assert!(s.contains("Auditorium · Strengths-Based Leadership"), "{s}");
}

#[test]
fn attendance_marks_are_one_durable_save_each() {
    let (_dir, path, mut app) = open_app();
    lead(&mut app, L::Show(View::Attendance));
    let before = app.store.generation().unwrap();
    assert_eq!(app.leadership.summary.person_rate[0], Some(100.0));
    // Row 0, session 2 (present in the demo) becomes absent.
    app.update(Action::Right);
    lead(&mut app, L::Mark(Some(Attendance::Absent)));
    assert_eq!(app.store.generation().unwrap(), before + 1);
    assert_eq!(app.leadership.summary.person_rate[0], Some(50.0));
    assert_eq!(
        app.leadership.list.selected(),
        1,
        "the cursor moves down after a mark"
    );
    // Clearing, then cycling: each one save.
    app.update(Action::Up);
    lead(&mut app, L::Mark(None));
    assert_eq!(app.store.generation().unwrap(), before + 2);
    assert_eq!(app.leadership.summary.person_rate[0], Some(100.0));
    assert!(app.leadership.summary.grid[0][1].is_none());
    app.update(Action::Up);
    lead(&mut app, L::CycleMark);
    assert_eq!(app.store.generation().unwrap(), before + 3);
    assert_eq!(
        app.leadership.summary.grid[0][1].as_ref().map(|m| m.mark),
        Some(Attendance::Present)
    );
    // A session not held yet takes only "excused".
    app.update(Action::Up);
    app.update(Action::Right);
    lead(&mut app, L::Mark(Some(Attendance::Present)));
    assert_eq!(app.store.generation().unwrap(), before + 3);
    assert!(app.status.as_deref().unwrap_or("").contains("before it is held"));
    lead(&mut app, L::Mark(Some(Attendance::Excused)));
    assert_eq!(app.store.generation().unwrap(), before + 4);
    // u undoes the last mark only.
    app.update(Action::Undo);
    assert!(app.leadership.summary.grid[0][2].is_none());
    // What was saved is in the file.
    let person = app.leadership.summary.people[0].id;
    let session = app.leadership.summary.sessions[1].id;
    drop(app);
    let (data, _) = Store::open(&path).unwrap().load().unwrap();
    let mark = data
        .attendance
        .iter()
        .find(|m| m.participant_id == person && m.session_id == session)
        .map(|m| m.mark);
    assert_eq!(mark, Some(Attendance::Present));
}

#[test]
fn two_sessions_on_one_day_are_refused_in_the_form() {
    let (_dir, _path, mut app) = open_app();
    // Session 3 onto session 4's day (the third Thursday of January).
    app.update(Action::Down);
    app.update(Action::Down);
    lead(&mut app, L::Reschedule);
    set(&mut app, "Date", "1/21/2027");
    app.update(Action::Submit);
    let err = form_error(&app, "Date").expect("the date is refused");
    assert!(err.contains("session 4"), "{err}");
    let s = screen_text(&app, 80, 24);
    assert!(
        s.contains("session 4 of this cohort is already on 2027-01-21"),
        "{s}"
    );
    // A time that is not one, and an end before the start.
    set(&mut app, "Date", "2026-12-18");
    set(&mut app, "Start", "9 o'clock");
    app.update(Action::Submit);
    assert!(form_error(&app, "Start").unwrap().contains("not a time"));
    set(&mut app, "Start", "17:00");
    app.update(Action::Submit);
    assert!(form_error(&app, "End").unwrap().contains("ends before"));
    set(&mut app, "Start", "9:00 AM");
    set(&mut app, "Room", "Board Room");
    app.update(Action::Submit);
    assert!(app.modals.is_empty(), "saved and closed");
    let s3 = &app.leadership.summary.sessions[2];
    assert_eq!(s3.date.to_string(), "2026-12-18");
    assert_eq!(s3.start.format("%H:%M").to_string(), "09:00");
    assert_eq!(s3.room, "Board Room");
    assert!(screen_text(&app, 80, 24).contains("Next: session 3 · Fri 2026-12-18 (in 23 days) 09:00-16:00"));
}

#[test]
fn sessions_are_added_and_edited() {
    let (_dir, _path, mut app) = open_app();
    lead(&mut app, L::Add);
    app.update(Action::Submit);
    assert!(form_error(&app, "Date").unwrap().contains("required"));
    set(&mut app, "Date", "2027-06-10");
    app.update(Action::Submit);
    assert!(form_error(&app, "Topic").unwrap().contains("required"));
    set(&mut app, "Topic", "Celebration");
    set(&mut app, "Number", "8");
    app.update(Action::Submit);
    assert!(form_error(&app, "Number").unwrap().contains("already exists"));
    set(&mut app, "Number", "9");
    set(&mut app, "Date", "2027-07-02");
    app.update(Action::Submit);
    assert!(form_error(&app, "Date").unwrap().contains("outside FY27"));
    set(&mut app, "Date", "2027-06-10");
    app.update(Action::Submit);
    assert!(app.modals.is_empty());
    assert_eq!(app.leadership.summary.sessions.len(), 9);
    // Edit the topic of the new one.
    app.update(Action::Bottom);
    lead(&mut app, L::Edit);
    set(&mut app, "Topic", "Celebration and certificates");
    app.update(Action::Submit);
    assert_eq!(
        app.leadership.summary.sessions[8].topic,
        "Celebration and certificates"
    );
}

#[test]
fn the_completion_rule_is_visible_and_settable() {
    let (_dir, _path, mut app) = open_app();
    lead(&mut app, L::PreviousCohort);
    lead(&mut app, L::PreviousCohort);
    assert_eq!(app.leadership.year, Some(FiscalYear(2025)));
    lead(&mut app, L::Show(View::Completion));
    let s = screen_text(&app, 80, 24);
    assert!(
        s.contains("Rule: attend at least 6 sessions and the final session"),
        "{s}"
    );
    assert!(s.contains("Certificates of completion (13)"), "{s}");
    let (done, _, cannot, _) = app.leadership.summary.counts();
    assert_eq!((done, cannot), (13, 2));
    lead(&mut app, L::Rule);
    set(&mut app, "Minimum sessions", "9");
    app.update(Action::Submit);
    assert!(
        form_error(&app, "Minimum sessions")
            .unwrap()
            .contains("only 8 sessions")
    );
    set(&mut app, "Minimum sessions", "3");
    set(&mut app, "Final required", "no");
    app.update(Action::Submit);
    assert!(app.modals.is_empty());
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Rule: attend at least 3 sessions ·"), "{s}");
    assert!(s.contains("✓ 15 completed"), "{s}");
    assert!(s.contains("Certificates of completion (15)"), "{s}");
}

#[test]
fn participants_are_added_and_withdrawn() {
    let (_dir, _path, mut app) = open_app();
    lead(&mut app, L::Show(View::Completion));
    lead(&mut app, L::Add);
    set(&mut app, "Employee", "zzzz nobody");
    app.update(Action::Submit);
    assert!(form_error(&app, "Employee").unwrap().contains("no employee"));
    let already = app.leadership.summary.people[0].employee_id;
    let number = app.data.employee(already).unwrap().employee_number.clone();
    set(&mut app, "Employee", &number);
    app.update(Action::Submit);
    assert!(
        form_error(&app, "Employee")
            .unwrap()
            .contains("already in the FY27 cohort")
    );
    let newcomer = app
        .data
        .employees
        .iter()
        .find(|e| !app.data.participants.iter().any(|p| p.employee_id == e.id))
        .unwrap()
        .clone();
    set(&mut app, "Employee", &newcomer.employee_number);
    app.update(Action::Submit);
    assert!(app.modals.is_empty());
    let p = app
        .leadership
        .summary
        .people
        .iter()
        .find(|p| p.employee_id == newcomer.id)
        .expect("added");
    assert_eq!(
        p.role, newcomer.position,
        "role at entry defaults to the position"
    );
    // Withdraw the first participant.
    app.update(Action::Top);
    lead(&mut app, L::Edit);
    set(&mut app, "Status", "withdrawn");
    app.update(Action::Submit);
    assert_eq!(app.leadership.summary.completion[0], None);
    assert!(screen_text(&app, 80, 24).contains("– 1 withdrawn"));
}

#[test]
fn promotion_moves_from_the_waitlist_into_a_future_cohort_in_one_transaction() {
    let (_dir, path, mut app) = open_app();
    lead(&mut app, L::Show(View::Waitlist));
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Waitlist (4) · in join order"), "{s}");
    let entry = app.leadership.waitlist[0].clone();
    let position = app.data.employee(entry.employee_id).unwrap().position.clone();
    lead(&mut app, L::Promote);
    // FY27 has started: the first choice is next year's cohort, created on promotion.
    match app.modals.last() {
        Some(Modal::Form { form, .. }) => assert_eq!(form.value("Cohort"), "FY28 (new cohort)"),
        _ => panic!("no promote form"),
    }
    let before = app.store.generation().unwrap();
    app.update(Action::Submit);
    assert!(app.modals.is_empty());
    assert_eq!(app.store.generation().unwrap(), before + 1, "one transaction");
    let check = |data: &pathways_core::dataset::Dataset| {
        assert_eq!(data.waitlist.len(), 3);
        assert!(!data.waitlist.iter().any(|w| w.id == entry.id));
        let fy28 = data.cohort_for(FiscalYear(2028)).expect("FY28 cohort created");
        let moved: Vec<_> = data
            .participants
            .iter()
            .filter(|p| p.employee_id == entry.employee_id && p.cohort_id == fy28.id)
            .collect();
        assert_eq!(moved.len(), 1);
        assert_eq!(moved[0].role, position);
    };
    check(&app.data);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("moved from the waitlist into the FY28 cohort")
    );
    // Undo takes back the whole move at once.
    app.update(Action::Undo);
    assert_eq!(app.data.waitlist.len(), 4);
    assert!(app.data.cohort_for(FiscalYear(2028)).is_none());
    // Promote again, and read the file.
    lead(&mut app, L::Promote);
    app.update(Action::Submit);
    drop(app);
    let (data, _) = Store::open(&path).unwrap().load().unwrap();
    check(&data);
}

#[test]
fn waitlist_entries_are_added_and_removed_after_asking() {
    let (_dir, _path, mut app) = open_app();
    lead(&mut app, L::Show(View::Waitlist));
    lead(&mut app, L::Remove);
    assert!(matches!(app.modals.last(), Some(Modal::Confirm { .. })));
    assert!(screen_text(&app, 80, 24).contains("from the waitlist"));
    app.update(Action::Cancel);
    assert_eq!(app.data.waitlist.len(), 4);
    lead(&mut app, L::Remove);
    app.update(Action::Confirm);
    assert_eq!(app.data.waitlist.len(), 3);
    let someone = app.data.employees[100].clone();
    lead(&mut app, L::Add);
    set(&mut app, "Employee", &someone.full_name());
    set(&mut app, "Joined", "2026-11-20");
    set(&mut app, "Note", "asked at the Blair pop-up");
    app.update(Action::Submit);
    if let Some(e) = form_error(&app, "Employee") {
        // The name is shared: the form asks for the employee id, listing who it could be.
        assert!(e.contains("type the employee id"), "{e}");
        set(&mut app, "Employee", &someone.employee_number);
        app.update(Action::Submit);
    }
    assert!(app.modals.is_empty());
    assert_eq!(app.data.waitlist.len(), 4);
    let last = app.leadership.waitlist.last().unwrap();
    assert_eq!(
        (last.employee_id, last.note.as_str()),
        (someone.id, "asked at the Blair pop-up")
    );
}

#[test]
fn a_new_cohort_copies_the_schedule_a_year_on() {
    let (_dir, _path, mut app) = open_app();
    lead(&mut app, L::NewCohort);
    set(&mut app, "Fiscal year", "2027");
    app.update(Action::Submit);
    assert!(
        form_error(&app, "Fiscal year")
            .unwrap()
            .contains("already a FY27 cohort")
    );
    set(&mut app, "Fiscal year", "FY28");
    app.update(Action::Submit);
    assert!(app.modals.is_empty());
    assert_eq!(app.leadership.year, Some(FiscalYear(2028)));
    let s = &app.leadership.summary.sessions;
    assert_eq!(s.len(), 8);
    // FY27's session 2 (2026-11-19) a year on.
    assert_eq!(s[1].date.to_string(), "2027-11-19");
    assert_eq!(s[7].topic, "Leadership Project");
    lead(&mut app, L::NextCohort);
    assert!(app.status.as_deref().unwrap().contains("no later cohort"));
}

#[test]
fn the_report_prints_schedule_rates_completion_and_profile() {
    let (_dir, path, store) = demo_store();
    drop(store);
    let run = |args: &[&str]| {
        std::process::Command::new(binary())
            .arg("--db")
            .arg(&path)
            .args(args)
            .args(["--as-of", "2026-11-25"])
            .env_remove("PATHWAYS_DB")
            .output()
            .unwrap()
    };
    let out = run(&["report", "leadership", "--fy", "2025"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "Leadership cohort FY25 (2024-07-01 to 2025-06-30): 15 participants",
        "Completion rule: attend at least 6 sessions and the final session",
        "1  2024-10-30  08:00-16:00",
        "850 Hungerford Dr. (CESC), room 162T",
        "Lemonade/Crucial Conversations",
        "Completion: 13 completed, 0 on track, 2 cannot complete, 0 withdrawn",
        "Certificates of completion (13):",
        "White                                  6   40.0%",
        "Black or African American              5   33.3%",
        "Hispanic                               4   26.7%",
    ] {
        assert!(text.contains(want), "{want:?} missing:\n{text}");
    }
    assert!(!text.contains('\x1b'), "no colour in one-shot output");
    let current = String::from_utf8(run(&["report", "leadership"]).stdout).unwrap();
    assert!(current.contains("Leadership cohort FY27"), "{current}");
    assert!(current.contains("Next session: 3 on 2026-12-17"), "{current}");
    let private =
        String::from_utf8(run(&["--private", "report", "leadership", "--fy", "25"]).stdout).unwrap();
    assert!(private.contains("By race: hidden"), "{private}");
    assert!(!private.contains("White"), "{private}");
    let missing = run(&["report", "leadership", "--fy", "2023"]);
    assert_eq!(missing.status.code(), Some(2));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("no cohort for FY23 (cohorts: FY24, FY25, FY26, FY27)"),
        "{err}"
    );
}

#[test]
fn completion_is_recorded_for_everyone_who_met_the_rule() {
    let (_dir, _path, mut app) = open_app();
    lead(&mut app, L::Show(View::Completion));
    lead(&mut app, L::RecordCompletion);
    assert!(app.status.as_deref().unwrap().contains("nothing to record"));
    lead(&mut app, L::Rule);
    set(&mut app, "Minimum sessions", "1");
    set(&mut app, "Final required", "no");
    app.update(Action::Submit);
    assert!(screen_text(&app, 80, 24).contains("14 still marked active"));
    lead(&mut app, L::RecordCompletion);
    assert!(matches!(app.modals.last(), Some(Modal::Confirm { .. })));
    let before = app.store.generation().unwrap();
    app.update(Action::Confirm);
    assert_eq!(app.store.generation().unwrap(), before + 1);
    assert!(
        app.leadership
            .summary
            .people
            .iter()
            .all(|p| p.status == pathways_core::domain::ParticipantStatus::Completed)
    );
}

#[test]
fn a_search_hit_on_a_participant_opens_their_cohort() {
    let (_dir, _path, mut app) = open_app();
    let fy25 = app.data.cohort_for(FiscalYear(2025)).unwrap().id;
    let p = app
        .data
        .participants
        .iter()
        .find(|p| p.cohort_id == fy25)
        .unwrap()
        .clone();
    let name = app.data.employee_name(p.employee_id);
    app.open_search(&name);
    let Some(Modal::Search(search)) = app.modals.last_mut() else {
        panic!("no search");
    };
    let index = app.index.clone().unwrap();
    let hit = search
        .results
        .iter()
        .position(|&i| {
            index.slots[i].kind == pathways_core::search::Kind::Participant && index.slots[i].id == p.id
        })
        .expect("the participant is found");
    search.selected = hit;
    app.update(Action::Submit);
    assert_eq!(app.tab, Tab::Leadership);
    assert_eq!(app.leadership.year, Some(FiscalYear(2025)));
    assert_eq!(app.leadership.view(), View::Completion);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains(&name), "{s}");
    assert!(s.contains("FY25 participants"), "{s}");
}

#[test]
fn y_copies_what_the_view_selects_masked_as_shown() {
    let (_dir, _path, mut app) = open_app();
    app.update(Action::Copy);
    assert!(
        app.clipboard
            .take()
            .unwrap()
            .starts_with("FY27 session 1 · 2026-10-28 08:00-16:00")
    );
    lead(&mut app, L::Show(View::Attendance));
    app.update(Action::Right);
    let name = app
        .data
        .employee_name(app.leadership.summary.people[0].employee_id);
    app.update(Action::Copy);
    assert_eq!(
        app.clipboard.take().unwrap(),
        format!("{name} · FY27 session 2 (2026-11-19): present")
    );
    app.update(Action::TogglePrivacy);
    lead(&mut app, L::Show(View::Completion));
    app.update(Action::Copy);
    let copied = app.clipboard.take().unwrap();
    assert!(!copied.contains(&name), "{copied}");
    assert!(
        copied.contains("FY27 cohort") && copied.contains("attended 2 of 8"),
        "{copied}"
    );
}
