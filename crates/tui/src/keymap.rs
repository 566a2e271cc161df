//! The keymap is data: one table per mode. The footer hints and the `?` help overlay are generated
//! from these tables, so they can never disagree with what the keys do.

use crate::action::Action;
use crate::app::Tab;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

impl Key {
    pub fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Char(c) => !ctrl && ev.code == KeyCode::Char(c),
            Key::Ctrl(c) => ctrl && ev.code == KeyCode::Char(c),
            Key::Code(code) => ev.code == code,
        }
    }

    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Code(KeyCode::Up) => "↑".into(),
            Key::Code(KeyCode::Down) => "↓".into(),
            Key::Code(KeyCode::Left) => "←".into(),
            Key::Code(KeyCode::Right) => "→".into(),
            Key::Code(KeyCode::PageUp) => "PgUp".into(),
            Key::Code(KeyCode::PageDown) => "PgDn".into(),
            Key::Code(KeyCode::BackTab) => "Shift-Tab".into(),
            Key::Code(KeyCode::Enter) => "Enter".into(),
            Key::Code(KeyCode::Esc) => "Esc".into(),
            Key::Code(KeyCode::Tab) => "Tab".into(),
            Key::Code(KeyCode::Home) => "Home".into(),
            Key::Code(KeyCode::End) => "End".into(),
            Key::Code(KeyCode::Backspace) => "Bksp".into(),
            Key::Code(KeyCode::F(n)) => format!("F{n}"),
            Key::Code(other) => format!("{other:?}"),
        }
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// A name for the command palette: "next-tab".
    pub name: &'static str,
    pub help: &'static str,
    /// Shown in the footer when set (a short word).
    pub footer: Option<&'static str>,
}

impl Binding {
    pub fn keys_label(&self) -> String {
        self.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join("/")
    }
}

/// Shorthand for building tables.
pub const fn bind(
    keys: &'static [Key],
    action: Action,
    name: &'static str,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        action,
        name,
        help,
        footer,
    }
}

use Key::{Char, Code, Ctrl};

/// Keys that work on every tab when no modal is open.
pub const GLOBAL: &[Binding] = &[
    bind(&[Char('q')], Action::Quit, "quit", "quit pathways", Some("quit")),
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
        &[Char('p'), Ctrl('p')],
        Action::TogglePrivacy,
        "privacy",
        "privacy screen on/off",
        Some("privacy"),
    ),
    bind(&[Char('u')], Action::Undo, "undo", "undo your last change", None),
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

/// Typing into a filter: printable keys go to the text first.
pub const FILTER: &[Binding] = &[
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

pub const HELP: &[Binding] = &[
    bind(
        &[Code(KeyCode::Esc), Char('q'), Char('?')],
        Action::Back,
        "close",
        "close help",
        Some("close"),
    ),
    bind(
        &[Code(KeyCode::Up), Char('k')],
        Action::Up,
        "up",
        "scroll up",
        None,
    ),
    bind(
        &[Code(KeyCode::Down), Char('j')],
        Action::Down,
        "down",
        "scroll down",
        None,
    ),
];

/// In a form: printable keys go to the focused field first.
pub const FORM: &[Binding] = &[
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
        "next choice in a list",
        Some("choose"),
    ),
    bind(
        &[Code(KeyCode::Left)],
        Action::PickPrev,
        "pick-previous",
        "previous choice",
        None,
    ),
    bind(
        &[Code(KeyCode::Backspace)],
        Action::Backspace,
        "backspace",
        "delete a character",
        None,
    ),
];

/// A prompt with a list below it (search, palette): printable keys go to the text first.
pub const PROMPT: &[Binding] = &[
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
    bind(
        &[Code(KeyCode::Up), Ctrl('p')],
        Action::Up,
        "up",
        "previous entry",
        None,
    ),
    bind(
        &[Code(KeyCode::Down), Ctrl('n')],
        Action::Down,
        "down",
        "next entry",
        None,
    ),
    bind(
        &[Code(KeyCode::Backspace)],
        Action::Backspace,
        "backspace",
        "delete a character",
        None,
    ),
];

pub const CONFIRM: &[Binding] = &[
    bind(
        &[Char('y'), Code(KeyCode::Enter)],
        Action::Confirm,
        "yes",
        "yes, do it",
        Some("yes"),
    ),
    bind(
        &[Char('n'), Code(KeyCode::Esc)],
        Action::Cancel,
        "no",
        "no, go back",
        Some("no"),
    ),
];

/// The mode that decides which table applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal(Tab),
    Filter,
    Help,
    Form,
    Confirm,
    Search,
    Palette,
}

/// The tables in effect for `mode`, most specific first.
pub fn tables(mode: Mode) -> Vec<&'static [Binding]> {
    match mode {
        Mode::Normal(tab) => vec![tab_keys(tab), GLOBAL],
        Mode::Filter => vec![FILTER],
        Mode::Help => vec![HELP],
        Mode::Form => vec![FORM],
        Mode::Confirm => vec![CONFIRM],
        Mode::Search | Mode::Palette => vec![PROMPT],
    }
}

pub fn tab_keys(tab: Tab) -> &'static [Binding] {
    match tab {
        Tab::Intake => crate::tabs::intake::KEYS,
        Tab::Mentoring => crate::tabs::mentoring::KEYS,
        Tab::Coverage => crate::tabs::coverage::KEYS,
        Tab::Leadership => crate::tabs::leadership::KEYS,
        Tab::Metrics => crate::tabs::metrics::KEYS,
    }
}

/// The action bound to `ev` in `mode`, if any.
pub fn lookup(mode: Mode, ev: &KeyEvent) -> Option<Action> {
    tables(mode)
        .into_iter()
        .flat_map(|t| t.iter())
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .map(|b| b.action)
}

/// Footer hints for `mode`: "key word" pairs, most specific first.
pub fn footer(mode: Mode) -> Vec<(String, &'static str)> {
    tables(mode)
        .into_iter()
        .flat_map(|t| t.iter())
        .filter_map(|b| b.footer.map(|f| (b.keys[0].label(), f)))
        .collect()
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
            Mode::Filter,
            Mode::Help,
            Mode::Form,
            Mode::Confirm,
            Mode::Search,
            Mode::Palette,
        ];
        for mode in modes {
            let mut seen = Vec::new();
            for b in tables(mode).into_iter().flat_map(|t| t.iter()) {
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
