//! `pathways find QUERY`: the best matches as plain lines, for scripts and SSH one-liners.

use super::Format;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(db: &Path, query: &str, limit: usize, format: Format, private: bool) -> ExitCode {
    if query.trim().is_empty() {
        return super::fail("find: give something to look for, e.g. `pathways find garcia`");
    }
    let data = match super::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let index = pathways_core::search::Index::build(&data);
    let hits = index.search(query, limit.max(1));
    let title = |e: &pathways_core::search::Entry| {
        if private && e.person.is_some() {
            pathways_core::domain::initials(&e.title)
        } else {
            e.title.clone()
        }
    };
    let mut out = super::out::stdout();
    let written = match format {
        Format::Text => hits
            .iter()
            .try_for_each(|e| writeln!(out, "{:<12} {:<28} {}", e.kind.label(), title(e), e.facts)),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            let mut r = w.write_record(["kind", "id", "name", "facts"]);
            for e in &hits {
                r = r.and_then(|_| w.write_record([e.kind.label(), &e.id.to_string(), &title(e), &e.facts]));
            }
            r.and_then(|_| w.flush().map_err(csv::Error::from))
                .map_err(std::io::Error::other)
        }
    };
    if let Err(e) = written {
        return super::fail(format!("cannot write the results: {e}"));
    }
    if hits.is_empty() {
        eprintln!("pathways: nothing matches {query:?}");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
