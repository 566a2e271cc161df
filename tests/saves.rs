//! A save is one transaction: measured with strace on the real binary, counting the syncs
//! (fdatasync/fsync) a process makes with a save against the same process without one. Skipped,
//! saying so, where strace is missing or may not trace (`apt-get install strace`).
//!
//! One redb commit in the multi-process mode pathways uses (two dashboards on one file) is made
//! durable in two phases: the new pages and commit slot are synced, then the slot is made primary
//! and synced again. So one save is two syncs, whatever it writes; a save that did a second
//! commit, or a commit per row, would be four or more.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::path::Path;
use std::process::Command;

/// The syncs of one redb commit in multi-process mode (see the module's comment).
const SYNCS_PER_SAVE: usize = 2;

fn strace_works() -> bool {
    let ok = Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: strace is missing or may not trace here (apt-get install strace)");
    }
    ok
}

/// How many fdatasync/fsync calls a strace log holds.
fn syncs(log: &Path) -> usize {
    std::fs::read_to_string(log)
        .unwrap()
        .lines()
        .filter(|l| (l.contains("fdatasync(") || l.contains("fsync(")) && !l.contains("resumed>"))
        .count()
}

/// Runs the real binary under strace and returns how many syncs it made.
fn traced(dir: &Path, db: &Path, args: &[&str]) -> usize {
    let log = dir.join("strace.log");
    let out = Command::new("strace")
        .args(["-f", "-e", "trace=fdatasync,fsync", "-o"])
        .arg(&log)
        .arg(common::binary())
        .arg("--db")
        .arg(db)
        .args(args)
        .env("PATHWAYS_TODAY", "2026-11-25")
        .env_remove("PATHWAYS_DB")
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    syncs(&log)
}

fn rows(first: usize, n: usize) -> String {
    let mut csv = String::from("Employee ID,First Name,Last Name,Email,Services,Submitted\n");
    for i in first..first + n {
        csv.push_str(&format!(
            "{},Ana,Quarrington{i},,resume review;,7/15/2024\n",
            800_000 + i
        ));
    }
    csv
}

#[test]
fn an_import_is_one_commit_however_many_rows() {
    if !strace_works() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_file(dir.path());
    drop(pathways_core::store::Store::open(&db).unwrap());
    let file = |name: &str, text: String| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let one = file("one.csv", rows(0, 1));
    // Few enough rows that the file need not grow: redb syncs once more when it grows the file,
    // however many commits (300 rows with their change history cross that line on the demo).
    let many = file("many.csv", rows(1, 200));
    // The same file again: every row a duplicate, nothing to save, the same opening and closing.
    let again = file("again.csv", rows(1, 200));
    // A save that makes the file grow pays one more sync for the new length (see README).
    let import = |path: &Path| {
        let before = std::fs::metadata(&db).unwrap().len();
        let syncs = traced(dir.path(), &db, &["import", "intakes", path.to_str().unwrap()]);
        let grew = std::fs::metadata(&db).unwrap().len() > before;
        syncs - usize::from(grew)
    };
    let one_row = import(&one);
    let many_rows = import(&many);
    let nothing = import(&again);
    assert_eq!(
        one_row - nothing,
        SYNCS_PER_SAVE,
        "one row: {one_row}, nothing: {nothing}"
    );
    assert_eq!(
        many_rows - nothing,
        SYNCS_PER_SAVE,
        "200 rows: {many_rows}, nothing: {nothing}"
    );
    // A lookup syncs nothing at all: it never writes.
    assert_eq!(traced(dir.path(), &db, &["find", "garcia"]), 0);
    assert_eq!(traced(dir.path(), &db, &["check"]), 0);
}

#[test]
fn a_save_in_the_dashboard_is_one_commit() {
    if !strace_works() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_file(dir.path());
    drop(pathways_core::store::Store::open(&db).unwrap());
    // The same session with and without one save (`t` turns a mentor inactive).
    let session = |save: bool| {
        let log = dir.path().join("dashboard.log");
        let mut p = pty::Pty::spawn(
            Path::new("strace"),
            &[
                "-f",
                "-e",
                "trace=fdatasync,fsync",
                "-o",
                log.to_str().unwrap(),
                common::binary().to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
            ],
            &[("PATHWAYS_TODAY", "2026-11-25")],
            100,
            30,
        );
        pty::show_mentors(&mut p);
        if save {
            p.send("t");
            p.wait_for("Mentors (10: 8 active)");
            p.send("t");
            p.wait_for("Mentors (10: 9 active)");
        }
        p.send("q");
        assert_eq!(p.wait_exit(), 0);
        syncs(&log)
    };
    let without = session(false);
    let with_two_saves = session(true);
    assert_eq!(
        with_two_saves - without,
        2 * SYNCS_PER_SAVE,
        "two saves: {with_two_saves}, none: {without}"
    );
}
