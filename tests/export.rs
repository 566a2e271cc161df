//! `pathways export KIND` from the real binary on the demo database: every kind, headers, row
//! counts, private files, and what is left out.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;

fn parse(csv_text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn every_kind_exports_with_a_header_and_one_row_per_record() {
    let (_dir, db, store) = demo_store();
    let (data, _) = store.load().unwrap();
    drop(store);
    let kinds: [(&str, usize, &str); 18] = [
        (
            "employees",
            data.employees.len(),
            "id,employee_number,first_name,last_name",
        ),
        ("locations", data.locations.len(), "id,name,kind,employees"),
        (
            "consultations",
            data.consultations.len(),
            "id,intake_id,employee_id,name,date",
        ),
        ("mentors", data.mentors.len(), "id,employee_id,name"),
        (
            "pairs",
            data.pairs.len(),
            "id,mentor_id,mentor,mentee_id,mentee,started",
        ),
        ("logs", data.logs.len(), "id,pair_id,mentor,mentee,month,hours"),
        (
            "ambassadors",
            data.ambassadors.len(),
            "id,employee_id,name,tenure_start",
        ),
        (
            "ambassador-sessions",
            data.ambassador_sessions.len(),
            "id,date,topic",
        ),
        ("cohorts", data.cohorts.len(), "id,fiscal_year"),
        (
            "participants",
            data.participants.len(),
            "id,cohort_id,fiscal_year",
        ),
        (
            "sessions",
            data.sessions.len(),
            "id,cohort_id,fiscal_year,number,date",
        ),
        ("attendance", data.attendance.len(), "id,participant_id"),
        ("waitlist", data.waitlist.len(), "id,employee_id,name,joined"),
        ("offerings", data.offerings.len(), "id,course_number,title"),
        (
            "pl-sessions",
            data.pl_sessions.len(),
            "id,offering_id,course_number",
        ),
        ("pl-attendance", data.pl_attendance.len(), "id,pl_session_id,date"),
        ("popups", data.popups.len(), "id,date,location_id,location"),
        ("closures", data.closures.len(), "id,date,name"),
    ];
    for (kind, count, starts) in kinds {
        let (code, out, err) = run(&db, &["export", kind]);
        assert_eq!(code, 0, "{kind}: {err}");
        assert!(
            out.starts_with(starts),
            "{kind}: {}",
            out.lines().next().unwrap_or("")
        );
        let (header, rows) = parse(&out);
        assert_eq!(rows.len(), count, "{kind}");
        assert!(count > 0, "the demo has some {kind}");
        assert!(rows.iter().all(|r| r.len() == header.len()), "{kind}");
    }
}

#[test]
fn values_are_readable_and_names_sit_beside_ids() {
    let (_dir, db, store) = demo_store();
    let (data, _) = store.load().unwrap();
    drop(store);
    let (_, out, _) = run(&db, &["export", "employees"]);
    let (header, rows) = parse(&out);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let e = &data.employees[0];
    let row = &rows[0];
    assert_eq!(row[col("id")], e.id.to_string());
    assert_eq!(row[col("last_name")], e.last_name);
    assert_eq!(Some(&row[col("chapter")]), e.chapter.as_ref());
    assert_eq!(row[col("status")], e.status_label());
    assert_eq!(row[col("race")], pathways_core::domain::Choice::label(e.race));
    assert_eq!(row[col("hire_date")], e.hire_date.unwrap().to_string());
    let (_, out, _) = run(&db, &["export", "sessions"]);
    assert!(
        out.contains("2024-10-30,08:00,16:00,850 Hungerford Dr. (CESC),162T"),
        "{out}"
    );
    let (_, out, _) = run(&db, &["export", "offerings"]);
    assert!(out.contains("92883,Grow Your Career"), "{out}");
}

#[test]
fn mentoring_conversations_only_when_asked() {
    let (_dir, db, _store) = demo_store();
    let (_, out, _) = run(&db, &["export", "logs"]);
    let (header, _) = parse(&out);
    assert!(!header.contains(&"topics".to_string()), "{header:?}");
    let (_, out, _) = run(&db, &["export", "pairs"]);
    assert!(!parse(&out).0.contains(&"notes".to_string()));
    let (code, out, _) = run(&db, &["export", "logs", "--confidential"]);
    assert_eq!(code, 0);
    let (header, rows) = parse(&out);
    let topics = header
        .iter()
        .position(|h| h == "topics")
        .expect("topics with --confidential");
    assert!(rows.iter().any(|r| !r[topics].is_empty()));
}

#[test]
fn private_masks_names_and_sensitive_fields() {
    let (_dir, db, store) = demo_store();
    let (data, _) = store.load().unwrap();
    drop(store);
    let (_, out, _) = run(&db, &["--private", "export", "employees"]);
    let (header, rows) = parse(&out);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let e = &data.employees[0];
    assert_eq!(
        rows[0][col("last_name")],
        pathways_core::domain::initials(&e.last_name)
    );
    assert!(
        rows.iter()
            .all(|r| r[col("race")].is_empty() && r[col("email")].is_empty())
    );
    assert!(!out.contains(&e.email) || e.email.is_empty());
}

#[test]
fn out_writes_a_new_private_file_and_never_overwrites() {
    let (dir, db, _store) = demo_store();
    let out = dir.path().join("locations.csv");
    let (code, stdout, err) = run(&db, &["export", "locations", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("exported"), "{stdout}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("id,name,kind,employees\n"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let (code, _, err) = run(&db, &["export", "employees", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text, "left unchanged");
}

#[test]
fn unknown_kinds_are_named_with_the_choices() {
    let (_dir, db, _store) = demo_store();
    let (code, out, err) = run(&db, &["export", "unicorns"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("unknown kind"), "{err}");
    assert!(err.contains("employees, locations, intakes"), "{err}");
    // The usual other spellings work.
    let (code, _, err) = run(&db, &["export", "pl_attendance"]);
    assert_eq!(code, 0, "{err}");
}
