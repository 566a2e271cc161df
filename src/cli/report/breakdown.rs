//! `pathways report breakdown --metric NAME --by chapter|race|location-type [--fy] [--as-of]
//! [--format text|csv]`: one metric's groups by fiscal month, the year to date and each group's
//! share, with the small-group rule applied (1-4 shown as `<5`, a second cell `*` where a sum
//! would give one away). Race is left out under `--private`.

use super::table::Table;
use crate::cli::Format;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::FiscalYear;
use pathways_core::metrics::{Breakdown, Dimension, GroupLine, Metric, Report, Total, monthly_as_of};

pub fn report(
    data: &Dataset,
    metric: Metric,
    by: Dimension,
    fy: Option<FiscalYear>,
    as_of: NaiveDate,
    format: Format,
    private: bool,
) -> Result<String, String> {
    if by.is_sensitive() && super::hides_race(private) {
        return Err(format!(
            "breakdown by {}: race is left out under --private",
            by.label()
        ));
    }
    let year = fy.unwrap_or_else(|| FiscalYear::of(as_of));
    let report = monthly_as_of(data, year, as_of);
    let b = Breakdown::of(&report, metric, by).ok_or_else(|| {
        let splits: Vec<&str> = Dimension::ALL
            .iter()
            .filter(|d| metric.breaks_down_by(**d))
            .map(|d| d.key())
            .collect();
        format!(
            "breakdown: {} do not split by {} ({})",
            metric.label(),
            by.label(),
            if splits.is_empty() {
                "they do not split at all".to_string()
            } else {
                format!("try --by {}", splits.join(" or --by "))
            }
        )
    })?;
    Ok(match format {
        Format::Text => text(&report, &b),
        Format::Csv => csv(&report, &b),
    })
}

fn share(line: &GroupLine) -> String {
    line.share.map(|s| format!("{s:.1}")).unwrap_or_default()
}

/// One row per group and month, and the `year_to_date` row of each group; `All` last.
fn csv(report: &Report, b: &Breakdown) -> String {
    let total = b.total();
    let by = b.dimension.key();
    let mut rows = Vec::new();
    for line in b.groups.iter().chain([&b.all]) {
        for (i, month) in report.year.months().iter().enumerate() {
            if !report.has_begun(i) {
                continue;
            }
            rows.push(vec![
                report.year.short_label(),
                month.label(),
                line.label.clone(),
                line.months[i].csv(total),
                String::new(),
            ]);
        }
        rows.push(vec![
            report.year.short_label(),
            "year_to_date".into(),
            line.label.clone(),
            line.fytd.csv(total),
            share(line),
        ]);
    }
    super::csv(
        &["fiscal_year", "month", by, b.metric.key(), "share_of_year"],
        rows,
    )
}

fn text(report: &Report, b: &Breakdown) -> String {
    let total = b.total();
    let year = report.year;
    let mut s = format!(
        "{} by {}, {} ({} to {}), counted {}\n\n",
        b.metric.label(),
        b.dimension.label(),
        year.short_label(),
        year.start(),
        year.end(),
        if report.elapsed == 12 {
            "for the whole year".to_string()
        } else {
            format!("to {}", report.today)
        }
    );
    let first = match b.dimension {
        Dimension::Chapter => "Chapter",
        Dimension::Race => "Race",
        Dimension::LocationType => "Location type",
    };
    let mut t = Table::new(0, 1).left(first);
    for m in year.months() {
        t = t.right(m.short_name());
    }
    t = t.right("FYTD").right("Share");
    for line in b.groups.iter().chain([&b.all]) {
        let mut cells = vec![line.label.clone()];
        for i in 0..12 {
            cells.push(if report.has_begun(i) {
                line.months[i].text(total)
            } else {
                "·".into()
            });
        }
        cells.push(if report.elapsed == 0 {
            "·".into()
        } else {
            line.fytd.text(total)
        });
        cells.push(match (total, line.share) {
            (Total::Rate, _) => String::new(),
            (_, Some(p)) => format!("{p:.1}%"),
            (_, None) => String::new(),
        });
        t.row(cells);
    }
    s.push_str(&t.render());
    s.push('\n');
    s.push_str(&super::wrap(
        &format!("How it is counted: {}.", b.metric.rule()),
        0,
    ));
    s.push_str(&super::wrap(
        "Small groups: a count of 1 to 4 is shown as <5; where a total would give one away, a \
         second cell is shown as * as well. Share: each group's part of the year to date. \
         \"not recorded\": records whose person (or place) is not on file.",
        0,
    ));
    s
}
