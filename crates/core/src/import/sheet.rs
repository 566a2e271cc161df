//! Reading a spreadsheet export (CSV), the same for every import. Each importer maps the columns
//! of its kind; everything else is here.
//!
//! **The file** ([`read`]): at most [`MAX_FILE_BYTES`] are read from a file, a pipe,
//! `/dev/stdin` or a device alike (what is read is bounded, not what the size claims); a named
//! pipe that no program writes to ends at once instead of waiting.
//!
//! **Rows** ([`Sheet`]): split with the file line each starts on. A quote that is never closed
//! (it would swallow every following row into one field) rejects what it swallowed, naming the
//! line where it opened; a row whose text is not UTF-8 or with a field over [`MAX_FIELD_BYTES`]
//! is rejected naming the column; blank rows (spreadsheets end with some) are skipped.
//!
//! **Cells** ([`read_row`]): the export's formula guard is undone ([`text::from_sheet`]), then
//! what must never be stored ([`text::clean`]: control, bidi and zero-width characters) is taken
//! out. Cleaned, not refused: such characters come from copying out of other programs, and the
//! rest of the row is good; the summary names the line and the column, so the team can look. One
//! exception is refused: a NUL byte, which no typed text holds (a UTF-16 file read as bytes has
//! one in every other byte, and cleaning would store garbage that looks like data).

use crate::text::{self, Field};
use std::io::Read;
use std::path::Path;

/// Larger files are refused: a real export is a few megabytes, and memory stays bounded.
pub const MAX_FILE_BYTES: u64 = 64_000_000;
/// A field longer than this is not a note someone typed: the row is refused, not stored.
pub const MAX_FIELD_BYTES: usize = 10_000;

/// Reads the sheet at `path`: at most [`MAX_FILE_BYTES`], or why it cannot be read.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read it: {e}"))?;
    if meta.is_dir() {
        return Err("is a folder; give the path of the CSV file".into());
    }
    let too_big = || {
        format!(
            "is larger than {} MB; an export is far smaller, so nothing was imported",
            MAX_FILE_BYTES / 1_000_000
        )
    };
    // A regular file's size is known: refuse it before reading. Anything else (a pipe, a
    // device) is bounded by what is read below.
    if meta.is_file() && meta.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let file = open(path, &meta).map_err(|e| format!("cannot read it: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    if bytes.is_empty() && is_pipe(&meta) {
        return Err("is a pipe that no program is writing to; nothing was imported".into());
    }
    Ok(bytes)
}

#[cfg(unix)]
fn is_pipe(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_pipe(_meta: &std::fs::Metadata) -> bool {
    false
}

/// Opens the sheet for reading. Opening a named pipe waits for a writer, forever if none comes:
/// it is opened without waiting, then read normally (ending at once when no one writes to it).
#[cfg(unix)]
fn open(path: &Path, meta: &std::fs::Metadata) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    if !is_pipe(meta) {
        return std::fs::File::open(path);
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    // SAFETY: fcntl on a descriptor this function owns, with flags it read from it.
    let cleared = unsafe {
        let flags = libc::fcntl(file.as_raw_fd(), libc::F_GETFL);
        flags >= 0 && libc::fcntl(file.as_raw_fd(), libc::F_SETFL, flags & !libc::O_NONBLOCK) >= 0
    };
    if !cleared {
        return Err(std::io::Error::last_os_error());
    }
    Ok(file)
}

#[cfg(not(unix))]
fn open(path: &Path, _meta: &std::fs::Metadata) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// One data row: the file line it starts on and its fields, trimmed of nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub fields: Vec<String>,
}

/// A row that cannot be read: the file line and why (naming the column, never its content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub line: u64,
    pub reason: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// A sheet's header and its rows, read one at a time.
pub struct Sheet<'a> {
    pub header: Vec<String>,
    bytes: &'a [u8],
    records: csv::ByteRecordsIntoIter<&'a [u8]>,
    lines: LineCounter<'a>,
    failed: bool,
}

impl<'a> Sheet<'a> {
    /// Reads the header row of `bytes` (a UTF-8 byte-order mark is skipped).
    pub fn new(bytes: &'a [u8]) -> Result<Sheet<'a>, String> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut records = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(bytes)
            .into_byte_records();
        let header = match records.next() {
            None => return Err("the file is empty (no header row)".into()),
            Some(Err(e)) => return Err(format!("cannot read the header row: {e}")),
            Some(Ok(h)) => h,
        };
        if header.iter().any(|f| f.contains(&0)) {
            return Err("the header row contains a NUL character; this is not a CSV export".into());
        }
        Ok(Sheet {
            header: header
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect(),
            bytes,
            records,
            lines: LineCounter::new(bytes),
            failed: false,
        })
    }

    /// The column's name in quotes, for the row checks' messages.
    fn quoted_column(&self, i: usize) -> String {
        match self.header.get(i).map(|h| h.trim()).filter(|h| !h.is_empty()) {
            Some(_) => format!("{:?}", column_name(&self.header, i)),
            None => column_name(&self.header, i),
        }
    }

    fn check(&mut self, record: csv::ByteRecord) -> Result<Option<Row>, Rejection> {
        let start = record.position().map_or(0, |p| p.byte());
        let line = self.lines.line_of(start);
        // Only the last record can hold a quote left open: it runs to the end of the file.
        let at_end = self.records.reader().position().byte() >= self.bytes.len() as u64;
        if at_end && let Some(opened) = unclosed_quote(&self.bytes[(start as usize).min(self.bytes.len())..])
        {
            let opened_on = self.lines.line_of(start + opened as u64);
            let last = self.lines.last_line();
            return Err(Rejection {
                line: opened_on,
                reason: format!(
                    "a quote (\") opened on this line is never closed, so lines {opened_on} to \
                     {last} (the rest of the file) read as one field; nothing of them was imported: \
                     close the quote and import the file again"
                ),
            });
        }
        let mut fields = Vec::with_capacity(record.len());
        for (i, field) in record.iter().enumerate() {
            // A NUL is refused cell by cell (`read_row`), naming the column.
            let reason = if field.len() > MAX_FIELD_BYTES {
                format!(
                    "{} is {} characters long; at most {MAX_FIELD_BYTES} are kept",
                    self.quoted_column(i),
                    String::from_utf8_lossy(field).chars().count()
                )
            } else {
                match std::str::from_utf8(field) {
                    Ok(text) => {
                        fields.push(text.to_string());
                        continue;
                    }
                    Err(_) => "not UTF-8 text; save the file as CSV UTF-8".to_string(),
                }
            };
            return Err(Rejection { line, reason });
        }
        if fields.iter().all(|f| f.trim().is_empty()) {
            return Ok(None); // spreadsheets end with blank rows
        }
        Ok(Some(Row { line, fields }))
    }
}

/// A row, a rejected row, or (once, then the end) a file that cannot be read on.
pub enum Item {
    Row(Row),
    Rejected(Rejection),
    Unreadable(String),
}

impl Iterator for Sheet<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.failed {
            return None;
        }
        loop {
            let record = match self.records.next()? {
                Ok(r) => r,
                Err(e) => {
                    self.failed = true;
                    let line = e.position().map_or(0, |p| self.lines.line_of(p.byte()));
                    return Some(Item::Unreadable(format!(
                        "line {line}: cannot read the file: {e}"
                    )));
                }
            };
            match self.check(record) {
                Ok(Some(row)) => return Some(Item::Row(row)),
                Ok(None) => continue,
                Err(rejection) => return Some(Item::Rejected(rejection)),
            }
        }
    }
}

/// Where in `raw` (the last record, read to the end of the file) a quoted field opens that is
/// never closed, if one does. The csv crate reads such a field to the end of the file without
/// complaint; this follows its rules (a quote opens a field only at its start, `""` inside is a
/// quote) to find it.
fn unclosed_quote(raw: &[u8]) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        FieldStart,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let mut at = At::FieldStart;
    let mut opened = 0;
    for (i, &b) in raw.iter().enumerate() {
        at = match (at, b) {
            (At::FieldStart, b'"') => {
                opened = i;
                At::Quoted
            }
            (At::FieldStart | At::Plain | At::QuoteInQuoted, b',' | b'\n' | b'\r') => At::FieldStart,
            (At::FieldStart | At::Plain, _) => At::Plain,
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            (At::QuoteInQuoted, b'"') => At::Quoted,
            (At::QuoteInQuoted, _) => At::Plain,
        };
    }
    (at == At::Quoted).then_some(opened)
}

/// The file line a byte offset is on, counted once through the file as the rows go by (the rows
/// come in order), so memory stays flat however many lines the file has.
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

    /// The number of the file's last line (one not ended by a line break counts).
    fn last_line(&self) -> u64 {
        let breaks = self.bytes.iter().filter(|b| **b == b'\n').count() as u64;
        if self.bytes.ends_with(b"\n") {
            breaks
        } else {
            breaks + 1
        }
    }
}

// Cells.

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

    fn items(bytes: &[u8]) -> Vec<String> {
        Sheet::new(bytes)
            .unwrap()
            .map(|item| match item {
                Item::Row(r) => format!("{}: {}", r.line, r.fields.join("|")),
                Item::Rejected(r) => format!("rejected {r}"),
                Item::Unreadable(e) => format!("unreadable {e}"),
            })
            .collect()
    }

    #[test]
    fn quotes_closed_anywhere_are_fine() {
        assert_eq!(unclosed_quote(b"a,\"b,\"\"c\"\"\",d\n"), None);
        assert_eq!(unclosed_quote(b"5\" screen,\"x\"y,z"), None);
        assert_eq!(unclosed_quote(b"a,\"open\nnext,row\n"), Some(2));
    }

    #[test]
    fn an_unclosed_quote_rejects_what_it_swallowed_naming_where_it_opened() {
        let got = items(b"h1,h2\nfirst,row\nsecond,\"open\nthird,row\nfourth,row\n");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0], "2: first|row");
        assert!(got[1].starts_with("rejected line 3: a quote"), "{got:?}");
        assert!(got[1].contains("lines 3 to 5"), "{got:?}");
    }

    #[test]
    fn bad_text_rejects_the_row_and_blank_rows_are_skipped() {
        let got = items(b"name,email\nA\xffna,a@b.org\nok,x@y.org\n\"\",\n");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].starts_with("rejected line 2: not UTF-8"), "{got:?}");
        assert_eq!(got[1], "3: ok|x@y.org");
    }

    #[test]
    fn a_pipe_no_one_writes_to_ends_at_once_and_a_device_is_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.csv");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read(&fifo).unwrap_err();
        assert!(e.contains("no program is writing"), "{e}");
        let e = read(Path::new("/dev/zero")).unwrap_err();
        assert!(e.contains("larger than 64 MB"), "{e}");
    }

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
