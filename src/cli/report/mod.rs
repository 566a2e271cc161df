//! `pathways report ...`: the one-shot reports. Every report is counted as of a date (`--as-of`,
//! default today), prints text for people or CSV for spreadsheets (`--format`), and with the
//! global `--private` leaves out names (initials instead) and race. Figures come from the core;
//! this module only lays them out.

mod booklet;
mod breakdown;
mod coverage;
mod leadership;
mod mentoring;
mod monthly;
mod table;

use super::Format;
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use pathways_core::domain::{FiscalYear, parse_date};
use pathways_core::metrics::{Dimension, Metric};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reports are laid out for a terminal this wide (an SSH session, a narrow window).
pub const WIDTH: usize = 100;

#[derive(Subcommand, Debug)]
pub enum Report {
    /// Ambassador coverage: totals, coverage by location type, uncovered locations biggest first.
    Coverage {
        #[command(flatten)]
        common: Common,
    },
    /// Mentors, active pairs, pairs ending within 30 days, missing logs, chapters without a mentor.
    Mentoring {
        #[command(flatten)]
        common: Common,
        /// The CSV table: mentors, pairs, or chapters.
        #[arg(long, value_enum, default_value_t = MentoringTable::Mentors)]
        table: MentoringTable,
        /// Also print log topics and pair notes (confidential; text only).
        #[arg(long)]
        confidential: bool,
    },
    /// A leadership cohort: schedule, attendance rates, completion, profile.
    Leadership {
        /// Fiscal year by the year it ends in (2025, 25 or FY25). Default: the current one's
        /// cohort, or the latest.
        #[arg(long, value_parser = fiscal_year)]
        fy: Option<FiscalYear>,
        #[command(flatten)]
        common: Common,
        /// The CSV table: participants, sessions, or profile.
        #[arg(long, value_enum, default_value_t = LeadershipTable::Participants)]
        table: LeadershipTable,
    },
    /// The monthly metrics of a fiscal year.
    Monthly {
        /// Fiscal year by the year it ends in (2025, 25 or FY25). Default: the one --as-of is in.
        #[arg(long, value_parser = fiscal_year)]
        fy: Option<FiscalYear>,
        #[command(flatten)]
        common: Common,
    },
    /// One metric by chapter, race or location type, by fiscal month (small groups shown as <5).
    Breakdown {
        /// The metric, by its CSV column name: intakes, new_relationships, pl_attendance, ...
        #[arg(long, value_parser = metric)]
        metric: Metric,
        /// chapter, race or location-type.
        #[arg(long, value_parser = dimension)]
        by: Dimension,
        /// Fiscal year by the year it ends in (2025, 25 or FY25). Default: the one --as-of is in.
        #[arg(long, value_parser = fiscal_year)]
        fy: Option<FiscalYear>,
        #[command(flatten)]
        common: Common,
    },
    /// Write the year's stakeholder booklet as one self-contained HTML file with charts.
    Booklet {
        /// Fiscal year by the year it ends in (2025, 25 or FY25).
        #[arg(long, value_parser = fiscal_year)]
        fy: FiscalYear,
        /// Count as of this date (YYYY-MM-DD or M/D/YYYY); default today.
        #[arg(long, value_parser = date, value_name = "DATE")]
        as_of: Option<NaiveDate>,
        /// The new HTML file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// Flags every report takes.
#[derive(Args, Debug, Clone, Copy)]
pub struct Common {
    /// Count as of this date (YYYY-MM-DD or M/D/YYYY); default today.
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// text for people, csv for spreadsheets.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

impl Common {
    pub fn as_of(&self) -> NaiveDate {
        self.as_of.unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentoringTable {
    Mentors,
    Pairs,
    Chapters,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadershipTable {
    Participants,
    Sessions,
    Profile,
}

/// Dates on the command line take the dashboard's forms: `2024-12-13`, `12/13/2024`.
fn date(text: &str) -> Result<NaiveDate, String> {
    parse_date(text)
}

fn fiscal_year(text: &str) -> Result<FiscalYear, String> {
    FiscalYear::parse(text)
}

fn metric(text: &str) -> Result<Metric, String> {
    Metric::from_key(text).ok_or_else(|| {
        let names: Vec<&str> = Metric::ALL.iter().map(|m| m.key()).collect();
        format!(
            "no metric \"{}\"; choose one of: {}",
            text.trim(),
            names.join(", ")
        )
    })
}

fn dimension(text: &str) -> Result<Dimension, String> {
    let t = text.trim().to_ascii_lowercase().replace(['_', ' '], "-");
    Dimension::ALL
        .iter()
        .copied()
        .find(|d| d.key() == t || (t == "location" && *d == Dimension::LocationType))
        .ok_or_else(|| {
            format!(
                "no breakdown by \"{}\"; choose chapter, race or location-type",
                text.trim()
            )
        })
}

pub fn run(db: &Path, report: &Report, private: bool) -> ExitCode {
    if let Report::Booklet { fy, as_of, out } = report {
        let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
        return booklet::run(db, *fy, as_of, out, private);
    }
    let data = match super::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let out = match report {
        Report::Coverage { common } => Ok(coverage::report(&data, common.as_of(), common.format)),
        Report::Mentoring {
            common,
            table,
            confidential,
        } => Ok(mentoring::report(
            &data,
            common.as_of(),
            common.format,
            *table,
            *confidential,
            private,
        )),
        Report::Leadership { fy, common, table } => {
            leadership::report(&data, common.as_of(), *fy, common.format, *table, private)
        }
        Report::Monthly { fy, common } => Ok(monthly::report(&data, common.as_of(), *fy, common.format)),
        Report::Breakdown {
            metric,
            by,
            fy,
            common,
        } => breakdown::report(&data, *metric, *by, *fy, common.as_of(), common.format, private),
        Report::Booklet { .. } => Err("the booklet is written to a file by its own path".into()),
    };
    match out {
        Ok(text) => print(&text),
        Err(e) => super::fail(format!("report: {e}")),
    }
}

/// Writes a finished report through the program's one inert stdout; a closed pipe (`| head`) is
/// not worth a message.
fn print(text: &str) -> ExitCode {
    let mut out = super::out::stdout();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            super::fail(format!("cannot write the report: {e}"))
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Rows as CSV with a header. Every cell is made inert (no terminal sequence reaches a screen)
/// and formula-safe for spreadsheets.
pub fn csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let cell = |s: &str| pathways_core::text::to_sheet(&pathways_core::text::inert(s)).into_owned();
    // Writing into memory cannot fail.
    let _ = w.write_record(header.iter().map(|h| cell(h)));
    for row in rows {
        let _ = w.write_record(row.iter().map(|c| cell(c)));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A name as a report may print it (the one privacy rule: initials under `--private`), inert.
pub fn name(full: &str, private: bool) -> String {
    let shown = pathways_core::privacy::Mask::file(private)
        .name(full)
        .into_owned();
    pathways_core::text::inert(&shown).into_owned()
}

/// Whether a report leaves race out: the one privacy rule, as `--private` sets it.
pub fn hides_race(private: bool) -> bool {
    pathways_core::privacy::Mask::file(private).hides(pathways_core::privacy::Sensitive::Race)
}

/// Flowing text wrapped to the report width, each line indented.
pub fn wrap(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(&pad)
        .subsequent_indent(&pad);
    let mut s = textwrap::fill(&pathways_core::text::inert(text), options);
    s.push('\n');
    s
}
