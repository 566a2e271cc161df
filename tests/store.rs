//! The store on real redb files in temp dirs: round trips, file modes, refusals, the record format.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_core::domain::*;
use pathways_core::store::{Record, Store, StoreError};
use std::path::Path;

fn sample_employee() -> Employee {
    Employee {
        id: 7,
        employee_number: "012345".into(),
        first_name: "José".into(),
        last_name: "Núñez".into(),
        email: "jose_nunez@district.example.org".into(),
        position: "Paraeducator Spec Ed".into(),
        location_id: Some(3),
        chapter: Some("Paraeducators".into()),
        race: Race::Hispanic,
        hire_date: NaiveDate::from_ymd_opt(2012, 8, 20),
        position_start: NaiveDate::from_ymd_opt(2019, 1, 7),
        status: Some(EmploymentStatus::Permanent),
        in_evaluation: Some(false),
        retirement_date: None,
        supervisor_id: Some(2),
    }
}
use chrono::NaiveDate;

#[test]
fn records_round_trip_through_a_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.redb");
    let store = Store::open(&path).unwrap();
    let mut e = sample_employee();
    let id = store.write(|tx| tx.insert(&mut e)).unwrap();
    assert_eq!(id, 1);
    let mut second = sample_employee();
    assert_eq!(store.write(|tx| tx.insert(&mut second)).unwrap(), 2);
    drop(store);
    let store = Store::open(&path).unwrap();
    let back: Employee = store.get(1).unwrap().unwrap();
    assert_eq!(back, e);
    let (data, problems) = store.load().unwrap();
    assert!(problems.is_empty());
    assert_eq!(data.employees.len(), 2);
    assert_eq!(data.employee(2).unwrap().first_name, "José");
}

#[test]
fn a_failed_action_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.redb")).unwrap();
    let r: Result<(), StoreError> = store.write(|tx| {
        tx.insert(&mut sample_employee())?;
        Err(FieldError::new("name", "refused").into())
    });
    assert!(r.is_err());
    assert!(store.load().unwrap().0.employees.is_empty());
}

#[test]
fn a_stale_edit_is_refused_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.redb")).unwrap();
    let mut original = sample_employee();
    store.write(|tx| tx.insert(&mut original)).unwrap();
    let mut theirs = original.clone();
    theirs.position = "Fiscal Assistant V".into();
    store.write(|tx| tx.update(&original, &theirs)).unwrap();
    let mut mine = original.clone();
    mine.position = "Bus Operator".into();
    let err = store.write(|tx| tx.update(&original, &mine)).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    let now: Employee = store.get(original.id).unwrap().unwrap();
    assert_eq!(now.position, "Fiscal Assistant V");
}

#[cfg(unix)]
#[test]
fn a_new_database_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/t.redb");
    let _store = Store::open(&path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(pathways_core::store::check_private(&path).is_none());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(
        pathways_core::store::check_private(&path)
            .unwrap()
            .contains("chmod 600")
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, b"these are my notes, not a database\n").unwrap();
    let err = Store::open(&path).err().expect("refused");
    let msg = err.to_string();
    assert!(
        msg.contains("notes.txt") && msg.contains("not a pathways database"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"these are my notes, not a database\n"
    );
    let err = Store::open(dir.path()).err().expect("a directory is refused");
    assert!(err.to_string().contains("is a directory"), "{err}");
}

#[test]
fn two_handles_on_one_file_both_work() {
    let (_dir, path, first) = demo_store();
    let second = Store::open(&path).expect("a second pathways on the same file opens");
    let before = second.generation().unwrap();
    let mut e = sample_employee();
    first.write(|tx| tx.insert(&mut e)).unwrap();
    assert!(
        second.generation().unwrap() > before,
        "the other handle sees the change"
    );
    let (data, _) = second.load().unwrap();
    assert!(data.employees.iter().any(|x| x.employee_number == "012345"));
    second.write(|tx| tx.insert(&mut sample_employee())).unwrap();
}

#[test]
fn create_new_refuses_an_existing_file() {
    let (_dir, path, store) = demo_store();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let err = Store::create_new(&path).err().expect("refused");
    assert!(err.to_string().contains("already exists"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_record_that_fails_to_decode_is_reported_and_the_rest_stays_usable() {
    let (_dir, path, store) = demo_store();
    // Write garbage under a real key through redb itself, as a damaged record would look.
    drop(store);
    write_raw(&path, "employees", 5, b"PW\x01\xff\xff");
    let store = Store::open(&path).unwrap();
    let (data, problems) = store.load().unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].table, "employees");
    assert_eq!(problems[0].key, 5);
    assert!(data.employees.len() > 400);
    assert!(!data.intakes.is_empty());
}

const GOLDEN: &str = "tests/fixtures/employee_v1.bin";
const GOLDEN_V2: &str = "tests/fixtures/employee_v2.bin";
const FIXTURE_DB: &str = "tests/fixtures/pathways_v1.redb";
const FIXTURE_DB_V2: &str = "tests/fixtures/pathways_v2.redb";

/// The version-1 employee layout, as the first format wrote it (chapter, status, PAR always set).
#[derive(serde::Serialize)]
struct EmployeeV1 {
    id: Id,
    employee_number: String,
    first_name: String,
    last_name: String,
    email: String,
    position: String,
    location_id: Option<Id>,
    chapter: String,
    race: Race,
    hire_date: Option<NaiveDate>,
    position_start: Option<NaiveDate>,
    status: EmploymentStatus,
    in_evaluation: bool,
    retirement_date: Option<NaiveDate>,
    supervisor_id: Option<Id>,
}

fn sample_v1() -> EmployeeV1 {
    let e = sample_employee();
    EmployeeV1 {
        id: e.id,
        employee_number: e.employee_number,
        first_name: e.first_name,
        last_name: e.last_name,
        email: e.email,
        position: e.position,
        location_id: e.location_id,
        chapter: "Paraeducators".into(),
        race: e.race,
        hire_date: e.hire_date,
        position_start: e.position_start,
        status: EmploymentStatus::Permanent,
        in_evaluation: false,
        retirement_date: e.retirement_date,
        supervisor_id: e.supervisor_id,
    }
}

/// The bytes of a version-1 employee never change, and they still read as today's employee: old
/// databases keep opening.
#[test]
fn golden_bytes_of_the_record_format() {
    let bytes = pathways_core::store::codec::encode(&sample_v1(), 1).unwrap();
    let golden = std::fs::read(GOLDEN).expect("golden file");
    assert_eq!(
        bytes, golden,
        "the v1 layout above no longer matches the golden bytes"
    );
    assert_eq!(&golden[..3], b"PW\x01");
    assert_eq!(Employee::decode(&golden).unwrap(), sample_employee());
}

/// Version 2 (unknown chapter, status and PAR are `None`) has golden bytes of its own.
#[test]
fn golden_bytes_of_version_2() {
    let mut e = sample_employee();
    e.in_evaluation = None;
    let bytes = e.encode().unwrap();
    if std::env::var_os("PATHWAYS_WRITE_FIXTURES").is_some() {
        std::fs::write(GOLDEN_V2, &bytes).unwrap();
    }
    let golden = std::fs::read(GOLDEN_V2).expect("golden file");
    assert_eq!(
        bytes, golden,
        "the encoding of a v2 employee changed; add a new version instead"
    );
    assert_eq!(&golden[..3], b"PW\x02");
    assert_eq!(Employee::decode(&golden).unwrap(), e);
}

/// Version 1 stored "permanent" and "N/A" for a person an intake created; read today, that
/// made-up pair (without a hire date) is unknown again, while real facts stay as they were.
#[test]
fn a_version_1_intake_person_reads_as_unknown() {
    let mut v1 = sample_v1();
    v1.chapter = NO_CHAPTER.into();
    v1.hire_date = None;
    v1.position_start = None;
    let bytes = pathways_core::store::codec::encode(&v1, 1).unwrap();
    let e = Employee::decode(&bytes).unwrap();
    assert_eq!((e.chapter, e.status, e.in_evaluation), (None, None, None));
    // A substitute outside the union keeps N/A: that one is a fact.
    v1.status = EmploymentStatus::Substitute;
    let bytes = pathways_core::store::codec::encode(&v1, 1).unwrap();
    let e = Employee::decode(&bytes).unwrap();
    assert_eq!(e.chapter.as_deref(), Some(NO_CHAPTER));
    assert_eq!(e.status, Some(EmploymentStatus::Substitute));
    assert_eq!(e.in_evaluation, Some(false));
}

/// Version 1 stored a location's size as a number even when no one knew it (0 for a location an
/// intake or the roster brought in); read today, 0 is unknown and a real size stays.
#[test]
fn a_version_1_location_of_size_0_reads_as_unknown() {
    #[derive(serde::Serialize)]
    struct LocationV1 {
        id: Id,
        name: String,
        kind: LocationKind,
        employees: u32,
    }
    let v1 = |employees| LocationV1 {
        id: 4,
        name: "Blair High School".into(),
        kind: LocationKind::High,
        employees,
    };
    let read =
        |l: LocationV1| Location::decode(&pathways_core::store::codec::encode(&l, 1).unwrap()).unwrap();
    assert_eq!(read(v1(0)).employees, None);
    assert_eq!(read(v1(212)).employees, Some(212));
    assert_eq!(read(v1(212)).name, "Blair High School");
}

/// A small database written by the first version of the format still opens and reads the same.
#[test]
fn the_committed_fixture_database_still_opens() {
    // Written once by the first format; never regenerated (a newer build would write v2).
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.redb");
    std::fs::copy(FIXTURE_DB, &copy).unwrap();
    let store = Store::open(&copy).unwrap();
    let (data, problems) = store.load().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(data.employees.len(), 3);
    assert_eq!(data.locations[0].name, "Maple Grove Elementary School");
    assert_eq!(data.sessions[0].topic, "Personal and Professional Competencies");
    assert_eq!(data.cohorts[0].fiscal_year, 2025);
    // Three of each kind, but the demo has two cohorts (FY25 and the current one).
    assert_eq!(data.record_count(), 3 * 18 - 1);
    // Its employees were written as version 1 and read as today's struct, facts kept.
    assert!(
        data.employees
            .iter()
            .all(|e| e.status.is_some() && e.chapter.is_some())
    );
}

/// A small database written with version 2 of the employee format and the reference lists.
#[test]
fn the_committed_version_2_fixture_database_still_opens() {
    if std::env::var_os("PATHWAYS_WRITE_FIXTURES").is_some() {
        let _ = std::fs::remove_file(FIXTURE_DB_V2);
        let store = Store::create_new(Path::new(FIXTURE_DB_V2)).unwrap();
        let full = pathways_core::demo::build(today());
        let mut small = pathways_core::dataset::Dataset::default();
        macro_rules! take {
            ($($field:ident: $ty:ty),+ $(,)?) => {$( small.$field = full.$field.iter().take(3).cloned().collect(); )+};
        }
        pathways_core::with_record_kinds!(take);
        let mut unknown = Employee::unknown("000777".into(), "Ana".into(), "Pop-Up".into(), String::new());
        unknown.id = 100;
        small.employees.push(unknown);
        pathways_core::demo::write(&store, &small).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.redb");
    std::fs::copy(FIXTURE_DB_V2, &copy).unwrap();
    let store = Store::open(&copy).unwrap();
    let (data, problems) = store.load().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(data.employees.len(), 4);
    let unknown = data.employee(100).unwrap();
    assert_eq!(
        (unknown.chapter_label(), unknown.status_label()),
        ("unknown", "unknown")
    );
    assert_eq!(data.chapters.len(), 3);
    assert_eq!(data.owners.len(), 2);
}

#[test]
fn a_change_can_be_undone_unless_changed_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.redb")).unwrap();
    let mut e = sample_employee();
    let (_, insert) = store.write_tracked(|tx| tx.insert(&mut e)).unwrap();
    let mut edited = e.clone();
    edited.position = "Fiscal Assistant V".into();
    let (_, edit) = store.write_tracked(|tx| tx.put(&edited)).unwrap();
    store.undo(&edit).unwrap();
    assert_eq!(store.get::<Employee>(e.id).unwrap().unwrap(), e);
    // Someone changes it again: undoing the insert now would lose their change, so it is refused.
    store.write(|tx| tx.put(&edited)).unwrap();
    assert!(matches!(
        store.undo(&insert),
        Err(StoreError::ChangedSince {
            table: "employees",
            ..
        })
    ));
    store.write(|tx| tx.put(&e)).unwrap();
    store.undo(&insert).unwrap();
    assert!(store.get::<Employee>(e.id).unwrap().is_none());
    // Redo is the undo of the inverse: the record comes back.
    store.undo(&insert.inverse()).unwrap();
    assert_eq!(store.get::<Employee>(e.id).unwrap().unwrap(), e);
    // Ids are not reused after a delete.
    let mut again = sample_employee();
    assert_eq!(store.write(|tx| tx.insert(&mut again)).unwrap(), 2);
}

#[test]
fn a_large_kind_loads_in_id_order_with_its_damage_reported() {
    // Above 8,000 records a kind is decoded in two halves on two threads.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.redb");
    let store = Store::create_new(&path).unwrap();
    store
        .write(|txn| {
            for i in 0..9_000 {
                let mut l = pathways_core::domain::Location {
                    id: 0,
                    name: format!("Site {i}"),
                    kind: pathways_core::domain::LocationKind::Office,
                    employees: Some(i),
                };
                txn.insert(&mut l)?;
            }
            Ok(())
        })
        .unwrap();
    drop(store);
    write_raw(&path, "locations", 8_500, b"garbage");
    let (data, problems) = Store::open(&path).unwrap().load().unwrap();
    assert_eq!(data.locations.len(), 8_999);
    assert!(
        data.locations.windows(2).all(|w| w[0].id < w[1].id),
        "in id order"
    );
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].table, problems[0].key), ("locations", 8_500));
}

/// The META entry that marks a pathways database, read with redb itself.
fn format_mark(path: &Path) -> Option<u64> {
    use redb::ReadableDatabase;
    let db = redb::Database::builder()
        .set_concurrency_mode(redb::ConcurrencyMode::MultiWriter)
        .open_read_only(path)
        .unwrap();
    let rtx = db.begin_read().unwrap();
    let meta = rtx
        .open_table(redb::TableDefinition::<&str, u64>::new("meta"))
        .unwrap();
    meta.get("format:pathways").unwrap().map(|v| v.value())
}

#[test]
fn a_new_database_is_marked_and_an_earlier_one_is_marked_by_its_first_write_only() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.redb");
    drop(Store::create_new(&fresh).unwrap());
    // Format 2: sealed records and the search index.
    assert_eq!(format_mark(&fresh), Some(2));

    // The committed fixture was written before the mark existed: it is recognised by its tables.
    let copy = dir.path().join("copy.redb");
    std::fs::copy(FIXTURE_DB, &copy).unwrap();
    assert_eq!(format_mark(&copy), None);
    let before = std::fs::read(&copy).unwrap();
    let store = Store::open_read_only(&copy).unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.load().unwrap().0.employees.len(), 3);
    assert!(store.write(|tx| tx.insert(&mut sample_employee())).is_err());
    drop(store);
    assert!(
        std::fs::read(&copy).unwrap() == before,
        "a read-only open wrote to the file"
    );

    let store = Store::open(&copy).unwrap();
    assert!(!store.is_read_only());
    store.load().unwrap();
    drop(store);
    assert_eq!(format_mark(&copy), None, "opening and reading does not mark it");
    let store = Store::open(&copy).unwrap();
    store.write(|tx| tx.insert(&mut sample_employee())).unwrap();
    drop(store);
    assert_eq!(format_mark(&copy), Some(2), "its first write marks it");
    assert_eq!(Store::open(&copy).unwrap().load().unwrap().0.employees.len(), 4);

    // A format 1 file (marked, records unsealed, no search index): read as it is, `find` has no
    // index to answer from until the first write builds it and brings the mark to 2.
    set_format_mark(&copy, 1);
    let store = Store::open(&copy).unwrap();
    assert_eq!(store.load().unwrap().0.employees.len(), 4);
    assert!(store.find("a", 10).unwrap().is_none());
    store.write(|tx| tx.insert(&mut sample_employee())).unwrap();
    assert!(store.find("a", 10).unwrap().is_some());
    drop(store);
    assert_eq!(format_mark(&copy), Some(2));
}

/// Rewrites the META entry that marks a pathways database, with redb itself.
fn set_format_mark(path: &Path, version: u64) {
    use redb::ReadableTable;
    let db = redb::Database::builder()
        .set_concurrency_mode(redb::ConcurrencyMode::MultiWriter)
        .open(path)
        .unwrap();
    let tx = db.begin_write().unwrap();
    {
        let mut meta = tx
            .open_table(redb::TableDefinition::<&str, u64>::new("meta"))
            .unwrap();
        meta.insert("format:pathways", version).unwrap();
        // A format 1 build moved the change counter without keeping any index.
        let g = meta.get("generation").unwrap().unwrap().value();
        meta.insert("generation", g + 1).unwrap();
    }
    tx.commit().unwrap();
}

#[test]
fn a_save_that_changes_nothing_writes_nothing() {
    let (_dir, path, store) = demo_store();
    let generation = store.generation().unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    // Read whole first, as the dashboard and every import do: the store then opens the file
    // for writing (which redb marks in the file); the save itself writes nothing.
    store.load().unwrap();
    let before = std::fs::read(&path).unwrap();
    store.write(|_| Ok(())).unwrap();
    assert_eq!(store.generation().unwrap(), generation);
    assert!(std::fs::read(&path).unwrap() == before);
}
