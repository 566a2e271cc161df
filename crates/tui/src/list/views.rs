//! A tab's views (pairs, mentors, logs…) over one `/` filter, each a `ViewList` with its own
//! selection. A reload or someone else's save can reorder every list: the tab remembers what
//! each view had selected, rebuilds the rows, and restores, so each selection stays on its
//! record. A record that disappeared (deleted) leaves the cursor on a neighbour; if it comes
//! back (undo) while the cursor has not moved, it is selected again.

use super::{Nav, ViewList};

/// The views of a tab, in the order ←/→ steps through them.
pub trait ViewKind: Copy + PartialEq + Default + std::fmt::Debug + 'static {
    const ALL: &'static [Self];

    fn index(self) -> usize {
        Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    /// The view `by` steps away, wrapping around.
    fn step(self, by: isize) -> Self {
        let n = Self::ALL.len() as isize;
        Self::ALL[(self.index() as isize + by).rem_euclid(n) as usize]
    }
}

/// A tab with a single list.
impl ViewKind for () {
    const ALL: &'static [()] = &[()];
}

#[derive(Debug, Clone)]
pub struct Views<V, K> {
    pub view: V,
    /// The `/` filter, shared by every view.
    pub filter: String,
    lists: Vec<ViewList<K>>,
    /// A selected record that disappeared, its view, and the row the cursor fell back to.
    vanished: Option<(V, K, usize)>,
}

impl<V: ViewKind, K> Default for Views<V, K> {
    fn default() -> Self {
        Views {
            view: V::default(),
            filter: String::new(),
            lists: V::ALL.iter().map(|_| ViewList::default()).collect(),
            vanished: None,
        }
    }
}

/// What each view had selected before a rebuild.
#[derive(Debug, Clone)]
pub struct Memory<V, K> {
    view: V,
    row: usize,
    picked: Vec<Option<K>>,
}

impl<V: ViewKind, K: Clone + PartialEq> Views<V, K> {
    pub fn list(&self, v: V) -> &ViewList<K> {
        &self.lists[v.index()]
    }

    pub fn list_mut(&mut self, v: V) -> &mut ViewList<K> {
        &mut self.lists[v.index()]
    }

    /// The list on screen.
    pub fn current(&self) -> &ViewList<K> {
        self.list(self.view)
    }

    pub fn current_mut(&mut self) -> &mut ViewList<K> {
        let v = self.view;
        self.list_mut(v)
    }

    /// The selected row of the list on screen.
    pub fn selected(&self) -> usize {
        self.current().selected
    }

    /// Puts the cursor on `row` of the list on screen.
    pub fn select_row(&mut self, row: usize) {
        let list = self.current_mut();
        list.selected = row;
        list.clamp();
    }

    /// The selected row's data index in the list on screen.
    pub fn selected_index(&self) -> Option<usize> {
        self.current().selected_index()
    }

    pub fn picked(&self) -> Option<K> {
        self.current().picked()
    }

    /// What every view has selected now; pass it to `restore` after rebuilding the rows.
    pub fn remember(&self) -> Memory<V, K> {
        Memory {
            view: self.view,
            row: self.selected(),
            picked: self.lists.iter().map(ViewList::picked).collect(),
        }
    }

    /// After the rows were rebuilt (`list_mut(v).set(…)`): narrows every view by the filter and
    /// puts each selection back on its record.
    pub fn restore(&mut self, memory: Memory<V, K>) {
        self.narrow_all();
        let waiting = self
            .vanished
            .take()
            .filter(|(v, _, row)| *v == memory.view && *row == memory.row);
        let current = self.view.index();
        let mut found = true;
        for (i, (list, picked)) in self.lists.iter_mut().zip(&memory.picked).enumerate() {
            if let Some(k) = picked {
                let shown = list.select(k);
                if i == current {
                    found = shown;
                }
            }
            list.clamp();
        }
        if self.view != memory.view {
            return;
        }
        let gone = match waiting {
            Some((_, k, _)) => Some(k),
            None => memory.picked[current].clone().filter(|_| !found),
        };
        if let Some(k) = gone
            && !self.current_mut().select(&k)
        {
            self.vanished = Some((self.view, k, self.selected()));
        }
    }

    /// Narrows every view by the filter.
    pub fn narrow_all(&mut self) {
        for list in &mut self.lists {
            list.narrow(&self.filter);
        }
    }

    /// Replaces the filter text and narrows every view by it.
    pub fn set_filter(&mut self, text: &str) {
        text.clone_into(&mut self.filter);
        self.narrow_all();
    }

    /// Shows view `v`; each view keeps its own selection.
    pub fn show(&mut self, v: V) {
        self.view = v;
        self.current_mut().clamp();
    }

    pub fn nav(&mut self, nav: Nav) {
        self.current_mut().nav(nav);
    }

    /// Selects `key` in every view that shows it (a record just added lands selected wherever
    /// it is listed).
    pub fn select_everywhere(&mut self, key: &K) {
        for list in &mut self.lists {
            list.select(key);
        }
    }

    /// Forgets every view's rows and selection (another cohort, another year is shown).
    pub fn forget(&mut self) {
        for list in &mut self.lists {
            *list = ViewList::default();
        }
        self.vanished = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Default)]
    enum V {
        #[default]
        Names,
        Numbers,
    }

    impl ViewKind for V {
        const ALL: &'static [V] = &[V::Names, V::Numbers];
    }

    fn fill(views: &mut Views<V, u32>, ids: &[u32]) {
        let m = views.remember();
        views.list_mut(V::Names).set(
            ids.iter()
                .enumerate()
                .map(|(i, &id)| (i, id, format!("name {id}"))),
        );
        views
            .list_mut(V::Numbers)
            .set(ids.iter().enumerate().map(|(i, &id)| (i, id, id.to_string())));
        views.restore(m);
    }

    #[test]
    fn each_view_keeps_its_record_when_the_rows_reorder() {
        let mut views: Views<V, u32> = Views::default();
        fill(&mut views, &[1, 2, 3, 4]);
        views.nav(Nav::Down);
        views.show(V::Numbers);
        views.nav(Nav::Bottom);
        fill(&mut views, &[4, 3, 2, 1]);
        assert_eq!(views.picked(), Some(4));
        assert_eq!(views.selected(), 0);
        views.show(V::Names);
        assert_eq!(views.picked(), Some(2));
    }

    #[test]
    fn a_record_that_comes_back_is_selected_again_if_the_cursor_stayed() {
        let mut views: Views<V, u32> = Views::default();
        fill(&mut views, &[1, 2, 3]);
        views.nav(Nav::Bottom);
        fill(&mut views, &[1, 2]);
        assert_eq!(views.picked(), Some(2), "a neighbour");
        fill(&mut views, &[1, 2, 3]);
        assert_eq!(views.picked(), Some(3), "back on the record");
    }
}
