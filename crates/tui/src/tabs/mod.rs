//! One module per tab: its state, its keys, its actions, its forms and its drawing.

pub mod coverage;
pub mod intake;
pub mod leadership;
pub mod mentoring;
pub mod metrics;

use pathways_core::search::{Matcher, score_all};
use pathways_core::text::fold;

/// The rows of a tab's main list: the base order, a search key per row (built once per load),
/// and the rows the filter leaves visible.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    base: Vec<usize>,
    keys: Vec<String>,
    pub visible: Vec<usize>,
    /// The folded filter of the last narrowing and the base positions it matched, so a growing
    /// filter only rescans the previous matches.
    last: Option<(String, Vec<u32>)>,
}

impl Rows {
    /// Sets the base order: (index into the data vector, searchable text).
    pub fn set(&mut self, items: impl IntoIterator<Item = (usize, String)>) {
        self.base.clear();
        self.keys.clear();
        self.last = None;
        for (i, text) in items {
            self.base.push(i);
            self.keys.push(fold(&text));
        }
    }

    /// Sets the base order without search keys; `fill_keys` builds them when a filter first
    /// needs them, so a large list that nobody is filtering refreshes without formatting a key
    /// per row.
    pub fn set_order(&mut self, order: Vec<usize>) {
        self.base = order;
        self.keys.clear();
        self.last = None;
    }

    /// Whether narrowing by `filter` needs keys that `set_order` left unbuilt.
    pub fn needs_keys(&self, filter: &str) -> bool {
        !filter.trim().is_empty() && self.keys.len() != self.base.len()
    }

    /// Builds the search key of every base row from its data index.
    pub fn fill_keys(&mut self, mut text: impl FnMut(usize) -> String) {
        self.keys = self.base.iter().map(|&i| fold(&text(i))).collect();
        self.last = None;
    }

    /// Keeps the rows matching `filter`, best match first; all rows in base order if empty.
    pub fn narrow(&mut self, filter: &str) {
        let m = Matcher::new(filter);
        if m.is_empty() {
            self.visible = self.base.clone();
            self.last = None;
            return;
        }
        let candidates = match self.last.take() {
            Some((prev, matched)) if m.query().starts_with(&prev) => matched,
            _ => (0..self.keys.len() as u32).collect(),
        };
        let mut scored = score_all(&m, &self.keys, &candidates);
        self.last = Some((m.query().to_string(), scored.iter().map(|&(_, i)| i).collect()));
        // Best first; equal scores keep the list's own order.
        scored.sort_by_key(|&(s, i)| (std::cmp::Reverse(s), i));
        self.visible = scored.into_iter().map(|(_, i)| self.base[i as usize]).collect();
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
