//! One metric split by chapter (N/A for staff outside the union), race, or location type, by
//! fiscal month, with each group's share of the year to date. Race is hidden under the privacy
//! screen.

use super::MetricsTab;
use super::detail;
use super::grid::{self, Grid, GridLine};
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets;
use pathways_core::metrics::{Dimension, Total};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(tab: &MetricsTab, frame: &mut Frame, area: Rect, cx: &Ctx, dim: Dimension, theme: &Theme) {
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
    if dim.is_sensitive() && cx.private {
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
                cx.sensitive(name)
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
    let [grid_area, detail_area] = Layout::vertical([Constraint::Min(5), Constraint::Length(3)]).areas(area);
    let selected = tab.group.min(lines.len().saturating_sub(1));
    let groups = &row.groups[dim.index()];
    // The selected group against itself a year before; the last line is the All row.
    let (name, this, previous) = match groups.get(selected) {
        Some((_, this)) => (
            lines[selected].label.clone(),
            this,
            row.groups_previous[dim.index()]
                .get(selected)
                .unwrap_or(&row.previous),
        ),
        None => ("All".to_string(), &row.this, &row.previous),
    };
    let [line1, line2] = detail::compare(
        report,
        tab.month,
        total,
        (this, previous),
        &row.previous_has_data,
        theme,
    );
    let next = match dim {
        Dimension::Chapter => Dimension::Race,
        Dimension::Race => Dimension::LocationType,
        Dimension::LocationType => Dimension::Chapter,
    };
    let share_text = match total {
        Total::Rate => String::new(),
        _ => format!(": {} of the year to date", lines[selected].extra),
    };
    let line3 = Line::from(Span::styled(
        format!("   {name}{share_text} · b: by {}", next.label()),
        theme.muted,
    ));
    frame.render_widget(Paragraph::new(vec![line1, line2, line3]), detail_area);
    grid::render(
        frame,
        grid_area,
        Grid {
            title,
            first: match dim {
                Dimension::Chapter => "Chapter",
                Dimension::Race => "Race",
                Dimension::LocationType => "Location type",
            },
            extra: Some("%"),
            selected,
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
