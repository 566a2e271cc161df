//! The mentoring tab's forms: pairing (every rule checked on submit), ending a pair, a monthly
//! log, and adding or editing a mentor. Nothing is saved while any check fails.

use super::{Fx, MentoringForm, MentoringSaved, MentoringTab, View};
use crate::form::{Field, Form};
use crate::save::Save;
use crate::tab::{Ctx, Effect};
use pathways_core::domain::{
    Choice, Id, Mentor, MentorLog, MentoringPair, PairEndReason, check_end, first_of_month, mentor_problems,
    pairing_problems,
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

fn open(form: Form, purpose: MentoringForm) -> Fx {
    vec![Effect::Form(form, purpose)]
}

fn say(text: impl Into<String>) -> Fx {
    vec![Effect::Status(text.into())]
}

pub(super) fn open_new_pair(tab: &MentoringTab, cx: &Ctx) -> Fx {
    let data = cx.data;
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
                .map(|e| e.chapter_label())
                .unwrap_or("");
            let state = if m.active { "" } else { " (inactive)" };
            format!("{} · {chapter}{state}", cx.person(m.employee_id))
        })
        .collect();
    let mentor_ids: Vec<Id> = mentors.iter().map(|m| m.id).collect();
    // Start on the mentor selected in the roster, if any.
    let chosen = tab
        .selected_mentor(data)
        .filter(|_| tab.view() == View::Mentors)
        .and_then(|m| mentor_ids.iter().position(|&id| id == m.id))
        .and_then(|i| options.get(i).cloned())
        .unwrap_or_default();
    let form = Form::new(
        "Pair a mentee with a mentor",
        vec![
            Field::text(MENTEE, ""),
            Field::choice(MENTOR, options, &chosen),
            Field::date(SIGNED, Some(cx.today)),
            Field::text(NOTES, "").holds(Sensitive::Note),
        ],
    );
    open(form, MentoringForm::NewPair { mentor_ids })
}

pub(super) fn open_end_pair(tab: &MentoringTab, cx: &Ctx) -> Fx {
    let Some(p) = tab.selected(cx.data).cloned() else {
        return say("select a pair first (pairs view or log grid)");
    };
    if let (Some(ended), false) = (p.ended, p.is_active(cx.today)) {
        return say(format!("this pair already ended on {ended}"));
    }
    let reasons: Vec<String> = PairEndReason::ALL.iter().map(|r| r.label().to_string()).collect();
    let form = Form::new(
        format!("End the pair of {}", cx.person(p.mentee_id)),
        vec![
            Field::date(END_DATE, Some(cx.today.min(p.expires()).max(p.started))),
            Field::choice(WHY, reasons, PairEndReason::Completed.label()),
            Field::text(NOTES, p.notes.clone()).holds(Sensitive::Note),
        ],
    );
    open(form, MentoringForm::EndPair { original: p })
}

pub(super) fn open_add_log(tab: &MentoringTab, cx: &Ctx) -> Fx {
    let Some(i) = tab.selected_pair_index() else {
        return say("select a pair first (pairs view or log grid)");
    };
    let p = &cx.data.pairs[i];
    // Suggest the oldest missing month, else the month the pair is in now.
    let month = tab
        .pair_info
        .get(i)
        .and_then(|info| info.missing.first().copied())
        .unwrap_or_else(|| first_of_month(cx.today.min(p.ended.unwrap_or(cx.today))));
    let form = Form::new(
        format!("Monthly log: {}", cx.person(p.mentee_id)),
        vec![
            Field::text(MONTH, month.format("%Y-%m").to_string()),
            Field::number(HOURS, ""),
            Field::text(TOPICS, "").holds(Sensitive::MentoringTopics),
            Field::date(SUBMITTED, Some(cx.today)),
        ],
    );
    open(form, MentoringForm::AddLog { pair_id: p.id })
}

pub(super) fn open_add_mentor(cx: &Ctx) -> Fx {
    let form = Form::new(
        "Add a mentor (any employee)",
        vec![
            Field::text(EMPLOYEE, ""),
            Field::text(EXPERTISE, ""),
            Field::date(JOINED, Some(cx.today)),
            Field::choice(STATUS, vec![ACTIVE.into(), INACTIVE.into()], ACTIVE),
        ],
    );
    open(form, MentoringForm::AddMentor)
}

pub(super) fn open_edit_mentor(tab: &MentoringTab, cx: &Ctx) -> Fx {
    let Some(m) = tab.selected_mentor(cx.data).cloned() else {
        return say("select a mentor first (mentors view, or a pair)");
    };
    let form = Form::new(
        format!("Edit mentor {}", cx.person(m.employee_id)),
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
    open(form, MentoringForm::EditMentor { original: m })
}

pub(super) fn toggle_mentor(tab: &MentoringTab, cx: &Ctx) -> Fx {
    let Some(m) = tab.selected_mentor(cx.data).cloned() else {
        return say("select a mentor first (mentors view, or a pair)");
    };
    let updated = Mentor {
        active: !m.active,
        ..m.clone()
    };
    let who = cx.person(m.employee_id);
    let done = if updated.active {
        format!("{who} is an active mentor again")
    } else {
        format!("{who} marked inactive; their current pairs go on")
    };
    vec![Effect::Save(Save::new(done, move |w| w.update(&m, &updated)))]
}

/// Checks and saves a form: nothing is saved while any check fails.
pub(super) fn submit(tab: &MentoringTab, cx: &Ctx, purpose: &MentoringForm, form: &mut Form) -> Fx {
    match purpose {
        MentoringForm::NewPair { mentor_ids } => submit_pair(cx, mentor_ids, form),
        MentoringForm::EndPair { original } => submit_end(cx, original, form),
        MentoringForm::AddLog { pair_id } => submit_log(tab, cx, *pair_id, form),
        MentoringForm::AddMentor => submit_add_mentor(cx, form),
        MentoringForm::EditMentor { original } => submit_edit_mentor(cx, original, form),
    }
}

fn submit_pair(cx: &Ctx, mentor_ids: &[Id], form: &mut Form) -> Fx {
    let data = cx.data;
    let mentee_id = form.employee(MENTEE, &cx.people(), cx.private);
    let cursor = form.fields.iter().find(|f| f.label == MENTOR).map(|f| f.cursor);
    let mentor = cursor
        .and_then(|c| mentor_ids.get(c))
        .and_then(|&id| data.mentor(id))
        .cloned();
    if mentor.is_none() {
        form.set_error(MENTOR, "the roster has no mentors yet; add one with m");
    }
    let signed = form.date(SIGNED);
    if let Some(d) = signed
        && d > cx.today
    {
        form.set_error(
            SIGNED,
            "the agreement is signed in the future; a pair starts on the day it is signed",
        );
    }
    let (Some(mentee_id), Some(mentor), Some(signed)) = (mentee_id, mentor, signed) else {
        return vec![];
    };
    if form.has_errors() {
        return vec![];
    }
    let (Some(mentee), Some(mentor_employee)) = (data.employee(mentee_id), data.employee(mentor.employee_id))
    else {
        form.message = Some("the mentor's employee record is missing".into());
        return vec![];
    };
    let problems = pairing_problems(&mentor, mentor_employee, mentee, &data.pairs, signed);
    let mentee_name = cx.person(mentee_id);
    let mentor_name = cx.person(mentor.employee_id);
    if !problems.is_empty() {
        let rules = if problems.len() == 1 {
            "rule fails"
        } else {
            "rules fail"
        };
        // A rule resting on a personal fact (an evaluation) is not named under the privacy screen.
        let mask = cx.mask();
        let reasons: Vec<_> = problems.iter().map(|p| mask.rule(p)).collect();
        form.message = Some(format!(
            "Not paired ({mentee_name} with {mentor_name}): {} {rules}\n{}",
            problems.len(),
            reasons.join("\n")
        ));
        return vec![];
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
    let save = Save::adding(done, move |w| w.insert(&mut pair));
    vec![Effect::Save(save.then(MentoringSaved::SelectPair))]
}

fn submit_end(cx: &Ctx, original: &MentoringPair, form: &mut Form) -> Fx {
    let Some(ended) = form.date(END_DATE) else {
        return vec![];
    };
    if let Err(e) = check_end(original, ended) {
        form.set_error(END_DATE, e.reason);
        return vec![];
    }
    let Some(reason) = PairEndReason::parse(form.value(WHY)) else {
        form.set_error(WHY, "choose why the pair ended");
        return vec![];
    };
    let updated = MentoringPair {
        ended: Some(ended),
        end_reason: Some(reason),
        notes: form.value(NOTES).to_string(),
        ..original.clone()
    };
    let mentee = cx.person(original.mentee_id);
    let done = if reason == PairEndReason::NotAGoodFit {
        format!("pair of {mentee} ended (not a good fit); they can choose another mentor now (n)")
    } else {
        format!("pair of {mentee} ended on {ended} ({})", reason.label())
    };
    // Compared with the pair as the form opened, so a change saved meanwhile by someone else
    // (its notes, or its end) is never silently overwritten.
    let original = original.clone();
    vec![Effect::Save(Save::new(done, move |w| {
        w.update(&original, &updated)
    }))]
}

fn submit_log(tab: &MentoringTab, cx: &Ctx, pair_id: Id, form: &mut Form) -> Fx {
    let data = cx.data;
    let Some(pair) = data.pairs.iter().find(|p| p.id == pair_id).cloned() else {
        form.message = Some("this pair is no longer in the database".into());
        return vec![];
    };
    let month = form.month(MONTH);
    let hours = form
        .number::<f32>(HOURS, "type the hours met this month, e.g. 1.5")
        .filter(|h| h.is_finite());
    if hours.is_none() && !form.is_wrong(HOURS) {
        form.set_error(HOURS, "type the hours met this month, e.g. 1.5");
    }
    let topics = form.value(TOPICS).to_string();
    if topics.is_empty() {
        form.set_error(TOPICS, "say briefly what the meetings covered");
    }
    let submitted = form.date(SUBMITTED);
    let (Some(month), Some(hours), Some(submitted)) = (month, hours, submitted) else {
        return vec![];
    };
    if form.has_errors() {
        return vec![];
    }
    let mut log = MentorLog {
        id: 0,
        pair_id,
        month,
        hours,
        topics,
        submitted,
    };
    let others: Vec<MentorLog> = tab
        .logs_by_pair
        .get(&pair_id)
        .map(|v| v.iter().map(|&i| data.logs[i].clone()).collect())
        .unwrap_or_default();
    if let Err(e) = log.check_for_pair(&pair, &others, cx.today) {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    let done = format!(
        "log for {} saved: {} in {}",
        cx.person(pair.mentee_id),
        pathways_core::text::amount(f64::from(hours), "hour"),
        month.format("%B %Y")
    );
    vec![Effect::Save(Save::adding(done, move |w| w.insert(&mut log)))]
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

fn submit_add_mentor(cx: &Ctx, form: &mut Form) -> Fx {
    let data = cx.data;
    let employee_id = form.employee(EMPLOYEE, &cx.people(), cx.private);
    let joined = form.date(JOINED);
    let active = status_field(form);
    let (Some(employee_id), Some(joined), Some(active)) = (employee_id, joined, active) else {
        return vec![];
    };
    if let Some(m) = data.mentors.iter().find(|m| m.employee_id == employee_id) {
        let state = if m.active {
            "active"
        } else {
            "inactive: t makes them active"
        };
        form.set_error(
            EMPLOYEE,
            format!("{} is already in the roster ({state})", cx.person(employee_id)),
        );
        return vec![];
    }
    let mut mentor = Mentor {
        id: 0,
        employee_id,
        expertise: form.value(EXPERTISE).to_string(),
        active,
        joined,
    };
    let who = cx.person(employee_id);
    let not_yet = data
        .employee(employee_id)
        .map(|e| mentor_problems(&mentor, e, cx.today))
        .unwrap_or_default();
    let done = match not_yet.first() {
        None => format!("{who} added to the mentor roster"),
        Some(p) => format!("{who} added; cannot be paired yet: {p}"),
    };
    let save = Save::adding(done, move |w| w.insert(&mut mentor));
    vec![Effect::Save(save.then(MentoringSaved::SelectMentor))]
}

fn submit_edit_mentor(cx: &Ctx, original: &Mentor, form: &mut Form) -> Fx {
    let joined = form.date(JOINED);
    let active = status_field(form);
    let (Some(joined), Some(active)) = (joined, active) else {
        return vec![];
    };
    let updated = Mentor {
        expertise: form.value(EXPERTISE).to_string(),
        joined,
        active,
        ..original.clone()
    };
    let done = format!("mentor {} saved", cx.person(original.employee_id));
    // Compared with the mentor as the form opened, so an edit saved meanwhile by someone else
    // is never silently overwritten.
    let original = original.clone();
    vec![Effect::Save(Save::new(done, move |w| {
        w.update(&original, &updated)
    }))]
}
