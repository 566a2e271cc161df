//! The application state and the one `update` that applies actions to it. Rendering only reads it.

use crate::action::Action;
use crate::form::Form;
use crate::keymap::{self, Mode};
use crate::tabs;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::Id;
use pathways_core::privacy::{Mask, Sensitive};
use pathways_core::store::Store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Intake,
    Mentoring,
    Coverage,
    Leadership,
    Metrics,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Intake,
        Tab::Mentoring,
        Tab::Coverage,
        Tab::Leadership,
        Tab::Metrics,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Intake => "Intake queue",
            Tab::Mentoring => "Mentoring pairs",
            Tab::Coverage => "Ambassador coverage",
            Tab::Leadership => "Leadership sessions",
            Tab::Metrics => "Monthly metrics",
        }
    }

    /// A short title for narrow terminals.
    pub fn short_title(self) -> &'static str {
        match self {
            Tab::Intake => "Intake",
            Tab::Mentoring => "Mentoring",
            Tab::Coverage => "Coverage",
            Tab::Leadership => "Leadership",
            Tab::Metrics => "Metrics",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    fn step(self, by: isize) -> Tab {
        let i = (self.index() as isize + by).rem_euclid(Tab::ALL.len() as isize);
        Tab::ALL[i as usize]
    }
}

/// What a form is for; each tab names its own forms.
#[derive(Debug, Clone, PartialEq)]
pub enum FormPurpose {
    Intake(tabs::intake::IntakeForm),
    Mentoring(tabs::mentoring::MentoringForm),
    Coverage(tabs::coverage::CoverageForm),
    Leadership(tabs::leadership::LeadershipForm),
}

/// What a confirm dialog does on "yes".
#[derive(Debug, Clone, PartialEq)]
pub enum Confirmed {
    /// Close the form below without saving.
    DiscardForm,
    Intake(tabs::intake::IntakeConfirm),
    Mentoring(tabs::mentoring::MentoringConfirm),
    Coverage(tabs::coverage::CoverageConfirm),
    Leadership(tabs::leadership::LeadershipConfirm),
}

/// Modals are a stack: the top one gets keys first.
#[derive(Debug, Clone)]
pub enum Modal {
    Help { scroll: u16 },
    Form { form: Form, purpose: FormPurpose },
    Confirm { message: String, then: Confirmed },
    Search(crate::finder::SearchBox),
    Palette(crate::finder::Palette),
}

/// Selection and filter of one list. The viewport follows the selection when drawn.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListNav {
    pub selected: usize,
    pub filter: String,
}

pub const PAGE: usize = 10;

impl ListNav {
    /// Moves the selection for a navigation action; other actions are ignored.
    pub fn apply(&mut self, action: Action, len: usize) {
        let last = len.saturating_sub(1);
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(PAGE),
            Action::PageDown => (self.selected + PAGE).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.selected,
        };
    }

    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }
}

/// First visible row so that `selected` shows in `height` rows.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

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
    stale: [bool; 5],
    /// The global search index, built when first needed after each load.
    pub index: Option<std::sync::Arc<pathways_core::search::Index>>,
    /// Runs searches off the input path when the index is large.
    pub search_worker: Option<pathways_core::search::Worker>,
    /// Text waiting to be put on the clipboard (the terminal loop sends it as OSC 52).
    pub clipboard: Option<String>,
    /// Turn the privacy screen on after this long without a key press.
    pub privacy_after: Option<std::time::Duration>,
    pub last_input: std::time::Instant,
    /// Changes made in this session, newest last, with what each was.
    pub undo_stack: Vec<(String, pathways_core::store::Journal)>,
    /// False under NO_COLOR or a terminal without colours: meaning then comes from markers alone.
    pub color: bool,
}

impl App {
    pub fn new(store: Store, today: NaiveDate) -> pathways_core::store::Result<App> {
        let mut app = App {
            store,
            data: Dataset::default(),
            today,
            tab: Tab::Intake,
            intake: Default::default(),
            mentoring: Default::default(),
            coverage: Default::default(),
            leadership: Default::default(),
            metrics: tabs::metrics::MetricsTab::new(today),
            modals: Vec::new(),
            filtering: false,
            status: None,
            private: false,
            running: true,
            generation: 0,
            problems: Vec::new(),
            loaded: Default::default(),
            stale: [false; 5],
            load_problems: Default::default(),
            color: true,
            undo_stack: Vec::new(),
            index: None,
            search_worker: None,
            clipboard: None,
            privacy_after: None,
            last_input: std::time::Instant::now(),
        };
        app.reload()?;
        app.refresh_all_views();
        if !app.problems.is_empty() {
            app.status = Some(format!(
                "{} damaged record(s) skipped; run `pathways check` for details",
                app.problems.len()
            ));
        }
        Ok(app)
    }

    /// Loads the whole dataset again and refreshes every tab's view of it.
    /// Only the kinds of record that changed since the last load are read again.
    pub fn reload(&mut self) -> pathways_core::store::Result<()> {
        self.generation = self.store.generation()?;
        let changed = self
            .store
            .load_changed(&mut self.data, &mut self.loaded, &mut self.load_problems)?;
        if !changed {
            // Changed by a build that keeps no per-kind counters: read everything.
            self.loaded.clear();
            self.store
                .load_changed(&mut self.data, &mut self.loaded, &mut self.load_problems)?;
        }
        self.data_changed();
        Ok(())
    }

    /// After `data` changed: the decode problems to report, a search index to rebuild when next
    /// needed, and the views.
    fn data_changed(&mut self) {
        self.problems = self
            .load_problems
            .values()
            .flatten()
            .map(ToString::to_string)
            .collect();
        self.index = None;
        self.search_worker = None;
        self.refresh_views();
    }

    /// Refreshes the tab on screen now and the others when they are next shown, so a save at
    /// 100k records rebuilds one tab's view, not five.
    pub fn refresh_views(&mut self) {
        for tab in Tab::ALL {
            self.stale[tab.index()] = true;
        }
        self.refresh_tab(self.tab);
    }

    /// Every tab's view, now (at start-up, so switching tabs never waits the first time).
    pub fn refresh_all_views(&mut self) {
        for tab in Tab::ALL {
            self.refresh_tab(tab);
        }
    }

    fn refresh_tab(&mut self, tab: Tab) {
        match tab {
            Tab::Intake => self.intake.refresh(&self.data, self.today),
            Tab::Mentoring => self.mentoring.refresh(&self.data, self.today),
            Tab::Coverage => self.coverage.refresh(&self.data, self.today),
            Tab::Leadership => self.leadership.refresh(&self.data, self.today),
            Tab::Metrics => self.metrics.refresh(&self.data, self.today),
        }
        self.stale[tab.index()] = false;
    }

    /// Puts `tab` on screen, bringing its view up to date first if the data changed meanwhile.
    pub fn show_tab(&mut self, tab: Tab) {
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
            self.private = true;
            self.status = Some("privacy screen turned on after idle time (p turns it off)".into());
            return true;
        }
        self.poll_changes()
    }

    /// Picks up changes another process saved. Returns whether anything changed.
    pub fn poll_changes(&mut self) -> bool {
        match self.store.generation() {
            Ok(g) if g != self.generation => {
                if let Err(e) = self.reload() {
                    self.status = Some(format!("could not reload: {e}"));
                }
                true
            }
            _ => false,
        }
    }

    pub fn mode(&self) -> Mode {
        match self.modals.last() {
            Some(Modal::Help { .. }) => Mode::Help,
            Some(Modal::Form { .. }) => Mode::Form,
            Some(Modal::Confirm { .. }) => Mode::Confirm,
            Some(Modal::Search(_)) => Mode::Search,
            Some(Modal::Palette(_)) => Mode::Palette,
            None if self.filtering => Mode::Filter,
            None => Mode::Normal(self.tab),
        }
    }

    /// Turns a key press into an action (or text for a focused input) and applies it.
    pub fn handle_key(&mut self, ev: KeyEvent) {
        self.last_input = std::time::Instant::now();
        let mode = self.mode();
        let plain_char = match ev.code {
            KeyCode::Char(c) if !ev.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                Some(c)
            }
            _ => None,
        };
        // A focused text field gets printable characters before any shortcut.
        if let Some(c) = plain_char {
            match mode {
                Mode::Filter => {
                    self.current_filter_mut().push(c);
                    self.refresh_current();
                    return;
                }
                Mode::Form => {
                    if let Some(Modal::Form { form, .. }) = self.modals.last_mut() {
                        form.type_char(c);
                    }
                    return;
                }
                Mode::Search | Mode::Palette => return crate::finder::type_char(self, c),
                _ => {}
            }
        }
        if let Some(action) = keymap::lookup(mode, &ev) {
            self.update(action);
        }
    }

    /// Text pasted into the terminal (bracketed paste: it arrives whole, so a line break in it
    /// never submits a form). It goes where typing goes, cleaned by the same rule.
    pub fn paste(&mut self, pasted: &str) {
        self.last_input = std::time::Instant::now();
        let line = pathways_core::text::clean(pasted, pathways_core::text::Field::Line);
        let removed = match self.mode() {
            Mode::Form => match self.modals.last_mut() {
                Some(Modal::Form { form, .. }) => form.insert(pasted),
                _ => false,
            },
            Mode::Filter => {
                self.current_filter_mut().push_str(&line);
                self.refresh_current();
                line.len() != pasted.len()
            }
            Mode::Search | Mode::Palette => {
                crate::finder::type_text(self, &line);
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
        if !matches!(action, Action::Up | Action::Down) {
            self.status = None;
        }
        match self.modals.last_mut() {
            Some(Modal::Help { scroll }) => {
                match action {
                    Action::Up => *scroll = scroll.saturating_sub(1),
                    Action::Down => *scroll = scroll.saturating_add(1),
                    Action::Back | Action::Cancel | Action::Help => {
                        self.modals.pop();
                    }
                    _ => {}
                }
                return;
            }
            Some(Modal::Form { .. }) => return self.update_form(action),
            Some(Modal::Search(_)) => return crate::finder::update_search(self, action),
            Some(Modal::Palette(_)) => return crate::finder::update_palette(self, action),
            Some(Modal::Confirm { .. }) => {
                match action {
                    Action::Confirm => {
                        if let Some(Modal::Confirm { then, .. }) = self.modals.pop() {
                            self.confirmed(then);
                        }
                    }
                    Action::Cancel | Action::Back => {
                        self.modals.pop();
                    }
                    _ => {}
                }
                return;
            }
            None => {}
        }
        if self.filtering {
            match action {
                Action::Submit => self.filtering = false,
                Action::Cancel => {
                    self.filtering = false;
                    self.current_filter_mut().clear();
                    self.refresh_current();
                }
                Action::Backspace => {
                    self.current_filter_mut().pop();
                    self.refresh_current();
                }
                Action::Up | Action::Down => self.navigate(action),
                _ => {}
            }
            return;
        }
        match action {
            Action::Quit => self.running = false,
            Action::Back if !self.current_filter_mut().is_empty() => {
                self.current_filter_mut().clear();
                self.refresh_current();
            }
            Action::Back if self.tab == Tab::Metrics => tabs::metrics::back(self),
            Action::NextTab => self.show_tab(self.tab.step(1)),
            Action::PrevTab => self.show_tab(self.tab.step(-1)),
            Action::GoTab(t) => self.show_tab(t),
            Action::Help => self.modals.push(Modal::Help { scroll: 0 }),
            Action::Filter => self.filtering = true,
            Action::TogglePrivacy => {
                self.private = !self.private;
                self.status = Some(
                    if self.private {
                        "privacy screen on"
                    } else {
                        "privacy screen off"
                    }
                    .into(),
                );
            }
            Action::Undo => self.undo(),
            Action::Palette => crate::finder::open_palette(self),
            Action::GlobalSearch => crate::finder::open_search(self, ""),
            Action::Copy => self.copy_selected(),
            Action::Up
            | Action::Down
            | Action::Left
            | Action::Right
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => self.navigate(action),
            Action::Intake(a) => tabs::intake::update(self, a),
            Action::Mentoring(a) => tabs::mentoring::update(self, a),
            Action::Coverage(a) => tabs::coverage::update(self, a),
            Action::Leadership(a) => tabs::leadership::update(self, a),
            Action::Metrics(a) => tabs::metrics::update(self, a),
            _ => {}
        }
    }

    fn undo(&mut self) {
        let Some((what, journal)) = self.undo_stack.pop() else {
            self.status = Some("nothing to undo in this session".into());
            return;
        };
        match self.store.undo(&journal) {
            Ok(()) => {
                let _ = self.reload();
                self.status = Some(format!("undone: {what}"));
            }
            Err(e) => self.status = Some(format!("cannot undo {what}: {e}")),
        }
    }

    fn navigate(&mut self, action: Action) {
        match self.tab {
            Tab::Intake => self.intake.navigate(action),
            Tab::Mentoring => self.mentoring.navigate(action),
            Tab::Coverage => self.coverage.navigate(action),
            Tab::Leadership => self.leadership.navigate(action),
            Tab::Metrics => self.metrics.navigate(action),
        }
    }

    /// Replaces the current tab's filter (as if typed) and re-narrows its list.
    pub fn set_filter(&mut self, text: &str) {
        self.filtering = false;
        *self.current_filter_mut() = text.to_string();
        self.refresh_current();
    }

    /// Selects the intake with `id` in the intake list, clearing the queue's filters if they hide it.
    pub fn select_intake(&mut self, id: Id) {
        if !self.intake.select_id(id) && !self.intake.filters.is_empty() {
            self.intake.clear_filters(&self.data, self.today);
            self.intake.select_id(id);
        }
    }

    /// A search hit's title as the screen may show it.
    pub fn masked_title(&self, entry: &pathways_core::search::Entry) -> String {
        match entry.person {
            Some(p) => self.person(p),
            None => entry.title.clone(),
        }
    }

    /// `y`: the selected record's key facts, as shown (masked under the privacy screen).
    fn copy_selected(&mut self) {
        match crate::copy::selected_facts(self) {
            Some(text) => {
                self.status = Some(format!("copied: {}", pathways_core::text::fit(&text, 60)));
                self.clipboard = Some(text);
            }
            None => self.status = Some("nothing selected to copy".into()),
        }
    }

    fn current_filter_mut(&mut self) -> &mut String {
        match self.tab {
            Tab::Intake => &mut self.intake.list.filter,
            Tab::Mentoring => &mut self.mentoring.list.filter,
            Tab::Coverage => &mut self.coverage.list.filter,
            Tab::Leadership => &mut self.leadership.list.filter,
            Tab::Metrics => &mut self.metrics.list.filter,
        }
    }

    /// Re-narrows the current tab's list after its filter text changed.
    fn refresh_current(&mut self) {
        match self.tab {
            Tab::Intake => self.intake.refilter_with(&self.data),
            Tab::Mentoring => self.mentoring.refilter(),
            Tab::Coverage => self.coverage.refilter(),
            Tab::Leadership => self.leadership.refilter(),
            Tab::Metrics => self.metrics.refilter(),
        }
    }

    fn update_form(&mut self, action: Action) {
        let Some(Modal::Form { form, .. }) = self.modals.last_mut() else {
            return;
        };
        match action {
            Action::NextField => form.next_field(),
            Action::PrevField => form.prev_field(),
            Action::PickNext => form.pick(1),
            Action::PickPrev => form.pick(-1),
            Action::Backspace => form.backspace(),
            Action::Cancel | Action::Back => {
                if form.is_changed() {
                    self.modals.push(Modal::Confirm {
                        message: "Discard the changes in this form?".into(),
                        then: Confirmed::DiscardForm,
                    });
                } else {
                    self.modals.pop();
                }
            }
            Action::Submit => {
                let Some(Modal::Form { mut form, purpose }) = self.modals.pop() else {
                    return;
                };
                form.clear_errors();
                let keep_open = match &purpose {
                    FormPurpose::Intake(p) => tabs::intake::submit(self, p, &mut form),
                    FormPurpose::Mentoring(p) => tabs::mentoring::submit(self, p, &mut form),
                    FormPurpose::Coverage(p) => tabs::coverage::submit(self, p, &mut form),
                    FormPurpose::Leadership(p) => tabs::leadership::submit(self, p, &mut form),
                };
                if keep_open || form.has_errors() {
                    self.modals.push(Modal::Form { form, purpose });
                }
            }
            _ => {}
        }
    }

    fn confirmed(&mut self, then: Confirmed) {
        match then {
            Confirmed::DiscardForm => {
                self.modals.pop();
                self.status = Some("changes discarded".into());
            }
            Confirmed::Intake(c) => tabs::intake::confirmed(self, c),
            Confirmed::Mentoring(c) => tabs::mentoring::confirmed(self, c),
            Confirmed::Coverage(c) => tabs::coverage::confirmed(self, c),
            Confirmed::Leadership(c) => tabs::leadership::confirmed(self, c),
        }
    }

    pub fn open_form(&mut self, form: Form, purpose: FormPurpose) {
        self.modals.push(Modal::Form { form, purpose });
    }

    pub fn ask(&mut self, message: impl Into<String>, then: Confirmed) {
        self.modals.push(Modal::Confirm {
            message: message.into(),
            then,
        });
    }

    /// Runs one durable write, reloads, and reports the outcome in the footer. The change can be
    /// undone with `u`; `done` says what it was ("intake saved").
    pub fn save<R>(
        &mut self,
        done: &str,
        f: impl FnOnce(&mut pathways_core::store::Txn) -> pathways_core::store::Result<R>,
    ) -> Result<R, String> {
        match self.store.write_tracked(f) {
            Ok((r, journal)) => {
                // The saved records go straight into the data; only if another process saved
                // meanwhile is the database read again.
                let patched = pathways_core::store::apply_saved(
                    &journal,
                    &mut self.data,
                    &mut self.loaded,
                    &mut self.generation,
                );
                if patched {
                    // A damaged record that was just saved over is damaged no more.
                    for (table, key) in journal.records() {
                        if let Some(p) = self.load_problems.get_mut(table) {
                            p.retain(|p| p.key != key);
                        }
                    }
                }
                if !journal.is_empty() {
                    self.undo_stack.push((done.to_string(), journal));
                }
                let refreshed = if patched {
                    self.data_changed();
                    Ok(())
                } else {
                    self.reload()
                };
                if let Err(e) = refreshed {
                    self.status = Some(format!("saved, but could not reload: {e}"));
                } else {
                    self.status = Some(done.to_string());
                }
                Ok(r)
            }
            Err(e) => {
                let msg = e.to_string();
                self.status = Some(format!("not saved: {msg}"));
                Err(msg)
            }
        }
    }

    /// Saves an edit of `original` (the record as it was when the form opened). If someone else
    /// saved that record meanwhile, nothing is overwritten: the error shows their version and
    /// yours, field by field.
    pub fn save_edit<T>(&mut self, done: &str, original: &T, updated: &T) -> Result<(), String>
    where
        T: pathways_core::store::Record + PartialEq + std::fmt::Debug,
    {
        match self.save(done, |txn| txn.update(original, updated)) {
            Ok(()) => Ok(()),
            Err(msg) => match self.store.get::<T>(original.id()) {
                Ok(Some(theirs)) if &theirs != original => {
                    // Both versions quote the record's values (an email, a note): under the
                    // privacy screen only the fact is shown.
                    let details = if self.private {
                        "(what changed is hidden by the privacy screen; p shows it)".to_string()
                    } else {
                        format!("{}.", differences(&theirs, updated))
                    };
                    let msg = format!(
                        "not saved: someone else changed this record since you opened it. {details} \
                         Esc keeps theirs; reopen the form to edit the current version"
                    );
                    self.status = Some("not saved: the record was changed by someone else".into());
                    Err(msg)
                }
                Ok(None) => Err("not saved: someone else deleted this record".into()),
                _ => Err(msg),
            },
        }
    }

    /// What the screen may show: everything, or under the privacy screen what
    /// `pathways_core::privacy` allows (the one definition of what is personal).
    pub fn mask(&self) -> Mask {
        Mask::screen(self.private)
    }

    /// A person's name as the screen may show it: initials under the privacy screen.
    pub fn person(&self, employee_id: Id) -> String {
        let name = self.data.employee_name(employee_id);
        self.mask().name(&name).into_owned()
    }

    /// A personal value of kind `what`, as the screen may show it.
    pub fn shown(&self, what: Sensitive, text: &str) -> String {
        self.mask().show(what, text).into_owned()
    }

    /// A sensitive value (race, evaluation, retirement, mentoring notes): hidden under the privacy screen.
    pub fn sensitive(&self, text: impl Into<String>) -> String {
        let text = text.into();
        self.shown(Sensitive::Note, &text)
    }
}

/// "field: theirs X, yours Y" for each field that differs, read from the records' Debug form.
fn differences<T: std::fmt::Debug>(theirs: &T, yours: &T) -> String {
    let (a, b) = (fields(&format!("{theirs:#?}")), fields(&format!("{yours:#?}")));
    let diffs: Vec<String> = a
        .iter()
        .filter_map(|(name, theirs)| {
            let yours = b.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.as_str());
            (theirs != yours).then(|| format!("{name}: theirs {theirs}, yours {yours}"))
        })
        .collect();
    diffs.join("; ")
}

/// The top-level fields of a pretty Debug form as (name, value on one line): a field starts on a
/// line indented by four spaces; deeper lines (an `Option` or a list) continue its value.
fn fields(debug: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in debug.lines() {
        let top = line.starts_with("    ") && !line.starts_with("     ");
        match line.trim().split_once(": ") {
            Some((name, value)) if top => out.push((name.to_string(), value.to_string())),
            _ => {
                if let Some((_, value)) = out.last_mut().filter(|_| line.starts_with("    ")) {
                    value.push_str(line.trim());
                }
            }
        }
    }
    for (_, value) in &mut out {
        let trimmed = value.trim_end_matches(',').replace(",)", ")").replace(",]", "]");
        *value = trimmed;
    }
    out
}

#[cfg(test)]
mod tests {
    #[derive(Debug)]
    #[allow(dead_code)] // read only through Debug, as the records are
    struct Pair {
        id: u64,
        ended: Option<chrono::NaiveDate>,
        notes: String,
        tags: Vec<String>,
    }

    #[test]
    fn differences_name_each_changed_field_even_when_an_option_fills_in() {
        let theirs = Pair {
            id: 7,
            ended: chrono::NaiveDate::from_ymd_opt(2026, 11, 1),
            notes: "met twice".into(),
            tags: vec!["a".into()],
        };
        let yours = Pair {
            id: 7,
            ended: None,
            notes: "met twice".into(),
            tags: vec!["a".into(), "b".into()],
        };
        let d = super::differences(&theirs, &yours);
        assert_eq!(
            d,
            "ended: theirs Some(2026-11-01), yours None; tags: theirs [\"a\"], yours [\"a\",\"b\"]"
        );
    }
}
