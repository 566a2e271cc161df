//! Pop-up capture: choose the event once, then one short screen per person, saved with one key
//! and cleared at once for the next.

use super::forms::{labels, parse_services};
use super::person::{Person, already_has, check_match, check_person, link_employee};
use super::{Fx, IntakeForm, IntakeSaved, IntakeTab};
use crate::form::{Field, Form};
use crate::save::Save;
use crate::tab::{Ctx, Effect};
use pathways_core::domain::*;
use pathways_core::privacy::Sensitive;

pub(super) fn open_event(tab: &IntakeTab, cx: &Ctx) -> Fx {
    let data = cx.data;
    // Default to today's event if there is one, so reopening capture is two keys.
    let today_event = tab
        .popup_event
        .and_then(|id| data.popups.iter().find(|p| p.id == id))
        .or_else(|| data.popups.iter().rev().find(|p| p.date == cx.today));
    let (date, location) = match today_event {
        Some(p) => (p.date, data.location_name(Some(p.location_id)).to_string()),
        None => (cx.today, String::new()),
    };
    let form = Form::new(
        "Pop-up capture: which event?",
        vec![
            Field::date("event date", Some(date)),
            Field::text("event location", location),
        ],
    );
    vec![Effect::Form(form, IntakeForm::PopUpEvent)]
}

fn capture_form(tab: &IntakeTab, cx: &Ctx, event: &PopUpEvent) -> Form {
    let place = cx.data.location_name(Some(event.location_id)).to_string();
    Form::new(
        format!(
            "Pop-up capture {} · {} · {} captured",
            event.date, place, tab.captured
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

pub(super) fn choose_event(tab: &mut IntakeTab, cx: &Ctx, form: &mut Form) -> Fx {
    let date = form.date("event date");
    if let Some(d) = date
        && let Err(e) = happened_by(d, cx.today, "event date")
    {
        form.set_error(
            "event date",
            format!("{}: capture at the event, on its day", e.reason),
        );
    }
    let location = form.location("event location", &cx.places());
    if location.is_none() && !form.is_wrong("event location") {
        form.set_error("event location", "where is the event? type a location name");
    }
    let (Some(date), Some(location_id)) = (date, location) else {
        return vec![];
    };
    if form.has_errors() {
        return vec![];
    }
    let existing = cx
        .data
        .popups
        .iter()
        .find(|p| p.date == date && p.location_id == location_id)
        .map(|p| p.id);
    match existing {
        Some(id) => start_capture(tab, cx, id),
        None => {
            let mut event = PopUpEvent {
                id: 0,
                date,
                location_id,
                note: String::new(),
            };
            let save = Save::adding("pop-up event added", move |w| w.insert(&mut event));
            vec![Effect::Save(save.then(IntakeSaved::EventChosen))]
        }
    }
}

/// The event form closes and the capture screen takes its place.
pub(super) fn start_capture(tab: &mut IntakeTab, cx: &Ctx, event_id: Id) -> Fx {
    if tab.popup_event != Some(event_id) {
        tab.captured = 0;
    }
    tab.popup_event = Some(event_id);
    next_capture(tab, cx, event_id)
}

/// A fresh capture screen for the next person.
pub(super) fn next_capture(tab: &IntakeTab, cx: &Ctx, event_id: Id) -> Fx {
    match cx.data.popups.iter().find(|p| p.id == event_id) {
        Some(event) => vec![Effect::Form(
            capture_form(tab, cx, event),
            IntakeForm::PopUpCapture(event_id),
        )],
        None => vec![Effect::status("the pop-up event was deleted elsewhere")],
    }
}

pub(super) fn capture(tab: &mut IntakeTab, cx: &Ctx, event_id: Id, form: &mut Form) -> Fx {
    let Some(event) = cx.data.popups.iter().find(|p| p.id == event_id).cloned() else {
        form.message = Some("the pop-up event was deleted elsewhere; nothing saved".into());
        return vec![];
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
    let location = form.location("location", &cx.places());
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
        return vec![];
    }
    let matched = cx.people().by_keys(&person.number, &person.email).cloned();
    // The id or email typed belongs to someone else by name: say so, never file it silently.
    let typed = form.value("name").to_string();
    if !check_match(
        cx,
        form,
        &mut tab.confirmed_person,
        matched.as_ref(),
        (&typed, &id_or_email),
        "name",
    ) {
        return vec![];
    }
    if already_has(cx.data, matched.as_ref(), event.date, 0) {
        form.set_error("id or email", format!("already has an intake on {}", event.date));
        return vec![];
    }
    let mut it = Intake::new(0, event.date, IntakeSource::PopUp);
    it.popup_event_id = Some(event_id);
    it.services = services;
    it.notes = form.value("note").to_string();
    let name = format!("{} {}", person.first, person.last);
    let done = format!("captured {}", if cx.private { initials(&name) } else { name });
    let save = Save::adding(done, move |w| {
        it.employee_id = link_employee(w, matched.as_ref(), &person, false)?;
        w.insert(&mut it)
    });
    vec![Effect::Save(save.then(IntakeSaved::Captured(event_id)))]
}
