//! `pathways find QUERY`: the best matches as plain lines, for scripts and SSH one-liners. People
//! come with their employee id and email (the email left out under `--private`, as
//! `pathways_core::privacy` says); whole-word name matches rank before fuzzy ones (the search's
//! one rule); a cut at `--limit` is said on stderr, so stdout stays the results alone.

use super::{Format, out};
use pathways_core::domain::Employee;
use pathways_core::privacy::{Mask, Sensitive};
use pathways_core::search::Entry;
use pathways_core::text;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// One hit as printed: kind, name, the person's employee id and email (when it names a person),
/// and the facts.
struct Hit<'a> {
    entry: &'a Entry,
    name: String,
    number: String,
    email: String,
}

fn hit<'a>(person: Option<&Employee>, mask: Mask, entry: &'a Entry) -> Hit<'a> {
    let name = match entry.person {
        Some(_) => mask.name(&entry.title).into_owned(),
        None => entry.title.clone(),
    };
    Hit {
        entry,
        name,
        number: person
            .map(|e| e.employee_number.trim().to_string())
            .unwrap_or_default(),
        email: person
            .map(|e| mask.show(Sensitive::Email, e.email.trim()).into_owned())
            .unwrap_or_default(),
    }
}

pub fn run(db: &Path, query: &str, limit: usize, format: Format, private: bool) -> ExitCode {
    if query.trim().is_empty() {
        return super::fail("find: give something to look for, e.g. `pathways find garcia`");
    }
    let limit = limit.max(1);
    let store = match super::open_existing(db, false) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // The search index kept in the file: only it and the hits' own records are read.
    let found = match store.find(query, limit) {
        Ok(Some(found)) => found,
        // A database of an earlier format, whose index its next save builds: load it all.
        Ok(None) => {
            drop(store);
            let data = match super::load(db) {
                Ok(d) => d,
                Err(code) => return code,
            };
            let index = pathways_core::search::Index::build(&data);
            let (entries, matched) = index.search_counted(&data, query, limit);
            let people = entries
                .iter()
                .map(|e| e.person.and_then(|id| data.employee(id)).cloned())
                .collect();
            pathways_core::store::Found {
                entries,
                people,
                matched,
            }
        }
        Err(e) => return super::fail(e),
    };
    let (entries, matched) = (&found.entries, found.matched);
    let mask = Mask::file(private);
    let hits: Vec<Hit> = entries
        .iter()
        .zip(&found.people)
        .map(|(e, p)| hit(p.as_ref(), mask, e))
        .collect();
    let mut out = out::stdout();
    let written = match format {
        // Columns by display width: a wide or accented name keeps the facts lined up.
        Format::Text => {
            let email_width = hits.iter().map(|h| text::width(&h.email)).max().unwrap_or(0);
            hits.iter().try_for_each(|h| {
                let line = format!(
                    "{} {} {} {} {}",
                    text::fill(h.entry.kind.label(), 11),
                    text::fill(&text::inert(&h.name), 24),
                    text::fill(&h.number, 7),
                    text::fill(&text::inert(&h.email), email_width),
                    h.entry.facts
                );
                writeln!(out, "{}", line.trim_end())
            })
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            let mut r = w.write_record(["kind", "id", "name", "employee_id", "email", "facts"]);
            for h in &hits {
                let row = [
                    h.entry.kind.label(),
                    &h.entry.id.to_string(),
                    &h.name,
                    &h.number,
                    &h.email,
                    &h.entry.facts,
                ];
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
        return ExitCode::from(1);
    }
    if matched > hits.len() {
        out::warn(format!(
            "showing the best {} of {}; --limit {matched} shows them all",
            hits.len(),
            text::count(matched, "match")
        ));
    }
    ExitCode::SUCCESS
}
