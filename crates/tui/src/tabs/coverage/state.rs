//! The tab's state: everything the views show, computed once per load or date change in
//! `refresh`, so a key press never scans the records.

use super::View;
use crate::action::Action;
use crate::app::ListNav;
use crate::tabs::Rows;
use chrono::{Datelike, NaiveDate};
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    Ambassador, Choice, Coverage, Dimension, Id, KindCoverage, Shown, coverage, coverage_by_kind,
    ending_soon, fixed_groups, gap_points, group_of, session_attendance, suppress, uncovered,
};
use std::collections::HashMap;

/// One row of the demographics table: a dimension heading or a group.
#[derive(Debug, Clone, PartialEq)]
pub struct DemographicRow {
    pub dimension: Dimension,
    /// None for the dimension's heading row.
    pub group: Option<String>,
    pub cohort: String,
    pub cohort_pct: String,
    pub reference: String,
    pub reference_pct: String,
    /// Cohort share minus reference share, in percentage points.
    pub gap: String,
}

#[derive(Debug, Clone, Default)]
pub struct CoverageTab {
    /// Selection and filter of the current view's list.
    pub list: ListNav,
    pub view: View,
    /// Selected row of each view, kept while another view is shown.
    pub(super) saved: [usize; 5],
    /// The date chosen with `d`; None follows today.
    pub as_of: Option<NaiveDate>,
    /// The date everything is computed on.
    pub date: NaiveDate,
    pub today: NaiveDate,
    pub totals: Coverage,
    pub by_kind: Vec<KindCoverage>,
    /// Ambassador indexes whose tenure ends within 60 days.
    pub ending: Vec<usize>,
    /// Locations covered by more than one ambassador.
    pub shared: usize,
    /// Overview: uncovered locations, biggest first.
    pub uncovered: Rows,
    pub ambassadors: Rows,
    pub locations: Rows,
    pub sessions: Rows,
    pub demographics: Rows,
    pub demographic_rows: Vec<DemographicRow>,
    pub cohort_size: usize,
    /// The reference population compared (index into the dataset's vector).
    pub reference: Option<usize>,
    /// The PL session whose attendance list is shown, and its rows (ambassador indexes).
    pub marking: Option<Id>,
    pub attendance: Rows,
    /// Per ambassador index: PL sessions attended and held in the tenure so far.
    pub rates: Vec<(usize, usize)>,
    /// Per session index: present, and active ambassadors on that date.
    pub present: Vec<(usize, usize)>,
    /// Location id -> indexes of the active ambassadors covering it.
    pub covering: HashMap<Id, Vec<usize>>,
    /// Ids of the dataset's ambassadors, locations and PL sessions by index as of the last
    /// refresh, so each view's selection can follow its record when the lists reorder.
    ids: Ids,
    /// A selected record that disappeared (deleted) and the row the cursor fell back to: if it
    /// comes back (undo) while the cursor has not moved, it is selected again.
    vanished: Option<(View, Picked, usize)>,
}

#[derive(Debug, Clone, Default)]
struct Ids {
    ambassadors: Vec<Id>,
    locations: Vec<Id>,
    sessions: Vec<Id>,
}

/// What a view's selected row is, independent of where it sorts.
#[derive(Debug, Clone, PartialEq)]
enum Picked {
    Ambassador(Id),
    Location(Id),
    Session(Id),
    Group(Dimension, Option<String>),
}

impl CoverageTab {
    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
        let keep = View::ALL.map(|v| self.picked(v, false));
        let (view, row) = (self.view, self.list.selected);
        let vanished = self.vanished.take().filter(|(v, _, r)| *v == view && *r == row);
        // In an attendance list, the session list behind it keeps its session too.
        let keep_session = self.marking.and_then(|_| self.picked(View::Sessions, true));
        self.ids = Ids {
            ambassadors: data.ambassadors.iter().map(|a| a.id).collect(),
            locations: data.locations.iter().map(|l| l.id).collect(),
            sessions: data.ambassador_sessions.iter().map(|s| s.id).collect(),
        };
        self.rebuild(data, today);
        if self.marking.is_none() && keep_session.is_some() {
            // The session was deleted meanwhile: back to the session list.
            self.list.selected = self.saved[View::Sessions.index()];
        }
        // Every view is narrowed (not only the current one), so each kept row means a record.
        let filter = self.list.filter.clone();
        for rows in [
            &mut self.uncovered,
            &mut self.ambassadors,
            &mut self.locations,
            &mut self.sessions,
            &mut self.demographics,
        ] {
            rows.narrow(&filter);
        }
        for (v, picked) in View::ALL.into_iter().zip(&keep) {
            if let Some(row) = picked.as_ref().and_then(|p| self.row_of(v, false, p)) {
                self.set_selection(v, row);
            }
        }
        if let Some(row) = keep_session.and_then(|p| self.row_of(View::Sessions, true, &p)) {
            if self.marking.is_some() {
                self.saved[View::Sessions.index()] = row;
            } else {
                self.list.selected = row;
            }
        }
        let len = self.current_rows().len();
        self.list.clamp(len);
        if let Some((v, p, _)) = vanished {
            // Still gone: keep waiting while the cursor stays put.
            match self.row_of(v, false, &p) {
                Some(row) => self.list.selected = row,
                None => self.vanished = Some((v, p, self.list.selected)),
            }
        } else if self.view == view
            && let Some(p) = keep[view.index()].clone()
            && self.row_of(view, false, &p).is_none()
        {
            self.vanished = Some((view, p, self.list.selected));
        }
    }

    fn rebuild(&mut self, data: &Dataset, today: NaiveDate) {
        self.today = today;
        let on = self.as_of.unwrap_or(today);
        self.date = on;
        self.totals = coverage(&data.ambassadors, &data.locations, on);
        self.by_kind = coverage_by_kind(&self.totals, &data.locations);
        self.shared = self
            .totals
            .ambassadors_per_location
            .values()
            .filter(|&&n| n > 1)
            .count();
        let index: HashMap<Id, usize> = data
            .ambassadors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect();
        self.ending = ending_soon(&data.ambassadors, on)
            .iter()
            .filter_map(|a| index.get(&a.id).copied())
            .collect();
        self.covering.clear();
        for (i, a) in data
            .ambassadors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.is_active(on))
        {
            for l in a.locations() {
                self.covering.entry(l).or_default().push(i);
            }
        }
        let loc_index: HashMap<Id, usize> = data
            .locations
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id, i))
            .collect();
        self.uncovered
            .set(uncovered(&self.totals, &data.locations).iter().filter_map(|l| {
                loc_index
                    .get(&l.id)
                    .map(|&i| (i, format!("{} {}", l.name, l.kind.label())))
            }));
        self.refresh_ambassadors(data, on);
        self.refresh_locations(data);
        self.refresh_sessions(data);
        self.refresh_demographics(data, on);
        self.refilter();
    }

    fn refresh_ambassadors(&mut self, data: &Dataset, on: NaiveDate) {
        self.rates = data
            .ambassadors
            .iter()
            .map(|a| session_attendance(a, &data.ambassador_sessions, on))
            .collect();
        // Active first (soonest end first), then those not started yet, then ended (latest first).
        let mut order: Vec<usize> = (0..data.ambassadors.len()).collect();
        order.sort_by_key(|&i| {
            let a = &data.ambassadors[i];
            if a.is_active(on) {
                (0, a.tenure_end.num_days_from_ce())
            } else if a.tenure_start > on {
                (1, a.tenure_start.num_days_from_ce())
            } else {
                (2, -a.tenure_end.num_days_from_ce())
            }
        });
        self.ambassadors.set(order.into_iter().map(|i| {
            let a = &data.ambassadors[i];
            let sites: Vec<&str> = a
                .locations()
                .iter()
                .map(|l| data.location_name(Some(*l)))
                .collect();
            (
                i,
                format!("{} {}", data.employee_name(a.employee_id), sites.join(" ")),
            )
        }));
    }

    fn refresh_locations(&mut self, data: &Dataset) {
        // Uncovered first, biggest first, so the gaps lead; then covered, biggest first.
        let mut order: Vec<usize> = (0..data.locations.len()).collect();
        order.sort_by(|&x, &y| {
            let (a, b) = (&data.locations[x], &data.locations[y]);
            self.totals
                .is_covered(a.id)
                .cmp(&self.totals.is_covered(b.id))
                .then(b.employees.cmp(&a.employees))
                .then_with(|| a.name.cmp(&b.name))
        });
        self.locations.set(order.into_iter().map(|i| {
            let l = &data.locations[i];
            (i, format!("{} {}", l.name, l.kind.label()))
        }));
    }

    fn refresh_sessions(&mut self, data: &Dataset) {
        self.present = data
            .ambassador_sessions
            .iter()
            .map(|s| {
                let active = data.ambassadors.iter().filter(|a| a.is_active(s.date)).count();
                (s.attendees.len(), active)
            })
            .collect();
        // Newest first; sessions after the as-of date are planned ones.
        let mut order: Vec<usize> = (0..data.ambassador_sessions.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse((data.ambassador_sessions[i].date, i)));
        self.sessions.set(order.into_iter().map(|i| {
            let s = &data.ambassador_sessions[i];
            (i, format!("{} {} {}", s.date, s.topic, s.presenter))
        }));
        let session = self
            .marking
            .and_then(|id| data.ambassador_sessions.iter().find(|s| s.id == id));
        match session {
            None => {
                self.marking = None;
                self.attendance.set(std::iter::empty());
            }
            Some(s) => {
                // Whoever was active that day, plus anyone already marked.
                let mut who: Vec<usize> = (0..data.ambassadors.len())
                    .filter(|&i| {
                        let a = &data.ambassadors[i];
                        a.is_active(s.date) || s.attendees.contains(&a.id)
                    })
                    .collect();
                who.sort_by_key(|&i| {
                    data.employee(data.ambassadors[i].employee_id)
                        .map(|e| e.sort_name())
                });
                self.attendance.set(who.into_iter().map(|i| {
                    let a = &data.ambassadors[i];
                    (i, data.employee_name(a.employee_id))
                }));
            }
        }
    }

    fn refresh_demographics(&mut self, data: &Dataset, on: NaiveDate) {
        let cohort: Vec<&pathways_core::domain::Employee> = data
            .ambassadors
            .iter()
            .filter(|a| a.is_active(on))
            .filter_map(|a| data.employee(a.employee_id))
            .collect();
        self.cohort_size = cohort.len();
        if self
            .reference
            .is_none_or(|i| i >= data.reference_populations.len())
        {
            self.reference = (!data.reference_populations.is_empty()).then_some(0);
        }
        let reference = self.reference.and_then(|i| data.reference_populations.get(i));
        self.demographic_rows.clear();
        for dimension in Dimension::ALL.iter().copied() {
            let groups = groups_of(data, reference, dimension);
            let counts: Vec<u64> = groups
                .iter()
                .map(|g| cohort.iter().filter(|e| &group_of(e, dimension, on) == g).count() as u64)
                .collect();
            let total: u64 = counts.iter().sum();
            let shown = suppress(&counts);
            let ref_counts: Option<Vec<u64>> = reference.filter(|r| r.has(dimension)).map(|r| {
                groups
                    .iter()
                    .map(|g| r.people(dimension, g).unwrap_or(0))
                    .collect()
            });
            let ref_total: u64 = ref_counts.iter().flatten().sum();
            let ref_shown = ref_counts.as_deref().map(suppress);
            self.demographic_rows.push(DemographicRow {
                dimension,
                group: None,
                cohort: String::new(),
                cohort_pct: String::new(),
                reference: if ref_counts.is_some() || reference.is_none() {
                    String::new()
                } else {
                    "none yet".into()
                },
                reference_pct: String::new(),
                gap: String::new(),
            });
            for (k, group) in groups.into_iter().enumerate() {
                let r: Option<Shown> = ref_shown.as_ref().map(|v| v[k]);
                self.demographic_rows.push(DemographicRow {
                    dimension,
                    group: Some(group),
                    cohort: shown[k].count_text(),
                    cohort_pct: shown[k].percent_text(total),
                    reference: r.map(|s| s.count_text()).unwrap_or_default(),
                    reference_pct: r.map(|s| s.percent_text(ref_total)).unwrap_or_default(),
                    gap: r
                        .and_then(|r| gap_points(shown[k], total, r, ref_total))
                        .map(|g| format!("{g:+.1}"))
                        .unwrap_or_default(),
                });
            }
        }
        let rows: Vec<(usize, String)> = self
            .demographic_rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    i,
                    format!("{} {}", r.dimension.label(), r.group.as_deref().unwrap_or("")),
                )
            })
            .collect();
        self.demographics.set(rows);
    }

    /// Selects a record just added wherever a view lists it (a new location in the locations
    /// list and, when it is a gap, in the overview), so the user lands on what they made.
    fn select_everywhere(&mut self, picked: Picked) {
        for v in View::ALL {
            if let Some(row) = self.row_of(v, false, &picked) {
                self.set_selection(v, row);
            }
        }
    }

    pub fn select_ambassador(&mut self, id: Id) {
        self.select_everywhere(Picked::Ambassador(id));
    }

    pub fn select_location(&mut self, id: Id) {
        self.select_everywhere(Picked::Location(id));
    }

    /// The rows of view `v`; `session_list` means the PL sessions even under an attendance list.
    fn rows_of(&self, v: View, session_list: bool) -> &Rows {
        match v {
            View::Sessions if self.marking.is_some() && !session_list => &self.attendance,
            View::Sessions => &self.sessions,
            View::Overview => &self.uncovered,
            View::Ambassadors => &self.ambassadors,
            View::Locations => &self.locations,
            View::Demographics => &self.demographics,
        }
    }

    fn selection(&self, v: View, session_list: bool) -> usize {
        if v == self.view && !(session_list && self.marking.is_some()) {
            self.list.selected
        } else {
            self.saved[v.index()]
        }
    }

    fn set_selection(&mut self, v: View, row: usize) {
        if v == self.view {
            self.list.selected = row;
        } else {
            self.saved[v.index()] = row;
        }
    }

    /// The record selected in view `v` (its kept selection while another view is shown).
    fn picked(&self, v: View, session_list: bool) -> Option<Picked> {
        let i = self
            .rows_of(v, session_list)
            .get(self.selection(v, session_list))?;
        let id = |ids: &[Id]| ids.get(i).copied();
        match v {
            View::Overview | View::Locations => id(&self.ids.locations).map(Picked::Location),
            View::Ambassadors => id(&self.ids.ambassadors).map(Picked::Ambassador),
            View::Sessions if self.marking.is_some() && !session_list => {
                id(&self.ids.ambassadors).map(Picked::Ambassador)
            }
            View::Sessions => id(&self.ids.sessions).map(Picked::Session),
            View::Demographics => self
                .demographic_rows
                .get(i)
                .map(|r| Picked::Group(r.dimension, r.group.clone())),
        }
    }

    /// The row of view `v` that shows `picked` now, if the filter shows it.
    fn row_of(&self, v: View, session_list: bool, picked: &Picked) -> Option<usize> {
        let attendance = v == View::Sessions && self.marking.is_some() && !session_list;
        let is = |i: usize| match (v, picked) {
            (View::Ambassadors, Picked::Ambassador(id)) => self.ids.ambassadors.get(i) == Some(id),
            (View::Sessions, Picked::Ambassador(id)) if attendance => self.ids.ambassadors.get(i) == Some(id),
            (View::Overview | View::Locations, Picked::Location(id)) => self.ids.locations.get(i) == Some(id),
            (View::Sessions, Picked::Session(id)) if !attendance => self.ids.sessions.get(i) == Some(id),
            (View::Demographics, Picked::Group(d, g)) => self
                .demographic_rows
                .get(i)
                .is_some_and(|r| r.dimension == *d && &r.group == g),
            _ => false,
        };
        self.rows_of(v, session_list).visible.iter().position(|&i| is(i))
    }

    /// The rows of the list the user is in.
    pub fn current_rows(&self) -> &Rows {
        match self.view {
            View::Overview => &self.uncovered,
            View::Ambassadors => &self.ambassadors,
            View::Locations => &self.locations,
            View::Sessions if self.marking.is_some() => &self.attendance,
            View::Sessions => &self.sessions,
            View::Demographics => &self.demographics,
        }
    }

    fn current_rows_mut(&mut self) -> &mut Rows {
        match self.view {
            View::Overview => &mut self.uncovered,
            View::Ambassadors => &mut self.ambassadors,
            View::Locations => &mut self.locations,
            View::Sessions if self.marking.is_some() => &mut self.attendance,
            View::Sessions => &mut self.sessions,
            View::Demographics => &mut self.demographics,
        }
    }

    pub fn refilter(&mut self) {
        let filter = self.list.filter.clone();
        self.current_rows_mut().narrow(&filter);
        let len = self.current_rows().len();
        self.list.clamp(len);
    }

    pub fn navigate(&mut self, action: Action) {
        match action {
            Action::Left => self.switch_view(self.view.step(-1)),
            Action::Right => self.switch_view(self.view.step(1)),
            _ => {
                let len = self.current_rows().len();
                self.list.apply(action, len);
            }
        }
    }

    pub fn switch_view(&mut self, view: View) {
        // Leaving an attendance list closes it; the session list keeps its own selection.
        if self.marking.take().is_none() {
            self.saved[self.view.index()] = self.list.selected;
        }
        self.view = view;
        self.list.selected = self.saved[view.index()];
        self.refilter();
    }

    /// The index of the selected row's record in its dataset vector.
    pub fn selected_index(&self) -> Option<usize> {
        self.current_rows().get(self.list.selected)
    }

    /// The selected ambassador (Ambassadors view) for copying.
    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a Ambassador> {
        match self.view {
            View::Ambassadors => self.selected_index().and_then(|i| data.ambassadors.get(i)),
            _ => None,
        }
    }

    /// The dimension of the selected demographics row.
    pub fn selected_dimension(&self) -> Dimension {
        self.selected_index()
            .and_then(|i| self.demographic_rows.get(i))
            .map(|r| r.dimension)
            .unwrap_or(Dimension::Race)
    }
}

/// The groups listed for a dimension: the fixed ones (or the known chapters), then any the
/// reference population adds.
pub fn groups_of(
    data: &Dataset,
    reference: Option<&pathways_core::domain::ReferencePopulation>,
    dimension: Dimension,
) -> Vec<String> {
    let mut groups = match dimension {
        // The chapters, N/A, and "Unknown" for people whose chapter nobody has entered.
        Dimension::Chapter => data.chapter_groups(),
        _ => fixed_groups(dimension),
    };
    for g in reference.iter().flat_map(|r| &r.groups) {
        if g.dimension == dimension && !groups.contains(&g.group) {
            groups.push(g.group.clone());
        }
    }
    groups
}
