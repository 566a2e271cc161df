//! A lookup only reads: `find`, `check`, every `report`, `export` and `backup` leave the database
//! byte-identical, and a user who may read the file but not write it gets a read-only dashboard.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every one-shot command that only reads, with its arguments (`backup` gets a new name each time).
fn lookups(dir: &Path) -> Vec<Vec<String>> {
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["check"],
        vec!["find", "garcia"],
        vec!["find", "--format", "csv", "lincoln"],
        vec!["report", "monthly", "--fy", "2026"],
        vec!["report", "mentoring"],
        vec!["report", "coverage"],
        vec!["report", "leadership"],
        vec![
            "import",
            "intakes",
            "--dry-run",
            "tests/fixtures/import/basic.csv",
        ],
    ];
    for kind in pathways_core::export::KINDS {
        commands.push(vec!["export", kind]);
    }
    let mut commands: Vec<Vec<String>> = commands
        .into_iter()
        .map(|c| c.into_iter().map(String::from).collect())
        .collect();
    let backup = dir.join("lookup-backup.redb");
    commands.push(vec!["backup".into(), backup.display().to_string()]);
    commands
}

#[test]
fn every_lookup_leaves_the_database_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_file(dir.path());
    let before = std::fs::read(&path).unwrap();
    for command in lookups(dir.path()) {
        let args: Vec<&str> = command.iter().map(String::as_str).collect();
        let (code, _, stderr) = common::run(&path, &args);
        assert!(code == 0 || code == 1, "{args:?}: exit {code}: {stderr}");
        assert!(
            std::fs::read(&path).unwrap() == before,
            "{args:?} changed the database file"
        );
    }
    // `check` of the backup leaves the backup as it was, too.
    let backup = dir.path().join("lookup-backup.redb");
    let copy = std::fs::read(&backup).unwrap();
    let (code, stdout, _) = common::run(&backup, &["check"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        std::fs::read(&backup).unwrap() == copy,
        "check changed the backup"
    );
}

/// Runs `binary` as the unprivileged `nobody` when the tests run as root (root may write any
/// file), or as this user otherwise; `None` when `nobody` cannot reach the temp folder.
fn as_reader(dir: &Path) -> Option<(PathBuf, bool)> {
    let as_root = unsafe { libc::geteuid() } == 0;
    if !as_root {
        return Some((common::binary(), false));
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    // A copy beside the database, so `nobody` can run it wherever the build folder is.
    let copy = dir.join("pathways");
    std::fs::copy(common::binary(), &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
    let reachable = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(&copy)
        .arg("--version")
        .output();
    if !reachable.is_ok_and(|o| o.status.success()) {
        eprintln!(
            "skipped: `nobody` cannot reach {} (or setpriv is missing)",
            dir.display()
        );
        return None;
    }
    Some((copy, true))
}

/// The command line that runs `binary` as the reader.
fn reader_command(binary: &Path, as_root: bool) -> (PathBuf, Vec<String>) {
    if as_root {
        (
            PathBuf::from("setpriv"),
            ["--reuid=65534", "--regid=65534", "--clear-groups", "--"]
                .map(String::from)
                .into_iter()
                .chain([binary.display().to_string()])
                .collect(),
        )
    } else {
        (binary.to_path_buf(), Vec::new())
    }
}

#[test]
fn a_reader_who_may_not_write_gets_a_read_only_dashboard_and_lookups() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_file(dir.path());
    // Closed cleanly once by its owner (the copy was taken while the demo store was open).
    drop(pathways_core::store::Store::open(&path).unwrap());
    let Some((binary, as_root)) = as_reader(dir.path()) else {
        return;
    };
    // Readable by all, writable by nobody but root: a colleague's read-only access.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let (program, prefix) = reader_command(&binary, as_root);

    let run = |args: &[&str]| {
        Command::new(&program)
            .args(&prefix)
            .arg("--db")
            .arg(&path)
            .args(args)
            .env("PATHWAYS_TODAY", "2026-11-25")
            .env_remove("PATHWAYS_DB")
            .output()
            .unwrap()
    };
    let out = run(&["find", "garcia"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A command that saves is refused, saying why, and stores nothing.
    let out = run(&["import", "intakes", "tests/fixtures/import/basic.csv"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("read-only for you"), "{err}");
    assert!(!err.contains("Permission denied"), "{err}");

    let mut args: Vec<&str> = prefix.iter().map(String::as_str).collect();
    args.extend(["--db", path.to_str().unwrap()]);
    let mut p = pty::Pty::spawn(&program, &args, &[("PATHWAYS_TODAY", "2026-11-25")], 100, 30);
    p.wait_for("READ-ONLY");
    p.wait_for("read-only: you may read");
    pty::show_mentors(&mut p);
    // `t` turns a mentor inactive: a save, refused with the reason, the screen unchanged.
    p.send("t");
    p.wait_for("not saved");
    p.wait_for("read-only for you");
    p.wait_for("Mentors (10: 9 active)");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert!(std::fs::read(&path).unwrap() == before, "the file was modified");
}
