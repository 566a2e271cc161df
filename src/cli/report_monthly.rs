//! `pathways report monthly`.

use super::Format;
use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

pub fn run(_db: &Path, _today: NaiveDate, _fy: Option<i32>, _format: Format) -> ExitCode {
    super::fail("report monthly: not built yet")
}
