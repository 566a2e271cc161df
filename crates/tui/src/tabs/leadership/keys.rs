//! The tab's keys: one table for every view; keys that only mean something in one view say so
//! in their help and tell the user where to go when pressed elsewhere.

use super::{LeadershipAction, View};
use crate::action::Action;
use crate::keymap::{Binding, Key, bind};
use pathways_core::domain::Attendance;
use ratatui::crossterm::event::KeyCode;

use Key::{Char, Code};

const fn a(x: LeadershipAction) -> Action {
    Action::Leadership(x)
}

pub const KEYS: &[Binding] = &[
    bind(
        &[Char('v')],
        a(LeadershipAction::NextView),
        "leadership-next-view",
        "next view",
        Some("view"),
    ),
    bind(
        &[Char(']')],
        a(LeadershipAction::NextCohort),
        "leadership-next-cohort",
        "next cohort (year)",
        Some("cohort"),
    ),
    bind(
        &[Char('[')],
        a(LeadershipAction::PreviousCohort),
        "leadership-previous-cohort",
        "previous cohort (year)",
        None,
    ),
    bind(
        &[Char('a')],
        a(LeadershipAction::Add),
        "leadership-add",
        "add to the current view",
        Some("add"),
    ),
    bind(
        &[Char('e'), Code(KeyCode::Enter)],
        a(LeadershipAction::Edit),
        "leadership-edit",
        "edit the selected row",
        Some("edit"),
    ),
    bind(
        &[Char('s')],
        a(LeadershipAction::Show(View::Sessions)),
        "leadership-sessions",
        "view: sessions",
        None,
    ),
    bind(
        &[Char('t')],
        a(LeadershipAction::Show(View::Attendance)),
        "leadership-attendance",
        "view: attendance grid",
        None,
    ),
    bind(
        &[Char('c')],
        a(LeadershipAction::Show(View::Completion)),
        "leadership-completion",
        "view: completion",
        None,
    ),
    bind(
        &[Char('w')],
        a(LeadershipAction::Show(View::Waitlist)),
        "leadership-waitlist",
        "view: waitlist",
        None,
    ),
    bind(
        &[Char('o')],
        a(LeadershipAction::Show(View::Profile)),
        "leadership-profile",
        "view: cohort profile",
        None,
    ),
    bind(
        &[Char('r')],
        a(LeadershipAction::Reschedule),
        "leadership-reschedule",
        "reschedule a session",
        None,
    ),
    bind(
        &[Char('m')],
        a(LeadershipAction::Promote),
        "leadership-promote",
        "promote from waitlist",
        None,
    ),
    bind(
        &[Char('x')],
        a(LeadershipAction::Remove),
        "leadership-remove",
        "remove (asks first)",
        None,
    ),
    bind(
        &[Char('R')],
        a(LeadershipAction::Rule),
        "leadership-rule",
        "set completion rule",
        None,
    ),
    bind(
        &[Char('C')],
        a(LeadershipAction::RecordCompletion),
        "leadership-record-completion",
        "record completions",
        None,
    ),
    bind(
        &[Char('n')],
        a(LeadershipAction::NewCohort),
        "leadership-new-cohort",
        "new cohort",
        None,
    ),
    bind(
        &[Char('P')],
        a(LeadershipAction::Mark(Some(Attendance::Present))),
        "leadership-present",
        "grid: mark present",
        None,
    ),
    bind(
        &[Char('A')],
        a(LeadershipAction::Mark(Some(Attendance::Absent))),
        "leadership-absent",
        "grid: mark absent",
        None,
    ),
    bind(
        &[Char('E')],
        a(LeadershipAction::Mark(Some(Attendance::Excused))),
        "leadership-excused",
        "grid: mark excused",
        None,
    ),
    bind(
        &[Char(' ')],
        a(LeadershipAction::CycleMark),
        "leadership-cycle-mark",
        "grid: cycle the mark",
        None,
    ),
    bind(
        &[Code(KeyCode::Backspace), Code(KeyCode::Delete)],
        a(LeadershipAction::Mark(None)),
        "leadership-clear-mark",
        "grid: clear the mark",
        None,
    ),
];
