//! `pathways report coverage [--as-of DATE]`: totals, coverage by location type, and the
//! uncovered locations biggest first. Plain text, no names of people.

use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::{Choice, coverage, coverage_by_kind, ending_soon, share, uncovered};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(db: &Path, as_of: NaiveDate) -> ExitCode {
    let data = match super::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let text = report(&data, as_of);
    let mut out = super::out::stdout();
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            super::fail(format!("cannot write the report: {e}"))
        }
        _ => ExitCode::SUCCESS,
    }
}

fn pct(part: u64, whole: u64) -> String {
    format!("{:.1}%", share(part, whole))
}

/// The report as text.
pub fn report(data: &Dataset, as_of: NaiveDate) -> String {
    let c = coverage(&data.ambassadors, &data.locations, as_of);
    let shared = c.ambassadors_per_location.values().filter(|&&n| n > 1).count();
    let ending = ending_soon(&data.ambassadors, as_of).len();
    let mut s = String::new();
    let mut line = |l: String| {
        s.push_str(&l);
        s.push('\n');
    };
    line(format!("Ambassador coverage as of {as_of}"));
    line(format!(
        "{} ambassadors active ({ending} tenures end within 60 days)",
        c.active_ambassadors
    ));
    line(format!(
        "{} of {} locations covered ({}); {shared} with more than one ambassador",
        c.locations_covered,
        c.locations_total,
        pct(c.locations_covered as u64, c.locations_total as u64)
    ));
    line(format!(
        "{} of {} employees at covered locations ({})",
        c.employees_covered,
        c.employees_total,
        pct(c.employees_covered, c.employees_total)
    ));
    line(String::new());
    line(format!(
        "{:<18} {:>9} {:>6} {:>13} {:>6}",
        "Location type", "Locations", "%", "Employees", "%"
    ));
    for k in coverage_by_kind(&c, &data.locations) {
        line(format!(
            "{:<18} {:>9} {:>6} {:>13} {:>6}",
            k.kind.label(),
            format!("{}/{}", k.covered, k.locations),
            pct(k.covered as u64, k.locations as u64),
            format!("{}/{}", k.employees_covered, k.employees),
            pct(k.employees_covered, k.employees)
        ));
    }
    let gaps = uncovered(&c, &data.locations);
    line(String::new());
    line(format!("Uncovered locations, biggest first ({}):", gaps.len()));
    for l in gaps {
        line(format!("{:>6}  {} ({})", l.employees, l.name, l.kind.label()));
    }
    s
}
