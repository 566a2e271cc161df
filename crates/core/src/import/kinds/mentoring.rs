//! Mentors, mentoring pairs and monthly logs. Eligibility (years of service, permanent status)
//! is checked when a pair is made in the dashboard, on that day; an import brings history in as
//! it was and checks what must always hold (a pair's end, the 4 hours a month).

use super::{EMPLOYEE, EMPLOYEE_COLUMNS};
use crate::domain::*;
use crate::import::engine::{Column, Kind, optional, required};
use crate::import::refs::{Person, Refs};
use crate::import::row::Row;

pub struct Mentors;

impl Kind for Mentors {
    type Rec = Mentor;
    const NAME: &'static str = "mentors";
    const COLUMNS: &'static [Column] = &[
        EMPLOYEE_COLUMNS[0],
        EMPLOYEE_COLUMNS[1],
        EMPLOYEE_COLUMNS[2],
        optional("expertise"),
        required("active"),
        required("joined"),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] = super::EMPLOYEE_ONE_OF;

    fn read(row: &Row, refs: &Refs) -> Result<Mentor, String> {
        Ok(Mentor {
            id: 0,
            employee_id: refs.person(row, EMPLOYEE)?,
            expertise: row.text("expertise"),
            active: row.yes_no("active")?,
            joined: row.date("joined")?,
        })
    }

    fn key(m: &Mentor) -> String {
        m.employee_id.to_string()
    }
}

const MENTOR: Person = Person {
    id: "",
    number: "mentor_number",
    email: None,
};
const MENTEE: Person = Person {
    id: "mentee_id",
    number: "mentee_number",
    email: None,
};

/// The mentor record a row names: `mentor_id`, and/or the mentor's employee id (an employee
/// who was a mentor twice has two records: the id says which).
fn mentor(row: &Row, refs: &Refs) -> Result<Option<Id>, String> {
    let by_id = refs.id_of::<Mentor>(row, "mentor_id")?;
    let person = refs.opt_person(row, MENTOR)?;
    let mentor_of = |id: Id| {
        refs.data
            .mentors
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.employee_id)
    };
    Refs::one_of(
        by_id,
        person.is_some(),
        |id| mentor_of(id) == person,
        || {
            person
                .and_then(|e| refs.mentor_of(e))
                .ok_or_else(|| "mentor_number: this employee is not a mentor; import the mentor first".into())
        },
        "mentor",
    )
}

pub struct Pairs;

impl Kind for Pairs {
    type Rec = MentoringPair;
    const NAME: &'static str = "pairs";
    const COLUMNS: &'static [Column] = &[
        optional("mentor_id"),
        optional("mentor_number").or(&["mentor employee id"]),
        optional("mentee_id"),
        optional("mentee_number").or(&["mentee employee id"]),
        required("started").or(&["signed", "agreement signed"]),
        optional("ended"),
        optional("end_reason"),
        optional("notes"),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] = &[
        (&["mentor_id", "mentor_number"], "mentor_number"),
        (&["mentee_id", "mentee_number"], "mentee_number"),
    ];
    const NOTES: &'static [&'static str] = &["notes"];

    fn read(row: &Row, refs: &Refs) -> Result<MentoringPair, String> {
        let mentor_id = mentor(row, refs)?.ok_or("needs mentor_number or mentor_id")?;
        let pair = MentoringPair {
            id: 0,
            mentor_id,
            mentee_id: refs.person(row, MENTEE)?,
            started: row.date("started")?,
            ended: row.opt_date("ended")?,
            end_reason: row.opt_choice("end_reason")?,
            notes: row.note("notes"),
        };
        if let Some(ended) = pair.ended {
            check_end(&pair, ended).map_err(|e| format!("ended: {}", e.reason))?;
        }
        if pair.ended.is_none() && pair.end_reason.is_some() {
            return Err("end_reason is given but the pair has not ended".into());
        }
        Ok(pair)
    }

    fn key(p: &MentoringPair) -> String {
        format!("{}|{}|{}", p.mentor_id, p.mentee_id, p.started)
    }
}

pub struct Logs;

impl Kind for Logs {
    type Rec = MentorLog;
    const NAME: &'static str = "logs";
    const COLUMNS: &'static [Column] = &[
        optional("pair_id"),
        optional("mentor_number").or(&["mentor employee id"]),
        optional("mentee_number").or(&["mentee employee id"]),
        required("month"),
        required("hours"),
        required("submitted"),
        optional("topics"),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] = &[(
        &["pair_id", "mentee_number"],
        "pair_id or mentor_number and mentee_number",
    )];
    const NOTES: &'static [&'static str] = &["topics"];

    fn read(row: &Row, refs: &Refs) -> Result<MentorLog, String> {
        let month = parse_month(row.cell("month")).map_err(|e| format!("month: {e}"))?;
        let by_id = refs.id_of::<MentoringPair>(row, "pair_id")?;
        let mentee = refs.opt_person(row, Person { id: "", ..MENTEE })?;
        let mentor = refs.opt_person(row, MENTOR)?;
        let month_end = add_months(month, 1);
        // The pair of this mentor and mentee running that month.
        let fits = |p: &MentoringPair| {
            mentee.is_none_or(|e| p.mentee_id == e)
                && mentor.is_none_or(|e| {
                    refs.data
                        .mentors
                        .iter()
                        .any(|m| m.id == p.mentor_id && m.employee_id == e)
                })
                && p.started < month_end
                && p.ended.is_none_or(|x| x >= month)
        };
        let pair_id = Refs::one_of(
            by_id,
            mentee.is_some() || mentor.is_some(),
            |id| refs.data.pairs.iter().any(|p| p.id == id && fits(p)),
            || {
                refs.data
                    .pairs
                    .iter()
                    .filter(|p| fits(p))
                    .max_by_key(|p| (p.started, p.id))
                    .map(|p| p.id)
                    .ok_or_else(|| "this mentor and mentee had no pair running that month".into())
            },
            "pair",
        )?
        .ok_or("needs pair_id, or mentor_number and mentee_number")?;
        Ok(MentorLog {
            id: 0,
            pair_id,
            month,
            hours: row.decimal("hours")?,
            topics: row.note("topics"),
            submitted: row.date("submitted")?,
        })
    }

    fn key(l: &MentorLog) -> String {
        format!("{}|{}", l.pair_id, l.month)
    }

    fn check(l: &MentorLog, same: &[MentorLog], _refs: &Refs) -> Result<(), String> {
        l.validate(same).map_err(|e| e.to_string())
    }
}
