//! The people tab's keys and what they ask for. What a key does depends on the view: on the
//! people list and the card it acts on the person, on the chapter and owner lists on the entry,
//! on the merge screen on the field choices.

use crate::keys::{
    Binding,
    Key::{Char, Code},
    bind,
};
use ratatui::crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeopleAction {
    /// Enter: the card of the selected person; on the merge screen, merge.
    Open,
    Add,
    Edit,
    Delete,
    /// Merge the person with another record of them (or a list entry into another).
    Merge,
    /// On the merge screen: the highlighted field takes the other value.
    Toggle,
    /// On the merge screen: keep the other record instead (its id survives).
    Swap,
    NextView,
    Chapters,
    Owners,
    /// The person's teacher outcome (hired as a teacher): add or edit.
    Teacher,
}

use PeopleAction as A;
pub const KEYS: &[Binding<PeopleAction>] = &[
    bind(
        &[Code(KeyCode::Enter)],
        A::Open,
        "open-card",
        "card (merge: merge)",
        Some("card"),
    ),
    bind(
        &[Char('a')],
        A::Add,
        "add-person",
        "add person / list entry",
        Some("add"),
    ),
    bind(
        &[Char('e')],
        A::Edit,
        "edit-person",
        "edit person / rename entry",
        Some("edit"),
    ),
    bind(
        &[Char('x')],
        A::Delete,
        "delete-person",
        "delete person / entry (asks)",
        Some("delete"),
    ),
    bind(
        &[Char('M')],
        A::Merge,
        "merge-people",
        "merge two records of one person",
        Some("merge"),
    ),
    bind(
        &[Char(' ')],
        A::Toggle,
        "merge-choose",
        "merge: take the other value",
        Some("flip"),
    ),
    bind(
        &[Char('s')],
        A::Swap,
        "merge-swap",
        "merge: keep the other record",
        Some("keep other"),
    ),
    bind(
        &[Char('v')],
        A::NextView,
        "people-view",
        "people, chapters, owners (←/→)",
        Some("view"),
    ),
    bind(
        &[Char('T')],
        A::Teacher,
        "teacher-hire",
        "record the person's hire as a teacher",
        None,
    ),
    bind(
        &[Char('c')],
        A::Chapters,
        "chapters",
        "union chapters: add, rename, merge",
        None,
    ),
    bind(
        &[Char('w')],
        A::Owners,
        "owners",
        "intake owners: add, rename, merge",
        None,
    ),
];
