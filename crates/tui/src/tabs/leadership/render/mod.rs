//! Drawing the leadership tab. Only reads the state computed in `refresh`.

mod people;

use super::{LeadershipTab, View};
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets::{self, day};
use pathways_core::domain::{FiscalYear, LeadershipSession, Share, rate_label};
use pathways_core::privacy::Sensitive;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Wrap};

pub fn render(tab: &LeadershipTab, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    let [bar, upcoming, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(2), Constraint::Min(0)]).areas(area);
    render_bar(frame, bar, tab, cx, theme);
    frame.render_widget(
        Paragraph::new(upcoming_line(tab, cx, theme)).wrap(Wrap { trim: false }),
        upcoming,
    );
    if tab.cohort.is_none() && tab.view() != View::Waitlist {
        let year = tab.year.unwrap_or(FiscalYear::of(cx.today));
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
    match tab.view() {
        View::Sessions => render_sessions(frame, body, tab, cx, theme),
        View::Attendance => people::render_grid(frame, body, tab, cx, theme),
        View::Completion => people::render_completion(frame, body, tab, cx, theme),
        View::Waitlist => render_waitlist(frame, body, tab, cx, theme),
        View::Profile => render_profile(frame, body, tab, cx, theme),
    }
}

pub(super) use pathways_core::text::count;

fn year_label(tab: &LeadershipTab, cx: &Ctx) -> String {
    tab.year.unwrap_or(FiscalYear::of(cx.today)).short_label()
}

/// "FY27 cohort" and the views, the current one reversed and bracketed.
fn render_bar(frame: &mut Frame, area: Rect, tab: &LeadershipTab, cx: &Ctx, theme: &Theme) {
    let mut spans = vec![Span::styled(
        format!(" {} cohort ", year_label(tab, cx)),
        theme.important,
    )];
    for v in View::ALL {
        let current = v == tab.view();
        let (open, close) = if current { ("[", "]") } else { (" ", " ") };
        spans.push(Span::styled(
            format!("{open}{} {}{close}", v.key(), v.title()),
            if current { theme.tab_active } else { theme.muted },
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The next session of the cohort shown, without any key press.
fn upcoming_line(tab: &LeadershipTab, cx: &Ctx, theme: &Theme) -> Line<'static> {
    let s = &tab.summary;
    match s.next_session(cx.today) {
        Some(n) => Line::from(vec![
            Span::styled(" Next: ", theme.header),
            Span::raw(format!(
                "session {} · {} ({}) {} · {}, room {} · {}",
                n.number,
                n.date.format("%a %Y-%m-%d"),
                match (n.date - cx.today).num_days() {
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
                    " All {} held (last {}) · {done} completed",
                    count(s.sessions.len(), "session"),
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

fn render_sessions(frame: &mut Frame, area: Rect, tab: &LeadershipTab, cx: &Ctx, theme: &Theme) {
    let s = &tab.summary;
    let next = s.next_session(cx.today).map(|n| n.id);
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
            year_label(tab, cx),
            s.sessions.len(),
            count(s.people.len(), "participant")
        ),
        &header,
        &widths,
        tab.rows().len(),
        tab.list.selected(),
        theme,
        |row, cols| {
            let i = tab.rows().visible[row];
            let x = &s.sessions[i];
            let o = usize::from(wide);
            let marker = if Some(x.id) == next {
                "»"
            } else if x.date < cx.today {
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
                cols.fit(3 + o, x.location.clone()),
                cols.fit(4 + o, x.room.clone()),
                cols.fit(5 + o, x.topic.clone()),
                Cell::from(format!("{:>4}", rate_label(s.session_rate[i]))),
            ]);
            Row::new(cells)
        },
    );
    let lines = match tab.rows().get(tab.list.selected()) {
        None => vec![Line::raw("No session selected. a adds one.")],
        Some(i) => {
            let x = &s.sessions[i];
            let (mut p, mut a, mut e) = (0, 0, 0);
            for row in &s.grid {
                match row[i].as_ref().map(|m| m.mark) {
                    Some(pathways_core::domain::Attendance::Present) => p += 1,
                    Some(pathways_core::domain::Attendance::Absent) => a += 1,
                    Some(pathways_core::domain::Attendance::Excused) => e += 1,
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
    widgets::detail_pane(
        frame,
        detail_area,
        " Session · e edit · r reschedule · a add ",
        lines,
        cx.detail,
        theme,
    );
}

fn render_waitlist(frame: &mut Frame, area: Rect, tab: &LeadershipTab, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
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
        tab.rows().len(),
        tab.list.selected(),
        theme,
        |row, cols| {
            let i = tab.rows().visible[row];
            let w = &tab.waitlist[i];
            Row::new(vec![
                Cell::from((i + 1).to_string()),
                Cell::from(day(w.joined)),
                cols.fit(2, cx.person(w.employee_id)),
                cols.fit(3, cx.shown(Sensitive::Note, &w.note)),
            ])
        },
    );
    let lines = match tab.selected_waitlist() {
        None => vec![Line::raw("Nobody selected. a adds someone to the waitlist.")],
        Some(w) => {
            let e = data.employee(w.employee_id);
            vec![
                widgets::fact("Employee", cx.person(w.employee_id), theme),
                widgets::fact(
                    "Position",
                    e.map(|e| format!("{} · {}", e.position, data.location_name(e.location_id)))
                        .unwrap_or_default(),
                    theme,
                ),
                widgets::fact(
                    "Joined",
                    format!("{} · {}", day(w.joined), cx.shown(Sensitive::Note, &w.note)),
                    theme,
                ),
                Line::styled("m promote into a future cohort · x remove · e edit", theme.muted),
            ]
        }
    };
    widgets::detail_pane(frame, detail_area, " Waiting ", lines, cx.detail, theme);
}

fn share_rows<'a>(shares: &'a [Share], label_w: usize) -> impl Iterator<Item = String> + 'a {
    shares.iter().map(move |s| {
        let label = pathways_core::text::pad(&s.label, label_w);
        format!("{label} {:>3} {:>6}", s.count, s.percent)
    })
}

fn render_profile(frame: &mut Frame, area: Rect, tab: &LeadershipTab, cx: &Ctx, theme: &Theme) {
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
            year_label(tab, cx),
            count(p.total, "participant")
        ),
        &["Role at entry", "n", "%"],
        &[Constraint::Min(10), Constraint::Length(3), Constraint::Length(6)],
        tab.rows().len(),
        tab.list.selected(),
        theme,
        |row, cols| {
            let s = &p.by_role[tab.rows().visible[row]];
            Row::new(vec![
                cols.fit(0, s.label.clone()),
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
    let race_text = cx.sensitive(share_rows(&p.by_race, w).collect::<Vec<_>>().join("\n"));
    let race_lines: Vec<Line> = race_text.lines().map(|l| Line::raw(l.to_string())).collect();
    let title = if cx.private {
        " By race · hidden (p shows) "
    } else {
        " By race "
    };
    widgets::detail(frame, races, title, race_lines, theme);
}
