//! The tab's state: everything the views show, computed once per load or date change in
//! `refresh`, so a key press never scans the records.

use super::View;
use crate::list::{Nav, Rows, ViewKind, ViewList, Views};
use chrono::{Datelike, NaiveDate};
use pathways_core::dataset::Dataset;
use pathways_core::domain::{
    Ambassador, Choice, Coverage, Dimension, Id, IdMap, KindCoverage, Shown, coverage, coverage_by_kind,
    ending_soon, fixed_groups, gap_points, group_of, session_attendance, suppress, uncovered,
};

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
    /// The five views over one filter: the overview's gaps (indexes into `data.locations`),
    /// ambassadors, locations, PL sessions and the demographics table (into `demographic_rows`).
    pub list: Views<View, Picked>,
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
    pub demographic_rows: Vec<DemographicRow>,
    pub cohort_size: usize,
    /// The reference population compared (index into the dataset's vector).
    pub reference: Option<usize>,
    /// The PL session whose attendance list is shown over the sessions view, and its rows
    /// (ambassador indexes).
    pub marking: Option<Id>,
    pub attendance: ViewList<Picked>,
    /// Per ambassador index: PL sessions attended and held in the tenure so far.
    pub rates: Vec<(usize, usize)>,
    /// Per session index: present, and active ambassadors on that date.
    pub present: Vec<(usize, usize)>,
    /// Location id -> indexes of the active ambassadors covering it.
    pub covering: IdMap<Vec<usize>>,
    /// The chapter groups the demographics list, and the state of the people they were made
    /// from (a pass over everyone, made again only when people or chapters changed).
    chapter_groups: Option<((u64, usize, usize), Vec<String>)>,
}

/// What a view's selected row is, independent of where it sorts.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    Ambassador(Id),
    Location(Id),
    Session(Id),
    Group(Dimension, Option<String>),
}

impl CoverageTab {
    /// Computes everything the views show, on the as-of date.
    pub fn rebuild(&mut self, data: &Dataset, today: NaiveDate) {
        let memory = self.list.remember();
        let keep_attendance = self.attendance.picked();
        self.compute(data, today);
        self.list.restore(memory);
        self.attendance.narrow(&self.list.filter);
        if let Some(k) = keep_attendance {
            self.attendance.select(&k);
        }
    }

    fn compute(&mut self, data: &Dataset, today: NaiveDate) {
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
        let index: IdMap<usize> = data
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
        let loc_index: IdMap<usize> = data
            .locations
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id, i))
            .collect();
        self.list
            .list_mut(View::Overview)
            .set(uncovered(&self.totals, &data.locations).iter().filter_map(|l| {
                loc_index.get(&l.id).map(|&i| {
                    (
                        i,
                        Picked::Location(l.id),
                        format!("{} {}", l.name, l.kind.label()),
                    )
                })
            }));
        self.refresh_ambassadors(data, on);
        self.refresh_locations(data);
        self.refresh_sessions(data);
        self.refresh_demographics(data, on);
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
        self.list
            .list_mut(View::Ambassadors)
            .set(order.into_iter().map(|i| {
                let a = &data.ambassadors[i];
                let sites: Vec<&str> = a
                    .locations()
                    .iter()
                    .map(|l| data.location_name(Some(*l)))
                    .collect();
                (
                    i,
                    Picked::Ambassador(a.id),
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
        self.list
            .list_mut(View::Locations)
            .set(order.into_iter().map(|i| {
                let l = &data.locations[i];
                (
                    i,
                    Picked::Location(l.id),
                    format!("{} {}", l.name, l.kind.label()),
                )
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
        self.list.list_mut(View::Sessions).set(order.into_iter().map(|i| {
            let s = &data.ambassador_sessions[i];
            (
                i,
                Picked::Session(s.id),
                format!("{} {} {}", s.date, s.topic, s.presenter),
            )
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
                    (i, Picked::Ambassador(a.id), data.employee_name(a.employee_id))
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
            let base = match dimension {
                Dimension::Chapter => self.listed_chapters(data),
                _ => fixed_groups(dimension),
            };
            let groups = with_reference(base, reference, dimension);
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
        let rows: Vec<(usize, Picked, String)> = self
            .demographic_rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    i,
                    Picked::Group(r.dimension, r.group.clone()),
                    format!("{} {}", r.dimension.label(), r.group.as_deref().unwrap_or("")),
                )
            })
            .collect();
        self.list.list_mut(View::Demographics).set(rows);
    }

    /// The chapter groups (`Dataset::listed_chapter_groups`), made again only when the people
    /// or the chapter list changed since.
    fn listed_chapters(&mut self, data: &Dataset) -> Vec<String> {
        let state = (data.people_version(), data.employees.len(), data.chapters.len());
        match &self.chapter_groups {
            Some((at, groups)) if *at == state => groups.clone(),
            _ => {
                let groups = data.listed_chapter_groups();
                self.chapter_groups = Some((state, groups.clone()));
                groups
            }
        }
    }

    /// Selects a record just added wherever a view lists it (a new location in the locations
    /// list and, when it is a gap, in the overview), so the user lands on what they made.
    pub fn select_ambassador(&mut self, id: Id) {
        self.list.select_everywhere(&Picked::Ambassador(id));
    }

    pub fn select_location(&mut self, id: Id) {
        self.list.select_everywhere(&Picked::Location(id));
    }

    pub fn view(&self) -> View {
        self.list.view
    }

    /// The list the user is in: the attendance list over the sessions view, or the view's own.
    pub fn current(&self) -> &ViewList<Picked> {
        match self.marking {
            Some(_) if self.view() == View::Sessions => &self.attendance,
            _ => self.list.current(),
        }
    }

    fn current_mut(&mut self) -> &mut ViewList<Picked> {
        match self.marking {
            Some(_) if self.view() == View::Sessions => &mut self.attendance,
            _ => self.list.current_mut(),
        }
    }

    /// The rows of the list the user is in.
    pub fn current_rows(&self) -> &Rows {
        &self.current().rows
    }

    /// The rows of view `v` (the sessions, not an attendance list over them).
    pub fn rows(&self, v: View) -> &Rows {
        &self.list.list(v).rows
    }

    /// The selected row of the list the user is in.
    pub fn selected_row(&self) -> usize {
        self.current().selected
    }

    pub fn select_row(&mut self, row: usize) {
        let list = self.current_mut();
        list.selected = row;
        list.clamp();
    }

    /// Narrows every view (and an open attendance list) by `text`.
    pub fn set_filter(&mut self, text: &str) {
        self.list.set_filter(text);
        self.attendance.narrow(text);
    }

    pub fn navigate(&mut self, nav: Nav) {
        match nav {
            Nav::Left => self.switch_view(self.view().step(-1)),
            Nav::Right => self.switch_view(self.view().step(1)),
            _ => self.current_mut().nav(nav),
        }
    }

    /// Shows view `view`; leaving an attendance list closes it. Each view keeps its selection.
    pub fn switch_view(&mut self, view: View) {
        self.marking = None;
        self.list.show(view);
    }

    /// The index of the selected row's record in its dataset vector.
    pub fn selected_index(&self) -> Option<usize> {
        self.current().selected_index()
    }

    /// The selected ambassador (Ambassadors view) for copying.
    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a Ambassador> {
        match self.view() {
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
    let groups = match dimension {
        // The chapters, N/A, and "Unknown" while someone's chapter is not entered yet.
        Dimension::Chapter => data.listed_chapter_groups(),
        _ => fixed_groups(dimension),
    };
    with_reference(groups, reference, dimension)
}

/// `groups`, then any group the reference population adds.
fn with_reference(
    mut groups: Vec<String>,
    reference: Option<&pathways_core::domain::ReferencePopulation>,
    dimension: Dimension,
) -> Vec<String> {
    for g in reference.iter().flat_map(|r| &r.groups) {
        if g.dimension == dimension && !groups.contains(&g.group) {
            groups.push(g.group.clone());
        }
    }
    groups
}
