//! Two dashboards on one file: the selection follows its record when the other one saves (or a
//! save of one's own re-sorts the list), and an edit form never overwrites a change the other
//! one saved after the form opened. The "other process" is a second `Store` handle on the file.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_core::domain::{
    Ambassador, AmbassadorSession, LeadershipSession, Location, Mentor, MentoringPair, Participant,
};
use pathways_core::store::Store;
use pathways_tui::action::Action;
use pathways_tui::app::{App, Modal, Tab};
use pathways_tui::tabs::coverage::{CoverageAction, View as CoverageView};
use pathways_tui::tabs::leadership::{LeadershipAction, View as LeadershipView};
use pathways_tui::tabs::mentoring::{MentoringAction, View as MentoringView};

/// The same database file opened again, as another dashboard would.
fn other(app: &App) -> Store {
    Store::open(app.store.path()).unwrap()
}

fn down(app: &mut App, n: usize) {
    for _ in 0..n {
        app.update(Action::Down);
    }
}

/// The open form's whole-form message.
fn form_message(app: &App) -> String {
    match app.modals.last() {
        Some(Modal::Form { form, .. }) => form.message.clone().unwrap_or_default(),
        _ => panic!("no form open"),
    }
}

const CONFLICT: &str = "someone else changed this record";

// --- Selection follows the record ---------------------------------------------------------

fn mentors_app() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Mentoring));
    app.mentoring.set_view(MentoringView::Mentors);
    (dir, app)
}

fn selected_mentor(app: &App) -> Mentor {
    app.mentoring.selected_mentor(&app.data).unwrap().clone()
}

#[test]
fn mentor_selection_follows_its_mentor_when_another_process_resorts_the_roster() {
    let (_dir, mut app) = mentors_app();
    let first = selected_mentor(&app);
    assert!(first.active);
    down(&mut app, 2);
    let chosen = selected_mentor(&app);
    // The other dashboard marks the top mentor inactive: they sort below every active one.
    other(&app)
        .write(|txn| {
            txn.update(
                &first,
                &Mentor {
                    active: false,
                    ..first.clone()
                },
            )
        })
        .unwrap();
    assert!(app.poll_changes());
    assert_eq!(selected_mentor(&app).id, chosen.id);
    assert_eq!(app.mentoring.list.selected(), 1, "the rows moved up by one");
    // So the next key acts on the mentor the user was looking at.
    app.update(Action::Mentoring(MentoringAction::ToggleMentor));
    let stored: Mentor = app.store.get(chosen.id).unwrap().unwrap();
    assert!(!stored.active);
    let untouched: Mentor = app.store.get(first.id).unwrap().unwrap();
    assert!(!untouched.active, "the other process's change stays");
}

#[test]
fn toggling_a_mentor_keeps_the_cursor_on_that_mentor_though_they_sort_elsewhere() {
    let (_dir, mut app) = mentors_app();
    let m = selected_mentor(&app);
    assert!(m.active);
    assert_eq!(app.mentoring.list.selected(), 0);
    app.update(Action::Mentoring(MentoringAction::ToggleMentor));
    let now = selected_mentor(&app);
    assert_eq!(now.id, m.id);
    assert!(!now.active);
    assert_ne!(
        app.mentoring.list.selected(),
        0,
        "inactive mentors sort after active ones"
    );
    // Toggling back lands on them again, at the top.
    app.update(Action::Mentoring(MentoringAction::ToggleMentor));
    assert_eq!(selected_mentor(&app).id, m.id);
    assert!(selected_mentor(&app).active);
}

#[test]
fn a_hidden_view_keeps_its_record_too() {
    let (_dir, mut app) = mentors_app();
    let first = selected_mentor(&app);
    down(&mut app, 3);
    let chosen = selected_mentor(&app);
    app.mentoring.set_view(MentoringView::Pairs);
    other(&app)
        .write(|txn| {
            txn.update(
                &first,
                &Mentor {
                    active: false,
                    ..first.clone()
                },
            )
        })
        .unwrap();
    assert!(app.poll_changes());
    app.mentoring.set_view(MentoringView::Mentors);
    assert_eq!(selected_mentor(&app).id, chosen.id);
}

fn coverage_app(view: CoverageView) -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Coverage));
    app.coverage.switch_view(view);
    (dir, app)
}

#[test]
fn ambassador_selection_follows_its_ambassador_when_a_tenure_changes_elsewhere() {
    let (_dir, mut app) = coverage_app(CoverageView::Ambassadors);
    let first = app.coverage.selected(&app.data).unwrap().clone();
    down(&mut app, 3);
    let chosen = app.coverage.selected(&app.data).unwrap().id;
    // Active ambassadors sort soonest end first: a much later end moves the first one down.
    let later = Ambassador {
        tenure_end: first.tenure_end + chrono::Duration::days(900),
        ..first.clone()
    };
    other(&app).write(|txn| txn.update(&first, &later)).unwrap();
    assert!(app.poll_changes());
    assert_eq!(app.coverage.selected(&app.data).unwrap().id, chosen);
    assert_eq!(app.coverage.selected_row(), 2);
}

#[test]
fn pl_session_selection_follows_its_session_when_a_newer_one_is_added_elsewhere() {
    let (_dir, mut app) = coverage_app(CoverageView::Sessions);
    let session = |app: &App| {
        let i = app.coverage.selected_index().unwrap();
        app.data.ambassador_sessions[i].id
    };
    down(&mut app, 1);
    let chosen = session(&app);
    other(&app)
        .write(|txn| {
            txn.insert(&mut AmbassadorSession {
                id: 0,
                date: chrono::NaiveDate::from_ymd_opt(2027, 6, 30).unwrap(),
                topic: "Planned by the other window".into(),
                presenter: "Career Pathways Team".into(),
                attendees: Vec::new(),
            })
        })
        .unwrap();
    assert!(app.poll_changes());
    assert_eq!(session(&app), chosen);
    assert_eq!(app.coverage.selected_row(), 2, "newest first: one row above now");
}

fn leadership_app(view: LeadershipView) -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Leadership));
    app.update(Action::Leadership(LeadershipAction::Show(view)));
    (dir, app)
}

fn selected_participant(app: &App) -> Participant {
    let row = app.leadership.selected_person().unwrap();
    app.leadership.summary.people[row].clone()
}

#[test]
fn participant_selection_follows_its_participant_when_someone_joins_elsewhere() {
    let (_dir, mut app) = leadership_app(LeadershipView::Completion);
    down(&mut app, 3);
    let chosen = selected_participant(&app).id;
    // Someone whose name sorts before everyone in the cohort joins it in the other window.
    let cohort = app.leadership.cohort.clone().unwrap();
    let first_name = |app: &App, id| app.data.employee(id).unwrap().sort_name().to_lowercase();
    let top = first_name(&app, app.leadership.summary.people[0].employee_id);
    let newcomer = app
        .data
        .employees
        .iter()
        .filter(|e| !app.data.participants.iter().any(|p| p.employee_id == e.id))
        .min_by_key(|e| e.sort_name().to_lowercase())
        .unwrap()
        .clone();
    assert!(
        newcomer.sort_name().to_lowercase() < top,
        "the test needs a re-sort"
    );
    other(&app)
        .write(|txn| {
            txn.insert(&mut Participant {
                id: 0,
                cohort_id: cohort.id,
                employee_id: newcomer.id,
                role: newcomer.position.clone(),
                status: pathways_core::domain::ParticipantStatus::Active,
            })
        })
        .unwrap();
    assert!(app.poll_changes());
    assert_eq!(selected_participant(&app).id, chosen);
    assert_eq!(app.leadership.list.selected(), 4);
}

#[test]
fn the_grid_cursor_keeps_its_participant_and_session() {
    let (_dir, mut app) = leadership_app(LeadershipView::Attendance);
    down(&mut app, 2);
    app.update(Action::Right);
    app.update(Action::Right);
    let person = selected_participant(&app).id;
    let session = app.leadership.selected_session().unwrap().id;
    // The other window removes the first session (it has no marks to keep in this test's view).
    let gone: LeadershipSession = app.leadership.summary.sessions[0].clone();
    other(&app)
        .write(|txn| {
            let marks: Vec<_> = app
                .data
                .attendance
                .iter()
                .filter(|m| m.session_id == gone.id)
                .map(|m| m.id)
                .collect();
            for id in marks {
                txn.delete::<pathways_core::domain::AttendanceMark>(id)?;
            }
            txn.delete::<LeadershipSession>(gone.id).map(|_| ())
        })
        .unwrap();
    assert!(app.poll_changes());
    assert_eq!(selected_participant(&app).id, person);
    assert_eq!(app.leadership.selected_session().unwrap().id, session);
    assert_eq!(app.leadership.col, 1);
}

// --- Edits never overwrite another's change -----------------------------------------------

#[test]
fn ending_a_pair_changed_meanwhile_elsewhere_is_refused_and_keeps_their_change() {
    let (_dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Mentoring));
    let pair = app.mentoring.selected(&app.data).unwrap().clone();
    assert!(pair.ended.is_none());
    app.update(Action::Mentoring(MentoringAction::EndPair));
    let theirs = MentoringPair {
        notes: "met twice this month; going well".into(),
        ..pair.clone()
    };
    other(&app).write(|txn| txn.update(&pair, &theirs)).unwrap();
    // The dashboard reloads under the open form, as it does every second.
    assert!(app.poll_changes());
    app.update(Action::Submit);
    let msg = form_message(&app);
    assert!(msg.contains(CONFLICT), "{msg}");
    assert!(msg.contains("going well"), "theirs is shown: {msg}");
    let stored: MentoringPair = app.store.get(pair.id).unwrap().unwrap();
    assert_eq!(stored, theirs);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("someone else"), "{screen}");
}

#[test]
fn editing_a_location_changed_meanwhile_elsewhere_is_refused_and_keeps_their_change() {
    let (_dir, mut app) = coverage_app(CoverageView::Locations);
    let i = app.coverage.selected_index().unwrap();
    let location = app.data.locations[i].clone();
    app.update(Action::Coverage(CoverageAction::Edit));
    let theirs = Location {
        employees: location.employees.map(|n| n + 7),
        ..location.clone()
    };
    other(&app).write(|txn| txn.update(&location, &theirs)).unwrap();
    app.update(Action::Submit);
    let msg = form_message(&app);
    assert!(msg.contains(CONFLICT), "{msg}");
    let stored: Location = app.store.get(location.id).unwrap().unwrap();
    assert_eq!(stored, theirs);
    // The screen shows why, at 80x24.
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("someone else"), "{s}");
}

#[test]
fn editing_a_participant_changed_meanwhile_elsewhere_is_refused_and_keeps_their_change() {
    let (_dir, mut app) = leadership_app(LeadershipView::Completion);
    let p = selected_participant(&app);
    app.update(Action::Leadership(LeadershipAction::Edit));
    let theirs = Participant {
        role: "Lead custodian".into(),
        ..p.clone()
    };
    other(&app).write(|txn| txn.update(&p, &theirs)).unwrap();
    assert!(app.poll_changes());
    app.update(Action::Submit);
    let msg = form_message(&app);
    assert!(msg.contains(CONFLICT), "{msg}");
    assert!(msg.contains("Lead custodian"), "theirs is shown: {msg}");
    let stored: Participant = app.store.get(p.id).unwrap().unwrap();
    assert_eq!(stored, theirs);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("someone else"), "{screen}");
}

#[test]
fn an_edit_nobody_else_touched_still_saves() {
    let (_dir, mut app) = leadership_app(LeadershipView::Waitlist);
    let w = app.leadership.selected_waitlist().unwrap().clone();
    app.update(Action::Leadership(LeadershipAction::Edit));
    match app.modals.last_mut() {
        Some(Modal::Form { form, .. }) => form.field_mut("Note").unwrap().value = "asked again".into(),
        _ => panic!("no form open"),
    }
    // Another record changing elsewhere does not block this one.
    assert!(!app.poll_changes());
    app.update(Action::Submit);
    assert!(app.modals.is_empty(), "{:?}", app.status);
    let stored: pathways_core::domain::WaitlistEntry = app.store.get(w.id).unwrap().unwrap();
    assert_eq!(stored.note, "asked again");
}

/// Submits the open form and checks it was refused with the other's version kept in the file.
fn assert_refused<T>(app: &mut App, theirs: &T)
where
    T: pathways_core::store::Record + PartialEq + std::fmt::Debug,
{
    app.update(Action::Submit);
    let msg = form_message(app);
    assert!(msg.contains(CONFLICT), "{msg}");
    let stored: T = app.store.get(theirs.id()).unwrap().unwrap();
    assert_eq!(&stored, theirs);
}

#[test]
fn every_coverage_edit_form_refuses_a_record_changed_since_it_opened() {
    // Ambassador.
    let (_dir, mut app) = coverage_app(CoverageView::Ambassadors);
    let a = app.coverage.selected(&app.data).unwrap().clone();
    app.update(Action::Coverage(CoverageAction::Edit));
    let theirs = Ambassador {
        tenure_end: a.tenure_end - chrono::Duration::days(1),
        ..a.clone()
    };
    other(&app).write(|txn| txn.update(&a, &theirs)).unwrap();
    assert!(app.poll_changes());
    assert_refused(&mut app, &theirs);

    // PL session.
    let (_dir, mut app) = coverage_app(CoverageView::Sessions);
    let s = app.data.ambassador_sessions[app.coverage.selected_index().unwrap()].clone();
    app.update(Action::Coverage(CoverageAction::Edit));
    let theirs = AmbassadorSession {
        topic: "Moved to the library".into(),
        ..s.clone()
    };
    other(&app).write(|txn| txn.update(&s, &theirs)).unwrap();
    assert_refused(&mut app, &theirs);

    // Reference population.
    let (_dir, mut app) = coverage_app(CoverageView::Demographics);
    let r = app.data.reference_populations[0].clone();
    app.update(Action::Coverage(CoverageAction::Edit));
    let theirs = pathways_core::domain::ReferencePopulation {
        name: "District staff, October count".into(),
        ..r.clone()
    };
    other(&app).write(|txn| txn.update(&r, &theirs)).unwrap();
    assert!(app.poll_changes());
    assert_refused(&mut app, &theirs);
}

#[test]
fn every_leadership_edit_form_refuses_a_record_changed_since_it_opened() {
    use LeadershipAction as L;
    // Session edit and reschedule.
    for action in [L::Edit, L::Reschedule] {
        let (_dir, mut app) = leadership_app(LeadershipView::Sessions);
        let s = app.leadership.selected_session().unwrap().clone();
        app.update(Action::Leadership(action));
        let theirs = LeadershipSession {
            room: "Board room".into(),
            ..s.clone()
        };
        other(&app).write(|txn| txn.update(&s, &theirs)).unwrap();
        assert!(app.poll_changes());
        assert_refused(&mut app, &theirs);
    }
    // Completion rule.
    let (_dir, mut app) = leadership_app(LeadershipView::Completion);
    let c = app.leadership.cohort.clone().unwrap();
    app.update(Action::Leadership(L::Rule));
    let theirs = pathways_core::domain::Cohort {
        rule: pathways_core::domain::CompletionRule {
            require_final: !c.rule.require_final,
            ..c.rule
        },
        ..c.clone()
    };
    other(&app).write(|txn| txn.update(&c, &theirs)).unwrap();
    assert_refused(&mut app, &theirs);
    // Waitlist entry.
    let (_dir, mut app) = leadership_app(LeadershipView::Waitlist);
    let w = app.leadership.selected_waitlist().unwrap().clone();
    app.update(Action::Leadership(L::Edit));
    let theirs = pathways_core::domain::WaitlistEntry {
        note: "prefers spring".into(),
        ..w.clone()
    };
    other(&app).write(|txn| txn.update(&w, &theirs)).unwrap();
    assert!(app.poll_changes());
    assert_refused(&mut app, &theirs);
}

#[test]
fn editing_a_mentor_changed_meanwhile_elsewhere_is_refused() {
    let (_dir, mut app) = mentors_app();
    let m = selected_mentor(&app);
    app.update(Action::Mentoring(MentoringAction::EditMentor));
    let theirs = Mentor {
        expertise: "budgets".into(),
        ..m.clone()
    };
    other(&app).write(|txn| txn.update(&m, &theirs)).unwrap();
    assert!(app.poll_changes());
    assert_refused(&mut app, &theirs);
}

#[test]
fn undoing_a_delete_puts_the_cursor_back_on_the_record() {
    let (_dir, mut app) = coverage_app(CoverageView::Sessions);
    let session = |app: &App| {
        let i = app.coverage.selected_index().unwrap();
        app.data.ambassador_sessions[i].id
    };
    app.update(Action::Bottom);
    let last = app.coverage.selected_row();
    let gone = session(&app);
    app.update(Action::Coverage(CoverageAction::Delete));
    app.update(Action::Confirm);
    assert!(!app.data.ambassador_sessions.iter().any(|s| s.id == gone));
    assert_eq!(
        app.coverage.selected_row(),
        last - 1,
        "the cursor falls back to a neighbour"
    );
    app.update(Action::Undo);
    assert_eq!(session(&app), gone);
    assert_eq!(app.coverage.selected_row(), last);
}

#[test]
fn deleting_a_pl_session_changed_meanwhile_elsewhere_deletes_nothing() {
    let (_dir, mut app) = coverage_app(CoverageView::Sessions);
    let s = app.data.ambassador_sessions[app.coverage.selected_index().unwrap()].clone();
    app.update(Action::Coverage(CoverageAction::Delete));
    let theirs = AmbassadorSession {
        topic: "Renamed by the other window".into(),
        ..s.clone()
    };
    other(&app).write(|txn| txn.update(&s, &theirs)).unwrap();
    assert!(app.poll_changes());
    app.update(Action::Confirm);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("changed by someone else"), "{status}");
    let stored: AmbassadorSession = app.store.get(s.id).unwrap().unwrap();
    assert_eq!(stored, theirs);
}

#[test]
fn after_a_promotion_the_cursor_still_follows_its_entry_when_another_joins_elsewhere() {
    let (_dir, mut app) = leadership_app(LeadershipView::Waitlist);
    app.update(Action::Leadership(LeadershipAction::Promote));
    app.update(Action::Submit);
    assert!(app.modals.is_empty(), "{:?}", app.status);
    let chosen = app.leadership.selected_waitlist().unwrap().clone();
    assert_eq!(app.leadership.list.selected(), 0);
    // Someone who joined earlier is added in the other window: they sort first.
    let employee = app
        .data
        .employees
        .iter()
        .find(|e| {
            !app.data.waitlist.iter().any(|w| w.employee_id == e.id)
                && !app.data.participants.iter().any(|p| p.employee_id == e.id)
        })
        .unwrap()
        .id;
    other(&app)
        .write(|txn| {
            txn.insert(&mut pathways_core::domain::WaitlistEntry {
                id: 0,
                employee_id: employee,
                joined: chosen.joined - chrono::Duration::days(30),
                note: String::new(),
            })
        })
        .unwrap();
    assert!(app.poll_changes());
    assert_eq!(app.leadership.selected_waitlist().unwrap().id, chosen.id);
    assert_eq!(app.leadership.list.selected(), 1);
}

#[test]
fn a_refused_pair_edit_under_the_privacy_screen_hides_the_notes() {
    let (_dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Mentoring));
    let pair = app.mentoring.selected(&app.data).unwrap().clone();
    app.update(Action::Mentoring(MentoringAction::EndPair));
    app.private = true;
    let theirs = MentoringPair {
        notes: "confidential: family leave".into(),
        ..pair.clone()
    };
    other(&app).write(|txn| txn.update(&pair, &theirs)).unwrap();
    app.update(Action::Submit);
    let msg = form_message(&app);
    assert!(msg.contains(CONFLICT), "{msg}");
    assert!(!msg.contains("family leave"), "{msg}");
    assert!(!screen_text(&app, 80, 24).contains("family leave"));
}

#[test]
fn a_refused_reference_edit_under_the_privacy_screen_hides_the_counts() {
    let (_dir, mut app) = coverage_app(CoverageView::Demographics);
    let r = app.data.reference_populations[0].clone();
    app.update(Action::Coverage(CoverageAction::Edit));
    app.private = true;
    let mut theirs = r.clone();
    theirs.name = "Recounted".into();
    other(&app).write(|txn| txn.update(&r, &theirs)).unwrap();
    app.update(Action::Submit);
    let msg = form_message(&app);
    assert!(msg.contains(CONFLICT), "{msg}");
    assert!(!msg.contains("people"), "{msg}");
    assert!(!msg.contains("Recounted"), "{msg}");
}
