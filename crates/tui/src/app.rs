//! The application state and the one `update` that applies actions to it. Tabs answer with
//! effects, which `effects.rs` applies in one place; the modal stack is in `modals.rs`, the
//! search and palette in `search.rs`, loading and saving in `data.rs`. Rendering only reads it.

mod data;
mod effects;
mod loading;
mod modals;
mod people;
mod search;
mod undo;

pub use crate::tab::Tab;
pub use effects::Purpose;
pub use modals::{Answer, History, Modal};

use crate::action::Action;
use crate::keymap::Mode;
use crate::tab::{Ctx, TabView};
use crate::tabs;
use chrono::NaiveDate;
use effects::{AnyTab, erase};
use pathways_core::dataset::Dataset;
use pathways_core::domain::Id;
use pathways_core::privacy::{Mask, Sensitive};
use pathways_core::store::Store;
use ratatui::crossterm::event::KeyEvent;

pub struct App {
    pub store: Store,
    pub data: Dataset,
    pub today: NaiveDate,
    pub tab: Tab,
    pub intake: tabs::intake::IntakeTab,
    pub mentoring: tabs::mentoring::MentoringTab,
    pub coverage: tabs::coverage::CoverageTab,
    pub leadership: tabs::leadership::LeadershipTab,
    pub metrics: tabs::metrics::MetricsTab,
    pub people: tabs::people::PeopleTab,
    /// The tab a person card was opened from (`O`, a search hit, `:person`): Esc on the card
    /// goes back there.
    pub card_from: Option<Tab>,
    pub learning: tabs::learning::LearningTab,
    pub modals: Vec<Modal>,
    /// Typing goes into the current tab's filter.
    pub filtering: bool,
    /// One line for the footer: what just happened.
    pub status: Option<String>,
    /// The privacy screen: names as initials, sensitive fields hidden.
    pub private: bool,
    pub running: bool,
    /// The store's change counter when the data was last loaded.
    pub generation: u64,
    /// Records that failed to decode on the last load, as "table, record: reason".
    pub problems: Vec<String>,
    /// Each kind's change counter as last loaded, and its decode problems.
    loaded: std::collections::HashMap<&'static str, u64>,
    load_problems: std::collections::BTreeMap<&'static str, Vec<pathways_core::store::DecodeProblem>>,
    /// Tabs whose view was built from older data (refreshed when shown).
    stale: [bool; Tab::ALL.len()],
    /// The global search index: built between key presses after each load (`work`), or when
    /// first needed outside the event loop; a save of intakes alone is taken into it.
    pub index: Option<pathways_core::search::Index>,
    /// The index being built, a slice per `work` step.
    index_build: Option<pathways_core::search::Builder>,
    /// Work leaves the input path (the event loop sets it): typing a filter or a search only
    /// starts it and `work`, run between key presses, finishes it, and the search index is built
    /// there before anyone asks; otherwise (tests, benches) each key narrows or searches at
    /// once. Both end with the same rows and hits.
    pub background: bool,
    /// How many rows one `work` step ranks at most (search keys built: an eighth of that).
    pub work_rows: usize,
    /// Text waiting to be put on the clipboard (the terminal loop sends it as OSC 52).
    pub clipboard: Option<String>,
    /// Turn the privacy screen on after this long without a key press.
    pub privacy_after: Option<std::time::Duration>,
    pub last_input: std::time::Instant,
    /// Changes made in this session, newest last: what each was, on which tab.
    pub undo_stack: Vec<data::Change>,
    /// Changes undone, newest last, that `U` (Ctrl-R) makes again.
    pub redo_stack: Vec<data::Change>,
    /// How far the detail pane is scrolled (`J`/`K`), and how far it could go as last drawn.
    pub detail_scroll: u16,
    pub detail_room: std::cell::Cell<u16>,
    /// False under NO_COLOR or a terminal without colours: meaning then comes from markers alone.
    pub color: bool,
    /// The whole file's verification was started on a thread of its own (`on_screen`).
    verifying: bool,
    /// The records still being read after the start (`start`, `poll_loading`), and the input
    /// that waits for them.
    loading: Option<pathways_core::store::Loading>,
    waiting: Vec<loading::Waiting>,
    /// Why the dashboard had to stop (a file found damaged while it ran), for the terminal
    /// to say once it is restored.
    pub fatal: Option<String>,
}

/// How many rows a `work` step ranks: a few milliseconds at a million records on two cores.
pub const WORK_ROWS: usize = 50_000;

impl App {
    /// The dashboard with every record loaded and the tab on screen built (the others are
    /// built when first shown). The terminal uses `start`, which draws sooner.
    pub fn new(store: Store, today: NaiveDate) -> pathways_core::store::Result<App> {
        let mut app = App::empty(store, today);
        app.reload()?;
        app.say_problems();
        Ok(app)
    }

    /// The state before anything is loaded.
    fn empty(store: Store, today: NaiveDate) -> App {
        App {
            store,
            data: Dataset::default(),
            today,
            tab: Tab::Intake,
            intake: Default::default(),
            mentoring: Default::default(),
            coverage: Default::default(),
            leadership: Default::default(),
            metrics: tabs::metrics::MetricsTab::new(today),
            people: Default::default(),
            card_from: None,
            learning: Default::default(),
            modals: Vec::new(),
            filtering: false,
            status: None,
            private: false,
            running: true,
            generation: 0,
            problems: Vec::new(),
            loaded: Default::default(),
            stale: [false; Tab::ALL.len()],
            load_problems: Default::default(),
            color: true,
            undo_stack: Vec::new(),
            redo_stack: Vec::new(),
            detail_scroll: 0,
            detail_room: std::cell::Cell::new(0),
            index: None,
            index_build: None,
            background: false,
            work_rows: WORK_ROWS,
            clipboard: None,
            privacy_after: None,
            last_input: std::time::Instant::now(),
            verifying: false,
            loading: None,
            waiting: Vec::new(),
            fatal: None,
        }
    }

    /// What a tab may read.
    pub fn ctx(&self) -> Ctx<'_> {
        let mut cx = Ctx::new(&self.data, self.today, self.private);
        cx.detail = crate::tab::DetailScroll {
            lines: self.detail_scroll,
            room: Some(&self.detail_room),
        };
        cx
    }

    /// Turns the privacy screen on or off. Lists sorted by name are sorted again, since the
    /// names shown (initials or not) are what they are sorted by.
    pub fn set_private(&mut self, on: bool) {
        if self.private != on {
            self.private = on;
            self.refresh_views();
        }
    }

    /// Tab `t` and a `Ctx` beside it (the tab is changed, the data only read).
    fn split(&mut self, t: Tab) -> (&mut dyn AnyTab, Ctx<'_>) {
        let cx = Ctx::new(&self.data, self.today, self.private);
        let tab: &mut dyn AnyTab = match t {
            Tab::Intake => &mut self.intake,
            Tab::Mentoring => &mut self.mentoring,
            Tab::Coverage => &mut self.coverage,
            Tab::Leadership => &mut self.leadership,
            Tab::Metrics => &mut self.metrics,
            Tab::People => &mut self.people,
            Tab::Learning => &mut self.learning,
        };
        (tab, cx)
    }

    /// Tab `t`, to read.
    pub(crate) fn view(&self, t: Tab) -> &dyn AnyTab {
        match t {
            Tab::Intake => &self.intake,
            Tab::Mentoring => &self.mentoring,
            Tab::Coverage => &self.coverage,
            Tab::Leadership => &self.leadership,
            Tab::Metrics => &self.metrics,
            Tab::People => &self.people,
            Tab::Learning => &self.learning,
        }
    }

    /// Refreshes the tab on screen now and the others when they are next shown, so a save at
    /// 100k records rebuilds one tab's view, not five.
    pub fn refresh_views(&mut self) {
        for tab in Tab::ALL {
            self.stale[tab.index()] = true;
        }
        self.refresh_tab(self.tab);
    }

    /// Rebuilds tab `t` from the data (after its filters or settings were changed directly).
    /// A tab that waits for records still loading is left stale (built once they are in).
    pub fn refresh_tab(&mut self, t: Tab) {
        if !self.ready(t) {
            self.stale[t.index()] = true;
            return;
        }
        let (tab, cx) = self.split(t);
        tab.refresh(&cx);
        self.stale[t.index()] = false;
    }

    /// Puts `tab` on screen, bringing its view up to date first if the data changed meanwhile.
    pub fn show_tab(&mut self, tab: Tab) {
        self.card_from = None;
        if self.tab != tab {
            self.detail_scroll = 0;
        }
        self.tab = tab;
        if self.stale[tab.index()] {
            self.refresh_tab(tab);
        }
    }

    /// Periodic work between key presses. Returns whether the screen must be redrawn.
    pub fn tick(&mut self) -> bool {
        let idle = self
            .privacy_after
            .is_some_and(|after| self.last_input.elapsed() >= after);
        if idle && !self.private {
            // Whatever is open stays open, masked: a form being filled in is not lost.
            self.set_private(true);
            self.status = Some(
                "privacy screen turned on after idle time (p, or Ctrl-P in a form, turns it off)".into(),
            );
            return true;
        }
        if self.verification_failed() {
            return true;
        }
        self.poll_changes()
    }

    pub fn mode(&self) -> Mode {
        match self.modals.last() {
            Some(Modal::Help { .. }) => Mode::Help,
            Some(Modal::History(_)) => Mode::History,
            Some(Modal::Form { .. }) => Mode::Form,
            Some(Modal::Confirm { .. }) => Mode::Confirm,
            Some(Modal::Search(_)) => Mode::Search,
            Some(Modal::Palette(_)) => Mode::Palette,
            None if self.filtering => Mode::Filter,
            None => Mode::Normal(self.tab),
        }
    }

    /// Turns a key press into an action and applies it. A focused text field (a form, the
    /// filter, a prompt) gets printable characters before any shortcut, as `Action::Type`.
    /// While the records load after the start, a key that needs them waits (`must_wait`).
    pub fn handle_key(&mut self, ev: KeyEvent) {
        self.last_input = std::time::Instant::now();
        if self.must_wait(Some(&ev)) {
            self.waiting.push(loading::Waiting::Key(ev));
            self.status = Some(loading::KEYS_WAIT.into());
            return;
        }
        if let Some(action) = self.action_of(&ev) {
            self.update(action);
        }
    }

    /// Text pasted into the terminal (bracketed paste: it arrives whole, so a line break in it
    /// never submits a form). It goes where typing goes, cleaned by the same rule.
    pub fn paste(&mut self, pasted: &str) {
        self.last_input = std::time::Instant::now();
        if self.must_wait(None) {
            self.waiting.push(loading::Waiting::Paste(pasted.to_string()));
            return;
        }
        let line = pathways_core::text::clean(pasted, pathways_core::text::Field::Line);
        let removed = match self.modals.last_mut() {
            Some(Modal::Form { form, .. }) => form.insert(pasted),
            Some(Modal::Search(s)) => {
                s.insert(&line);
                s.run(self.index.as_ref(), self.background);
                line.len() != pasted.len()
            }
            Some(Modal::Palette(p)) => {
                p.insert(&line);
                line.len() != pasted.len()
            }
            None if self.filtering => {
                let text = format!("{}{line}", self.view(self.tab).filter());
                self.set_filter_text(&text);
                line.len() != pasted.len()
            }
            _ => {
                self.status = Some("paste goes into a form field, a filter (/) or find (Ctrl-K)".into());
                return;
            }
        };
        if removed {
            self.status = Some("pasted text: control or invisible characters were left out".into());
        }
    }

    /// The one place where actions change state.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Up | Action::Down | Action::Type(_)) {
            self.status = None;
        }
        // The keys that work in every mode, forms and prompts included.
        match action {
            Action::TogglePrivacy => {
                self.set_private(!self.private);
                let word = if self.private { "on" } else { "off" };
                self.status = Some(format!("privacy screen {word}"));
                return;
            }
            Action::Interrupt => return self.interrupt(),
            _ => {}
        }
        if action.nav().is_some() || matches!(action, Action::Back | Action::Filter) {
            self.detail_scroll = 0;
        }
        if !self.modals.is_empty() {
            return self.update_modal(action);
        }
        if self.filtering {
            return self.update_filter(action);
        }
        let cx = Ctx::new(&self.data, self.today, self.private);
        let effects = match action {
            Action::Quit => {
                self.running = false;
                return;
            }
            Action::Back if !self.view(self.tab).filter().is_empty() => {
                self.set_filter("");
                return;
            }
            Action::Back => {
                let (tab, cx) = self.split(self.tab);
                let used = tab.back(&cx);
                // A card opened from another tab: closing it goes back there.
                if used
                    && self.tab == Tab::People
                    && self.people.card.is_none()
                    && let Some(from) = self.card_from.take()
                {
                    self.show_tab(from);
                }
                return;
            }
            Action::NextTab => return self.show_tab(self.tab.step(1)),
            Action::PrevTab => return self.show_tab(self.tab.step(-1)),
            Action::GoTab(t) => return self.show_tab(t),
            Action::Help => return self.modals.push(Modal::Help { scroll: 0 }),
            Action::Filter => {
                self.filtering = true;
                return;
            }
            Action::Undo => return self.undo(),
            Action::Redo => return self.redo(),
            Action::DetailDown => {
                let room = self.detail_room.get();
                self.detail_scroll = (self.detail_scroll.min(room) + 1).min(room);
                return;
            }
            Action::DetailUp => {
                let room = self.detail_room.get();
                self.detail_scroll = self.detail_scroll.min(room).saturating_sub(1);
                return;
            }
            Action::Palette => return self.modals.push(Modal::Palette(crate::finder::Palette::new())),
            Action::GlobalSearch => return self.open_search(""),
            Action::Copy => {
                let copied = self.view(self.tab).copy_facts(&self.ctx());
                return self.copy(copied);
            }
            Action::Intake(a) => erase::<tabs::intake::IntakeTab>(self.intake.update(&cx, a)),
            Action::Mentoring(a) => erase::<tabs::mentoring::MentoringTab>(self.mentoring.update(&cx, a)),
            Action::Coverage(a) => erase::<tabs::coverage::CoverageTab>(self.coverage.update(&cx, a)),
            Action::Leadership(a) => erase::<tabs::leadership::LeadershipTab>(self.leadership.update(&cx, a)),
            Action::Metrics(a) => erase::<tabs::metrics::MetricsTab>(self.metrics.update(&cx, a)),
            Action::People(a) => erase::<tabs::people::PeopleTab>(self.people.update(&cx, a)),
            Action::PersonCard => return self.card_of_selected(),
            Action::History => return self.open_history(),
            Action::Learning(a) => erase::<tabs::learning::LearningTab>(self.learning.update(&cx, a)),
            other => {
                if let Some(nav) = other.nav() {
                    let (tab, cx) = self.split(self.tab);
                    tab.navigate(&cx, nav);
                }
                return;
            }
        };
        self.apply(effects);
    }

    /// Ctrl-C: quits, like every terminal tool, but asks first when a form holds unsaved
    /// changes; a second Ctrl-C at that question quits.
    fn interrupt(&mut self) {
        let asking = matches!(
            self.modals.last(),
            Some(Modal::Confirm {
                then: Answer::Quit,
                ..
            })
        );
        let changed = self
            .modals
            .iter()
            .any(|m| matches!(m, Modal::Form { form, .. } if form.is_changed()));
        if changed && !asking {
            self.modals.push(Modal::Confirm {
                message: "Quit pathways? The form has changes that are not saved.".into(),
                then: Answer::Quit,
            });
        } else {
            self.running = false;
        }
    }

    /// Typing into the `/` filter.
    fn update_filter(&mut self, action: Action) {
        let mut text = self.view(self.tab).filter().to_string();
        match action {
            Action::Submit => self.filtering = false,
            Action::Cancel => {
                self.filtering = false;
                self.set_filter("");
            }
            Action::Backspace => {
                text.pop();
                self.set_filter_text(&text);
            }
            Action::Type(c) => {
                text.push(c);
                self.set_filter_text(&text);
            }
            Action::Up | Action::Down => {
                if let Some(nav) = action.nav() {
                    let (tab, cx) = self.split(self.tab);
                    tab.navigate(&cx, nav);
                }
            }
            _ => {}
        }
    }

    /// Replaces the current tab's filter (as if typed) and re-narrows its list.
    pub fn set_filter(&mut self, text: &str) {
        self.filtering = false;
        self.set_filter_text(text);
    }

    fn set_filter_text(&mut self, text: &str) {
        let background = self.background;
        let (tab, cx) = self.split(self.tab);
        if background {
            tab.type_filter(&cx, text);
        } else {
            tab.set_filter(&cx, text);
        }
    }

    /// Whether work is waiting for `work` (a filter or a search being worked out, the search
    /// index being built, the forms' lookups being sorted).
    pub fn working(&self) -> bool {
        Tab::ALL.iter().any(|&t| self.view(t).filtering())
            || self.search_working()
            || self.view(self.tab).ahead()
            || self.keys_working()
    }

    /// Whether the sorted positions a form's checks use (`Dataset::people`, `intakes_of`) are
    /// still to be made: the event loop makes them once every record is loaded, so the first
    /// form saved does not wait for them (a form that comes sooner makes them itself).
    fn keys_working(&self) -> bool {
        self.background && !self.is_loading() && !self.data.keys_made()
    }

    /// One step of the waiting work (a few milliseconds at most, so a key pressed meanwhile
    /// waits less than a frame; one sort of the forms' lookups, up to some 20 ms once at a
    /// million records): what is on screen first, the tab's filter or the search box, then the
    /// search index, then other tabs' filters, then what the tab on screen can do ahead, then
    /// the forms' lookups. Returns whether to draw again.
    pub fn work(&mut self) -> bool {
        let rows = self.work_rows;
        if self.modals.is_empty() && self.view(self.tab).filtering() {
            let (tab, cx) = self.split(self.tab);
            return tab.work(&cx, rows);
        }
        if self.search_working() {
            return self.search_work();
        }
        for t in Tab::ALL {
            if self.view(t).filtering() {
                let (tab, cx) = self.split(t);
                return tab.work(&cx, rows) && t == self.tab;
            }
        }
        let (tab, cx) = self.split(self.tab);
        if tab.ahead() {
            tab.work_ahead(&cx, rows);
            return false;
        }
        if self.keys_working() {
            self.data.make_keys();
        }
        false
    }

    /// Runs every waiting piece of work to the end (what the event loop does between keys).
    pub fn settle(&mut self) {
        while self.working() {
            self.work();
        }
    }

    /// Selects the intake with `id` in the intake list, clearing the queue's filters if they hide it.
    pub fn select_intake(&mut self, id: Id) {
        let cx = Ctx::new(&self.data, self.today, self.private);
        self.intake.show_intake(&cx, id);
    }

    /// `y`: the selected record's key facts, as shown (masked under the privacy screen).
    fn copy(&mut self, facts: Option<String>) {
        match facts {
            Some(text) => {
                self.status = Some(format!("copied: {}", pathways_core::text::fit(&text, 61)));
                self.clipboard = Some(text);
            }
            None => self.status = Some("nothing selected to copy".into()),
        }
    }

    /// What the screen may show: everything, or under the privacy screen what
    /// `pathways_core::privacy` allows (the one definition of what is personal).
    pub fn mask(&self) -> Mask {
        Mask::screen(self.private)
    }

    /// A person's name as the screen may show it: initials under the privacy screen.
    pub fn person(&self, employee_id: Id) -> String {
        self.ctx().person(employee_id)
    }

    /// A personal value of kind `what`, as the screen may show it.
    pub fn shown(&self, what: Sensitive, text: &str) -> String {
        self.ctx().shown(what, text)
    }
}
