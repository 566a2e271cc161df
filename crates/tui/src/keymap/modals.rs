//! The keys of the overlays that sit on a tab: help, a record's history, a yes/no question.

use crate::action::Action;
use crate::keys::{Binding, Key, bind};
use ratatui::crossterm::event::KeyCode;

use Key::{Char, Code, Ctrl};

/// Reading a record's history: scroll, close.
pub const HISTORY: &[Binding<Action>] = &[
    bind(
        &[Code(KeyCode::Esc), Char('q'), Char('L')],
        Action::Back,
        "close",
        "close the history",
        Some("close"),
    ),
    bind(
        &[Char('p')],
        Action::TogglePrivacy,
        "privacy",
        "privacy screen on/off",
        Some("privacy"),
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
    bind(
        &[Code(KeyCode::PageUp), Ctrl('b')],
        Action::PageUp,
        "page-up",
        "page up",
        None,
    ),
    bind(
        &[Code(KeyCode::PageDown), Ctrl('f'), Char(' ')],
        Action::PageDown,
        "page-down",
        "page down",
        None,
    ),
];

pub const HELP: &[Binding<Action>] = &[
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

pub const CONFIRM: &[Binding<Action>] = &[
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
