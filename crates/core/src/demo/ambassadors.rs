//! Ambassador cohorts from the January 2023 launch: 24 people at the 43 locations of the plan in
//! `ambassadors.csv` for 18-month tenures, a new cohort after each, their monthly PL sessions,
//! and the reference population the team compares the cohort with.

use super::people::{positions, works_at};
use super::{AMBASSADOR_SESSIONS, AMBASSADORS, Builder, date, rows, stream};
use crate::domain::*;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::HashSet;

const STREAM_AMBASSADOR: u64 = 20;
const STREAM_AMBASSADOR_SESSION: u64 = 21;

/// The next cohort starts on the fourth Thursday of the month after the last one ends.
fn next_start(previous_end: NaiveDate) -> NaiveDate {
    let month = add_months(first_of_month(previous_end), 1);
    NaiveDate::from_weekday_of_month_opt(month.year(), month.month(), Weekday::Thu, 4).unwrap_or(month)
}

impl Builder {
    pub(super) fn ambassadors(&mut self) {
        let plan: Vec<(Id, Vec<Id>)> = rows(AMBASSADORS)
            .iter()
            .map(|r| {
                let supported = r[1]
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(|s| self.location_id(s))
                    .collect();
                (self.location_id(&r[0]), supported)
            })
            .collect();
        let place_of: std::collections::HashMap<String, String> =
            positions().into_iter().map(|p| (p.title, p.place)).collect();
        let n = self.data.employees.len().max(1);
        // The kickoff meeting for the first ambassadors was on January 19, 2023.
        let mut start = date(2023, 1, 19);
        let mut cohort = 0u64;
        let mut served: HashSet<Id> = HashSet::new();
        let mut previous: Vec<Id> = Vec::new();
        while start <= self.today {
            let end = Ambassador::default_tenure_end(start);
            let mut this: Vec<Id> = Vec::new();
            for (i, (primary, supported)) in plan.iter().enumerate() {
                let kind = self
                    .location(*primary)
                    .map(|l| l.kind)
                    .unwrap_or(LocationKind::Office);
                let from = stream(STREAM_AMBASSADOR, cohort * 100 + i as u64).below(n);
                // Every sixth ambassador of the first cohort stays for a second tenure.
                let renewal = (cohort == 1 && i % 6 == 0)
                    .then(|| previous.get(i).copied())
                    .flatten();
                let fresh = |e: &Employee| {
                    Builder::seasoned(e, AMBASSADOR_MIN_YEARS_OF_SERVICE, start)
                        && !served.contains(&e.id)
                        && !this.contains(&e.id)
                };
                let chosen = renewal
                    .or_else(|| self.find_any(from, |e| fresh(e) && e.location_id == Some(*primary)))
                    .or_else(|| {
                        self.find_any(from, |e| {
                            fresh(e) && place_of.get(&e.position).is_some_and(|p| works_at(p, kind))
                        })
                    });
                let Some(employee_id) = chosen else {
                    continue;
                };
                // An ambassador's primary location is where they work.
                if let Some(e) = self.employee_mut(employee_id) {
                    e.location_id = Some(*primary);
                }
                served.insert(employee_id);
                this.push(employee_id);
                self.data.ambassadors.push(Ambassador {
                    id: self.data.ambassadors.len() as Id + 1,
                    employee_id,
                    tenure_start: start,
                    tenure_end: end,
                    primary_location: *primary,
                    supported_locations: supported.clone(),
                });
            }
            previous = this;
            start = next_start(end);
            cohort += 1;
        }
        self.ambassador_sessions();
        self.reference_population();
    }

    fn location(&self, id: Id) -> Option<&Location> {
        self.data.locations.iter().find(|l| l.id == id)
    }

    /// The third Tuesday of every month but July while a cohort serves, planned six weeks ahead.
    fn ambassador_sessions(&mut self) {
        let topics = rows(AMBASSADOR_SESSIONS);
        let Some(first) = self.data.ambassadors.iter().map(|a| a.tenure_start).min() else {
            return;
        };
        let planned_to = self.today + Duration::days(45);
        let mut month = add_months(first_of_month(first), 1);
        while month <= planned_to {
            let day = NaiveDate::from_weekday_of_month_opt(month.year(), month.month(), Weekday::Tue, 3);
            month = add_months(month, 1);
            let Some(day) = day
                .map(|d| self.open_on_or_after(d))
                .filter(|d| d.month() != 7 && *d <= planned_to)
            else {
                continue;
            };
            let serving: Vec<&Ambassador> = self
                .data
                .ambassadors
                .iter()
                .filter(|a| a.is_active(day))
                .collect();
            // Between cohorts there is no session; topics restart with each cohort.
            let Some(cohort_start) = serving.iter().map(|a| a.tenure_start).max() else {
                continue;
            };
            let k = self
                .data
                .ambassador_sessions
                .iter()
                .filter(|s| s.date >= cohort_start)
                .count();
            let t = &topics[k % topics.len()];
            let id = self.data.ambassador_sessions.len() as Id + 1;
            let attendees = if day <= self.today {
                serving
                    .iter()
                    .filter(|a| !stream(STREAM_AMBASSADOR_SESSION, id * 1000 + a.id).chance(15))
                    .map(|a| a.id)
                    .collect()
            } else {
                Vec::new()
            };
            self.data.ambassador_sessions.push(AmbassadorSession {
                id,
                date: day,
                topic: t[1].to_string(),
                presenter: t[2].to_string(),
                attendees,
            });
        }
    }

    /// A reference population the team would enter, to compare the cohort with (demo figures).
    fn reference_population(&mut self) {
        let mut students = ReferencePopulation {
            id: 1,
            name: "Student population".into(),
            groups: Vec::new(),
        };
        let races = [
            (Race::Hispanic, 56_200),
            (Race::White, 36_100),
            (Race::Black, 35_400),
            (Race::Asian, 23_000),
            (Race::TwoOrMore, 9_100),
            (Race::AmericanIndian, 310),
            (Race::PacificIslander, 150),
        ];
        let counts = races.iter().map(|(r, n)| (r.label().to_string(), *n)).collect();
        students.set_counts(Dimension::Race, counts);
        self.data.reference_populations.push(students);
    }
}
