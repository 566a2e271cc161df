//! Locations and employees: every employee's chapter comes with their position, and their
//! location is a place where that position works (bus staff at depots, paraeducators at schools).

use super::{
    Builder, EMPLOYEES, FIRST_NAMES, LAST_HIRE, LAST_NAMES, LOCATIONS, POSITIONS, date, rows, stream,
};
use crate::domain::*;
use chrono::{Datelike, Duration, NaiveDate};

const STREAM_EMPLOYEE: u64 = 1;

/// A position from `positions.csv`: its chapter, where it works and how common it is.
#[derive(Debug, Clone)]
pub(super) struct Position {
    pub title: String,
    pub chapter: String,
    /// "school", "office", "depot" or "service center".
    pub place: String,
    pub weight: usize,
}

pub(super) fn positions() -> Vec<Position> {
    rows(POSITIONS)
        .iter()
        .map(|r| Position {
            title: r[0].to_string(),
            chapter: r[1].to_string(),
            place: r[2].to_string(),
            weight: r[3].parse().unwrap_or(1),
        })
        .collect()
}

/// Whether a position's place takes a location of this kind.
pub(super) fn works_at(place: &str, kind: LocationKind) -> bool {
    match place {
        "school" => kind.is_school(),
        "office" => kind == LocationKind::Office,
        "depot" => kind == LocationKind::Depot,
        "service center" => kind == LocationKind::ServiceCenter,
        _ => true,
    }
}

impl Builder {
    pub(super) fn locations(&mut self) {
        for (i, r) in rows(LOCATIONS).iter().enumerate() {
            self.data.locations.push(Location {
                id: i as Id + 1,
                name: r[0].to_string(),
                kind: LocationKind::parse(&r[1]).unwrap_or(LocationKind::Office),
                employees: r[2].parse().ok(),
            });
        }
    }

    pub(super) fn location_id(&self, name: &str) -> Id {
        self.data
            .locations
            .iter()
            .find(|l| l.name == name)
            .map(|l| l.id)
            .unwrap_or(1)
    }

    pub(super) fn employees(&mut self) {
        let firsts: Vec<&str> = FIRST_NAMES.lines().filter(|l| !l.is_empty()).collect();
        let lasts: Vec<&str> = LAST_NAMES.lines().filter(|l| !l.is_empty()).collect();
        let positions = positions();
        let weights: usize = positions.iter().map(|p| p.weight).sum();
        let races = [
            (Race::White, 30),
            (Race::Black, 28),
            (Race::Hispanic, 24),
            (Race::Asian, 10),
            (Race::TwoOrMore, 4),
            (Race::Unknown, 4),
        ];
        let first_hire = date(1992, 1, 6);
        let last_hire = date(LAST_HIRE.0, LAST_HIRE.1, LAST_HIRE.2);
        for i in 0..EMPLOYEES {
            let mut rng = stream(STREAM_EMPLOYEE, i as u64);
            let id = i as Id + 1;
            // Walk the name grid so every name is distinct (46 x 37 names).
            let first = firsts[i % firsts.len()];
            let last = lasts[(i / firsts.len() + i * 7) % lasts.len()];
            let mut roll = rng.below(weights);
            let p = positions
                .iter()
                .find(|p| {
                    let hit = roll < p.weight;
                    roll = roll.saturating_sub(p.weight);
                    hit
                })
                .unwrap_or(&positions[0])
                .clone();
            let mut roll = rng.below(100) as u32;
            let race = races
                .iter()
                .find(|(_, w)| {
                    let hit = roll < *w;
                    roll = roll.saturating_sub(*w);
                    hit
                })
                .map(|(r, _)| *r)
                .unwrap_or(Race::Unknown);
            let span = (last_hire - first_hire).num_days();
            let hire = weekday_on_or_after(first_hire + Duration::days(rng.range(0, span)));
            let hire = hire.min(last_hire);
            let position_start =
                weekday_on_or_after(hire + Duration::days(rng.range(0, (last_hire - hire).num_days())))
                    .min(last_hire);
            let status = if p.chapter == NO_CHAPTER {
                if p.title.starts_with("Substitute") {
                    EmploymentStatus::Substitute
                } else {
                    EmploymentStatus::Temporary
                }
            } else {
                EmploymentStatus::Permanent
            };
            let places: Vec<Id> = self
                .data
                .locations
                .iter()
                .filter(|l| works_at(&p.place, l.kind))
                .map(|l| l.id)
                .collect();
            let location_id = Some(*rng.pick(&places));
            let retirement_date = (hire.year() < 2000 && rng.chance(40))
                .then(|| weekday_on_or_after(date(2025, 1, 6) + Duration::days(rng.range(0, 6 * 365))));
            let email = format!(
                "{}_{}@district.example.org",
                super::fold(first).to_lowercase(),
                super::fold(last).to_lowercase()
            );
            let in_evaluation = rng.chance(3);
            let supervisor_id = (id > 20 && rng.chance(50)).then(|| rng.range(1, 20) as Id);
            self.data.employees.push(Employee {
                id,
                employee_number: format!("{:06}", 100_000 + id * 37),
                first_name: first.to_string(),
                last_name: last.to_string(),
                email,
                position: p.title,
                location_id,
                // The demo fills every fact a roster would.
                chapter: Some(p.chapter),
                race,
                hire_date: Some(hire),
                position_start: Some(position_start),
                status: Some(status),
                in_evaluation: Some(in_evaluation),
                retirement_date,
                supervisor_id,
            });
        }
        self.by_hire = self
            .data
            .employees
            .iter()
            .map(|e| (e.hire_date.unwrap_or(NaiveDate::MIN), e.id))
            .collect();
        self.by_hire.sort();
    }

    /// The first employee from position `start` on (wrapping around) who is not taken and
    /// passes `ok`: a fixed choice for a fixed history.
    pub(super) fn find(&self, start: usize, ok: impl Fn(&Employee) -> bool) -> Option<Id> {
        let n = self.data.employees.len();
        (0..n)
            .map(|k| &self.data.employees[(start + k) % n.max(1)])
            .find(|e| !self.taken.contains(&e.id) && ok(e))
            .map(|e| e.id)
    }

    /// Like `find`, for roles anyone may hold besides others (one record, many roles).
    pub(super) fn find_any(&self, start: usize, ok: impl Fn(&Employee) -> bool) -> Option<Id> {
        let n = self.data.employees.len();
        (0..n)
            .map(|k| &self.data.employees[(start + k) % n.max(1)])
            .find(|e| ok(e))
            .map(|e| e.id)
    }

    /// Someone permanent, not in evaluation, with `years` of service on `on`.
    pub(super) fn seasoned(e: &Employee, years: u32, on: NaiveDate) -> bool {
        e.status == Some(EmploymentStatus::Permanent)
            && e.in_evaluation == Some(false)
            && e.hire_date.is_some_and(|h| full_years_between(h, on) >= years)
    }

    pub(super) fn employee_mut(&mut self, id: Id) -> Option<&mut Employee> {
        self.data.employees.iter_mut().find(|e| e.id == id)
    }

    /// Employees hired by `on` (earliest hired first), for attendance and intakes on that day.
    pub(super) fn hired_by(&self, on: NaiveDate) -> &[(NaiveDate, Id)] {
        let n = self.by_hire.partition_point(|(h, _)| *h <= on);
        &self.by_hire[..n]
    }
}
