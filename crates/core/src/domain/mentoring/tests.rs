//! The mentoring rules' tests, beside the rules (kept apart so mentoring.rs stays readable).

use super::*;
use crate::domain::Race;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn person(id: Id, hired: NaiveDate, in_position: NaiveDate) -> Employee {
    Employee {
        id,
        employee_number: format!("{id:06}"),
        first_name: "Test".into(),
        last_name: format!("Person{id}"),
        email: String::new(),
        position: "Secretary".into(),
        location_id: None,
        chapter: Some(NO_CHAPTER.into()),
        race: Race::Unknown,
        hire_date: Some(hired),
        position_start: Some(in_position),
        status: Some(EmploymentStatus::Permanent),
        in_evaluation: Some(false),
        retirement_date: None,
        supervisor_id: None,
    }
}

fn mentor(employee_id: Id) -> Mentor {
    Mentor {
        id: 10,
        employee_id,
        expertise: String::new(),
        active: true,
        joined: d(2020, 1, 1),
    }
}

#[test]
fn five_years_to_the_day() {
    let on = d(2025, 3, 1);
    let m = person(1, d(2020, 3, 1), d(2023, 1, 1));
    let mentee = person(2, d(2022, 1, 1), d(2022, 1, 1));
    assert!(pairing_problems(&mentor(1), &m, &mentee, &[], on).is_empty());
    let m = person(1, d(2020, 3, 2), d(2023, 1, 1));
    let p = pairing_problems(&mentor(1), &m, &mentee, &[], on);
    assert_eq!(
        p,
        vec!["mentor has 4 years 11 months of service; 5 years are required"]
    );
}

#[test]
fn one_year_in_position_to_the_day() {
    let on = d(2025, 3, 1);
    let mentee = person(2, d(2022, 1, 1), d(2022, 1, 1));
    let m = person(1, d(2010, 1, 1), d(2024, 3, 1));
    assert!(pairing_problems(&mentor(1), &m, &mentee, &[], on).is_empty());
    let m = person(1, d(2010, 1, 1), d(2024, 3, 2));
    let p = pairing_problems(&mentor(1), &m, &mentee, &[], on);
    assert_eq!(
        p,
        vec!["mentor has 0 years 11 months in the current position; 1 year is required"]
    );
}

#[test]
fn every_failing_rule_is_listed() {
    let on = d(2025, 3, 1);
    let m = person(1, d(2021, 11, 1), d(2024, 9, 1));
    let mut mentor = mentor(1);
    mentor.active = false;
    let mut mentee = person(2, d(2022, 1, 1), d(2022, 1, 1));
    mentee.supervisor_id = Some(1);
    mentee.status = Some(EmploymentStatus::Temporary);
    mentee.in_evaluation = Some(true);
    let pairs = vec![MentoringPair {
        id: 1,
        mentor_id: 99,
        mentee_id: 2,
        started: d(2025, 1, 1),
        ended: None,
        end_reason: None,
        notes: String::new(),
    }];
    let p = pairing_problems(&mentor, &m, &mentee, &pairs, on);
    assert_eq!(p.len(), 7, "{p:?}");
    assert!(p[0].text.contains("3 years 4 months of service"));
    assert!(p.iter().any(|s| s.text.contains("supervisor")));
    assert!(p.iter().any(|s| s.text.contains("temporary")));
    assert!(p.iter().any(|s| s.text.contains("PAR") && s.rests_on.is_some()));
    assert!(p.iter().any(|s| s.text.contains("already in an active pair")));
}

#[test]
fn ended_not_a_good_fit_can_pair_again_at_once() {
    let on = d(2025, 3, 1);
    let m = person(1, d(2010, 1, 1), d(2020, 1, 1));
    let mentee = person(2, d(2022, 1, 1), d(2022, 1, 1));
    let pairs = vec![MentoringPair {
        id: 1,
        mentor_id: 99,
        mentee_id: 2,
        started: d(2025, 1, 1),
        ended: Some(on),
        end_reason: Some(PairEndReason::NotAGoodFit),
        notes: String::new(),
    }];
    assert!(pairing_problems(&mentor(1), &m, &mentee, &pairs, on).is_empty());
}

#[test]
fn expiry_across_leap_years() {
    let mut p = MentoringPair {
        id: 1,
        mentor_id: 1,
        mentee_id: 2,
        started: d(2024, 2, 29),
        ended: None,
        end_reason: None,
        notes: String::new(),
    };
    assert_eq!(p.expires(), d(2025, 2, 28));
    assert!(p.ends_soon(d(2025, 2, 1)));
    assert!(!p.is_overdue(d(2025, 2, 28)));
    assert!(p.is_overdue(d(2025, 3, 1)));
    p.started = d(2023, 3, 1);
    assert_eq!(p.expires(), d(2024, 3, 1));
    assert_eq!(p.months_due(d(2023, 6, 15)).len(), 3);
}

#[test]
fn four_hours_a_month_at_most() {
    let log = |id, hours| MentorLog {
        id,
        pair_id: 1,
        month: d(2025, 1, 1),
        hours,
        topics: String::new(),
        submitted: d(2025, 1, 31),
    };
    assert!(log(1, 4.0).validate(&[]).is_ok());
    let e = log(1, 4.5).validate(&[]).unwrap_err();
    assert_eq!(e.field, "hours");
    assert!(e.reason.contains("at most 4 hours"));
    assert!(log(2, 1.5).validate(&[log(1, 3.0)]).is_err());
    assert!(log(2, 1.0).validate(&[log(1, 3.0)]).is_ok());
    assert!(log(1, 0.0).validate(&[]).is_err());
}

fn pair(started: NaiveDate) -> MentoringPair {
    MentoringPair {
        id: 1,
        mentor_id: 10,
        mentee_id: 2,
        started,
        ended: None,
        end_reason: None,
        notes: String::new(),
    }
}

#[test]
fn leap_day_hire_completes_five_years_on_feb_28() {
    let mentee = person(2, d(2022, 1, 1), d(2022, 1, 1));
    let m = person(1, d(2020, 2, 29), d(2020, 2, 29));
    assert!(pairing_problems(&mentor(1), &m, &mentee, &[], d(2025, 2, 28)).is_empty());
    let p = pairing_problems(&mentor(1), &m, &mentee, &[], d(2025, 2, 27));
    assert_eq!(
        p,
        vec!["mentor has 4 years 11 months of service; 5 years are required"]
    );
}

#[test]
fn each_rule_alone() {
    let on = d(2025, 3, 1);
    let ok_mentor = person(1, d(2010, 1, 1), d(2020, 1, 1));
    let ok_mentee = person(2, d(2022, 1, 1), d(2022, 1, 1));
    let only = |mentor: &Mentor, m: &Employee, mentee: &Employee, pairs: &[MentoringPair]| {
        let p = pairing_problems(mentor, m, mentee, pairs, on);
        assert_eq!(p.len(), 1, "{p:?}");
        p[0].clone()
    };
    let mut inactive = mentor(1);
    inactive.active = false;
    assert_eq!(
        only(&inactive, &ok_mentor, &ok_mentee, &[]),
        "mentor is not active"
    );
    let mut supervised = ok_mentee.clone();
    supervised.supervisor_id = Some(1);
    assert_eq!(
        only(&mentor(1), &ok_mentor, &supervised, &[]),
        "mentor is the mentee's supervisor"
    );
    let mut sub = ok_mentee.clone();
    sub.status = Some(EmploymentStatus::Substitute);
    assert_eq!(
        only(&mentor(1), &ok_mentor, &sub, &[]),
        "mentee is a substitute employee; mentees must be permanent"
    );
    let mut par = ok_mentee.clone();
    par.in_evaluation = Some(true);
    assert_eq!(
        only(&mentor(1), &ok_mentor, &par, &[]),
        "mentee is in PAR or special evaluation"
    );
    let running = pair(d(2025, 1, 10));
    assert_eq!(
        only(&mentor(1), &ok_mentor, &ok_mentee, std::slice::from_ref(&running)),
        "mentee is already in an active pair (signed 2025-01-10, runs to 2026-01-10)"
    );
    let old = pair(d(2023, 1, 10));
    assert!(
        only(&mentor(1), &ok_mentor, &ok_mentee, &[old])
            .text
            .contains("past its 12 months")
    );
    let mut unknown = ok_mentor.clone();
    unknown.hire_date = None;
    assert_eq!(
        only(&mentor(1), &unknown, &ok_mentee, &[]).text,
        "mentor's hire date unknown: add it on the person card (or import the HR roster) \
         (5 years of service are required)"
    );
    let self_pair = person(1, d(2010, 1, 1), d(2020, 1, 1));
    assert_eq!(
        only(&mentor(1), &ok_mentor, &self_pair, &[]),
        "a mentor cannot mentor themselves"
    );
    // A completed pair does not block a new one either.
    let mut done = pair(d(2024, 1, 10));
    done.ended = Some(d(2025, 1, 10));
    done.end_reason = Some(PairEndReason::Completed);
    assert!(pairing_problems(&mentor(1), &ok_mentor, &ok_mentee, &[done], on).is_empty());
}

#[test]
fn unknown_facts_are_not_met_and_say_where_to_fill_them() {
    let on = d(2025, 3, 1);
    let mut m = person(1, d(2010, 1, 1), d(2020, 1, 1));
    m.position_start = None;
    let mut mentee = Employee::unknown("2".into(), "Bo".into(), "Lee".into(), String::new());
    mentee.id = 2;
    let p = pairing_problems(&mentor(1), &m, &mentee, &[], on);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(
        p[0].text
            .starts_with("mentor's start date in the current position unknown: add it on the person card")
    );
    assert!(
        p[1].text
            .starts_with("mentee's employment status unknown: add it on the person card")
    );
    assert!(
        p[2].text
            .starts_with("mentee's PAR or special evaluation unknown: add it on the person card")
    );
    // Known and fine: nothing to say.
    mentee.status = Some(EmploymentStatus::Permanent);
    mentee.in_evaluation = Some(false);
    m.position_start = Some(d(2020, 1, 1));
    assert!(pairing_problems(&mentor(1), &m, &mentee, &[], on).is_empty());
}

#[test]
fn ending_soon_is_within_30_days() {
    let p = pair(d(2025, 1, 15));
    assert_eq!(p.expires(), d(2026, 1, 15));
    assert!(!p.ends_soon(d(2025, 12, 15)), "31 days left");
    assert!(p.ends_soon(d(2025, 12, 16)), "30 days left");
    assert!(p.ends_soon(d(2026, 1, 15)), "last day");
    assert!(!p.ends_soon(d(2026, 1, 16)));
    assert!(p.is_overdue(d(2026, 1, 16)));
    let mut ended = p.clone();
    ended.ended = Some(d(2025, 12, 20));
    assert!(!ended.ends_soon(d(2025, 12, 20)));
    assert!(!ended.is_overdue(d(2026, 2, 1)));
}

#[test]
fn expiry_from_month_ends_and_leap_days() {
    assert_eq!(pair(d(2023, 2, 28)).expires(), d(2024, 2, 28));
    assert_eq!(pair(d(2023, 3, 31)).expires(), d(2024, 3, 31));
    assert_eq!(pair(d(2027, 2, 28)).expires(), d(2028, 2, 28));
    assert_eq!(pair(d(2028, 2, 29)).expires(), d(2029, 2, 28));
    // Past 12 months only the day after the last day, across a leap day.
    let p = pair(d(2023, 3, 1));
    assert!(!p.is_overdue(d(2024, 3, 1)));
    assert!(p.is_overdue(d(2024, 3, 2)));
    assert_eq!(p.months_due(d(2025, 1, 1)).len(), 13, "Mar 2023 .. Mar 2024");
}

#[test]
fn ending_a_pair_within_its_months() {
    let p = pair(d(2024, 2, 29));
    assert!(check_end(&p, d(2024, 2, 29)).is_ok());
    assert!(check_end(&p, d(2025, 2, 28)).is_ok());
    let e = check_end(&p, d(2025, 3, 1)).unwrap_err();
    assert_eq!(e.field, "end date");
    assert!(e.reason.contains("2025-02-28"), "{}", e.reason);
    assert!(check_end(&p, d(2024, 2, 28)).is_err());
}

#[test]
fn missing_months_are_the_due_ones_without_a_log() {
    let p = pair(d(2025, 1, 20));
    let log = |month| MentorLog {
        id: 1,
        pair_id: 1,
        month,
        hours: 1.0,
        topics: String::new(),
        submitted: month,
    };
    let logs = [log(d(2025, 1, 1)), log(d(2025, 3, 1))];
    // On 2025-04-10 January, February and March are due; April is not yet.
    assert_eq!(missing_months(&p, &logs, d(2025, 4, 10)), vec![d(2025, 2, 1)]);
    assert!(missing_months(&p, &logs, d(2025, 1, 25)).is_empty());
}

#[test]
fn months_as_people_type_them() {
    assert_eq!(parse_month("2026-10"), Ok(d(2026, 10, 1)));
    assert_eq!(parse_month("10/2026"), Ok(d(2026, 10, 1)));
    assert_eq!(parse_month("2026-10-17"), Ok(d(2026, 10, 1)));
    assert_eq!(parse_month("10/17/2026"), Ok(d(2026, 10, 1)));
    assert!(parse_month("2026-13").unwrap_err().contains("YYYY-MM"));
    assert!(parse_month("october").is_err());
    assert!(parse_month("").is_err());
}

#[test]
fn a_log_must_fall_within_its_pair() {
    let mut p = pair(d(2025, 1, 20));
    let today = d(2025, 6, 10);
    let log = |month, submitted| MentorLog {
        id: 0,
        pair_id: 1,
        month,
        hours: 2.0,
        topics: "goals".into(),
        submitted,
    };
    assert!(
        log(d(2025, 1, 1), d(2025, 2, 1))
            .check_for_pair(&p, &[], today)
            .is_ok()
    );
    assert!(log(d(2025, 6, 1), today).check_for_pair(&p, &[], today).is_ok());
    let e = log(d(2024, 12, 1), today)
        .check_for_pair(&p, &[], today)
        .unwrap_err();
    assert_eq!(e.field, "month");
    let e = log(d(2025, 7, 1), today)
        .check_for_pair(&p, &[], today)
        .unwrap_err();
    assert!(e.reason.contains("not begun"));
    let e = log(d(2025, 5, 1), d(2025, 6, 11))
        .check_for_pair(&p, &[], today)
        .unwrap_err();
    assert_eq!(e.field, "submitted");
    assert!(e.reason.contains("is after today (2025-06-10)"), "{e}");
    p.ended = Some(d(2025, 3, 5));
    let e = log(d(2025, 4, 1), today)
        .check_for_pair(&p, &[], today)
        .unwrap_err();
    assert!(e.reason.contains("ended in March 2025"), "{}", e.reason);
    // The 4-hour rule counts the other logs of the same month.
    let other = MentorLog {
        id: 7,
        ..log(d(2025, 2, 1), d(2025, 3, 1))
    };
    let e = MentorLog {
        hours: 2.5,
        ..log(d(2025, 2, 1), today)
    }
    .check_for_pair(&p, &[other], today)
    .unwrap_err();
    assert_eq!(
        e.reason,
        "4.5 hours in February 2025 for this pair; a mentor meets at most 4 hours a month"
    );
}

#[test]
fn chapters_without_a_mentor_come_first() {
    let chapters: Vec<String> = ["Fiscal", "Maintenance", "Transportation", NO_CHAPTER]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let rows = chapter_coverage(&chapters, ["Transportation", "Fiscal", "Fiscal"]);
    let shown: Vec<(&str, usize)> = rows
        .iter()
        .map(|r| (r.chapter.as_str(), r.active_mentors))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("Maintenance", 0),
            ("Fiscal", 2),
            ("Transportation", 1),
            (NO_CHAPTER, 0)
        ]
    );
    assert!(rows[0].is_gap());
    assert!(!rows[3].is_gap(), "N/A is not a union chapter");
}
