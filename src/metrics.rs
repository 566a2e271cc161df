//! The monthly figures the team reports, counted from stored records by date (never typed in).

use crate::dataset::Dataset;
use crate::domain::{FiscalMonth, FiscalYear};
use chrono::NaiveDate;

/// One metric across the twelve fiscal months of a year.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    /// Column name in CSV: "new_relationships".
    pub key: &'static str,
    /// Row label for people: "New client relationships".
    pub label: &'static str,
    pub months: [u64; 12],
}

impl MetricRow {
    pub fn total(&self) -> u64 {
        self.months.iter().sum()
    }
}

/// Counts dates into fiscal months of `year`.
fn by_month(year: FiscalYear, dates: impl Iterator<Item = NaiveDate>) -> [u64; 12] {
    let mut months = [0u64; 12];
    for d in dates {
        if year.contains(d) {
            months[FiscalMonth::of(d).number as usize - 1] += 1;
        }
    }
    months
}

/// Every counted metric for `year`, in report order.
pub fn monthly(data: &Dataset, year: FiscalYear) -> Vec<MetricRow> {
    let pl_dates: std::collections::HashMap<u64, NaiveDate> =
        data.pl_sessions.iter().map(|s| (s.id, s.date)).collect();
    vec![
        MetricRow {
            key: "intakes",
            label: "Intakes received",
            months: by_month(year, data.intakes.iter().map(|i| i.received)),
        },
        MetricRow {
            key: "new_relationships",
            label: "New client relationships",
            months: by_month(year, data.intakes.iter().filter_map(|i| i.established_on())),
        },
        MetricRow {
            key: "consultations",
            label: "Consultations held",
            months: by_month(year, data.consultations.iter().map(|c| c.date)),
        },
        MetricRow {
            key: "pl_attendance",
            label: "PL attendance (people)",
            months: by_month(
                year,
                data.pl_attendance
                    .iter()
                    .filter_map(|a| pl_dates.get(&a.pl_session_id).copied()),
            ),
        },
        MetricRow {
            key: "pl_sessions",
            label: "PL sessions held",
            months: by_month(year, data.pl_sessions.iter().map(|s| s.date)),
        },
        MetricRow {
            key: "popup_events",
            label: "Pop-up events",
            months: by_month(year, data.popups.iter().map(|p| p.date)),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Intake, IntakeSource};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn counts_fall_in_fiscal_months_at_the_edges() {
        let mut data = Dataset::default();
        for date in [
            d(2024, 6, 30),
            d(2024, 7, 1),
            d(2024, 7, 31),
            d(2025, 6, 30),
            d(2025, 7, 1),
        ] {
            data.intakes.push(Intake::new(1, date, IntakeSource::Form));
        }
        let rows = monthly(&data, FiscalYear(2025));
        let intakes = &rows[0];
        assert_eq!(intakes.months[0], 2);
        assert_eq!(intakes.months[11], 1);
        assert_eq!(intakes.total(), 3);
    }
}
