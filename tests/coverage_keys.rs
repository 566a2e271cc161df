//! Any keys in any order on the coverage tab (forms, confirms, saves, attendance marks, date
//! changes, deletes and undos on a real database): never a panic, every frame draws.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use pathways_tui::action::Action;
use pathways_tui::app::{App, Tab};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One demo app for the whole run (building one per case would dominate).
fn demo() -> std::sync::MutexGuard<'static, App> {
    use std::sync::{Mutex, OnceLock};
    static APP: OnceLock<(tempfile::TempDir, Mutex<App>)> = OnceLock::new();
    let (_, app) = APP.get_or_init(|| {
        let (dir, app) = common::demo_app();
        (dir, Mutex::new(app))
    });
    app.lock().unwrap_or_else(|p| p.into_inner())
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        4 => proptest::sample::select(vec!['a', 'e', 'x', 'd', 't', '[', ']', 'v', 'm', ' ', 'r', 'y', 'u', 'j', 'k', 'G', 'g', 'h', 'l', 'p', '/', 'y', 'n', '0', '2', '7', '-'])
            .prop_map(KeyCode::Char),
        2 => proptest::char::range(' ', '~').prop_map(KeyCode::Char),
        3 => Just(KeyCode::Enter),
        2 => Just(KeyCode::Esc),
        1 => Just(KeyCode::Backspace),
        2 => Just(KeyCode::Down),
        1 => Just(KeyCode::Up),
        1 => Just(KeyCode::Left),
        1 => Just(KeyCode::Right),
        1 => Just(KeyCode::PageDown),
        1 => Just(KeyCode::End),
    ];
    let mods = prop_oneof![8 => Just(KeyModifiers::NONE), 1 => Just(KeyModifiers::CONTROL)];
    (code, mods).prop_map(|(c, m)| KeyEvent::new(c, m))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_on_the_coverage_tab_never_panic(keys in proptest::collection::vec(key(), 1..120)) {
        let mut app = demo();
        app.update(Action::GoTab(Tab::Coverage));
        for (i, k) in keys.iter().enumerate() {
            let calm = app.modals.is_empty() && !app.filtering;
            // Stay on this tab and in the session: no quitting, no tab switching, no palette.
            let leaves = matches!(k.code, KeyCode::Char('q' | '1' | '2' | '4' | '5' | ':'))
                || (k.code == KeyCode::Char('k') && k.modifiers == KeyModifiers::CONTROL);
            if calm && leaves {
                continue;
            }
            app.handle_key(*k);
            app.show_tab(Tab::Coverage);
            if i % 6 == 0 {
                common::screen(&app, 80, 24);
                common::screen(&app, 60, 15);
            }
        }
        common::screen(&app, 80, 24);
        for _ in 0..6 {
            app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        }
        app.filtering = false;
        app.modals.clear();
        app.running = true;
    }
}
