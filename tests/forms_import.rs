//! Form services' exports imported as they come, through the real binary: Google Forms
//! (`Timestamp`, `Email Address`), Microsoft Forms (`ID, Start time, Completion time, Email,
//! Name`, two-digit years, `anonymous`), newer Google Forms (`2026/11/20 9:05:33 AM GMT-5`), any
//! other header named with `--map`, the booklet's service words, and locations found by the one
//! matcher (`Blair` is Blair High School; a name it cannot place is listed, not added).
//! Fixtures: tests/fixtures/forms/.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use common::run;
use pathways_core::domain::*;
use pathways_core::store::Store;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/forms")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

/// A new database holding the three places of tests/fixtures/forms/locations.csv.
fn with_places(dir: &Path) -> PathBuf {
    let db = dir.join("forms.redb");
    assert_eq!(run(&db, &["init"]).0, 0);
    let (code, out, err) = run(&db, &["import", "locations", &fixture("locations.csv")]);
    assert_eq!(code, 0, "{out}{err}");
    db
}

fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn google_microsoft_and_newer_google_exports_as_they_come() {
    let dir = tempfile::tempdir().unwrap();
    let db = with_places(dir.path());

    // Google Forms: the questions are the form's own; the one a column cannot be found for is
    // named, and --map names it.
    let (code, _, err) = run(&db, &["import", "intakes", &fixture("google_forms.csv")]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("missing column Services; name another header with --map"),
        "{err}"
    );
    let google = [
        "import",
        "intakes",
        &fixture("google_forms.csv"),
        "--map",
        "Services=Which services would you like?",
        "--map",
        "location=Work location",
        "--map",
        "Notes=Anything else we should know?",
    ];
    let (code, out, err) = run(&db, &google);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        "unknown location (not added; please review): Blair Hgh Schol (no location has that name; \
         closest: Blair High School, Rolling Terrace Elementary School)\nimported 3, duplicates \
         skipped 0, rejected 0\n"
    );

    // Microsoft Forms: read as it comes; Ana's second submission of the same day is a duplicate,
    // "anonymous" is no email, "Okafor, Wendell" is one name.
    let (code, out, err) = run(&db, &["import", "intakes", &fixture("microsoft_forms.csv")]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "imported 2, duplicates skipped 1, rejected 0\n");

    // Newer Google Forms: the timestamp with its zone is the submitted date...
    let newer = fixture("google_forms_new.csv");
    let (code, out, _) = run(&db, &["import", "intakes", &newer]);
    assert_eq!(code, 0);
    assert_eq!(out, "imported 1, duplicates skipped 1, rejected 0\n");
    // ...unless another question is named as Submitted.
    let (code, out, _) = run(
        &db,
        &[
            "import",
            "intakes",
            &newer,
            "--map",
            "Submitted=When did you apply?",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(out, "imported 1, duplicates skipped 1, rejected 0\n");

    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    let person = |last: &str| data.employees.iter().find(|e| e.last_name == last).unwrap();
    let intakes_of =
        |e: &Employee| -> Vec<&Intake> { data.intakes.iter().filter(|i| i.employee_id == e.id).collect() };
    assert_eq!(data.employees.len(), 5, "Ana, Kofi, Wendell, Lena, Mae");
    assert_eq!(data.locations.len(), 3, "no place was added");

    let ana = person("García");
    assert_eq!(data.location_name(ana.location_id), "Blair High School");
    let received: Vec<_> = intakes_of(ana).iter().map(|i| i.received).collect();
    assert_eq!(received, [d(2026, 11, 20), d(2026, 11, 19)]);
    let first = intakes_of(ana)[0];
    assert_eq!(first.services, [Service::ResumeReview, Service::InterviewPrep]);
    assert_eq!(first.notes, "Mornings are best");

    let kofi = person("Ines");
    assert_eq!(kofi.email, "kofi.ines@district.example.org");
    assert_eq!(data.location_name(kofi.location_id), "Shady Grove Bus Depot");
    assert_eq!(
        intakes_of(kofi)[0].services,
        [
            Service::GoalSetting,
            Service::CareerCoaching,
            Service::TeacherPathway
        ]
    );

    let wendell = person("Okafor");
    assert_eq!(wendell.location_id, None, "an unknown place stays unknown");
    let w: Vec<&Intake> = intakes_of(wendell);
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].services, [Service::TeacherPathway, Service::Other]);
    assert_eq!(w[0].other_service, "Something else entirely");
    assert_eq!(
        (w[1].received, w[1].services.as_slice()),
        (d(2026, 11, 20), &[Service::CareerCoaching][..])
    );

    let lena = person("Holloway");
    assert_eq!(lena.first_name, "Lena");
    assert_eq!(
        intakes_of(lena)[0].services,
        [Service::TeacherPathway, Service::GoalSetting]
    );
    let mae = person("Stone");
    assert_eq!(
        intakes_of(mae)[0].services,
        [Service::InterviewPrep, Service::ResumeReview]
    );
}

#[test]
fn a_map_that_names_nothing_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = with_places(dir.path());
    let file = fixture("google_forms_new.csv");
    let (code, _, err) = run(
        &db,
        &[
            "import",
            "intakes",
            &file,
            "--map",
            "Submited=When did you apply?",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("is not a column the intake import reads; one of: Employee ID"),
        "{err}"
    );
    let (code, _, err) = run(
        &db,
        &["import", "intakes", &file, "--map", "Submitted=Applied on"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("the file has no such column"), "{err}");
    let (code, _, err) = run(&db, &["import", "locations", &file, "--map", "Submitted=x"]);
    assert_eq!(code, 2);
    assert!(err.contains("--map is for `import intakes`"), "{err}");
    assert_eq!(Store::open(&db).unwrap().load().unwrap().0.intakes.len(), 0);
}
