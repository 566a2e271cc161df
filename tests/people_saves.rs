//! A save on the People tab takes the people saved into its list instead of sorting everyone
//! again (work proportional to the change); what it leaves must be what a rebuild makes: the
//! same rows in the same order, the same selection, the same card, and the chapter and owner
//! counts when those views are shown.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::{fill, submit};
use pathways_tui::action::Action;
use pathways_tui::app::{App, Tab};
use pathways_tui::tab::TabView;
use pathways_tui::tabs::people::{PeopleAction, PeopleTab, View};

fn assert_same_views(app: &App, what: &str) {
    let mut fresh: PeopleTab = app.people.clone();
    fresh.refresh(&app.ctx());
    let tab = &app.people;
    let (a, b) = (tab.list.list(View::People), fresh.list.list(View::People));
    assert_eq!(a.rows.visible, b.rows.visible, "{what}: the rows");
    assert_eq!(a.picked(), b.picked(), "{what}: the selection");
    assert_eq!(a.selected, b.selected, "{what}: the selected row");
    assert_eq!(
        tab.card.as_ref().map(|c| (c.person, &c.story)),
        fresh.card.as_ref().map(|c| (c.person, &c.story)),
        "{what}: the card"
    );
}

/// The chapter and owner views, once shown, hold what a rebuild makes.
fn assert_same_lists(app: &mut App, what: &str) {
    app.update(Action::Back);
    app.update(Action::People(PeopleAction::Chapters));
    let mut fresh: PeopleTab = app.people.clone();
    fresh.refresh(&app.ctx());
    assert_eq!(app.people.chapters, fresh.chapters, "{what}: the chapters");
    assert_eq!(app.people.owners, fresh.owners, "{what}: the owners");
    for v in [View::Chapters, View::Owners] {
        assert_eq!(
            app.people.list.list(v).rows.visible,
            fresh.list.list(v).rows.visible,
            "{what}: the rows of {v:?}"
        );
    }
    app.people.list.show(View::People);
}

#[test]
fn the_list_after_a_save_is_the_list_a_rebuild_makes() {
    let (_dir, mut app) = common::demo_app();
    app.update(Action::GoTab(Tab::People));
    for round in 0..4 {
        let filter = if round >= 2 { "a" } else { "" };
        app.set_filter(filter);
        app.update(Action::Top);
        for _ in 0..round * 3 {
            app.update(Action::Down);
        }
        let before = app.people.rebuilds;

        // An edit that moves the person in the list (another last name) and to another chapter.
        app.update(Action::People(PeopleAction::Edit));
        let chapter = app.data.chapters()[round % 3].clone();
        fill(
            &mut app,
            &[
                ("last name", format!("Zeller{round}")),
                ("position", format!("Paraeducator {round}")),
                ("chapter", chapter),
            ],
        );
        submit(&mut app);
        assert_eq!(app.people.rebuilds, before, "a person edit is taken in");
        assert!(app.people.card.is_some(), "the card of the person saved");
        assert_same_views(&app, &format!("round {round}, person edit"));
        assert_same_lists(&mut app, &format!("round {round}, person edit"));
        // Undone and made again: each an edit in place, taken in.
        app.update(Action::Undo);
        app.update(Action::Redo);
        assert_eq!(app.people.rebuilds, before, "an undone edit is taken in");
        assert_same_views(&app, &format!("round {round}, person edit undone and redone"));

        // A new person.
        app.update(Action::People(PeopleAction::Add));
        fill(
            &mut app,
            &[
                ("employee id", format!("77700{round}")),
                ("first name", "Ana".into()),
                ("last name", format!("Abbott{round}")),
            ],
        );
        submit(&mut app);
        assert_eq!(app.people.rebuilds, before, "a new person is taken in");
        assert_same_views(&app, &format!("round {round}, new person"));
        assert_same_lists(&mut app, &format!("round {round}, new person"));
    }
}

/// Queue work while the People tab is not on screen (a status step, an owner changed): the
/// tab takes the intakes in instead of being rebuilt when shown again; its card tells the new
/// status and the owners' counts are what a rebuild makes, whichever view was left on it.
#[test]
fn intakes_saved_on_the_queue_are_taken_in_while_the_tab_is_away() {
    use pathways_tui::tabs::intake::IntakeAction;
    let (_dir, mut app) = common::demo_app();
    for owners_shown in [false, true] {
        let it = app.intake.selected(&app.data).unwrap().clone();
        app.open_card(it.employee_id);
        if owners_shown {
            app.people.list.show(View::Owners);
        }
        let before = app.people.rebuilds;
        app.update(Action::GoTab(Tab::Intake));
        app.select_intake(it.id);
        app.update(Action::Intake(IntakeAction::Advance));
        submit(&mut app);
        let owner = app.data.owners().into_iter().find(|o| *o != it.owner).unwrap();
        app.select_intake(it.id);
        app.update(Action::Intake(IntakeAction::Edit));
        fill(&mut app, &[("owner", owner.clone())]);
        submit(&mut app);
        let now = app.data.intakes.iter().find(|i| i.id == it.id).unwrap().clone();
        assert_eq!(
            (now.owner.as_str(), now.status != it.status),
            (owner.as_str(), true)
        );
        app.update(Action::GoTab(Tab::People));
        assert_eq!(app.people.rebuilds, before, "taken in, not rebuilt");
        let card = app.people.card.as_ref().unwrap();
        assert!(format!("{:?}", card.story).contains(&format!("status: {:?}", now.status)));
        assert_same_views(&app, &format!("owners shown: {owners_shown}"));
        if owners_shown {
            let mut fresh: PeopleTab = app.people.clone();
            fresh.refresh(&app.ctx());
            assert_eq!(app.people.owners, fresh.owners, "the owners' counts");
        }
        app.people.list.show(View::People);
        assert_same_lists(&mut app, &format!("owners shown: {owners_shown}"));
        app.update(Action::GoTab(Tab::Intake));
    }
}
