//! kill -9 at any moment: a real child process is killed at many points of a large write, and
//! every time the database opens afterwards and holds all of that transaction or none of it.

mod common;

use pathways::store::Store;
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
