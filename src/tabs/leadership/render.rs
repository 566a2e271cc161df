//! Drawing the leadership tab. Only reads the state computed in `refresh`.

use super::{LeadershipTab, View};
use crate::app::{App, scroll_offset};
use crate::domain::{
    Choice, CompletionStatus, FiscalYear, LeadershipSession, ParticipantStatus, Share, rate_label,
};
use crate::tabs::day;
use crate::ui::{Theme, widgets};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.leadership;
    let [bar, upcoming, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(2), Constraint::Min(0)]).areas(area);
    render_bar(frame, bar, tab, app, theme);
    frame.render_widget(
        Paragraph::new(upcoming_line(tab, app, theme)).wrap(Wrap { trim: false }),
        upcoming,
    );
    if tab.cohort.is_none() && tab.view != View::Waitlist {
        let year = tab.year.unwrap_or(FiscalYear::of(app.today));
        widgets::detail(
            frame,
            body,
            format!(" {} ", year.short_label()),
            vec![Line::raw(format!(
                "No leadership cohort for {}. Press n to start one, or w for the waitlist.",
                year.short_label()
            ))],
            theme,
        );
        return;
    }
    match tab.view {
        View::Sessions => render_sessions(frame, body, app, theme),
        View::Attendance => render_grid(frame, body, app, theme),
        View::Completion => render_completion(frame, body, app, theme),
        View::Waitlist => render_waitlist(frame, body, app, theme),
        View::Profile => render_profile(frame, body, app, theme),
    }
}

/// "1 participant", "14 participants".
fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn year_label(tab: &LeadershipTab, app: &App) -> String {
    tab.year.unwrap_or(FiscalYear::of(app.today)).short_label()
}

/// "FY27 cohort" and the views, the current one reversed and bracketed.
fn render_bar(frame: &mut Frame, area: Rect, tab: &LeadershipTab, app: &App, theme: &Theme) {
    let mut spans = vec![Span::styled(
        format!(" {} cohort ", year_label(tab, app)),
        theme.important,
    )];
    for v in View::ALL {
        let current = v == tab.view;
        let (open, close) = if current { ("[", "]") } else { (" ", " ") };
        spans.push(Span::styled(
            format!("{open}{} {}{close}", v.key(), v.title()),
            if current { theme.tab_active } else { theme.muted },
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The next session of the cohort shown, without any key press.
fn upcoming_line(tab: &LeadershipTab, app: &App, theme: &Theme) -> Line<'static> {
    let s = &tab.summary;
    match s.next_session(app.today) {
        Some(n) => Line::from(vec![
            Span::styled(" Next: ", theme.header),
            Span::raw(format!(
                "session {} · {} ({}) {} · {}, room {} · {}",
                n.number,
                n.date.format("%a %Y-%m-%d"),
                match (n.date - app.today).num_days() {
                    0 => "today".to_string(),
                    1 => "tomorrow".to_string(),
                    d => format!("in {d} days"),
                },
                times(n),
                n.location,
                n.room,
                n.topic
            )),
        ]),
        None if s.sessions.is_empty() => Line::styled(" No sessions scheduled yet.", theme.muted),
        None => {
            let (done, ..) = s.counts();
            Line::styled(
                format!(
                    " All {} sessions held (last {}) · {done} completed",
                    s.sessions.len(),
                    s.sessions
                        .iter()
                        .map(|x| x.date)
                        .max()
                        .map(day)
                        .unwrap_or_default()
                ),
                theme.muted,
            )
        }
    }
}

fn times(s: &LeadershipSession) -> String {
    format!("{}-{}", s.start.format("%H:%M"), s.end.format("%H:%M"))
}

fn render_sessions(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.leadership;
    let s = &tab.summary;
    let next = s.next_session(app.today).map(|n| n.id);
    let wide = area.width >= 110;
    let (list_area, detail_area) = widgets::list_and_detail(area, 7);
    let mut header = vec!["", "#", "Date"];
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(10),
    ];
    if wide {
        header.push("Time");
        widths.push(Constraint::Length(11));
    }
    header.extend(["Location", "Room", "Topic", "Rate"]);
    widths.extend([
        Constraint::Length(if wide { 26 } else { 14 }),
        Constraint::Length(if wide { 18 } else { 11 }),
        Constraint::Min(10),
        Constraint::Length(4),
    ]);
    widgets::table(
        frame,
        list_area,
        format!(
            " {} sessions ({}) · {} · » next ✓ held ",
            year_label(tab, app),
            s.sessions.len(),
            count(s.people.len(), "participant")
        ),
        &header,
        &widths,
        tab.rows.len(),
        tab.list.selected,
        theme,
        |row| {
            let i = tab.rows.visible[row];
            let x = &s.sessions[i];
            let marker = if Some(x.id) == next {
                "»"
            } else if x.date < app.today {
                "✓"
            } else {
                " "
            };
            let mut cells = vec![
                Cell::from(marker),
                Cell::from(x.number.to_string()),
                Cell::from(day(x.date)),
            ];
            if wide {
                cells.push(Cell::from(times(x)));
            }
            cells.extend([
                Cell::from(x.location.clone()),
                Cell::from(x.room.clone()),
                Cell::from(x.topic.clone()),
                Cell::from(format!("{:>4}", rate_label(s.session_rate[i]))),
            ]);
            Row::new(cells)
        },
    );
    let lines = match tab.rows.get(tab.list.selected) {
        None => vec![Line::raw("No session selected. a adds one.")],
        Some(i) => {
            let x = &s.sessions[i];
            let (mut p, mut a, mut e) = (0, 0, 0);
            for row in &s.grid {
                match row[i].as_ref().map(|m| m.mark) {
                    Some(crate::domain::Attendance::Present) => p += 1,
                    Some(crate::domain::Attendance::Absent) => a += 1,
                    Some(crate::domain::Attendance::Excused) => e += 1,
                    None => {}
                }
            }
            vec![
                widgets::fact("Session", format!("{} · {}", x.number, x.topic), theme),
                widgets::fact(
                    "When",
                    format!("{} {}", x.date.format("%a %Y-%m-%d"), times(x)),
                    theme,
                ),
                widgets::fact("Where", format!("{}, room {}", x.location, x.room), theme),
                widgets::fact("Facilitator", x.facilitator.clone(), theme),
                widgets::fact(
                    "Attendance",
                    format!(
                        "{p} present · {a} absent · {e} excused of {} · rate {}",
                        count(s.people.len(), "participant"),
                        rate_label(s.session_rate[i])
                    ),
                    theme,
                ),
            ]
        }
    };
    widgets::detail(
        frame,
        detail_area,
        " Session · e edit · r reschedule · a add ",
        lines,
        theme,
    );
}

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
fn render_grid(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.leadership;
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
        let title = format!(" {} attendance ", year_label(tab, app));
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
    let offset = scroll_offset(tab.list.selected, visible_rows);
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
    let end = (offset + visible_rows).min(tab.rows.len());
    for r in offset..end {
        let i = tab.rows.visible[r];
        let p = &s.people[i];
        let here = r == tab.list.selected;
        let marker = if here { "▶ " } else { "  " };
        let mut cells = vec![Cell::from(format!("{marker}{}", app.person(p.employee_id)))];
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
            app.person(p.employee_id),
            x.number,
            x.date
        )
    });
    let title = format!(
        " {} attendance{}",
        year_label(tab, app),
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

fn render_completion(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.leadership;
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
            year_label(tab, app),
            s.people.len(),
            held(s, app),
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
        tab.rows.len(),
        tab.list.selected,
        theme,
        |row| {
            let i = tab.rows.visible[row];
            let p = &s.people[i];
            Row::new(vec![
                Cell::from(app.person(p.employee_id)),
                Cell::from(p.role.clone()),
                Cell::from(p.status.label()),
                Cell::from(format!("{}/{}", s.attended[i], s.sessions.len())),
                Cell::from(format!("{:>4}", rate_label(s.person_rate[i]))),
                completion_cell(s.completion[i], false, theme),
            ])
        },
    );
    let names: Vec<String> = s
        .completed_rows()
        .map(|i| app.person(s.people[i].employee_id))
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

fn held(s: &crate::domain::CohortSummary, app: &App) -> usize {
    s.sessions.iter().filter(|x| x.date < app.today).count()
}

fn render_waitlist(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.leadership;
    let data = &app.data;
    let (list_area, detail_area) = widgets::list_and_detail(area, 6);
    widgets::table(
        frame,
        list_area,
        format!(" Waitlist ({}) · in join order ", tab.waitlist.len()),
        &["#", "Joined", "Name", "Note"],
        &[
            Constraint::Length(3),
            Constraint::Length(10),
            Constraint::Length(22),
            Constraint::Min(10),
        ],
        tab.rows.len(),
        tab.list.selected,
        theme,
        |row| {
            let i = tab.rows.visible[row];
            let w = &tab.waitlist[i];
            Row::new(vec![
                Cell::from((i + 1).to_string()),
                Cell::from(day(w.joined)),
                Cell::from(app.person(w.employee_id)),
                Cell::from(w.note.clone()),
            ])
        },
    );
    let lines = match tab.selected_waitlist() {
        None => vec![Line::raw("Nobody selected. a adds someone to the waitlist.")],
        Some(w) => {
            let e = data.employee(w.employee_id);
            vec![
                widgets::fact("Employee", app.person(w.employee_id), theme),
                widgets::fact(
                    "Position",
                    e.map(|e| format!("{} · {}", e.position, data.location_name(e.location_id)))
                        .unwrap_or_default(),
                    theme,
                ),
                widgets::fact("Joined", format!("{} · {}", day(w.joined), w.note), theme),
                Line::styled("m promote into a future cohort · x remove · e edit", theme.muted),
            ]
        }
    };
    widgets::detail(frame, detail_area, " Waiting ", lines, theme);
}

fn share_rows<'a>(shares: &'a [Share], label_w: usize) -> impl Iterator<Item = String> + 'a {
    shares.iter().map(move |s| {
        let label: String = s.label.chars().take(label_w).collect();
        format!("{label:<label_w$} {:>3} {:>6}", s.count, s.percent)
    })
}

fn render_profile(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.leadership;
    let p = &tab.profile;
    // The right pane is wide enough for "Black or African American" at 80 columns.
    let [left, right] = if area.width >= 100 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    } else {
        Layout::horizontal([Constraint::Min(20), Constraint::Length(38)]).areas(area)
    };
    widgets::table(
        frame,
        left,
        format!(
            " {} by role · {} ",
            year_label(tab, app),
            count(p.total, "participant")
        ),
        &["Role at entry", "n", "%"],
        &[Constraint::Min(10), Constraint::Length(3), Constraint::Length(6)],
        tab.rows.len(),
        tab.list.selected,
        theme,
        |row| {
            let s = &p.by_role[tab.rows.visible[row]];
            Row::new(vec![
                Cell::from(s.label.clone()),
                Cell::from(format!("{:>3}", s.count)),
                Cell::from(format!("{:>6}", s.percent)),
            ])
        },
    );
    let race_h = (p.by_race.len() as u16 + 2).max(3);
    let [chapters, races] = Layout::vertical([Constraint::Min(3), Constraint::Length(race_h)]).areas(right);
    let w = right.width.saturating_sub(2 + 11) as usize;
    let chapter_lines: Vec<Line> = share_rows(&p.by_chapter, w).map(Line::raw).collect();
    widgets::detail(frame, chapters, " By chapter ", chapter_lines, theme);
    // Race is sensitive: the whole breakdown goes through the privacy screen at once.
    let race_text = app.sensitive(share_rows(&p.by_race, w).collect::<Vec<_>>().join("\n"));
    let race_lines: Vec<Line> = race_text.lines().map(|l| Line::raw(l.to_string())).collect();
    let title = if app.private {
        " By race · hidden (p shows) "
    } else {
        " By race "
    };
    widgets::detail(frame, races, title, race_lines, theme);
}
