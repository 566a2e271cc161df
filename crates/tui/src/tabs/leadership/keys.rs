//! The tab's keys: one table for every view; keys that only mean something in one view say so
//! in their help and tell the user where to go when pressed elsewhere.

use super::View;
use crate::keys::{Binding, Key, bind};
use pathways_core::domain::Attendance;
use ratatui::crossterm::event::KeyCode;

use Key::{Char, Code};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadershipAction {
    Show(View),
    NextView,
    PreviousCohort,
    NextCohort,
    NewCohort,
    /// Add a session, a participant or a waitlist entry, by view.
    Add,
    /// Edit the selected session, participant or waitlist entry, by view.
    Edit,
    Reschedule,
    /// Remove the selected waitlist entry or session (asks first).
    Remove,
    /// Move the selected waitlist entry into a future cohort.
    Promote,
    /// Set the cohort's completion rule.
    Rule,
    /// Set status "completed" for everyone who met the rule (asks first).
    RecordCompletion,
    /// Set (or with None clear) the mark in the attendance grid's current cell.
    Mark(Option<Attendance>),
    /// present -> absent -> excused -> clear.
    CycleMark,
}

pub const KEYS: &[Binding<LeadershipAction>] = &[
    bind(
        &[Char('v')],
        LeadershipAction::NextView,
        "leadership-next-view",
        "next view",
        Some("view"),
    ),
    bind(
        &[Char(']')],
        LeadershipAction::NextCohort,
        "leadership-next-cohort",
        "next cohort (year)",
        Some("cohort"),
    ),
    bind(
        &[Char('[')],
        LeadershipAction::PreviousCohort,
        "leadership-previous-cohort",
        "previous cohort (year)",
        None,
    ),
    bind(
        &[Char('a')],
        LeadershipAction::Add,
        "leadership-add",
        "add to the current view",
        Some("add"),
    ),
    bind(
        &[Char('e'), Code(KeyCode::Enter)],
        LeadershipAction::Edit,
        "leadership-edit",
        "edit the selected row",
        Some("edit"),
    ),
    bind(
        &[Char('s')],
        LeadershipAction::Show(View::Sessions),
        "leadership-sessions",
        "view: sessions",
        None,
    ),
    bind(
        &[Char('t')],
        LeadershipAction::Show(View::Attendance),
        "leadership-attendance",
        "view: attendance grid",
        None,
    ),
    bind(
        &[Char('c')],
        LeadershipAction::Show(View::Completion),
        "leadership-completion",
        "view: completion",
        None,
    ),
    bind(
        &[Char('w')],
        LeadershipAction::Show(View::Waitlist),
        "leadership-waitlist",
        "view: waitlist",
        None,
    ),
    bind(
        &[Char('o')],
        LeadershipAction::Show(View::Profile),
        "leadership-profile",
        "view: cohort profile",
        None,
    ),
    bind(
        &[Char('r')],
        LeadershipAction::Reschedule,
        "leadership-reschedule",
        "reschedule a session",
        None,
    ),
    bind(
        &[Char('m')],
        LeadershipAction::Promote,
        "leadership-promote",
        "promote from waitlist",
        None,
    ),
    bind(
        &[Char('x')],
        LeadershipAction::Remove,
        "leadership-remove",
        "remove (asks first)",
        None,
    ),
    bind(
        &[Char('R')],
        LeadershipAction::Rule,
        "leadership-rule",
        "set completion rule",
        None,
    ),
    bind(
        &[Char('C')],
        LeadershipAction::RecordCompletion,
        "leadership-record-completion",
        "record completions",
        None,
    ),
    bind(
        &[Char('n')],
        LeadershipAction::NewCohort,
        "leadership-new-cohort",
        "new cohort",
        None,
    ),
    bind(
        &[Char('P')],
        LeadershipAction::Mark(Some(Attendance::Present)),
        "leadership-present",
        "grid: mark present",
        None,
    ),
    bind(
        &[Char('A')],
        LeadershipAction::Mark(Some(Attendance::Absent)),
        "leadership-absent",
        "grid: mark absent",
        None,
    ),
    bind(
        &[Char('E')],
        LeadershipAction::Mark(Some(Attendance::Excused)),
        "leadership-excused",
        "grid: mark excused",
        None,
    ),
    bind(
        &[Char(' ')],
        LeadershipAction::CycleMark,
        "leadership-cycle-mark",
        "grid: cycle the mark",
        None,
    ),
    bind(
        &[Code(KeyCode::Backspace), Code(KeyCode::Delete)],
        LeadershipAction::Mark(None),
        "leadership-clear-mark",
        "grid: clear the mark",
        None,
    ),
];
