//! kill -9 at any moment: a real child process is killed at many points of a large write, and
//! every time the database opens afterwards and holds all of that transaction or none of it.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use pathways_core::store::Store;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

fn pathways(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(common::binary());
    c.arg("--db")
        .arg(db)
        .args(args)
        .env("PATHWAYS_TODAY", "2026-11-25")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Runs `command` once to completion to learn how long it takes, then `rounds` more times,
/// each killed with SIGKILL at a different point spread over that time (and some past it).
/// After each, `check(round, finished)` looks at what is left.
fn kill_at_many_points(
    rounds: u32,
    mut command: impl FnMut(u32) -> Command,
    mut check: impl FnMut(u32, bool),
) {
    let start = Instant::now();
    let status = command(0).status().unwrap();
    assert!(status.success(), "the uninterrupted run works");
    let full = start.elapsed();
    check(0, true);
    for round in 1..=rounds {
        // Spread the kill points from right at the start to a little after the usual end.
        let at = full.mul_f64(f64::from(round) / f64::from(rounds) * 1.1);
        let mut child = command(round).spawn().unwrap();
        std::thread::sleep(at);
        let finished = matches!(child.try_wait(), Ok(Some(_)));
        let _ = child.kill();
        let _ = child.wait();
        check(round, finished);
    }
}

#[test]
fn init_killed_at_any_point_leaves_the_whole_database_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut complete = None;
    let mut seen_none = 0;
    let mut seen_all = 0;
    kill_at_many_points(
        10,
        |round| {
            pathways(
                &dir.path().join(format!("db{round}.redb")),
                &["init", "--synthetic", "20000"],
            )
        },
        |round, finished| {
            let path = dir.path().join(format!("db{round}.redb"));
            if !path.exists() {
                assert!(!finished, "a finished init leaves its database");
                seen_none += 1;
                return;
            }
            let store = Store::open(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
            let (data, problems) = store.load().unwrap();
            assert!(problems.is_empty());
            let n = data.record_count();
            let expected = *complete.get_or_insert(n);
            assert_eq!(n, expected, "round {round}: all of the records or none");
            seen_all += 1;
        },
    );
    assert!(seen_all >= 1, "the uninterrupted run counts");
    println!(
        "killed rounds: {seen_none} left nothing, {} left everything",
        seen_all - 1
    );
}

#[test]
fn an_import_of_ten_thousand_rows_killed_at_any_point_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.redb");
    assert!(pathways(&demo, &["init", "--demo"]).status().unwrap().success());
    let before = Store::open(&demo).unwrap().load().unwrap().0.intakes.len();
    let csv = dir.path().join("export.csv");
    std::fs::write(&csv, pathways_core::demo::synthetic::intake_export(10_000)).unwrap();
    let db = |round: u32| dir.path().join(format!("round{round}.redb"));
    let (mut none, mut all) = (0, 0);
    kill_at_many_points(
        12,
        |round| {
            std::fs::copy(&demo, db(round)).unwrap();
            pathways(&db(round), &["import", "intakes", csv.to_str().unwrap()])
        },
        |round, _finished| {
            let store = Store::open(&db(round)).unwrap_or_else(|e| panic!("round {round}: {e}"));
            let (data, problems) = store.load().unwrap();
            assert!(problems.is_empty(), "round {round}: {problems:?}");
            let n = data.intakes.len();
            assert!(
                n == before || n == before + 10_000,
                "round {round}: {n} intakes, not all or none"
            );
            if n == before {
                none += 1
            } else {
                all += 1
            }
            drop(store);
            std::fs::remove_file(db(round)).unwrap();
        },
    );
    println!(
        "killed imports: {none} stored nothing, {} stored everything",
        all - 1
    );
    assert!(all >= 1);
}

#[path = "common/pty.rs"]
mod pty;

#[test]
fn a_dashboard_killed_right_after_a_save_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    assert!(pathways(&path, &["init", "--demo"]).status().unwrap().success());
    let mut p = pty::dashboard(&path);
    pty::show_mentors(&mut p);
    p.send("t");
    // The screen shows the change only after its transaction is durable.
    p.wait_for("Mentors (10: 8 active)");
    p.kill9();
    let store = Store::open(&path).unwrap();
    let (data, problems) = store.load().unwrap();
    assert!(problems.is_empty());
    assert_eq!(data.mentors.iter().filter(|m| m.active).count(), 8);
}
