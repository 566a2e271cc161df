//! `find` answers from the search index kept in the file (no load of the database); what it
//! answers must be what the dashboard's search finds over the whole loaded data, through every
//! kind of change, undo, a database of an earlier build and its backup.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use pathways_core::domain::*;
use pathways_core::search::Index;
use pathways_core::store::Store;

const QUERIES: &[&str] = &[
    "garcia",
    "ana",
    "a",
    "jo",
    "maple",
    "92883",
    "grow your career",
    "employee",
    "nguyen m",
    "garcia ana",
    "kof",
    "zzzqqq",
];

fn assert_same_as_the_dashboard(store: &Store, what: &str) {
    let (data, _) = store.load().unwrap();
    let index = Index::build(&data);
    for q in QUERIES {
        let (expected, all) = index.search_counted(&data, q, 50);
        let found = store.find(q, 50).unwrap().expect("an index");
        assert_eq!(found.entries, expected, "{what}: find {q:?}");
        assert_eq!(found.matched, all, "{what}: {q:?} counts its matches");
        // Each hit comes with the person it names, as the loaded data has them.
        for (entry, person) in found.entries.iter().zip(&found.people) {
            let loaded = entry.person.and_then(|id| data.employee(id));
            assert_eq!(person.as_ref(), loaded, "{what}: {q:?}: {entry:?}");
        }
    }
}

#[test]
fn find_from_the_index_is_the_dashboards_search_through_every_change() {
    let (_dir, path, store) = common::demo_store();
    assert_same_as_the_dashboard(&store, "the demo");
    let (data, _) = store.load().unwrap();
    let mut renamed = data.employees[2].clone();
    renamed.last_name = "Zyxwort".into();
    let mut moved = data.intakes[0].clone();
    moved.employee_id = data.employees[5].id;
    let gone = data.mentors[0].id;
    let (_, journal) = store
        .write_tracked(|txn| {
            txn.put(&renamed)?;
            txn.put(&moved)?;
            txn.delete::<Mentor>(gone)?;
            // An intake for someone who is not in the roster: found as "employee #…".
            let mut orphan = Intake::new(999_999, common::today(), IntakeSource::Form);
            txn.insert(&mut orphan)?;
            Ok(())
        })
        .unwrap();
    assert_same_as_the_dashboard(&store, "after a rename, a move, a delete and an orphan");
    let found = store.find("zyxwort", 50).unwrap().unwrap().entries;
    assert!(
        found
            .iter()
            .any(|e| e.kind == pathways_core::search::Kind::Employee)
    );
    store.undo(&journal).unwrap();
    assert_same_as_the_dashboard(&store, "after undo");
    // Removing the employee leaves their records findable by "employee #id", as the dashboard
    // names them.
    let someone = data.intakes[3].employee_id;
    store
        .write(|txn| txn.delete::<Employee>(someone).map(|_| ()))
        .unwrap();
    assert_same_as_the_dashboard(&store, "after an employee with records is removed");
    drop(store);
    // Read-only, as `find` opens it, and the file is left as it was.
    let before = std::fs::read(&path).unwrap();
    let lookup = Store::open_read_only(&path).unwrap();
    assert_same_as_the_dashboard(&lookup, "read-only");
    drop(lookup);
    assert!(std::fs::read(&path).unwrap() == before);
}

#[test]
fn a_database_of_an_earlier_build_gets_its_index_with_its_first_write_and_in_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.redb");
    std::fs::copy("tests/fixtures/pathways_v1.redb", &copy).unwrap();
    let store = Store::open_read_only(&copy).unwrap();
    assert!(
        store.find("a", 10).unwrap().is_none(),
        "no index yet: find loads instead"
    );
    let backup = dir.path().join("backup.redb");
    store.backup(&backup).unwrap();
    drop(store);
    assert_same_as_the_dashboard(&Store::open_read_only(&backup).unwrap(), "its backup");
    let store = Store::open(&copy).unwrap();
    let mut e = store.load().unwrap().0.employees[0].clone();
    e.position = "Lead Custodian".into();
    store.write(|txn| txn.put(&e)).unwrap();
    assert_same_as_the_dashboard(&store, "after its first write");
    let (code, stdout, _) = common::run(&copy, &["find", "custodian"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Lead Custodian"), "{stdout}");
}
