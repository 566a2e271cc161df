//! Professional learning: offerings (PDO course number, title, partner office), their sessions
//! (date, time, place, facilitator) and attendance; and teacher outcomes (hired as a teacher).

use super::{EMPLOYEE, EMPLOYEE_COLUMNS, EMPLOYEE_ONE_OF};
use crate::domain::*;
use crate::import::engine::{Column, Kind, optional, required};
use crate::import::refs::Refs;
use crate::import::row::Row;
use crate::text::fold;

pub struct Offerings;

/// An offering's natural key: its course number, or its title when it has none.
pub fn course_key(o: &Offering) -> String {
    match o.course_number.trim() {
        "" => format!("title:{}", fold(o.title.trim())),
        n => format!("#{}", n.to_ascii_lowercase()),
    }
}

impl Kind for Offerings {
    type Rec = Offering;
    const NAME: &'static str = "offerings";
    const COLUMNS: &'static [Column] = &[
        optional("course_number").or(&["course", "course #", "course no", "pdo course number"]),
        required("title").or(&["course title"]),
        optional("partner_office").or(&["partner", "office"]),
        optional("teacher_pathway"),
    ];

    fn read(row: &Row, _refs: &Refs) -> Result<Offering, String> {
        let offering = Offering {
            id: 0,
            course_number: row.text("course_number"),
            title: row.required_text("title")?,
            partner_office: row.text("partner_office"),
            teacher_pathway: row.flag("teacher_pathway")?,
        };
        offering.validate().map_err(|e| e.to_string())?;
        Ok(offering)
    }

    fn key(o: &Offering) -> String {
        course_key(o)
    }
}

pub struct PlSessions;

impl Kind for PlSessions {
    type Rec = PlSession;
    const NAME: &'static str = "pl-sessions";
    const COLUMNS: &'static [Column] = &[
        optional("offering_id"),
        optional("course_number").or(&["course", "course #", "pdo course number"]),
        optional("title").or(&["course title"]),
        required("date").or(&["session date"]),
        optional("start"),
        optional("end"),
        optional("place").or(&["location", "room"]),
        optional("facilitator").or(&["presenter"]),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] =
        &[(&["offering_id", "course_number", "title"], "course_number")];

    fn read(row: &Row, refs: &Refs) -> Result<PlSession, String> {
        Ok(PlSession {
            id: 0,
            offering_id: refs.offering(row, "offering_id", "course_number", "title")?,
            date: row.date("date")?,
            start: row.opt_time("start")?,
            end: row.opt_time("end")?,
            place: row.text("place"),
            facilitator: row.text("facilitator"),
        })
    }

    fn key(s: &PlSession) -> String {
        format!("{}|{}|{:?}", s.offering_id, s.date, s.start)
    }

    fn check(s: &PlSession, same: &[PlSession], _refs: &Refs) -> Result<(), String> {
        s.validate(same).map_err(|e| e.to_string())
    }
}

pub struct PlAttendances;

impl Kind for PlAttendances {
    type Rec = PlAttendance;
    const NAME: &'static str = "pl-attendance";
    const COLUMNS: &'static [Column] = &[
        optional("pl_session_id"),
        optional("course_number").or(&["course", "course #", "pdo course number"]),
        optional("date").or(&["session date"]),
        optional("start"),
        optional("title").or(&["course title"]),
        EMPLOYEE_COLUMNS[0],
        EMPLOYEE_COLUMNS[1],
        EMPLOYEE_COLUMNS[2],
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] = &[
        (&["pl_session_id", "date"], "course_number and date"),
        EMPLOYEE_ONE_OF[0],
    ];

    fn read(row: &Row, refs: &Refs) -> Result<PlAttendance, String> {
        // The course by its number, else by its title (an offering without a number).
        let offering = if row.is_empty("course_number") && row.is_empty("title") {
            None
        } else {
            Some(refs.offering(row, "", "course_number", "title")?)
        };
        Ok(PlAttendance {
            id: 0,
            pl_session_id: refs.pl_session(row, "pl_session_id", offering, "date", Some("start"))?,
            employee_id: refs.person(row, EMPLOYEE)?,
        })
    }

    fn key(a: &PlAttendance) -> String {
        format!("{}|{}", a.pl_session_id, a.employee_id)
    }
}

pub struct TeacherOutcomes;

impl Kind for TeacherOutcomes {
    type Rec = TeacherOutcome;
    const NAME: &'static str = "teacher-outcomes";
    const COLUMNS: &'static [Column] = &[
        EMPLOYEE_COLUMNS[0],
        EMPLOYEE_COLUMNS[1],
        EMPLOYEE_COLUMNS[2],
        required("hired").or(&["hire date", "hired as teacher", "date hired"]),
        optional("school_year"),
        optional("partner_program").or(&["program", "partner"]),
    ];
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] = EMPLOYEE_ONE_OF;

    fn read(row: &Row, refs: &Refs) -> Result<TeacherOutcome, String> {
        let year = row.text("school_year");
        Ok(TeacherOutcome {
            id: 0,
            employee_id: refs.person(row, EMPLOYEE)?,
            hired: row.date("hired")?,
            school_year: if year.is_empty() {
                year
            } else {
                parse_school_year(&year).map_err(|e| format!("school_year: {e}"))?
            },
            partner_program: row.text("partner_program"),
        })
    }

    fn key(o: &TeacherOutcome) -> String {
        o.employee_id.to_string()
    }

    fn check(o: &TeacherOutcome, same: &[TeacherOutcome], _refs: &Refs) -> Result<(), String> {
        o.validate(same).map_err(|e| e.to_string())
    }
}
