//! The mentoring program's rules: who may mentor whom, 12-month pairs, monthly logs of at most 4 hours.

use super::{
    Employee, EmploymentStatus, FieldError, Id, NO_CHAPTER, add_months, describe_years_months,
    years_months_between,
};
use crate::privacy::{Rule, Sensitive};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MENTOR_MIN_YEARS_OF_SERVICE: u32 = 5;
pub const MENTOR_MIN_YEARS_IN_POSITION: u32 = 1;
pub const PAIR_MAX_MONTHS: u32 = 12;
pub const LOG_MAX_HOURS_PER_MONTH: f32 = 4.0;
pub const ENDING_SOON_DAYS: i64 = 30;

/// Where a rule's missing fact is entered, said by every "unknown" refusal.
pub const WHERE_TO_FILL: &str = "add it on the person card (or import the HR roster)";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mentor {
    pub id: Id,
    pub employee_id: Id,
    pub expertise: String,
    pub active: bool,
    #[serde(with = "crate::domain::dates")]
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
    #[serde(with = "crate::domain::dates")]
    pub started: NaiveDate,
    #[serde(with = "crate::domain::dates::option")]
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
    #[serde(with = "crate::domain::dates")]
    pub month: NaiveDate,
    pub hours: f32,
    pub topics: String,
    #[serde(with = "crate::domain::dates")]
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
                    "{} in {} for this pair; a mentor meets at most 4 hours a month",
                    crate::text::amount(f64::from(total), "hour"),
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

/// Why this mentor cannot take a mentee on `on`: service, time in position, active. Empty if none.
pub fn mentor_problems(mentor: &Mentor, mentor_employee: &Employee, on: NaiveDate) -> Vec<String> {
    let mut problems = Vec::new();
    match mentor_employee.hire_date {
        None => problems.push(format!(
            "mentor's hire date unknown: {WHERE_TO_FILL} (5 years of service are required)"
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
        None => problems.push(format!(
            "mentor's start date in the current position unknown: {WHERE_TO_FILL} \
             (1 year in the position is required)"
        )),
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
    problems
}

/// Why this employee cannot be a mentee on `on`: status, evaluation, a pair still running. The
/// evaluation rule rests on a personal fact, so a masked output does not name it.
pub fn mentee_problems(mentee: &Employee, pairs: &[MentoringPair], on: NaiveDate) -> Vec<Rule> {
    let mut problems = Vec::new();
    match mentee.status {
        Some(EmploymentStatus::Permanent) => {}
        Some(other) => problems.push(Rule::new(format!(
            "mentee is a {} employee; mentees must be permanent",
            crate::domain::Choice::label(other)
        ))),
        None => problems.push(Rule::new(format!(
            "mentee's employment status unknown: {WHERE_TO_FILL} (mentees must be permanent)"
        ))),
    }
    match mentee.in_evaluation {
        Some(false) => {}
        Some(true) => problems.push(Rule::about(
            Sensitive::Evaluation,
            "mentee is in PAR or special evaluation",
        )),
        // Whether someone is in PAR is itself personal: even "unknown" rests on it.
        None => problems.push(Rule::about(
            Sensitive::Evaluation,
            format!(
                "mentee's PAR or special evaluation unknown: {WHERE_TO_FILL} \
                 (mentees may not be in PAR or special evaluation)"
            ),
        )),
    }
    for p in pairs
        .iter()
        .filter(|p| p.mentee_id == mentee.id && p.is_active(on))
    {
        problems.push(Rule::new(if p.is_overdue(on) {
            format!(
                "mentee is already in an active pair (signed {}) that is past its 12 months; end that pair first",
                p.started
            )
        } else {
            format!(
                "mentee is already in an active pair (signed {}, runs to {})",
                p.started,
                p.expires()
            )
        }));
    }
    problems
}

/// Everything that makes a pairing refused, each in words a person understands. `on` is the day
/// the agreement is signed: the rules hold at the moment of pairing.
pub fn pairing_problems(
    mentor: &Mentor,
    mentor_employee: &Employee,
    mentee: &Employee,
    pairs: &[MentoringPair],
    on: NaiveDate,
) -> Vec<Rule> {
    let mut problems: Vec<Rule> = mentor_problems(mentor, mentor_employee, on)
        .into_iter()
        .map(Rule::new)
        .collect();
    if mentee.supervisor_id == Some(mentor_employee.id) {
        problems.push(Rule::new("mentor is the mentee's supervisor"));
    }
    if mentor_employee.id == mentee.id {
        problems.push(Rule::new("a mentor cannot mentor themselves"));
    }
    problems.extend(mentee_problems(mentee, pairs, on));
    problems
}

/// Checks the day a pair ends: not before it started, not after its 12 months.
pub fn check_end(pair: &MentoringPair, ended: NaiveDate) -> Result<(), FieldError> {
    if ended < pair.started {
        return Err(FieldError::new(
            "end date",
            format!("the pair started on {}; it cannot end before that", pair.started),
        ));
    }
    if ended > pair.expires() {
        return Err(FieldError::new(
            "end date",
            format!(
                "a pair runs at most 12 months: this one ends by {} at the latest",
                pair.expires()
            ),
        ));
    }
    Ok(())
}

/// The months a pair owes a log for (up to `on`) that have none, oldest first.
pub fn missing_months<'a>(
    pair: &MentoringPair,
    logs: impl IntoIterator<Item = &'a MentorLog>,
    on: NaiveDate,
) -> Vec<NaiveDate> {
    // A pair has a log a month at most: a few dozen, looked through rather than hashed.
    let logged: Vec<NaiveDate> = logs
        .into_iter()
        .filter(|l| l.pair_id == pair.id)
        .map(|l| first_of_month(l.month))
        .collect();
    pair.months_due(on)
        .into_iter()
        .filter(|m| !logged.contains(m))
        .collect()
}

/// A month as people type it: `2026-10`, `10/2026`, or any date in the month.
pub fn parse_month(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("a month is required (YYYY-MM)".into());
    }
    let parsed = if let Some((a, b)) = t.split_once('-').filter(|(_, b)| !b.contains('-')) {
        a.parse::<i32>().ok().zip(b.parse::<u32>().ok())
    } else if let Some((a, b)) = t.split_once('/').filter(|(_, b)| !b.contains('/')) {
        b.parse::<i32>().ok().zip(a.parse::<u32>().ok())
    } else {
        None
    };
    match parsed {
        Some((y, m)) if (1900..=2200).contains(&y) => NaiveDate::from_ymd_opt(y, m, 1)
            .ok_or_else(|| format!("\"{t}\" is not a month; type YYYY-MM, e.g. 2026-10")),
        Some(_) => Err(format!("\"{t}\" is not a month; type YYYY-MM, e.g. 2026-10")),
        None => crate::domain::parse_date(t).map(first_of_month).map_err(|_| {
            format!(
                "\"{}\" is not a month; type YYYY-MM, e.g. 2026-10",
                crate::domain::truncate_for_message(t)
            )
        }),
    }
}

impl MentorLog {
    /// Checks a new log against its pair: a month the pair ran, already begun, submitted no later
    /// than `today`, and the 4-hour rule with the pair's other logs.
    pub fn check_for_pair(
        &self,
        pair: &MentoringPair,
        others: &[MentorLog],
        today: NaiveDate,
    ) -> Result<(), FieldError> {
        let month = first_of_month(self.month);
        let last = pair.ended.unwrap_or(pair.expires()).min(pair.expires());
        if month < first_of_month(pair.started) {
            return Err(FieldError::new(
                "month",
                format!(
                    "the pair started in {}; no log before that",
                    pair.started.format("%B %Y")
                ),
            ));
        }
        if month > first_of_month(last) {
            return Err(FieldError::new(
                "month",
                format!("the pair ended in {}; no log after that", last.format("%B %Y")),
            ));
        }
        if month > first_of_month(today) {
            return Err(FieldError::new("month", "that month has not begun yet"));
        }
        crate::domain::happened_by(self.submitted, today, "submitted")?;
        self.validate(others)
    }
}

/// A union chapter (or N/A) with its number of active mentors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterCoverage {
    pub chapter: String,
    pub active_mentors: usize,
}

impl ChapterCoverage {
    /// A union chapter with no active mentor: the program's goal is one for every chapter.
    pub fn is_gap(&self) -> bool {
        self.active_mentors == 0 && self.chapter != NO_CHAPTER
    }
}

/// Every chapter with its active mentors; chapters with none first, N/A (not a union chapter) last.
pub fn chapter_coverage<'a>(
    chapters: &[String],
    active_mentor_chapters: impl IntoIterator<Item = &'a str>,
) -> Vec<ChapterCoverage> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in active_mentor_chapters {
        *counts.entry(c).or_default() += 1;
    }
    let mut rows: Vec<ChapterCoverage> = chapters
        .iter()
        .map(|c| ChapterCoverage {
            chapter: c.clone(),
            active_mentors: counts.get(c.as_str()).copied().unwrap_or(0),
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.chapter == NO_CHAPTER, !a.is_gap(), &a.chapter).cmp(&(
            b.chapter == NO_CHAPTER,
            !b.is_gap(),
            &b.chapter,
        ))
    });
    rows
}

#[cfg(test)]
mod tests;
