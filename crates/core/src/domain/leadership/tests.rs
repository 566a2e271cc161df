//! The leadership rules' tests, beside the rules (kept apart so leadership.rs stays readable).

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn sessions() -> Vec<LeadershipSession> {
    (1..=8)
        .map(|n| LeadershipSession {
            id: n as Id,
            cohort_id: 1,
            number: n,
            date: d(2024, 10, 1) + chrono::Duration::days(30 * n as i64),
            start: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            location: String::new(),
            room: String::new(),
            topic: format!("Topic {n}"),
            facilitator: String::new(),
        })
        .collect()
}

fn marks(present: &[u8]) -> Vec<AttendanceMark> {
    (1..=8u8)
        .map(|n| AttendanceMark {
            id: n as Id,
            participant_id: 7,
            session_id: n as Id,
            mark: if present.contains(&n) {
                Attendance::Present
            } else {
                Attendance::Absent
            },
        })
        .collect()
}

#[test]
fn completion_rule() {
    let s = sessions();
    let rule = CompletionRule::default();
    let after = d(2026, 1, 1);
    let st = |p: &[u8]| completion_status(&rule, &s, &marks(p), 7, after);
    assert_eq!(st(&[1, 2, 3, 4, 5, 8]), CompletionStatus::Completed);
    assert_eq!(st(&[1, 2, 3, 4, 5, 6, 7]), CompletionStatus::CannotComplete);
    assert_eq!(st(&[1, 2, 3, 4, 8]), CompletionStatus::CannotComplete);
    // Midway: three missed of the first four still leaves 1 + 4 = 5 < 6.
    let mid = s[4].date;
    let m: Vec<_> = marks(&[1]).into_iter().filter(|m| m.session_id <= 4).collect();
    assert_eq!(
        completion_status(&rule, &s, &m, 7, mid),
        CompletionStatus::CannotComplete
    );
    let m: Vec<_> = marks(&[1, 2, 3])
        .into_iter()
        .filter(|m| m.session_id <= 4)
        .collect();
    assert_eq!(
        completion_status(&rule, &s, &m, 7, mid),
        CompletionStatus::OnTrack
    );
    let loose = CompletionRule {
        min_sessions: 6,
        require_final: false,
    };
    assert_eq!(
        completion_status(&loose, &s, &marks(&[1, 2, 3, 4, 5, 6]), 7, after),
        CompletionStatus::Completed
    );
}

#[test]
fn rates() {
    assert_eq!(attendance_rate(marks(&[1, 2, 3, 4, 5, 6]).iter()), Some(75.0));
    assert_eq!(attendance_rate([].iter()), None);
}

#[test]
fn rule_must_be_reachable() {
    let r = |min, require_final| CompletionRule {
        min_sessions: min,
        require_final,
    };
    assert!(r(6, true).validate(8).is_ok());
    assert!(r(8, false).validate(8).is_ok());
    assert_eq!(r(9, true).validate(8).unwrap_err().field, "minimum sessions");
    assert!(r(0, true).validate(8).is_err());
    assert!(
        r(12, true).validate(0).is_ok(),
        "no sessions yet: any positive rule"
    );
    assert_eq!(
        CompletionRule::default().describe(),
        "attend at least 6 sessions and the final session"
    );
}

#[test]
fn final_session_is_the_highest_number_and_still_reachable_before_it() {
    let s = sessions();
    let rule = CompletionRule::default();
    // Before session 8: 5 present + session 8 to come = 6, with the final still possible.
    let before_final = s[7].date;
    let m: Vec<_> = marks(&[1, 2, 3, 4, 5])
        .into_iter()
        .filter(|m| m.session_id <= 7)
        .collect();
    assert_eq!(
        completion_status(&rule, &s, &m, 7, before_final),
        CompletionStatus::OnTrack
    );
    // The day after: the final was missed.
    assert_eq!(
        completion_status(&rule, &s, &m, 7, before_final + chrono::Duration::days(1)),
        CompletionStatus::CannotComplete
    );
    // Excused in advance for the final: it will not be attended.
    let mut early: Vec<_> = marks(&[1, 2, 3, 4, 5, 6])
        .into_iter()
        .filter(|m| m.session_id <= 6)
        .collect();
    early.push(AttendanceMark {
        id: 99,
        participant_id: 7,
        session_id: 8,
        mark: Attendance::Excused,
    });
    assert_eq!(
        completion_status(&rule, &s, &early, 7, s[6].date),
        CompletionStatus::CannotComplete
    );
    early.pop();
    assert_eq!(
        completion_status(&rule, &s, &early, 7, s[6].date),
        CompletionStatus::OnTrack
    );
    // Excused is not attended.
    let mut excused = marks(&[1, 2, 3, 4, 5, 8]);
    excused[4].mark = Attendance::Excused;
    assert_eq!(
        completion_status(&rule, &s, &excused, 7, d(2026, 1, 1)),
        CompletionStatus::CannotComplete
    );
}

#[test]
fn summary_rates_by_participant_and_session() {
    let s = sessions();
    let cohort = Cohort {
        id: 1,
        fiscal_year: 2025,
        rule: CompletionRule::default(),
    };
    let people: Vec<Participant> = [7, 8, 9]
        .iter()
        .map(|&id| Participant {
            id,
            cohort_id: 1,
            employee_id: id * 10,
            role: "Bus Operator".into(),
            status: if id == 9 {
                ParticipantStatus::Withdrawn
            } else {
                ParticipantStatus::Active
            },
        })
        .collect();
    let mut all = marks(&[1, 2, 3, 4, 5, 6, 8]);
    // Participant 8: present at 1, absent at 2, nothing else marked.
    all.push(AttendanceMark {
        id: 100,
        participant_id: 8,
        session_id: 1,
        mark: Attendance::Present,
    });
    all.push(AttendanceMark {
        id: 101,
        participant_id: 8,
        session_id: 2,
        mark: Attendance::Absent,
    });
    // A mark of another cohort's session is ignored.
    all.push(AttendanceMark {
        id: 102,
        participant_id: 8,
        session_id: 99,
        mark: Attendance::Present,
    });
    let sum = CohortSummary::build(&cohort, people, &s, &all, d(2026, 1, 1));
    assert_eq!(sum.sessions.len(), 8);
    assert_eq!(sum.person_rate[0], Some(87.5));
    assert_eq!(sum.person_rate[1], Some(50.0));
    assert_eq!(sum.person_rate[2], None);
    assert_eq!(sum.attended, vec![7, 1, 0]);
    assert_eq!(sum.session_rate[0], Some(100.0));
    assert_eq!(sum.session_rate[1], Some(50.0));
    assert_eq!(sum.session_rate[6], Some(0.0));
    assert_eq!(sum.completion[0], Some(CompletionStatus::Completed));
    assert_eq!(sum.completion[1], Some(CompletionStatus::CannotComplete));
    assert_eq!(sum.completion[2], None, "withdrawn");
    assert_eq!(sum.counts(), (1, 0, 1, 1));
    assert_eq!(sum.completed_rows().collect::<Vec<_>>(), vec![0]);
    assert_eq!(rate_label(sum.person_rate[0]), "88%");
    assert_eq!(rate_label(None), "—");
    assert_eq!(sum.next_session(d(2024, 11, 15)).map(|x| x.number), Some(2));
    assert!(sum.next_session(d(2026, 1, 1)).is_none());
}

#[test]
fn profile_percentages_have_one_decimal() {
    let races = ["White"; 6]
        .into_iter()
        .chain(["Black or African American"; 5])
        .chain(["Hispanic"; 4])
        .map(String::from);
    let b = breakdown(races);
    let got: Vec<(&str, usize, &str)> = b
        .iter()
        .map(|s| (s.label.as_str(), s.count, s.percent.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("White", 6, "40.0%"),
            ("Black or African American", 5, "33.3%"),
            ("Hispanic", 4, "26.7%")
        ]
    );
    assert_eq!(crate::text::percent(1, 0), "—");
    assert!(breakdown(Vec::<String>::new()).is_empty());
}

#[test]
fn times_as_people_type_them() {
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert_eq!(parse_time("08:00"), Ok(t(8, 0)));
    assert_eq!(parse_time("8:30"), Ok(t(8, 30)));
    assert_eq!(parse_time("16:00"), Ok(t(16, 0)));
    assert_eq!(parse_time("4:00 PM"), Ok(t(16, 0)));
    assert_eq!(parse_time("4pm"), Ok(t(16, 0)));
    assert_eq!(parse_time("12am"), Ok(t(0, 0)));
    assert_eq!(parse_time("12:15 pm"), Ok(t(12, 15)));
    assert!(parse_time("").unwrap_err().contains("required"));
    assert!(parse_time("25:00").is_err());
    assert!(parse_time("13pm").is_err());
    assert!(parse_time("noon").unwrap_err().contains("\"noon\""));
    assert!(parse_time("8:000").is_err());
}

#[test]
fn sessions_need_a_number_of_their_own_and_a_date_in_the_year() {
    let s = sessions();
    let mut dup = s[2].clone();
    dup.id = 50;
    dup.date = d(2025, 6, 1);
    let e = dup.validate(&s).unwrap_err();
    assert_eq!((e.field, e.reason.contains("session 3")), ("number", true));
    let cohort = Cohort {
        id: 1,
        fiscal_year: 2025,
        rule: CompletionRule::default(),
    };
    let mut late = s[7].clone();
    late.date = d(2025, 7, 1);
    let e = late.validate_for(&cohort, &s).unwrap_err();
    assert_eq!(e.field, "date");
    assert!(e.reason.contains("outside FY25"), "{}", e.reason);
    let mut backwards = s[0].clone();
    backwards.end = NaiveTime::from_hms_opt(7, 0, 0).unwrap();
    assert_eq!(backwards.validate(&s).unwrap_err().field, "end");
    assert!(s[0].validate_for(&cohort, &s).is_ok());
}

#[test]
fn two_sessions_on_one_day_are_refused() {
    let s = sessions();
    let mut moved = s[1].clone();
    moved.date = s[0].date;
    let e = moved.validate(&s).unwrap_err();
    assert_eq!(e.field, "date");
    assert!(e.reason.contains("session 1"));
}
