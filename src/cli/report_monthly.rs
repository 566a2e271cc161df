//! `pathways report monthly [--fy 2025] [--format text|csv]`: the monthly metrics of a fiscal year.
//! CSV: a header, then one row per fiscal month in fiscal order (July first), one column per
//! metric. Text: the same figures turned for reading, one line per metric, as the tab shows them.

use super::Format;
use chrono::NaiveDate;
use pathways_core::domain::FiscalYear;
use pathways_core::metrics::{
    Metric, Report, YearCount, monthly_as_of, teacher_pl_attendance, teachers_by_year,
};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(db: &Path, today: NaiveDate, fy: Option<i32>, format: Format) -> ExitCode {
    if let Some(y) = fy
        && !(1950..=2200).contains(&y)
    {
        return super::fail(format!(
            "--fy {y}: name the fiscal year by the year it ends in, e.g. --fy 2025 for FY25 (July 2024 to June 2025)"
        ));
    }
    let data = match super::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let year = fy.map(FiscalYear).unwrap_or_else(|| FiscalYear::of(today));
    let report = monthly_as_of(&data, year, today);
    let out = match format {
        Format::Csv => csv(&report),
        Format::Text => Ok(text(
            &report,
            &teachers_by_year(&data, today),
            teacher_pl_attendance(&data, year, today),
        )),
    };
    match out {
        Ok(s) => {
            let mut stdout = super::out::stdout();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = stdout.write_all(s.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(format!("report monthly: {e}")),
    }
}

/// The CSV: `month` (YYYY-MM) then every metric's key; months not yet begun have empty cells.
pub fn csv(report: &Report) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["month"];
    header.extend(Metric::ALL.iter().map(|m| m.key()));
    w.write_record(&header)?;
    for (i, month) in report.year.months().iter().enumerate() {
        let mut record = vec![month.label()];
        for row in &report.rows {
            record.push(if report.has_begun(i) {
                row.this.months[i].csv(row.total())
            } else {
                String::new()
            });
        }
        w.write_record(&record)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
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
    let label_width = Metric::ALL.iter().map(|m| m.label().len()).max().unwrap_or(20);
    s.push_str(&format!("{:<label_width$}", "Metric"));
    for m in year.months() {
        s.push_str(&format!(" {:>5}", m.short_name()));
    }
    s.push_str(&format!(" {:>6} {:>9}\n", "FYTD", format!("{previous}*")));
    for row in &report.rows {
        let total = row.total();
        s.push_str(&format!("{:<label_width$}", row.metric.label()));
        for i in 0..12 {
            let cell = if report.has_begun(i) {
                row.this.months[i].cell(total)
            } else {
                "·".into()
            };
            s.push_str(&format!(" {cell:>5}"));
        }
        let fytd = if report.elapsed == 0 {
            "·".into()
        } else {
            row.this.fytd.cell(total)
        };
        let any = row.previous_has_data[..report.elapsed].iter().any(|b| *b);
        let before = if any {
            row.previous.fytd.cell(total)
        } else {
            "—".into()
        };
        s.push_str(&format!(" {fytd:>6} {before:>9}\n"));
    }
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
        s.push_str(&format!("  {:<label_width$}  {}\n", m.label(), m.rule()));
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
    format!(
        "Became teachers by fiscal year: {became}; at teacher-pathway information sessions (PL) in {}: {teacher_pl}.\n",
        report.year.short_label()
    )
}
