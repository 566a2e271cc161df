//! The intake tab's forms: add/edit an intake, log a consultation, close with a reason, filters,
//! the overdue setting, and pop-up capture. Each `submit` checks every field, puts the reason on
//! the wrong ones, and saves nothing until the form is valid.

use super::{Filters, IntakeForm, OverdueFilter, StatusFilter, open, requeue};
use crate::app::App;
use crate::dataset::Dataset;
use crate::domain::*;
use crate::form::{Field, Form};
use crate::store::Txn;

const ANY: &str = "any";

fn labels<T: Choice>() -> Vec<String> {
    T::ALL.iter().map(|c| c.label().to_string()).collect()
}

fn with_any(options: impl IntoIterator<Item = String>) -> Vec<String> {
    std::iter::once(ANY.to_string()).chain(options).collect()
}

/// The person fields an intake links to: matched by employee id, else email, else created.
struct Person {
    number: String,
    email: String,
    first: String,
    last: String,
    position: String,
    location: Option<Id>,
}

/// Finds a location by name: exact (any case), else the only one containing the text.
pub fn find_location(data: &Dataset, text: &str) -> Result<Option<Id>, String> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(l) = data.locations.iter().find(|l| l.name.to_lowercase() == t) {
        return Ok(Some(l.id));
    }
    let matches: Vec<&Location> = data
        .locations
        .iter()
        .filter(|l| l.name.to_lowercase().contains(&t))
        .collect();
    match matches.as_slice() {
        [one] => Ok(Some(one.id)),
        [] => Err(format!(
            "no location named \"{}\"",
            truncate_for_message(text.trim())
        )),
        many => Err(format!(
            "{} locations match: {}{}; type more of the name",
            many.len(),
            many.iter()
                .take(3)
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            if many.len() > 3 { ", …" } else { "" }
        )),
    }
}

/// The employee matching an employee id, else an email.
fn match_employee<'a>(data: &'a Dataset, number: &str, email: &str) -> Option<&'a Employee> {
    let by_number = (!number.is_empty())
        .then(|| data.employees.iter().find(|e| e.employee_number.trim() == number))
        .flatten();
    by_number.or_else(|| {
        (!email.is_empty())
            .then(|| {
                data.employees
                    .iter()
                    .find(|e| e.email.trim().eq_ignore_ascii_case(email))
            })
            .flatten()
    })
}

/// Checks the person fields, naming the wrong one (labels as in the form).
fn check_person(p: &Person, form: &mut Form, id_label: &str, email_label: &str) {
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

/// Links the intake to an employee in `txn`: the matched one (updated when `overwrite`, else only
/// its blank fields filled), or a new one.
fn link_employee(
    txn: &mut Txn,
    matched: Option<&Employee>,
    p: &Person,
    overwrite: bool,
) -> crate::store::Result<Id> {
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
                txn.update(e, &u)?;
            }
            Ok(e.id)
        }
        None => {
            let mut e = Employee {
                id: 0,
                employee_number: p.number.clone(),
                first_name: p.first.clone(),
                last_name: p.last.clone(),
                email: p.email.clone(),
                position: p.position.clone(),
                location_id: p.location,
                chapter: NO_CHAPTER.into(),
                race: Race::Unknown,
                hire_date: None,
                position_start: None,
                status: EmploymentStatus::Permanent,
                in_evaluation: false,
                retirement_date: None,
                supervisor_id: None,
            };
            e.validate()?;
            txn.insert(&mut e)
        }
    }
}

/// Whether this employee already has an intake received on `date` (other than `except`).
fn already_has(data: &Dataset, employee: Option<&Employee>, date: chrono::NaiveDate, except: Id) -> bool {
    employee.is_some_and(|e| {
        data.intakes
            .iter()
            .any(|i| i.employee_id == e.id && i.received == date && i.id != except)
    })
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
            Field::text("email", s(|e| &e.email)),
            Field::text("first name", s(|e| &e.first_name)).sensitive(),
            Field::text("last name", s(|e| &e.last_name)).sensitive(),
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
            Field::text("notes", it.map(|i| i.notes.as_str()).unwrap_or("")),
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
            Field::text("notes", ""),
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

pub fn open_popup_event(app: &mut App) {
    // Default to today's event if there is one, so reopening capture is two keys.
    let today_event = app
        .intake
        .popup_event
        .and_then(|id| app.data.popups.iter().find(|p| p.id == id))
        .or_else(|| app.data.popups.iter().rev().find(|p| p.date == app.today));
    let (date, location) = match today_event {
        Some(p) => (p.date, app.data.location_name(Some(p.location_id)).to_string()),
        None => (app.today, String::new()),
    };
    let form = Form::new(
        "Pop-up capture: which event?",
        vec![
            Field::date("event date", Some(date)),
            Field::text("event location", location),
        ],
    );
    open(app, form, IntakeForm::PopUpEvent);
}

fn capture_form(app: &App, event: &PopUpEvent) -> Form {
    let place = app.data.location_name(Some(event.location_id)).to_string();
    Form::new(
        format!(
            "Pop-up capture {} · {} · {} captured",
            event.date, place, app.intake.captured
        ),
        vec![
            Field::text("name", "").sensitive(),
            Field::text("id or email", ""),
            Field::text("position", ""),
            Field::text("location", place),
            Field::multi("services", labels::<Service>(), &[]),
            Field::text("note", ""),
        ],
    )
}

fn parse_services(form: &mut Form, label: &str) -> Vec<Service> {
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

fn date_field(form: &mut Form, label: &str) -> Option<chrono::NaiveDate> {
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
        IntakeForm::PopUpEvent => choose_event(app, form),
        IntakeForm::PopUpCapture(event) => capture(app, event, form),
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
    let minutes = match form.value("minutes").parse::<u32>() {
        Ok(m) => m,
        Err(_) => {
            form.set_error("minutes", "a whole number of minutes");
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

fn choose_event(app: &mut App, form: &mut Form) -> bool {
    let date = date_field(form, "event date");
    let location = match find_location(&app.data, form.value("event location")) {
        Ok(Some(l)) => Some(l),
        Ok(None) => {
            form.set_error("event location", "where is the event? type a location name");
            None
        }
        Err(e) => {
            form.set_error("event location", e);
            None
        }
    };
    let (Some(date), Some(location_id)) = (date, location) else {
        return true;
    };
    let existing = app
        .data
        .popups
        .iter()
        .find(|p| p.date == date && p.location_id == location_id)
        .map(|p| p.id);
    let event_id = match existing {
        Some(id) => id,
        None => {
            let mut event = PopUpEvent {
                id: 0,
                date,
                location_id,
                note: String::new(),
            };
            match app.save("pop-up event added", |txn| txn.insert(&mut event)) {
                Ok(id) => id,
                Err(e) => {
                    form.message = Some(format!("not saved: {e}"));
                    return true;
                }
            }
        }
    };
    if app.intake.popup_event != Some(event_id) {
        app.intake.captured = 0;
    }
    app.intake.popup_event = Some(event_id);
    let Some(event) = app.data.popups.iter().find(|p| p.id == event_id).cloned() else {
        form.message = Some("the pop-up event was deleted elsewhere".into());
        return true;
    };
    // The event form closes and the capture screen takes its place.
    let capture = capture_form(app, &event);
    open(app, capture, IntakeForm::PopUpCapture(event_id));
    false
}

fn capture(app: &mut App, event_id: Id, form: &mut Form) -> bool {
    let Some(event) = app.data.popups.iter().find(|p| p.id == event_id).cloned() else {
        form.message = Some("the pop-up event was deleted elsewhere; nothing saved".into());
        return true;
    };
    let (first, last) = match split_name(form.value("name")) {
        Some(n) => n,
        None => {
            form.set_error("name", "first and last name");
            (String::new(), String::new())
        }
    };
    let id_or_email = form.value("id or email").to_string();
    let (number, email) = if id_or_email.contains('@') {
        (String::new(), id_or_email.clone())
    } else {
        (id_or_email.clone(), String::new())
    };
    let location = match find_location(&app.data, form.value("location")) {
        Ok(l) => l,
        Err(e) => {
            form.set_error("location", e);
            None
        }
    };
    let person = Person {
        number,
        email,
        first,
        last,
        position: form.value("position").to_string(),
        location,
    };
    if !person.first.is_empty() {
        check_person(&person, form, "id or email", "id or email");
    }
    let services = parse_services(form, "services");
    if form.has_errors() {
        return true;
    }
    let matched = match_employee(&app.data, &person.number, &person.email);
    if already_has(&app.data, matched, event.date, 0) {
        form.set_error("id or email", format!("already has an intake on {}", event.date));
        return true;
    }
    let mut it = Intake::new(0, event.date, IntakeSource::PopUp);
    it.popup_event_id = Some(event_id);
    it.services = services;
    it.notes = form.value("note").to_string();
    let matched = matched.cloned();
    let name = format!("{} {}", person.first, person.last);
    let done = format!("captured {}", if app.private { initials(&name) } else { name });
    match app.save(&done, |txn| {
        it.employee_id = link_employee(txn, matched.as_ref(), &person, false)?;
        txn.insert(&mut it)
    }) {
        Ok(id) => {
            app.intake.captured += 1;
            app.select_intake(id);
            // Ready for the next person at once.
            *form = capture_form(app, &event);
            true
        }
        Err(e) => {
            form.message = Some(format!("not saved: {e}"));
            true
        }
    }
}
