//! A monthly log saved on the Mentoring tab is taken into the pair's counts and its line of the
//! log grid instead of every view being rebuilt (work proportional to the change); what it
//! leaves must be what a rebuild makes. A pair saved rebuilds, and is the same too.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::{fill, submit};
use pathways_tui::action::Action;
use pathways_tui::app::{App, Tab};
use pathways_tui::tab::TabView;
use pathways_tui::tabs::mentoring::{MentoringAction, MentoringTab, View};

fn assert_same_views(app: &App, what: &str) {
    let mut fresh: MentoringTab = app.mentoring.clone();
    fresh.refresh(&app.ctx());
    let tab = &app.mentoring;
    for v in View::ALL {
        let (a, b) = (tab.list.list(v), fresh.list.list(v));
        assert_eq!(a.rows.visible, b.rows.visible, "{what}: the rows of {v:?}");
        assert_eq!(a.picked(), b.picked(), "{what}: the selection in {v:?}");
    }
    // Everything the views draw from, field by field.
    let shown = |t: &MentoringTab| {
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}",
            t.pair_info, t.grid, t.summary, t.mentor_info
        )
    };
    assert_eq!(shown(tab), shown(&fresh), "{what}: pairs, grid, summary, mentors");
    assert_eq!(tab.logs_by_pair, fresh.logs_by_pair, "{what}: logs per pair");
}

#[test]
fn the_views_after_a_log_are_the_views_a_rebuild_makes() {
    let (_dir, mut app) = common::demo_app();
    app.update(Action::GoTab(Tab::Mentoring));
    for round in 0..4 {
        let filter = if round >= 2 { "a" } else { "" };
        app.set_filter(filter);
        // From the pairs view, then from the log grid.
        let view = if round % 2 == 0 { View::Pairs } else { View::Logs };
        app.mentoring.set_view(view);
        app.update(Action::Top);
        for _ in 0..round {
            app.update(Action::Down);
        }
        let before = app.mentoring.rebuilds;
        app.update(Action::Mentoring(MentoringAction::AddLog));
        fill(
            &mut app,
            &[
                ("hours", "0.5".into()),
                ("topics", format!("a plan, round {round}")),
            ],
        );
        submit(&mut app);
        assert_eq!(app.mentoring.rebuilds, before, "a log is taken in");
        assert_same_views(&app, &format!("round {round}, a log"));
    }
}

/// A save of what the tab does not show (an intake's status step on the queue) leaves it as it
/// is, not rebuilt when shown again; a person edited (whom it may name) rebuilds it. Each time
/// its views are what a rebuild makes.
#[test]
fn a_save_of_what_the_tab_does_not_show_leaves_it_as_it_is() {
    use pathways_tui::tabs::intake::IntakeAction;
    use pathways_tui::tabs::people::PeopleAction;
    let (_dir, mut app) = common::demo_app();
    app.update(Action::GoTab(Tab::Mentoring));
    let built = app.mentoring.rebuilds;
    app.update(Action::GoTab(Tab::Intake));
    let it = app.intake.selected(&app.data).unwrap().clone();
    app.update(Action::Intake(IntakeAction::Advance));
    submit(&mut app);
    let now = app.data.intakes.iter().find(|i| i.id == it.id).unwrap();
    assert_ne!(now.status, it.status, "the step was saved");
    app.update(Action::GoTab(Tab::Mentoring));
    assert_eq!(app.mentoring.rebuilds, built, "not rebuilt for an intake");
    assert_same_views(&app, "after an intake's status step");

    // The selected pair's mentee renamed: the pairs name them.
    let mentee = app.mentoring.selected(&app.data).unwrap().mentee_id;
    app.update(Action::GoTab(Tab::People));
    app.open_card(mentee);
    app.update(Action::People(PeopleAction::Edit));
    fill(&mut app, &[("last name", "Zeller")]);
    submit(&mut app);
    app.update(Action::GoTab(Tab::Mentoring));
    assert!(app.mentoring.rebuilds > built, "rebuilt for a person");
    assert_same_views(&app, "after a person edited");
    let shown = common::screen_text(&app, 120, 30);
    assert!(shown.contains("Zeller"), "{shown}");
}
