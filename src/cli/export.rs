//! `pathways export KIND`: every record of one kind as CSV.

use std::path::Path;
use std::process::ExitCode;

pub fn run(_db: &Path, kind: &str, _out: Option<&Path>) -> ExitCode {
    super::fail(format!("export {kind}: not built yet"))
}
