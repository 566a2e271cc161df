//! Drawing: the tab bar, the current tab, the footer generated from the keymap, and the modals.
//! Everything here only reads `App`.

pub mod finder;
mod history;

use crate::app::{App, Modal, Tab};
use crate::keymap::{self, Mode};
pub use crate::theme::Theme;
use crate::widgets;
use pathways_core::text;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

pub fn render(frame: &mut Frame, app: &App) {
    draw(frame, app);
    // Last, whatever drew what: the frame that reaches the terminal is inert.
    inert_cells(frame.buffer_mut());
}

/// Takes control, bidi and zero-width characters (`text::is_live`) out of every cell, so none
/// reaches the terminal, whichever widget or string put it there (an older database can hold
/// them). They take no column, so the layout ratatui computed stays the one the terminal shows,
/// and no stale cell is left behind. Should taking them out change a cell's width (a joined
/// emoji falling apart), the cell keeps only its first character.
pub fn inert_cells(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        if !symbol.chars().any(text::is_live) {
            continue;
        }
        let mut kept: String = symbol.chars().filter(|c| !text::is_live(*c)).collect();
        if text::width(&kept) > text::width(symbol).max(1) {
            kept = kept.chars().take(1).collect();
        }
        if kept.is_empty() {
            kept.push(' ');
        }
        cell.set_symbol(&kept);
    }
}

fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let theme = Theme::new(app.color);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "Terminal too small ({}x{}); pathways needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Enlarge it, or press q to quit.",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let footer_height = footer_lines(app, area.width).len() as u16;
    let [top, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(footer_height),
    ])
    .areas(area);
    render_tab_bar(frame, top, app, &theme);
    if app.ready(app.tab) {
        app.view(app.tab).render(frame, body, &app.ctx(), &theme);
    } else {
        render_loading(frame, body, app, &theme);
    }
    render_footer(frame, footer, app, &theme);
    for modal in &app.modals {
        match modal {
            Modal::Help { scroll } => render_help(frame, area, app, *scroll, &theme),
            Modal::History(h) => history::render(frame, area, app, h, &theme),
            Modal::Form { form, .. } => widgets::render_form(frame, area, form, app.private, &theme),
            Modal::Confirm { message, .. } => render_confirm(frame, area, message, &theme),
            Modal::Search(s) => finder::render_search(frame, area, app, s, &theme),
            Modal::Palette(p) => finder::render_palette(frame, area, p, &theme),
        }
    }
}

fn render_tab_bar(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let full: usize = Tab::ALL.iter().map(|t| text::width(t.title()) + 4).sum::<usize>() + 10;
    let banners = usize::from(app.private) * 10 + usize::from(app.store.is_read_only()) * 12;
    let wide = (area.width as usize) >= full + banners;
    let short: usize = Tab::ALL
        .iter()
        .map(|t| text::width(t.short_title()) + 4)
        .sum::<usize>();
    // The name gives way first, so every tab and banner keeps its place on a narrow screen.
    let mut spans = if wide || (area.width as usize) >= short + 10 + banners {
        vec![Span::styled(" pathways ", theme.important)]
    } else {
        Vec::new()
    };
    // Narrower still, the longest titles of the other tabs give way to their numbers, so every
    // tab stays on screen.
    let mut numbered: Vec<Tab> = Vec::new();
    if !wide {
        let mut need = short + banners;
        let mut others: Vec<Tab> = Tab::ALL.into_iter().filter(|t| *t != app.tab).collect();
        others.sort_by_key(|t| std::cmp::Reverse(text::width(t.short_title())));
        for t in others {
            if need <= area.width as usize {
                break;
            }
            need -= text::width(t.short_title()) + 1;
            numbered.push(t);
        }
    }
    for tab in Tab::ALL {
        let title = if wide { tab.title() } else { tab.short_title() };
        let label = if numbered.contains(&tab) {
            format!(" {} ", tab.index() + 1)
        } else {
            format!(" {} {} ", tab.index() + 1, title)
        };
        let style = if tab == app.tab {
            theme.tab_active
        } else {
            theme.muted
        };
        spans.push(Span::styled(label, style));
    }
    let bar = Paragraph::new(Line::from(spans));
    frame.render_widget(bar, area);
    // Banners at the right end: the privacy screen, and a database this user may not change.
    let banners = [
        (app.private, " PRIVATE "),
        (app.store.is_read_only(), " READ-ONLY "),
    ];
    let mut right = area.right();
    for (_, label) in banners.iter().filter(|(on, _)| *on) {
        let w = text::width(label) as u16;
        right = right.saturating_sub(w);
        let banner = Rect {
            x: right.max(area.x),
            width: w.min(area.width),
            ..area
        };
        frame.render_widget(Paragraph::new(Span::styled(*label, theme.banner)), banner);
        right = right.saturating_sub(1);
    }
}

/// A tab whose records are still loading after the start: it says so (no figure it shows
/// would be right yet).
fn render_loading(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", app.tab.title()));
    let text = vec![
        Line::from(""),
        Line::from(Span::styled("loading…", theme.important)),
        Line::from(""),
        Line::from(Span::styled(
            "This tab is shown as soon as the rest of the records are read; keys pressed meanwhile wait for them.",
            theme.muted,
        )),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .block(block)
            .centered()
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// The most lines a status message may take; a longer one ends in an ellipsis.
const STATUS_LINES: usize = 3;

/// A kept `/` filter, shown in the footer on every tab until Esc clears it.
fn kept_filter(app: &App) -> Option<String> {
    let filter = app.view(app.tab).filter();
    (app.mode() != Mode::Filter && !filter.is_empty())
        .then(|| format!(" /{} (Esc clears) │", text::fit(filter, 24)))
}

/// The status message, wrapped at word boundaries into at most `STATUS_LINES` lines of `width`.
fn footer_lines(app: &App, width: u16) -> Vec<String> {
    let Some(status) = app.status.as_deref().filter(|_| app.mode() != Mode::Filter) else {
        return vec![String::new()];
    };
    let prefix = kept_filter(app).unwrap_or_default();
    let width = (width as usize).max(10);
    let mut lines: Vec<String> = Vec::new();
    let mut current = prefix;
    for word in status.split(' ') {
        let candidate = format!("{current} {word}");
        if text::width(&candidate) > width && !current.trim().is_empty() {
            lines.push(std::mem::take(&mut current));
            current = format!(" {word}");
        } else {
            current = candidate;
        }
    }
    lines.push(current);
    if lines.len() > STATUS_LINES {
        lines.truncate(STATUS_LINES);
        if let Some(last) = lines.last_mut() {
            *last = text::fit(&format!("{last} …"), width).into_owned();
        }
    }
    lines
        .into_iter()
        .map(|l| text::fit(&l, width).into_owned())
        .collect()
}

fn render_footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mode = app.mode();
    if mode == Mode::Filter {
        let filter = app.view(app.tab).filter().to_string();
        let line = Line::from(vec![
            Span::styled(" / ", theme.important),
            Span::raw(filter),
            Span::styled("▏", theme.important),
            Span::styled("  Enter keep · Esc clear", theme.muted),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    if app.status.is_some() {
        let lines: Vec<Line> = footer_lines(app, area.width)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.important)))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let mut spans = Vec::new();
    let mut width = area.width as usize;
    if let Some(kept) = kept_filter(app) {
        width = width.saturating_sub(text::width(&kept));
        spans.push(Span::styled(kept, theme.warning));
    }
    let hints = keymap::footer_where(mode, |a| app.offers(a));
    spans.extend(footer_spans(hints, width, theme));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Footer hints that fit `width`, most specific first; "? help" always stays, so every key can
/// still be found on a narrow screen.
fn footer_spans(hints: Vec<(String, &'static str)>, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let len = |(k, w): &(String, &str)| text::width(k) + text::width(w) + 3;
    let help = hints.iter().find(|(k, _)| k == "?").cloned();
    let mut room = width.saturating_sub(help.as_ref().map(len).unwrap_or(0));
    let mut shown = Vec::new();
    for h in hints.into_iter().filter(|(k, _)| k != "?") {
        if len(&h) > room {
            continue;
        }
        room -= len(&h);
        shown.push(h);
    }
    shown.extend(help);
    shown
        .into_iter()
        .flat_map(|(key, word)| {
            [
                Span::styled(format!(" {key}"), theme.important),
                Span::styled(format!(" {word} "), theme.muted),
            ]
        })
        .collect()
}

/// The help overlay's lines, from the keymap: keys that belong together (the tab numbers, the
/// moves, the pages, the ends, the detail pane's scroll) on one line each, so an 80x24 screen
/// shows them all.
fn help_entries(mode: Mode) -> Vec<(String, &'static str)> {
    use crate::action::Action as A;
    let group = |a: A| -> Option<(&'static str, &'static str)> {
        Some(match a {
            A::GoTab(_) => ("1-7", "go to tab 1-7"),
            A::Up | A::Down | A::Left | A::Right => ("↑↓←→ hjkl", "move / previous, next"),
            A::PageUp | A::PageDown => ("PgUp PgDn", "page up / down"),
            A::Top | A::Bottom => ("g G Home End", "first / last row"),
            A::DetailDown | A::DetailUp => ("J K", "scroll the detail pane"),
            _ => return None,
        })
    };
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for c in keymap::bindings(mode) {
        match group(c.action) {
            Some((keys, help)) if matches!(mode, Mode::Normal(_)) => {
                if !out.iter().any(|(k, _)| k == keys) {
                    out.push((keys.to_string(), help));
                }
            }
            _ => out.push((c.keys_label(), c.help)),
        }
    }
    out
}

fn render_help(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let below = app.modals.iter().rev().find(|m| !matches!(m, Modal::Help { .. }));
    let mode = match below {
        Some(Modal::Form { .. }) => Mode::Form,
        Some(Modal::Confirm { .. }) => Mode::Confirm,
        _ => Mode::Normal(app.tab),
    };
    let popup = widgets::centered(area, 78, area.height.saturating_sub(2));
    // Two columns when there is room, so the whole keymap fits on an 80x24 screen.
    let entries = help_entries(mode);
    let col = (popup.width.saturating_sub(2) / 2) as usize;
    let two = col >= 34;
    let cell = |(k, h): &(String, &str), width: usize| -> Vec<Span<'static>> {
        let key = format!("{} ", text::fill(k, 12));
        let room = width.saturating_sub(text::width(&key) + 1);
        // A description that does not fit says so with an ellipsis instead of stopping mid-word.
        let help = text::fit(h, room).into_owned();
        let pad = width.saturating_sub(text::width(&key) + text::width(&help));
        vec![
            Span::styled(key, theme.important),
            Span::raw(help),
            Span::raw(" ".repeat(pad)),
        ]
    };
    let mut lines = vec![Line::from(Span::styled(
        format!("Keys: {}", app.tab.title()),
        theme.header,
    ))];
    if two {
        let half = entries.len().div_ceil(2);
        for i in 0..half {
            let mut spans = cell(&entries[i], col);
            if let Some(right) = entries.get(i + half) {
                spans.extend(cell(right, col));
            }
            lines.push(Line::from(spans));
        }
    } else {
        lines.extend(entries.iter().map(|e| Line::from(cell(e, popup.width as usize))));
    }
    lines.push(Line::from(Span::styled(
        "Typing in a form or filter goes to the text first.",
        theme.muted,
    )));
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(" Help — Esc closes, ↑/↓ scroll ");
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), popup);
}

fn render_confirm(frame: &mut Frame, area: Rect, message: &str, theme: &Theme) {
    let popup = widgets::centered(area, 56, 7);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.warning)
        .title(" Confirm ");
    let text = vec![
        Line::raw(message.to_string()),
        Line::raw(""),
        Line::from(vec![
            Span::styled(" y ", theme.important),
            Span::raw("yes   "),
            Span::styled(" n ", theme.important),
            Span::raw("no"),
        ]),
    ];
    frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: true }), popup);
}
