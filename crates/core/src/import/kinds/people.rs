//! Employees as `export employees` writes them, for `import all` (restore and merge). The
//! one-shot `import employees` is the people module's; this reads the same columns.

use crate::domain::*;
use crate::import::engine::{Column, Kind, optional, required};
use crate::import::refs::Refs;
use crate::import::row::Row;

pub struct Employees;

/// An employee's natural key: the district's id without leading zeros, else the email.
pub fn person_key(e: &Employee) -> String {
    let number = e.employee_number.trim().trim_start_matches('0');
    if !number.is_empty() {
        format!("#{number}")
    } else {
        format!("@{}", e.email.trim().to_lowercase())
    }
}

impl Kind for Employees {
    type Rec = Employee;
    const NAME: &'static str = "employees";
    const COLUMNS: &'static [Column] = &[
        optional("employee_number").or(&["employee id"]),
        required("first_name"),
        required("last_name"),
        optional("email"),
        optional("position"),
        optional("location_id"),
        optional("location"),
        optional("chapter"),
        optional("race"),
        optional("hire_date"),
        optional("position_start"),
        required("status"),
        optional("in_par_or_evaluation"),
        optional("retirement_date"),
        optional("supervisor_id"),
    ];

    fn read(row: &Row, refs: &Refs) -> Result<Employee, String> {
        let employee = Employee {
            id: 0,
            employee_number: row.text("employee_number"),
            first_name: row.required_text("first_name")?,
            last_name: row.required_text("last_name")?,
            email: row.text("email"),
            position: row.text("position"),
            location_id: refs.opt_location(row, "location_id", "location")?,
            chapter: row.text("chapter"),
            race: row.opt_choice("race")?.unwrap_or(Race::Unknown),
            hire_date: row.opt_date("hire_date")?,
            position_start: row.opt_date("position_start")?,
            status: row.choice("status")?,
            in_evaluation: row.flag("in_par_or_evaluation")?,
            retirement_date: row.opt_date("retirement_date")?,
            // Checked once every employee of the file is read (it may name a later row).
            supervisor_id: row.id("supervisor_id")?,
        };
        employee.validate().map_err(|e| e.to_string())?;
        Ok(employee)
    }

    fn key(e: &Employee) -> String {
        person_key(e)
    }

    /// A supervisor is another employee of the file; one the folder does not hold is unknown.
    fn relink(e: &mut Employee, to: &dyn Fn(Id) -> Option<Id>) {
        e.supervisor_id = e.supervisor_id.and_then(to);
    }
}
