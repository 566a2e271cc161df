//! Professional learning (PL) offerings, their sessions and attendance, school pop-up events, and
//! the teacher pathway's outcomes (support staff hired as teachers).

use super::{FieldError, Id, truncate_for_message};
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offering {
    pub id: Id,
    /// PDO course number, e.g. "92883"; empty when the offering has none.
    pub course_number: String,
    pub title: String,
    /// The district office that offers it with the program (e.g. "DOT"); empty when none.
    pub partner_office: String,
    /// A teacher-pathway information session (how to become a teacher): it counts as PL like
    /// any offering, and its attendance is the teacher pathway's "trained" figure.
    pub teacher_pathway: bool,
}

impl Offering {
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.title.trim().is_empty() {
            return Err(FieldError::new("title", "a title is required"));
        }
        if self.course_number.chars().any(char::is_whitespace) {
            return Err(FieldError::new(
                "course number",
                "a PDO course number has no spaces (e.g. 92883)",
            ));
        }
        Ok(())
    }

    /// Whether `other` is the same course: the same course number, or without one the same title.
    pub fn same_course(&self, course_number: &str, title: &str) -> bool {
        let number = course_number.trim();
        if !number.is_empty() || !self.course_number.trim().is_empty() {
            return self.course_number.trim().eq_ignore_ascii_case(number);
        }
        crate::text::fold(self.title.trim()) == crate::text::fold(title.trim())
    }
}

/// An offering as version 1 stored it (course number and title); read as today's with the new
/// fields unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferingV1 {
    pub id: Id,
    pub course_number: String,
    pub title: String,
}

impl From<OfferingV1> for Offering {
    fn from(v1: OfferingV1) -> Self {
        Offering {
            id: v1.id,
            course_number: v1.course_number,
            title: v1.title,
            partner_office: String::new(),
            teacher_pathway: false,
        }
    }
}

/// One time an offering was held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlSession {
    pub id: Id,
    pub offering_id: Id,
    #[serde(with = "crate::domain::dates")]
    pub date: NaiveDate,
    /// Start and end times; `None` while nobody has entered them.
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    /// Where it is held: a building, a room, "Zoom"; empty while unknown.
    pub place: String,
    pub facilitator: String,
}

impl PlSession {
    /// Checks the session on its own and against the other sessions already stored (`others` may
    /// include this one, by id): one session of an offering per date and start time.
    pub fn validate(&self, others: &[PlSession]) -> Result<(), FieldError> {
        if let (Some(s), Some(e)) = (self.start, self.end)
            && e <= s
        {
            return Err(FieldError::new("end", "the session ends before it starts"));
        }
        if !(1990..=2200).contains(&self.date.year()) {
            return Err(FieldError::new("date", "not a plausible session date"));
        }
        if let Some(twin) = others.iter().find(|o| {
            o.id != self.id
                && o.offering_id == self.offering_id
                && o.date == self.date
                && o.start == self.start
        }) {
            return Err(FieldError::new(
                "date",
                format!(
                    "this offering already has a session on {}{} (session #{})",
                    twin.date,
                    twin.start
                        .map(|t| format!(" at {}", t.format("%H:%M")))
                        .unwrap_or_default(),
                    twin.id
                ),
            ));
        }
        Ok(())
    }
}

/// A PL session as version 1 stored it (offering and date); read with time, place and
/// facilitator unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlSessionV1 {
    pub id: Id,
    pub offering_id: Id,
    #[serde(with = "crate::domain::dates")]
    pub date: NaiveDate,
}

impl From<PlSessionV1> for PlSession {
    fn from(v1: PlSessionV1) -> Self {
        PlSession {
            id: v1.id,
            offering_id: v1.offering_id,
            date: v1.date,
            start: None,
            end: None,
            place: String::new(),
            facilitator: String::new(),
        }
    }
}

/// One employee attending one PL session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlAttendance {
    pub id: Id,
    pub pl_session_id: Id,
    pub employee_id: Id,
}

/// An on-site pop-up at a school: a table in the lobby where intakes are captured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PopUpEvent {
    pub id: Id,
    #[serde(with = "crate::domain::dates")]
    pub date: NaiveDate,
    pub location_id: Id,
    pub note: String,
}

/// A person from support staff who was hired as a teacher: the teacher pathway's outcome,
/// recorded on the person (one per employee).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeacherOutcome {
    pub id: Id,
    pub employee_id: Id,
    /// The date hired as a teacher; the fiscal year of this date counts the outcome.
    #[serde(with = "crate::domain::dates")]
    pub hired: NaiveDate,
    /// The school year taught in, "2025-26"; empty while unknown.
    pub school_year: String,
    /// The higher-education partnership that certified them; empty while unknown.
    pub partner_program: String,
}

impl TeacherOutcome {
    pub fn validate(&self, others: &[TeacherOutcome]) -> Result<(), FieldError> {
        if !(1990..=2200).contains(&self.hired.year()) {
            return Err(FieldError::new("hired", "not a plausible hire date"));
        }
        if !self.school_year.is_empty() {
            parse_school_year(&self.school_year).map_err(|e| FieldError::new("school year", e))?;
        }
        if others
            .iter()
            .any(|o| o.id != self.id && o.employee_id == self.employee_id)
        {
            return Err(FieldError::new(
                "employee",
                "this person's teacher hire is already recorded; edit that record",
            ));
        }
        Ok(())
    }
}

/// A school year as people write it, normalised to "2025-26": `2025-26`, `2025-2026`,
/// `2025/26`. The second year must follow the first.
pub fn parse_school_year(text: &str) -> Result<String, String> {
    let t = text.trim();
    let bad = || {
        format!(
            "\"{}\" is not a school year; type it like 2025-26",
            truncate_for_message(t)
        )
    };
    let (a, b) = t.split_once(['-', '/', '–']).ok_or_else(bad)?;
    let (a, b) = (a.trim(), b.trim());
    if a.len() != 4 || !(b.len() == 2 || b.len() == 4) {
        return Err(bad());
    }
    let start: i32 = a.parse().map_err(|_| bad())?;
    let end: i32 = b.parse().map_err(|_| bad())?;
    let end = if b.len() == 2 {
        start / 100 * 100 + end
    } else {
        end
    };
    let end = if b.len() == 2 && end <= start {
        end + 100
    } else {
        end
    };
    if end != start + 1 || !(1990..=2200).contains(&start) {
        return Err(bad());
    }
    Ok(format!("{start}-{:02}", end.rem_euclid(100)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn session(id: Id, offering_id: Id, date: NaiveDate, start: Option<u32>) -> PlSession {
        PlSession {
            id,
            offering_id,
            date,
            start: start.and_then(|h| NaiveTime::from_hms_opt(h, 0, 0)),
            end: None,
            place: String::new(),
            facilitator: String::new(),
        }
    }

    #[test]
    fn version_1_records_read_with_the_new_fields_unknown() {
        use crate::store::Record;
        let v1 = OfferingV1 {
            id: 3,
            course_number: "92883".into(),
            title: "Grow Your Career".into(),
        };
        let o = Offering::decode(&crate::store::codec::encode(&v1, 1).unwrap()).unwrap();
        assert_eq!(
            (o.course_number.as_str(), o.title.as_str()),
            ("92883", "Grow Your Career")
        );
        assert_eq!((o.partner_office.as_str(), o.teacher_pathway), ("", false));
        let v1 = PlSessionV1 {
            id: 4,
            offering_id: 3,
            date: d(2025, 1, 9),
        };
        let s = PlSession::decode(&crate::store::codec::encode(&v1, 1).unwrap()).unwrap();
        assert_eq!(
            (s.offering_id, s.date, s.start, s.place.as_str()),
            (3, d(2025, 1, 9), None, "")
        );
        // Today's layout reads back as itself.
        assert_eq!(Offering::decode(&o.encode().unwrap()).unwrap(), o);
    }

    #[test]
    fn school_years_in_the_ways_people_write_them() {
        assert_eq!(parse_school_year("2025-26").as_deref(), Ok("2025-26"));
        assert_eq!(parse_school_year(" 2025-2026 ").as_deref(), Ok("2025-26"));
        assert_eq!(parse_school_year("2099/00").as_deref(), Ok("2099-00"));
        assert!(parse_school_year("2025-27").is_err());
        assert!(parse_school_year("2025").is_err());
        assert!(parse_school_year("soon").unwrap_err().contains("\"soon\""));
    }

    #[test]
    fn a_session_is_one_per_offering_date_and_start() {
        let stored = vec![session(1, 7, d(2025, 3, 4), Some(9))];
        assert!(session(2, 7, d(2025, 3, 4), Some(13)).validate(&stored).is_ok());
        assert!(session(2, 8, d(2025, 3, 4), Some(9)).validate(&stored).is_ok());
        assert_eq!(
            session(2, 7, d(2025, 3, 4), Some(9))
                .validate(&stored)
                .unwrap_err()
                .field,
            "date"
        );
        // Editing the stored one is not a clash with itself.
        assert!(stored[0].validate(&stored).is_ok());
        let mut backwards = session(3, 7, d(2025, 3, 5), Some(9));
        backwards.end = NaiveTime::from_hms_opt(8, 0, 0);
        assert_eq!(backwards.validate(&stored).unwrap_err().field, "end");
    }

    #[test]
    fn offerings_need_a_title_and_match_by_course_number() {
        let o = Offering {
            id: 1,
            course_number: "92883".into(),
            title: "Grow Your Career".into(),
            partner_office: String::new(),
            teacher_pathway: false,
        };
        assert!(o.validate().is_ok());
        assert!(o.same_course(" 92883 ", "anything"));
        assert!(!o.same_course("", "Grow Your Career"));
        let untitled = Offering {
            title: " ".into(),
            ..o.clone()
        };
        assert_eq!(untitled.validate().unwrap_err().field, "title");
        let numberless = Offering {
            course_number: String::new(),
            ..o
        };
        assert!(numberless.same_course("", "grow your CAREER"));
    }

    #[test]
    fn one_teacher_outcome_per_person() {
        let o = TeacherOutcome {
            id: 1,
            employee_id: 5,
            hired: d(2025, 8, 15),
            school_year: "2025-26".into(),
            partner_program: "Residency".into(),
        };
        assert!(o.validate(std::slice::from_ref(&o)).is_ok());
        let again = TeacherOutcome { id: 2, ..o.clone() };
        assert_eq!(
            again.validate(std::slice::from_ref(&o)).unwrap_err().field,
            "employee"
        );
        let bad_year = TeacherOutcome {
            school_year: "2025".into(),
            ..o
        };
        assert_eq!(bad_year.validate(&[]).unwrap_err().field, "school year");
    }
}
