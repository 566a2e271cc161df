//! `pathways find QUERY`: the best matches as plain lines, for scripts and SSH one-liners.

use super::{Format, out};
use pathways_core::privacy::Mask;
use pathways_core::text;
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
    let mask = Mask::file(private);
    let title = |e: &pathways_core::search::Entry| match e.person {
        Some(_) => mask.name(&e.title).into_owned(),
        None => e.title.clone(),
    };
    let mut out = out::stdout();
    let written = match format {
        // Columns by display width: a wide or accented name keeps the facts lined up.
        Format::Text => hits.iter().try_for_each(|e| {
            writeln!(
                out,
                "{} {} {}",
                text::fill(e.kind.label(), 12),
                text::fill(&text::inert(&title(e)), 28),
                e.facts
            )
        }),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            let mut r = w.write_record(["kind", "id", "name", "facts"]);
            for e in &hits {
                let row = [e.kind.label(), &e.id.to_string(), &title(e), &e.facts];
                r = r.and_then(|_| w.write_record(row.map(|c| text::sheet_cell(c).into_owned())));
            }
            r.and_then(|_| w.flush().map_err(csv::Error::from))
                .map_err(std::io::Error::other)
        }
    }
    .and_then(|()| out.flush());
    if let Err(e) = written {
        return super::fail(format!("cannot write the results: {e}"));
    }
    if hits.is_empty() {
        out::warn(format!("nothing matches {query:?}"));
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
