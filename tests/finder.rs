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
            index.slots[i].kind == pathways_core::search::Kind::Intake && index.slots[i].id == intake.id
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

/// In the dashboard's event loop (`App::background`) the search index is built between key
/// presses before anyone asks, Ctrl-K's box opens at once, and each key only starts its search,
/// worked out in steps between keys: the results are those of a search done at once, however
/// the keys fall among the steps, and a save of an intake is taken into the index as a rebuild
/// would make it.
#[test]
fn a_search_worked_out_between_keys_finds_what_a_search_at_once_finds() {
    let (_dir, path, store) = demo_store();
    let base = store.load().unwrap().0.employees;
    store
        .write(|tx| {
            for k in 0..20 {
                for e in &base {
                    let mut e = e.clone();
                    e.id += 1_000_000 * (k + 1);
                    e.employee_number = format!("{}{k}", e.employee_number);
                    e.last_name = format!("{}{k}", e.last_name);
                    tx.insert(&mut e)?;
                }
            }
            Ok(())
        })
        .unwrap();
    drop(store);
    let mut later = App::new(pathways_core::store::Store::open(&path).unwrap(), today()).unwrap();
    later.background = true;
    later.work_rows = 64;
    // The index is built in steps, before Ctrl-K.
    assert!(later.index.is_none() && later.working());
    let mut steps = 0;
    while later.index.is_none() {
        later.work();
        steps += 1;
    }
    assert!(steps > 10, "built in {steps} steps");
    // Then the queue's search keys are built ahead, and nothing is left to do.
    assert!(later.working() && !later.intake.rows().keyed());
    later.settle();
    assert!(!later.working(), "nothing more to do");
    let index = later.index.clone().unwrap();
    assert_eq!(index, pathways_core::search::Index::build(&later.data));
    let at_once = |query: &str| {
        pathways_core::search::Narrowing::default().search(&index, query, pathways_tui::finder::SEARCH_LIMIT)
    };
    later.handle_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    // Typed with a step or two between keys, and a Backspace.
    for (key, steps) in [
        (KeyCode::Char('g'), 1),
        (KeyCode::Char('a'), 3),
        (KeyCode::Char('r'), 0),
        (KeyCode::Char('z'), 2),
        (KeyCode::Backspace, 5),
        (KeyCode::Char('c'), 40),
        (KeyCode::Char('i'), 0),
        (KeyCode::Char('a'), 0),
    ] {
        later.handle_key(KeyEvent::new(key, KeyModifiers::NONE));
        assert!(later.search_waiting(), "the key only starts its search");
        for _ in 0..steps {
            later.work();
        }
    }
    later.settle();
    let Some(Modal::Search(s)) = later.modals.last() else {
        panic!("the box is open")
    };
    assert_eq!(s.input, "garcia");
    assert!(!s.results.is_empty());
    assert_eq!(s.results, at_once("garcia"));
    assert!(screen_text(&later, 100, 30).contains("García"));
    // A status step saved on the queue: the index takes it in, as a rebuild would make it.
    later.modals.pop();
    let it = later.intake.selected(&later.data).unwrap().clone();
    key(&mut later, KeyCode::Char('>'));
    key(&mut later, KeyCode::Enter);
    assert_ne!(
        later.data.intakes.iter().find(|i| i.id == it.id).unwrap().status,
        it.status
    );
    assert!(!later.working(), "the index was kept");
    assert_eq!(
        later.index.as_ref().unwrap(),
        &pathways_core::search::Index::build(&later.data)
    );
}

/// Outside the event loop (tests, benches) Ctrl-K builds its index when it opens and each key
/// searches at once; in it, the box opens before its index is built and waits for it.
#[test]
fn the_search_box_opens_before_its_index_is_built() {
    let (_dir, mut app) = demo_app();
    app.background = true;
    app.handle_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    let Some(Modal::Search(s)) = app.modals.last() else {
        panic!("the box is open")
    };
    assert!(app.index.is_none(), "no index yet");
    assert!(s.waiting && s.results.is_empty());
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("Find anything") && screen.contains("searching…"),
        "{screen}"
    );
    typed(&mut app, "garcia");
    app.settle();
    let Some(Modal::Search(deferred)) = app.modals.last() else {
        panic!()
    };
    let deferred = deferred.results.clone();
    // The same search with the index built when the box opens.
    app.modals.pop();
    app.index = None;
    app.background = false;
    app.handle_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    assert!(app.index.is_some());
    typed(&mut app, "garcia");
    let Some(Modal::Search(direct)) = app.modals.last() else {
        panic!()
    };
    assert!(!deferred.is_empty());
    assert_eq!(deferred, direct.results);
}
