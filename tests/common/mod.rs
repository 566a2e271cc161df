//! Helpers shared by the integration tests: real stores in temp dirs, real frames, real binaries.
#![allow(dead_code)]

use chrono::NaiveDate;
use pathways_core::store::Store;
use pathways_tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;

/// The date every test treats as today, so the demo data is the same in every run.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A demo database in a new temp dir; keep the TempDir alive as long as the file is used.
pub fn demo_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let store = Store::create_new(&path).unwrap();
    pathways_core::demo::write(&store, &pathways_core::demo::build(today())).unwrap();
    (dir, path, store)
}

pub fn demo_app() -> (tempfile::TempDir, App) {
    let (dir, _path, store) = demo_store();
    let app = App::new(store, today()).unwrap();
    (dir, app)
}

/// Draws `app` into a TestBackend of the given size and returns the screen as lines of text.
pub fn screen(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| pathways_tui::ui::render(f, app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

pub fn screen_text(app: &App, width: u16, height: u16) -> String {
    screen(app, width, height).join("\n")
}

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_pathways"))
}

/// Runs the real binary on `db` with `args` (today fixed, no PATHWAYS_DB from the environment):
/// (exit status, stdout, stderr).
pub fn run(db: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(binary())
        .arg("--db")
        .arg(db)
        .args(args)
        .env("PATHWAYS_TODAY", "2026-11-25")
        .env_remove("PATHWAYS_DB")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes raw bytes under `key` in `table` through redb itself, as a damaged record would look.
pub fn write_raw(path: &std::path::Path, table: &str, key: u64, bytes: &[u8]) {
    let db = redb::Database::builder()
        .set_concurrency_mode(redb::ConcurrencyMode::MultiWriter)
        .open(path)
        .unwrap();
    let tx = db.begin_write().unwrap();
    {
        let mut t = tx
            .open_table(redb::TableDefinition::<u64, &[u8]>::new(table))
            .unwrap();
        t.insert(key, bytes).unwrap();
    }
    tx.commit().unwrap();
}

/// A copy of the demo database in `dir`, for tests that run processes on it.
pub fn demo_file(dir: &std::path::Path) -> PathBuf {
    let path = dir.join("shared.redb");
    let (_d, demo, _store) = demo_store();
    std::fs::copy(demo, &path).unwrap();
    path
}

/// Types `values` into the fields of the form on top, by label; fails the test when no form is
/// open or it has no such field.
pub fn fill<V: AsRef<str>>(app: &mut App, values: &[(&str, V)]) {
    let Some(pathways_tui::app::Modal::Form { form, .. }) = app.modals.last_mut() else {
        panic!("no form open: {:?}", app.status)
    };
    for (label, value) in values {
        form.field_mut(label)
            .unwrap_or_else(|| panic!("no field {label}"))
            .value = value.as_ref().to_string();
    }
}

/// Submits the form on top; fails the test, with the form's message, if it stays open.
pub fn submit(app: &mut App) {
    app.update(pathways_tui::action::Action::Submit);
    if let Some(pathways_tui::app::Modal::Form { form, .. }) = app.modals.last() {
        panic!("the form stayed open: {:?} {:?}", form.message, form.fields);
    }
}
