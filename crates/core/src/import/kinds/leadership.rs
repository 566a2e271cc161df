//! The leadership program: cohorts (one per fiscal year), participants, the eight sessions,
//! attendance marks and the waitlist.

use super::{EMPLOYEE, EMPLOYEE_COLUMNS, EMPLOYEE_ONE_OF};
use crate::domain::*;
use crate::import::engine::{Column, Kind, optional, required};
use crate::import::refs::{Refs, parse_fiscal_year};
use crate::import::row::Row;

pub struct Cohorts;

impl Kind for Cohorts {
    type Rec = Cohort;
    const NAME: &'static str = "cohorts";
    const COLUMNS: &'static [Column] = &[
        required("fiscal_year").or(&["fy"]),
        optional("min_sessions"),
        optional("final_session_required"),
    ];

    fn read(row: &Row, _refs: &Refs) -> Result<Cohort, String> {
        let fy = parse_fiscal_year(row.cell("fiscal_year")).map_err(|e| format!("fiscal_year: {e}"))?;
        // Without the columns, the program's own rule (6 of 8 and the final session).
        let mut rule = CompletionRule::default();
        if let Some(n) = row.opt_number("min_sessions")? {
            rule.min_sessions = n;
        }
        if !row.is_empty("final_session_required") {
            rule.require_final = row.yes_no("final_session_required")?;
        }
        rule.validate(0).map_err(|e| e.to_string())?;
        Ok(Cohort {
            id: 0,
            fiscal_year: fy.0,
            rule,
        })
    }

    fn key(c: &Cohort) -> String {
        c.fiscal_year.to_string()
    }
}

pub struct Participants;

impl Kind for Participants {
    type Rec = Participant;
    const NAME: &'static str = "participants";
    const COLUMNS: &'static [Column] = &[
        optional("cohort_id"),
        optional("fiscal_year").or(&["fy", "cohort"]),
        EMPLOYEE_COLUMNS[0],
        EMPLOYEE_COLUMNS[1],
        EMPLOYEE_COLUMNS[2],
        optional("role").or(&["role at entry"]),
        required("status"),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] =
        &[(&["cohort_id", "fiscal_year"], "fiscal_year"), EMPLOYEE_ONE_OF[0]];

    fn read(row: &Row, refs: &Refs) -> Result<Participant, String> {
        Ok(Participant {
            id: 0,
            cohort_id: refs.cohort(row, "cohort_id", "fiscal_year")?,
            employee_id: refs.person(row, EMPLOYEE)?,
            role: row.text("role"),
            status: row.choice("status")?,
        })
    }

    fn key(p: &Participant) -> String {
        format!("{}|{}", p.cohort_id, p.employee_id)
    }
}

pub struct Sessions;

impl Kind for Sessions {
    type Rec = LeadershipSession;
    const NAME: &'static str = "sessions";
    const COLUMNS: &'static [Column] = &[
        optional("cohort_id"),
        optional("fiscal_year").or(&["fy", "cohort"]),
        required("number").or(&["#", "session"]),
        required("date"),
        required("start"),
        required("end"),
        optional("location"),
        optional("room"),
        optional("topic"),
        optional("facilitator"),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] =
        &[(&["cohort_id", "fiscal_year"], "fiscal_year")];

    fn read(row: &Row, refs: &Refs) -> Result<LeadershipSession, String> {
        Ok(LeadershipSession {
            id: 0,
            cohort_id: refs.cohort(row, "cohort_id", "fiscal_year")?,
            number: row.number("number")?,
            date: row.date("date")?,
            start: row.time("start")?,
            end: row.time("end")?,
            location: row.text("location"),
            room: row.text("room"),
            topic: row.text("topic"),
            facilitator: row.text("facilitator"),
        })
    }

    fn key(s: &LeadershipSession) -> String {
        format!("{}|{}", s.cohort_id, s.number)
    }

    fn check(s: &LeadershipSession, same: &[LeadershipSession], refs: &Refs) -> Result<(), String> {
        let cohort = refs
            .data
            .cohorts
            .iter()
            .find(|c| c.id == s.cohort_id)
            .ok_or("no such cohort")?;
        if let Some(other) = same
            .iter()
            .find(|o| o.id != s.id && o.cohort_id == s.cohort_id && o.number == s.number)
        {
            return Err(format!(
                "number: session {} of this cohort is already on {}",
                s.number, other.date
            ));
        }
        s.validate_for(cohort, same).map_err(|e| e.to_string())
    }
}

pub struct Marks;

impl Kind for Marks {
    type Rec = AttendanceMark;
    const NAME: &'static str = "attendance";
    const COLUMNS: &'static [Column] = &[
        optional("participant_id"),
        EMPLOYEE_COLUMNS[0],
        EMPLOYEE_COLUMNS[1],
        EMPLOYEE_COLUMNS[2],
        optional("session_id"),
        optional("session_number").or(&["session"]),
        optional("session_date"),
        required("mark").or(&["attendance"]),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] = &[
        (
            &["participant_id", "employee_id", "employee_number", "email"],
            "employee_number",
        ),
        (&["session_id", "session_date"], "session_date"),
    ];

    fn read(row: &Row, refs: &Refs) -> Result<AttendanceMark, String> {
        let session_by_id = refs.id_of::<LeadershipSession>(row, "session_id")?;
        let session_by_key = match row.opt_date("session_date")? {
            None => None,
            Some(date) => {
                let cohort = refs
                    .cohort_on(date)
                    .ok_or_else(|| format!("session_date: there is no cohort in {}", FiscalYear::of(date)))?;
                let number: Option<u8> = row.opt_number("session_number")?;
                let session = refs
                    .data
                    .sessions
                    .iter()
                    .find(|s| s.cohort_id == cohort && s.date == date && number.is_none_or(|n| s.number == n))
                    .ok_or_else(|| format!("session_date: the cohort has no session on {date}"))?;
                Some(session.id)
            }
        };
        let session_id = refs
            .both(session_by_id, session_by_key, "session")?
            .ok_or("needs session_date or session_id")?;
        let cohort = refs
            .data
            .sessions
            .iter()
            .find(|s| s.id == session_id)
            .map(|s| s.cohort_id);
        let by_id = refs.id_of::<Participant>(row, "participant_id")?;
        let by_key = match refs.opt_person(row, EMPLOYEE)? {
            None => None,
            Some(e) => Some(
                refs.data
                    .participants
                    .iter()
                    .find(|p| p.employee_id == e && Some(p.cohort_id) == cohort)
                    .map(|p| p.id)
                    .ok_or("this person is not a participant of the session's cohort")?,
            ),
        };
        Ok(AttendanceMark {
            id: 0,
            participant_id: refs
                .both(by_id, by_key, "participant")?
                .ok_or("needs employee_number or participant_id")?,
            session_id,
            mark: row.choice("mark")?,
        })
    }

    fn key(m: &AttendanceMark) -> String {
        format!("{}|{}", m.participant_id, m.session_id)
    }
}

pub struct Waitlist;

impl Kind for Waitlist {
    type Rec = WaitlistEntry;
    const NAME: &'static str = "waitlist";
    const COLUMNS: &'static [Column] = &[
        EMPLOYEE_COLUMNS[0],
        EMPLOYEE_COLUMNS[1],
        EMPLOYEE_COLUMNS[2],
        required("joined"),
        optional("note"),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] = EMPLOYEE_ONE_OF;
    const NOTES: &'static [&'static str] = &["note"];

    fn read(row: &Row, refs: &Refs) -> Result<WaitlistEntry, String> {
        Ok(WaitlistEntry {
            id: 0,
            employee_id: refs.person(row, EMPLOYEE)?,
            joined: row.date("joined")?,
            note: row.note("note"),
        })
    }

    fn key(w: &WaitlistEntry) -> String {
        format!("{}|{}", w.employee_id, w.joined)
    }
}
