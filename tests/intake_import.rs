//! `import intakes` and `export intakes` against the real binary and the real importer, on real
//! redb files, with one fixture per rule (tests/fixtures/import/).
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use pathways_core::domain::*;
use pathways_core::import::intakes::{ImportError, import, import_on, write_csv};
use pathways_core::store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn empty_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.redb");
    let store = Store::create_new(&path).unwrap();
    (dir, path, store)
}

/// Runs the binary: (exit code, stdout, stderr).
fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(common::binary())
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn import_cli(db: &Path, file: &Path, dry: bool) -> (i32, String, String) {
    let f = file.to_str().unwrap();
    if dry {
        run(db, &["import", "intakes", f, "--dry-run"])
    } else {
        run(db, &["import", "intakes", f])
    }
}

fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn headers_by_name_dates_services_and_new_reference_entries() {
    let (_dir, path, store) = empty_store();
    drop(store);
    let (code, out, _) = import_cli(&path, &fixture("basic.csv"), false);
    assert_eq!(code, 0, "{out}");
    let last = out.lines().last().unwrap();
    assert_eq!(last, "imported 3, duplicates skipped 0, rejected 0");
    // An empty database knows no place: the names are listed for review, never added with a
    // guessed type.
    assert!(
        out.contains(
            "unknown location (not added; please review): Lincoln Elementary (no location has that name)"
        ),
        "{out}"
    );
    assert!(
        out.contains("unknown location (not added; please review): North Depot"),
        "{out}"
    );
    assert!(
        out.contains("new chapter added (please review): Transportation"),
        "{out}"
    );
    // Lincoln Elementary appears twice but is listed once.
    assert_eq!(out.matches("Lincoln Elementary").count(), 1, "{out}");

    let (data, _) = Store::open(&path).unwrap().load().unwrap();
    assert_eq!(data.intakes.len(), 3);
    assert_eq!(data.employees.len(), 3);
    assert_eq!(data.locations.len(), 0);
    let received: Vec<_> = data.intakes.iter().map(|i| i.received).collect();
    assert_eq!(received, vec![d(2024, 7, 15), d(2024, 7, 16), d(2024, 7, 17)]);
    assert_eq!(data.intakes[0].services, vec![Service::ResumeReview]);
    assert_eq!(
        data.intakes[1].services,
        vec![Service::TeacherPathway, Service::CareerCoaching]
    );
    assert_eq!(data.intakes[1].notes, "wants to teach");
    assert_eq!(
        data.intakes[2].services,
        vec![Service::GoalSetting, Service::Other]
    );
    assert_eq!(data.intakes[2].other_service, "pottery lessons");
    let ana = data.employee(data.intakes[0].employee_id).unwrap();
    assert_eq!(
        (
            ana.first_name.as_str(),
            ana.last_name.as_str(),
            ana.employee_number.as_str()
        ),
        ("Ana", "García", "100001")
    );
    assert_eq!(ana.chapter.as_deref(), Some("Paraeducators"));
    // The form knows the chapter it was given; the HR facts stay unknown.
    assert_eq!(
        (ana.status, ana.in_evaluation, ana.hire_date, ana.position_start),
        (None, None, None, None)
    );
    assert_eq!(ana.location_id, None, "unknown, not guessed");
    assert!(
        data.intakes
            .iter()
            .all(|i| i.status == IntakeStatus::Received && i.source == IntakeSource::Form)
    );
}

#[test]
fn bom_and_crlf() {
    let (_dir, _path, store) = empty_store();
    let s = import(&store, &fixture("bom_crlf.csv"), false).unwrap();
    assert_eq!((s.imported, s.duplicates, s.rejected.len()), (2, 0, 1));
    // CRLF line ends count as one line each; the first row spans lines 2-3.
    assert_eq!(
        s.rejected[0].to_string(),
        "line 5: Services: no service requested"
    );
    let (data, _) = store.load().unwrap();
    let names: Vec<String> = data.employees.iter().map(|e| e.full_name()).collect();
    assert_eq!(names, vec!["Zoë Brontë", "Ōta Kenji"]);
    // No stray \r on the last column, nor inside the quoted newline.
    assert_eq!(data.intakes[1].received, d(2024, 8, 2));
    assert_eq!(data.intakes[0].notes, "two\nlines");
    assert_eq!(data.employees[0].employee_number, "200001");
}

#[test]
fn quoted_commas_quotes_and_newlines_and_lines_counted_from_the_file() {
    let (_dir, _path, store) = empty_store();
    let s = import(&store, &fixture("quoted.csv"), false).unwrap();
    assert_eq!(s.imported, 3);
    assert_eq!(s.rejected.len(), 1);
    // The row with the bad date starts on physical line 6, after a row spanning lines 3-5.
    assert_eq!(
        s.rejected[0].to_string(),
        "line 6: Submitted: \"someday\" is not a date; type YYYY-MM-DD or M/D/YYYY"
    );
    let (data, _) = store.load().unwrap();
    assert_eq!(data.employees[0].last_name, "O'Brien, Jr.");
    assert_eq!(data.intakes[0].notes, "said \"call after 3pm\", not before");
    assert_eq!(data.intakes[1].notes, "first line\nsecond line\nthird line");
    // A line break inside a name is not kept: a name is one line.
    assert_eq!(data.employees[2].last_name, "Smith Jones");
    assert_eq!(s.cleaned.len(), 1);
    assert_eq!(
        s.cleaned[0].to_string(),
        "line 7: Last Name: removed control or invisible characters (the rest was kept)"
    );
}

#[test]
fn each_rejection_reason_by_line_and_nothing_of_a_bad_row_is_stored() {
    let (_dir, path, store) = empty_store();
    drop(store);
    let (code, out, _) = import_cli(&path, &fixture("rejects.csv"), false);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        vec![
            "line 3: needs an Employee ID or an Email; both are empty",
            "line 4: First Name is empty",
            "line 5: Last Name is empty",
            "line 6: Submitted: \"13/45/2024\" is not a date; type YYYY-MM-DD or M/D/YYYY",
            "line 7: Services: no service requested",
            "line 8: Email: the email given is not an email address (name@district.org)",
            "line 9: Submitted: a date is required (YYYY-MM-DD or M/D/YYYY)",
            "imported 2, duplicates skipped 0, rejected 7",
        ]
    );
    let (data, _) = Store::open(&path).unwrap().load().unwrap();
    assert_eq!(data.intakes.len(), 2);
    assert_eq!(data.employees.len(), 2);
    // The rejected row's new location was not added.
    assert!(data.locations.is_empty());
}

#[test]
fn a_repeated_row_and_a_reimport_add_nothing() {
    let (_dir, path, store) = empty_store();
    drop(store);
    let (code, out, _) = import_cli(&path, &fixture("repeat.csv"), false);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "imported 2, duplicates skipped 2, rejected 0");
    let (code, out, _) = import_cli(&path, &fixture("repeat.csv"), false);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "imported 0, duplicates skipped 4, rejected 0");
    let (_, out, _) = import_cli(&path, &fixture("basic.csv"), false);
    assert!(out.ends_with("imported 3, duplicates skipped 0, rejected 0\n"));
    let (_, out, _) = import_cli(&path, &fixture("basic.csv"), false);
    assert_eq!(out.trim(), "imported 0, duplicates skipped 3, rejected 0");
    let (data, _) = Store::open(&path).unwrap().load().unwrap();
    assert_eq!(data.intakes.len(), 5);
    // Rita is one person, matched by id and by email in any case; plus the three in basic.csv.
    assert_eq!(data.employees.len(), 4);
}

#[test]
fn a_file_that_cannot_be_read_exits_2_and_stores_nothing() {
    let (_dir, path, store) = empty_store();
    drop(store);
    let (code, out, err) = import_cli(&path, &fixture("wrong_headers.csv"), false);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        // `Name` is a whole name (Microsoft Forms writes one): found, so not missing.
        err.contains("missing columns Employee ID or Email, Submitted, Services"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");
    let (code, _, err) = import_cli(&path, Path::new("/nonexistent/intakes.csv"), false);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read it"), "{err}");
    let store = Store::open(&path).unwrap();
    assert!(matches!(
        import(&store, &fixture("wrong_headers.csv"), false),
        Err(ImportError::Unreadable { .. })
    ));
    assert_eq!(store.load().unwrap().0.record_count(), 0);
}

#[test]
fn dry_run_reports_and_stores_nothing() {
    let (_dir, path, store) = empty_store();
    drop(store);
    let (code, out, _) = import_cli(&path, &fixture("rejects.csv"), true);
    assert_eq!(code, 1);
    assert!(
        out.ends_with("imported 2, duplicates skipped 0, rejected 7 (dry run: nothing stored)\n"),
        "{out}"
    );
    let (data, _) = Store::open(&path).unwrap().load().unwrap();
    assert_eq!(data.record_count(), 0);
}

#[test]
fn blank_trailing_rows_are_ignored() {
    let (_dir, _path, store) = empty_store();
    let s = import(&store, &fixture("blank_rows.csv"), false).unwrap();
    assert_eq!((s.imported, s.rejected.len()), (1, 0));
}

#[test]
fn matches_existing_employees_and_locations_by_id_then_email() {
    let (_dir, path, store) = common::demo_store();
    let (before, _) = store.load().unwrap();
    let e = &before.employees[5];
    let loc = before
        .location(e.location_id.unwrap())
        .unwrap()
        .name
        .to_uppercase();
    let csv = format!(
        "Employee ID,First Name,Last Name,Email,Services,Submitted,Location\n\
         {},X,Y,,resume review,2019-01-02,{loc}\n\
         ,X,Y,{},goal setting,2019-01-03,\n",
        e.employee_number,
        e.email.to_uppercase()
    );
    let file = path.with_file_name("match.csv");
    std::fs::write(&file, csv).unwrap();
    let s = import(&store, &file, false).unwrap();
    assert_eq!((s.imported, s.new_employees), (2, 0));
    assert!(s.unknown_locations.is_empty());
    let (after, _) = store.load().unwrap();
    assert_eq!(after.employees.len(), before.employees.len());
    let new: Vec<_> = after
        .intakes
        .iter()
        .filter(|i| i.received.year_ce().1 == 2019)
        .collect();
    assert!(new.iter().all(|i| i.employee_id == e.id));
}

use chrono::Datelike;

#[test]
fn export_imports_back_into_an_empty_database_unchanged() {
    let (dir, path, store) = common::demo_store();
    // Values a spreadsheet would run as formulas, stored as a user typed them: they must come
    // back exactly, and be written so that a spreadsheet shows them as text.
    let hostile = Employee {
        id: 0,
        employee_number: "-77".into(),
        first_name: "=HYPERLINK(\"http://x.example\",\"click\")".into(),
        last_name: "+1".into(),
        email: "formula.test@district.org".into(),
        position: "-5".into(),
        location_id: None,
        chapter: Some(NO_CHAPTER.into()),
        race: Race::Unknown,
        hire_date: None,
        position_start: None,
        status: Some(EmploymentStatus::Permanent),
        in_evaluation: Some(false),
        retirement_date: None,
        supervisor_id: None,
    };
    store
        .write(|txn| {
            let mut e = hostile.clone();
            let id = txn.insert(&mut e)?;
            let mut it = Intake::new(
                id,
                chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
                IntakeSource::Form,
            );
            it.services = vec![Service::ResumeReview];
            it.owner = "@x".into();
            it.next_step = "'=x".into();
            it.notes = "\tindented first line\n=2+2 on the second".into();
            txn.insert(&mut it)?;
            Ok(())
        })
        .unwrap();
    drop(store);
    let out = dir.path().join("intakes.csv");
    let (code, _, err) = run(&path, &["export", "intakes", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // Never overwrites.
    let (code, _, _) = run(&path, &["export", "intakes", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 2);

    let empty = dir.path().join("empty.redb");
    let (code, _, _) = run(&empty, &["init"]);
    assert_eq!(code, 0);
    // The places come first (an intake import never adds one): the locations sheet, then the
    // intakes.
    let places = dir.path().join("locations.csv");
    let (code, _, err) = run(&path, &["export", "locations", "--out", places.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (code, report, _) = run(&empty, &["import", "locations", places.to_str().unwrap()]);
    assert_eq!(code, 0, "{report}");
    let (code, report, _) = import_cli(&empty, &out, false);
    assert_eq!(code, 0, "{report}");
    let (original, _) = Store::open(&path).unwrap().load().unwrap();
    assert!(report.ends_with(&format!(
        "imported {}, duplicates skipped 0, rejected 0\n",
        original.intakes.len()
    )));
    let (_, again, _) = run(&empty, &["export", "intakes"]);
    let first = std::fs::read_to_string(&out).unwrap();
    assert_eq!(first, again);
    // No cell of the file starts a formula; the hostile ones carry the leading apostrophe.
    let mut cells = Vec::new();
    for record in csv::Reader::from_reader(first.as_bytes()).records() {
        cells.extend(record.unwrap().iter().map(String::from));
    }
    assert!(
        !cells
            .iter()
            .any(|c| c.starts_with(['=', '+', '-', '@', '\t', '\r'])),
        "a live formula cell"
    );
    for v in [
        "'=HYPERLINK(\"http://x.example\",\"click\")",
        "'+1",
        "'-5",
        "'-77",
        "'@x",
        "''=x",
    ] {
        assert!(cells.iter().any(|c| c == v), "{v} missing");
    }
    let (copy, _) = Store::open(&empty).unwrap().load().unwrap();
    let back = copy.employees.iter().find(|e| e.email == hostile.email).unwrap();
    assert_eq!(
        (
            &back.first_name,
            &back.last_name,
            &back.position,
            &back.employee_number
        ),
        (
            &hostile.first_name,
            &hostile.last_name,
            &hostile.position,
            &hostile.employee_number
        )
    );

    // Field by field: every intake's own data came back.
    let (copy, _) = Store::open(&empty).unwrap().load().unwrap();
    assert_eq!(copy.intakes.len(), original.intakes.len());
    for (a, b) in original.intakes.iter().zip(&copy.intakes) {
        let (ea, eb) = (
            original.employee(a.employee_id).unwrap(),
            copy.employee(b.employee_id).unwrap(),
        );
        assert_eq!(ea.full_name(), eb.full_name());
        assert_eq!(ea.employee_number, eb.employee_number);
        let strip = |i: &Intake| Intake {
            id: 0,
            employee_id: 0,
            popup_event_id: i.popup_event_id.map(|_| 0),
            ..i.clone()
        };
        assert_eq!(strip(a), strip(b));
    }
}

#[test]
fn dates_after_today_and_steps_out_of_order_are_refused_by_line() {
    let (dir, _path, store) = empty_store();
    let file = dir.path().join("dates.csv");
    std::fs::write(
        &file,
        "Employee ID,First Name,Last Name,Submitted,Services,Status,Contacted\n\
         100001,Ana,Good,11/20/2026,resume review,,\n\
         100002,Ben,Future,2026-11-26,resume review,,\n\
         100003,Cy,Early,2026-11-10,resume review,contacted,2026-11-09\n\
         100004,Di,Later,2026-11-10,resume review,contacted,2026-12-01\n",
    )
    .unwrap();
    let today = d(2026, 11, 25);
    let s = import_on(&store, &file, false, today).unwrap();
    assert_eq!(s.imported, 1, "{:?}", s.lines());
    let lines = s.lines();
    assert_eq!(
        lines[0],
        "line 3: Submitted: 2026-11-26 is after today (2026-11-25); record what happened, when it happened"
    );
    assert_eq!(
        lines[1],
        "line 4: Contacted: before the step it follows (2026-11-10)"
    );
    assert!(
        lines[2].starts_with("line 5: Contacted: 2026-12-01 is after today"),
        "{lines:?}"
    );
    assert_eq!(
        store.load().unwrap().0.intakes.len(),
        1,
        "nothing of a refused row is stored"
    );
}

#[test]
fn ten_thousand_rows_in_one_transaction() {
    let (dir, _path, store) = empty_store();
    let file = dir.path().join("big.csv");
    std::fs::write(&file, pathways_core::demo::synthetic::intake_export(10_000)).unwrap();
    let start = std::time::Instant::now();
    let s = import(&store, &file, false).unwrap();
    let took = start.elapsed();
    assert_eq!(s.imported, 10_000);
    // Speed is measured by `cargo bench` (benches/pathways.rs), never asserted in a test.
    println!("10,000 rows imported in {took:?}");
    let again = import(&store, &file, false).unwrap();
    assert_eq!((again.imported, again.duplicates), (0, 10_000));
    assert_eq!(store.load().unwrap().0.intakes.len(), 10_000);
}

#[test]
fn write_csv_uses_the_import_headers() {
    let (_dir, _path, store) = common::demo_store();
    let (data, _) = store.load().unwrap();
    let mut buf = Vec::new();
    write_csv(&data, pathways_core::privacy::Mask::OFF, &mut buf).unwrap();
    let text = String::from_utf8(buf).unwrap();
    let header = text.lines().next().unwrap();
    for h in [
        "Employee ID",
        "First Name",
        "Last Name",
        "Email",
        "Position",
        "Location",
        "Chapter",
        "Services",
        "Submitted",
        "Notes",
        "Status",
        "Relationship Established",
    ] {
        assert!(header.split(',').any(|c| c == h), "{h} missing from {header}");
    }
}

#[test]
fn a_row_that_is_not_utf8_is_rejected_alone_and_an_empty_file_is_unreadable() {
    let (_dir, path, store) = empty_store();
    let s = import(&store, &fixture("not_utf8.csv"), false).unwrap();
    assert_eq!(s.imported, 1);
    assert_eq!(
        s.rejected[0].to_string(),
        "line 2: not UTF-8 text; save the file as CSV UTF-8"
    );
    drop(store);
    let (code, _, err) = import_cli(&path, &fixture("empty.csv"), false);
    assert_eq!(code, 2);
    assert!(err.contains("the file is empty"), "{err}");
}

#[test]
fn a_blank_line_between_rows_keeps_the_line_numbers_right() {
    let (_dir, _path, store) = empty_store();
    let s = import(&store, &fixture("blank_line_inside.csv"), false).unwrap();
    assert_eq!(s.imported, 1);
    assert_eq!(
        s.rejected[0].to_string(),
        "line 4: Submitted: \"later\" is not a date; type YYYY-MM-DD or M/D/YYYY"
    );
}

#[test]
fn a_person_without_a_chapter_is_unknown_not_na() {
    let (dir, path, store) = empty_store();
    drop(store);
    let file = dir.path().join("no_chapter.csv");
    std::fs::write(
        &file,
        "Employee ID,First Name,Last Name,Submitted,Services,Chapter\n\
         100001,Ana,Garcia,2024-07-15,resume review,\n\
         100002,Bo,Lee,2024-07-15,resume review,N/A\n",
    )
    .unwrap();
    let (code, out, _) = import_cli(&path, &file, false);
    assert_eq!(code, 0, "{out}");
    let (data, _) = Store::open(&path).unwrap().load().unwrap();
    let chapter = |n: &str| {
        data.employees
            .iter()
            .find(|e| e.employee_number == n)
            .unwrap()
            .chapter_label()
            .to_string()
    };
    assert_eq!(chapter("100001"), "unknown");
    assert_eq!(chapter("100002"), "N/A");
}
