//! `pathways export KIND [--out FILE]`: writes one kind through the core's CSV writers.

use super::out;
use pathways_core::export::{Ctx, KINDS, canonical, write};
use pathways_core::store::create_private_file;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(db: &Path, kind: &str, out: Option<&Path>, confidential: bool, private: bool) -> ExitCode {
    let Some(kind) = canonical(kind) else {
        return super::fail(format!(
            "export {kind}: unknown kind; choose one of: {}",
            KINDS.join(", ")
        ));
    };
    if kind == "intakes" {
        return super::intakes::export(db, out, private);
    }
    if let Some(path) = out
        && path.exists()
    {
        return super::fail(format!(
            "{}: already exists; an export never overwrites, choose a new file name",
            path.display()
        ));
    }
    let data = match super::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let ctx = Ctx {
        data: &data,
        private,
        confidential,
    };
    // The change history is kept apart from the records: read only for this export.
    let history = if kind == "audit" {
        match super::open_existing(db, false).map(|s| s.all_history()) {
            Ok(Ok((entries, problems))) => {
                for p in &problems {
                    out::warn(format!("{}: skipped damaged history entry: {p}", db.display()));
                }
                Some(entries)
            }
            Ok(Err(e)) => return super::fail(format!("{}: {e}", db.display())),
            Err(code) => return code,
        }
    } else {
        None
    };
    let write = |to: &mut dyn std::io::Write| match &history {
        Some(entries) => pathways_core::export::audit::write(entries, &data, private, confidential, to),
        None => write(&ctx, kind, to),
    };
    let result = match out {
        Some(path) => match create_private_file(path) {
            Ok(file) => {
                let written = write(&mut std::io::BufWriter::new(file));
                if written.is_err() {
                    // Leave no half-written export behind.
                    let _ = std::fs::remove_file(path);
                }
                written.map(|n| out::line(format!("exported {n} {kind} to {}", path.display())))
            }
            Err(e) => Err(format!("{}: cannot create it: {e}", path.display())),
        },
        None => write(&mut out::stdout()).map(|_| ()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => super::fail(format!("export {kind}: {e}")),
    }
}

/// `pathways export all --out DIR`: every kind, one file each, into a new folder.
pub fn run_all(db: &Path, out: Option<&Path>, confidential: bool, private: bool) -> ExitCode {
    let Some(dir) = out else {
        return super::fail("export all: name the new folder with --out DIR");
    };
    let data = match super::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let ctx = Ctx {
        data: &data,
        private,
        confidential,
    };
    match pathways_core::export::write_all(&ctx, dir) {
        Ok(counts) => {
            let records: usize = counts.iter().map(|(_, n)| n).sum();
            let _ = writeln!(
                super::out::stdout(),
                "exported {records} records in {} files to {}",
                counts.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(format!("export all: {e}")),
    }
}
