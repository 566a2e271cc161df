//! A sheet read whole for the importers that update records in place (the HR roster, reference
//! populations): [`super::sheet`] reads the file, rows and cells (bounded, lines numbered, cells
//! cleaned by the one rule); here every row is collected with its cells trimmed, and a row whose
//! cells were cleaned carries the note the summary prints.

use super::Rejection;
use super::sheet::{Cleaned, Item, Sheet, read_row};
use crate::text::{Field, clean};

/// A header as every import compares it: accents folded, letters and digits only, lower case,
/// so "Employee ID", "employee_id", "EMPLOYEE-ID" and "Employee #" are one name, "Título" is
/// "titulo". (A header the formula guard quoted is read as written.)
pub fn header_key(header: &str) -> String {
    crate::text::fold(crate::text::from_sheet(
        header.trim_start_matches('\u{feff}').trim(),
    ))
    .chars()
    .filter(char::is_ascii_alphanumeric)
    .collect()
}

/// What `--map` says to a column: read it from the file's `header`, whatever the import's own
/// names. Every import with `--map` parses it here: `specs` are `COLUMN=HEADER`; `named` finds the
/// column a name means (its name or a synonym, in any case); `what` and `known` word the refusal
/// ("roster column", "Employee ID, First Name, ...").
pub fn parse_map<C>(
    specs: &[String],
    named: impl Fn(&str) -> Option<C>,
    what: &str,
    known: &str,
    example: &str,
) -> Result<Vec<(C, String)>, String> {
    let cite = |text: &str| crate::privacy::cite(None, text);
    specs
        .iter()
        .map(|spec| {
            let (column, header) = spec.split_once('=').ok_or_else(|| {
                format!(
                    "--map {}: write it as COLUMN=HEADER, e.g. --map \"{example}\"",
                    cite(spec)
                )
            })?;
            let column = named(column.trim()).ok_or_else(|| {
                format!(
                    "--map {}: {} is not a {what}; one of: {known}",
                    cite(spec),
                    cite(column.trim())
                )
            })?;
            if header.trim().is_empty() {
                return Err(format!(
                    "--map {}: name the file's header after the =",
                    cite(spec)
                ));
            }
            Ok((column, header.trim().to_string()))
        })
        .collect()
}

/// One data row: the line it starts on, its cells (cleaned, trimmed) and the columns cleaning
/// changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
    pub cleaned: Vec<String>,
}

impl Row {
    /// The note an import prints for a row it cleaned, naming the line and columns.
    pub fn cleaned_note(&self) -> Option<String> {
        (!self.cleaned.is_empty()).then(|| {
            Cleaned {
                line: self.line,
                columns: self.cleaned.clone(),
            }
            .to_string()
        })
    }
}

/// The header (cleaned, trimmed) and every row, or a row's rejection.
pub struct Rows {
    pub header: Vec<String>,
    pub rows: Vec<Result<Row, Rejection>>,
}

/// Reads every row of `bytes`. A file the reader cannot get past is an error for the whole file.
pub fn read(bytes: &[u8]) -> Result<Rows, String> {
    let sheet = Sheet::new(bytes)?;
    let raw_header = sheet.header.clone();
    let header = raw_header
        .iter()
        .map(|h| clean(h, Field::Line).trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for item in sheet {
        match item {
            Item::Row(mut row) => match read_row(&raw_header, &mut row.fields, |_| Field::Line) {
                Ok(cleaned) => {
                    for cell in &mut row.fields {
                        let trimmed = cell.trim();
                        if trimmed.len() != cell.len() {
                            *cell = trimmed.to_string();
                        }
                    }
                    rows.push(Ok(Row {
                        line: row.line,
                        cells: row.fields,
                        cleaned,
                    }));
                }
                Err(reason) => rows.push(Err(Rejection {
                    line: row.line,
                    reason,
                })),
            },
            Item::Rejected(rejection) => rows.push(Err(rejection)),
            Item::Unreadable(reason) => return Err(reason),
        }
    }
    Ok(Rows { header, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_carry_their_file_lines_and_clean_trimmed_cells() {
        let sheet = read(b"\xEF\xBB\xBFa,b\r\n1,\" x \"\r\n\r\n, \r\n'=2,T\x1b]0;x\x07\r\n").unwrap();
        assert_eq!(sheet.header, vec!["a", "b"]);
        let rows: Vec<Row> = sheet.rows.into_iter().map(Result::unwrap).collect();
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].cells, vec!["1", "x"]);
        assert_eq!(rows[1].line, 5);
        assert_eq!(rows[1].cells, vec!["=2", "T]0;x"]);
        assert_eq!(
            rows[1].cleaned_note().unwrap(),
            "line 5: b: removed control or invisible characters (the rest was kept)"
        );
        let nul = read(b"a\nx\0y\n").unwrap().rows.remove(0).unwrap_err();
        assert!(nul.reason.starts_with("a: holds a NUL byte"), "{}", nul.reason);
        assert!(read(b"").is_err());
    }

    #[test]
    fn headers_compare_loosely() {
        assert_eq!(header_key(" Employee_Number "), "employeenumber");
        assert_eq!(header_key("course-number"), "coursenumber");
        assert_eq!(header_key("\u{feff}Título"), "titulo");
        assert_eq!(header_key("Employee #"), "employee");
    }
}
