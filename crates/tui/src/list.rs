//! The lists every tab shows: rows narrowed by the `/` filter, and a selection that stays on its
//! record. `ViewList` is one list; `Views` (in `list/views.rs`) is a tab's several views over one
//! filter, each keeping its own selection on its own record through reloads and view switches.

mod filter;
mod views;

pub use filter::rank;
pub use views::{Memory, ViewKind, Views};

use pathways_core::search::Keys;
use pathways_core::text::{fold, fold_owned};

/// How far PgUp/PgDn move.
pub const PAGE: usize = 10;

/// A move in a list (or, for Left/Right, between a tab's views or a grid's columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

impl Nav {
    /// The row `selected` moves to in a list of `len` rows (Left/Right leave it).
    pub fn apply(self, selected: usize, len: usize) -> usize {
        let last = len.saturating_sub(1);
        match self {
            Nav::Up => selected.saturating_sub(1),
            Nav::Down => (selected + 1).min(last),
            Nav::PageUp => selected.saturating_sub(PAGE),
            Nav::PageDown => (selected + PAGE).min(last),
            Nav::Top => 0,
            Nav::Bottom => last,
            Nav::Left | Nav::Right => selected,
        }
    }
}

/// First visible row so that `selected` shows in `height` rows.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

/// How many rows ranked cost about as much as one search key built (a step of work that ranks
/// `rows` rows builds `rows / KEY_COST` keys: a list's, or Ctrl-K's index entries).
pub const KEY_COST: usize = 16;

/// The rows of a list: the base order (indexes into a data vector), a search key per row (built
/// once per load), and the rows the filter leaves visible.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    base: Vec<usize>,
    keys: Keys,
    pub visible: Vec<usize>,
    /// The filters worked out and the one under way, so a growing filter only rescans the
    /// previous matches and a shrinking one is shown at once.
    narrowing: filter::Narrowing,
}

impl Rows {
    /// Sets the base order: (index into the data vector, searchable text). Nothing is visible
    /// until the rows are narrowed.
    pub fn set(&mut self, items: impl IntoIterator<Item = (usize, String)>) {
        self.base.clear();
        self.keys.clear();
        self.visible.clear();
        self.narrowing.forget();
        for (i, text) in items {
            self.base.push(i);
            self.keys.push(fold_owned(text));
        }
    }

    /// Sets the base order without search keys; `fill_keys` builds them when a filter first
    /// needs them, so a large list that nobody is filtering refreshes without formatting a key
    /// per row.
    pub fn set_order(&mut self, order: Vec<usize>) {
        self.base = order;
        self.keys.clear();
        self.visible.clear();
        self.narrowing.forget();
    }

    /// Whether narrowing by `filter` needs keys that `set_order` left unbuilt.
    pub fn needs_keys(&self, filter: &str) -> bool {
        !filter.trim().is_empty() && self.keys.len() != self.base.len()
    }

    /// Builds the search key of every base row from its data index.
    pub fn fill_keys(&mut self, text: impl Fn(usize) -> String + Sync) {
        self.keys.clear();
        self.fill_some_keys(usize::MAX, text);
    }

    /// Builds up to `rows` more search keys (those `set_order` left unbuilt), on both cores
    /// when there are many; returns whether every row has its key now. Steps of this between
    /// key presses build them without making anyone wait.
    pub fn fill_some_keys(&mut self, rows: usize, text: impl Fn(usize) -> String + Sync) -> bool {
        if self.keys.len() > self.base.len() {
            self.keys.clear();
        }
        let from = self.keys.len();
        let to = from.saturating_add(rows).min(self.base.len());
        let keys = pathways_core::search::map_parallel(&self.base[from..to], |&i| fold_owned(text(i)));
        self.keys.extend(keys);
        self.keys.len() == self.base.len()
    }

    /// One record changed (or was added) at data index `i` and nothing else: its row moves to
    /// where `at` puts it in the base order (`None`: the filters no longer keep it), its search
    /// key made again from `text` if the keys are built. Work proportional to the change: no
    /// other key is built, nothing is sorted again. The caller narrows again.
    pub fn patch_row(
        &mut self,
        i: usize,
        at: impl FnOnce(&[usize]) -> Option<usize>,
        text: impl FnOnce() -> String,
    ) {
        let keyed = self.keys.len() == self.base.len();
        if let Some(p) = self.base.iter().position(|&j| j == i) {
            self.base.remove(p);
            if keyed {
                self.keys.remove(p);
            }
        }
        if let Some(p) = at(&self.base) {
            let p = p.min(self.base.len());
            self.base.insert(p, i);
            if keyed {
                self.keys.insert(p, fold_owned(text()));
            }
        }
        if !keyed {
            self.keys.clear();
        }
        // The previous matches were positions in the old order.
        self.narrowing.forget();
    }

    /// Keeps the rows matching `filter` by the one rule ([`rank`]); all rows in base order if
    /// empty. The same as `begin` and `step` run to the end.
    pub fn narrow(&mut self, filter: &str) {
        if !self.begin(filter) {
            while !self.step(usize::MAX) {}
        }
    }

    /// Starts narrowing by `filter`; returns true if the rows are already the filter's (it is
    /// empty, or was worked out before), else `step` does the work. The rows shown stay as
    /// they were until then. The keys must be built before the first `step`.
    pub fn begin(&mut self, filter: &str) -> bool {
        let query = fold(filter.trim());
        if query.is_empty() {
            self.visible.clone_from(&self.base);
            self.narrowing.forget();
            return true;
        }
        match self.narrowing.begin(&query, self.base.len()) {
            Some(visible) => {
                self.show(visible);
                true
            }
            None => false,
        }
    }

    /// Ranks up to `rows` more rows for the filter under way; returns true once the rows shown
    /// are the filter's (at once when no filter is under way).
    pub fn step(&mut self, rows: usize) -> bool {
        if !self.narrowing.working() {
            return true;
        }
        match self.narrowing.step(&self.keys, rows) {
            Some(visible) => {
                self.show(visible);
                true
            }
            None => false,
        }
    }

    /// Whether a filter is being worked out (the rows shown are an earlier filter's).
    pub fn narrowing(&self) -> bool {
        self.narrowing.working()
    }

    /// Whether `step` can run: the keys it needs are built.
    pub fn keyed(&self) -> bool {
        self.keys.len() == self.base.len()
    }

    fn show(&mut self, positions: Vec<u32>) {
        self.visible = positions.into_iter().map(|i| self.base[i as usize]).collect();
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

/// One list: its rows, the record each row shows (`K`, e.g. an id), and the selected row.
#[derive(Debug, Clone)]
pub struct ViewList<K> {
    pub rows: Rows,
    /// The record behind each data index, as of the last `set`.
    keys: Vec<Option<K>>,
    pub selected: usize,
    /// The filter the rows were last narrowed by: new text selects the best match.
    narrowed: Option<String>,
    /// New text came since the rows were last the filter's: when they are, the top row is
    /// selected (a filter worked out in steps selects as if each key had narrowed at once).
    retyped: bool,
}

impl<K> Default for ViewList<K> {
    fn default() -> Self {
        ViewList {
            rows: Rows::default(),
            keys: Vec::new(),
            selected: 0,
            narrowed: None,
            retyped: false,
        }
    }
}

impl<K: Clone + PartialEq> ViewList<K> {
    /// Sets the rows: (data index, the record it shows, the text `/` searches).
    pub fn set(&mut self, items: impl IntoIterator<Item = (usize, K, String)>) {
        self.keys.clear();
        let keys = &mut self.keys;
        self.rows.set(items.into_iter().map(|(i, key, text)| {
            put(keys, i, key);
            (i, text)
        }));
    }

    /// Sets the rows in `order` without building search text (see `Rows::set_order`).
    pub fn set_order(&mut self, order: Vec<usize>, key: impl Fn(usize) -> K) {
        self.keys.clear();
        for &i in &order {
            put(&mut self.keys, i, key(i));
        }
        self.rows.set_order(order);
    }

    /// Takes in one changed or added record (see `Rows::patch_row`) and narrows by `filter`
    /// again, the selection kept on its record.
    pub fn patch_row(
        &mut self,
        i: usize,
        key: K,
        at: impl FnOnce(&[usize]) -> Option<usize>,
        text: impl FnOnce() -> String,
    ) {
        put(&mut self.keys, i, key);
        self.rows.patch_row(i, at, text);
    }

    /// Builds the search text now if narrowing by `filter` needs it.
    pub fn fill_keys_for(&mut self, filter: &str, text: impl Fn(usize) -> String + Sync) {
        if self.rows.needs_keys(filter) {
            self.rows.fill_keys(text);
        }
    }

    /// Narrows the rows by `filter`. New text selects the best match (the top row); the same
    /// text, or no text (the filter cleared), keeps the selected record selected (or the row
    /// nearest it): Esc after a kept filter leaves the cursor on the record it was on.
    pub fn narrow(&mut self, filter: &str) {
        if !self.begin(filter) {
            while !self.step(usize::MAX) {}
        }
    }

    /// Starts narrowing by `filter` (see `Rows::begin`); returns true if the rows are the
    /// filter's already, else `step` finishes the work.
    pub fn begin(&mut self, filter: &str) -> bool {
        self.retyped |= self.narrowed.as_deref().is_some_and(|n| n != filter);
        self.narrowed = Some(filter.to_string());
        let keep = self.picked();
        self.rows.begin(filter) && self.select_after(keep)
    }

    /// Finishes the work a typed filter left (`filter_step` run to the end), so the rows and the
    /// selection are what a filter narrowed at once leaves (before a save or a rebuild).
    pub fn finish_filter(&mut self, text: impl Fn(usize) -> String + Sync) {
        while self.rows.narrowing() {
            self.filter_step(usize::MAX, &text);
        }
    }

    /// One step of a filter typed (`begin`) as the event loop runs it: the search keys it needs
    /// first (`rows / KEY_COST` of them, from `text`), then `rows` rows ranked. True once the
    /// rows are the filter's; false while it works, or when no filter is under way.
    pub fn filter_step(&mut self, rows: usize, text: impl Fn(usize) -> String + Sync) -> bool {
        if !self.rows.narrowing() {
            return false;
        }
        if !self.rows.keyed() {
            self.rows.fill_some_keys((rows / KEY_COST).max(1), text);
            return false;
        }
        self.step(rows)
    }

    /// Ranks up to `rows` more rows for the filter under way; returns true once the rows are
    /// the filter's, the selection placed as `narrow` places it.
    pub fn step(&mut self, rows: usize) -> bool {
        if !self.rows.narrowing() {
            return true;
        }
        let keep = self.picked();
        self.rows.step(rows) && self.select_after(keep)
    }

    /// The rows became the filter's: new text selects the top row; the same text, or none,
    /// keeps `keep` selected (or the row nearest it).
    fn select_after(&mut self, keep: Option<K>) -> bool {
        let filter = self.narrowed.as_deref().unwrap_or("");
        if std::mem::take(&mut self.retyped) && !filter.trim().is_empty() {
            self.selected = 0;
        } else if let Some(row) = keep.and_then(|k| self.row_of(&k)) {
            self.selected = row;
        }
        self.clamp();
        true
    }

    /// The record a data index shows.
    pub fn key_of(&self, index: usize) -> Option<&K> {
        self.keys.get(index).and_then(Option::as_ref)
    }

    /// The selected row's data index.
    pub fn selected_index(&self) -> Option<usize> {
        self.rows.get(self.selected)
    }

    /// The selected record.
    pub fn picked(&self) -> Option<K> {
        self.selected_index().and_then(|i| self.key_of(i)).cloned()
    }

    /// The row that shows `key` now, if the filter shows it.
    pub fn row_of(&self, key: &K) -> Option<usize> {
        self.rows
            .visible
            .iter()
            .position(|&i| self.key_of(i) == Some(key))
    }

    /// Selects the row showing `key`; returns whether the list shows it.
    pub fn select(&mut self, key: &K) -> bool {
        match self.row_of(key) {
            Some(row) => {
                self.selected = row;
                true
            }
            None => false,
        }
    }

    pub fn nav(&mut self, nav: Nav) {
        self.selected = nav.apply(self.selected, self.rows.len());
    }

    pub fn clamp(&mut self) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

fn put<K>(keys: &mut Vec<Option<K>>, i: usize, key: K) {
    if keys.len() <= i {
        keys.resize_with(i + 1, || None);
    }
    keys[i] = Some(key);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(names: &[&str]) -> ViewList<String> {
        let mut l = ViewList::default();
        l.set(
            names
                .iter()
                .enumerate()
                .map(|(i, n)| (i, n.to_string(), n.to_string())),
        );
        l.narrow("");
        l
    }

    #[test]
    fn new_filter_text_selects_the_best_match_and_the_same_text_keeps_the_record() {
        let mut l = list(&["ana garcia", "kofi mensah", "ines kofler"]);
        l.nav(Nav::Bottom);
        assert_eq!(l.picked().as_deref(), Some("ines kofler"));
        l.narrow("kof");
        assert_eq!(l.selected, 0, "new text: the top row");
        l.nav(Nav::Down);
        let chosen = l.picked();
        l.narrow("kof");
        assert_eq!(l.picked(), chosen, "same text: the same record");
    }

    #[test]
    fn whole_words_first_then_beginnings_each_in_the_lists_order_and_fuzzy_only_alone() {
        // The list's order is its sort; the filter keeps it within each group.
        let mut l = list(&[
            "ines kofler",
            "kofiana mensah",
            "kofi underhill",
            "wendy ellis",
            "kofi adams",
        ]);
        l.narrow("kofi");
        let shown: Vec<usize> = l.rows.visible.clone();
        assert_eq!(
            shown,
            vec![2, 4, 1],
            "Kofi Underhill, Kofi Adams, then Kofiana; never Ines"
        );
        // No row has a word "wendell" or one beginning so: then (only then) the fuzzy matches.
        l.narrow("wendell");
        assert_eq!(l.rows.visible, vec![3], "wendy ellis, fuzzily");
        // With a Wendell in the list, he alone is shown.
        let keys: Keys = ["wendy ellis", "wendell brooks", "wen dell"]
            .map(String::from)
            .into_iter()
            .collect();
        assert_eq!(rank("wendell", &keys, &[0, 1, 2]).0, vec![1]);
    }

    #[test]
    fn clearing_the_filter_keeps_the_record_selected() {
        let mut l = list(&["ana garcia", "kofi mensah", "ines kofler", "kofi adams"]);
        l.narrow("kofi");
        l.nav(Nav::Down);
        assert_eq!(l.picked().as_deref(), Some("kofi adams"));
        l.narrow("");
        assert_eq!(l.picked().as_deref(), Some("kofi adams"));
        assert_eq!(l.selected, 3);
    }

    #[test]
    fn moves_stay_inside_the_list() {
        let mut l = list(&["a", "b", "c"]);
        l.nav(Nav::Up);
        assert_eq!(l.selected, 0);
        l.nav(Nav::PageDown);
        assert_eq!(l.selected, 2);
        l.narrow("b");
        assert_eq!(l.len(), 1);
        assert_eq!(l.selected, 0);
    }
}
