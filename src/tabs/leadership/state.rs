//! The tab's state: the cohort shown, its summary (grid, rates, completion), the waitlist and the
//! profile, all computed in `refresh` so drawing and key presses stay cheap.

use super::View;
use crate::action::Action;
use crate::app::ListNav;
use crate::dataset::Dataset;
use crate::domain::{
    Choice, Cohort, CohortSummary, FiscalYear, Id, LeadershipSession, NO_CHAPTER, Share, WaitlistEntry,
    breakdown,
};
use crate::tabs::Rows;
use chrono::NaiveDate;

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
}

impl LeadershipTab {
    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
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
                let mut people: Vec<_> = data
                    .participants
                    .iter()
                    .filter(|p| p.cohort_id == c.id)
                    .cloned()
                    .collect();
                people.sort_by_cached_key(|p| {
                    (
                        data.employee(p.employee_id)
                            .map(|e| crate::search::fold(&e.sort_name()))
                            .unwrap_or_default(),
                        p.id,
                    )
                });
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
                    .map(|e| e.chapter.clone())
                    .unwrap_or_else(|| NO_CHAPTER.to_string())
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
        self.saved[self.view.index()] = std::mem::take(&mut self.list);
        self.list = std::mem::take(&mut self.saved[view.index()]);
        self.view = view;
        self.set_rows(data);
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
            self.saved = Default::default();
            self.list = ListNav::default();
            self.col = 0;
        }
        self.refresh(data, today);
        if !matches!(self.view, View::Attendance | View::Completion) {
            self.show(View::Completion, data);
        }
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
