//! Tab 1, the intake queue: who asked for help, what they need, how long they have waited.
//! State and keys here; forms (add, edit, consultation, close, pop-up capture) in `forms`; drawing
//! in `view`.

mod forms;
mod person;
mod popup;
mod queue;
mod view;

pub use queue::{Filters, OverdueFilter, Sort, StatusFilter};

pub use forms::submit;
pub use view::render;

use super::Rows;
use crate::action::Action;
use crate::app::{App, Confirmed, FormPurpose, ListNav};
use crate::keymap::{
    Binding,
    Key::{Char, Code},
    bind,
};
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use ratatui::crossterm::event::KeyCode;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakeAction {
    Add,
    Edit,
    Advance,
    StepBack,
    Close,
    LogConsultation,
    Filters,
    ClearFilters,
    ToggleOverdue,
    CycleSort,
    ReverseSort,
    PopUpCapture,
    OverdueSetting,
}

#[derive(Debug, Clone, PartialEq)]
pub enum IntakeForm {
    Add,
    Edit(Id),
    Consultation(Id),
    Close(Id),
    Filters,
    Settings,
    /// Choosing the pop-up event (date + location) before capturing.
    PopUpEvent,
    /// Capturing people at the pop-up event with this id.
    PopUpCapture(Id),
}

#[derive(Debug, Clone, PartialEq)]
pub enum IntakeConfirm {
    /// Move the intake back to this status (drops the later status dates).
    MoveBack(Id, IntakeStatus),
}

use IntakeAction as A;
pub const KEYS: &[Binding] = &[
    bind(
        &[Char('a')],
        Action::Intake(A::Add),
        "add-intake",
        "add an intake",
        Some("add"),
    ),
    bind(
        &[Char('e'), Code(KeyCode::Enter)],
        Action::Intake(A::Edit),
        "edit-intake",
        "edit the selected intake",
        None,
    ),
    bind(
        &[Char(']'), Char('>')],
        Action::Intake(A::Advance),
        "advance-status",
        "status: one step forward",
        Some("forward"),
    ),
    bind(
        &[Char('['), Char('<')],
        Action::Intake(A::StepBack),
        "step-back-status",
        "status: one step back",
        None,
    ),
    bind(
        &[Char('x')],
        Action::Intake(A::Close),
        "close-intake",
        "close with a reason",
        None,
    ),
    bind(
        &[Char('c')],
        Action::Intake(A::LogConsultation),
        "log-consultation",
        "log a 1:1 consultation",
        Some("consult"),
    ),
    bind(
        &[Char('f')],
        Action::Intake(A::Filters),
        "filter-queue",
        "filters (status, owner…)",
        Some("filters"),
    ),
    bind(
        &[Char('F')],
        Action::Intake(A::ClearFilters),
        "clear-filters",
        "clear every filter",
        None,
    ),
    bind(
        &[Char('o')],
        Action::Intake(A::ToggleOverdue),
        "overdue-only",
        "overdue only on/off",
        None,
    ),
    bind(
        &[Char('s')],
        Action::Intake(A::CycleSort),
        "sort-queue",
        "sort: wait, name, date",
        None,
    ),
    bind(
        &[Char('S')],
        Action::Intake(A::ReverseSort),
        "reverse-sort",
        "reverse the sort",
        None,
    ),
    bind(
        &[Char('P')],
        Action::Intake(A::PopUpCapture),
        "popup-capture",
        "pop-up event capture",
        Some("pop-up"),
    ),
    bind(
        &[Char('w')],
        Action::Intake(A::OverdueSetting),
        "overdue-days",
        "overdue after N days",
        None,
    ),
];

#[derive(Debug, Clone, Default)]
pub struct IntakeTab {
    pub list: ListNav,
    pub rows: Rows,
    pub filters: Filters,
    pub sort: Sort,
    pub reversed: bool,
    /// Working days without first contact before an intake is overdue (from the settings record).
    pub overdue_limit: u32,
    /// Overdue flag per intake, by index into `data.intakes` (computed once per refresh).
    pub overdue: Vec<bool>,
    pub overdue_count: usize,
    /// Consultations per intake id, newest first, as indexes into `data.consultations`.
    pub consultations: HashMap<Id, Vec<usize>>,
    /// Owners seen in the data, for the filter's pick list.
    pub owners: Vec<String>,
    /// The pop-up event chosen for capture in this session.
    pub popup_event: Option<Id>,
    pub captured: usize,
    /// Ids of `data.intakes` by index as of the last refresh, so the selection can follow the
    /// same intake when a save or another process reorders the list.
    ids: Vec<Id>,
    /// The typed text the rows were last narrowed by.
    narrowed: String,
    today: Option<NaiveDate>,
}

impl IntakeTab {
    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
        let keep = self
            .rows
            .get(self.list.selected)
            .and_then(|i| self.ids.get(i).copied());
        self.ids = data.intakes.iter().map(|i| i.id).collect();
        self.today = Some(today);
        self.overdue_limit = overdue_limit(&data.intake_settings);
        let closures = Closures::new(&data.closures);
        self.overdue = data
            .intakes
            .iter()
            .map(|it| it.is_overdue(today, self.overdue_limit, &closures))
            .collect();
        self.overdue_count = self.overdue.iter().filter(|o| **o).count();
        self.consultations.clear();
        for (i, c) in data.consultations.iter().enumerate() {
            self.consultations.entry(c.intake_id).or_default().push(i);
        }
        for list in self.consultations.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(data.consultations[i].date));
        }
        self.owners = data
            .intakes
            .iter()
            .map(|i| i.owner.trim())
            .filter(|o| !o.is_empty())
            .map(str::to_string)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut order: Vec<usize> = (0..data.intakes.len())
            .filter(|&i| {
                let it = &data.intakes[i];
                self.filters
                    .keeps(it, data.employee(it.employee_id), self.overdue[i])
            })
            .collect();
        let name = |i: usize| {
            data.employee(data.intakes[i].employee_id)
                .map(|e| e.sort_name().to_lowercase())
                .unwrap_or_default()
        };
        match self.sort {
            Sort::Waiting => order.sort_by_cached_key(|&i| {
                let it = &data.intakes[i];
                (
                    it.status == IntakeStatus::Closed,
                    std::cmp::Reverse(it.days_waiting(today)),
                    it.received,
                )
            }),
            Sort::Name => order.sort_by_cached_key(|&i| (name(i), data.intakes[i].received)),
            Sort::Received => order.sort_by_key(|&i| std::cmp::Reverse(data.intakes[i].received)),
        }
        if self.reversed {
            order.reverse();
        }
        self.rows.set_order(order);
        self.refilter_with(data);
        if let Some(id) = keep {
            self.select_id(id);
        }
    }

    /// Selects the intake with `id` if the list shows it; returns whether it does.
    pub fn select_id(&mut self, id: Id) -> bool {
        let found = self
            .rows
            .visible
            .iter()
            .position(|&i| self.ids.get(i) == Some(&id));
        if let Some(row) = found {
            self.list.selected = row;
        }
        found.is_some()
    }

    /// Clears every filter, so a record opened from search is always shown.
    pub fn clear_filters(&mut self, data: &Dataset, today: NaiveDate) {
        self.filters = Filters::default();
        self.refresh(data, today);
    }

    /// Re-narrows by the typed text. New text selects the best match (the top row); the same
    /// text keeps the selected intake selected.
    /// Re-narrows after the filter changed, building the search keys first if this is the first
    /// filter since the data was loaded.
    pub fn refilter_with(&mut self, data: &Dataset) {
        if self.rows.needs_keys(&self.list.filter) {
            self.rows.fill_keys(|i| search_text(data, &data.intakes[i]));
        }
        self.refilter();
    }

    pub fn refilter(&mut self) {
        let keep = self.rows.get(self.list.selected);
        let changed = self.narrowed != self.list.filter;
        self.rows.narrow(&self.list.filter);
        self.narrowed.clone_from(&self.list.filter);
        self.list.selected = if changed {
            0
        } else {
            keep.and_then(|k| self.rows.visible.iter().position(|&i| i == k))
                .unwrap_or(0)
        };
    }

    pub fn navigate(&mut self, action: Action) {
        self.list.apply(action, self.rows.len());
    }

    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a Intake> {
        self.rows
            .get(self.list.selected)
            .and_then(|i| data.intakes.get(i))
    }

    pub fn is_overdue(&self, index: usize) -> bool {
        self.overdue.get(index).copied().unwrap_or(false)
    }
}

/// Recomputes the queue after a filter or sort change (the selection follows its intake).
fn requeue(app: &mut App) {
    app.intake.refresh(&app.data, app.today);
}

pub fn update(app: &mut App, action: IntakeAction) {
    let selected = app.intake.selected(&app.data).cloned();
    match action {
        A::Add => forms::open_add(app),
        A::Edit => match selected {
            Some(it) => forms::open_edit(app, &it),
            None => app.status = Some("no intake selected".into()),
        },
        A::Advance => match selected {
            Some(it) => advance(app, &it),
            None => app.status = Some("no intake selected".into()),
        },
        A::StepBack => match selected {
            Some(it) => step_back(app, &it),
            None => app.status = Some("no intake selected".into()),
        },
        A::Close => match selected {
            Some(it) if it.status == IntakeStatus::Closed => {
                app.status = Some("this intake is already closed ([ reopens it)".into())
            }
            Some(it) => forms::open_close(app, &it),
            None => app.status = Some("no intake selected".into()),
        },
        A::LogConsultation => match selected {
            Some(it) => forms::open_consultation(app, &it),
            None => app.status = Some("no intake selected".into()),
        },
        A::Filters => forms::open_filters(app),
        A::ClearFilters => {
            app.intake.filters = Filters::default();
            app.intake.list.filter.clear();
            requeue(app);
            app.status = Some("filters cleared".into());
        }
        A::ToggleOverdue => {
            let f = &mut app.intake.filters.overdue;
            *f = match f {
                Some(OverdueFilter::Only) => None,
                _ => Some(OverdueFilter::Only),
            };
            requeue(app);
        }
        A::CycleSort => {
            app.intake.sort = app.intake.sort.next();
            app.intake.reversed = false;
            requeue(app);
            app.status = Some(format!("sorted by {}", app.intake.sort.label()));
        }
        A::ReverseSort => {
            app.intake.reversed = !app.intake.reversed;
            requeue(app);
        }
        A::PopUpCapture => popup::open_popup_event(app),
        A::OverdueSetting => forms::open_settings(app),
    }
}

fn advance(app: &mut App, it: &Intake) {
    match it.status.next() {
        None => app.status = Some("closed is the last step ([ reopens it)".into()),
        Some(IntakeStatus::Closed) => forms::open_close(app, it),
        Some(next) => {
            let mut updated = it.clone();
            updated.move_to(next, app.today, None);
            let done = format!("{}: {}", app.person(it.employee_id), next.label());
            let _ = app.save(&done, |txn| txn.update(it, &updated));
        }
    }
}

fn step_back(app: &mut App, it: &Intake) {
    let Some(prev) = it.status.previous() else {
        app.status = Some("received is the first step".into());
        return;
    };
    let lost = it
        .history
        .iter()
        .filter(|c| c.status > prev)
        .map(|c| format!("{} {}", c.status.label(), c.date))
        .collect::<Vec<_>>()
        .join(", ");
    let mut msg = format!(
        "Move {} back to {}? This drops: {lost}",
        app.person(it.employee_id),
        prev.label()
    );
    if let Some(r) = it.close_reason {
        msg.push_str(&format!(" and the close reason ({})", r.label()));
    }
    app.ask(msg, Confirmed::Intake(IntakeConfirm::MoveBack(it.id, prev)));
}

pub fn confirmed(app: &mut App, c: IntakeConfirm) {
    match c {
        IntakeConfirm::MoveBack(id, to) => {
            let Some(it) = app.data.intakes.iter().find(|i| i.id == id).cloned() else {
                app.status = Some("that intake is gone (deleted elsewhere)".into());
                return;
            };
            let mut updated = it.clone();
            updated.move_to(to, app.today, None);
            let done = format!("{}: back to {}", app.person(it.employee_id), to.label());
            let _ = app.save(&done, |txn| txn.update(&it, &updated));
        }
    }
}

/// Opens a form owned by this tab.
fn open(app: &mut App, form: crate::form::Form, purpose: IntakeForm) {
    app.open_form(form, FormPurpose::Intake(purpose));
}

/// What `/` matches an intake on: the person, position, location, status, services and owner.
fn search_text(data: &Dataset, it: &Intake) -> String {
    let who = data.employee(it.employee_id);
    format!(
        "{} {} {} {} {} {}",
        who.map(|e| e.full_name()).unwrap_or_default(),
        who.map(|e| e.position.as_str()).unwrap_or(""),
        data.location_name(who.and_then(|e| e.location_id)),
        it.status.label(),
        it.services_label(),
        it.owner,
    )
}
