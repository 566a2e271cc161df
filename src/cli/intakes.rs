//! `pathways import intakes FILE`: the intake form's spreadsheet export.

use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

pub fn import(_db: &Path, _file: &Path, _dry_run: bool, _today: NaiveDate) -> ExitCode {
    super::fail("import intakes: not built yet")
}

/// `pathways export intakes`: the intakes with the import's headers plus status and dates.
pub fn export(_db: &Path, _out: Option<&Path>) -> ExitCode {
    super::fail("export intakes: not built yet")
}
