//! The learning tab's keys and what they ask for.

use crate::keys::{Binding, Key, bind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LearningAction {
    NextView,
    Add,
    Edit,
    Remove,
    /// From a session to its attendance.
    Open,
}

use Key::{Char, Code};
use ratatui::crossterm::event::KeyCode;
pub const KEYS: &[Binding<LearningAction>] = &[
    bind(
        &[Char('v')],
        LearningAction::NextView,
        "learning-view",
        "next view (also ←/→)",
        Some("view"),
    ),
    bind(
        &[Char('a')],
        LearningAction::Add,
        "learning-add",
        "add in this view",
        Some("add"),
    ),
    bind(
        &[Char('e')],
        LearningAction::Edit,
        "learning-edit",
        "edit offering or session",
        Some("edit"),
    ),
    bind(
        &[Char('x')],
        LearningAction::Remove,
        "learning-remove",
        "remove (asks first)",
        Some("remove"),
    ),
    bind(
        &[Code(KeyCode::Enter)],
        LearningAction::Open,
        "learning-open",
        "sessions / attendance",
        None,
    ),
];
