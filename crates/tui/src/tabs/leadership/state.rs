//! The tab's state: the cohort shown, its summary (grid, rates, completion), the waitlist and the
//! profile, all computed in `refresh` so drawing and key presses stay cheap.

use super::View;
use crate::action::Action;
use crate::app::ListNav;
use crate::tabs::Rows;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    Choice, Cohort, CohortSummary, FiscalYear, Id, LeadershipSession, Share, UNKNOWN_CHAPTER, WaitlistEntry,
    breakdown,
};

#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub total: usize,
    pub by_role: Vec<Share>,
    pub by_chapter: Vec<Share>,
    pub by_race: Vec<Share>,
}

#[derive(Debug, Clone, Default)]
pub struct LeadershipTab {
    /// Selection and filter of the current view's list.
    pub list: ListNav,
    pub rows: Rows,
    /// The fiscal year of the cohort shown.
    pub year: Option<FiscalYear>,
    pub view: View,
    /// Column of the attendance grid's cell cursor (index into `summary.sessions`).
    pub col: usize,
    /// The other views' selections, kept while away.
    pub(super) saved: [ListNav; 5],
    pub cohort: Option<Cohort>,
    pub summary: CohortSummary,
    /// Waitlist in join order.
    pub waitlist: Vec<WaitlistEntry>,
    pub profile: Profile,
    /// Fiscal years that have a cohort, ascending.
    pub years: Vec<i32>,
    pub today: Option<NaiveDate>,
    /// The record selected in each view when it was left, so coming back (or a reload in
    /// between) finds the same record wherever it sorts now.
    pub(super) saved_pick: [Option<Picked>; 5],
    /// A selected record that disappeared (removed, promoted) and the row the cursor fell back
    /// to: if it comes back (undo) while the cursor has not moved, it is selected again.
    vanished: Option<(Picked, usize)>,
}

/// What a view's selected row is, independent of where it sorts.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Picked {
    Session(Id),
    Participant(Id),
    Waitlist(Id),
    Role(String),
}

impl LeadershipTab {
    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
        let keep = self.picked();
        let keep_col = self.summary.sessions.get(self.col).map(|s| s.id);
        self.rebuild(data, today);
        if let Some(col) = keep_col.and_then(|id| self.summary.sessions.iter().position(|s| s.id == id)) {
            self.col = col;
        }
        let vanished = self.vanished.take().filter(|(_, row)| *row == self.list.selected);
        if let Some(row) = vanished.as_ref().and_then(|(v, _)| self.row_of(v)) {
            self.list.selected = row;
            return;
        }
        if let Some(p) = keep {
            match self.row_of(&p) {
                Some(row) => self.list.selected = row,
                None => self.vanished = Some((p, self.list.selected)),
            }
        }
        if self.vanished.is_none()
            && let Some((v, _)) = vanished
        {
            // Still gone: keep waiting while the cursor stays on the row it fell back to.
            self.vanished = Some((v, self.list.selected));
        }
    }

    /// The record selected in the current view.
    pub(super) fn picked(&self) -> Option<Picked> {
        let i = self.rows.get(self.list.selected)?;
        let s = &self.summary;
        match self.view {
            View::Sessions => s.sessions.get(i).map(|x| Picked::Session(x.id)),
            View::Attendance | View::Completion => s.people.get(i).map(|p| Picked::Participant(p.id)),
            View::Waitlist => self.waitlist.get(i).map(|w| Picked::Waitlist(w.id)),
            View::Profile => self.profile.by_role.get(i).map(|r| Picked::Role(r.label.clone())),
        }
    }

    /// The row of the current view that shows `picked` now, if the filter shows it.
    pub(super) fn row_of(&self, picked: &Picked) -> Option<usize> {
        let s = &self.summary;
        let is = |i: usize| match (self.view, picked) {
            (View::Sessions, Picked::Session(id)) => s.sessions.get(i).is_some_and(|x| x.id == *id),
            (View::Attendance | View::Completion, Picked::Participant(id)) => {
                s.people.get(i).is_some_and(|p| p.id == *id)
            }
            (View::Waitlist, Picked::Waitlist(id)) => self.waitlist.get(i).is_some_and(|w| w.id == *id),
            (View::Profile, Picked::Role(label)) => {
                self.profile.by_role.get(i).is_some_and(|r| &r.label == label)
            }
            _ => false,
        };
        self.rows.visible.iter().position(|&i| is(i))
    }

    fn rebuild(&mut self, data: &Dataset, today: NaiveDate) {
        self.today = Some(today);
        let mut years: Vec<i32> = data.cohorts.iter().map(|c| c.fiscal_year).collect();
        years.sort_unstable();
        years.dedup();
        self.years = years;
        let year = *self.year.get_or_insert_with(|| {
            let current = FiscalYear::of(today);
            if data.cohort_for(current).is_some() {
                current
            } else {
                data.cohorts
                    .iter()
                    .map(|c| FiscalYear(c.fiscal_year))
                    .max()
                    .unwrap_or(current)
            }
        });
        self.cohort = data.cohort_for(year).cloned();
        self.summary = match &self.cohort {
            Some(c) => {
                let people = data.cohort_participants(c.id);
                CohortSummary::build(c, people, &data.sessions, &data.attendance, today)
            }
            None => CohortSummary::default(),
        };
        let people = &self.summary.people;
        let employee = |id| data.employee(id);
        self.profile = Profile {
            total: people.len(),
            by_role: breakdown(people.iter().map(|p| p.role.clone())),
            by_chapter: breakdown(people.iter().map(|p| {
                employee(p.employee_id)
                    .map(|e| e.chapter_group().to_string())
                    .unwrap_or_else(|| UNKNOWN_CHAPTER.to_string())
            })),
            by_race: breakdown(people.iter().map(|p| {
                employee(p.employee_id)
                    .map(|e| e.race.label().to_string())
                    .unwrap_or_else(|| "Unknown".to_string())
            })),
        };
        let mut waitlist = data.waitlist.clone();
        waitlist.sort_by_key(|w| (w.joined, w.id));
        self.waitlist = waitlist;
        self.col = self.col.min(self.summary.sessions.len().saturating_sub(1));
        self.set_rows(data);
    }

    /// The current view's rows, with the text the filter searches.
    fn set_rows(&mut self, data: &Dataset) {
        let s = &self.summary;
        let name = |id: Id| data.employee_name(id);
        match self.view {
            View::Sessions => self.rows.set(s.sessions.iter().enumerate().map(|(i, x)| {
                (
                    i,
                    format!(
                        "{} {} {} {} {}",
                        x.number, x.topic, x.location, x.room, x.facilitator
                    ),
                )
            })),
            View::Attendance | View::Completion => {
                self.rows.set(s.people.iter().enumerate().map(|(i, p)| {
                    (
                        i,
                        format!("{} {} {}", name(p.employee_id), p.role, p.status.label()),
                    )
                }))
            }
            View::Waitlist => self.rows.set(
                self.waitlist
                    .iter()
                    .enumerate()
                    .map(|(i, w)| (i, format!("{} {}", name(w.employee_id), w.note))),
            ),
            View::Profile => self.rows.set(
                self.profile
                    .by_role
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (i, r.label.clone())),
            ),
        }
        self.refilter();
    }

    pub fn refilter(&mut self) {
        self.rows.narrow(&self.list.filter);
        self.list.clamp(self.rows.len());
    }

    pub fn navigate(&mut self, action: Action) {
        match (self.view, action) {
            (View::Attendance, Action::Left) => self.col = self.col.saturating_sub(1),
            (View::Attendance, Action::Right) => {
                self.col = (self.col + 1).min(self.summary.sessions.len().saturating_sub(1))
            }
            _ => self.list.apply(action, self.rows.len()),
        }
    }

    pub(super) fn show(&mut self, view: View, data: &Dataset) {
        if view == self.view {
            return;
        }
        self.saved_pick[self.view.index()] = self.picked();
        self.saved[self.view.index()] = std::mem::take(&mut self.list);
        self.list = std::mem::take(&mut self.saved[view.index()]);
        self.view = view;
        self.set_rows(data);
        if let Some(row) = self.saved_pick[view.index()]
            .clone()
            .and_then(|p| self.row_of(&p))
        {
            self.list.selected = row;
        }
    }

    /// Shows the cohort and completion row of participant `id` (a search jump); the caller then
    /// narrows the list to their name.
    pub fn show_participant(&mut self, data: &Dataset, id: Id, today: NaiveDate) {
        let Some(year) = data
            .participants
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| data.cohorts.iter().find(|c| c.id == p.cohort_id))
            .map(|c| FiscalYear(c.fiscal_year))
        else {
            return;
        };
        if self.year != Some(year) {
            self.year = Some(year);
            self.forget_selection();
        }
        self.refresh(data, today);
        if !matches!(self.view, View::Attendance | View::Completion) {
            self.show(View::Completion, data);
        }
    }

    /// Forgets every view's selection (another cohort is shown).
    pub(super) fn forget_selection(&mut self) {
        self.saved = Default::default();
        self.saved_pick = Default::default();
        self.list = ListNav::default();
        self.rows = Rows::default();
        self.col = 0;
        self.summary.sessions.clear();
    }

    /// The selected session: the sessions view's row, or the grid's current column.
    pub fn selected_session(&self) -> Option<&LeadershipSession> {
        match self.view {
            View::Sessions => self
                .rows
                .get(self.list.selected)
                .and_then(|i| self.summary.sessions.get(i)),
            View::Attendance => self.summary.sessions.get(self.col),
            _ => None,
        }
    }

    /// Row of the selected participant in `summary.people` (attendance and completion views).
    pub fn selected_person(&self) -> Option<usize> {
        matches!(self.view, View::Attendance | View::Completion)
            .then(|| self.rows.get(self.list.selected))
            .flatten()
    }

    pub fn selected_waitlist(&self) -> Option<&WaitlistEntry> {
        (self.view == View::Waitlist)
            .then(|| self.rows.get(self.list.selected))
            .flatten()
            .and_then(|i| self.waitlist.get(i))
    }
}
