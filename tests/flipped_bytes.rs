//! Damage anywhere in a database file: bytes flipped at many offsets of a real demo database,
//! then the real commands run on it. Never a panic; a damaged file is named with what to do
//! (exit 2) and left unchanged; nothing damaged is served as if it were fine (a lookup reads
//! only what it needs, each record checked against its own checksum: damage it does not read
//! leaves its answer the undamaged file's); `check`, `backup` and the first save verify every
//! page, so a damaged file is never written, a backup of one is refused and no backup of one
//! ever passes `check`.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::path::Path;

/// The commands that read a database, besides `check` and `backup`.
const LOOKUPS: &[&[&str]] = &[
    &["find", "garcia"],
    &["report", "monthly", "--fy", "2026"],
    &["report", "mentoring"],
    &["report", "leadership"],
    &["export", "employees"],
    &["export", "intakes"],
];

fn demo(dir: &Path) -> Vec<u8> {
    let path = dir.join("good.redb");
    let (code, _, stderr) = common::run(&path, &["init", "--demo"]);
    assert_eq!(code, 0, "{stderr}");
    std::fs::read(&path).unwrap()
}

fn flipped(good: &[u8], at: usize, mask: u8) -> Vec<u8> {
    let mut bytes = good.to_vec();
    bytes[at] ^= mask;
    bytes
}

/// Offsets spread over the whole file, the same in every run: the header, then a fixed
/// pseudo-random walk.
fn offsets(len: usize) -> Vec<(usize, u8)> {
    let mut out = vec![(0, 0x01), (9, 0x80), (40, 0x10), (200, 0x04)];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..28 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        out.push(((seed % len as u64) as usize, (seed >> 32) as u8 | 1));
    }
    out
}

fn assert_no_panic(what: &str, code: i32, stderr: &str) {
    assert!(
        (0..=2).contains(&code),
        "{what}: exit status {code} (101 is a panic): {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{what}: {stderr}");
}

#[test]
fn flipped_bytes_anywhere_are_named_never_a_panic_never_served_as_fine() {
    let dir = tempfile::tempdir().unwrap();
    let good = demo(dir.path());
    let clean = dir.path().join("clean.redb");
    std::fs::write(&clean, &good).unwrap();
    let expected: Vec<String> = LOOKUPS.iter().map(|args| common::run(&clean, args).1).collect();
    let path = dir.path().join("flipped.redb");
    let mut outcomes = [0usize; 3];
    for (n, (at, mask)) in offsets(good.len()).into_iter().enumerate() {
        let bytes = flipped(&good, at, mask);
        std::fs::write(&path, &bytes).unwrap();
        let what = |args: &[&str]| format!("byte {at} ^ {mask:#x}, {args:?}");

        let (checked, stdout, stderr) = common::run(&path, &["check"]);
        assert_no_panic(&what(&["check"]), checked, &stderr);
        outcomes[checked as usize] += 1;
        if checked == 2 {
            assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
            assert!(stderr.contains("flipped.redb"), "{stderr}");
        } else if checked == 1 {
            assert!(
                stdout.contains(" problem found") || stdout.contains(" problems found"),
                "{stdout}"
            );
        }

        for (args, expected) in LOOKUPS.iter().zip(&expected) {
            let (code, stdout, stderr) = common::run(&path, args);
            assert_no_panic(&what(args), code, &stderr);
            match (checked, code) {
                // Nothing is wrong: the output is the undamaged file's, byte for byte.
                (0, _) => assert_eq!(&stdout, expected, "{}: {stderr}", what(args)),
                // Refused whole: one line naming the file, nothing on stdout.
                (_, 2) => {
                    assert!(stderr.contains("flipped.redb"), "{}: {stderr}", what(args));
                    assert!(stdout.is_empty(), "{}: {stdout}", what(args));
                }
                // The damage is where this lookup does not read: its answer is the undamaged
                // file's, byte for byte.
                _ if &stdout == expected => {}
                // Served: then every damaged record it skipped is named (table and key).
                _ => assert!(
                    stderr.contains("skipped damaged record: table"),
                    "{}: check found damage but this said nothing: {stderr}",
                    what(args)
                ),
            }
        }

        // A save through a store opened for writing: a file whose pages do not verify is never
        // written, wherever the damage is (even where the save itself does not read).
        if checked == 2 {
            let saved = pathways_core::store::Store::open(&path).and_then(|store| {
                store.write(|txn| {
                    let mut intake = pathways_core::domain::Intake::new(
                        1,
                        common::today(),
                        pathways_core::domain::IntakeSource::Form,
                    );
                    txn.insert(&mut intake).map(|_| ())
                })
            });
            let e = saved.expect_err("a damaged file was written");
            assert!(e.to_string().contains("flipped.redb"), "byte {at}: {e}");
            // The same when the verification ran on a thread of its own first (the dashboard
            // starts it once its data is on screen): the save waits for its finding.
            let saved = pathways_core::store::Store::open(&path).and_then(|store| {
                store.verify_in_background();
                store.write(|txn| {
                    let mut intake = pathways_core::domain::Intake::new(
                        1,
                        common::today(),
                        pathways_core::domain::IntakeSource::Form,
                    );
                    txn.insert(&mut intake).map(|_| ())
                })
            });
            let e = saved.expect_err("a damaged file was written after a background verification");
            assert!(e.to_string().contains("flipped.redb"), "byte {at}: {e}");
        }

        let backup = dir.path().join(format!("backup{n}.redb"));
        let (code, _, stderr) = common::run(&path, &["backup", backup.to_str().unwrap()]);
        assert_no_panic(&what(&["backup"]), code, &stderr);
        if checked == 0 {
            assert_eq!(code, 0, "{}: {stderr}", what(&["backup"]));
        } else {
            assert_ne!(
                code,
                0,
                "{}: a damaged file was backed up as fine",
                what(&["backup"])
            );
        }
        if backup.exists() {
            let (backup_checked, stdout, stderr) = common::run(&backup, &["check"]);
            assert_eq!(
                backup_checked == 0,
                checked == 0,
                "{}: check of the backup: {stdout}{stderr}",
                what(&["backup"])
            );
        }
        assert!(
            std::fs::read(&path).unwrap() == bytes,
            "byte {at}: the damaged file was modified"
        );
    }
    println!(
        "check: {} ok, {} problems, {} refused",
        outcomes[0], outcomes[1], outcomes[2]
    );
    assert!(outcomes[2] > 0, "some flips must damage a page");
}

/// A byte flipped inside a record's own bytes (a name in a data page).
fn damaged_in_a_data_page(dir: &Path) -> std::path::PathBuf {
    let good = demo(dir);
    let at = good
        .windows(4)
        .position(|w| w == "Garc".as_bytes())
        .expect("a name in the file");
    let path = dir.join("damaged.redb");
    std::fs::write(&path, flipped(&good, at + 1, 0x02)).unwrap();
    path
}

#[test]
fn a_damaged_page_is_refused_by_every_command_and_no_backup_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_in_a_data_page(dir.path());
    let before = std::fs::read(&path).unwrap();
    for args in LOOKUPS.iter().chain([&["check"] as &[&str]].iter()) {
        let (code, stdout, stderr) = common::run(&path, args);
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(stderr.contains("damaged.redb: is damaged"), "{args:?}: {stderr}");
        assert!(stderr.contains("restore it from a backup"), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
    }
    let backup = dir.path().join("backup.redb");
    let (code, _, stderr) = common::run(&path, &["backup", backup.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!backup.exists(), "no backup of a damaged file is left");
    assert!(std::fs::read(&path).unwrap() == before, "the file was modified");
}

#[test]
fn the_dashboard_names_a_damaged_page_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_in_a_data_page(dir.path());
    let before = std::fs::read(&path).unwrap();
    let mut p = pty::dashboard(&path);
    p.wait_for("is damaged");
    assert_eq!(p.wait_exit(), 2);
    assert!(std::fs::read(&path).unwrap() == before, "the file was modified");
}

#[test]
fn a_record_that_does_not_decode_is_named_by_backup_and_the_backup_does_not_pass_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("good.redb");
    demo(dir.path());
    common::write_raw(&path, "intakes", 7, b"PW\x01\xff\xff");
    let backup = dir.path().join("backup.redb");
    let (code, stdout, stderr) = common::run(&path, &["backup", backup.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("table intakes, record 7"), "{stderr}");
    let (code, stdout, _) = common::run(&backup, &["check"]);
    assert_eq!(
        code, 1,
        "the backup keeps the damage, so check reports it: {stdout}"
    );
    assert!(stdout.contains("table intakes, record 7"), "{stdout}");
}

/// Damage done after the file was opened (and verified): each page in turn is overwritten under
/// an open store. Reading then fails with an error naming the file, or reads what is still
/// good, but never panics out of the store: a panic inside redb is caught at its boundary.
#[test]
fn damage_under_an_open_store_is_an_error_naming_the_file_never_a_panic() {
    use std::os::unix::fs::FileExt;
    let dir = tempfile::tempdir().unwrap();
    let good = demo(dir.path());
    let path = dir.path().join("open.redb");
    let mut caught = 0;
    // Every third page: branch and leaf pages of several tables, and free ones.
    for page in (1..good.len() / 4096).step_by(3) {
        std::fs::write(&path, &good).unwrap();
        let store = pathways_core::store::Store::open_read_only(&path).unwrap();
        let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        let garbage: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        file.write_all_at(&garbage, (page * 4096) as u64).unwrap();
        if let Err(e) = store.load() {
            let msg = e.to_string();
            assert!(msg.contains("open.redb: is damaged"), "page {page}: {msg}");
            caught += 1;
        }
    }
    println!("damage named: {caught}");
    assert!(caught > 0, "some of the pages hold data");
}
