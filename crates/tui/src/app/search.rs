//! The search and palette prompts as the app runs them, and showing a record in its tab (a
//! search hit, or a tab's `Effect::Reveal`).

use super::{App, Modal, Tab};
use crate::action::Action;
use crate::finder::{Prompt, SearchBox};
use pathways_core::dataset::Dataset;
use pathways_core::domain::Id;
use pathways_core::search::{Builder, Entry, Index, Kind};
use pathways_core::store::Record;

impl App {
    /// Opens the global search with `query` typed in. In the event loop the box is drawn at
    /// once and its results follow (`work`); otherwise the index is built now if need be.
    pub fn open_search(&mut self, query: &str) {
        let mut search = SearchBox::new(query);
        if !self.background {
            self.build_index();
        }
        search.run(self.index.as_ref(), self.background);
        self.modals.push(Modal::Search(search));
    }

    fn build_index(&mut self) {
        if self.index.is_none() {
            self.index_build = None;
            self.index = Some(Index::build(&self.data));
        }
    }

    /// Whether the search has work waiting: its index to build (the event loop builds it
    /// before anyone asks, so Ctrl-K answers at once; once every record is loaded, since an
    /// index of part of them would only be built again), or the open box's results.
    pub(super) fn search_working(&self) -> bool {
        (self.background && self.index.is_none() && !self.is_loading()) || self.search_waiting()
    }

    /// One step of the search's work: a slice of the index, or of the open box's search.
    /// Returns whether the box changed.
    pub(super) fn search_work(&mut self) -> bool {
        let rows = self.work_rows;
        let Some(index) = &self.index else {
            let build = self.index_build.get_or_insert_with(|| Builder::new(&self.data));
            if !build.step(&self.data, (rows / crate::list::KEY_COST).max(1)) {
                return false;
            }
            self.index = self.index_build.take().map(Builder::finish);
            return match self.modals.last_mut() {
                Some(Modal::Search(s)) => {
                    s.run(self.index.as_ref(), true);
                    true
                }
                _ => false,
            };
        };
        match self.modals.last_mut() {
            Some(Modal::Search(s)) if s.waiting => s.step(index, rows),
            _ => false,
        }
    }

    /// Whether the open search box waits for its results.
    pub fn search_waiting(&self) -> bool {
        matches!(self.modals.last(), Some(Modal::Search(s)) if s.waiting)
    }

    /// After this process's own save of `changes` only: the search index takes in saved
    /// intakes (only their own entries show them; consultations show nowhere) instead of being
    /// made again. Returns whether it did; otherwise the caller forgets it.
    pub(super) fn index_saved(&mut self, changes: &[(&'static str, Id)]) -> bool {
        let intakes = changes.iter().all(|&(table, _)| {
            table == pathways_core::domain::Intake::TABLE
                || table == pathways_core::domain::Consultation::TABLE
        });
        if !intakes {
            return false;
        }
        let ids: Vec<Id> = changes
            .iter()
            .filter(|&&(table, _)| table == pathways_core::domain::Intake::TABLE)
            .map(|&(_, id)| id)
            .collect();
        if let Some(index) = &mut self.index {
            index.put_intakes(&self.data, &ids);
        } else if let Some(build) = &mut self.index_build {
            build.put_intakes(&self.data, &ids);
        }
        for modal in &mut self.modals {
            if let Modal::Search(s) = modal {
                s.forget();
            }
        }
        true
    }

    pub(super) fn update_search(&mut self, action: Action) {
        let Some(Modal::Search(s)) = self.modals.last_mut() else {
            return;
        };
        match s.update(action) {
            Prompt::Search => s.run(self.index.as_ref(), self.background),
            Prompt::Close => {
                self.modals.pop();
            }
            Prompt::Open(i) => {
                self.modals.pop();
                self.jump(i);
            }
            _ => {}
        }
    }

    pub(super) fn update_palette(&mut self, action: Action) {
        let Some(Modal::Palette(p)) = self.modals.last_mut() else {
            return;
        };
        match p.update(action) {
            Prompt::Stay if action == Action::Submit => {
                self.status = Some("type a command's name (or ↓ to choose one), then Enter".into());
            }
            Prompt::Close => {
                self.modals.pop();
            }
            Prompt::Find(query) => {
                self.modals.pop();
                self.open_search(&query);
            }
            Prompt::Person(who) => {
                self.modals.pop();
                self.card_by_name(&who);
            }
            Prompt::Run(action, tab) => {
                self.modals.pop();
                if let Some(tab) = tab {
                    self.show_tab(tab);
                }
                self.update(action);
            }
            _ => {}
        }
    }

    /// A search hit's title as the screen may show it.
    pub fn masked_title(&self, entry: &Entry) -> String {
        match entry.person {
            Some(p) => self.person(p),
            None => entry.title.clone(),
        }
    }

    /// Shows the record behind search hit `i` in its tab.
    fn jump(&mut self, i: usize) {
        let Some(entry) = self.index.as_ref().and_then(|x| x.entry(&self.data, i)) else {
            return;
        };
        self.reveal(entry.kind, entry.id);
        self.status = Some(format!(
            "{}: {} · {}",
            entry.kind.label(),
            self.masked_title(&entry),
            entry.facts
        ));
    }

    /// Shows record `id` of `kind` in the tab that lists it, the list narrowed to its name.
    pub(super) fn reveal(&mut self, kind: Kind, id: Id) {
        if kind == Kind::Employee {
            return self.open_card(id);
        }
        let tab = Tab::of(kind);
        let name = record_name(&self.data, kind, id);
        self.show_tab(tab);
        self.filtering = false;
        let (t, cx) = self.split(tab);
        t.reveal(&cx, kind, id, &name);
    }
}

/// What a list is narrowed to when a record is shown: its person's name, or its own name.
fn record_name(data: &Dataset, kind: Kind, id: Id) -> String {
    let person = match kind {
        Kind::Employee => Some(id),
        Kind::Intake => data.intakes.iter().find(|x| x.id == id).map(|x| x.employee_id),
        Kind::Mentor => data.mentor(id).map(|m| m.employee_id),
        Kind::Ambassador => data
            .ambassadors
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.employee_id),
        Kind::Participant => data
            .participants
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.employee_id),
        Kind::Location => return data.location_name(Some(id)).to_string(),
        Kind::Offering => return String::new(),
    };
    person.map(|p| data.employee_name(p)).unwrap_or_default()
}
