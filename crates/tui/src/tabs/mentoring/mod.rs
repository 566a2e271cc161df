//! Tab 2, mentoring pairs: the mentor roster, pairing with every rule checked at the moment of
//! pairing, 12-month pairs, monthly logs, and which chapters have a mentor.
//!
//! Four views share one filter: pairs, mentors, the log grid and chapter coverage. Everything a
//! view shows is computed in `rebuild` (after each load), so drawing and keys stay cheap.

mod forms;
mod keys;
mod patch;
mod render;
mod state;

pub use keys::{KEYS, MentoringAction};
pub use state::*;

use crate::form::Form;
use crate::keys::Binding;
use crate::list::{Nav, ViewKind};
use crate::tab::{Ctx, Effects, RecordRef, Tab, TabView, facts};
use crate::theme::Theme;
use pathways_core::domain::{Chapter, Employee, Id, Location, Mentor, MentorLog, MentoringPair};
use pathways_core::search::Kind;
use pathways_core::store::Record;
use ratatui::Frame;
use ratatui::layout::Rect;

#[derive(Debug, Clone, PartialEq)]
pub enum MentoringForm {
    /// The mentor pick list's options are these mentors, in order.
    NewPair {
        mentor_ids: Vec<Id>,
    },
    /// The pair as it was when the form opened: a save compares against it.
    EndPair {
        original: MentoringPair,
    },
    AddLog {
        pair_id: Id,
    },
    AddMentor,
    /// The mentor as it was when the form opened: a save compares against it.
    EditMentor {
        original: Mentor,
    },
}

/// The tab asks no questions.
#[derive(Debug, Clone, PartialEq)]
pub enum MentoringConfirm {}

/// What follows a save.
#[derive(Debug, Clone, PartialEq)]
pub enum MentoringSaved {
    SelectPair,
    SelectMentor,
}

type Fx = Effects<MentoringTab>;

impl TabView for MentoringTab {
    type Action = MentoringAction;
    type Form = MentoringForm;
    type Confirm = MentoringConfirm;
    type Saved = MentoringSaved;
    const TAB: Tab = Tab::Mentoring;
    const KEYS: &'static [Binding<MentoringAction>] = KEYS;

    fn refresh(&mut self, cx: &Ctx) {
        self.rebuild(cx.data, cx.today);
    }

    fn update(&mut self, cx: &Ctx, action: MentoringAction) -> Fx {
        match action {
            MentoringAction::NextView => {
                self.set_view(self.view().step(1));
                vec![]
            }
            MentoringAction::NewPair => forms::open_new_pair(self, cx),
            MentoringAction::EndPair => forms::open_end_pair(self, cx),
            MentoringAction::AddLog => forms::open_add_log(self, cx),
            MentoringAction::AddMentor => forms::open_add_mentor(cx),
            MentoringAction::EditMentor => forms::open_edit_mentor(self, cx),
            MentoringAction::ToggleMentor => forms::toggle_mentor(self, cx),
        }
    }

    fn navigate(&mut self, _cx: &Ctx, nav: Nav) {
        MentoringTab::navigate(self, nav);
    }

    fn filter(&self) -> &str {
        &self.list.filter
    }

    fn set_filter(&mut self, cx: &Ctx, text: &str) {
        text.clone_into(&mut self.list.filter);
        self.fill_keys(cx.data);
        self.list.narrow_all();
    }

    /// Mentors, pairs and logs, and the people, places and chapters they name: a day of
    /// intake work leaves the tab as it is (at a million records it takes some 31 ms to make).
    fn reads(&self, table: &str) -> bool {
        [
            Mentor::TABLE,
            MentoringPair::TABLE,
            MentorLog::TABLE,
            Employee::TABLE,
            Location::TABLE,
            Chapter::TABLE,
        ]
        .contains(&table)
    }

    fn submit(&mut self, cx: &Ctx, form: &mut Form, purpose: &MentoringForm) -> Fx {
        forms::submit(self, cx, purpose, form)
    }

    fn confirmed(&mut self, _cx: &Ctx, answer: MentoringConfirm) -> Fx {
        match answer {}
    }

    fn saved(&mut self, _cx: &Ctx, then: MentoringSaved, id: Option<Id>) -> Fx {
        match (then, id) {
            (MentoringSaved::SelectPair, Some(id)) => self.select_pair(id),
            (MentoringSaved::SelectMentor, Some(id)) => self.select_mentor(id),
            _ => {}
        }
        vec![]
    }

    fn patched(&mut self, cx: &Ctx, changes: &[(&'static str, Id)]) -> bool {
        patch::patch(self, cx, changes)
    }

    fn copy_facts(&self, cx: &Ctx) -> Option<String> {
        let data = cx.data;
        match self.view() {
            View::Pairs | View::Logs => self.selected(data).map(|p| {
                let mentor = data
                    .mentor(p.mentor_id)
                    .map(|m| cx.person(m.employee_id))
                    .unwrap_or_default();
                facts([
                    format!("mentor {mentor}"),
                    format!("mentee {}", cx.person(p.mentee_id)),
                    format!("started {}", p.started),
                    format!("ends {}", p.ended.unwrap_or(p.expires())),
                ])
            }),
            View::Mentors => self.selected_mentor(data).map(|m| {
                let e = data.employee(m.employee_id);
                facts([
                    format!("mentor {}", cx.person(m.employee_id)),
                    e.map(|e| e.chapter_label().to_string()).unwrap_or_default(),
                    e.map(|e| e.position.clone()).unwrap_or_default(),
                    m.expertise.clone(),
                    (if m.active { "active" } else { "inactive" }).to_string(),
                ])
            }),
            View::Chapters => self
                .list
                .selected_index()
                .and_then(|i| self.chapters.get(i))
                .map(|c| {
                    format!(
                        "{} · {} active",
                        c.chapter,
                        pathways_core::text::count(c.active_mentors, "mentor")
                    )
                }),
        }
    }

    /// A pair's row opens its mentee (whom the pair is about); a mentor's row, the mentor.
    fn person(&self, cx: &Ctx) -> Option<Id> {
        match self.view() {
            View::Pairs | View::Logs => self.selected(cx.data).map(|p| p.mentee_id),
            View::Mentors => self.selected_mentor(cx.data).map(|m| m.employee_id),
            View::Chapters => None,
        }
    }

    fn record(&self, cx: &Ctx) -> Option<RecordRef> {
        match self.view() {
            View::Pairs | View::Logs => self.selected(cx.data).map(|p| {
                RecordRef::new::<MentoringPair>(
                    p.id,
                    format!("mentoring pair signed {}", p.started),
                    Some(p.mentee_id),
                )
            }),
            View::Mentors => self.selected_mentor(cx.data).map(|m| {
                RecordRef::new::<Mentor>(
                    m.id,
                    format!("mentor record, joined {}", m.joined),
                    Some(m.employee_id),
                )
            }),
            View::Chapters => None,
        }
    }

    fn reveal(&mut self, cx: &Ctx, kind: Kind, _id: Id, name: &str) {
        TabView::set_filter(self, cx, name);
        if kind == Kind::Mentor {
            self.set_view(View::Mentors);
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
        render::render(self, frame, area, cx, theme);
    }
}
