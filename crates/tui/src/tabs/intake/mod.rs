//! Tab 1, the intake queue: who is waiting on us now, what they need, the next step.
//! State and the tab contract here; keys in `keys`; flags, sorting and filters in `queue`; forms
//! (add, edit, status step, consultation, close, filters, the rules) in `forms`, pop-up capture
//! in `popup`, the person an intake links to in `person`, the district's closures in `closures`;
//! drawing in `view`.

mod closures;
mod consulted;
mod forms;
mod keys;
mod patch;
mod person;
mod popup;
mod queue;
mod view;

pub use closures::Closures as ClosureList;
pub use consulted::Consulted;
pub use keys::{IntakeAction, KEYS};
pub use queue::{Filters, FlagFilter, Flags, Sort, StatusFilter};

use crate::form::Form;
use crate::list::{KEY_COST, Nav, Rows, Views};
use crate::save::Save;
use crate::tab::{Ctx, Effect, Effects, RecordRef, Tab, TabView, facts};
use crate::theme::Theme;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::search::Kind;
use ratatui::Frame;
use ratatui::layout::Rect;

/// What each of the tab's forms is for. Edits carry the intake as it was when the form opened:
/// the save is refused if someone else saved it meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub enum IntakeForm {
    Add,
    Edit(Intake),
    /// A status step forward (not closing): its date, and the next step to update.
    Step(Intake, IntakeStatus),
    Consultation(Intake),
    Close(Intake),
    Filters,
    Settings,
    /// Choosing the pop-up event (date + location) before capturing.
    PopUpEvent,
    /// Capturing people at the pop-up event with this id.
    PopUpCapture(Id),
    /// Adding district closures (one day or a range of weekdays).
    AddClosure,
    EditClosure(Closure),
}

#[derive(Debug, Clone, PartialEq)]
pub enum IntakeConfirm {
    /// Move the intake (as the question showed it) back to this status, dropping the later
    /// status dates.
    MoveBack(Intake, IntakeStatus),
    DeleteClosure(Closure),
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
    /// A closure was saved: select it in the closures list.
    Closure,
}

type Fx = Effects<IntakeTab>;

#[derive(Debug, Clone, Default)]
pub struct IntakeTab {
    /// The queue (one view), its `/` filter and the selected intake.
    pub list: Views<(), Id>,
    /// How many times the queue was built from the whole data (a save on this tab takes its
    /// records in instead: `patch.rs`).
    pub rebuilds: u64,
    pub filters: Filters,
    pub sort: Sort,
    pub reversed: bool,
    /// Working days without first contact before an intake is overdue, and without a step
    /// before a contacted or scheduled one is stale (from the settings record).
    pub overdue_limit: u32,
    pub stale_limit: u32,
    /// Flags per intake, by index into `data.intakes` (computed once per refresh).
    pub flags: Vec<Flags>,
    pub overdue_count: usize,
    pub stale_count: usize,
    pub late_count: usize,
    /// Each intake's consultations, newest first (`consultations.of(data, intake id)`).
    pub consultations: Consulted,
    /// The team's list of owners (and any an intake names that is not on it yet), for the
    /// forms' and the filter's pick lists.
    pub owners: Vec<String>,
    /// The pop-up event chosen for capture in this session.
    pub popup_event: Option<Id>,
    pub captured: usize,
    /// The person a typed name and id (or email) was confirmed for although the names differ:
    /// (typed name, typed id or email, the person's id). Submitting the same again files it.
    pub confirmed_person: Option<(String, String, Id)>,
    /// The district's closures (`H`), when shown instead of the queue.
    pub closures: closures::Closures,
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
        self.flags_of(index).overdue
    }

    pub fn flags_of(&self, index: usize) -> Flags {
        self.flags.get(index).copied().unwrap_or_default()
    }

    /// Selects the intake with `id` if the list shows it; returns whether it does.
    pub fn select_id(&mut self, id: Id) -> bool {
        self.list.current_mut().select(&id)
    }

    /// Selects the intake with `id`, clearing the queue's filters if they hide it (and showing
    /// every status if it is closed).
    pub fn show_intake(&mut self, cx: &Ctx, id: Id) {
        self.closures.shown = false;
        if self.select_id(id) {
            return;
        }
        let closed = cx
            .data
            .intakes
            .iter()
            .any(|i| i.id == id && i.status == IntakeStatus::Closed);
        let wanted = if closed {
            Filters::everything()
        } else {
            Filters::default()
        };
        if self.filters != wanted {
            self.filters = wanted;
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

    /// Up to `rows` rows of the work a typed filter left (its search keys first, a key being
    /// several times the work of ranking one); returns whether the rows are the filter's now.
    fn filter_step(&mut self, data: &Dataset, rows: usize) -> bool {
        self.list
            .current_mut()
            .filter_step(rows, |i| search_text(data, &data.intakes[i]))
    }

    /// Finishes the work a typed filter left, so what is selected is what a filter narrowed at
    /// once would have selected (before a rebuild or a save remembers it).
    fn finish_filter(&mut self, data: &Dataset) {
        self.list
            .current_mut()
            .finish_filter(|i| search_text(data, &data.intakes[i]));
    }

    fn selected_or_say(&self, cx: &Ctx) -> Result<Intake, Fx> {
        self.selected(cx.data)
            .cloned()
            .ok_or_else(|| vec![Effect::status("no intake selected")])
    }

    fn advance(&mut self, cx: &Ctx, it: Intake) -> Fx {
        match it.status.next() {
            None => vec![Effect::status("closed is the last step (< reopens it)")],
            Some(IntakeStatus::Closed) => forms::open_close(cx, it),
            Some(next) => forms::open_step(cx, it, next),
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
        self.rebuilds += 1;
        let (data, today) = (cx.data, cx.today);
        self.finish_filter(data);
        let memory = self.list.remember();
        self.overdue_limit = overdue_limit(&data.intake_settings);
        self.stale_limit = stale_limit(&data.intake_settings);
        let closures = Closures::new(&data.closures);
        self.flags = data
            .intakes
            .iter()
            .map(|it| Flags::of(it, today, self.overdue_limit, self.stale_limit, &closures))
            .collect();
        let count = |f: fn(&Flags) -> bool| self.flags.iter().filter(|x| f(x)).count();
        self.overdue_count = count(|f| f.overdue);
        self.stale_count = count(|f| f.stale);
        self.late_count = count(|f| f.late);
        self.closures.refresh(cx);
        self.consultations = Consulted::build(data);
        self.owners = data.owners();
        let order = queue::order(cx, &self.filters, self.sort, self.reversed, &self.flags);
        self.list.current_mut().set_order(order, |i| data.intakes[i].id);
        self.fill_keys(data);
        self.list.restore(memory);
    }

    fn update(&mut self, cx: &Ctx, action: IntakeAction) -> Fx {
        use IntakeAction as A;
        if self.closures.shown {
            return closures::update(self, cx, action);
        }
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
                    vec![Effect::status("this intake is already closed (< reopens it)")]
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
                vec![Effect::status(
                    "filters cleared: the open intakes (f, status any, shows closed ones too)",
                )]
            }
            A::ToggleFlagged => {
                let f = &mut self.filters.flags;
                *f = match f {
                    Some(FlagFilter::Flagged) => None,
                    _ => Some(FlagFilter::Flagged),
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
            A::Rules => forms::open_settings(self),
            A::Closures => {
                self.closures.shown = true;
                vec![Effect::status(
                    "district closures: a add · e edit · x delete · Esc back to the queue",
                )]
            }
        }
    }

    fn navigate(&mut self, _cx: &Ctx, nav: Nav) {
        if self.closures.shown {
            self.closures.list.nav(nav);
        } else {
            self.list.nav(nav);
        }
    }

    fn back(&mut self, _cx: &Ctx) -> bool {
        std::mem::take(&mut self.closures.shown)
    }

    fn patched(&mut self, cx: &Ctx, changes: &[(&'static str, Id)]) -> bool {
        // The closures list shows other records: a save there is rebuilt.
        if self.closures.shown {
            return false;
        }
        self.finish_filter(cx.data);
        patch::patch(self, cx, changes)
    }

    fn filter(&self) -> &str {
        if self.closures.shown {
            &self.closures.filter
        } else {
            &self.list.filter
        }
    }

    fn set_filter(&mut self, cx: &Ctx, text: &str) {
        if self.closures.shown {
            text.clone_into(&mut self.closures.filter);
            self.closures.list.narrow(text);
            return;
        }
        text.clone_into(&mut self.list.filter);
        self.fill_keys(cx.data);
        self.list.narrow_all();
    }

    fn type_filter(&mut self, cx: &Ctx, text: &str) {
        if self.closures.shown {
            return self.set_filter(cx, text);
        }
        text.clone_into(&mut self.list.filter);
        self.list.current_mut().begin(text);
    }

    fn filtering(&self) -> bool {
        self.rows().narrowing()
    }

    fn work(&mut self, cx: &Ctx, rows: usize) -> bool {
        self.filter_step(cx.data, rows)
    }

    fn ahead(&self) -> bool {
        !self.closures.shown && !self.rows().keyed()
    }

    fn work_ahead(&mut self, cx: &Ctx, rows: usize) {
        let data = cx.data;
        self.list
            .current_mut()
            .rows
            .fill_some_keys((rows / KEY_COST).max(1), |i| search_text(data, &data.intakes[i]));
    }

    fn submit(&mut self, cx: &Ctx, form: &mut Form, purpose: &IntakeForm) -> Fx {
        match purpose {
            IntakeForm::Add => forms::save_intake(self, cx, None, form),
            IntakeForm::Edit(original) => forms::save_intake(self, cx, Some(original), form),
            IntakeForm::Step(it, to) => forms::save_step(cx, it, *to, form),
            IntakeForm::Consultation(it) => forms::save_consultation(cx, it, form),
            IntakeForm::Close(it) => forms::save_close(cx, it, form),
            IntakeForm::Filters => forms::apply_filters(self, cx, form),
            IntakeForm::Settings => forms::save_settings(cx, form),
            IntakeForm::PopUpEvent => popup::choose_event(self, cx, form),
            IntakeForm::PopUpCapture(event) => popup::capture(self, cx, *event, form),
            IntakeForm::AddClosure => closures::save_new(cx, form),
            IntakeForm::EditClosure(c) => closures::save_edit(cx, c, form),
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
            IntakeConfirm::DeleteClosure(c) => closures::delete(c),
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
                self.confirmed_person = None;
                self.show_intake(cx, id);
                popup::next_capture(self, cx, event)
            }
            (IntakeSaved::Closure, Some(id)) => {
                self.closures.list.select(&id);
                vec![]
            }
            _ => vec![],
        }
    }

    fn copy_facts(&self, cx: &Ctx) -> Option<String> {
        if self.closures.shown {
            return self.closures.copy_facts(cx);
        }
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

    fn person(&self, cx: &Ctx) -> Option<Id> {
        self.selected(cx.data).map(|i| i.employee_id)
    }

    fn record(&self, cx: &Ctx) -> Option<RecordRef> {
        self.selected(cx.data).map(|i| {
            RecordRef::new::<Intake>(
                i.id,
                format!("intake received {}", i.received),
                Some(i.employee_id),
            )
        })
    }

    fn reveal(&mut self, cx: &Ctx, kind: Kind, id: Id, name: &str) {
        self.closures.shown = false;
        self.set_filter(cx, name);
        if kind == Kind::Intake {
            self.show_intake(cx, id);
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
        view::render(self, frame, area, cx, theme);
    }
}

/// Whether the tab reads records of `kind` (a table): it is on screen first, so these kinds
/// are loaded before the first frame with data and the others after it (`App::start`).
pub fn reads(kind: &str) -> bool {
    use pathways_core::store::Record;
    [
        Employee::TABLE,
        Location::TABLE,
        Intake::TABLE,
        Consultation::TABLE,
        IntakeSettings::TABLE,
        PopUpEvent::TABLE,
        Chapter::TABLE,
        Owner::TABLE,
        Closure::TABLE,
    ]
    .contains(&kind)
}

/// What `/` matches an intake on: the person, position, location, status, services and owner.
/// Written into one string: it is made for every intake.
fn search_text(data: &Dataset, it: &Intake) -> String {
    let who = data.employee(it.employee_id);
    let mut text = String::with_capacity(96);
    if let Some(e) = who {
        text.push_str(&e.first_name);
        text.push(' ');
        text.push_str(&e.last_name);
    }
    for part in [
        who.map_or("", |e| e.position.as_str()),
        data.location_name(who.and_then(|e| e.location_id)),
        it.status.label(),
    ] {
        text.push(' ');
        text.push_str(part);
    }
    text.push(' ');
    it.write_services(&mut text);
    text.push(' ');
    text.push_str(&it.owner);
    text
}

#[cfg(test)]
mod tests;
