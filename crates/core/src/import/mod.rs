//! Spreadsheet imports. The intake form's sheet (`intakes`), the HR roster (`employees`) and the
//! reference head counts (`reference_populations`) have importers of their own; every other kind
//! of record goes through one engine (`engine`), each kind described in a small file
//! (`kinds/`); `all` loads a whole `export all` folder; `roster` reads a PDO course roster.
//! Every importer reads its cells through [`sheet::read_row`], so text enters the database by
//! one rule.

pub mod all;
pub mod csv_file;
pub mod employees;
pub mod engine;
pub mod intakes;
pub mod kinds;
pub mod reader;
pub mod reference_populations;
pub mod refs;
pub mod roster;
pub mod row;
pub mod sheet;

pub use engine::{Merge, Outcome};
pub use intakes::{ImportError, ImportSummary, Rejection};

use crate::store::Store;
use engine::{Mode, Remap};
use kinds::SheetKind;
use std::path::Path;

/// Reads a sheet file and finds its columns for `kind`; any failure names the file.
pub(crate) fn open_sheet(path: &Path) -> Result<reader::Sheet, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let bytes = sheet::read(path).map_err(unreadable)?;
    reader::parse(&bytes).map_err(unreadable)
}

/// `import KIND FILE [--dry-run]`: every good row of `path` added as a new record of `kind` in
/// one transaction; bad rows reported by line; a row already stored (or repeated) skipped.
pub fn import_kind(
    store: &Store,
    kind: &dyn SheetKind,
    path: &Path,
    dry_run: bool,
) -> Result<Outcome, ImportError> {
    let sheet = open_sheet(path)?;
    let columns = kind
        .columns(&sheet, Mode::Add)
        .map_err(|reason| ImportError::Unreadable {
            path: path.display().to_string(),
            reason,
        })?;
    // The counter first: if anything is saved between it and the load, the plan is made again
    // inside the transaction that writes, never trusted stale.
    let planned_at = store.generation()?;
    let (mut data, _problems) = store.load()?;
    let next = kind.next_id(None, &data)?;
    let (plan, mut outcome) = kind.plan(
        &sheet,
        &columns,
        &mut data,
        Mode::Add,
        &mut Remap::default(),
        next,
    );
    outcome.dry_run = dry_run;
    if dry_run || plan.is_empty() {
        return Ok(outcome);
    }
    // Duplicates are decided inside the transaction that writes: if another process saved since
    // (an import of the same file, say), or the ids planned are not the next ones, the plan is
    // made again from what this transaction sees.
    Ok(store.write(|txn| {
        if txn.generation()? == planned_at && kind.next_id(Some(txn), &data)? == next {
            plan.apply(txn)?;
            return Ok(outcome);
        }
        let (mut data, _) = txn.load()?;
        let next = kind.next_id(Some(txn), &data)?;
        let (plan, outcome) = kind.plan(
            &sheet,
            &columns,
            &mut data,
            Mode::Add,
            &mut Remap::default(),
            next,
        );
        plan.apply(txn)?;
        Ok(outcome)
    })?)
}

/// What an import that updates records in place did (or, for a dry run, would do): records new,
/// updated and unchanged, rows rejected, and what the team should look at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpsertSummary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: Vec<Rejection>,
    /// Rows whose cells had control or invisible characters taken out, one line each.
    pub cleaned: Vec<String>,
    /// Changes to review (whose eligibility moved), one line each.
    pub review: Vec<String>,
    /// Reference-list entries the import added (new locations, chapters), one line each.
    pub added: Vec<String>,
    pub dry_run: bool,
}

impl UpsertSummary {
    /// The last line the command prints: the counts in words.
    pub fn summary_line(&self) -> String {
        format!(
            "new {}, updated {}, unchanged {}, rejected {}{}",
            self.new,
            self.updated,
            self.unchanged,
            self.rejected.len(),
            if self.dry_run {
                " (dry run: nothing stored)"
            } else {
                ""
            }
        )
    }

    /// Every line of the report: rejections, cleaned rows, changes to review, additions, then
    /// the summary.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.rejected.iter().map(ToString::to_string).collect();
        out.extend(self.cleaned.iter().cloned());
        out.extend(self.review.iter().cloned());
        out.extend(self.added.iter().cloned());
        out.push(self.summary_line());
        out
    }
}

/// The accepted words of a closed list, for "is not one of: ..." messages.
pub(crate) fn labels<T: crate::domain::Choice>() -> String {
    T::ALL.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")
}
