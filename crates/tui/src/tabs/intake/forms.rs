//! The intake tab's forms: add/edit an intake, log a consultation, close with a reason, filters,
//! and the overdue setting (pop-up capture is in `popup`). Each `submit` checks every field, puts the reason on
//! the wrong ones, and saves nothing until the form is valid.

use super::person::{Person, already_has, check_person, find_location, link_employee, match_employee};
use super::{Filters, IntakeForm, OverdueFilter, StatusFilter, open, requeue};
use crate::app::App;
use crate::form::{Field, Form};
use pathways_core::domain::*;
use pathways_core::privacy::Sensitive;

const ANY: &str = "any";

pub(super) fn labels<T: Choice>() -> Vec<String> {
    T::ALL.iter().map(|c| c.label().to_string()).collect()
}

fn with_any(options: impl IntoIterator<Item = String>) -> Vec<String> {
    std::iter::once(ANY.to_string()).chain(options).collect()
}
fn intake_form(title: &str, app: &App, it: Option<&Intake>) -> Form {
    let data = &app.data;
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
            Field::date("received", Some(it.map(|i| i.received).unwrap_or(app.today))),
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
            Field::text("owner", it.map(|i| i.owner.as_str()).unwrap_or("")),
            Field::text("next step", it.map(|i| i.next_step.as_str()).unwrap_or("")),
            Field::date("next step due", it.and_then(|i| i.next_step_due)),
            Field::text("notes", it.map(|i| i.notes.as_str()).unwrap_or("")).holds(Sensitive::Note),
        ],
    )
}

pub fn open_add(app: &mut App) {
    let form = intake_form("Add an intake", app, None);
    open(app, form, IntakeForm::Add);
}

pub fn open_edit(app: &mut App, it: &Intake) {
    let title = format!("Edit the intake of {}", app.person(it.employee_id));
    let form = intake_form(&title, app, Some(it));
    open(app, form, IntakeForm::Edit(it.id));
}

pub fn open_close(app: &mut App, it: &Intake) {
    let form = Form::new(
        format!("Close the intake of {}", app.person(it.employee_id)),
        vec![
            Field::choice("close reason", labels::<CloseReason>(), "served"),
            Field::date("closed on", Some(app.today)),
        ],
    );
    open(app, form, IntakeForm::Close(it.id));
}

pub fn open_consultation(app: &mut App, it: &Intake) {
    let chosen: Vec<String> = it.services.iter().map(|s| s.label().to_string()).collect();
    let form = Form::new(
        format!("Log a consultation with {}", app.person(it.employee_id)),
        vec![
            Field::date("date", Some(app.today)),
            Field::number("minutes", 30),
            Field::multi("services", labels::<Service>(), &chosen),
            Field::text("notes", "").holds(Sensitive::Note),
        ],
    );
    open(app, form, IntakeForm::Consultation(it.id));
}

pub fn open_filters(app: &mut App) {
    let f = &app.intake.filters;
    let data = &app.data;
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
                with_any(app.intake.owners.iter().cloned()),
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
                "overdue",
                with_any(["overdue only".to_string(), "not overdue".to_string()]),
                match f.overdue {
                    None => ANY,
                    Some(OverdueFilter::Only) => "overdue only",
                    Some(OverdueFilter::Not) => "not overdue",
                },
            ),
        ],
    );
    open(app, form, IntakeForm::Filters);
}

pub fn open_settings(app: &mut App) {
    let form = Form::new(
        "Overdue rule: an intake with no first contact after N working days",
        vec![Field::number("working days", app.intake.overdue_limit)],
    );
    open(app, form, IntakeForm::Settings);
}
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

pub(super) fn date_field(form: &mut Form, label: &str) -> Option<chrono::NaiveDate> {
    match parse_date(form.value(label)) {
        Ok(d) => Some(d),
        Err(e) => {
            form.set_error(label, e);
            None
        }
    }
}

/// Saves a form; returns whether the form stays open.
pub fn submit(app: &mut App, purpose: &IntakeForm, form: &mut Form) -> bool {
    match *purpose {
        IntakeForm::Add => save_intake(app, None, form),
        IntakeForm::Edit(id) => save_intake(app, Some(id), form),
        IntakeForm::Consultation(id) => save_consultation(app, id, form),
        IntakeForm::Close(id) => save_close(app, id, form),
        IntakeForm::Filters => {
            apply_filters(app, form);
            false
        }
        IntakeForm::Settings => save_settings(app, form),
        IntakeForm::PopUpEvent => super::popup::choose_event(app, form),
        IntakeForm::PopUpCapture(event) => super::popup::capture(app, event, form),
    }
}

fn save_intake(app: &mut App, id: Option<Id>, form: &mut Form) -> bool {
    let original = id.and_then(|id| app.data.intakes.iter().find(|i| i.id == id).cloned());
    if id.is_some() && original.is_none() {
        form.message = Some("this intake was deleted elsewhere; nothing saved".into());
        return true;
    }
    let location = match find_location(&app.data, form.value("location")) {
        Ok(l) => l,
        Err(e) => {
            form.set_error("location", e);
            None
        }
    };
    let person = Person {
        number: form.value("employee id").to_string(),
        email: form.value("email").to_string(),
        first: form.value("first name").to_string(),
        last: form.value("last name").to_string(),
        position: form.value("position").to_string(),
        location,
    };
    check_person(&person, form, "employee id", "email");
    let received = date_field(form, "received");
    let services = parse_services(form, "services");
    let due = match parse_optional_date(form.value("next step due")) {
        Ok(d) => d,
        Err(e) => {
            form.set_error("next step due", e);
            None
        }
    };
    let source = IntakeSource::parse(form.value("source")).unwrap_or(IntakeSource::Form);
    let Some(received) = received else { return true };
    if form.has_errors() {
        return true;
    }
    let matched = match_employee(&app.data, &person.number, &person.email);
    if already_has(&app.data, matched, received, id.unwrap_or(0)) {
        form.set_error(
            "received",
            format!(
                "{} already has an intake received on {received}",
                app.person(matched.map(|e| e.id).unwrap_or(0))
            ),
        );
        return true;
    }
    let mut it = original
        .clone()
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
    it.owner = form.value("owner").to_string();
    it.next_step = form.value("next step").to_string();
    it.next_step_due = due;
    it.notes = form.value("notes").to_string();
    if let Err(e) = it.validate() {
        form.set_error(e.field, e.reason);
        return true;
    }
    if let Some(first) = it.history.iter().map(|c| c.date).skip(1).min()
        && first < received
    {
        form.set_error("received", format!("after its status changed on {first}"));
        return true;
    }
    let matched = matched.cloned();
    // Editing the linked person updates them; linking someone else never rewrites their record.
    let overwrite = original
        .as_ref()
        .is_some_and(|o| matched.as_ref().map(|m| m.id) == Some(o.employee_id));
    let done = if overwrite { "intake saved" } else { "intake added" };
    let result = app.save(done, |txn| {
        let employee_id = link_employee(txn, matched.as_ref(), &person, overwrite)?;
        it.employee_id = employee_id;
        match &original {
            Some(o) => {
                txn.update(o, &it)?;
                Ok(it.id)
            }
            None => txn.insert(&mut it),
        }
    });
    match result {
        Ok(id) => {
            app.select_intake(id);
            false
        }
        Err(e) => {
            form.message = Some(format!("not saved: {e}"));
            true
        }
    }
}

fn save_consultation(app: &mut App, intake_id: Id, form: &mut Form) -> bool {
    let Some(it) = app.data.intakes.iter().find(|i| i.id == intake_id).cloned() else {
        form.message = Some("this intake was deleted elsewhere; nothing saved".into());
        return true;
    };
    let date = date_field(form, "date");
    if let Some(d) = date {
        if d < it.received {
            form.set_error(
                "date",
                format!("before the intake was received ({})", it.received),
            );
        } else if d > app.today {
            form.set_error("date", "in the future; log a consultation after it happens");
        }
    }
    let minutes = match Consultation::parse_minutes(form.value("minutes")) {
        Ok(m) => m,
        Err(e) => {
            form.set_error("minutes", e.reason);
            0
        }
    };
    let services = parse_services(form, "services");
    let Some(date) = date else { return true };
    if form.has_errors() {
        return true;
    }
    let mut c = Consultation {
        id: 0,
        intake_id,
        date,
        minutes,
        services,
        notes: form.value("notes").to_string(),
    };
    if let Err(e) = c.validate() {
        form.set_error(e.field, e.reason);
        return true;
    }
    let done = format!("consultation logged for {}", app.person(it.employee_id));
    match app.save(&done, |txn| txn.insert(&mut c)) {
        Ok(_) => false,
        Err(e) => {
            form.message = Some(format!("not saved: {e}"));
            true
        }
    }
}

fn save_close(app: &mut App, intake_id: Id, form: &mut Form) -> bool {
    let Some(it) = app.data.intakes.iter().find(|i| i.id == intake_id).cloned() else {
        form.message = Some("this intake was deleted elsewhere; nothing saved".into());
        return true;
    };
    let reason = CloseReason::parse(form.value("close reason"));
    if reason.is_none() {
        form.set_error("close reason", "choose a close reason");
    }
    let date = date_field(form, "closed on");
    let last = it.history.iter().map(|c| c.date).max().unwrap_or(it.received);
    if let Some(d) = date
        && d < last
    {
        form.set_error("closed on", format!("before its last status change ({last})"));
    }
    let (Some(date), Some(reason)) = (date, reason) else {
        return true;
    };
    if form.has_errors() {
        return true;
    }
    let mut updated = it.clone();
    updated.move_to(IntakeStatus::Closed, date, Some(reason));
    let done = format!("{}: closed ({})", app.person(it.employee_id), reason.label());
    match app.save(&done, |txn| txn.update(&it, &updated)) {
        Ok(()) => false,
        Err(e) => {
            form.message = Some(format!("not saved: {e}"));
            true
        }
    }
}

fn apply_filters(app: &mut App, form: &Form) {
    let pick = |label: &str| -> Option<String> {
        let v = form.value(label);
        (v != ANY && !v.is_empty()).then(|| v.to_string())
    };
    let data = &app.data;
    app.intake.filters = Filters {
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
        overdue: pick("overdue").map(|o| {
            if o == "overdue only" {
                OverdueFilter::Only
            } else {
                OverdueFilter::Not
            }
        }),
    };
    requeue(app);
    app.status = Some(if app.intake.filters.is_empty() {
        "no filters".into()
    } else {
        format!("filtered: {}", app.intake.filters.describe(&app.data))
    });
}

fn save_settings(app: &mut App, form: &mut Form) -> bool {
    let days = form.value("working days").parse::<u32>().unwrap_or(0);
    let original = app.data.intake_settings.first().cloned();
    let mut s = IntakeSettings {
        id: original.as_ref().map(|o| o.id).unwrap_or(0),
        overdue_working_days: days,
        stale_working_days: original
            .as_ref()
            .map_or(DEFAULT_STALE_WORKING_DAYS, |o| o.stale_working_days),
    };
    if let Err(e) = s.validate() {
        form.set_error(e.field, e.reason);
        return true;
    }
    let done = format!("overdue after {days} working days without first contact");
    let result = app.save(&done, |txn| match &original {
        Some(o) => txn.update(o, &s),
        None => txn.insert(&mut s).map(|_| ()),
    });
    match result {
        Ok(()) => false,
        Err(e) => {
            form.message = Some(format!("not saved: {e}"));
            true
        }
    }
}
