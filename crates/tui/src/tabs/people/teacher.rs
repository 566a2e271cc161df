//! A person's teacher outcome (hired as a teacher from support staff), recorded on the card:
//! the hire date (after today refused), the school year and the partner program (empty:
//! unknown). One per person; saved through `pathways_core::learning`, which checks the rules
//! again inside the saving transaction.

use super::{Fx, PeopleForm, PeopleSaved};
use crate::form::{Field, Form};
use crate::save::Save;
use crate::tab::{Ctx, Effect};
use pathways_core::domain::validate::happened_by;
use pathways_core::domain::*;
use pathways_core::learning;

/// The form for `person`'s outcome: the recorded one to edit, or a new one.
pub(super) fn open(cx: &Ctx, person: &Employee) -> Fx {
    let recorded = cx
        .data
        .teacher_outcomes
        .iter()
        .find(|t| t.employee_id == person.id)
        .cloned();
    let title = match recorded {
        Some(_) => format!("Edit {}'s teacher hire", cx.person(person.id)),
        None => format!("{}: hired as a teacher", cx.person(person.id)),
    };
    let t = recorded.as_ref();
    let form = Form::new(
        title,
        vec![
            Field::date("hired", t.map(|t| t.hired)).hint("the date hired as a teacher; not after today"),
            Field::text(
                "school year",
                t.map(|t| t.school_year.clone()).unwrap_or_default(),
            )
            .hint("2025-26; empty: unknown"),
            Field::text(
                "partner program",
                t.map(|t| t.partner_program.clone()).unwrap_or_default(),
            )
            .hint("the partnership that certified them; empty: unknown"),
        ],
    );
    vec![Effect::Form(form, PeopleForm::Teacher(person.id, recorded))]
}

/// Checks and saves the form: nothing is saved while any field is wrong.
pub(super) fn save(cx: &Ctx, person: Id, original: Option<&TeacherOutcome>, form: &mut Form) -> Fx {
    let hired = form.date("hired");
    if let Some(Err(e)) = hired.map(|d| happened_by(d, cx.today, "hired")) {
        form.set_error(e.field, e.reason);
    }
    let outcome = TeacherOutcome {
        id: original.map_or(0, |o| o.id),
        employee_id: person,
        hired: hired.unwrap_or(cx.today),
        school_year: form.value("school year").trim().to_string(),
        partner_program: form.value("partner program").trim().to_string(),
    };
    if let Err(e) = outcome.validate(&cx.data.teacher_outcomes) {
        form.set_error(e.field, e.reason);
    }
    if form.has_errors() {
        return vec![];
    }
    let done = format!("{}: teacher hire recorded", cx.person(person));
    let save = match original.cloned() {
        Some(o) if o == outcome => return vec![Effect::status("nothing changed")],
        Some(o) => Save::new(done, move |w| {
            w.unchanged_since(&o, &outcome)?;
            learning::edit_teacher_outcome(w.txn(), &o, &outcome)
        }),
        None => {
            let mut outcome = outcome;
            Save::adding(done, move |w| {
                learning::add_teacher_outcome(w.txn(), &mut outcome)
            })
        }
    };
    vec![Effect::Save(save.then(PeopleSaved::OpenCard(Some(person))))]
}
