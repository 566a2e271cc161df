//! The tab's forms: ambassadors, locations, PL sessions, reference populations and the as-of
//! date; each checked on save with the reason shown on the field that is wrong.

use super::{CoverageForm, CoverageTab, Fx, View, groups_of};
use crate::form::{Field, Form};
use crate::tab::{Ctx, Effect};
use pathways_core::domain::{
    Ambassador, AmbassadorSession, Choice, Dimension, Id, Location, LocationKind, ReferencePopulation,
};
use pathways_core::privacy::Sensitive;

pub(super) fn open_add(tab: &CoverageTab, cx: &Ctx) -> Fx {
    let (form, purpose) = match tab.view() {
        View::Overview | View::Ambassadors => (
            ambassador_form("Add an ambassador", None, tab, cx),
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
                reference_form("Add a reference population", None, dim, cx),
                CoverageForm::AddReference(dim),
            )
        }
    };
    vec![Effect::Form(form, purpose)]
}

pub(super) fn open_edit(tab: &CoverageTab, cx: &Ctx) -> Fx {
    let data = cx.data;
    let i = tab.selected_index();
    let opened = match tab.view() {
        View::Ambassadors => i.and_then(|i| data.ambassadors.get(i)).map(|a| {
            (
                ambassador_form("Edit ambassador", Some(a), tab, cx),
                CoverageForm::EditAmbassador(a.clone()),
            )
        }),
        View::Overview | View::Locations => i.and_then(|i| data.locations.get(i)).map(|l| {
            (
                location_form("Edit location", Some(l)),
                CoverageForm::EditLocation(l.clone()),
            )
        }),
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
                        reference_form("Edit reference population", Some(r), dim, cx),
                        CoverageForm::EditReference(r.clone(), dim),
                    )
                })
        }
    };
    match opened {
        Some((form, purpose)) => vec![Effect::Form(form, purpose)],
        None => vec![Effect::status("nothing selected to edit")],
    }
}

fn ambassador_form(title: &str, a: Option<&Ambassador>, tab: &CoverageTab, cx: &Ctx) -> Form {
    let data = cx.data;
    // Employee id, else email: a name alone may be ambiguous when the form is saved.
    let employee = a
        .and_then(|a| data.employee(a.employee_id))
        .map(crate::tabs::people::person_key)
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
            Field::text("employee", employee).hint("employee id, work email or name"),
            Field::date("tenure start", Some(a.map_or(tab.date, |a| a.tenure_start))),
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
            Field::number(
                "employees",
                l.and_then(|l| l.employees)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ),
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

fn reference_form(title: &str, r: Option<&ReferencePopulation>, dim: Dimension, cx: &Ctx) -> Form {
    let mut fields = vec![Field::text("name", r.map(|r| r.name.clone()).unwrap_or_default())];
    for g in groups_of(cx.data, r, dim) {
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
