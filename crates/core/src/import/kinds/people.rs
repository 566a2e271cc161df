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
        optional("status"),
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
            // Unknown is an empty cell, as the export writes it.
            chapter: Some(row.text("chapter")).filter(|c| !c.is_empty()),
            race: row.opt_choice("race")?.unwrap_or(Race::Unknown),
            hire_date: row.opt_date("hire_date")?,
            position_start: row.opt_date("position_start")?,
            status: row.opt_choice("status")?,
            in_evaluation: if row.is_empty("in_par_or_evaluation") {
                None
            } else {
                Some(row.yes_no("in_par_or_evaluation")?)
            },
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

/// A reference list's entry (`chapters`, `owners`): a name, once on the list.
macro_rules! list_kind {
    ($kind:ident, $rec:ident, $name:literal, $what:literal) => {
        pub struct $kind;

        impl Kind for $kind {
            type Rec = $rec;
            const NAME: &'static str = $name;
            const COLUMNS: &'static [Column] = &[required("name").or(&[$what])];

            fn read(row: &Row, _refs: &Refs) -> Result<$rec, String> {
                let name = row.required_text("name")?;
                check_list_name($what, &name, std::iter::empty()).map_err(|e| e.to_string())?;
                Ok($rec { id: 0, name })
            }

            /// Names compare without case, as the list does.
            fn key(r: &$rec) -> String {
                r.name.trim().to_lowercase()
            }
        }
    };
}
list_kind!(Chapters, Chapter, "chapters", "chapter");
list_kind!(Owners, Owner, "owners", "owner");
