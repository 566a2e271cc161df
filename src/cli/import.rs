//! `pathways import KIND PATH [--dry-run] [--merge skip|update] [--map COLUMN=HEADER]`: the
//! runners around the core's importers. Every line goes out through [`super::out`] (a cell's text never reaches the
//! terminal live).

use super::out;
use pathways_core::import::{self, ImportError, Merge, kinds};
use pathways_core::text::inert;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeArg {
    /// Keep the stored record; add the folder's other records.
    Skip,
    /// The folder's values replace the stored record's; add the other records.
    Update,
}

/// The kinds `import` takes, for help and errors.
pub fn kinds_help() -> String {
    let mut names = vec![
        "intakes",
        "employees",
        "reference-populations",
        "pl-roster",
        "all",
    ];
    names.extend(kinds::names());
    names.join(", ")
}

/// How an import runs: the command line's flags and its today.
pub struct Options<'a> {
    pub dry_run: bool,
    pub merge: Option<MergeArg>,
    pub map: &'a [String],
    pub private: bool,
    pub today: chrono::NaiveDate,
}

pub fn run(db: &Path, kind: &str, path: &Path, options: Options) -> ExitCode {
    let Options {
        dry_run,
        merge,
        map,
        private,
        today,
    } = options;
    let merge = merge.map(|m| match m {
        MergeArg::Skip => Merge::Skip,
        MergeArg::Update => Merge::Update,
    });
    let canonical = kind.trim().to_ascii_lowercase().replace('_', "-");
    if merge.is_some() && canonical != "all" {
        return super::fail(
            "--merge is for `import all DIR` (a single sheet adds what is new and skips duplicates)",
        );
    }
    if !map.is_empty() && !["intakes", "employees"].contains(&canonical.as_str()) {
        return super::fail(
            "--map is for `import intakes` and `import employees` (other kinds read the columns their export writes)",
        );
    }
    match canonical.as_str() {
        "intakes" => return super::intakes::run_import(db, path, dry_run, map, today),
        "employees" => {
            return super::report_upsert(db, dry_run, |store| {
                import::employees::import(store, path, dry_run, map, private)
            });
        }
        "reference-populations" | "reference-population" | "references" => {
            return super::report_upsert(db, dry_run, |store| {
                import::reference_populations::import(store, path, dry_run)
            });
        }
        "all" => return all(db, path, dry_run, merge),
        _ => {}
    }
    let roster = matches!(canonical.as_str(), "pl-roster" | "roster" | "course-roster");
    let kind = kinds::by_name(&canonical);
    if kind.is_none() && !roster {
        return super::fail(format!(
            "import {}: unknown kind; choose one of: {}",
            inert(kind_text(&canonical)),
            kinds_help()
        ));
    }
    let store = match super::open_existing(db, !dry_run) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let result = match kind {
        Some(k) => import::import_kind(&store, k, path, dry_run),
        None => import::roster::import(&store, path, dry_run),
    };
    report(result.map(|o| (o.lines(), o.rejected.is_empty())))
}

fn kind_text(kind: &str) -> &str {
    if kind.len() > 40 {
        &kind[..kind.floor_char_boundary(40)]
    } else {
        kind
    }
}

fn all(db: &Path, dir: &Path, dry_run: bool, merge: Option<Merge>) -> ExitCode {
    let store = match super::open_existing(db, !dry_run) {
        Ok(s) => s,
        Err(code) => return code,
    };
    report(import::all::import_all(&store, dir, dry_run, merge).map(|r| (r.lines(), r.rejected() == 0)))
}

/// Prints the lines; exit 0 when nothing was rejected, 1 when some rows were, 2 when the file
/// could not be read at all.
fn report(result: Result<(Vec<String>, bool), ImportError>) -> ExitCode {
    match result {
        Ok((lines, clean)) => {
            let mut out = out::stdout();
            for line in lines {
                // A closed pipe (`| head`) ends the listing quietly.
                if writeln!(out, "{line}").is_err() {
                    break;
                }
            }
            drop(out);
            if clean {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => super::fail(format!("{e} (nothing was imported)")),
    }
}
