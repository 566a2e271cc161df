//! Tab 3, ambassador coverage: which locations and how many employees the ambassadors cover, the
//! gaps, tenures ending, monthly PL sessions and the cohort's demographics, as of any date.
//! Everything shown is computed in `refresh`; drawing only reads it.

mod forms;
mod render;
mod save;
mod state;
mod views;

pub use render::render;
pub use save::submit;
pub use state::{CoverageTab, DemographicRow, groups_of};

use crate::action::Action;
use crate::app::{App, FormPurpose};
use crate::keymap::{Binding, Key, bind};
use chrono::NaiveDate;
use pathways_core::domain::{Choice, Dimension};
use ratatui::crossterm::event::KeyCode;

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

    pub(super) fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    pub(super) fn step(self, by: isize) -> View {
        View::ALL[(self.index() as isize + by).rem_euclid(View::ALL.len() as isize) as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverageAction {
    /// Add a record of the current view's kind.
    Add,
    /// Edit the selected record.
    Edit,
    /// Pick the date coverage is computed on.
    AsOf,
    AsOfToday,
    MonthBack,
    MonthForward,
    NextView,
    /// Open / close the attendance list of the selected PL session.
    Attendance,
    /// Enter: open the selected gap or session; in the attendance list, mark the selected
    /// ambassador present / absent.
    Mark,
    NextReference,
    /// Delete the selected row (asks first).
    Delete,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CoverageForm {
    AddAmbassador,
    /// Each edit carries the record as it was when the form opened: the save compares against
    /// it, so a change someone else saved meanwhile is never silently overwritten.
    EditAmbassador(pathways_core::domain::Ambassador),
    AddLocation,
    EditLocation(pathways_core::domain::Location),
    AddSession,
    EditSession(pathways_core::domain::AmbassadorSession),
    AddReference(Dimension),
    EditReference(pathways_core::domain::ReferencePopulation, Dimension),
    AsOf,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CoverageConfirm {
    /// Each carries the record as the question showed it: if someone else changed it
    /// meanwhile, nothing is deleted.
    DeleteAmbassador(pathways_core::domain::Ambassador),
    DeleteLocation(pathways_core::domain::Location),
    DeleteSession(pathways_core::domain::AmbassadorSession),
    DeleteReference(pathways_core::domain::ReferencePopulation),
}

use Key::Char;

pub const KEYS: &[Binding] = &[
    bind(
        &[Char('a')],
        Action::Coverage(CoverageAction::Add),
        "coverage-add",
        "add to the current view",
        Some("add"),
    ),
    bind(
        &[Char('e')],
        Action::Coverage(CoverageAction::Edit),
        "coverage-edit",
        "edit the selected row",
        Some("edit"),
    ),
    bind(
        &[Char('d')],
        Action::Coverage(CoverageAction::AsOf),
        "coverage-as-of",
        "coverage as of a date",
        Some("as of"),
    ),
    bind(
        &[Char('t')],
        Action::Coverage(CoverageAction::AsOfToday),
        "coverage-today",
        "coverage as of today",
        None,
    ),
    bind(
        &[Char('[')],
        Action::Coverage(CoverageAction::MonthBack),
        "coverage-month-back",
        "as of a month earlier",
        None,
    ),
    bind(
        &[Char(']')],
        Action::Coverage(CoverageAction::MonthForward),
        "coverage-month-forward",
        "as of a month later",
        None,
    ),
    bind(
        &[Char('v')],
        Action::Coverage(CoverageAction::NextView),
        "coverage-view",
        "next view (also ←/→)",
        Some("view"),
    ),
    bind(
        &[Char('m')],
        Action::Coverage(CoverageAction::Attendance),
        "coverage-attendance",
        "session attendance list",
        None,
    ),
    bind(
        &[Char(' '), Key::Code(KeyCode::Enter)],
        Action::Coverage(CoverageAction::Mark),
        "coverage-mark",
        "open / mark attendance",
        None,
    ),
    bind(
        &[Char('x')],
        Action::Coverage(CoverageAction::Delete),
        "coverage-delete",
        "delete the selected row",
        None,
    ),
    bind(
        &[Char('r')],
        Action::Coverage(CoverageAction::NextReference),
        "coverage-reference",
        "next comparison group",
        None,
    ),
];

pub fn update(app: &mut App, action: CoverageAction) {
    let tab = &mut app.coverage;
    match action {
        CoverageAction::Add => forms::open_add(app),
        CoverageAction::Edit => forms::open_edit(app),
        CoverageAction::Delete => save::ask_delete(app),
        CoverageAction::AsOf => {
            let form = crate::form::Form::new(
                "Coverage as of",
                vec![crate::form::Field::date("as of", Some(tab.date))],
            );
            app.open_form(form, FormPurpose::Coverage(CoverageForm::AsOf));
        }
        CoverageAction::AsOfToday => set_as_of(app, None),
        CoverageAction::MonthBack => {
            let d = tab
                .date
                .checked_sub_months(chrono::Months::new(1))
                .unwrap_or(tab.date);
            set_as_of(app, Some(d));
        }
        CoverageAction::MonthForward => {
            let d = tab
                .date
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(tab.date);
            set_as_of(app, Some(d));
        }
        CoverageAction::NextView => {
            let next = tab.view.step(1);
            tab.switch_view(next);
        }
        CoverageAction::Attendance => toggle_attendance_list(app),
        CoverageAction::Mark => match app.coverage.view {
            View::Sessions if app.coverage.marking.is_none() => toggle_attendance_list(app),
            View::Sessions => save::toggle_mark(app),
            // Enter on a gap opens it in the locations list, with its detail.
            View::Overview => {
                let tab = &mut app.coverage;
                if let Some(i) = tab.selected_index() {
                    tab.list.filter.clear();
                    tab.switch_view(View::Locations);
                    if let Some(row) = tab.locations.visible.iter().position(|&r| r == i) {
                        tab.list.selected = row;
                    }
                }
            }
            _ => app.status = Some("Enter opens a gap (Overview) or a PL session's attendance".into()),
        },
        CoverageAction::NextReference => {
            let n = app.data.reference_populations.len();
            if n == 0 {
                app.status = Some("no reference population yet: a adds one in Demographics".into());
                return;
            }
            let tab = &mut app.coverage;
            tab.reference = Some(tab.reference.map_or(0, |i| (i + 1) % n));
            tab.switch_view(View::Demographics);
            tab.refresh(&app.data, app.today);
        }
    }
}

/// Changes the date coverage is computed on (None: today).
pub fn set_as_of(app: &mut App, date: Option<NaiveDate>) {
    let date = date.filter(|d| *d != app.today);
    app.coverage.as_of = date;
    app.coverage.refresh(&app.data, app.today);
    app.status = Some(match date {
        None => format!("coverage as of today, {}", app.today),
        Some(d) => format!("coverage as of {d}"),
    });
}

fn toggle_attendance_list(app: &mut App) {
    let tab = &mut app.coverage;
    if tab.marking.is_some() {
        tab.marking = None;
        tab.list.selected = tab.saved[View::Sessions.index()];
        tab.refilter();
        return;
    }
    if tab.view != View::Sessions {
        tab.switch_view(View::Sessions);
    }
    let Some(session) = tab
        .selected_index()
        .and_then(|i| app.data.ambassador_sessions.get(i))
    else {
        app.status = Some("no PL session selected: a adds one".into());
        return;
    };
    tab.saved[View::Sessions.index()] = tab.list.selected;
    // A new list starts at its top, not at a row kept from the last one.
    tab.attendance = Default::default();
    tab.marking = Some(session.id);
    tab.list.selected = 0;
    tab.list.filter.clear();
    tab.refresh(&app.data, app.today);
}

/// `y`: the selected row's key facts, masked as the screen is.
pub fn selected_facts(app: &App) -> Option<String> {
    let tab = &app.coverage;
    let data = &app.data;
    let i = tab.selected_index()?;
    let location = |i: usize| {
        data.locations.get(i).map(|l| {
            let n = tab
                .totals
                .ambassadors_per_location
                .get(&l.id)
                .copied()
                .unwrap_or(0);
            format!(
                "{} · {} · {} employees · {n} ambassador(s) as of {}",
                l.name,
                l.kind.label(),
                l.employees,
                tab.date
            )
        })
    };
    match tab.view {
        View::Overview | View::Locations => location(i),
        View::Ambassadors => data.ambassadors.get(i).map(|a| {
            format!(
                "ambassador {} · {} · {} locations · tenure {} to {}",
                app.person(a.employee_id),
                data.location_name(Some(a.primary_location)),
                a.locations().len(),
                a.tenure_start,
                a.tenure_end
            )
        }),
        View::Sessions if tab.marking.is_some() => data
            .ambassadors
            .get(i)
            .map(|a| format!("ambassador {}", app.person(a.employee_id))),
        View::Sessions => data
            .ambassador_sessions
            .get(i)
            .map(|s| format!("PL session {} · {} · {}", s.date, s.topic, s.presenter)),
        View::Demographics => tab.demographic_rows.get(i).map(|r| {
            let hide = |t: &str| {
                if r.dimension == Dimension::Race {
                    app.sensitive(t)
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

pub fn confirmed(app: &mut App, c: CoverageConfirm) {
    save::delete(app, c);
}

/// Percent of `part` in `whole`, as the tab prints it.
pub fn percent(part: u64, whole: u64) -> String {
    format!("{:.1}%", pathways_core::domain::share(part, whole))
}
