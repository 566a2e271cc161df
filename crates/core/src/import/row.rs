//! One sheet row as a kind reads it: cells by column name, each value checked with the column
//! named in the error. The cells are stored text already: [`stored_text`] puts every row
//! through [`super::sheet::read_row`] first (the one rule for text coming in).

use super::csv_file::header_key;
use super::engine::{Column, ID};
use super::labels;
use super::reader::SheetRow;
use crate::domain::{Choice, Id, parse_date, parse_optional_date, parse_time, truncate_for_message};
use crate::text::Field;
use chrono::{NaiveDate, NaiveTime};
use std::collections::{HashMap, HashSet};

/// Where each column a kind reads is in the file (by header name, any order and case).
#[derive(Debug, Default)]
pub struct Columns(HashMap<&'static str, usize>);

impl Columns {
    /// Headers are matched as written first (any case), then loosely (`_`, `-`, spaces and
    /// accents ignored), so `employee_id` (our internal id) and a sheet's `Employee ID` (the
    /// district's number, an alias of `employee_number`) are never taken for each other.
    pub fn find(headers: &[String], columns: &[Column]) -> Columns {
        let id = super::engine::optional(ID);
        let all: Vec<&Column> = columns.iter().chain(std::iter::once(&id)).collect();
        let mut found: HashMap<&'static str, usize> = HashMap::new();
        let mut taken = vec![false; headers.len()];
        let exact = |h: &str, name: &str| h.trim_start_matches('\u{feff}').trim().eq_ignore_ascii_case(name);
        let loose = |h: &str, name: &str| header_key(h) == header_key(name);
        for matches in [&exact as &dyn Fn(&str, &str) -> bool, &loose] {
            for (i, h) in headers.iter().enumerate() {
                if taken[i] {
                    continue;
                }
                let wanted = all.iter().find(|c| {
                    !found.contains_key(c.name)
                        && (matches(h, c.name) || c.aliases.iter().any(|a| matches(h, a)))
                });
                if let Some(c) = wanted {
                    found.insert(c.name, i);
                    taken[i] = true;
                }
            }
        }
        Columns(found)
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// The names [`super::sheet::read_row`] gives the columns of `names` (their headers).
    pub fn headers_of(&self, headers: &[String], names: &[&str]) -> HashSet<String> {
        names
            .iter()
            .filter_map(|n| self.0.get(n))
            .map(|&i| super::sheet::column_name(headers, i))
            .collect()
    }
}

/// A row's cells as stored text: the formula guard undone, control, bidi and zero-width
/// characters taken out (tabs and line breaks kept in `notes`, the header names of the note
/// columns). Returns the row and the note naming what was cleaned, or why the row is refused.
pub fn stored_text(
    headers: &[String],
    row: &SheetRow,
    notes: &HashSet<String>,
) -> Result<(SheetRow, Option<String>), String> {
    let mut cells = row.cells.clone();
    let cleaned = super::sheet::read_row(headers, &mut cells, |name| {
        if notes.contains(name) {
            Field::Note
        } else {
            Field::Line
        }
    })?;
    let note = (!cleaned.is_empty()).then(|| {
        super::sheet::Cleaned {
            line: row.line,
            columns: cleaned,
        }
        .to_string()
    });
    Ok((
        SheetRow {
            line: row.line,
            cells,
        },
        note,
    ))
}

pub struct Row<'a> {
    row: &'a SheetRow,
    columns: &'a Columns,
}

impl<'a> Row<'a> {
    /// `row` holds stored text (see [`stored_text`]).
    pub fn new(row: &'a SheetRow, columns: &'a Columns) -> Self {
        Row { row, columns }
    }

    pub fn line(&self) -> u64 {
        self.row.line
    }

    /// The column is in the file.
    pub fn has_column(&self, name: &str) -> bool {
        self.columns.has(name)
    }

    /// The cell, trimmed; empty when the column is not in the file.
    pub fn cell(&self, name: &str) -> &'a str {
        self.columns
            .0
            .get(name)
            .and_then(|&i| self.row.cells.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    pub fn is_empty(&self, name: &str) -> bool {
        self.cell(name).is_empty()
    }

    /// One line of text (a name, a title), trimmed.
    pub fn text(&self, name: &str) -> String {
        self.cell(name).to_string()
    }

    /// Text that must be there.
    pub fn required_text(&self, name: &str) -> Result<String, String> {
        let t = self.text(name);
        if t.is_empty() {
            Err(format!("{name} is empty"))
        } else {
            Ok(t)
        }
    }

    /// A note as written: line breaks, tabs and spaces kept (a kind lists it in `NOTES`).
    pub fn note(&self, name: &str) -> String {
        self.columns
            .0
            .get(name)
            .and_then(|&i| self.row.cells.get(i))
            .cloned()
            .unwrap_or_default()
    }

    pub fn date(&self, name: &str) -> Result<NaiveDate, String> {
        parse_date(self.cell(name)).map_err(|e| format!("{name}: {e}"))
    }

    pub fn opt_date(&self, name: &str) -> Result<Option<NaiveDate>, String> {
        parse_optional_date(self.cell(name)).map_err(|e| format!("{name}: {e}"))
    }

    pub fn opt_time(&self, name: &str) -> Result<Option<NaiveTime>, String> {
        match self.cell(name) {
            "" => Ok(None),
            t => parse_time(t).map(Some).map_err(|e| format!("{name}: {e}")),
        }
    }

    pub fn time(&self, name: &str) -> Result<NaiveTime, String> {
        parse_time(self.cell(name)).map_err(|e| format!("{name}: {e}"))
    }

    /// A whole number (no sign, no exponent, no decimals).
    pub fn number<T: std::str::FromStr>(&self, name: &str) -> Result<T, String> {
        let t = self.cell(name);
        if t.is_empty() {
            return Err(format!("{name} is empty"));
        }
        if !t.chars().all(|c| c.is_ascii_digit()) {
            return Err(format!(
                "{name}: \"{}\" is not a whole number",
                truncate_for_message(t)
            ));
        }
        t.parse().map_err(|_| format!("{name}: {t} is too large"))
    }

    pub fn opt_number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, String> {
        if self.is_empty(name) {
            Ok(None)
        } else {
            self.number(name).map(Some)
        }
    }

    /// A decimal such as hours: `1.5`, `2`; not negative.
    pub fn decimal(&self, name: &str) -> Result<f32, String> {
        let t = self.cell(name);
        let ok = !t.is_empty()
            && t.chars().all(|c| c.is_ascii_digit() || c == '.')
            && t.chars().filter(|c| *c == '.').count() <= 1;
        match t.parse::<f32>() {
            Ok(v) if ok && v.is_finite() => Ok(v),
            _ if t.is_empty() => Err(format!("{name} is empty")),
            _ => Err(format!("{name}: \"{}\" is not a number", truncate_for_message(t))),
        }
    }

    /// An id column: empty is `None`.
    pub fn id(&self, name: &str) -> Result<Option<Id>, String> {
        self.opt_number(name)
    }

    /// A list of ids: `3; 7; 12` (or commas).
    pub fn ids(&self, name: &str) -> Result<Vec<Id>, String> {
        self.cell(name)
            .split([';', ','])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<Id>()
                    .map_err(|_| format!("{name}: \"{}\" is not a record id", truncate_for_message(p)))
            })
            .collect()
    }

    /// A list of texts separated by `;`, each cleaned.
    pub fn list(&self, name: &str) -> Vec<String> {
        self.text(name)
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// One of a closed list of choices, in any case.
    pub fn choice<T: Choice>(&self, name: &str) -> Result<T, String> {
        let t = self.cell(name);
        if t.is_empty() {
            return Err(format!("{name} is empty; one of: {}", labels::<T>()));
        }
        T::parse(t).ok_or_else(|| {
            format!(
                "{name}: \"{}\" is not one of: {}",
                truncate_for_message(t),
                labels::<T>()
            )
        })
    }

    pub fn opt_choice<T: Choice>(&self, name: &str) -> Result<Option<T>, String> {
        if self.is_empty(name) {
            Ok(None)
        } else {
            self.choice(name).map(Some)
        }
    }

    /// yes / no (also y / n, true / false, 1 / 0, x for yes).
    pub fn yes_no(&self, name: &str) -> Result<bool, String> {
        match self.cell(name).to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" | "1" | "x" => Ok(true),
            "no" | "n" | "false" | "0" => Ok(false),
            "" => Err(format!("{name} is empty; yes or no")),
            other => Err(format!(
                "{name}: \"{}\" is not yes or no",
                truncate_for_message(other)
            )),
        }
    }

    /// yes / no, empty meaning no.
    pub fn flag(&self, name: &str) -> Result<bool, String> {
        if self.is_empty(name) {
            Ok(false)
        } else {
            self.yes_no(name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::LocationKind;
    use crate::import::engine::{optional, required};

    fn row(headers: &[&str], cells: &[&str], f: impl FnOnce(&Row)) {
        let headers: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
        let columns = Columns::find(
            &headers,
            &[
                required("name"),
                optional("kind").or(&["type"]),
                optional("count"),
                optional("when"),
            ],
        );
        let sheet_row = SheetRow {
            line: 7,
            cells: cells.iter().map(|s| s.to_string()).collect(),
        };
        f(&Row::new(&sheet_row, &columns));
    }

    #[test]
    fn cells_by_header_in_any_case_with_aliases() {
        row(&["TYPE", " Name ", "ID"], &["Depot", " North ", "12"], |r| {
            assert_eq!(r.choice::<LocationKind>("kind"), Ok(LocationKind::Depot));
            assert_eq!(r.text("name"), "North");
            assert_eq!(r.id("id"), Ok(Some(12)));
            assert!(!r.has_column("count"));
        });
    }

    #[test]
    fn cells_become_stored_text_by_the_one_rule() {
        let headers: Vec<String> = ["Name", "Note"].map(String::from).to_vec();
        let columns = Columns::find(&headers, &[required("name"), optional("note")]);
        let notes = columns.headers_of(&headers, &["note"]);
        let sheet_row = SheetRow {
            line: 7,
            cells: vec!["North\u{1b}[2J".into(), "'=1+1\r\n\tsecond".into()],
        };
        let (clean, note) = stored_text(&headers, &sheet_row, &notes).unwrap();
        assert_eq!(clean.cells, ["North[2J", "=1+1\n\tsecond"]);
        assert_eq!(
            note.as_deref(),
            Some("line 7: Name: removed control or invisible characters (the rest was kept)")
        );
        let nul = SheetRow {
            line: 8,
            cells: vec!["a\0b".into(), String::new()],
        };
        assert!(stored_text(&headers, &nul, &notes).unwrap_err().contains("NUL"));
    }

    #[test]
    fn a_sheets_employee_id_is_the_number_not_our_internal_id() {
        let headers: Vec<String> = ["Employee ID", "employee_id"].map(String::from).to_vec();
        let columns = Columns::find(
            &headers,
            &[
                optional("employee_id"),
                optional("employee_number").or(&["Employee ID"]),
            ],
        );
        assert_eq!(columns.0["employee_number"], 0);
        assert_eq!(columns.0["employee_id"], 1);
        let headers: Vec<String> = ["Employee ID"].map(String::from).to_vec();
        let columns = Columns::find(
            &headers,
            &[
                optional("employee_id"),
                optional("employee_number").or(&["Employee ID"]),
            ],
        );
        assert!(!columns.has("employee_id"));
        let headers: Vec<String> = ["EMPLOYEE-NUMBER"].map(String::from).to_vec();
        assert!(Columns::find(&headers, &[optional("employee_number")]).has("employee_number"));
    }

    #[test]
    fn values_are_checked_with_the_column_named() {
        row(
            &["name", "count", "when", "kind"],
            &["x", "-5", "13/45/2024", "castle"],
            |r| {
                assert_eq!(
                    r.number::<u32>("count").unwrap_err(),
                    "count: \"-5\" is not a whole number"
                );
                assert!(
                    r.date("when")
                        .unwrap_err()
                        .starts_with("when: \"13/45/2024\" is not a date")
                );
                assert!(
                    r.choice::<LocationKind>("kind")
                        .unwrap_err()
                        .contains("not one of: elementary school")
                );
            },
        );
        row(&["name", "count"], &["x", "1e3"], |r| {
            assert!(r.number::<u32>("count").is_err());
            assert!(r.decimal("count").is_err());
        });
        row(&["name", "count"], &["x", "1.5"], |r| {
            assert_eq!(r.decimal("count"), Ok(1.5))
        });
    }
}
