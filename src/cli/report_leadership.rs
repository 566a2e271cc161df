//! `pathways report leadership`.

use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

pub fn run(_db: &Path, _today: NaiveDate, _fy: Option<i32>) -> ExitCode {
    super::fail("report leadership: not built yet")
}
