//! Tab 1, the intake queue: who asked for help, what they need, how long they have waited.

use super::{Rows, day, opt_day};
use crate::action::Action;
use crate::app::{App, ListNav};
use crate::dataset::Dataset;
use crate::domain::{Choice, DEFAULT_OVERDUE_WORKING_DAYS, Intake, IntakeStatus};
use crate::form::Form;
use crate::keymap::Binding;
use crate::ui::{Theme, widgets};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakeAction {}

#[derive(Debug, Clone, PartialEq)]
pub enum IntakeForm {}

#[derive(Debug, Clone, PartialEq)]
pub enum IntakeConfirm {}

pub const KEYS: &[Binding] = &[];

#[derive(Debug, Clone, Default)]
pub struct IntakeTab {
    pub list: ListNav,
    pub rows: Rows,
    today: Option<NaiveDate>,
}

impl IntakeTab {
    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
        self.today = Some(today);
        // Open intakes first, longest waiting first; closed ones after, newest first.
        let mut order: Vec<usize> = (0..data.intakes.len()).collect();
        order.sort_by_key(|&i| {
            let it = &data.intakes[i];
            let closed = it.status == IntakeStatus::Closed;
            (
                closed,
                if closed {
                    -(it.received.num_days_from_ce() as i64)
                } else {
                    it.received.num_days_from_ce() as i64
                },
            )
        });
        self.rows.set(order.into_iter().map(|i| {
            let it = &data.intakes[i];
            let who = data.employee(it.employee_id);
            let text = format!(
                "{} {} {} {}",
                who.map(|e| e.full_name()).unwrap_or_default(),
                who.map(|e| e.position.as_str()).unwrap_or(""),
                it.status.label(),
                it.services_label()
            );
            (i, text)
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

    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a Intake> {
        self.rows
            .get(self.list.selected)
            .and_then(|i| data.intakes.get(i))
    }
}

use chrono::Datelike;

pub fn update(_app: &mut App, action: IntakeAction) {
    match action {}
}

/// Saves a form; returns whether the form stays open.
pub fn submit(_app: &mut App, purpose: &IntakeForm, _form: &mut Form) -> bool {
    match *purpose {}
}

pub fn confirmed(_app: &mut App, c: IntakeConfirm) {
    match c {}
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.intake;
    let data = &app.data;
    let today = app.today;
    let (list_area, detail_area) = widgets::list_and_detail(area, 9);
    let title = format!(" Intake queue ({}) ", tab.rows.len());
    widgets::table(
        frame,
        list_area,
        title,
        &["!", "Received", "Days", "Name", "Status", "Services", "Owner"],
        &[
            Constraint::Length(1),
            Constraint::Length(10),
            Constraint::Length(4),
            Constraint::Length(20),
            Constraint::Length(14),
            Constraint::Min(10),
            Constraint::Length(10),
        ],
        tab.rows.len(),
        tab.list.selected,
        theme,
        |row| {
            let it = &data.intakes[tab.rows.visible[row]];
            let overdue = it.is_overdue(today, DEFAULT_OVERDUE_WORKING_DAYS);
            Row::new(vec![
                Cell::from(Span::styled(if overdue { "!" } else { " " }, theme.error)),
                Cell::from(day(it.received)),
                Cell::from(it.days_waiting(today).to_string()),
                Cell::from(app.person(it.employee_id)),
                Cell::from(it.status.label()),
                Cell::from(it.services_label()),
                Cell::from(it.owner.clone()),
            ])
        },
    );
    let lines = match tab.selected(data) {
        None => vec![Line::raw("No intake selected.")],
        Some(it) => {
            let who = data.employee(it.employee_id);
            let mut l = vec![
                widgets::fact("Employee", app.person(it.employee_id), theme),
                widgets::fact(
                    "Position",
                    who.map(|e| format!("{} · {}", e.position, data.location_name(e.location_id)))
                        .unwrap_or_default(),
                    theme,
                ),
                widgets::fact(
                    "Status",
                    format!(
                        "{} since {}",
                        it.status.label(),
                        opt_day(it.history.last().map(|c| c.date))
                    ),
                    theme,
                ),
                widgets::fact(
                    "Next step",
                    format!("{} (due {})", it.next_step, opt_day(it.next_step_due)),
                    theme,
                ),
                widgets::fact("Source", it.source.label(), theme),
            ];
            let consultations = data.consultations.iter().filter(|c| c.intake_id == it.id).count();
            l.push(widgets::fact("Consultations", consultations.to_string(), theme));
            l
        }
    };
    widgets::detail(frame, detail_area, " Detail ", lines, theme);
}
