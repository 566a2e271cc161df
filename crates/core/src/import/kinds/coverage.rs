//! Ambassadors (with the locations they support), their monthly PL sessions, and the reference
//! populations the cohort is compared with (one row per group).

use super::{EMPLOYEE, EMPLOYEE_COLUMNS};
use crate::domain::*;
use crate::import::engine::{Column, Kind, optional, required};
use crate::import::refs::Refs;
use crate::import::row::Row;
use crate::text::fold;

pub struct Ambassadors;

impl Kind for Ambassadors {
    type Rec = Ambassador;
    const NAME: &'static str = "ambassadors";
    const COLUMNS: &'static [Column] = &[
        EMPLOYEE_COLUMNS[0],
        EMPLOYEE_COLUMNS[1],
        EMPLOYEE_COLUMNS[2],
        required("tenure_start"),
        optional("tenure_end"),
        optional("primary_location_id"),
        optional("primary_location"),
        optional("supported_location_ids"),
        optional("supported_locations"),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] = &[
        (
            &["employee_id", "employee_number", "email"],
            "employee_number or email",
        ),
        (&["primary_location", "primary_location_id"], "primary_location"),
    ];

    fn read(row: &Row, refs: &Refs) -> Result<Ambassador, String> {
        let tenure_start = row.date("tenure_start")?;
        let ambassador = Ambassador {
            id: 0,
            employee_id: refs.person(row, EMPLOYEE)?,
            tenure_start,
            tenure_end: row
                .opt_date("tenure_end")?
                .unwrap_or_else(|| Ambassador::default_tenure_end(tenure_start)),
            primary_location: refs.location(row, "primary_location_id", "primary_location")?,
            supported_locations: refs.locations(row, "supported_location_ids", "supported_locations")?,
        };
        ambassador.validate().map_err(|e| e.to_string())?;
        Ok(ambassador)
    }

    fn key(a: &Ambassador) -> String {
        format!("{}|{}", a.employee_id, a.tenure_start)
    }

    fn check(a: &Ambassador, same: &[Ambassador], _refs: &Refs) -> Result<(), String> {
        match overlapping_tenure(same, a.employee_id, a.tenure_start, a.tenure_end, Some(a.id)) {
            Some(other) => Err(format!(
                "tenure_start: already an ambassador from {} to {}; one tenure at a time",
                other.tenure_start, other.tenure_end
            )),
            None => Ok(()),
        }
    }
}

pub struct AmbassadorSessions;

impl Kind for AmbassadorSessions {
    type Rec = AmbassadorSession;
    const NAME: &'static str = "ambassador-sessions";
    const COLUMNS: &'static [Column] = &[
        required("date"),
        required("topic"),
        required("presenter"),
        optional("attendee_ambassador_ids"),
    ];

    fn read(row: &Row, refs: &Refs) -> Result<AmbassadorSession, String> {
        let session = AmbassadorSession {
            id: 0,
            date: row.date("date")?,
            topic: row.text("topic"),
            presenter: row.text("presenter"),
            attendees: refs.ids_of::<Ambassador>(row, "attendee_ambassador_ids")?,
        };
        session.validate().map_err(|e| e.to_string())?;
        Ok(session)
    }

    fn key(s: &AmbassadorSession) -> String {
        format!("{}|{}", s.date, fold(&s.topic))
    }
}

pub struct ReferencePopulations;

impl Kind for ReferencePopulations {
    type Rec = ReferencePopulation;
    const NAME: &'static str = "reference-populations";
    /// `export reference-populations` writes `population, dimension, group, people`: no id.
    const IDS: bool = false;
    const COLUMNS: &'static [Column] = &[
        required("name").or(&["population"]),
        optional("dimension"),
        optional("group"),
        optional("people"),
    ];

    fn read(row: &Row, _refs: &Refs) -> Result<ReferencePopulation, String> {
        let mut population = ReferencePopulation {
            id: 0,
            name: row.required_text("name")?,
            groups: Vec::new(),
        };
        if let Some(dimension) = row.opt_choice::<Dimension>("dimension")? {
            population.groups.push(ReferenceGroup {
                dimension,
                group: row.required_text("group")?,
                people: row.number("people")?,
            });
        }
        population.validate().map_err(|e| e.to_string())?;
        Ok(population)
    }

    fn key(p: &ReferencePopulation) -> String {
        fold(p.name.trim())
    }

    /// One row per group: later rows of the same population add their group.
    fn absorb(into: &mut ReferencePopulation, more: ReferencePopulation) -> Option<Result<(), String>> {
        Some((|| {
            for g in more.groups {
                if into.people(g.dimension, &g.group).is_some() {
                    return Err(format!("{} \"{}\" is counted twice", g.dimension, g.group));
                }
                into.groups.push(g);
            }
            Ok(())
        })())
    }
}
