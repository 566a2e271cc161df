//! Tab 4, leadership sessions: the yearly cohort, its eight sessions, the attendance grid,
//! completion, the waitlist and the cohort profile. One view at a time, chosen with a key.

mod forms;
mod keys;
mod render;
mod state;

pub use forms::{LeadershipConfirm, LeadershipForm, LeadershipSaved};
pub use keys::{KEYS, LeadershipAction};
pub use state::{LeadershipTab, Picked, Profile};

use crate::form::Form;
use crate::keys::Binding;
use crate::list::{Nav, ViewKind};
use crate::save::Save;
use crate::tab::RecordRef;
use crate::tab::{Ctx, Effect, Effects, Tab, TabView, facts};
use crate::theme::Theme;
use pathways_core::domain::{Attendance, AttendanceMark, Choice, FiscalYear, Id};
use pathways_core::domain::{LeadershipSession, Participant, WaitlistEntry};
use pathways_core::privacy::Sensitive;
use pathways_core::search::Kind;
use ratatui::Frame;
use ratatui::layout::Rect;

/// The tab's views; the first letter of each key is shown in the view bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Sessions,
    Attendance,
    Completion,
    Waitlist,
    Profile,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Sessions,
        View::Attendance,
        View::Completion,
        View::Waitlist,
        View::Profile,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Sessions => "Sessions",
            View::Attendance => "Attendance",
            View::Completion => "Completion",
            View::Waitlist => "Waitlist",
            View::Profile => "Profile",
        }
    }

    pub fn key(self) -> char {
        match self {
            View::Sessions => 's',
            View::Attendance => 't',
            View::Completion => 'c',
            View::Waitlist => 'w',
            View::Profile => 'o',
        }
    }
}

impl ViewKind for View {
    const ALL: &'static [View] = &View::ALL;
}

type Fx = Effects<LeadershipTab>;

fn say(text: impl Into<String>) -> Fx {
    vec![Effect::Status(text.into())]
}

impl TabView for LeadershipTab {
    type Action = LeadershipAction;
    type Form = LeadershipForm;
    type Confirm = LeadershipConfirm;
    type Saved = LeadershipSaved;
    const TAB: Tab = Tab::Leadership;
    const KEYS: &'static [Binding<LeadershipAction>] = KEYS;

    fn refresh(&mut self, cx: &Ctx) {
        self.rebuild(cx.data, cx.today);
    }

    fn update(&mut self, cx: &Ctx, action: LeadershipAction) -> Fx {
        use LeadershipAction as L;
        let view = self.view();
        match action {
            L::Show(v) => {
                self.show(v);
                vec![]
            }
            L::NextView => {
                self.show(view.step(1));
                vec![]
            }
            L::PreviousCohort | L::NextCohort => self.step_cohort(cx, matches!(action, L::NextCohort)),
            L::NewCohort => forms::open_new_cohort(self, cx),
            L::Add => match view {
                View::Sessions => forms::open_add_session(self),
                View::Attendance | View::Completion | View::Profile => forms::open_add_participant(self),
                View::Waitlist => forms::open_add_waitlist(cx),
            },
            L::Edit => match view {
                View::Sessions => forms::open_edit_session(self, false),
                View::Attendance | View::Completion => forms::open_edit_participant(self, cx),
                View::Waitlist => forms::open_edit_waitlist(self, cx),
                View::Profile => vec![],
            },
            L::Reschedule if matches!(view, View::Sessions | View::Attendance) => {
                forms::open_edit_session(self, true)
            }
            L::Reschedule => say("r reschedules a session: press s for the sessions"),
            L::Remove => match view {
                View::Waitlist => forms::ask_remove_waitlist(self, cx),
                View::Sessions => forms::ask_remove_session(self, cx),
                _ => say("x removes a waitlist entry or a session; to withdraw a participant, edit them (e)"),
            },
            L::Promote if view == View::Waitlist => forms::open_promote(self, cx),
            L::Promote => say("m promotes from the waitlist: press w for the waitlist"),
            L::Rule => forms::open_rule(self),
            L::RecordCompletion => forms::ask_record_completion(self),
            L::Mark(mark) => self.set_mark(cx, |_| mark),
            L::CycleMark => self.set_mark(cx, |current| match current {
                None => Some(Attendance::Present),
                Some(Attendance::Present) => Some(Attendance::Absent),
                Some(Attendance::Absent) => Some(Attendance::Excused),
                Some(Attendance::Excused) => None,
            }),
        }
    }

    fn navigate(&mut self, _cx: &Ctx, nav: Nav) {
        LeadershipTab::navigate(self, nav);
    }

    fn filter(&self) -> &str {
        &self.list.filter
    }

    fn set_filter(&mut self, _cx: &Ctx, text: &str) {
        self.list.set_filter(text);
    }

    fn submit(&mut self, cx: &Ctx, form: &mut Form, purpose: &LeadershipForm) -> Fx {
        forms::submit(cx, purpose, form)
    }

    fn confirmed(&mut self, cx: &Ctx, answer: LeadershipConfirm) -> Fx {
        forms::confirmed(cx, answer)
    }

    fn saved(&mut self, cx: &Ctx, then: LeadershipSaved, _id: Option<Id>) -> Fx {
        match then {
            LeadershipSaved::ShowCohort(year) => {
                self.year = Some(FiscalYear(year));
                self.rebuild(cx.data, cx.today);
            }
            // After a mark the cursor moves down, as taking the roll goes down a column.
            LeadershipSaved::NextRow => self.list.nav(Nav::Down),
        }
        vec![]
    }

    fn copy_facts(&self, cx: &Ctx) -> Option<String> {
        selected_facts(self, cx)
    }

    fn person(&self, _cx: &Ctx) -> Option<Id> {
        match self.view() {
            View::Waitlist => self.selected_waitlist().map(|w| w.employee_id),
            _ => self
                .selected_person()
                .and_then(|i| self.summary.people.get(i))
                .map(|p| p.employee_id),
        }
    }

    fn record(&self, _cx: &Ctx) -> Option<RecordRef> {
        let year = self.year.map(|y| y.short_label()).unwrap_or_default();
        match self.view() {
            View::Sessions => self.selected_session().map(|s| {
                RecordRef::new::<LeadershipSession>(
                    s.id,
                    format!("{year} session {} ({})", s.number, s.date),
                    None,
                )
            }),
            View::Waitlist => self.selected_waitlist().map(|w| {
                RecordRef::new::<WaitlistEntry>(
                    w.id,
                    format!("waitlist entry, joined {}", w.joined),
                    Some(w.employee_id),
                )
            }),
            View::Attendance | View::Completion => self
                .selected_person()
                .and_then(|i| self.summary.people.get(i))
                .map(|p| {
                    RecordRef::new::<Participant>(
                        p.id,
                        format!("place in the {year} cohort"),
                        Some(p.employee_id),
                    )
                }),
            View::Profile => None,
        }
    }

    fn reveal(&mut self, cx: &Ctx, kind: Kind, id: Id, name: &str) {
        if kind == Kind::Participant {
            self.show_participant(cx.data, id, cx.today);
        }
        self.list.set_filter(name);
    }

    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
        render::render(self, frame, area, cx, theme);
    }
}

impl LeadershipTab {
    fn step_cohort(&mut self, cx: &Ctx, forward: bool) -> Fx {
        let Some(current) = self.year else {
            return vec![];
        };
        let next = if forward {
            self.years.iter().copied().find(|y| *y > current.0)
        } else {
            self.years.iter().rev().copied().find(|y| *y < current.0)
        };
        match next {
            Some(y) => {
                self.year = Some(FiscalYear(y));
                self.forget_selection();
                self.rebuild(cx.data, cx.today);
                say(format!("{} cohort", FiscalYear(y).short_label()))
            }
            None => say(format!(
                "no {} cohort; n starts a new one",
                if forward { "later" } else { "earlier" }
            )),
        }
    }

    /// Sets the grid's current cell from its current mark: one durable save per change. After a
    /// change the cursor moves down, as taking the roll for one session goes down a column.
    fn set_mark(&mut self, cx: &Ctx, next: impl Fn(Option<Attendance>) -> Option<Attendance>) -> Fx {
        if self.view() != View::Attendance {
            return say("marks are set in the attendance grid: press t");
        }
        let (Some(row), Some(session)) = (self.selected_person(), self.summary.sessions.get(self.col)) else {
            return say("no cell selected: the cohort needs participants and sessions");
        };
        let person = self.summary.people[row].clone();
        let session = session.clone();
        let stored = self.summary.grid[row][self.col].clone();
        let mark = next(stored.as_ref().map(|m| m.mark));
        if mark.is_some_and(|m| m != Attendance::Excused) && session.date > cx.today {
            return say(format!(
                "session {} is on {}: only \"excused\" can be marked before it is held",
                session.number, session.date
            ));
        }
        if stored.as_ref().map(|m| m.mark) == mark {
            self.list.nav(Nav::Down);
            return vec![];
        }
        let what = format!(
            "{}: session {} {}",
            cx.person(person.employee_id),
            session.number,
            mark.map(|m| m.label()).unwrap_or("cleared")
        );
        let save = Save::new(what, move |w| match (&stored, mark) {
            (None, Some(mark)) => w
                .insert(&mut AttendanceMark {
                    id: 0,
                    participant_id: person.id,
                    session_id: session.id,
                    mark,
                })
                .map(|_| ()),
            (Some(old), Some(mark)) => w.update(old, &AttendanceMark { mark, ..old.clone() }),
            (Some(old), None) => w.remove(old),
            (None, None) => Ok(()),
        });
        vec![Effect::Save(save.then(LeadershipSaved::NextRow))]
    }
}

/// `y`: the key facts of what is selected in the current view, names as the screen shows them.
fn selected_facts(tab: &LeadershipTab, cx: &Ctx) -> Option<String> {
    let s = &tab.summary;
    let year = tab.year.map(|y| y.short_label()).unwrap_or_default();
    match tab.view() {
        View::Sessions => tab.selected_session().map(|x| {
            facts([
                format!(
                    "{year} session {} · {} {}-{}",
                    x.number,
                    x.date,
                    x.start.format("%H:%M"),
                    x.end.format("%H:%M")
                ),
                format!("{}, {}", x.location, x.room),
                x.topic.clone(),
            ])
        }),
        View::Attendance => tab.selected_person().zip(s.sessions.get(tab.col)).map(|(i, x)| {
            let mark = s.grid[i][tab.col]
                .as_ref()
                .map(|m| m.mark.label())
                .unwrap_or("not marked");
            format!(
                "{} · {year} session {} ({}): {mark}",
                cx.person(s.people[i].employee_id),
                x.number,
                x.date
            )
        }),
        View::Completion => tab.selected_person().map(|i| {
            let p = &s.people[i];
            facts([
                cx.person(p.employee_id),
                format!("{year} cohort"),
                p.role.clone(),
                p.status.label().to_string(),
                format!("attended {} of {}", s.attended[i], s.sessions.len()),
                format!("rate {}", pathways_core::domain::rate_label(s.person_rate[i])),
                s.completion[i]
                    .map(|c| c.label())
                    .unwrap_or("withdrawn")
                    .to_string(),
            ])
        }),
        View::Waitlist => tab.selected_waitlist().map(|w| {
            facts([
                "leadership waitlist".to_string(),
                cx.person(w.employee_id),
                format!("joined {}", w.joined),
                cx.shown(Sensitive::Note, &w.note),
            ])
        }),
        View::Profile => tab
            .list
            .selected_index()
            .and_then(|i| tab.profile.by_role.get(i))
            .map(|r| format!("{year} cohort · {}: {} ({})", r.label, r.count, r.percent)),
    }
}

#[cfg(test)]
mod tests;
