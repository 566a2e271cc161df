//! The tab's forms: ambassadors, locations, PL sessions, reference populations and the as-of
//! date; each checked on save with the reason shown on the field that is wrong.

use super::{CoverageForm, View, groups_of};
use crate::app::{App, FormPurpose};
use crate::form::{Field, Form};
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    Ambassador, AmbassadorSession, Choice, Dimension, Id, Location, LocationKind, ReferencePopulation,
};
use pathways_core::privacy::Sensitive;
use pathways_core::text::fold;

pub fn open_add(app: &mut App) {
    let tab = &app.coverage;
    let (form, purpose) = match tab.view {
        View::Overview | View::Ambassadors => (
            ambassador_form("Add an ambassador", None, app),
            CoverageForm::AddAmbassador,
        ),
        View::Locations => (location_form("Add a location", None), CoverageForm::AddLocation),
        View::Sessions => (
            session_form("Add a PL session", None, tab.date),
            CoverageForm::AddSession,
        ),
        View::Demographics => {
            let dim = tab.selected_dimension();
            (
                reference_form("Add a reference population", None, dim, app),
                CoverageForm::AddReference(dim),
            )
        }
    };
    app.open_form(form, FormPurpose::Coverage(purpose));
}

pub fn open_edit(app: &mut App) {
    let tab = &app.coverage;
    let data = &app.data;
    let i = tab.selected_index();
    let opened = match tab.view {
        View::Ambassadors => i.and_then(|i| data.ambassadors.get(i)).map(|a| {
            (
                ambassador_form("Edit ambassador", Some(a), app),
                CoverageForm::EditAmbassador(a.clone()),
            )
        }),
        View::Overview | View::Locations => {
            let rows = if tab.view == View::Overview {
                &tab.uncovered
            } else {
                &tab.locations
            };
            rows.get(tab.list.selected)
                .and_then(|i| data.locations.get(i))
                .map(|l| {
                    (
                        location_form("Edit location", Some(l)),
                        CoverageForm::EditLocation(l.clone()),
                    )
                })
        }
        View::Sessions if tab.marking.is_some() => None,
        View::Sessions => i.and_then(|i| data.ambassador_sessions.get(i)).map(|s| {
            (
                session_form("Edit PL session", Some(s), tab.date),
                CoverageForm::EditSession(s.clone()),
            )
        }),
        View::Demographics => {
            let dim = tab.selected_dimension();
            tab.reference
                .and_then(|i| data.reference_populations.get(i))
                .map(|r| {
                    (
                        reference_form("Edit reference population", Some(r), dim, app),
                        CoverageForm::EditReference(r.clone(), dim),
                    )
                })
        }
    };
    match opened {
        Some((form, purpose)) => app.open_form(form, FormPurpose::Coverage(purpose)),
        None => app.status = Some("nothing selected to edit".into()),
    }
}

fn ambassador_form(title: &str, a: Option<&Ambassador>, app: &App) -> Form {
    let data = &app.data;
    let employee = a
        .and_then(|a| data.employee(a.employee_id))
        .map(|e| {
            if e.employee_number.is_empty() {
                e.full_name()
            } else {
                e.employee_number.clone()
            }
        })
        .unwrap_or_default();
    let names = |ids: &[Id]| {
        ids.iter()
            .map(|l| data.location_name(Some(*l)).to_string())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let supported = a
        .map(|a| {
            let others: Vec<Id> = a
                .supported_locations
                .iter()
                .copied()
                .filter(|l| *l != a.primary_location)
                .collect();
            names(&others)
        })
        .unwrap_or_default();
    Form::new(
        title,
        vec![
            Field::text("employee", employee),
            Field::date(
                "tenure start",
                Some(a.map_or(app.coverage.date, |a| a.tenure_start)),
            ),
            Field::date("tenure end", a.map(|a| a.tenure_end)),
            Field::text(
                "primary location",
                a.map(|a| names(&[a.primary_location])).unwrap_or_default(),
            ),
            Field::text("also supports", supported),
        ],
    )
}

fn location_form(title: &str, l: Option<&Location>) -> Form {
    let kinds: Vec<String> = LocationKind::ALL.iter().map(|k| k.label().to_string()).collect();
    Form::new(
        title,
        vec![
            Field::text("name", l.map(|l| l.name.clone()).unwrap_or_default()),
            Field::choice(
                "type",
                kinds,
                l.map_or(LocationKind::Elementary, |l| l.kind).label(),
            ),
            Field::number("employees", l.map_or(0, |l| l.employees)),
        ],
    )
}

fn session_form(title: &str, s: Option<&AmbassadorSession>, on: chrono::NaiveDate) -> Form {
    Form::new(
        title,
        vec![
            Field::date("date", Some(s.map_or(on, |s| s.date))),
            Field::text("topic", s.map(|s| s.topic.clone()).unwrap_or_default()),
            Field::text("presenter", s.map(|s| s.presenter.clone()).unwrap_or_default()),
        ],
    )
}

/// A form label for a group name. Field labels are `&'static str`; group names are a small,
/// closed set (races, service bands, chapters), so each is interned once for the session.
fn label_for(group: &str) -> &'static str {
    use std::sync::{Mutex, OnceLock};
    static LABELS: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    let mut labels = LABELS
        .get_or_init(|| Mutex::new(Vec::new()))
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(l) = labels.iter().find(|l| **l == group) {
        return l;
    }
    let l: &'static str = Box::leak(group.to_string().into_boxed_str());
    labels.push(l);
    l
}

fn reference_form(title: &str, r: Option<&ReferencePopulation>, dim: Dimension, app: &App) -> Form {
    let mut fields = vec![Field::text("name", r.map(|r| r.name.clone()).unwrap_or_default())];
    for g in groups_of(&app.data, r, dim) {
        let n = r.and_then(|r| r.people(dim, &g)).unwrap_or(0);
        let f = Field::number(label_for(&g), n);
        fields.push(if dim == Dimension::Race {
            f.holds(Sensitive::Race)
        } else {
            f
        });
    }
    Form::new(format!("{title}: people by {}", dim.label()), fields)
}

/// Finds one employee by employee id (exact) or by name (exact, else the only partial match).
pub(super) fn find_employee(data: &Dataset, text: &str) -> Result<Id, String> {
    let t = fold(text.trim());
    if t.is_empty() {
        return Err("type the employee id or name".into());
    }
    if let Some(e) = data.employees.iter().find(|e| fold(&e.employee_number) == t) {
        return Ok(e.id);
    }
    let exact: Vec<Id> = data
        .employees
        .iter()
        .filter(|e| fold(&e.full_name()) == t)
        .map(|e| e.id)
        .collect();
    if exact.len() == 1 {
        return Ok(exact[0]);
    }
    let partial: Vec<Id> = data
        .employees
        .iter()
        .filter(|e| fold(&e.full_name()).contains(&t))
        .map(|e| e.id)
        .collect();
    match partial.len() {
        1 => Ok(partial[0]),
        0 => Err("no employee with that id or name".into()),
        n => Err(format!("{n} employees match; type the employee id")),
    }
}

/// Finds one location by name: exact, else the only one containing the text.
pub(super) fn find_location(data: &Dataset, text: &str) -> Result<Id, String> {
    let t = fold(text.trim());
    if let Some(l) = data.locations.iter().find(|l| fold(&l.name) == t) {
        return Ok(l.id);
    }
    let partial: Vec<&Location> = data
        .locations
        .iter()
        .filter(|l| fold(&l.name).contains(&t))
        .collect();
    match partial.len() {
        1 => Ok(partial[0].id),
        0 => Err(format!(
            "no location named \"{}\"",
            pathways_core::domain::truncate_for_message(text.trim())
        )),
        n => Err(format!(
            "\"{}\" matches {n} locations ({}…); type more of the name",
            text.trim(),
            partial
                .iter()
                .take(2)
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}
