//! Tab 4, leadership sessions: the yearly cohort, its eight sessions, the attendance grid,
//! completion, the waitlist and the cohort profile. One view at a time, chosen with a key.

mod forms;
mod keys;
mod render;
mod state;

pub use forms::{LeadershipConfirm, LeadershipForm, confirmed, submit};
pub use keys::KEYS;
pub use render::render;
pub use state::{LeadershipTab, Profile};

use crate::action::Action;
use crate::app::App;
use pathways_core::domain::{Attendance, AttendanceMark, Choice, FiscalYear};
use pathways_core::privacy::Sensitive;

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
                pathways_core::domain::rate_label(s.person_rate[i]),
                s.completion[i].map(|c| c.label()).unwrap_or("withdrawn")
            )
        }),
        View::Waitlist => tab.selected_waitlist().map(|w| {
            format!(
                "leadership waitlist · {} · joined {} · {}",
                app.person(w.employee_id),
                w.joined,
                app.shown(Sensitive::Note, &w.note)
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
            tab.forget_selection();
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
                return Err(pathways_core::store::StoreError::Conflict(format!(
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
