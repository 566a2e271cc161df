//! `pathways people merge` and `pathways people delete` from the real binary: the same person
//! from a pop-up (email) and from HR (employee id) becomes one, their intake kept; a delete is
//! refused while records point at the person.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_core::store::Store;

#[test]
fn a_popup_person_merges_into_the_roster_person_and_a_delete_names_what_points_at_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.redb");
    run(&db, &["init"]);
    let intakes = dir.path().join("intakes.csv");
    std::fs::write(
        &intakes,
        "Email,First Name,Last Name,Submitted,Services\nana.g@district.org,Ana,Garcia,2024-09-02,resume review\n",
    )
    .unwrap();
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "Employee ID,First Name,Last Name,Email,Hire Date,Status,PAR\n\
         000101,Ana,García,ana_garcia@district.org,2012-08-20,permanent,N\n",
    )
    .unwrap();
    assert_eq!(run(&db, &["import", "intakes", intakes.to_str().unwrap()]).0, 0);
    assert_eq!(run(&db, &["import", "employees", roster.to_str().unwrap()]).0, 0);
    assert_eq!(
        Store::open(&db).unwrap().load().unwrap().0.employees.len(),
        2,
        "two records of Ana"
    );

    let (code, out, err) = run(
        &db,
        &["people", "merge", "000101", "ana.g@district.org", "--dry-run"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "keeping 000101 Ana García (record 2), merging in no employee id Ana Garcia (record 1)\n\
         \x20 employee id: 000101 | unknown -> 000101 (kept)\n\
         \x20 last name: García | Garcia -> García (kept)\n\
         \x20 email: ana_garcia@district.org | ana.g@district.org -> ana_garcia@district.org (kept)\n\
         \x20 hire date: 2012-08-20 | unknown -> 2012-08-20 (kept)\n\
         \x20 status: permanent | unknown -> permanent (kept)\n\
         \x20 PAR or special evaluation: no | unknown -> no (kept)\n\
         dry run: nothing changed\n"
    );
    let (_, private, _) = run(
        &db,
        &[
            "--private",
            "people",
            "merge",
            "000101",
            "ana.g@district.org",
            "--dry-run",
        ],
    );
    assert!(
        !private.contains("Garcia")
            && !private.contains("ana.g@")
            && !private.contains("PAR or special evaluation: no"),
        "{private}"
    );

    let (code, out, err) = run(&db, &["people", "merge", "000101", "#1", "--take", "email"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.ends_with("merged: moved 1 intake\n"), "{out}");
    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    assert_eq!(data.employees.len(), 1);
    assert_eq!(data.employees[0].email, "ana.g@district.org", "--take email");
    assert_eq!(data.intakes[0].employee_id, data.employees[0].id);

    let (code, _, err) = run(&db, &["people", "delete", "000101"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("1 intake (received 2024-09-02)") && err.contains("nothing was changed"),
        "{err}"
    );
    let (code, _, err) = run(&db, &["people", "merge", "000101", "000101"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be merged with themselves"), "{err}");
    let (code, _, err) = run(&db, &["people", "merge", "000101", "#9", "--take", "shoe size"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no person is record #9") || err.contains("not a field"),
        "{err}"
    );
}
