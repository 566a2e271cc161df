//! Start-up: the tab on screen is built first and the others when first shown, and what they
//! show then is what a dashboard that built every tab at start shows.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use pathways_tui::app::{App, Modal, Tab};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Every tab of a dashboard, drawn in turn at 120x40.
fn every_tab(app: &mut App) -> Vec<String> {
    Tab::ALL
        .into_iter()
        .map(|t| {
            app.show_tab(t);
            common::screen_text(app, 120, 40)
        })
        .collect()
}

#[test]
fn a_tab_first_shown_after_start_draws_what_a_tab_built_at_start_draws() {
    let (_dir, path, store) = common::demo_store();
    let mut lazy = App::new(store, common::today()).unwrap();
    let mut eager = App::new(pathways_core::store::Store::open(&path).unwrap(), common::today()).unwrap();
    for t in Tab::ALL {
        eager.refresh_tab(t);
    }
    let (lazy_frames, eager_frames) = (every_tab(&mut lazy), every_tab(&mut eager));
    for (t, (l, e)) in Tab::ALL.iter().zip(lazy_frames.iter().zip(&eager_frames)) {
        assert_eq!(l, e, "{t:?}");
    }
    // And again under the privacy screen (names as initials, sorted by them).
    lazy.set_private(true);
    eager.set_private(true);
    assert_eq!(every_tab(&mut lazy), every_tab(&mut eager));
}

#[test]
fn the_intake_queue_is_built_once_at_start() {
    let (_dir, app) = common::demo_app();
    assert_eq!(app.intake.rebuilds, 1);
}

/// A demo database and two dashboards on it: one started as the terminal starts it (the intake
/// tab's records first, the rest loading), one with everything loaded.
fn started_and_loaded() -> (tempfile::TempDir, App, App) {
    let (dir, path, store) = common::demo_store();
    let started = App::start(store, common::today()).unwrap();
    let loaded = App::new(pathways_core::store::Store::open(&path).unwrap(), common::today()).unwrap();
    (dir, started, loaded)
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// Takes in the rest of the records and replays the keys that waited for them.
fn finish(app: &mut App) {
    app.finish_loading();
    app.poll_loading();
    assert!(!app.is_loading());
}

#[test]
fn the_intake_tab_comes_first_the_others_say_loading_then_show_what_a_full_load_shows() {
    let (_dir, mut started, mut loaded) = started_and_loaded();
    assert!(started.is_loading(), "the rest is taken in only when asked");
    // The intake tab is drawn from the kinds loaded first, exactly as from all of them.
    assert_eq!(
        common::screen_text(&started, 120, 40),
        common::screen_text(&loaded, 120, 40)
    );
    // Every other tab says it is loading, and shows no figure meanwhile.
    for t in Tab::ALL.into_iter().filter(|t| *t != Tab::Intake) {
        started.show_tab(t);
        let text = common::screen_text(&started, 120, 40);
        assert!(text.contains("loading…"), "{t:?}: {text}");
        assert!(!text.contains(&format!("{} (", t.title())), "{t:?}: {text}");
    }
    finish(&mut started);
    assert_eq!(every_tab(&mut started), every_tab(&mut loaded));
    same_records(&started.data, &loaded.data);
}

#[test]
fn keys_pressed_while_loading_wait_for_the_records_and_are_not_lost() {
    let (_dir, mut started, mut loaded) = started_and_loaded();
    // To the mentoring tab (at once), then its keys: the next view, two rows down.
    let keys = "2vjj";
    press(&mut started, keys);
    let waiting = common::screen_text(&started, 120, 40);
    assert!(waiting.contains("loading…"), "{waiting}");
    assert!(waiting.contains("your keys wait"), "{waiting}");
    finish(&mut started);
    press(&mut loaded, keys);
    assert_eq!(
        started.status, None,
        "the word that keys wait goes once they are applied"
    );
    assert_eq!(
        common::screen_text(&started, 120, 40),
        common::screen_text(&loaded, 120, 40)
    );
    // Ctrl-K waits too (its index reaches every kind), and the text typed after it is kept.
    let (_dir, mut started, mut loaded) = started_and_loaded();
    for app in [&mut started, &mut loaded] {
        app.handle_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
        press(app, "garcia");
    }
    finish(&mut started);
    started.status = None;
    assert_eq!(
        common::screen_text(&started, 120, 40),
        common::screen_text(&loaded, 120, 40)
    );
}

#[test]
fn a_save_on_the_intake_tab_while_loading_is_kept_and_the_rest_still_comes_in() {
    let (_dir, mut started, _) = started_and_loaded();
    let before = started.intake.selected(&started.data).cloned().unwrap();
    // A status step: `>` opens its form at once (the intake tab is ready), Enter saves it.
    press(&mut started, ">");
    started.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(started.is_loading());
    let saved = started.data.intakes.iter().find(|i| i.id == before.id).unwrap();
    assert_eq!(
        saved.status,
        before.status.next().unwrap(),
        "{:?}",
        started.status
    );
    finish(&mut started);
    // Every kind is as a fresh load of the file reads it, the saved step included.
    let path = started.store.path().to_path_buf();
    let mut fresh = App::new(pathways_core::store::Store::open(&path).unwrap(), common::today()).unwrap();
    same_records(&started.data, &fresh.data);
    for t in Tab::ALL.into_iter().filter(|t| *t != Tab::Intake) {
        started.show_tab(t);
        fresh.show_tab(t);
        started.status = None;
        assert_eq!(
            common::screen_text(&started, 120, 40),
            common::screen_text(&fresh, 120, 40),
            "{t:?}"
        );
    }
}

#[test]
fn a_change_saved_elsewhere_while_loading_is_read_over_what_was_loading() {
    let (_dir, mut started, _) = started_and_loaded();
    let pair = started_pair(&started);
    // Another process adds a mentor log after the snapshot the rest is read from.
    let other = pathways_core::store::Store::open(started.store.path()).unwrap();
    let mut log = pathways_core::domain::MentorLog {
        id: 0,
        pair_id: pair,
        month: common::date(2026, 11, 1),
        hours: 1.5,
        topics: "written elsewhere".into(),
        submitted: common::today(),
    };
    other.write(|txn| txn.insert(&mut log).map(|_| ())).unwrap();
    assert!(started.poll_changes());
    assert!(!started.is_loading());
    assert!(
        started.data.logs.iter().any(|l| l.topics == "written elsewhere"),
        "the change saved meanwhile is read over the older snapshot"
    );
}

/// A mentoring pair of the demo data, read from the file itself.
fn started_pair(app: &App) -> pathways_core::domain::Id {
    let (pairs, _) = app.store.all::<pathways_core::domain::MentoringPair>().unwrap();
    pairs[0].id
}

/// Every kind of record is the same in both.
fn same_records(a: &pathways_core::dataset::Dataset, b: &pathways_core::dataset::Dataset) {
    macro_rules! each {
        ($($field:ident: $ty:ty),+ $(,)?) => {$(
            assert_eq!(a.$field, b.$field, stringify!($field));
        )+};
    }
    pathways_core::with_record_kinds!(each);
}

/// A demo database whose search index (a table the dashboard's load does not read) has a
/// flipped byte: the records all read and check out, the file's pages do not verify.
fn damaged_where_the_load_does_not_read() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path, store) = common::demo_store();
    let (data, _) = store.load().unwrap();
    drop(store);
    let mut bytes = std::fs::read(&path).unwrap();
    // A person's folded full name ("ana garcia") is written in their search entry only: the
    // record holds the first and last names apart.
    let at = data
        .employees
        .iter()
        .find_map(|e| {
            let key = pathways_core::text::fold(&e.full_name());
            let mut found = bytes
                .windows(key.len())
                .enumerate()
                .filter(|(_, w)| *w == key.as_bytes());
            match (found.next(), found.next()) {
                (Some((at, _)), None) if key.contains(' ') => Some(at),
                _ => None,
            }
        })
        .expect("a name found once in the file");
    bytes[at + 1] ^= 0x02;
    std::fs::write(&path, &bytes).unwrap();
    (dir, path)
}

#[test]
fn a_file_damaged_where_the_load_does_not_read_opens_says_so_and_is_never_written() {
    let (_dir, path) = damaged_where_the_load_does_not_read();
    let before = std::fs::read(&path).unwrap();
    let mut app = App::start(pathways_core::store::Store::open(&path).unwrap(), common::today()).unwrap();
    finish(&mut app);
    // The event loop starts the whole file's verification once the data is on screen; the
    // footer says what it found.
    app.on_screen();
    let since = std::time::Instant::now();
    while !app.tick() {
        assert!(
            since.elapsed() < std::time::Duration::from_secs(20),
            "no word of the damage"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let status = app.status.clone().unwrap_or_default();
    assert!(
        status.contains("is damaged") && status.contains("nothing will be saved"),
        "{status}"
    );
    // A status step is refused, and the file is left as it was.
    press(&mut app, ">");
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let refused = match app.modals.last() {
        Some(Modal::Form { form, .. }) => form.message.clone().unwrap_or_default(),
        _ => panic!("the step's form stays open with the reason"),
    };
    assert!(
        refused.contains("not saved") && refused.contains("is damaged"),
        "{refused}"
    );
    assert!(
        std::fs::read(&path).unwrap() == before,
        "the damaged file was written"
    );
}

#[path = "common/pty.rs"]
mod pty;

#[test]
fn keys_sent_with_the_first_data_frame_land_in_the_real_binary() {
    // Large enough that the rest of the records are likely still loading when the keys come;
    // what the screen ends on is the same either way.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("larger.redb");
    let (code, _, stderr) = common::run(&path, &["init", "--synthetic", "20000"]);
    assert_eq!(code, 0, "{stderr}");
    let mut p = pty::dashboard(&path);
    p.wait_for("Intake queue (");
    assert!(!p.screen().contains("employee"), "{}", p.screen());
    // The mentoring tab's mentors view, then Ctrl-K with a name typed into it.
    p.send("2v");
    p.send("\x0b");
    p.type_text("garcia");
    p.wait_for("Find anything");
    // Its hits, from an index of every record (no other screen says "employee" with a name).
    p.wait_for("employee");
    p.send("\x1b");
    p.wait_gone("Find anything");
    p.wait_for("Mentors (");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_record_damaged_among_those_loaded_last_ends_the_dashboard_with_a_message_naming_the_file() {
    let (_dir, path, store) = common::demo_store();
    drop(store);
    // A mentoring log's text (a kind read after the first frame), wherever it is written.
    let mut bytes = std::fs::read(&path).unwrap();
    let text = b"goal setting; application for a new position";
    let mut flipped = 0;
    for at in 0..bytes.len() - text.len() {
        if &bytes[at..at + text.len()] == text {
            bytes[at + 3] ^= 0x02;
            flipped += 1;
        }
    }
    assert!(flipped > 0);
    std::fs::write(&path, &bytes).unwrap();
    let mut app = App::start(pathways_core::store::Store::open(&path).unwrap(), common::today()).unwrap();
    assert!(app.running, "the intake tab's records are sound");
    app.finish_loading();
    assert!(!app.running);
    let reason = app.fatal.clone().unwrap_or_default();
    assert!(
        reason.contains(path.to_str().unwrap()) && reason.contains("damaged"),
        "{reason}"
    );
    assert!(
        std::fs::read(&path).unwrap() == bytes,
        "the file was left as it was"
    );
}
