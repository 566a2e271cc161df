//! A whole sheet read at once for the engine, through the one reader every import uses
//! ([`super::sheet`]: bounded reading, line numbers, unclosed quotes, NUL, UTF-8, blank rows).
//! Cells come back as the file holds them: the engine turns them into stored text through
//! [`super::sheet::read_row`].

use super::Rejection;
use super::sheet::{Item, Sheet as Rows};

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
    /// Rows refused while reading (not text, a field too long, swallowed by an open quote).
    pub rejected: Vec<Rejection>,
}

/// Splits `bytes` into a header and rows. An error is a file that cannot be read at all.
pub fn parse(bytes: &[u8]) -> Result<Sheet, String> {
    let rows = Rows::new(bytes)?;
    let mut sheet = Sheet {
        headers: rows.header.clone(),
        ..Sheet::default()
    };
    for item in rows {
        match item {
            Item::Row(row) => sheet.rows.push(SheetRow {
                line: row.line,
                cells: row.fields,
            }),
            Item::Rejected(r) => sheet.rejected.push(r),
            Item::Unreadable(reason) => return Err(reason),
        }
    }
    Ok(sheet)
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
}
