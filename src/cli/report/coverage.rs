//! `pathways report coverage [--as-of DATE] [--format text|csv]`: totals, coverage by location
//! type, and the uncovered locations biggest first. No names of people, so `--private` changes
//! nothing. CSV: one row per location (uncovered first, biggest first).

use super::table::Table;
use crate::cli::Format;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::{Choice, Location, coverage, coverage_by_kind, ending_soon, uncovered};
use pathways_core::text::percent;

pub fn report(data: &Dataset, as_of: NaiveDate, format: Format) -> String {
    match format {
        Format::Text => text(data, as_of),
        Format::Csv => csv(data, as_of),
    }
}

/// Every location: uncovered ones first, then covered ones, each biggest first.
fn csv(data: &Dataset, as_of: NaiveDate) -> String {
    let c = coverage(&data.ambassadors, &data.locations, as_of);
    let mut locations: Vec<&Location> = data.locations.iter().collect();
    locations.sort_by(|a, b| {
        (c.is_covered(a.id), std::cmp::Reverse(a.employees), &a.name).cmp(&(
            c.is_covered(b.id),
            std::cmp::Reverse(b.employees),
            &b.name,
        ))
    });
    super::csv(
        &["as_of", "location", "type", "employees", "ambassadors", "covered"],
        locations.into_iter().map(|l| {
            let n = c.ambassadors_per_location.get(&l.id).copied().unwrap_or(0);
            vec![
                as_of.to_string(),
                l.name.clone(),
                l.kind.label().to_string(),
                l.employees.map(|n| n.to_string()).unwrap_or_default(),
                n.to_string(),
                if n > 0 { "yes" } else { "no" }.to_string(),
            ]
        }),
    )
}

fn text(data: &Dataset, as_of: NaiveDate) -> String {
    let c = coverage(&data.ambassadors, &data.locations, as_of);
    let shared = c.ambassadors_per_location.values().filter(|&&n| n > 1).count();
    let ending = ending_soon(&data.ambassadors, as_of).len();
    let mut s = format!("Ambassador coverage as of {as_of}\n");
    s.push_str(&format!(
        "{} ambassadors active ({ending} tenures end within 60 days)\n",
        c.active_ambassadors
    ));
    s.push_str(&format!(
        "{} of {} locations covered ({}); {shared} with more than one ambassador\n",
        c.locations_covered,
        c.locations_total,
        percent(c.locations_covered as u64, c.locations_total as u64)
    ));
    s.push_str(&format!(
        "{} of {} employees at covered locations ({})\n",
        c.employees_covered,
        c.employees_total,
        percent(c.employees_covered, c.employees_total)
    ));
    if let Some(note) = c.sizes_note() {
        s.push_str(&format!("{note}\n"));
    }
    s.push('\n');
    let mut kinds = Table::new(0, 2)
        .left("Location type")
        .right("Locations")
        .right("%")
        .right("Employees")
        .right("%");
    for k in coverage_by_kind(&c, &data.locations) {
        kinds.row(vec![
            k.kind.label().to_string(),
            format!("{}/{}", k.covered, k.locations),
            percent(k.covered as u64, k.locations as u64),
            format!("{}/{}", k.employees_covered, k.employees),
            percent(k.employees_covered, k.employees),
        ]);
    }
    s.push_str(&kinds.render());
    let gaps = uncovered(&c, &data.locations);
    s.push_str(&format!(
        "\nUncovered locations, biggest first ({}):\n",
        gaps.len()
    ));
    let mut list = Table::new(0, 2).right("Staff").left("Location").left("Type");
    for l in gaps {
        list.row(vec![
            l.employees_cell(),
            l.name.clone(),
            l.kind.label().to_string(),
        ]);
    }
    if !list.is_empty() {
        s.push_str(&list.render());
    }
    s
}
