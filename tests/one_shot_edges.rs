//! One-shot commands at the edges of a shell: a reader that stops early (`| head`) ends the
//! output quietly, and the data folder pathways creates is private whatever the umask.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};

#[test]
fn a_closed_pipe_ends_every_command_quietly_with_its_own_status() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_file(dir.path());
    let backup = dir.path().join("backup.redb");
    let fresh = dir.path().join("fresh.redb");
    let on = |args: Vec<&'static str>| (db.clone(), args);
    let commands = vec![
        on(vec!["find", "garcia"]),
        on(vec!["find", "--format", "csv", "lincoln"]),
        on(vec!["check"]),
        on(vec!["report", "monthly", "--fy", "2026"]),
        on(vec!["report", "monthly", "--fy", "2026", "--format", "csv"]),
        on(vec!["report", "mentoring"]),
        on(vec!["report", "coverage"]),
        on(vec!["report", "leadership"]),
        on(vec!["export", "employees"]),
        on(vec!["export", "intakes"]),
        on(vec!["export", "logs"]),
        on(vec![
            "import",
            "intakes",
            "--dry-run",
            "tests/fixtures/import/basic.csv",
        ]),
        (db.clone(), vec!["backup", backup.to_str().unwrap()]),
        (fresh.clone(), vec!["init"]),
    ];
    for (path, args) in commands {
        // The reading end is closed before the command starts: its first write meets a closed
        // pipe, as under `| head` once head has read enough.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(common::binary())
            .arg("--db")
            .arg(&path)
            .args(&args)
            .env("PATHWAYS_TODAY", "2026-11-25")
            .env_remove("PATHWAYS_DB")
            .stdout(Stdio::from(writer))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("Broken pipe") && !err.contains("os error 32"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn the_default_data_folder_is_created_private_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let data_home = dir.path().join("data");
    let out = Command::new("sh")
        .args(["-c", r#"umask 000; exec "$@""#, "sh"])
        .arg(common::binary())
        .arg("init")
        .env_remove("PATHWAYS_DB")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", &data_home)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let folder = data_home.join("pathways");
    let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{}", folder.display());
    let file = std::fs::metadata(folder.join("pathways.redb")).unwrap();
    assert_eq!(file.permissions().mode() & 0o777, 0o600);
}
