//! The intake queue: requests for help, their status, and the 1:1 consultations that follow.

use super::{Choice, Closures, FieldError, Id, happened_by};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IntakeStatus {
    Received,
    Contacted,
    ConsultationScheduled,
    RelationshipEstablished,
    Closed,
}
crate::choice!(IntakeStatus {
    Received => "received",
    Contacted => "contacted",
    ConsultationScheduled => "consultation scheduled",
    RelationshipEstablished => "relationship established",
    Closed => "closed",
});

impl IntakeStatus {
    pub fn next(self) -> Option<Self> {
        use IntakeStatus::*;
        match self {
            Received => Some(Contacted),
            Contacted => Some(ConsultationScheduled),
            ConsultationScheduled => Some(RelationshipEstablished),
            RelationshipEstablished => Some(Closed),
            Closed => None,
        }
    }

    pub fn previous(self) -> Option<Self> {
        use IntakeStatus::*;
        match self {
            Received => None,
            Contacted => Some(Received),
            ConsultationScheduled => Some(Contacted),
            RelationshipEstablished => Some(ConsultationScheduled),
            Closed => Some(RelationshipEstablished),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CloseReason {
    Served,
    Referred,
    Withdrawn,
    NoResponse,
}
crate::choice!(CloseReason {
    Served => "served",
    Referred => "referred elsewhere",
    Withdrawn => "withdrawn",
    NoResponse => "no response",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Service {
    CareerCoaching,
    GoalSetting,
    ResumeReview,
    InterviewPrep,
    TeacherPathway,
    TrainingAdvice,
    Other,
}
crate::choice!(Service {
    CareerCoaching => "career coaching",
    GoalSetting => "goal setting",
    ResumeReview => "resume review",
    InterviewPrep => "interview preparation",
    TeacherPathway => "teacher pathway",
    TrainingAdvice => "training advice",
    Other => "other",
});

impl Service {
    /// A service as a form, a sheet or the booklet words it: the label in any case, or the
    /// booklet's and the forms' own words ("Resume writing and review", "Interview prep",
    /// "Goal setting and long-term career planning", "Training / professional learning advice").
    /// Accents, case, spaces and hyphens do not matter.
    pub fn from_words(text: &str) -> Option<Service> {
        use super::Choice;
        if let Some(s) = Service::parse(text) {
            return Some(s);
        }
        let words: String = crate::text::fold(text)
            .split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == '&')
            .filter(|w| !w.is_empty())
            .map(|w| if w == "and" { "" } else { w })
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let found = match words.as_str() {
            "career coaching" | "coaching" => Service::CareerCoaching,
            "goal setting"
            | "goal setting long term career planning"
            | "long term career planning"
            | "career planning"
            | "goal setting career planning" => Service::GoalSetting,
            "resume review" | "resume writing review" | "resume writing" | "resume" | "resume help" => {
                Service::ResumeReview
            }
            "interview prep" | "interview preparation" | "interviewing" | "interview practice" => {
                Service::InterviewPrep
            }
            "teacher pathway" | "teacher pathways" | "becoming a teacher" | "become a teacher" => {
                Service::TeacherPathway
            }
            "training advice"
            | "training professional learning advice"
            | "professional learning advice"
            | "professional learning"
            | "training" => Service::TrainingAdvice,
            _ => return None,
        };
        Some(found)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IntakeSource {
    Form,
    PopUp,
    Referral,
    WalkIn,
}
crate::choice!(IntakeSource {
    Form => "form",
    PopUp => "pop-up event",
    Referral => "referral",
    WalkIn => "walk-in",
});

/// One status move, kept so the history of an intake is never lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: IntakeStatus,
    #[serde(with = "crate::domain::dates")]
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Intake {
    pub id: Id,
    pub employee_id: Id,
    #[serde(with = "crate::domain::dates")]
    pub received: NaiveDate,
    pub source: IntakeSource,
    pub popup_event_id: Option<Id>,
    pub services: Vec<Service>,
    /// The text of a requested service the form did not list.
    pub other_service: String,
    /// The staff member handling it.
    pub owner: String,
    pub next_step: String,
    #[serde(with = "crate::domain::dates::option")]
    pub next_step_due: Option<NaiveDate>,
    pub notes: String,
    pub status: IntakeStatus,
    pub close_reason: Option<CloseReason>,
    pub history: Vec<StatusChange>,
}

/// Default number of working days before an intake with no first contact is overdue.
pub const DEFAULT_OVERDUE_WORKING_DAYS: u32 = 5;

impl Intake {
    /// The date the intake first reached `status`, if it ever did.
    pub fn date_of(&self, status: IntakeStatus) -> Option<NaiveDate> {
        self.history.iter().find(|c| c.status == status).map(|c| c.date)
    }

    /// The date counted by the "new client relationships" metric.
    pub fn established_on(&self) -> Option<NaiveDate> {
        self.date_of(IntakeStatus::RelationshipEstablished)
    }

    /// Whether the team still has work to do on it.
    pub fn is_open(&self) -> bool {
        self.status != IntakeStatus::Closed
    }

    /// The date of the latest status step (the receipt when none came after).
    pub fn last_step(&self) -> NaiveDate {
        self.history.iter().map(|c| c.date).max().unwrap_or(self.received)
    }

    /// Since when the person has been waiting on the team's next step: received -> since it was
    /// received; contacted or consultation scheduled -> since that step. An established
    /// relationship or a closed intake is not waiting.
    pub fn waiting_since(&self) -> Option<NaiveDate> {
        match self.status {
            IntakeStatus::Received => Some(self.received),
            IntakeStatus::Contacted | IntakeStatus::ConsultationScheduled => Some(self.last_step()),
            IntakeStatus::RelationshipEstablished | IntakeStatus::Closed => None,
        }
    }

    /// Calendar days waiting now for the next step (see [`Intake::waiting_since`]).
    pub fn days_waiting(&self, today: NaiveDate) -> Option<i64> {
        self.waiting_since()
            .map(|since| (today - since).num_days().max(0))
    }

    /// Received and still not contacted after `limit` working days.
    pub fn is_overdue(&self, today: NaiveDate, limit: u32, closures: &Closures) -> bool {
        self.status == IntakeStatus::Received && closures.working_days_between(self.received, today) > limit
    }

    /// Contacted or scheduled, and no step since for more than `limit` working days.
    pub fn is_stale(&self, today: NaiveDate, limit: u32, closures: &Closures) -> bool {
        matches!(
            self.status,
            IntakeStatus::Contacted | IntakeStatus::ConsultationScheduled
        ) && closures.working_days_between(self.last_step(), today) > limit
    }

    /// An open intake whose next step was due before today.
    pub fn next_step_late(&self, today: NaiveDate) -> bool {
        self.is_open() && self.next_step_due.is_some_and(|due| due < today)
    }

    /// Moves the intake to `status` on `date` (when it happened), checking the date: not after
    /// `today`, and a step forward not before the step it follows. Moving back drops the later
    /// history (the caller confirms first).
    pub fn step(
        &mut self,
        status: IntakeStatus,
        date: NaiveDate,
        reason: Option<CloseReason>,
        today: NaiveDate,
    ) -> Result<(), FieldError> {
        happened_by(date, today, "date")?;
        if status > self.status {
            let previous = self.last_step();
            if date < previous {
                return Err(FieldError::new(
                    "date",
                    format!("before the previous step ({previous}); a step follows the one before it"),
                ));
            }
        }
        self.move_to(status, date, reason);
        Ok(())
    }

    /// Moves the intake to `status` on `date`, recording it. Moving back drops the later history
    /// entries (the caller confirms first, since that loses information).
    pub fn move_to(&mut self, status: IntakeStatus, date: NaiveDate, reason: Option<CloseReason>) {
        if status < self.status {
            self.history.retain(|c| c.status <= status);
        }
        if status == IntakeStatus::Closed {
            self.close_reason = reason.or(self.close_reason).or(Some(CloseReason::Served));
        } else {
            self.close_reason = None;
        }
        if !self.history.iter().any(|c| c.status == status) {
            self.history.push(StatusChange { status, date });
        }
        self.status = status;
    }

    /// Whether moving to `status` would lose recorded information.
    pub fn move_loses_information(&self, status: IntakeStatus) -> bool {
        status < self.status
    }

    pub fn services_label(&self) -> String {
        let mut label = String::new();
        self.write_services(&mut label);
        label
    }

    /// `services_label` written onto `out` (a search key's text, built for every intake).
    pub fn write_services(&self, out: &mut String) {
        for (n, s) in self.services.iter().enumerate() {
            if n > 0 {
                out.push_str("; ");
            }
            if *s == Service::Other && !self.other_service.is_empty() {
                out.push_str("other: ");
                out.push_str(&self.other_service);
            } else {
                out.push_str(crate::domain::Choice::label(*s));
            }
        }
    }

    /// Checks the dates that record what happened: none after `today` (received, every status
    /// step), and the steps in order.
    pub fn check_dates(&self, today: NaiveDate) -> Result<(), FieldError> {
        happened_by(self.received, today, "received")?;
        let mut previous = self.received;
        let mut steps: Vec<&StatusChange> = self.history.iter().collect();
        steps.sort_by_key(|c| c.status);
        for c in steps {
            happened_by(c.date, today, c.status.label())?;
            if c.date < previous {
                return Err(FieldError::new(
                    c.status.label(),
                    format!("before the step it follows ({previous})"),
                ));
            }
            previous = c.date;
        }
        Ok(())
    }

    pub fn validate(&self) -> Result<(), FieldError> {
        if self.services.is_empty() {
            return Err(FieldError::new("services", "choose at least one service"));
        }
        if let Some(due) = self.next_step_due
            && due < self.received
        {
            return Err(FieldError::new(
                "next step due",
                "due before the intake was received",
            ));
        }
        if self.status == IntakeStatus::Closed && self.close_reason.is_none() {
            return Err(FieldError::new(
                "close reason",
                "a closed intake needs a close reason",
            ));
        }
        Ok(())
    }

    /// A new intake, received on `received`, in status Received.
    pub fn new(employee_id: Id, received: NaiveDate, source: IntakeSource) -> Self {
        Intake {
            id: 0,
            employee_id,
            received,
            source,
            popup_event_id: None,
            services: Vec::new(),
            other_service: String::new(),
            owner: String::new(),
            next_step: String::new(),
            next_step_due: None,
            notes: String::new(),
            status: IntakeStatus::Received,
            close_reason: None,
            history: vec![StatusChange {
                status: IntakeStatus::Received,
                date: received,
            }],
        }
    }
}

/// The queue's settings, kept in the database (one record) so every user sees the same rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntakeSettings {
    pub id: Id,
    /// Working days without a first contact before an intake is overdue.
    pub overdue_working_days: u32,
    /// Working days without a step, once contacted or scheduled, before an intake is stale.
    pub stale_working_days: u32,
}

/// The settings as version 1 stored them (before the stale rule).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntakeSettingsV1 {
    pub id: Id,
    pub overdue_working_days: u32,
}

impl From<IntakeSettingsV1> for IntakeSettings {
    fn from(v1: IntakeSettingsV1) -> Self {
        IntakeSettings {
            id: v1.id,
            overdue_working_days: v1.overdue_working_days,
            stale_working_days: DEFAULT_STALE_WORKING_DAYS,
        }
    }
}

/// Default number of working days without a step before a contacted or scheduled intake is stale.
pub const DEFAULT_STALE_WORKING_DAYS: u32 = 10;

impl IntakeSettings {
    pub fn validate(&self) -> Result<(), FieldError> {
        if !(1..=60).contains(&self.overdue_working_days) {
            return Err(FieldError::new("working days", "between 1 and 60 working days"));
        }
        if !(1..=60).contains(&self.stale_working_days) {
            return Err(FieldError::new("stale after", "between 1 and 60 working days"));
        }
        Ok(())
    }
}

/// The overdue limit in effect: the stored setting, or the default.
pub fn overdue_limit(settings: &[IntakeSettings]) -> u32 {
    settings
        .first()
        .map(|s| s.overdue_working_days)
        .unwrap_or(DEFAULT_OVERDUE_WORKING_DAYS)
}

/// The stale limit in effect: the stored setting, or the default.
pub fn stale_limit(settings: &[IntakeSettings]) -> u32 {
    settings
        .first()
        .map(|s| s.stale_working_days)
        .unwrap_or(DEFAULT_STALE_WORKING_DAYS)
}

/// "Ana María García" -> ("Ana María", "García"): the last word is the last name.
pub fn split_name(full: &str) -> Option<(String, String)> {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.split_last() {
        Some((last, first)) if !first.is_empty() => Some((first.join(" "), (*last).to_string())),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consultation {
    pub id: Id,
    pub intake_id: Id,
    #[serde(with = "crate::domain::dates")]
    pub date: NaiveDate,
    pub minutes: u32,
    pub services: Vec<Service>,
    pub notes: String,
}

/// The longest consultation a record may hold.
pub const MOST_MINUTES: u32 = 8 * 60;

impl Consultation {
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.minutes == 0 || self.minutes > MOST_MINUTES {
            return Err(FieldError::new("minutes", "between 1 and 480 minutes"));
        }
        Ok(())
    }

    /// A consultation's minutes as typed (a form, a sheet): a whole number from 1 to 480 in
    /// digits only. Anything else is refused naming the field, never read as a different number
    /// ("-5" is not 5, "1e3" is not 13 or 1000).
    pub fn parse_minutes(text: &str) -> Result<u32, FieldError> {
        let text = text.trim();
        let refused = || {
            FieldError::new(
                "minutes",
                "a whole number of minutes from 1 to 480, in digits (e.g. 45)",
            )
        };
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refused());
        }
        match text.parse::<u32>() {
            Ok(m) if (1..=MOST_MINUTES).contains(&m) => Ok(m),
            _ => Err(refused()),
        }
    }
}

#[cfg(test)]
mod tests;
