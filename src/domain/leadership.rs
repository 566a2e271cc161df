//! The leadership program: one cohort a fiscal year, eight sessions, attendance, completion, waitlist.

use super::{FieldError, Id};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

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
        let base = format!("attend at least {} sessions", self.min_sessions);
        if self.require_final {
            format!("{base} and the final session")
        } else {
            base
        }
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
        Ok(())
    }
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
    pub joined: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionStatus {
    Completed,
    OnTrack,
    CannotComplete,
}

/// Where a participant stands given their marks for the cohort's sessions, `held` of which are past.
pub fn completion_status(
    rule: &CompletionRule,
    sessions: &[LeadershipSession],
    marks: &[AttendanceMark],
    participant: Id,
    today: NaiveDate,
) -> CompletionStatus {
    let present = |s: &LeadershipSession| {
        marks
            .iter()
            .any(|m| m.participant_id == participant && m.session_id == s.id && m.mark == Attendance::Present)
    };
    let attended = sessions.iter().filter(|s| present(s)).count();
    let final_session = sessions.iter().max_by_key(|s| s.number);
    let final_ok = !rule.require_final || final_session.is_some_and(present);
    if attended >= rule.min_sessions as usize && final_ok {
        return CompletionStatus::Completed;
    }
    let still_to_come = sessions.iter().filter(|s| s.date >= today && !present(s)).count();
    let final_possible = !rule.require_final || final_session.is_some_and(|f| present(f) || f.date >= today);
    if attended + still_to_come >= rule.min_sessions as usize && final_possible {
        CompletionStatus::OnTrack
    } else {
        CompletionStatus::CannotComplete
    }
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
mod tests {
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
    fn two_sessions_on_one_day_are_refused() {
        let s = sessions();
        let mut moved = s[1].clone();
        moved.date = s[0].date;
        let e = moved.validate(&s).unwrap_err();
        assert_eq!(e.field, "date");
        assert!(e.reason.contains("session 1"));
    }
}
