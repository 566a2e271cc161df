//! Spreadsheet cells as stored text, the same for every import: the export's formula guard is
//! undone ([`text::from_sheet`]), then what must never be stored ([`text::clean`]: control, bidi
//! and zero-width characters) is taken out.
//!
//! Cleaned, not refused: such characters come from copying out of other programs, and the rest
//! of the row is good; the summary names the line and the column, so the team can look. One
//! exception is refused: a NUL byte, which no typed text holds (a UTF-16 file read as bytes has
//! one in every other byte, and cleaning would store garbage that looks like data).

use crate::text::{self, Field};

/// A row some of whose cells were cleaned: the file line and the columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub line: u64,
    pub columns: Vec<String>,
}

impl std::fmt::Display for Cleaned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}: {}: removed control or invisible characters (the rest was kept)",
            self.line,
            self.columns.join(", ")
        )
    }
}

/// A column's name for messages: its header, or its number when the header is blank.
pub fn column_name(header: &[String], i: usize) -> String {
    header
        .get(i)
        .map(|h| h.trim_start_matches('\u{feff}').trim())
        .filter(|h| !h.is_empty())
        .map(|h| text::inert(h).into_owned())
        .unwrap_or_else(|| format!("column {}", i + 1))
}

/// Turns one row's cells into stored text in place. `field` says which columns hold notes (tabs
/// and line breaks kept) rather than one line. Returns the names of the columns that were
/// cleaned, or why the row is refused.
pub fn read_row(
    header: &[String],
    row: &mut [String],
    field: impl Fn(&str) -> Field,
) -> Result<Vec<String>, String> {
    let mut cleaned = Vec::new();
    for (i, cell) in row.iter_mut().enumerate() {
        let name = column_name(header, i);
        if cell.contains('\0') {
            return Err(format!(
                "{name}: holds a NUL byte, which no text has; if the file is UTF-16, save it as \
                 CSV UTF-8"
            ));
        }
        let kind = field(&name);
        if kind == Field::Note && cell.contains("\r\n") {
            // Windows line ends inside a note are how the file was saved, not something to report.
            *cell = cell.replace("\r\n", "\n");
        }
        let value = text::from_sheet(cell);
        if text::needs_cleaning(value, kind) {
            *cell = text::clean(value, kind).into_owned();
            cleaned.push(name);
        } else if value.len() != cell.len() {
            *cell = value.to_string();
        }
    }
    Ok(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Vec<String> {
        ["First Name", "Notes", ""].map(String::from).to_vec()
    }

    fn notes(name: &str) -> Field {
        if name == "Notes" { Field::Note } else { Field::Line }
    }

    #[test]
    fn cells_are_cleaned_and_the_columns_named() {
        let mut row = [
            "T\u{1b}]0;x\u{7}".to_string(),
            "a\r\n\tb\u{202e}".into(),
            "'=1+1".into(),
        ];
        let cleaned = read_row(&header(), &mut row, notes).unwrap();
        assert_eq!(cleaned, ["First Name", "Notes"]);
        assert_eq!(row, ["T]0;x", "a\n\tb", "=1+1"]);
        let mut windows = ["Ana".to_string(), "two\r\nlines".into(), "".into()];
        assert!(read_row(&header(), &mut windows, notes).unwrap().is_empty());
        assert_eq!(windows[1], "two\nlines");
        let c = Cleaned {
            line: 4,
            columns: cleaned,
        };
        assert_eq!(
            c.to_string(),
            "line 4: First Name, Notes: removed control or invisible characters (the rest was kept)"
        );
    }

    #[test]
    fn a_nul_byte_refuses_the_row_naming_the_column() {
        let mut row = ["Ana".to_string(), "".into(), "x\0y".into()];
        let why = read_row(&header(), &mut row, notes).unwrap_err();
        assert!(why.starts_with("column 3: holds a NUL byte"), "{why}");
    }
}
