//! The district's fiscal calendar: FY runs 1 July .. 30 June and is named by the year it ends in.

use chrono::{Datelike, NaiveDate};

/// A fiscal year, named by the calendar year it ends in (FY25 = 2024-07-01 .. 2025-06-30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    pub fn of(date: NaiveDate) -> Self {
        if date.month() >= 7 {
            FiscalYear(date.year() + 1)
        } else {
            FiscalYear(date.year())
        }
    }

    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 - 1, 7, 1).expect("July 1 always exists")
    }

    pub fn end(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 6, 30).expect("June 30 always exists")
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        date >= self.start() && date <= self.end()
    }

    /// The twelve fiscal months in fiscal order (July first).
    pub fn months(self) -> [FiscalMonth; 12] {
        std::array::from_fn(|i| FiscalMonth {
            year: self,
            number: i as u8 + 1,
        })
    }

    pub fn previous(self) -> Self {
        FiscalYear(self.0 - 1)
    }

    pub fn next(self) -> Self {
        FiscalYear(self.0 + 1)
    }

    /// A fiscal year as people write it: `2025`, `25`, `FY25`, `FY2025` (any case), all FY25.
    pub fn parse(text: &str) -> Result<FiscalYear, String> {
        let t = text.trim();
        let digits = t
            .strip_prefix("FY")
            .or_else(|| t.strip_prefix("fy"))
            .or_else(|| t.strip_prefix("Fy"))
            .unwrap_or(t);
        let year = match digits.parse::<i32>() {
            Ok(y) if digits.len() == 2 => 2000 + y,
            Ok(y) if digits.len() == 4 && (1950..=2200).contains(&y) => y,
            _ => {
                return Err(format!(
                    "\"{}\" is not a fiscal year; name it by the year it ends in: 2025 (or 25, FY25) is July 2024 to June 2025",
                    super::truncate_for_message(t)
                ));
            }
        };
        Ok(FiscalYear(year))
    }

    /// "FY25"
    pub fn short_label(self) -> String {
        format!("FY{:02}", self.0.rem_euclid(100))
    }
}

/// One label everywhere, screens and reports alike: "FY27".
impl std::fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.short_label())
    }
}

/// A month of a fiscal year: number 1 is July, 12 is June.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalMonth {
    pub year: FiscalYear,
    pub number: u8,
}

impl FiscalMonth {
    pub fn of(date: NaiveDate) -> Self {
        let number = ((date.month() + 5) % 12 + 1) as u8;
        FiscalMonth {
            year: FiscalYear::of(date),
            number,
        }
    }

    /// Calendar (year, month) of this fiscal month.
    pub fn calendar(self) -> (i32, u32) {
        let month = (self.number as u32 + 5) % 12 + 1;
        let year = if month >= 7 { self.year.0 - 1 } else { self.year.0 };
        (year, month)
    }

    pub fn first_day(self) -> NaiveDate {
        let (y, m) = self.calendar();
        NaiveDate::from_ymd_opt(y, m, 1).expect("day 1 always exists")
    }

    pub fn last_day(self) -> NaiveDate {
        let (y, m) = self.calendar();
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        NaiveDate::from_ymd_opt(ny, nm, 1)
            .and_then(|d| d.pred_opt())
            .expect("valid month")
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        date >= self.first_day() && date <= self.last_day()
    }

    /// "2024-07"
    pub fn label(self) -> String {
        let (y, m) = self.calendar();
        format!("{y:04}-{m:02}")
    }

    /// "Jul"
    pub fn short_name(self) -> &'static str {
        const NAMES: [&str; 12] = [
            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
        ];
        NAMES[(self.number.clamp(1, 12) - 1) as usize]
    }

    /// The same fiscal month one year earlier.
    pub fn year_before(self) -> Self {
        FiscalMonth {
            year: self.year.previous(),
            number: self.number,
        }
    }
}

/// Whole months and days between two dates, as "3 years 2 months" counts them.
/// Returns (years, months) completed from `from` to `to`; zero if `to` is before `from`.
pub fn years_months_between(from: NaiveDate, to: NaiveDate) -> (u32, u32) {
    if to < from {
        return (0, 0);
    }
    let mut total = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() && !is_month_end_catchup(from, to) {
        total -= 1;
    }
    let total = total.max(0) as u32;
    (total / 12, total % 12)
}

/// Someone hired on Feb 29 completes a year on Feb 28 of a common year: the anniversary falls on
/// the last day of a shorter month.
fn is_month_end_catchup(from: NaiveDate, to: NaiveDate) -> bool {
    let last_of_to_month = FiscalMonth::of(to).last_day();
    to == last_of_to_month && from.day() > to.day()
}

/// Full years completed from `from` to `to` (anniversary counts as completed).
pub fn full_years_between(from: NaiveDate, to: NaiveDate) -> u32 {
    years_months_between(from, to).0
}

/// The date `months` calendar months after `date`, clamped to the month's end (Jan 31 + 1 = Feb 28/29).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// "3 years 2 months", "1 year", "5 months"
pub fn describe_years_months(years: u32, months: u32) -> String {
    let y = match years {
        1 => "1 year".to_string(),
        n => format!("{n} years"),
    };
    match months {
        0 => y,
        1 => format!("{y} 1 month"),
        m => format!("{y} {m} months"),
    }
}

/// The day in calendar year `year` that falls where `date` falls in its month: the same weekday
/// of the same week (2024-11-21, the third Thursday of November, is 2025-11-20 in 2025), or the
/// last such weekday when `date` is its month's last (2024-10-30, the last Wednesday, is
/// 2025-10-29). A schedule moved to another year keeps its weekdays.
pub fn same_weekday_in_year(date: NaiveDate, year: i32) -> NaiveDate {
    let weekday = date.weekday();
    let is_last = (date + chrono::Duration::days(7)).month() != date.month();
    let nth = if is_last {
        // Five of that weekday in the target month, or four.
        if NaiveDate::from_weekday_of_month_opt(year, date.month(), weekday, 5).is_some() {
            5
        } else {
            4
        }
    } else {
        (date.day() - 1) / 7 + 1
    };
    NaiveDate::from_weekday_of_month_opt(year, date.month(), weekday, nth as u8).unwrap_or(date)
}

/// Monday to Friday.
pub fn is_weekday(date: NaiveDate) -> bool {
    date.weekday().number_from_monday() <= 5
}

/// `date`, or the Monday after it when it falls on a weekend.
pub fn weekday_on_or_after(date: NaiveDate) -> NaiveDate {
    match date.weekday().number_from_monday() {
        6 => date + chrono::Duration::days(2),
        7 => date + chrono::Duration::days(1),
        _ => date,
    }
}

/// Working days (Mon-Fri) strictly after `from` up to and including `to`.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    use chrono::Weekday;
    if to <= from {
        return 0;
    }
    let days = (to - from).num_days();
    let full_weeks = days / 7;
    let mut count = full_weeks * 5;
    let mut d = from + chrono::Duration::days(full_weeks * 7);
    while d < to {
        d = d.succ_opt().unwrap_or(d);
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            count += 1;
        }
    }
    count as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn fiscal_year_edges() {
        assert_eq!(FiscalYear::of(d(2024, 6, 30)), FiscalYear(2024));
        assert_eq!(FiscalYear::of(d(2024, 7, 1)), FiscalYear(2025));
        assert_eq!(FiscalYear(2025).start(), d(2024, 7, 1));
        assert_eq!(FiscalYear(2025).end(), d(2025, 6, 30));
        assert!(FiscalYear(2025).contains(d(2025, 6, 30)));
        assert!(!FiscalYear(2025).contains(d(2025, 7, 1)));
        assert_eq!(FiscalYear(2025).short_label(), "FY25");
        assert_eq!(FiscalYear(2027).to_string(), "FY27", "one label everywhere");
    }

    #[test]
    fn fiscal_years_as_people_write_them() {
        for text in ["2025", "25", "FY25", "fy2025", " FY25 "] {
            assert_eq!(FiscalYear::parse(text), Ok(FiscalYear(2025)), "{text}");
        }
        for text in ["", "2025-26", "1234", "125", "FY", "next"] {
            let e = FiscalYear::parse(text).unwrap_err();
            assert!(e.contains("year it ends in"), "{text}: {e}");
        }
    }

    #[test]
    fn fiscal_months_in_order() {
        let months = FiscalYear(2025).months();
        assert_eq!(months[0].label(), "2024-07");
        assert_eq!(months[5].label(), "2024-12");
        assert_eq!(months[6].label(), "2025-01");
        assert_eq!(months[11].label(), "2025-06");
        assert_eq!(FiscalMonth::of(d(2024, 7, 1)).number, 1);
        assert_eq!(FiscalMonth::of(d(2025, 6, 30)).number, 12);
        assert_eq!(FiscalMonth::of(d(2025, 1, 15)).number, 7);
        for m in months {
            assert_eq!(FiscalMonth::of(m.first_day()), m);
            assert_eq!(FiscalMonth::of(m.last_day()), m);
        }
    }

    #[test]
    fn leap_years() {
        // FY24 holds Feb 29 2024; FY25's February has 28 days.
        let feb24 = FiscalMonth::of(d(2024, 2, 10));
        assert_eq!(feb24.year, FiscalYear(2024));
        assert_eq!(feb24.last_day(), d(2024, 2, 29));
        assert_eq!(FiscalMonth::of(d(2025, 2, 10)).last_day(), d(2025, 2, 28));
        assert_eq!(add_months(d(2024, 2, 29), 12), d(2025, 2, 28));
        assert_eq!(add_months(d(2023, 3, 31), 11), d(2024, 2, 29));
    }

    #[test]
    fn years_and_months() {
        assert_eq!(years_months_between(d(2020, 1, 15), d(2025, 1, 15)), (5, 0));
        assert_eq!(years_months_between(d(2020, 1, 15), d(2025, 1, 14)), (4, 11));
        assert_eq!(years_months_between(d(2021, 11, 1), d(2025, 1, 31)), (3, 2));
        // Feb 29 hire completes a year on Feb 28 of a common year.
        assert_eq!(years_months_between(d(2020, 2, 29), d(2021, 2, 28)), (1, 0));
        assert_eq!(years_months_between(d(2025, 1, 1), d(2024, 1, 1)), (0, 0));
        assert_eq!(describe_years_months(3, 2), "3 years 2 months");
        assert_eq!(describe_years_months(1, 0), "1 year");
    }

    #[test]
    fn a_schedule_moved_to_another_year_keeps_its_weekdays() {
        // The FY25 leadership sessions, moved to FY26 and to FY24.
        let fy25 = [
            d(2024, 10, 30),
            d(2024, 11, 21),
            d(2024, 12, 19),
            d(2025, 1, 16),
            d(2025, 2, 20),
            d(2025, 3, 19),
            d(2025, 4, 24),
            d(2025, 5, 21),
        ];
        let fy26 = [
            d(2025, 10, 29),
            d(2025, 11, 20),
            d(2025, 12, 18),
            d(2026, 1, 15),
            d(2026, 2, 19),
            d(2026, 3, 18),
            d(2026, 4, 30),
            d(2026, 5, 20),
        ];
        for (a, b) in fy25.iter().zip(fy26) {
            let moved = same_weekday_in_year(*a, a.year() + 1);
            assert_eq!(moved, b, "{a}");
            assert_eq!(moved.weekday(), a.weekday());
            assert_eq!(same_weekday_in_year(*a, a.year() - 1).weekday(), a.weekday());
            assert_eq!(same_weekday_in_year(*a, a.year()), *a);
        }
        // The last Wednesday of October is the fifth in 2024 and the fourth in 2023.
        assert_eq!(same_weekday_in_year(d(2024, 10, 30), 2023), d(2023, 10, 25));
        assert!(is_weekday(d(2024, 12, 13)) && !is_weekday(d(2024, 12, 14)));
        assert_eq!(weekday_on_or_after(d(2024, 12, 14)), d(2024, 12, 16));
        assert_eq!(weekday_on_or_after(d(2024, 12, 15)), d(2024, 12, 16));
        assert_eq!(weekday_on_or_after(d(2024, 12, 13)), d(2024, 12, 13));
    }

    #[test]
    fn working_days() {
        // Fri 2024-11-01 -> Fri 2024-11-08 is 5 working days.
        assert_eq!(working_days_between(d(2024, 11, 1), d(2024, 11, 8)), 5);
        assert_eq!(working_days_between(d(2024, 11, 1), d(2024, 11, 3)), 0);
        assert_eq!(working_days_between(d(2024, 11, 1), d(2024, 11, 4)), 1);
        assert_eq!(working_days_between(d(2024, 11, 4), d(2024, 11, 4)), 0);
    }
}
