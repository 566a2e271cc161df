//! Working days: Monday to Friday, less the district's closures (holidays, breaks, snow days),
//! which the team keeps as a list so every rule counted in working days skips them.

use super::{FieldError, Id};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// A day the district is closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Closure {
    pub id: Id,
    #[serde(with = "crate::domain::dates")]
    pub date: NaiveDate,
    /// What it is: "Thanksgiving", "Winter break".
    pub name: String,
}

impl Closure {
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.name.trim().is_empty() {
            return Err(FieldError::new("name", "name the closure (e.g. Thanksgiving)"));
        }
        if matches!(self.date.weekday(), Weekday::Sat | Weekday::Sun) {
            return Err(FieldError::new(
                "date",
                "a weekend is never a working day; list only weekday closures",
            ));
        }
        Ok(())
    }
}

/// The closure dates, sorted, for counting working days.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Closures {
    dates: Vec<NaiveDate>,
    /// How many of `dates[..=i]` fall on a weekday, at `i`: the closures between two dates are
    /// counted with two lookups, not one look at each (the queue counts every open intake's
    /// working days).
    weekdays_to: Vec<u32>,
}

impl Closures {
    pub fn new(closures: &[Closure]) -> Self {
        let mut dates: Vec<NaiveDate> = closures.iter().map(|c| c.date).collect();
        dates.sort_unstable();
        dates.dedup();
        let weekdays_to = dates
            .iter()
            .scan(0, |weekdays, d| {
                *weekdays += u32::from(!matches!(d.weekday(), Weekday::Sat | Weekday::Sun));
                Some(*weekdays)
            })
            .collect();
        Closures { dates, weekdays_to }
    }

    /// Whether `date` is a working day: a weekday the district is open.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && self.dates.binary_search(&date).is_err()
    }

    /// Working days strictly after `from` up to and including `to` (0 when `to` is not later).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let weekdays = super::working_days_between(from, to);
        if weekdays == 0 {
            return 0;
        }
        let start = self.dates.partition_point(|d| *d <= from);
        let end = self.dates.partition_point(|d| *d <= to);
        let before = |i: usize| {
            i.checked_sub(1)
                .and_then(|i| self.weekdays_to.get(i))
                .copied()
                .unwrap_or(0)
        };
        let closed = before(end) - before(start);
        weekdays.saturating_sub(closed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn closure(date: NaiveDate) -> Closure {
        Closure {
            id: 0,
            date,
            name: "Thanksgiving".into(),
        }
    }

    #[test]
    fn closures_are_not_working_days() {
        // Thanksgiving 2024 (Thu 28) and the Friday after.
        let c = Closures::new(&[closure(d(2024, 11, 29)), closure(d(2024, 11, 28))]);
        assert!(!c.is_working_day(d(2024, 11, 28)));
        assert!(!c.is_working_day(d(2024, 11, 30)), "a Saturday");
        assert!(c.is_working_day(d(2024, 11, 27)));
        // Mon 25 .. Mon 2 Dec: Tue, Wed, Mon = 3 working days.
        assert_eq!(c.working_days_between(d(2024, 11, 25), d(2024, 12, 2)), 3);
        assert_eq!(
            Closures::default().working_days_between(d(2024, 11, 25), d(2024, 12, 2)),
            5
        );
        assert_eq!(c.working_days_between(d(2024, 12, 2), d(2024, 11, 25)), 0);
        // The start day itself is not counted, closed or not.
        assert_eq!(c.working_days_between(d(2024, 11, 28), d(2024, 11, 29)), 0);
    }

    #[test]
    fn a_closure_needs_a_name_and_a_weekday() {
        assert!(closure(d(2024, 11, 28)).validate().is_ok());
        assert_eq!(closure(d(2024, 11, 30)).validate().unwrap_err().field, "date");
        let mut c = closure(d(2024, 11, 28));
        c.name = " ".into();
        assert_eq!(c.validate().unwrap_err().field, "name");
    }
}
