//! `pathways import employees ROSTER.csv`: the district's HR roster in. Columns by header name
//! (HR's usual names, `export employees`' own, or `--map`), upsert by employee id: a person an
//! intake created is completed (matched by email while they have no employee id), a new id is a
//! new person, and HR's stated facts win. Every row is checked before anything is stored; all
//! good rows go in one transaction; a repeat of the same file changes nothing.

mod columns;
mod plan;
mod review;
mod row;

pub use columns::{Column, Columns, parse_maps};
pub use plan::{Plan, plan};
pub use row::{Cell, RosterRow, parse_row};

use super::{ImportError, UpsertSummary};
use crate::store::Store;
use crate::store::StoreError;
use std::path::Path;

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
    let bytes = crate::import::sheet::read(path).map_err(unreadable)?;
    // The counter first: if anything is saved between it and the load, the plan is made again
    // inside the transaction that writes, from what that transaction sees.
    let planned_at = store.generation()?;
    let (data, _) = store.load()?;
    let plan = plan(&data, &bytes, &maps, private).map_err(unreadable)?;
    if dry_run || plan.is_empty() {
        let mut summary = plan.summary;
        summary.dry_run = dry_run;
        return Ok(summary);
    }
    let summary = store.write(|txn| {
        let plan = if txn.generation()? == planned_at {
            plan
        } else {
            let (now, _) = txn.load()?;
            self::plan(&now, &bytes, &maps, private).map_err(StoreError::Storage)?
        };
        plan.apply(txn)?;
        Ok(plan.summary)
    })?;
    Ok(summary)
}
