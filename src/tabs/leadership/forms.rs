//! The tab's forms and confirmations: what each asks, how it is checked, and the one durable
//! transaction each makes.

use super::View;
use crate::app::{App, Confirmed, FormPurpose};
use crate::dataset::Dataset;
use crate::domain::{
    Choice, Cohort, CompletionRule, FieldError, FiscalYear, Id, LeadershipSession, Participant,
    ParticipantStatus, WaitlistEntry, parse_date, parse_time,
};
use crate::form::{Field, Form};
use crate::store::StoreError;
use chrono::{Datelike, NaiveDate, NaiveTime};

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

pub(super) fn open_new_cohort(app: &mut App) {
    let current = FiscalYear::of(app.today).0;
    let suggested = app
        .leadership
        .years
        .iter()
        .copied()
        .max()
        .map(|y| (y + 1).max(current))
        .unwrap_or(current);
    let mut copy = vec!["none".to_string()];
    copy.extend(
        app.leadership
            .years
            .iter()
            .rev()
            .map(|y| FiscalYear(*y).short_label()),
    );
    let form = Form::new(
        "New leadership cohort",
        vec![
            Field::number("Fiscal year", suggested),
            Field::number("Minimum sessions", CompletionRule::default().min_sessions),
            yes_no("Final required", true),
            Field::choice("Copy schedule", copy.clone(), copy.get(1).map_or("none", |s| s)),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::NewCohort));
}

pub(super) fn open_add_session(app: &mut App) {
    let Some(cohort) = no_cohort(app) else { return };
    let s = &app.leadership.summary.sessions;
    let last = s.last();
    let number = s.iter().map(|x| x.number).max().unwrap_or(0) + 1;
    let form = Form::new(
        format!(
            "New session, {} cohort",
            FiscalYear(cohort.fiscal_year).short_label()
        ),
        vec![
            Field::number("Number", number),
            Field::date("Date", None),
            Field::text("Start", last.map_or("08:00".into(), |l| hm(l.start))),
            Field::text("End", last.map_or("16:00".into(), |l| hm(l.end))),
            Field::text("Location", last.map(|l| l.location.clone()).unwrap_or_default()),
            Field::text("Room", last.map(|l| l.room.clone()).unwrap_or_default()),
            Field::text("Topic", ""),
            Field::text(
                "Facilitator",
                last.map(|l| l.facilitator.clone()).unwrap_or_default(),
            ),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::AddSession(cohort)));
}

pub(super) fn open_edit_session(app: &mut App, reschedule: bool) {
    let Some(s) = app.leadership.selected_session().cloned() else {
        app.status = Some("no session selected".into());
        return;
    };
    let mut fields = vec![
        Field::date("Date", Some(s.date)),
        Field::text("Start", hm(s.start)),
        Field::text("End", hm(s.end)),
        Field::text("Location", s.location.clone()),
        Field::text("Room", s.room.clone()),
    ];
    let (title, purpose) = if reschedule {
        (
            format!("Reschedule session {} · {}", s.number, s.topic),
            LeadershipForm::Reschedule(s.clone()),
        )
    } else {
        fields.insert(0, Field::number("Number", s.number));
        fields.push(Field::text("Topic", s.topic.clone()));
        fields.push(Field::text("Facilitator", s.facilitator.clone()));
        (
            format!("Edit session {}", s.number),
            LeadershipForm::EditSession(s.clone()),
        )
    };
    app.open_form(Form::new(title, fields), FormPurpose::Leadership(purpose));
}

pub(super) fn open_add_participant(app: &mut App) {
    let Some(cohort) = no_cohort(app) else { return };
    let form = Form::new(
        format!(
            "Add a participant, {} cohort",
            FiscalYear(cohort.fiscal_year).short_label()
        ),
        vec![
            Field::text("Employee", ""),
            Field::text("Role at entry", ""),
            Field::choice("Status", statuses(), ParticipantStatus::Active.label()),
        ],
    );
    app.open_form(
        form,
        FormPurpose::Leadership(LeadershipForm::AddParticipant(cohort)),
    );
}

pub(super) fn open_edit_participant(app: &mut App) {
    let Some(row) = app.leadership.selected_person() else {
        app.status = Some("no participant selected".into());
        return;
    };
    let p = app.leadership.summary.people[row].clone();
    let form = Form::new(
        format!("Participant {}", app.person(p.employee_id)),
        vec![
            Field::text("Role at entry", p.role.clone()),
            Field::choice("Status", statuses(), p.status.label()),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::EditParticipant(p)));
}

pub(super) fn open_rule(app: &mut App) {
    let Some(cohort) = no_cohort(app) else { return };
    let form = Form::new(
        format!(
            "Completion rule, {} cohort ({} sessions)",
            FiscalYear(cohort.fiscal_year).short_label(),
            app.leadership.summary.sessions.len()
        ),
        vec![
            Field::number("Minimum sessions", cohort.rule.min_sessions),
            yes_no("Final required", cohort.rule.require_final),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::Rule(cohort)));
}

pub(super) fn open_add_waitlist(app: &mut App) {
    let form = Form::new(
        "Add to the leadership waitlist",
        vec![
            Field::text("Employee", ""),
            Field::date("Joined", Some(app.today)),
            Field::text("Note", ""),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::AddWaitlist));
}

pub(super) fn open_edit_waitlist(app: &mut App) {
    let Some(w) = app.leadership.selected_waitlist().cloned() else {
        app.status = Some("no waitlist entry selected".into());
        return;
    };
    let form = Form::new(
        format!("Waitlist: {}", app.person(w.employee_id)),
        vec![
            Field::date("Joined", Some(w.joined)),
            Field::text("Note", w.note.clone()),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::EditWaitlist(w)));
}

/// Fiscal years a waitlisted person can be promoted into: a cohort that has not started yet, or
/// the next years (a missing cohort is created on promotion).
pub fn promotion_years(data: &Dataset, today: NaiveDate) -> Vec<i32> {
    let current = FiscalYear::of(today).0;
    let started = |fy: i32| {
        data.cohort_for(FiscalYear(fy)).is_some_and(|c| {
            data.sessions
                .iter()
                .any(|s| s.cohort_id == c.id && s.date < today)
        })
    };
    let last = data
        .cohorts
        .iter()
        .map(|c| c.fiscal_year)
        .max()
        .unwrap_or(current)
        .max(current + 1);
    (current..=last).filter(|&fy| !started(fy)).collect()
}

pub(super) fn open_promote(app: &mut App) {
    let Some(w) = app.leadership.selected_waitlist().cloned() else {
        app.status = Some("no waitlist entry selected".into());
        return;
    };
    let years: Vec<String> = promotion_years(&app.data, app.today)
        .into_iter()
        .map(|y| {
            let fy = FiscalYear(y);
            if app.data.cohort_for(fy).is_some() {
                fy.short_label()
            } else {
                format!("{} (new cohort)", fy.short_label())
            }
        })
        .collect();
    let role = app
        .data
        .employee(w.employee_id)
        .map(|e| e.position.clone())
        .unwrap_or_default();
    let first = years.first().cloned().unwrap_or_default();
    let form = Form::new(
        format!("Promote {} into a cohort", app.person(w.employee_id)),
        vec![
            Field::choice("Cohort", years, &first),
            Field::text("Role at entry", role),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::Promote(w)));
}

pub(super) fn ask_record_completion(app: &mut App) {
    let s = &app.leadership.summary;
    let due: Vec<Participant> = s
        .completed_rows()
        .map(|i| s.people[i].clone())
        .filter(|p| p.status != ParticipantStatus::Completed)
        .collect();
    if due.is_empty() {
        app.status = Some("nothing to record: everyone who met the rule is marked completed".into());
        return;
    }
    app.ask(
        format!(
            "Set status \"completed\" for the {} participant(s) who met the rule?",
            due.len()
        ),
        Confirmed::Leadership(LeadershipConfirm::RecordCompletion(due)),
    );
}

pub(super) fn ask_remove_waitlist(app: &mut App) {
    let Some(w) = app.leadership.selected_waitlist().cloned() else {
        app.status = Some("no waitlist entry selected".into());
        return;
    };
    app.ask(
        format!(
            "Remove {} from the waitlist (joined {})?",
            app.person(w.employee_id),
            w.joined
        ),
        Confirmed::Leadership(LeadershipConfirm::RemoveWaitlist(w)),
    );
}

pub(super) fn ask_remove_session(app: &mut App) {
    let Some(s) = app.leadership.selected_session().cloned() else {
        app.status = Some("no session selected".into());
        return;
    };
    let marks = app
        .data
        .attendance
        .iter()
        .filter(|m| m.session_id == s.id)
        .count();
    app.ask(
        format!(
            "Remove session {} ({}, {}) and its {marks} attendance marks?",
            s.number, s.date, s.topic
        ),
        Confirmed::Leadership(LeadershipConfirm::RemoveSession(s)),
    );
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

/// Finds an employee by employee id or by (part of) the name; an ambiguous name is refused with
/// the people it could mean.
fn find_employee(app: &App, text: &str) -> Result<Id, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("type a name or an employee id".into());
    }
    if let Some(e) = app.data.employees.iter().find(|e| e.employee_number == t) {
        return Ok(e.id);
    }
    let want = crate::search::fold(t);
    let exact: Vec<Id> = app
        .data
        .employees
        .iter()
        .filter(|e| crate::search::fold(&e.full_name()) == want)
        .map(|e| e.id)
        .collect();
    let found = if exact.is_empty() {
        app.data
            .employees
            .iter()
            .filter(|e| crate::search::fold(&e.full_name()).contains(&want))
            .map(|e| e.id)
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!(
            "no employee is called \"{}\" or has that id",
            crate::domain::truncate_for_message(t)
        )),
        many => {
            let names: Vec<String> = many
                .iter()
                .take(3)
                .map(|&id| {
                    let number = app
                        .data
                        .employee(id)
                        .map(|e| e.employee_number.clone())
                        .unwrap_or_default();
                    format!("{} #{number}", app.person(id))
                })
                .collect();
            Err(format!(
                "{} employees match: {}{}; type the employee id",
                many.len(),
                names.join(", "),
                if many.len() > 3 { ", …" } else { "" }
            ))
        }
    }
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
        LeadershipForm::NewCohort => submit_new_cohort(app, form),
        LeadershipForm::AddSession(cohort) => {
            let session = LeadershipSession {
                id: 0,
                cohort_id: cohort.id,
                number: 0,
                date: NaiveDate::MIN,
                start: NaiveTime::MIN,
                end: NaiveTime::MIN,
                location: String::new(),
                room: String::new(),
                topic: String::new(),
                facilitator: String::new(),
            };
            save_session(app, cohort.clone(), None, session, form)
        }
        LeadershipForm::EditSession(s) | LeadershipForm::Reschedule(s) => {
            let Some(cohort) = app.data.cohorts.iter().find(|c| c.id == s.cohort_id).cloned() else {
                form.set_error("", "this session's cohort no longer exists");
                return true;
            };
            save_session(app, cohort, Some(s.clone()), s.clone(), form)
        }
        LeadershipForm::AddParticipant(cohort) => {
            let employee = match find_employee(app, form.value("Employee")) {
                Ok(id) => id,
                Err(e) => {
                    form.set_error("Employee", e);
                    return true;
                }
            };
            if app
                .data
                .participants
                .iter()
                .any(|p| p.cohort_id == cohort.id && p.employee_id == employee)
            {
                form.set_error(
                    "Employee",
                    format!(
                        "{} is already in the {} cohort",
                        app.person(employee),
                        FiscalYear(cohort.fiscal_year).short_label()
                    ),
                );
                return true;
            }
            let role = match form.value("Role at entry") {
                "" => app
                    .data
                    .employee(employee)
                    .map(|e| e.position.clone())
                    .unwrap_or_default(),
                r => r.to_string(),
            };
            let mut p = Participant {
                id: 0,
                cohort_id: cohort.id,
                employee_id: employee,
                role,
                status: ParticipantStatus::parse(form.value("Status")).unwrap_or(ParticipantStatus::Active),
            };
            let done = format!("{} added to the cohort", app.person(employee));
            if let Err(e) = app.save(&done, |txn| txn.insert(&mut p)) {
                store_error(form, e);
            }
            false
        }
        LeadershipForm::EditParticipant(p) => {
            let role = form.value("Role at entry").to_string();
            if role.is_empty() {
                form.set_error("Role at entry", "the role (position) at entry is required");
                return true;
            }
            let updated = Participant {
                role,
                status: ParticipantStatus::parse(form.value("Status")).unwrap_or(p.status),
                ..p.clone()
            };
            let done = format!("participant {} saved", app.person(p.employee_id));
            if let Err(e) = app.save(&done, |txn| txn.update(p, &updated)) {
                store_error(form, e);
            }
            false
        }
        LeadershipForm::Rule(cohort) => {
            let Some(min) = read_number(form, "Minimum sessions", 99) else {
                return true;
            };
            let rule = CompletionRule {
                min_sessions: min as u8,
                require_final: form.value("Final required") == YES,
            };
            let count = app
                .data
                .sessions
                .iter()
                .filter(|s| s.cohort_id == cohort.id)
                .count();
            if let Err(e) = rule.validate(count) {
                put_error(form, &e);
                return true;
            }
            let updated = Cohort {
                rule,
                ..cohort.clone()
            };
            let done = format!("completion rule: {}", rule.describe());
            if let Err(e) = app.save(&done, |txn| txn.update(cohort, &updated)) {
                store_error(form, e);
            }
            false
        }
        LeadershipForm::AddWaitlist => {
            let employee = match find_employee(app, form.value("Employee")) {
                Ok(id) => id,
                Err(e) => {
                    form.set_error("Employee", e);
                    return true;
                }
            };
            let Some(joined) = read_date(form, "Joined") else {
                return true;
            };
            if app.data.waitlist.iter().any(|w| w.employee_id == employee) {
                form.set_error(
                    "Employee",
                    format!("{} is already on the waitlist", app.person(employee)),
                );
                return true;
            }
            let mut w = WaitlistEntry {
                id: 0,
                employee_id: employee,
                joined,
                note: form.value("Note").to_string(),
            };
            let done = format!("{} added to the waitlist", app.person(employee));
            if let Err(e) = app.save(&done, |txn| txn.insert(&mut w)) {
                store_error(form, e);
            }
            false
        }
        LeadershipForm::EditWaitlist(w) => {
            let Some(joined) = read_date(form, "Joined") else {
                return true;
            };
            let updated = WaitlistEntry {
                joined,
                note: form.value("Note").to_string(),
                ..w.clone()
            };
            let done = format!("waitlist entry of {} saved", app.person(w.employee_id));
            if let Err(e) = app.save(&done, |txn| txn.update(w, &updated)) {
                store_error(form, e);
            }
            false
        }
        LeadershipForm::Promote(w) => submit_promote(app, w, form),
    }
}

fn submit_new_cohort(app: &mut App, form: &mut Form) -> bool {
    let Some(year) = parse_year(form.value("Fiscal year")) else {
        form.set_error(
            "Fiscal year",
            "a fiscal year such as 2028 (FY28 runs July 2027 to June 2028)",
        );
        return true;
    };
    if app.data.cohort_for(FiscalYear(year)).is_some() {
        form.set_error(
            "Fiscal year",
            format!(
                "there is already a {} cohort (one per fiscal year)",
                FiscalYear(year).short_label()
            ),
        );
        return true;
    }
    let Some(min) = read_number(form, "Minimum sessions", 99) else {
        return true;
    };
    let rule = CompletionRule {
        min_sessions: min as u8,
        require_final: form.value("Final required") == YES,
    };
    let source =
        parse_year(form.value("Copy schedule")).and_then(|y| app.data.cohort_for(FiscalYear(y)).cloned());
    let copied: Vec<LeadershipSession> = source
        .as_ref()
        .map(|src| {
            let shift = year - src.fiscal_year;
            app.data
                .sessions
                .iter()
                .filter(|s| s.cohort_id == src.id)
                .map(|s| LeadershipSession {
                    date: shift_years(s.date, shift),
                    ..s.clone()
                })
                .collect()
        })
        .unwrap_or_default();
    if let Err(e) = rule.validate(if copied.is_empty() { 0 } else { copied.len() }) {
        put_error(form, &e);
        return true;
    }
    let done = format!(
        "{} cohort started{}",
        FiscalYear(year).short_label(),
        if copied.is_empty() {
            String::new()
        } else {
            format!(" with {} sessions to reschedule", copied.len())
        }
    );
    let result = app.save(&done, |txn| {
        let mut cohort = Cohort {
            id: 0,
            fiscal_year: year,
            rule,
        };
        let cohort_id = txn.insert(&mut cohort)?;
        for s in &copied {
            txn.insert(&mut LeadershipSession {
                id: 0,
                cohort_id,
                ..s.clone()
            })?;
        }
        Ok(())
    });
    match result {
        Ok(()) => {
            app.leadership.year = Some(FiscalYear(year));
            app.leadership.refresh(&app.data, app.today);
        }
        Err(e) => store_error(form, e),
    }
    false
}

/// The same month and day `years` later (28 Feb for 29 Feb).
fn shift_years(d: NaiveDate, years: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year() + years, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(d.year() + years, d.month(), 28))
        .unwrap_or(d)
}

/// Reads the session fields present in the form over `base`, checks them against the cohort's
/// other sessions, and saves (insert when `original` is None).
fn save_session(
    app: &mut App,
    cohort: Cohort,
    original: Option<LeadershipSession>,
    base: LeadershipSession,
    form: &mut Form,
) -> bool {
    let has = |form: &Form, label: &str| form.fields.iter().any(|f| f.label == label);
    let mut s = base;
    if has(form, "Number")
        && let Some(n) = read_number(form, "Number", 99)
    {
        s.number = n as u8;
    }
    if let Some(d) = read_date(form, "Date") {
        s.date = d;
    }
    if let Some(t) = read_time(form, "Start") {
        s.start = t;
    }
    if let Some(t) = read_time(form, "End") {
        s.end = t;
    }
    s.location = form.value("Location").to_string();
    s.room = form.value("Room").to_string();
    if has(form, "Topic") {
        s.topic = form.value("Topic").to_string();
        s.facilitator = form.value("Facilitator").to_string();
    }
    if form.has_errors() {
        return true;
    }
    if let Err(e) = s.validate_for(&cohort, &app.data.sessions) {
        put_error(form, &e);
        return true;
    }
    let done = match &original {
        None => format!("session {} added ({})", s.number, s.date),
        Some(o) if o.date != s.date => format!("session {} moved from {} to {}", s.number, o.date, s.date),
        Some(_) => format!("session {} saved", s.number),
    };
    let result = app.save(&done, |txn| match &original {
        None => txn.insert(&mut s).map(|_| ()),
        Some(o) => txn.update(o, &s),
    });
    if let Err(e) = result {
        store_error(form, e);
    }
    false
}

fn submit_promote(app: &mut App, w: &WaitlistEntry, form: &mut Form) -> bool {
    let Some(year) = parse_year(form.value("Cohort")) else {
        form.set_error("Cohort", "no future cohort to promote into");
        return true;
    };
    let role = form.value("Role at entry").to_string();
    if role.is_empty() {
        form.set_error("Role at entry", "the role (position) at entry is required");
        return true;
    }
    let existing = app.data.cohort_for(FiscalYear(year)).cloned();
    if let Some(c) = &existing
        && app
            .data
            .participants
            .iter()
            .any(|p| p.cohort_id == c.id && p.employee_id == w.employee_id)
    {
        form.set_error(
            "Cohort",
            format!(
                "{} is already in the {} cohort",
                app.person(w.employee_id),
                FiscalYear(year).short_label()
            ),
        );
        return true;
    }
    let done = format!(
        "{} moved from the waitlist into the {} cohort",
        app.person(w.employee_id),
        FiscalYear(year).short_label()
    );
    let result = app.save(&done, |txn| {
        // Moving, not copying: the entry leaves the waitlist in the same transaction.
        if txn.get::<WaitlistEntry>(w.id)?.as_ref() != Some(w) {
            return Err(StoreError::Conflict(format!("waitlist record {}", w.id)));
        }
        txn.delete::<WaitlistEntry>(w.id)?;
        let cohort_id = match &existing {
            Some(c) => c.id,
            None => txn.insert(&mut Cohort {
                id: 0,
                fiscal_year: year,
                rule: CompletionRule::default(),
            })?,
        };
        txn.insert(&mut Participant {
            id: 0,
            cohort_id,
            employee_id: w.employee_id,
            role,
            status: ParticipantStatus::Active,
        })?;
        Ok(())
    });
    if let Err(e) = result {
        store_error(form, e);
    }
    false
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
                    txn.delete::<crate::domain::AttendanceMark>(*id)?;
                }
                txn.delete::<LeadershipSession>(s.id).map(|_| ())
            });
        }
    }
    if app.leadership.view == View::Waitlist {
        app.leadership.refilter();
    }
}
