//! The tab's state: the cohort shown, its summary (grid, rates, completion), the waitlist and the
//! profile, all computed in `refresh` so drawing and key presses stay cheap.

use super::View;
use crate::list::{Nav, Rows, Views};
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
    /// The five views over one filter: sessions (indexes into `summary.sessions`), the
    /// attendance grid and completion (into `summary.people`), the waitlist (into `waitlist`)
    /// and the profile (into `profile.by_role`).
    pub list: Views<View, Picked>,
    /// The fiscal year of the cohort shown.
    pub year: Option<FiscalYear>,
    /// Column of the attendance grid's cell cursor (index into `summary.sessions`).
    pub col: usize,
    pub cohort: Option<Cohort>,
    pub summary: CohortSummary,
    /// Waitlist in join order.
    pub waitlist: Vec<WaitlistEntry>,
    pub profile: Profile,
    /// Fiscal years that have a cohort, ascending.
    pub years: Vec<i32>,
    pub today: Option<NaiveDate>,
}

/// What a view's selected row is, independent of where it sorts.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    Session(Id),
    Participant(Id),
    Waitlist(Id),
    Role(String),
}

impl LeadershipTab {
    /// Computes the cohort shown, its summary, the waitlist and the profile; each view's
    /// selection stays on its record, the grid's column on its session.
    pub fn rebuild(&mut self, data: &Dataset, today: NaiveDate) {
        let memory = self.list.remember();
        let keep_col = self.summary.sessions.get(self.col).map(|s| s.id);
        self.compute(data, today);
        if let Some(col) = keep_col.and_then(|id| self.summary.sessions.iter().position(|s| s.id == id)) {
            self.col = col;
        }
        self.list.restore(memory);
    }

    pub fn view(&self) -> View {
        self.list.view
    }

    /// The rows of the view on screen.
    pub fn rows(&self) -> &Rows {
        &self.list.current().rows
    }

    fn compute(&mut self, data: &Dataset, today: NaiveDate) {
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

    /// Every view's rows, with the text the filter searches.
    fn set_rows(&mut self, data: &Dataset) {
        let s = &self.summary;
        let name = |id: Id| data.employee_name(id);
        self.list
            .list_mut(View::Sessions)
            .set(s.sessions.iter().enumerate().map(|(i, x)| {
                (
                    i,
                    Picked::Session(x.id),
                    format!(
                        "{} {} {} {} {}",
                        x.number, x.topic, x.location, x.room, x.facilitator
                    ),
                )
            }));
        for v in [View::Attendance, View::Completion] {
            self.list
                .list_mut(v)
                .set(s.people.iter().enumerate().map(|(i, p)| {
                    (
                        i,
                        Picked::Participant(p.id),
                        format!("{} {} {}", name(p.employee_id), p.role, p.status.label()),
                    )
                }));
        }
        self.list
            .list_mut(View::Waitlist)
            .set(self.waitlist.iter().enumerate().map(|(i, w)| {
                (
                    i,
                    Picked::Waitlist(w.id),
                    format!("{} {}", name(w.employee_id), w.note),
                )
            }));
        self.list.list_mut(View::Profile).set(
            self.profile
                .by_role
                .iter()
                .enumerate()
                .map(|(i, r)| (i, Picked::Role(r.label.clone()), r.label.clone())),
        );
    }

    pub fn navigate(&mut self, nav: Nav) {
        match (self.view(), nav) {
            (View::Attendance, Nav::Left) => self.col = self.col.saturating_sub(1),
            (View::Attendance, Nav::Right) => {
                self.col = (self.col + 1).min(self.summary.sessions.len().saturating_sub(1))
            }
            _ => self.list.nav(nav),
        }
    }

    /// Shows `view`; each view keeps its own selection.
    pub fn show(&mut self, view: View) {
        self.list.show(view);
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
        self.rebuild(data, today);
        if !matches!(self.view(), View::Attendance | View::Completion) {
            self.show(View::Completion);
        }
    }

    /// Forgets every view's selection (another cohort is shown).
    pub(super) fn forget_selection(&mut self) {
        self.list.forget();
        self.col = 0;
        self.summary.sessions.clear();
    }

    /// The selected session: the sessions view's row, or the grid's current column.
    pub fn selected_session(&self) -> Option<&LeadershipSession> {
        match self.view() {
            View::Sessions => self
                .list
                .selected_index()
                .and_then(|i| self.summary.sessions.get(i)),
            View::Attendance => self.summary.sessions.get(self.col),
            _ => None,
        }
    }

    /// Row of the selected participant in `summary.people` (attendance and completion views).
    pub fn selected_person(&self) -> Option<usize> {
        matches!(self.view(), View::Attendance | View::Completion)
            .then(|| self.list.selected_index())
            .flatten()
    }

    pub fn selected_waitlist(&self) -> Option<&WaitlistEntry> {
        (self.view() == View::Waitlist)
            .then(|| self.list.selected_index())
            .flatten()
            .and_then(|i| self.waitlist.get(i))
    }
}
