//! One metric split by chapter, race or location type, as it may be shown: the small-group rule
//! (`domain::small_groups`) applied over the whole grid of groups by fiscal month, with the `All`
//! row (each month's total) and the year-to-date column (each group's total) as the sums the
//! grid shows. The metrics tab, `report breakdown` and the booklet all read this.

use super::{Dimension, Figure, Metric, MetricRow, Report, Series, Total};
use crate::domain::{Shown, Sum, suppress_table};

/// One figure of a breakdown and whether it may be shown. For a rate the rule applies to the
/// number of marks it is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub figure: Figure,
    pub shown: Shown,
}

impl Cell {
    /// The cell as the table shows it: the figure, or `<5` / `*`.
    pub fn text(self, total: Total) -> String {
        match self.shown {
            Shown::Count(_) => self.figure.cell(total),
            hidden => hidden.count_text(),
        }
    }

    /// The cell for a CSV file: the figure (a rate with one decimal), or `<5` / `*`.
    pub fn csv(self, total: Total) -> String {
        match self.shown {
            Shown::Count(_) => self.figure.csv(total),
            hidden => hidden.count_text(),
        }
    }
}

/// One group's months and year to date.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupLine {
    pub label: String,
    pub months: [Cell; 12],
    pub fytd: Cell,
    /// The group's share of the year to date (0..100), when both counts may be shown; never for
    /// a rate.
    pub share: Option<f64>,
}

/// A metric by one dimension, this year and the same months a year before.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub metric: Metric,
    pub dimension: Dimension,
    pub groups: Vec<GroupLine>,
    /// Every record: each month's total.
    pub all: GroupLine,
    /// The same groups (same order) in the previous fiscal year, and their `All`.
    pub previous: Vec<GroupLine>,
    pub previous_all: GroupLine,
}

impl Breakdown {
    /// `None` where the metric does not split by `dimension` (a pop-up has no chapter).
    pub fn of(report: &Report, metric: Metric, dimension: Dimension) -> Option<Breakdown> {
        if !metric.breaks_down_by(dimension) {
            return None;
        }
        let row: &MetricRow = report.row(metric);
        let d = dimension.index();
        let labels: Vec<String> = row.groups[d]
            .iter()
            .map(|(g, _)| report.group_labels[d].get(*g).cloned().unwrap_or_default())
            .collect();
        let this: Vec<&Series> = row.groups[d].iter().map(|(_, s)| s).collect();
        let before: Vec<&Series> = row.groups_previous[d].iter().collect();
        let (groups, all) = grid(metric.total(), &labels, &this, &row.this);
        let (previous, previous_all) = grid(metric.total(), &labels, &before, &row.previous);
        Some(Breakdown {
            metric,
            dimension,
            groups,
            all,
            previous,
            previous_all,
        })
    }

    pub fn total(&self) -> Total {
        self.metric.total()
    }
}

/// The number the rule is about: people (or events) for a count, the marks behind a rate.
fn counted(f: Figure, total: Total) -> u64 {
    match total {
        Total::Rate => f.of,
        _ => f.count,
    }
}

/// Groups and the All line, the rule applied: 13 cells a line (12 months, then the year to
/// date); every column adds up to the All line; for sums and rates each line's months add up to
/// its year to date as well.
fn grid(total: Total, labels: &[String], groups: &[&Series], all: &Series) -> (Vec<GroupLine>, GroupLine) {
    const WIDTH: usize = 13;
    let lines: Vec<&Series> = groups.iter().copied().chain([all]).collect();
    let figure = |s: &Series, c: usize| if c < 12 { s.months[c] } else { s.fytd };
    let counts: Vec<u64> = lines
        .iter()
        .flat_map(|s| (0..WIDTH).map(move |c| counted(figure(s, c), total)))
        .collect();
    let at = |line: usize, c: usize| line * WIDTH + c;
    let all_line = groups.len();
    let mut sums: Vec<Sum> = (0..WIDTH)
        .map(|c| Sum {
            parts: (0..all_line).map(|g| at(g, c)).collect(),
            total: at(all_line, c),
        })
        .collect();
    if matches!(total, Total::Sum | Total::Rate) {
        sums.extend((0..lines.len()).map(|l| Sum {
            parts: (0..12).map(|c| at(l, c)).collect(),
            total: at(l, 12),
        }));
    }
    let shown = suppress_table(&counts, &sums);
    let all_fytd = all.fytd;
    let all_fytd_shown = shown[at(all_line, 12)];
    let mut out: Vec<GroupLine> = lines
        .iter()
        .enumerate()
        .map(|(l, s)| {
            let cell = |c: usize| Cell {
                figure: figure(s, c),
                shown: shown[at(l, c)],
            };
            let fytd = cell(12);
            let share = match (total, fytd.shown, all_fytd_shown) {
                (Total::Rate, _, _) => None,
                (_, Shown::Count(n), Shown::Count(whole)) if whole > 0 => {
                    Some(n as f64 * 100.0 / whole as f64)
                }
                _ => None,
            };
            GroupLine {
                label: labels.get(l).cloned().unwrap_or_else(|| "All".into()),
                months: std::array::from_fn(cell),
                fytd,
                share,
            }
        })
        .collect();
    let all_line = out.pop().unwrap_or(GroupLine {
        label: "All".into(),
        months: [Cell {
            figure: Figure::default(),
            shown: Shown::Count(0),
        }; 12],
        fytd: Cell {
            figure: all_fytd,
            shown: all_fytd_shown,
        },
        share: None,
    });
    (out, all_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(months: [u64; 12]) -> Series {
        let mut s = Series::default();
        for (i, n) in months.iter().enumerate() {
            s.months[i] = Figure { count: *n, of: 0 };
            s.fytd.count += n;
        }
        s
    }

    #[test]
    fn a_small_month_hides_a_second_cell_in_its_line_and_column() {
        let a = series([3, 10, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let b = series([9, 20, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let mut all = series([12, 30, 27, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        all.fytd.count = 69;
        let labels = vec!["Fiscal".to_string(), "Transportation".to_string()];
        let (groups, all) = grid(Total::Sum, &labels, &[&a, &b], &all);
        assert_eq!(groups[0].months[0].text(Total::Sum), "<5");
        // Its column: the other group's July is withheld; its line: the next smallest month.
        assert_eq!(groups[1].months[0].text(Total::Sum), "*");
        assert_eq!(groups[0].months[1].text(Total::Sum), "*");
        assert_eq!(all.months[0].text(Total::Sum), "12");
        assert_eq!(all.label, "All");
        // Shares only where both counts may be shown.
        let shown: Vec<bool> = groups.iter().map(|g| g.share.is_some()).collect();
        for (g, s) in groups.iter().zip(shown) {
            assert_eq!(s, !g.fytd.shown.is_hidden());
        }
        assert_eq!(all.share, Some(100.0));
    }
}
