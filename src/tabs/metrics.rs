//! Tab 5, monthly metrics: fiscal-year figures and a chart of new relationships per month.

use super::Rows;
use crate::action::Action;
use crate::app::{App, ListNav};
use crate::dataset::Dataset;
use crate::domain::FiscalYear;
use crate::keymap::Binding;
use crate::metrics::{MetricRow, monthly};
use crate::ui::{Theme, widgets};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Bar, BarChart, BarGroup, Cell, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricsAction {}

pub const KEYS: &[Binding] = &[];

#[derive(Debug, Clone)]
pub struct MetricsTab {
    pub list: ListNav,
    pub rows: Rows,
    pub year: FiscalYear,
    pub table: Vec<MetricRow>,
}

impl MetricsTab {
    pub fn new(today: NaiveDate) -> Self {
        MetricsTab {
            list: ListNav::default(),
            rows: Rows::default(),
            year: FiscalYear::of(today),
            table: Vec::new(),
        }
    }

    pub fn refresh(&mut self, data: &Dataset, _today: NaiveDate) {
        self.table = monthly(data, self.year);
        self.rows.set(
            self.table
                .iter()
                .enumerate()
                .map(|(i, r)| (i, r.label.to_string())),
        );
        self.refilter();
    }

    pub fn refilter(&mut self) {
        self.rows.narrow(&self.list.filter);
        self.list.clamp(self.rows.len());
    }

    pub fn navigate(&mut self, action: Action) {
        self.list.apply(action, self.rows.len());
    }
}

pub fn update(_app: &mut App, action: MetricsAction) {
    match action {}
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.metrics;
    let [table_area, chart_area] = Layout::vertical([Constraint::Min(8), Constraint::Length(9)]).areas(area);
    let months = tab.year.months();
    let mut header: Vec<&str> = vec!["Metric"];
    header.extend(months.iter().map(|m| m.short_name()));
    header.push("FYTD");
    let mut widths = vec![Constraint::Min(14)];
    widths.extend(std::iter::repeat_n(Constraint::Length(4), 12));
    widths.push(Constraint::Length(5));
    widgets::table(
        frame,
        table_area,
        format!(" {} by fiscal month ", tab.year.short_label()),
        &header,
        &widths,
        tab.rows.len(),
        tab.list.selected,
        theme,
        |row| {
            let r = &tab.table[tab.rows.visible[row]];
            let mut cells = vec![Cell::from(r.label)];
            cells.extend(r.months.iter().map(|v| Cell::from(v.to_string())));
            cells.push(Cell::from(r.total().to_string()));
            Row::new(cells)
        },
    );
    let selected = tab.rows.get(tab.list.selected).and_then(|i| tab.table.get(i));
    if let Some(r) = selected {
        let bars: Vec<Bar> = months
            .iter()
            .zip(r.months)
            .map(|(m, v)| {
                Bar::default()
                    .value(v)
                    .label(m.short_name())
                    .text_value(v.to_string())
            })
            .collect();
        let chart = BarChart::default()
            .block(widgets::block(format!(" {} per month ", r.label), theme))
            .data(BarGroup::default().bars(&bars))
            .bar_width(4)
            .bar_gap(1)
            .bar_style(theme.important)
            .value_style(theme.selected);
        frame.render_widget(chart, chart_area);
    }
}
