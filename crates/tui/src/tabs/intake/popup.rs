//! Pop-up capture: choose the event once, then one short screen per person, saved with one key
//! and cleared at once for the next.

use super::forms::{date_field, labels, parse_services};
use super::person::{Person, already_has, check_person, find_location, link_employee, match_employee};
use super::{IntakeForm, open};
use crate::app::App;
use crate::form::{Field, Form};
use pathways_core::domain::*;
use pathways_core::privacy::Sensitive;

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
            Field::text("name", "").holds(Sensitive::Name),
            Field::text("id or email", "").holds(Sensitive::Email),
            Field::text("position", ""),
            Field::text("location", place),
            Field::multi("services", labels::<Service>(), &[]),
            Field::text("note", "").holds(Sensitive::Note),
        ],
    )
}

pub(super) fn choose_event(app: &mut App, form: &mut Form) -> bool {
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

pub(super) fn capture(app: &mut App, event_id: Id, form: &mut Form) -> bool {
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
