//! Every report as data: `--as-of` in the dashboard's date forms, `--format csv`, 100 columns,
//! `--private`, inert output, and `report breakdown` with the small-group rule, all from the real
//! binary on the demo data.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use pathways_core::domain::{Choice, Race, Shown, suppress_with_total};
use pathways_core::text::width;
use std::path::Path;

const AS_OF: &str = "2026-11-25";

/// Every report with the arguments it needs.
const REPORTS: &[&[&str]] = &[
    &["report", "coverage"],
    &["report", "mentoring"],
    &["report", "leadership", "--fy", "2025"],
    &["report", "monthly"],
    &["report", "breakdown", "--metric", "intakes", "--by", "chapter"],
];

fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    common::run(db, args)
}

fn records(csv: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn every_report_takes_as_of_in_both_date_forms_and_fits_100_columns() {
    let (_dir, db, _store) = common::demo_store();
    for report in REPORTS {
        let (code, iso, err) = run(&db, &[report, &["--as-of", AS_OF][..]].concat());
        assert_eq!(code, 0, "{report:?}: {err}");
        let (_, us, _) = run(&db, &[report, &["--as-of", "11/25/2026"][..]].concat());
        assert_eq!(iso, us, "{report:?}: both date forms are the same day");
        for line in iso.lines() {
            assert!(width(line) <= 100, "{report:?} too wide: {line}");
            assert!(!line.contains('\x1b'), "{report:?}: {line:?}");
        }
        // Another date, other figures: the date is used, not today's.
        let (_, earlier, _) = run(&db, &[report, &["--as-of", "2025-03-14"][..]].concat());
        assert_ne!(iso, earlier, "{report:?}");
        let (code, _, err) = run(&db, &[report, &["--as-of", "13/25/2026"][..]].concat());
        assert_eq!(code, 2, "{report:?}");
        assert!(err.contains("--as-of") && err.contains("M/D/YYYY"), "{err}");
    }
}

#[test]
fn every_report_writes_csv_with_a_header() {
    let (_dir, db, _store) = common::demo_store();
    let data = pathways_core::demo::build(common::today());
    let csv = |args: &[&str]| {
        let (code, out, err) = run(&db, &[args, &["--as-of", AS_OF, "--format", "csv"][..]].concat());
        assert_eq!(code, 0, "{args:?}: {err}");
        records(&out)
    };
    let (header, rows) = csv(&["report", "coverage"]);
    assert_eq!(
        header,
        ["as_of", "location", "type", "employees", "ambassadors", "covered"]
    );
    assert_eq!(rows.len(), data.locations.len());
    let covered = pathways_core::domain::coverage(&data.ambassadors, &data.locations, common::today());
    assert_eq!(
        rows.iter().filter(|r| r[5] == "yes").count(),
        covered.locations_covered
    );
    let (header, rows) = csv(&["report", "mentoring"]);
    assert_eq!(header[1], "mentor");
    assert_eq!(
        rows.len(),
        data.mentors
            .iter()
            .filter(|m| m.joined <= common::today())
            .count()
    );
    let (header, rows) = csv(&["report", "mentoring", "--table", "pairs"]);
    assert_eq!(header[1..4], ["mentee", "mentor", "signed"]);
    assert_eq!(
        rows.len(),
        data.pairs.iter().filter(|p| p.started <= common::today()).count()
    );
    let (header, rows) = csv(&["report", "mentoring", "--table", "chapters"]);
    assert_eq!(header, ["as_of", "chapter", "active_mentors"]);
    assert_eq!(rows.len(), data.chapters().len());
    let (header, rows) = csv(&["report", "leadership", "--fy", "25"]);
    assert_eq!(header[1], "participant");
    assert_eq!(rows.len(), 15);
    let (_, rows) = csv(&["report", "leadership", "--fy", "25", "--table", "sessions"]);
    assert_eq!(rows.len(), 8);
    assert_eq!(rows[0][2], "2024-10-30");
    let (_, rows) = csv(&["report", "leadership", "--fy", "25", "--table", "profile"]);
    let race: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r[1] == "race")
        .map(|r| (r[2].as_str(), r[4].as_str()))
        .collect();
    assert_eq!(
        race,
        [
            ("White", "40.0"),
            ("Black or African American", "33.3"),
            ("Hispanic", "26.7")
        ]
    );
    let (header, rows) = csv(&["report", "monthly"]);
    assert_eq!(header[0], "month");
    assert_eq!(rows.len(), 12);
}

#[test]
fn private_leaves_out_names_and_race_in_every_report() {
    let (_dir, db, _store) = common::demo_store();
    let data = pathways_core::demo::build(common::today());
    let names: Vec<String> = data.employees.iter().map(|e| e.full_name()).collect();
    for report in REPORTS {
        for format in ["text", "csv"] {
            let args = [
                &["--private"][..],
                report,
                &["--as-of", AS_OF, "--format", format][..],
            ]
            .concat();
            let (code, out, err) = run(&db, &args);
            assert_eq!(code, 0, "{args:?}: {err}");
            for n in &names {
                assert!(!out.contains(n.as_str()), "{args:?} names {n}:\n{out}");
            }
            // (White is also in "White Oak Middle School".)
            for race in Race::ALL
                .iter()
                .filter(|r| !matches!(r, Race::Unknown | Race::White))
            {
                assert!(!out.contains(race.label()), "{args:?} shows race:\n{out}");
            }
        }
    }
    // The mentoring report still says who, by initials.
    let (_, out, _) = run(&db, &["--private", "report", "mentoring", "--as-of", AS_OF]);
    let mentor = data.employee(data.mentors[0].employee_id).unwrap();
    assert!(
        out.contains(&pathways_core::domain::initials(&mentor.full_name())),
        "{out}"
    );
    // Notes and log topics are personal: --private wins over --confidential.
    let (_, out, _) = run(
        &db,
        &[
            "--private",
            "report",
            "mentoring",
            "--confidential",
            "--as-of",
            AS_OF,
        ],
    );
    assert!(out.contains("left out under --private"), "{out}");
    assert!(
        !out.contains("goal setting") && !out.contains("agreement signed"),
        "{out}"
    );
    // A breakdown that is all race is refused, not printed empty.
    let (code, out, err) = run(
        &db,
        &[
            "--private",
            "report",
            "breakdown",
            "--metric",
            "intakes",
            "--by",
            "race",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("left out under --private"), "{err}");
}

#[test]
fn breakdown_shows_small_groups_as_less_than_five() {
    let (_dir, db, _store) = common::demo_store();
    let args = |format: &'static str| {
        vec![
            "report",
            "breakdown",
            "--metric",
            "pl-attendance",
            "--by",
            "race",
            "--fy",
            "FY26",
            "--as-of",
            AS_OF,
            "--format",
            format,
        ]
    };
    let (code, out, err) = run(&db, &args("csv"));
    assert_eq!(code, 0, "{err}");
    let (header, rows) = records(&out);
    assert_eq!(
        header,
        ["fiscal_year", "month", "race", "pl_attendance", "share_of_year"]
    );
    // The whole year (FY26 is over by the as-of date): 12 months and the year to date per line.
    let groups: Vec<&str> = rows
        .iter()
        .filter(|r| r[1] == "year_to_date")
        .map(|r| r[2].as_str())
        .collect();
    assert_eq!(groups.last(), Some(&"All"));
    assert_eq!(rows.len(), groups.len() * 13);
    assert!(rows.iter().all(|r| r[0] == "FY26"));
    // Counted independently: each race's attendances in FY26, and the rule over that column.
    let data = pathways_core::demo::build(common::today());
    let fy = pathways_core::domain::FiscalYear(2026);
    let race_of = |id| {
        data.employee(id)
            .map(|e| e.race.label())
            .unwrap_or("not recorded")
    };
    let counts: Vec<u64> = groups[..groups.len() - 1]
        .iter()
        .map(|g| {
            data.pl_attendance
                .iter()
                .filter(|a| {
                    race_of(a.employee_id) == *g
                        && data
                            .pl_sessions
                            .iter()
                            .any(|s| s.id == a.pl_session_id && fy.contains(s.date))
                })
                .count() as u64
        })
        .collect();
    let ytd: Vec<&str> = rows
        .iter()
        .filter(|r| r[1] == "year_to_date" && r[2] != "All")
        .map(|r| r[3].as_str())
        .collect();
    for ((count, shown), cell) in counts.iter().zip(suppress_with_total(&counts).0).zip(&ytd) {
        match shown {
            Shown::Count(n) => assert_eq!(cell.parse::<u64>().unwrap(), n),
            _ => assert!(["<5", "*"].contains(cell), "{count} shown as {cell}"),
        }
        if (1..5).contains(count) {
            assert_eq!(*cell, "<5");
        }
    }
    assert!(
        rows.iter().any(|r| r[3] == "<5"),
        "the demo has small groups:\n{out}"
    );
    let (code, text, _) = run(&db, &args("text"));
    assert_eq!(code, 0);
    assert!(text.starts_with("PL attendance (people) by race, FY26"), "{text}");
    assert!(text.contains("<5") && text.contains("Small groups:"), "{text}");
}

#[test]
fn breakdown_names_what_is_wrong() {
    let (_dir, db, _store) = common::demo_store();
    let (code, _, err) = run(
        &db,
        &["report", "breakdown", "--metric", "smiles", "--by", "race"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("no metric \"smiles\"") && err.contains("new_relationships"),
        "{err}"
    );
    let (code, _, err) = run(
        &db,
        &["report", "breakdown", "--metric", "intakes", "--by", "shoe-size"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("chapter, race or location-type"), "{err}");
    let (code, _, err) = run(
        &db,
        &[
            "report",
            "breakdown",
            "--metric",
            "popup_events",
            "--by",
            "chapter",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("try --by location-type"), "{err}");
}

#[test]
fn hostile_text_in_the_data_is_printed_inert() {
    let (_dir, db, store) = common::demo_store();
    let data = pathways_core::demo::build(common::today());
    // An uncovered location: the text report lists those by name.
    let c = pathways_core::domain::coverage(&data.ambassadors, &data.locations, common::today());
    let mut place = pathways_core::domain::uncovered(&c, &data.locations)[0].clone();
    place.name = "Maple\u{1b}]52;c;QUJD\u{7} ES\u{202e}".into();
    store.write(|txn| txn.put(&place)).unwrap();
    drop(store);
    for format in ["text", "csv"] {
        let (code, out, _) = run(&db, &["report", "coverage", "--as-of", AS_OF, "--format", format]);
        assert_eq!(code, 0);
        assert!(!out.contains('\x1b') && !out.contains('\u{202e}'), "{out:?}");
        assert!(out.contains("Maple\\u{1b}]52;c;QUJD\\u{7} ES"), "{out}");
    }
}
