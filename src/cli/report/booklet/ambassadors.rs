//! The ambassador section: coverage by location type, the biggest uncovered locations, shared
//! locations, the year's PL sessions, and the cohort beside the reference population.

use super::charts::{self, Bar};
use super::page::{Block, Fact, Section, Table, percent, thousands};
use super::sections::{Sections, demographic_table, long_date, shown_share};
use pathways_core::domain::{Choice, Dimension, share};
use pathways_core::text::inert;

pub fn section(s: &Sections) -> Result<Section, String> {
    let a = &s.b.ambassadors;
    let c = &a.coverage;
    let mut blocks = vec![Block::Facts {
        facts: vec![
            Fact {
                value: c.active_ambassadors.to_string(),
                label: "ambassadors serving".into(),
                detail: format!("on {}", long_date(s.b.as_of)),
            },
            Fact {
                value: format!("{} of {}", c.locations_covered, c.locations_total),
                label: "locations covered".into(),
                detail: percent(c.location_share()),
            },
            Fact {
                value: thousands(c.employees_covered),
                label: "employees at covered locations".into(),
                detail: format!(
                    "of {} ({})",
                    thousands(c.employees_total),
                    percent(c.employee_share())
                ),
            },
        ],
    }];
    if let Some(note) = c.sizes_note() {
        blocks.push(Block::Note {
            text: format!("{note}."),
        });
    }
    if c.active_ambassadors == 0 {
        blocks.push(Block::Note {
            text: format!("No ambassador was serving on {}.", long_date(s.b.as_of)),
        });
    }
    // Coverage by location type.
    let kinds: Vec<_> = a.by_kind.iter().filter(|k| k.locations > 0).collect();
    let bars: Vec<Bar> = kinds
        .iter()
        .map(|k| {
            let p = share(k.covered as u64, k.locations as u64);
            Bar {
                label: k.kind.label().to_string(),
                value: Some(p),
                text: format!("{} ({}/{})", percent(p), k.covered, k.locations),
            }
        })
        .collect();
    let mut table = Table::new(
        "Coverage by location type",
        &[
            "Location type",
            "Locations covered",
            "%",
            "Employees covered",
            "%",
        ],
    );
    for k in &kinds {
        table.row(vec![
            k.kind.label().to_string(),
            format!("{} of {}", k.covered, k.locations),
            percent(share(k.covered as u64, k.locations as u64)),
            format!("{} of {}", thousands(k.employees_covered), thousands(k.employees)),
            percent(share(k.employees_covered, k.employees)),
        ]);
    }
    if !kinds.is_empty() {
        let list: Vec<String> = bars.iter().map(|b| format!("{} {}", b.label, b.text)).collect();
        blocks.push(Block::Figure {
            svg: charts::rows(&bars, None)?,
            alt: format!(
                "Bar chart of the share of locations covered, by location type: {}.",
                list.join(", ")
            ),
            caption: "Share of locations covered, by location type".into(),
            table,
        });
    }
    let mut gaps = Table::new(
        "Locations without an ambassador, biggest first",
        &["Location", "Type", "Employees"],
    )
    .text_columns(&[1]);
    for l in &a.uncovered {
        gaps.row(vec![
            inert(&l.name).into_owned(),
            l.kind.label().to_string(),
            l.employees.map_or("unknown".into(), |n| thousands(u64::from(n))),
        ]);
    }
    if !gaps.rows.is_empty() {
        blocks.push(Block::Table { table: gaps });
    }
    blocks.push(Block::List {
        title: "Locations with more than one ambassador".into(),
        items: a
            .shared
            .iter()
            .map(|(l, n)| format!("{} ({n})", inert(&l.name)))
            .collect(),
    });
    // The year's monthly PL sessions, held and planned.
    let mut sessions = Table::new(
        format!("Ambassador PL sessions, {}", s.b.year.short_label()),
        &["Date", "Topic", "Presenter", "Present"],
    )
    .text_columns(&[0, 1, 2]);
    for x in &a.sessions {
        sessions.row(vec![
            long_date(x.date),
            inert(&x.topic).into_owned(),
            inert(&x.presenter).into_owned(),
            match x.present {
                Some((came, of)) => format!("{came} of {of}"),
                None => "planned".into(),
            },
        ]);
    }
    if sessions.rows.is_empty() {
        blocks.push(Block::Note {
            text: "No ambassador PL sessions recorded for this year yet.".into(),
        });
    } else {
        blocks.push(Block::Table { table: sessions });
    }
    // The cohort beside the reference population.
    let reference = a.reference.clone().unwrap_or_else(|| "Reference".into());
    for t in &a.demographics {
        if t.dimension == Dimension::Race && s.private {
            blocks.push(Block::Note {
                text: "The cohort by race is left out of this copy (--private).".into(),
            });
            continue;
        }
        let table = demographic_table(t, &inert(&reference));
        if t.dimension != Dimension::Race {
            blocks.push(Block::Table { table });
            continue;
        }
        let rows: Vec<_> = t
            .rows
            .iter()
            .filter(|r| !matches!(r.cohort, pathways_core::domain::Shown::Count(0)) || r.reference.is_some())
            .collect();
        let bars: Vec<Bar> = rows
            .iter()
            .map(|r| {
                let p = shown_share(r.cohort, t.cohort_total);
                Bar {
                    label: inert(&r.group).into_owned(),
                    value: p,
                    text: p.map(percent).unwrap_or_else(|| r.cohort.count_text()),
                }
            })
            .collect();
        let marks: Vec<Option<f64>> = rows
            .iter()
            .map(|r| r.reference.and_then(|x| shown_share(x, t.reference_total)))
            .collect();
        let list: Vec<String> = bars
            .iter()
            .zip(&marks)
            .map(|(b, m)| match m {
                Some(m) => format!("{} {} (reference {})", b.label, b.text, percent(*m)),
                None => format!("{} {}", b.label, b.text),
            })
            .collect();
        let name = inert(&reference).into_owned();
        blocks.push(Block::Figure {
            svg: charts::rows(&bars, a.reference.is_some().then_some(marks.as_slice()))?,
            alt: format!(
                "Bar chart of the ambassador cohort by race, in percent, with the {name} as ticks: {}.",
                list.join("; ")
            ),
            caption: format!("Ambassador cohort by race (bars, percent) beside the {name} (ticks)"),
            table,
        });
    }
    Ok(Section {
        id: "ambassadors",
        title: "Ambassadors".into(),
        how: format!(
            "As of {}: an ambassador serves from the first to the last day of the tenure (18 months \
             unless changed) and covers the primary location and every location supported; a \
             location with two ambassadors counts once, and so do its employees (the location's \
             head count of supporting-services staff). The cohort is everyone serving that day, by \
             chapter, years of service and race, beside the {} the team entered; the gap is the \
             cohort's share less the reference's, in points. Ambassadors need 5 years of service. \
             Small groups: {}",
            long_date(s.b.as_of),
            inert(&reference),
            super::SMALL_GROUPS
        ),
        blocks,
    })
}
