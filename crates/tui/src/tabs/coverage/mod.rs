//! Tab 3, ambassador coverage: which locations and how many employees the ambassadors cover, the
//! gaps, tenures ending, monthly PL sessions and the cohort's demographics, as of any date.
//! Everything shown is computed in `rebuild`; drawing only reads it.

mod forms;
mod keys;
mod render;
mod save;
mod state;
mod views;

pub use keys::{CoverageAction, KEYS};
pub use state::{CoverageTab, DemographicRow, Picked, groups_of};

use crate::form::{Field, Form};
use crate::keys::Binding;
use crate::list::{Nav, ViewKind};
use crate::tab::RecordRef;
use crate::tab::{Ctx, Effect, Effects, Tab, TabView, facts};
use crate::theme::Theme;
use chrono::NaiveDate;
use pathways_core::domain::{
    Ambassador, AmbassadorSession, Choice, Dimension, Id, Location, ReferencePopulation,
};
use pathways_core::search::Kind;
use ratatui::Frame;
use ratatui::layout::Rect;

/// The views of the tab, switched with ←/→ or v.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Overview,
    Ambassadors,
    Locations,
    Sessions,
    Demographics,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Overview,
        View::Ambassadors,
        View::Locations,
        View::Sessions,
        View::Demographics,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Overview => "Overview",
            View::Ambassadors => "Ambassadors",
            View::Locations => "Locations",
            View::Sessions => "PL sessions",
            View::Demographics => "Demographics",
        }
    }
}

impl ViewKind for View {
    const ALL: &'static [View] = &View::ALL;
}

#[derive(Debug, Clone, PartialEq)]
pub enum CoverageForm {
    AddAmbassador,
    /// Each edit carries the record as it was when the form opened: the save compares against
    /// it, so a change someone else saved meanwhile is never silently overwritten.
    EditAmbassador(Ambassador),
    AddLocation,
    EditLocation(Location),
    AddSession,
    EditSession(AmbassadorSession),
    AddReference(Dimension),
    EditReference(ReferencePopulation, Dimension),
    AsOf,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CoverageConfirm {
    /// Each carries the record as the question showed it: if someone else changed it
    /// meanwhile, nothing is deleted.
    DeleteAmbassador(Ambassador),
    DeleteLocation(Location),
    DeleteSession(AmbassadorSession),
    DeleteReference(ReferencePopulation),
}

/// What follows a save.
#[derive(Debug, Clone, PartialEq)]
pub enum CoverageSaved {
    SelectAmbassador,
    SelectLocation,
    /// Compare with the reference population just saved (`Some`: an edit of this one).
    ShowReference(Option<Id>),
}

type Fx = Effects<CoverageTab>;

impl TabView for CoverageTab {
    type Action = CoverageAction;
    type Form = CoverageForm;
    type Confirm = CoverageConfirm;
    type Saved = CoverageSaved;
    const TAB: Tab = Tab::Coverage;
    const KEYS: &'static [Binding<CoverageAction>] = KEYS;

    fn refresh(&mut self, cx: &Ctx) {
        self.rebuild(cx.data, cx.today);
    }

    fn update(&mut self, cx: &Ctx, action: CoverageAction) -> Fx {
        match action {
            CoverageAction::Add => forms::open_add(self, cx),
            CoverageAction::Edit => forms::open_edit(self, cx),
            CoverageAction::Delete => save::ask_delete(self, cx),
            CoverageAction::AsOf => {
                let form = Form::new("Coverage as of", vec![Field::date("as of", Some(self.date))]);
                vec![Effect::Form(form, CoverageForm::AsOf)]
            }
            CoverageAction::AsOfToday => self.set_as_of(cx, None),
            CoverageAction::MonthBack => {
                let d = self
                    .date
                    .checked_sub_months(chrono::Months::new(1))
                    .unwrap_or(self.date);
                self.set_as_of(cx, Some(d))
            }
            CoverageAction::MonthForward => {
                let d = self
                    .date
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(self.date);
                self.set_as_of(cx, Some(d))
            }
            CoverageAction::NextView => {
                self.switch_view(self.view().step(1));
                vec![]
            }
            CoverageAction::Attendance => self.toggle_attendance_list(cx),
            CoverageAction::Mark => match self.view() {
                View::Sessions if self.marking.is_none() => self.toggle_attendance_list(cx),
                View::Sessions => save::toggle_mark(self, cx),
                // Enter on a gap opens it in the locations list, with its detail.
                View::Overview => {
                    if let Some(Picked::Location(id)) = self.list.picked() {
                        self.list.set_filter("");
                        self.switch_view(View::Locations);
                        self.list.current_mut().select(&Picked::Location(id));
                    }
                    vec![]
                }
                _ => vec![Effect::status(
                    "Enter opens a gap (Overview) or a PL session's attendance",
                )],
            },
            CoverageAction::NextReference => {
                let n = cx.data.reference_populations.len();
                if n == 0 {
                    return vec![Effect::status(
                        "no reference population yet: a adds one in Demographics",
                    )];
                }
                self.reference = Some(self.reference.map_or(0, |i| (i + 1) % n));
                self.switch_view(View::Demographics);
                self.rebuild(cx.data, cx.today);
                vec![]
            }
        }
    }

    fn navigate(&mut self, _cx: &Ctx, nav: Nav) {
        CoverageTab::navigate(self, nav);
    }

    fn filter(&self) -> &str {
        &self.list.filter
    }

    fn set_filter(&mut self, _cx: &Ctx, text: &str) {
        CoverageTab::set_filter(self, text);
    }

    fn submit(&mut self, cx: &Ctx, form: &mut Form, purpose: &CoverageForm) -> Fx {
        save::submit(self, cx, purpose, form)
    }

    fn confirmed(&mut self, cx: &Ctx, answer: CoverageConfirm) -> Fx {
        save::delete(cx, answer)
    }

    fn saved(&mut self, cx: &Ctx, then: CoverageSaved, id: Option<Id>) -> Fx {
        match (then, id) {
            (CoverageSaved::SelectAmbassador, Some(id)) => self.select_ambassador(id),
            (CoverageSaved::SelectLocation, Some(id)) => self.select_location(id),
            (CoverageSaved::ShowReference(edited), added) => {
                let id = edited.or(added);
                // Show the population just entered.
                self.reference = cx
                    .data
                    .reference_populations
                    .iter()
                    .position(|r| Some(r.id) == id);
                self.rebuild(cx.data, cx.today);
            }
            _ => {}
        }
        vec![]
    }

    fn copy_facts(&self, cx: &Ctx) -> Option<String> {
        selected_facts(self, cx)
    }

    fn person(&self, cx: &Ctx) -> Option<Id> {
        self.selected_ambassador(cx.data).map(|a| a.employee_id)
    }

    fn record(&self, cx: &Ctx) -> Option<RecordRef> {
        let data = cx.data;
        if let Some(a) = self.selected_ambassador(data) {
            return Some(RecordRef::new::<Ambassador>(
                a.id,
                format!("ambassador tenure from {}", a.tenure_start),
                Some(a.employee_id),
            ));
        }
        let i = self.selected_index()?;
        match self.view() {
            View::Overview | View::Locations => data
                .locations
                .get(i)
                .map(|l| RecordRef::new::<Location>(l.id, format!("location {}", l.name), None)),
            View::Sessions => data
                .ambassador_sessions
                .get(i)
                .map(|s| RecordRef::new::<AmbassadorSession>(s.id, format!("PL session {}", s.date), None)),
            _ => None,
        }
    }

    fn reveal(&mut self, _cx: &Ctx, kind: Kind, _id: Id, name: &str) {
        match kind {
            Kind::Ambassador => self.switch_view(View::Ambassadors),
            Kind::Location => self.switch_view(View::Locations),
            _ => {}
        }
        CoverageTab::set_filter(self, name);
    }

    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
        render::render(self, frame, area, cx, theme);
    }
}

impl CoverageTab {
    /// The ambassador a row shows: in the ambassadors view, or in a session's attendance list.
    fn selected_ambassador<'a>(&self, data: &'a pathways_core::dataset::Dataset) -> Option<&'a Ambassador> {
        match self.view() {
            View::Ambassadors => self.selected_index().and_then(|i| data.ambassadors.get(i)),
            View::Sessions if self.marking.is_some() => {
                self.selected_index().and_then(|i| data.ambassadors.get(i))
            }
            _ => None,
        }
    }

    /// Changes the date coverage is computed on (None: today).
    pub(super) fn set_as_of(&mut self, cx: &Ctx, date: Option<NaiveDate>) -> Fx {
        let date = date.filter(|d| *d != cx.today);
        self.as_of = date;
        self.rebuild(cx.data, cx.today);
        vec![Effect::Status(match date {
            None => format!("coverage as of today, {}", cx.today),
            Some(d) => format!("coverage as of {d}"),
        })]
    }

    fn toggle_attendance_list(&mut self, cx: &Ctx) -> Fx {
        if self.marking.is_some() {
            self.marking = None;
            return vec![];
        }
        if self.view() != View::Sessions {
            self.switch_view(View::Sessions);
        }
        let Some(session) = self
            .selected_index()
            .and_then(|i| cx.data.ambassador_sessions.get(i))
        else {
            return vec![Effect::status("no PL session selected: a adds one")];
        };
        // A new list starts at its top, not at a row kept from the last one.
        self.attendance = Default::default();
        self.marking = Some(session.id);
        self.list.filter.clear();
        self.rebuild(cx.data, cx.today);
        vec![]
    }
}

/// `y`: the selected row's key facts, masked as the screen is.
fn selected_facts(tab: &CoverageTab, cx: &Ctx) -> Option<String> {
    let data = cx.data;
    let i = tab.selected_index()?;
    let location = |i: usize| {
        data.locations.get(i).map(|l| {
            let n = tab
                .totals
                .ambassadors_per_location
                .get(&l.id)
                .copied()
                .unwrap_or(0);
            facts([
                l.name.clone(),
                l.kind.label().to_string(),
                l.employees_label(),
                format!(
                    "{} as of {}",
                    pathways_core::text::count(n, "ambassador"),
                    tab.date
                ),
            ])
        })
    };
    match tab.view() {
        View::Overview | View::Locations => location(i),
        View::Ambassadors => data.ambassadors.get(i).map(|a| {
            facts([
                format!("ambassador {}", cx.person(a.employee_id)),
                data.location_name(Some(a.primary_location)).to_string(),
                pathways_core::text::count(a.locations().len(), "location"),
                format!("tenure {} to {}", a.tenure_start, a.tenure_end),
            ])
        }),
        View::Sessions if tab.marking.is_some() => data
            .ambassadors
            .get(i)
            .map(|a| format!("ambassador {}", cx.person(a.employee_id))),
        View::Sessions => data.ambassador_sessions.get(i).map(|s| {
            facts([
                format!("PL session {}", s.date),
                s.topic.clone(),
                s.presenter.clone(),
            ])
        }),
        View::Demographics => tab.demographic_rows.get(i).map(|r| {
            let hide = |t: &str| {
                if r.dimension == Dimension::Race {
                    cx.sensitive(t)
                } else {
                    t.to_string()
                }
            };
            format!(
                "{} {} · cohort {} {} · reference {} {} · gap {}",
                r.dimension.label(),
                r.group.as_deref().unwrap_or(""),
                hide(&r.cohort),
                hide(&r.cohort_pct),
                hide(&r.reference),
                hide(&r.reference_pct),
                hide(&r.gap)
            )
        }),
    }
}
