//! Adding and editing a person: every fact of the employee record, read by the same rules as
//! every form (the wrong field named, dates in any accepted form, places and people through the
//! one lookup). Unknown is a choice of its own for status, chapter, race and PAR; a date left
//! empty is unknown (a retirement date left empty: none planned).

use super::{Fx, PeopleForm, PeopleSaved, number_or_record};
use crate::form::{Field, Form};
use crate::save::Save;
use crate::tab::{Ctx, Effect};
use pathways_core::domain::*;
use pathways_core::privacy::Sensitive;

const NOT_IN: &str = "not in PAR or special evaluation";
const IN: &str = "in PAR or special evaluation";

fn options(first: &str, rest: impl IntoIterator<Item = String>) -> Vec<String> {
    std::iter::once(first.to_string()).chain(rest).collect()
}

/// How a form shows a person it names: employee id, else email, else name.
pub(crate) fn person_key(e: &Employee) -> String {
    [&e.employee_number, &e.email]
        .into_iter()
        .find(|v| !v.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| e.full_name())
}

fn person_form(title: String, cx: &Ctx, e: Option<&Employee>) -> Form {
    let data = cx.data;
    let text = |f: fn(&Employee) -> &str| e.map(f).unwrap_or("").to_string();
    let chapters = options(UNKNOWN, data.chapters());
    let race = e.map_or(Race::Unknown, |e| e.race);
    let races: Vec<String> = std::iter::once(UNKNOWN.to_string())
        .chain(
            Race::ALL
                .iter()
                .filter(|r| **r != Race::Unknown)
                .map(|r| r.label().to_string()),
        )
        .collect();
    let statuses = options(
        UNKNOWN,
        EmploymentStatus::ALL.iter().map(|s| s.label().to_string()),
    );
    let evaluation = match e.and_then(|e| e.in_evaluation) {
        None => UNKNOWN,
        Some(false) => NOT_IN,
        Some(true) => IN,
    };
    Form::new(
        title,
        vec![
            Field::text("employee id", text(|e| &e.employee_number)),
            Field::text("first name", text(|e| &e.first_name)).holds(Sensitive::Name),
            Field::text("last name", text(|e| &e.last_name)).holds(Sensitive::Name),
            Field::text("email", text(|e| &e.email)).holds(Sensitive::Email),
            Field::text("position", text(|e| &e.position)),
            Field::text(
                "location",
                e.and_then(|e| e.location_id)
                    .map(|l| data.location_name(Some(l)).to_string())
                    .unwrap_or_default(),
            )
            .hint("a name or a unique part of one; empty: unknown"),
            Field::choice(
                "chapter",
                chapters,
                e.and_then(|e| e.chapter.as_deref()).unwrap_or(UNKNOWN),
            )
            .hint("←/→ or type; a new chapter: c (chapters) on the people tab, or :chapters"),
            Field::choice("race", races, &super::card::race_label(race)).holds(Sensitive::Race),
            Field::date("hire date", e.and_then(|e| e.hire_date))
                .hint("YYYY-MM-DD or M/D/YYYY; empty: unknown"),
            Field::date("position start", e.and_then(|e| e.position_start))
                .hint("started in the current position; empty: unknown"),
            Field::choice("status", statuses, e.map_or(UNKNOWN, |e| e.status_label())),
            Field::choice(
                "evaluation",
                vec![UNKNOWN.to_string(), NOT_IN.to_string(), IN.to_string()],
                evaluation,
            )
            .holds(Sensitive::Evaluation),
            Field::date("retirement", e.and_then(|e| e.retirement_date))
                .holds(Sensitive::Retirement)
                .hint("anticipated retirement date; empty: none planned"),
            Field::text(
                "supervisor",
                e.and_then(|e| e.supervisor_id)
                    .and_then(|s| data.employee(s))
                    .map(person_key)
                    .unwrap_or_default(),
            )
            .hint("employee id, email or name; empty: none"),
        ],
    )
}

pub(super) fn open_add(cx: &Ctx) -> Fx {
    vec![Effect::Form(
        person_form("Add a person".into(), cx, None),
        PeopleForm::Add,
    )]
}

pub(super) fn open_edit(cx: &Ctx, e: Employee) -> Fx {
    let title = format!("Edit {} ({})", cx.person(e.id), number_or_record(&e));
    vec![Effect::Form(
        person_form(title, cx, Some(&e)),
        PeopleForm::Edit(e),
    )]
}

/// Reads the form into a person (`original`'s id and record when editing); every wrong field
/// gets its reason, and None comes back while any is wrong.
pub(super) fn read(cx: &Ctx, original: Option<&Employee>, form: &mut Form) -> Option<Employee> {
    let mut e = original
        .cloned()
        .unwrap_or_else(|| Employee::unknown(String::new(), String::new(), String::new(), String::new()));
    e.employee_number = form.value("employee id").to_string();
    e.first_name = form.value("first name").to_string();
    e.last_name = form.value("last name").to_string();
    e.email = form.value("email").to_string();
    e.position = form.value("position").to_string();
    e.location_id = form.location("location", &cx.places());
    e.chapter = match form.value("chapter") {
        UNKNOWN => None,
        chapter => Some(chapter.to_string()),
    };
    e.race = Race::parse(form.value("race")).unwrap_or(Race::Unknown);
    e.hire_date = form.optional_date("hire date");
    e.position_start = form.optional_date("position start");
    e.status = EmploymentStatus::parse(form.value("status"));
    e.in_evaluation = match form.value("evaluation") {
        NOT_IN => Some(false),
        IN => Some(true),
        _ => None,
    };
    e.retirement_date = form.optional_date("retirement");
    e.supervisor_id = if form.value("supervisor").is_empty() {
        None
    } else {
        form.employee("supervisor", &cx.people(), cx.private)
    };
    if e.supervisor_id.is_some() && e.supervisor_id == original.map(|o| o.id) {
        form.set_error("supervisor", "a person cannot be their own supervisor");
    }
    let people = cx.people();
    if let Some(other) = people
        .by_number(&e.employee_number)
        .filter(|o| Some(o.id) != original.map(|x| x.id))
        && other.employee_number.trim() == e.employee_number.trim()
    {
        form.set_error(
            "employee id",
            format!(
                "already {}'s employee id (record #{})",
                cx.person(other.id),
                other.id
            ),
        );
    }
    if let Some(other) = people
        .by_email(&e.email)
        .filter(|o| Some(o.id) != original.map(|x| x.id))
    {
        form.set_error(
            "email",
            format!("already {}'s email (record #{})", cx.person(other.id), other.id),
        );
    }
    if let Err(wrong) = e.validate() {
        form.set_error(wrong.field, wrong.reason);
    }
    if form.has_errors() {
        return None;
    }
    Some(e)
}

/// Checks and saves the person form: nothing is saved while any field is wrong.
pub(super) fn save_person(cx: &Ctx, original: Option<&Employee>, form: &mut Form) -> Fx {
    let Some(person) = read(cx, original, form) else {
        return vec![];
    };
    match original {
        Some(o) if *o == person => vec![Effect::status("nothing changed")],
        Some(o) => {
            let original = o.clone();
            let done = format!("{} saved", cx.person(person.id));
            let id = person.id;
            vec![Effect::Save(
                Save::new(done, move |w| w.update(&original, &person)).then(PeopleSaved::OpenCard(Some(id))),
            )]
        }
        None => {
            let done = format!("{} added", cx.mask().name(&person.full_name()));
            vec![Effect::Save(
                Save::adding(done, move |w| {
                    let mut p = person;
                    w.insert(&mut p)
                })
                .then(PeopleSaved::OpenCard(None)),
            )]
        }
    }
}
