//! `pathways report monthly` from the real binary on a small database built here, checked cell
//! by cell.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use chrono::{NaiveDate, NaiveTime};
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn employee(id: Id, chapter: &str, race: Race, location: Id) -> Employee {
    Employee {
        id,
        employee_number: format!("{id:06}"),
        first_name: format!("First{id}"),
        last_name: format!("Last{id}"),
        email: String::new(),
        position: "Bus Operator".into(),
        location_id: Some(location),
        chapter: Some(chapter.into()),
        race,
        hire_date: Some(d(2010, 1, 4)),
        position_start: Some(d(2012, 1, 4)),
        status: Some(EmploymentStatus::Permanent),
        in_evaluation: Some(false),
        retirement_date: None,
        supervisor_id: None,
    }
}

fn intake(id: Id, employee: Id, received: NaiveDate, established: Option<NaiveDate>) -> Intake {
    let mut i = Intake::new(employee, received, IntakeSource::Form);
    i.id = id;
    i.services.push(Service::ResumeReview);
    if let Some(e) = established {
        i.move_to(IntakeStatus::RelationshipEstablished, e, None);
    }
    i
}

/// Records at the edges of FY25 (2024-07-01 .. 2025-06-30) for every metric.
fn fixture() -> Dataset {
    let mut data = Dataset::default();
    data.locations = vec![
        Location {
            id: 1,
            name: "Maple ES".into(),
            kind: LocationKind::Elementary,
            employees: Some(40),
        },
        Location {
            id: 2,
            name: "Shady Grove Depot".into(),
            kind: LocationKind::Depot,
            employees: Some(100),
        },
    ];
    data.employees = vec![
        employee(1, "Transportation", Race::Black, 2),
        employee(2, NO_CHAPTER, Race::Hispanic, 1),
    ];
    let mut teacher = intake(2, 2, d(2024, 7, 1), None);
    teacher.services.push(Service::TeacherPathway);
    data.intakes = vec![
        // Received in FY24, established on the first day of FY25.
        intake(1, 1, d(2024, 6, 30), Some(d(2024, 7, 1))),
        teacher,
        intake(3, 1, d(2025, 6, 30), Some(d(2025, 6, 30))),
        // FY26.
        intake(4, 2, d(2025, 7, 1), None),
    ];
    let consultation = |id, date| Consultation {
        id,
        intake_id: 1,
        date,
        minutes: 45,
        services: vec![Service::ResumeReview],
        notes: String::new(),
    };
    data.consultations = vec![
        consultation(1, d(2024, 7, 15)),
        consultation(2, d(2024, 12, 31)),
        consultation(3, d(2025, 7, 1)),
    ];
    data.offerings = vec![
        Offering {
            id: 1,
            course_number: "92883".into(),
            title: "Grow Your Career".into(),
            partner_office: String::new(),
            teacher_pathway: false,
        },
        Offering {
            id: 2,
            course_number: "87524".into(),
            title: "How to Become a Teacher Webinar".into(),
            partner_office: String::new(),
            teacher_pathway: true,
        },
    ];
    data.pl_sessions = [
        (1, d(2024, 7, 31)),
        (1, d(2024, 8, 1)),
        (1, d(2025, 6, 30)),
        (2, d(2024, 9, 20)),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (offering_id, date))| PlSession {
        id: i as Id + 1,
        offering_id,
        date,
        start: None,
        end: None,
        place: String::new(),
        facilitator: String::new(),
    })
    .collect();
    data.pl_attendance = [(1, 1), (1, 2), (2, 1), (3, 2), (4, 1), (4, 2)]
        .into_iter()
        .enumerate()
        .map(|(i, (s, e))| PlAttendance {
            id: i as Id + 1,
            pl_session_id: s,
            employee_id: e,
        })
        .collect();
    data.popups = vec![PopUpEvent {
        id: 1,
        date: d(2024, 11, 6),
        location_id: 1,
        note: String::new(),
    }];
    data.mentors = vec![Mentor {
        id: 1,
        employee_id: 1,
        expertise: String::new(),
        active: true,
        joined: d(2024, 8, 1),
    }];
    data.pairs = vec![MentoringPair {
        id: 1,
        mentor_id: 1,
        mentee_id: 2,
        started: d(2024, 9, 15),
        ended: Some(d(2024, 11, 30)),
        end_reason: Some(PairEndReason::NotAGoodFit),
        notes: "confidential pair note".into(),
    }];
    data.logs = [d(2024, 9, 1), d(2024, 10, 1)]
        .into_iter()
        .enumerate()
        .map(|(i, month)| MentorLog {
            id: i as Id + 1,
            pair_id: 1,
            month,
            hours: 2.0,
            topics: "confidential topic".into(),
            submitted: month + chrono::Duration::days(31),
        })
        .collect();
    data.ambassadors = vec![Ambassador {
        id: 1,
        employee_id: 1,
        tenure_start: d(2024, 10, 15),
        tenure_end: d(2025, 1, 31),
        primary_location: 2,
        supported_locations: vec![1],
    }];
    data.cohorts = vec![Cohort {
        id: 1,
        fiscal_year: 2025,
        rule: CompletionRule::default(),
    }];
    data.participants = (1..=2)
        .map(|e| Participant {
            id: e,
            cohort_id: 1,
            employee_id: e,
            role: "Bus Operator".into(),
            status: ParticipantStatus::Active,
        })
        .collect();
    data.sessions = [(1, d(2024, 10, 30)), (8, d(2025, 5, 21))]
        .into_iter()
        .enumerate()
        .map(|(i, (number, date))| LeadershipSession {
            id: i as Id + 1,
            cohort_id: 1,
            number,
            date,
            start: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            location: "CESC".into(),
            room: "162T".into(),
            topic: "Leadership".into(),
            facilitator: String::new(),
        })
        .collect();
    use Attendance::*;
    data.attendance = [(1, 1, Present), (2, 1, Absent), (1, 2, Present), (2, 2, Excused)]
        .into_iter()
        .enumerate()
        .map(|(i, (p, s, mark))| AttendanceMark {
            id: i as Id + 1,
            participant_id: p,
            session_id: s,
            mark,
        })
        .collect();
    data.waitlist = vec![WaitlistEntry {
        id: 1,
        employee_id: 2,
        joined: d(2024, 10, 1),
        note: "missed the deadline".into(),
    }];
    data.ambassador_sessions = vec![AmbassadorSession {
        id: 1,
        date: d(2024, 11, 12),
        topic: "Pop-up kit".into(),
        presenter: "Program specialist".into(),
        attendees: vec![1],
    }];
    data.teacher_outcomes = [d(2024, 3, 1), d(2024, 9, 10), d(2025, 2, 1)]
        .into_iter()
        .enumerate()
        .map(|(i, hired)| TeacherOutcome {
            id: i as Id + 1,
            employee_id: i as Id + 1,
            hired,
            school_year: String::new(),
            partner_program: "Residency".into(),
        })
        .collect();
    data.reindex();
    data
}

fn fixture_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.redb");
    let store = Store::create_new(&path).unwrap();
    pathways_core::demo::write(&store, &fixture()).unwrap();
    (dir, path)
}

/// The binary on `db` with `args`, counted as of `today`.
fn run(db: &Path, today: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(common::binary())
        .arg("--db")
        .arg(db)
        .args(args)
        .args(["--as-of", today])
        .env_remove("PATHWAYS_DB")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const HEADER: &str = "month,intakes,new_relationships,consultations,pl_attendance,pl_sessions,\
pl_people,popup_events,teacher_pathway_intakes,became_teachers,active_pairs,logs_submitted,logs_due,\
ambassadors_active,employees_covered,leadership_attendance_rate";

fn cells(csv: &str) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>().join(","), HEADER);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_of_a_whole_fiscal_year_cell_by_cell() {
    let (_dir, db) = fixture_db();
    let (code, out, err) = run(
        &db,
        "2025-08-15",
        &["report", "monthly", "--fy", "2025", "--format", "csv"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("month,intakes,new_relationships,consultations,pl_attendance"));
    #[rustfmt::skip]
    let expected: [[&str; 16]; 12] = [
        // month    int  new  con  pla  pls  plp  pop  tea  bec  prs  lgs  due  amb  cov   rate
        ["2024-07", "1", "1", "1", "2", "1", "2", "0", "1", "0", "0", "0", "0", "0", "0", ""],
        ["2024-08", "0", "0", "0", "1", "1", "1", "0", "0", "0", "0", "0", "0", "0", "0", ""],
        ["2024-09", "0", "0", "0", "2", "1", "2", "0", "0", "1", "1", "1", "1", "0", "0", ""],
        ["2024-10", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "1", "1", "1", "140", "50.0"],
        ["2024-11", "0", "0", "0", "0", "0", "0", "1", "0", "0", "1", "0", "1", "1", "140", ""],
        ["2024-12", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "140", ""],
        ["2025-01", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "140", ""],
        ["2025-02", "0", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0", ""],
        ["2025-03", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", ""],
        ["2025-04", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", ""],
        ["2025-05", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "50.0"],
        ["2025-06", "1", "1", "0", "1", "1", "1", "0", "0", "0", "0", "0", "0", "0", "0", ""],
    ];
    let got = cells(&out);
    assert_eq!(got.len(), 12, "{out}");
    for (row, want) in got.iter().zip(expected) {
        for (col, (g, w)) in row.iter().zip(want).enumerate() {
            assert_eq!(g, w, "{} column {col}:\n{out}", want[0]);
        }
    }
}

#[test]
fn months_not_begun_are_empty_and_the_current_month_counts_to_today() {
    let (_dir, db) = fixture_db();
    // No --fy: the current fiscal year (FY25 on 2024-11-20).
    let (code, out, err) = run(&db, "2024-11-20", &["report", "monthly", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let got = cells(&out);
    assert_eq!(got[0][0], "2024-07");
    let nov = &got[4];
    assert_eq!(nov[0], "2024-11");
    assert_eq!(nov[7], "1", "the pop-up on Nov 6 is counted");
    assert_eq!(nov[13], "1", "the ambassador is active today");
    assert_eq!(nov[12], "0", "November's log is not due yet");
    for row in &got[5..] {
        assert!(row[1..].iter().all(String::is_empty), "{row:?}");
    }
}

#[test]
fn text_is_the_same_table_for_people() {
    let (_dir, db) = fixture_db();
    let (code, out, err) = run(&db, "2025-08-15", &["report", "monthly", "--fy", "2025"]);
    assert_eq!(code, 0, "{err}");
    println!("{out}");
    assert!(
        out.contains("Monthly metrics, FY25 (2024-07-01 to 2025-06-30)"),
        "{out}"
    );
    let line = |label: &str| -> Vec<String> {
        out.lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} line:\n{out}"))[label.len()..]
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        line("Intakes received"),
        [
            "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "2", "1"
        ]
    );
    assert_eq!(line("Employees covered")[12], "0", "year to date = latest (June)");
    assert_eq!(line("Leadership attendance %")[3], "50%");
    assert_eq!(line("Leadership attendance %")[12], "50%");
    assert!(out.contains("How each is counted"), "{out}");
    // Support staff who became teachers, each whole year with the change from the year before.
    assert!(
        flat(&out).contains("Became teachers by fiscal year: FY24 1 · FY25 2 (+100.0%) · FY26 0 so far;"),
        "{out}"
    );
    assert_eq!(line("Became teachers")[12..], ["2", "1"]);
    assert!(
        flat(&out).contains("at teacher-pathway information sessions (PL) in FY25: 2."),
        "{out}"
    );
    // No colour codes in one-shot output.
    assert!(!out.contains('\x1b'));
}

#[test]
fn bad_years_and_missing_databases_are_refused() {
    let (_dir, db) = fixture_db();
    let (code, _, err) = run(&db, "2025-08-15", &["report", "monthly", "--fy", "1234"]);
    assert_eq!(code, 2);
    assert!(err.contains("--fy"), "{err}");
    assert!(err.contains("year it ends in: 2025"), "{err}");
    // 25 and FY25 name the same year as 2025.
    let full = run(&db, "2025-08-15", &["report", "monthly", "--fy", "2025"]);
    for short in ["25", "FY25"] {
        assert_eq!(
            run(&db, "2025-08-15", &["report", "monthly", "--fy", short]),
            full
        );
    }
    let missing = db.with_file_name("nope.redb");
    let (code, _, err) = run(&missing, "2025-08-15", &["report", "monthly"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such database"), "{err}");
    assert!(!missing.exists());
}

/// The report's text with its wrapped lines joined (it wraps at 100 columns).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
