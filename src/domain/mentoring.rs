//! The mentoring program's rules: who may mentor whom, 12-month pairs, monthly logs of at most 4 hours.

use super::{
    Employee, EmploymentStatus, FieldError, Id, add_months, describe_years_months, years_months_between,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MENTOR_MIN_YEARS_OF_SERVICE: u32 = 5;
pub const MENTOR_MIN_YEARS_IN_POSITION: u32 = 1;
pub const PAIR_MAX_MONTHS: u32 = 12;
pub const LOG_MAX_HOURS_PER_MONTH: f32 = 4.0;
pub const ENDING_SOON_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mentor {
    pub id: Id,
    pub employee_id: Id,
    pub expertise: String,
    pub active: bool,
    pub joined: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PairEndReason {
    Completed,
    NotAGoodFit,
    Other,
}
crate::choice!(PairEndReason {
    Completed => "completed",
    NotAGoodFit => "not a good fit",
    Other => "other",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentoringPair {
    pub id: Id,
    pub mentor_id: Id,
    /// The mentee's employee id.
    pub mentee_id: Id,
    /// The date the agreement was signed.
    pub started: NaiveDate,
    pub ended: Option<NaiveDate>,
    pub end_reason: Option<PairEndReason>,
    pub notes: String,
}

impl MentoringPair {
    /// The last day the pair may run: 12 months after it starts.
    pub fn expires(&self) -> NaiveDate {
        add_months(self.started, PAIR_MAX_MONTHS)
    }

    pub fn is_active(&self, on: NaiveDate) -> bool {
        self.started <= on && self.ended.is_none_or(|e| e > on)
    }

    /// Active and past its 12 months.
    pub fn is_overdue(&self, on: NaiveDate) -> bool {
        self.is_active(on) && on > self.expires()
    }

    pub fn ends_soon(&self, on: NaiveDate) -> bool {
        let left = (self.expires() - on).num_days();
        self.is_active(on) && (0..=ENDING_SOON_DAYS).contains(&left)
    }

    /// The first days of each month the pair owes a log for, up to `on` (exclusive of the
    /// current month, which is not yet due).
    pub fn months_due(&self, on: NaiveDate) -> Vec<NaiveDate> {
        let last = self.ended.unwrap_or(on).min(on).min(self.expires());
        let mut months = Vec::new();
        let mut m = first_of_month(self.started);
        let current = first_of_month(on);
        while m <= last && m < current {
            months.push(m);
            m = add_months(m, 1);
        }
        months
    }
}

pub fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day0(0).unwrap_or(d)
}
use chrono::Datelike;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentorLog {
    pub id: Id,
    pub pair_id: Id,
    /// First day of the month the log covers.
    pub month: NaiveDate,
    pub hours: f32,
    pub topics: String,
    pub submitted: NaiveDate,
}

impl MentorLog {
    /// Checks the log on its own and against the other logs of the same pair and month.
    pub fn validate(&self, others: &[MentorLog]) -> Result<(), FieldError> {
        if self.hours.is_nan() || self.hours <= 0.0 {
            return Err(FieldError::new("hours", "hours must be more than 0"));
        }
        let month = first_of_month(self.month);
        let already: f32 = others
            .iter()
            .filter(|l| l.id != self.id && l.pair_id == self.pair_id && first_of_month(l.month) == month)
            .map(|l| l.hours)
            .sum();
        let total = already + self.hours;
        if total > LOG_MAX_HOURS_PER_MONTH + f32::EPSILON {
            return Err(FieldError::new(
                "hours",
                format!(
                    "{total:.1} hours in {} for this pair; a mentor meets at most 4 hours a month",
                    month.format("%B %Y")
                ),
            ));
        }
        if self.submitted < month {
            return Err(FieldError::new(
                "submitted",
                "submitted before the month it covers",
            ));
        }
        Ok(())
    }
}

/// Everything that makes a pairing refused, each in words a person understands.
pub fn pairing_problems(
    mentor: &Mentor,
    mentor_employee: &Employee,
    mentee: &Employee,
    pairs: &[MentoringPair],
    on: NaiveDate,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mentor_name = mentor_employee.full_name();
    match mentor_employee.hire_date {
        None => problems.push(format!(
            "{mentor_name}'s hire date is unknown; 5 years of service are required"
        )),
        Some(h) => {
            let (y, m) = years_months_between(h, on);
            if y < MENTOR_MIN_YEARS_OF_SERVICE || h > on {
                problems.push(format!(
                    "mentor has {} of service; 5 years are required",
                    describe_years_months(y, m)
                ));
            }
        }
    }
    match mentor_employee.position_start {
        None => problems.push(
            "mentor's start date in the current position is unknown; 1 year in the position is required"
                .into(),
        ),
        Some(p) => {
            let (y, m) = years_months_between(p, on);
            if y < MENTOR_MIN_YEARS_IN_POSITION || p > on {
                problems.push(format!(
                    "mentor has {} in the current position; 1 year is required",
                    describe_years_months(y, m)
                ));
            }
        }
    }
    if !mentor.active {
        problems.push("mentor is not active".into());
    }
    if mentee.supervisor_id == Some(mentor_employee.id) {
        problems.push("mentor is the mentee's supervisor".into());
    }
    if mentor_employee.id == mentee.id {
        problems.push("a mentor cannot mentor themselves".into());
    }
    if mentee.status != EmploymentStatus::Permanent {
        problems.push(format!(
            "mentee is a {} employee; mentees must be permanent",
            crate::domain::Choice::label(mentee.status)
        ));
    }
    if mentee.in_evaluation {
        problems.push("mentee is in PAR or special evaluation".into());
    }
    if pairs.iter().any(|p| p.mentee_id == mentee.id && p.is_active(on)) {
        problems.push("mentee is already in an active pair".into());
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{NO_CHAPTER, Race};

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
            chapter: NO_CHAPTER.into(),
            race: Race::Unknown,
            hire_date: Some(hired),
            position_start: Some(in_position),
            status: EmploymentStatus::Permanent,
            in_evaluation: false,
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
        mentee.status = EmploymentStatus::Temporary;
        mentee.in_evaluation = true;
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
        assert!(p[0].contains("3 years 4 months of service"));
        assert!(p.iter().any(|s| s.contains("supervisor")));
        assert!(p.iter().any(|s| s.contains("temporary")));
        assert!(p.iter().any(|s| s.contains("PAR")));
        assert!(p.iter().any(|s| s.contains("already in an active pair")));
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
}
