//! `pathways import closures FILE`: the district's closures (holidays, breaks) from a sheet with a
//! `date` and a `name` column (found by header, any case; `holiday` or `closure` name the name
//! too) — what `pathways export closures` writes, and what a district calendar exported to a
//! spreadsheet holds. Dates in the forms every date field takes. Every row is checked first and a
//! bad one named `line N: reason`; a date already closed (in the database or earlier in the file)
//! is a duplicate, skipped; the good rows are stored in one transaction. A weekend date is
//! refused: it is never a working day.

use super::sheet::{self, Item, Rejection, Sheet};
use crate::domain::{Closure, parse_date};
use crate::store::{Store, StoreError};
use std::collections::HashSet;
use std::path::Path;

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClosureImport {
    pub imported: usize,
    pub duplicates: usize,
    pub rejected: Vec<Rejection>,
    pub cleaned: Vec<sheet::Cleaned>,
    pub dry_run: bool,
}

impl ClosureImport {
    /// The report, one line each: rejected rows, cleaned rows, then the summary.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.rejected.iter().map(ToString::to_string).collect();
        out.extend(self.cleaned.iter().map(ToString::to_string));
        out.push(format!(
            "imported {}, duplicates skipped {}, rejected {}{}",
            self.imported,
            self.duplicates,
            self.rejected.len(),
            if self.dry_run {
                " (dry run: nothing stored)"
            } else {
                ""
            }
        ));
        out
    }
}

/// Why nothing could be imported.
#[derive(Debug, thiserror::Error)]
pub enum ClosureImportError {
    #[error("{path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// The rows of `bytes` to store, checked against the closures already kept.
fn plan(existing: &[Closure], bytes: &[u8]) -> Result<(Vec<Closure>, ClosureImport), String> {
    let mut sheet = Sheet::new(bytes)?;
    let header = sheet.header.clone();
    let find = |names: &[&str]| {
        header.iter().position(|h| {
            let h = h.trim_start_matches('\u{feff}').trim();
            names.iter().any(|n| h.eq_ignore_ascii_case(n))
        })
    };
    let (Some(date_col), Some(name_col)) = (find(&["date"]), find(&["name", "holiday", "closure"])) else {
        return Err("not a closures sheet: it needs a date column and a name column".into());
    };
    let mut seen: HashSet<chrono::NaiveDate> = existing.iter().map(|c| c.date).collect();
    let mut report = ClosureImport::default();
    let mut closures = Vec::new();
    for item in &mut sheet {
        let mut row = match item {
            Item::Row(row) => row,
            Item::Rejected(r) => {
                report.rejected.push(r);
                continue;
            }
            Item::Unreadable(reason) => return Err(reason),
        };
        let line = row.line;
        let reject = |reason: String| Rejection { line, reason };
        match sheet::read_row(&header, &mut row.fields, |_| crate::text::Field::Line) {
            Ok(cleaned) if !cleaned.is_empty() => report.cleaned.push(sheet::Cleaned {
                line,
                columns: cleaned,
            }),
            Ok(_) => {}
            Err(reason) => {
                report.rejected.push(reject(reason));
                continue;
            }
        }
        let cell = |i: usize| row.fields.get(i).map(|s| s.trim()).unwrap_or("");
        let date = match parse_date(cell(date_col)) {
            Ok(d) => d,
            Err(e) => {
                report.rejected.push(reject(format!("date: {e}")));
                continue;
            }
        };
        let closure = Closure {
            id: 0,
            date,
            name: cell(name_col).to_string(),
        };
        if let Err(e) = closure.validate() {
            report.rejected.push(reject(e.to_string()));
            continue;
        }
        if !seen.insert(date) {
            report.duplicates += 1;
            continue;
        }
        closures.push(closure);
    }
    report.imported = closures.len();
    Ok((closures, report))
}

/// Imports the closures sheet at `path` into `store`: every good row in one transaction, or
/// nothing with `dry_run`.
pub fn import(store: &Store, path: &Path, dry_run: bool) -> Result<ClosureImport, ClosureImportError> {
    let unreadable = |reason: String| ClosureImportError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let bytes = sheet::read(path).map_err(unreadable)?;
    let (data, _problems) = store.load()?;
    let (closures, mut report) = plan(&data.closures, &bytes).map_err(unreadable)?;
    report.dry_run = dry_run;
    if dry_run || closures.is_empty() {
        return Ok(report);
    }
    // Planned again inside the transaction, so two imports at once never store a day twice.
    let report = store.write(|txn| {
        let (now, _) = txn.load()?;
        let (mut closures, report) = plan(&now.closures, &bytes).map_err(StoreError::Storage)?;
        for c in &mut closures {
            txn.insert(c)?;
        }
        Ok(report)
    })?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_by_header_duplicates_and_bad_rows_by_line() {
        let existing = [Closure {
            id: 1,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            name: "Thanksgiving".into(),
        }];
        let sheet = b"Holiday,DATE,id\n\
            Thanksgiving,11/26/2026,\n\
            Day after,2026-11-27,\n\
            A Saturday,2026-11-28,\n\
            ,2026-11-30,\n\
            ,,\n\
            Day after again,11/27/2026,\n\
            Soon,13/45/2026,\n";
        let (closures, report) = plan(&existing, sheet).unwrap();
        assert_eq!(closures.len(), 1);
        assert_eq!(closures[0].name, "Day after");
        assert_eq!(report.duplicates, 2);
        let lines = report.lines();
        assert!(lines[0].starts_with("line 4: date: a weekend"), "{lines:?}");
        assert_eq!(lines[1], "line 5: name: name the closure (e.g. Thanksgiving)");
        assert!(
            lines[2].starts_with("line 8: date: \"13/45/2026\" is not a date"),
            "{lines:?}"
        );
        assert_eq!(lines[3], "imported 1, duplicates skipped 2, rejected 3");
        assert!(plan(&[], b"when,what\n").is_err());
    }
}
