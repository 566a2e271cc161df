//! `pathways report leadership [--fy 2025]`: the cohort's schedule, attendance rates, completion
//! status and profile, as plain text.

use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    Choice, CohortSummary, FiscalYear, NO_CHAPTER, ParticipantStatus, Share, breakdown, initials, rate_label,
};
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(db: &Path, today: NaiveDate, fy: Option<i32>, private: bool) -> ExitCode {
    let data = match super::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    match report(&data, today, fy, private) {
        Ok(text) => {
            let written = super::out::stdout().write_all(text.as_bytes());
            match written {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    super::fail(format!("cannot write the report: {e}"))
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(e) => super::fail(e),
    }
}

/// At most `width` characters, so columns stay aligned in 80 columns.
fn fit(text: &str, width: usize) -> String {
    text.chars().take(width).collect()
}

/// "25" and "2025" both mean FY25.
fn full_year(fy: i32) -> i32 {
    if (0..100).contains(&fy) { 2000 + fy } else { fy }
}

/// The report as text. `fy` defaults to the current fiscal year, or the latest cohort if the
/// current year has none. `private` shows names as initials and leaves race out.
pub fn report(data: &Dataset, today: NaiveDate, fy: Option<i32>, private: bool) -> Result<String, String> {
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
    let cohort = match fy {
        Some(fy) => {
            let year = FiscalYear(full_year(fy));
            data.cohort_for(year).ok_or_else(|| {
                format!(
                    "report leadership: no cohort for {} (cohorts: {})",
                    year.short_label(),
                    years()
                )
            })?
        }
        None => data
            .cohort_for(FiscalYear::of(today))
            .or_else(|| data.cohorts.iter().max_by_key(|c| c.fiscal_year))
            .ok_or_else(|| "report leadership: there is no leadership cohort yet".to_string())?,
    };
    let name = |id| {
        let n = data.employee_name(id);
        if private { initials(&n) } else { n }
    };
    let people = data.cohort_participants(cohort.id);
    let s = CohortSummary::build(cohort, people, &data.sessions, &data.attendance, today);
    let year = FiscalYear(cohort.fiscal_year);
    let mut o = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(
        o,
        "Leadership cohort {} ({} to {}): {} participants",
        year.short_label(),
        year.start(),
        year.end(),
        s.people.len()
    );
    let _ = writeln!(o, "Completion rule: {}", cohort.rule.describe());
    let _ = writeln!(o);
    let _ = writeln!(o, "Schedule (rate = present of marked)");
    for (i, x) in s.sessions.iter().enumerate() {
        let _ = writeln!(
            o,
            "{:>3}  {}  {}-{} {:>4}  {}, room {}",
            x.number,
            x.date,
            x.start.format("%H:%M"),
            x.end.format("%H:%M"),
            rate_label(s.session_rate[i]),
            x.location,
            x.room,
        );
        let _ = writeln!(o, "     {} · {}", x.topic, x.facilitator);
    }
    match s.next_session(today) {
        Some(n) => {
            let _ = writeln!(
                o,
                "Next session: {} on {} {}-{}, {}, room {}: {}",
                n.number,
                n.date,
                n.start.format("%H:%M"),
                n.end.format("%H:%M"),
                n.location,
                n.room,
                n.topic
            );
        }
        None if s.sessions.is_empty() => {
            let _ = writeln!(o, "No sessions scheduled yet.");
        }
        None => {
            let _ = writeln!(o, "All {} sessions held.", s.sessions.len());
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "Attendance and completion");
    let _ = writeln!(
        o,
        "  {:<19}  {:<26}  {:>4}  {:>4}  Completion",
        "Participant", "Role at entry", "Att.", "Rate"
    );
    for (i, p) in s.people.iter().enumerate() {
        let completion = s.completion[i]
            .map(|c| format!("{} {}", c.marker(), c.label()))
            .unwrap_or_else(|| "– withdrawn".into());
        let _ = writeln!(
            o,
            "  {:<19}  {:<26}  {:>4}  {:>4}  {completion}",
            fit(&name(p.employee_id), 19),
            fit(&p.role, 26),
            format!("{}/{}", s.attended[i], s.sessions.len()),
            rate_label(s.person_rate[i]),
        );
    }
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
        let _ = writeln!(o, "  {} · {}{note}", name(p.employee_id), p.role);
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "Cohort profile ({} participants)", s.people.len());
    let section = |o: &mut String, title: &str, shares: &[Share]| {
        let _ = writeln!(o, "By {title}:");
        for sh in shares {
            let _ = writeln!(
                o,
                "  {:<36} {:>3}  {:>6}",
                fit(&sh.label, 36),
                sh.count,
                sh.percent
            );
        }
    };
    section(
        &mut o,
        "role",
        &breakdown(s.people.iter().map(|p| p.role.clone())),
    );
    section(
        &mut o,
        "chapter",
        &breakdown(s.people.iter().map(|p| {
            data.employee(p.employee_id)
                .map(|e| e.chapter.clone())
                .unwrap_or_else(|| NO_CHAPTER.into())
        })),
    );
    if private {
        let _ = writeln!(o, "By race: hidden (--private)");
    } else {
        section(
            &mut o,
            "race",
            &breakdown(s.people.iter().map(|p| {
                data.employee(p.employee_id)
                    .map(|e| e.race.label().to_string())
                    .unwrap_or_else(|| "Unknown".into())
            })),
        );
    }
    Ok(o)
}
