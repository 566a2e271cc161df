//! Tab 4, leadership sessions: the yearly cohort, its eight sessions, the attendance grid,
//! completion, the waitlist and the cohort profile. One view at a time, chosen with a key.

mod forms;
mod render;

pub use forms::{LeadershipConfirm, LeadershipForm, confirmed, submit};
pub use render::render;

use super::Rows;
use crate::action::Action;
use crate::app::{App, ListNav};
use crate::dataset::Dataset;
use crate::domain::{
    Attendance, AttendanceMark, Choice, Cohort, CohortSummary, FiscalYear, Id, LeadershipSession, NO_CHAPTER,
    Share, WaitlistEntry, breakdown,
};
use crate::keymap::{Binding, Key, bind};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

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

    fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

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

/// The cohort profile, counted once per load.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub total: usize,
    pub by_role: Vec<Share>,
    pub by_chapter: Vec<Share>,
    pub by_race: Vec<Share>,
}

#[derive(Debug, Clone, Default)]
pub struct LeadershipTab {
    /// Selection and filter of the current view's list.
    pub list: ListNav,
    pub rows: Rows,
    /// The fiscal year of the cohort shown.
    pub year: Option<FiscalYear>,
    pub view: View,
    /// Column of the attendance grid's cell cursor (index into `summary.sessions`).
    pub col: usize,
    /// The other views' selections, kept while away.
    saved: [ListNav; 5],
    pub cohort: Option<Cohort>,
    pub summary: CohortSummary,
    /// Waitlist in join order.
    pub waitlist: Vec<WaitlistEntry>,
    pub profile: Profile,
    /// Fiscal years that have a cohort, ascending.
    pub years: Vec<i32>,
    pub today: Option<NaiveDate>,
}

impl LeadershipTab {
    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
        self.today = Some(today);
        let mut years: Vec<i32> = data.cohorts.iter().map(|c| c.fiscal_year).collect();
        years.sort_unstable();
        years.dedup();
        self.years = years;
        let year = *self.year.get_or_insert_with(|| {
            let current = FiscalYear::of(today);
            if data.cohort_for(current).is_some() {
                current
            } else {
                data.cohorts
                    .iter()
                    .map(|c| FiscalYear(c.fiscal_year))
                    .max()
                    .unwrap_or(current)
            }
        });
        self.cohort = data.cohort_for(year).cloned();
        self.summary = match &self.cohort {
            Some(c) => {
                let mut people: Vec<_> = data
                    .participants
                    .iter()
                    .filter(|p| p.cohort_id == c.id)
                    .cloned()
                    .collect();
                people.sort_by_cached_key(|p| {
                    (
                        data.employee(p.employee_id)
                            .map(|e| crate::search::fold(&e.sort_name()))
                            .unwrap_or_default(),
                        p.id,
                    )
                });
                CohortSummary::build(c, people, &data.sessions, &data.attendance, today)
            }
            None => CohortSummary::default(),
        };
        let people = &self.summary.people;
        let employee = |id| data.employee(id);
        self.profile = Profile {
            total: people.len(),
            by_role: breakdown(people.iter().map(|p| p.role.clone())),
            by_chapter: breakdown(people.iter().map(|p| {
                employee(p.employee_id)
                    .map(|e| e.chapter.clone())
                    .unwrap_or_else(|| NO_CHAPTER.to_string())
            })),
            by_race: breakdown(people.iter().map(|p| {
                employee(p.employee_id)
                    .map(|e| e.race.label().to_string())
                    .unwrap_or_else(|| "Unknown".to_string())
            })),
        };
        let mut waitlist = data.waitlist.clone();
        waitlist.sort_by_key(|w| (w.joined, w.id));
        self.waitlist = waitlist;
        self.col = self.col.min(self.summary.sessions.len().saturating_sub(1));
        self.set_rows(data);
    }

    /// The current view's rows, with the text the filter searches.
    fn set_rows(&mut self, data: &Dataset) {
        let s = &self.summary;
        let name = |id: Id| data.employee_name(id);
        match self.view {
            View::Sessions => self.rows.set(s.sessions.iter().enumerate().map(|(i, x)| {
                (
                    i,
                    format!(
                        "{} {} {} {} {}",
                        x.number, x.topic, x.location, x.room, x.facilitator
                    ),
                )
            })),
            View::Attendance | View::Completion => {
                self.rows.set(s.people.iter().enumerate().map(|(i, p)| {
                    (
                        i,
                        format!("{} {} {}", name(p.employee_id), p.role, p.status.label()),
                    )
                }))
            }
            View::Waitlist => self.rows.set(
                self.waitlist
                    .iter()
                    .enumerate()
                    .map(|(i, w)| (i, format!("{} {}", name(w.employee_id), w.note))),
            ),
            View::Profile => self.rows.set(
                self.profile
                    .by_role
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (i, r.label.clone())),
            ),
        }
        self.refilter();
    }

    pub fn refilter(&mut self) {
        self.rows.narrow(&self.list.filter);
        self.list.clamp(self.rows.len());
    }

    pub fn navigate(&mut self, action: Action) {
        match (self.view, action) {
            (View::Attendance, Action::Left) => self.col = self.col.saturating_sub(1),
            (View::Attendance, Action::Right) => {
                self.col = (self.col + 1).min(self.summary.sessions.len().saturating_sub(1))
            }
            _ => self.list.apply(action, self.rows.len()),
        }
    }

    fn show(&mut self, view: View, data: &Dataset) {
        if view == self.view {
            return;
        }
        self.saved[self.view.index()] = std::mem::take(&mut self.list);
        self.list = std::mem::take(&mut self.saved[view.index()]);
        self.view = view;
        self.set_rows(data);
    }

    /// Shows the cohort and completion row of participant `id` (a search jump); the caller then
    /// narrows the list to their name.
    pub fn show_participant(&mut self, data: &Dataset, id: Id, today: NaiveDate) {
        let Some(year) = data
            .participants
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| data.cohorts.iter().find(|c| c.id == p.cohort_id))
            .map(|c| FiscalYear(c.fiscal_year))
        else {
            return;
        };
        if self.year != Some(year) {
            self.year = Some(year);
            self.saved = Default::default();
            self.list = ListNav::default();
            self.col = 0;
        }
        self.refresh(data, today);
        if !matches!(self.view, View::Attendance | View::Completion) {
            self.show(View::Completion, data);
        }
    }

    /// The selected session: the sessions view's row, or the grid's current column.
    pub fn selected_session(&self) -> Option<&LeadershipSession> {
        match self.view {
            View::Sessions => self
                .rows
                .get(self.list.selected)
                .and_then(|i| self.summary.sessions.get(i)),
            View::Attendance => self.summary.sessions.get(self.col),
            _ => None,
        }
    }

    /// Row of the selected participant in `summary.people` (attendance and completion views).
    pub fn selected_person(&self) -> Option<usize> {
        matches!(self.view, View::Attendance | View::Completion)
            .then(|| self.rows.get(self.list.selected))
            .flatten()
    }

    pub fn selected_waitlist(&self) -> Option<&WaitlistEntry> {
        (self.view == View::Waitlist)
            .then(|| self.rows.get(self.list.selected))
            .flatten()
            .and_then(|i| self.waitlist.get(i))
    }
}

/// `y`: the key facts of what is selected in the current view, names as the screen shows them.
pub fn selected_facts(app: &App) -> Option<String> {
    let tab = &app.leadership;
    let s = &tab.summary;
    let year = tab.year.map(|y| y.short_label()).unwrap_or_default();
    match tab.view {
        View::Sessions => tab.selected_session().map(|x| {
            format!(
                "{year} session {} · {} {}-{} · {}, {} · {}",
                x.number,
                x.date,
                x.start.format("%H:%M"),
                x.end.format("%H:%M"),
                x.location,
                x.room,
                x.topic
            )
        }),
        View::Attendance => tab.selected_person().zip(s.sessions.get(tab.col)).map(|(i, x)| {
            let mark = s.grid[i][tab.col]
                .as_ref()
                .map(|m| m.mark.label())
                .unwrap_or("not marked");
            format!(
                "{} · {year} session {} ({}): {mark}",
                app.person(s.people[i].employee_id),
                x.number,
                x.date
            )
        }),
        View::Completion => tab.selected_person().map(|i| {
            let p = &s.people[i];
            format!(
                "{} · {year} cohort · {} · {} · attended {} of {} · rate {} · {}",
                app.person(p.employee_id),
                p.role,
                p.status.label(),
                s.attended[i],
                s.sessions.len(),
                crate::domain::rate_label(s.person_rate[i]),
                s.completion[i].map(|c| c.label()).unwrap_or("withdrawn")
            )
        }),
        View::Waitlist => tab.selected_waitlist().map(|w| {
            format!(
                "leadership waitlist · {} · joined {} · {}",
                app.person(w.employee_id),
                w.joined,
                w.note
            )
        }),
        View::Profile => tab
            .rows
            .get(tab.list.selected)
            .and_then(|i| tab.profile.by_role.get(i))
            .map(|r| format!("{year} cohort · {}: {} ({})", r.label, r.count, r.percent)),
    }
}

pub fn update(app: &mut App, action: LeadershipAction) {
    use LeadershipAction as L;
    match action {
        L::Show(view) => app.leadership.show(view, &app.data),
        L::NextView => {
            let next = View::ALL[(app.leadership.view.index() + 1) % View::ALL.len()];
            app.leadership.show(next, &app.data);
        }
        L::PreviousCohort | L::NextCohort => step_cohort(app, matches!(action, L::NextCohort)),
        L::NewCohort => forms::open_new_cohort(app),
        L::Add => match app.leadership.view {
            View::Sessions => forms::open_add_session(app),
            View::Attendance | View::Completion | View::Profile => forms::open_add_participant(app),
            View::Waitlist => forms::open_add_waitlist(app),
        },
        L::Edit => match app.leadership.view {
            View::Sessions => forms::open_edit_session(app, false),
            View::Attendance | View::Completion => forms::open_edit_participant(app),
            View::Waitlist => forms::open_edit_waitlist(app),
            View::Profile => {}
        },
        L::Reschedule => {
            if app.leadership.view == View::Sessions || app.leadership.view == View::Attendance {
                forms::open_edit_session(app, true)
            } else {
                app.status = Some("r reschedules a session: press s for the sessions".into());
            }
        }
        L::Remove => match app.leadership.view {
            View::Waitlist => forms::ask_remove_waitlist(app),
            View::Sessions => forms::ask_remove_session(app),
            _ => {
                app.status = Some(
                    "x removes a waitlist entry or a session; to withdraw a participant, edit them (e)"
                        .into(),
                )
            }
        },
        L::Promote => {
            if app.leadership.view == View::Waitlist {
                forms::open_promote(app)
            } else {
                app.status = Some("m promotes from the waitlist: press w for the waitlist".into());
            }
        }
        L::Rule => forms::open_rule(app),
        L::RecordCompletion => forms::ask_record_completion(app),
        L::Mark(mark) => set_mark(app, |_| mark),
        L::CycleMark => set_mark(app, |current| match current {
            None => Some(Attendance::Present),
            Some(Attendance::Present) => Some(Attendance::Absent),
            Some(Attendance::Absent) => Some(Attendance::Excused),
            Some(Attendance::Excused) => None,
        }),
    }
}

fn step_cohort(app: &mut App, forward: bool) {
    let tab = &mut app.leadership;
    let Some(current) = tab.year else { return };
    let next = if forward {
        tab.years.iter().copied().find(|y| *y > current.0)
    } else {
        tab.years.iter().rev().copied().find(|y| *y < current.0)
    };
    match next {
        Some(y) => {
            tab.year = Some(FiscalYear(y));
            tab.list = ListNav::default();
            tab.saved = Default::default();
            tab.col = 0;
            app.status = Some(format!("{} cohort", FiscalYear(y).short_label()));
            app.leadership.refresh(&app.data, app.today);
        }
        None => {
            app.status = Some(format!(
                "no {} cohort; n starts a new one",
                if forward { "later" } else { "earlier" }
            ))
        }
    }
}

/// Sets the grid's current cell from its current mark: one durable save per change. After a
/// change the cursor moves down, as taking the roll for one session goes down a column.
fn set_mark(app: &mut App, next: impl Fn(Option<Attendance>) -> Option<Attendance>) {
    let tab = &app.leadership;
    if tab.view != View::Attendance {
        app.status = Some("marks are set in the attendance grid: press t".into());
        return;
    }
    let (Some(row), Some(session)) = (tab.selected_person(), tab.summary.sessions.get(tab.col)) else {
        app.status = Some("no cell selected: the cohort needs participants and sessions".into());
        return;
    };
    let person = tab.summary.people[row].clone();
    let session = session.clone();
    let stored = tab.summary.grid[row][tab.col].clone();
    let mark = next(stored.as_ref().map(|m| m.mark));
    if mark.is_some_and(|m| m != Attendance::Excused) && session.date > app.today {
        app.status = Some(format!(
            "session {} is on {}: only \"excused\" can be marked before it is held",
            session.number, session.date
        ));
        return;
    }
    if stored.as_ref().map(|m| m.mark) == mark {
        advance(app);
        return;
    }
    let what = format!(
        "{}: session {} {}",
        app.person(person.employee_id),
        session.number,
        mark.map(|m| m.label()).unwrap_or("cleared")
    );
    let result = app.save(&what, |txn| match (&stored, mark) {
        (None, Some(mark)) => txn
            .insert(&mut AttendanceMark {
                id: 0,
                participant_id: person.id,
                session_id: session.id,
                mark,
            })
            .map(|_| ()),
        (Some(old), Some(mark)) => txn.update(old, &AttendanceMark { mark, ..old.clone() }),
        (Some(old), None) => {
            if txn.get::<AttendanceMark>(old.id)?.as_ref() != Some(old) {
                return Err(crate::store::StoreError::Conflict(format!(
                    "attendance record {}",
                    old.id
                )));
            }
            txn.delete::<AttendanceMark>(old.id).map(|_| ())
        }
        (None, None) => Ok(()),
    });
    if result.is_ok() {
        advance(app);
    }
}

fn advance(app: &mut App) {
    let tab = &mut app.leadership;
    tab.list.apply(Action::Down, tab.rows.len());
}

#[cfg(test)]
mod tests;
