//! The three lines under the metrics table: the selected month against the same month a year
//! before, the year to date against the same months a year before, and the counting rule.

use crate::app::App;
use crate::metrics::{Figure, Total};
use crate::ui::Theme;
use ratatui::text::{Line, Span};

/// Three lines under the table: the selected month against a year before, the year to date
/// against the same months a year before, and how the metric is counted.
pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let tab = &app.metrics;
    let report = &tab.report;
    let Some(row) = tab.selected() else {
        return vec![Line::from(Span::styled(
            " no metric matches the filter",
            theme.muted,
        ))];
    };
    let total = row.total();
    let m = report.month(tab.month);
    let prev_m = m.year_before();
    let (y, mo) = m.calendar();
    let month_name = |y: i32, mo: u32| {
        chrono::NaiveDate::from_ymd_opt(y, mo, 1)
            .map(|d| d.format("%b %Y").to_string())
            .unwrap_or_default()
    };
    let (py, pmo) = prev_m.calendar();
    let this_cell = if report.has_begun(tab.month) {
        row.this.months[tab.month].cell(total)
    } else {
        "not begun".into()
    };
    let prev_known = report.previous_has_begun(tab.month) && row.previous_has_data[tab.month];
    let prev_cell = if prev_known {
        row.previous.months[tab.month].cell(total)
    } else {
        "no data".into()
    };
    let month_change = if prev_known && report.has_begun(tab.month) {
        change(row.this.months[tab.month], row.previous.months[tab.month], total)
    } else {
        String::new()
    };
    let line1 = vec![
        Span::styled(format!(" ▸ {}: ", month_name(y, mo)), theme.important),
        Span::raw(this_cell),
        Span::styled(format!("   {}: ", month_name(py, pmo)), theme.muted),
        Span::raw(format!("{prev_cell}{month_change}")),
    ];
    let any_prev = row.previous_has_data[..report.elapsed].iter().any(|b| *b);
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
                row.previous.fytd.cell(total),
                change(row.this.fytd, row.previous.fytd, total)
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
            Span::raw(row.this.fytd.cell(total)),
            Span::styled(
                format!("   {} same months: ", report.year.previous().short_label()),
                theme.muted,
            ),
            Span::raw(prev),
        ]
    };
    let line3 = Line::from(Span::styled(
        format!("   {}: {}", row.metric.label(), row.metric.rule()),
        theme.muted,
    ));
    vec![Line::from(line1), Line::from(line2), line3]
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
