//! The coverage tab keeps the chapter groups it lists (a pass over everyone) across saves that
//! change no person and makes them again after one that does: what it shows after each save is
//! what a tab built from nothing shows.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use pathways_tui::action::Action;
use pathways_tui::app::{App, Modal, Tab};
use pathways_tui::tab::TabView;
use pathways_tui::tabs::coverage::{CoverageAction, CoverageTab, View};

fn assert_same_as_new(app: &App, what: &str) {
    let mut fresh = CoverageTab::default();
    fresh.refresh(&app.ctx());
    assert_eq!(
        app.coverage.demographic_rows, fresh.demographic_rows,
        "{what}: the demographics"
    );
    for v in View::ALL {
        assert_eq!(
            app.coverage.list.list(v).rows.visible,
            fresh.list.list(v).rows.visible,
            "{what}: the rows of {v:?}"
        );
    }
}

fn chapters_listed(app: &App) -> Vec<String> {
    app.coverage
        .demographic_rows
        .iter()
        .filter(|r| r.dimension == pathways_core::domain::Dimension::Chapter)
        .filter_map(|r| r.group.clone())
        .collect()
}

#[test]
fn the_chapter_groups_follow_the_people_across_saves() {
    let (_dir, mut app) = common::demo_app();
    app.update(Action::GoTab(Tab::Coverage));
    assert_same_as_new(&app, "shown");
    // An ambassador saved: no person changed.
    app.coverage.switch_view(View::Ambassadors);
    app.update(Action::Top);
    app.update(Action::Coverage(CoverageAction::Edit));
    let Some(Modal::Form { form, .. }) = app.modals.last_mut() else {
        panic!("no form: {:?}", app.status)
    };
    form.field_mut("also supports").unwrap().value = String::new();
    app.update(Action::Submit);
    assert!(!matches!(app.modals.last(), Some(Modal::Form { .. })));
    assert_same_as_new(&app, "an ambassador saved");
    // A person moved to a chapter nobody had: the coverage tab lists it at once.
    let before = app.data.employees[0].clone();
    let mut after = before.clone();
    after.chapter = Some("Night Custodians".into());
    assert!(!chapters_listed(&app).contains(&"Night Custodians".to_string()));
    app.save("saved", |w| w.update(&before, &after)).unwrap();
    assert!(chapters_listed(&app).contains(&"Night Custodians".to_string()));
    assert_same_as_new(&app, "a person's chapter saved");
    // And undone: gone again.
    app.update(Action::Undo);
    assert!(!chapters_listed(&app).contains(&"Night Custodians".to_string()));
    assert_same_as_new(&app, "undone");
}
