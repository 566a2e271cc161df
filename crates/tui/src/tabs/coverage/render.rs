//! Drawing the coverage tab: a summary that fits 80 columns, a view bar, and the current view.

use super::views::{ambassadors, attendance, demographics, locations, sessions};
use super::{CoverageTab, View};
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets::{self, day};
use pathways_core::domain::Choice;
use pathways_core::text::{percent, width as text_width};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

pub fn render(tab: &CoverageTab, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    let [summary, bar, rest] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let width = area.width as usize;
    frame.render_widget(Paragraph::new(summary_lines(tab, theme, width)), summary);
    frame.render_widget(Paragraph::new(view_bar(tab, theme, width)), bar);
    match tab.view() {
        View::Overview => overview(frame, rest, tab, cx, theme),
        View::Ambassadors => ambassadors(frame, rest, tab, cx, theme),
        View::Locations => locations(frame, rest, tab, cx, theme),
        View::Sessions if tab.marking.is_some() => attendance(frame, rest, tab, cx, theme),
        View::Sessions => sessions(frame, rest, tab, cx, theme),
        View::Demographics => demographics(frame, rest, tab, cx, theme),
    }
}

/// Two lines that fit `width`: the full wording at 80 columns, a shorter one below that.
fn summary_lines<'a>(tab: &CoverageTab, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let c = &tab.totals;
    let active = format!(
        " {} active",
        pathways_core::text::count(c.active_ambassadors, "ambassador")
    );
    let (when, short_when) = if tab.date == tab.today {
        (
            format!("as of today, {}", day(tab.date)),
            format!("today {}", day(tab.date)),
        )
    } else {
        (
            format!("as of {} (t: today)", day(tab.date)),
            format!("as of {}", day(tab.date)),
        )
    };
    let (ending, short_ending) = match tab.ending.len() {
        0 => (String::new(), String::new()),
        n => (
            format!(" · {n} end within 60 days"),
            format!(" · {n} end ≤60 days"),
        ),
    };
    let fits = |parts: &[&str]| parts.iter().map(|p| text_width(p)).sum::<usize>() <= width;
    let (ending, when) = if fits(&[&active, &ending, " · ", &when]) {
        (ending, when)
    } else {
        (short_ending, short_when)
    };
    let locations = (c.locations_covered, c.locations_total);
    let location_pct = percent(locations.0 as u64, locations.1 as u64);
    let employees = (thousands(c.employees_covered), thousands(c.employees_total));
    let employee_pct = percent(c.employees_covered, c.employees_total);
    // A location of unknown size is not in the employee figures: the line says how many.
    let employee_pct = match c.sizes_unknown {
        0 => employee_pct,
        n => format!(
            "{employee_pct}; {} unknown",
            pathways_core::text::count(n, "size")
        ),
    };
    let covered = format!(
        " Covered: {} of {} locations ({location_pct}) · {} of {} employees ({employee_pct})",
        locations.0, locations.1, employees.0, employees.1
    );
    let covered = if fits(&[&covered]) {
        covered
    } else {
        format!(
            " {}/{} locations ({location_pct}) · {}/{} employees ({employee_pct})",
            locations.0, locations.1, employees.0, employees.1
        )
    };
    vec![
        Line::from(vec![
            Span::styled(active, theme.important),
            Span::raw(ending),
            Span::styled(format!(" · {when}"), theme.muted),
        ]),
        Line::raw(covered),
    ]
}

fn view_bar<'a>(tab: &CoverageTab, theme: &Theme, width: usize) -> Line<'a> {
    let wide = width >= 68;
    let mut spans = vec![Span::raw(" ")];
    for v in View::ALL {
        let title = match v {
            View::Sessions if !wide => "Sessions",
            _ => v.title(),
        };
        if v == tab.view() {
            spans.push(Span::styled(format!("[{title}]"), theme.tab_active));
        } else {
            spans.push(Span::styled(format!(" {title} "), theme.muted));
        }
    }
    if wide {
        spans.push(Span::styled(" ←/→", theme.muted));
    }
    Line::from(spans)
}

/// 1234567 -> "1,234,567".
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn overview(frame: &mut Frame, area: Rect, tab: &CoverageTab, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
    // On a short terminal the gaps matter most: the table by type gives way first.
    let kinds = tab.by_kind.len() as u16 + 3;
    let kinds = if area.height >= kinds + 6 { kinds } else { 0 };
    let [top, bottom] = Layout::vertical([Constraint::Length(kinds), Constraint::Min(0)]).areas(area);
    fixed_table(
        frame,
        top,
        " Coverage by location type ",
        &["Type", "Locations", "%", "Employees", "%"],
        &[
            Constraint::Min(16),
            Constraint::Length(10),
            Constraint::Length(6),
            Constraint::Length(15),
            Constraint::Length(6),
        ],
        theme,
        tab.by_kind.iter().map(|k| {
            Row::new(vec![
                Cell::from(k.kind.label()),
                Cell::from(format!("{} of {}", k.covered, k.locations)),
                Cell::from(percent(k.covered as u64, k.locations as u64)),
                Cell::from(format!(
                    "{} of {}",
                    thousands(k.employees_covered),
                    thousands(k.employees)
                )),
                Cell::from(percent(k.employees_covered, k.employees)),
            ])
        }),
    );
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(bottom);
    widgets::table(
        frame,
        left,
        format!(" Uncovered, biggest first ({}) ", tab.rows(View::Overview).len()),
        &["Location", "Empl."],
        &[Constraint::Min(12), Constraint::Length(5)],
        tab.rows(View::Overview).len(),
        tab.selected_row(),
        theme,
        |row, cols| {
            let l = &data.locations[tab.rows(View::Overview).visible[row]];
            Row::new(vec![cols.fit(0, l.name.clone()), Cell::from(l.employees_cell())])
        },
    );
    // Only the rows that fit are built.
    let fit = right.height.saturating_sub(3) as usize;
    fixed_table(
        frame,
        right,
        format!(" Tenure ends ≤60 days ({}) ", tab.ending.len()),
        &["Ambassador", "Ends"],
        &[Constraint::Min(8), Constraint::Length(10)],
        theme,
        tab.ending.iter().take(fit).map(|&i| {
            let a = &data.ambassadors[i];
            Row::new(vec![
                Cell::from(cx.person(a.employee_id)),
                Cell::from(day(a.tenure_end)),
            ])
        }),
    );
}

/// A table without a selection (summaries beside the list the keys move in).
fn fixed_table<'a>(
    frame: &mut Frame,
    area: Rect,
    title: impl Into<Line<'a>>,
    header: &[&'a str],
    widths: &[Constraint],
    theme: &Theme,
    rows: impl Iterator<Item = Row<'a>>,
) {
    let header = Row::new(header.iter().map(|h| Span::styled(*h, theme.header)));
    let t = Table::new(rows.collect::<Vec<_>>(), widths.to_vec())
        .header(header)
        .block(widgets::block(title, theme))
        .column_spacing(1);
    frame.render_widget(t, area);
}
