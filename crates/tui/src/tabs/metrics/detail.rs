//! The three lines under the metrics table: the selected month against the same month a year
//! before, the year to date against the same months a year before, and the counting rule.

use super::MetricsTab;
use crate::theme::Theme;
use pathways_core::domain::Shown;
use pathways_core::metrics::{Cell, GroupLine, Report, Series, Total};
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
        (&Figures::open(&row.this), &Figures::open(&row.previous)),
        &row.previous_has_data,
        theme,
    );
    let line3 = Line::from(Span::styled(
        format!("   {}: {}", row.metric.label(), row.metric.rule()),
        theme.muted,
    ));
    vec![line1, line2, line3]
}

/// A line's months and year to date as they may be shown: a metric's own figures are all shown;
/// a breakdown's groups follow the small-group rule.
pub struct Figures {
    pub months: [Cell; 12],
    pub fytd: Cell,
}

impl Figures {
    pub fn open(series: &Series) -> Figures {
        let cell = |figure| Cell {
            figure,
            shown: Shown::Count(0),
        };
        Figures {
            months: series.months.map(cell),
            fytd: cell(series.fytd),
        }
    }

    pub fn of(line: &GroupLine) -> Figures {
        Figures {
            months: line.months,
            fytd: line.fytd,
        }
    }
}

/// The selected month against the same month a year before, and the year to date against the
/// same months a year before, for a metric or one group of a breakdown.
pub fn compare(
    report: &Report,
    month: usize,
    total: Total,
    (this, previous): (&Figures, &Figures),
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
        this.months[month].text(total)
    } else {
        "not begun".into()
    };
    let prev_known = report.previous_has_begun(month) && has_data[month];
    let prev_cell = if prev_known {
        previous.months[month].text(total)
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
                previous.fytd.text(total),
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
            Span::raw(this.fytd.text(total)),
            Span::styled(
                format!("   {} same months: ", report.year.previous().short_label()),
                theme.muted,
            ),
            Span::raw(prev),
        ]
    };
    [Line::from(line1), Line::from(line2)]
}

/// " (+3)", " (−2)", " (=)"; for a rate, in percentage points. Nothing beside a hidden cell:
/// the difference would give it away.
fn change(now: Cell, before: Cell, total: Total) -> String {
    if now.shown.is_hidden() || before.shown.is_hidden() {
        return String::new();
    }
    let (now, before) = (now.figure, before.figure);
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
