//! A save on the Professional learning tab takes the saved records into its views instead of
//! rebuilding them (work proportional to the change); what it leaves must be what a rebuild
//! makes: the same rows in each view, in the same order, the same selection and counts.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::{fill, submit};
use pathways_tui::action::Action;
use pathways_tui::app::{App, Tab};
use pathways_tui::tab::TabView;
use pathways_tui::tabs::learning::{LearningAction, View};

fn assert_same_views(app: &App, what: &str) {
    let mut fresh = app.learning.clone();
    fresh.refresh(&app.ctx());
    let tab = &app.learning;
    for v in View::ALL {
        let (a, b) = (tab.list.list(v), fresh.list.list(v));
        assert_eq!(a.rows.visible, b.rows.visible, "{what}: the rows of {v:?}");
        assert_eq!(a.picked(), b.picked(), "{what}: the selection in {v:?}");
        assert_eq!(a.selected, b.selected, "{what}: the selected row in {v:?}");
    }
    assert_eq!(tab.session, fresh.session, "{what}: the session listed");
    // Every session any mark names, and every session there is.
    let sessions = app.data.pl_attendance.iter().map(|a| a.pl_session_id);
    for s in sessions.chain(app.data.pl_sessions.iter().map(|s| s.id)) {
        assert_eq!(
            tab.attended(s),
            fresh.attended(s),
            "{what}: attendance of session {s}"
        );
    }
    assert_eq!(
        tab.offering_attended, fresh.offering_attended,
        "{what}: attendance per offering"
    );
    assert_eq!(
        tab.sessions_of, fresh.sessions_of,
        "{what}: sessions per offering"
    );
}

/// Someone not yet recorded at the session listed.
fn newcomer(app: &App, round: usize) -> String {
    let session = app.learning.session.unwrap();
    app.data
        .employees
        .iter()
        .rev()
        .filter(|e| {
            !app.data
                .pl_attendance
                .iter()
                .any(|a| a.pl_session_id == session && a.employee_id == e.id)
        })
        .nth(round)
        .unwrap()
        .employee_number
        .clone()
}

fn rebuilds(app: &App) -> usize {
    app.learning.rebuilds
}

#[test]
fn the_views_after_a_save_are_the_views_a_rebuild_makes() {
    let (_dir, mut app) = common::demo_app();
    app.update(Action::GoTab(Tab::Learning));
    for round in 0..4 {
        // Under a `/` filter in the later rounds (it narrows every view).
        let filter = if round >= 2 { "a" } else { "" };
        app.set_filter(filter);
        app.learning.list.show(View::Sessions);
        app.update(Action::Top);
        for _ in 0..round {
            app.update(Action::Down);
        }
        app.update(Action::Learning(LearningAction::Open));
        assert_eq!(app.learning.view(), View::Attendance);

        // A person marked at the session listed.
        let before = rebuilds(&app);
        app.update(Action::Learning(LearningAction::Add));
        let person = newcomer(&app, round);
        fill(&mut app, &[("person", person)]);
        submit(&mut app);
        assert_eq!(rebuilds(&app), before, "an attendance mark is taken in");
        assert_same_views(&app, &format!("round {round}, attendance mark"));
        // Undone (a removal: rebuilt) and made again (the same record back at the end: taken in).
        app.update(Action::Undo);
        assert_same_views(&app, &format!("round {round}, mark undone"));
        let before = rebuilds(&app);
        app.update(Action::Redo);
        assert_eq!(rebuilds(&app), before, "a mark made again is taken in");
        assert_same_views(&app, &format!("round {round}, mark redone"));

        // The session edited: another place, and a later date (it moves to the top).
        app.update(Action::Left);
        assert_eq!(app.learning.view(), View::Sessions);
        let session = app.learning.session.unwrap();
        assert!(
            app.learning
                .list
                .current_mut()
                .select(&pathways_tui::tabs::learning::Picked::Session(session))
        );
        app.update(Action::Learning(LearningAction::Edit));
        fill(
            &mut app,
            &[
                ("place", format!("Room {round}")),
                (
                    "date",
                    (common::today() - chrono::Duration::days(round as i64)).to_string(),
                ),
            ],
        );
        submit(&mut app);
        assert_eq!(rebuilds(&app), before, "a session edit is taken in");
        assert_same_views(&app, &format!("round {round}, session edit"));

        // A new session of the same course, listed, and someone marked at it.
        app.update(Action::Learning(LearningAction::Add));
        fill(
            &mut app,
            &[
                ("place", format!("Annex {round}")),
                ("date", common::date(2020, 1, 1 + round as u32).to_string()),
            ],
        );
        submit(&mut app);
        assert_eq!(rebuilds(&app), before, "a new session is taken in");
        assert_same_views(&app, &format!("round {round}, new session"));
        let added = app.data.pl_sessions.last().unwrap().id;
        assert_eq!(
            app.learning.session,
            Some(added),
            "the new session is the one listed"
        );
        app.learning.list.show(View::Attendance);
        app.update(Action::Learning(LearningAction::Add));
        let person = newcomer(&app, 0);
        fill(&mut app, &[("person", person)]);
        submit(&mut app);
        assert_eq!(rebuilds(&app), before, "a mark at the new session is taken in");
        assert_same_views(&app, &format!("round {round}, mark at the new session"));

        // A removal is rebuilt, and still the same.
        app.update(Action::Learning(LearningAction::Remove));
        app.update(Action::Confirm);
        assert!(rebuilds(&app) > before, "a removal rebuilds");
        assert_same_views(&app, &format!("round {round}, removal"));
    }
}
