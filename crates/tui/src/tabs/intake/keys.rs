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
    ToggleOverdue,
    CycleSort,
    ReverseSort,
    PopUpCapture,
    OverdueSetting,
}

use IntakeAction as A;
pub const KEYS: &[Binding<IntakeAction>] = &[
    bind(&[Char('a')], A::Add, "add-intake", "add an intake", Some("add")),
    bind(
        &[Char('e'), Code(KeyCode::Enter)],
        A::Edit,
        "edit-intake",
        "edit the selected intake",
        None,
    ),
    bind(
        &[Char(']'), Char('>')],
        A::Advance,
        "advance-status",
        "status: one step forward",
        Some("forward"),
    ),
    bind(
        &[Char('['), Char('<')],
        A::StepBack,
        "step-back-status",
        "status: one step back",
        None,
    ),
    bind(
        &[Char('x')],
        A::Close,
        "close-intake",
        "close with a reason",
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
        "clear every filter",
        None,
    ),
    bind(
        &[Char('o')],
        A::ToggleOverdue,
        "overdue-only",
        "overdue only on/off",
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
        A::OverdueSetting,
        "overdue-days",
        "overdue after N days",
        None,
    ),
];
