//! `pathways report mentoring` on the demo data: the sections and their content, and log topics
//! and notes only with --confidential.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

fn report(path: &std::path::Path, extra: &[&str]) -> (i32, String, String) {
    common::run(
        path,
        &[&["report", "mentoring", "--as-of", "2026-11-25"], extra].concat(),
    )
}

#[test]
fn report_on_the_demo_data() {
    let (_dir, path, _store) = common::demo_store();
    let data = pathways_core::demo::build(common::today());
    let (code, out, err) = report(&path, &[]);
    println!("{out}");
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Mentoring program on 2026-11-25\n"), "{out}");
    assert!(
        out.contains("Mentors: 10 (9 active), covering 5 of 8 union chapters"),
        "{out}"
    );
    for m in &data.mentors {
        assert!(out.contains(&data.employee_name(m.employee_id)), "{out}");
    }
    assert!(out.contains("inactive"), "{out}");
    assert!(out.contains("Active pairs: 8\n"), "{out}");
    assert!(out.contains("Pairs ending within 30 days: 1\n"), "{out}");
    let soon = data.pairs.iter().find(|p| p.ends_soon(common::today())).unwrap();
    assert!(
        out.contains(&format!(
            "{} with {}: ends {} (in 7 days)",
            data.employee_name(soon.mentee_id),
            data.employee_name(data.mentor(soon.mentor_id).unwrap().employee_id),
            soon.expires()
        )),
        "{out}"
    );
    assert!(out.contains("Missing logs: 2 month(s) in 2 pair(s)"), "{out}");
    assert!(
        out.contains(": 2026-06\n") && out.contains(": 2026-05\n"),
        "{out}"
    );
    // Building Services' mentor is inactive: the chapter counts as without one.
    let gaps = out.split("Chapters without a mentor: 3 of 8\n").nth(1).unwrap();
    assert!(
        gaps.starts_with("  Building Services\n  Information Technology\n  Maintenance\n"),
        "{gaps}"
    );
    // Ended pairs are not active.
    let ended = data.pairs.iter().find(|p| p.ended.is_some()).unwrap();
    let active_section = out
        .split("Active pairs")
        .nth(1)
        .unwrap()
        .split("Pairs ending")
        .next()
        .unwrap();
    assert!(
        !active_section.contains(&data.employee_name(ended.mentee_id)),
        "{out}"
    );
    // Confidential content stays out unless asked for.
    assert!(!out.contains("goal setting"), "{out}");
    assert!(!out.contains("agreement signed; meets"), "{out}");
    assert!(out.contains("add --confidential"), "{out}");
    for line in out.lines() {
        assert!(!line.contains('\x1b'), "plain text: {line:?}");
    }

    let (code, out, _) = report(&path, &["--confidential"]);
    assert_eq!(code, 0);
    assert!(out.contains("CONFIDENTIAL"), "{out}");
    assert!(
        out.contains("goal setting; application for a new position"),
        "{out}"
    );
    assert!(
        out.contains("agreement signed; meets at the mentee's school"),
        "{out}"
    );
}

#[test]
fn a_missing_database_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = report(&dir.path().join("none.redb"), &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("no such database"), "{err}");
}

#[test]
fn a_pair_past_its_12_months_is_reported() {
    let (_dir, path, store) = common::demo_store();
    let data = pathways_core::demo::build(common::today());
    let mentee = data
        .employees
        .iter()
        .find(|e| !data.pairs.iter().any(|p| p.mentee_id == e.id))
        .unwrap();
    store
        .write(|txn| {
            txn.insert(&mut pathways_core::domain::MentoringPair {
                id: 0,
                mentor_id: 1,
                mentee_id: mentee.id,
                started: chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(),
                ended: None,
                end_reason: None,
                notes: "private words".into(),
            })
        })
        .unwrap();
    drop(store);
    let (code, out, _) = report(&path, &[]);
    assert_eq!(code, 0);
    assert!(out.contains("Active pairs: 9\n"), "{out}");
    assert!(out.contains("! past 12 months"), "{out}");
    assert!(
        out.contains("! Pairs past their 12 months, not ended: 1\n"),
        "{out}"
    );
    assert!(
        out.contains(&format!("  {} with ", mentee.full_name()))
            && out.contains("ended by rule on 2026-10-01"),
        "{out}"
    );
    assert!(!out.contains("private words"), "{out}");
}

#[test]
fn private_prints_initials_not_names() {
    let (_dir, path, _store) = common::demo_store();
    let data = pathways_core::demo::build(common::today());
    let (code, open, _) = report(&path, &[]);
    assert_eq!(code, 0);
    let (code, private, _) = report(&path, &["--private"]);
    assert_eq!(code, 0);
    let mentor = data.employee(data.mentors[0].employee_id).unwrap();
    assert!(open.contains(&mentor.full_name()));
    assert!(!private.contains(&mentor.full_name()), "{private}");
    assert!(private.contains(&pathways_core::domain::initials(&mentor.full_name())));
}

#[test]
fn as_of_the_booklet_eight_mentors_cover_four_chapters() {
    let (_dir, path, _store) = common::demo_store();
    // The date decides: mentors who joined later are not counted, nor pairs signed later.
    let (code, out, err) = common::run(&path, &["report", "mentoring", "--as-of", "12/19/2024"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Mentoring program on 2024-12-19\n"), "{out}");
    assert!(
        out.contains("Mentors: 8 (8 active), covering 4 of 8 union chapters"),
        "{out}"
    );
    let data = pathways_core::demo::build(common::today());
    let later = data
        .pairs
        .iter()
        .filter(|p| p.started > common::date(2024, 12, 19));
    for p in later {
        assert!(!out.contains(&data.employee_name(p.mentee_id)), "{out}");
    }
}
