//! Who changed what: every change records the OS user and the time in the same transaction,
//! per record and field (before, after); the store reads a record's and a person's history;
//! `pathways export audit` writes it, masked with --private, mentoring conversations only with
//! --confidential.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use chrono::NaiveDate;
use pathways_core::domain::*;
use pathways_core::store::{HistoryAction, Record, Store, StoreError};

fn new_store() -> (tempfile::TempDir, std::path::PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.redb");
    let store = Store::create_new(&path).unwrap();
    (dir, path, store)
}

fn ana() -> Employee {
    let mut e = Employee::unknown(
        "000101".into(),
        "Ana".into(),
        "Garcia".into(),
        "ana@district.org".into(),
    );
    e.in_evaluation = Some(false);
    e
}

#[test]
fn each_change_is_kept_per_field_with_who_and_when() {
    let (_dir, _path, store) = new_store();
    let before = chrono::Utc::now().timestamp();
    let mut e = ana();
    store.write(|t| t.insert(&mut e)).unwrap();
    let mut changed = e.clone();
    changed.status = Some(EmploymentStatus::Permanent);
    changed.position = "Paraeducator".into();
    store.write(|t| t.update(&e, &changed)).unwrap();
    // Writing the same values again is no change and leaves no trace.
    store.write(|t| t.put(&changed)).unwrap();
    let history = store.history(Employee::TABLE, e.id).unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[0].action, HistoryAction::Created);
    assert!(
        history[0]
            .fields
            .iter()
            .any(|f| f.field == "last_name" && f.before.is_empty() && f.after == "Garcia")
    );
    assert!(!history[0].fields.iter().any(|f| f.field == "id"));
    let second = &history[1];
    assert_eq!(second.action, HistoryAction::Changed);
    let fields: Vec<(&str, &str, &str)> = second
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.before.as_str(), f.after.as_str()))
        .collect();
    assert_eq!(
        fields,
        vec![("position", "", "Paraeducator"), ("status", "", "Permanent")]
    );
    assert_eq!(second.who, pathways_core::store::os_user());
    assert!(second.at >= before && second.at <= chrono::Utc::now().timestamp());
    assert!(second.seq > history[0].seq);
}

#[test]
fn a_failed_change_leaves_no_history_and_an_undo_leaves_its_own() {
    let (_dir, _path, store) = new_store();
    let mut e = ana();
    let err: Result<(), StoreError> = store.write(|t| {
        t.insert(&mut e)?;
        Err(FieldError::new("name", "refused").into())
    });
    assert!(err.is_err());
    assert!(
        store.all_history().unwrap().0.is_empty(),
        "nothing committed, nothing recorded"
    );
    let mut e = ana();
    let (_, journal) = store.write_tracked(|t| t.insert(&mut e)).unwrap();
    store.undo(&journal).unwrap();
    let history = store.history(Employee::TABLE, e.id).unwrap();
    let actions: Vec<HistoryAction> = history.iter().map(|h| h.action).collect();
    assert_eq!(actions, vec![HistoryAction::Created, HistoryAction::Deleted]);
    assert!(
        history[1]
            .fields
            .iter()
            .any(|f| f.field == "first_name" && f.before == "Ana" && f.after.is_empty())
    );
}

#[test]
fn a_person_history_gathers_their_records_and_a_backup_keeps_it() {
    let (dir, _path, store) = new_store();
    let mut e = ana();
    let mut other = Employee::unknown("000102".into(), "Bo".into(), "Lee".into(), String::new());
    store
        .write(|t| {
            t.insert(&mut e)?;
            t.insert(&mut other)?;
            let mut it = Intake::new(
                e.id,
                NaiveDate::from_ymd_opt(2024, 9, 2).unwrap(),
                IntakeSource::Form,
            );
            it.services.push(Service::ResumeReview);
            let id = t.insert(&mut it)?;
            t.insert(&mut Consultation {
                id: 0,
                intake_id: id,
                date: NaiveDate::from_ymd_opt(2024, 9, 9).unwrap(),
                minutes: 45,
                services: vec![Service::ResumeReview],
                notes: "talked about CDL".into(),
            })?;
            Ok(())
        })
        .unwrap();
    let (data, _) = store.load().unwrap();
    let mine = store.person_history(&data, e.id).unwrap();
    let kinds: Vec<&str> = mine.iter().map(|h| h.table.as_str()).collect();
    assert_eq!(kinds, vec!["employees", "intakes", "consultations"]);
    assert_eq!(store.person_history(&data, other.id).unwrap().len(), 1);
    let copy = dir.path().join("backup.redb");
    store.backup(&copy).unwrap();
    let (all, _) = Store::open(&copy).unwrap().all_history().unwrap();
    assert_eq!(all, store.all_history().unwrap().0);
}

#[test]
fn export_audit_names_the_os_user_and_masks_what_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.redb");
    common::run(&db, &["init"]);
    let roster = dir.path().join("r.csv");
    let write = |status: &str| {
        std::fs::write(
            &roster,
            format!("Employee ID,First Name,Last Name,Email,Status,PAR,Race\n000101,Ana,García,ana@district.org,{status},N,Hispanic\n"),
        )
        .unwrap()
    };
    let import = |user: &str| {
        std::process::Command::new(common::binary())
            .args([
                "--db",
                db.to_str().unwrap(),
                "import",
                "employees",
                roster.to_str().unwrap(),
            ])
            .env("USER", user)
            .env_remove("PATHWAYS_DB")
            .output()
            .unwrap()
    };
    write("temporary");
    assert!(import("maria").status.success());
    write("permanent");
    assert!(import("sam").status.success());
    let (code, out, _) = common::run(&db, &["export", "audit"]);
    assert_eq!(code, 0);
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(
        out.lines().next().unwrap(),
        "when,who,kind,record,person,action,field,before,after"
    );
    assert!(
        rows.iter()
            .any(|r| r[1] == "maria" && r[5] == "created" && r[6] == "last_name" && r[8] == "García")
    );
    let change: Vec<&Vec<String>> = rows.iter().filter(|r| r[1] == "sam").collect();
    assert_eq!(change.len(), 1, "{rows:?}");
    assert_eq!(
        change[0][2..],
        [
            "employees",
            "1",
            "000101",
            "changed",
            "status",
            "Temporary",
            "Permanent"
        ]
        .map(String::from)
    );
    let (_, private, _) = common::run(&db, &["--private", "export", "audit"]);
    for secret in ["García", "ana@district.org", "Hispanic"] {
        assert!(!private.contains(secret), "{secret} in {private}");
    }
    assert!(private.contains(",last_name,,G."), "{private}");
    assert!(
        private.contains(",status,Temporary,Permanent"),
        "not personal: {private}"
    );
}

#[test]
fn mentoring_conversations_stay_out_of_the_history_export_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.redb");
    let store = Store::create_new(&db).unwrap();
    store
        .write(|t| {
            t.insert(&mut MentorLog {
                id: 0,
                pair_id: 1,
                month: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
                hours: 2.0,
                topics: "a confidential talk".into(),
                submitted: NaiveDate::from_ymd_opt(2025, 1, 31).unwrap(),
            })
        })
        .unwrap();
    drop(store);
    let (_, out, _) = common::run(&db, &["export", "audit"]);
    assert!(
        !out.contains("confidential talk") && out.contains(",topics,,"),
        "{out}"
    );
    let (_, out, _) = common::run(&db, &["export", "audit", "--confidential"]);
    assert!(out.contains(",topics,,a confidential talk"), "{out}");
}
