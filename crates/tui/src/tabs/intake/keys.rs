//! The intake queue's keys and what they ask for.

use crate::keys::{
    Binding,
    Key::{Char, Code},
    bind,
};
use ratatui::crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakeAction {
    Add,
    Edit,
    Advance,
    StepBack,
    Close,
    LogConsultation,
    Filters,
    ClearFilters,
    ToggleFlagged,
    CycleSort,
    ReverseSort,
    PopUpCapture,
    /// The overdue and stale rules.
    Rules,
    /// The district's closures (holidays, breaks) the working days skip.
    Closures,
}

use IntakeAction as A;
// `[` / `]` step the period a tab shows (a month, a year, a cohort) on every tab; the queue has
// no period, and its status step changes data, so it has keys of its own: `>` and `<`.
pub const KEYS: &[Binding<IntakeAction>] = &[
    bind(
        &[Char('a')],
        A::Add,
        "add-intake",
        "add intake (or closure)",
        Some("add"),
    ),
    bind(
        &[Char('e'), Code(KeyCode::Enter)],
        A::Edit,
        "edit-intake",
        "edit the selected intake",
        None,
    ),
    bind(
        &[Char('>')],
        A::Advance,
        "advance-status",
        "next status (asks date)",
        Some("step"),
    ),
    bind(
        &[Char('<')],
        A::StepBack,
        "step-back-status",
        "status back (asks)",
        None,
    ),
    bind(
        &[Char('x')],
        A::Close,
        "close-intake",
        "close (closure: delete)",
        None,
    ),
    bind(
        &[Char('c')],
        A::LogConsultation,
        "log-consultation",
        "log a 1:1 consultation",
        Some("consult"),
    ),
    bind(
        &[Char('f')],
        A::Filters,
        "filter-queue",
        "filters (status, owner…)",
        Some("filters"),
    ),
    bind(
        &[Char('F')],
        A::ClearFilters,
        "clear-filters",
        "reset: open intakes",
        None,
    ),
    bind(
        &[Char('o')],
        A::ToggleFlagged,
        "flagged-only",
        "flagged only (! ~ *)",
        None,
    ),
    bind(
        &[Char('s')],
        A::CycleSort,
        "sort-queue",
        "sort: wait, name, date",
        None,
    ),
    bind(
        &[Char('S')],
        A::ReverseSort,
        "reverse-sort",
        "reverse the sort",
        None,
    ),
    bind(
        &[Char('P')],
        A::PopUpCapture,
        "popup-capture",
        "pop-up event capture",
        Some("pop-up"),
    ),
    bind(
        &[Char('w')],
        A::Rules,
        "queue-rules",
        "overdue and stale rules",
        None,
    ),
    bind(&[Char('H')], A::Closures, "closures", "closures (holidays)", None),
];
