//! Locations (name, type, employee count) and pop-up events (date, location, note).

use crate::domain::*;
use crate::import::engine::{Column, Kind, optional, required};
use crate::import::refs::Refs;
use crate::import::row::Row;
use crate::text::fold;

/// A location's name as compared: accents, case and spacing ignored (as the matcher's exact name).
pub fn name_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

pub struct Locations;

impl Kind for Locations {
    type Rec = Location;
    const NAME: &'static str = "locations";
    const COLUMNS: &'static [Column] = &[
        required("name").or(&["location", "location name"]),
        required("kind").or(&["type", "location type"]),
        optional("employees").or(&["employee count", "supporting services employees"]),
    ];

    fn read(row: &Row, _refs: &Refs) -> Result<Location, String> {
        let location = Location {
            id: 0,
            name: row.required_text("name")?,
            kind: row.choice("kind")?,
            employees: row.opt_number("employees")?,
        };
        location.validate().map_err(|e| e.to_string())?;
        Ok(location)
    }

    fn key(l: &Location) -> String {
        name_key(&l.name)
    }
}

pub struct PopUps;

impl Kind for PopUps {
    type Rec = PopUpEvent;
    const NAME: &'static str = "popups";
    const COLUMNS: &'static [Column] = &[
        required("date"),
        optional("location_id"),
        optional("location"),
        optional("note"),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] =
        &[(&["location", "location_id"], "location")];
    const NOTES: &'static [&'static str] = &["note"];

    fn read(row: &Row, refs: &Refs) -> Result<PopUpEvent, String> {
        Ok(PopUpEvent {
            id: 0,
            date: row.date("date")?,
            location_id: refs.location(row, "location_id", "location")?,
            note: row.note("note"),
        })
    }

    fn key(p: &PopUpEvent) -> String {
        format!("{}|{}", p.date, p.location_id)
    }
}

pub struct Closures;

impl Kind for Closures {
    type Rec = Closure;
    const NAME: &'static str = "closures";
    const COLUMNS: &'static [Column] = &[required("date"), required("name").or(&["closure", "holiday"])];

    fn read(row: &Row, _refs: &Refs) -> Result<Closure, String> {
        let closure = Closure {
            id: 0,
            date: row.date("date")?,
            name: row.required_text("name")?,
        };
        closure.validate().map_err(|e| e.to_string())?;
        Ok(closure)
    }

    /// One closure a day.
    fn key(c: &Closure) -> String {
        c.date.to_string()
    }
}
