//! `pathways report coverage`: totals and the uncovered locations.

use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

pub fn run(_db: &Path, _as_of: NaiveDate) -> ExitCode {
    super::fail("report coverage: not built yet")
}
