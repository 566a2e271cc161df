//! The person an intake links to: matched by employee id, else email (the one lookup,
//! `pathways_core::lookup`), else created.

use crate::form::Form;
use crate::save::Writer;
use crate::tab::Ctx;
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

/// Whether `typed` (a name as typed) is this employee's name: each typed word a word of the
/// stored name or the beginning of one, accents and case aside ("Ana Garcia" is "Ana María
/// García"; "Kofi Underhill" is not "Ines Castellanos").
pub fn same_name(typed: &str, e: &Employee) -> bool {
    use pathways_core::text::fold;
    let typed: Vec<String> = pathways_core::search::words(&fold(typed))
        .map(str::to_string)
        .collect();
    typed.is_empty() || pathways_core::search::word_tier(&typed, &fold(&e.full_name())).is_some()
}

/// The check that keeps a form from filing someone under the wrong person: the id (or email)
/// typed belongs to `matched`, whose name is not the one typed. The first time, the reason goes
/// on `name_label` (who the id belongs to, masked as the screen is) and nothing is saved; the
/// same name and id submitted again is the user's confirmation (kept in `confirmed`). Returns
/// whether to go on.
pub fn check_match(
    cx: &Ctx,
    form: &mut Form,
    confirmed: &mut Option<(String, String, Id)>,
    matched: Option<&Employee>,
    typed: (&str, &str),
    name_label: &str,
) -> bool {
    let (name, key) = typed;
    let Some(e) = matched else { return true };
    if same_name(name, e) {
        return true;
    }
    let asked = (name.to_string(), key.to_string(), e.id);
    if confirmed.as_ref() == Some(&asked) {
        return true;
    }
    let whose = if key.contains('@') {
        "that email is".to_string()
    } else {
        format!("employee id {} is", key.trim())
    };
    let them = cx.person(e.id);
    form.set_error(
        name_label,
        format!(
            "{whose} {them}'s, not this name: correct the name or the id, or press Enter again \
             to file it under {them}"
        ),
    );
    *confirmed = Some(asked);
    false
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
        data.intakes_of(e.id)
            .iter()
            .any(|i| i.received == date && i.id != except)
    })
}
