//! `pathways report mentoring [--as-of DATE] [--format text|csv] [--table mentors|pairs|chapters]
//! [--confidential]`: mentors, active pairs, pairs ending within 30 days, missing logs and
//! chapters without a mentor. Counted as of the date: mentors who joined by then, pairs signed by
//! then, logs submitted by then. Log topics and pair notes are confidential by program rule:
//! printed (text only) with `--confidential`. `--private` prints names as initials.

use super::table::Table;
use super::{MentoringTable, name};
use crate::cli::Format;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    ChapterCoverage, ENDING_SOON_DAYS, Employee, Id, Mentor, MentorLog, MentoringPair, NO_CHAPTER,
    chapter_coverage, first_of_month, missing_months, years_months_between,
};
use std::fmt::Write as _;

/// The mentoring program as it stood on one date.
struct AsOf<'a> {
    data: &'a Dataset,
    on: NaiveDate,
    private: bool,
    /// Mentors who had joined, active first, then by name.
    mentors: Vec<(&'a Mentor, Option<&'a Employee>)>,
    /// Pairs signed by then (running or ended).
    pairs: Vec<&'a MentoringPair>,
    logs: Vec<MentorLog>,
    chapters: Vec<ChapterCoverage>,
}

impl<'a> AsOf<'a> {
    fn new(data: &'a Dataset, on: NaiveDate, private: bool) -> AsOf<'a> {
        let mut mentors: Vec<(&Mentor, Option<&Employee>)> = data
            .mentors
            .iter()
            .filter(|m| m.joined <= on)
            .map(|m| (m, data.employee(m.employee_id)))
            .collect();
        mentors.sort_by_cached_key(|(m, e)| (!m.active, e.map(|e| e.sort_name()).unwrap_or_default()));
        let mut pairs: Vec<&MentoringPair> = data.pairs.iter().filter(|p| p.started <= on).collect();
        pairs.sort_by_key(|p| (!p.is_active(on), p.expires(), p.id));
        let logs = data.logs.iter().filter(|l| l.submitted <= on).cloned().collect();
        let active_chapters: Vec<&str> = mentors
            .iter()
            .filter(|(m, _)| m.active)
            .filter_map(|(_, e)| e.map(|e| e.chapter_label()))
            .collect();
        let chapters = chapter_coverage(&data.chapters(), active_chapters.iter().copied());
        AsOf {
            data,
            on,
            private,
            mentors,
            pairs,
            logs,
            chapters,
        }
    }

    fn person(&self, id: Id) -> String {
        name(&self.data.employee_name(id), self.private)
    }

    fn mentor_name(&self, id: Id) -> String {
        self.data
            .mentor(id)
            .map(|m| self.person(m.employee_id))
            .unwrap_or_else(|| format!("mentor #{id}"))
    }

    fn active_pairs(&self) -> impl Iterator<Item = &&'a MentoringPair> {
        self.pairs.iter().filter(|p| p.is_active(self.on))
    }

    fn mentees(&self, mentor: Id) -> usize {
        self.active_pairs().filter(|p| p.mentor_id == mentor).count()
    }

    fn state(&self, p: &MentoringPair) -> &'static str {
        if !p.is_active(self.on) {
            "ended"
        } else if p.is_overdue(self.on) {
            "! past 12 months"
        } else if p.ends_soon(self.on) {
            "ending soon"
        } else {
            "active"
        }
    }

    fn union_chapters(&self) -> usize {
        self.chapters.iter().filter(|c| c.chapter != NO_CHAPTER).count()
    }

    fn gaps(&self) -> Vec<&str> {
        self.chapters
            .iter()
            .filter(|c| c.is_gap())
            .map(|c| c.chapter.as_str())
            .collect()
    }
}

fn years(d: Option<NaiveDate>, on: NaiveDate) -> String {
    d.map(|d| years_months_between(d, on).0.to_string())
        .unwrap_or_default()
}

pub fn report(
    data: &Dataset,
    on: NaiveDate,
    format: Format,
    table: MentoringTable,
    confidential: bool,
    private: bool,
) -> String {
    let m = AsOf::new(data, on, private);
    match format {
        Format::Text => text(&m, confidential),
        Format::Csv => csv(&m, table),
    }
}

fn csv(m: &AsOf, table: MentoringTable) -> String {
    let on = m.on.to_string();
    match table {
        MentoringTable::Mentors => super::csv(
            &[
                "as_of",
                "mentor",
                "chapter",
                "position",
                "location",
                "expertise",
                "years_of_service",
                "years_in_position",
                "status",
                "active_mentees",
                "joined",
            ],
            m.mentors.iter().map(|(mentor, e)| {
                vec![
                    on.clone(),
                    m.person(mentor.employee_id),
                    e.map(|e| e.chapter_label().to_string()).unwrap_or_default(),
                    e.map(|e| e.position.clone()).unwrap_or_default(),
                    m.data.location_name(e.and_then(|e| e.location_id)).to_string(),
                    mentor.expertise.clone(),
                    years(e.and_then(|e| e.hire_date), m.on),
                    years(e.and_then(|e| e.position_start), m.on),
                    if mentor.active { "active" } else { "inactive" }.to_string(),
                    m.mentees(mentor.id).to_string(),
                    mentor.joined.to_string(),
                ]
            }),
        ),
        MentoringTable::Pairs => super::csv(
            &[
                "as_of",
                "mentee",
                "mentor",
                "signed",
                "ends",
                "ended",
                "end_reason",
                "state",
                "missing_logs",
            ],
            m.pairs.iter().map(|p| {
                let ended = p.ended.filter(|d| *d <= m.on);
                let missing: Vec<String> = missing_months(p, &m.logs, m.on)
                    .iter()
                    .map(|d| d.format("%Y-%m").to_string())
                    .collect();
                vec![
                    on.clone(),
                    m.person(p.mentee_id),
                    m.mentor_name(p.mentor_id),
                    p.started.to_string(),
                    p.expires().to_string(),
                    ended.map(|d| d.to_string()).unwrap_or_default(),
                    ended.and(p.end_reason).map(|r| r.to_string()).unwrap_or_default(),
                    m.state(p).trim_start_matches("! ").to_string(),
                    missing.join("; "),
                ]
            }),
        ),
        MentoringTable::Chapters => super::csv(
            &["as_of", "chapter", "active_mentors"],
            m.chapters
                .iter()
                .map(|c| vec![on.clone(), c.chapter.clone(), c.active_mentors.to_string()]),
        ),
    }
}

fn text(m: &AsOf, confidential: bool) -> String {
    let mut out = String::new();
    let on = m.on;
    let gaps = m.gaps();
    let union = m.union_chapters();
    let _ = writeln!(out, "Mentoring program on {on}\n");
    let active_mentors = m.mentors.iter().filter(|(x, _)| x.active).count();
    let _ = writeln!(
        out,
        "Mentors: {} ({active_mentors} active), covering {} of {union} union chapters",
        m.mentors.len(),
        union - gaps.len()
    );
    // Position and expertise are in the CSV (`--table mentors`): 100 columns hold the rest.
    let mut mentors = Table::new(2, 1)
        .left("Mentor")
        .left("Chapter")
        .left("Location")
        .right("Yrs")
        .right("InPos")
        .left("Status")
        .right("Mentees");
    for (mentor, e) in &m.mentors {
        mentors.row(vec![
            m.person(mentor.employee_id),
            e.map(|e| e.chapter_label().to_string()).unwrap_or_default(),
            m.data.location_name(e.and_then(|e| e.location_id)).to_string(),
            years(e.and_then(|e| e.hire_date), on),
            years(e.and_then(|e| e.position_start), on),
            if mentor.active { "active" } else { "inactive" }.into(),
            m.mentees(mentor.id).to_string(),
        ]);
    }
    if !mentors.is_empty() {
        out.push_str(&mentors.render());
    }
    out.push('\n');

    let active: Vec<&&MentoringPair> = m.active_pairs().collect();
    let _ = writeln!(out, "Active pairs: {}", active.len());
    let mut pairs = Table::new(2, 1)
        .left("Mentee")
        .left("Mentor")
        .left("Signed")
        .left("Ends")
        .left("State");
    for p in &active {
        pairs.row(vec![
            m.person(p.mentee_id),
            m.mentor_name(p.mentor_id),
            p.started.to_string(),
            p.expires().to_string(),
            m.state(p).to_string(),
        ]);
    }
    if !pairs.is_empty() {
        out.push_str(&pairs.render());
    }
    out.push('\n');

    let soon: Vec<&&&MentoringPair> = active.iter().filter(|p| p.ends_soon(on)).collect();
    let _ = writeln!(out, "Pairs ending within {ENDING_SOON_DAYS} days: {}", soon.len());
    for p in soon {
        out.push_str(&super::wrap(
            &format!(
                "{} with {}: ends {} (in {} days)",
                m.person(p.mentee_id),
                m.mentor_name(p.mentor_id),
                p.expires(),
                (p.expires() - on).num_days()
            ),
            2,
        ));
    }
    let overdue: Vec<&&&MentoringPair> = active.iter().filter(|p| p.is_overdue(on)).collect();
    if !overdue.is_empty() {
        let _ = writeln!(out, "! Pairs past their 12 months, not ended: {}", overdue.len());
        for p in overdue {
            out.push_str(&super::wrap(
                &format!(
                    "{} with {}: ended by rule on {}; record how it ended",
                    m.person(p.mentee_id),
                    m.mentor_name(p.mentor_id),
                    p.expires()
                ),
                2,
            ));
        }
    }
    out.push('\n');

    let missing: Vec<(&&&MentoringPair, Vec<NaiveDate>)> = active
        .iter()
        .map(|p| (p, missing_months(p, &m.logs, on)))
        .filter(|(_, months)| !months.is_empty())
        .collect();
    let months: usize = missing.iter().map(|(_, x)| x.len()).sum();
    let _ = writeln!(
        out,
        "Missing logs: {months} month(s) in {} pair(s) (a log is due for every past month)",
        missing.len()
    );
    for (p, list) in &missing {
        let list: Vec<String> = list.iter().map(|d| d.format("%Y-%m").to_string()).collect();
        out.push_str(&super::wrap(
            &format!(
                "{} (mentor {}): {}",
                m.person(p.mentee_id),
                m.mentor_name(p.mentor_id),
                list.join(", ")
            ),
            2,
        ));
    }
    out.push('\n');

    let _ = writeln!(out, "Chapters without a mentor: {} of {union}", gaps.len());
    for c in &gaps {
        out.push_str(&super::wrap(c, 2));
    }
    out.push('\n');

    if confidential && m.private {
        let _ = writeln!(
            out,
            "Pair notes and log topics are personal: left out under --private even with --confidential."
        );
    } else if confidential {
        let _ = writeln!(out, "CONFIDENTIAL: pair notes and log topics of the active pairs");
        for p in &active {
            let notes = if p.notes.is_empty() {
                "(no notes)"
            } else {
                &p.notes
            };
            out.push_str(&super::wrap(
                &format!(
                    "{} with {}: {notes}",
                    m.person(p.mentee_id),
                    m.mentor_name(p.mentor_id)
                ),
                2,
            ));
            let mut logs: Vec<&MentorLog> = m.logs.iter().filter(|l| l.pair_id == p.id).collect();
            logs.sort_by_key(|l| (l.month, l.submitted));
            for l in logs {
                out.push_str(&super::wrap(
                    &format!(
                        "{} {:>4} h (submitted {}): {}",
                        first_of_month(l.month).format("%Y-%m"),
                        l.hours,
                        l.submitted,
                        l.topics
                    ),
                    4,
                ));
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
