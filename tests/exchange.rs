//! `export all` / `import all` through the real binary on real redb files: the demo goes out and
//! back byte for byte, every report prints the same, ids and references are kept; a database
//! that holds records is refused (naming the clash) unless a merge is asked for; a bad row
//! stores nothing of the folder.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use common::*;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::store::Store;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The demo, plus what the demo lacks and a restore must keep: the queue's settings, a note with
/// quotes and line breaks, a reference population with two breakdowns.
fn rich_demo(dir: &Path) -> PathBuf {
    let path = demo_file(dir);
    let store = Store::open(&path).unwrap();
    store
        .write(|txn| {
            txn.put(&IntakeSettings {
                id: 1,
                overdue_working_days: 7,
                stale_working_days: 12,
            })?;
            let mut entry: WaitlistEntry = txn.get(1)?.unwrap();
            entry.note = "said \"next year, surely\",\nthen\tasked again".into();
            txn.put(&entry)?;
            let mut population: ReferencePopulation = txn.get(1)?.unwrap();
            population.groups.push(ReferenceGroup {
                dimension: Dimension::Chapter,
                group: "Paraeducators".into(),
                people: 2400,
            });
            txn.put(&population)?;
            Ok(())
        })
        .unwrap();
    path
}

/// Every file of a folder: name -> bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn load(path: &Path) -> Dataset {
    Store::open(path).unwrap().load().unwrap().0
}

/// Every record of every kind, as text: equal datasets, record by record, ids included.
fn records(data: &Dataset) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    macro_rules! each {
        ($($field:ident: $ty:ty),+ $(,)?) => {$(
            for r in &data.$field {
                out.push((stringify!($field), format!("{r:?}")));
            }
        )+};
    }
    pathways_core::with_record_kinds!(each);
    out
}

const REPORTS: &[&[&str]] = &[
    &["report", "monthly"],
    &["report", "monthly", "--fy", "2025"],
    &["report", "monthly", "--fy", "2026", "--format", "csv"],
    &["report", "mentoring", "--confidential"],
    &["report", "coverage"],
    &["report", "coverage", "--as-of", "2025-03-01"],
    &["report", "leadership", "--fy", "2025"],
    &["report", "leadership"],
    &["find", "garcia"],
];

#[test]
fn the_demo_goes_out_and_back_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let original = rich_demo(dir.path());
    let out_a = dir.path().join("a");
    let (code, stdout, err) = run(
        &original,
        &[
            "export",
            "all",
            "--out",
            out_a.to_str().unwrap(),
            "--confidential",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(stdout.starts_with("exported "), "{stdout}");
    let exported = files(&out_a);
    let mut want: Vec<String> = pathways_core::export::KINDS
        .iter()
        .filter(|k| !pathways_core::export::NOT_IN_ALL.contains(k))
        .map(|k| format!("{k}.csv"))
        .collect();
    want.sort();
    assert_eq!(exported.keys().cloned().collect::<Vec<_>>(), want);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out_a), 0o700);
        assert_eq!(mode(&out_a.join("employees.csv")), 0o600);
    }

    let restored = dir.path().join("restored.redb");
    assert_eq!(run(&restored, &["init"]).0, 0);
    let (code, stdout, err) = run(&restored, &["import", "all", out_a.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{err}");
    assert!(stdout.contains("restored "), "{stdout}");
    assert!(
        stdout.contains("reference-populations.csv: imported 1,"),
        "{stdout}"
    );

    let out_b = dir.path().join("b");
    let (code, _, err) = run(
        &restored,
        &[
            "export",
            "all",
            "--out",
            out_b.to_str().unwrap(),
            "--confidential",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let again = files(&out_b);
    for (name, bytes) in &exported {
        assert!(
            again[name] == *bytes,
            "{name} differs after the round trip:\n{}\n---\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&again[name])
        );
    }
    // Not only the files: every record of every kind, ids included.
    assert_eq!(records(&load(&original)), records(&load(&restored)));
    for args in REPORTS {
        let a = run(&original, args);
        let b = run(&restored, args);
        assert_eq!((a.0, &a.1), (b.0, &b.1), "{args:?} differs");
        assert!(!a.1.is_empty(), "{args:?} printed nothing");
    }
}

#[test]
fn a_database_with_records_is_refused_naming_the_clash() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let folder = dir.path().join("out");
    assert_eq!(
        run(&db, &["export", "all", "--out", folder.to_str().unwrap()]).0,
        0
    );
    let before = records(&load(&db));
    let places = load(&db).locations.len();
    let (code, out, err) = run(&db, &["import", "all", folder.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("the database already holds records ("), "{err}");
    assert!(err.contains(&format!("{places} locations")), "{err}");
    assert!(
        err.contains(&format!(
            "locations: {places} of the folder's ids are already used (first: 1)"
        )),
        "{err}"
    );
    assert!(err.contains("--merge skip"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(records(&load(&db)), before);
    // An export into a folder that is not empty is refused too.
    let (code, _, err) = run(&db, &["export", "all", "--out", folder.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("not empty"), "{err}");
}

#[test]
fn merge_skip_of_the_same_folder_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = rich_demo(dir.path());
    let folder = dir.path().join("out");
    assert_eq!(
        run(
            &db,
            &[
                "export",
                "all",
                "--out",
                folder.to_str().unwrap(),
                "--confidential"
            ]
        )
        .0,
        0
    );
    let before = records(&load(&db));
    let (code, out, err) = run(
        &db,
        &["import", "all", folder.to_str().unwrap(), "--merge", "skip"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(&format!(
            "locations.csv: imported 0, duplicates skipped {},",
            load(&db).locations.len()
        )),
        "{out}"
    );
    assert!(out.contains("merged: 0 record(s)"), "{out}");
    assert_eq!(records(&load(&db)), before);
}

#[test]
fn merging_into_another_database_follows_every_reference() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_file(dir.path());
    let folder = dir.path().join("out");
    assert_eq!(
        run(
            &demo,
            &[
                "export",
                "all",
                "--out",
                folder.to_str().unwrap(),
                "--confidential"
            ]
        )
        .0,
        0
    );
    // A database that already has a place and a person of its own, so every id moves.
    let other = dir.path().join("other.redb");
    let store = Store::create_new(&other).unwrap();
    store
        .write(|txn| {
            let mut depot = Location {
                id: 0,
                name: "Zeta Depot".into(),
                kind: LocationKind::Depot,
                employees: Some(40),
            };
            txn.insert(&mut depot)?;
            let mut staff = load(&demo).employees[0].clone();
            staff.employee_number = "999001".into();
            staff.email = "someone.else@district.example.org".into();
            staff.location_id = Some(depot.id);
            txn.insert(&mut staff)?;
            Ok(())
        })
        .unwrap();
    drop(store);
    let (code, out, err) = run(
        &other,
        &["import", "all", folder.to_str().unwrap(), "--merge", "skip"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let merged = load(&other);
    let original = load(&demo);
    assert_eq!(merged.locations.len(), original.locations.len() + 1);
    assert_eq!(merged.pl_attendance.len(), original.pl_attendance.len());
    // The ids moved, the references followed: the leadership and mentoring reports (no depot,
    // no extra person in them) print the same.
    let first = &original.employees[0];
    let moved = merged
        .employees
        .iter()
        .find(|e| e.employee_number == first.employee_number)
        .unwrap();
    assert_ne!(moved.id, first.id);
    for args in [
        &["report", "leadership", "--fy", "2025"][..],
        &["report", "mentoring", "--confidential"],
        &["report", "monthly", "--fy", "2026", "--format", "csv"],
    ] {
        let a = run(&demo, args);
        let b = run(&other, args);
        assert_eq!(a.1, b.1, "{args:?} differs");
    }
}

#[test]
fn merge_update_replaces_stored_fields_and_adds_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let folder = dir.path().join("out");
    assert_eq!(
        run(&db, &["export", "all", "--out", folder.to_str().unwrap()]).0,
        0
    );
    let csv = folder.join("locations.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    // The first location (id 1) gets a new head count; a new one comes with a folder id of 999.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let (head, _) = lines[1].rsplit_once(',').unwrap();
    lines[1] = format!("{head},31");
    lines.push("999,Harbor Depot,depot,55".into());
    std::fs::write(&csv, lines.join("\n") + "\n").unwrap();
    let places = load(&db).locations.len();
    let (code, out, err) = run(
        &db,
        &["import", "all", folder.to_str().unwrap(), "--merge", "update"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(&format!(
            "locations.csv: imported 1, updated 1, duplicates skipped {},",
            places - 1
        )),
        "{out}"
    );
    let data = load(&db);
    let first = data.locations.iter().find(|l| l.id == 1).unwrap();
    assert_eq!(first.employees, Some(31));
    let harbor = data.locations.iter().find(|l| l.name == "Harbor Depot").unwrap();
    assert_eq!(
        harbor.id,
        places as u64 + 1,
        "a new record gets this database's next id, not the folder's"
    );
}

#[test]
fn one_bad_row_stores_nothing_of_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let folder = dir.path().join("out");
    assert_eq!(
        run(&db, &["export", "all", "--out", folder.to_str().unwrap()]).0,
        0
    );
    let csv = folder.join("pl-sessions.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    // Line 5 of the file gets a date that is no date.
    let at = lines[0].split(',').position(|h| h == "date").unwrap();
    let mut cells: Vec<String> = lines[4].split(',').map(String::from).collect();
    cells[at] = "2024-13-45".into();
    lines[4] = cells.join(",");
    std::fs::write(&csv, lines.join("\n") + "\n").unwrap();
    let empty = dir.path().join("empty.redb");
    assert_eq!(run(&empty, &["init"]).0, 0);
    let (code, out, _) = run(&empty, &["import", "all", folder.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("pl-sessions.csv line 5: date: "), "{out}");
    // The attendance of that session cannot be kept either: it is named too.
    assert!(
        out.lines().any(|l| l.starts_with("pl-attendance.csv line ")
            && l.ends_with(": pl_session_id: no pl_sessions record has the id 4")),
        "{out}"
    );
    assert!(out.contains("nothing stored: "), "{out}");
    let (code, out, _) = run(&empty, &["import", "all", folder.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(load(&empty).record_count(), 0);
    // A folder without some files loads what it has and says what was missing.
    std::fs::remove_file(&csv).unwrap();
    std::fs::remove_file(folder.join("pl-attendance.csv")).unwrap();
    std::fs::write(folder.join("notes.txt"), "not a kind").unwrap();
    let (code, out, err) = run(&empty, &["import", "all", folder.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("no file (nothing loaded): pl-sessions, pl-attendance"),
        "{out}"
    );
    assert!(out.contains("ignored (not a kind of record): notes.txt"), "{out}");
    assert!(out.contains("(dry run: nothing stored)"), "{out}");
    assert_eq!(load(&empty).record_count(), 0);
}

/// The generator's data has what hand-made data rarely has: a person with two intakes on one
/// day, an employee who was a mentor twice. The ids say which record is meant; the restore keeps
/// every one of them (through the library, as the binary does).
#[test]
fn a_synthetic_database_goes_out_and_back_too() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("synthetic.redb");
    let store = Store::create_new(&original).unwrap();
    let data = pathways_core::demo::synthetic::build(today(), 8_000);
    pathways_core::demo::write(&store, &data).unwrap();
    let (data, _) = store.load().unwrap();
    let folder = dir.path().join("out");
    let ctx = pathways_core::export::Ctx {
        data: &data,
        private: false,
        confidential: true,
    };
    pathways_core::export::write_all(&ctx, &folder).unwrap();
    let restored = Store::create_new(&dir.path().join("restored.redb")).unwrap();
    let report = pathways_core::import::all::import_all(&restored, &folder, false, None).unwrap();
    assert_eq!(report.rejected(), 0, "{:?}", report.lines());
    let (again, _) = restored.load().unwrap();
    assert_eq!(records(&data), records(&again));
}
