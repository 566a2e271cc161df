//! Saving the tab's forms and attendance marks: each check names the field that is wrong, and
//! each save is one durable transaction (undone with `u`).

use super::forms::{find_employee, find_location};
use super::{CoverageConfirm, CoverageForm, View, set_as_of};
use crate::app::{App, Confirmed};
use crate::form::Form;
use pathways_core::domain::{
    Ambassador, AmbassadorSession, Choice, Dimension, Location, LocationKind, ReferencePopulation,
    ambassador_problem, overlapping_tenure, parse_date, parse_optional_date,
};
use pathways_core::text::fold;

/// Saves a form; returns whether the form stays open.
pub fn submit(app: &mut App, purpose: &CoverageForm, form: &mut Form) -> bool {
    match purpose {
        CoverageForm::AsOf => match parse_date(form.value("as of")) {
            Ok(d) => set_as_of(app, Some(d)),
            Err(e) => form.set_error("as of", e),
        },
        CoverageForm::AddAmbassador => save_ambassador(app, None, form),
        CoverageForm::EditAmbassador(o) => save_ambassador(app, Some(o), form),
        CoverageForm::AddLocation => save_location(app, None, form),
        CoverageForm::EditLocation(o) => save_location(app, Some(o), form),
        CoverageForm::AddSession => save_session(app, None, form),
        CoverageForm::EditSession(o) => save_session(app, Some(o), form),
        CoverageForm::AddReference(dim) => save_reference(app, None, *dim, form),
        CoverageForm::EditReference(o, dim) => save_reference(app, Some(o), *dim, form),
    }
    false
}

/// `original`: the record as the edit form opened (None: adding one).
fn save_ambassador(app: &mut App, original: Option<&Ambassador>, form: &mut Form) {
    let data = &app.data;
    let id = original.map(|o| o.id);
    let employee_id = match find_employee(data, form.value("employee")) {
        Ok(e) => Some(e),
        Err(e) => {
            form.set_error("employee", e);
            None
        }
    };
    let start = parse_date(form.value("tenure start"))
        .map_err(|e| form.set_error("tenure start", e))
        .ok();
    let end = match parse_optional_date(form.value("tenure end")) {
        Ok(end) => start.map(|s| end.unwrap_or_else(|| Ambassador::default_tenure_end(s))),
        Err(e) => {
            form.set_error("tenure end", e);
            None
        }
    };
    let (Some(employee_id), Some(start), Some(end)) = (employee_id, start, end) else {
        return;
    };
    let employee = data.employee(employee_id);
    // The 5-year rule is checked on the tenure's first day: when added, or when the person or the
    // start changes.
    if original.is_none_or(|o| o.employee_id != employee_id || o.tenure_start != start)
        && let Some(why) = employee.and_then(|e| ambassador_problem(e, start))
    {
        form.set_error("employee", why);
        return;
    }
    if let Some(other) = overlapping_tenure(&data.ambassadors, employee_id, start, end, id) {
        form.set_error(
            "tenure start",
            format!(
                "already an ambassador from {} to {}; one tenure at a time",
                other.tenure_start, other.tenure_end
            ),
        );
        return;
    }
    let primary_text = form.value("primary location").to_string();
    let primary = if primary_text.is_empty() {
        match employee.and_then(|e| e.location_id) {
            Some(l) => l,
            None => {
                form.set_error("primary location", "the employee has no location; type one");
                return;
            }
        }
    } else {
        match find_location(data, &primary_text) {
            Ok(l) => l,
            Err(e) => {
                form.set_error("primary location", e);
                return;
            }
        }
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
        match find_location(data, part) {
            Ok(l) if l != primary && !supported.contains(&l) => supported.push(l),
            Ok(_) => {}
            Err(e) => {
                form.set_error("also supports", e);
                return;
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
        return;
    }
    let result = match original {
        Some(o) => app.save_edit("ambassador saved", o, &a),
        None => app
            .save("ambassador added", |txn| txn.insert(&mut a))
            .map(|id| app.coverage.select_ambassador(id))
            .map_err(|e| format!("not saved: {e}")),
    };
    if let Err(e) = result {
        form.message = Some(e);
    }
}

fn save_location(app: &mut App, original: Option<&Location>, form: &mut Form) {
    let data = &app.data;
    let id = original.map(|o| o.id);
    let name = form.value("name").to_string();
    let kind = LocationKind::parse(form.value("type")).unwrap_or(LocationKind::Elementary);
    let employees = match form.value("employees").parse::<u32>() {
        Ok(n) => n,
        Err(_) => {
            form.set_error("employees", "a whole number of employees (0 or more)");
            return;
        }
    };
    if data
        .locations
        .iter()
        .any(|l| Some(l.id) != id && fold(&l.name) == fold(name.trim()))
    {
        form.set_error("name", "another location already has this name");
        return;
    }
    let mut l = Location {
        id: id.unwrap_or(0),
        name: name.trim().to_string(),
        kind,
        employees,
    };
    if let Err(e) = l.validate() {
        form.set_error(e.field, e.reason);
        return;
    }
    let result = match original {
        Some(o) => app.save_edit("location saved", o, &l),
        None => app
            .save("location added", |txn| txn.insert(&mut l))
            .map(|id| app.coverage.select_location(id))
            .map_err(|e| format!("not saved: {e}")),
    };
    if let Err(e) = result {
        form.message = Some(e);
    }
}

fn save_session(app: &mut App, original: Option<&AmbassadorSession>, form: &mut Form) {
    let id = original.map(|o| o.id);
    let date = match parse_date(form.value("date")) {
        Ok(d) => d,
        Err(e) => {
            form.set_error("date", e);
            return;
        }
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
        return;
    }
    let result = match original {
        Some(o) => app.save_edit("PL session saved", o, &s),
        None => app
            .save("PL session added", |txn| txn.insert(&mut s).map(|_| ()))
            .map_err(|e| format!("not saved: {e}")),
    };
    if let Err(e) = result {
        form.message = Some(e);
    }
}

fn save_reference(app: &mut App, original: Option<&ReferencePopulation>, dim: Dimension, form: &mut Form) {
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
                return;
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
        return;
    }
    let result = match original {
        // Its counts by race are sensitive: under the privacy screen a refusal says only why.
        Some(o) => app
            .save_edit("reference population saved", o, &r)
            .map(|()| 0)
            .map_err(|e| {
                if app.private && e.contains("someone else changed") {
                    "not saved: someone else changed this record since you opened it (details \
                     hidden by the privacy screen; p shows them)"
                        .to_string()
                } else {
                    e
                }
            }),
        None => app
            .save("reference population added", |txn| txn.insert(&mut r))
            .map_err(|e| format!("not saved: {e}")),
    };
    match result {
        Ok(new_id) => {
            let id = id.unwrap_or(new_id);
            // Show the population just entered.
            app.coverage.reference = app.data.reference_populations.iter().position(|r| r.id == id);
            app.coverage.refresh(&app.data, app.today);
        }
        Err(e) => form.message = Some(e),
    }
}

/// Marks the selected ambassador of the attendance list present or absent (one durable save).
pub fn toggle_mark(app: &mut App) {
    let tab = &app.coverage;
    let Some(session) = tab
        .marking
        .and_then(|id| app.data.ambassador_sessions.iter().find(|s| s.id == id))
        .cloned()
    else {
        return;
    };
    let Some(a) = tab
        .selected_index()
        .and_then(|i| app.data.ambassadors.get(i))
        .cloned()
    else {
        return;
    };
    let mut updated = session.clone();
    let present = !session.attendees.contains(&a.id);
    if present {
        updated.attendees.push(a.id);
        updated.attendees.sort_unstable();
    } else {
        updated.attendees.retain(|x| *x != a.id);
    }
    let who = app.person(a.employee_id);
    let what = format!(
        "{who} marked {} on {}",
        if present { "present" } else { "absent" },
        session.date
    );
    let _ = app.save(&what, |txn| txn.update(&session, &updated));
}

/// `x`: asks before deleting the selected row; refuses what other records still name.
pub fn ask_delete(app: &mut App) {
    let tab = &app.coverage;
    let data = &app.data;
    let Some(i) = tab.selected_index() else {
        app.status = Some("nothing selected to delete".into());
        return;
    };
    let asked = match tab.view {
        View::Ambassadors => data.ambassadors.get(i).map(|a| {
            (
                format!(
                    "Delete ambassador {} ({} to {}) and their attendance marks?",
                    app.person(a.employee_id),
                    a.tenure_start,
                    a.tenure_end
                ),
                CoverageConfirm::DeleteAmbassador(a.clone()),
            )
        }),
        View::Overview | View::Locations => {
            let Some(l) = data.locations.get(i) else {
                return;
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
                app.status = Some(format!(
                    "cannot delete {}: {employees} employee(s) and {ambassadors} ambassador(s) name it",
                    l.name
                ));
                return;
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
                    "Delete the PL session of {} ({}) and its {} attendance mark(s)?",
                    s.date,
                    s.topic,
                    s.attendees.len()
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
        Some((message, then)) => app.ask(message, Confirmed::Coverage(then)),
        None => app.status = Some("nothing selected to delete".into()),
    }
}

/// Deletes after the confirm, in one transaction (undone with `u`).
pub fn delete(app: &mut App, c: CoverageConfirm) {
    let result = match c {
        CoverageConfirm::DeleteAmbassador(a) => {
            let id = a.id;
            // Their attendance marks go with them, in the same transaction.
            let sessions: Vec<AmbassadorSession> = app
                .data
                .ambassador_sessions
                .iter()
                .filter(|s| s.attendees.contains(&id))
                .cloned()
                .collect();
            app.save("ambassador deleted", |txn| {
                for s in &sessions {
                    let mut updated = s.clone();
                    updated.attendees.retain(|a| *a != id);
                    txn.update(s, &updated)?;
                }
                delete_unchanged(txn, &a)
            })
        }
        CoverageConfirm::DeleteLocation(l) => app.save("location deleted", |txn| delete_unchanged(txn, &l)),
        CoverageConfirm::DeleteSession(s) => app.save("PL session deleted", |txn| delete_unchanged(txn, &s)),
        CoverageConfirm::DeleteReference(r) => {
            app.save("reference population deleted", |txn| delete_unchanged(txn, &r))
        }
    };
    if result.is_ok() {
        app.coverage.refresh(&app.data, app.today);
    }
}

/// Deletes `shown` only if the stored record is still the one the question showed, so a change
/// someone else saved meanwhile is not deleted unseen.
fn delete_unchanged<T>(txn: &mut pathways_core::store::Txn, shown: &T) -> pathways_core::store::Result<()>
where
    T: pathways_core::store::Record + PartialEq,
{
    if txn.get::<T>(shown.id())?.as_ref() != Some(shown) {
        return Err(pathways_core::store::StoreError::Conflict(format!(
            "{} record {}",
            T::TABLE,
            shown.id()
        )));
    }
    txn.delete::<T>(shown.id()).map(|_| ())
}
