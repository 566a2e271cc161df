//! A spreadsheet's CSV export as rows: the file read with a bound, UTF-8 with or without a BOM,
//! CRLF or LF, quoted fields; each row with the file line it starts on. Rows that cannot be
//! text (not UTF-8, a field too long to be typed) come back as rejections; blank rows are
//! skipped. Cells come back as the file holds them: the engine turns them into stored text
//! through [`super::sheet::read_row`], the rule every importer follows.

use super::Rejection;
use crate::text::{fold, from_sheet};
use std::io::Read;
use std::path::Path;

/// Larger files are refused: memory stays bounded whatever the file is.
pub const MAX_FILE_BYTES: u64 = 64_000_000;
/// A field longer than this is not something someone typed: its row is refused.
pub const MAX_FIELD_BYTES: usize = 10_000;

/// One data row: the line it starts on and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    pub line: u64,
    pub cells: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<SheetRow>,
    /// Rows refused while reading (not text, a field too long).
    pub rejected: Vec<Rejection>,
}

/// Reads at most [`MAX_FILE_BYTES`] of a regular file: a FIFO, a device or an endless stream is
/// refused or cut off, never read without end.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read it: {e}"))?;
    if !meta.is_file() {
        return Err("is not a regular file; save the sheet as a .csv file and import that".into());
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read it: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "is larger than {} MB; a spreadsheet export is far smaller, so nothing was imported",
            MAX_FILE_BYTES / 1_000_000
        ));
    }
    Ok(bytes)
}

/// A header as compared: accents, case, spaces, `_` and `-` ignored ("Employee_Number" is
/// "employee number").
pub fn header_key(header: &str) -> String {
    let h = from_sheet(header.trim_start_matches('\u{feff}').trim());
    fold(h)
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits `bytes` into a header and rows. An error is a file that cannot be read at all.
pub fn parse(bytes: &[u8]) -> Result<Sheet, String> {
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
    let mut sheet = Sheet {
        headers: header
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect(),
        ..Sheet::default()
    };
    let mut last_start = 0usize;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| lines.line_of(p.byte())).unwrap_or(0);
                return Err(format!("line {line}: cannot read the file: {e}"));
            }
        };
        let start = record.position().map(|p| p.byte() as usize).unwrap_or(0);
        last_start = start;
        let line = lines.line_of(start as u64);
        let mut cells = Vec::with_capacity(record.len());
        let mut text = true;
        for field in record.iter() {
            match std::str::from_utf8(field) {
                Ok(s) => cells.push(s.to_string()),
                Err(_) => {
                    text = false;
                    break;
                }
            }
        }
        if !text {
            sheet.rejected.push(Rejection {
                line,
                reason: "not UTF-8 text; save the file as CSV UTF-8".into(),
            });
            continue;
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue; // spreadsheets end with blank rows
        }
        if let Some(i) = cells.iter().position(|c| c.len() > MAX_FIELD_BYTES) {
            let name = sheet.headers.get(i).map(|h| h.trim()).filter(|h| !h.is_empty());
            sheet.rejected.push(Rejection {
                line,
                reason: format!(
                    "{} is {} characters long; at most {MAX_FIELD_BYTES} are kept",
                    name.map_or(format!("column {}", i + 1), |h| format!("{h:?}")),
                    cells[i].chars().count()
                ),
            });
            continue;
        }
        sheet.rows.push(SheetRow { line, cells });
    }
    // A quote that is never closed swallows every later row into one field: the reader accepts
    // it at the end of the file, so count the quotes of the last record.
    if ends_inside_quote(&bytes[last_start.min(bytes.len())..]) {
        let line = lines.line_of(last_start as u64);
        return Err(format!(
            "line {line}: a quote opened on this line is never closed, so the rest of the file \
             would be one field; nothing was imported"
        ));
    }
    Ok(sheet)
}

/// Whether CSV text ends inside a quoted field (a quote opens a field only at its start;
/// `""` inside is a quote).
fn ends_inside_quote(text: &[u8]) -> bool {
    let (mut quoted, mut field_start) = (false, true);
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if quoted {
            if b == b'"' {
                if text.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                quoted = false;
            }
            field_start = false;
        } else {
            field_start = match b {
                b',' | b'\n' | b'\r' => true,
                b'"' if field_start => {
                    quoted = true;
                    false
                }
                _ => false,
            };
        }
        i += 1;
    }
    quoted
}

/// The file line a byte offset is on, counted once through the file as the rows go by.
struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    newlines: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            counted_to: 0,
            newlines: 0,
        }
    }

    fn line_of(&mut self, byte: u64) -> u64 {
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
    fn rows_with_their_lines_blank_rows_skipped() {
        let s = parse(b"\xEF\xBB\xBFname,kind\r\nA,\"multi\r\nline\"\r\n,\r\nB,'=1+1\r\n").unwrap();
        assert_eq!(s.headers, ["name", "kind"]);
        let lines: Vec<u64> = s.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 5]);
        assert_eq!(s.rows[1].cells, ["B", "'=1+1"]);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        let err = parse(b"name,kind\nA,office\nB,\"office\nC,depot\n").unwrap_err();
        assert!(err.starts_with("line 3: a quote opened"), "{err}");
        assert!(parse(b"name\n\"O\"\"Brien\"\n").is_ok());
        // A quote inside an unquoted field is just a character.
        assert!(parse(b"name,size\nA,5\" tall\n").is_ok());
    }

    #[test]
    fn bad_rows_are_rejected_by_line() {
        let mut bytes = b"name,kind\nA\xff,office\nB,".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', MAX_FIELD_BYTES + 1));
        bytes.extend(b"\nC,depot\n");
        let s = parse(&bytes).unwrap();
        assert_eq!(s.rows.len(), 1);
        let lines: Vec<u64> = s.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3]);
        assert!(
            s.rejected[1].reason.starts_with("\"kind\" is 10001"),
            "{:?}",
            s.rejected
        );
    }

    #[test]
    fn headers_compare_loosely() {
        assert_eq!(header_key(" Employee_Number "), "employee number");
        assert_eq!(header_key("course-number"), "course number");
        assert_eq!(header_key("\u{feff}Título"), "titulo");
    }
}
