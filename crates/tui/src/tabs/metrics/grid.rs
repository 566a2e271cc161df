//! The month grid both the metrics table and a breakdown use: a label, as many fiscal months as
//! the width allows (the window follows the selected month), the year to date, and an optional
//! extra column. Only the visible lines become rows.

use crate::list::scroll_offset;
use crate::theme::Theme;
use crate::widgets;
use pathways_core::metrics::{MetricRow, Report, Series, Total};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table, TableState};

pub struct GridLine {
    pub label: String,
    pub cells: [String; 12],
    pub fytd: String,
    pub extra: String,
    pub style: Style,
}

pub struct Grid {
    pub title: String,
    pub first: &'static str,
    /// Header of an extra last column (a breakdown's share).
    pub extra: Option<&'static str>,
    pub lines: Vec<GridLine>,
    pub selected: usize,
    pub month: usize,
}

const MONTH_WIDTH: u16 = 4;
const FYTD_WIDTH: u16 = 5;
const MIN_LABEL: u16 = 19;
const MAX_LABEL: u16 = 30;

/// A series' cells: "·" for months not begun.
pub fn cells(series: &Series, total: Total, report: &Report) -> [String; 12] {
    std::array::from_fn(|i| {
        if report.has_begun(i) {
            series.months[i].cell(total)
        } else {
            "·".into()
        }
    })
}

pub fn this_year(row: &MetricRow, report: &Report, label: String, theme: &Theme) -> GridLine {
    series_line(&row.this, row.total(), report, label, theme)
}

/// One series of the chosen year (a metric or one group of a breakdown).
pub fn series_line(series: &Series, total: Total, report: &Report, label: String, theme: &Theme) -> GridLine {
    let fytd = if report.elapsed == 0 {
        "·".into()
    } else {
        series.fytd.cell(total)
    };
    GridLine {
        label,
        cells: cells(series, total, report),
        fytd,
        extra: String::new(),
        style: theme.base,
    }
}

/// The same months a year before: "—" where the records do not reach back that far.
pub fn previous_year(row: &MetricRow, report: &Report, label: String, theme: &Theme) -> GridLine {
    let total = row.total();
    let cells = std::array::from_fn(|i| {
        if !report.previous_has_begun(i) {
            "·".into()
        } else if !row.previous_has_data[i] {
            "—".into()
        } else {
            row.previous.months[i].cell(total)
        }
    });
    let any = row.previous_has_data[..report.elapsed].iter().any(|b| *b);
    GridLine {
        label,
        cells,
        fytd: if any {
            row.previous.fytd.cell(total)
        } else {
            "—".into()
        },
        extra: String::new(),
        style: theme.muted,
    }
}

/// How many month columns fit, and the label width that fills the rest.
fn columns(width: u16, extra: bool) -> (usize, u16) {
    // Borders (2), the selection marker (2), then each column plus one space.
    let avail = width.saturating_sub(4);
    let fixed = FYTD_WIDTH + 1 + if extra { MONTH_WIDTH + 1 } else { 0 };
    let months = (avail.saturating_sub(MIN_LABEL + fixed) / (MONTH_WIDTH + 1)).min(12);
    let label = avail
        .saturating_sub(fixed + months * (MONTH_WIDTH + 1))
        .min(MAX_LABEL);
    (months as usize, label)
}

pub fn render(frame: &mut Frame, area: Rect, grid: Grid, theme: &Theme) {
    let (shown, label_width) = columns(area.width, grid.extra.is_some());
    let month = grid.month.min(11);
    let start = if shown == 0 || month < shown {
        0
    } else {
        month + 1 - shown
    };
    let window = start..(start + shown).min(12);
    let names: Vec<&str> = pathways_core::domain::FiscalYear(2000)
        .months()
        .iter()
        .map(|m| m.short_name())
        .collect();
    let mut title = grid.title.clone();
    if shown < 12 && shown > 0 {
        title.push_str(&format!(
            "· {}–{} shown, ←/→ ",
            names[window.start],
            names[window.end - 1]
        ));
    }
    let right = |text: String, style: Style| {
        Cell::from(Line::from(Span::styled(text, style)).alignment(Alignment::Right))
    };
    let mut header = vec![Cell::from(Span::styled(grid.first, theme.header))];
    for i in window.clone() {
        // The selected month is marked by a character, not by colour alone.
        let name = if i == month {
            format!("▸{}", names[i])
        } else {
            names[i].to_string()
        };
        let style = if i == month { theme.important } else { theme.header };
        header.push(right(name, style));
    }
    header.push(right("FYTD".into(), theme.header));
    if let Some(extra) = grid.extra {
        header.push(right(extra.into(), theme.header));
    }
    let mut widths = vec![Constraint::Length(label_width)];
    widths.extend(window.clone().map(|_| Constraint::Length(MONTH_WIDTH)));
    widths.push(Constraint::Length(FYTD_WIDTH));
    if grid.extra.is_some() {
        widths.push(Constraint::Length(MONTH_WIDTH));
    }
    let height = area.height.saturating_sub(3) as usize;
    let offset = scroll_offset(grid.selected, height);
    let end = (offset + height).min(grid.lines.len());
    let rows: Vec<Row> = grid.lines[offset.min(end)..end]
        .iter()
        .map(|l| {
            let label = fit(&l.label, label_width as usize);
            let mut cells = vec![Cell::from(Span::styled(label, l.style))];
            for i in window.clone() {
                let style = if i == month {
                    l.style.patch(theme.important)
                } else {
                    l.style
                };
                cells.push(right(l.cells[i].clone(), style));
            }
            cells.push(right(l.fytd.clone(), l.style));
            if grid.extra.is_some() {
                cells.push(right(l.extra.clone(), l.style));
            }
            Row::new(cells)
        })
        .collect();
    let table = Table::new(rows, widths)
        .header(Row::new(header))
        .block(widgets::block(title, theme))
        .row_highlight_style(theme.selected)
        .highlight_symbol("▶ ")
        .column_spacing(1);
    let mut state = TableState::default();
    if !grid.lines.is_empty() {
        state.select(Some(grid.selected.saturating_sub(offset)));
    }
    frame.render_stateful_widget(table, area, &mut state);
}

/// The text cut to `width` display columns, with "…" when something was cut.
fn fit(text: &str, width: usize) -> String {
    pathways_core::text::fit(text, width).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_the_width() {
        // 80 columns: ten months and a 20-character label.
        assert_eq!(columns(80, false), (10, 20));
        assert_eq!(columns(80, true), (9, 20));
        assert_eq!(columns(120, false).0, 12);
        assert_eq!(columns(10, false).0, 0);
        assert_eq!(fit("Black or African American", 10), "Black or …");
        assert_eq!(fit("White", 10), "White");
    }
}
