//! `pathways import intakes FILE` and `pathways export intakes`: the intake form's spreadsheet
//! export in, and the same format (plus status and dates) out, so an export imports back unchanged.
//!
//! The import plans every row against an in-memory copy of the database first (hash lookups, no
//! scans per row), then stores all good rows in one transaction: a crash leaves nothing half done.

mod export;
mod plan;
mod row;

pub use export::write_csv;
pub use row::{Mapping, parse_map, parse_services};

use crate::domain::*;
use crate::store::{Store, StoreError};
use std::path::Path;

/// Why a file could not be imported at all (exit status 2; nothing stored).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}

pub use crate::import::sheet::{MAX_FILE_BYTES, Rejection};

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub imported: usize,
    pub duplicates: usize,
    pub rejected: Vec<Rejection>,
    /// Rows stored with control or invisible characters taken out of some cells.
    pub cleaned: Vec<super::sheet::Cleaned>,
    /// Location names the matcher could not place, each with why (the closest names, or the
    /// places it could mean): not added, for the team to review.
    pub unknown_locations: Vec<String>,
    pub new_chapters: Vec<String>,
    pub new_employees: usize,
    pub dry_run: bool,
}

impl ImportSummary {
    /// The last line the command prints.
    pub fn summary_line(&self) -> String {
        format!(
            "imported {}, duplicates skipped {}, rejected {}{}",
            self.imported,
            self.duplicates,
            self.rejected.len(),
            if self.dry_run {
                " (dry run: nothing stored)"
            } else {
                ""
            }
        )
    }

    /// Every line of the report: rejections, cleaned rows, reference-list additions, then the
    /// summary.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.rejected.iter().map(ToString::to_string).collect();
        out.extend(self.cleaned.iter().map(ToString::to_string));
        for l in &self.unknown_locations {
            out.push(format!("unknown location (not added; please review): {l}"));
        }
        for c in &self.new_chapters {
            out.push(format!("new chapter added (please review): {c}"));
        }
        out.push(self.summary_line());
        out
    }
}

/// The import's and export's column names, in export order.
pub mod col {
    pub const EMPLOYEE_ID: &str = "Employee ID";
    pub const FIRST: &str = "First Name";
    pub const LAST: &str = "Last Name";
    pub const EMAIL: &str = "Email";
    pub const POSITION: &str = "Position";
    pub const LOCATION: &str = "Location";
    pub const CHAPTER: &str = "Chapter";
    pub const SERVICES: &str = "Services";
    pub const SUBMITTED: &str = "Submitted";
    pub const NOTES: &str = "Notes";
    // Written by export (and read back when present).
    pub const SOURCE: &str = "Source";
    pub const OWNER: &str = "Owner";
    pub const NEXT_STEP: &str = "Next Step";
    pub const NEXT_STEP_DUE: &str = "Next Step Due";
    pub const STATUS: &str = "Status";
    pub const CLOSE_REASON: &str = "Close Reason";
    pub const CONTACTED: &str = "Contacted";
    pub const SCHEDULED: &str = "Consultation Scheduled";
    pub const ESTABLISHED: &str = "Relationship Established";
    pub const CLOSED: &str = "Closed";
    pub const EVENT_DATE: &str = "Event Date";
    pub const EVENT_LOCATION: &str = "Event Location";
    /// The intake's record id, so `import all` keeps it (the form's own import ignores it).
    pub const ID: &str = "Id";

    pub const ALL: &[&str] = &[
        EMPLOYEE_ID,
        FIRST,
        LAST,
        EMAIL,
        POSITION,
        LOCATION,
        CHAPTER,
        SERVICES,
        SUBMITTED,
        NOTES,
        SOURCE,
        OWNER,
        NEXT_STEP,
        NEXT_STEP_DUE,
        STATUS,
        CLOSE_REASON,
        CONTACTED,
        SCHEDULED,
        ESTABLISHED,
        CLOSED,
        EVENT_DATE,
        EVENT_LOCATION,
        ID,
    ];
}

/// The status columns after Received, in status order.
pub const STATUS_COLUMNS: [(IntakeStatus, &str); 4] = [
    (IntakeStatus::Contacted, col::CONTACTED),
    (IntakeStatus::ConsultationScheduled, col::SCHEDULED),
    (IntakeStatus::RelationshipEstablished, col::ESTABLISHED),
    (IntakeStatus::Closed, col::CLOSED),
];

/// Sets an intake's status and the history its sheet's status columns give (`date_of` reads a
/// column's date): each dated step, none after the status, and the status itself dated from
/// Submitted when a hand-made file gives it without its date.
pub fn set_status(
    intake: &mut Intake,
    status: IntakeStatus,
    mut date_of: impl FnMut(&str) -> Result<Option<chrono::NaiveDate>, String>,
) -> Result<(), String> {
    for (st, name) in STATUS_COLUMNS {
        if let Some(date) = date_of(name)? {
            if st > status {
                return Err(format!("{name} has a date but the status is {status}"));
            }
            intake.history.push(StatusChange { status: st, date });
        }
    }
    if !intake.history.iter().any(|h| h.status == status) {
        intake.history.push(StatusChange {
            status,
            date: intake.received,
        });
    }
    intake.status = status;
    Ok(())
}

/// Imports the intake form's CSV export at `path` into `store`: every good row in one transaction,
/// bad rows reported by line, the same submission never stored twice, even by two imports of
/// the same file at the same moment. `dry_run` stores nothing.
pub fn import(store: &Store, path: &Path, dry_run: bool) -> Result<ImportSummary, ImportError> {
    import_on(store, path, dry_run, chrono::Local::now().date_naive())
}

/// [`import`] with `today` given (the command line's today): a row dated after it is refused,
/// since Submitted and the status dates record what happened.
pub fn import_on(
    store: &Store,
    path: &Path,
    dry_run: bool,
    today: chrono::NaiveDate,
) -> Result<ImportSummary, ImportError> {
    import_mapped(store, path, dry_run, &[], today)
}

/// [`import_on`] with columns named by the user: `map` holds (column, header) pairs from
/// `--map "Submitted=When did you apply?"` ([`parse_map`]).
pub fn import_mapped(
    store: &Store,
    path: &Path,
    dry_run: bool,
    map: &[(&'static str, String)],
    today: chrono::NaiveDate,
) -> Result<ImportSummary, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let bytes = crate::import::sheet::read(path).map_err(unreadable)?;
    // The counter first: if anything is saved between it and the load, the plan is made again
    // below, never trusted stale.
    let planned_at = store.generation()?;
    let (data, _problems) = store.load()?;
    let plan = plan::plan(&data, &bytes, map, today).map_err(unreadable)?;
    if dry_run || plan.intakes.is_empty() {
        let mut summary = plan.summary;
        summary.dry_run = dry_run;
        return Ok(summary);
    }
    // Duplicates are decided inside the transaction that writes: if another process saved since
    // the plan was made (say, an import of the same file), it is made again from what this
    // transaction sees, which no other writer can change before it commits.
    let summary = store.write(|txn| {
        let plan = if txn.generation()? == planned_at {
            plan
        } else {
            let (now, _problems) = txn.load()?;
            plan::plan(&now, &bytes, map, today).map_err(StoreError::Storage)?
        };
        plan.apply(txn)?;
        Ok(plan.summary)
    })?;
    Ok(summary)
}

/// Checks `bytes` as an intake export against `data` and stores nothing: what `--dry-run`
/// reports, and the entry point of the import fuzz target.
pub fn check_file(data: &crate::dataset::Dataset, bytes: &[u8]) -> Result<ImportSummary, String> {
    plan::plan(data, bytes, &[], chrono::Local::now().date_naive()).map(|p| p.summary)
}
