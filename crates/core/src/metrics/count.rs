//! The counting passes: one over each kind of record, into 24 month slots (the previous fiscal
//! year then the chosen one) plus two year-to-date slots, for the total and every group at once.

use super::{Dimension, Figure, Metric, MetricRow, NOT_RECORDED, Report, Series, Total};
use crate::dataset::Dataset;
use crate::domain::{Attendance, Choice, FiscalMonth, FiscalYear, Id, LocationKind, Race, Service, coverage};
use chrono::NaiveDate;
// Keyed by ids: foldhash (seeded per process), several times faster than the default hasher.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// Slots 0..12: previous year's months; 12..24: the chosen year's; 24, 25: their year to date.
const SLOTS: usize = 26;
const PREV_FYTD: usize = 24;
const THIS_FYTD: usize = 25;

type Cells = [Figure; SLOTS];

/// Which group a record falls in, per dimension (None where the dimension does not apply): one
/// per person and per intake while counting, so a group number is a u32, not a usize.
#[derive(Debug, Clone, Copy, Default)]
struct Who([Option<u32>; 3]);

struct Acc {
    total: Cells,
    groups: [Vec<Cells>; 3],
    /// The earliest date the metric's records reach back to.
    first: Option<NaiveDate>,
}

impl Acc {
    fn new(sizes: [usize; 3]) -> Acc {
        Acc {
            total: [Figure::default(); SLOTS],
            groups: sizes.map(|n| vec![[Figure::default(); SLOTS]; n]),
            first: None,
        }
    }

    fn add(&mut self, slot: usize, who: Who, count: u64, of: u64) {
        self.total[slot].add(count, of);
        for (d, g) in who.0.iter().enumerate() {
            if let Some(g) = g {
                self.groups[d][*g as usize][slot].add(count, of);
            }
        }
    }

    fn seen(&mut self, d: NaiveDate) {
        self.first = Some(self.first.map_or(d, |f| f.min(d)));
    }
}

/// The chosen year, today, and how many of its months have begun.
struct Window {
    year: FiscalYear,
    today: NaiveDate,
    elapsed: usize,
    /// Each month slot's first day and its last day up to today (made once: every mentoring
    /// pair is checked against all 24).
    days: [(NaiveDate, NaiveDate); 24],
}

impl Window {
    fn new(year: FiscalYear, today: NaiveDate) -> Window {
        let elapsed = if today < year.start() {
            0
        } else if today > year.end() {
            12
        } else {
            FiscalMonth::of(today).number as usize
        };
        let mut w = Window {
            year,
            today,
            elapsed,
            days: [(today, today); 24],
        };
        w.days = std::array::from_fn(|s| {
            let m = w.month(s);
            (m.first_day(), m.last_day().min(today))
        });
        w
    }

    /// The month slot of a date on or before today, in either year.
    fn slot(&self, d: NaiveDate) -> Option<usize> {
        if d > self.today {
            return None;
        }
        let m = FiscalMonth::of(d);
        let i = m.number as usize - 1;
        if m.year == self.year {
            Some(12 + i)
        } else if m.year == self.year.previous() {
            Some(i)
        } else {
            None
        }
    }

    fn month(&self, slot: usize) -> FiscalMonth {
        let year = if slot < 12 {
            self.year.previous()
        } else {
            self.year
        };
        year.months()[slot % 12]
    }

    /// The year-to-date slot a month slot adds to: the same months in both years.
    fn fytd(&self, slot: usize) -> Option<usize> {
        match slot {
            s if s < 12 && s < self.elapsed => Some(PREV_FYTD),
            s if (12..24).contains(&s) && s - 12 < self.elapsed => Some(THIS_FYTD),
            _ => None,
        }
    }

    /// Adds one event to its month and (for sums and rates) lets `finish` add the year to date.
    fn event(&self, acc: &mut Acc, d: NaiveDate, who: Who, count: u64, of: u64) {
        acc.seen(d);
        if let Some(s) = self.slot(d) {
            acc.add(s, who, count, of);
        }
    }
}

/// Groups per dimension, fixed for one report: chapters (N/A last), races, location types.
struct Groups {
    labels: [Vec<String>; 3],
    /// Each person's groups, in `data.employees` order.
    by_employee: Vec<Who>,
    location_kind: HashMap<Id, usize>,
}

impl Groups {
    fn new(data: &Dataset) -> Groups {
        // Chapters, N/A, then "Unknown" (nobody entered it), then "not recorded" (no person).
        let mut chapters = data.chapter_groups();
        chapters.push(NOT_RECORDED.into());
        let chapter: HashMap<String, usize> = chapters
            .iter()
            .enumerate()
            .map(|(i, c)| (c.to_lowercase(), i))
            .collect();
        let mut races: Vec<String> = Race::ALL.iter().map(|r| r.label().to_string()).collect();
        races.push(NOT_RECORDED.into());
        let mut kinds: Vec<String> = LocationKind::ALL.iter().map(|k| k.label().to_string()).collect();
        kinds.push(NOT_RECORDED.into());
        let location_kind: HashMap<Id, usize> = data
            .locations
            .iter()
            .map(|l| (l.id, kind_index(l.kind)))
            .collect();
        let not = |labels: &Vec<String>| labels.len() - 1;
        let (chapter_none, kind_none) = (not(&chapters), not(&kinds));
        // A million people carry a few spellings of their chapters: each is looked up once.
        let mut spellings: HashMap<&str, usize> = HashMap::new();
        let by_employee = data
            .employees
            .iter()
            .map(|e| {
                let c = *spellings.entry(e.chapter_group()).or_insert_with_key(|spelling| {
                    chapter
                        .get(&spelling.trim().to_lowercase())
                        .copied()
                        .unwrap_or(chapter_none)
                });
                let r = Race::ALL.iter().position(|r| *r == e.race).unwrap_or(0);
                let k = e
                    .location_id
                    .and_then(|l| location_kind.get(&l).copied())
                    .unwrap_or(kind_none);
                Who([c, r, k].map(group))
            })
            .collect();
        Groups {
            labels: [chapters, races, kinds],
            by_employee,
            location_kind,
        }
    }

    fn sizes(&self) -> [usize; 3] {
        [self.labels[0].len(), self.labels[1].len(), self.labels[2].len()]
    }

    fn none(&self) -> Who {
        Who(std::array::from_fn(|d| group(self.labels[d].len() - 1)))
    }

    fn employee(&self, data: &Dataset, id: Id) -> Who {
        data.employee_position(id)
            .and_then(|at| self.by_employee.get(at).copied())
            .unwrap_or_else(|| self.none())
    }

    /// A place-only record (pop-up, covered location): location type alone.
    fn place(&self, location: Id) -> Who {
        let k = self
            .location_kind
            .get(&location)
            .copied()
            .unwrap_or(self.labels[2].len() - 1);
        Who([None, None, group(k)])
    }
}

/// A group's number as `Who` holds it.
fn group(i: usize) -> Option<u32> {
    u32::try_from(i).ok()
}

fn kind_index(k: LocationKind) -> usize {
    LocationKind::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

pub(super) fn count(data: &Dataset, year: FiscalYear, today: NaiveDate) -> Report {
    let groups = Groups::new(data);
    let accs = Metric::ALL.iter().map(|_| Acc::new(groups.sizes())).collect();
    let mut pass = Pass {
        w: Window::new(year, today),
        groups,
        data,
        accs,
    };
    pass.intakes();
    pass.learning();
    pass.mentoring();
    pass.coverage();
    pass.leadership();
    finish(&pass.w, pass.groups.labels, pass.accs)
}

/// The accumulators of every metric while each kind of record is read once.
struct Pass<'a> {
    w: Window,
    groups: Groups,
    data: &'a Dataset,
    accs: Vec<Acc>,
}

/// The accumulator of metric `$m`.
macro_rules! at {
    ($pass:ident, $m:expr) => {
        $pass.accs[$m.index()]
    };
}

impl Pass<'_> {
    /// One dated event of metric `m` (see `Window::event`).
    fn event(&mut self, m: Metric, d: NaiveDate, who: Who, count: u64, of: u64) {
        self.w.event(&mut self.accs[m.index()], d, who, count, of);
    }

    /// Intakes: received, established, teacher pathway; consultations by their intake's employee.
    fn intakes(&mut self) {
        // Each intake's groups, in `data.intakes` order (its consultations count in them).
        let mut intake_who: Vec<Who> = Vec::with_capacity(self.data.intakes.len());
        for i in &self.data.intakes {
            let who = self.groups.employee(self.data, i.employee_id);
            intake_who.push(who);
            self.event(Metric::Intakes, i.received, who, 1, 0);
            if let Some(d) = i.established_on() {
                self.event(Metric::NewRelationships, d, who, 1, 0);
            }
            if i.services.contains(&Service::TeacherPathway) {
                self.event(Metric::TeacherPathway, i.received, who, 1, 0);
            }
        }
        for c in &self.data.consultations {
            let who = (self.data.intake_position(c.intake_id))
                .and_then(|at| intake_who.get(at).copied())
                .unwrap_or_else(|| self.groups.none());
            self.event(Metric::Consultations, c.date, who, 1, 0);
        }
    }

    /// Professional learning: sessions, attendances, and each person once per month and per
    /// year; and pop-up events.
    fn learning(&mut self) {
        let mut pl_dates: HashMap<Id, NaiveDate> = HashMap::with_capacity(self.data.pl_sessions.len());
        for s in &self.data.pl_sessions {
            pl_dates.insert(s.id, s.date);
            self.event(Metric::PlSessions, s.date, Who::default(), 1, 0);
        }
        let mut people_month: HashSet<(Id, usize)> = HashSet::new();
        let mut people_year: HashSet<(Id, usize)> = HashSet::new();
        for a in &self.data.pl_attendance {
            let Some(&d) = pl_dates.get(&a.pl_session_id) else {
                continue;
            };
            let who = self.groups.employee(self.data, a.employee_id);
            self.event(Metric::PlAttendance, d, who, 1, 0);
            at!(self, Metric::PlPeople).seen(d);
            if let Some(s) = self.w.slot(d) {
                if people_month.insert((a.employee_id, s)) {
                    at!(self, Metric::PlPeople).add(s, who, 1, 0);
                }
                if let Some(y) = self.w.fytd(s)
                    && people_year.insert((a.employee_id, y))
                {
                    at!(self, Metric::PlPeople).add(y, who, 1, 0);
                }
            }
        }

        for p in &self.data.popups {
            let place = self.groups.place(p.location_id);
            self.event(Metric::PopUps, p.date, place, 1, 0);
        }
        for o in &self.data.teacher_outcomes {
            let who = self.groups.employee(self.data, o.employee_id);
            self.event(Metric::BecameTeachers, o.hired, who, 1, 0);
        }
    }

    /// Mentoring: pairs active in each month (each once a year), the logs they owe and the logs in.
    fn mentoring(&mut self) {
        let mut pair_mentee: HashMap<Id, Id> = HashMap::with_capacity(self.data.pairs.len());
        for p in &self.data.pairs {
            pair_mentee.insert(p.id, p.mentee_id);
            let who = self.groups.employee(self.data, p.mentee_id);
            at!(self, Metric::ActivePairs).seen(p.started);
            let mut years = [false; 2];
            for s in 0..24 {
                let (from, to) = self.w.days[s];
                let active = from <= self.w.today && p.started <= to && p.ended.is_none_or(|e| e > from);
                if active {
                    at!(self, Metric::ActivePairs).add(s, who, 1, 0);
                    if let Some(y) = self.w.fytd(s) {
                        years[y - PREV_FYTD] = true;
                    }
                }
            }
            for (k, counted) in years.into_iter().enumerate() {
                if counted {
                    at!(self, Metric::ActivePairs).add(PREV_FYTD + k, who, 1, 0);
                }
            }
            for month in p.months_due(self.w.today) {
                self.event(Metric::LogsDue, month, who, 1, 0);
            }
        }
        let mut logged: HashSet<(Id, usize)> = HashSet::new();
        for l in &self.data.logs {
            let who = pair_mentee
                .get(&l.pair_id)
                .map(|&e| self.groups.employee(self.data, e))
                .unwrap_or_else(|| self.groups.none());
            at!(self, Metric::LogsSubmitted).seen(l.month);
            if let Some(s) = self.w.slot(l.month)
                && logged.insert((l.pair_id, s))
            {
                at!(self, Metric::LogsSubmitted).add(s, who, 1, 0);
            }
        }
    }

    /// Ambassador coverage at each month end (today for the month in progress), as the coverage
    /// tab computes it; ambassadors and locations are a few hundred records at most.
    fn coverage(&mut self) {
        if let Some(first) = self.data.ambassadors.iter().map(|a| a.tenure_start).min() {
            at!(self, Metric::AmbassadorsActive).seen(first);
            at!(self, Metric::EmployeesCovered).seen(first);
        }
        if !self.data.ambassadors.is_empty() {
            for s in 0..24 {
                let m = self.w.month(s);
                if m.first_day() > self.w.today {
                    continue;
                }
                let on = m.last_day().min(self.w.today);
                let cov = coverage(&self.data.ambassadors, &self.data.locations, on);
                for a in self.data.ambassadors.iter().filter(|a| a.is_active(on)) {
                    let mut who = self.groups.employee(self.data, a.employee_id);
                    who.0[2] = self.groups.place(a.primary_location).0[2];
                    at!(self, Metric::AmbassadorsActive).add(s, who, 1, 0);
                }
                for &location in cov.ambassadors_per_location.keys() {
                    let employees = self
                        .data
                        .location(location)
                        .map_or(0, crate::domain::Location::counted_employees);
                    at!(self, Metric::EmployeesCovered).add(s, self.groups.place(location), employees, 0);
                }
            }
        }
    }

    /// Leadership: present marks over all marks, by the session's date.
    fn leadership(&mut self) {
        let session_dates: HashMap<Id, NaiveDate> =
            self.data.sessions.iter().map(|s| (s.id, s.date)).collect();
        let participant_who: HashMap<Id, Who> = self
            .data
            .participants
            .iter()
            .map(|p| (p.id, self.groups.employee(self.data, p.employee_id)))
            .collect();
        for mark in &self.data.attendance {
            let Some(&d) = session_dates.get(&mark.session_id) else {
                continue;
            };
            let who = participant_who
                .get(&mark.participant_id)
                .copied()
                .unwrap_or_else(|| self.groups.none());
            let present = u64::from(mark.mark == Attendance::Present);
            self.event(Metric::LeadershipRate, d, who, present, 1);
        }
    }
}

/// Turns slots into series: months, and the year to date by each metric's rule.
fn finish(w: &Window, labels: [Vec<String>; 3], accs: Vec<Acc>) -> Report {
    let rows = Metric::ALL
        .iter()
        .zip(accs)
        .map(|(&metric, acc)| {
            let series = |cells: &Cells| -> (Series, Series) {
                (
                    series_of(w, metric.total(), cells, 12, THIS_FYTD),
                    series_of(w, metric.total(), cells, 0, PREV_FYTD),
                )
            };
            let (this, previous) = series(&acc.total);
            let previous_has_data = std::array::from_fn(|i| {
                acc.first
                    .is_some_and(|f| f <= w.year.previous().months()[i].last_day())
            });
            let split: [Vec<(usize, Series, Series)>; 3] = std::array::from_fn(|d| {
                if !metric.breaks_down_by(Dimension::ALL[d]) {
                    return Vec::new();
                }
                // "not recorded", and a chapter nobody entered, are listed only when they count
                // someone.
                let last = labels[d].len() - 1;
                let unknown = (Dimension::ALL[d] == Dimension::Chapter).then(|| last - 1);
                acc.groups[d]
                    .iter()
                    .enumerate()
                    .filter(|(g, cells)| {
                        (*g != last && Some(*g) != unknown) || cells.iter().any(|f| *f != Figure::default())
                    })
                    .map(|(g, cells)| {
                        let (this, previous) = series(cells);
                        (g, this, previous)
                    })
                    .collect()
            });
            MetricRow {
                metric,
                this,
                previous,
                previous_has_data,
                groups: std::array::from_fn(|d| split[d].iter().map(|&(g, t, _)| (g, t)).collect()),
                groups_previous: split.map(|v| v.into_iter().map(|(_, _, p)| p).collect()),
            }
        })
        .collect();
    Report {
        year: w.year,
        today: w.today,
        elapsed: w.elapsed,
        rows,
        group_labels: labels,
    }
}

fn series_of(w: &Window, total: Total, cells: &Cells, from: usize, fytd_slot: usize) -> Series {
    let months: [Figure; 12] = std::array::from_fn(|i| cells[from + i]);
    let fytd = match total {
        Total::Sum | Total::Rate => months[..w.elapsed].iter().fold(Figure::default(), |mut a, f| {
            a.add(f.count, f.of);
            a
        }),
        Total::Distinct => cells[fytd_slot],
        Total::Latest => w.elapsed.checked_sub(1).map(|i| months[i]).unwrap_or_default(),
    };
    Series { months, fytd }
}
