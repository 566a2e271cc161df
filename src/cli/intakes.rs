//! `pathways import intakes FILE` and `pathways export intakes`: the runners around the core's
//! intake sheet format.

use super::out;
use pathways_core::import::intakes::{ImportError, import_mapped, parse_map, write_csv};
use pathways_core::privacy::Mask;
use pathways_core::store::StoreError;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// `pathways import intakes FILE [--dry-run] [--map COLUMN=HEADER]...`.
pub fn run_import(
    db: &Path,
    file: &Path,
    dry_run: bool,
    map: &[String],
    today: chrono::NaiveDate,
) -> ExitCode {
    let map = match parse_map(map) {
        Ok(m) => m,
        Err(e) => return super::fail(format!("{e} (nothing was imported)")),
    };
    let store = match super::open_existing(db, !dry_run) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match import_mapped(&store, file, dry_run, &map, today) {
        Ok(summary) => {
            let mut out = out::stdout();
            for line in summary.lines() {
                let _ = writeln!(out, "{line}");
            }
            drop(out);
            if summary.rejected.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(ImportError::Store(e @ StoreError::ReadOnly(_))) => {
            super::fail(format!("{}: {e}; nothing was imported", db.display()))
        }
        Err(e) => super::fail(format!("{e} (nothing was imported)")),
    }
}

/// `pathways export intakes [--out FILE]`; `--private` masks it like every other export.
pub fn export(db: &Path, out: Option<&Path>, private: bool) -> ExitCode {
    let data = match super::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let mask = Mask::file(private);
    let result = match out {
        Some(path) => match pathways_core::store::create_private_file(path) {
            Ok(file) => write_csv(&data, mask, std::io::BufWriter::new(file)),
            Err(e) => return super::fail(format!("{}: {e}", path.display())),
        },
        None => write_csv(&data, mask, out::stdout()),
    };
    match result {
        Ok(skipped) => {
            for id in skipped {
                out::warn(format!("intake #{id} skipped: its employee record is missing"));
            }
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(format!("export intakes: {e}")),
    }
}
