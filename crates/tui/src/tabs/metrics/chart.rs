//! Bar charts of new client relationships and PL attendance per fiscal month, as the booklet
//! charts them. Every bar carries its number and the previous year's sits under the month, so
//! the chart reads the same without colour.

use super::MetricsTab;
use crate::theme::Theme;
use crate::widgets;
use pathways_core::metrics::{Metric, Report};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

/// The narrowest bar (60-column terminals); numbers of 1,000 and more then read "1k".
const BAR_WIDTH: u16 = 3;
const MAX_BAR_WIDTH: u16 = 9;
const GAP: u16 = 1;
/// Room on the left for the row names ("FY27", "FY26").
const GUTTER: u16 = 5;

pub fn render(tab: &MetricsTab, frame: &mut Frame, area: Rect, theme: &Theme) {
    let [top, bottom] = Layout::vertical([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(area);
    let report = &tab.report;
    render_one(frame, top, report, Metric::NewRelationships, tab.month, theme);
    render_one(frame, bottom, report, Metric::PlAttendance, tab.month, theme);
}

fn render_one(frame: &mut Frame, area: Rect, report: &Report, metric: Metric, month: usize, theme: &Theme) {
    let row = report.row(metric);
    let total = row.total();
    let year = report.year.short_label();
    let previous = report.year.previous().short_label();
    let title = format!(
        " {} per month, {year} · to date {} ",
        metric.label(),
        if report.elapsed == 0 {
            "·".to_string()
        } else {
            row.this.fytd.cell(total)
        }
    );
    let block = widgets::block(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 4 || inner.width < GUTTER + 12 * (BAR_WIDTH + GAP) {
        frame.render_widget(
            Paragraph::new(Span::styled("enlarge the terminal to see the chart", theme.muted)),
            inner,
        );
        return;
    }
    let bar_width = ((inner.width - GUTTER) / 12)
        .saturating_sub(GAP)
        .clamp(BAR_WIDTH, MAX_BAR_WIDTH);
    // Rows: this year's values, the bars, the month names, the previous year's values.
    let values_y = inner.y;
    let previous_y = inner.bottom() - 1;
    let bars = Rect {
        x: inner.x + GUTTER,
        y: inner.y + 1,
        width: inner.width - GUTTER,
        height: inner.height - 2,
    };
    let months = report.year.months();
    let data: Vec<Bar> = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let value = if report.has_begun(i) {
                row.this.months[i].count
            } else {
                0
            };
            // The selected month is marked by a character where it fits, else by reversing it.
            let name = if i == month && bar_width > 3 {
                Line::from(Span::styled(format!("▸{}", m.short_name()), theme.important))
            } else if i == month {
                Line::from(Span::styled(m.short_name(), theme.selected))
            } else {
                Line::from(m.short_name())
            };
            Bar::default().value(value).label(name).text_value(String::new())
        })
        .collect();
    let max = row.this.months.iter().map(|f| f.count).max().unwrap_or(0).max(1);
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&data))
        .bar_width(bar_width)
        .bar_gap(GAP)
        .max(max)
        .bar_style(theme.important);
    frame.render_widget(chart, bars);
    let value_line = |y: u16, name: String, style: Style, cell: &dyn Fn(usize) -> String| {
        let mut spans = vec![Span::styled(
            pathways_core::text::fill(&name, GUTTER as usize),
            style,
        )];
        for i in 0..12 {
            let mut text = cell(i);
            if pathways_core::text::width(&text) > bar_width as usize {
                text = text
                    .parse::<u64>()
                    .map(|n| format!("{}k", n / 1000))
                    .unwrap_or(text);
            }
            spans.push(Span::styled(
                format!("{text:^w$} ", w = bar_width as usize),
                style,
            ));
        }
        let line_area = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: 1,
        };
        (Paragraph::new(Line::from(spans)), line_area)
    };
    let this = |i: usize| {
        if report.has_begun(i) {
            row.this.months[i].cell(total)
        } else {
            "·".into()
        }
    };
    let before = |i: usize| {
        if !report.previous_has_begun(i) {
            "·".into()
        } else if !row.previous_has_data[i] {
            "—".into()
        } else {
            row.previous.months[i].cell(total)
        }
    };
    let (p, a) = value_line(values_y, year, theme.base, &this);
    frame.render_widget(p, a);
    let (p, a) = value_line(previous_y, previous, theme.muted, &before);
    frame.render_widget(p, a);
}
