//! Tab 2, mentoring pairs: the mentor roster, pairing with every rule checked at the moment of
//! pairing, 12-month pairs, monthly logs, and which chapters have a mentor.
//!
//! Four views share one filter: pairs, mentors, the log grid and chapter coverage. Everything a
//! view shows is computed in `refresh` (after each load), so drawing and keys stay cheap.

mod forms;
mod render;
mod state;

pub use forms::submit;
pub use render::render;
pub use state::*;

use crate::action::Action;
use crate::app::App;
use crate::keymap::{Binding, Key, bind};
use pathways_core::domain::Id;

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

#[derive(Debug, Clone, PartialEq)]
pub enum MentoringForm {
    /// The mentor pick list's options are these mentors, in order.
    NewPair {
        mentor_ids: Vec<Id>,
    },
    /// The pair as it was when the form opened: a save compares against it.
    EndPair {
        original: pathways_core::domain::MentoringPair,
    },
    AddLog {
        pair_id: Id,
    },
    AddMentor,
    /// The mentor as it was when the form opened: a save compares against it.
    EditMentor {
        original: pathways_core::domain::Mentor,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum MentoringConfirm {}

use Key::Char;
pub const KEYS: &[Binding] = &[
    bind(
        &[Char('v')],
        Action::Mentoring(MentoringAction::NextView),
        "mentoring-view",
        "next view (also ←/→)",
        Some("view"),
    ),
    bind(
        &[Char('n')],
        Action::Mentoring(MentoringAction::NewPair),
        "new-pair",
        "pair mentee and mentor",
        Some("pair"),
    ),
    bind(
        &[Char('a')],
        Action::Mentoring(MentoringAction::AddLog),
        "add-log",
        "add a monthly log",
        Some("log"),
    ),
    bind(
        &[Char('x')],
        Action::Mentoring(MentoringAction::EndPair),
        "end-pair",
        "end the selected pair",
        Some("end"),
    ),
    bind(
        &[Char('m')],
        Action::Mentoring(MentoringAction::AddMentor),
        "add-mentor",
        "add a mentor (anyone)",
        Some("mentor"),
    ),
    bind(
        &[Char('e')],
        Action::Mentoring(MentoringAction::EditMentor),
        "edit-mentor",
        "edit the mentor",
        None,
    ),
    bind(
        &[Char('t')],
        Action::Mentoring(MentoringAction::ToggleMentor),
        "toggle-mentor",
        "mentor active/inactive",
        None,
    ),
];

pub fn update(app: &mut App, action: MentoringAction) {
    match action {
        MentoringAction::NextView => {
            let next = app.mentoring.view.step(1);
            app.mentoring.set_view(next);
        }
        MentoringAction::NewPair => forms::open_new_pair(app),
        MentoringAction::EndPair => forms::open_end_pair(app),
        MentoringAction::AddLog => forms::open_add_log(app),
        MentoringAction::AddMentor => forms::open_add_mentor(app),
        MentoringAction::EditMentor => forms::open_edit_mentor(app),
        MentoringAction::ToggleMentor => forms::toggle_mentor(app),
    }
}

pub fn confirmed(_app: &mut App, c: MentoringConfirm) {
    match c {}
}

/// `y`: the selected row's key facts, masked as the screen is.
pub fn selected_facts(app: &App) -> Option<String> {
    let data = &app.data;
    let tab = &app.mentoring;
    match tab.view {
        View::Pairs | View::Logs => tab.selected(data).map(|p| {
            let mentor = data
                .mentor(p.mentor_id)
                .map(|m| app.person(m.employee_id))
                .unwrap_or_default();
            format!(
                "mentor {mentor} · mentee {} · started {} · ends {}",
                app.person(p.mentee_id),
                p.started,
                p.ended.unwrap_or(p.expires())
            )
        }),
        View::Mentors => tab.selected_mentor(data).map(|m| {
            let e = data.employee(m.employee_id);
            format!(
                "mentor {} · {} · {} · {} · {}",
                app.person(m.employee_id),
                e.map(|e| e.chapter_label()).unwrap_or(""),
                e.map(|e| e.position.as_str()).unwrap_or(""),
                m.expertise,
                if m.active { "active" } else { "inactive" }
            )
        }),
        View::Chapters => tab
            .chapter_rows
            .get(tab.list.selected)
            .and_then(|i| tab.chapters.get(i))
            .map(|c| format!("{} · {} active mentor(s)", c.chapter, c.active_mentors)),
    }
}
