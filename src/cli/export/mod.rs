//! `pathways export KIND [--out FILE]`: every record of one kind as CSV with a header, for the
//! team's own spreadsheets. Ids are kept (so rows can be joined) and the names they point to are
//! written beside them. Dates are YYYY-MM-DD, lists are joined with "; ".
//!
//! What is left out: mentoring log topics and pair notes are confidential by program rule and are
//! written only with `--confidential`. With `--private`, names become initials and race,
//! evaluation, retirement and notes columns are left empty, as on the privacy screen.
//! A file written with `--out` is new (never overwritten) and readable by its owner alone.

mod kinds;

use crate::dataset::Dataset;
use crate::domain::{Id, initials};
use crate::store::create_private_file;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Every kind this command writes, in the order `--help` lists them. (`intakes` is written by
/// the intake module in its import format.)
pub const KINDS: &[&str] = &[
    "employees",
    "locations",
    "intakes",
    "consultations",
    "mentors",
    "pairs",
    "logs",
    "ambassadors",
    "ambassador-sessions",
    "cohorts",
    "participants",
    "sessions",
    "attendance",
    "waitlist",
    "offerings",
    "pl-sessions",
    "pl-attendance",
    "popups",
];

/// Other names people type for the same kinds.
fn canonical(kind: &str) -> Option<&'static str> {
    let k = kind.trim().to_ascii_lowercase().replace('_', "-");
    let alias = match k.as_str() {
        "mentoring-pairs" => "pairs",
        "mentor-logs" => "logs",
        "leadership-sessions" => "sessions",
        "leadership-attendance" => "attendance",
        "popup-events" | "pop-ups" => "popups",
        other => other,
    };
    KINDS.iter().copied().find(|x| *x == alias)
}

pub fn run(db: &Path, kind: &str, out: Option<&Path>, confidential: bool, private: bool) -> ExitCode {
    let Some(kind) = canonical(kind) else {
        return super::fail(format!(
            "export {kind}: unknown kind; choose one of: {}",
            KINDS.join(", ")
        ));
    };
    if kind == "intakes" {
        return super::intakes::export(db, out);
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
    let result = match out {
        Some(path) => match create_private_file(path) {
            Ok(file) => {
                let written = write(&ctx, kind, std::io::BufWriter::new(file));
                if written.is_err() {
                    // Leave no half-written export behind.
                    let _ = std::fs::remove_file(path);
                }
                written.map(|n| {
                    println!("exported {n} {kind} to {}", path.display());
                })
            }
            Err(e) => Err(format!("{}: cannot create it: {e}", path.display())),
        },
        None => write(&ctx, kind, std::io::stdout().lock()).map(|_| ()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => super::fail(format!("export {kind}: {e}")),
    }
}

struct Ctx<'a> {
    data: &'a Dataset,
    private: bool,
    confidential: bool,
}

impl Ctx<'_> {
    fn name(&self, employee: Id) -> String {
        match self.data.employee(employee) {
            Some(e) if self.private => initials(&e.full_name()),
            Some(e) => e.full_name(),
            None => String::new(),
        }
    }

    /// Race, evaluation, retirement, notes: empty under `--private`.
    fn sensitive(&self, text: String) -> String {
        if self.private { String::new() } else { text }
    }

    fn location(&self, id: Option<Id>) -> String {
        id.and_then(|id| self.data.location(id))
            .map(|l| l.name.clone())
            .unwrap_or_default()
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

fn ids(list: &[Id]) -> String {
    list.iter().map(Id::to_string).collect::<Vec<_>>().join("; ")
}

/// Writes the header and every record of `kind`; returns how many records.
fn write(ctx: &Ctx, kind: &str, out: impl Write) -> Result<usize, String> {
    let mut w = csv::Writer::from_writer(out);
    let n = kinds::rows(ctx, kind, &mut |record: Vec<String>| {
        w.write_record(&record).map_err(|e| e.to_string())
    })?;
    w.flush().map_err(|e| e.to_string())?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_accept_the_usual_spellings() {
        assert_eq!(canonical("PL_sessions"), Some("pl-sessions"));
        assert_eq!(canonical("mentor-logs"), Some("logs"));
        assert_eq!(canonical("popup_events"), Some("popups"));
        assert_eq!(canonical("nothing"), None);
    }
}
