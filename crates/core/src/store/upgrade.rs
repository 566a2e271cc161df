//! Older record formats and how each becomes today's struct. A format, once written to a user's
//! file, is kept here for good: the golden bytes in tests/store.rs guard each one.

use crate::domain::*;
use chrono::NaiveDate;
use serde::Deserialize;

/// An employee as version 1 wrote it: chapter, status and PAR always had a value, so a person
/// created from an intake carried made-up ones ("N/A", "permanent", not in PAR).
#[derive(Deserialize)]
pub struct EmployeeV1 {
    id: Id,
    employee_number: String,
    first_name: String,
    last_name: String,
    email: String,
    position: String,
    location_id: Option<Id>,
    chapter: String,
    race: Race,
    hire_date: Option<NaiveDate>,
    position_start: Option<NaiveDate>,
    status: EmploymentStatus,
    in_evaluation: bool,
    retirement_date: Option<NaiveDate>,
    supervisor_id: Option<Id>,
}

impl From<EmployeeV1> for Employee {
    fn from(v: EmployeeV1) -> Employee {
        // Version 1 wrote "permanent" and "N/A" for a person an intake created. Both at once cannot be
        // a real fact (N/A is for substitutes and temporary staff); without a hire date either, it is
        // that made-up default, and the person's status, chapter and PAR become unknown again.
        let made_up = v.status == EmploymentStatus::Permanent
            && v.chapter == NO_CHAPTER
            && v.hire_date.is_none()
            && !v.in_evaluation;
        Employee {
            id: v.id,
            employee_number: v.employee_number,
            first_name: v.first_name,
            last_name: v.last_name,
            email: v.email,
            position: v.position,
            location_id: v.location_id,
            chapter: (!made_up).then_some(v.chapter),
            race: v.race,
            hire_date: v.hire_date,
            position_start: v.position_start,
            status: (!made_up).then_some(v.status),
            in_evaluation: (!made_up).then_some(v.in_evaluation),
            retirement_date: v.retirement_date,
            supervisor_id: v.supervisor_id,
        }
    }
}

/// A location as version 1 stored it: `employees` was a number even when no one knew it.
#[derive(Deserialize)]
pub struct LocationV1 {
    id: Id,
    name: String,
    kind: LocationKind,
    employees: u32,
}

impl From<LocationV1> for Location {
    fn from(v: LocationV1) -> Location {
        // Version 1 wrote 0 for a location an intake or the roster brought in; no site of the
        // district has no support staff, so 0 was that made-up default and reads as unknown.
        Location {
            id: v.id,
            name: v.name,
            kind: v.kind,
            employees: (v.employees > 0).then_some(v.employees),
        }
    }
}
