//! Undo and redo, per tab: `u` takes back the last change made on the tab on screen (a change
//! made on another tab is left alone, and the footer says where it is), `U` / Ctrl-R makes the
//! last undone one again. Each is one transaction, refused if the record was changed since; a
//! refusal names the record in words.

use super::{App, Tab};
use pathways_core::dataset::Dataset;
use pathways_core::domain::Id;
use pathways_core::store::{Journal, StoreError};

/// One change of this session: what it was (the footer's words), the tab it was made on, and
/// the records it wrote.
#[derive(Debug, Clone)]
pub struct Change {
    pub what: String,
    pub tab: Tab,
    pub journal: Journal,
}

impl App {
    pub(super) fn undo(&mut self) {
        let Some(at) = self.undo_stack.iter().rposition(|c| c.tab == self.tab) else {
            self.status = Some(match self.undo_stack.last() {
                Some(c) => format!(
                    "nothing to undo on this tab; the last change (\"{}\") was on {}: undo it there",
                    c.what,
                    c.tab.title()
                ),
                None => "nothing to undo in this session".into(),
            });
            return;
        };
        let change = self.undo_stack.remove(at);
        match self.store.undo_tracked(&change.journal) {
            Ok(written) => {
                let _ = self.take_in(&written);
                self.status = Some(format!("undone: {} (U redoes it)", change.what));
                self.redo_stack.push(Change {
                    journal: change.journal.inverse(),
                    ..change
                });
            }
            Err(e) => {
                self.status = Some(format!("cannot undo {}: {}", change.what, self.refusal(&e)));
                self.undo_stack.insert(at, change);
            }
        }
    }

    pub(super) fn redo(&mut self) {
        let Some(at) = self.redo_stack.iter().rposition(|c| c.tab == self.tab) else {
            self.status = Some("nothing to redo on this tab".into());
            return;
        };
        let change = self.redo_stack.remove(at);
        match self.store.undo_tracked(&change.journal) {
            Ok(written) => {
                let _ = self.take_in(&written);
                self.status = Some(format!("redone: {}", change.what));
                self.undo_stack.push(Change {
                    journal: change.journal.inverse(),
                    ..change
                });
            }
            Err(e) => {
                self.status = Some(format!("cannot redo {}: {}", change.what, self.refusal(&e)));
                self.redo_stack.insert(at, change);
            }
        }
    }

    /// Why an undo or redo was refused, in words: the record by what it is, not its number.
    fn refusal(&self, e: &StoreError) -> String {
        match e {
            StoreError::ChangedSince { table, key } => format!(
                "{} was changed again since (here or by someone else); nothing was changed",
                record_in_words(&self.data, table, *key, |id| self.person(id))
            ),
            other => other.to_string(),
        }
    }
}

/// A stored record as people know it: "the intake of Kofi Underhill received 2024-07-25".
pub fn record_in_words(data: &Dataset, table: &str, key: Id, person: impl Fn(Id) -> String) -> String {
    let found = match table {
        "intakes" => data
            .intakes
            .iter()
            .find(|i| i.id == key)
            .map(|i| format!("the intake of {} received {}", person(i.employee_id), i.received)),
        "employees" => data.employee(key).map(|e| format!("{}'s record", person(e.id))),
        "consultations" => data.consultations.iter().find(|c| c.id == key).map(|c| {
            let who = data
                .intakes
                .iter()
                .find(|i| i.id == c.intake_id)
                .map(|i| person(i.employee_id))
                .unwrap_or_default();
            format!("the consultation of {} with {who}", c.date)
        }),
        "mentors" => data
            .mentor(key)
            .map(|m| format!("mentor {}", person(m.employee_id))),
        "mentoring_pairs" => data
            .pairs
            .iter()
            .find(|p| p.id == key)
            .map(|p| format!("the mentoring pair of {}", person(p.mentee_id))),
        "mentor_logs" => data
            .logs
            .iter()
            .find(|l| l.id == key)
            .map(|l| format!("the mentoring log for {}", l.month.format("%Y-%m"))),
        "ambassadors" => data
            .ambassadors
            .iter()
            .find(|a| a.id == key)
            .map(|a| format!("ambassador {}", person(a.employee_id))),
        "ambassador_sessions" => data
            .ambassador_sessions
            .iter()
            .find(|s| s.id == key)
            .map(|s| format!("the PL session of {} ({})", s.date, s.topic)),
        "participants" => data
            .participants
            .iter()
            .find(|p| p.id == key)
            .map(|p| format!("{}'s place in a leadership cohort", person(p.employee_id))),
        "leadership_sessions" => data
            .sessions
            .iter()
            .find(|s| s.id == key)
            .map(|s| format!("leadership session {} ({})", s.number, s.date)),
        "attendance" => data
            .attendance
            .iter()
            .find(|m| m.id == key)
            .and_then(|m| data.participants.iter().find(|p| p.id == m.participant_id))
            .map(|p| format!("an attendance mark of {}", person(p.employee_id))),
        "locations" => data.location(key).map(|l| format!("location {}", l.name)),
        "closures" => data
            .closures
            .iter()
            .find(|c| c.id == key)
            .map(|c| format!("the closure {} on {}", c.name, c.date)),
        "offerings" => data
            .offerings
            .iter()
            .find(|o| o.id == key)
            .map(|o| format!("the offering {}", crate::tabs::learning::offering_name(o))),
        "pl_sessions" => data
            .pl_sessions
            .iter()
            .find(|s| s.id == key)
            .map(|s| format!("the PL session {}", crate::tabs::learning::session_name(data, s))),
        "pl_attendance" => data
            .pl_attendance
            .iter()
            .find(|a| a.id == key)
            .map(|a| format!("{}'s attendance at a PL session", person(a.employee_id))),
        _ => None,
    };
    found.unwrap_or_else(|| format!("a record of {} (deleted since)", table.replace('_', " ")))
}
