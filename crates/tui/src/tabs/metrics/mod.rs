//! Tab 5, monthly metrics: a fiscal year's figures by fiscal month, the year to date against the
//! same months a year before, charts, and breakdowns by chapter, race and location type.
//! Everything is counted in `refresh` (one pass per kind of record); drawing only formats it.

mod breakdown;
mod chart;
mod detail;
mod grid;
mod keys;

pub use keys::{KEYS, MetricsAction};

use crate::form::Form;
use crate::keys::Binding;
use crate::list::{Nav, Views};
use crate::tab::{Ctx, Effect, Effects, Tab, TabView};
use crate::theme::Theme;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::FiscalYear;
use pathways_core::domain::Id;
use pathways_core::metrics::{Dimension, Metric, MetricRow, Report, monthly_as_of};
use pathways_core::search::Kind;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;
use std::convert::Infallible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Table,
    Charts,
    Breakdown(Dimension),
}

#[derive(Debug, Clone)]
pub struct MetricsTab {
    /// The metric rows (filterable by name), as indexes into `report.rows`.
    pub list: Views<(), usize>,
    pub year: FiscalYear,
    /// The selected fiscal month, 0 = July.
    pub month: usize,
    pub view: View,
    pub compare_all: bool,
    /// The selected group row of a breakdown.
    pub group: usize,
    pub report: Report,
    today: NaiveDate,
}

impl MetricsTab {
    pub fn new(today: NaiveDate) -> Self {
        let year = FiscalYear::of(today);
        let mut tab = MetricsTab {
            list: Views::default(),
            year,
            month: 0,
            view: View::Table,
            compare_all: false,
            group: 0,
            report: monthly_as_of(&Dataset::default(), year, today),
            today,
        };
        tab.month = tab.default_month();
        tab
    }

    /// The month in progress for the current year, June for a past one, July for a future one.
    fn default_month(&self) -> usize {
        self.report.elapsed.saturating_sub(1)
    }

    /// Counts the fiscal year's figures from the data.
    pub fn rebuild(&mut self, data: &Dataset, today: NaiveDate) {
        let memory = self.list.remember();
        self.today = today;
        self.report = monthly_as_of(data, self.year, today);
        self.list.current_mut().set(
            Metric::ALL
                .iter()
                .map(|m| (m.index(), m.index(), format!("{} {}", m.label(), m.key()))),
        );
        self.list.restore(memory);
    }

    pub fn selected(&self) -> Option<&MetricRow> {
        self.list.selected_index().and_then(|i| self.report.rows.get(i))
    }

    fn breakdown_len(&self) -> usize {
        match (self.view, self.selected()) {
            (View::Breakdown(d), Some(row)) => row.groups[d.index()].len() + 1,
            _ => 0,
        }
    }

    fn set_year(&mut self, data: &Dataset, year: FiscalYear) {
        self.year = year;
        self.rebuild(data, self.today);
        self.month = self.default_month();
    }
}

type Fx = Effects<MetricsTab>;

impl TabView for MetricsTab {
    type Action = MetricsAction;
    /// The tab opens no forms, asks no questions and saves nothing.
    type Form = Infallible;
    type Confirm = Infallible;
    type Saved = Infallible;
    const TAB: Tab = Tab::Metrics;
    const KEYS: &'static [Binding<MetricsAction>] = KEYS;

    fn refresh(&mut self, cx: &Ctx) {
        self.rebuild(cx.data, cx.today);
    }

    fn update(&mut self, cx: &Ctx, action: MetricsAction) -> Fx {
        match action {
            MetricsAction::PreviousYear => self.set_year(cx.data, self.year.previous()),
            MetricsAction::NextYear => self.set_year(cx.data, self.year.next()),
            MetricsAction::CurrentYear => self.set_year(cx.data, FiscalYear::of(cx.today)),
            MetricsAction::ShowTable => self.view = View::Table,
            MetricsAction::ShowCharts => self.view = View::Charts,
            MetricsAction::Breakdown => {
                self.view = View::Breakdown(match self.view {
                    View::Breakdown(Dimension::Chapter) => Dimension::Race,
                    View::Breakdown(Dimension::Race) => Dimension::LocationType,
                    _ => Dimension::Chapter,
                });
                self.group = 0;
            }
            MetricsAction::CompareAll => {
                self.compare_all = !self.compare_all;
                return vec![Effect::status(if self.compare_all {
                    "previous year shown under every metric"
                } else {
                    "previous year shown under the selected metric"
                })];
            }
            MetricsAction::NextMetric => {
                self.list.nav(Nav::Down);
                self.group = 0;
            }
            MetricsAction::PreviousMetric => {
                self.list.nav(Nav::Up);
                self.group = 0;
            }
        }
        vec![]
    }

    fn navigate(&mut self, _cx: &Ctx, nav: Nav) {
        match nav {
            Nav::Left => self.month = self.month.saturating_sub(1),
            Nav::Right => self.month = (self.month + 1).min(11),
            _ if matches!(self.view, View::Breakdown(_)) => {
                self.group = nav.apply(self.group, self.breakdown_len());
            }
            _ => self.list.nav(nav),
        }
    }

    /// Esc: from charts or a breakdown back to the table.
    fn back(&mut self, _cx: &Ctx) -> bool {
        let away = self.view != View::Table;
        self.view = View::Table;
        away
    }

    fn filter(&self) -> &str {
        &self.list.filter
    }

    fn set_filter(&mut self, _cx: &Ctx, text: &str) {
        self.list.set_filter(text);
    }

    fn submit(&mut self, _cx: &Ctx, _form: &mut Form, purpose: &Infallible) -> Fx {
        match *purpose {}
    }

    fn confirmed(&mut self, _cx: &Ctx, answer: Infallible) -> Fx {
        match answer {}
    }

    fn saved(&mut self, _cx: &Ctx, then: Infallible, _id: Option<Id>) -> Fx {
        match then {}
    }

    fn copy_facts(&self, _cx: &Ctx) -> Option<String> {
        copy_text(self)
    }

    fn reveal(&mut self, _cx: &Ctx, _kind: Kind, _id: Id, name: &str) {
        self.list.set_filter(name);
    }

    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
        match self.view {
            View::Table => render_table(self, frame, area, theme),
            View::Charts => chart::render(self, frame, area, theme),
            View::Breakdown(d) => breakdown::render(self, frame, area, cx, d, theme),
        }
    }
}

fn render_table(tab: &MetricsTab, frame: &mut Frame, area: Rect, theme: &Theme) {
    let report = &tab.report;
    let [table_area, detail_area] = Layout::vertical([Constraint::Min(5), Constraint::Length(3)]).areas(area);
    let previous = report.year.previous().short_label();
    let mut lines = Vec::new();
    let mut selected_line = 0;
    for (r, &i) in tab.list.current().rows.visible.iter().enumerate() {
        let row = &report.rows[i];
        if r == tab.list.selected() {
            selected_line = lines.len();
        }
        lines.push(grid::this_year(
            row,
            report,
            row.metric.short_label().to_string(),
            theme,
        ));
        if tab.compare_all || r == tab.list.selected() {
            lines.push(grid::previous_year(
                row,
                report,
                format!("  {previous} same month"),
                theme,
            ));
        }
    }
    grid::render(
        frame,
        table_area,
        grid::Grid {
            title: format!(" {} by fiscal month ", report.year.short_label()),
            first: "Metric",
            extra: None,
            lines,
            selected: selected_line,
            month: tab.month,
        },
        theme,
    );
    frame.render_widget(Paragraph::new(detail::lines(tab, theme)), detail_area);
}

/// `y` on this tab: the selected metric's months and year to date as one line.
fn copy_text(tab: &MetricsTab) -> Option<String> {
    let row = tab.selected()?;
    let report = &tab.report;
    let months: Vec<String> = (0..12)
        .filter(|&i| report.has_begun(i))
        .map(|i| {
            format!(
                "{} {}",
                report.month(i).short_name(),
                row.this.months[i].cell(row.total())
            )
        })
        .collect();
    Some(format!(
        "{} {} · {} · year to date {}",
        report.year.short_label(),
        row.metric.label(),
        months.join(" "),
        row.this.fytd.cell(row.total())
    ))
}
