//! Ambassadors: volunteers who cover worksites for 18-month tenures, and their monthly PL sessions.

use super::{
    Employee, FieldError, Id, Location, LocationKind, Race, Shown, add_months, describe_years_months,
    full_years_between, years_months_between,
};
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
    #[serde(with = "crate::domain::dates")]
    pub tenure_start: NaiveDate,
    /// Last day of the tenure (18 months by default, editable).
    #[serde(with = "crate::domain::dates")]
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
        None => Some(format!(
            "hire date unknown: {} (5 years of service are required)",
            super::WHERE_TO_FILL
        )),
        Some(h) if h > on => Some(format!(
            "hired {h}, after the tenure starts; 5 years of service are required"
        )),
        Some(h) => {
            let (y, m) = years_months_between(h, on);
            (y < AMBASSADOR_MIN_YEARS_OF_SERVICE)
                .then(|| format!("{} of service; 5 years are required", describe_years_months(y, m)))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmbassadorSession {
    pub id: Id,
    #[serde(with = "crate::domain::dates")]
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
    /// Employees at every location of known size.
    pub employees_total: u64,
    /// Locations whose size is unknown: counted as locations, not in the employee figures.
    pub sizes_unknown: usize,
}

impl Coverage {
    /// What the employee figures leave out, when some location's size is unknown.
    pub fn sizes_note(&self) -> Option<String> {
        (self.sizes_unknown > 0).then(|| {
            format!(
                "{} of unknown size {} left out of the employee figures; add sizes on the coverage tab",
                crate::text::count(self.sizes_unknown, "location"),
                if self.sizes_unknown == 1 { "is" } else { "are" }
            )
        })
    }

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
    let employees_covered = per_location.keys().map(|id| known[id].counted_employees()).sum();
    Coverage {
        active_ambassadors: active,
        locations_covered: per_location.len(),
        ambassadors_per_location: per_location,
        employees_covered,
        locations_total: locations.len(),
        employees_total: locations.iter().map(Location::counted_employees).sum(),
        sizes_unknown: locations.iter().filter(|l| l.employees.is_none()).count(),
    }
}

/// An active tenure of `employee_id` overlapping `start..=end`, other than ambassador `except`:
/// one person holds one tenure at a time.
pub fn overlapping_tenure(
    ambassadors: &[Ambassador],
    employee_id: Id,
    start: NaiveDate,
    end: NaiveDate,
    except: Option<Id>,
) -> Option<&Ambassador> {
    ambassadors.iter().find(|a| {
        a.employee_id == employee_id && Some(a.id) != except && a.tenure_start <= end && start <= a.tenure_end
    })
}

/// Active ambassadors whose tenure ends within 60 days of `on`, soonest first.
pub fn ending_soon(ambassadors: &[Ambassador], on: NaiveDate) -> Vec<&Ambassador> {
    let mut v: Vec<&Ambassador> = ambassadors.iter().filter(|a| a.tenure_ends_soon(on)).collect();
    v.sort_by_key(|a| (a.tenure_end, a.id));
    v
}

/// Coverage of one kind of location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindCoverage {
    pub kind: LocationKind,
    pub locations: usize,
    pub covered: usize,
    pub employees: u64,
    pub employees_covered: u64,
    /// Locations of this kind whose size is unknown (not in the employee figures).
    pub sizes_unknown: usize,
}

/// Every kind of location, in the kinds' own order, with its coverage.
pub fn coverage_by_kind(c: &Coverage, locations: &[Location]) -> Vec<KindCoverage> {
    use super::Choice;
    LocationKind::ALL
        .iter()
        .map(|&kind| {
            let mut k = KindCoverage {
                kind,
                locations: 0,
                covered: 0,
                employees: 0,
                employees_covered: 0,
                sizes_unknown: 0,
            };
            for l in locations.iter().filter(|l| l.kind == kind) {
                k.locations += 1;
                k.employees += l.counted_employees();
                k.sizes_unknown += usize::from(l.employees.is_none());
                if c.is_covered(l.id) {
                    k.covered += 1;
                    k.employees_covered += l.counted_employees();
                }
            }
            k
        })
        .collect()
}

/// Locations nobody covers, biggest first by employees (then by name).
pub fn uncovered<'a>(c: &Coverage, locations: &'a [Location]) -> Vec<&'a Location> {
    let mut v: Vec<&Location> = locations.iter().filter(|l| !c.is_covered(l.id)).collect();
    v.sort_by(|a, b| b.employees.cmp(&a.employees).then_with(|| a.name.cmp(&b.name)));
    v
}

/// PL sessions an ambassador attended, of those held during their tenure up to `on`.
pub fn session_attendance(a: &Ambassador, sessions: &[AmbassadorSession], on: NaiveDate) -> (usize, usize) {
    let last = a.tenure_end.min(on);
    let held: Vec<&AmbassadorSession> = sessions
        .iter()
        .filter(|s| a.tenure_start <= s.date && s.date <= last)
        .collect();
    let attended = held.iter().filter(|s| s.attendees.contains(&a.id)).count();
    (attended, held.len())
}

impl AmbassadorSession {
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.topic.trim().is_empty() {
            return Err(FieldError::new("topic", "a topic is required"));
        }
        if self.presenter.trim().is_empty() {
            return Err(FieldError::new("presenter", "a presenter is required"));
        }
        Ok(())
    }
}

/// The ways the cohort is compared with a reference population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Dimension {
    Chapter,
    Service,
    Race,
}
crate::choice!(Dimension {
    Chapter => "chapter",
    Service => "years of service",
    Race => "race",
});

/// Years-of-service bands for the demographic comparison.
pub const SERVICE_BANDS: &[&str] = &[
    "under 5 years",
    "5-9 years",
    "10-14 years",
    "15-19 years",
    "20-24 years",
    "25+ years",
    "unknown",
];

pub fn service_band(hire_date: Option<NaiveDate>, on: NaiveDate) -> &'static str {
    match hire_date.map(|h| full_years_between(h, on)) {
        None => "unknown",
        Some(y) => SERVICE_BANDS[(y as usize / 5).min(5)],
    }
}

/// The group of `employee` in `dimension` on `on`.
pub fn group_of(employee: &Employee, dimension: Dimension, on: NaiveDate) -> String {
    use super::Choice;
    match dimension {
        Dimension::Chapter => employee.chapter_group().to_string(),
        Dimension::Service => service_band(employee.hire_date, on).to_string(),
        Dimension::Race => employee.race.label().to_string(),
    }
}

/// The groups a dimension always lists (chapters come from the data instead).
pub fn fixed_groups(dimension: Dimension) -> Vec<String> {
    use super::Choice;
    match dimension {
        Dimension::Chapter => Vec::new(),
        Dimension::Service => SERVICE_BANDS.iter().map(|s| s.to_string()).collect(),
        Dimension::Race => Race::ALL.iter().map(|r| r.label().to_string()).collect(),
    }
}

/// One group's head count in a reference population.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceGroup {
    pub dimension: Dimension,
    pub group: String,
    pub people: u64,
}

/// A population the team compares the ambassador cohort with (the student population, all
/// support staff...), entered as head counts per group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferencePopulation {
    pub id: Id,
    pub name: String,
    pub groups: Vec<ReferenceGroup>,
}

impl ReferencePopulation {
    pub fn people(&self, dimension: Dimension, group: &str) -> Option<u64> {
        self.groups
            .iter()
            .find(|g| g.dimension == dimension && g.group == group)
            .map(|g| g.people)
    }

    pub fn has(&self, dimension: Dimension) -> bool {
        self.groups.iter().any(|g| g.dimension == dimension)
    }

    /// Replaces the counts of one dimension; groups left out are dropped.
    pub fn set_counts(&mut self, dimension: Dimension, counts: Vec<(String, u64)>) {
        self.groups.retain(|g| g.dimension != dimension);
        self.groups
            .extend(counts.into_iter().map(|(group, people)| ReferenceGroup {
                dimension,
                group,
                people,
            }));
    }

    pub fn validate(&self) -> Result<(), FieldError> {
        if self.name.trim().is_empty() {
            return Err(FieldError::new(
                "name",
                "a name is required (e.g. Student population)",
            ));
        }
        Ok(())
    }
}

/// The cohort's share minus the reference's, in percentage points, when both counts may be
/// shown (a gap next to a hidden count would give the count away).
pub fn gap_points(cohort: Shown, cohort_total: u64, reference: Shown, reference_total: u64) -> Option<f64> {
    match (cohort, reference) {
        (Shown::Count(c), Shown::Count(r)) if cohort_total > 0 && reference_total > 0 => {
            Some(share(c, cohort_total) - share(r, reference_total))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
