//! The intake tab's forms: add/edit an intake, log a consultation, close with a reason, filters,
//! and the overdue setting (pop-up capture is in `popup`). Each submit checks every field, puts
//! the reason on the wrong ones, and saves nothing until the form is valid.

use super::person::{Person, already_has, check_person, link_employee};
use super::{Filters, Fx, IntakeForm, IntakeSaved, IntakeTab, OverdueFilter, StatusFilter};
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
            Field::text("owner", it.map(|i| i.owner.as_str()).unwrap_or("")),
            Field::text("next step", it.map(|i| i.next_step.as_str()).unwrap_or("")),
            Field::date("next step due", it.and_then(|i| i.next_step_due)),
            Field::text("notes", it.map(|i| i.notes.as_str()).unwrap_or("")).holds(Sensitive::Note),
        ],
    )
}

pub(super) fn open_add(cx: &Ctx) -> Fx {
    open(intake_form("Add an intake", cx, None), IntakeForm::Add)
}

pub(super) fn open_edit(cx: &Ctx, it: Intake) -> Fx {
    let title = format!("Edit the intake of {}", cx.person(it.employee_id));
    let form = intake_form(&title, cx, Some(&it));
    open(form, IntakeForm::Edit(it))
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
    open(form, IntakeForm::Filters)
}

pub(super) fn open_settings(tab: &IntakeTab) -> Fx {
    let form = Form::new(
        "Overdue rule: an intake with no first contact after N working days",
        vec![Field::number("working days", tab.overdue_limit)],
    );
    open(form, IntakeForm::Settings)
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

/// Adds an intake, or saves an edit of `original` (the intake as the form opened).
pub(super) fn save_intake(cx: &Ctx, original: Option<&Intake>, form: &mut Form) -> Fx {
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
    if form.has_errors() {
        return vec![];
    }
    let matched = cx.people().by_keys(&person.number, &person.email).cloned();
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
    it.owner = form.value("owner").to_string();
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
        } else if d > cx.today {
            form.set_error("date", "in the future; log a consultation after it happens");
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
    let last = it.history.iter().map(|c| c.date).max().unwrap_or(it.received);
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
    updated.move_to(IntakeStatus::Closed, date, Some(reason));
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
        overdue: pick("overdue").map(|o| {
            if o == "overdue only" {
                OverdueFilter::Only
            } else {
                OverdueFilter::Not
            }
        }),
    };
    tab.refresh(cx);
    vec![Effect::Status(if tab.filters.is_empty() {
        "no filters".into()
    } else {
        format!("filtered: {}", tab.filters.describe(data))
    })]
}

pub(super) fn save_settings(cx: &Ctx, form: &mut Form) -> Fx {
    let days = form.value("working days").parse::<u32>().unwrap_or(0);
    let original = cx.data.intake_settings.first().cloned();
    let mut s = IntakeSettings {
        id: original.as_ref().map(|o| o.id).unwrap_or(0),
        overdue_working_days: days,
        stale_working_days: original
            .as_ref()
            .map_or(DEFAULT_STALE_WORKING_DAYS, |o| o.stale_working_days),
    };
    if let Err(e) = s.validate() {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    let done = format!("overdue after {days} working days without first contact");
    vec![Effect::Save(Save::new(done, move |w| match &original {
        Some(o) => w.update(o, &s),
        None => w.insert(&mut s).map(|_| ()),
    }))]
}
