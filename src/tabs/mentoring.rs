//! Tab 2, mentoring pairs: mentors, mentees, 12-month pairs and their monthly logs.

use super::{Rows, day, opt_day};
use crate::action::Action;
use crate::app::{App, ListNav};
use crate::dataset::Dataset;
use crate::domain::{Choice, MentoringPair};
use crate::form::Form;
use crate::keymap::Binding;
use crate::ui::{Theme, widgets};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentoringAction {}

#[derive(Debug, Clone, PartialEq)]
pub enum MentoringForm {}

#[derive(Debug, Clone, PartialEq)]
pub enum MentoringConfirm {}

pub const KEYS: &[Binding] = &[];

#[derive(Debug, Clone, Default)]
pub struct MentoringTab {
    pub list: ListNav,
    pub rows: Rows,
}

impl MentoringTab {
    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
        // Active pairs first, by expiry; ended ones after.
        let mut order: Vec<usize> = (0..data.pairs.len()).collect();
        order.sort_by_key(|&i| (!data.pairs[i].is_active(today), data.pairs[i].expires()));
        self.rows.set(order.into_iter().map(|i| {
            let p = &data.pairs[i];
            let mentor = data
                .mentor(p.mentor_id)
                .map(|m| data.employee_name(m.employee_id))
                .unwrap_or_default();
            (i, format!("{mentor} {}", data.employee_name(p.mentee_id)))
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

    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a MentoringPair> {
        self.rows.get(self.list.selected).and_then(|i| data.pairs.get(i))
    }
}

pub fn update(_app: &mut App, action: MentoringAction) {
    match action {}
}

pub fn submit(_app: &mut App, purpose: &MentoringForm, _form: &mut Form) -> bool {
    match *purpose {}
}

pub fn confirmed(_app: &mut App, c: MentoringConfirm) {
    match c {}
}

fn pair_state(p: &MentoringPair, today: NaiveDate) -> &'static str {
    if !p.is_active(today) {
        p.end_reason.map(|r| r.label()).unwrap_or("ended")
    } else if p.is_overdue(today) {
        "! past 12 months"
    } else if p.ends_soon(today) {
        "ending soon"
    } else {
        "active"
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.mentoring;
    let data = &app.data;
    let (list_area, detail_area) = widgets::list_and_detail(area, 8);
    let mentor_name = |id| {
        data.mentor(id)
            .map(|m| app.person(m.employee_id))
            .unwrap_or_default()
    };
    widgets::table(
        frame,
        list_area,
        format!(" Mentoring pairs ({}) ", tab.rows.len()),
        &["Mentor", "Mentee", "Started", "Ends", "State"],
        &[
            Constraint::Min(16),
            Constraint::Min(16),
            Constraint::Length(10),
            Constraint::Length(10),
            Constraint::Length(16),
        ],
        tab.rows.len(),
        tab.list.selected,
        theme,
        |row| {
            let p = &data.pairs[tab.rows.visible[row]];
            Row::new(vec![
                Cell::from(mentor_name(p.mentor_id)),
                Cell::from(app.person(p.mentee_id)),
                Cell::from(day(p.started)),
                Cell::from(day(p.ended.unwrap_or(p.expires()))),
                Cell::from(pair_state(p, app.today)),
            ])
        },
    );
    let lines = match tab.selected(data) {
        None => vec![Line::raw("No pair selected.")],
        Some(p) => {
            let logs = data.logs.iter().filter(|l| l.pair_id == p.id).count();
            let due = p.months_due(app.today).len();
            vec![
                widgets::fact("Mentor", mentor_name(p.mentor_id), theme),
                widgets::fact("Mentee", app.person(p.mentee_id), theme),
                widgets::fact("Agreement signed", day(p.started), theme),
                widgets::fact("Ends at the latest", day(p.expires()), theme),
                widgets::fact("Ended", opt_day(p.ended), theme),
                widgets::fact("Logs", format!("{logs} of {due} months due"), theme),
                widgets::fact("Notes", app.sensitive(p.notes.clone()), theme),
            ]
        }
    };
    widgets::detail(frame, detail_area, " Detail ", lines, theme);
}
