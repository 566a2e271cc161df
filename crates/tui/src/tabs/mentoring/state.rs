//! The tab's state: which view is shown, and everything each view draws, computed once per load.

use crate::action::Action;
use crate::app::ListNav;
use crate::tabs::Rows;
use chrono::{Datelike, NaiveDate};
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    ChapterCoverage, Choice, Id, Mentor, MentoringPair, chapter_coverage, first_of_month, mentor_problems,
    missing_months,
};
use std::collections::HashMap;

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

    fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    pub(super) fn step(self, by: isize) -> View {
        let i = (self.index() as isize + by).rem_euclid(View::ALL.len() as isize);
        View::ALL[i as usize]
    }
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
    pub view: View,
    /// The shared filter, and the selection in the current view.
    pub list: ListNav,
    selections: [usize; 4],
    /// Pairs view: indexes into `data.pairs`.
    pub rows: Rows,
    /// Mentors view: indexes into `data.mentors`.
    pub mentor_rows: Rows,
    /// Log grid: indexes into `grid`.
    pub grid_rows: Rows,
    /// Chapters view: indexes into `chapters`.
    pub chapter_rows: Rows,
    pub pair_info: Vec<PairInfo>,
    pub mentor_info: Vec<MentorInfo>,
    pub grid: Vec<GridLine>,
    /// First days of the grid's months, oldest first; the last is the current month.
    pub grid_months: Vec<NaiveDate>,
    pub chapters: Vec<ChapterCoverage>,
    /// Employee ids of each chapter's active mentors (parallel to `chapters`).
    pub chapter_mentors: Vec<Vec<Id>>,
    /// Indexes into `data.logs` per pair id, oldest month first.
    pub logs_by_pair: HashMap<Id, Vec<usize>>,
    pub summary: Summary,
    /// Ids of `data.pairs` and `data.mentors` by index as of the last refresh, so each view's
    /// selection can follow its record when a save or another process reorders the lists.
    pair_ids: Vec<Id>,
    mentor_ids: Vec<Id>,
}

/// What a view's selected row is, independent of where it sorts.
#[derive(Debug, Clone, PartialEq)]
enum Picked {
    Pair(Id),
    Mentor(Id),
    Chapter(String),
}

impl MentoringTab {
    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
        let keep = View::ALL.map(|v| self.picked(v));
        self.pair_ids = data.pairs.iter().map(|p| p.id).collect();
        self.mentor_ids = data.mentors.iter().map(|m| m.id).collect();
        let mut logs_by_pair: HashMap<Id, Vec<usize>> = HashMap::new();
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

        let mentor_index: HashMap<Id, usize> =
            data.mentors.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
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
        let mentor_name = |id: Id| {
            mentor_index
                .get(&id)
                .map(|&i| data.employee_name(data.mentors[i].employee_id))
                .unwrap_or_default()
        };
        self.rows.set(order.iter().map(|&i| {
            let p = &data.pairs[i];
            let state = state_label(p, self.pair_info[i].state);
            (
                i,
                format!(
                    "{} {} {state}",
                    data.employee_name(p.mentee_id),
                    mentor_name(p.mentor_id)
                ),
            )
        }));

        // Mentors: active first, then by name.
        let mut order: Vec<usize> = (0..data.mentors.len()).collect();
        let sort_name = |m: &Mentor| {
            data.employee(m.employee_id)
                .map(|e| e.sort_name())
                .unwrap_or_default()
        };
        order.sort_by_cached_key(|&i| (!data.mentors[i].active, sort_name(&data.mentors[i])));
        self.mentor_rows.set(order.iter().map(|&i| {
            let m = &data.mentors[i];
            let e = data.employee(m.employee_id);
            (
                i,
                format!(
                    "{} {} {} {} {}",
                    data.employee_name(m.employee_id),
                    e.map(|e| e.chapter_label()).unwrap_or(""),
                    e.map(|e| e.position.as_str()).unwrap_or(""),
                    m.expertise,
                    if m.active { "active" } else { "inactive" }
                ),
            )
        }));

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
                let due = p.months_due(today);
                let last = first_of_month(p.expires());
                let mut cells = [GridCell::Outside; GRID_MONTHS];
                for (c, &month) in cells.iter_mut().zip(&self.grid_months) {
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
                GridLine { pair: i, cells }
            })
            .collect();
        self.grid_rows.set(self.grid.iter().enumerate().map(|(g, line)| {
            let p = &data.pairs[line.pair];
            (
                g,
                format!("{} {}", data.employee_name(p.mentee_id), mentor_name(p.mentor_id)),
            )
        }));

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
        self.chapter_rows
            .set(self.chapters.iter().enumerate().map(|(i, c)| {
                let names: Vec<String> = self.chapter_mentors[i]
                    .iter()
                    .map(|&id| data.employee_name(id))
                    .collect();
                (i, format!("{} {}", c.chapter, names.join(" ")))
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
        self.refilter();
        for (v, picked) in View::ALL.into_iter().zip(keep) {
            if let Some(row) = picked.and_then(|p| self.row_of(v, &p)) {
                self.set_selection(v, row);
            }
        }
    }

    /// The record selected in view `v` (its own selection while another view is shown).
    fn picked(&self, v: View) -> Option<Picked> {
        let row = self.selection(v);
        match v {
            View::Pairs => self
                .rows
                .get(row)
                .and_then(|i| self.pair_ids.get(i))
                .map(|&id| Picked::Pair(id)),
            View::Mentors => self
                .mentor_rows
                .get(row)
                .and_then(|i| self.mentor_ids.get(i))
                .map(|&id| Picked::Mentor(id)),
            View::Logs => self
                .grid_rows
                .get(row)
                .and_then(|g| self.grid.get(g))
                .and_then(|line| self.pair_ids.get(line.pair))
                .map(|&id| Picked::Pair(id)),
            View::Chapters => self
                .chapter_rows
                .get(row)
                .and_then(|i| self.chapters.get(i))
                .map(|c| Picked::Chapter(c.chapter.clone())),
        }
    }

    /// The row of view `v` that shows `picked` now, if the filter shows it.
    fn row_of(&self, v: View, picked: &Picked) -> Option<usize> {
        let is = |i: usize| match (v, picked) {
            (View::Pairs, Picked::Pair(id)) => self.pair_ids.get(i) == Some(id),
            (View::Mentors, Picked::Mentor(id)) => self.mentor_ids.get(i) == Some(id),
            (View::Logs, Picked::Pair(id)) => self
                .grid
                .get(i)
                .is_some_and(|line| self.pair_ids.get(line.pair) == Some(id)),
            (View::Chapters, Picked::Chapter(name)) => {
                self.chapters.get(i).is_some_and(|c| &c.chapter == name)
            }
            _ => false,
        };
        let rows = match v {
            View::Pairs => &self.rows,
            View::Mentors => &self.mentor_rows,
            View::Logs => &self.grid_rows,
            View::Chapters => &self.chapter_rows,
        };
        rows.visible.iter().position(|&i| is(i))
    }

    fn selection(&self, v: View) -> usize {
        if v == self.view {
            self.list.selected
        } else {
            self.selections[v.index()]
        }
    }

    fn set_selection(&mut self, v: View, row: usize) {
        if v == self.view {
            self.list.selected = row;
        } else {
            self.selections[v.index()] = row;
        }
    }

    pub fn refilter(&mut self) {
        let filter = self.list.filter.clone();
        for rows in [
            &mut self.rows,
            &mut self.mentor_rows,
            &mut self.grid_rows,
            &mut self.chapter_rows,
        ] {
            rows.narrow(&filter);
        }
        let len = self.current_rows().len();
        self.list.clamp(len);
    }

    pub fn current_rows(&self) -> &Rows {
        match self.view {
            View::Pairs => &self.rows,
            View::Mentors => &self.mentor_rows,
            View::Logs => &self.grid_rows,
            View::Chapters => &self.chapter_rows,
        }
    }

    pub fn navigate(&mut self, action: Action) {
        match action {
            Action::Left => self.set_view(self.view.step(-1)),
            Action::Right => self.set_view(self.view.step(1)),
            _ => {
                let len = self.current_rows().len();
                self.list.apply(action, len);
            }
        }
    }

    /// Switches view, keeping each view's own selection.
    pub fn set_view(&mut self, view: View) {
        self.selections[self.view.index()] = self.list.selected;
        self.view = view;
        self.list.selected = self.selections[view.index()];
        let len = self.current_rows().len();
        self.list.clamp(len);
    }

    /// The pair selected in the pairs view or the log grid.
    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a MentoringPair> {
        self.selected_pair_index().and_then(|i| data.pairs.get(i))
    }

    pub fn selected_pair_index(&self) -> Option<usize> {
        let row = self.current_rows().get(self.list.selected)?;
        match self.view {
            View::Pairs => Some(row),
            View::Logs => self.grid.get(row).map(|g| g.pair),
            _ => None,
        }
    }

    /// The mentor selected in the roster, or the mentor of the selected pair.
    pub fn selected_mentor<'a>(&self, data: &'a Dataset) -> Option<&'a Mentor> {
        match self.view {
            View::Mentors => self
                .mentor_rows
                .get(self.list.selected)
                .and_then(|i| data.mentors.get(i)),
            _ => self.selected(data).and_then(|p| data.mentor(p.mentor_id)),
        }
    }

    /// Selects the pair with `id` in the pairs view, if the filter shows it.
    pub fn select_pair(&mut self, data: &Dataset, id: Id) {
        self.set_view(View::Pairs);
        if let Some(row) = self
            .rows
            .visible
            .iter()
            .position(|&i| data.pairs.get(i).is_some_and(|p| p.id == id))
        {
            self.list.selected = row;
        }
    }

    /// Selects the mentor with `id` in the roster, if the filter shows them.
    pub fn select_mentor(&mut self, data: &Dataset, id: Id) {
        self.set_view(View::Mentors);
        if let Some(row) = self
            .mentor_rows
            .visible
            .iter()
            .position(|&i| data.mentors.get(i).is_some_and(|m| m.id == id))
        {
            self.list.selected = row;
        }
    }
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
