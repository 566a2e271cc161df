//! The lists every tab shows: rows narrowed by the `/` filter, and a selection that stays on its
//! record. `ViewList` is one list; `Views` (in `list/views.rs`) is a tab's several views over one
//! filter, each keeping its own selection on its own record through reloads and view switches.

mod views;

pub use views::{Memory, ViewKind, Views};

use pathways_core::search::{Matcher, score_all};
use pathways_core::text::fold;

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

/// Lists up to this many candidate rows narrow at once, in the key press; larger ones narrow in
/// slices between key presses (see `Rows::work`), so typing never waits for them.
pub const NARROW_AT_ONCE: usize = 20_000;

static AT_ONCE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(NARROW_AT_ONCE);

/// How many rows a list narrows (and builds search keys for) in the key press itself. The
/// dashboard's event loop lowers it (`set_narrow_at_once`) so that a typed letter is drawn
/// before any narrowing that takes longer than a fraction of a frame; tests and benchmarks
/// keep `NARROW_AT_ONCE`, so a filter typed through `App::update` is narrowed when it returns.
pub fn narrow_at_once() -> usize {
    AT_ONCE.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn set_narrow_at_once(rows: usize) {
    AT_ONCE.store(rows, std::sync::atomic::Ordering::Relaxed);
}
/// Rows scored per slice of a narrowing done in steps (a few milliseconds, on both cores).
const SLICE: usize = 16_384;

/// The rows of a list: the base order (indexes into a data vector), a search key per data index
/// (built once per load, all at once or in steps), and the rows the filter leaves visible.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    base: Vec<usize>,
    /// The search key of each data index ("" where there is none: it never matches).
    keys: Vec<String>,
    pub visible: Vec<usize>,
    /// The folded filter of the last narrowing and the data indexes it matched, so a growing
    /// filter only rescans the previous matches.
    last: Option<(String, Vec<u32>)>,
    /// A filter waiting for keys still being built.
    pending: Option<String>,
    /// A narrowing under way in steps.
    job: Option<Job>,
    /// The visible rows are narrowed by a filter (not the whole base).
    filtered: bool,
    /// Its owner calls `work` between key presses, so a large narrowing may go on there.
    in_steps: bool,
}

/// A narrowing done in slices: the candidates still to score and what matched so far.
#[derive(Debug, Clone)]
struct Job {
    filter: String,
    candidates: Vec<u32>,
    done: usize,
    scored: Vec<(i64, u32)>,
}

impl Rows {
    /// Sets the base order: (index into the data vector, searchable text). Nothing is visible
    /// until the rows are narrowed.
    pub fn set(&mut self, items: impl IntoIterator<Item = (usize, String)>) {
        self.base.clear();
        self.keys.clear();
        self.reset();
        for (i, text) in items {
            self.base.push(i);
            if self.keys.len() <= i {
                self.keys.resize(i + 1, String::new());
            }
            self.keys[i] = fold(&text);
        }
    }

    /// Sets the base order and keeps the search keys (they belong to the data, not the order);
    /// `fill_keys` builds any still missing when a filter first needs them, so a large list
    /// that nobody is filtering refreshes without formatting a key per row.
    pub fn set_order(&mut self, order: Vec<usize>) {
        self.base = order;
        self.reset();
    }

    /// Lets a large narrowing go on in steps (the owner calls `work` between key presses, as
    /// `TabView::work` does); otherwise every narrowing is done in the key press.
    pub fn narrow_in_steps(&mut self) {
        self.in_steps = true;
    }

    fn reset(&mut self) {
        self.visible.clear();
        self.last = None;
        self.job = None;
        self.pending = None;
    }

    /// Drops the search keys (the data changed); they are built again when needed.
    pub fn forget_keys(&mut self) {
        self.keys.clear();
        self.last = None;
    }

    /// Whether every one of `count` data indexes has its key.
    pub fn has_keys(&self, count: usize) -> bool {
        self.keys.len() >= count
    }

    /// Whether narrowing by `filter` needs keys not built yet for `count` data indexes.
    pub fn needs_keys(&self, filter: &str, count: usize) -> bool {
        !filter.trim().is_empty() && !self.has_keys(count)
    }

    /// Builds the search keys of data indexes `0..count` from `text`, all of them.
    pub fn fill_keys(&mut self, count: usize, text: impl FnMut(usize) -> String) {
        self.fill_keys_until(count, text, None);
    }

    /// Builds missing keys of data indexes `0..count` until `until`; returns whether all are
    /// built. A filter that was waiting for them then narrows.
    pub fn fill_keys_until(
        &mut self,
        count: usize,
        mut text: impl FnMut(usize) -> String,
        until: Option<std::time::Instant>,
    ) -> bool {
        if self.keys.len() > count {
            self.keys.truncate(count);
        }
        let mut built = 0;
        while self.keys.len() < count {
            // Each step builds some keys; the clock is read every 256: cheap, and a step stays
            // near its budget.
            if built % 256 == 255 && until.is_some_and(|t| std::time::Instant::now() >= t) {
                return false;
            }
            let i = self.keys.len();
            self.keys.push(fold(&text(i)));
            built += 1;
        }
        if let Some(filter) = self.pending.take() {
            self.narrow(&filter);
        }
        true
    }

    /// Keeps the rows matching `filter`, best match first; all rows in base order if empty.
    /// A large narrowing starts here and finishes in `work`; a narrowing that needs keys not
    /// built yet waits for them (the rows shown meanwhile are the last ones narrowed).
    pub fn narrow(&mut self, filter: &str) {
        let m = Matcher::new(filter);
        self.job = None;
        self.pending = None;
        self.filtered = !m.is_empty();
        if m.is_empty() {
            self.visible.clone_from(&self.base);
            self.last = None;
            return;
        }
        if self.in_steps && self.base.iter().any(|&i| i >= self.keys.len()) {
            self.pending = Some(filter.to_string());
            if self.visible.is_empty() {
                self.visible.clone_from(&self.base);
            }
            return;
        }
        let candidates = match self.last.take() {
            Some((prev, matched)) if m.query().starts_with(&prev) => matched,
            _ => self.base.iter().map(|&i| i as u32).collect(),
        };
        let at_once = !self.in_steps || candidates.len() <= narrow_at_once();
        self.job = Some(Job {
            filter: filter.to_string(),
            candidates,
            done: 0,
            scored: Vec::new(),
        });
        if at_once {
            self.step(&m, None);
        }
    }

    /// Scores the narrowing under way until `until` (or to the end); returns whether it ended.
    fn step(&mut self, m: &Matcher, until: Option<std::time::Instant>) -> bool {
        let Some(job) = self.job.as_mut() else {
            return false;
        };
        let started = job.done;
        while job.done < job.candidates.len() {
            // Each step scores at least one slice.
            if job.done > started && until.is_some_and(|t| std::time::Instant::now() >= t) {
                return false;
            }
            let end = (job.done + SLICE).min(job.candidates.len());
            job.scored
                .extend(score_all(m, &self.keys, &job.candidates[job.done..end]));
            job.done = end;
        }
        let Some(job) = self.job.take() else {
            return false;
        };
        let mut scored = job.scored;
        self.last = Some((m.query().to_string(), scored.iter().map(|&(_, i)| i).collect()));
        // Best first; equal scores keep the list's own order.
        let mut position = vec![u32::MAX; self.keys.len()];
        for (p, &i) in self.base.iter().enumerate() {
            position[i] = p as u32;
        }
        scored.sort_by_key(|&(s, i)| (std::cmp::Reverse(s), position[i as usize]));
        self.visible = scored.into_iter().map(|(_, i)| i as usize).collect();
        true
    }

    /// One record changed (or was added) at data index `i` of `count`, and nothing else: it
    /// moves to where `at` puts it in the base order (`None`: the filters no longer keep it),
    /// and its search key is made again from `text` if keys are built. Work proportional to the
    /// change: no other key is built, nothing is sorted again. Under a `/` filter the row stays
    /// where it is shown until the filter next changes (so the row just acted on does not jump
    /// away); without one the rows shown are the new base order.
    pub fn patch_row(
        &mut self,
        i: usize,
        count: usize,
        at: impl FnOnce(&[usize]) -> Option<usize>,
        text: impl FnOnce() -> String,
    ) {
        if let Some(p) = self.base.iter().position(|&j| j == i) {
            self.base.remove(p);
        }
        if let Some(p) = at(&self.base) {
            self.base.insert(p.min(self.base.len()), i);
        }
        let complete = self.keys.len() + 1 >= count;
        if i < self.keys.len() {
            self.keys[i] = fold(&text());
        } else if i == self.keys.len() && complete {
            self.keys.push(fold(&text()));
        }
        // The previous matches may no longer hold for the changed key: the next narrowing
        // scans every row.
        self.last = None;
        if !self.filtered && !self.busy() {
            self.visible.clone_from(&self.base);
        }
    }

    /// Goes on with a narrowing under way until `until`; returns whether it ended (the visible
    /// rows changed).
    pub fn work(&mut self, until: std::time::Instant) -> bool {
        match &self.job {
            Some(job) => {
                let m = Matcher::new(&job.filter);
                self.step(&m, Some(until))
            }
            None => false,
        }
    }

    /// Whether a narrowing is under way or waiting for keys: the rows shown are not yet the
    /// filter's.
    pub fn busy(&self) -> bool {
        self.job.is_some() || self.pending.is_some()
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
    /// While a narrowing is under way, what to select when it ends: the top row (new filter
    /// text), else this record if it is shown.
    keep: Option<(bool, Option<K>)>,
}

impl<K> Default for ViewList<K> {
    fn default() -> Self {
        ViewList {
            rows: Rows::default(),
            keys: Vec::new(),
            selected: 0,
            narrowed: None,
            keep: None,
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

    /// Builds the search text of data indexes `0..count` now if narrowing by `filter` needs it.
    pub fn fill_keys_for(&mut self, filter: &str, count: usize, text: impl FnMut(usize) -> String) {
        if self.rows.needs_keys(filter, count) {
            self.rows.fill_keys(count, text);
        }
    }

    /// Narrows the rows by `filter`. New text selects the best match (the top row); the same
    /// text keeps the selected record selected (or the row nearest it). A large narrowing ends
    /// in `work`, which then makes the selection.
    pub fn narrow(&mut self, filter: &str) {
        let (top, keep) = match self.keep.take() {
            Some(waiting) => waiting,
            None => (false, self.picked()),
        };
        let top = top || self.narrowed.as_deref().is_some_and(|n| n != filter);
        self.rows.narrow(filter);
        self.narrowed = Some(filter.to_string());
        if self.rows.busy() {
            self.keep = Some((top, keep));
        } else {
            self.settle(top, keep);
        }
    }

    fn settle(&mut self, top: bool, keep: Option<K>) {
        if top {
            self.selected = 0;
        } else if let Some(row) = keep.and_then(|k| self.row_of(&k)) {
            self.selected = row;
        }
        self.clamp();
    }

    /// Work between key presses, until `until`: builds missing search keys of data indexes
    /// `0..count` from `text` (so they are ready before anyone filters), then goes on with a
    /// narrowing under way. Returns whether the rows shown changed.
    pub fn work(
        &mut self,
        count: usize,
        text: impl FnMut(usize) -> String,
        until: std::time::Instant,
    ) -> bool {
        if !self.rows.fill_keys_until(count, text, Some(until)) {
            return false;
        }
        if self.rows.busy() && !self.rows.work(until) {
            return false;
        }
        match self.keep.take() {
            Some((top, keep)) => {
                self.settle(top, keep);
                true
            }
            None => false,
        }
    }

    /// Record `key` at data index `i` of `count` changed or was added (see `Rows::patch_row`);
    /// the selection stays on its record.
    pub fn patch_row(
        &mut self,
        i: usize,
        count: usize,
        key: K,
        at: impl FnOnce(&[usize]) -> Option<usize>,
        text: impl FnOnce() -> String,
    ) {
        let keep = self.picked();
        put(&mut self.keys, i, key);
        self.rows.patch_row(i, count, at, text);
        if let Some(k) = keep {
            self.select(&k);
        }
        self.clamp();
    }

    /// Whether the rows shown are not yet the filter's (see `Rows::busy`).
    pub fn busy(&self) -> bool {
        self.keep.is_some()
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

    /// Selects the row showing `key`; returns whether the list shows it. While a narrowing is
    /// under way, it is selected when the narrowing ends.
    pub fn select(&mut self, key: &K) -> bool {
        if let Some(waiting) = &mut self.keep {
            *waiting = (false, Some(key.clone()));
            return true;
        }
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

    /// More rows than are narrowed in a key press: the narrowing waits for its keys, goes on in
    /// steps, and ends with the same rows and selection as narrowing at once would.
    #[test]
    fn a_large_list_narrows_in_steps_to_what_narrowing_at_once_gives() {
        let n = NARROW_AT_ONCE * 3;
        let name = |i: usize| format!("person {i} {}", ["garcia", "kofi", "ines", "ana"][i % 4]);
        let mut stepped: ViewList<usize> = ViewList::default();
        stepped.rows.narrow_in_steps();
        stepped.set_order((0..n).rev().collect(), |i| i);
        stepped.narrow("");
        stepped.narrow("garc");
        assert!(stepped.busy(), "no keys yet: it waits");
        let mut steps = 0;
        let past = std::time::Instant::now();
        while stepped.busy() {
            // A deadline already past: each step does the least it can, and still ends.
            stepped.work(n, name, past);
            steps += 1;
        }
        assert!(steps > 2, "the work was done in steps ({steps})");
        let mut at_once = Rows::default();
        at_once.set((0..n).rev().map(|i| (i, name(i))));
        let m = Matcher::new("garc");
        let mut expected: Vec<(i64, usize, usize)> = (0..n)
            .rev()
            .enumerate()
            .filter_map(|(p, i)| m.score(&fold(&name(i))).map(|s| (s, p, i)))
            .collect();
        expected.sort_by_key(|&(s, p, _)| (std::cmp::Reverse(s), p));
        let expected: Vec<usize> = expected.into_iter().map(|(_, _, i)| i).collect();
        assert_eq!(stepped.rows.visible, expected);
        assert_eq!(stepped.selected, 0);
        // A longer filter narrows the previous matches, again in steps if they are many.
        stepped.narrow("garcia");
        while stepped.busy() {
            stepped.work(
                n,
                name,
                std::time::Instant::now() + std::time::Duration::from_secs(1),
            );
        }
        assert_eq!(stepped.len(), n / 4);
        assert!(stepped.rows.visible.iter().all(|i| i % 4 == 0));
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
