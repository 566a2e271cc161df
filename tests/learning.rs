//! Professional learning and teacher outcomes: the store functions (rules checked against what
//! is stored), a PDO course roster and a teacher-outcome sheet imported through the real binary
//! into an empty database, and what the metrics and `report monthly` make of them.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use chrono::{NaiveDate, NaiveTime};
use common::*;
use pathways_core::domain::*;
use pathways_core::learning::*;
use pathways_core::store::{Store, StoreError};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/learning")
        .join(name)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

fn field(result: Result<impl std::fmt::Debug, StoreError>) -> &'static str {
    match result {
        Err(StoreError::Invalid(e)) => e.field,
        other => panic!("not refused with a field: {other:?}"),
    }
}

fn offering(number: &str, title: &str) -> Offering {
    Offering {
        id: 0,
        course_number: number.into(),
        title: title.into(),
        partner_office: String::new(),
        teacher_pathway: false,
    }
}

fn session(offering_id: Id, date: NaiveDate) -> PlSession {
    PlSession {
        id: 0,
        offering_id,
        date,
        start: t(16, 30),
        end: t(17, 30),
        place: " Zoom\u{1b}[2J ".into(),
        facilitator: "Career Pathways Team".into(),
    }
}

#[test]
fn offerings_sessions_and_attendance_through_the_store_functions() {
    let (_dir, _path, store) = demo_store();
    let (data, _) = store.load().unwrap();
    let person = data.employees[0].id;
    // An offering needs a title; a course number belongs to one offering.
    assert_eq!(
        field(store.write(|txn| add_offering(txn, &mut offering("93001", " ")))),
        "title"
    );
    assert_eq!(
        field(store.write(|txn| add_offering(txn, &mut offering(" 92883 ", "Again")))),
        "course number"
    );
    let mut webinar = offering("93001", "Becoming a Teacher: Certification Routes");
    webinar.teacher_pathway = true;
    let id = store.write(|txn| add_offering(txn, &mut webinar)).unwrap();
    let stored: Offering = store.get(id).unwrap().unwrap();
    let mut renamed = stored.clone();
    renamed.partner_office = "Higher Education Partnerships".into();
    store.write(|txn| edit_offering(txn, &stored, &renamed)).unwrap();
    // Someone else's save meanwhile is not overwritten.
    assert!(matches!(
        store.write(|txn| edit_offering(txn, &stored, &renamed)),
        Err(StoreError::Conflict(_))
    ));

    // A session belongs to an offering, ends after it starts, and is one per date and time.
    assert_eq!(
        field(store.write(|txn| add_pl_session(txn, &mut session(9999, d(2026, 12, 1))))),
        "offering"
    );
    let mut backwards = session(id, d(2026, 12, 1));
    backwards.end = t(15, 0);
    assert_eq!(
        field(store.write(|txn| add_pl_session(txn, &mut backwards))),
        "end"
    );
    let sid = store
        .write(|txn| add_pl_session(txn, &mut session(id, d(2026, 12, 1))))
        .unwrap();
    assert_eq!(
        field(store.write(|txn| add_pl_session(txn, &mut session(id, d(2026, 12, 1))))),
        "date"
    );
    let held: PlSession = store.get(sid).unwrap().unwrap();
    assert_eq!(held.place, "Zoom[2J", "text is cleaned on the way in");

    // Attendance once per person; the offering cannot go while it has sessions.
    assert!(
        store
            .write(|txn| mark_pl_attendance(txn, sid, person))
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .write(|txn| mark_pl_attendance(txn, sid, person))
            .unwrap()
            .is_none()
    );
    assert_eq!(
        field(store.write(|txn| mark_pl_attendance(txn, sid, 999_999))),
        "employee"
    );
    assert_eq!(field(store.write(|txn| remove_offering(txn, id))), "offering");
    let other = data.employees[1].id;
    store.write(|txn| mark_pl_attendance(txn, sid, other)).unwrap();
    assert!(store.write(|txn| unmark_pl_attendance(txn, sid, other)).unwrap());
    assert_eq!(store.write(|txn| remove_pl_session(txn, sid)).unwrap(), 1);
    store.write(|txn| remove_offering(txn, id)).unwrap();
    let (after, _) = store.load().unwrap();
    assert_eq!(after.offerings.len(), data.offerings.len());
    assert_eq!(after.pl_attendance.len(), data.pl_attendance.len());
}

/// A rule checked against the records the caller holds (the dashboard's save, which reads no
/// other attendance from the file) is checked against the file's records as soon as anything was
/// saved since the caller read them: what the caller holds is never trusted when it may be old.
#[test]
fn a_rule_checked_against_what_the_caller_holds_only_while_nothing_was_saved_since() {
    let (_dir, path, store) = demo_store();
    let (data, _) = store.load().unwrap();
    let session = data.pl_sessions[0].id;
    let person = data.employees[0].id;
    let other = data.employees[1].id;
    // What the caller holds says `person` is already recorded there (it is not, in the file):
    // while nothing was saved since, that is what the rule is checked against.
    let held = vec![PlAttendance {
        id: 999_999,
        pl_session_id: session,
        employee_id: person,
    }];
    let generation = store.generation().unwrap();
    let known = |generation| {
        Some(pathways_core::store::Known {
            records: &held,
            generation,
        })
    };
    let marked = store
        .write(|txn| mark_pl_attendance_known(txn, session, person, known(generation)))
        .unwrap();
    assert_eq!(marked, None, "checked against what the caller holds");
    // Someone else saves (any record): the held records may be old, and the file decides.
    Store::open(&path)
        .unwrap()
        .write(|txn| mark_pl_attendance(txn, session, other).map(|_| ()))
        .unwrap();
    let marked = store
        .write(|txn| mark_pl_attendance_known(txn, session, person, known(generation)))
        .unwrap();
    assert!(marked.is_some(), "read from the file: not recorded there");
    // The other person, recorded meanwhile, is found in the file though the caller does not
    // hold them.
    let again = store
        .write(|txn| mark_pl_attendance_known(txn, session, other, known(generation)))
        .unwrap();
    assert_eq!(again, None);
}

#[test]
fn teacher_outcomes_through_the_store_functions() {
    let (_dir, _path, store) = demo_store();
    let (data, _) = store.load().unwrap();
    let person = data
        .employees
        .iter()
        .find(|e| !data.teacher_outcomes.iter().any(|o| o.employee_id == e.id))
        .unwrap()
        .id;
    let mut outcome = TeacherOutcome {
        id: 0,
        employee_id: person,
        hired: d(2026, 8, 20),
        school_year: "2026-2027".into(),
        partner_program: "Teacher Residency (UMD)".into(),
    };
    let id = store
        .write(|txn| add_teacher_outcome(txn, &mut outcome.clone()))
        .unwrap();
    let stored: TeacherOutcome = store.get(id).unwrap().unwrap();
    assert_eq!(stored.school_year, "2026-27");
    assert_eq!(
        field(store.write(|txn| add_teacher_outcome(txn, &mut outcome.clone()))),
        "employee"
    );
    outcome.employee_id = 999_999;
    assert_eq!(
        field(store.write(|txn| add_teacher_outcome(txn, &mut outcome.clone()))),
        "employee"
    );
    let mut later = stored.clone();
    later.school_year = "2026".into();
    assert_eq!(
        field(store.write(|txn| edit_teacher_outcome(txn, &stored, &later))),
        "school year"
    );
    later.school_year = "2026-27".into();
    later.hired = d(2026, 9, 1);
    store
        .write(|txn| edit_teacher_outcome(txn, &stored, &later))
        .unwrap();
    store.write(|txn| remove_teacher_outcome(txn, id)).unwrap();
    assert_eq!(
        store.load().unwrap().0.teacher_outcomes.len(),
        data.teacher_outcomes.len()
    );
}

#[test]
fn a_pdo_roster_and_teacher_outcomes_into_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.redb");
    assert_eq!(run(&db, &["init"]).0, 0);
    let roster = fixture("pdo_roster.csv");
    let roster = roster.to_str().unwrap();

    let (code, out, err) = run(&db, &["import", "pl-roster", roster, "--dry-run"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.ends_with("imported 4, duplicates skipped 1, rejected 3 (dry run: nothing stored)\n"),
        "{out}"
    );
    assert_eq!(Store::open(&db).unwrap().load().unwrap().0.record_count(), 0);

    let (code, out, err) = run(&db, &["import", "pl-roster", roster]);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("line 7: date: \"11/31/2026\" is not a date"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("line 8: course_number: no offering has the course number 99999"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("line 9: no employee has that employee id or email"),
        "{out}"
    );
    assert!(
        out.contains("new offering added (please review): 92883 Grow Your Career with MCPS"),
        "{out}"
    );
    assert!(
        out.contains("new offering added (please review): 87524 How to Become a Teacher Webinar"),
        "{out}"
    );
    assert!(
        out.contains("new session added: course 87524 on 2026-11-12"),
        "{out}"
    );
    assert!(
        out.contains("new people added (please review their details): 3"),
        "{out}"
    );
    assert_eq!(
        lines.last().unwrap(),
        &"imported 4, duplicates skipped 1, rejected 3"
    );
    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    assert_eq!(
        (
            data.offerings.len(),
            data.pl_sessions.len(),
            data.employees.len(),
            data.pl_attendance.len()
        ),
        (2, 2, 3, 4)
    );
    let alma = data
        .employees
        .iter()
        .find(|e| e.email == "alma.dunmore@district.example.org")
        .unwrap();
    assert_eq!(
        (alma.first_name.as_str(), alma.last_name.as_str()),
        ("Alma", "Dunmore")
    );
    let webinar = data
        .pl_sessions
        .iter()
        .find(|s| s.date == d(2026, 11, 12))
        .unwrap();
    assert_eq!(webinar.start, t(16, 30));
    // A repeat changes nothing.
    let (code, out, _) = run(&db, &["import", "pl-roster", roster]);
    assert_eq!(code, 1);
    assert!(
        out.ends_with("imported 0, duplicates skipped 5, rejected 3\n"),
        "{out}"
    );

    // The people the roster added become teachers.
    let outcomes = fixture("teacher_outcomes.csv");
    let (code, out, _) = run(&db, &["import", "teacher-outcomes", outcomes.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.starts_with("line 4: employee_number: no employee has the id 100999\n"),
        "{out}"
    );
    assert!(
        out.ends_with("imported 2, duplicates skipped 1, rejected 1\n"),
        "{out}"
    );
    let (code, out, _) = run(&db, &["export", "teacher-outcomes"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().next().unwrap(),
        "id,employee_id,employee_number,name,hired,school_year,partner_program"
    );
    assert!(
        out.contains(",100111,Wendell Okafor,2026-08-20,2026-27,Para-to-Teacher (Montgomery College)"),
        "{out}"
    );

    // Metrics: FY26 one teacher, FY27 one so far; the roster's sessions are PL.
    let (code, out, _) = run(&db, &["report", "monthly"]);
    assert_eq!(code, 0);
    assert!(
        flat(&out).contains("Became teachers by fiscal year: FY26 1 · FY27 1 so far;"),
        "{out}"
    );
    let row = |label: &str| -> Vec<String> {
        out.lines().find(|l| l.starts_with(label)).unwrap()[label.len()..]
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(row("PL attendance (people)")[4], "4", "November's PL: {out}");
    assert_eq!(row("Became teachers")[1], "1", "August: {out}");
}

/// The report's text with its wrapped lines joined (it wraps at 100 columns).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
