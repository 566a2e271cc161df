//! One module per tab: its state, its keys, its actions, its forms and its drawing.

pub mod coverage;
pub mod intake;
pub mod leadership;
pub mod mentoring;
pub mod metrics;

use crate::search::{Matcher, fold};

/// The rows of a tab's main list: the base order, a search key per row (built once per load),
/// and the rows the filter leaves visible.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    base: Vec<usize>,
    keys: Vec<String>,
    pub visible: Vec<usize>,
}

impl Rows {
    /// Sets the base order: (index into the data vector, searchable text).
    pub fn set(&mut self, items: impl IntoIterator<Item = (usize, String)>) {
        self.base.clear();
        self.keys.clear();
        for (i, text) in items {
            self.base.push(i);
            self.keys.push(fold(&text));
        }
    }

    /// Keeps the rows matching `filter`, best match first; all rows in base order if empty.
    pub fn narrow(&mut self, filter: &str) {
        let m = Matcher::new(filter);
        if m.is_empty() {
            self.visible = self.base.clone();
            return;
        }
        let mut scored: Vec<(i64, usize)> = self
            .keys
            .iter()
            .zip(&self.base)
            .filter_map(|(k, &i)| m.score(k).map(|s| (s, i)))
            .collect();
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        self.visible = scored.into_iter().map(|(_, i)| i).collect();
    }

    pub fn len(&self) -> usize {
        self.visible.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visible.is_empty()
    }

    pub fn get(&self, row: usize) -> Option<usize> {
        self.visible.get(row).copied()
    }
}

/// A date as the tables show it.
pub fn day(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn opt_day(d: Option<chrono::NaiveDate>) -> String {
    d.map(day).unwrap_or_else(|| "—".into())
}
