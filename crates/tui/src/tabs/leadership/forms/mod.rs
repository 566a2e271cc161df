//! The tab's forms and confirmations: what each asks, how it is checked, and the one durable
//! transaction each makes.

mod people;
mod schedule;

#[cfg(test)]
pub(super) use people::promotion_years;
pub(super) use people::{
    ask_record_completion, ask_remove_waitlist, open_add_participant, open_add_waitlist,
    open_edit_participant, open_edit_waitlist, open_promote,
};
pub(super) use schedule::{
    ask_remove_session, open_add_session, open_edit_session, open_new_cohort, open_rule,
};

use super::{Fx, LeadershipTab, say};
use crate::form::{Field, Form};
use crate::save::Save;
use crate::tab::{Ctx, Effect};
use chrono::{Datelike, NaiveDate, NaiveTime};
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    Choice, Cohort, CompletionRule, FieldError, FiscalYear, Id, LeadershipSession, Participant,
    ParticipantStatus, WaitlistEntry,
};

#[derive(Debug, Clone, PartialEq)]
pub enum LeadershipForm {
    NewCohort,
    AddSession(Cohort),
    EditSession(LeadershipSession),
    Reschedule(LeadershipSession),
    AddParticipant(Cohort),
    EditParticipant(Participant),
    Rule(Cohort),
    AddWaitlist,
    EditWaitlist(WaitlistEntry),
    Promote(WaitlistEntry),
}

/// What follows a save.
#[derive(Debug, Clone, PartialEq)]
pub enum LeadershipSaved {
    /// Show the cohort of this fiscal year (one just started).
    ShowCohort(i32),
    /// The grid's cursor one row down (a mark was set).
    NextRow,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LeadershipConfirm {
    /// Participants who met the rule but are not recorded as completed yet.
    RecordCompletion(Vec<Participant>),
    RemoveWaitlist(WaitlistEntry),
    RemoveSession(LeadershipSession),
}

const YES: &str = "yes";
const NO: &str = "no";

fn yes_no(label: &'static str, value: bool) -> Field {
    Field::choice(label, vec![YES.into(), NO.into()], if value { YES } else { NO })
}

fn statuses() -> Vec<String> {
    ParticipantStatus::ALL
        .iter()
        .map(|s| s.label().to_string())
        .collect()
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// Form labels are the domain's field names with a capital first letter.
fn label_of(field: &str) -> String {
    let mut c = field.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn put_error(form: &mut Form, e: &FieldError) {
    form.set_error(&label_of(e.field), e.reason.clone());
}

/// The cohort shown, or what to tell the user when there is none.
fn cohort(tab: &LeadershipTab) -> Result<Cohort, Fx> {
    tab.cohort
        .clone()
        .ok_or_else(|| say("no cohort for this fiscal year: n starts one"))
}

fn open(form: Form, purpose: LeadershipForm) -> Fx {
    vec![Effect::Form(form, purpose)]
}

/// "FY28 (new cohort)", "FY28", "2028" or "28" -> 2028.
fn parse_year(text: &str) -> Option<i32> {
    let t = text.trim();
    let t = t.split_whitespace().next().unwrap_or(t);
    let digits = t.trim_start_matches(['F', 'Y', 'f', 'y']);
    let n: i32 = digits.parse().ok()?;
    let year = if n < 100 { 2000 + n } else { n };
    (1990..=2200).contains(&year).then_some(year)
}

fn read_number(form: &mut Form, label: &str, max: u32) -> Option<u32> {
    match form.value(label).parse::<u32>() {
        Ok(n) if n <= max => Some(n),
        _ => {
            form.set_error(label, format!("a whole number from 0 to {max}"));
            None
        }
    }
}

/// Checks and saves a form: nothing is saved while any check fails.
pub(super) fn submit(cx: &Ctx, purpose: &LeadershipForm, form: &mut Form) -> Fx {
    match purpose {
        LeadershipForm::NewCohort => schedule::submit_new_cohort(cx, form),
        LeadershipForm::AddSession(cohort) => schedule::submit_add_session(cx, cohort, form),
        LeadershipForm::EditSession(s) | LeadershipForm::Reschedule(s) => {
            schedule::submit_edit_session(cx, s, form)
        }
        LeadershipForm::Rule(cohort) => schedule::submit_rule(cx, cohort, form),
        LeadershipForm::AddParticipant(cohort) => people::submit_add_participant(cx, cohort, form),
        LeadershipForm::EditParticipant(p) => people::submit_edit_participant(cx, p, form),
        LeadershipForm::AddWaitlist => people::submit_add_waitlist(cx, form),
        LeadershipForm::EditWaitlist(w) => people::submit_edit_waitlist(cx, w, form),
        LeadershipForm::Promote(w) => people::submit_promote(cx, w, form),
    }
}

/// A yes: each change in one transaction, and only to records still as the question showed them.
pub(super) fn confirmed(cx: &Ctx, c: LeadershipConfirm) -> Fx {
    let save = match c {
        LeadershipConfirm::RecordCompletion(people) => {
            let done = format!(
                "{} recorded as completed",
                pathways_core::text::count(people.len(), "participant")
            );
            Save::new(done, move |w| {
                for p in &people {
                    let updated = Participant {
                        status: ParticipantStatus::Completed,
                        ..p.clone()
                    };
                    w.update(p, &updated)?;
                }
                Ok(())
            })
        }
        LeadershipConfirm::RemoveWaitlist(entry) => {
            let done = format!("{} removed from the waitlist", cx.person(entry.employee_id));
            Save::new(done, move |w| w.remove(&entry))
        }
        LeadershipConfirm::RemoveSession(s) => {
            let marks: Vec<Id> = cx
                .data
                .attendance
                .iter()
                .filter(|m| m.session_id == s.id)
                .map(|m| m.id)
                .collect();
            let done = format!("session {} removed", s.number);
            Save::new(done, move |w| {
                w.remove(&s)?;
                for id in &marks {
                    w.delete::<pathways_core::domain::AttendanceMark>(*id)?;
                }
                Ok(())
            })
        }
    };
    vec![Effect::Save(save)]
}
