//! `pathways import employees` from the real binary on real files: the HR roster's columns,
//! upsert by employee id (intake people completed, not duplicated), every bad-row rule named by
//! line with nothing of the row stored, one transaction, repeat = unchanged, dry run, --map,
//! review lines with --private, and `export employees` read back.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_core::domain::*;
use pathways_core::store::Store;
use std::path::{Path, PathBuf};

fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn empty_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.redb");
    let (code, _, err) = run(&db, &["init"]);
    assert_eq!(code, 0, "{err}");
    (dir, db)
}

fn file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn people(db: &Path) -> Vec<Employee> {
    Store::open(db).unwrap().load().unwrap().0.employees
}

fn by_number<'a>(all: &'a [Employee], n: &str) -> &'a Employee {
    all.iter().find(|e| e.employee_number == n).unwrap()
}

/// HR's own header names, mixed order and case.
const ROSTER: &str = "\
EMPLOYEE NUMBER,last name,First Name,Work Email,Job Title,Work Location,Union Chapter,Race/Ethnicity,Original Hire Date,Position Start Date,Employment Status,PAR or Special Evaluation,Anticipated Retirement Date,Supervisor Employee ID
000100,Okafor,Chidi,chidi_okafor@district.org,Transportation Supervisor,North Depot,Transportation,Black,3/1/2005,2015-08-01,Permanent,N,,
000101,García,Ana,ana_garcia@district.org,Paraeducator,Lincoln ES,Paraeducators,Hispanic/Latino,2012-08-20,2019-01-07,permanent,no,,000102
000102,Lee,Bo,bo_lee@district.org,Secretary,Lincoln ES,Office Professionals,Asian,2009-01-05,2009-01-05,Permanent,No,2031-06-30,000100
000103,Wei,Li,li_wei@district.org,Substitute Cafeteria Worker,Lincoln ES,N/A,,2024-09-01,2024-09-01,Substitute,N,,
";

#[test]
fn a_roster_into_an_empty_database_then_again_changes_nothing() {
    let (dir, db) = empty_db();
    let f = file(dir.path(), "roster.csv", ROSTER);
    let (code, out, err) = run(&db, &["import", "employees", &f]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.ends_with("new 4, updated 0, unchanged 0, rejected 0\n"),
        "{out}"
    );
    assert!(
        out.contains("new location added (please review): North Depot"),
        "{out}"
    );
    assert!(
        out.contains("new location added (please review): Lincoln ES"),
        "{out}"
    );
    assert_eq!(out.matches("Lincoln ES").count(), 1, "added once: {out}");
    assert!(
        out.contains("new chapter added (please review): Transportation"),
        "{out}"
    );
    let all = people(&db);
    let ana = by_number(&all, "000101");
    assert_eq!(
        (ana.first_name.as_str(), ana.last_name.as_str()),
        ("Ana", "García")
    );
    assert_eq!(ana.hire_date, Some(d(2012, 8, 20)));
    assert_eq!(ana.status, Some(EmploymentStatus::Permanent));
    assert_eq!(ana.in_evaluation, Some(false));
    assert_eq!(ana.race, Race::Hispanic);
    assert_eq!(ana.chapter.as_deref(), Some("Paraeducators"));
    // Supervisors by employee id, also when both are new (and listed after).
    let bo = by_number(&all, "000102");
    assert_eq!(ana.supervisor_id, Some(bo.id));
    assert_eq!(bo.supervisor_id, Some(by_number(&all, "000100").id));
    assert_eq!(bo.retirement_date, Some(d(2031, 6, 30)));
    let li = by_number(&all, "000103");
    assert_eq!(
        (li.chapter.as_deref(), li.race),
        (Some(NO_CHAPTER), Race::Unknown)
    );
    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    assert_eq!(data.locations.len(), 2);
    assert_eq!(
        data.location(ana.location_id.unwrap()).unwrap().kind,
        LocationKind::Elementary
    );
    assert_eq!(
        data.union_chapters(),
        vec!["Office Professionals", "Paraeducators", "Transportation"]
    );

    let before = people(&db);
    let (code, out, _) = run(&db, &["import", "employees", &f]);
    assert_eq!(
        (code, out.as_str()),
        (0, "new 0, updated 0, unchanged 4, rejected 0\n")
    );
    assert_eq!(people(&db), before);
}

#[test]
fn people_an_intake_created_are_completed_not_duplicated() {
    let (dir, db) = empty_db();
    // Ana asked at a pop-up: an email, no employee id; Bo gave his id on the form.
    let intakes = file(
        dir.path(),
        "intakes.csv",
        "Email,Employee ID,First Name,Last Name,Submitted,Services\n\
         Ana_Garcia@district.org,,Ana,Garcia,2024-09-02,resume review\n\
         ,000102,Bo,Lee,2024-09-03,career coaching\n",
    );
    let (code, out, _) = run(&db, &["import", "intakes", &intakes]);
    assert_eq!(code, 0, "{out}");
    let before = people(&db);
    assert_eq!(before.len(), 2);
    assert!(before.iter().all(|e| e.status.is_none() && e.hire_date.is_none()));
    let f = file(dir.path(), "roster.csv", ROSTER);
    let (code, out, _) = run(&db, &["import", "employees", &f]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.ends_with("new 2, updated 2, unchanged 0, rejected 0\n"),
        "{out}"
    );
    assert!(out.contains("completed 000101 (line 3)"), "{out}");
    assert!(
        out.contains(
            "changed 000102 Bo Lee (line 4): position unknown -> Secretary; status unknown -> permanent; \
                      PAR or special evaluation unknown -> no; hire date unknown -> 2009-01-05"
        ),
        "{out}"
    );
    let after = people(&db);
    assert_eq!(after.len(), 4, "two completed, two new: nobody twice");
    let ana = after.iter().find(|e| e.id == before[0].id).unwrap();
    assert_eq!(ana.employee_number, "000101");
    assert_eq!(ana.last_name, "García", "HR's spelling wins");
    assert_eq!(ana.status, Some(EmploymentStatus::Permanent));
    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    assert_eq!(data.intakes.len(), 2);
    assert!(
        data.intakes
            .iter()
            .all(|i| data.employee(i.employee_id).is_some())
    );
}

#[test]
fn every_bad_row_is_named_by_line_and_nothing_of_it_is_stored() {
    let (dir, db) = empty_db();
    let f = file(
        dir.path(),
        "bad.csv",
        "Employee ID,First Name,Last Name,Hire Date,Position Start Date,Status,PAR,Supervisor ID\n\
         ,No,Id,,,,,\n\
         000201,Bad,Date,13/45/2020,,,,\n\
         000202,Bad,Status,,,Contractor,,\n\
         000203,Early,Start,2015-03-01,2010-01-01,,,\n\
         000204,Ghost,Boss,,,,,999999\n\
         000205,Twice,One,,,permanent,,\n\
         000206,Fine,Person,2010-01-01,2012-01-01,temporary,Y,\n\
         000205,Twice,Two,,,temporary,,\n\
         000207,Self,Boss,,,,,000207\n\
         000208,Boss,Rejected,,,,maybe,\n\
         000209,Under,Rejected,,,,,000208\n\
         000210,Under,Under,,,,,000209\n\
         000206,Fine,Person,2010-01-01,2012-01-01,temporary,Y,\n",
    );
    let (code, out, _) = run(&db, &["import", "employees", &f, "--private"]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        vec![
            "line 2: Employee ID is empty",
            "line 3: Hire Date: \"13/45/2020\" is not a date; type YYYY-MM-DD or M/D/YYYY",
            "line 4: Status \"Contractor\" is not one of: permanent, temporary, substitute",
            "line 5: Position Start Date 2010-01-01 is before the Hire Date 2015-03-01",
            "line 6: Supervisor ID 999999 is not in this roster or the database",
            "line 7: Employee ID 000205 is also on line 9 with different facts",
            "line 9: Employee ID 000205 is also on line 7 with different facts",
            "line 10: Supervisor ID 000207 is the employee's own id",
            "line 11: PAR: the evaluation status given is not Y or N (Yes or No)",
            "line 12: Supervisor ID 000208 is on line 11, which was rejected",
            "line 13: Supervisor ID 000209 is on line 12, which was rejected",
            "new 1, updated 0, unchanged 1, rejected 11",
        ]
    );
    let all = people(&db);
    assert_eq!(all.len(), 1, "only the good row is stored");
    assert_eq!(all[0].employee_number, "000206");
    assert_eq!(all[0].in_evaluation, Some(true));
}

#[test]
fn dry_run_map_and_unreadable_files() {
    let (dir, db) = empty_db();
    let f = file(
        dir.path(),
        "mapped.csv",
        "Emp #,Given,Family,Service Date\n000301,Ana,Garcia,2001-02-03\n",
    );
    let (code, _, err) = run(&db, &["import", "employees", &f]);
    assert_eq!(code, 2);
    assert!(
        err.contains("missing column(s) Employee ID, First Name, Last Name"),
        "{err}"
    );
    let args = [
        "import",
        "employees",
        &f,
        "--map",
        "Employee ID=Emp #",
        "--map",
        "first name=Given",
        "--map",
        "Last Name=Family",
        "--map",
        "Hire Date=Service Date",
    ];
    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let (code, out, _) = run(&db, &dry);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "new 1, updated 0, unchanged 0, rejected 0 (dry run: nothing stored)\n"
        )
    );
    assert!(people(&db).is_empty());
    let (code, out, _) = run(&db, &args);
    assert_eq!(
        (code, out.as_str()),
        (0, "new 1, updated 0, unchanged 0, rejected 0\n")
    );
    assert_eq!(people(&db)[0].hire_date, Some(d(2001, 2, 3)));
    let (code, _, err) = run(&db, &["import", "employees", &f, "--map", "Shoe Size=Given"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("not a roster column") && err.contains("nothing was imported"),
        "{err}"
    );
    let (code, _, err) = run(&db, &["import", "employees", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("is a folder"), "{err}");
}

#[test]
fn changes_are_listed_for_review_and_private_masks_names_and_par() {
    let (dir, db) = empty_db();
    let f = file(dir.path(), "roster.csv", ROSTER);
    run(&db, &["import", "employees", &f]);
    let changed = ROSTER
        .replace("Paraeducator,Lincoln ES", "Paraeducator Spec Ed,Lincoln ES")
        .replace("Substitute,N,", "Temporary,Y,");
    let f = file(dir.path(), "changed.csv", &changed);
    let (code, out, _) = run(&db, &["import", "employees", &f, "--dry-run"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("changed 000101 Ana García (line 3): position Paraeducator -> Paraeducator Spec Ed"),
        "{out}"
    );
    assert!(
        out.contains("changed 000103 Li Wei (line 5): status substitute -> temporary; PAR or special evaluation no -> yes"),
        "{out}"
    );
    let (_, private, _) = run(&db, &["--private", "import", "employees", &f]);
    assert!(
        private.contains(
            "changed 000103 L. W. (line 5): status substitute -> temporary; PAR or special evaluation changed"
        ),
        "{private}"
    );
    assert!(!private.contains("Wei") && !private.contains("yes"), "{private}");
    assert!(
        private.ends_with("new 0, updated 2, unchanged 2, rejected 0\n"),
        "{private}"
    );
}

#[test]
fn an_export_of_the_demo_reads_back_into_an_empty_database_and_back_out_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_file(dir.path());
    let (code, exported, _) = run(&demo, &["export", "employees"]);
    assert_eq!(code, 0);
    // Into the database it came from: nothing changes.
    let f = file(dir.path(), "employees.csv", &exported);
    let (code, out, _) = run(&demo, &["import", "employees", &f]);
    assert_eq!(code, 0, "{out}");
    let n = people(&demo).len();
    assert_eq!(out, format!("new 0, updated 0, unchanged {n}, rejected 0\n"));
    // Into an empty one: every person and fact, and the same export (but the record numbers).
    let (_dir2, db) = empty_db();
    let (code, out, _) = run(&db, &["import", "employees", &f]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.ends_with(&format!("new {n}, updated 0, unchanged 0, rejected 0\n")),
        "{out}"
    );
    let (_, again, _) = run(&db, &["export", "employees"]);
    let facts = |csv: &str| -> Vec<Vec<String>> {
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        let keep: Vec<usize> = (0..header.len())
            .filter(|&i| !["id", "location_id", "supervisor_id"].contains(&header[i].as_str()))
            .collect();
        r.records()
            .map(|x| {
                let x = x.unwrap();
                keep.iter().map(|&i| x[i].to_string()).collect()
            })
            .collect()
    };
    assert_eq!(facts(&again), facts(&exported));
}
