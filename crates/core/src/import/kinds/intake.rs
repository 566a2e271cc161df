//! Intakes in `export intakes`' own format (for `import all`; the one-shot `import intakes` is
//! the intake form's importer), their 1:1 consultations, and the queue's settings.

use super::{EMPLOYEE, EMPLOYEE_COLUMNS, services};
use crate::domain::*;
use crate::import::engine::{Column, Kind, optional, required};
use crate::import::intakes::{col, parse_services, set_status};
use crate::import::refs::Refs;
use crate::import::row::Row;

pub struct Intakes;

impl Kind for Intakes {
    type Rec = Intake;
    const NAME: &'static str = "intakes";
    const COLUMNS: &'static [Column] = &[
        optional(col::EMPLOYEE_ID),
        required(col::FIRST),
        required(col::LAST),
        optional(col::EMAIL),
        required(col::SERVICES),
        required(col::SUBMITTED),
        optional(col::NOTES),
        optional(col::SOURCE),
        optional(col::OWNER),
        optional(col::NEXT_STEP),
        optional(col::NEXT_STEP_DUE),
        optional(col::STATUS),
        optional(col::CLOSE_REASON),
        optional(col::CONTACTED),
        optional(col::SCHEDULED),
        optional(col::ESTABLISHED),
        optional(col::CLOSED),
        optional(col::EVENT_DATE),
        optional(col::EVENT_LOCATION),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] =
        &[(&[col::EMPLOYEE_ID, col::EMAIL], "Employee ID or Email")];
    const NOTES: &'static [&'static str] = &[col::NOTES];

    fn read(row: &Row, refs: &Refs) -> Result<Intake, String> {
        let person = refs.person(
            row,
            crate::import::refs::Person {
                id: "",
                number: col::EMPLOYEE_ID,
                email: Some(col::EMAIL),
            },
        )?;
        let received = row.date(col::SUBMITTED)?;
        let source = row.opt_choice(col::SOURCE)?.unwrap_or(IntakeSource::Form);
        let mut intake = Intake::new(person, received, source);
        let (services, other) = parse_services(&row.text(col::SERVICES));
        intake.services = services;
        intake.other_service = other;
        intake.notes = row.note(col::NOTES);
        intake.owner = row.text(col::OWNER);
        intake.next_step = row.text(col::NEXT_STEP);
        intake.next_step_due = row.opt_date(col::NEXT_STEP_DUE)?;
        let status = row.opt_choice(col::STATUS)?.unwrap_or(IntakeStatus::Received);
        set_status(&mut intake, status, |name| row.opt_date(name))?;
        intake.close_reason = row
            .opt_choice(col::CLOSE_REASON)?
            .filter(|_| status == IntakeStatus::Closed);
        intake.popup_event_id = match row.opt_date(col::EVENT_DATE)? {
            Some(date) if !row.is_empty(col::EVENT_LOCATION) => {
                let place = refs
                    .place(&row.text(col::EVENT_LOCATION))
                    .map_err(|e| format!("{}: {e}", col::EVENT_LOCATION))?;
                let event = refs
                    .data
                    .popups
                    .iter()
                    .find(|p| p.date == date && p.location_id == place)
                    .ok_or_else(|| format!("{}: no pop-up event there on {date}", col::EVENT_DATE))?;
                Some(event.id)
            }
            _ => None,
        };
        intake.validate().map_err(|e| e.to_string())?;
        Ok(intake)
    }

    fn key(i: &Intake) -> String {
        format!("{}|{}", i.employee_id, i.received)
    }
}

pub struct Consultations;

impl Kind for Consultations {
    type Rec = Consultation;
    const NAME: &'static str = "consultations";
    const COLUMNS: &'static [Column] = &[
        optional("intake_id"),
        EMPLOYEE_COLUMNS[0],
        EMPLOYEE_COLUMNS[1],
        EMPLOYEE_COLUMNS[2],
        optional("intake_received").or(&["received", "submitted"]),
        required("date"),
        required("minutes"),
        optional("services"),
        optional("notes"),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] = &[(
        &["intake_id", "employee_id", "employee_number", "email"],
        "intake_id or employee_number",
    )];
    const NOTES: &'static [&'static str] = &["notes"];

    fn read(row: &Row, refs: &Refs) -> Result<Consultation, String> {
        let date = row.date("date")?;
        let by_id = refs.id_of::<Intake>(row, "intake_id")?;
        let person = refs.opt_person(row, EMPLOYEE)?;
        let received = row.opt_date("intake_received")?;
        // The person's intake received that day, else their latest one up to the date.
        let fits = |i: &Intake| {
            person.is_none_or(|e| i.employee_id == e)
                && match received {
                    Some(r) => i.received == r,
                    None => i.received <= date,
                }
        };
        let intake = |id: Id| refs.data.intakes.iter().find(|i| i.id == id);
        let intake_id = Refs::one_of(
            by_id,
            person.is_some(),
            |id| intake(id).is_some_and(fits),
            || {
                refs.data
                    .intakes
                    .iter()
                    .filter(|i| fits(i))
                    .max_by_key(|i| (i.received, i.id))
                    .map(|i| i.id)
                    .ok_or_else(|| {
                        "this person has no intake to attach the consultation to; import the intake first"
                            .to_string()
                    })
            },
            "intake",
        )?
        .ok_or("needs intake_id or employee_number")?;
        let consultation = Consultation {
            id: 0,
            intake_id,
            date,
            minutes: row.number("minutes")?,
            services: services(row, "services")?,
            notes: row.note("notes"),
        };
        consultation.validate().map_err(|e| e.to_string())?;
        Ok(consultation)
    }

    fn key(c: &Consultation) -> String {
        format!("{}|{}|{}", c.intake_id, c.date, c.minutes)
    }
}

pub struct Settings;

impl Kind for Settings {
    type Rec = IntakeSettings;
    const NAME: &'static str = "intake-settings";
    const COLUMNS: &'static [Column] = &[required("overdue_working_days"), optional("stale_working_days")];

    fn read(row: &Row, _refs: &Refs) -> Result<IntakeSettings, String> {
        let settings = IntakeSettings {
            id: 0,
            overdue_working_days: row.number("overdue_working_days")?,
            // Without the column, the program's own rule.
            stale_working_days: row
                .opt_number("stale_working_days")?
                .unwrap_or(DEFAULT_STALE_WORKING_DAYS),
        };
        settings.validate().map_err(|e| e.to_string())?;
        Ok(settings)
    }

    /// The queue has one set of settings.
    fn key(_: &IntakeSettings) -> String {
        "settings".into()
    }
}
