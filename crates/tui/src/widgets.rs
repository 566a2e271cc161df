//! Shared drawing pieces: the windowed table (only visible rows are built), detail panes, forms,
//! and how a date reads in a table.

use crate::form::{FieldKind, Form};
use crate::list::scroll_offset;
use crate::theme::Theme;
use pathways_core::privacy::Mask;
use pathways_core::text::{fill, width};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Row, Table, TableState, Wrap};

/// A date as the tables show it.
pub fn day(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn opt_day(d: Option<chrono::NaiveDate>) -> String {
    d.map(day).unwrap_or_else(|| "—".into())
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Splits a tab body into a list and a detail pane: side by side when wide, stacked otherwise.
pub fn list_and_detail(area: Rect, detail_height: u16) -> (Rect, Rect) {
    if area.width >= 140 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(area);
        (l, r)
    } else {
        let [l, r] = Layout::vertical([Constraint::Min(5), Constraint::Length(detail_height)]).areas(area);
        (l, r)
    }
}

pub fn block<'a>(title: impl Into<Line<'a>>, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(title)
}

/// Draws a table of `len` rows of which only the visible window is built by `row`.
#[allow(clippy::too_many_arguments)]
pub fn table<'a>(
    frame: &mut Frame,
    area: Rect,
    title: impl Into<Line<'a>>,
    header: &[&'a str],
    widths: &[Constraint],
    len: usize,
    selected: usize,
    theme: &Theme,
    mut row: impl FnMut(usize) -> Row<'a>,
) {
    let inner_height = area.height.saturating_sub(3) as usize;
    let offset = scroll_offset(selected, inner_height);
    let end = (offset + inner_height).min(len);
    let rows: Vec<Row> = (offset..end).map(&mut row).collect();
    let header = Row::new(header.iter().map(|h| Span::styled(*h, theme.header)));
    let t = Table::new(rows, widths.to_vec())
        .header(header)
        .block(block(title, theme))
        .row_highlight_style(theme.selected)
        .highlight_symbol("▶ ")
        .column_spacing(1);
    let mut state = TableState::default();
    if len > 0 {
        state.select(Some(selected - offset));
    }
    frame.render_stateful_widget(t, area, &mut state);
    if len == 0 {
        let inner = Rect {
            y: area.y + 2,
            height: 1,
            x: area.x + 2,
            width: area.width.saturating_sub(4),
        };
        frame.render_widget(
            Paragraph::new(Span::styled("nothing to show", theme.muted)),
            inner,
        );
    }
}

/// "label: value" lines for a detail pane.
pub fn fact<'a>(label: &'a str, value: impl Into<String>, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.muted),
        Span::raw(value.into()),
    ])
}

pub fn detail<'a>(
    frame: &mut Frame,
    area: Rect,
    title: impl Into<Line<'a>>,
    lines: Vec<Line<'a>>,
    theme: &Theme,
) {
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(title, theme))
            .wrap(Wrap { trim: false }),
        area,
    );
}

pub fn render_form(frame: &mut Frame, area: Rect, form: &Form, private: bool, theme: &Theme) {
    let mask = Mask::screen(private);
    // The message (a refused pairing lists every failing rule) needs its own lines.
    let message_lines: u16 = form
        .message
        .iter()
        .flat_map(|m| m.lines())
        .map(|l| (width(l) as u16 + 2).div_ceil(74).max(1))
        .sum();
    let height = (form.fields.len() as u16 * 2 + 6 + message_lines).min(area.height);
    let popup = centered(area, 76, height);
    frame.render_widget(Clear, popup);
    let mut lines = Vec::new();
    if let Some(msg) = &form.message {
        for l in msg.lines() {
            lines.push(Line::from(Span::styled(format!("✗ {l}"), theme.error)));
        }
    }
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let marker = if focused { "▶ " } else { "  " };
        let label_style = if focused { theme.important } else { theme.muted };
        let mut spans = vec![
            Span::styled(marker, theme.important),
            Span::styled(format!("{} ", fill(f.label, 15)), label_style),
        ];
        // What the field holds is masked as `pathways_core::privacy` says (a name as initials).
        if let Some(what) = f.personal.filter(|_| mask.is_on()) {
            spans.push(Span::raw(mask.show(what, &field_text(f, focused)).into_owned()));
            if focused && f.is_typed() {
                spans.push(Span::styled("▏", theme.important));
            }
        } else if focused && f.is_typed() {
            // The cursor where typing goes.
            let (before, after) = f.at_caret();
            spans.extend([
                Span::raw(before.to_string()),
                Span::styled("▏", theme.important),
                Span::raw(after.to_string()),
            ]);
        } else {
            spans.push(Span::raw(field_text(f, focused)));
        }
        lines.push(Line::from(spans));
        match &f.error {
            Some(e) => lines.push(Line::from(Span::styled(
                format!("                  ✗ {e}"),
                theme.error,
            ))),
            None if focused => lines.push(Line::from(Span::styled(
                format!("                  {}", hint(&f.kind)),
                theme.muted,
            ))),
            None => {}
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "Tab next field · Ctrl-S or Enter on the last field saves · Esc cancels",
        theme.muted,
    )));
    let title = format!(" {} ", form.title);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(title, theme))
            .wrap(Wrap { trim: false }),
        popup,
    );
}

fn hint(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "",
        FieldKind::Date => "YYYY-MM-DD or M/D/YYYY",
        FieldKind::Number => "a number",
        FieldKind::Choice(_) => "←/→ or Space to choose, or type the first letter",
        FieldKind::Multi(_) => "←/→ to move, Space to tick",
    }
}

fn field_text(f: &crate::form::Field, focused: bool) -> String {
    match &f.kind {
        FieldKind::Choice(_) => format!("‹ {} ›", f.value),
        FieldKind::Multi(options) => options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let tick = if f.chosen().contains(o) { "[x]" } else { "[ ]" };
                if focused && i == f.cursor {
                    format!("▸{tick} {o}")
                } else {
                    format!("{tick} {o}")
                }
            })
            .collect::<Vec<_>>()
            .join("  "),
        _ => f.value.clone(),
    }
}
