//! Tab 3, ambassador coverage: which locations and how many employees the ambassadors cover.

use super::{Rows, day};
use crate::action::Action;
use crate::app::{App, ListNav};
use crate::dataset::Dataset;
use crate::domain::{Ambassador, Coverage, coverage};
use crate::form::Form;
use crate::keymap::Binding;
use crate::ui::{Theme, widgets};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverageAction {}

#[derive(Debug, Clone, PartialEq)]
pub enum CoverageForm {}

#[derive(Debug, Clone, PartialEq)]
pub enum CoverageConfirm {}

pub const KEYS: &[Binding] = &[];

#[derive(Debug, Clone, Default)]
pub struct CoverageTab {
    pub list: ListNav,
    pub rows: Rows,
    pub totals: Coverage,
}

impl CoverageTab {
    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
        self.totals = coverage(&data.ambassadors, &data.locations, today);
        let mut order: Vec<usize> = (0..data.ambassadors.len()).collect();
        order.sort_by_key(|&i| {
            (
                !data.ambassadors[i].is_active(today),
                data.ambassadors[i].tenure_end,
            )
        });
        self.rows.set(order.into_iter().map(|i| {
            let a = &data.ambassadors[i];
            (
                i,
                format!(
                    "{} {}",
                    data.employee_name(a.employee_id),
                    data.location_name(Some(a.primary_location))
                ),
            )
        }));
        self.refilter();
    }

    pub fn refilter(&mut self) {
        self.rows.narrow(&self.list.filter);
        self.list.clamp(self.rows.len());
    }

    pub fn navigate(&mut self, action: Action) {
        self.list.apply(action, self.rows.len());
    }

    pub fn selected<'a>(&self, data: &'a Dataset) -> Option<&'a Ambassador> {
        self.rows
            .get(self.list.selected)
            .and_then(|i| data.ambassadors.get(i))
    }
}

pub fn update(_app: &mut App, action: CoverageAction) {
    match action {}
}

pub fn submit(_app: &mut App, purpose: &CoverageForm, _form: &mut Form) -> bool {
    match *purpose {}
}

pub fn confirmed(_app: &mut App, c: CoverageConfirm) {
    match c {}
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.coverage;
    let data = &app.data;
    let c = &tab.totals;
    let [summary, rest] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
    let text = vec![
        Line::raw(format!(
            " {} ambassadors active · {} of {} locations covered ({:.1}%) · {} of {} employees ({:.1}%)",
            c.active_ambassadors,
            c.locations_covered,
            c.locations_total,
            c.location_share(),
            c.employees_covered,
            c.employees_total,
            c.employee_share()
        )),
        Line::styled(format!(" as of {}", day(app.today)), theme.muted),
    ];
    frame.render_widget(Paragraph::new(text), summary);
    let (list_area, detail_area) = widgets::list_and_detail(rest, 7);
    widgets::table(
        frame,
        list_area,
        format!(" Ambassadors ({}) ", tab.rows.len()),
        &["Ambassador", "Primary location", "Sites", "Tenure ends"],
        &[
            Constraint::Min(18),
            Constraint::Min(20),
            Constraint::Length(5),
            Constraint::Length(11),
        ],
        tab.rows.len(),
        tab.list.selected,
        theme,
        |row| {
            let a = &data.ambassadors[tab.rows.visible[row]];
            Row::new(vec![
                Cell::from(app.person(a.employee_id)),
                Cell::from(data.location_name(Some(a.primary_location)).to_string()),
                Cell::from(a.locations().len().to_string()),
                Cell::from(day(a.tenure_end)),
            ])
        },
    );
    let lines = match tab.selected(data) {
        None => vec![Line::raw("No ambassador selected.")],
        Some(a) => {
            let sites: Vec<String> = a
                .locations()
                .iter()
                .map(|l| data.location_name(Some(*l)).to_string())
                .collect();
            vec![
                widgets::fact("Ambassador", app.person(a.employee_id), theme),
                widgets::fact(
                    "Tenure",
                    format!("{} to {}", day(a.tenure_start), day(a.tenure_end)),
                    theme,
                ),
                widgets::fact("Locations", sites.join(", "), theme),
            ]
        }
    };
    widgets::detail(frame, detail_area, " Detail ", lines, theme);
}
