//! One metric split by chapter (N/A for staff outside the union), race, or location type, by
//! fiscal month, with each group's share of the year to date. Small groups follow the core's one
//! rule (`<5`, and `*` where a sum would give one away). Race is hidden under the privacy screen.

use super::MetricsTab;
use super::detail::{self, Figures};
use super::grid::{self, Grid, GridLine};
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets;
use pathways_core::metrics::{Breakdown, Dimension, GroupLine, Total};
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
    let Some(b) = Breakdown::of(report, row.metric, dim) else {
        return message(frame, area, &title, "no breakdown", theme);
    };
    let total = b.total();
    // A group's share of the year to date; empty where the rule hides the count.
    let share = |line: &GroupLine| match (total, line.share) {
        (Total::Rate, _) => String::new(),
        _ if b.all.fytd.figure.count == 0 => "—".into(),
        (_, Some(p)) => format!("{p:.0}%"),
        (_, None) => String::new(),
    };
    let line_of = |line: &GroupLine, style| {
        let label = if dim.is_sensitive() {
            cx.sensitive(line.label.clone())
        } else {
            line.label.clone()
        };
        GridLine {
            label,
            cells: std::array::from_fn(|i| {
                if report.has_begun(i) {
                    line.months[i].text(total)
                } else {
                    "·".into()
                }
            }),
            fytd: if report.elapsed == 0 {
                "·".into()
            } else {
                line.fytd.text(total)
            },
            extra: share(line),
            style,
        }
    };
    let mut lines: Vec<GridLine> = b.groups.iter().map(|g| line_of(g, theme.base)).collect();
    lines.push(line_of(&b.all, theme.important));
    let [grid_area, detail_area] = Layout::vertical([Constraint::Min(5), Constraint::Length(3)]).areas(area);
    let selected = tab.group.min(lines.len().saturating_sub(1));
    // The selected group against itself a year before; the last line is the All row.
    let (name, this, previous) = match b.groups.get(selected) {
        Some(line) => (
            lines[selected].label.clone(),
            Figures::of(line),
            b.previous
                .get(selected)
                .map(Figures::of)
                .unwrap_or_else(|| Figures::of(&b.previous_all)),
        ),
        None => (
            "All".to_string(),
            Figures::of(&b.all),
            Figures::of(&b.previous_all),
        ),
    };
    let [line1, line2] = detail::compare(
        report,
        tab.month,
        total,
        (&this, &previous),
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
