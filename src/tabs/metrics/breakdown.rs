//! One metric split by chapter (N/A for staff outside the union), race, or location type, by
//! fiscal month, with each group's share of the year to date. Race is hidden under the privacy
//! screen.

use super::grid::{self, Grid, GridLine};
use crate::app::App;
use crate::metrics::{Dimension, Total};
use crate::ui::{Theme, widgets};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(frame: &mut Frame, area: Rect, app: &App, dim: Dimension, theme: &Theme) {
    let tab = &app.metrics;
    let report = &tab.report;
    let Some(row) = tab.selected() else {
        return message(frame, area, " Breakdown ", "no metric matches the filter", theme);
    };
    let title = format!(
        " {} by {}, {} ",
        row.metric.label(),
        dim.label(),
        report.year.short_label()
    );
    if !row.metric.breaks_down_by(dim) {
        let why = format!(
            "{} are not about one person, so they have no {}; b shows the next breakdown.",
            row.metric.label(),
            dim.label()
        );
        return message(frame, area, &title, &why, theme);
    }
    if dim.is_sensitive() && app.private {
        return message(
            frame,
            area,
            &title,
            "Hidden by the privacy screen (p shows it).",
            theme,
        );
    }
    let total = row.total();
    let labels = &report.group_labels[dim.index()];
    let share = |count: u64| match total {
        Total::Rate => String::new(),
        _ if row.this.fytd.count == 0 => "—".into(),
        _ => format!("{:.0}%", count as f64 * 100.0 / row.this.fytd.count as f64),
    };
    let mut lines: Vec<GridLine> = row.groups[dim.index()]
        .iter()
        .map(|(g, series)| {
            let name = labels.get(*g).cloned().unwrap_or_default();
            let label = if dim.is_sensitive() {
                app.sensitive(name)
            } else {
                name
            };
            let mut line = grid::series_line(series, total, report, label, theme);
            line.extra = share(series.fytd.count);
            line
        })
        .collect();
    let mut all = grid::this_year(row, report, "All".into(), theme);
    all.style = theme.important;
    all.extra = share(row.this.fytd.count);
    lines.push(all);
    grid::render(
        frame,
        area,
        Grid {
            title,
            first: match dim {
                Dimension::Chapter => "Chapter",
                Dimension::Race => "Race",
                Dimension::LocationType => "Location type",
            },
            extra: Some("%"),
            selected: tab.group.min(lines.len().saturating_sub(1)),
            lines,
            month: tab.month,
        },
        theme,
    );
}

fn message(frame: &mut Frame, area: Rect, title: &str, text: &str, theme: &Theme) {
    widgets::detail(
        frame,
        area,
        title.to_string(),
        vec![Line::from(Span::styled(text.to_string(), theme.muted))],
        theme,
    );
}
