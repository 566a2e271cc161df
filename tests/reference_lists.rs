//! The program's small reference lists from the real binary on real files: chapters (add, rename,
//! merge a typo into the right one, remove), owners, and reference populations in and out.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_core::domain::*;
use pathways_core::store::Store;

fn person(number: &str, chapter: Option<&str>) -> Employee {
    let mut e = Employee::unknown(
        number.into(),
        "Test".into(),
        format!("Person{number}"),
        String::new(),
    );
    e.chapter = chapter.map(str::to_string);
    e
}

fn store_with_people() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.redb");
    let store = Store::create_new(&path).unwrap();
    store
        .write(|txn| {
            txn.insert(&mut Chapter {
                id: 0,
                name: "Paraeducators".into(),
            })?;
            for (n, c) in [
                ("1", Some("Paraeducators")),
                ("2", Some("Paraeducatros")),
                ("3", Some("paraeducatros")),
                ("4", Some(NO_CHAPTER)),
                ("5", None),
                ("6", Some("Fiscal")),
            ] {
                txn.insert(&mut person(n, c))?;
            }
            let mut intake = Intake::new(
                1,
                chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap(),
                IntakeSource::Form,
            );
            intake.services.push(Service::ResumeReview);
            intake.owner = "Maria".into();
            txn.insert(&mut intake)?;
            intake.owner = "maria ".into();
            txn.insert(&mut intake)?;
            Ok(())
        })
        .unwrap();
    (dir, path)
}

fn chapters_of(path: &std::path::Path) -> Vec<Option<String>> {
    let (data, _) = Store::open(path).unwrap().load().unwrap();
    data.employees.iter().map(|e| e.chapter.clone()).collect()
}

#[test]
fn a_typo_chapter_merges_into_the_right_one_moving_every_person() {
    let (_dir, db) = store_with_people();
    let (code, out, _) = run(&db, &["chapters"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Fiscal (1 people)\nParaeducators (1 people)\nParaeducatros (2 people)\n\
         N/A (1 people; outside the union)\nunknown: 1 people without a chapter yet\n"
    );
    let (code, out, err) = run(&db, &["chapters", "merge", "PARAEDUCATROS", "paraeducators"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "merged chapter \"PARAEDUCATROS\" into \"paraeducators\" (2 people moved)\n"
    );
    let chapters = chapters_of(&db);
    assert_eq!(
        chapters
            .iter()
            .filter(|c| c.as_deref() == Some("Paraeducators"))
            .count(),
        3,
        "{chapters:?}"
    );
    // N/A and unknown are untouched by any of this.
    assert_eq!(chapters[3].as_deref(), Some(NO_CHAPTER));
    assert_eq!(chapters[4], None);
    let (_, out, _) = run(&db, &["chapters", "list"]);
    assert!(
        out.starts_with("Fiscal (1 people)\nParaeducators (3 people)\nN/A"),
        "{out}"
    );
}

#[test]
fn rename_add_and_remove_with_the_refusals_named() {
    let (_dir, db) = store_with_people();
    // "Fiscal" is carried by a person but not on the list yet: renaming it puts it there.
    let (code, out, err) = run(&db, &["chapters", "rename", "fiscal", "Fiscal Services"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(1 people rewritten)"), "{out}");
    assert_eq!(chapters_of(&db)[5].as_deref(), Some("Fiscal Services"));
    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    assert!(data.chapters.iter().any(|c| c.name == "Fiscal Services"));
    let before = Store::open(&db).unwrap().load().unwrap().0;
    for (args, says) in [
        (vec!["chapters", "add", "paraeducators"], "already on the list"),
        (vec!["chapters", "add", "N/A"], "not a chapter"),
        (vec!["chapters", "add", " "], "a chapter name is required"),
        (
            vec!["chapters", "rename", "Nope", "X"],
            "no chapter named \"Nope\"",
        ),
        (
            vec!["chapters", "remove", "Paraeducators"],
            "1 people carry \"Paraeducators\"; merge it",
        ),
        (
            vec!["chapters", "merge", "Fiscal Services", "fiscal services"],
            "into itself",
        ),
    ] {
        let (code, _, err) = run(&db, &args);
        assert_eq!(code, 2, "{args:?}");
        assert!(
            err.contains(says) && err.contains("nothing was changed"),
            "{args:?}: {err}"
        );
    }
    let after = Store::open(&db).unwrap().load().unwrap().0;
    assert!(
        after.employees == before.employees && after.chapters == before.chapters,
        "a refusal changes nothing"
    );
    let (code, _, _) = run(&db, &["chapters", "add", "Building Services"]);
    assert_eq!(code, 0);
    let (code, out, _) = run(&db, &["chapters", "remove", "building services"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "removed chapter \"building services\"\n")
    );
}

#[test]
fn owners_are_a_list_and_a_rename_rewrites_their_intakes() {
    let (_dir, db) = store_with_people();
    // Free-text owners written before the list existed are on it, once.
    let (_, out, _) = run(&db, &["owners"]);
    assert_eq!(out, "Maria (2 intakes, 2 open)\nno owner: 0 intakes\n");
    let (code, out, err) = run(&db, &["owners", "rename", "MARIA", "Maria Lopez"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(2 intakes rewritten)"), "{out}");
    let (code, _, _) = run(&db, &["owners", "add", "Sam Ortiz"]);
    assert_eq!(code, 0);
    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    assert!(data.intakes.iter().all(|i| i.owner == "Maria Lopez"));
    assert_eq!(data.owners(), vec!["Maria Lopez", "Sam Ortiz"]);
    let (code, _, err) = run(&db, &["owners", "remove", "maria lopez"]);
    assert_eq!(code, 2);
    assert!(err.contains("2 intakes name \"Maria Lopez\""), "{err}");
    let (code, out, _) = run(&db, &["owners", "merge", "maria lopez", "sam ortiz"]);
    assert_eq!((code, out.contains("2 intakes moved")), (0, true), "{out}");
}

#[test]
fn reference_populations_import_export_and_import_again_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.redb");
    drop(Store::create_new(&db).unwrap());
    let file = dir.path().join("students.csv");
    std::fs::write(
        &file,
        "Population,Dimension,Group,People\n\
         Student population,race,Black or African American,35400\n\
         Student population,race,Hispanic/Latino,56200\n\
         Student population,years of service,5-9 years,12\n\
         Student population,race,Purple,3\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (code, out, _) = run(&db, &["import", "reference-populations", f, "--dry-run"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.ends_with("new 1, updated 0, unchanged 0, rejected 1 (dry run: nothing stored)\n"),
        "{out}"
    );
    assert!(
        Store::open(&db)
            .unwrap()
            .load()
            .unwrap()
            .0
            .reference_populations
            .is_empty()
    );
    let (code, out, _) = run(&db, &["import", "reference-populations", f]);
    assert_eq!(code, 1);
    assert!(out.starts_with("line 5: race \"Purple\" is not one of"), "{out}");
    assert!(out.contains("Student population, race: left unchanged"), "{out}");
    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    let students = &data.reference_populations[0];
    assert_eq!(students.people(Dimension::Service, "5-9 years"), Some(12));
    assert!(
        !students.has(Dimension::Race),
        "a dimension with a bad row is left as it was"
    );
    // Out and back in: nothing changes.
    let (code, exported, _) = run(&db, &["export", "reference-populations"]);
    assert_eq!(code, 0);
    assert_eq!(
        exported,
        "population,dimension,group,people\nStudent population,years of service,5-9 years,12\n"
    );
    let again = dir.path().join("again.csv");
    std::fs::write(&again, &exported).unwrap();
    let (code, out, _) = run(&db, &["import", "reference-populations", again.to_str().unwrap()]);
    assert_eq!(
        (code, out.as_str()),
        (0, "new 0, updated 0, unchanged 1, rejected 0\n")
    );
    let (code, _, err) = run(&db, &["import", "reference-populations", "/nonexistent.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing was imported"), "{err}");
}
