//! A file that is not a pathways database (an empty file, another program's redb file, an empty
//! redb file) is refused by every command and by the dashboard, and never written to.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};

const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["find", "garcia"],
    &["report", "monthly", "--fy", "2026"],
    &["report", "coverage"],
    &["export", "employees"],
    &["import", "intakes", "tests/fixtures/import/basic.csv"],
];

/// Files that are not pathways databases, each with what it is.
fn foreign_files(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let empty = dir.join("empty.redb");
    std::fs::write(&empty, b"").unwrap();

    let other = dir.join("other.redb");
    {
        let db = redb::Database::create(&other).unwrap();
        let tx = db.begin_write().unwrap();
        {
            let mut t = tx
                .open_table(redb::TableDefinition::<&str, &str>::new("settings"))
                .unwrap();
            t.insert("theme", "dark").unwrap();
        }
        tx.commit().unwrap();
    }

    let blank = dir.join("blank.redb");
    drop(redb::Database::create(&blank).unwrap());
    vec![
        (empty, "an empty file"),
        (other, "another program's redb file"),
        (blank, "a redb file with no tables"),
    ]
}

#[test]
fn every_command_refuses_a_file_that_is_not_a_pathways_database_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    for (path, what) in foreign_files(dir.path()) {
        let before = std::fs::read(&path).unwrap();
        let mut commands: Vec<Vec<String>> = COMMANDS
            .iter()
            .map(|c| c.iter().map(|s| s.to_string()).collect())
            .collect();
        let backup = dir.path().join("backup.redb");
        commands.push(vec!["backup".into(), backup.display().to_string()]);
        for command in &commands {
            let args: Vec<&str> = command.iter().map(String::as_str).collect();
            let (code, stdout, stderr) = common::run(&path, &args);
            assert_eq!(code, 2, "{what}, {args:?}: {stdout}{stderr}");
            assert!(
                stderr.contains("not a pathways database"),
                "{what}, {args:?}: {stderr}"
            );
            assert!(stdout.is_empty(), "{what}, {args:?}: {stdout}");
            assert!(!backup.exists(), "{what}: no backup of it is made");
        }
        assert!(std::fs::read(&path).unwrap() == before, "{what} was written to");
    }
}

#[test]
fn the_dashboard_refuses_a_file_that_is_not_a_pathways_database() {
    let dir = tempfile::tempdir().unwrap();
    for (path, what) in foreign_files(dir.path()) {
        let before = std::fs::read(&path).unwrap();
        let mut p = pty::dashboard(&path);
        p.wait_for("not a pathways database");
        assert_eq!(p.wait_exit(), 2, "{what}");
        assert!(std::fs::read(&path).unwrap() == before, "{what} was written to");
    }
}
