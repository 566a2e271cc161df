//! The search and palette prompts as the app runs them, and showing a record in its tab (a
//! search hit, or a tab's `Effect::Reveal`).

use super::{App, Modal, Tab};
use crate::action::Action;
use crate::finder::{ASYNC_FROM, Prompt, SEARCH_LIMIT, SearchBox};
use pathways_core::dataset::Dataset;
use pathways_core::domain::Id;
use pathways_core::search::{Entry, Index, Kind, Worker};

impl App {
    /// Opens the global search with `query` typed in.
    pub fn open_search(&mut self, query: &str) {
        let mut search = SearchBox::new(query);
        if self.index.is_none() && self.defer_index {
            // The box first; `prepare_search` builds the index once it is on screen.
            search.waiting = true;
            self.modals.push(Modal::Search(search));
            return;
        }
        self.build_index();
        search.run(self.index.as_deref(), self.search_worker.as_ref());
        self.modals.push(Modal::Search(search));
    }

    fn build_index(&mut self) {
        if self.index.is_none() {
            let index = std::sync::Arc::new(Index::build(&self.data));
            self.search_worker =
                (index.len() >= ASYNC_FROM).then(|| Worker::start(index.clone(), SEARCH_LIMIT));
            self.index = Some(index);
        }
    }

    /// After a draw: builds the search index if the search box is open without one (Ctrl-K
    /// opened it at once) and runs what is typed. Returns whether to draw again.
    pub fn prepare_search(&mut self) -> bool {
        if self.index.is_some() || !matches!(self.modals.last(), Some(Modal::Search(_))) {
            return false;
        }
        self.build_index();
        if let Some(Modal::Search(s)) = self.modals.last_mut() {
            s.waiting = false;
            s.run(self.index.as_deref(), self.search_worker.as_ref());
        }
        true
    }

    /// Takes the worker's answer to the newest query, if it has come. Returns whether to redraw.
    pub fn poll_search(&mut self) -> bool {
        match (&self.search_worker, self.modals.last_mut()) {
            (Some(worker), Some(Modal::Search(s))) => s.poll(worker),
            _ => false,
        }
    }

    /// Whether a search answer is due, so the event loop should look again soon.
    pub fn search_waiting(&self) -> bool {
        matches!(self.modals.last(), Some(Modal::Search(s)) if s.waiting)
    }

    pub(super) fn update_search(&mut self, action: Action) {
        let Some(Modal::Search(s)) = self.modals.last_mut() else {
            return;
        };
        match s.update(action) {
            Prompt::Search => s.run(self.index.as_deref(), self.search_worker.as_ref()),
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
        let Some(entry) = self.index.as_ref().and_then(|x| x.entries.get(i)).cloned() else {
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
