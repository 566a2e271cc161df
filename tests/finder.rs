//! Search, palette, privacy, copy, undo and idle privacy, driven through actions on a real store.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_tui::action::Action;
use pathways_tui::app::{App, Modal, Tab};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn global_search_jumps_to_the_record_in_its_tab() {
    let (_dir, mut app) = demo_app();
    let intake = app.data.intakes[40].clone();
    let name = app.data.employee_name(intake.employee_id);
    app.handle_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    assert!(matches!(app.modals.last(), Some(Modal::Search(_))));
    typed(&mut app, &pathways_core::text::fold(&name));
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("intake") && s.contains(&name), "{s}");
    // Move to the first intake hit of that person and open it.
    let Some(Modal::Search(search)) = app.modals.last() else {
        panic!()
    };
    let index = app.index.as_ref().unwrap();
    let pos = search
        .results
        .iter()
        .position(|&i| {
            index.entries[i].kind == pathways_core::search::Kind::Intake && index.entries[i].id == intake.id
        })
        .expect("the intake is among the hits");
    for _ in 0..pos {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert!(app.modals.is_empty());
    assert_eq!(app.tab, Tab::Intake);
    assert_eq!(app.intake.selected(&app.data).unwrap().id, intake.id);
}

#[test]
fn the_palette_runs_any_action_by_name() {
    let (_dir, mut app) = demo_app();
    key(&mut app, KeyCode::Char(':'));
    typed(&mut app, "metrics-tab");
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("metrics-tab") && s.contains("monthly metrics"), "{s}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, Tab::Metrics);
    assert!(app.modals.is_empty());
    // `:find garcia` opens the search with the query.
    key(&mut app, KeyCode::Char(':'));
    typed(&mut app, "find garcia");
    key(&mut app, KeyCode::Enter);
    let Some(Modal::Search(s)) = app.modals.last() else {
        panic!("search not open")
    };
    assert_eq!(s.input, "garcia");
    assert!(!s.results.is_empty());
}

#[test]
fn every_keymap_action_is_in_the_palette() {
    let names: Vec<&str> = pathways_tui::finder::commands().iter().map(|c| c.name).collect();
    for b in pathways_tui::keymap::GLOBAL {
        assert!(names.contains(&b.name), "{} missing", b.name);
    }
    for tab in Tab::ALL {
        for b in pathways_tui::keymap::tab_keys(tab) {
            assert!(names.contains(&b.name), "{} missing", b.name);
        }
    }
}

#[test]
fn the_privacy_screen_masks_every_name_on_every_tab() {
    let (_dir, mut app) = demo_app();
    app.update(Action::TogglePrivacy);
    let names: Vec<String> = app.data.employees.iter().map(|e| e.full_name()).collect();
    for tab in Tab::ALL {
        app.update(Action::GoTab(tab));
        for (w, h) in [(80, 24), (200, 50)] {
            let s = screen_text(&app, w, h);
            assert!(s.contains("PRIVATE"), "no banner on {tab:?}:\n{s}");
            for n in &names {
                assert!(
                    !s.contains(n.as_str()),
                    "{n} visible on {tab:?} under the privacy screen:\n{s}"
                );
            }
        }
    }
    // The search prompt masks too.
    app.update(Action::GlobalSearch);
    typed(&mut app, "a");
    let s = screen_text(&app, 80, 24);
    for n in &names {
        assert!(!s.contains(n.as_str()), "{n} visible in search:\n{s}");
    }
}

#[test]
fn copy_takes_what_the_screen_shows() {
    let (_dir, mut app) = demo_app();
    let intake = app.intake.selected(&app.data).unwrap().clone();
    let name = app.data.employee_name(intake.employee_id);
    app.update(Action::Copy);
    let copied = app.clipboard.take().expect("copied");
    assert!(copied.contains(&name), "{copied}");
    assert!(app.status.as_deref().unwrap().starts_with("copied"));
    app.update(Action::TogglePrivacy);
    app.update(Action::Copy);
    let masked = app.clipboard.take().unwrap();
    assert!(!masked.contains(&name), "{masked}");
    assert!(
        masked.contains(&pathways_core::domain::initials(&name)),
        "{masked}"
    );
    for tab in Tab::ALL {
        app.update(Action::GoTab(tab));
        app.update(Action::Copy);
        assert!(app.clipboard.take().is_some(), "nothing copied on {tab:?}");
    }
}

#[test]
fn privacy_turns_on_by_itself_after_idle_time() {
    let (_dir, mut app) = demo_app();
    app.privacy_after = Some(std::time::Duration::from_secs(60));
    assert!(!app.tick() || !app.private);
    app.last_input = std::time::Instant::now() - std::time::Duration::from_secs(61);
    assert!(app.tick());
    assert!(app.private);
}

#[test]
fn undo_reverts_the_last_change_in_one_transaction() {
    let (_dir, mut app) = demo_app();
    let mut e = app.data.employees[0].clone();
    let before = e.clone();
    e.position = "Fiscal Assistant V".into();
    app.save("employee saved", |tx| tx.put(&e)).unwrap();
    assert_eq!(app.data.employee(e.id).unwrap().position, "Fiscal Assistant V");
    app.update(Action::Undo);
    assert_eq!(app.data.employee(e.id).unwrap(), &before);
    assert!(app.status.as_deref().unwrap().contains("undone: employee saved"));
    app.update(Action::Undo);
    assert!(app.status.as_deref().unwrap().contains("nothing to undo"));
}

#[test]
fn a_large_index_is_searched_off_the_input_path() {
    let (_dir, path, store) = demo_store();
    let base = store.load().unwrap().0.employees;
    store
        .write(|tx| {
            for k in 0..50 {
                for e in &base {
                    let mut e = e.clone();
                    e.last_name = format!("{}{k}", e.last_name);
                    tx.insert(&mut e)?;
                }
            }
            Ok(())
        })
        .unwrap();
    drop(store);
    let mut app = App::new(pathways_core::store::Store::open(&path).unwrap(), today()).unwrap();
    app.update(Action::GlobalSearch);
    assert!(
        app.search_worker.is_some(),
        "{} entries should use the worker",
        app.index.as_ref().unwrap().len()
    );
    typed(&mut app, "garcia");
    let start = std::time::Instant::now();
    while app.search_waiting() {
        app.poll_search();
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "no answer from the worker"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let Some(Modal::Search(s)) = app.modals.last() else {
        panic!()
    };
    let index = app.index.as_ref().unwrap();
    let direct: Vec<usize> = pathways_core::search::Narrowing::default().search(
        index,
        "garcia",
        pathways_tui::finder::SEARCH_LIMIT,
    );
    assert_eq!(s.results, direct);
    assert!(screen_text(&app, 80, 24).contains("García"));
}

/// In the dashboard's event loop Ctrl-K's box opens before its index is built (a million
/// records take a few hundred ms): the box is there at once, empty and waiting; the loop builds
/// the index after drawing it, and the results are then those of a box opened with an index.
#[test]
fn the_search_box_opens_before_its_index_is_built() {
    let (_dir, mut app) = demo_app();
    app.defer_index = true;
    app.handle_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    let Some(Modal::Search(s)) = app.modals.last() else {
        panic!("the box is open")
    };
    assert!(app.index.is_none(), "no index yet");
    assert!(s.waiting && s.results.is_empty());
    assert!(screen_text(&app, 80, 24).contains("Find anything"));
    assert!(app.prepare_search(), "the loop builds it and draws again");
    assert!(!app.prepare_search(), "once");
    typed(&mut app, "garcia");
    let Some(Modal::Search(deferred)) = app.modals.last() else {
        panic!()
    };
    let deferred = deferred.results.clone();
    // The same search with the index built when the box opens.
    app.modals.pop();
    app.index = None;
    app.search_worker = None;
    app.defer_index = false;
    app.handle_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    typed(&mut app, "garcia");
    let Some(Modal::Search(direct)) = app.modals.last() else {
        panic!()
    };
    assert!(!deferred.is_empty());
    assert_eq!(deferred, direct.results);
}
