//! Saving the tab's forms and attendance marks: each check names the field that is wrong, and
//! each save is one durable transaction (undone with `u`).

use super::{CoverageConfirm, CoverageForm, CoverageSaved, CoverageTab, Fx, View};
use crate::form::Form;
use crate::save::Save;
use crate::tab::{Ctx, Effect};
use pathways_core::domain::{
    Ambassador, AmbassadorSession, Choice, Dimension, Location, LocationKind, ReferencePopulation,
    ambassador_problem, overlapping_tenure,
};
use pathways_core::lookup::LookupError;
use pathways_core::text::{count, fold};

/// Checks and saves a form: nothing is saved while any check fails.
pub(super) fn submit(tab: &mut CoverageTab, cx: &Ctx, purpose: &CoverageForm, form: &mut Form) -> Fx {
    match purpose {
        CoverageForm::AsOf => match form.date("as of") {
            Some(d) => tab.set_as_of(cx, Some(d)),
            None => vec![],
        },
        CoverageForm::AddAmbassador => save_ambassador(cx, None, form),
        CoverageForm::EditAmbassador(o) => save_ambassador(cx, Some(o), form),
        CoverageForm::AddLocation => save_location(cx, None, form),
        CoverageForm::EditLocation(o) => save_location(cx, Some(o), form),
        CoverageForm::AddSession => save_session(None, form),
        CoverageForm::EditSession(o) => save_session(Some(o), form),
        CoverageForm::AddReference(dim) => save_reference(None, *dim, form),
        CoverageForm::EditReference(o, dim) => save_reference(Some(o), *dim, form),
    }
}

/// `original`: the record as the edit form opened (None: adding one).
fn save_ambassador(cx: &Ctx, original: Option<&Ambassador>, form: &mut Form) -> Fx {
    let data = cx.data;
    let id = original.map(|o| o.id);
    let employee_id = form.employee("employee", &cx.people(), cx.private);
    let start = form.date("tenure start");
    let end = form.optional_date("tenure end");
    let end = if form.is_wrong("tenure end") {
        None
    } else {
        start.map(|s| end.unwrap_or_else(|| Ambassador::default_tenure_end(s)))
    };
    let (Some(employee_id), Some(start), Some(end)) = (employee_id, start, end) else {
        return vec![];
    };
    let employee = data.employee(employee_id);
    // The 5-year rule is checked on the tenure's first day: when added, or when the person or the
    // start changes.
    if original.is_none_or(|o| o.employee_id != employee_id || o.tenure_start != start)
        && let Some(why) = employee.and_then(|e| ambassador_problem(e, start))
    {
        form.set_error("employee", why);
        return vec![];
    }
    if let Some(other) = overlapping_tenure(&data.ambassadors, employee_id, start, end, id) {
        form.set_error(
            "tenure start",
            format!(
                "already an ambassador from {} to {}; one tenure at a time",
                other.tenure_start, other.tenure_end
            ),
        );
        return vec![];
    }
    let places = cx.places();
    let primary = match form.location("primary location", &places) {
        Some(l) => l,
        None if form.is_wrong("primary location") => return vec![],
        None => match employee.and_then(|e| e.location_id) {
            Some(l) => l,
            None => {
                form.set_error("primary location", "the employee has no location; type one");
                return vec![];
            }
        },
    };
    let mut supported = Vec::new();
    let parts: Vec<String> = form
        .value("also supports")
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    for part in &parts {
        match places.find(part) {
            Ok(l) if l.id != primary && !supported.contains(&l.id) => supported.push(l.id),
            Ok(_) | Err(LookupError::Empty) => {}
            Err(e) => {
                form.set_error("also supports", places.explain(&e));
                return vec![];
            }
        }
    }
    let mut a = Ambassador {
        id: id.unwrap_or(0),
        employee_id,
        tenure_start: start,
        tenure_end: end,
        primary_location: primary,
        supported_locations: supported,
    };
    if let Err(e) = a.validate() {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    let save = match original.cloned() {
        Some(o) => Save::new("ambassador saved", move |w| w.update(&o, &a)),
        None => {
            Save::adding("ambassador added", move |w| w.insert(&mut a)).then(CoverageSaved::SelectAmbassador)
        }
    };
    vec![Effect::Save(save)]
}

fn save_location(cx: &Ctx, original: Option<&Location>, form: &mut Form) -> Fx {
    let data = cx.data;
    let id = original.map(|o| o.id);
    let name = form.value("name").to_string();
    let kind = LocationKind::parse(form.value("type")).unwrap_or(LocationKind::Elementary);
    let Some(employees) = form.opt_number::<u32>(
        "employees",
        "a whole number of employees (0 or more), or empty when not known",
    ) else {
        return vec![];
    };
    if data
        .locations
        .iter()
        .any(|l| Some(l.id) != id && fold(&l.name) == fold(name.trim()))
    {
        form.set_error("name", "another location already has this name");
        return vec![];
    }
    let mut l = Location {
        id: id.unwrap_or(0),
        name: name.trim().to_string(),
        kind,
        employees,
    };
    if let Err(e) = l.validate() {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    let save = match original.cloned() {
        Some(o) => Save::new("location saved", move |w| w.update(&o, &l)),
        None => Save::adding("location added", move |w| w.insert(&mut l)).then(CoverageSaved::SelectLocation),
    };
    vec![Effect::Save(save)]
}

fn save_session(original: Option<&AmbassadorSession>, form: &mut Form) -> Fx {
    let id = original.map(|o| o.id);
    let Some(date) = form.date("date") else {
        return vec![];
    };
    let mut s = AmbassadorSession {
        id: id.unwrap_or(0),
        date,
        topic: form.value("topic").to_string(),
        presenter: form.value("presenter").to_string(),
        attendees: original.map(|o| o.attendees.clone()).unwrap_or_default(),
    };
    if let Err(e) = s.validate() {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    let save = match original.cloned() {
        Some(o) => Save::new("PL session saved", move |w| w.update(&o, &s)),
        None => Save::adding("PL session added", move |w| w.insert(&mut s)),
    };
    vec![Effect::Save(save)]
}

fn save_reference(original: Option<&ReferencePopulation>, dim: Dimension, form: &mut Form) -> Fx {
    let id = original.map(|o| o.id);
    let mut counts = Vec::new();
    for f in form.fields.iter().skip(1) {
        let v = f.value.trim();
        match v.parse::<u64>() {
            Ok(n) => counts.push((f.label.to_string(), n)),
            Err(_) if v.is_empty() => counts.push((f.label.to_string(), 0)),
            Err(_) => {
                let label = f.label;
                form.set_error(label, "a whole number of people (0 or more)");
                return vec![];
            }
        }
    }
    let mut r = original.cloned().unwrap_or(ReferencePopulation {
        id: 0,
        name: String::new(),
        groups: Vec::new(),
    });
    r.name = form.value("name").to_string();
    // Groups left at 0 are not stored, so an unused dimension reads "not entered".
    counts.retain(|(_, n)| *n > 0);
    r.set_counts(dim, counts);
    if let Err(e) = r.validate() {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    // Its counts by race are sensitive: under the privacy screen a refusal says only why.
    let save = match original.cloned() {
        Some(o) => Save::new("reference population saved", move |w| w.update(&o, &r)),
        None => Save::adding("reference population added", move |w| w.insert(&mut r)),
    };
    vec![Effect::Save(save.then(CoverageSaved::ShowReference(id)))]
}

/// Marks the selected ambassador of the attendance list present or absent (one durable save).
pub(super) fn toggle_mark(tab: &CoverageTab, cx: &Ctx) -> Fx {
    let Some(session) = tab
        .marking
        .and_then(|id| cx.data.ambassador_sessions.iter().find(|s| s.id == id))
        .cloned()
    else {
        return vec![];
    };
    let Some(a) = tab
        .selected_index()
        .and_then(|i| cx.data.ambassadors.get(i))
        .cloned()
    else {
        return vec![];
    };
    let mut updated = session.clone();
    let present = !session.attendees.contains(&a.id);
    // Attendance records what happened: a session still to come has no one present yet.
    if present && session.date > cx.today {
        return vec![Effect::status(format!(
            "the session of {} has not been held yet: mark who was present on the day or after",
            session.date
        ))];
    }
    if present {
        updated.attendees.push(a.id);
        updated.attendees.sort_unstable();
    } else {
        updated.attendees.retain(|x| *x != a.id);
    }
    let who = cx.person(a.employee_id);
    let what = format!(
        "{who} marked {} on {}",
        if present { "present" } else { "absent" },
        session.date
    );
    vec![Effect::Save(Save::new(what, move |w| {
        w.update(&session, &updated)
    }))]
}

/// `x`: asks before deleting the selected row; refuses what other records still name.
pub(super) fn ask_delete(tab: &CoverageTab, cx: &Ctx) -> Fx {
    let data = cx.data;
    let Some(i) = tab.selected_index() else {
        return vec![Effect::status("nothing selected to delete")];
    };
    let asked = match tab.view() {
        View::Ambassadors => data.ambassadors.get(i).map(|a| {
            (
                format!(
                    "Delete ambassador {} ({} to {}) and their attendance marks?",
                    cx.person(a.employee_id),
                    a.tenure_start,
                    a.tenure_end
                ),
                CoverageConfirm::DeleteAmbassador(a.clone()),
            )
        }),
        View::Overview | View::Locations => {
            let Some(l) = data.locations.get(i) else {
                return vec![];
            };
            let employees = data
                .employees
                .iter()
                .filter(|e| e.location_id == Some(l.id))
                .count();
            let ambassadors = data
                .ambassadors
                .iter()
                .filter(|a| a.locations().contains(&l.id))
                .count();
            if employees + ambassadors > 0 {
                return vec![Effect::Status(format!(
                    "cannot delete {}: {} and {} name it",
                    l.name,
                    count(employees, "employee"),
                    count(ambassadors, "ambassador")
                ))];
            }
            Some((
                format!("Delete location {}?", l.name),
                CoverageConfirm::DeleteLocation(l.clone()),
            ))
        }
        View::Sessions if tab.marking.is_some() => None,
        View::Sessions => data.ambassador_sessions.get(i).map(|s| {
            (
                format!(
                    "Delete the PL session of {} ({}) and its {}?",
                    s.date,
                    s.topic,
                    count(s.attendees.len(), "attendance mark")
                ),
                CoverageConfirm::DeleteSession(s.clone()),
            )
        }),
        View::Demographics => tab
            .reference
            .and_then(|i| data.reference_populations.get(i))
            .map(|r| {
                (
                    format!("Delete the reference population {}?", r.name),
                    CoverageConfirm::DeleteReference(r.clone()),
                )
            }),
    };
    match asked {
        Some((message, then)) => vec![Effect::Ask(message, then)],
        None => vec![Effect::status("nothing selected to delete")],
    }
}

/// Deletes after the confirm, in one transaction (undone with `u`). Each record is deleted only
/// if it is still the one the question showed, so a change someone else saved meanwhile is not
/// deleted unseen.
pub(super) fn delete(cx: &Ctx, c: CoverageConfirm) -> Fx {
    let save = match c {
        CoverageConfirm::DeleteAmbassador(a) => {
            let id = a.id;
            // Their attendance marks go with them, in the same transaction.
            let sessions: Vec<AmbassadorSession> = cx
                .data
                .ambassador_sessions
                .iter()
                .filter(|s| s.attendees.contains(&id))
                .cloned()
                .collect();
            Save::new("ambassador deleted", move |w| {
                for s in &sessions {
                    let mut updated = s.clone();
                    updated.attendees.retain(|a| *a != id);
                    w.update(s, &updated)?;
                }
                w.remove(&a)
            })
        }
        CoverageConfirm::DeleteLocation(l) => Save::new("location deleted", move |w| w.remove(&l)),
        CoverageConfirm::DeleteSession(s) => Save::new("PL session deleted", move |w| w.remove(&s)),
        CoverageConfirm::DeleteReference(r) => {
            Save::new("reference population deleted", move |w| w.remove(&r))
        }
    };
    vec![Effect::Save(save)]
}
