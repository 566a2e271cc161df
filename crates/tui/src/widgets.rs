//! Shared drawing pieces: the windowed table (only visible rows are built), detail panes, forms,
//! and how a date reads in a table.

use crate::form::{FieldKind, Form};
use crate::list::scroll_offset;
use crate::theme::Theme;
use pathways_core::privacy::Mask;
use pathways_core::text::{fill, fit, width};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

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
/// On a short screen the detail pane (which scrolls) gives the list rows first.
pub fn list_and_detail(area: Rect, detail_height: u16) -> (Rect, Rect) {
    let detail_height = if area.height < detail_height * 2 {
        detail_height.min((area.height * 2 / 5).max(3))
    } else {
        detail_height
    };
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

/// The columns of a table as drawn: each one's width in terminal columns, so a row can fit its
/// text by display width with an ellipsis (`text::fit`) instead of being cut mid-word.
pub struct Columns(Vec<usize>);

impl Columns {
    /// The widths `table` gives `widths` in `area` (less the borders, the selection marker and
    /// the one-column gaps), as ratatui's table lays them out.
    pub fn new(area: Rect, widths: &[Constraint]) -> Columns {
        let inner = Rect::new(0, 0, area.width.saturating_sub(2 + 2), 1);
        let rects = Layout::horizontal(widths.to_vec()).spacing(1).split(inner);
        Columns(rects.iter().map(|r| r.width as usize).collect())
    }

    pub fn width(&self, column: usize) -> usize {
        self.0.get(column).copied().unwrap_or(0)
    }

    /// `text` fitted to column `column`.
    pub fn fit<'a>(&self, column: usize, text: impl Into<String>) -> Cell<'a> {
        let text = text.into();
        Cell::from(fit(&text, self.width(column)).into_owned())
    }
}

/// Draws a table of `len` rows of which only the visible window is built by `row` (given the
/// columns' widths, to fit text to them).
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
    mut row: impl FnMut(usize, &Columns) -> Row<'a>,
) {
    let inner_height = area.height.saturating_sub(3) as usize;
    let offset = scroll_offset(selected, inner_height);
    let end = (offset + inner_height).min(len);
    let columns = Columns::new(area, widths);
    let rows: Vec<Row> = (offset..end).map(|i| row(i, &columns)).collect();
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

/// The detail pane's scroll: the lines asked for, and where the pane reports how far it could
/// go (known only once it is drawn at its size), so `K` after the end moves at once.
#[derive(Clone, Copy, Default)]
pub struct DetailScroll<'a> {
    pub lines: u16,
    pub room: Option<&'a std::cell::Cell<u16>>,
}

/// A record's detail pane, scrolled as `J`/`K` asked (see `Ctx::detail`): the title says when
/// there is more below or above, so nothing is cut without a way to read it.
pub fn detail_pane<'a>(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'a>>,
    scroll: DetailScroll,
    theme: &Theme,
) {
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let inner_height = area.height.saturating_sub(2);
    let total = paragraph.line_count(area.width.saturating_sub(2)) as u16;
    let room = total.saturating_sub(inner_height);
    if let Some(cell) = scroll.room {
        cell.set(room);
    }
    let top = scroll.lines.min(room);
    let more = match (top > 0, top < room) {
        (false, false) => String::new(),
        (false, true) => " · J more ↓".to_string(),
        (true, true) => format!(" · {}/{} J↓ K↑", top, room),
        (true, false) => " · end · K ↑".to_string(),
    };
    frame.render_widget(
        paragraph
            .block(block(format!("{}{more} ", title.trim_end()), theme))
            .scroll((top, 0)),
        area,
    );
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
    // Where the focused field's lines end, to keep it in view on a short screen.
    let mut focus_end = 0;
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let marker = if focused { "▶ " } else { "  " };
        let label_style = if focused { theme.important } else { theme.muted };
        let mut spans = vec![
            Span::styled(marker, theme.important),
            Span::styled(format!("{} ", fill(f.label, 15)), label_style),
        ];
        // What the field holds is masked as `pathways_core::privacy` says (a name as initials).
        // An empty field shows empty under the mask too: nothing is hidden there.
        if let Some(what) = f.personal.filter(|_| mask.is_on() && !f.value.is_empty()) {
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
                format!(
                    "                  {}",
                    f.hint.as_deref().unwrap_or_else(|| hint(&f.kind))
                ),
                theme.muted,
            ))),
            None => {}
        }
        if focused {
            focus_end = lines.len();
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "Tab next field · Enter or Ctrl-S saves · Esc cancels · Ctrl-P privacy",
        theme.muted,
    )));
    let title = format!(" {} ", form.title);
    // A form taller than the screen scrolls so the focused field shows (and says so).
    let inner = Rect {
        width: popup.width.saturating_sub(2),
        height: popup.height.saturating_sub(2),
        ..popup
    };
    let wrapped = |ls: &[Line]| {
        Paragraph::new(ls.to_vec())
            .wrap(Wrap { trim: false })
            .line_count(inner.width) as u16
    };
    let total = wrapped(&lines);
    let to_focus = wrapped(&lines[..focus_end.min(lines.len())]);
    let scroll = to_focus
        .saturating_sub(inner.height)
        .min(total.saturating_sub(inner.height));
    let title = if total > inner.height {
        format!("{title}· Tab/↑↓ more fields ")
    } else {
        title
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(title, theme))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        popup,
    );
}

fn hint(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "",
        FieldKind::Date => "YYYY-MM-DD or M/D/YYYY",
        FieldKind::Number => "a number",
        FieldKind::Choice(_) => "←/→ or Space to choose, or type the start of one",
        FieldKind::Multi(_) => "←/→ or type the start of one to move, Space to tick",
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
