//! The metrics tab's keys and what they ask for.

use crate::keys::{Binding, Key, bind};

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
pub const KEYS: &[Binding<MetricsAction>] = &[
    bind(
        &[Char('[')],
        MetricsAction::PreviousYear,
        "previous-fiscal-year",
        "previous fiscal year",
        Some("prev FY"),
    ),
    bind(
        &[Char(']')],
        MetricsAction::NextYear,
        "next-fiscal-year",
        "next fiscal year",
        Some("next FY"),
    ),
    bind(
        &[Char('.')],
        MetricsAction::CurrentYear,
        "current-fiscal-year",
        "current fiscal year",
        None,
    ),
    bind(
        &[Char('c')],
        MetricsAction::ShowCharts,
        "metrics-charts",
        "charts per month",
        Some("charts"),
    ),
    bind(
        &[Char('b')],
        MetricsAction::Breakdown,
        "metrics-breakdown",
        "breakdown; again: next",
        Some("breakdown"),
    ),
    bind(
        &[Char('t')],
        MetricsAction::ShowTable,
        "metrics-table",
        "back to the table",
        Some("table"),
    ),
    bind(
        &[Char('v')],
        MetricsAction::CompareAll,
        "previous-year-rows",
        "last year, every metric",
        None,
    ),
    bind(
        &[Char('n')],
        MetricsAction::NextMetric,
        "next-metric",
        "next metric",
        None,
    ),
    bind(
        &[Char('N')],
        MetricsAction::PreviousMetric,
        "previous-metric",
        "previous metric",
        None,
    ),
];
