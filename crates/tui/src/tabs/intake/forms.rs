//! The intake tab's forms: add/edit an intake, a status step (its date and the next step), log a
//! consultation, close with a reason, filters, and the overdue and stale rules (pop-up capture
//! is in `popup`, closures in `closures`). Each submit checks every field, puts the reason on the
//! wrong ones, and saves nothing until the form is valid. A date that records what happened is
//! never after today.

use super::person::{Person, already_has, check_match, check_person, link_employee};
use super::{Filters, FlagFilter, Fx, IntakeForm, IntakeSaved, IntakeTab, StatusFilter};
use crate::form::{Field, Form};
use crate::save::Save;
use crate::tab::{Ctx, Effect, TabView};
use pathways_core::domain::*;
use pathways_core::privacy::Sensitive;

const ANY: &str = "any";

pub(super) fn labels<T: Choice>() -> Vec<String> {
    T::ALL.iter().map(|c| c.label().to_string()).collect()
}

fn with_any(options: impl IntoIterator<Item = String>) -> Vec<String> {
    std::iter::once(ANY.to_string()).chain(options).collect()
}

fn open(form: Form, purpose: IntakeForm) -> Fx {
    vec![Effect::Form(form, purpose)]
}

fn intake_form(title: &str, cx: &Ctx, it: Option<&Intake>) -> Form {
    let data = cx.data;
    let who = it.and_then(|i| data.employee(i.employee_id));
    let s = |f: fn(&Employee) -> &str| who.map(f).unwrap_or("").to_string();
    let chosen: Vec<String> = it
        .map(|i| i.services.iter().map(|s| s.label().to_string()).collect())
        .unwrap_or_default();
    Form::new(
        title,
        vec![
            Field::text("employee id", s(|e| &e.employee_number)),
            Field::text("email", s(|e| &e.email)).holds(Sensitive::Email),
            Field::text("first name", s(|e| &e.first_name)).holds(Sensitive::Name),
            Field::text("last name", s(|e| &e.last_name)).holds(Sensitive::Name),
            Field::text("position", s(|e| &e.position)),
            Field::text(
                "location",
                who.and_then(|e| e.location_id)
                    .map(|l| data.location_name(Some(l)).to_string())
                    .unwrap_or_default(),
            ),
            Field::date("received", Some(it.map(|i| i.received).unwrap_or(cx.today))),
            Field::choice(
                "source",
                labels::<IntakeSource>(),
                it.map(|i| i.source.label()).unwrap_or("form"),
            ),
            Field::multi("services", labels::<Service>(), &chosen),
            Field::text(
                "other service",
                it.map(|i| i.other_service.as_str()).unwrap_or(""),
            ),
            owner_field(&cx.data.owners(), it.map(|i| i.owner.as_str()).unwrap_or("")),
            Field::text("next step", it.map(|i| i.next_step.as_str()).unwrap_or("")),
            Field::date("next step due", it.and_then(|i| i.next_step_due)),
            Field::text("notes", it.map(|i| i.notes.as_str()).unwrap_or("")).holds(Sensitive::Note),
        ],
    )
}

/// No owner yet.
const NO_OWNER: &str = "(none)";

/// The owner, picked from the team's list (`pathways owners add NAME` keeps it); an owner an
/// intake already names stays a choice even if it is not on the list.
fn owner_field(owners: &[String], current: &str) -> Field {
    let mut options = vec![NO_OWNER.to_string()];
    options.extend(owners.iter().cloned());
    if !current.is_empty() && !options.iter().any(|o| o == current) {
        options.push(current.to_string());
    }
    Field::choice(
        "owner",
        options,
        if current.is_empty() { NO_OWNER } else { current },
    )
    .hint("←/→ or type its start; a new owner: the people tab's owners list (6, w)")
}

/// The owner a form's pick list holds ("" for none).
fn picked_owner(form: &Form) -> String {
    match form.value("owner") {
        NO_OWNER => String::new(),
        other => other.to_string(),
    }
}

pub(super) fn open_add(cx: &Ctx) -> Fx {
    let title = if cx.data.owners().is_empty() {
        "Add an intake (no owners listed yet: `pathways owners add NAME`)"
    } else {
        "Add an intake"
    };
    open(intake_form(title, cx, None), IntakeForm::Add)
}

pub(super) fn open_edit(cx: &Ctx, it: Intake) -> Fx {
    let title = format!("Edit the intake of {}", cx.person(it.employee_id));
    let form = intake_form(&title, cx, Some(&it));
    open(form, IntakeForm::Edit(it))
}

/// `>`: the next status, on a date (today unless changed: Friday's call logged on Monday says
/// Friday), with the next step offered for update in the same form.
pub(super) fn open_step(cx: &Ctx, it: Intake, to: IntakeStatus) -> Fx {
    let form = Form::new(
        format!("{}: {}", cx.person(it.employee_id), to.label()),
        vec![
            Field::date("on", Some(cx.today)),
            Field::text("next step", it.next_step.clone()),
            Field::date("next step due", it.next_step_due),
        ],
    );
    open(form, IntakeForm::Step(it, to))
}

pub(super) fn save_step(cx: &Ctx, it: &Intake, to: IntakeStatus, form: &mut Form) -> Fx {
    let date = form.date("on");
    let due = form.optional_date("next step due");
    let Some(date) = date else { return vec![] };
    let mut updated = it.clone();
    if let Err(e) = updated.step(to, date, None, cx.today) {
        form.set_error("on", e.reason);
        return vec![];
    }
    updated.next_step = form.value("next step").to_string();
    updated.next_step_due = due;
    if form.has_errors() {
        return vec![];
    }
    if let Err(e) = updated.validate() {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    let done = format!("{}: {} on {date}", cx.person(it.employee_id), to.label());
    let it = it.clone();
    vec![Effect::Save(Save::new(done, move |w| w.update(&it, &updated)))]
}

pub(super) fn open_close(cx: &Ctx, it: Intake) -> Fx {
    let form = Form::new(
        format!("Close the intake of {}", cx.person(it.employee_id)),
        vec![
            Field::choice("close reason", labels::<CloseReason>(), "served"),
            Field::date("closed on", Some(cx.today)),
        ],
    );
    open(form, IntakeForm::Close(it))
}

pub(super) fn open_consultation(cx: &Ctx, it: Intake) -> Fx {
    let chosen: Vec<String> = it.services.iter().map(|s| s.label().to_string()).collect();
    let form = Form::new(
        format!("Log a consultation with {}", cx.person(it.employee_id)),
        vec![
            Field::date("date", Some(cx.today)),
            Field::number("minutes", 30),
            Field::multi("services", labels::<Service>(), &chosen),
            Field::text("notes", "").holds(Sensitive::Note),
        ],
    );
    open(form, IntakeForm::Consultation(it))
}

pub(super) fn open_filters(tab: &IntakeTab, cx: &Ctx) -> Fx {
    let f = &tab.filters;
    let data = cx.data;
    let mut statuses = vec!["open".to_string()];
    statuses.extend(labels::<IntakeStatus>());
    let mut locations: Vec<&Location> = data.locations.iter().collect();
    locations.sort_by_key(|l| l.name.to_lowercase());
    let form = Form::new(
        "Filter the queue (any = no filter)",
        vec![
            Field::choice(
                "status",
                with_any(statuses),
                f.status.map(|s| s.label()).unwrap_or(ANY),
            ),
            Field::choice(
                "owner",
                with_any(tab.owners.iter().cloned()),
                f.owner.as_deref().unwrap_or(ANY),
            ),
            Field::choice(
                "service",
                with_any(labels::<Service>()),
                f.service.map(|s| s.label()).unwrap_or(ANY),
            ),
            Field::choice(
                "chapter",
                with_any(data.chapters()),
                f.chapter.as_deref().unwrap_or(ANY),
            ),
            Field::choice(
                "location",
                with_any(locations.iter().map(|l| l.name.clone())),
                f.location.map(|l| data.location_name(Some(l))).unwrap_or(ANY),
            ),
            Field::choice(
                "flags",
                with_any(FlagFilter::ALL.iter().map(|f| f.label().to_string())),
                f.flags.map(|f| f.label()).unwrap_or(ANY),
            ),
        ],
    );
    open(form, IntakeForm::Filters)
}

pub(super) fn open_settings(tab: &IntakeTab) -> Fx {
    let form = Form::new(
        "Queue rules, in working days (district closures, H, are not working days)",
        vec![
            Field::number(OVERDUE_AFTER, tab.overdue_limit),
            Field::number(STALE_AFTER, tab.stale_limit),
        ],
    );
    open(form, IntakeForm::Settings)
}

/// The rules form's fields: `!` received with no first contact after N working days, `~`
/// contacted or scheduled with no step after M.
const OVERDUE_AFTER: &str = "overdue after";
const STALE_AFTER: &str = "stale after";

pub(super) fn parse_services(form: &mut Form, label: &str) -> Vec<Service> {
    let services: Vec<Service> = form
        .fields
        .iter()
        .find(|f| f.label == label)
        .map(|f| f.chosen())
        .unwrap_or_default()
        .iter()
        .filter_map(|s| Service::parse(s))
        .collect();
    if services.is_empty() {
        form.set_error(label, "choose at least one service (Space ticks)");
    }
    services
}

/// Adds an intake, or saves an edit of `original` (the intake as the form opened).
pub(super) fn save_intake(tab: &mut IntakeTab, cx: &Ctx, original: Option<&Intake>, form: &mut Form) -> Fx {
    let data = cx.data;
    let location = form.location("location", &cx.places());
    let person = Person {
        number: form.value("employee id").to_string(),
        email: form.value("email").to_string(),
        first: form.value("first name").to_string(),
        last: form.value("last name").to_string(),
        position: form.value("position").to_string(),
        location,
    };
    check_person(&person, form, "employee id", "email");
    let received = form.date("received");
    let services = parse_services(form, "services");
    let due = form.optional_date("next step due");
    let source = IntakeSource::parse(form.value("source")).unwrap_or(IntakeSource::Form);
    let Some(received) = received else { return vec![] };
    if let Err(e) = happened_by(received, cx.today, "received") {
        form.set_error("received", e.reason);
    }
    if form.has_errors() {
        return vec![];
    }
    let people = cx.people();
    let (by_id, by_email) = (people.by_number(&person.number), people.by_email(&person.email));
    if let (Some(a), Some(b)) = (by_id, by_email)
        && a.id != b.id
    {
        form.set_error(
            "email",
            format!(
                "this email is {}'s, the employee id {}'s: which one is it?",
                cx.person(b.id),
                cx.person(a.id)
            ),
        );
        return vec![];
    }
    let matched = by_id.or(by_email).cloned();
    // A typed id or email never files the intake under someone else silently. An edit may
    // rename its own person (that is what editing is for), not another.
    let other = matched
        .as_ref()
        .filter(|m| original.is_none_or(|o| o.employee_id != m.id));
    let typed = format!("{} {}", person.first, person.last);
    let key = if by_id.is_some() {
        &person.number
    } else {
        &person.email
    };
    if !check_match(
        cx,
        form,
        &mut tab.confirmed_person,
        other,
        (&typed, key),
        "first name",
    ) {
        return vec![];
    }
    if already_has(data, matched.as_ref(), received, original.map_or(0, |o| o.id)) {
        form.set_error(
            "received",
            format!(
                "{} already has an intake received on {received}",
                cx.person(matched.as_ref().map_or(0, |e| e.id))
            ),
        );
        return vec![];
    }
    let mut it = original
        .cloned()
        .unwrap_or_else(|| Intake::new(0, received, source));
    it.received = received;
    for c in it
        .history
        .iter_mut()
        .filter(|c| c.status == IntakeStatus::Received)
    {
        c.date = received;
    }
    it.source = source;
    if source != IntakeSource::PopUp {
        it.popup_event_id = None;
    }
    it.other_service = form.value("other service").to_string();
    it.services = services;
    if !it.other_service.is_empty() && !it.services.contains(&Service::Other) {
        it.services.push(Service::Other);
    }
    it.owner = picked_owner(form);
    it.next_step = form.value("next step").to_string();
    it.next_step_due = due;
    it.notes = form.value("notes").to_string();
    if let Err(e) = it.validate() {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    if let Some(first) = it.history.iter().map(|c| c.date).skip(1).min()
        && first < received
    {
        form.set_error("received", format!("after its status changed on {first}"));
        return vec![];
    }
    // Editing the linked person updates them; linking someone else never rewrites their record.
    let overwrite = original.is_some_and(|o| matched.as_ref().map(|m| m.id) == Some(o.employee_id));
    let done = if overwrite { "intake saved" } else { "intake added" };
    let original = original.cloned();
    let save = Save::adding(done, move |w| {
        it.employee_id = link_employee(w, matched.as_ref(), &person, overwrite)?;
        match &original {
            // Compared with the intake as the form opened: a change someone else saved
            // meanwhile is never overwritten.
            Some(o) => w.update(o, &it).map(|()| it.id),
            None => w.insert(&mut it),
        }
    });
    vec![Effect::Save(save.then(IntakeSaved::Select))]
}

pub(super) fn save_consultation(cx: &Ctx, it: &Intake, form: &mut Form) -> Fx {
    if !cx.data.intakes.iter().any(|i| i.id == it.id) {
        form.message = Some("this intake was deleted elsewhere; nothing saved".into());
        return vec![];
    }
    let date = form.date("date");
    if let Some(d) = date {
        if d < it.received {
            form.set_error(
                "date",
                format!("before the intake was received ({})", it.received),
            );
        } else if let Err(e) = happened_by(d, cx.today, "date") {
            form.set_error("date", e.reason);
        }
    }
    let minutes = match Consultation::parse_minutes(form.value("minutes")) {
        Ok(m) => Some(m),
        Err(e) => {
            form.set_error("minutes", e.reason);
            None
        }
    };
    let services = parse_services(form, "services");
    let (Some(date), Some(minutes)) = (date, minutes) else {
        return vec![];
    };
    if form.has_errors() {
        return vec![];
    }
    let mut c = Consultation {
        id: 0,
        intake_id: it.id,
        date,
        minutes,
        services,
        notes: form.value("notes").to_string(),
    };
    if let Err(e) = c.validate() {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    let done = format!("consultation logged for {}", cx.person(it.employee_id));
    vec![Effect::Save(Save::adding(done, move |w| w.insert(&mut c)))]
}

pub(super) fn save_close(cx: &Ctx, it: &Intake, form: &mut Form) -> Fx {
    let reason = CloseReason::parse(form.value("close reason"));
    if reason.is_none() {
        form.set_error("close reason", "choose a close reason");
    }
    let date = form.date("closed on");
    let last = it.last_step();
    if let Some(d) = date
        && d < last
    {
        form.set_error("closed on", format!("before its last status change ({last})"));
    }
    let (Some(date), Some(reason)) = (date, reason) else {
        return vec![];
    };
    if form.has_errors() {
        return vec![];
    }
    let mut updated = it.clone();
    if let Err(e) = updated.step(IntakeStatus::Closed, date, Some(reason), cx.today) {
        form.set_error("closed on", e.reason);
        return vec![];
    }
    let done = format!("{}: closed ({})", cx.person(it.employee_id), reason.label());
    let it = it.clone();
    vec![Effect::Save(Save::new(done, move |w| w.update(&it, &updated)))]
}

pub(super) fn apply_filters(tab: &mut IntakeTab, cx: &Ctx, form: &Form) -> Fx {
    let pick = |label: &str| -> Option<String> {
        let v = form.value(label);
        (v != ANY && !v.is_empty()).then(|| v.to_string())
    };
    let data = cx.data;
    tab.filters = Filters {
        status: pick("status").and_then(|s| {
            if s == "open" {
                Some(StatusFilter::Open)
            } else {
                IntakeStatus::parse(&s).map(StatusFilter::Is)
            }
        }),
        owner: pick("owner"),
        service: pick("service").and_then(|s| Service::parse(&s)),
        chapter: pick("chapter"),
        location: pick("location").and_then(|l| data.locations.iter().find(|x| x.name == l).map(|x| x.id)),
        flags: pick("flags").and_then(|f| FlagFilter::ALL.into_iter().find(|x| x.label() == f)),
    };
    tab.refresh(cx);
    vec![Effect::Status(if tab.filters.is_empty() {
        "the open intakes, no other filter".into()
    } else {
        format!("filtered: {}", tab.filters.describe(data))
    })]
}

pub(super) fn save_settings(cx: &Ctx, form: &mut Form) -> Fx {
    let reason = "a whole number of working days from 1 to 60";
    let overdue = form.number::<u32>(OVERDUE_AFTER, reason);
    let stale = form.number::<u32>(STALE_AFTER, reason);
    let (Some(overdue), Some(stale)) = (overdue, stale) else {
        return vec![];
    };
    let original = cx.data.intake_settings.first().cloned();
    let mut s = IntakeSettings {
        id: original.as_ref().map(|o| o.id).unwrap_or(0),
        overdue_working_days: overdue,
        stale_working_days: stale,
    };
    if let Err(e) = s.validate() {
        let label = if e.field == "stale after" {
            STALE_AFTER
        } else {
            OVERDUE_AFTER
        };
        form.set_error(label, e.reason);
        return vec![];
    }
    let done = format!(
        "overdue after {} without first contact, stale after {} without a step",
        pathways_core::text::count(overdue as usize, "working day"),
        pathways_core::text::count(stale as usize, "working day")
    );
    vec![Effect::Save(Save::new(done, move |w| match &original {
        Some(o) => w.update(o, &s),
        None => w.insert(&mut s).map(|_| ()),
    }))]
}
