//! The learning tab's forms and questions: what each opens with, how a submit is checked (the
//! reason on the field), and the save through `pathways_core::learning`.

use super::{
    Fx, LearningConfirm, LearningForm, LearningSaved, LearningTab, View, offering_name, session_name,
};
use crate::form::{Field, Form};
use crate::save::Save;
use crate::tab::{Ctx, Effect};
use chrono::NaiveTime;
use pathways_core::domain::{Id, Offering, PlSession};
use pathways_core::learning;
use pathways_core::text::{count, fold};

const YES_NO: [&str; 2] = ["no", "yes"];

fn yes_no() -> Vec<String> {
    YES_NO.iter().map(ToString::to_string).collect()
}

/// `a`: an offering, a session (of the offering selected), or a person at the session shown.
pub(super) fn open_add(tab: &LearningTab, cx: &Ctx) -> Fx {
    let data = cx.data;
    match tab.view() {
        View::Offerings => vec![Effect::Form(
            offering_form("Add a PL offering", None),
            LearningForm::AddOffering,
        )],
        View::Sessions => {
            // The course of the session (or offering) selected, to add another date of it.
            let course = tab
                .selected_session(data)
                .and_then(|s| data.offerings.iter().find(|o| o.id == s.offering_id))
                .or_else(|| tab.selected_offering(data))
                .map(course_key)
                .unwrap_or_default();
            let form = session_form("Add a PL session", &course, None, cx);
            vec![Effect::Form(form, LearningForm::AddSession)]
        }
        View::Attendance => match tab.attendance_session(data) {
            Some(s) => {
                let form = Form::new(
                    format!("Who attended {}", session_name(data, s)),
                    vec![Field::text("person", "")],
                );
                vec![Effect::Form(form, LearningForm::AddAttendance(s.id))]
            }
            None => vec![Effect::status("choose a session first (sessions view, Enter)")],
        },
    }
}

/// `e`: the offering or session selected.
pub(super) fn open_edit(tab: &LearningTab, cx: &Ctx) -> Fx {
    let data = cx.data;
    match tab.view() {
        View::Offerings => match tab.selected_offering(data) {
            Some(o) => vec![Effect::Form(
                offering_form(&format!("Edit {}", offering_name(o)), Some(o)),
                LearningForm::EditOffering(o.clone()),
            )],
            None => vec![Effect::status("no offering selected; a adds one")],
        },
        View::Sessions => match tab.selected_session(data) {
            Some(s) => {
                let course = data
                    .offerings
                    .iter()
                    .find(|o| o.id == s.offering_id)
                    .map(course_key)
                    .unwrap_or_default();
                let form = session_form(&format!("Edit {}", session_name(data, s)), &course, Some(s), cx);
                vec![Effect::Form(form, LearningForm::EditSession(s.clone()))]
            }
            None => vec![Effect::status("no session selected; a adds one")],
        },
        View::Attendance => vec![Effect::status(
            "an attendance has nothing to edit: x removes it, a adds a person",
        )],
    }
}

/// `x`: asks before removing the offering, session or attendance selected.
pub(super) fn ask_remove(tab: &LearningTab, cx: &Ctx) -> Fx {
    let data = cx.data;
    match tab.view() {
        View::Offerings => match tab.selected_offering(data) {
            Some(o) => {
                let sessions = tab.sessions_of.get(&o.id).copied().unwrap_or(0);
                if sessions > 0 {
                    return vec![Effect::status(format!(
                        "{} has {}: remove them first (Enter lists them)",
                        offering_name(o),
                        count(sessions, "session")
                    ))];
                }
                vec![Effect::Ask(
                    format!("Remove the offering {}?", offering_name(o)),
                    LearningConfirm::RemoveOffering(o.clone()),
                )]
            }
            None => vec![Effect::status("no offering selected")],
        },
        View::Sessions => match tab.selected_session(data) {
            Some(s) => {
                let marks = tab.attended(s.id);
                let with = if marks > 0 {
                    format!(" and its {}", count(marks, "attendance"))
                } else {
                    String::new()
                };
                vec![Effect::Ask(
                    format!("Remove the session {}{with}?", session_name(data, s)),
                    LearningConfirm::RemoveSession(s.clone()),
                )]
            }
            None => vec![Effect::status("no session selected")],
        },
        View::Attendance => match tab.selected_attendance(data) {
            Some(a) => vec![Effect::Ask(
                format!(
                    "Remove {} from this session's attendance?",
                    cx.person(a.employee_id)
                ),
                LearningConfirm::RemoveAttendance(a.clone()),
            )],
            None => vec![Effect::status("no attendance selected")],
        },
    }
}

/// How a form names a course: its number, else its title.
fn course_key(o: &Offering) -> String {
    if o.course_number.is_empty() {
        o.title.clone()
    } else {
        o.course_number.clone()
    }
}

fn offering_form(title: &str, o: Option<&Offering>) -> Form {
    Form::new(
        title.to_string(),
        vec![
            Field::text(
                "course number",
                o.map(|o| o.course_number.clone()).unwrap_or_default(),
            ),
            Field::text("title", o.map(|o| o.title.clone()).unwrap_or_default()),
            Field::text(
                "partner office",
                o.map(|o| o.partner_office.clone()).unwrap_or_default(),
            ),
            Field::choice(
                "teacher pathway",
                yes_no(),
                if o.is_some_and(|o| o.teacher_pathway) {
                    "yes"
                } else {
                    "no"
                },
            ),
        ],
    )
}

fn session_form(title: &str, course: &str, s: Option<&PlSession>, cx: &Ctx) -> Form {
    let time = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    Form::new(
        title.to_string(),
        vec![
            Field::text("course", course),
            Field::date("date", Some(s.map_or(cx.today, |s| s.date))),
            Field::text("start", time(s.and_then(|s| s.start))),
            Field::text("end", time(s.and_then(|s| s.end))),
            Field::text("place", s.map(|s| s.place.clone()).unwrap_or_default()),
            Field::text(
                "facilitator",
                s.map(|s| s.facilitator.clone()).unwrap_or_default(),
            ),
        ],
    )
}

pub(super) fn submit(cx: &Ctx, form: &mut Form, purpose: &LearningForm) -> Fx {
    match purpose {
        LearningForm::AddOffering => save_offering(cx, form, None),
        LearningForm::EditOffering(o) => save_offering(cx, form, Some(o)),
        LearningForm::AddSession => save_session(cx, form, None),
        LearningForm::EditSession(s) => save_session(cx, form, Some(s)),
        LearningForm::AddAttendance(session) => save_attendance(cx, form, *session),
    }
}

fn save_offering(cx: &Ctx, form: &mut Form, original: Option<&Offering>) -> Fx {
    let offering = Offering {
        id: original.map_or(0, |o| o.id),
        course_number: form.value("course number").trim().to_string(),
        title: form.value("title").trim().to_string(),
        partner_office: form.value("partner office").trim().to_string(),
        teacher_pathway: form.value("teacher pathway") == "yes",
    };
    if let Err(e) = offering.validate() {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    if let Some(twin) = cx
        .data
        .offerings
        .iter()
        .find(|o| o.id != offering.id && o.same_course(&offering.course_number, &offering.title))
    {
        let field = if offering.course_number.is_empty() {
            "title"
        } else {
            "course number"
        };
        form.set_error(field, format!("already the offering {}", offering_name(twin)));
        return vec![];
    }
    match original {
        None => {
            let done = format!("offering added: {}", offering_name(&offering));
            let mut offering = offering;
            let save = Save::adding(done, move |w| learning::add_offering(w.txn(), &mut offering));
            vec![Effect::Save(save.then(LearningSaved::Offering))]
        }
        Some(original) => {
            let original = original.clone();
            let done = format!("offering saved: {}", offering_name(&offering));
            vec![Effect::Save(Save::new(done, move |w| {
                w.unchanged_since(&original, &offering)?;
                learning::edit_offering(w.txn(), &original, &offering)
            }))]
        }
    }
}

/// The offering a form's `course` names: its course number, or its title (any case, accents).
fn find_course<'a>(cx: &Ctx<'a>, typed: &str) -> Result<&'a Offering, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err("type the course number (or the title of a course without one)".into());
    }
    let offerings = &cx.data.offerings;
    offerings
        .iter()
        .find(|o| !o.course_number.is_empty() && o.course_number.eq_ignore_ascii_case(typed))
        .or_else(|| offerings.iter().find(|o| fold(&o.title) == fold(typed)))
        .ok_or_else(|| {
            let names: Vec<String> = offerings
                .iter()
                .filter(|o| fold(&offering_name(o)).contains(&fold(typed)))
                .take(3)
                .map(offering_name)
                .collect();
            if names.is_empty() {
                "no offering has that course number or title; add it in the offerings view".into()
            } else {
                format!("no offering is exactly that; did you mean: {}", names.join(", "))
            }
        })
}

/// A time field: empty is unknown; otherwise 16:30, 4:30 PM…
fn optional_time(form: &mut Form, label: &str) -> Result<Option<NaiveTime>, ()> {
    if form.value(label).trim().is_empty() {
        return Ok(None);
    }
    form.time(label).map(Some).ok_or(())
}

fn save_session(cx: &Ctx, form: &mut Form, original: Option<&PlSession>) -> Fx {
    let course = find_course(cx, form.value("course")).map_err(|e| form.set_error("course", e));
    let date = form.date("date");
    let start = optional_time(form, "start");
    let end = optional_time(form, "end");
    let (Ok(course), Some(date), Ok(start), Ok(end)) = (course, date, start, end) else {
        return vec![];
    };
    let session = PlSession {
        id: original.map_or(0, |s| s.id),
        offering_id: course.id,
        date,
        start,
        end,
        place: form.value("place").trim().to_string(),
        facilitator: form.value("facilitator").trim().to_string(),
    };
    if let Err(e) = session.validate(&cx.data.pl_sessions) {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    let name = session_name(cx.data, &session);
    match original {
        None => {
            let mut session = session;
            let save = Save::adding(format!("session added: {name}"), move |w| {
                let known = w.known(|d| &d.pl_sessions);
                learning::add_pl_session_known(w.txn(), &mut session, known)
            });
            vec![Effect::Save(save.then(LearningSaved::Session))]
        }
        Some(original) => {
            let original = original.clone();
            vec![Effect::Save(Save::new(
                format!("session saved: {name}"),
                move |w| {
                    w.unchanged_since(&original, &session)?;
                    let known = w.known(|d| &d.pl_sessions);
                    learning::edit_pl_session_known(w.txn(), &original, &session, known)
                },
            ))]
        }
    }
}

fn save_attendance(cx: &Ctx, form: &mut Form, session: Id) -> Fx {
    let Some(person) = form.employee("person", &cx.people(), cx.private) else {
        return vec![];
    };
    if cx
        .data
        .pl_attendance
        .iter()
        .any(|a| a.pl_session_id == session && a.employee_id == person)
    {
        form.set_error(
            "person",
            format!("{} is already recorded at this session", cx.person(person)),
        );
        return vec![];
    }
    let done = format!("attendance recorded: {}", cx.person(person));
    let save = Save::adding(done, move |w| {
        let known = w.known(|d| &d.pl_attendance);
        learning::mark_pl_attendance_known(w.txn(), session, person, known)?.ok_or_else(|| {
            pathways_core::store::StoreError::Conflict(
                "the attendance (someone recorded it meanwhile)".into(),
            )
        })
    });
    vec![Effect::Save(save.then(LearningSaved::Attendance))]
}

/// A yes to a removal.
pub(super) fn remove(cx: &Ctx, answer: LearningConfirm) -> Fx {
    match answer {
        LearningConfirm::RemoveOffering(o) => {
            let done = format!("offering removed: {}", offering_name(&o));
            vec![Effect::Save(Save::new(done, move |w| {
                w.unchanged_since(&o, &o)?;
                learning::remove_offering(w.txn(), o.id)
            }))]
        }
        LearningConfirm::RemoveSession(s) => {
            let done = format!("session removed: {}", session_name(cx.data, &s));
            vec![Effect::Save(Save::new(done, move |w| {
                w.unchanged_since(&s, &s)?;
                learning::remove_pl_session(w.txn(), s.id).map(|_| ())
            }))]
        }
        LearningConfirm::RemoveAttendance(a) => {
            let done = format!("attendance removed: {}", cx.person(a.employee_id));
            vec![Effect::Save(Save::new(done, move |w| w.remove(&a)))]
        }
    }
}
