//! A sheet read whole for the importers that update records in place (the HR roster, reference
//! populations): [`super::sheet`] reads the file, rows and cells (bounded, lines numbered, cells
//! cleaned by the one rule); here every row is collected with its cells trimmed, and a row whose
//! cells were cleaned carries the note the summary prints.

use super::Rejection;
use super::sheet::{Cleaned, Item, Sheet, read_row};
use crate::text::{Field, clean};

/// A header as the imports compare it: letters and digits only, lower case, so "Employee ID",
/// "employee_id" and "EMPLOYEE-ID" are one name.
pub fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(char::to_lowercase)
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
}
