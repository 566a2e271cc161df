//! `pathways find QUERY`: the best matches as plain lines.

use super::Format;
use std::path::Path;
use std::process::ExitCode;

pub fn run(_db: &Path, _query: &str, _limit: usize, _format: Format) -> ExitCode {
    super::fail("find: not built yet")
}
