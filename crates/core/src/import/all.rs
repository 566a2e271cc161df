//! `import all DIR`: a folder written by `export all` (one `KIND.csv` per kind) loaded in one
//! transaction, all or nothing.
//!
//! Into an **empty** database it is a restore: every record keeps its id, so every reference
//! between the files stays as it was, and `export all` of the restored database writes the same
//! bytes. Into a database that already holds records it is refused, naming what is there and
//! which of the folder's ids are taken, unless a merge is asked for:
//! - `--merge skip`: a folder record that is already stored (its natural key: a location's name,
//!   a person's employee id, a course number, a cohort's year...) keeps the stored one; the
//!   others are added with new ids, and every reference follows them;
//! - `--merge update`: the same, but the folder's values replace the stored record's fields.
//!
//! A row that cannot be read stores nothing of the folder: a half-restored database would hold
//! references to records that are not there. The report names each file, line and reason.

use super::csv_file::header_key;
use super::engine::{Apply, Merge, Mode, Outcome, Remap};
use super::kinds::{ALL, SheetKind};
use super::reader::Sheet;
use super::row::Columns;
use super::{ImportError, open_sheet};
use crate::dataset::Dataset;
use crate::domain::Id;
use crate::store::{Store, StoreError, Txn};
use std::collections::HashSet;
use std::path::Path;

/// What `import all` did (or, for a dry run, would do).
#[derive(Debug, Default)]
pub struct FolderReport {
    /// One outcome per file read, in load order.
    pub kinds: Vec<Outcome>,
    /// Kinds the folder has no file for (nothing of them is loaded).
    pub missing: Vec<&'static str>,
    /// Files in the folder that are no kind of record.
    pub ignored: Vec<String>,
    pub dry_run: bool,
    pub merge: Option<Merge>,
    /// Whether anything was stored.
    pub stored: bool,
}

impl FolderReport {
    pub fn rejected(&self) -> usize {
        self.kinds.iter().map(|k| k.rejected.len()).sum()
    }

    /// Every line of the report: each file's rejections and notes, one line per file, then the
    /// outcome.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for k in &self.kinds {
            let file = format!("{}.csv", k.kind);
            out.extend(k.rejected.iter().map(|r| format!("{file} {r}")));
            out.extend(k.cleaned.iter().map(|c| format!("{file} {c}")));
            out.extend(k.review.iter().map(|c| format!("{file}: {c}")));
        }
        for k in &self.kinds {
            out.push(format!("{}.csv: {}", k.kind, k.summary_line()));
        }
        if !self.missing.is_empty() {
            out.push(format!("no file (nothing loaded): {}", self.missing.join(", ")));
        }
        if !self.ignored.is_empty() {
            out.push(format!(
                "ignored (not a kind of record): {}",
                self.ignored.join(", ")
            ));
        }
        let records: usize = self.kinds.iter().map(|k| k.imported + k.updated).sum();
        out.push(if self.rejected() > 0 {
            format!(
                "nothing stored: {} row(s) rejected; a folder is loaded whole or not at all, so fix them and import again",
                self.rejected()
            )
        } else if self.dry_run {
            format!("{records} record(s) would be stored (dry run: nothing stored)")
        } else {
            match self.merge {
                None => format!("restored {records} record(s) with their ids"),
                Some(_) => format!("merged: {records} record(s) added or updated"),
            }
        });
        out
    }
}

/// One file of the folder, read and checked against its kind.
struct Part {
    kind: &'static dyn SheetKind,
    sheet: Sheet,
    columns: Columns,
}

/// `import all DIR [--dry-run] [--merge skip|update]`.
pub fn import_all(
    store: &Store,
    dir: &Path,
    dry_run: bool,
    merge: Option<Merge>,
) -> Result<FolderReport, ImportError> {
    let unreadable = |path: &Path, reason: String| ImportError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let entries =
        std::fs::read_dir(dir).map_err(|e| unreadable(dir, format!("cannot read the folder: {e}")))?;
    let mut report = FolderReport {
        dry_run,
        merge,
        ..FolderReport::default()
    };
    let known: HashSet<String> = ALL.iter().map(|k| format!("{}.csv", k.name())).collect();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !known.contains(&name) {
            report.ignored.push(crate::text::inert(&name).into_owned());
        }
    }
    report.ignored.sort();
    let mode = match merge {
        None => Mode::Restore,
        Some(m) => Mode::Merge(m),
    };
    let mut parts = Vec::new();
    for kind in ALL.iter().copied() {
        let path = dir.join(format!("{}.csv", kind.name()));
        if !path.exists() {
            report.missing.push(kind.name());
            continue;
        }
        let sheet = open_sheet(&path)?;
        let columns = kind.columns(&sheet, mode).map_err(|r| unreadable(&path, r))?;
        parts.push(Part { kind, sheet, columns });
    }
    let planned_at = store.generation()?;
    let (mut data, _problems) = store.load()?;
    if merge.is_none() && data.record_count() > 0 {
        return Err(unreadable(dir, clash(&data, &parts)));
    }
    let (plans, outcomes, nexts) = plan_folder(&parts, &mut data, mode, None)?;
    report.kinds = outcomes;
    if dry_run || report.rejected() > 0 || plans.iter().all(|p| p.is_empty()) {
        for k in &mut report.kinds {
            k.dry_run = dry_run;
        }
        return Ok(report);
    }
    // Planned again inside the transaction that writes when anything was saved since (or the
    // ids planned are not the next ones).
    let planned = report.kinds.clone();
    let outcomes = store.write(|txn| {
        let same_ids = parts
            .iter()
            .zip(&nexts)
            .map(|(p, n)| p.kind.next_id(Some(txn), &data).map(|now| now == *n))
            .collect::<crate::store::Result<Vec<bool>>>()?;
        if txn.generation()? == planned_at && same_ids.iter().all(|s| *s) {
            for plan in &plans {
                plan.apply(txn)?;
            }
            return Ok(planned);
        }
        let (mut data, _) = txn.load()?;
        if merge.is_none() && data.record_count() > 0 {
            return Err(StoreError::Conflict(
                "the database (records were added while the folder was read; nothing was restored)".into(),
            ));
        }
        let (plans, outcomes, _) = plan_folder(&parts, &mut data, mode, Some(txn))?;
        if outcomes.iter().any(|o| !o.rejected.is_empty()) {
            return Err(StoreError::Conflict(
                "the database (it changed while the folder was read; nothing was stored, import again)"
                    .into(),
            ));
        }
        for plan in &plans {
            plan.apply(txn)?;
        }
        Ok(outcomes)
    })?;
    report.kinds = outcomes;
    report.stored = true;
    Ok(report)
}

/// What each file adds, in load order.
type Plans = Vec<Box<dyn Apply>>;

/// Plans every file in load order on `data`, which grows as each kind is planned; ids of new
/// records come from `txn` when writing.
fn plan_folder(
    parts: &[Part],
    data: &mut Dataset,
    mode: Mode,
    txn: Option<&Txn>,
) -> crate::store::Result<(Plans, Vec<Outcome>, Vec<Id>)> {
    let mut remap = Remap::default();
    let mut plans = Vec::with_capacity(parts.len());
    let mut outcomes = Vec::with_capacity(parts.len());
    let mut nexts = Vec::with_capacity(parts.len());
    for part in parts {
        let next = part.kind.next_id(txn, data)?;
        let (plan, outcome) = part
            .kind
            .plan(&part.sheet, &part.columns, data, mode, &mut remap, next);
        plans.push(plan);
        outcomes.push(outcome);
        nexts.push(next);
    }
    Ok((plans, outcomes, nexts))
}

/// Why a restore into this database is refused: what it holds, and which folder ids are taken.
fn clash(data: &Dataset, parts: &[Part]) -> String {
    let mut held = Vec::new();
    let mut taken = Vec::new();
    for kind in ALL.iter() {
        let ids = kind.ids(data);
        if ids.is_empty() {
            continue;
        }
        held.push(format!("{} {}", ids.len(), kind.name()));
        if let Some(part) = parts.iter().find(|p| p.kind.name() == kind.name()) {
            let stored: HashSet<Id> = ids.into_iter().collect();
            let clashing: Vec<Id> = folder_ids(&part.sheet)
                .into_iter()
                .filter(|id| stored.contains(id))
                .collect();
            if let Some(first) = clashing.first() {
                taken.push(format!(
                    "{}: {} of the folder's ids are already used (first: {first})",
                    kind.name(),
                    clashing.len()
                ));
            }
        }
    }
    let mut message = format!("the database already holds records ({})", held.join(", "));
    if !taken.is_empty() {
        message.push_str(&format!("; {}", taken.join("; ")));
    }
    message.push_str(
        ". import all restores into an empty database (create one with `pathways --db NEW init`); \
         to add the folder to these records give --merge skip (keep what is stored) or \
         --merge update (the folder's values replace stored ones). Nothing was imported",
    );
    message
}

/// The ids in a sheet's `id` column.
fn folder_ids(sheet: &Sheet) -> Vec<Id> {
    let Some(at) = sheet.headers.iter().position(|h| header_key(h) == "id") else {
        return Vec::new();
    };
    sheet
        .rows
        .iter()
        .filter_map(|r| r.cells.get(at))
        .filter_map(|c| c.trim().parse().ok())
        .collect()
}
