//! The monthly figures the team reports, counted from stored records by date (never typed in).
//!
//! `monthly_as_of` makes one pass over each kind of record and fills, for the chosen fiscal year and the
//! one before it, every metric's monthly figures, its fiscal-year-to-date total and its breakdowns
//! by chapter, race and location type. The tab and the one-shot report only read the result.

pub mod booklet;
mod breakdown;
mod count;

pub use breakdown::{Breakdown, Cell, GroupLine};

use crate::dataset::Dataset;
use crate::domain::{FiscalMonth, FiscalYear};
use chrono::NaiveDate;

/// Every metric, in report (and CSV column) order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    Intakes,
    NewRelationships,
    Consultations,
    PlAttendance,
    PlSessions,
    PlPeople,
    PopUps,
    TeacherPathway,
    BecameTeachers,
    ActivePairs,
    LogsSubmitted,
    LogsDue,
    AmbassadorsActive,
    EmployeesCovered,
    LeadershipRate,
}

/// How a metric's fiscal-year-to-date figure is formed from its months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    /// Events: the months add up.
    Sum,
    /// Things present over time (pairs, people): each one once in the year so far.
    Distinct,
    /// A level on a date (coverage): the latest month's figure.
    Latest,
    /// A share: all numerators over all denominators.
    Rate,
}

/// What a breakdown groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Chapter,
    Race,
    LocationType,
}

impl Dimension {
    pub const ALL: [Dimension; 3] = [Dimension::Chapter, Dimension::Race, Dimension::LocationType];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            Dimension::Chapter => "chapter",
            Dimension::Race => "race",
            Dimension::LocationType => "location type",
        }
    }

    /// The command-line spelling: `chapter`, `race`, `location-type`.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Chapter => "chapter",
            Dimension::Race => "race",
            Dimension::LocationType => "location-type",
        }
    }

    /// Race is personnel data: hidden under the privacy screen.
    pub fn is_sensitive(self) -> bool {
        self == Dimension::Race
    }
}

impl Metric {
    pub const ALL: [Metric; 15] = [
        Metric::Intakes,
        Metric::NewRelationships,
        Metric::Consultations,
        Metric::PlAttendance,
        Metric::PlSessions,
        Metric::PlPeople,
        Metric::PopUps,
        Metric::TeacherPathway,
        Metric::BecameTeachers,
        Metric::ActivePairs,
        Metric::LogsSubmitted,
        Metric::LogsDue,
        Metric::AmbassadorsActive,
        Metric::EmployeesCovered,
        Metric::LeadershipRate,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The CSV column name.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Intakes => "intakes",
            Metric::NewRelationships => "new_relationships",
            Metric::Consultations => "consultations",
            Metric::PlAttendance => "pl_attendance",
            Metric::PlSessions => "pl_sessions",
            Metric::PlPeople => "pl_people",
            Metric::PopUps => "popup_events",
            Metric::TeacherPathway => "teacher_pathway_intakes",
            Metric::BecameTeachers => "became_teachers",
            Metric::ActivePairs => "active_pairs",
            Metric::LogsSubmitted => "logs_submitted",
            Metric::LogsDue => "logs_due",
            Metric::AmbassadorsActive => "ambassadors_active",
            Metric::EmployeesCovered => "employees_covered",
            Metric::LeadershipRate => "leadership_attendance_rate",
        }
    }

    /// The metric named by its CSV column (`new_relationships`, or `new-relationships`; any case).
    pub fn from_key(name: &str) -> Option<Metric> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        Metric::ALL.iter().copied().find(|m| m.key() == name)
    }

    /// The full name, for reports and the detail line.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Intakes => "Intakes received",
            Metric::NewRelationships => "New client relationships",
            Metric::Consultations => "Consultations held",
            Metric::PlAttendance => "PL attendance (people)",
            Metric::PlSessions => "PL sessions held",
            Metric::PlPeople => "PL attendees, each once",
            Metric::PopUps => "Pop-up events",
            Metric::TeacherPathway => "Teacher pathway intakes",
            Metric::BecameTeachers => "Became teachers",
            Metric::ActivePairs => "Active mentoring pairs",
            Metric::LogsSubmitted => "Mentor logs submitted",
            Metric::LogsDue => "Mentor logs due",
            Metric::AmbassadorsActive => "Ambassadors active",
            Metric::EmployeesCovered => "Employees covered",
            Metric::LeadershipRate => "Leadership attendance %",
        }
    }

    /// A label that fits the 80-column table.
    pub fn short_label(self) -> &'static str {
        match self {
            Metric::NewRelationships => "New relationships",
            Metric::PlAttendance => "PL attendance",
            Metric::PlPeople => "PL people (unique)",
            Metric::TeacherPathway => "Teacher pathway",
            Metric::ActivePairs => "Mentoring pairs",
            Metric::LogsSubmitted => "Mentor logs in",
            Metric::LeadershipRate => "Leadership attend%",
            other => other.label(),
        }
    }

    pub fn total(self) -> Total {
        match self {
            Metric::PlPeople | Metric::ActivePairs => Total::Distinct,
            Metric::AmbassadorsActive | Metric::EmployeesCovered => Total::Latest,
            Metric::LeadershipRate => Total::Rate,
            _ => Total::Sum,
        }
    }

    /// The counting rule in words (shown under the table and in the README).
    pub fn rule(self) -> &'static str {
        match self {
            Metric::Intakes => "intakes, in the month they were received",
            Metric::NewRelationships => "intakes, in the month they reached \"relationship established\"",
            Metric::Consultations => "1:1 consultations, by the date held",
            Metric::PlAttendance => "each person at each PL session, by the session's date",
            Metric::PlSessions => "PL sessions held, by date",
            Metric::PlPeople => "different people at PL sessions; the year to date counts each once",
            Metric::PopUps => "pop-up events held, by date",
            Metric::TeacherPathway => "intakes asking for the teacher pathway, by date received",
            Metric::BecameTeachers => "support staff hired as teachers (teacher outcomes), by the date hired",
            Metric::ActivePairs => "pairs active on any day of the month; the year to date counts each once",
            Metric::LogsSubmitted => "pairs with a log for the month (the month the log covers)",
            Metric::LogsDue => "logs owed for the month by active pairs, once the month is over",
            Metric::AmbassadorsActive => {
                "ambassadors in tenure at month end (today in this month); year to date = latest"
            }
            Metric::EmployeesCovered => {
                "employees at locations an active ambassador covers at month end, overlaps once"
            }
            Metric::LeadershipRate => "present / all attendance marks of leadership sessions held",
        }
    }

    /// Whether this metric can be split by `d` (a pop-up is not a person; a PL session has no chapter).
    pub fn breaks_down_by(self, d: Dimension) -> bool {
        match self {
            Metric::PlSessions => false,
            Metric::PopUps | Metric::EmployeesCovered => d == Dimension::LocationType,
            _ => true,
        }
    }
}

/// One figure: a count, or for a rate `count` out of `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figure {
    pub count: u64,
    pub of: u64,
}

impl Figure {
    fn add(&mut self, count: u64, of: u64) {
        self.count += count;
        self.of += of;
    }

    /// The percentage for a rate, None when nothing was marked.
    pub fn percent(self) -> Option<f64> {
        (self.of > 0).then(|| self.count as f64 * 100.0 / self.of as f64)
    }

    /// The figure as a short cell: "12", "1.2k", "75%", "—" (a rate with nothing marked).
    pub fn cell(self, total: Total) -> String {
        match total {
            Total::Rate => match self.percent() {
                Some(p) => format!("{p:.0}%"),
                None => "—".into(),
            },
            _ if self.count >= 10_000 => format!("{}k", self.count / 1000),
            _ => self.count.to_string(),
        }
    }

    /// The figure for a CSV cell: the count, or a rate with one decimal (empty if nothing marked).
    pub fn csv(self, total: Total) -> String {
        match total {
            Total::Rate => self.percent().map(|p| format!("{p:.1}")).unwrap_or_default(),
            _ => self.count.to_string(),
        }
    }
}

/// A metric's twelve fiscal months and its year-to-date figure.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Series {
    pub months: [Figure; 12],
    pub fytd: Figure,
}

/// One metric for the chosen year, the same months of the year before, and its breakdowns.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    pub metric: Metric,
    pub this: Series,
    /// The previous fiscal year; its `fytd` covers the same months as this year's.
    pub previous: Series,
    /// Whether the records reach back to each month of the previous year (else "no data").
    pub previous_has_data: [bool; 12],
    /// Per dimension: (group label index, figures). Empty where the metric does not split.
    pub groups: [Vec<(usize, Series)>; 3],
    /// The same groups in the previous year (same order), for comparing a group with itself.
    pub groups_previous: [Vec<Series>; 3],
}

impl MetricRow {
    pub fn total(&self) -> Total {
        self.metric.total()
    }
}

/// Every metric of one fiscal year.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub year: FiscalYear,
    pub today: NaiveDate,
    /// Months of `year` begun by `today` (0 for a future year, 12 for a past one).
    pub elapsed: usize,
    pub rows: Vec<MetricRow>,
    /// Group names per dimension (chapters with N/A, races, location types), "not recorded" last.
    pub group_labels: [Vec<String>; 3],
}

impl Report {
    pub fn row(&self, m: Metric) -> &MetricRow {
        &self.rows[m.index()]
    }

    /// Whether month `i` (0 = July) of the chosen year has begun.
    pub fn has_begun(&self, i: usize) -> bool {
        i < self.elapsed
    }

    /// Whether month `i` of the previous year has begun by today.
    pub fn previous_has_begun(&self, i: usize) -> bool {
        self.year.previous().months()[i].first_day() <= self.today
    }

    pub fn month(&self, i: usize) -> FiscalMonth {
        self.year.months()[i.min(11)]
    }

    /// "Jul–Nov": the months the year-to-date figures cover.
    pub fn fytd_span(&self) -> String {
        match self.elapsed {
            0 => "not begun".into(),
            n => format!(
                "{}–{}",
                self.month(0).short_name(),
                self.month(n - 1).short_name()
            ),
        }
    }
}

/// A fiscal year's count and its change from the year before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearCount {
    pub year: FiscalYear,
    pub count: u64,
    /// Percent change from the year before; None when the year before had none, and for the
    /// year still running (part of a year is no change).
    pub change: Option<f64>,
    /// The year is still running on `today`.
    pub to_date: bool,
}

/// People at teacher-pathway information sessions (PL offerings marked teacher pathway) in
/// fiscal year `year` up to `today`: the booklet's "trained on how to become a teacher". They
/// count in PL attendance like any PL session.
pub fn teacher_pl_attendance(data: &Dataset, year: FiscalYear, today: NaiveDate) -> u64 {
    let courses: std::collections::HashSet<crate::domain::Id> = data
        .offerings
        .iter()
        .filter(|o| o.teacher_pathway)
        .map(|o| o.id)
        .collect();
    let sessions: std::collections::HashSet<crate::domain::Id> = data
        .pl_sessions
        .iter()
        .filter(|s| courses.contains(&s.offering_id) && year.contains(s.date) && s.date <= today)
        .map(|s| s.id)
        .collect();
    data.pl_attendance
        .iter()
        .filter(|a| sessions.contains(&a.pl_session_id))
        .count() as u64
}

/// Support staff hired as teachers per fiscal year, from the first year with any to today's,
/// with the change from the year before (the booklet's "151% increase").
pub fn teachers_by_year(data: &Dataset, today: NaiveDate) -> Vec<YearCount> {
    let mut counts = std::collections::BTreeMap::<FiscalYear, u64>::new();
    for o in data.teacher_outcomes.iter().filter(|o| o.hired <= today) {
        *counts.entry(FiscalYear::of(o.hired)).or_default() += 1;
    }
    let Some(&first) = counts.keys().next() else {
        return Vec::new();
    };
    let mut out: Vec<YearCount> = Vec::new();
    let mut year = first;
    while year <= FiscalYear::of(today) {
        let count = counts.get(&year).copied().unwrap_or(0);
        let before = out.last().map(|y| y.count).unwrap_or(0);
        let to_date = year.contains(today);
        out.push(YearCount {
            year,
            count,
            change: (before > 0 && !to_date).then(|| (count as f64 - before as f64) * 100.0 / before as f64),
            to_date,
        });
        year = year.next();
    }
    out
}

/// Label of the group for records with no employee (or no location) to attribute them to.
pub const NOT_RECORDED: &str = "not recorded";

/// Every metric of fiscal year `year` as of `today`: records dated after today are not counted,
/// and months not begun by today are empty.
pub fn monthly_as_of(data: &Dataset, year: FiscalYear, today: NaiveDate) -> Report {
    count::count(data, year, today)
}

/// Every metric of fiscal year `year` as if the year were over (everything dated in it counts).
pub fn monthly(data: &Dataset, year: FiscalYear) -> Report {
    monthly_as_of(data, year, year.end())
}

#[cfg(test)]
mod tests;
