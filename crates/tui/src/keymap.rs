//! The keymap is data: one table per mode here (the modal overlays' in `modals`), one per tab in
//! its folder (`tabs/*/keys.rs`).
//! The footer hints, the `?` help overlay and the command palette are generated from these
//! tables, so they can never disagree with what the keys do.

use crate::action::Action;
use crate::keys::{Binding, Key, bind};
use crate::tab::Tab;
use crate::tabs::{coverage, intake, leadership, learning, mentoring, metrics, people};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use Key::{Char, Code, Ctrl};

mod modals;
pub use modals::{CONFIRM, HELP, HISTORY};

/// Keys that work on every tab when no modal is open.
pub const GLOBAL: &[Binding<Action>] = &[
    bind(&[Char('q')], Action::Quit, "quit", "quit pathways", Some("quit")),
    // Before the other global hints, so the footer keeps them on a narrow screen where a row
    // shows a person or a record (the footer shows them only there).
    bind(
        &[Char('O')],
        Action::PersonCard,
        "person-card",
        "open the person's card",
        Some("card"),
    ),
    bind(
        &[Char('L')],
        Action::History,
        "history",
        "who changed it, when",
        Some("history"),
    ),
    bind(
        &[Code(KeyCode::Esc)],
        Action::Back,
        "back",
        "back out, clear filter",
        None,
    ),
    bind(
        &[Char('?'), Code(KeyCode::F(1))],
        Action::Help,
        "help",
        "show all keys",
        Some("help"),
    ),
    bind(
        &[Code(KeyCode::Tab)],
        Action::NextTab,
        "next-tab",
        "next tab",
        None,
    ),
    bind(
        &[Code(KeyCode::BackTab)],
        Action::PrevTab,
        "previous-tab",
        "previous tab",
        None,
    ),
    bind(
        &[Char('1')],
        Action::GoTab(Tab::Intake),
        "intake-tab",
        "intake queue",
        None,
    ),
    bind(
        &[Char('2')],
        Action::GoTab(Tab::Mentoring),
        "mentoring-tab",
        "mentoring pairs",
        None,
    ),
    bind(
        &[Char('3')],
        Action::GoTab(Tab::Coverage),
        "coverage-tab",
        "ambassador coverage",
        None,
    ),
    bind(
        &[Char('4')],
        Action::GoTab(Tab::Leadership),
        "leadership-tab",
        "leadership sessions",
        None,
    ),
    bind(
        &[Char('5')],
        Action::GoTab(Tab::Metrics),
        "metrics-tab",
        "monthly metrics",
        None,
    ),
    bind(
        &[Char('6')],
        Action::GoTab(Tab::People),
        "people-tab",
        "people (cards)",
        None,
    ),
    bind(
        &[Char('7')],
        Action::GoTab(Tab::Learning),
        "learning-tab",
        "professional learning (offerings, sessions, attendance)",
        None,
    ),
    bind(&[Code(KeyCode::Up), Char('k')], Action::Up, "up", "move up", None),
    bind(
        &[Code(KeyCode::Down), Char('j')],
        Action::Down,
        "down",
        "move down",
        None,
    ),
    bind(
        &[Code(KeyCode::Left), Char('h')],
        Action::Left,
        "left",
        "move left / previous",
        None,
    ),
    bind(
        &[Code(KeyCode::Right), Char('l')],
        Action::Right,
        "right",
        "move right / next",
        None,
    ),
    bind(
        &[Code(KeyCode::PageUp), Ctrl('b')],
        Action::PageUp,
        "page-up",
        "page up",
        None,
    ),
    bind(
        &[Code(KeyCode::PageDown), Ctrl('f')],
        Action::PageDown,
        "page-down",
        "page down",
        None,
    ),
    bind(
        &[Char('g'), Code(KeyCode::Home)],
        Action::Top,
        "top",
        "first row",
        None,
    ),
    bind(
        &[Char('G'), Code(KeyCode::End)],
        Action::Bottom,
        "bottom",
        "last row",
        None,
    ),
    bind(
        &[Char('/')],
        Action::Filter,
        "filter",
        "filter as you type",
        Some("filter"),
    ),
    bind(
        &[Char('p')],
        Action::TogglePrivacy,
        "privacy",
        "privacy screen on/off",
        Some("privacy"),
    ),
    bind(&[Char('u')], Action::Undo, "undo", "undo this tab's change", None),
    bind(
        &[Char('U'), Ctrl('r')],
        Action::Redo,
        "redo",
        "redo this tab's undo",
        None,
    ),
    bind(
        &[Char('J')],
        Action::DetailDown,
        "detail-down",
        "detail pane down",
        None,
    ),
    bind(
        &[Char('K')],
        Action::DetailUp,
        "detail-up",
        "detail pane up",
        None,
    ),
    bind(
        &[Ctrl('k')],
        Action::GlobalSearch,
        "find",
        "search everything",
        Some("find"),
    ),
    bind(
        &[Char(':')],
        Action::Palette,
        "palette",
        "run any action by name",
        Some("cmd"),
    ),
    bind(
        &[Char('y')],
        Action::Copy,
        "copy",
        "copy the record (OSC 52)",
        None,
    ),
];

/// Keys that work in every mode, forms and prompts included: a letter typed into a field is
/// text, so these use Ctrl.
pub const ANYWHERE: &[Binding<Action>] = &[
    bind(
        &[Ctrl('p')],
        Action::TogglePrivacy,
        "privacy-anywhere",
        "privacy (also in forms)",
        None,
    ),
    bind(
        &[Ctrl('c')],
        Action::Interrupt,
        "interrupt",
        "quit (asks if unsaved)",
        None,
    ),
];

/// Typing into a filter: printable keys go to the text first.
pub const FILTER: &[Binding<Action>] = &[
    bind(
        &[Code(KeyCode::Enter)],
        Action::Submit,
        "accept",
        "keep the filter",
        Some("keep"),
    ),
    bind(
        &[Code(KeyCode::Esc)],
        Action::Cancel,
        "cancel",
        "clear the filter",
        Some("clear"),
    ),
    bind(
        &[Code(KeyCode::Backspace)],
        Action::Backspace,
        "backspace",
        "delete a character",
        None,
    ),
    bind(&[Code(KeyCode::Up)], Action::Up, "up", "move up", None),
    bind(&[Code(KeyCode::Down)], Action::Down, "down", "move down", None),
];

/// In a form: printable keys go to the focused field first.
pub const FORM: &[Binding<Action>] = &[
    bind(
        &[Code(KeyCode::Tab), Code(KeyCode::Down)],
        Action::NextField,
        "next-field",
        "next field",
        Some("next"),
    ),
    bind(
        &[Code(KeyCode::BackTab), Code(KeyCode::Up)],
        Action::PrevField,
        "previous-field",
        "previous field",
        None,
    ),
    bind(
        &[Ctrl('s'), Code(KeyCode::Enter)],
        Action::Submit,
        "save",
        "save the form",
        Some("save"),
    ),
    bind(
        &[Code(KeyCode::Esc)],
        Action::Cancel,
        "cancel",
        "cancel (asks if changed)",
        Some("cancel"),
    ),
    bind(
        &[Code(KeyCode::Right)],
        Action::PickNext,
        "pick-next",
        "next choice / cursor right",
        Some("choose"),
    ),
    bind(
        &[Code(KeyCode::Left)],
        Action::PickPrev,
        "pick-previous",
        "previous choice / cursor left",
        None,
    ),
    bind(
        &[Code(KeyCode::Home)],
        Action::Home,
        "field-start",
        "cursor to the field's start",
        None,
    ),
    bind(
        &[Code(KeyCode::End)],
        Action::End,
        "field-end",
        "cursor to the field's end",
        None,
    ),
    bind(
        &[Code(KeyCode::Backspace)],
        Action::Backspace,
        "backspace",
        "delete before the cursor",
        None,
    ),
    bind(
        &[Code(KeyCode::Delete)],
        Action::Delete,
        "delete",
        "delete at the cursor",
        None,
    ),
];

/// A prompt with a list below it (search, palette): printable keys go to the text first.
pub const PROMPT: &[Binding<Action>] = &[
    bind(
        &[Code(KeyCode::Enter)],
        Action::Submit,
        "open",
        "open the selected hit",
        Some("open"),
    ),
    bind(
        &[Code(KeyCode::Esc)],
        Action::Cancel,
        "close",
        "close",
        Some("close"),
    ),
    bind(&[Code(KeyCode::Up)], Action::Up, "up", "previous entry", None),
    bind(&[Code(KeyCode::Down)], Action::Down, "down", "next entry", None),
    bind(
        &[Code(KeyCode::Backspace)],
        Action::Backspace,
        "backspace",
        "delete a character",
        None,
    ),
];

/// The mode that decides which table applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal(Tab),
    Filter,
    Help,
    History,
    Form,
    Confirm,
    Search,
    Palette,
}

/// One binding of any table, in the app's words: what the palette lists and runs, what help
/// and the footer show.
#[derive(Clone, Copy)]
pub struct Command {
    pub keys: &'static [Key],
    pub action: Action,
    pub name: &'static str,
    pub help: &'static str,
    pub footer: Option<&'static str>,
    /// The tab the command belongs to (None: it works everywhere).
    pub tab: Option<Tab>,
}

impl Command {
    fn of<A: Copy>(b: &Binding<A>, wrap: fn(A) -> Action, tab: Option<Tab>) -> Command {
        Command {
            keys: b.keys,
            action: wrap(b.action),
            name: b.name,
            help: b.help,
            footer: b.footer,
            tab,
        }
    }

    pub fn keys_label(&self) -> String {
        crate::keys::keys_label(self.keys)
    }

    pub fn matches(&self, ev: &KeyEvent) -> bool {
        self.keys.iter().any(|k| k.matches(ev))
    }
}

fn commands<A: Copy>(table: &[Binding<A>], wrap: fn(A) -> Action, tab: Option<Tab>) -> Vec<Command> {
    table.iter().map(|b| Command::of(b, wrap, tab)).collect()
}

/// Every table as commands, built once: the tabs' in `Tab::ALL` order, then the modes'.
struct Tables {
    tabs: Vec<Vec<Command>>,
    global: Vec<Command>,
    anywhere: Vec<Command>,
    filter: Vec<Command>,
    help: Vec<Command>,
    history: Vec<Command>,
    form: Vec<Command>,
    confirm: Vec<Command>,
    prompt: Vec<Command>,
}

fn all_tables() -> &'static Tables {
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let same = std::convert::identity;
        Tables {
            tabs: Tab::ALL.iter().map(|&t| tab_table(t)).collect(),
            global: commands(GLOBAL, same, None),
            anywhere: commands(ANYWHERE, same, None),
            filter: commands(FILTER, same, None),
            help: commands(HELP, same, None),
            history: commands(HISTORY, same, None),
            form: commands(FORM, same, None),
            confirm: commands(CONFIRM, same, None),
            prompt: commands(PROMPT, same, None),
        }
    })
}

/// A tab's own keys (its table lives in its folder).
fn tab_table(tab: Tab) -> Vec<Command> {
    let t = Some(tab);
    match tab {
        Tab::Intake => commands(intake::KEYS, Action::Intake, t),
        Tab::Mentoring => commands(mentoring::KEYS, Action::Mentoring, t),
        Tab::Coverage => commands(coverage::KEYS, Action::Coverage, t),
        Tab::Leadership => commands(leadership::KEYS, Action::Leadership, t),
        Tab::Metrics => commands(metrics::KEYS, Action::Metrics, t),
        Tab::People => commands(people::KEYS, Action::People, t),
        Tab::Learning => commands(learning::KEYS, Action::Learning, t),
    }
}

/// A tab's own keys.
pub fn tab_keys(tab: Tab) -> &'static [Command] {
    &all_tables().tabs[tab.index()]
}

/// The keys that work on every tab.
pub fn global() -> &'static [Command] {
    &all_tables().global
}

/// The tables in effect for `mode`, most specific first (the Ctrl keys that work anywhere last).
pub fn tables(mode: Mode) -> Vec<&'static [Command]> {
    let t = all_tables();
    let mut tables: Vec<&'static [Command]> = match mode {
        Mode::Normal(tab) => vec![tab_keys(tab), &t.global],
        Mode::Filter => vec![&t.filter],
        Mode::Help => vec![&t.help],
        Mode::History => vec![&t.history],
        Mode::Form => vec![&t.form],
        Mode::Confirm => vec![&t.confirm],
        Mode::Search | Mode::Palette => vec![&t.prompt],
    };
    tables.push(&t.anywhere);
    tables
}

/// The keys that work in every mode (Ctrl-P, Ctrl-C).
pub fn anywhere() -> &'static [Command] {
    &all_tables().anywhere
}

/// The bindings in effect for `mode`, most specific first.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Command> {
    tables(mode).into_iter().flatten()
}

/// The action bound to `ev` in `mode`, if any.
pub fn lookup(mode: Mode, ev: &KeyEvent) -> Option<Action> {
    bindings(mode).find(|c| c.matches(ev)).map(|c| c.action)
}

/// Footer hints for `mode`: "key word" pairs, most specific first.
pub fn footer(mode: Mode) -> Vec<(String, &'static str)> {
    footer_where(mode, |_| true)
}

/// Footer hints for `mode` whose action `offered` says does something on the screen as it is.
pub fn footer_where(mode: Mode, offered: impl Fn(Action) -> bool) -> Vec<(String, &'static str)> {
    bindings(mode)
        .filter(|c| offered(c.action))
        .filter_map(|c| c.footer.map(|f| (c.keys[0].label(), f)))
        .collect()
}

/// Whether `mode` sends printable characters to a text (a form field, the filter, a prompt)
/// before any shortcut.
pub fn takes_text(mode: Mode) -> bool {
    matches!(mode, Mode::Filter | Mode::Form | Mode::Search | Mode::Palette)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        let modes = [
            Mode::Normal(Tab::Intake),
            Mode::Normal(Tab::Mentoring),
            Mode::Normal(Tab::Coverage),
            Mode::Normal(Tab::Leadership),
            Mode::Normal(Tab::Metrics),
            Mode::Normal(Tab::People),
            Mode::Normal(Tab::Learning),
            Mode::Filter,
            Mode::Help,
            Mode::History,
            Mode::Form,
            Mode::Confirm,
            Mode::Search,
            Mode::Palette,
        ];
        for mode in modes {
            let mut seen = Vec::new();
            for b in bindings(mode) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {mode:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn footer_comes_from_the_table() {
        let f = footer(Mode::Normal(Tab::Intake));
        assert!(f.iter().any(|(k, w)| k == "?" && *w == "help"));
        assert!(f.iter().any(|(k, w)| k == "q" && *w == "quit"));
    }
}
