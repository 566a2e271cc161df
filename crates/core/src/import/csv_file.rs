//! Reading a spreadsheet export the way every import does: bounded in size, header row first,
//! each row with the file line it starts on, blank rows skipped, every cell cleaned of what must
//! never be stored (and of the formula guard the program's own exports add).

use super::Rejection;
use crate::text::{Field, clean};

use std::io::Read;
use std::path::Path;

/// A field longer than this is not a note someone typed: the row is refused, not stored.
pub const MAX_FIELD_BYTES: usize = 10_000;

/// Reads at most `max` bytes of `path`; a longer file (or an endless one such as a device) is
/// refused before anything is parsed. Errors are reasons, without the path.
pub fn read_bounded(path: &Path, max: u64, what: &str) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read it: {e}"))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err("is a folder; give the path of a CSV file".into());
    }
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!(
            "is larger than {} MB; {what} is far smaller, so nothing was imported",
            max / 1_000_000
        ));
    }
    Ok(bytes)
}

/// A header as the imports compare it: letters and digits only, lower case, so "Employee ID",
/// "employee_id" and "EMPLOYEE-ID" are one name.
pub fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(char::to_lowercase)
        .collect()
}

/// One data row: the line it starts on and its cells, cleaned (one-line cells), with the names
/// of the columns whose control or invisible characters were taken out.
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
            super::sheet::Cleaned {
                line: self.line,
                columns: self.cleaned.clone(),
            }
            .to_string()
        })
    }
}

/// A whole sheet: the header and every row, or a row's rejection (not UTF-8, an overlong cell).
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Result<Row, Rejection>>,
}

/// Splits `bytes` into the header and rows. A broken quote makes the rest of the file
/// untrustworthy: that is an error for the whole file, naming its line.
pub fn read(bytes: &[u8]) -> Result<Sheet, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut lines = LineCounter::new(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => return Err("the file is empty (no header row)".into()),
        Some(Err(e)) => return Err(format!("cannot read the header row: {e}")),
        Some(Ok(h)) => h,
    };
    let header: Vec<String> = header
        .iter()
        .map(|f| clean(&String::from_utf8_lossy(f), Field::Line).trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| lines.line_of(p.byte())).unwrap_or(0);
                return Err(format!("line {line}: cannot read the file: {e}"));
            }
        };
        let line = record.position().map(|p| lines.line_of(p.byte())).unwrap_or(0);
        let texts: Option<Vec<&str>> = record.iter().map(|f| std::str::from_utf8(f).ok()).collect();
        let Some(texts) = texts else {
            rows.push(Err(Rejection {
                line,
                reason: "not UTF-8 text; save the file as CSV UTF-8".into(),
            }));
            continue;
        };
        if texts.iter().all(|f| f.trim().is_empty()) {
            continue; // spreadsheets end with blank rows
        }
        if let Some(i) = texts.iter().position(|f| f.len() > MAX_FIELD_BYTES) {
            let name = header.get(i).filter(|h| !h.is_empty());
            rows.push(Err(Rejection {
                line,
                reason: format!(
                    "{} is {} characters long; at most {MAX_FIELD_BYTES} are kept",
                    name.map_or(format!("column {}", i + 1), |h| format!("{h:?}")),
                    texts[i].chars().count()
                ),
            }));
            continue;
        }
        // One rule for text entering the database: the export's formula guard undone, control
        // and invisible characters taken out (noted), a NUL refusing the row.
        let mut cells: Vec<String> = texts.iter().map(|f| f.to_string()).collect();
        let cleaned = match super::sheet::read_row(&header, &mut cells, |_| Field::Line) {
            Ok(cleaned) => cleaned,
            Err(reason) => {
                rows.push(Err(Rejection { line, reason }));
                continue;
            }
        };
        for cell in &mut cells {
            let trimmed = cell.trim();
            if trimmed.len() != cell.len() {
                *cell = trimmed.to_string();
            }
        }
        rows.push(Ok(Row { line, cells, cleaned }));
    }
    Ok(Sheet { header, rows })
}

/// The file line a byte offset is on, counted once through the file as the rows go by (the rows
/// come in order), so memory stays flat however many lines the file has.
pub struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    newlines: u64,
}

impl<'a> LineCounter<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            counted_to: 0,
            newlines: 0,
        }
    }

    pub fn line_of(&mut self, byte: u64) -> u64 {
        let mut at = (byte as usize).min(self.bytes.len());
        // With CRLF a record's position can be the "\n" that ends the line before it.
        while matches!(self.bytes.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        if at < self.counted_to {
            self.counted_to = 0;
            self.newlines = 0;
        }
        self.newlines += self.bytes[self.counted_to..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        self.counted_to = at;
        1 + self.newlines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_compare_by_letters_and_digits() {
        assert_eq!(header_key(" Employee ID "), "employeeid");
        assert_eq!(header_key("employee_id"), "employeeid");
        assert_eq!(header_key("Race/Ethnicity"), "raceethnicity");
    }

    #[test]
    fn rows_carry_their_file_lines_and_clean_cells() {
        let sheet = read(b"\xEF\xBB\xBFa,b\r\n1,\"x\ny\"\r\n\r\n, \r\n'=2,T\x1b]0;x\x07\r\n").unwrap();
        assert_eq!(sheet.header, vec!["a", "b"]);
        let rows: Vec<Row> = sheet.rows.into_iter().map(Result::unwrap).collect();
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].cells, vec!["1", "x y"]);
        assert_eq!(rows[1].line, 6);
        assert_eq!(rows[1].cells, vec!["=2", "T]0;x"]);
        assert_eq!(
            rows[1].cleaned_note().unwrap(),
            "line 6: b: removed control or invisible characters (the rest was kept)"
        );
        let nul = read(b"a\nx\0y\n").unwrap().rows.remove(0).unwrap_err();
        assert!(nul.reason.starts_with("a: holds a NUL byte"), "{}", nul.reason);
        assert!(read(b"").is_err());
    }
}
