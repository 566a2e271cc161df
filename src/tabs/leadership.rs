//! Tab 4, leadership sessions: the yearly cohort, its eight sessions, attendance and completion.

use super::{Rows, day};
use crate::action::Action;
use crate::app::{App, ListNav};
use crate::dataset::Dataset;
use crate::domain::{FiscalYear, LeadershipSession};
use crate::form::Form;
use crate::keymap::Binding;
use crate::ui::{Theme, widgets};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadershipAction {}

#[derive(Debug, Clone, PartialEq)]
pub enum LeadershipForm {}

#[derive(Debug, Clone, PartialEq)]
pub enum LeadershipConfirm {}

pub const KEYS: &[Binding] = &[];

#[derive(Debug, Clone, Default)]
pub struct LeadershipTab {
    pub list: ListNav,
    pub rows: Rows,
    /// The fiscal year of the cohort shown.
    pub year: Option<FiscalYear>,
}

impl LeadershipTab {
    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
        let year = *self.year.get_or_insert_with(|| {
            let current = FiscalYear::of(today);
            if data.cohort_for(current).is_some() {
                current
            } else {
                data.cohorts
                    .iter()
                    .map(|c| FiscalYear(c.fiscal_year))
                    .max()
                    .unwrap_or(current)
            }
        });
        let cohort = data.cohort_for(year).map(|c| c.id);
        let mut order: Vec<usize> = (0..data.sessions.len())
            .filter(|&i| Some(data.sessions[i].cohort_id) == cohort)
            .collect();
        order.sort_by_key(|&i| data.sessions[i].number);
        self.rows.set(order.into_iter().map(|i| {
            let s = &data.sessions[i];
            (i, format!("{} {} {}", s.topic, s.location, s.room))
        }));
        self.refilter();
    }

    pub fn refilter(&mut self) {
        self.rows.narrow(&self.list.filter);
        self.list.clamp(self.rows.len());
    }

    pub fn navigate(&mut self, action: Action) {
        self.list.apply(action, self.rows.len());
    }

    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a LeadershipSession> {
        self.rows
            .get(self.list.selected)
            .and_then(|i| data.sessions.get(i))
    }
}

pub fn update(_app: &mut App, action: LeadershipAction) {
    match action {}
}

pub fn submit(_app: &mut App, purpose: &LeadershipForm, _form: &mut Form) -> bool {
    match *purpose {}
}

pub fn confirmed(_app: &mut App, c: LeadershipConfirm) {
    match c {}
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.leadership;
    let data = &app.data;
    let year = tab.year.unwrap_or(FiscalYear::of(app.today));
    let [summary, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let cohort = data.cohort_for(year);
    let participants = cohort
        .map(|c| data.participants.iter().filter(|p| p.cohort_id == c.id).count())
        .unwrap_or(0);
    let next = cohort.and_then(|c| {
        data.sessions
            .iter()
            .filter(|s| s.cohort_id == c.id && s.date >= app.today)
            .min_by_key(|s| s.date)
    });
    let upcoming = match next {
        Some(s) => format!(
            " Next: session {} · {} {}-{} · {} · {} · {}",
            s.number,
            day(s.date),
            s.start.format("%H:%M"),
            s.end.format("%H:%M"),
            s.location,
            s.room,
            s.topic
        ),
        None => format!(
            " {} cohort: {participants} participants · no upcoming session",
            year.short_label()
        ),
    };
    frame.render_widget(Paragraph::new(Line::styled(upcoming, theme.important)), summary);
    let (list_area, detail_area) = widgets::list_and_detail(rest, 7);
    widgets::table(
        frame,
        list_area,
        format!(" {} sessions · {participants} participants ", year.short_label()),
        &["#", "Date", "Time", "Location", "Room", "Topic"],
        &[
            Constraint::Length(2),
            Constraint::Length(10),
            Constraint::Length(11),
            Constraint::Length(16),
            Constraint::Length(12),
            Constraint::Min(12),
        ],
        tab.rows.len(),
        tab.list.selected,
        theme,
        |row| {
            let s = &data.sessions[tab.rows.visible[row]];
            Row::new(vec![
                Cell::from(s.number.to_string()),
                Cell::from(day(s.date)),
                Cell::from(format!("{}-{}", s.start.format("%H:%M"), s.end.format("%H:%M"))),
                Cell::from(s.location.clone()),
                Cell::from(s.room.clone()),
                Cell::from(s.topic.clone()),
            ])
        },
    );
    let lines = match tab.selected(data) {
        None => vec![Line::raw("No session selected.")],
        Some(s) => {
            let present = data
                .attendance
                .iter()
                .filter(|m| m.session_id == s.id && m.mark == crate::domain::Attendance::Present)
                .count();
            vec![
                widgets::fact("Session", format!("{} · {}", s.number, s.topic), theme),
                widgets::fact("Where", format!("{}, room {}", s.location, s.room), theme),
                widgets::fact("Facilitator", s.facilitator.clone(), theme),
                widgets::fact("Present", format!("{present} of {participants}"), theme),
            ]
        }
    };
    widgets::detail(frame, detail_area, " Detail ", lines, theme);
}
