//! The participant views: the attendance grid and completion (with the certificate list).

use super::super::LeadershipTab;
use super::{count, year_label};
use crate::list::scroll_offset;
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets;
use pathways_core::domain::rate_label;
use pathways_core::domain::{Choice, CompletionStatus, ParticipantStatus};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

fn completion_cell(c: Option<CompletionStatus>, short: bool, theme: &Theme) -> Cell<'static> {
    let (text, style) = match c {
        None => ("– withdrawn".to_string(), theme.muted),
        Some(s) => {
            let label = match (s, short) {
                (CompletionStatus::Completed, true) => "done",
                (CompletionStatus::CannotComplete, true) => "cannot",
                _ => s.label(),
            };
            let style = match s {
                CompletionStatus::Completed => theme.good,
                CompletionStatus::OnTrack => theme.base,
                CompletionStatus::CannotComplete => theme.error,
            };
            (format!("{} {label}", s.marker()), style)
        }
    };
    Cell::from(Span::styled(text, style))
}

/// The spreadsheet: participants down, sessions across, the cell cursor shown bracketed and
/// reversed (so it shows without colour), rates at the ends.
pub(super) fn render_grid(frame: &mut Frame, area: Rect, tab: &LeadershipTab, cx: &Ctx, theme: &Theme) {
    let s = &tab.summary;
    if s.people.is_empty() || s.sessions.is_empty() {
        let msg = if s.people.is_empty() {
            "No participants yet: a adds one, or promote someone from the waitlist (w, then m).".to_string()
        } else {
            format!(
                "{} and no sessions yet: press s, then a to add a session.",
                count(s.people.len(), "participant")
            )
        };
        let title = format!(" {} attendance ", year_label(tab, cx));
        widgets::detail(frame, area, title, vec![Line::raw(msg)], theme);
        return;
    }
    // Name, then 4-wide session cells, rate (4) and completion (11), each after a 1-wide gap.
    let inner = area.width.saturating_sub(2);
    let name_w: u16 = if inner >= 21 + 8 * 5 + 17 { 21 } else { 16 };
    let fit = (inner.saturating_sub(name_w + 17) / 5).max(1) as usize;
    let first_col = tab.col.saturating_sub(fit.saturating_sub(1));
    let cols: Vec<usize> = (first_col..s.sessions.len()).take(fit).collect();
    let visible_rows = area.height.saturating_sub(4) as usize;
    let offset = scroll_offset(tab.list.selected(), visible_rows);
    let mut widths = vec![Constraint::Length(name_w)];
    widths.extend(cols.iter().map(|_| Constraint::Length(4)));
    widths.extend([Constraint::Length(4), Constraint::Length(11)]);
    let mut header = vec![Cell::from(Span::styled("Participant", theme.header))];
    header.extend(cols.iter().map(|&c| {
        let style = if c == tab.col {
            theme.important
        } else {
            theme.header
        };
        Cell::from(Span::styled(format!("#{}", s.sessions[c].number), style))
    }));
    header.push(Cell::from(Span::styled("Rate", theme.header)));
    header.push(Cell::from(Span::styled("Completion", theme.header)));
    let mut rows: Vec<Row> = Vec::new();
    let end = (offset + visible_rows).min(tab.rows().len());
    for r in offset..end {
        let i = tab.rows().visible[r];
        let p = &s.people[i];
        let here = r == tab.list.selected();
        let marker = if here { "▶ " } else { "  " };
        let mut cells = vec![Cell::from(format!("{marker}{}", cx.person(p.employee_id)))];
        for &c in &cols {
            let letter = s.grid[i][c].as_ref().map(|m| m.mark.letter()).unwrap_or("·");
            if here && c == tab.col {
                cells.push(Cell::from(Span::styled(format!("[{letter}]"), theme.selected)));
            } else {
                cells.push(Cell::from(format!(" {letter}")));
            }
        }
        cells.push(Cell::from(format!("{:>4}", rate_label(s.person_rate[i]))));
        cells.push(completion_cell(s.completion[i], true, theme));
        rows.push(Row::new(cells));
    }
    let mut rate_row = vec![Cell::from(Span::styled("  Session rate", theme.muted))];
    rate_row.extend(cols.iter().map(|&c| {
        Cell::from(Span::styled(
            format!("{:>4}", rate_label(s.session_rate[c])),
            theme.muted,
        ))
    }));
    rows.push(Row::new(rate_row));
    let cell = tab.selected_person().zip(s.sessions.get(tab.col)).map(|(i, x)| {
        let p = &s.people[i];
        let mark = s.grid[i][tab.col]
            .as_ref()
            .map(|m| m.mark.label())
            .unwrap_or("not marked");
        format!(
            " {} · session {} ({}): {mark} ",
            cx.person(p.employee_id),
            x.number,
            x.date
        )
    });
    let title = format!(
        " {} attendance{}",
        year_label(tab, cx),
        cell.map(|c| format!(" ·{c}")).unwrap_or_else(|| " ".into())
    );
    let block = widgets::block(title, theme).title_bottom(Line::styled(
        " P present · A absent · E excused · Space cycle · Bksp clear ",
        theme.muted,
    ));
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header))
            .block(block)
            .column_spacing(1),
        area,
    );
}

pub(super) fn render_completion(frame: &mut Frame, area: Rect, tab: &LeadershipTab, cx: &Ctx, theme: &Theme) {
    let s = &tab.summary;
    let rule = tab.cohort.as_ref().map(|c| c.rule).unwrap_or_default();
    let (done, on_track, cannot, withdrawn) = s.counts();
    let [info, list, certs] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(5), Constraint::Length(5)]).areas(area);
    let lines = vec![
        Line::from(vec![
            Span::styled(" Rule: ", theme.header),
            Span::raw(rule.describe()),
            Span::styled(" · R sets it", theme.muted),
        ]),
        Line::from(vec![
            Span::styled(format!(" ✓ {done} completed"), theme.good),
            Span::raw(format!(" · · {on_track} on track · ")),
            Span::styled(format!("✗ {cannot} cannot complete"), theme.error),
            Span::raw(format!(" · – {withdrawn} withdrawn")),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines), info);
    widgets::table(
        frame,
        list,
        format!(
            " {} participants ({}) · {} of {} sessions held ",
            year_label(tab, cx),
            s.people.len(),
            held(s, cx),
            s.sessions.len()
        ),
        &[
            "Participant",
            "Role at entry",
            "Status",
            "Att.",
            "Rate",
            "Completion",
        ],
        &[
            Constraint::Length(18),
            Constraint::Min(10),
            Constraint::Length(9),
            Constraint::Length(4),
            Constraint::Length(4),
            Constraint::Length(17),
        ],
        tab.rows().len(),
        tab.list.selected(),
        theme,
        |row, cols| {
            let i = tab.rows().visible[row];
            let p = &s.people[i];
            Row::new(vec![
                cols.fit(0, cx.person(p.employee_id)),
                cols.fit(1, p.role.clone()),
                Cell::from(p.status.label()),
                Cell::from(format!("{}/{}", s.attended[i], s.sessions.len())),
                Cell::from(format!("{:>4}", rate_label(s.person_rate[i]))),
                completion_cell(s.completion[i], false, theme),
            ])
        },
    );
    let names: Vec<String> = s
        .completed_rows()
        .map(|i| cx.person(s.people[i].employee_id))
        .collect();
    let text = if names.is_empty() {
        Line::styled("nobody has completed yet", theme.muted)
    } else {
        Line::raw(names.join(", "))
    };
    let not_recorded = s
        .completed_rows()
        .filter(|&i| s.people[i].status != ParticipantStatus::Completed)
        .count();
    let title = if not_recorded > 0 {
        format!(
            " Certificates of completion ({}) · {not_recorded} still marked active: e sets status ",
            names.len()
        )
    } else {
        format!(" Certificates of completion ({}) ", names.len())
    };
    widgets::detail(frame, certs, title, vec![text], theme);
}

fn held(s: &pathways_core::domain::CohortSummary, cx: &Ctx) -> usize {
    s.sessions.iter().filter(|x| x.date < cx.today).count()
}
