//! Tab 1, the intake queue: who asked for help, what they need, how long they have waited.
//! State and the tab contract here; keys in `keys`; sorting and filters in `queue`; forms (add,
//! edit, consultation, close, filters, the overdue rule) in `forms`, pop-up capture in `popup`,
//! the person an intake links to in `person`; drawing in `view`.

mod forms;
mod keys;
mod person;
mod popup;
mod queue;
mod view;

pub use keys::{IntakeAction, KEYS};
pub use queue::{Filters, OverdueFilter, Sort, StatusFilter};

use crate::form::Form;
use crate::list::{Nav, Rows, Views};
use crate::save::Save;
use crate::tab::{Ctx, Effect, Effects, Tab, TabView, facts};
use crate::theme::Theme;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::search::Kind;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::collections::{BTreeSet, HashMap};

/// What each of the tab's forms is for. Edits carry the intake as it was when the form opened:
/// the save is refused if someone else saved it meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub enum IntakeForm {
    Add,
    Edit(Intake),
    Consultation(Intake),
    Close(Intake),
    Filters,
    Settings,
    /// Choosing the pop-up event (date + location) before capturing.
    PopUpEvent,
    /// Capturing people at the pop-up event with this id.
    PopUpCapture(Id),
}

#[derive(Debug, Clone, PartialEq)]
pub enum IntakeConfirm {
    /// Move the intake (as the question showed it) back to this status, dropping the later
    /// status dates.
    MoveBack(Intake, IntakeStatus),
}

/// What follows a save.
#[derive(Debug, Clone, PartialEq)]
pub enum IntakeSaved {
    /// Select the intake just saved.
    Select,
    /// The pop-up event was added: capture at it.
    EventChosen,
    /// A person was captured at the pop-up event: ready for the next.
    Captured(Id),
}

type Fx = Effects<IntakeTab>;

#[derive(Debug, Clone, Default)]
pub struct IntakeTab {
    /// The queue (one view), its `/` filter and the selected intake.
    pub list: Views<(), Id>,
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
}

impl IntakeTab {
    /// The queue's rows as the filters and `/` leave them.
    pub fn rows(&self) -> &Rows {
        &self.list.current().rows
    }

    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a Intake> {
        self.list.selected_index().and_then(|i| data.intakes.get(i))
    }

    pub fn is_overdue(&self, index: usize) -> bool {
        self.overdue.get(index).copied().unwrap_or(false)
    }

    /// Selects the intake with `id` if the list shows it; returns whether it does.
    pub fn select_id(&mut self, id: Id) -> bool {
        self.list.current_mut().select(&id)
    }

    /// Selects the intake with `id`, clearing the queue's filters if they hide it.
    pub fn show_intake(&mut self, cx: &Ctx, id: Id) {
        if !self.select_id(id) && !self.filters.is_empty() {
            self.filters = Filters::default();
            self.refresh(cx);
            self.select_id(id);
        }
    }

    /// Builds the search text of every row if the filter needs it (first filter after a load).
    fn fill_keys(&mut self, data: &Dataset) {
        let filter = self.list.filter.clone();
        self.list
            .current_mut()
            .fill_keys_for(&filter, |i| search_text(data, &data.intakes[i]));
    }

    fn selected_or_say(&self, cx: &Ctx) -> Result<Intake, Fx> {
        self.selected(cx.data)
            .cloned()
            .ok_or_else(|| vec![Effect::status("no intake selected")])
    }

    fn advance(&mut self, cx: &Ctx, it: Intake) -> Fx {
        match it.status.next() {
            None => vec![Effect::status("closed is the last step ([ reopens it)")],
            Some(IntakeStatus::Closed) => forms::open_close(cx, it),
            Some(next) => {
                let mut updated = it.clone();
                updated.move_to(next, cx.today, None);
                let done = format!("{}: {}", cx.person(it.employee_id), next.label());
                vec![Effect::Save(Save::new(done, move |w| w.update(&it, &updated)))]
            }
        }
    }

    fn step_back(&mut self, cx: &Ctx, it: Intake) -> Fx {
        let Some(prev) = it.status.previous() else {
            return vec![Effect::status("received is the first step")];
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
            cx.person(it.employee_id),
            prev.label()
        );
        if let Some(r) = it.close_reason {
            msg.push_str(&format!(" and the close reason ({})", r.label()));
        }
        vec![Effect::Ask(msg, IntakeConfirm::MoveBack(it, prev))]
    }
}

impl TabView for IntakeTab {
    type Action = IntakeAction;
    type Form = IntakeForm;
    type Confirm = IntakeConfirm;
    type Saved = IntakeSaved;
    const TAB: Tab = Tab::Intake;
    const KEYS: &'static [crate::keys::Binding<IntakeAction>] = KEYS;

    fn refresh(&mut self, cx: &Ctx) {
        let (data, today) = (cx.data, cx.today);
        let memory = self.list.remember();
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
        let order = queue::order(
            data,
            today,
            &self.filters,
            self.sort,
            self.reversed,
            &self.overdue,
        );
        self.list.current_mut().set_order(order, |i| data.intakes[i].id);
        self.fill_keys(data);
        self.list.restore(memory);
    }

    fn update(&mut self, cx: &Ctx, action: IntakeAction) -> Fx {
        use IntakeAction as A;
        match action {
            A::Add => forms::open_add(cx),
            A::Edit => match self.selected_or_say(cx) {
                Ok(it) => forms::open_edit(cx, it),
                Err(fx) => fx,
            },
            A::Advance => match self.selected_or_say(cx) {
                Ok(it) => self.advance(cx, it),
                Err(fx) => fx,
            },
            A::StepBack => match self.selected_or_say(cx) {
                Ok(it) => self.step_back(cx, it),
                Err(fx) => fx,
            },
            A::Close => match self.selected_or_say(cx) {
                Ok(it) if it.status == IntakeStatus::Closed => {
                    vec![Effect::status("this intake is already closed ([ reopens it)")]
                }
                Ok(it) => forms::open_close(cx, it),
                Err(fx) => fx,
            },
            A::LogConsultation => match self.selected_or_say(cx) {
                Ok(it) => forms::open_consultation(cx, it),
                Err(fx) => fx,
            },
            A::Filters => forms::open_filters(self, cx),
            A::ClearFilters => {
                self.filters = Filters::default();
                self.list.filter.clear();
                self.refresh(cx);
                vec![Effect::status("filters cleared")]
            }
            A::ToggleOverdue => {
                let f = &mut self.filters.overdue;
                *f = match f {
                    Some(OverdueFilter::Only) => None,
                    _ => Some(OverdueFilter::Only),
                };
                self.refresh(cx);
                vec![]
            }
            A::CycleSort => {
                self.sort = self.sort.next();
                self.reversed = false;
                self.refresh(cx);
                vec![Effect::Status(format!("sorted by {}", self.sort.label()))]
            }
            A::ReverseSort => {
                self.reversed = !self.reversed;
                self.refresh(cx);
                vec![]
            }
            A::PopUpCapture => popup::open_event(self, cx),
            A::OverdueSetting => forms::open_settings(self),
        }
    }

    fn navigate(&mut self, _cx: &Ctx, nav: Nav) {
        self.list.nav(nav);
    }

    fn filter(&self) -> &str {
        &self.list.filter
    }

    fn set_filter(&mut self, cx: &Ctx, text: &str) {
        text.clone_into(&mut self.list.filter);
        self.fill_keys(cx.data);
        self.list.narrow_all();
    }

    fn submit(&mut self, cx: &Ctx, form: &mut Form, purpose: &IntakeForm) -> Fx {
        match purpose {
            IntakeForm::Add => forms::save_intake(cx, None, form),
            IntakeForm::Edit(original) => forms::save_intake(cx, Some(original), form),
            IntakeForm::Consultation(it) => forms::save_consultation(cx, it, form),
            IntakeForm::Close(it) => forms::save_close(cx, it, form),
            IntakeForm::Filters => forms::apply_filters(self, cx, form),
            IntakeForm::Settings => forms::save_settings(cx, form),
            IntakeForm::PopUpEvent => popup::choose_event(self, cx, form),
            IntakeForm::PopUpCapture(event) => popup::capture(cx, *event, form),
        }
    }

    fn confirmed(&mut self, cx: &Ctx, answer: IntakeConfirm) -> Fx {
        match answer {
            IntakeConfirm::MoveBack(it, to) => {
                let mut updated = it.clone();
                updated.move_to(to, cx.today, None);
                let done = format!("{}: back to {}", cx.person(it.employee_id), to.label());
                vec![Effect::Save(Save::new(done, move |w| w.update(&it, &updated)))]
            }
        }
    }

    fn saved(&mut self, cx: &Ctx, then: IntakeSaved, id: Option<Id>) -> Fx {
        match (then, id) {
            (IntakeSaved::Select, Some(id)) => {
                self.show_intake(cx, id);
                vec![]
            }
            (IntakeSaved::EventChosen, Some(event)) => popup::start_capture(self, cx, event),
            (IntakeSaved::Captured(event), Some(id)) => {
                self.captured += 1;
                self.show_intake(cx, id);
                popup::next_capture(self, cx, event)
            }
            _ => vec![],
        }
    }

    fn copy_facts(&self, cx: &Ctx) -> Option<String> {
        let data = cx.data;
        self.selected(data).map(|i| {
            let who = data.employee(i.employee_id);
            facts([
                cx.person(i.employee_id),
                who.map(|e| e.position.clone()).unwrap_or_default(),
                data.location_name(who.and_then(|e| e.location_id)).to_string(),
                format!("received {}", i.received),
                i.status.label().to_string(),
                i.services_label(),
            ])
        })
    }

    fn reveal(&mut self, cx: &Ctx, kind: Kind, id: Id, name: &str) {
        self.set_filter(cx, name);
        if kind == Kind::Intake {
            self.show_intake(cx, id);
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
        view::render(self, frame, area, cx, theme);
    }
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

#[cfg(test)]
mod tests;
