//! The leadership program: one cohort a fiscal year, eight sessions, attendance, completion, waitlist.

use super::{FieldError, FiscalYear, Id};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletionRule {
    pub min_sessions: u8,
    /// The final (leadership project) session must be attended.
    pub require_final: bool,
}

impl Default for CompletionRule {
    fn default() -> Self {
        CompletionRule {
            min_sessions: 6,
            require_final: true,
        }
    }
}

impl CompletionRule {
    pub fn describe(&self) -> String {
        let base = format!(
            "attend at least {}",
            crate::text::count(self.min_sessions as usize, "session")
        );
        if self.require_final {
            format!("{base} and the final session")
        } else {
            base
        }
    }

    /// A rule must be reachable: at least one session, and no more than the cohort holds.
    pub fn validate(&self, session_count: usize) -> Result<(), FieldError> {
        if self.min_sessions == 0 {
            return Err(FieldError::new(
                "minimum sessions",
                "at least 1 session must be attended",
            ));
        }
        if session_count > 0 && self.min_sessions as usize > session_count {
            return Err(FieldError::new(
                "minimum sessions",
                format!(
                    "the cohort has only {}",
                    crate::text::count(session_count, "session")
                ),
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    pub id: Id,
    /// The fiscal year, named by the year it ends in (2025 = FY25).
    pub fiscal_year: i32,
    pub rule: CompletionRule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ParticipantStatus {
    Active,
    Completed,
    Withdrawn,
}
crate::choice!(ParticipantStatus {
    Active => "active",
    Completed => "completed",
    Withdrawn => "withdrawn",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub id: Id,
    pub cohort_id: Id,
    pub employee_id: Id,
    /// Role (position) at entry.
    pub role: String,
    pub status: ParticipantStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadershipSession {
    pub id: Id,
    pub cohort_id: Id,
    pub number: u8,
    #[serde(with = "crate::domain::dates")]
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub location: String,
    pub room: String,
    pub topic: String,
    pub facilitator: String,
}

impl LeadershipSession {
    /// Checks times and that no other session of the same cohort is on the same day.
    pub fn validate(&self, others: &[LeadershipSession]) -> Result<(), FieldError> {
        if self.end <= self.start {
            return Err(FieldError::new("end", "the session ends before it starts"));
        }
        if let Some(o) = others
            .iter()
            .find(|o| o.id != self.id && o.cohort_id == self.cohort_id && o.date == self.date)
        {
            return Err(FieldError::new(
                "date",
                format!("session {} of this cohort is already on {}", o.number, o.date),
            ));
        }
        if self.topic.trim().is_empty() {
            return Err(FieldError::new("topic", "a topic is required"));
        }
        if self.number == 0 {
            return Err(FieldError::new("number", "session numbers start at 1"));
        }
        if let Some(o) = others
            .iter()
            .find(|o| o.id != self.id && o.cohort_id == self.cohort_id && o.number == self.number)
        {
            return Err(FieldError::new(
                "number",
                format!(
                    "session {} of this cohort already exists (on {})",
                    o.number, o.date
                ),
            ));
        }
        Ok(())
    }

    /// `validate`, and the date must fall in the cohort's fiscal year.
    pub fn validate_for(&self, cohort: &Cohort, others: &[LeadershipSession]) -> Result<(), FieldError> {
        let fy = FiscalYear(cohort.fiscal_year);
        if !fy.contains(self.date) {
            return Err(FieldError::new(
                "date",
                format!(
                    "{} is outside {} ({} to {})",
                    self.date,
                    fy.short_label(),
                    fy.start(),
                    fy.end()
                ),
            ));
        }
        self.validate(others)
    }
}

/// Parses a time of day as people type it: `8:00`, `08:00`, `16:00`, `8:00 AM`, `4pm`, `4 PM`.
pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("a time is required (HH:MM, e.g. 08:00 or 4:00 PM)".into());
    }
    let compact: String = t
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let (clock, half) = if let Some(c) = compact.strip_suffix("AM") {
        (c, Some(false))
    } else if let Some(c) = compact.strip_suffix("PM") {
        (c, Some(true))
    } else {
        (compact.as_str(), None)
    };
    let (h, m) = match clock.split_once(':') {
        Some((h, m)) => (h, m),
        None => (clock, "0"),
    };
    let bad = || {
        format!(
            "\"{}\" is not a time; type HH:MM (e.g. 08:00 or 4:00 PM)",
            super::truncate_for_message(t)
        )
    };
    let (Ok(mut hour), Ok(minute)) = (h.parse::<u32>(), m.parse::<u32>()) else {
        return Err(bad());
    };
    if m.len() > 2 || h.is_empty() || h.len() > 2 {
        return Err(bad());
    }
    match half {
        Some(_) if !(1..=12).contains(&hour) => return Err(bad()),
        Some(true) if hour != 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(bad)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Attendance {
    Present,
    Absent,
    Excused,
}
crate::choice!(Attendance {
    Present => "present",
    Absent => "absent",
    Excused => "excused",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttendanceMark {
    pub id: Id,
    pub participant_id: Id,
    pub session_id: Id,
    pub mark: Attendance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaitlistEntry {
    pub id: Id,
    pub employee_id: Id,
    #[serde(with = "crate::domain::dates")]
    pub joined: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionStatus {
    Completed,
    OnTrack,
    CannotComplete,
}

/// Where a participant stands given their marks for the cohort's sessions (today's and later
/// sessions not marked yet can still be attended; any other session without "present" is missed).
pub fn completion_status(
    rule: &CompletionRule,
    sessions: &[LeadershipSession],
    marks: &[AttendanceMark],
    participant: Id,
    today: NaiveDate,
) -> CompletionStatus {
    let row: Vec<Option<Attendance>> = sessions
        .iter()
        .map(|s| {
            marks
                .iter()
                .find(|m| m.participant_id == participant && m.session_id == s.id)
                .map(|m| m.mark)
        })
        .collect();
    completion_of_row(rule, sessions, &row, today)
}

/// `completion_status` for one row of the attendance grid: `row[i]` is the mark for `sessions[i]`.
pub fn completion_of_row(
    rule: &CompletionRule,
    sessions: &[LeadershipSession],
    row: &[Option<Attendance>],
    today: NaiveDate,
) -> CompletionStatus {
    let present = |i: usize| row.get(i).copied().flatten() == Some(Attendance::Present);
    let attended = (0..sessions.len()).filter(|&i| present(i)).count();
    let final_session = (0..sessions.len()).max_by_key(|&i| sessions[i].number);
    let final_ok = !rule.require_final || final_session.is_some_and(present);
    if attended >= rule.min_sessions as usize && final_ok {
        return CompletionStatus::Completed;
    }
    // A session still to come can be attended unless it is already marked (excused in advance).
    let open = |i: usize| sessions[i].date >= today && row.get(i).copied().flatten().is_none();
    let still_to_come = (0..sessions.len()).filter(|&i| open(i)).count();
    let final_possible = !rule.require_final || final_session.is_some_and(|f| present(f) || open(f));
    if attended + still_to_come >= rule.min_sessions as usize && final_possible {
        CompletionStatus::OnTrack
    } else {
        CompletionStatus::CannotComplete
    }
}

impl CompletionStatus {
    pub fn label(self) -> &'static str {
        match self {
            CompletionStatus::Completed => "completed",
            CompletionStatus::OnTrack => "on track",
            CompletionStatus::CannotComplete => "cannot complete",
        }
    }

    /// A marker so the meaning never rests on colour alone.
    pub fn marker(self) -> &'static str {
        match self {
            CompletionStatus::Completed => "✓",
            CompletionStatus::OnTrack => "·",
            CompletionStatus::CannotComplete => "✗",
        }
    }
}

impl Attendance {
    /// One letter for the grid: P, A, E.
    pub fn letter(self) -> &'static str {
        match self {
            Attendance::Present => "P",
            Attendance::Absent => "A",
            Attendance::Excused => "E",
        }
    }
}

/// One line of a cohort profile: a group, how many, and the share of the cohort.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub label: String,
    pub count: usize,
    pub percent: String,
}

/// Counts of each label, largest first (ties by label), with percentages of the total.
pub fn breakdown(labels: impl IntoIterator<Item = String>) -> Vec<Share> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut total = 0;
    for l in labels {
        *counts.entry(l).or_default() += 1;
        total += 1;
    }
    let mut out: Vec<Share> = counts
        .into_iter()
        .map(|(label, count)| Share {
            percent: crate::text::percent(count as u64, total as u64),
            label,
            count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    out
}

/// Everything the tab and the report show about one cohort, computed once per load.
#[derive(Debug, Clone, Default)]
pub struct CohortSummary {
    /// The cohort's sessions by number.
    pub sessions: Vec<LeadershipSession>,
    /// Participants in the caller's order (rows of the grid).
    pub people: Vec<Participant>,
    /// `grid[row][col]`: the stored mark of `people[row]` for `sessions[col]`.
    pub grid: Vec<Vec<Option<AttendanceMark>>>,
    pub person_rate: Vec<Option<f64>>,
    pub session_rate: Vec<Option<f64>>,
    /// Sessions attended (present) per participant.
    pub attended: Vec<usize>,
    /// None for a withdrawn participant.
    pub completion: Vec<Option<CompletionStatus>>,
}

impl CohortSummary {
    /// `people` are the cohort's participants in display order; `sessions` and `marks` may hold
    /// other cohorts' records too (they are filtered here).
    pub fn build<'a>(
        cohort: &Cohort,
        people: Vec<Participant>,
        sessions: impl IntoIterator<Item = &'a LeadershipSession>,
        marks: impl IntoIterator<Item = &'a AttendanceMark>,
        today: NaiveDate,
    ) -> CohortSummary {
        let mut sessions: Vec<LeadershipSession> = sessions
            .into_iter()
            .filter(|s| s.cohort_id == cohort.id)
            .cloned()
            .collect();
        sessions.sort_by_key(|s| (s.number, s.date));
        let col: HashMap<Id, usize> = sessions.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let row: HashMap<Id, usize> = people.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
        let mut grid = vec![vec![None; sessions.len()]; people.len()];
        for m in marks {
            if let (Some(&r), Some(&c)) = (row.get(&m.participant_id), col.get(&m.session_id)) {
                grid[r][c] = Some(m.clone());
            }
        }
        let person_rate = grid.iter().map(|r| attendance_rate(r.iter().flatten())).collect();
        let session_rate = (0..sessions.len())
            .map(|c| attendance_rate(grid.iter().filter_map(|r| r[c].as_ref())))
            .collect();
        let attended = grid
            .iter()
            .map(|r| {
                r.iter()
                    .flatten()
                    .filter(|m| m.mark == Attendance::Present)
                    .count()
            })
            .collect();
        let completion = people
            .iter()
            .zip(&grid)
            .map(|(p, r)| {
                (p.status != ParticipantStatus::Withdrawn).then(|| {
                    let row: Vec<Option<Attendance>> = r.iter().map(|m| m.as_ref().map(|m| m.mark)).collect();
                    completion_of_row(&cohort.rule, &sessions, &row, today)
                })
            })
            .collect();
        CohortSummary {
            sessions,
            people,
            grid,
            person_rate,
            session_rate,
            attended,
            completion,
        }
    }

    /// How many participants stand where: (completed, on track, cannot complete, withdrawn).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let n = |s| self.completion.iter().filter(|c| **c == Some(s)).count();
        (
            n(CompletionStatus::Completed),
            n(CompletionStatus::OnTrack),
            n(CompletionStatus::CannotComplete),
            self.completion.iter().filter(|c| c.is_none()).count(),
        )
    }

    /// The next session on or after `today`, if any.
    pub fn next_session(&self, today: NaiveDate) -> Option<&LeadershipSession> {
        self.sessions
            .iter()
            .filter(|s| s.date >= today)
            .min_by_key(|s| (s.date, s.start))
    }

    /// Rows of participants who met the rule (and did not withdraw): the certificate list.
    pub fn completed_rows(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.people.len()).filter(|&r| self.completion[r] == Some(CompletionStatus::Completed))
    }
}

/// "75%" or "—" when nothing is marked.
pub fn rate_label(rate: Option<f64>) -> String {
    rate.map(|r| format!("{r:.0}%")).unwrap_or_else(|| "—".into())
}

/// Share of marked sessions attended, 0..100, or None if nothing is marked.
pub fn attendance_rate<'a>(marks: impl Iterator<Item = &'a AttendanceMark>) -> Option<f64> {
    let (mut present, mut total) = (0u32, 0u32);
    for m in marks {
        total += 1;
        if m.mark == Attendance::Present {
            present += 1;
        }
    }
    (total > 0).then(|| present as f64 * 100.0 / total as f64)
}

#[cfg(test)]
mod tests;
