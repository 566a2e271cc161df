//! The dashboard's start in two steps (`App::start`): the kinds of record the intake tab reads
//! (the tab on screen first) are loaded before its first frame with data, the rest on a thread
//! of their own while that frame is on screen. Meanwhile the other tabs say they are loading,
//! and a key that needs the rest waits for it, with every key after it, so no key is lost and
//! none acts on part of the data.

use super::{App, Tab};
use crate::action::Action;
use crate::keymap;
use chrono::NaiveDate;
use pathways_core::store::{self, Store};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the footer says while input waits for the records.
pub(super) const KEYS_WAIT: &str = "loading the rest of the records: your keys wait for them";

/// Input that came while the rest of the records were loading and waits for them.
#[derive(Debug, Clone)]
pub(super) enum Waiting {
    Key(KeyEvent),
    Paste(String),
}

impl App {
    /// The dashboard as the terminal opens it: the intake tab's records loaded and the tab
    /// built, the rest loading on a thread of their own (`poll_loading` takes them in). `new`
    /// loads everything before it returns.
    pub fn start(store: Store, today: NaiveDate) -> store::Result<App> {
        let mut app = App::empty(store, today);
        app.generation = app.store.generation()?;
        let (_, loading) = app.store.load_first(
            crate::tabs::intake::reads,
            &mut app.data,
            &mut app.loaded,
            &mut app.load_problems,
        )?;
        app.loading = loading;
        app.data_changed();
        app.say_problems();
        Ok(app)
    }

    /// Whether the rest of the records are still being read.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Whether tab `t` can be built and shown: the intake tab reads only the kinds loaded first,
    /// every other tab waits for the rest.
    pub fn ready(&self, t: Tab) -> bool {
        t == Tab::Intake || !self.is_loading()
    }

    /// Called by the event loop: takes in the rest of the records once they are read, then
    /// replays the input that waited for them. Returns whether the screen changed.
    pub fn poll_loading(&mut self) -> bool {
        let finished = self.loading.as_ref().is_some_and(store::Loading::is_finished);
        if finished {
            self.finish_loading();
        }
        if self.loading.is_some() || self.waiting.is_empty() {
            return finished;
        }
        if self.status.as_deref() == Some(KEYS_WAIT) {
            self.status = None;
        }
        for input in std::mem::take(&mut self.waiting) {
            match input {
                Waiting::Key(key) => self.handle_key(key),
                Waiting::Paste(text) => self.paste(&text),
            }
        }
        true
    }

    /// Waits for the rest of the records and takes them in; the input that waited is replayed
    /// by the next `poll_loading`. A file found damaged now ends the dashboard with a message
    /// naming it (`fatal`), as it would have at the start.
    pub fn finish_loading(&mut self) {
        let Some(loading) = self.loading.take() else {
            return;
        };
        let taken =
            self.store
                .take_loaded(loading, &mut self.data, &mut self.loaded, &mut self.load_problems);
        if let Err(e) = taken {
            self.fatal = Some(e.to_string());
            self.running = false;
            return;
        }
        self.forget_derived();
        // The intake tab reads none of the kinds read last: it stays as built.
        for t in Tab::ALL {
            if t != Tab::Intake {
                self.stale[t.index()] = true;
            }
        }
        if self.stale[self.tab.index()] {
            self.refresh_tab(self.tab);
        }
        self.say_problems();
    }

    /// The footer's word on records that did not decode, if any.
    pub(super) fn say_problems(&mut self) {
        if !self.problems.is_empty() {
            self.status = Some(format!(
                "{} skipped; run `pathways check` for details",
                pathways_core::text::count(self.problems.len(), "damaged record")
            ));
        }
    }

    /// Whether `input` must wait for the rest of the records: anything on a tab that is not
    /// ready yet, what reaches every kind of record (Ctrl-K, the palette, a person's card), and
    /// anything after input that waits (so the order is kept). Ctrl-C quits at once.
    pub(super) fn must_wait(&self, key: Option<&KeyEvent>) -> bool {
        if !self.is_loading() {
            return false;
        }
        let action = key.and_then(|k| self.action_of(k));
        if matches!(action, Some(Action::Interrupt)) {
            return false;
        }
        if !self.waiting.is_empty() {
            return true;
        }
        match action {
            Some(
                Action::Quit
                | Action::TogglePrivacy
                | Action::Help
                | Action::NextTab
                | Action::PrevTab
                | Action::GoTab(_),
            ) => false,
            Some(Action::GlobalSearch | Action::Palette | Action::PersonCard) => true,
            // A modal open now was opened on a tab that is ready.
            _ => self.modals.is_empty() && !self.ready(self.tab),
        }
    }

    /// The action `key` stands for as things are now (what `handle_key` would apply).
    pub(super) fn action_of(&self, key: &KeyEvent) -> Option<Action> {
        let mode = self.mode();
        if let KeyCode::Char(c) = key.code
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            && keymap::takes_text(mode)
        {
            return Some(Action::Type(c));
        }
        keymap::lookup(mode, key)
    }
}
