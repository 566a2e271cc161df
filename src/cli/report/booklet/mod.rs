//! `pathways report booklet --fy 2025 [--as-of DATE] --out FILE [--private]`: the stakeholder
//! booklet of a fiscal year as one self-contained HTML file: no script, no network, charts as
//! inline SVG (plotters), the page from a template (minijinja, HTML auto-escaping), print CSS
//! for a clean PDF, a table behind every chart. Created new (never overwrites), owner-only.

mod ambassadors;
mod charts;
mod leadership;
mod page;
mod sections;

use page::{Block, Page};
use pathways_core::dataset::Dataset;
use pathways_core::domain::FiscalYear;
use pathways_core::store::create_private_file;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

const TEMPLATE: &str = include_str!("booklet.html");

/// The one small-group rule, in words for the reader.
pub const SMALL_GROUPS: &str = "a group of 1 to 4 people is shown as <5, never as a number, and \
    where a total would give it away a second group is shown as * too; no share or bar is drawn for \
    either.";

/// The whole page as HTML.
pub fn render(
    data: &Dataset,
    year: FiscalYear,
    as_of: chrono::NaiveDate,
    private: bool,
) -> Result<String, String> {
    let b = pathways_core::metrics::booklet::booklet(data, year, as_of);
    let sections = sections::Sections { b: &b, private }.all()?;
    let charts = sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::Figure { .. }))
        .count();
    let page = Page {
        title: format!("Career Pathways Program · {}", year.short_label()),
        year: format!("Fiscal Year {}", year.0),
        as_of: sections::long_date(as_of),
        as_of_iso: as_of.to_string(),
        span: sections::span(year, as_of),
        private,
        sections,
        small_groups: SMALL_GROUPS.into(),
        generated: chrono::Local::now().date_naive().to_string(),
        charts,
    };
    let mut env = minijinja::Environment::new();
    // A name the template does not know is an error here, never an empty spot on the page.
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template("booklet.html", TEMPLATE)
        .map_err(|e| format!("the booklet template: {e}"))?;
    let template = env
        .get_template("booklet.html")
        .map_err(|e| format!("the booklet template: {e}"))?;
    template
        .render(minijinja::value::Serde(&page))
        .map_err(|e| format!("the booklet template: {e}"))
}

pub fn run(db: &Path, year: FiscalYear, as_of: chrono::NaiveDate, out: &Path, private: bool) -> ExitCode {
    if out.exists() {
        return crate::cli::fail(format!(
            "{}: already exists; the booklet never overwrites a file, choose a new name",
            out.display()
        ));
    }
    let data = match crate::cli::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let html = match render(&data, year, as_of, private) {
        Ok(h) => h,
        Err(e) => return crate::cli::fail(format!("report booklet: {e}")),
    };
    let mut file = match create_private_file(out) {
        Ok(f) => f,
        Err(e) => return crate::cli::fail(format!("{}: cannot create the booklet: {e}", out.display())),
    };
    if let Err(e) = file.write_all(html.as_bytes()).and_then(|()| file.sync_all()) {
        // Leave no half-written booklet behind (this file is the one just created).
        drop(file);
        let _ = std::fs::remove_file(out);
        return crate::cli::fail(format!("{}: cannot write the booklet: {e}", out.display()));
    }
    crate::cli::out::line(format!(
        "wrote {}: {} as of {}{}, {} KB",
        out.display(),
        year.short_label(),
        as_of,
        if private {
            " (private: no names, no race)"
        } else {
            ""
        },
        html.len().div_ceil(1024)
    ));
    ExitCode::SUCCESS
}
