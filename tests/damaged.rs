//! Damaged and hostile files, through the real binary: each gives one clear message naming the
//! path, exit status 2, no panic, and the file is never modified.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(common::binary())
        .arg("--db")
        .arg(db)
        .args(args)
        .env("PATHWAYS_TODAY", "2026-11-25")
        .output()
        .unwrap()
}

/// Runs the binary as if the disk filled up after a few kilobytes: writes past the limit fail
/// with "file too large", as they would with "no space left".
fn run_on_full_disk(db: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(r#"trap "" XFSZ; ulimit -f 100; exec "$@""#)
        .arg("sh")
        .arg(common::binary())
        .arg("--db")
        .arg(db)
        .args(args)
        .env("PATHWAYS_TODAY", "2026-11-25")
        .output()
        .unwrap()
}

fn assert_refused(out: &Output, path: &Path, what: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{what}: exit status; stderr: {err}");
    let name = path.file_name().unwrap().to_string_lossy();
    assert!(
        err.contains(name.as_ref()),
        "{what}: the message names the file: {err}"
    );
    assert!(!err.contains("panicked"), "{what}: no panic: {err}");
    assert_eq!(err.trim().lines().count(), 1, "{what}: one clear message: {err}");
}

/// The commands that open a database: each must refuse a damaged one the same way.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["find", "garcia"],
    &["report", "monthly", "--fy", "2025"],
    &["report", "mentoring"],
    &["report", "coverage"],
    &["report", "leadership"],
    &["export", "employees"],
];

fn demo_db(dir: &Path) -> PathBuf {
    let path = dir.join("good.redb");
    let out = run(&path, &["init", "--demo"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    path
}

fn damaged_files(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let good = std::fs::read(demo_db(dir)).unwrap();
    let mut files = Vec::new();
    let mut add = |name: &str, bytes: &[u8], what: &'static str| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        files.push((p, what));
    };
    for (i, cut) in [9, 512, 4096, good.len() / 3, good.len() / 2]
        .into_iter()
        .enumerate()
    {
        add(
            &format!("truncated{i}.redb"),
            &good[..cut],
            "a truncated database",
        );
    }
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let random: Vec<u8> = (0..200_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    add("random.redb", &random, "random bytes");
    let mut sqlite = b"SQLite format 3\0".to_vec();
    sqlite.extend_from_slice(&random[..8192]);
    add("sqlite.redb", &sqlite, "another program's file");
    add("notes.redb", b"name,email\nAna,ana@example.org\n", "a text file");
    files
}

#[test]
fn damaged_files_are_refused_with_one_message_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    for (path, what) in damaged_files(dir.path()) {
        let before = std::fs::read(&path).unwrap();
        for args in COMMANDS {
            let out = run(&path, args);
            assert_refused(&out, &path, &format!("{what} ({}), {args:?}", path.display()));
            assert!(out.stdout.is_empty(), "{what}: nothing on stdout");
        }
        assert!(std::fs::read(&path).unwrap() == before, "{what} was modified");
    }
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pathways.redb");
    std::fs::create_dir(&path).unwrap();
    for args in COMMANDS {
        let out = run(&path, args);
        assert_refused(&out, &path, "a directory");
        assert!(String::from_utf8_lossy(&out.stderr).contains("is a directory"));
    }
}

#[test]
fn an_unreadable_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    let path = demo_db(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file, so as root the program runs as the unprivileged `nobody` (who can
    // reach the folder but not the file); as anyone else it runs as that user.
    let as_root = unsafe { libc::geteuid() } == 0;
    let mut binary = common::binary();
    if as_root {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        // A copy beside the file, so `nobody` can run it wherever the build folder is.
        let copy = dir.path().join("pathways");
        std::fs::copy(&binary, &copy).unwrap();
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
        binary = copy;
        let reachable = Command::new(&binary)
            .arg("--version")
            .uid(65534)
            .gid(65534)
            .output();
        if !reachable.is_ok_and(|o| o.status.success()) {
            // The temp folder's parents are closed to `nobody` on this machine.
            eprintln!("skipped: `nobody` cannot reach {}", dir.path().display());
            return;
        }
    }
    for args in COMMANDS {
        let mut cmd = Command::new(&binary);
        cmd.arg("--db")
            .arg(&path)
            .args(*args)
            .env("PATHWAYS_TODAY", "2026-11-25");
        if as_root {
            cmd.uid(65534).gid(65534);
        }
        let out = cmd.output().unwrap();
        assert_refused(&out, &path, "an unreadable file");
        let err = String::from_utf8_lossy(&out.stderr).to_lowercase();
        assert!(err.contains("permission"), "{err}");
    }
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0,
        "the file was left as it was"
    );
}

#[test]
fn a_full_disk_leaves_no_half_database_and_no_half_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.redb");
    let out = run_on_full_disk(&path, &["init", "--demo"]);
    assert_refused(&out, &path, "init on a full disk");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "nothing is left behind: {left:?}");

    let good = demo_db(dir.path());
    let backup = dir.path().join("backup.redb");
    let out = run_on_full_disk(&good, &["backup", backup.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert!(!backup.exists(), "no half backup is left");
    let out = run(&good, &["check"]);
    assert!(out.status.success(), "the database is intact");
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok ("));
}

#[test]
fn the_dashboard_refuses_a_damaged_file_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("random.redb");
    std::fs::write(&path, vec![0x5a; 50_000]).unwrap();
    let mut p = pty::Pty::spawn(
        &common::binary(),
        &["--db", path.to_str().unwrap()],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        80,
        24,
    );
    p.wait_for("is not a pathways database");
    assert_eq!(p.wait_exit(), 2);
    assert!(
        std::fs::read(&path).unwrap() == vec![0x5a; 50_000],
        "the file was modified"
    );
}

#[test]
fn a_damaged_record_is_named_by_check_and_the_rest_stays_usable() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_db(dir.path());
    // Garbage under a real key, as a damaged record would look.
    common::write_raw(&path, "intakes", 7, b"PW\x01\xff\xff");
    let out = run(&path, &["check"]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("intakes") && text.contains('7'), "{text}");
    let out = run(&path, &["find", "garcia"]);
    assert_eq!(out.status.code(), Some(0), "the rest is still found");
}

#[test]
fn a_save_on_a_full_disk_says_so_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_db(dir.path());
    // The dashboard runs with a file-size limit far below the database's size: every write
    // past it fails as a full disk would.
    let mut p = pty::Pty::spawn(
        Path::new("sh"),
        &[
            "-c",
            r#"trap "" XFSZ; ulimit -f 8; exec "$0" --db "$1""#,
            common::binary().to_str().unwrap(),
            path.to_str().unwrap(),
        ],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        100,
        30,
    );
    pty::show_mentors(&mut p);
    p.send("t");
    p.wait_for("not saved");
    p.wait_for("the disk is full");
    // The screen still shows what the file holds, and the dashboard keeps working.
    p.wait_for("Mentors (10: 9 active)");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let out = run(&path, &["check"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let (data, _) = pathways_core::store::Store::open(&path).unwrap().load().unwrap();
    assert_eq!(data.mentors.iter().filter(|m| m.active).count(), 9);
}
