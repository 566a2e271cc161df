//! The person an intake links to: matched by employee id, else email (the one lookup,
//! `pathways_core::lookup`), else created.

use crate::form::Form;
use crate::save::Writer;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;

/// The person fields an intake links to: matched by employee id, else email, else created.
pub struct Person {
    pub number: String,
    pub email: String,
    pub first: String,
    pub last: String,
    pub position: String,
    pub location: Option<Id>,
}

/// Checks the person fields, naming the wrong one (labels as in the form).
pub fn check_person(p: &Person, form: &mut Form, id_label: &str, email_label: &str) {
    if p.first.is_empty() {
        form.set_error("first name", "a first name is required");
    }
    if p.last.is_empty() {
        form.set_error("last name", "a last name is required");
    }
    if p.number.is_empty() && p.email.is_empty() {
        form.set_error(id_label, "an employee id or an email is required");
    }
    if !p.email.is_empty() && !is_plausible_email(&p.email) {
        form.set_error(email_label, "not an email address (name@district.org)");
    }
}

/// Links the intake to an employee in `w`: the matched one (updated when `overwrite`, else only
/// its blank fields filled), or a new one.
pub fn link_employee(
    w: &mut Writer,
    matched: Option<&Employee>,
    p: &Person,
    overwrite: bool,
) -> pathways_core::store::Result<Id> {
    match matched {
        Some(e) => {
            let mut u = e.clone();
            let fill = |old: &mut String, new: &str| {
                if !new.is_empty() && (overwrite || old.trim().is_empty()) {
                    *old = new.to_string();
                }
            };
            fill(&mut u.employee_number, &p.number);
            fill(&mut u.email, &p.email);
            fill(&mut u.first_name, &p.first);
            fill(&mut u.last_name, &p.last);
            fill(&mut u.position, &p.position);
            if p.location.is_some() && (overwrite || u.location_id.is_none()) {
                u.location_id = p.location;
            }
            if u != *e {
                u.validate()?;
                w.update(e, &u)?;
            }
            Ok(e.id)
        }
        None => {
            // A person first met through an intake: their HR facts stay unknown until the
            // roster or the person card fills them.
            let mut e = Employee::unknown(p.number.clone(), p.first.clone(), p.last.clone(), p.email.clone());
            e.position = p.position.clone();
            e.location_id = p.location;
            e.validate()?;
            w.insert(&mut e)
        }
    }
}

/// Whether this employee already has an intake received on `date` (other than `except`).
pub fn already_has(data: &Dataset, employee: Option<&Employee>, date: chrono::NaiveDate, except: Id) -> bool {
    employee.is_some_and(|e| {
        data.intakes
            .iter()
            .any(|i| i.employee_id == e.id && i.received == date && i.id != except)
    })
}
