//! The coverage tab's keys and what they ask for.

use crate::keys::{Binding, Key, bind};
use ratatui::crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverageAction {
    /// Add a record of the current view's kind.
    Add,
    /// Edit the selected record.
    Edit,
    /// Pick the date coverage is computed on.
    AsOf,
    AsOfToday,
    MonthBack,
    MonthForward,
    NextView,
    /// Open / close the attendance list of the selected PL session.
    Attendance,
    /// Enter: open the selected gap or session; in the attendance list, mark the selected
    /// ambassador present / absent.
    Mark,
    NextReference,
    /// Delete the selected row (asks first).
    Delete,
}

use Key::Char;

pub const KEYS: &[Binding<CoverageAction>] = &[
    bind(
        &[Char('a')],
        CoverageAction::Add,
        "coverage-add",
        "add to the current view",
        Some("add"),
    ),
    bind(
        &[Char('e')],
        CoverageAction::Edit,
        "coverage-edit",
        "edit the selected row",
        Some("edit"),
    ),
    bind(
        &[Char('d')],
        CoverageAction::AsOf,
        "coverage-as-of",
        "coverage as of a date",
        Some("as of"),
    ),
    bind(
        &[Char('t')],
        CoverageAction::AsOfToday,
        "coverage-today",
        "coverage as of today",
        None,
    ),
    bind(
        &[Char('[')],
        CoverageAction::MonthBack,
        "coverage-month-back",
        "as of a month earlier",
        None,
    ),
    bind(
        &[Char(']')],
        CoverageAction::MonthForward,
        "coverage-month-forward",
        "as of a month later",
        None,
    ),
    bind(
        &[Char('v')],
        CoverageAction::NextView,
        "coverage-view",
        "next view (also ←/→)",
        Some("view"),
    ),
    bind(
        &[Char('m')],
        CoverageAction::Attendance,
        "coverage-attendance",
        "session attendance list",
        None,
    ),
    bind(
        &[Char(' '), Key::Code(KeyCode::Enter)],
        CoverageAction::Mark,
        "coverage-mark",
        "open / mark attendance",
        None,
    ),
    bind(
        &[Char('x')],
        CoverageAction::Delete,
        "coverage-delete",
        "delete the selected row",
        None,
    ),
    bind(
        &[Char('r')],
        CoverageAction::NextReference,
        "coverage-reference",
        "next comparison group",
        None,
    ),
];
