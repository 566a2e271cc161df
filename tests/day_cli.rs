//! The day's one-shot commands as real processes: `import closures` (by line, a repeat adds
//! nothing, an export reads back), and dates on the command line in every form a date field
//! takes.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::run;

#[test]
fn closures_import_by_line_and_a_repeat_or_an_export_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.redb");
    let (code, _, err) = run(&db, &["init"]);
    assert_eq!(code, 0, "{err}");
    let sheet = dir.path().join("calendar.csv");
    std::fs::write(
        &sheet,
        "Date,Holiday\n11/26/2026,Thanksgiving\n2026-11-27,Thanksgiving break\n2026-11-28,A Saturday\n",
    )
    .unwrap();
    let file = sheet.to_str().unwrap();
    let (code, out, _) = run(&db, &["import", "closures", file, "--dry-run"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("(dry run: nothing stored)"), "{out}");
    let (code, out, _) = run(&db, &["import", "closures", file]);
    assert_eq!(code, 1, "one row refused: {out}");
    assert!(
        out.contains("line 4: date: a weekend is never a working day"),
        "{out}"
    );
    assert!(
        out.contains("imported 2, duplicates skipped 0, rejected 1"),
        "{out}"
    );
    let (_, out, _) = run(&db, &["import", "closures", file]);
    assert!(
        out.contains("imported 0, duplicates skipped 2, rejected 1"),
        "{out}"
    );
    // What export writes reads back as the same days.
    let (code, exported, _) = run(&db, &["export", "closures"]);
    assert_eq!(code, 0);
    assert!(exported.starts_with("id,date,name\n"), "{exported}");
    assert!(exported.contains("2026-11-26,Thanksgiving"), "{exported}");
    let back = dir.path().join("back.csv");
    std::fs::write(&back, &exported).unwrap();
    let (code, out, _) = run(&db, &["import", "closures", back.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("imported 0, duplicates skipped 2, rejected 0"),
        "{out}"
    );
    // A sheet without the columns is refused whole.
    std::fs::write(&back, "when,what\n2026-12-01,x\n").unwrap();
    let (code, _, err) = run(&db, &["import", "closures", back.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("not a closures sheet: missing column(s) date, name"),
        "{err}"
    );
}

#[test]
fn command_line_dates_take_the_same_forms_as_date_fields() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_file(dir.path());
    let (code, iso, err) = run(&db, &["report", "coverage", "--as-of", "2026-11-20"]);
    assert_eq!(code, 0, "{err}");
    let (code, us, err) = run(&db, &["report", "coverage", "--as-of", "11/20/2026"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(iso, us);
    let (code, _, err) = run(&db, &["report", "coverage", "--as-of", "20/11/2026"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("is not a date; type YYYY-MM-DD or M/D/YYYY"),
        "{err}"
    );
}
