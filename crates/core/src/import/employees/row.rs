//! One roster row read into facts, each checked, before anything is looked up: a pure function,
//! so the property tests can throw anything at it.

use super::columns::{Column, Columns};
use crate::domain::*;
use crate::import::labels;
use crate::privacy::{Sensitive, cite};
use chrono::NaiveDate;

/// A fact the row leaves alone (no such column, or an empty cell), clears, or sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<T> {
    Keep,
    Clear,
    Set(T),
}

/// What one roster row says about one employee. `None` leaves the database's value as it is: an
/// empty cell says the roster does not know, not that the value is gone. Only the retirement
/// date and the supervisor can be cleared by an empty cell (no date planned, no supervisor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRow {
    pub number: String,
    pub first: String,
    pub last: String,
    pub email: Option<String>,
    pub position: Option<String>,
    pub location: Option<String>,
    /// A chapter name or "N/A".
    pub chapter: Option<String>,
    pub race: Option<Race>,
    pub hire_date: Option<NaiveDate>,
    pub position_start: Option<NaiveDate>,
    pub status: Option<EmploymentStatus>,
    pub in_evaluation: Option<bool>,
    pub retirement: Cell<NaiveDate>,
    /// The supervisor's employee id.
    pub supervisor: Cell<String>,
}

/// A cell that says nothing: empty, or the word "unknown".
fn silent(text: &str) -> bool {
    text.is_empty() || text.eq_ignore_ascii_case(UNKNOWN)
}

fn text(c: &Columns, cells: &[String], column: Column) -> Option<String> {
    c.get(cells, column).filter(|t| !silent(t)).map(str::to_string)
}

fn date(c: &Columns, cells: &[String], column: Column) -> Result<Option<NaiveDate>, String> {
    match c.get(cells, column) {
        None => Ok(None),
        Some(t) if silent(t) => Ok(None),
        // A retirement plan is personal: the message names the value, never quotes it.
        Some(t) if column == Column::Retirement => parse_date(t).map(Some).map_err(|_| {
            format!(
                "{}: {} is not a date; type YYYY-MM-DD or M/D/YYYY",
                column.name(),
                cite(Some(Sensitive::Retirement), t)
            )
        }),
        Some(t) => parse_date(t)
            .map(Some)
            .map_err(|e| format!("{}: {e}", column.name())),
    }
}

/// Yes/no as HR writes it.
fn yes_no(t: &str) -> Option<bool> {
    match t.to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" | "1" => Some(true),
        "n" | "no" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// Reads and checks one row. Errors name the column and why, never quote personal data beyond
/// the wrong value of a coded field (a status, a date).
pub fn parse_row(c: &Columns, cells: &[String]) -> Result<RosterRow, String> {
    let number = c.get(cells, Column::EmployeeId).unwrap_or("").to_string();
    if number.is_empty() {
        return Err(format!("{} is empty", Column::EmployeeId.name()));
    }
    if number.chars().count() > 20 || number.chars().any(char::is_whitespace) {
        return Err(format!(
            "{} \"{}\" is not an employee id (at most 20 characters, no spaces)",
            Column::EmployeeId.name(),
            truncate_for_message(&number)
        ));
    }
    let first = c.get(cells, Column::FirstName).unwrap_or("").to_string();
    if first.is_empty() {
        return Err(format!("{} is empty", Column::FirstName.name()));
    }
    let last = c.get(cells, Column::LastName).unwrap_or("").to_string();
    if last.is_empty() {
        return Err(format!("{} is empty", Column::LastName.name()));
    }
    let email = text(c, cells, Column::Email);
    if let Some(e) = &email
        && !is_plausible_email(e)
    {
        return Err(format!(
            "{} is not an email address (name@district.org)",
            Column::Email.name()
        ));
    }
    let race = match c.get(cells, Column::Race) {
        Some(t) if !t.is_empty() => Some(Race::from_text(t).ok_or_else(|| {
            format!(
                "{}: {} is not one of: {}",
                Column::Race.name(),
                cite(Some(Sensitive::Race), t),
                labels::<Race>()
            )
        })?),
        _ => None,
    }
    // "Unknown" from HR never erases a race someone reported.
    .filter(|r| *r != Race::Unknown);
    let status = match c.get(cells, Column::Status) {
        Some(t) if !silent(t) => Some(EmploymentStatus::parse(t).ok_or_else(|| {
            format!(
                "{} \"{}\" is not one of: {}",
                Column::Status.name(),
                truncate_for_message(t),
                labels::<EmploymentStatus>()
            )
        })?),
        _ => None,
    };
    let in_evaluation = match c.get(cells, Column::Par) {
        Some(t) if !silent(t) => Some(yes_no(t).ok_or_else(|| {
            format!(
                "{}: {} is not Y or N (Yes or No)",
                Column::Par.name(),
                cite(Some(Sensitive::Evaluation), t)
            )
        })?),
        _ => None,
    };
    let hire_date = date(c, cells, Column::HireDate)?;
    let position_start = date(c, cells, Column::PositionStart)?;
    if let (Some(h), Some(p)) = (hire_date, position_start)
        && p < h
    {
        return Err(format!(
            "{} {p} is before the {} {h}",
            Column::PositionStart.name(),
            Column::HireDate.name()
        ));
    }
    let retirement = match c.get(cells, Column::Retirement) {
        None => Cell::Keep,
        Some("") => Cell::Clear,
        Some(_) => match date(c, cells, Column::Retirement)? {
            Some(d) => Cell::Set(d),
            None => Cell::Keep,
        },
    };
    let supervisor = match c.get(cells, Column::SupervisorId) {
        None => Cell::Keep,
        Some("") => Cell::Clear,
        Some(s) if s.eq_ignore_ascii_case(UNKNOWN) => Cell::Keep,
        Some(s) => Cell::Set(s.to_string()),
    };
    let chapter = text(c, cells, Column::Chapter).map(|ch| {
        if same_name(&ch, NO_CHAPTER) {
            NO_CHAPTER.to_string()
        } else {
            ch
        }
    });
    Ok(RosterRow {
        number,
        first,
        last,
        email,
        position: text(c, cells, Column::Position),
        location: text(c, cells, Column::Location),
        chapter,
        race,
        hire_date,
        position_start,
        status,
        in_evaluation,
        retirement,
        supervisor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Columns {
        let h: Vec<String> = [
            "Employee ID",
            "First Name",
            "Last Name",
            "Email",
            "Status",
            "PAR",
            "Hire Date",
            "Position Start Date",
            "Retirement Date",
            "Supervisor ID",
            "Chapter",
            "Race",
        ]
        .map(String::from)
        .to_vec();
        Columns::find(&h, &[]).unwrap()
    }

    fn row(cells: [&str; 12]) -> Result<RosterRow, String> {
        parse_row(&columns(), &cells.map(String::from))
    }

    #[test]
    fn a_good_row_reads_every_fact() {
        let r = row([
            "012345",
            "Ana",
            "García",
            "ana@district.org",
            "Permanent",
            "n",
            "3/1/2015",
            "2019-03-01",
            "",
            "000001",
            "n/a",
            "Hispanic/Latino",
        ])
        .unwrap();
        assert_eq!(r.status, Some(EmploymentStatus::Permanent));
        assert_eq!(r.in_evaluation, Some(false));
        assert_eq!(r.hire_date, NaiveDate::from_ymd_opt(2015, 3, 1));
        assert_eq!(r.retirement, Cell::Clear);
        assert_eq!(r.supervisor, Cell::Set("000001".into()));
        assert_eq!(r.chapter.as_deref(), Some(NO_CHAPTER));
        assert_eq!(r.race, Some(Race::Hispanic));
    }

    #[test]
    fn empty_and_unknown_cells_leave_facts_alone() {
        let r = row([
            "1", "A", "B", "", "unknown", "", "", "", "", "", "Unknown", "Unknown",
        ])
        .unwrap();
        assert_eq!(
            (r.status, r.in_evaluation, r.chapter, r.race),
            (None, None, None, None)
        );
        assert_eq!(r.email, None);
    }

    #[test]
    fn each_bad_fact_is_named() {
        let cases = [
            (
                ["", "A", "B", "", "", "", "", "", "", "", "", ""],
                "Employee ID is empty",
            ),
            (
                ["1", "", "B", "", "", "", "", "", "", "", "", ""],
                "First Name is empty",
            ),
            (
                ["1", "A", "B", "x@", "", "", "", "", "", "", "", ""],
                "Email is not an email address",
            ),
            (
                ["1", "A", "B", "", "Contractor", "", "", "", "", "", "", ""],
                "Status \"Contractor\" is not one of: permanent",
            ),
            (
                ["1", "A", "B", "", "", "maybe", "", "", "", "", "", ""],
                "PAR: the evaluation status given is not Y or N",
            ),
            (
                ["1", "A", "B", "", "", "", "13/45/2020", "", "", "", "", ""],
                "Hire Date: \"13/45/2020\" is not a date",
            ),
            (
                [
                    "1",
                    "A",
                    "B",
                    "",
                    "",
                    "",
                    "2015-03-01",
                    "2010-01-01",
                    "",
                    "",
                    "",
                    "",
                ],
                "Position Start Date 2010-01-01 is before the Hire Date 2015-03-01",
            ),
            (
                ["1", "A", "B", "", "", "", "", "", "soon", "", "", ""],
                "Retirement Date: the retirement date given is not a date",
            ),
            (
                ["1", "A", "B", "", "", "", "", "", "", "", "", "Martian"],
                "Race: the race given is not one of",
            ),
            (
                ["1 2", "A", "B", "", "", "", "", "", "", "", "", ""],
                "is not an employee id",
            ),
        ];
        for (cells, says) in cases {
            let e = row(cells).unwrap_err();
            assert!(e.starts_with(says) || e.contains(says), "{cells:?}: {e}");
        }
    }
}
