//! What the user asked for, independent of the key that asked. `App::update` applies these.
//! Each tab's own actions are one variant here; the tab's `update` decides what they do.

use crate::list::Nav;
use crate::tab::Tab;
use crate::tabs::{coverage, intake, leadership, learning, mentoring, metrics, people};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-C: quit from anywhere, asking first when a form has unsaved changes.
    Interrupt,
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
    /// Undo the last change made on the tab on screen.
    Undo,
    /// Redo the last change undone on the tab on screen.
    Redo,
    /// Scroll the detail pane down / up.
    DetailDown,
    DetailUp,
    /// The command palette: every action by name.
    Palette,
    /// Search across every kind of record.
    GlobalSearch,
    /// Copy the selected record's key facts to the clipboard (OSC 52).
    Copy,
    /// Open the card of the person the selected row shows.
    PersonCard,
    /// Show the history of the selected record (who changed what, when).
    History,
    /// Move to the next / previous field of a form, or accept / cancel a prompt.
    NextField,
    PrevField,
    Submit,
    Confirm,
    Cancel,
    /// A printable character typed into the focused text (a form field, the filter, a prompt).
    Type(char),
    /// Delete the character before / at the cursor.
    Backspace,
    Delete,
    /// The cursor to the start / end of a form field.
    Home,
    End,
    /// ←/→ in a form: the cursor in a text field, the choice in a pick list.
    PickNext,
    PickPrev,
    Intake(intake::IntakeAction),
    Mentoring(mentoring::MentoringAction),
    Coverage(coverage::CoverageAction),
    Leadership(leadership::LeadershipAction),
    Metrics(metrics::MetricsAction),
    People(people::PeopleAction),
    Learning(learning::LearningAction),
}

impl Action {
    /// The list move this action is, if it is one.
    pub fn nav(self) -> Option<Nav> {
        Some(match self {
            Action::Up => Nav::Up,
            Action::Down => Nav::Down,
            Action::Left => Nav::Left,
            Action::Right => Nav::Right,
            Action::PageUp => Nav::PageUp,
            Action::PageDown => Nav::PageDown,
            Action::Top => Nav::Top,
            Action::Bottom => Nav::Bottom,
            _ => return None,
        })
    }
}
