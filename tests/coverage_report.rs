//! `pathways report coverage` run as a real process on the demo data.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use std::process::Command;

fn demo_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.redb");
    let out = Command::new(common::binary())
        .args(["--db", db.to_str().unwrap(), "init", "--demo"])
        .env("PATHWAYS_TODAY", "2026-11-25")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, db)
}

/// The report as of the tests' today unless `extra` names another date.
fn report(db: &std::path::Path, extra: &[&str]) -> (i32, String, String) {
    let as_of: &[&str] = if extra.contains(&"--as-of") {
        &[]
    } else {
        &["--as-of", "2026-11-25"]
    };
    common::run(db, &[&["report", "coverage"], as_of, extra].concat())
}

#[test]
fn the_demo_reports_24_ambassadors_and_43_locations() {
    let (_dir, db) = demo_db();
    let (code, out, err) = report(&db, &[]);
    assert_eq!(code, 0, "{err}");
    // The covered employee count, computed independently from the same demo data.
    let data = pathways_core::demo::build(common::today());
    let c = pathways_core::domain::coverage(&data.ambassadors, &data.locations, common::today());
    assert!(out.contains("Ambassador coverage as of 2026-11-25"), "{out}");
    assert!(
        out.contains("24 ambassadors active (0 tenures end within 60 days)"),
        "{out}"
    );
    assert!(
        out.contains(&format!("43 of {} locations covered", c.locations_total)),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{} of {} employees at covered locations",
            c.employees_covered, c.employees_total
        )),
        "{out}"
    );
    assert!((1500..1700).contains(&c.employees_covered));
    // Uncovered locations, biggest first.
    let gaps: Vec<u32> = out
        .lines()
        .skip_while(|l| !l.starts_with("Uncovered locations"))
        .skip(2)
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(gaps.len(), c.locations_total - 43, "{out}");
    assert!(gaps.windows(2).all(|w| w[0] >= w[1]), "{gaps:?}");
    assert!(out.contains("Technology Center (CTI)          office"), "{out}");
    // Plain text: no escape sequences, no names of people.
    assert!(!out.contains('\x1b'));
    for e in data
        .ambassadors
        .iter()
        .filter_map(|a| data.employee(a.employee_id))
    {
        assert!(!out.contains(&e.full_name()), "{out}");
    }
}

#[test]
fn as_of_a_past_or_future_date() {
    let (_dir, db) = demo_db();
    // The FY25 cohort (from 2024-08-22) serves to its last day, 2026-02-21, not the next; the
    // next cohort starts on 2026-03-26.
    let (code, out, _) = report(&db, &["--as-of", "2026-02-21"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("24 ambassadors active (24 tenures end within 60 days)"),
        "{out}"
    );
    let (_, out, _) = report(&db, &["--as-of", "2026-02-22"]);
    assert!(out.contains("0 ambassadors active"), "{out}");
    let (_, out, _) = report(&db, &["--as-of", "3/26/2026"]);
    assert!(
        out.contains("24 ambassadors active (0 tenures end within 60 days)"),
        "{out}"
    );
    // The booklet's 2023-24 school year: 24 ambassadors, 43 locations, about 1,600 employees.
    let (_, out, _) = report(&db, &["--as-of", "2024-01-15"]);
    assert!(out.contains("24 ambassadors active"), "{out}");
    assert!(out.contains("43 of 62 locations covered (69.4%)"), "{out}");
    assert!(out.contains("1598 of 2570 employees"), "{out}");
    let (_, out, _) = report(&db, &["--as-of", "2020-01-01"]);
    assert!(out.contains("0 ambassadors active"), "{out}");
    assert!(out.contains("0 of 62 locations covered (0.0%)"), "{out}");
}

#[test]
fn bad_input_is_named() {
    let (_dir, db) = demo_db();
    let (code, _, err) = report(&db, &["--as-of", "next tuesday"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--as-of"), "{err}");
    let missing = db.with_file_name("missing.redb");
    let (code, _, err) = report(&missing, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no such database"), "{err}");
    assert!(!missing.exists());
}
