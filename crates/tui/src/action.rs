//! What the user asked for, independent of the key that asked. `App::update` applies these.

use crate::app::Tab;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Back out one level: close the top modal, clear a filter, or (at the top level) quit.
    Back,
    NextTab,
    PrevTab,
    GoTab(Tab),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Help,
    /// Start narrowing the current list as you type.
    Filter,
    TogglePrivacy,
    /// Undo the last change made in this session.
    Undo,
    /// The command palette: every action by name.
    Palette,
    /// Search across every kind of record.
    GlobalSearch,
    /// Copy the selected record's key facts to the clipboard (OSC 52).
    Copy,
    /// Move to the next / previous field of a form, or accept / cancel a prompt.
    NextField,
    PrevField,
    Submit,
    Confirm,
    Cancel,
    Backspace,
    /// Cycle a pick list in a form.
    PickNext,
    PickPrev,
    Intake(crate::tabs::intake::IntakeAction),
    Mentoring(crate::tabs::mentoring::MentoringAction),
    Coverage(crate::tabs::coverage::CoverageAction),
    Leadership(crate::tabs::leadership::LeadershipAction),
    Metrics(crate::tabs::metrics::MetricsAction),
}
