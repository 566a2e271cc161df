//! `pathways report leadership [--fy 2025] [--as-of DATE] [--format text|csv] [--table ...]`:
//! the cohort's schedule, attendance rates, completion status and profile. Marks of sessions
//! after the as-of date are not counted. `--private` prints initials and leaves race out.

use super::table::Table;
use super::{LeadershipTable, name};
use crate::cli::Format;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    AttendanceMark, Choice, Cohort, CohortSummary, FiscalYear, ParticipantStatus, Share, UNKNOWN_CHAPTER,
    breakdown, rate_label,
};
use std::fmt::Write as _;

/// The cohort of `fy`, or of the fiscal year `on` is in, or the latest.
pub fn cohort(data: &Dataset, fy: Option<FiscalYear>, on: NaiveDate) -> Result<&Cohort, String> {
    let years = || {
        let mut y: Vec<String> = data
            .cohorts
            .iter()
            .map(|c| FiscalYear(c.fiscal_year).short_label())
            .collect();
        y.sort();
        if y.is_empty() {
            "none yet".to_string()
        } else {
            y.join(", ")
        }
    };
    match fy {
        Some(year) => data.cohort_for(year).ok_or_else(|| {
            format!(
                "leadership: no cohort for {} (cohorts: {})",
                year.short_label(),
                years()
            )
        }),
        None => data
            .cohort_for(FiscalYear::of(on))
            .or_else(|| data.cohorts.iter().max_by_key(|c| c.fiscal_year))
            .ok_or_else(|| "leadership: there is no leadership cohort yet".to_string()),
    }
}

/// The cohort's summary as of `on`: marks of sessions held after `on` are left out.
pub fn summary(data: &Dataset, cohort: &Cohort, on: NaiveDate) -> CohortSummary {
    let held: std::collections::HashSet<u64> = data
        .sessions
        .iter()
        .filter(|s| s.cohort_id == cohort.id && s.date <= on)
        .map(|s| s.id)
        .collect();
    let marks: Vec<&AttendanceMark> = data
        .attendance
        .iter()
        .filter(|m| held.contains(&m.session_id))
        .collect();
    CohortSummary::build(
        cohort,
        data.cohort_participants(cohort.id),
        &data.sessions,
        marks,
        on,
    )
}

/// The profile by role, chapter and (unless private) race.
pub fn profile(data: &Dataset, s: &CohortSummary, private: bool) -> Vec<(&'static str, Vec<Share>)> {
    let mut out = vec![
        ("role", breakdown(s.people.iter().map(|p| p.role.clone()))),
        (
            "chapter",
            breakdown(s.people.iter().map(|p| {
                data.employee(p.employee_id)
                    .map(|e| e.chapter_group().to_string())
                    .unwrap_or_else(|| UNKNOWN_CHAPTER.into())
            })),
        ),
    ];
    if !super::hides_race(private) {
        out.push((
            "race",
            breakdown(s.people.iter().map(|p| {
                data.employee(p.employee_id)
                    .map(|e| e.race.label().to_string())
                    .unwrap_or_else(|| "Unknown".into())
            })),
        ));
    }
    out
}

pub fn report(
    data: &Dataset,
    on: NaiveDate,
    fy: Option<FiscalYear>,
    format: Format,
    table: LeadershipTable,
    private: bool,
) -> Result<String, String> {
    let cohort = cohort(data, fy, on)?;
    let s = summary(data, cohort, on);
    Ok(match format {
        Format::Text => text(data, cohort, &s, on, private),
        Format::Csv => csv(data, cohort, &s, table, private),
    })
}

fn completion_label(s: &CohortSummary, i: usize) -> String {
    s.completion[i]
        .map(|c| c.label().to_string())
        .unwrap_or_else(|| "withdrawn".into())
}

fn csv(data: &Dataset, cohort: &Cohort, s: &CohortSummary, table: LeadershipTable, private: bool) -> String {
    let fy = FiscalYear(cohort.fiscal_year).short_label();
    let rate = |r: Option<f64>| r.map(|r| format!("{r:.1}")).unwrap_or_default();
    match table {
        LeadershipTable::Participants => super::csv(
            &[
                "cohort",
                "participant",
                "role",
                "attended",
                "sessions",
                "rate",
                "completion",
            ],
            s.people.iter().enumerate().map(|(i, p)| {
                vec![
                    fy.clone(),
                    name(&data.employee_name(p.employee_id), private),
                    p.role.clone(),
                    s.attended[i].to_string(),
                    s.sessions.len().to_string(),
                    rate(s.person_rate[i]),
                    completion_label(s, i),
                ]
            }),
        ),
        LeadershipTable::Sessions => super::csv(
            &[
                "cohort",
                "number",
                "date",
                "start",
                "end",
                "location",
                "room",
                "topic",
                "facilitator",
                "rate",
            ],
            s.sessions.iter().enumerate().map(|(i, x)| {
                vec![
                    fy.clone(),
                    x.number.to_string(),
                    x.date.to_string(),
                    x.start.format("%H:%M").to_string(),
                    x.end.format("%H:%M").to_string(),
                    x.location.clone(),
                    x.room.clone(),
                    x.topic.clone(),
                    x.facilitator.clone(),
                    rate(s.session_rate[i]),
                ]
            }),
        ),
        LeadershipTable::Profile => super::csv(
            &["cohort", "by", "group", "participants", "percent"],
            profile(data, s, private).into_iter().flat_map(|(by, shares)| {
                let fy = fy.clone();
                shares.into_iter().map(move |sh| {
                    vec![
                        fy.clone(),
                        by.to_string(),
                        sh.label,
                        sh.count.to_string(),
                        sh.percent.trim_end_matches('%').to_string(),
                    ]
                })
            }),
        ),
    }
}

fn text(data: &Dataset, cohort: &Cohort, s: &CohortSummary, on: NaiveDate, private: bool) -> String {
    let year = FiscalYear(cohort.fiscal_year);
    let mut o = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(
        o,
        "Leadership cohort {} ({} to {}): {} participants, as of {on}",
        year.short_label(),
        year.start(),
        year.end(),
        s.people.len()
    );
    let _ = writeln!(o, "Completion rule: {}\n", cohort.rule.describe());
    let _ = writeln!(o, "Schedule (rate = present of marked)");
    let inert = |t: &str| pathways_core::text::inert(t).into_owned();
    for (i, x) in s.sessions.iter().enumerate() {
        let _ = writeln!(
            o,
            "{:>3}  {}  {}-{} {:>4}  {}",
            x.number,
            x.date,
            x.start.format("%H:%M"),
            x.end.format("%H:%M"),
            rate_label(s.session_rate[i]),
            // The place takes what is left of the report's width.
            pathways_core::text::fit(
                &inert(&format!("{}, room {}", x.location, x.room)),
                super::WIDTH - 35
            ),
        );
        o.push_str(&super::wrap(&format!("{} · {}", x.topic, x.facilitator), 5));
    }
    match s.next_session(on) {
        Some(n) => o.push_str(&super::wrap(
            &format!(
                "Next session: {} on {} {}-{}, {}, room {}: {}",
                n.number,
                n.date,
                n.start.format("%H:%M"),
                n.end.format("%H:%M"),
                n.location,
                n.room,
                n.topic
            ),
            0,
        )),
        None if s.sessions.is_empty() => o.push_str("No sessions scheduled yet.\n"),
        None => {
            let _ = writeln!(o, "All {} sessions held.", s.sessions.len());
        }
    }
    let _ = writeln!(o, "\nAttendance and completion");
    let mut t = Table::new(2, 2)
        .left("Participant")
        .left("Role at entry")
        .right("Att.")
        .right("Rate")
        .left("Completion");
    for (i, p) in s.people.iter().enumerate() {
        let completion = s.completion[i]
            .map(|c| format!("{} {}", c.marker(), c.label()))
            .unwrap_or_else(|| "– withdrawn".into());
        t.row(vec![
            name(&data.employee_name(p.employee_id), private),
            p.role.clone(),
            format!("{}/{}", s.attended[i], s.sessions.len()),
            rate_label(s.person_rate[i]),
            completion,
        ]);
    }
    o.push_str(&t.render());
    let (done, on_track, cannot, withdrawn) = s.counts();
    let _ = writeln!(
        o,
        "Completion: {done} completed, {on_track} on track, {cannot} cannot complete, {withdrawn} withdrawn"
    );
    let certs: Vec<usize> = s.completed_rows().collect();
    let _ = writeln!(o, "Certificates of completion ({}):", certs.len());
    for i in certs {
        let p = &s.people[i];
        let note = if p.status == ParticipantStatus::Completed {
            ""
        } else {
            " (status still active)"
        };
        o.push_str(&super::wrap(
            &format!(
                "{} · {}{note}",
                name(&data.employee_name(p.employee_id), private),
                p.role
            ),
            2,
        ));
    }
    let _ = writeln!(o, "\nCohort profile ({} participants)", s.people.len());
    for (by, shares) in profile(data, s, private) {
        let _ = writeln!(o, "By {by}:");
        for sh in shares {
            let label = pathways_core::text::inert(&sh.label);
            let _ = writeln!(
                o,
                "  {} {:>3}  {:>6}",
                pathways_core::text::pad(&label, 36),
                sh.count,
                sh.percent
            );
        }
    }
    if super::hides_race(private) {
        let _ = writeln!(o, "By race: hidden (--private)");
    }
    o
}
