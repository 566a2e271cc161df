//! Drawing the learning tab: a view bar, then the current view's table. Only the visible rows are
//! built; the counts were computed in `rebuild`.

use super::{LearningTab, View, offering_name, session_name};
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets::{self, day};
use chrono::NaiveTime;
use pathways_core::domain::FiscalYear;
use pathways_core::text::width;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

pub fn render(tab: &LearningTab, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    render_bar(frame, bar, tab, cx, theme);
    match tab.view() {
        View::Offerings => offerings(frame, body, tab, cx, theme),
        View::Sessions => sessions(frame, body, tab, cx, theme),
        View::Attendance => attendance(frame, body, tab, cx, theme),
    }
}

fn render_bar(frame: &mut Frame, area: Rect, tab: &LearningTab, cx: &Ctx, theme: &Theme) {
    let spans: Vec<Span> = View::ALL
        .iter()
        .map(|&v| {
            let style = if v == tab.view() {
                theme.tab_active
            } else {
                theme.muted
            };
            Span::styled(format!(" {} ", v.title()), style)
        })
        .collect();
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    // This fiscal year's sessions and attendance: what the metrics count.
    let year = FiscalYear::of(cx.today);
    let data = cx.data;
    let held: Vec<_> = data
        .pl_sessions
        .iter()
        .filter(|s| year.contains(s.date))
        .collect();
    let people: usize = held.iter().map(|s| tab.attended(s.id)).sum();
    let facts = format!("{year}: {} sessions · {people} attended ", held.len());
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if used + width(&facts) < area.width as usize {
        frame.render_widget(
            Paragraph::new(Span::styled(facts, theme.muted)).alignment(Alignment::Right),
            area,
        );
    }
}

fn title(what: &str, shown: usize, all: usize, keys: &str) -> String {
    if shown == all {
        format!(" {what} ({all}) · {keys} ")
    } else {
        format!(" {what} ({shown} of {all}) ")
    }
}

fn offerings(frame: &mut Frame, area: Rect, tab: &LearningTab, cx: &Ctx, theme: &Theme) {
    let list = tab.list.list(View::Offerings);
    let data = cx.data;
    widgets::table(
        frame,
        area,
        title(
            "Offerings",
            list.len(),
            data.offerings.len(),
            "a add · e edit · x remove · Enter sessions",
        ),
        &["Course", "Title", "Office", "Sessions", "Attended"],
        &[
            Constraint::Length(7),
            Constraint::Min(16),
            Constraint::Length(10),
            Constraint::Length(8),
            Constraint::Length(8),
        ],
        list.len(),
        list.selected,
        theme,
        |row, cols| {
            let o = &data.offerings[list.rows.visible[row]];
            let title = if o.teacher_pathway {
                format!("{} (teacher pathway)", o.title)
            } else {
                o.title.clone()
            };
            Row::new(vec![
                cols.fit(0, o.course_number.clone()),
                cols.fit(1, title),
                cols.fit(2, o.partner_office.clone()),
                Cell::from(tab.sessions_of.get(&o.id).copied().unwrap_or(0).to_string()),
                Cell::from(tab.offering_attended.get(&o.id).copied().unwrap_or(0).to_string()),
            ])
        },
    );
    if data.offerings.is_empty() {
        hint(
            frame,
            area,
            "No offerings yet: a adds one, or `pathways import offerings FILE`.",
            theme,
        );
    }
}

fn time(t: Option<NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

fn sessions(frame: &mut Frame, area: Rect, tab: &LearningTab, cx: &Ctx, theme: &Theme) {
    let list = tab.list.list(View::Sessions);
    let data = cx.data;
    widgets::table(
        frame,
        area,
        title(
            "PL sessions",
            list.len(),
            data.pl_sessions.len(),
            "a add · e edit · x remove · Enter attendance",
        ),
        &["Date", "Time", "Course", "Place", "Facilitator", "Att."],
        &[
            Constraint::Length(10),
            Constraint::Length(11),
            Constraint::Min(14),
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Length(4),
        ],
        list.len(),
        list.selected,
        theme,
        |row, cols| {
            let s = &data.pl_sessions[list.rows.visible[row]];
            let course = data
                .offerings
                .iter()
                .find(|o| o.id == s.offering_id)
                .map(offering_name)
                .unwrap_or_default();
            let times = match (s.start, s.end) {
                (None, None) => String::new(),
                (a, b) => format!("{}-{}", time(a), time(b)),
            };
            let style = if s.date > cx.today {
                theme.muted
            } else {
                theme.base
            };
            Row::new(vec![
                Cell::from(day(s.date)),
                cols.fit(1, times),
                cols.fit(2, course),
                cols.fit(3, s.place.clone()),
                cols.fit(4, s.facilitator.clone()),
                Cell::from(tab.attended(s.id).to_string()),
            ])
            .style(style)
        },
    );
    if data.pl_sessions.is_empty() {
        hint(
            frame,
            area,
            "No sessions yet: a adds one (of an offering), or `import pl-roster`.",
            theme,
        );
    }
}

fn attendance(frame: &mut Frame, area: Rect, tab: &LearningTab, cx: &Ctx, theme: &Theme) {
    let list = tab.list.list(View::Attendance);
    let data = cx.data;
    let Some(session) = tab.attendance_session(data) else {
        widgets::table(
            frame,
            area,
            " Attendance ",
            &["Name"],
            &[Constraint::Min(10)],
            0,
            0,
            theme,
            |_, _| Row::new(Vec::<Cell>::new()),
        );
        hint(
            frame,
            area,
            "Choose a session (sessions view, Enter) to see who attended.",
            theme,
        );
        return;
    };
    let all = tab.attended(session.id);
    let what = format!("Attended {}", session_name(data, session));
    widgets::table(
        frame,
        area,
        title(&what, list.len(), all, "a add · x remove"),
        &["Name", "Employee ID", "Position"],
        &[
            Constraint::Min(16),
            Constraint::Length(11),
            Constraint::Length(20),
        ],
        list.len(),
        list.selected,
        theme,
        |row, cols| {
            let a = &data.pl_attendance[list.rows.visible[row]];
            let e = data.employee(a.employee_id);
            Row::new(vec![
                cols.fit(0, cx.person(a.employee_id)),
                cols.fit(1, e.map(|e| e.employee_number.clone()).unwrap_or_default()),
                cols.fit(2, e.map(|e| e.position.clone()).unwrap_or_default()),
            ])
        },
    );
}

fn hint(frame: &mut Frame, area: Rect, text: &str, theme: &Theme) {
    let line = Rect {
        y: area.y + 3,
        height: 1,
        ..area
    };
    if line.y < area.y + area.height {
        frame.render_widget(
            Paragraph::new(Line::styled(format!("  {text}"), theme.muted)),
            line,
        );
    }
}
