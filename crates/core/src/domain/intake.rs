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
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Intake {
    pub id: Id,
    pub employee_id: Id,
    pub received: NaiveDate,
    pub source: IntakeSource,
    pub popup_event_id: Option<Id>,
    pub services: Vec<Service>,
    /// The text of a requested service the form did not list.
    pub other_service: String,
    /// The staff member handling it.
    pub owner: String,
    pub next_step: String,
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
        self.services
            .iter()
            .map(|s| {
                if *s == Service::Other && !self.other_service.is_empty() {
                    format!("other: {}", self.other_service)
                } else {
                    crate::domain::Choice::label(*s).to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
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
mod tests {
    use super::*;

    #[test]
    fn minutes_are_digits_from_one_to_480_or_refused() {
        assert_eq!(Consultation::parse_minutes(" 45 "), Ok(45));
        assert_eq!(Consultation::parse_minutes("480"), Ok(480));
        for bad in ["-5", "1e3", "+5", "4.5", "0", "481", "", "٤٥", "99999999999"] {
            let e = Consultation::parse_minutes(bad).unwrap_err();
            assert_eq!(e.field, "minutes", "{bad}");
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_booklets_service_words_are_services() {
        for (words, want) in [
            ("Resume writing and review", Service::ResumeReview),
            ("RÉSUMÉ WRITING AND REVIEW", Service::ResumeReview),
            ("Interview prep", Service::InterviewPrep),
            ("Goal setting and long-term career planning", Service::GoalSetting),
            ("goal setting & long term career planning", Service::GoalSetting),
            ("Career coaching", Service::CareerCoaching),
            ("Teacher pathway", Service::TeacherPathway),
            ("Training / professional learning advice", Service::TrainingAdvice),
            ("interview preparation", Service::InterviewPrep),
            ("other", Service::Other),
        ] {
            assert_eq!(Service::from_words(words), Some(want), "{words}");
        }
        assert_eq!(Service::from_words("pottery lessons"), None);
    }

    #[test]
    fn moves_forward_record_dates_and_back_drops_them() {
        let mut i = Intake::new(1, d(2024, 9, 2), IntakeSource::Form);
        i.services.push(Service::ResumeReview);
        i.move_to(IntakeStatus::Contacted, d(2024, 9, 3), None);
        i.move_to(IntakeStatus::ConsultationScheduled, d(2024, 9, 5), None);
        i.move_to(IntakeStatus::RelationshipEstablished, d(2024, 9, 10), None);
        assert_eq!(i.established_on(), Some(d(2024, 9, 10)));
        assert!(i.move_loses_information(IntakeStatus::Contacted));
        i.move_to(IntakeStatus::Contacted, d(2024, 9, 11), None);
        assert_eq!(i.established_on(), None);
        assert_eq!(i.date_of(IntakeStatus::Contacted), Some(d(2024, 9, 3)));
        i.move_to(IntakeStatus::Closed, d(2024, 9, 12), Some(CloseReason::Withdrawn));
        assert_eq!(i.close_reason, Some(CloseReason::Withdrawn));
        assert!(i.validate().is_ok());
    }

    #[test]
    fn overdue_counts_working_days_since_received() {
        // Received Friday 2024-11-01: 5 working days pass on Friday 2024-11-08.
        let i = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
        let open = Closures::default();
        assert!(!i.is_overdue(d(2024, 11, 8), 5, &open));
        assert!(i.is_overdue(d(2024, 11, 11), 5, &open));
        // Veterans Day (Mon 11 Nov) closed: the fifth working day is then Tuesday.
        let veterans = Closures::new(&[crate::domain::Closure {
            id: 1,
            date: d(2024, 11, 11),
            name: "Veterans Day".into(),
        }]);
        assert!(!i.is_overdue(d(2024, 11, 11), 5, &veterans));
        assert!(i.is_overdue(d(2024, 11, 12), 5, &veterans));
        let mut contacted = i.clone();
        contacted.move_to(IntakeStatus::Contacted, d(2024, 11, 2), None);
        assert!(!contacted.is_overdue(d(2025, 1, 1), 5, &open));
        assert_eq!(i.days_waiting(d(2024, 11, 11)), Some(10));
    }

    #[test]
    fn every_step_forward_and_back_and_closing_from_any_status() {
        use IntakeStatus::*;
        let mut i = Intake::new(1, d(2024, 9, 2), IntakeSource::Form);
        i.services.push(Service::GoalSetting);
        let mut day = d(2024, 9, 2);
        while let Some(next) = i.status.next() {
            day = day.succ_opt().unwrap();
            assert!(!i.move_loses_information(next));
            i.move_to(next, day, Some(CloseReason::Referred));
            assert_eq!(i.date_of(next), Some(day));
        }
        assert_eq!(i.status, Closed);
        assert_eq!(i.close_reason, Some(CloseReason::Referred));
        assert_eq!(i.history.len(), 5);
        while let Some(prev) = i.status.previous() {
            assert!(i.move_loses_information(prev));
            i.move_to(prev, d(2024, 10, 1), None);
            assert_eq!(i.close_reason, None);
        }
        assert_eq!(i.status, Received);
        assert_eq!(
            i.history,
            vec![StatusChange {
                status: Received,
                date: d(2024, 9, 2)
            }]
        );
        // Closing straight from received keeps the received date and records the close.
        i.move_to(Closed, d(2024, 10, 2), Some(CloseReason::NoResponse));
        assert_eq!(i.date_of(Closed), Some(d(2024, 10, 2)));
        assert_eq!(i.established_on(), None);
    }

    #[test]
    fn days_waiting_count_from_the_last_step_and_stop_once_established() {
        let mut i = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
        assert_eq!(i.days_waiting(d(2024, 11, 4)), Some(3));
        // Contacted on the 6th: now waiting on the team's next step since then.
        i.move_to(IntakeStatus::Contacted, d(2024, 11, 6), None);
        assert_eq!(i.waiting_since(), Some(d(2024, 11, 6)));
        assert_eq!(i.days_waiting(d(2024, 11, 20)), Some(14));
        i.move_to(IntakeStatus::ConsultationScheduled, d(2024, 11, 18), None);
        assert_eq!(i.days_waiting(d(2024, 11, 20)), Some(2));
        // An ongoing relationship or a closed intake is not waiting at all.
        i.move_to(IntakeStatus::RelationshipEstablished, d(2024, 11, 19), None);
        assert_eq!(i.days_waiting(d(2025, 1, 1)), None);
        i.move_to(IntakeStatus::Closed, d(2024, 11, 20), Some(CloseReason::Served));
        assert_eq!(i.days_waiting(d(2025, 1, 1)), None);
        // A day before receipt never shows a negative wait.
        let j = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
        assert_eq!(j.days_waiting(d(2024, 10, 1)), Some(0));
    }

    #[test]
    fn stale_and_late_flags() {
        let open = Closures::default();
        let mut i = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
        assert!(
            !i.is_stale(d(2025, 1, 1), 10, &open),
            "received is overdue, not stale"
        );
        i.move_to(IntakeStatus::Contacted, d(2024, 11, 4), None);
        // Mon 4 Nov + 10 working days = Mon 18 Nov.
        assert!(!i.is_stale(d(2024, 11, 18), 10, &open));
        assert!(i.is_stale(d(2024, 11, 19), 10, &open));
        i.move_to(IntakeStatus::ConsultationScheduled, d(2024, 11, 19), None);
        assert!(!i.is_stale(d(2024, 11, 19), 10, &open));
        i.next_step_due = Some(d(2024, 11, 22));
        assert!(!i.next_step_late(d(2024, 11, 22)));
        assert!(i.next_step_late(d(2024, 11, 25)));
        i.move_to(IntakeStatus::Closed, d(2024, 11, 25), Some(CloseReason::Served));
        assert!(!i.next_step_late(d(2024, 11, 26)), "closed intakes are done");
        assert!(!i.is_stale(d(2025, 1, 1), 10, &open));
    }

    #[test]
    fn a_step_happens_by_today_and_after_the_one_before() {
        let today = d(2024, 11, 20);
        let mut i = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
        i.services.push(Service::GoalSetting);
        let err = i
            .step(IntakeStatus::Contacted, d(2024, 11, 21), None, today)
            .unwrap_err();
        assert_eq!(err.field, "date");
        assert!(err.reason.contains("after today"), "{err}");
        let err = i
            .step(IntakeStatus::Contacted, d(2024, 10, 31), None, today)
            .unwrap_err();
        assert!(
            err.reason.contains("before the previous step (2024-11-01)"),
            "{err}"
        );
        assert_eq!(i.status, IntakeStatus::Received, "a refused step changes nothing");
        // Friday's call logged on Monday says Friday.
        i.step(IntakeStatus::Contacted, d(2024, 11, 15), None, today)
            .unwrap();
        assert_eq!(i.date_of(IntakeStatus::Contacted), Some(d(2024, 11, 15)));
        assert!(i.check_dates(today).is_ok());
        assert_eq!(i.check_dates(d(2024, 11, 14)).unwrap_err().field, "contacted");
        let mut future = Intake::new(1, d(2024, 12, 1), IntakeSource::Form);
        future.services.push(Service::GoalSetting);
        assert_eq!(future.check_dates(today).unwrap_err().field, "received");
    }

    #[test]
    fn overdue_limit_is_configurable() {
        // Received Monday 2024-11-04; two working days pass on Wednesday.
        let i = Intake::new(1, d(2024, 11, 4), IntakeSource::Form);
        let open = Closures::default();
        assert!(!i.is_overdue(d(2024, 11, 6), 2, &open));
        assert!(i.is_overdue(d(2024, 11, 7), 2, &open));
        // Weekends do not count: Friday to Monday is one working day.
        let f = Intake::new(1, d(2024, 11, 8), IntakeSource::Form);
        assert!(!f.is_overdue(d(2024, 11, 11), 1, &open));
        assert!(f.is_overdue(d(2024, 11, 12), 1, &open));
        assert_eq!(overdue_limit(&[]), DEFAULT_OVERDUE_WORKING_DAYS);
        let s = IntakeSettings {
            id: 1,
            overdue_working_days: 3,
            stale_working_days: 10,
        };
        assert_eq!(overdue_limit(std::slice::from_ref(&s)), 3);
        assert!(s.validate().is_ok());
        assert_eq!(
            IntakeSettings {
                id: 1,
                overdue_working_days: 0,
                stale_working_days: 10,
            }
            .validate()
            .unwrap_err()
            .field,
            "working days"
        );
    }

    #[test]
    fn names_split_on_the_last_word() {
        assert_eq!(
            split_name(" Ana  María García "),
            Some(("Ana María".into(), "García".into()))
        );
        assert_eq!(split_name("Cher"), None);
        assert_eq!(split_name(""), None);
    }

    #[test]
    fn validation_names_the_field() {
        let i = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
        assert_eq!(i.validate().unwrap_err().field, "services");
    }
}
