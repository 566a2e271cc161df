//! `pathways import employees ROSTER.csv`: the district's HR roster in. Columns by header name
//! (HR's usual names, `export employees`' own, or `--map`), upsert by employee id: a person an
//! intake created is completed (matched by email while they have no employee id), a new id is a
//! new person, and HR's stated facts win. Every row is checked before anything is stored; all
//! good rows go in one transaction; a repeat of the same file changes nothing.

mod columns;
mod plan;
mod row;

pub use columns::{Column, Columns, parse_maps};
pub use plan::{Plan, plan};
pub use row::{Cell, RosterRow, parse_row};

use super::{ImportError, UpsertSummary, csv_file};
use crate::store::Store;
use std::path::Path;

/// A district roster (~10,000 rows) is a few megabytes; far larger is not a roster.
pub const MAX_FILE_BYTES: u64 = 64_000_000;

/// Imports the roster at `path` into `store`; `dry_run` stores nothing. `maps` are `--map`
/// values ("Hire Date=Service Date"); `private` masks names and evaluation in the review lines.
pub fn import(
    store: &Store,
    path: &Path,
    dry_run: bool,
    maps: &[String],
    private: bool,
) -> Result<UpsertSummary, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let maps = parse_maps(maps).map_err(unreadable)?;
    let bytes = csv_file::read_bounded(path, MAX_FILE_BYTES, "a district roster").map_err(unreadable)?;
    let (data, _) = store.load()?;
    let plan = plan(&data, &bytes, &maps, private).map_err(unreadable)?;
    let mut summary = plan.summary.clone();
    summary.dry_run = dry_run;
    if !dry_run && !plan.is_empty() {
        store.write(|txn| plan.apply(txn))?;
    }
    Ok(summary)
}
