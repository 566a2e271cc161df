//! The app's data: loading it (only the kinds that changed), noticing another process's saves,
//! the one durable write every save goes through, and undo.

use super::App;
pub use super::undo::Change;
use crate::save::{Held, SaveError, Writer};
use pathways_core::store;

impl App {
    /// Loads the whole dataset again and refreshes every tab's view of it.
    /// Only the kinds of record that changed since the last load are read again.
    pub fn reload(&mut self) -> store::Result<()> {
        // What the start left loading comes in first (what changed since is read below).
        self.finish_loading();
        self.generation = self.store.generation()?;
        let changed = self
            .store
            .load_changed(&mut self.data, &mut self.loaded, &mut self.load_problems)?;
        if !changed {
            // Changed by a build that keeps no per-kind counters: read everything.
            self.loaded.clear();
            self.store
                .load_changed(&mut self.data, &mut self.loaded, &mut self.load_problems)?;
        }
        self.data_changed();
        Ok(())
    }

    /// After `data` changed: the decode problems to report, a search index to rebuild when next
    /// needed, and the views.
    pub(super) fn data_changed(&mut self) {
        self.forget_derived();
        self.refresh_views();
    }

    /// What is made from the whole data besides the tabs: the problems line and the search.
    pub(super) fn forget_derived(&mut self) {
        self.problems = self
            .load_problems
            .values()
            .flatten()
            .map(ToString::to_string)
            .collect();
        self.index = None;
        self.index_build = None;
    }

    /// After this process's own save, whose records are already in the data: the tab on screen
    /// takes in `changes` if it can (no rebuild), and so does every other tab already built;
    /// a tab that cannot is rebuilt when next shown.
    fn data_saved(&mut self, changes: &[(&'static str, pathways_core::domain::Id)]) {
        let tab = self.tab;
        let taken = {
            let (view, cx) = self.split(tab);
            view.patched(&cx, changes)
        };
        if !taken {
            return self.data_changed();
        }
        // The search index (or the one being built) takes in saved intakes.
        let kept = self.index_saved(changes);
        let search = (self.index.take(), self.index_build.take());
        self.forget_derived();
        if kept {
            (self.index, self.index_build) = search;
        }
        // Every other tab that is up to date and shows what the save wrote takes it in too (a
        // few rows' work each), or is rebuilt when next shown.
        for t in crate::tab::Tab::ALL {
            if t == tab {
                self.stale[t.index()] = false;
                continue;
            }
            if self.stale[t.index()] || !changes.iter().any(|&(table, _)| self.view(t).reads(table)) {
                continue;
            }
            let (view, cx) = self.split(t);
            self.stale[t.index()] = !view.patched(&cx, changes);
        }
    }

    /// Called by the event loop after each frame: once the data is on screen, the whole file is
    /// verified on a thread of its own (`Store::verify_in_background`), off the way to the first
    /// frame; the first save waits for it only if it comes sooner.
    pub fn on_screen(&mut self) {
        if !self.verifying && !self.is_loading() {
            self.verifying = true;
            self.store.verify_in_background();
        }
    }

    /// Whether the verification `on_screen` started found the file damaged; the footer then
    /// says so (every save is refused, and the file left as it is).
    pub(super) fn verification_failed(&mut self) -> bool {
        if let Some(Err(_)) = self.store.verification_done() {
            self.status = Some(format!(
                "{} is damaged (its pages do not match their checksums): nothing will be saved to \
                 it; restore it from a backup",
                self.store.path().display()
            ));
            return true;
        }
        false
    }

    /// Picks up changes another process saved. Returns whether anything changed.
    pub fn poll_changes(&mut self) -> bool {
        match self.store.generation() {
            Ok(g) if g != self.generation => {
                if let Err(e) = self.reload() {
                    self.status = Some(format!("could not reload: {e}"));
                }
                true
            }
            _ => false,
        }
    }

    /// After this process wrote `journal` (a save, an undo): the records it wrote go straight
    /// into the data and the tab on screen; only if another process saved meanwhile is the
    /// database read again.
    pub(super) fn take_in(&mut self, journal: &store::Journal) -> store::Result<()> {
        let patched = store::apply_saved(journal, &mut self.data, &mut self.loaded, &mut self.generation);
        if !patched {
            return self.reload();
        }
        // A damaged record that was just saved over is damaged no more.
        for (table, key) in journal.records() {
            if let Some(p) = self.load_problems.get_mut(table) {
                p.retain(|p| p.key != key);
            }
        }
        let changes: Vec<(&'static str, pathways_core::domain::Id)> = journal.records().collect();
        self.data_saved(&changes);
        Ok(())
    }

    /// Runs one durable write, puts the saved records into the data, and reports the outcome in
    /// the footer. The change can be undone with `u`; `done` says what it was ("intake saved").
    /// An edit of a record someone else saved meanwhile is refused (`SaveError::Refused`).
    pub fn save<R>(
        &mut self,
        done: &str,
        f: impl FnOnce(&mut Writer) -> store::Result<R>,
    ) -> Result<R, SaveError> {
        let mut refusal = None;
        let held = Held {
            data: &self.data,
            generation: self.generation,
            damaged: &self.load_problems,
        };
        let written = self.store.write_tracked(|txn| {
            let (result, refused) = Writer::holding(txn, Some(held), f);
            refusal = refused;
            result
        });
        match written {
            Ok((r, journal)) => {
                let refreshed = self.take_in(&journal);
                if !journal.is_empty() {
                    let tab = self.tab;
                    self.redo_stack.retain(|c| c.tab != tab);
                    self.undo_stack.push(Change {
                        what: done.to_string(),
                        tab,
                        journal,
                    });
                }
                self.status = Some(match refreshed {
                    Ok(()) => done.to_string(),
                    Err(e) => format!("saved, but could not reload: {e}"),
                });
                Ok(r)
            }
            Err(e) => {
                let error = match refusal {
                    Some(r) => SaveError::Refused(r),
                    None => SaveError::Store(e),
                };
                self.status = Some(format!("not saved: {}", error.summary()));
                Err(error)
            }
        }
    }
}
