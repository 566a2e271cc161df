//! Drawing the global search and the command palette.

use crate::app::App;
use crate::finder::{Palette, SearchBox, commands};
use crate::list::scroll_offset;
use crate::theme::Theme;
use crate::widgets;
use pathways_core::text::{fill, fit, pad, width};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

fn frame_prompt(frame: &mut Frame, area: Rect, title: &str, input: &str, theme: &Theme) -> Rect {
    let popup = widgets::centered(area, 78, area.height.saturating_sub(4).max(6));
    frame.render_widget(Clear, popup);
    let block = widgets::block(format!(" {title} "), theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [prompt, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let line = Line::from(vec![
        Span::styled("> ", theme.important),
        Span::raw(input.to_string()),
        Span::styled("▏", theme.important),
    ]);
    frame.render_widget(Paragraph::new(line), prompt);
    list
}

/// Lines for a list with a selection marker, only the visible window built.
fn window<'a>(
    len: usize,
    selected: usize,
    height: usize,
    mut line: impl FnMut(usize, bool) -> Line<'a>,
) -> Vec<Line<'a>> {
    let offset = scroll_offset(selected, height);
    (offset..len.min(offset + height))
        .map(|i| line(i, i == selected))
        .collect()
}

pub fn render_search(frame: &mut Frame, area: Rect, app: &App, s: &SearchBox, theme: &Theme) {
    // Typed text is drawn before its results are worked out: the title says so until they are.
    let title = if s.waiting {
        "Find anything — searching…"
    } else {
        "Find anything — Enter opens, Esc closes"
    };
    let list = frame_prompt(frame, area, title, &s.input, theme);
    let searching = || Paragraph::new(Line::styled("searching…", theme.muted));
    let Some(index) = &app.index else {
        return frame.render_widget(searching(), list);
    };
    let width = list.width as usize;
    let mut lines = window(
        s.results.len(),
        s.selected,
        list.height as usize,
        |i, selected| {
            let marker = if selected { "▶ " } else { "  " };
            // What a hit shows is made for the rows on screen alone (`Index::entry`).
            let text = match index.entry(&app.data, s.results[i]) {
                Some(e) => format!(
                    "{} {} {}",
                    fill(e.kind.label(), 11),
                    fill(&app.masked_title(&e), 24),
                    e.facts
                ),
                None => String::new(),
            };
            let text = fit(&text, width.saturating_sub(2)).into_owned();
            let style = if selected { theme.selected } else { theme.base };
            Line::from(vec![
                Span::styled(marker, theme.important),
                Span::styled(text, style),
            ])
        },
    );
    if s.results.is_empty() {
        let msg = if s.waiting {
            "searching…"
        } else if s.input.trim().is_empty() {
            "type a name, place, course number…"
        } else {
            "no match"
        };
        lines.push(Line::styled(msg, theme.muted));
    }
    frame.render_widget(Paragraph::new(lines), list);
}

pub fn render_palette(frame: &mut Frame, area: Rect, p: &Palette, theme: &Theme) {
    let list = frame_prompt(
        frame,
        area,
        "Command — Enter runs · find NAME searches · person NAME opens a card",
        &p.input,
        theme,
    );
    let all = commands();
    // Columns as wide as their longest entry (within reason), two spaces apart, so a long name
    // never runs into its keys; the help gets what is left, cut with an ellipsis.
    let widest = |f: &dyn Fn(&crate::keymap::Command) -> String, most: usize| {
        all.iter().map(|c| width(&f(c))).max().unwrap_or(0).min(most)
    };
    let name_w = widest(&|c| c.name.to_string(), 22);
    let keys_w = widest(&|c| c.keys_label(), 11);
    let scope_w = widest(&|c| c.tab.map(|t| t.short_title()).unwrap_or("").to_string(), 10);
    let help_w = (list.width as usize).saturating_sub(2 + name_w + keys_w + scope_w + 6);
    let highlighted = p.highlighted();
    let mut lines = window(p.matches.len(), p.selected, list.height as usize, |i, _| {
        let c = &all[p.matches[i]];
        let selected = highlighted == Some(p.matches[i]) && i == p.selected;
        let marker = if selected { "▶ " } else { "  " };
        let scope = c.tab.map(|t| t.short_title()).unwrap_or("");
        let style = if selected { theme.selected } else { theme.base };
        Line::from(vec![
            Span::styled(marker, theme.important),
            Span::styled(format!("{}  ", pad(c.name, name_w)), style),
            Span::styled(format!("{}  ", pad(&c.keys_label(), keys_w)), theme.important),
            Span::styled(format!("{}  ", pad(scope, scope_w)), theme.muted),
            Span::raw(fit(c.help, help_w).into_owned()),
        ])
    });
    if p.matches.is_empty() {
        lines.push(Line::styled("no command matches", theme.muted));
    }
    frame.render_widget(Paragraph::new(lines), list);
}
