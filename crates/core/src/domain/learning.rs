//! Professional learning (PL) offerings, their sessions and attendance, and school pop-up events.

use super::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offering {
    pub id: Id,
    /// PDO course number, e.g. "92883"; empty when the offering has none.
    pub course_number: String,
    pub title: String,
}

/// One time an offering was held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlSession {
    pub id: Id,
    pub offering_id: Id,
    pub date: NaiveDate,
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
    pub date: NaiveDate,
    pub location_id: Id,
    pub note: String,
}
