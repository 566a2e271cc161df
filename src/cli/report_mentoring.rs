//! `pathways report mentoring`.

use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

pub fn run(_db: &Path, _today: NaiveDate, _confidential: bool) -> ExitCode {
    super::fail("report mentoring: not built yet")
}
