//! `pathways report mentoring [--confidential]`: mentors, active pairs, pairs ending within 30
//! days, missing logs and chapters without a mentor, as plain text. Log topics and pair notes are
//! confidential by program rule: printed only with `--confidential`.

use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    ENDING_SOON_DAYS, Employee, MentoringPair, NO_CHAPTER, chapter_coverage, first_of_month, missing_months,
    years_months_between,
};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(db: &Path, today: NaiveDate, confidential: bool, private: bool) -> ExitCode {
    let data = match super::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let text = report(&data, today, confidential, private);
    match super::out::stdout().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            super::fail(format!("cannot write the report: {e}"))
        }
        _ => ExitCode::SUCCESS,
    }
}

fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

fn years(d: Option<NaiveDate>, today: NaiveDate) -> String {
    d.map(|d| format!("{}y", years_months_between(d, today).0))
        .unwrap_or_else(|| "?".into())
}

/// The whole report as text; `private` (the global `--private`) prints names as initials.
pub fn report(data: &Dataset, today: NaiveDate, confidential: bool, private: bool) -> String {
    let mut out = String::new();
    let person = |id| {
        let n = data.employee_name(id);
        if private {
            pathways_core::domain::initials(&n)
        } else {
            n
        }
    };
    let name = person;
    let mentor_name = |id| {
        data.mentor(id)
            .map(|m| person(m.employee_id))
            .unwrap_or_else(|| format!("mentor #{id}"))
    };
    let active_pairs: Vec<&MentoringPair> = {
        let mut v: Vec<&MentoringPair> = data.pairs.iter().filter(|p| p.is_active(today)).collect();
        v.sort_by_key(|p| (p.expires(), p.id));
        v
    };
    let chapters = data.chapters();
    let active_chapters: Vec<&str> = data
        .mentors
        .iter()
        .filter(|m| m.active)
        .filter_map(|m| data.employee(m.employee_id))
        .map(|e| e.chapter.as_str())
        .collect();
    let coverage = chapter_coverage(&chapters, active_chapters.iter().copied());
    let union = coverage.iter().filter(|c| c.chapter != NO_CHAPTER).count();
    let gaps: Vec<&str> = coverage
        .iter()
        .filter(|c| c.is_gap())
        .map(|c| c.chapter.as_str())
        .collect();

    let _ = writeln!(out, "Mentoring program on {today}");
    let _ = writeln!(out);

    // Mentors.
    let mut mentors: Vec<(&pathways_core::domain::Mentor, Option<&Employee>)> = data
        .mentors
        .iter()
        .map(|m| (m, data.employee(m.employee_id)))
        .collect();
    mentors.sort_by_cached_key(|(m, e)| (!m.active, e.map(|e| e.sort_name()).unwrap_or_default()));
    let active_mentors = mentors.iter().filter(|(m, _)| m.active).count();
    let _ = writeln!(
        out,
        "Mentors: {} ({active_mentors} active), covering {} of {union} union chapters",
        mentors.len(),
        union - gaps.len()
    );
    let _ = writeln!(
        out,
        "  {:<24} {:<20} {:<26} {:<18} {:<18} {:>7} {:>6} {:<8} {:>7}",
        "Mentor", "Chapter", "Position", "Location", "Expertise", "Service", "In pos", "Status", "Mentees"
    );
    for (m, e) in &mentors {
        let mentees = active_pairs.iter().filter(|p| p.mentor_id == m.id).count();
        let _ = writeln!(
            out,
            "  {:<24} {:<20} {:<26} {:<18} {:<18} {:>7} {:>6} {:<8} {:>7}",
            cut(&name(m.employee_id), 24),
            cut(e.map(|e| e.chapter.as_str()).unwrap_or(""), 20),
            cut(e.map(|e| e.position.as_str()).unwrap_or(""), 26),
            cut(data.location_name(e.and_then(|e| e.location_id)), 18),
            cut(&m.expertise, 18),
            years(e.and_then(|e| e.hire_date), today),
            years(e.and_then(|e| e.position_start), today),
            if m.active { "active" } else { "inactive" },
            mentees
        );
    }
    let _ = writeln!(out);

    // Active pairs.
    let _ = writeln!(out, "Active pairs: {}", active_pairs.len());
    if !active_pairs.is_empty() {
        let _ = writeln!(
            out,
            "  {:<24} {:<24} {:<10} {:<10} State",
            "Mentee", "Mentor", "Signed", "Ends"
        );
    }
    for p in &active_pairs {
        let state = if p.is_overdue(today) {
            "! past 12 months"
        } else if p.ends_soon(today) {
            "ending soon"
        } else {
            "active"
        };
        let _ = writeln!(
            out,
            "  {:<24} {:<24} {:<10} {:<10} {state}",
            cut(&name(p.mentee_id), 24),
            cut(&mentor_name(p.mentor_id), 24),
            p.started,
            p.expires()
        );
    }
    let _ = writeln!(out);

    // Ending soon, and overdue.
    let soon: Vec<&&MentoringPair> = active_pairs.iter().filter(|p| p.ends_soon(today)).collect();
    let _ = writeln!(out, "Pairs ending within {ENDING_SOON_DAYS} days: {}", soon.len());
    for p in soon {
        let _ = writeln!(
            out,
            "  {} with {}: ends {} (in {} days)",
            name(p.mentee_id),
            mentor_name(p.mentor_id),
            p.expires(),
            (p.expires() - today).num_days()
        );
    }
    let overdue: Vec<&&MentoringPair> = active_pairs.iter().filter(|p| p.is_overdue(today)).collect();
    if !overdue.is_empty() {
        let _ = writeln!(out, "! Pairs past their 12 months, not ended: {}", overdue.len());
        for p in overdue {
            let _ = writeln!(
                out,
                "  {} with {}: ended by rule on {}; record how it ended",
                name(p.mentee_id),
                mentor_name(p.mentor_id),
                p.expires()
            );
        }
    }
    let _ = writeln!(out);

    // Missing logs of running pairs.
    let missing: Vec<(&&MentoringPair, Vec<NaiveDate>)> = active_pairs
        .iter()
        .map(|p| (p, missing_months(p, &data.logs, today)))
        .filter(|(_, m)| !m.is_empty())
        .collect();
    let months: usize = missing.iter().map(|(_, m)| m.len()).sum();
    let _ = writeln!(
        out,
        "Missing logs: {months} month(s) in {} pair(s) (a log is due for every past month)",
        missing.len()
    );
    for (p, m) in &missing {
        let list: Vec<String> = m.iter().map(|d| d.format("%Y-%m").to_string()).collect();
        let _ = writeln!(
            out,
            "  {} (mentor {}): {}",
            name(p.mentee_id),
            mentor_name(p.mentor_id),
            list.join(", ")
        );
    }
    let _ = writeln!(out);

    // Chapters.
    let _ = writeln!(out, "Chapters without a mentor: {} of {union}", gaps.len());
    for c in &gaps {
        let _ = writeln!(out, "  {c}");
    }
    let _ = writeln!(out);

    if confidential {
        let _ = writeln!(out, "CONFIDENTIAL: pair notes and log topics of the active pairs");
        for p in &active_pairs {
            let _ = writeln!(
                out,
                "  {} with {}: {}",
                name(p.mentee_id),
                mentor_name(p.mentor_id),
                if p.notes.is_empty() {
                    "(no notes)"
                } else {
                    &p.notes
                }
            );
            let mut logs: Vec<_> = data.logs.iter().filter(|l| l.pair_id == p.id).collect();
            logs.sort_by_key(|l| (l.month, l.submitted));
            for l in logs {
                let _ = writeln!(
                    out,
                    "    {} {:>4} h (submitted {}): {}",
                    first_of_month(l.month).format("%Y-%m"),
                    l.hours,
                    l.submitted,
                    l.topics
                );
            }
        }
    } else {
        let _ = writeln!(
            out,
            "Log topics and pair notes are confidential; add --confidential to print them."
        );
    }
    out
}
