//! Backups through the real binary: taken while a dashboard has the file open and while another
//! process writes, consistent, private (0600), never over an existing file, and restorable.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;

use pathways_core::domain::Location;
use pathways_core::store::Store;
use std::os::unix::fs::PermissionsExt;

#[test]
fn a_backup_while_the_dashboard_is_open_is_private_complete_and_opens() {
    let (dir, path, store) = common::demo_store();
    let records = store.load().unwrap().0.record_count();
    drop(store);
    let mut dashboard = pty::Pty::spawn(
        &common::binary(),
        &["--db", path.to_str().unwrap()],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        80,
        24,
    );
    dashboard.wait_for("Intake queue (");

    let out = dir.path().join("backup.redb");
    let (code, stdout, stderr) = common::run(&path, &["backup", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("backup.redb"), "{stdout}");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "backups are readable by the owner only");

    // Restoring is opening the backup: it checks clean and holds every record.
    let (code, stdout, _) = common::run(&out, &["check"]);
    assert_eq!(code, 0);
    assert!(stdout.contains(&format!("ok ({records} records)")), "{stdout}");
    let (code, stdout, _) = common::run(&out, &["find", "garcia"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("García"), "{stdout}");

    // A second backup to the same name is refused and the first is left alone.
    let before = std::fs::read(&out).unwrap();
    let (code, _, stderr) = common::run(&path, &["backup", out.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert!(
        std::fs::read(&out).unwrap() == before,
        "the existing backup was modified"
    );

    dashboard.send("q");
    assert_eq!(dashboard.wait_exit(), 0);
}

#[test]
fn a_backup_taken_during_writes_holds_whole_transactions_only() {
    let (dir, path, store) = common::demo_store();
    let base = store.load().unwrap().0.locations.len();
    // Another writer adds locations ten at a time, one transaction each, while backups are taken.
    let writer = std::thread::spawn(move || {
        for round in 0..300 {
            store
                .write(|txn| {
                    for k in 0..10 {
                        let mut l = Location {
                            id: 0,
                            name: format!("Annex {round}-{k}"),
                            kind: pathways_core::domain::LocationKind::Office,
                            employees: Some(1),
                        };
                        txn.insert(&mut l)?;
                    }
                    Ok(())
                })
                .unwrap();
        }
    });
    let mut seen = Vec::new();
    for i in 0..6 {
        let out = dir.path().join(format!("b{i}.redb"));
        let (code, _, stderr) = common::run(&path, &["backup", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{stderr}");
        let added = Store::open(&out).unwrap().load().unwrap().0.locations.len() - base;
        assert_eq!(
            added % 10,
            0,
            "backup {i} holds part of a transaction ({added} added)"
        );
        seen.push(added);
    }
    writer.join().unwrap();
    println!("locations added when each backup was taken: {seen:?}");
}
