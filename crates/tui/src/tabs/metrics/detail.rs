//! The three lines under the metrics table: the selected month against the same month a year
//! before, the year to date against the same months a year before, and the counting rule.

use super::MetricsTab;
use crate::theme::Theme;
use pathways_core::metrics::{Figure, Report, Series, Total};
use ratatui::text::{Line, Span};

/// Three lines under the table: the selected month against a year before, the year to date
/// against the same months a year before, and how the metric is counted.
pub fn lines(tab: &MetricsTab, theme: &Theme) -> Vec<Line<'static>> {
    let report = &tab.report;
    let Some(row) = tab.selected() else {
        return vec![Line::from(Span::styled(
            " no metric matches the filter",
            theme.muted,
        ))];
    };
    let [line1, line2] = compare(
        report,
        tab.month,
        row.total(),
        (&row.this, &row.previous),
        &row.previous_has_data,
        theme,
    );
    let line3 = Line::from(Span::styled(
        format!("   {}: {}", row.metric.label(), row.metric.rule()),
        theme.muted,
    ));
    vec![line1, line2, line3]
}

/// The selected month against the same month a year before, and the year to date against the
/// same months a year before, for a metric or one group of a breakdown.
pub fn compare(
    report: &Report,
    month: usize,
    total: Total,
    (this, previous): (&Series, &Series),
    has_data: &[bool; 12],
    theme: &Theme,
) -> [Line<'static>; 2] {
    let m = report.month(month);
    let prev_m = m.year_before();
    let (y, mo) = m.calendar();
    let month_name = |y: i32, mo: u32| {
        chrono::NaiveDate::from_ymd_opt(y, mo, 1)
            .map(|d| d.format("%b %Y").to_string())
            .unwrap_or_default()
    };
    let (py, pmo) = prev_m.calendar();
    let this_cell = if report.has_begun(month) {
        this.months[month].cell(total)
    } else {
        "not begun".into()
    };
    let prev_known = report.previous_has_begun(month) && has_data[month];
    let prev_cell = if prev_known {
        previous.months[month].cell(total)
    } else {
        "no data".into()
    };
    let month_change = if prev_known && report.has_begun(month) {
        change(this.months[month], previous.months[month], total)
    } else {
        String::new()
    };
    let line1 = vec![
        Span::styled(format!(" ▸ {}: ", month_name(y, mo)), theme.important),
        Span::raw(this_cell),
        Span::styled(format!("   {}: ", month_name(py, pmo)), theme.muted),
        Span::raw(format!("{prev_cell}{month_change}")),
    ];
    let any_prev = has_data[..report.elapsed].iter().any(|b| *b);
    let ytd_label = match total {
        Total::Latest => "latest",
        _ => "to date",
    };
    let line2 = if report.elapsed == 0 {
        vec![Span::styled(
            format!("   {} has not begun", report.year),
            theme.muted,
        )]
    } else {
        let prev = if any_prev {
            format!(
                "{}{}",
                previous.fytd.cell(total),
                change(this.fytd, previous.fytd, total)
            )
        } else {
            "no data".into()
        };
        vec![
            Span::styled(
                format!(
                    "   {} {ytd_label} ({}): ",
                    report.year.short_label(),
                    report.fytd_span()
                ),
                theme.muted,
            ),
            Span::raw(this.fytd.cell(total)),
            Span::styled(
                format!("   {} same months: ", report.year.previous().short_label()),
                theme.muted,
            ),
            Span::raw(prev),
        ]
    };
    [Line::from(line1), Line::from(line2)]
}

/// " (+3)", " (−2)", " (=)"; for a rate, in percentage points.
fn change(now: Figure, before: Figure, total: Total) -> String {
    let diff = match total {
        Total::Rate => match (now.percent(), before.percent()) {
            (Some(a), Some(b)) => (a - b).round() as i64,
            _ => return String::new(),
        },
        _ => now.count as i64 - before.count as i64,
    };
    let unit = if total == Total::Rate { " pts" } else { "" };
    match diff {
        0 => " (=)".into(),
        d if d > 0 => format!(" (+{d}{unit})"),
        d => format!(" (−{}{unit})", -d),
    }
}
