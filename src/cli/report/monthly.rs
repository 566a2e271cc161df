//! `pathways report monthly [--fy 2025] [--as-of DATE] [--format text|csv]`: the monthly metrics of a fiscal year.
//! CSV: a header, then one row per fiscal month in fiscal order (July first), one column per
//! metric. Text: the same figures turned for reading, one line per metric, as the tab shows them.

use super::table::Table;
use crate::cli::Format;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::FiscalYear;
use pathways_core::metrics::{
    Metric, Report, YearCount, monthly_as_of, teacher_pl_attendance, teachers_by_year,
};

/// The monthly figures of `fy` (default: the fiscal year `as_of` is in), counted to `as_of`.
pub fn report(data: &Dataset, as_of: NaiveDate, fy: Option<FiscalYear>, format: Format) -> String {
    let year = fy.unwrap_or_else(|| FiscalYear::of(as_of));
    let report = monthly_as_of(data, year, as_of);
    match format {
        Format::Csv => csv(&report),
        Format::Text => text(
            &report,
            &teachers_by_year(data, as_of),
            teacher_pl_attendance(data, year, as_of),
        ),
    }
}

/// The CSV: `month` (YYYY-MM) then every metric's key; months not yet begun have empty cells.
pub fn csv(report: &Report) -> String {
    let mut header = vec!["month"];
    header.extend(Metric::ALL.iter().map(|m| m.key()));
    let rows = report.year.months().into_iter().enumerate().map(|(i, month)| {
        let mut record = vec![month.label()];
        for row in &report.rows {
            record.push(if report.has_begun(i) {
                row.this.months[i].csv(row.total())
            } else {
                String::new()
            });
        }
        record
    });
    super::csv(&header, rows)
}

/// The table for people: metrics down, fiscal months across, the year to date, and the same
/// months of the previous year.
pub fn text(report: &Report, teachers: &[YearCount], teacher_pl: u64) -> String {
    let year = report.year;
    let previous = year.previous().short_label();
    let mut s = format!(
        "Monthly metrics, {} ({} to {}), counted {}\n\n",
        year,
        year.start(),
        year.end(),
        if report.elapsed == 12 {
            "for the whole year".to_string()
        } else {
            format!("to {}", report.today)
        }
    );
    let prev_header = format!("{previous}*");
    let mut t = Table::new(0, 1).left("Metric");
    for m in year.months() {
        t = t.right(m.short_name());
    }
    t = t.right("FYTD").right(&prev_header);
    for row in &report.rows {
        let total = row.total();
        let mut cells = vec![row.metric.label().to_string()];
        for i in 0..12 {
            cells.push(if report.has_begun(i) {
                row.this.months[i].cell(total)
            } else {
                "·".into()
            });
        }
        cells.push(if report.elapsed == 0 {
            "·".into()
        } else {
            row.this.fytd.cell(total)
        });
        let any = row.previous_has_data[..report.elapsed].iter().any(|b| *b);
        cells.push(if any {
            row.previous.fytd.cell(total)
        } else {
            "—".into()
        });
        t.row(cells);
    }
    s.push_str(&t.render());
    s.push_str(&format!(
        "\nFYTD: {} ({}); {previous}*: the same months of {} (— where the records do not reach back).\n\
         · = month not begun. Ambassadors and employees covered: the latest month end, not a sum.\n",
        year.short_label(),
        report.fytd_span(),
        year.previous()
    ));
    s.push_str(&teachers_line(teachers, report, teacher_pl));
    s.push_str("\nHow each is counted:\n");
    for m in Metric::ALL {
        s.push_str(&super::wrap(&format!("{}: {}", m.label(), m.rule()), 2));
    }
    s
}

/// "Became teachers by fiscal year: FY24 4 · FY25 10 (+150.0%) · …; at teacher-pathway PL in
/// FY25: 95": each year and the change from the year before, as the booklet reports them.
fn teachers_line(years: &[YearCount], report: &Report, teacher_pl: u64) -> String {
    let parts: Vec<String> = years
        .iter()
        .map(|y| {
            let change = y.change.map(|c| format!(" ({c:+.1}%)")).unwrap_or_default();
            let so_far = if y.to_date { " so far" } else { "" };
            format!("{} {}{change}{so_far}", y.year.short_label(), y.count)
        })
        .collect();
    let became = if parts.is_empty() {
        "none recorded".to_string()
    } else {
        parts.join(" · ")
    };
    super::wrap(
        &format!(
            "Became teachers by fiscal year: {became}; at teacher-pathway information sessions (PL) in {}: {teacher_pl}.",
            report.year.short_label()
        ),
        0,
    )
}
