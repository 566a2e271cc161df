//! The tab's state: which view is shown, and everything each view draws, computed once per load.

use crate::list::{Nav, Rows, ViewKind, Views};
use chrono::{Datelike, NaiveDate};
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    ChapterCoverage, Choice, Id, IdMap, Mentor, MentoringPair, chapter_coverage, first_of_month,
    mentor_problems, missing_months,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Pairs,
    Mentors,
    Logs,
    Chapters,
}

impl View {
    pub const ALL: [View; 4] = [View::Pairs, View::Mentors, View::Logs, View::Chapters];

    pub fn title(self) -> &'static str {
        match self {
            View::Pairs => "Pairs",
            View::Mentors => "Mentors",
            View::Logs => "Logs",
            View::Chapters => "Chapters",
        }
    }
}

impl ViewKind for View {
    const ALL: &'static [View] = &View::ALL;
}

/// Where a pair stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairState {
    Active,
    EndingSoon,
    /// Still running past its 12 months.
    Overdue,
    Ended,
}

/// What the pairs view shows about one pair (parallel to `data.pairs`).
#[derive(Debug, Clone)]
pub struct PairInfo {
    pub state: PairState,
    pub logs: usize,
    pub due: usize,
    pub missing: Vec<NaiveDate>,
}

/// What the roster shows about one mentor (parallel to `data.mentors`).
#[derive(Debug, Clone, Default)]
pub struct MentorInfo {
    /// Employee ids of the mentees in the mentor's active pairs.
    pub mentees: Vec<Id>,
    /// Why the mentor could not take a mentee today (empty: can).
    pub problems: Vec<String>,
}

/// One cell of the log grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GridCell {
    /// The pair did not run that month.
    Outside,
    Logged(f32),
    /// A past month the pair owes a log for.
    Missing,
    /// The current month, not due yet.
    NotDue,
}

pub const GRID_MONTHS: usize = 12;

#[derive(Debug, Clone)]
pub struct GridLine {
    pub pair: usize,
    pub cells: [GridCell; GRID_MONTHS],
}

#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub active: usize,
    pub ending_soon: usize,
    pub overdue: usize,
    pub missing_logs: usize,
    pub active_mentors: usize,
    pub gaps: usize,
    pub union_chapters: usize,
}

#[derive(Debug, Clone, Default)]
pub struct MentoringTab {
    /// The four views over one filter: pairs (indexes into `data.pairs`), mentors (into
    /// `data.mentors`), the log grid (into `grid`) and chapters (into `chapters`).
    pub list: Views<View, Picked>,
    pub pair_info: Vec<PairInfo>,
    pub mentor_info: Vec<MentorInfo>,
    pub grid: Vec<GridLine>,
    /// First days of the grid's months, oldest first; the last is the current month.
    pub grid_months: Vec<NaiveDate>,
    pub chapters: Vec<ChapterCoverage>,
    /// Employee ids of each chapter's active mentors (parallel to `chapters`).
    pub chapter_mentors: Vec<Vec<Id>>,
    /// Indexes into `data.logs` per pair id, oldest month first.
    pub logs_by_pair: IdMap<Vec<usize>>,
    pub summary: Summary,
    /// How many logs the views were built from (a save that is taken in only appends).
    pub(super) built_logs: usize,
    /// How many times the views were rebuilt whole (a save that is taken in is not).
    pub rebuilds: usize,
}

/// What a view's selected row is, independent of where it sorts.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    Pair(Id),
    Mentor(Id),
    Chapter(String),
}

/// The mentee's and the mentor's names of pair `i` (what `/` matches a grid line on).
fn pair_names(data: &Dataset, i: usize) -> String {
    let p = &data.pairs[i];
    let mentor = data
        .mentor(p.mentor_id)
        .map(|m| data.employee_name(m.employee_id))
        .unwrap_or_default();
    format!("{} {mentor}", data.employee_name(p.mentee_id))
}

/// What `/` matches pair `i` on: the two names and its state.
fn pair_text(data: &Dataset, info: &[PairInfo], i: usize) -> String {
    let state = info
        .get(i)
        .map_or("", |info| state_label(&data.pairs[i], info.state));
    format!("{} {state}", pair_names(data, i))
}

/// What `/` matches mentor `i` on: name, chapter, position, expertise, whether active.
fn mentor_text(data: &Dataset, i: usize) -> String {
    let m = &data.mentors[i];
    let e = data.employee(m.employee_id);
    format!(
        "{} {} {} {} {}",
        data.employee_name(m.employee_id),
        e.map(|e| e.chapter_label()).unwrap_or(""),
        e.map(|e| e.position.as_str()).unwrap_or(""),
        m.expertise,
        if m.active { "active" } else { "inactive" }
    )
}

impl MentoringTab {
    /// Computes everything the views show from the data.
    pub fn rebuild(&mut self, data: &Dataset, today: NaiveDate) {
        self.rebuilds += 1;
        self.built_logs = data.logs.len();
        let memory = self.list.remember();
        let mut logs_by_pair: IdMap<Vec<usize>> = IdMap::default();
        for (i, l) in data.logs.iter().enumerate() {
            logs_by_pair.entry(l.pair_id).or_default().push(i);
        }
        for v in logs_by_pair.values_mut() {
            v.sort_by_key(|&i| (data.logs[i].month, data.logs[i].submitted));
        }
        let mut summary = Summary::default();
        self.pair_info = data
            .pairs
            .iter()
            .map(|p| {
                let logs = logs_by_pair.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
                let state = pair_state(p, today);
                let missing = missing_months(p, logs.iter().map(|&i| &data.logs[i]), today);
                if state != PairState::Ended {
                    summary.active += 1;
                    summary.missing_logs += missing.len();
                }
                summary.ending_soon += usize::from(state == PairState::EndingSoon);
                summary.overdue += usize::from(state == PairState::Overdue);
                PairInfo {
                    state,
                    logs: logs.len(),
                    due: p.months_due(today).len(),
                    missing,
                }
            })
            .collect();

        let mentor_index: IdMap<usize> = data.mentors.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
        self.mentor_info = data
            .mentors
            .iter()
            .map(|m| MentorInfo {
                mentees: Vec::new(),
                problems: data
                    .employee(m.employee_id)
                    .map(|e| mentor_problems(m, e, today))
                    .unwrap_or_else(|| vec!["the mentor's employee record is missing".into()]),
            })
            .collect();
        for (p, info) in data.pairs.iter().zip(&self.pair_info) {
            if info.state != PairState::Ended
                && let Some(&mi) = mentor_index.get(&p.mentor_id)
            {
                self.mentor_info[mi].mentees.push(p.mentee_id);
            }
        }

        // Pairs: running ones first, soonest to end first; ended ones after, latest first.
        let mut order: Vec<usize> = (0..data.pairs.len()).collect();
        order.sort_by_key(|&i| {
            let p = &data.pairs[i];
            match p.ended.filter(|_| self.pair_info[i].state == PairState::Ended) {
                None => (0, p.expires().num_days_from_ce()),
                Some(e) => (1, -e.num_days_from_ce()),
            }
        });
        self.list
            .list_mut(View::Pairs)
            .set_order(order, |i| Picked::Pair(data.pairs[i].id));

        // Mentors: active first, then by name.
        let mut order: Vec<usize> = (0..data.mentors.len()).collect();
        let sort_name = |m: &Mentor| {
            data.employee(m.employee_id)
                .map(|e| e.sort_name())
                .unwrap_or_default()
        };
        order.sort_by_cached_key(|&i| (!data.mentors[i].active, sort_name(&data.mentors[i])));
        self.list
            .list_mut(View::Mentors)
            .set_order(order, |i| Picked::Mentor(data.mentors[i].id));

        // Log grid: every running pair, over the last 12 months.
        let current = first_of_month(today);
        self.grid_months = (0..GRID_MONTHS as u32)
            .rev()
            .map(|back| {
                current
                    .checked_sub_months(chrono::Months::new(back))
                    .unwrap_or(current)
            })
            .collect();
        self.grid = order_active(&data.pairs, &self.pair_info)
            .into_iter()
            .map(|i| {
                let p = &data.pairs[i];
                let logs = logs_by_pair.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
                GridLine {
                    pair: i,
                    cells: grid_cells(data, p, logs, &self.grid_months, today),
                }
            })
            .collect();
        let grid = &self.grid;
        self.list
            .list_mut(View::Logs)
            .set_order((0..grid.len()).collect(), |g| {
                Picked::Pair(data.pairs[grid[g].pair].id)
            });

        // Chapters: active mentors per chapter, chapters without one first.
        let chapters = data.chapters();
        let active: Vec<(&str, Id)> = data
            .mentors
            .iter()
            .filter(|m| m.active)
            .filter_map(|m| data.employee(m.employee_id).map(|e| (e.chapter_label(), e.id)))
            .collect();
        self.chapters = chapter_coverage(&chapters, active.iter().map(|(c, _)| *c));
        self.chapter_mentors = self
            .chapters
            .iter()
            .map(|c| {
                active
                    .iter()
                    .filter(|(ch, _)| *ch == c.chapter)
                    .map(|(_, id)| *id)
                    .collect()
            })
            .collect();
        let (chapters, chapter_mentors) = (&self.chapters, &self.chapter_mentors);
        self.list
            .list_mut(View::Chapters)
            .set(chapters.iter().enumerate().map(|(i, c)| {
                let names: Vec<String> = chapter_mentors[i]
                    .iter()
                    .map(|&id| data.employee_name(id))
                    .collect();
                (
                    i,
                    Picked::Chapter(c.chapter.clone()),
                    format!("{} {}", c.chapter, names.join(" ")),
                )
            }));
        summary.active_mentors = active.len();
        summary.gaps = self.chapters.iter().filter(|c| c.is_gap()).count();
        summary.union_chapters = self
            .chapters
            .iter()
            .filter(|c| c.chapter != pathways_core::domain::NO_CHAPTER)
            .count();
        self.summary = summary;
        self.logs_by_pair = logs_by_pair;
        self.fill_keys(data);
        self.list.restore(memory);
    }

    /// Builds the search text of the pairs, mentors and log grid if the filter needs it (the
    /// first filter after a rebuild), so a tab nobody is filtering is made without formatting
    /// a line per pair and per mentor.
    pub(super) fn fill_keys(&mut self, data: &Dataset) {
        let filter = self.list.filter.clone();
        let (info, grid) = (&self.pair_info, &self.grid);
        self.list
            .list_mut(View::Pairs)
            .fill_keys_for(&filter, |i| pair_text(data, info, i));
        self.list
            .list_mut(View::Mentors)
            .fill_keys_for(&filter, |i| mentor_text(data, i));
        self.list
            .list_mut(View::Logs)
            .fill_keys_for(&filter, |g| pair_names(data, grid[g].pair));
    }

    pub fn view(&self) -> View {
        self.list.view
    }

    /// The rows of view `v`.
    pub fn rows(&self, v: View) -> &Rows {
        &self.list.list(v).rows
    }

    pub fn navigate(&mut self, nav: Nav) {
        match nav {
            Nav::Left => self.set_view(self.view().step(-1)),
            Nav::Right => self.set_view(self.view().step(1)),
            _ => self.list.nav(nav),
        }
    }

    /// Switches view, keeping each view's own selection.
    pub fn set_view(&mut self, view: View) {
        self.list.show(view);
    }

    /// The pair selected in the pairs view or the log grid.
    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a MentoringPair> {
        self.selected_pair_index().and_then(|i| data.pairs.get(i))
    }

    pub fn selected_pair_index(&self) -> Option<usize> {
        let row = self.list.selected_index()?;
        match self.view() {
            View::Pairs => Some(row),
            View::Logs => self.grid.get(row).map(|g| g.pair),
            _ => None,
        }
    }

    /// The mentor selected in the roster, or the mentor of the selected pair.
    pub fn selected_mentor<'a>(&self, data: &'a Dataset) -> Option<&'a Mentor> {
        match self.view() {
            View::Mentors => self.list.selected_index().and_then(|i| data.mentors.get(i)),
            _ => self.selected(data).and_then(|p| data.mentor(p.mentor_id)),
        }
    }

    /// Selects the pair with `id` in the pairs view, if the filter shows it.
    pub fn select_pair(&mut self, id: Id) {
        self.set_view(View::Pairs);
        self.list.current_mut().select(&Picked::Pair(id));
    }

    /// Selects the mentor with `id` in the roster, if the filter shows them.
    pub fn select_mentor(&mut self, id: Id) {
        self.set_view(View::Mentors);
        self.list.current_mut().select(&Picked::Mentor(id));
    }
}

/// A pair's line in the log grid: each month logged (hours), missing, not due yet, or outside
/// the pair's months. `logs` are indexes into `data.logs` of the pair's logs.
pub(super) fn grid_cells(
    data: &Dataset,
    p: &MentoringPair,
    logs: &[usize],
    months: &[NaiveDate],
    today: NaiveDate,
) -> [GridCell; GRID_MONTHS] {
    let current = first_of_month(today);
    let due = p.months_due(today);
    let last = first_of_month(p.expires());
    let mut cells = [GridCell::Outside; GRID_MONTHS];
    for (c, &month) in cells.iter_mut().zip(months) {
        let hours: f32 = logs
            .iter()
            .map(|&l| &data.logs[l])
            .filter(|l| first_of_month(l.month) == month)
            .map(|l| l.hours)
            .sum();
        let logged = logs.iter().any(|&l| first_of_month(data.logs[l].month) == month);
        *c = if logged {
            GridCell::Logged(hours)
        } else if due.contains(&month) {
            GridCell::Missing
        } else if month == current && month >= first_of_month(p.started) && month <= last {
            GridCell::NotDue
        } else {
            GridCell::Outside
        };
    }
    cells
}

/// Indexes of the running pairs, soonest to end first.
fn order_active(pairs: &[MentoringPair], info: &[PairInfo]) -> Vec<usize> {
    let mut v: Vec<usize> = (0..pairs.len())
        .filter(|&i| info[i].state != PairState::Ended)
        .collect();
    v.sort_by_key(|&i| pairs[i].expires());
    v
}

pub fn pair_state(p: &MentoringPair, today: NaiveDate) -> PairState {
    if !p.is_active(today) {
        PairState::Ended
    } else if p.is_overdue(today) {
        PairState::Overdue
    } else if p.ends_soon(today) {
        PairState::EndingSoon
    } else {
        PairState::Active
    }
}

/// The state in words, with a marker where it needs attention (never colour alone).
pub fn state_label(p: &MentoringPair, state: PairState) -> &'static str {
    match state {
        PairState::Ended => p.end_reason.map(|r| r.label()).unwrap_or("ended"),
        PairState::Overdue => "! past 12 months",
        PairState::EndingSoon => "ending soon",
        PairState::Active => "active",
    }
}
