//! Ambassadors: volunteers who cover worksites for 18-month tenures, and their monthly PL sessions.

use super::{Employee, FieldError, Id, Location, add_months, describe_years_months, years_months_between};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub const AMBASSADOR_TENURE_MONTHS: u32 = 18;
pub const AMBASSADOR_MIN_YEARS_OF_SERVICE: u32 = 5;
pub const TENURE_ENDING_SOON_DAYS: i64 = 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ambassador {
    pub id: Id,
    pub employee_id: Id,
    pub tenure_start: NaiveDate,
    /// Last day of the tenure (18 months by default, editable).
    pub tenure_end: NaiveDate,
    pub primary_location: Id,
    /// Further locations supported besides the primary one.
    pub supported_locations: Vec<Id>,
}

impl Ambassador {
    pub fn default_tenure_end(start: NaiveDate) -> NaiveDate {
        add_months(start, AMBASSADOR_TENURE_MONTHS)
            .pred_opt()
            .unwrap_or(start)
    }

    pub fn is_active(&self, on: NaiveDate) -> bool {
        self.tenure_start <= on && on <= self.tenure_end
    }

    pub fn tenure_ends_soon(&self, on: NaiveDate) -> bool {
        self.is_active(on) && (self.tenure_end - on).num_days() <= TENURE_ENDING_SOON_DAYS
    }

    /// Primary and supported locations, each once.
    pub fn locations(&self) -> BTreeSet<Id> {
        std::iter::once(self.primary_location)
            .chain(self.supported_locations.iter().copied())
            .collect()
    }

    pub fn validate(&self) -> Result<(), FieldError> {
        if self.tenure_end < self.tenure_start {
            return Err(FieldError::new("tenure end", "the tenure ends before it starts"));
        }
        Ok(())
    }
}

/// Why an employee may not become an ambassador on `on`, if they may not.
pub fn ambassador_problem(employee: &Employee, on: NaiveDate) -> Option<String> {
    match employee.hire_date {
        None => Some("hire date unknown; 5 years of service are required".into()),
        Some(h) => {
            let (y, m) = years_months_between(h, on);
            (y < AMBASSADOR_MIN_YEARS_OF_SERVICE || h > on)
                .then(|| format!("{} of service; 5 years are required", describe_years_months(y, m)))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmbassadorSession {
    pub id: Id,
    pub date: NaiveDate,
    pub topic: String,
    pub presenter: String,
    /// Ambassador ids who attended.
    pub attendees: Vec<Id>,
}

/// Coverage on one date: overlaps counted once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coverage {
    pub active_ambassadors: usize,
    /// Location id -> number of active ambassadors covering it.
    pub ambassadors_per_location: BTreeMap<Id, usize>,
    pub locations_covered: usize,
    pub employees_covered: u64,
    pub locations_total: usize,
    pub employees_total: u64,
}

impl Coverage {
    pub fn location_share(&self) -> f64 {
        share(self.locations_covered as u64, self.locations_total as u64)
    }
    pub fn employee_share(&self) -> f64 {
        share(self.employees_covered, self.employees_total)
    }
    pub fn is_covered(&self, location: Id) -> bool {
        self.ambassadors_per_location.contains_key(&location)
    }
}

/// Percentage 0..100; zero when there is nothing to divide by.
pub fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

pub fn coverage(ambassadors: &[Ambassador], locations: &[Location], on: NaiveDate) -> Coverage {
    let mut per_location: BTreeMap<Id, usize> = BTreeMap::new();
    let mut active = 0;
    for a in ambassadors.iter().filter(|a| a.is_active(on)) {
        active += 1;
        for l in a.locations() {
            *per_location.entry(l).or_default() += 1;
        }
    }
    let known: BTreeMap<Id, &Location> = locations.iter().map(|l| (l.id, l)).collect();
    per_location.retain(|id, _| known.contains_key(id));
    let employees_covered = per_location.keys().map(|id| known[id].employees as u64).sum();
    Coverage {
        active_ambassadors: active,
        locations_covered: per_location.len(),
        ambassadors_per_location: per_location,
        employees_covered,
        locations_total: locations.len(),
        employees_total: locations.iter().map(|l| l.employees as u64).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::LocationKind;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn loc(id: Id, employees: u32) -> Location {
        Location {
            id,
            name: format!("L{id}"),
            kind: LocationKind::Elementary,
            employees,
        }
    }

    fn amb(id: Id, start: NaiveDate, primary: Id, supported: &[Id]) -> Ambassador {
        Ambassador {
            id,
            employee_id: id,
            tenure_start: start,
            tenure_end: Ambassador::default_tenure_end(start),
            primary_location: primary,
            supported_locations: supported.to_vec(),
        }
    }

    #[test]
    fn overlaps_are_counted_once() {
        let locs = vec![loc(1, 40), loc(2, 60), loc(3, 100)];
        let ambs = vec![amb(1, d(2023, 1, 1), 1, &[2, 1]), amb(2, d(2023, 1, 1), 2, &[])];
        let c = coverage(&ambs, &locs, d(2023, 6, 1));
        assert_eq!(c.active_ambassadors, 2);
        assert_eq!(c.locations_covered, 2);
        assert_eq!(c.employees_covered, 100);
        assert_eq!(c.ambassadors_per_location[&2], 2);
        assert!((c.location_share() - 66.666).abs() < 0.01);
    }

    #[test]
    fn tenure_boundaries() {
        let a = amb(1, d(2023, 1, 19), 1, &[]);
        assert_eq!(a.tenure_end, d(2024, 7, 18));
        assert!(a.is_active(d(2024, 7, 18)));
        assert!(!a.is_active(d(2024, 7, 19)));
        assert!(!a.is_active(d(2023, 1, 18)));
        assert!(a.tenure_ends_soon(d(2024, 5, 19)));
        assert!(!a.tenure_ends_soon(d(2024, 5, 18)));
        let c = coverage(&[a], &[loc(1, 10)], d(2024, 7, 19));
        assert_eq!(c.locations_covered, 0);
    }
}
