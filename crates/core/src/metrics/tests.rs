//! Each metric's counting rule at month and fiscal-year edges (June 30 / July 1).

use super::Dimension;
use super::*;
use crate::domain::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const FY25: FiscalYear = FiscalYear(2025);
/// After FY25 ends: every month of FY25 has begun.
fn after() -> NaiveDate {
    d(2025, 8, 15)
}

fn employee(id: Id, chapter: &str, race: Race, location: Option<Id>) -> Employee {
    Employee {
        id,
        employee_number: format!("{id:06}"),
        first_name: "Test".into(),
        last_name: format!("Person{id}"),
        email: String::new(),
        position: "Secretary".into(),
        location_id: location,
        chapter: (!chapter.is_empty()).then(|| chapter.into()),
        race,
        hire_date: Some(d(2010, 1, 1)),
        position_start: Some(d(2012, 1, 1)),
        status: Some(EmploymentStatus::Permanent),
        in_evaluation: Some(false),
        retirement_date: None,
        supervisor_id: None,
    }
}

fn base() -> Dataset {
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
            name: "Depot".into(),
            kind: LocationKind::Depot,
            employees: Some(100),
        },
    ];
    data.employees = vec![
        employee(1, "Bus Drivers", Race::Black, Some(2)),
        employee(2, NO_CHAPTER, Race::Hispanic, Some(1)),
        employee(3, "Paraeducators", Race::White, None),
    ];
    data.reindex();
    data
}

fn intake(id: Id, employee: Id, received: NaiveDate) -> Intake {
    let mut i = Intake::new(employee, received, IntakeSource::Form);
    i.id = id;
    i.services.push(Service::CareerCoaching);
    i
}

fn months(r: &Report, m: Metric) -> [u64; 12] {
    r.row(m).this.months.map(|f| f.count)
}

#[test]
fn intakes_count_by_date_received_at_the_year_edges() {
    let mut data = base();
    for (n, date) in [
        d(2024, 6, 30),
        d(2024, 7, 1),
        d(2024, 7, 31),
        d(2024, 8, 1),
        d(2025, 6, 30),
        d(2025, 7, 1),
    ]
    .into_iter()
    .enumerate()
    {
        data.intakes.push(intake(n as Id + 1, 1, date));
    }
    let r = monthly_as_of(&data, FY25, after());
    let row = r.row(Metric::Intakes);
    assert_eq!(months(&r, Metric::Intakes), [2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert_eq!(row.this.fytd.count, 4);
    // June 30 2024 is the last month of FY24: the same month of the previous year.
    assert_eq!(row.previous.months[11].count, 1);
    assert_eq!(row.previous.fytd.count, 1);
    // The next year's July starts FY26.
    let r26 = monthly_as_of(&data, FY25.next(), after());
    assert_eq!(r26.row(Metric::Intakes).this.months[0].count, 1);
    assert_eq!(r26.elapsed, 2);
}

#[test]
fn new_relationships_count_when_established_not_when_received() {
    let mut data = base();
    let mut i = intake(1, 1, d(2024, 6, 28));
    i.move_to(IntakeStatus::Contacted, d(2024, 6, 29), None);
    i.move_to(IntakeStatus::ConsultationScheduled, d(2024, 6, 30), None);
    i.move_to(IntakeStatus::RelationshipEstablished, d(2024, 7, 1), None);
    data.intakes.push(i);
    let mut j = intake(2, 2, d(2025, 5, 2));
    j.move_to(IntakeStatus::RelationshipEstablished, d(2025, 6, 30), None);
    j.move_to(IntakeStatus::Closed, d(2025, 7, 1), Some(CloseReason::Served));
    data.intakes.push(j);
    // Moved back before establishing: no longer counted.
    let mut k = intake(3, 3, d(2024, 9, 2));
    k.move_to(IntakeStatus::RelationshipEstablished, d(2024, 9, 3), None);
    k.move_to(IntakeStatus::Contacted, d(2024, 9, 4), None);
    data.intakes.push(k);
    let r = monthly_as_of(&data, FY25, after());
    assert_eq!(
        months(&r, Metric::NewRelationships),
        [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    );
    assert_eq!(r.row(Metric::NewRelationships).this.fytd.count, 2);
    assert_eq!(r.row(Metric::Intakes).previous.months[11].count, 1);
}

#[test]
fn consultations_and_teacher_pathway_by_date() {
    let mut data = base();
    let mut i = intake(1, 1, d(2024, 6, 30));
    i.services.push(Service::TeacherPathway);
    data.intakes.push(i);
    let mut j = intake(2, 2, d(2024, 7, 1));
    j.services = vec![Service::TeacherPathway];
    data.intakes.push(j);
    for (id, date) in [(1, d(2025, 6, 30)), (2, d(2025, 7, 1)), (3, d(2024, 12, 31))] {
        data.consultations.push(Consultation {
            id,
            intake_id: 1,
            date,
            minutes: 30,
            services: vec![],
            notes: String::new(),
        });
    }
    let r = monthly_as_of(&data, FY25, after());
    assert_eq!(
        months(&r, Metric::Consultations),
        [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]
    );
    assert_eq!(months(&r, Metric::TeacherPathway)[0], 1);
    assert_eq!(r.row(Metric::TeacherPathway).previous.months[11].count, 1);
}

#[test]
fn pl_sessions_attendance_and_people_each_once() {
    let mut data = base();
    for (id, date) in [
        (1, d(2024, 6, 30)),
        (2, d(2024, 7, 1)),
        (3, d(2024, 7, 31)),
        (4, d(2024, 8, 1)),
    ] {
        data.pl_sessions.push(PlSession {
            id,
            offering_id: 1,
            date,
            start: None,
            end: None,
            place: String::new(),
            facilitator: String::new(),
        });
    }
    let seats = [(1, 1), (2, 1), (2, 2), (3, 1), (4, 1), (99, 1)];
    for (n, (session, who)) in seats.into_iter().enumerate() {
        data.pl_attendance.push(PlAttendance {
            id: n as Id + 1,
            pl_session_id: session,
            employee_id: who,
        });
    }
    let r = monthly_as_of(&data, FY25, after());
    assert_eq!(months(&r, Metric::PlSessions)[..2], [2, 1]);
    assert_eq!(months(&r, Metric::PlAttendance)[..2], [3, 1]);
    assert_eq!(r.row(Metric::PlAttendance).this.fytd.count, 4);
    // Person 1 came in July twice and in August: once a month, once in the year.
    assert_eq!(months(&r, Metric::PlPeople)[..2], [2, 1]);
    assert_eq!(r.row(Metric::PlPeople).this.fytd.count, 2);
    assert_eq!(r.row(Metric::PlPeople).previous.months[11].count, 1);
    // An attendance whose session is missing is not counted anywhere.
    assert_eq!(r.row(Metric::PlAttendance).previous.fytd.count, 1);
}

#[test]
fn popups_by_date_and_location_type_only() {
    let mut data = base();
    for (id, date, loc) in [
        (1, d(2024, 6, 30), 1),
        (2, d(2024, 7, 1), 1),
        (3, d(2024, 7, 2), 2),
    ] {
        data.popups.push(PopUpEvent {
            id,
            date,
            location_id: loc,
            note: String::new(),
        });
    }
    let r = monthly_as_of(&data, FY25, after());
    let row = r.row(Metric::PopUps);
    assert_eq!(months(&r, Metric::PopUps)[0], 2);
    assert!(row.groups[Dimension::Chapter.index()].is_empty());
    let kinds = &row.groups[Dimension::LocationType.index()];
    let label = |g: usize| r.group_labels[2][g].as_str();
    let count_of = |name: &str| {
        kinds
            .iter()
            .find(|(g, _)| label(*g) == name)
            .map(|(_, s)| s.fytd.count)
    };
    assert_eq!(count_of("elementary school"), Some(1));
    assert_eq!(count_of("depot"), Some(1));
    assert_eq!(
        count_of(NOT_RECORDED),
        None,
        "empty 'not recorded' group is left out"
    );
}

fn pair(id: Id, mentee: Id, started: NaiveDate, ended: Option<NaiveDate>) -> MentoringPair {
    MentoringPair {
        id,
        mentor_id: 1,
        mentee_id: mentee,
        started,
        ended,
        end_reason: None,
        notes: String::new(),
    }
}

#[test]
fn active_pairs_by_month_and_each_once_a_year() {
    let mut data = base();
    // Ends on July 1: active in June, not in July (is_active ends the day before).
    data.pairs.push(pair(1, 1, d(2024, 6, 30), Some(d(2024, 7, 1))));
    // Ends on July 2: active one day of July.
    data.pairs.push(pair(2, 2, d(2024, 6, 1), Some(d(2024, 7, 2))));
    // Signed on June 30 2025: active in FY25's June only.
    data.pairs.push(pair(3, 3, d(2025, 6, 30), None));
    let r = monthly_as_of(&data, FY25, after());
    let row = r.row(Metric::ActivePairs);
    assert_eq!(
        months(&r, Metric::ActivePairs),
        [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    );
    assert_eq!(row.this.fytd.count, 2);
    assert_eq!(row.previous.months[11].count, 2);
    // Pair 3 runs on into FY26: counted every month to today, once in the year.
    let r26 = monthly_as_of(&data, FY25.next(), after());
    assert_eq!(months(&r26, Metric::ActivePairs)[..3], [1, 1, 0]);
    assert_eq!(r26.row(Metric::ActivePairs).this.fytd.count, 1);
}

#[test]
fn logs_due_once_a_month_is_over_and_submitted_once_per_pair_and_month() {
    let mut data = base();
    data.pairs.push(pair(1, 1, d(2024, 6, 15), None));
    let log = |id, month: NaiveDate| MentorLog {
        id,
        pair_id: 1,
        month,
        hours: 1.0,
        topics: "confidential".into(),
        submitted: month,
    };
    data.logs = vec![
        log(1, d(2024, 6, 1)),
        log(2, d(2024, 7, 1)),
        log(3, d(2024, 7, 1)),
        log(4, d(2024, 9, 1)),
    ];
    let today = d(2024, 9, 10);
    let r = monthly_as_of(&data, FY25, today);
    assert_eq!(r.elapsed, 3);
    // June, July and August are over; September is not due yet.
    assert_eq!(months(&r, Metric::LogsDue)[..3], [1, 1, 0]);
    assert_eq!(r.row(Metric::LogsDue).previous.months[11].count, 1);
    assert_eq!(months(&r, Metric::LogsSubmitted)[..3], [1, 0, 1]);
    assert_eq!(r.row(Metric::LogsSubmitted).this.fytd.count, 2);
}

#[test]
fn ambassadors_and_coverage_at_month_end() {
    let mut data = base();
    let amb = |id, employee, start, end, primary| Ambassador {
        id,
        employee_id: employee,
        tenure_start: start,
        tenure_end: end,
        primary_location: primary,
        supported_locations: vec![1],
    };
    // Tenure ends June 30: active at June's end, gone by July's.
    data.ambassadors.push(amb(1, 1, d(2023, 1, 1), d(2024, 6, 30), 2));
    // Starts July 31: active at July's end.
    data.ambassadors
        .push(amb(2, 2, d(2024, 7, 31), d(2026, 1, 30), 1));
    let r = monthly_as_of(&data, FY25, d(2024, 9, 10));
    assert_eq!(months(&r, Metric::AmbassadorsActive)[..3], [1, 1, 1]);
    assert_eq!(r.row(Metric::AmbassadorsActive).previous.months[11].count, 1);
    // June: depot 100 + Maple 40; July on: Maple only, counted once.
    assert_eq!(r.row(Metric::EmployeesCovered).previous.months[11].count, 140);
    assert_eq!(months(&r, Metric::EmployeesCovered)[..3], [40, 40, 40]);
    // Year to date is the latest level, not a sum.
    assert_eq!(r.row(Metric::EmployeesCovered).this.fytd.count, 40);
    // The month in progress counts as of today: nothing for months not begun.
    assert_eq!(months(&r, Metric::AmbassadorsActive)[3], 0);
}

#[test]
fn leadership_rate_is_present_over_marked_by_session_date() {
    let mut data = base();
    data.cohorts.push(Cohort {
        id: 1,
        fiscal_year: 2025,
        rule: CompletionRule::default(),
    });
    data.participants.push(Participant {
        id: 1,
        cohort_id: 1,
        employee_id: 1,
        role: "Secretary".into(),
        status: ParticipantStatus::Active,
    });
    data.participants.push(Participant {
        id: 2,
        cohort_id: 1,
        employee_id: 2,
        role: "Bus driver".into(),
        status: ParticipantStatus::Active,
    });
    let session = |id, date| LeadershipSession {
        id,
        cohort_id: 1,
        number: id as u8,
        date,
        start: chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        end: chrono::NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        location: String::new(),
        room: String::new(),
        topic: "t".into(),
        facilitator: String::new(),
    };
    data.sessions = vec![
        session(1, d(2024, 6, 30)),
        session(2, d(2024, 7, 1)),
        session(3, d(2024, 8, 31)),
    ];
    let mark = |id, p, s, mark| AttendanceMark {
        id,
        participant_id: p,
        session_id: s,
        mark,
    };
    data.attendance = vec![
        mark(1, 1, 1, Attendance::Present),
        mark(2, 1, 2, Attendance::Present),
        mark(3, 2, 2, Attendance::Absent),
        mark(4, 1, 3, Attendance::Present),
        mark(5, 2, 3, Attendance::Excused),
    ];
    let r = monthly_as_of(&data, FY25, after());
    let row = r.row(Metric::LeadershipRate);
    assert_eq!(row.this.months[0], Figure { count: 1, of: 2 });
    assert_eq!(row.this.months[0].cell(Total::Rate), "50%");
    assert_eq!(row.this.months[2].cell(Total::Rate), "—");
    assert_eq!(row.this.fytd, Figure { count: 2, of: 4 });
    assert_eq!(row.this.fytd.csv(Total::Rate), "50.0");
    assert_eq!(row.previous.months[11].cell(Total::Rate), "100%");
    // By chapter: the N/A participant attended none of hers.
    let chapters = &row.groups[Dimension::Chapter.index()];
    let na = r.group_labels[0].iter().position(|c| c == NO_CHAPTER).unwrap();
    let s = chapters.iter().find(|(g, _)| *g == na).unwrap().1;
    assert_eq!(s.fytd, Figure { count: 0, of: 2 });
}

#[test]
fn breakdowns_by_chapter_race_and_location_type() {
    let mut data = base();
    data.intakes.push(intake(1, 1, d(2024, 7, 1)));
    data.intakes.push(intake(2, 2, d(2024, 7, 2)));
    data.intakes.push(intake(3, 3, d(2024, 8, 2)));
    data.intakes.push(intake(4, 99, d(2024, 8, 3)));
    // A person from an intake: chapter unknown, counted apart from N/A.
    data.employees.push(employee(4, "", Race::Unknown, None));
    data.reindex();
    data.intakes.push(intake(5, 4, d(2024, 8, 4)));
    let r = monthly_as_of(&data, FY25, after());
    let row = r.row(Metric::Intakes);
    let find = |dim: Dimension, name: &str| {
        row.groups[dim.index()]
            .iter()
            .find(|(g, _)| r.group_labels[dim.index()][*g] == name)
            .map(|(_, s)| s.months[0].count + s.months[1].count)
    };
    assert_eq!(r.group_labels[0].last().unwrap(), NOT_RECORDED);
    assert_eq!(r.group_labels[0][r.group_labels[0].len() - 2], UNKNOWN_CHAPTER);
    assert_eq!(r.group_labels[0][r.group_labels[0].len() - 3], NO_CHAPTER);
    assert_eq!(find(Dimension::Chapter, NO_CHAPTER), Some(1));
    assert_eq!(find(Dimension::Chapter, UNKNOWN_CHAPTER), Some(1));
    assert_eq!(find(Dimension::Chapter, "Bus Drivers"), Some(1));
    assert_eq!(find(Dimension::Chapter, NOT_RECORDED), Some(1));
    assert_eq!(find(Dimension::Race, "Hispanic"), Some(1));
    assert_eq!(
        find(Dimension::Race, "Asian"),
        Some(0),
        "groups with none are listed"
    );
    assert_eq!(find(Dimension::LocationType, "depot"), Some(1));
    // Employees 3 and 4 have no location; employee 99 no record: all "not recorded".
    assert_eq!(find(Dimension::LocationType, NOT_RECORDED), Some(3));
    assert_eq!(find(Dimension::Race, "Unknown"), Some(1));
    // The groups add up to the total.
    let sum: u64 = row.groups[2].iter().map(|(_, s)| s.fytd.count).sum();
    assert_eq!(sum, row.this.fytd.count);
}

#[test]
fn year_to_date_compares_the_same_months_and_skips_the_future() {
    let mut data = base();
    for (n, date) in [d(2023, 8, 1), d(2023, 10, 1), d(2024, 9, 15), d(2024, 9, 16)]
        .into_iter()
        .enumerate()
    {
        data.intakes.push(intake(n as Id + 1, 1, date));
    }
    let today = d(2024, 9, 15);
    let r = monthly_as_of(&data, FY25, today);
    assert_eq!(r.elapsed, 3);
    assert_eq!(r.fytd_span(), "Jul–Sep");
    let row = r.row(Metric::Intakes);
    // September 16 is after today: not counted yet.
    assert_eq!(row.this.fytd.count, 1);
    // The previous year's October is outside the same months.
    assert_eq!(row.previous.fytd.count, 1);
    assert_eq!(row.previous.months[3].count, 1);
    assert!(r.has_begun(2) && !r.has_begun(3));
    // Records reach back to August 2023: July 2023 has no data, August does.
    assert!(!row.previous_has_data[0]);
    assert!(row.previous_has_data[1]);
    // A future year has nothing begun.
    assert_eq!(monthly_as_of(&data, FiscalYear(2027), today).elapsed, 0);
}

#[test]
fn a_whole_year_counts_as_if_it_were_over() {
    let mut data = base();
    data.intakes.push(intake(1, 1, d(2025, 6, 30)));
    let r = monthly(&data, FY25);
    assert_eq!(r.elapsed, 12);
    assert_eq!(r.row(Metric::Intakes).this.fytd.count, 1);
    assert_eq!(r, monthly_as_of(&data, FY25, d(2025, 6, 30)));
}

#[test]
fn cells_stay_short() {
    let f = |count| Figure { count, of: 0 };
    assert_eq!(f(9_999).cell(Total::Sum), "9999");
    assert_eq!(f(12_345).cell(Total::Sum), "12k");
    assert_eq!(f(12_345).csv(Total::Sum), "12345");
    assert_eq!(Figure::default().csv(Total::Rate), "");
}

#[test]
fn teachers_by_fiscal_year_with_the_change_from_the_year_before() {
    let mut data = base();
    let hired = [
        d(2023, 6, 30),
        d(2023, 7, 1),
        d(2023, 9, 1),
        d(2025, 7, 1),
        d(2025, 8, 1),
        d(2025, 9, 1),
    ];
    data.teacher_outcomes = hired
        .iter()
        .enumerate()
        .map(|(i, &hired)| TeacherOutcome {
            id: i as Id + 1,
            employee_id: 1,
            hired,
            school_year: String::new(),
            partner_program: String::new(),
        })
        .collect();
    let years = teachers_by_year(&data, d(2025, 8, 15));
    let got: Vec<(i32, u64, Option<f64>, bool)> = years
        .iter()
        .map(|y| (y.year.0, y.count, y.change, y.to_date))
        .collect();
    // FY23: June 30; FY24: two; FY25: none (a year with none is listed); FY26 runs, the
    // September hire is after today and not counted yet.
    assert_eq!(
        got,
        vec![
            (2023, 1, None, false),
            (2024, 2, Some(100.0), false),
            (2025, 0, Some(-100.0), false),
            (2026, 2, None, true),
        ]
    );
    assert!(teachers_by_year(&Dataset::default(), d(2025, 8, 15)).is_empty());
    let report = monthly(&data, FiscalYear(2024));
    assert_eq!(report.row(Metric::BecameTeachers).this.fytd.count, 2);
}
