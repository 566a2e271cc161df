//! The demo's district closures: the usual US school-year holidays, weekdays only.

use crate::domain::{Closure, FiscalYear, Id};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The `n`th `weekday` of a month (n = 1 is the first); `n = 0` is the last.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    if n == 0 {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        }?;
        let mut d = next.pred_opt()?;
        while d.weekday() != weekday {
            d = d.pred_opt()?;
        }
        return Some(d);
    }
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n as u8)
}

/// Every weekday closure of fiscal years `from` through `to`.
pub fn closures(from: FiscalYear, to: FiscalYear) -> Vec<Closure> {
    let mut out: Vec<(NaiveDate, &str)> = Vec::new();
    for fy in from.0..=to.0 {
        let (fall, spring) = (fy - 1, fy);
        let mut add = |d: Option<NaiveDate>, name: &'static str| {
            if let Some(d) = d {
                out.push((d, name));
            }
        };
        add(NaiveDate::from_ymd_opt(fall, 7, 4), "Independence Day");
        add(nth_weekday(fall, 9, Weekday::Mon, 1), "Labor Day");
        let thanksgiving = nth_weekday(fall, 11, Weekday::Thu, 4);
        add(thanksgiving, "Thanksgiving");
        add(thanksgiving.map(|d| d + Duration::days(1)), "Thanksgiving break");
        let mut d = NaiveDate::from_ymd_opt(fall, 12, 24);
        while let Some(day) = d.filter(|day| *day <= NaiveDate::from_ymd_opt(spring, 1, 1).unwrap_or(*day)) {
            add(Some(day), "Winter break");
            d = day.succ_opt();
        }
        add(
            nth_weekday(spring, 1, Weekday::Mon, 3),
            "Martin Luther King Jr. Day",
        );
        add(nth_weekday(spring, 2, Weekday::Mon, 3), "Presidents' Day");
        add(nth_weekday(spring, 5, Weekday::Mon, 0), "Memorial Day");
        add(NaiveDate::from_ymd_opt(spring, 6, 19), "Juneteenth");
    }
    out.retain(|(d, _)| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun));
    out.sort_by_key(|(d, _)| *d);
    out.dedup_by_key(|(d, _)| *d);
    out.into_iter()
        .enumerate()
        .map(|(i, (date, name))| Closure {
            id: i as Id + 1,
            date,
            name: name.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fy25_closures_fall_on_weekdays_on_the_right_days() {
        let c = closures(FiscalYear(2025), FiscalYear(2025));
        let on = |name: &str| {
            c.iter()
                .filter(|c| c.name == name)
                .map(|c| c.date)
                .collect::<Vec<_>>()
        };
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(on("Labor Day"), [d(2024, 9, 2)]);
        assert_eq!(on("Thanksgiving"), [d(2024, 11, 28)]);
        assert_eq!(on("Memorial Day"), [d(2025, 5, 26)]);
        assert_eq!(on("Winter break").len(), 7, "Dec 24-27, 30, 31, Jan 1");
        assert!(c.iter().all(|c| c.validate().is_ok()));
    }
}
