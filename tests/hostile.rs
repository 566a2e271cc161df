//! Hostile input, as property tests: whatever bytes or keys arrive, the answer is a clear error
//! or a valid value, never a panic.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use chrono::{Datelike, NaiveDate};
use pathways_core::domain::*;
use pathways_core::store::Record;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[0-9/: -]{0,24}(AM|PM)?",
        "[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,2}",
        "[a-z._@-]{0,30}",
    ]
}

proptest! {
    #[test]
    fn dates_parse_or_say_why(text in any_text()) {
        match parse_date(&text) {
            Ok(d) => prop_assert!(d.year() > 1900 && d.year() < 2200, "{text:?} -> {d}"),
            Err(why) => prop_assert!(!why.is_empty()),
        }
    }

    #[test]
    fn every_real_date_reads_back_in_both_spellings(days in 0i64..80_000) {
        let d = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Duration::days(days);
        prop_assert_eq!(parse_date(&d.format("%Y-%m-%d").to_string()), Ok(d));
        prop_assert_eq!(parse_date(&format!("{}/{}/{}", d.month(), d.day(), d.year())), Ok(d));
        prop_assert_eq!(parse_date(&format!("{}/{}/{} 9:05:33 AM", d.month(), d.day(), d.year())), Ok(d));
    }

    #[test]
    fn emails_months_and_lookups_never_panic(text in any_text()) {
        let _ = is_plausible_email(&text);
        let _ = parse_month(&text);
        let (_dir, app) = demo();
        let _ = pathways_core::lookup::People::new(&app.data.employees).find(&text);
        let _ = pathways_core::lookup::Places::new(&app.data.locations).find(&text);
    }

    #[test]
    fn an_employee_with_any_text_is_valid_or_names_the_field(
        first in any_text(), last in any_text(), number in any_text(), email in any_text()
    ) {
        let (_dir, app) = demo();
        let mut e = app.data.employees[0].clone();
        e.first_name = first;
        e.last_name = last;
        e.employee_number = number;
        e.email = email;
        if let Err(err) = e.validate() {
            prop_assert!(!err.field.is_empty() && !err.reason.is_empty());
        }
    }

    #[test]
    fn random_bytes_never_decode_into_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut enveloped = b"PW\x01".to_vec();
        enveloped.extend_from_slice(&bytes);
        for candidate in [&bytes, &enveloped] {
            let _ = Employee::decode(candidate);
            let _ = Intake::decode(candidate);
            let _ = MentoringPair::decode(candidate);
            let _ = Ambassador::decode(candidate);
            let _ = LeadershipSession::decode(candidate);
        }
    }
}

/// A demo app shared by the cases of one test run (building one per case would dominate).
fn demo() -> (
    std::sync::Arc<tempfile::TempDir>,
    std::sync::MutexGuard<'static, pathways_tui::app::App>,
) {
    use std::sync::{Arc, Mutex, OnceLock};
    static APP: OnceLock<(Arc<tempfile::TempDir>, Mutex<pathways_tui::app::App>)> = OnceLock::new();
    let (dir, app) = APP.get_or_init(|| {
        let (dir, app) = common::demo_app();
        (Arc::new(dir), Mutex::new(app))
    });
    (dir.clone(), app.lock().unwrap_or_else(|p| p.into_inner()))
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        6 => proptest::char::range(' ', '~').prop_map(KeyCode::Char),
        1 => proptest::char::any().prop_map(KeyCode::Char),
        2 => Just(KeyCode::Enter),
        2 => Just(KeyCode::Esc),
        2 => Just(KeyCode::Tab),
        1 => Just(KeyCode::BackTab),
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
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any keys in any order, on every tab, with forms, confirms and saves on a real database:
    /// no panic, and every frame draws at 80x24 and at a tiny size.
    #[test]
    fn any_keys_in_any_order_never_panic(keys in proptest::collection::vec(key(), 1..160)) {
        let (_dir, mut app) = demo();
        for (i, k) in keys.iter().enumerate() {
            // Quitting would end the session; everything else goes through as typed.
            if k.code == KeyCode::Char('q') && app.modals.is_empty() && !app.filtering {
                continue;
            }
            app.handle_key(*k);
            if i % 8 == 0 {
                common::screen(&app, 80, 24);
                common::screen(&app, 30, 8);
            }
        }
        common::screen(&app, 80, 24);
        // Back to a calm state for the next case.
        for _ in 0..6 {
            app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        }
        app.filtering = false;
        app.modals.clear();
        app.running = true;
    }
}
