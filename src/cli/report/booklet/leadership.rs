//! The leadership section: the cohort's schedule, its profile by role and race, and attendance
//! and completion so far.

use super::charts::{self, Bar};
use super::page::{Block, Fact, Section, Table, percent};
use super::sections::{Sections, long_date};
use pathways_core::domain::rate_label;
use pathways_core::text::inert;

pub fn section(s: &Sections) -> Result<Section, String> {
    let fy = s.b.year.short_label();
    let Some(l) = &s.b.leadership else {
        return Ok(Section {
            id: "leadership",
            title: "Leadership development program".into(),
            how: "One cohort each fiscal year, eight full-day sessions.".into(),
            blocks: vec![Block::Note {
                text: format!("No leadership cohort for {fy} yet."),
            }],
        });
    };
    let mut schedule = Table::new(
        format!("{fy} leadership sessions"),
        &[
            "Session",
            "Date",
            "Time",
            "Location",
            "Room",
            "Topic",
            "Attendance",
        ],
    )
    .text_columns(&[1, 2, 3, 4, 5]);
    for (x, rate) in &l.sessions {
        schedule.row(vec![
            x.number.to_string(),
            long_date(x.date),
            format!("{} – {}", x.start.format("%-I:%M %p"), x.end.format("%-I:%M %p")),
            inert(&x.location).into_owned(),
            inert(&x.room).into_owned(),
            inert(&x.topic).into_owned(),
            if x.date > s.b.as_of {
                "planned".into()
            } else {
                rate_label(*rate)
            },
        ]);
    }
    let held = l.sessions.iter().filter(|(x, _)| x.date <= s.b.as_of).count();
    let mut blocks = vec![
        Block::Facts {
            facts: vec![
                Fact {
                    value: l.participants.to_string(),
                    label: format!("participants in the {fy} cohort"),
                    detail: format!("{held} of {} sessions held", l.sessions.len()),
                },
                Fact {
                    value: l.completed.to_string(),
                    label: "completed".into(),
                    detail: format!(
                        "{} on track, {} can no longer complete, {} withdrew",
                        l.on_track, l.cannot_complete, l.withdrawn
                    ),
                },
            ],
        },
        Block::Table { table: schedule },
        Block::List {
            title: format!("Roles held by participants in the {fy} cohort"),
            items: l.roles.iter().map(|r| inert(r).into_owned()).collect(),
        },
    ];
    if s.private {
        blocks.push(Block::Note {
            text: "The cohort by race is left out of this copy (--private).".into(),
        });
    } else if l.participants > 0 {
        let bars: Vec<Bar> = l
            .by_race
            .iter()
            .map(|x| {
                let p = x.count as f64 * 100.0 / l.participants as f64;
                Bar {
                    label: inert(&x.label).into_owned(),
                    value: Some(p),
                    text: percent(p),
                }
            })
            .collect();
        let mut table = Table::new(format!("{fy} cohort by race"), &["Race", "Participants", "%"]);
        for x in &l.by_race {
            table.row(vec![
                inert(&x.label).into_owned(),
                x.count.to_string(),
                x.percent.clone(),
            ]);
        }
        let list: Vec<String> = bars.iter().map(|b| format!("{} {}", b.label, b.text)).collect();
        blocks.push(Block::Figure {
            svg: charts::rows(&bars, None)?,
            alt: format!("Bar chart of the {fy} cohort by race: {}.", list.join(", ")),
            caption: format!("{fy} cohort by race (percent of {} participants)", l.participants),
            table,
        });
    }
    Ok(Section {
        id: "leadership",
        title: "Leadership development program".into(),
        how: format!(
            "The {fy} cohort and its eight sessions as scheduled; attendance is present of marked, \
             for sessions held by {}. Completion rule: {}. The cohort's profile is shown as the \
             program publishes it (a named cohort; race is left out with --private).",
            long_date(s.b.as_of),
            l.rule
        ),
        blocks,
    })
}
