//! `import KIND FILE` for every kind the engine reads, on real redb files: each kind's bad input
//! (an unknown reference, a bad date or value, a duplicate) by line, a repeat that changes
//! nothing, and one property over all kinds (whatever the cells, the counts add up, nothing
//! unclean is stored, a second import adds nothing).
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::export::{Ctx, write};
use pathways_core::import::{Outcome, import_kind, kinds};
use pathways_core::store::Store;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One kind's bad rows: (column, value, what the reason says) for a reference that names nothing
/// (or a value that is no choice) and for a date (or a number) that cannot be read.
struct Case {
    kind: &'static str,
    reference: (&'static str, &'static str, &'static str),
    date: (&'static str, &'static str, &'static str),
}

const NOBODY: (&str, &str, &str) = ("employee_number", "999999", "no employee has the id 999999");
const NOWHERE: &str = "no location has that name";
const NOT_A_DATE: &str = "is not a date";

const CASES: &[Case] = &[
    Case {
        kind: "locations",
        reference: (
            "kind",
            "castle",
            "kind: \"castle\" is not one of: elementary school",
        ),
        date: ("employees", "-5", "employees: \"-5\" is not a whole number"),
    },
    Case {
        kind: "closures",
        reference: ("date", "2026-11-28", "a weekend is never a working day"),
        date: ("date", "Thanksgiving", NOT_A_DATE),
    },
    Case {
        kind: "chapters",
        reference: ("name", "N/A", "\"N/A\" is not a chapter"),
        date: ("name", "", "name is empty"),
    },
    Case {
        kind: "owners",
        reference: ("name", "", "name is empty"),
        date: (
            "name",
            "A name far too long for a list of the team's members, over eighty characters long",
            "at most 80 characters",
        ),
    },
    Case {
        kind: "popups",
        reference: ("location", "Nowhere Academy", NOWHERE),
        date: ("date", "2025-02-30", NOT_A_DATE),
    },
    Case {
        kind: "consultations",
        reference: NOBODY,
        date: ("date", "13/45/2024", NOT_A_DATE),
    },
    Case {
        kind: "mentors",
        reference: NOBODY,
        date: ("joined", "soon", NOT_A_DATE),
    },
    Case {
        kind: "pairs",
        reference: (
            "mentee_number",
            "999999",
            "mentee_number: no employee has the id 999999",
        ),
        date: ("started", "2025-13-01", NOT_A_DATE),
    },
    Case {
        kind: "logs",
        reference: (
            "mentor_number",
            "999999",
            "mentor_number: no employee has the id 999999",
        ),
        date: ("submitted", "yesterday", NOT_A_DATE),
    },
    Case {
        kind: "ambassadors",
        reference: ("primary_location", "Nowhere Academy", NOWHERE),
        date: ("tenure_start", "2026-02-30", NOT_A_DATE),
    },
    Case {
        kind: "ambassador-sessions",
        reference: (
            "attendee_ambassador_ids",
            "6; 9999",
            "no ambassadors record has the id 9999",
        ),
        date: ("date", "15/07/2025", NOT_A_DATE),
    },
    Case {
        kind: "cohorts",
        reference: ("fiscal_year", "next year", "is not a fiscal year"),
        date: (
            "min_sessions",
            "six",
            "min_sessions: \"six\" is not a whole number",
        ),
    },
    Case {
        kind: "participants",
        reference: NOBODY,
        date: ("status", "graduated", "status: \"graduated\" is not one of"),
    },
    Case {
        kind: "sessions",
        reference: ("fiscal_year", "2099", "fiscal_year: there is no FY99 cohort"),
        date: ("date", "2024-10-32", NOT_A_DATE),
    },
    Case {
        kind: "attendance",
        reference: NOBODY,
        date: ("session_date", "30/10/2024", NOT_A_DATE),
    },
    Case {
        kind: "waitlist",
        reference: NOBODY,
        date: ("joined", "2024-9", NOT_A_DATE),
    },
    Case {
        kind: "offerings",
        reference: (
            "teacher_pathway",
            "maybe",
            "teacher_pathway: \"maybe\" is not yes or no",
        ),
        date: ("course_number", "92 883", "a PDO course number has no spaces"),
    },
    Case {
        kind: "pl-sessions",
        reference: (
            "course_number",
            "00000",
            "no offering has the course number 00000",
        ),
        date: ("date", "2024-07-32", NOT_A_DATE),
    },
    Case {
        kind: "pl-attendance",
        reference: NOBODY,
        date: ("date", "July 10", NOT_A_DATE),
    },
    Case {
        kind: "teacher-outcomes",
        reference: NOBODY,
        date: ("hired", "2025-02-29", NOT_A_DATE),
    },
];

/// The demo database, built once; each test works on its own copy.
fn demo_template() -> &'static Path {
    static TEMPLATE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = common::demo_file(dir.path());
        (dir, path)
    });
    path
}

fn demo_copy() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.redb");
    std::fs::copy(demo_template(), &path).unwrap();
    let store = Store::open(&path).unwrap();
    (dir, path, store)
}

/// `export KIND` of `data` as (header, rows).
fn export(data: &Dataset, kind: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let ctx = Ctx {
        data,
        private: false,
        confidential: true,
    };
    let mut bytes = Vec::new();
    write(&ctx, kind, &mut bytes).unwrap();
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn sheet(header: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

fn import_bytes(store: &Store, dir: &Path, kind: &str, bytes: &[u8]) -> Outcome {
    let file = dir.join(format!("{kind}.csv"));
    std::fs::write(&file, bytes).unwrap();
    import_kind(store, kinds::by_name(kind).unwrap(), &file, false).unwrap()
}

fn count(data: &Dataset, kind: &str) -> usize {
    let (_, rows) = export(data, kind);
    let ids: std::collections::BTreeSet<&String> = rows.iter().map(|r| &r[0]).collect();
    ids.len()
}

/// Removes one record of `kind`, so its exported row is new again.
fn remove(store: &Store, kind: &str, id: Id) {
    store
        .write(|txn| {
            match kind {
                "locations" => txn.delete::<Location>(id),
                "closures" => txn.delete::<Closure>(id),
                "chapters" => txn.delete::<Chapter>(id),
                "owners" => txn.delete::<Owner>(id),
                "popups" => txn.delete::<PopUpEvent>(id),
                "consultations" => txn.delete::<Consultation>(id),
                "mentors" => txn.delete::<Mentor>(id),
                "pairs" => txn.delete::<MentoringPair>(id),
                "logs" => txn.delete::<MentorLog>(id),
                "ambassadors" => txn.delete::<Ambassador>(id),
                "ambassador-sessions" => txn.delete::<AmbassadorSession>(id),
                "cohorts" => txn.delete::<Cohort>(id),
                "participants" => txn.delete::<Participant>(id),
                "sessions" => txn.delete::<LeadershipSession>(id),
                "attendance" => txn.delete::<AttendanceMark>(id),
                "waitlist" => txn.delete::<WaitlistEntry>(id),
                "offerings" => txn.delete::<Offering>(id),
                "pl-sessions" => txn.delete::<PlSession>(id),
                "pl-attendance" => txn.delete::<PlAttendance>(id),
                "teacher-outcomes" => txn.delete::<TeacherOutcome>(id),
                other => panic!("no remove for {other}"),
            }
            .map(|_| ())
        })
        .unwrap();
}

#[test]
fn every_kind_names_each_bad_row_and_skips_duplicates() {
    let names = kinds::names();
    for case in CASES {
        assert!(names.contains(&case.kind), "{} is not importable", case.kind);
    }
    for name in names {
        if !["intake-settings", "reference-populations"].contains(&name) {
            assert!(
                CASES.iter().any(|c| c.kind == name),
                "{name} has no bad-input case"
            );
        }
    }
    for case in CASES {
        let (dir, _path, store) = demo_copy();
        let (data, _) = store.load().unwrap();
        let (header, rows) = export(&data, case.kind);
        let total = count(&data, case.kind);
        let first = rows[0].clone();
        remove(&store, case.kind, first[0].parse().unwrap());
        let col = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{}: no column {name}", case.kind))
        };
        let with = |(name, value, _): (&str, &str, &str)| {
            let mut row = first.clone();
            row[col(name)] = value.to_string();
            row
        };
        // Line 2 is new again, line 3 repeats it, line 4 names nothing, line 5 has a bad date.
        let bytes = sheet(
            &header,
            &[
                first.clone(),
                first.clone(),
                with(case.reference),
                with(case.date),
            ],
        );
        let outcome = import_bytes(&store, dir.path(), case.kind, &bytes);
        let what = format!("{}: {:?}", case.kind, outcome);
        assert_eq!((outcome.imported, outcome.duplicates), (1, 1), "{what}");
        let lines: Vec<u64> = outcome.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, [4, 5], "{what}");
        assert!(outcome.rejected[0].reason.contains(case.reference.2), "{what}");
        assert!(outcome.rejected[1].reason.contains(case.date.2), "{what}");
        let (after, _) = store.load().unwrap();
        assert_eq!(count(&after, case.kind), total, "{what}");
        // A repeat changes nothing: the new row is now a duplicate, the bad ones are bad again.
        let again = import_bytes(&store, dir.path(), case.kind, &bytes);
        assert_eq!(
            (again.imported, again.duplicates, again.rejected.len()),
            (0, 2, 2),
            "{what}"
        );
        // So does the kind's whole export.
        let (_, all_rows) = export(&after, case.kind);
        let whole = import_bytes(&store, dir.path(), case.kind, &sheet(&header, &all_rows));
        assert_eq!(whole.imported, 0, "{}: {whole:?}", case.kind);
        assert!(whole.rejected.is_empty(), "{}: {whole:?}", case.kind);
    }
}

#[test]
fn references_by_the_keys_a_spreadsheet_has() {
    let (dir, _path, store) = demo_copy();
    let (data, _) = store.load().unwrap();
    let ana = &data.employees[3];
    let course = data
        .offerings
        .iter()
        .find(|o| o.course_number == "91979")
        .unwrap();
    let session = data
        .pl_sessions
        .iter()
        .find(|s| s.offering_id == course.id)
        .unwrap();
    // A team's own sheet: its own headers, no internal ids, an email for one person, a
    // leading zero dropped for another.
    let number = ana.employee_number.trim_start_matches('0');
    let csv = format!(
        "Course #,Session Date,Employee ID,Email\n\
         91979,{date},{number},\n\
         91979,{date},,{email}\n",
        date = session.date.format("%m/%d/%Y"),
        email = data.employees[4].email.to_uppercase(),
    );
    let before = data.pl_attendance.len();
    let outcome = import_bytes(&store, dir.path(), "pl-attendance", csv.as_bytes());
    let (after, _) = store.load().unwrap();
    let new: Vec<&PlAttendance> = after.pl_attendance[before..].iter().collect();
    let who: Vec<Id> = new.iter().map(|a| a.employee_id).collect();
    let attended = |e: Id| {
        data.pl_attendance
            .iter()
            .any(|a| a.pl_session_id == session.id && a.employee_id == e)
    };
    let expected: Vec<Id> = [ana.id, data.employees[4].id]
        .into_iter()
        .filter(|e| !attended(*e))
        .collect();
    assert_eq!(who, expected, "{outcome:?}");
    assert!(new.iter().all(|a| a.pl_session_id == session.id));
    // An internal id that disagrees with the person's own id is refused: a file from another
    // database cannot attach rows to the wrong people.
    let csv = format!(
        "pl_session_id,employee_id,employee_number\n{},{},{}\n",
        session.id, data.employees[5].id, ana.employee_number
    );
    let outcome = import_bytes(&store, dir.path(), "pl-attendance", csv.as_bytes());
    assert_eq!(outcome.rejected.len(), 1, "{outcome:?}");
    assert!(
        outcome.rejected[0].reason.contains("name different records"),
        "{outcome:?}"
    );
}

#[test]
fn an_unknown_location_is_listed_with_the_closest_names_not_added() {
    let (dir, _path, store) = demo_copy();
    let csv = "date,location,note\n2026-12-02,Blair High School,lobby\n2026-12-03,blair,lobby\n\
               2026-12-04,Blair Hgh Schol,lobby\n";
    let outcome = import_bytes(&store, dir.path(), "popups", csv.as_bytes());
    assert_eq!(outcome.imported, 2, "{outcome:?}");
    assert_eq!(outcome.rejected.len(), 1, "{outcome:?}");
    assert_eq!(outcome.rejected[0].line, 4);
    assert!(
        outcome.rejected[0].reason.contains("closest: Blair High School"),
        "{outcome:?}"
    );
    assert_eq!(outcome.review.len(), 1, "{outcome:?}");
    assert!(
        outcome.review[0].starts_with(
            "unknown location (not added; please review): Blair Hgh Schol (closest: Blair High School"
        ),
        "{outcome:?}"
    );
    let (data, _) = store.load().unwrap();
    assert!(
        !data
            .locations
            .iter()
            .any(|l| l.name.to_lowercase().contains("hgh"))
    );
    let blair = data
        .locations
        .iter()
        .find(|l| l.name == "Blair High School")
        .unwrap();
    assert_eq!(
        data.popups
            .iter()
            .filter(|p| p.location_id == blair.id && p.date.to_string().starts_with("2026-12"))
            .count(),
        2
    );
}

#[test]
fn settings_and_reference_populations() {
    let (dir, _path, store) = demo_copy();
    let outcome = import_bytes(&store, dir.path(), "settings", b"Overdue Working Days\n7\n");
    assert_eq!(outcome.imported, 1, "{outcome:?}");
    let outcome = import_bytes(
        &store,
        dir.path(),
        "intake-settings",
        b"overdue_working_days\n9\n0\n",
    );
    assert_eq!(
        (outcome.imported, outcome.duplicates),
        (0, 1),
        "one set of settings"
    );
    assert!(
        outcome.rejected[0].reason.contains("between 1 and 60"),
        "{outcome:?}"
    );
    let csv = "name,dimension,group,people\n\
               All support staff,race,White,3000\n\
               All support staff,race,Hispanic,2500\n\
               All support staff,chapter,Paraeducators,2400\n\
               All support staff,race,White,3100\n\
               Students,planets,Mars,1\n";
    // `import reference-populations` is its own importer; `import all` reads the file through
    // the engine's kind, tested here.
    let file = dir.path().join("reference-populations.csv");
    std::fs::write(&file, csv).unwrap();
    let kind = kinds::ALL
        .iter()
        .copied()
        .find(|k| k.name() == "reference-populations")
        .unwrap();
    let outcome = import_kind(&store, kind, &file, false).unwrap();
    assert_eq!((outcome.imported, outcome.absorbed), (1, 2), "{outcome:?}");
    let lines: Vec<u64> = outcome.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, [5, 6], "{outcome:?}");
    assert!(
        outcome.rejected[0].reason.contains("counted twice"),
        "{outcome:?}"
    );
    let (data, _) = store.load().unwrap();
    let all = data
        .reference_populations
        .iter()
        .find(|p| p.name == "All support staff")
        .unwrap();
    assert_eq!(all.people(Dimension::Race, "Hispanic"), Some(2500));
    assert_eq!(all.people(Dimension::Chapter, "Paraeducators"), Some(2400));
    assert_eq!(all.groups.len(), 3);
}

#[test]
fn a_file_that_is_no_such_sheet_is_refused_whole() {
    let (dir, _path, store) = demo_copy();
    let file = dir.path().join("x.csv");
    std::fs::write(&file, "name,size\nBlair,big\n").unwrap();
    let err = import_kind(&store, kinds::by_name("pl-sessions").unwrap(), &file, false).unwrap_err();
    let err = err.to_string();
    assert!(
        err.contains("not a pl-sessions sheet: missing column(s) date, course_number"),
        "{err}"
    );
    assert!(
        kinds::by_name("employees").is_none(),
        "import employees is the people module's"
    );
    assert!(
        kinds::by_name("intakes").is_none(),
        "import intakes is the intake form's"
    );
    assert!(kinds::by_name("mentor_logs").is_some());
}

/// Cells a spreadsheet (or someone hostile) may hold.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("x".to_string()),
        Just("-5".to_string()),
        Just("1e3".to_string()),
        Just("2025-02-30".to_string()),
        Just("999999".to_string()),
        Just("T\u{1b}]0;TITLE\u{7}".to_string()),
        Just("Ana\u{202e}lehcaR\u{200b}".to_string()),
        Just("=HYPERLINK(\"x\")".to_string()),
        Just("'=1+1".to_string()),
        Just("yes".to_string()),
        Just("1; 2; 3".to_string()),
        "\\PC{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Over every kind: rows of its own export, repeated, reordered and with cells replaced.
    /// Every row is counted once (imported, duplicate, merged or rejected), the kind grows by
    /// what was imported, no stored text keeps a control or invisible character, and importing
    /// the same file again adds nothing.
    #[test]
    fn any_rows_of_any_kind(
        kind in 0usize..64,
        picks in proptest::collection::vec(0usize..1000, 1..12),
        edits in proptest::collection::vec((0usize..12, 0usize..32, nasty()), 0..10),
    ) {
        let names = kinds::names();
        let kind = names[kind % names.len()];
        let (dir, _path, store) = demo_copy();
        let (data, _) = store.load().unwrap();
        let (header, all_rows) = export(&data, kind);
        prop_assume!(!all_rows.is_empty());
        let mut rows: Vec<Vec<String>> = picks.iter().map(|p| all_rows[p % all_rows.len()].clone()).collect();
        for (r, c, value) in edits {
            let r = r % rows.len();
            let c = c % header.len();
            rows[r][c] = value;
        }
        let counted_rows = rows.iter().filter(|r| !r.iter().all(|c| c.trim().is_empty())).count();
        let bytes = sheet(&header, &rows);
        let before = count(&data, kind);
        let outcome = import_bytes(&store, dir.path(), kind, &bytes);
        prop_assert_eq!(
            outcome.imported + outcome.duplicates + outcome.absorbed + outcome.rejected.len(),
            counted_rows,
            "{}: {:?}", kind, outcome
        );
        let (after, _) = store.load().unwrap();
        prop_assert_eq!(count(&after, kind), before + outcome.imported);
        let (_, now) = export(&after, kind);
        let added: Vec<&Vec<String>> = now.iter().filter(|r| !all_rows.iter().any(|o| o[0] == r[0])).collect();
        for r in added {
            for cell in r {
                prop_assert!(!pathways_core::text::needs_cleaning(cell, pathways_core::text::Field::Note), "{:?}", cell);
            }
        }
        let again = import_bytes(&store, dir.path(), kind, &bytes);
        prop_assert_eq!(again.imported, 0, "{}: {:?}", kind, again);
        let (twice, _) = store.load().unwrap();
        prop_assert_eq!(count(&twice, kind), count(&after, kind));
    }
}

/// From an empty database, as a team brings its sites: a size left empty stays unknown (shown as
/// such by find, an empty cell in the export), a size given is kept.
#[test]
fn a_location_imported_without_a_size_stays_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.redb");
    assert_eq!(common::run(&db, &["init"]).0, 0);
    let csv = dir.path().join("sites.csv");
    std::fs::write(
        &csv,
        "Location Name,Type,Employee Count\nAnnex A,office,\nAnnex B,depot,12\n",
    )
    .unwrap();
    let (code, out, err) = common::run(&db, &["import", "locations", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    let (_, found, _) = common::run(&db, &["find", "annex"]);
    assert!(found.contains("office · size unknown"), "{found}");
    assert!(found.contains("depot · 12 employees"), "{found}");
    let (_, exported, _) = common::run(&db, &["export", "locations"]);
    assert!(exported.contains(",Annex A,office,\n"), "{exported}");
    assert!(exported.contains(",Annex B,depot,12\n"), "{exported}");
}
