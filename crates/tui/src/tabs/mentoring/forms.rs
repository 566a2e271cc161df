//! The mentoring tab's forms: pairing (every rule checked on submit), ending a pair, a monthly
//! log, and adding or editing a mentor. Nothing is saved while any check fails.

use super::{MentoringForm, View};
use crate::app::{App, FormPurpose};
use crate::form::{Field, Form};
use pathways_core::domain::{
    Choice, Id, Mentor, MentorLog, MentoringPair, PairEndReason, check_end, first_of_month, mentor_problems,
    pairing_problems, parse_date, parse_month,
};
use pathways_core::privacy::Sensitive;

const MENTEE: &str = "mentee id/name";
const MENTOR: &str = "mentor";
const SIGNED: &str = "agreement date";
const NOTES: &str = "notes";
const END_DATE: &str = "end date";
const WHY: &str = "why";
const MONTH: &str = "month";
const HOURS: &str = "hours";
const TOPICS: &str = "topics";
const SUBMITTED: &str = "submitted";
const EMPLOYEE: &str = "id or name";
const EXPERTISE: &str = "expertise";
const JOINED: &str = "joined";
const STATUS: &str = "status";
const ACTIVE: &str = "active";
const INACTIVE: &str = "inactive";

fn purpose(f: MentoringForm) -> FormPurpose {
    FormPurpose::Mentoring(f)
}

pub fn open_new_pair(app: &mut App) {
    let data = &app.data;
    let mut mentors: Vec<&Mentor> = data.mentors.iter().collect();
    mentors.sort_by_cached_key(|m| {
        (
            !m.active,
            data.employee(m.employee_id)
                .map(|e| e.sort_name())
                .unwrap_or_default(),
        )
    });
    let options: Vec<String> = mentors
        .iter()
        .map(|m| {
            let chapter = data
                .employee(m.employee_id)
                .map(|e| e.chapter.as_str())
                .unwrap_or("");
            let state = if m.active { "" } else { " (inactive)" };
            format!("{} · {chapter}{state}", app.person(m.employee_id))
        })
        .collect();
    let mentor_ids: Vec<Id> = mentors.iter().map(|m| m.id).collect();
    // Start on the mentor selected in the roster, if any.
    let chosen = app
        .mentoring
        .selected_mentor(data)
        .filter(|_| app.mentoring.view == View::Mentors)
        .and_then(|m| mentor_ids.iter().position(|&id| id == m.id))
        .and_then(|i| options.get(i).cloned())
        .unwrap_or_default();
    let form = Form::new(
        "Pair a mentee with a mentor",
        vec![
            Field::text(MENTEE, ""),
            Field::choice(MENTOR, options, &chosen),
            Field::date(SIGNED, Some(app.today)),
            Field::text(NOTES, "").holds(Sensitive::Note),
        ],
    );
    app.open_form(form, purpose(MentoringForm::NewPair { mentor_ids }));
}

pub fn open_end_pair(app: &mut App) {
    let Some(p) = app.mentoring.selected(&app.data).cloned() else {
        app.status = Some("select a pair first (pairs view or log grid)".into());
        return;
    };
    if let (Some(ended), false) = (p.ended, p.is_active(app.today)) {
        app.status = Some(format!("this pair already ended on {ended}"));
        return;
    }
    let reasons: Vec<String> = PairEndReason::ALL.iter().map(|r| r.label().to_string()).collect();
    let form = Form::new(
        format!("End the pair of {}", app.person(p.mentee_id)),
        vec![
            Field::date(END_DATE, Some(app.today.min(p.expires()).max(p.started))),
            Field::choice(WHY, reasons, PairEndReason::Completed.label()),
            Field::text(NOTES, p.notes.clone()).holds(Sensitive::Note),
        ],
    );
    app.open_form(form, purpose(MentoringForm::EndPair { original: p }));
}

pub fn open_add_log(app: &mut App) {
    let Some(i) = app.mentoring.selected_pair_index() else {
        app.status = Some("select a pair first (pairs view or log grid)".into());
        return;
    };
    let p = &app.data.pairs[i];
    // Suggest the oldest missing month, else the month the pair is in now.
    let month = app
        .mentoring
        .pair_info
        .get(i)
        .and_then(|info| info.missing.first().copied())
        .unwrap_or_else(|| first_of_month(app.today.min(p.ended.unwrap_or(app.today))));
    let form = Form::new(
        format!("Monthly log: {}", app.person(p.mentee_id)),
        vec![
            Field::text(MONTH, month.format("%Y-%m").to_string()),
            Field::number(HOURS, ""),
            Field::text(TOPICS, "").holds(Sensitive::MentoringTopics),
            Field::date(SUBMITTED, Some(app.today)),
        ],
    );
    app.open_form(form, purpose(MentoringForm::AddLog { pair_id: p.id }));
}

pub fn open_add_mentor(app: &mut App) {
    let form = Form::new(
        "Add a mentor (any employee)",
        vec![
            Field::text(EMPLOYEE, ""),
            Field::text(EXPERTISE, ""),
            Field::date(JOINED, Some(app.today)),
            Field::choice(STATUS, vec![ACTIVE.into(), INACTIVE.into()], ACTIVE),
        ],
    );
    app.open_form(form, purpose(MentoringForm::AddMentor));
}

pub fn open_edit_mentor(app: &mut App) {
    let Some(m) = app.mentoring.selected_mentor(&app.data).cloned() else {
        app.status = Some("select a mentor first (mentors view, or a pair)".into());
        return;
    };
    let form = Form::new(
        format!("Edit mentor {}", app.person(m.employee_id)),
        vec![
            Field::text(EXPERTISE, m.expertise.clone()),
            Field::date(JOINED, Some(m.joined)),
            Field::choice(
                STATUS,
                vec![ACTIVE.into(), INACTIVE.into()],
                if m.active { ACTIVE } else { INACTIVE },
            ),
        ],
    );
    app.open_form(form, purpose(MentoringForm::EditMentor { original: m.clone() }));
}

pub fn toggle_mentor(app: &mut App) {
    let Some(m) = app.mentoring.selected_mentor(&app.data).cloned() else {
        app.status = Some("select a mentor first (mentors view, or a pair)".into());
        return;
    };
    let updated = Mentor {
        active: !m.active,
        ..m.clone()
    };
    let who = app.person(m.employee_id);
    let done = if updated.active {
        format!("{who} is an active mentor again")
    } else {
        format!("{who} marked inactive; their current pairs go on")
    };
    let _ = app.save(&done, |txn| txn.update(&m, &updated));
}

/// Saves a form; returns whether the form stays open.
pub fn submit(app: &mut App, purpose: &MentoringForm, form: &mut Form) -> bool {
    match purpose {
        MentoringForm::NewPair { mentor_ids } => submit_pair(app, mentor_ids, form),
        MentoringForm::EndPair { original } => submit_end(app, original, form),
        MentoringForm::AddLog { pair_id } => submit_log(app, *pair_id, form),
        MentoringForm::AddMentor => submit_add_mentor(app, form),
        MentoringForm::EditMentor { original } => submit_edit_mentor(app, original, form),
    }
}

/// Finds the employee typed into `label`, or puts the reason on the field.
fn employee_field(app: &App, form: &mut Form, label: &str) -> Option<Id> {
    let people = pathways_core::lookup::People::new(&app.data.employees);
    match people.find(form.value(label)) {
        Ok(e) => Some(e.id),
        Err(e) => {
            form.set_error(label, people.explain(&e, app.private));
            None
        }
    }
}

fn date_field(form: &mut Form, label: &str) -> Option<chrono::NaiveDate> {
    match parse_date(form.value(label)) {
        Ok(d) => Some(d),
        Err(e) => {
            form.set_error(label, e);
            None
        }
    }
}

fn submit_pair(app: &mut App, mentor_ids: &[Id], form: &mut Form) -> bool {
    let mentee_id = employee_field(app, form, MENTEE);
    let cursor = form.fields.iter().find(|f| f.label == MENTOR).map(|f| f.cursor);
    let mentor = cursor
        .and_then(|c| mentor_ids.get(c))
        .and_then(|&id| app.data.mentor(id))
        .cloned();
    if mentor.is_none() {
        form.set_error(MENTOR, "the roster has no mentors yet; add one with m");
    }
    let signed = date_field(form, SIGNED);
    if let Some(d) = signed
        && d > app.today
    {
        form.set_error(
            SIGNED,
            "the agreement is signed in the future; a pair starts on the day it is signed",
        );
    }
    let (Some(mentee_id), Some(mentor), Some(signed)) = (mentee_id, mentor, signed) else {
        return true;
    };
    if form.has_errors() {
        return true;
    }
    let (Some(mentee), Some(mentor_employee)) = (
        app.data.employee(mentee_id),
        app.data.employee(mentor.employee_id),
    ) else {
        form.message = Some("the mentor's employee record is missing".into());
        return true;
    };
    let problems = pairing_problems(&mentor, mentor_employee, mentee, &app.data.pairs, signed);
    let mentee_name = app.person(mentee_id);
    let mentor_name = app.person(mentor.employee_id);
    if !problems.is_empty() {
        let rules = if problems.len() == 1 {
            "rule fails"
        } else {
            "rules fail"
        };
        // A rule resting on a personal fact (an evaluation) is not named under the privacy screen.
        let mask = app.mask();
        let reasons: Vec<_> = problems.iter().map(|p| mask.rule(p)).collect();
        form.message = Some(format!(
            "Not paired ({mentee_name} with {mentor_name}): {} {rules}\n{}",
            problems.len(),
            reasons.join("\n")
        ));
        return true;
    }
    let mut pair = MentoringPair {
        id: 0,
        mentor_id: mentor.id,
        mentee_id,
        started: signed,
        ended: None,
        end_reason: None,
        notes: form.value(NOTES).to_string(),
    };
    let done = format!("paired {mentee_name} with {mentor_name} until {}", pair.expires());
    match app.save(&done, |txn| txn.insert(&mut pair)) {
        Ok(id) => {
            app.mentoring.select_pair(&app.data, id);
            false
        }
        Err(e) => {
            form.message = Some(format!("not saved: {e}"));
            true
        }
    }
}

fn submit_end(app: &mut App, original: &MentoringPair, form: &mut Form) -> bool {
    let Some(ended) = date_field(form, END_DATE) else {
        return true;
    };
    if let Err(e) = check_end(original, ended) {
        form.set_error(END_DATE, e.reason);
        return true;
    }
    let Some(reason) = PairEndReason::parse(form.value(WHY)) else {
        form.set_error(WHY, "choose why the pair ended");
        return true;
    };
    let updated = MentoringPair {
        ended: Some(ended),
        end_reason: Some(reason),
        notes: form.value(NOTES).to_string(),
        ..original.clone()
    };
    let mentee = app.person(original.mentee_id);
    let done = if reason == PairEndReason::NotAGoodFit {
        format!("pair of {mentee} ended (not a good fit); they can choose another mentor now (n)")
    } else {
        format!("pair of {mentee} ended on {ended} ({})", reason.label())
    };
    // Compared with the pair as the form opened, so a change saved meanwhile by someone else
    // (its notes, or its end) is never silently overwritten.
    match app.save_edit(&done, original, &updated) {
        Ok(()) => false,
        Err(e) => {
            form.message = Some(hide_notes(app, e));
            true
        }
    }
}

/// A refused save lists both versions field by field; the pair's notes are sensitive, so under
/// the privacy screen only the fact is shown.
fn hide_notes(app: &App, message: String) -> String {
    if app.private && message.contains("someone else changed") {
        "not saved: someone else changed this record since you opened it (details hidden by the \
         privacy screen; p shows them). Esc keeps theirs; reopen the form to edit the current version"
            .into()
    } else {
        message
    }
}

fn submit_log(app: &mut App, pair_id: Id, form: &mut Form) -> bool {
    let Some(pair) = app.data.pairs.iter().find(|p| p.id == pair_id).cloned() else {
        form.message = Some("this pair is no longer in the database".into());
        return true;
    };
    let month = match parse_month(form.value(MONTH)) {
        Ok(m) => Some(m),
        Err(e) => {
            form.set_error(MONTH, e);
            None
        }
    };
    let hours = match form.value(HOURS).parse::<f32>() {
        Ok(h) if h.is_finite() => Some(h),
        _ => {
            form.set_error(HOURS, "type the hours met this month, e.g. 1.5");
            None
        }
    };
    let topics = form.value(TOPICS).to_string();
    if topics.is_empty() {
        form.set_error(TOPICS, "say briefly what the meetings covered");
    }
    let submitted = date_field(form, SUBMITTED);
    let (Some(month), Some(hours), Some(submitted)) = (month, hours, submitted) else {
        return true;
    };
    if form.has_errors() {
        return true;
    }
    let mut log = MentorLog {
        id: 0,
        pair_id,
        month,
        hours,
        topics,
        submitted,
    };
    let others: Vec<MentorLog> = app
        .mentoring
        .logs_by_pair
        .get(&pair_id)
        .map(|v| v.iter().map(|&i| app.data.logs[i].clone()).collect())
        .unwrap_or_default();
    if let Err(e) = log.check_for_pair(&pair, &others, app.today) {
        form.set_error(e.field, e.reason);
        return true;
    }
    let done = format!(
        "log for {} saved: {} hours in {}",
        app.person(pair.mentee_id),
        hours,
        month.format("%B %Y")
    );
    match app.save(&done, |txn| txn.insert(&mut log)) {
        Ok(_) => false,
        Err(e) => {
            form.message = Some(format!("not saved: {e}"));
            true
        }
    }
}

fn status_field(form: &mut Form) -> Option<bool> {
    match form.value(STATUS) {
        ACTIVE => Some(true),
        INACTIVE => Some(false),
        _ => {
            form.set_error(STATUS, "choose active or inactive");
            None
        }
    }
}

fn submit_add_mentor(app: &mut App, form: &mut Form) -> bool {
    let employee_id = employee_field(app, form, EMPLOYEE);
    let joined = date_field(form, JOINED);
    let active = status_field(form);
    let (Some(employee_id), Some(joined), Some(active)) = (employee_id, joined, active) else {
        return true;
    };
    if let Some(m) = app.data.mentors.iter().find(|m| m.employee_id == employee_id) {
        let state = if m.active {
            "active"
        } else {
            "inactive: t makes them active"
        };
        form.set_error(
            EMPLOYEE,
            format!("{} is already in the roster ({state})", app.person(employee_id)),
        );
        return true;
    }
    let mut mentor = Mentor {
        id: 0,
        employee_id,
        expertise: form.value(EXPERTISE).to_string(),
        active,
        joined,
    };
    let who = app.person(employee_id);
    let not_yet = app
        .data
        .employee(employee_id)
        .map(|e| mentor_problems(&mentor, e, app.today))
        .unwrap_or_default();
    let done = match not_yet.first() {
        None => format!("{who} added to the mentor roster"),
        Some(p) => format!("{who} added; cannot be paired yet: {p}"),
    };
    match app.save(&done, |txn| txn.insert(&mut mentor)) {
        Ok(id) => {
            app.mentoring.select_mentor(&app.data, id);
            false
        }
        Err(e) => {
            form.message = Some(format!("not saved: {e}"));
            true
        }
    }
}

fn submit_edit_mentor(app: &mut App, original: &Mentor, form: &mut Form) -> bool {
    let joined = date_field(form, JOINED);
    let active = status_field(form);
    let (Some(joined), Some(active)) = (joined, active) else {
        return true;
    };
    let updated = Mentor {
        expertise: form.value(EXPERTISE).to_string(),
        joined,
        active,
        ..original.clone()
    };
    let done = format!("mentor {} saved", app.person(original.employee_id));
    // Compared with the mentor as the form opened, so an edit saved meanwhile by someone else
    // is never silently overwritten.
    match app.save_edit(&done, original, &updated) {
        Ok(()) => false,
        Err(e) => {
            form.message = Some(e);
            true
        }
    }
}
