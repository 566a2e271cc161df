//! The words of the keymap: a key, and a binding of keys to an action with its name and help.
//! Generic over the action, so each tab's table names its own actions and nothing more; the
//! tables themselves are in `keymap` (modes) and in each tab's `keys.rs`.

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
            Key::Code(KeyCode::Delete) => "Del".into(),
            Key::Code(KeyCode::F(n)) => format!("F{n}"),
            Key::Code(other) => format!("{other:?}"),
        }
    }
}

/// Keys, the action they ask for, a name for the command palette ("next-tab"), a line of help,
/// and a short word for the footer when the action deserves one.
pub struct Binding<A> {
    pub keys: &'static [Key],
    pub action: A,
    pub name: &'static str,
    pub help: &'static str,
    pub footer: Option<&'static str>,
}

impl<A> Binding<A> {
    pub fn keys_label(&self) -> String {
        keys_label(self.keys)
    }

    pub fn matches(&self, ev: &KeyEvent) -> bool {
        self.keys.iter().any(|k| k.matches(ev))
    }
}

/// "g/Home": every key of a binding.
pub fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(|k| k.label()).collect::<Vec<_>>().join("/")
}

/// Shorthand for building tables.
pub const fn bind<A>(
    keys: &'static [Key],
    action: A,
    name: &'static str,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding<A> {
    Binding {
        keys,
        action,
        name,
        help,
        footer,
    }
}
