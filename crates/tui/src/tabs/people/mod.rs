//! Tab 6, people: everyone the program knows, each person's card (every fact, unknown shown as
//! unknown, and their whole story in the program), adding, editing, deleting and merging
//! people, and the two small lists people and intakes carry by name (union chapters, owners).
//!
//! Three views share one `/` filter: the people list, chapters and owners. Enter on a person
//! opens their card, which fills the tab; the card opens from every other tab too (`O` on a
//! row that shows a person, a search hit, `:person NAME`). The merge screen also fills the tab.
//! State and the contract here; keys in `keys`; drawing in `render` and `card`; the person form
//! in `forms`; the merge screen in `merge`; the chapter and owner lists in `lists`.

mod card;
mod forms;
mod keys;
mod lists;
mod merge;
mod patch;
mod render;
mod teacher;

pub(crate) use forms::person_key;
pub use keys::{KEYS, PeopleAction};
pub use lists::Entry;
pub use merge::Merge;

use crate::form::Form;
use crate::keys::Binding;
use crate::list::{Nav, ViewKind, Views};
use crate::save::Save;
use crate::tab::{Ctx, Effect, Effects, RecordRef, Tab, TabView, facts};
use crate::theme::Theme;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::search::Kind;
use pathways_core::store::References;
use pathways_core::story::{Story, story};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::cell::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    People,
    Chapters,
    Owners,
}

impl View {
    pub fn title(self) -> &'static str {
        match self {
            View::People => "People",
            View::Chapters => "Chapters",
            View::Owners => "Owners",
        }
    }
}

impl ViewKind for View {
    const ALL: &'static [View] = &[View::People, View::Chapters, View::Owners];
}

/// What a view's selected row is, wherever it sorts.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    Person(Id),
    /// A chapter or owner, by name (N/A and unknown are rows too, not entries).
    Name(String),
}

/// The card on screen: whose, their story as of the last refresh, and how far it is scrolled.
#[derive(Debug, Clone, Default)]
pub struct Card {
    pub person: Id,
    pub story: Story,
    pub scroll: u16,
    /// How far the story could scroll as last drawn (known only once drawn at its size).
    pub room: Cell<u16>,
}

/// What each of the tab's forms is for. Edits carry the record as it opened.
#[derive(Debug, Clone, PartialEq)]
pub enum PeopleForm {
    Add,
    Edit(Employee),
    /// Merging another record of this person (as it opened) into it: which one.
    MergeWith(Employee),
    AddEntry(View),
    RenameEntry(View, String),
    MergeEntry(View, String),
    /// The person's teacher outcome: the person, and the outcome as it opened (None: a new one).
    Teacher(Id, Option<TeacherOutcome>),
}

/// What a yes does.
#[derive(Debug, Clone, PartialEq)]
pub enum PeopleConfirm {
    Delete(Employee),
    /// Boxed: three people are large beside the other answers.
    Merge(Box<Merging>),
    RemoveEntry(View, String),
}

/// A merge as confirmed: the two records as read, and the person they become.
#[derive(Debug, Clone, PartialEq)]
pub struct Merging {
    pub kept: Employee,
    pub other: Employee,
    pub merged: Employee,
}

/// What follows a save.
#[derive(Debug, Clone, PartialEq)]
pub enum PeopleSaved {
    /// Open the card of the person saved (added: the new id).
    OpenCard(Option<Id>),
    /// The card's person was deleted.
    Deleted,
    /// Select this entry of a list.
    SelectEntry(View, String),
}

type Fx = Effects<PeopleTab>;

#[derive(Debug, Clone, Default)]
pub struct PeopleTab {
    /// People (indexes into `data.employees`), chapters and owners (into `chapters`/`owners`).
    pub list: Views<View, Picked>,
    pub chapters: Vec<Entry>,
    pub owners: Vec<Entry>,
    pub card: Option<Card>,
    pub merge: Option<Merge>,
    /// How many people the list was built from (a save that is taken in only appends).
    built: usize,
    /// The chapter and owner counts are of older data: made again when next shown.
    lists_stale: bool,
    /// How many times the views were rebuilt whole (a save that is taken in is not).
    pub rebuilds: usize,
}

impl PeopleTab {
    pub fn view(&self) -> View {
        self.list.view
    }

    /// The person the list has selected.
    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a Employee> {
        match self.list.list(View::People).picked() {
            Some(Picked::Person(id)) => data.employee(id),
            _ => None,
        }
    }

    /// The person the tab is about: the merge screen's kept one, the card's, else the list's
    /// selection.
    pub fn current<'a>(&self, data: &'a Dataset) -> Option<&'a Employee> {
        if let Some(m) = &self.merge {
            return data.employee(m.kept.id);
        }
        match &self.card {
            Some(c) => data.employee(c.person),
            None if self.view() == View::People => self.selected(data),
            None => None,
        }
    }

    /// Opens the card of `person`, selecting them in the list (clearing a filter that hides them).
    pub fn open_card(&mut self, cx: &Ctx, person: Id) {
        self.merge = None;
        self.list.show(View::People);
        if !self.list.current_mut().select(&Picked::Person(person)) && !self.list.filter.is_empty() {
            self.list.set_filter("");
            self.list.current_mut().select(&Picked::Person(person));
        }
        self.card = Some(Card {
            person,
            story: story(cx.data, person, cx.today),
            ..Card::default()
        });
    }

    fn current_or_say(&self, cx: &Ctx) -> Result<Employee, Fx> {
        self.current(cx.data)
            .cloned()
            .ok_or_else(|| vec![Effect::status("no person selected")])
    }

    fn open(&mut self, cx: &Ctx) -> Fx {
        if let Some(m) = &self.merge {
            return merge::confirm(m, cx);
        }
        match (self.view(), self.selected(cx.data)) {
            (View::People, Some(e)) => {
                let id = e.id;
                self.open_card(cx, id);
                vec![]
            }
            (View::People, None) => vec![Effect::status("no person selected")],
            _ => lists::open_rename(self, cx),
        }
    }

    fn delete(&mut self, cx: &Ctx) -> Fx {
        if self.view() != View::People && self.card.is_none() {
            return lists::ask_remove(self, cx);
        }
        let person = match self.current_or_say(cx) {
            Ok(p) => p,
            Err(fx) => return fx,
        };
        let refs = References::in_data(cx.data, person.id);
        if !refs.is_empty() {
            return vec![Effect::Status(format!(
                "cannot delete {}: records point at this person: {refs}; merge or move them first",
                cx.person(person.id)
            ))];
        }
        let question = format!(
            "Delete {} ({})? Nothing points at this record. u undoes.",
            cx.person(person.id),
            number_or_record(&person)
        );
        vec![Effect::Ask(question, PeopleConfirm::Delete(person))]
    }

    fn show_view(&mut self, data: &Dataset, v: View) {
        self.card = None;
        self.merge = None;
        if v != View::People && self.lists_stale {
            let memory = self.list.remember();
            lists::rebuild(self, data);
            self.list.restore(memory);
        }
        self.list.show(v);
    }
}

/// "employee id 000101", or "record #7" for someone without one.
pub(crate) fn number_or_record(e: &Employee) -> String {
    if e.employee_number.trim().is_empty() {
        format!("record #{}", e.id)
    } else {
        format!("employee id {}", e.employee_number.trim())
    }
}

impl TabView for PeopleTab {
    type Action = PeopleAction;
    type Form = PeopleForm;
    type Confirm = PeopleConfirm;
    type Saved = PeopleSaved;
    const TAB: Tab = Tab::People;
    const KEYS: &'static [Binding<PeopleAction>] = KEYS;

    fn refresh(&mut self, cx: &Ctx) {
        render::rebuild(self, cx);
        if let Some(card) = &mut self.card {
            if cx.data.employee(card.person).is_some() {
                card.story = story(cx.data, card.person, cx.today);
            } else {
                // Deleted or merged away (here, by undo, or by someone else).
                self.card = None;
            }
        }
        if let Some(m) = &self.merge
            && (cx.data.employee(m.kept.id) != Some(&m.kept)
                || cx.data.employee(m.other.id) != Some(&m.other))
        {
            // One of the two records changed under the merge screen: choose again from scratch.
            self.merge = None;
        }
    }

    fn update(&mut self, cx: &Ctx, action: PeopleAction) -> Fx {
        use PeopleAction as A;
        match action {
            A::Open => self.open(cx),
            A::Add if self.card.is_some() || self.view() == View::People => forms::open_add(cx),
            A::Add => lists::open_add(self),
            A::Edit if self.card.is_some() || self.view() == View::People => match self.current_or_say(cx) {
                Ok(e) => forms::open_edit(cx, e),
                Err(fx) => fx,
            },
            A::Edit => lists::open_rename(self, cx),
            A::Teacher if self.card.is_some() || self.view() == View::People => match self.current_or_say(cx)
            {
                Ok(e) => teacher::open(cx, &e),
                Err(fx) => fx,
            },
            A::Teacher => vec![Effect::status(
                "T records a person's teacher hire: on the people list or a card",
            )],
            A::Delete => self.delete(cx),
            A::Merge if self.card.is_some() || self.view() == View::People => match self.current_or_say(cx) {
                Ok(e) => merge::open_pick(cx, e),
                Err(fx) => fx,
            },
            A::Merge => lists::open_merge(self, cx),
            A::Toggle => match &mut self.merge {
                Some(m) => {
                    m.toggle();
                    vec![]
                }
                None => vec![],
            },
            A::Swap => match &mut self.merge {
                Some(m) => {
                    m.swap();
                    vec![Effect::Status(format!(
                        "keeping {}'s record",
                        cx.person(m.kept.id)
                    ))]
                }
                None => vec![],
            },
            A::NextView => {
                let next = self.view().step(1);
                self.show_view(cx.data, next);
                vec![]
            }
            A::Chapters => {
                self.show_view(cx.data, View::Chapters);
                vec![]
            }
            A::Owners => {
                self.show_view(cx.data, View::Owners);
                vec![]
            }
        }
    }

    fn navigate(&mut self, cx: &Ctx, nav: Nav) {
        if let Some(m) = &mut self.merge {
            return m.navigate(nav);
        }
        if let Some(card) = &mut self.card {
            let room = card.room.get();
            let top = card.scroll.min(room);
            card.scroll = match nav {
                Nav::Up => top.saturating_sub(1),
                Nav::Down => (top + 1).min(room),
                Nav::PageUp => top.saturating_sub(crate::list::PAGE as u16),
                Nav::PageDown => (top + crate::list::PAGE as u16).min(room),
                Nav::Top => 0,
                Nav::Bottom => room,
                Nav::Left | Nav::Right => top,
            };
            return;
        }
        match nav {
            Nav::Left => self.show_view(cx.data, self.view().step(-1)),
            Nav::Right => self.show_view(cx.data, self.view().step(1)),
            other => self.list.nav(other),
        }
    }

    fn back(&mut self, _cx: &Ctx) -> bool {
        if self.merge.take().is_some() {
            return true;
        }
        self.card.take().is_some()
    }

    fn filter(&self) -> &str {
        &self.list.filter
    }

    fn set_filter(&mut self, cx: &Ctx, text: &str) {
        // The filter narrows the lists: the card and the merge screen give way to them.
        self.card = None;
        self.merge = None;
        text.clone_into(&mut self.list.filter);
        render::fill_keys(self, cx.data);
        self.list.narrow_all();
    }

    /// The roster (a row per person) is narrowed between key presses, its keys built by the
    /// first filter typed; the chapter and owner lists (a row per name) at once.
    fn type_filter(&mut self, _cx: &Ctx, text: &str) {
        self.card = None;
        self.merge = None;
        text.clone_into(&mut self.list.filter);
        for v in [View::Chapters, View::Owners] {
            self.list.list_mut(v).narrow(text);
        }
        self.list.list_mut(View::People).begin(text);
    }

    fn filtering(&self) -> bool {
        self.list.list(View::People).rows.narrowing()
    }

    fn work(&mut self, cx: &Ctx, rows: usize) -> bool {
        let data = cx.data;
        self.list
            .list_mut(View::People)
            .filter_step(rows, |i| render::search_text(data, &data.employees[i]))
    }

    fn submit(&mut self, cx: &Ctx, form: &mut Form, purpose: &PeopleForm) -> Fx {
        match purpose {
            PeopleForm::Add => forms::save_person(cx, None, form),
            PeopleForm::Edit(original) => forms::save_person(cx, Some(original), form),
            // The merge screen covers the card (if one is open); Esc goes back to it.
            PeopleForm::MergeWith(kept) => match merge::pick(cx, kept, form) {
                Some(m) => {
                    self.merge = Some(m);
                    vec![]
                }
                None => vec![],
            },
            PeopleForm::AddEntry(v) => lists::save_add(cx, *v, form),
            PeopleForm::RenameEntry(v, old) => lists::save_rename(cx, *v, old, form),
            PeopleForm::MergeEntry(v, from) => lists::save_merge(cx, *v, from, form),
            PeopleForm::Teacher(person, original) => teacher::save(cx, *person, original.as_ref(), form),
        }
    }

    fn confirmed(&mut self, cx: &Ctx, answer: PeopleConfirm) -> Fx {
        match answer {
            PeopleConfirm::Delete(person) => {
                let done = format!("deleted {}", cx.person(person.id));
                vec![Effect::Save(
                    Save::new(done, move |w| w.delete_person(&person)).then(PeopleSaved::Deleted),
                )]
            }
            PeopleConfirm::Merge(m) => {
                let Merging { kept, other, merged } = *m;
                let done = format!("merged {} into {}", number_or_record(&other), cx.person(kept.id));
                let id = kept.id;
                vec![Effect::Save(
                    Save::new(done, move |w| w.merge_people(&kept, &other, &merged).map(|_| ()))
                        .then(PeopleSaved::OpenCard(Some(id))),
                )]
            }
            PeopleConfirm::RemoveEntry(v, name) => lists::remove(v, name),
        }
    }

    fn saved(&mut self, cx: &Ctx, then: PeopleSaved, id: Option<Id>) -> Fx {
        match then {
            PeopleSaved::OpenCard(person) => {
                if let Some(p) = person.or(id) {
                    self.open_card(cx, p);
                }
            }
            PeopleSaved::Deleted => {
                self.card = None;
                self.merge = None;
            }
            PeopleSaved::SelectEntry(v, name) => {
                self.list.show(v);
                self.list.current_mut().select(&Picked::Name(name));
            }
        }
        vec![]
    }

    fn patched(&mut self, cx: &Ctx, changes: &[(&'static str, Id)]) -> bool {
        // A filter still being worked out is finished first: the patch narrows at once.
        let data = cx.data;
        self.list
            .list_mut(View::People)
            .finish_filter(|i| render::search_text(data, &data.employees[i]));
        patch::patch(self, cx, changes)
    }

    fn copy_facts(&self, cx: &Ctx) -> Option<String> {
        if self.card.is_none() && self.view() != View::People {
            return lists::copy_facts(self);
        }
        let e = self.current(cx.data)?;
        Some(facts([
            cx.person(e.id),
            e.employee_number.clone(),
            e.position.clone(),
            cx.data.location_name(e.location_id).to_string(),
            format!("chapter {}", e.chapter_label()),
            e.status_label().to_string(),
        ]))
    }

    fn person(&self, cx: &Ctx) -> Option<Id> {
        self.current(cx.data).map(|e| e.id)
    }

    fn record(&self, cx: &Ctx) -> Option<RecordRef> {
        self.current(cx.data)
            .map(|e| RecordRef::new::<Employee>(e.id, number_or_record(e), Some(e.id)))
    }

    fn reveal(&mut self, cx: &Ctx, kind: Kind, id: Id, _name: &str) {
        if kind == Kind::Employee {
            self.open_card(cx, id);
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
        render::render(self, frame, area, cx, theme);
    }
}

#[cfg(test)]
mod tests;
