//! The roster's columns: found by header name in any order and case, under the names HR systems
//! use, the names `export employees` writes, or a name given with `--map`.

use crate::import::csv_file::header_key;

/// A fact the roster can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    EmployeeId,
    FirstName,
    LastName,
    Email,
    Position,
    Location,
    Chapter,
    Race,
    HireDate,
    PositionStart,
    Status,
    Par,
    Retirement,
    SupervisorId,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::EmployeeId,
        Column::FirstName,
        Column::LastName,
        Column::Email,
        Column::Position,
        Column::Location,
        Column::Chapter,
        Column::Race,
        Column::HireDate,
        Column::PositionStart,
        Column::Status,
        Column::Par,
        Column::Retirement,
        Column::SupervisorId,
    ];

    /// The name messages use (the HR export's usual header).
    pub fn name(self) -> &'static str {
        match self {
            Column::EmployeeId => "Employee ID",
            Column::FirstName => "First Name",
            Column::LastName => "Last Name",
            Column::Email => "Email",
            Column::Position => "Position",
            Column::Location => "Location",
            Column::Chapter => "Chapter",
            Column::Race => "Race",
            Column::HireDate => "Hire Date",
            Column::PositionStart => "Position Start Date",
            Column::Status => "Status",
            Column::Par => "PAR",
            Column::Retirement => "Retirement Date",
            Column::SupervisorId => "Supervisor ID",
        }
    }

    /// Every header this column is found under (compared by letters and digits, any case),
    /// best first: when a file has two of them, the earlier one is read.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Column::EmployeeId => &["employeeid", "employeenumber", "employeeno", "empid"],
            Column::FirstName => &["firstname", "first", "givenname"],
            Column::LastName => &["lastname", "last", "surname", "familyname"],
            Column::Email => &["workemail", "email", "emailaddress"],
            Column::Position => &["position", "jobtitle", "businesstitle", "positiontitle"],
            Column::Location => &["worklocation", "location"],
            Column::Chapter => &["unionchapter", "chapter"],
            Column::Race => &["raceethnicity", "race", "ethnicity"],
            Column::HireDate => &["originalhiredate", "hiredate"],
            Column::PositionStart => &["positionstartdate", "positionstart"],
            Column::Status => &["employmentstatus", "status"],
            Column::Par => &["parorspecialevaluation", "inparorevaluation", "par"],
            Column::Retirement => &["anticipatedretirementdate", "retirementdate"],
            // `export employees` writes `supervisor_id` as the record's own number and the
            // supervisor's employee id beside it: the employee id is read first.
            Column::SupervisorId => &["supervisoremployeeid", "supervisoremployeenumber", "supervisorid"],
        }
    }

    /// The column a `--map` name means: its name or any synonym.
    pub fn named(text: &str) -> Option<Column> {
        let key = header_key(text);
        Column::ALL
            .into_iter()
            .find(|c| header_key(c.name()) == key || c.synonyms().contains(&key.as_str()))
    }
}

/// Where each column is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    at: Vec<(Column, usize)>,
}

impl Columns {
    /// Finds the columns in `header`; `maps` are `(column, file header)` pairs from `--map`,
    /// which win over the usual names. Refuses a file without employee id and names.
    pub fn find(header: &[String], maps: &[(Column, String)]) -> Result<Columns, String> {
        let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
        let mut at = Vec::new();
        for (column, name) in maps {
            let key = header_key(name);
            let i = keys.iter().position(|k| *k == key).ok_or_else(|| {
                format!(
                    "--map {}={name}: the file has no column \"{name}\"",
                    column.name()
                )
            })?;
            at.push((*column, i));
        }
        for column in Column::ALL {
            if at.iter().any(|(c, _)| *c == column) {
                continue;
            }
            let found = column
                .synonyms()
                .iter()
                .find_map(|s| keys.iter().position(|k| k == s));
            if let Some(i) = found {
                at.push((column, i));
            }
        }
        let missing: Vec<&str> = [Column::EmployeeId, Column::FirstName, Column::LastName]
            .into_iter()
            .filter(|c| !at.iter().any(|(x, _)| x == c))
            .map(Column::name)
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "not an employee roster: missing column(s) {} (name another column with --map \"{}=Your Header\")",
                missing.join(", "),
                missing[0]
            ));
        }
        Ok(Columns { at })
    }

    pub fn has(&self, column: Column) -> bool {
        self.at.iter().any(|(c, _)| *c == column)
    }

    /// The cell of `column` in `cells`, or None when the file has no such column.
    pub fn get<'a>(&self, cells: &'a [String], column: Column) -> Option<&'a str> {
        self.at
            .iter()
            .find(|(c, _)| *c == column)
            .map(|&(_, i)| cells.get(i).map_or("", String::as_str))
    }
}

/// Parses `--map "Hire Date=Service Date"` values into (column, file header).
pub fn parse_maps(maps: &[String]) -> Result<Vec<(Column, String)>, String> {
    crate::import::csv_file::parse_map(
        maps,
        Column::named,
        "roster column",
        &Column::ALL.map(Column::name).join(", "),
        "Hire Date=Service Date",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn hr_names_in_any_order_and_case() {
        let h = header(&[
            "JOB TITLE",
            "employee number",
            "Last Name",
            "first name",
            "Race/Ethnicity",
            "PAR or Special Evaluation",
            "Supervisor Employee ID",
        ]);
        let c = Columns::find(&h, &[]).unwrap();
        let cells = header(&["Secretary", "012345", "Lee", "Bo", "Asian", "N", "000001"]);
        assert_eq!(c.get(&cells, Column::EmployeeId), Some("012345"));
        assert_eq!(c.get(&cells, Column::Position), Some("Secretary"));
        assert_eq!(c.get(&cells, Column::Par), Some("N"));
        assert_eq!(c.get(&cells, Column::HireDate), None);
    }

    #[test]
    fn the_export_header_reads_back_with_the_supervisor_employee_id() {
        let h = header(&[
            "id",
            "employee_number",
            "first_name",
            "last_name",
            "email",
            "position",
            "location_id",
            "location",
            "chapter",
            "race",
            "hire_date",
            "position_start",
            "status",
            "in_par_or_evaluation",
            "retirement_date",
            "supervisor_id",
            "supervisor_employee_number",
        ]);
        let c = Columns::find(&h, &[]).unwrap();
        for column in Column::ALL {
            assert!(c.has(column), "{column:?}");
        }
        let cells: Vec<String> = (0..17).map(|i| i.to_string()).collect();
        assert_eq!(c.get(&cells, Column::EmployeeId), Some("1"));
        assert_eq!(c.get(&cells, Column::Location), Some("7"));
        assert_eq!(c.get(&cells, Column::SupervisorId), Some("16"));
    }

    #[test]
    fn map_names_any_other_column() {
        let h = header(&[
            "Employee ID",
            "First Name",
            "Last Name",
            "Service Date",
            "Hire Date",
        ]);
        let maps = parse_maps(&["hire date=SERVICE DATE".into()]).unwrap();
        let c = Columns::find(&h, &maps).unwrap();
        let cells = header(&["1", "A", "B", "2001-01-01", "1999-01-01"]);
        assert_eq!(c.get(&cells, Column::HireDate), Some("2001-01-01"));
        assert!(
            Columns::find(&h, &parse_maps(&["Hire Date=Start".into()]).unwrap())
                .unwrap_err()
                .contains("no column \"Start\"")
        );
        assert!(
            parse_maps(&["Shoe Size=X".into()])
                .unwrap_err()
                .contains("not a roster column")
        );
        assert!(parse_maps(&["Hire Date".into()]).is_err());
        let err = Columns::find(&header(&["Name"]), &[]).unwrap_err();
        assert!(
            err.contains("missing column(s) Employee ID, First Name, Last Name"),
            "{err}"
        );
    }
}
