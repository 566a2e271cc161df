//! The demo dataset: fictional people over the FY25 booklet's facts, built from the files in
//! `assets/demo/`, as one coherent history from the program's launch to `today`:
//!
//! - September 2022: the new intake process (intakes and 1:1 consultations on weekdays from then on);
//! - January 2023: 24 ambassadors (15 at schools, 9 at offices and depots) for 18-month tenures,
//!   covering 43 locations and about 1,600 employees; a new cohort after each tenure;
//! - April 2023: the mentoring refresh; 8 mentors in 4 chapters by December 2024, more later;
//! - FY24 on: a leadership cohort every fiscal year, FY25's exactly as the booklet prints it
//!   (eight sessions, 15 participants, 6 / 5 / 4 White / Black / Hispanic), other years' sessions
//!   on the same weekdays of the same weeks;
//! - professional learning every year with the booklet's offerings and course numbers (375
//!   attendances in FY25 by December 13, 2024); school pop-ups from November 2024.
//!
//! Everything dated is generated from its own seeded stream, so the records up to any date are the
//! same whatever `today` is (a test on one day and a demo on another see the same booklet), and
//! every record obeys the program's rules (checked by the tests below).

mod ambassadors;
mod calendar;
mod learning;
mod people;
mod programs;
mod rng;
pub mod synthetic;
mod visits;

pub use rng::Rng;

use crate::dataset::Dataset;
use crate::domain::*;
use crate::store::{Store, StoreError};
use chrono::{NaiveDate, NaiveTime};

const LOCATIONS: &str = include_str!("../../assets/demo/locations.csv");
const FIRST_NAMES: &str = include_str!("../../assets/demo/first_names.txt");
const LAST_NAMES: &str = include_str!("../../assets/demo/last_names.txt");
const POSITIONS: &str = include_str!("../../assets/demo/positions.csv");
const LEADERSHIP_FY25: &str = include_str!("../../assets/demo/leadership_fy25.csv");
const COHORT_FY25: &str = include_str!("../../assets/demo/cohort_fy25.csv");
const OFFERINGS: &str = include_str!("../../assets/demo/offerings.csv");
const AMBASSADORS: &str = include_str!("../../assets/demo/ambassadors.csv");
const AMBASSADOR_SESSIONS: &str = include_str!("../../assets/demo/ambassador_sessions.csv");

/// The two people who run the program, by role (the demo has no real names).
pub const OWNERS: [&str; 2] = ["program manager", "program specialist"];

/// Employees on file: everyone the program has met (the district has about 9,500).
const EMPLOYEES: usize = 1500;

/// Everyone on file was hired by this day, so every role can be checked against a fixed history.
const LAST_HIRE: (i32, u32, u32) = (2024, 6, 30);

fn rows(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .filter_map(Result::ok)
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn time(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap_or(NaiveTime::MIN)
}

/// The random stream of one record: the same `kind` and `item` always give the same numbers,
/// whatever else was generated before.
fn stream(kind: u64, item: u64) -> Rng {
    Rng::new((kind << 40) ^ item.wrapping_mul(0x2545_F491_4F6C_DD1D))
}

/// Builds the whole demo dataset for a program observed on `today`.
pub fn build(today: NaiveDate) -> Dataset {
    let mut b = Builder {
        data: Dataset::default(),
        today,
        taken: Default::default(),
        by_hire: Vec::new(),
        closed: Default::default(),
    };
    b.locations();
    // The district's closures from the first year of the history to the next one.
    b.data.closures = calendar::closures(FiscalYear(2023), FiscalYear::of(today).next());
    b.closed = b.data.closures.iter().map(|c| c.date).collect();
    b.employees();
    b.data.reindex();
    // Roles first: they choose (and may place) the people they need.
    b.roles();
    b.ambassadors();
    b.learning();
    b.popups();
    b.intakes();
    b.teacher_outcomes();
    b.reference_lists();
    b.data.reindex();
    b.data
}

/// Writes `data` into `store` in one transaction, keeping the ids it has.
pub fn write(store: &Store, data: &Dataset) -> Result<(), StoreError> {
    store.write(|txn| {
        // Generated, not changed by anyone: no history.
        txn.without_history();
        macro_rules! put_all {
            ($($field:ident: $ty:ty),+ $(,)?) => {$(
                for r in &data.$field { txn.put(r)?; }
            )+};
        }
        crate::with_record_kinds!(put_all);
        Ok(())
    })
}

impl Builder {
    /// The chapter list (every chapter a person carries) and the team's two owners.
    fn reference_lists(&mut self) {
        let names: std::collections::BTreeSet<String> = self
            .data
            .employees
            .iter()
            .filter_map(|e| e.chapter.clone())
            .filter(|c| c != NO_CHAPTER)
            .collect();
        for (i, name) in names.into_iter().enumerate() {
            self.data.chapters.push(Chapter {
                id: i as Id + 1,
                name,
            });
        }
        for (i, name) in OWNERS.iter().enumerate() {
            self.data.owners.push(Owner {
                id: i as Id + 1,
                name: name.to_string(),
            });
        }
    }
}

struct Builder {
    data: Dataset,
    today: NaiveDate,
    /// Employees already given a role that must not repeat (a cohort place, a mentor).
    taken: std::collections::HashSet<Id>,
    /// Every employee by hire date, earliest first.
    by_hire: Vec<(NaiveDate, Id)>,
    /// Days the district is closed: nothing is scheduled then.
    closed: std::collections::HashSet<NaiveDate>,
}

impl Builder {
    /// Whether the district is open on `d`: a weekday that is not a closure.
    fn is_open(&self, d: NaiveDate) -> bool {
        is_weekday(d) && !self.closed.contains(&d)
    }

    /// `d`, or the next day the district is open.
    fn open_on_or_after(&self, mut d: NaiveDate) -> NaiveDate {
        while !self.is_open(d) {
            d += chrono::Duration::days(1);
        }
        d
    }
}

/// ASCII form of a name for emails and search keys ("García" -> "Garcia").
pub fn fold(text: &str) -> String {
    crate::text::fold(text)
}

#[cfg(test)]
mod tests;
