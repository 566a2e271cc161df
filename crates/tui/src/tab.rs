//! The contract every tab keeps (`TabView`), what a tab may read (`Ctx`), and what it may ask the
//! app to do (`Effect`).
//!
//! A tab owns its state and nothing else. It reads the data through a `Ctx` (the dataset, today,
//! the privacy screen) and answers a key, a submitted form, a "yes" or a finished save with
//! effects: open a form, ask, save a change, show a tab or a record, say something in the footer,
//! copy. The app applies every effect in one place (`app/effects.rs`), so nothing a tab does
//! happens out of sight, and a tab can be tested with a `Ctx` over any `Dataset`, no store.

use crate::form::Form;
use crate::keys::Binding;
use crate::list::Nav;
use crate::save::Save;
use crate::theme::Theme;
pub use crate::widgets::DetailScroll;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::Id;
use pathways_core::lookup::{People, Places};
use pathways_core::privacy::{Mask, Sensitive};
use pathways_core::search::Kind;
use ratatui::Frame;
use ratatui::layout::Rect;

/// The tabs, in the order of the tab bar and the number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Intake,
    Mentoring,
    Coverage,
    Leadership,
    Metrics,
    People,
    Learning,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Intake,
        Tab::Mentoring,
        Tab::Coverage,
        Tab::Leadership,
        Tab::Metrics,
        Tab::People,
        Tab::Learning,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Intake => "Intake queue",
            Tab::Mentoring => "Mentoring pairs",
            Tab::Coverage => "Ambassador coverage",
            Tab::Leadership => "Leadership sessions",
            Tab::Metrics => "Monthly metrics",
            Tab::People => "People",
            Tab::Learning => "Professional learning",
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
            Tab::People => "People",
            Tab::Learning => "PL",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn step(self, by: isize) -> Tab {
        let i = (self.index() as isize + by).rem_euclid(Tab::ALL.len() as isize);
        Tab::ALL[i as usize]
    }

    /// The tab that shows a kind of record found by search.
    pub fn of(kind: Kind) -> Tab {
        match kind {
            Kind::Intake => Tab::Intake,
            Kind::Employee => Tab::People,
            Kind::Mentor => Tab::Mentoring,
            Kind::Ambassador | Kind::Location => Tab::Coverage,
            Kind::Participant => Tab::Leadership,
            Kind::Offering => Tab::Learning,
        }
    }
}

/// What a tab may read: the data, today, whether the privacy screen is on, and how far the
/// detail pane is scrolled (`J`/`K`).
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub data: &'a Dataset,
    pub today: NaiveDate,
    pub private: bool,
    pub detail: DetailScroll<'a>,
}

impl<'a> Ctx<'a> {
    pub fn new(data: &'a Dataset, today: NaiveDate, private: bool) -> Self {
        Ctx {
            data,
            today,
            private,
            detail: DetailScroll::default(),
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

    /// A sensitive value (race, evaluation, retirement, mentoring notes): hidden under the
    /// privacy screen.
    pub fn sensitive(&self, text: impl Into<String>) -> String {
        self.shown(Sensitive::Note, &text.into())
    }

    /// The one lookup for people typed into a form: through the sorted positions the data
    /// keeps (`Dataset::people`), no pass over everyone and no hash map of them.
    pub fn people(&self) -> People<'a> {
        self.data.people()
    }

    /// The one lookup for places typed into a form.
    pub fn places(&self) -> Places<'a> {
        Places::new(&self.data.locations)
    }
}

/// A stored record a row shows, for its history (`L`): its kind (table), its id, what it is in
/// words without personal data ("intake received 2024-09-02"), and the person it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordRef {
    pub table: &'static str,
    pub id: Id,
    pub what: String,
    pub person: Option<Id>,
}

impl RecordRef {
    pub fn new<T: pathways_core::store::Record>(id: Id, what: impl Into<String>, person: Option<Id>) -> Self {
        RecordRef {
            table: T::TABLE,
            id,
            what: what.into(),
            person,
        }
    }
}

/// Something a tab asks the app to do. `F`, `C` and `S` are the tab's own words for what a form
/// is for, what a "yes" does, and what follows a save (see `TabView`).
pub enum Effect<F, C, S> {
    /// Open a form; its submit comes back to the tab with `F`.
    Form(Form, F),
    /// Ask a yes/no question; a yes comes back with `C`.
    Ask(String, C),
    /// Write a change (one durable transaction, undoable); once written the tab hears `S`.
    Save(Save<S>),
    /// A line for the footer.
    Status(String),
    /// Put a tab on screen.
    Show(Tab),
    /// Show a record in the tab that lists it.
    Reveal(Kind, Id),
    /// Put text on the clipboard.
    Copy(String),
}

impl<F, C, S> Effect<F, C, S> {
    pub fn status(text: impl Into<String>) -> Self {
        Effect::Status(text.into())
    }
}

/// An effect in a tab's own words.
pub type TabEffect<T> = Effect<<T as TabView>::Form, <T as TabView>::Confirm, <T as TabView>::Saved>;
pub type Effects<T> = Vec<TabEffect<T>>;

/// A tab of the dashboard. A new tab is a folder under `tabs/` whose state implements this,
/// registered in the few places CONTRIBUTING.md lists.
pub trait TabView {
    /// Its keys' actions (its key table is `KEYS`).
    type Action: Copy + 'static;
    /// What each of its forms is for.
    type Form: Send + 'static;
    /// What a yes to each of its questions does.
    type Confirm: Send + 'static;
    /// What follows each of its saves.
    type Saved: Send + 'static;

    const TAB: Tab;
    const KEYS: &'static [Binding<Self::Action>];

    /// Rebuilds what the tab shows from the data (after a load, a save, or a change elsewhere).
    fn refresh(&mut self, cx: &Ctx);

    /// One of its keys was pressed.
    fn update(&mut self, cx: &Ctx, action: Self::Action) -> Effects<Self>;

    /// A move: the selection, or for ←/→ the view or the column.
    fn navigate(&mut self, cx: &Ctx, nav: Nav);

    /// Esc with no filter to clear: whether the tab used it (e.g. back to its main view).
    fn back(&mut self, _cx: &Ctx) -> bool {
        false
    }

    /// The `/` filter's text.
    fn filter(&self) -> &str;

    /// The `/` filter changed: narrow the lists.
    fn set_filter(&mut self, cx: &Ctx, text: &str);

    /// The `/` filter was typed into, and the event loop runs `work` between key presses: a
    /// tab whose list is large only starts narrowing it, so the typed text is drawn at once and
    /// the rows follow. The rows must end as `set_filter` leaves them.
    fn type_filter(&mut self, cx: &Ctx, text: &str) {
        self.set_filter(cx, text)
    }

    /// Whether the rows shown are not yet the filter's (`type_filter` left work to do).
    fn filtering(&self) -> bool {
        false
    }

    /// Does up to about `rows` rows of the work `type_filter` left; returns whether the rows
    /// are now the filter's (the screen changed).
    fn work(&mut self, _cx: &Ctx, _rows: usize) -> bool {
        false
    }

    /// Whether its views are made from records of `table` (a `Record::TABLE`): a save of other
    /// kinds alone leaves the tab as it is while it is not on screen, instead of rebuilding it
    /// when next shown. Every kind unless a tab names its own.
    fn reads(&self, _table: &str) -> bool {
        true
    }

    /// Whether it has work it can do before it is asked: the search keys of a large list, so
    /// the first letter typed into `/` finds them built. The event loop does it between key
    /// presses when nothing else waits.
    fn ahead(&self) -> bool {
        false
    }

    /// Does up to about `rows` rows of the work `ahead` names.
    fn work_ahead(&mut self, _cx: &Ctx, _rows: usize) {}

    /// A form it opened was submitted. Errors go on the form (it stays open); a save that
    /// fails puts its reason on the form too.
    fn submit(&mut self, cx: &Ctx, form: &mut Form, purpose: &Self::Form) -> Effects<Self>;

    /// A question it asked was answered yes.
    fn confirmed(&mut self, cx: &Ctx, answer: Self::Confirm) -> Effects<Self>;

    /// A save it asked for was written (`id`: the record it added, if any).
    fn saved(&mut self, cx: &Ctx, then: Self::Saved, id: Option<Id>) -> Effects<Self>;

    /// After this process's own save changed only `changes` (table, id) and the data holds
    /// them: takes them into the view without a rebuild (work proportional to the change), or
    /// returns false and the caller rebuilds the view.
    fn patched(&mut self, _cx: &Ctx, _changes: &[(&'static str, Id)]) -> bool {
        false
    }

    /// `y`: the selected record's key facts, masked as the screen is.
    fn copy_facts(&self, cx: &Ctx) -> Option<String>;

    /// `O`: the person the selected row shows (employee record id), to open their card.
    fn person(&self, _cx: &Ctx) -> Option<Id> {
        None
    }

    /// `L`: the stored record the selected row shows, to show its history.
    fn record(&self, _cx: &Ctx) -> Option<RecordRef> {
        None
    }

    /// Shows the record `id` of `kind` (a search hit, a link from another tab), narrowing the
    /// list to `name`.
    fn reveal(&mut self, cx: &Ctx, kind: Kind, id: Id, name: &str);

    /// Draws the tab from its own state.
    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme);
}

/// Whether a kind's vector, `known` records long when a view was made and `len` now, only grew
/// by records a save wrote (`changed`: their positions): no record the view holds moved, so it
/// can take the save in (`TabView::patched`) instead of being made again.
pub fn only_appended(known: usize, len: usize, changed: &[usize]) -> bool {
    len >= known && (known..len).all(|i| changed.contains(&i))
}

/// The key facts of a record as one line: the parts that are not empty, joined by " · ".
pub fn facts<I, T>(parts: I) -> String
where
    I: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    let parts: Vec<T> = parts.into_iter().collect();
    parts
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}
