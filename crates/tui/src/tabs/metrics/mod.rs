//! Tab 5, monthly metrics: a fiscal year's figures by fiscal month, the year to date against the
//! same months a year before, charts, and breakdowns by chapter, race and location type.
//! Everything is counted in `refresh` (one pass per kind of record); drawing only formats it.

mod breakdown;
mod chart;
mod detail;
mod grid;

use super::Rows;
use crate::action::Action;
use crate::app::{App, ListNav};
use crate::keymap::{Binding, Key, bind};
use crate::ui::Theme;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::FiscalYear;
use pathways_core::metrics::{Dimension, Metric, MetricRow, Report, monthly_as_of};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricsAction {
    PreviousYear,
    NextYear,
    CurrentYear,
    ShowTable,
    ShowCharts,
    /// Breakdown of the selected metric; pressed again, the next dimension.
    Breakdown,
    /// The previous year's row under every metric, not only the selected one.
    CompareAll,
    NextMetric,
    PreviousMetric,
}

use Key::Char;
pub const KEYS: &[Binding] = &[
    bind(
        &[Char('[')],
        Action::Metrics(MetricsAction::PreviousYear),
        "previous-fiscal-year",
        "previous fiscal year",
        Some("prev FY"),
    ),
    bind(
        &[Char(']')],
        Action::Metrics(MetricsAction::NextYear),
        "next-fiscal-year",
        "next fiscal year",
        Some("next FY"),
    ),
    bind(
        &[Char('.')],
        Action::Metrics(MetricsAction::CurrentYear),
        "current-fiscal-year",
        "current fiscal year",
        None,
    ),
    bind(
        &[Char('c')],
        Action::Metrics(MetricsAction::ShowCharts),
        "metrics-charts",
        "charts per month",
        Some("charts"),
    ),
    bind(
        &[Char('b')],
        Action::Metrics(MetricsAction::Breakdown),
        "metrics-breakdown",
        "breakdown; again: next",
        Some("breakdown"),
    ),
    bind(
        &[Char('t')],
        Action::Metrics(MetricsAction::ShowTable),
        "metrics-table",
        "back to the table",
        Some("table"),
    ),
    bind(
        &[Char('v')],
        Action::Metrics(MetricsAction::CompareAll),
        "previous-year-rows",
        "last year, every metric",
        None,
    ),
    bind(
        &[Char('n')],
        Action::Metrics(MetricsAction::NextMetric),
        "next-metric",
        "next metric",
        None,
    ),
    bind(
        &[Char('N')],
        Action::Metrics(MetricsAction::PreviousMetric),
        "previous-metric",
        "previous metric",
        None,
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Table,
    Charts,
    Breakdown(Dimension),
}

#[derive(Debug, Clone)]
pub struct MetricsTab {
    /// The metric rows (filterable by name).
    pub list: ListNav,
    pub rows: Rows,
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
            list: ListNav::default(),
            rows: Rows::default(),
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

    pub fn refresh(&mut self, data: &Dataset, today: NaiveDate) {
        self.today = today;
        self.report = monthly_as_of(data, self.year, today);
        self.rows.set(
            Metric::ALL
                .iter()
                .map(|m| (m.index(), format!("{} {}", m.label(), m.key()))),
        );
        self.refilter();
    }

    pub fn refilter(&mut self) {
        self.rows.narrow(&self.list.filter);
        self.list.clamp(self.rows.len());
    }

    pub fn navigate(&mut self, action: Action) {
        match action {
            Action::Left => self.month = self.month.saturating_sub(1),
            Action::Right => self.month = (self.month + 1).min(11),
            _ if matches!(self.view, View::Breakdown(_)) => {
                let len = self.breakdown_len();
                let mut nav = ListNav {
                    selected: self.group,
                    filter: String::new(),
                };
                nav.apply(action, len);
                self.group = nav.selected;
            }
            _ => self.list.apply(action, self.rows.len()),
        }
    }

    pub fn selected(&self) -> Option<&MetricRow> {
        self.rows
            .get(self.list.selected)
            .and_then(|i| self.report.rows.get(i))
    }

    fn breakdown_len(&self) -> usize {
        match (self.view, self.selected()) {
            (View::Breakdown(d), Some(row)) => row.groups[d.index()].len() + 1,
            _ => 0,
        }
    }

    fn set_year(&mut self, data: &Dataset, year: FiscalYear) {
        self.year = year;
        self.refresh(data, self.today);
        self.month = self.default_month();
    }
}

pub fn update(app: &mut App, action: MetricsAction) {
    let tab = &mut app.metrics;
    match action {
        MetricsAction::PreviousYear => tab.set_year(&app.data, tab.year.previous()),
        MetricsAction::NextYear => tab.set_year(&app.data, tab.year.next()),
        MetricsAction::CurrentYear => tab.set_year(&app.data, FiscalYear::of(app.today)),
        MetricsAction::ShowTable => tab.view = View::Table,
        MetricsAction::ShowCharts => tab.view = View::Charts,
        MetricsAction::Breakdown => {
            tab.view = View::Breakdown(match tab.view {
                View::Breakdown(Dimension::Chapter) => Dimension::Race,
                View::Breakdown(Dimension::Race) => Dimension::LocationType,
                _ => Dimension::Chapter,
            });
            tab.group = 0;
        }
        MetricsAction::CompareAll => {
            tab.compare_all = !tab.compare_all;
            app.status = Some(
                if tab.compare_all {
                    "previous year shown under every metric"
                } else {
                    "previous year shown under the selected metric"
                }
                .into(),
            );
        }
        MetricsAction::NextMetric => {
            tab.list.apply(Action::Down, tab.rows.len());
            tab.group = 0;
        }
        MetricsAction::PreviousMetric => {
            tab.list.apply(Action::Up, tab.rows.len());
            tab.group = 0;
        }
    }
}

/// Esc: from charts or a breakdown back to the table.
pub fn back(app: &mut App) {
    app.metrics.view = View::Table;
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match app.metrics.view {
        View::Table => render_table(frame, area, app, theme),
        View::Charts => chart::render(frame, area, app, theme),
        View::Breakdown(d) => breakdown::render(frame, area, app, d, theme),
    }
}

fn render_table(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.metrics;
    let report = &tab.report;
    let [table_area, detail_area] = Layout::vertical([Constraint::Min(5), Constraint::Length(3)]).areas(area);
    let previous = report.year.previous().short_label();
    let mut lines = Vec::new();
    let mut selected_line = 0;
    for (r, &i) in tab.rows.visible.iter().enumerate() {
        let row = &report.rows[i];
        if r == tab.list.selected {
            selected_line = lines.len();
        }
        lines.push(grid::this_year(
            row,
            report,
            row.metric.short_label().to_string(),
            theme,
        ));
        if tab.compare_all || r == tab.list.selected {
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
    frame.render_widget(Paragraph::new(detail::lines(app, theme)), detail_area);
}

/// `y` on this tab: the selected metric's months and year to date as one line.
pub fn copy_text(app: &App) -> Option<String> {
    let tab = &app.metrics;
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
