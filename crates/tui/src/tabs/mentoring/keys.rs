//! The mentoring tab's keys and what they ask for.

use crate::keys::{Binding, Key, bind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentoringAction {
    NextView,
    NewPair,
    EndPair,
    AddLog,
    AddMentor,
    EditMentor,
    ToggleMentor,
}

use Key::Char;
pub const KEYS: &[Binding<MentoringAction>] = &[
    bind(
        &[Char('v')],
        MentoringAction::NextView,
        "mentoring-view",
        "next view (also ←/→)",
        Some("view"),
    ),
    bind(
        &[Char('n')],
        MentoringAction::NewPair,
        "new-pair",
        "pair mentee and mentor",
        Some("pair"),
    ),
    bind(
        &[Char('a')],
        MentoringAction::AddLog,
        "add-log",
        "add a monthly log",
        Some("log"),
    ),
    bind(
        &[Char('x')],
        MentoringAction::EndPair,
        "end-pair",
        "end the selected pair",
        Some("end"),
    ),
    bind(
        &[Char('m')],
        MentoringAction::AddMentor,
        "add-mentor",
        "add a mentor (anyone)",
        Some("mentor"),
    ),
    bind(
        &[Char('e')],
        MentoringAction::EditMentor,
        "edit-mentor",
        "edit the mentor",
        None,
    ),
    bind(
        &[Char('t')],
        MentoringAction::ToggleMentor,
        "toggle-mentor",
        "mentor active/inactive",
        None,
    ),
];
