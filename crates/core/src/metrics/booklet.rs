//! The figures of the stakeholder booklet: one fiscal year counted as of a date, section by
//! section, from the stored records (never typed in). Pure: the binary lays them out as HTML.
//!
//! Breakdowns of people by group (intake demographics, the ambassador cohort) follow the one
//! small-group rule; the leadership cohort's profile is shown as the leadership tab and report
//! show it (a named cohort, its race hidden by `--private`).

use super::{Breakdown, Dimension, Report, monthly_as_of};
use crate::dataset::Dataset;
use crate::domain::{self, *};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Everything the booklet shows for `year`, counted as of `as_of`.
#[derive(Debug, Clone)]
pub struct Booklet {
    pub year: FiscalYear,
    pub as_of: NaiveDate,
    /// Every metric by fiscal month, with the same months a year before.
    pub report: Report,
    /// Intakes received this year to date asking for each service (an intake counts once for
    /// each service it asks for).
    pub services: Vec<(Service, u64)>,
    /// Intakes received by chapter, race and location type, the small-group rule applied.
    pub demographics: Vec<Breakdown>,
    pub learning: Learning,
    pub ambassadors: Ambassadors,
    /// The year's leadership cohort, if there is one.
    pub leadership: Option<Leadership>,
    pub mentoring: Mentoring,
    pub teacher: TeacherPathway,
}

/// One PL offering held this year to date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferingLine {
    /// The PDO course number, empty when it has none.
    pub course_number: String,
    pub title: String,
    pub sessions: u64,
    pub attendances: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Learning {
    /// Offerings held this year to date, in the order they were entered.
    pub offerings: Vec<OfferingLine>,
    pub sessions: u64,
    /// Each person at each session.
    pub attendances: u64,
    /// Different people reached.
    pub people: u64,
}

/// An ambassador PL session of the year: held (with who came) or still planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmbassadorSessionLine {
    pub date: NaiveDate,
    pub topic: String,
    pub presenter: String,
    /// Present of the ambassadors serving that day; `None` while planned.
    pub present: Option<(usize, usize)>,
}

/// One group of the ambassador cohort beside the reference population.
#[derive(Debug, Clone, PartialEq)]
pub struct DemographicRow {
    pub group: String,
    pub cohort: Shown,
    pub reference: Option<Shown>,
    /// Cohort share minus reference share, in points, when both counts may be shown.
    pub gap: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CohortDemographics {
    pub dimension: domain::Dimension,
    pub rows: Vec<DemographicRow>,
    pub cohort_total: u64,
    pub reference_total: u64,
}

#[derive(Debug, Clone)]
pub struct Ambassadors {
    pub coverage: Coverage,
    pub by_kind: Vec<KindCoverage>,
    /// Locations nobody covers, biggest first.
    pub uncovered: Vec<Location>,
    /// Locations with more than one ambassador, and how many.
    pub shared: Vec<(Location, usize)>,
    pub sessions: Vec<AmbassadorSessionLine>,
    /// By chapter, years of service and race, beside the first reference population.
    pub demographics: Vec<CohortDemographics>,
    /// The reference population compared with, if the team entered one.
    pub reference: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Leadership {
    pub cohort_year: FiscalYear,
    /// The sessions by number, and each one's attendance rate as of the date (None: not held).
    pub sessions: Vec<(LeadershipSession, Option<f64>)>,
    pub participants: usize,
    /// Each participant's role at entry, sorted (the booklet lists them).
    pub roles: Vec<String>,
    /// By race, largest first, with one-decimal shares of the cohort.
    pub by_race: Vec<Share>,
    pub completed: usize,
    pub on_track: usize,
    pub cannot_complete: usize,
    pub withdrawn: usize,
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mentoring {
    /// Mentors who had joined by the date, and of them the active ones.
    pub mentors: usize,
    pub active_mentors: usize,
    /// Union chapters with an active mentor, and those without (N/A is not a union chapter).
    pub with_mentor: Vec<String>,
    pub without_mentor: Vec<String>,
    pub active_pairs: usize,
    /// Pairs whose agreement was signed this year to date.
    pub pairs_signed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TeacherPathway {
    /// Intakes asking for the teacher pathway, by fiscal year, from the first year on record.
    pub intakes_by_year: Vec<(FiscalYear, u64)>,
    /// Support staff who became teachers (teacher outcomes), by fiscal year, from the first year
    /// on record to this one; empty when none is recorded.
    pub became_teachers: Vec<(FiscalYear, u64)>,
}

/// The booklet of `year` as of `as_of`.
pub fn booklet(data: &Dataset, year: FiscalYear, as_of: NaiveDate) -> Booklet {
    let report = monthly_as_of(data, year, as_of);
    let demographics = Dimension::ALL
        .iter()
        .filter_map(|d| Breakdown::of(&report, super::Metric::Intakes, *d))
        .collect();
    Booklet {
        year,
        as_of,
        services: services(data, year, as_of),
        demographics,
        learning: learning(data, year, as_of),
        ambassadors: ambassadors(data, year, as_of),
        leadership: leadership(data, year, as_of),
        mentoring: mentoring(data, year, as_of),
        teacher: teacher(data, year, as_of),
        report,
    }
}

/// Whether `d` is in `year` and on or before `as_of`.
fn counted(year: FiscalYear, as_of: NaiveDate, d: NaiveDate) -> bool {
    year.contains(d) && d <= as_of
}

fn services(data: &Dataset, year: FiscalYear, as_of: NaiveDate) -> Vec<(Service, u64)> {
    let mut counts: HashMap<Service, u64> = HashMap::new();
    for i in data.intakes.iter().filter(|i| counted(year, as_of, i.received)) {
        for s in &i.services {
            *counts.entry(*s).or_default() += 1;
        }
    }
    let mut out: Vec<(Service, u64)> = Service::ALL
        .iter()
        .map(|s| (*s, counts.get(s).copied().unwrap_or(0)))
        .collect();
    out.sort_by_key(|(s, n)| (std::cmp::Reverse(*n), Service::ALL.iter().position(|x| x == s)));
    out
}

fn learning(data: &Dataset, year: FiscalYear, as_of: NaiveDate) -> Learning {
    let sessions: HashMap<Id, Id> = data
        .pl_sessions
        .iter()
        .filter(|s| counted(year, as_of, s.date))
        .map(|s| (s.id, s.offering_id))
        .collect();
    let mut per_offering: BTreeMap<Id, (u64, u64)> = BTreeMap::new();
    for offering in sessions.values() {
        per_offering.entry(*offering).or_default().0 += 1;
    }
    let mut people = HashSet::new();
    let mut attendances = 0;
    for a in &data.pl_attendance {
        if let Some(offering) = sessions.get(&a.pl_session_id) {
            per_offering.entry(*offering).or_default().1 += 1;
            attendances += 1;
            people.insert(a.employee_id);
        }
    }
    let offerings = per_offering
        .into_iter()
        .map(|(id, (sessions, attendances))| {
            let o = data.offerings.iter().find(|o| o.id == id);
            OfferingLine {
                course_number: o.map(|o| o.course_number.clone()).unwrap_or_default(),
                title: o
                    .map(|o| o.title.clone())
                    .unwrap_or_else(|| format!("offering #{id}")),
                sessions,
                attendances,
            }
        })
        .collect();
    Learning {
        offerings,
        sessions: sessions.len() as u64,
        attendances,
        people: people.len() as u64,
    }
}

fn ambassadors(data: &Dataset, year: FiscalYear, as_of: NaiveDate) -> Ambassadors {
    let c = coverage(&data.ambassadors, &data.locations, as_of);
    let by_kind = coverage_by_kind(&c, &data.locations);
    let uncovered = uncovered(&c, &data.locations).into_iter().cloned().collect();
    let mut shared: Vec<(Location, usize)> = c
        .ambassadors_per_location
        .iter()
        .filter(|(_, n)| **n > 1)
        .filter_map(|(id, n)| data.location(*id).map(|l| (l.clone(), *n)))
        .collect();
    shared.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
    let mut sessions: Vec<AmbassadorSessionLine> = data
        .ambassador_sessions
        .iter()
        .filter(|s| year.contains(s.date))
        .map(|s| AmbassadorSessionLine {
            date: s.date,
            topic: s.topic.clone(),
            presenter: s.presenter.clone(),
            present: (s.date <= as_of).then(|| {
                let serving: Vec<Id> = data
                    .ambassadors
                    .iter()
                    .filter(|a| a.is_active(s.date))
                    .map(|a| a.id)
                    .collect();
                let came = serving.iter().filter(|id| s.attendees.contains(id)).count();
                (came, serving.len())
            }),
        })
        .collect();
    sessions.sort_by_key(|s| s.date);
    let reference = data.reference_populations.first();
    let cohort: Vec<&Employee> = data
        .ambassadors
        .iter()
        .filter(|a| a.is_active(as_of))
        .filter_map(|a| data.employee(a.employee_id))
        .collect();
    let demographics = domain::Dimension::ALL
        .iter()
        .map(|d| cohort_demographics(data, &cohort, reference, *d, as_of))
        .collect();
    Ambassadors {
        coverage: c,
        by_kind,
        uncovered,
        shared,
        sessions,
        demographics,
        reference: reference.map(|r| r.name.clone()),
    }
}

/// The cohort by one dimension beside the reference population, the small-group rule applied
/// to both sides, as the coverage tab's demographics view shows it.
pub fn cohort_demographics(
    data: &Dataset,
    cohort: &[&Employee],
    reference: Option<&ReferencePopulation>,
    dimension: domain::Dimension,
    on: NaiveDate,
) -> CohortDemographics {
    let mut groups = match dimension {
        // The chapters, N/A, and "Unknown" while someone's chapter is not entered yet.
        domain::Dimension::Chapter => data.listed_chapter_groups(),
        _ => fixed_groups(dimension),
    };
    for g in reference.iter().flat_map(|r| &r.groups) {
        if g.dimension == dimension && !groups.contains(&g.group) {
            groups.push(g.group.clone());
        }
    }
    let counts: Vec<u64> = groups
        .iter()
        .map(|g| cohort.iter().filter(|e| &group_of(e, dimension, on) == g).count() as u64)
        .collect();
    let cohort_total: u64 = counts.iter().sum();
    let shown = suppress(&counts);
    let reference_counts: Option<Vec<u64>> = reference.filter(|r| r.has(dimension)).map(|r| {
        groups
            .iter()
            .map(|g| r.people(dimension, g).unwrap_or(0))
            .collect()
    });
    let reference_total: u64 = reference_counts.iter().flatten().sum();
    let reference_shown = reference_counts.as_deref().map(suppress);
    let rows = groups
        .into_iter()
        .enumerate()
        .map(|(k, group)| {
            let r = reference_shown.as_ref().map(|v| v[k]);
            DemographicRow {
                group,
                cohort: shown[k],
                reference: r,
                gap: r.and_then(|r| gap_points(shown[k], cohort_total, r, reference_total)),
            }
        })
        .collect();
    CohortDemographics {
        dimension,
        rows,
        cohort_total,
        reference_total,
    }
}

fn leadership(data: &Dataset, year: FiscalYear, as_of: NaiveDate) -> Option<Leadership> {
    let cohort = data.cohort_for(year)?;
    let held: HashSet<Id> = data
        .sessions
        .iter()
        .filter(|s| s.cohort_id == cohort.id && s.date <= as_of)
        .map(|s| s.id)
        .collect();
    let marks = data.attendance.iter().filter(|m| held.contains(&m.session_id));
    let people = data.cohort_participants(cohort.id);
    let s = CohortSummary::build(cohort, people, &data.sessions, marks, as_of);
    let (completed, on_track, cannot_complete, withdrawn) = s.counts();
    let mut roles: Vec<String> = s.people.iter().map(|p| p.role.clone()).collect();
    roles.sort();
    let by_race = breakdown(s.people.iter().map(|p| {
        data.employee(p.employee_id)
            .map(|e| e.race.label().to_string())
            .unwrap_or_else(|| Race::Unknown.label().to_string())
    }));
    Some(Leadership {
        cohort_year: year,
        sessions: s
            .sessions
            .iter()
            .cloned()
            .zip(s.session_rate.iter().copied())
            .collect(),
        participants: s.people.len(),
        roles,
        by_race,
        completed,
        on_track,
        cannot_complete,
        withdrawn,
        rule: cohort.rule.describe(),
    })
}

fn mentoring(data: &Dataset, year: FiscalYear, as_of: NaiveDate) -> Mentoring {
    let mentors: Vec<&Mentor> = data.mentors.iter().filter(|m| m.joined <= as_of).collect();
    let active: Vec<&&Mentor> = mentors.iter().filter(|m| m.active).collect();
    let chapters = chapter_coverage(
        &data.chapters(),
        active
            .iter()
            .filter_map(|m| data.employee(m.employee_id))
            .map(|e| e.chapter_label()),
    );
    let union = chapters.iter().filter(|c| c.chapter != NO_CHAPTER);
    let (mut with_mentor, mut without_mentor) = (Vec::new(), Vec::new());
    for c in union {
        if c.is_gap() {
            without_mentor.push(c.chapter.clone());
        } else {
            with_mentor.push(c.chapter.clone());
        }
    }
    with_mentor.sort();
    without_mentor.sort();
    Mentoring {
        mentors: mentors.len(),
        active_mentors: active.len(),
        with_mentor,
        without_mentor,
        active_pairs: data.pairs.iter().filter(|p| p.is_active(as_of)).count(),
        pairs_signed: data
            .pairs
            .iter()
            .filter(|p| counted(year, as_of, p.started))
            .count(),
    }
}

fn teacher(data: &Dataset, year: FiscalYear, as_of: NaiveDate) -> TeacherPathway {
    let mut by_year: BTreeMap<FiscalYear, u64> = BTreeMap::new();
    for i in data
        .intakes
        .iter()
        .filter(|i| i.received <= as_of && i.services.contains(&Service::TeacherPathway))
    {
        let fy = FiscalYear::of(i.received);
        if fy <= year {
            *by_year.entry(fy).or_default() += 1;
        }
    }
    // Years with none between the first and this one are shown as none, not left out.
    let intakes_by_year = match by_year.keys().next().copied() {
        Some(first) => (first.0..=year.0)
            .map(|y| (FiscalYear(y), by_year.get(&FiscalYear(y)).copied().unwrap_or(0)))
            .collect(),
        None => Vec::new(),
    };
    TeacherPathway {
        intakes_by_year,
        became_teachers: super::teachers_by_year(data, as_of)
            .into_iter()
            .filter(|y| y.year <= year)
            .map(|y| (y.year, y.count))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_fy25_booklet_on_the_demo() {
        let data = crate::demo::build(d(2026, 11, 25));
        let b = booklet(&data, FiscalYear(2025), d(2024, 12, 19));
        let l = b.leadership.as_ref().unwrap();
        assert_eq!(l.participants, 15);
        assert_eq!(l.sessions.len(), 8);
        let race: Vec<(&str, usize, &str)> = l
            .by_race
            .iter()
            .map(|s| (s.label.as_str(), s.count, s.percent.as_str()))
            .collect();
        assert_eq!(
            race,
            [
                ("White", 6, "40.0%"),
                ("Black or African American", 5, "33.3%"),
                ("Hispanic", 4, "26.7%")
            ]
        );
        // Three sessions held by December 19: everyone can still complete.
        assert_eq!(l.sessions.iter().filter(|(_, r)| r.is_some()).count(), 3);
        assert_eq!(
            (l.completed, l.on_track, l.cannot_complete, l.withdrawn),
            (0, 15, 0, 0)
        );
        assert_eq!(b.mentoring.mentors, 8);
        assert_eq!(b.mentoring.with_mentor.len(), 4);
        assert_eq!(b.learning.offerings.len(), 14);
        assert!(b.learning.offerings.iter().any(|o| o.course_number == "92883"));
        assert_eq!(b.learning.attendances, 375, "none between December 13 and 19");
        assert_eq!(b.ambassadors.coverage.active_ambassadors, 24);
        assert_eq!(b.ambassadors.coverage.locations_covered, 43);
        // Demographics: every small group hidden, on both sides of the comparison.
        for t in &b.ambassadors.demographics {
            for r in &t.rows {
                if let Shown::Count(n) = r.cohort {
                    assert!(n == 0 || n >= 5, "{r:?}");
                }
                if r.cohort.is_hidden() {
                    assert_eq!(r.gap, None);
                }
            }
        }
        // The demo's teacher outcomes, each year to this one.
        assert!(
            b.teacher
                .became_teachers
                .iter()
                .any(|(y, n)| *y == FiscalYear(2024) && *n > 0),
            "{:?}",
            b.teacher.became_teachers
        );
        assert!(
            b.teacher
                .intakes_by_year
                .iter()
                .any(|(y, _)| *y == FiscalYear(2023))
        );
    }

    #[test]
    fn an_empty_database_gives_an_empty_booklet_not_made_up_figures() {
        let b = booklet(&Dataset::default(), FiscalYear(2025), d(2024, 12, 19));
        assert!(b.leadership.is_none());
        assert_eq!(b.learning, Learning::default());
        assert_eq!(b.mentoring.mentors, 0);
        assert!(b.teacher.intakes_by_year.is_empty());
        assert!(b.services.iter().all(|(_, n)| *n == 0));
        assert_eq!(b.ambassadors.coverage.active_ambassadors, 0);
    }
}
