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

use super::View;
use crate::app::{App, Confirmed, FormPurpose};
use crate::form::{Field, Form};
use chrono::{Datelike, NaiveDate, NaiveTime};
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    Choice, Cohort, CompletionRule, FieldError, FiscalYear, Id, LeadershipSession, Participant,
    ParticipantStatus, WaitlistEntry, parse_date, parse_time,
};
use pathways_core::store::StoreError;

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

fn no_cohort(app: &mut App) -> Option<Cohort> {
    let c = app.leadership.cohort.clone();
    if c.is_none() {
        app.status = Some("no cohort for this fiscal year: n starts one".into());
    }
    c
}

/// Shows a store error in the form (it stays open, nothing lost).
fn store_error(form: &mut Form, e: String) {
    form.set_error("", format!("not saved: {e}"));
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

fn read_date(form: &mut Form, label: &str) -> Option<NaiveDate> {
    parse_date(form.value(label))
        .map_err(|e| form.set_error(label, e))
        .ok()
}

fn read_time(form: &mut Form, label: &str) -> Option<NaiveTime> {
    parse_time(form.value(label))
        .map_err(|e| form.set_error(label, e))
        .ok()
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

/// Saves a form; returns whether the form stays open (errors keep it open too).
pub fn submit(app: &mut App, purpose: &LeadershipForm, form: &mut Form) -> bool {
    match purpose {
        LeadershipForm::NewCohort => schedule::submit_new_cohort(app, form),
        LeadershipForm::AddSession(cohort) => schedule::submit_add_session(app, cohort, form),
        LeadershipForm::EditSession(s) | LeadershipForm::Reschedule(s) => {
            schedule::submit_edit_session(app, s, form)
        }
        LeadershipForm::Rule(cohort) => schedule::submit_rule(app, cohort, form),
        LeadershipForm::AddParticipant(cohort) => people::submit_add_participant(app, cohort, form),
        LeadershipForm::EditParticipant(p) => people::submit_edit_participant(app, p, form),
        LeadershipForm::AddWaitlist => people::submit_add_waitlist(app, form),
        LeadershipForm::EditWaitlist(w) => people::submit_edit_waitlist(app, w, form),
        LeadershipForm::Promote(w) => people::submit_promote(app, w, form),
    }
}

pub fn confirmed(app: &mut App, c: LeadershipConfirm) {
    match c {
        LeadershipConfirm::RecordCompletion(people) => {
            let done = format!("{} participant(s) recorded as completed", people.len());
            let _ = app.save(&done, |txn| {
                for p in &people {
                    let updated = Participant {
                        status: ParticipantStatus::Completed,
                        ..p.clone()
                    };
                    txn.update(p, &updated)?;
                }
                Ok(())
            });
        }
        LeadershipConfirm::RemoveWaitlist(w) => {
            let done = format!("{} removed from the waitlist", app.person(w.employee_id));
            let _ = app.save(&done, |txn| {
                if txn.get::<WaitlistEntry>(w.id)?.as_ref() != Some(&w) {
                    return Err(StoreError::Conflict(format!("waitlist record {}", w.id)));
                }
                txn.delete::<WaitlistEntry>(w.id).map(|_| ())
            });
        }
        LeadershipConfirm::RemoveSession(s) => {
            let marks: Vec<Id> = app
                .data
                .attendance
                .iter()
                .filter(|m| m.session_id == s.id)
                .map(|m| m.id)
                .collect();
            let done = format!("session {} removed", s.number);
            let _ = app.save(&done, |txn| {
                if txn.get::<LeadershipSession>(s.id)?.as_ref() != Some(&s) {
                    return Err(StoreError::Conflict(format!("session record {}", s.id)));
                }
                for id in &marks {
                    txn.delete::<pathways_core::domain::AttendanceMark>(*id)?;
                }
                txn.delete::<LeadershipSession>(s.id).map(|_| ())
            });
        }
    }
    if app.leadership.view == View::Waitlist {
        app.leadership.refilter();
    }
}
