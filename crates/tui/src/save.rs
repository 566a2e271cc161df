//! Saving. A tab describes a change as a `Save`: what to say when it is done, and a closure that
//! writes through a `Writer`. The app runs it in one durable transaction (undoable with `u`).
//! The `Writer` checks every edit against the record as it was opened: if someone else saved
//! that record meanwhile, nothing is written and the save fails with a typed `Refusal` that
//! names each field that differs, theirs and yours.

mod diff;

pub use diff::{Difference, differences, fields};

use pathways_core::dataset::Dataset;
use pathways_core::domain::Employee;
use pathways_core::domain::Id;
use pathways_core::store::{DecodeProblem, Known, MergeReport, NamedEntry, Record, StoreError, Txn};

type Result<T> = pathways_core::store::Result<T>;
/// A change: writes through a `Writer`; returns the id of the record it added, if any.
pub type Change = Box<dyn FnOnce(&mut Writer) -> Result<Option<Id>>>;

/// A change for the app to write, and (`then`) what the tab is told once it is written.
pub struct Save<S> {
    /// The footer's words once saved, and the undo list's name for the change.
    pub done: String,
    change: Change,
    pub then: Option<S>,
}

impl<S> Save<S> {
    /// A change that adds nothing the tab needs to find afterwards.
    pub fn new(done: impl Into<String>, change: impl FnOnce(&mut Writer) -> Result<()> + 'static) -> Self {
        Save {
            done: done.into(),
            change: Box::new(move |w| change(w).map(|()| None)),
            then: None,
        }
    }

    /// A change that adds a record: its id comes back to the tab with `then`.
    pub fn adding(done: impl Into<String>, change: impl FnOnce(&mut Writer) -> Result<Id> + 'static) -> Self {
        Save {
            done: done.into(),
            change: Box::new(move |w| change(w).map(Some)),
            then: None,
        }
    }

    /// What the tab is told after the change is written.
    pub fn then(mut self, then: S) -> Self {
        self.then = Some(then);
        self
    }

    pub fn map<T>(self, f: impl FnOnce(S) -> T) -> Save<T> {
        Save {
            done: self.done,
            change: self.change,
            then: self.then.map(f),
        }
    }

    /// What to say once saved, the change, and what the tab is told then.
    pub fn into_parts(self) -> (String, Change, Option<S>) {
        (self.done, self.change, self.then)
    }
}

/// The store's transaction as a tab writes through it.
pub struct Writer<'t> {
    txn: &'t mut Txn,
    refusal: Option<Refusal>,
    held: Option<Held<'t>>,
}

/// What the dashboard holds as it writes: its data, the store's change counter that data is
/// as of, and the kinds with records that did not decode (not all held, then).
#[derive(Clone, Copy)]
pub struct Held<'t> {
    pub data: &'t Dataset,
    pub generation: u64,
    pub damaged: &'t std::collections::BTreeMap<&'static str, Vec<DecodeProblem>>,
}

impl<'t> Writer<'t> {
    /// For the app's own writes (and tests): `f` over a `Writer` in `txn`.
    pub fn within<R>(
        txn: &'t mut Txn,
        f: impl FnOnce(&mut Writer) -> Result<R>,
    ) -> (Result<R>, Option<Refusal>) {
        Self::holding(txn, None, f)
    }

    /// `within`, knowing what the dashboard holds (see [`Writer::known`]).
    pub fn holding<R>(
        txn: &'t mut Txn,
        held: Option<Held<'t>>,
        f: impl FnOnce(&mut Writer) -> Result<R>,
    ) -> (Result<R>, Option<Refusal>) {
        let mut w = Writer {
            txn,
            refusal: None,
            held,
        };
        let r = f(&mut w);
        (r, w.refusal)
    }

    /// The records of kind `T` the dashboard holds (`records` picks them from its data), for a
    /// rule the store checks against every stored record of the kind: used when nothing was
    /// saved since they were read (`Txn::all_or_known`), so a save reads no other record.
    pub fn known<T: Record>(&self, records: fn(&Dataset) -> &[T]) -> Option<Known<'t, T>> {
        let held = self.held?;
        let whole = held.damaged.get(T::TABLE).is_none_or(Vec::is_empty);
        whole.then(|| Known {
            records: records(held.data),
            generation: held.generation,
        })
    }

    /// Stores a new record under the next id of its kind; returns the id.
    pub fn insert<T: Record>(&mut self, record: &mut T) -> Result<Id> {
        self.txn.insert(record)
    }

    /// Stores `record` under its id, replacing what was there (imports, bulk writes).
    pub fn put<T: Record>(&mut self, record: &T) -> Result<()> {
        self.txn.put(record)
    }

    pub fn get<T: Record>(&mut self, id: Id) -> Result<Option<T>> {
        self.txn.get(id)
    }

    /// Deletes by id, unchecked (records that go with one checked by `remove`).
    pub fn delete<T: Record>(&mut self, id: Id) -> Result<bool> {
        self.txn.delete::<T>(id)
    }

    /// Replaces `original` (the record as it was opened) by `updated`, refusing if the stored
    /// record is no longer `original`.
    pub fn update<T: Record + PartialEq>(&mut self, original: &T, updated: &T) -> Result<()> {
        self.unchanged(original, updated)?;
        self.txn.put(updated)
    }

    /// Deletes `shown` (the record as a question showed it), refusing if it changed meanwhile.
    pub fn remove<T: Record + PartialEq>(&mut self, shown: &T) -> Result<()> {
        self.unchanged(shown, shown)?;
        self.txn.delete::<T>(shown.id()).map(|_| ())
    }

    /// Deletes `shown` (the person as a question showed them); refused if they changed
    /// meanwhile, or while any record points at them (the store names the records).
    pub fn delete_person(&mut self, shown: &Employee) -> Result<()> {
        self.unchanged(shown, shown)?;
        self.txn.delete_person(shown)
    }

    /// Merges `other` into `kept` (both as the merge screen read them) as `merged`, moving every
    /// record that points at `other` (see `Txn::merge_people`); refused if either changed.
    pub fn merge_people(
        &mut self,
        kept: &Employee,
        other: &Employee,
        merged: &Employee,
    ) -> Result<MergeReport> {
        self.unchanged(kept, kept)?;
        self.unchanged(other, other)?;
        self.txn.merge_people(kept, other, merged)
    }

    /// The chapter and owner lists, by the store's rules (each rewrites the records carrying
    /// the name in this transaction).
    pub fn add_to_list<L: NamedEntry>(&mut self, name: &str) -> Result<Id> {
        self.txn.add_to_list::<L>(name)
    }

    pub fn rename_in_list<L: NamedEntry>(&mut self, old: &str, new: &str) -> Result<usize> {
        self.txn.rename_in_list::<L>(old, new)
    }

    pub fn merge_in_list<L: NamedEntry>(&mut self, from: &str, into: &str) -> Result<usize> {
        self.txn.merge_in_list::<L>(from, into)
    }

    pub fn remove_from_list<L: NamedEntry>(&mut self, name: &str) -> Result<()> {
        self.txn.remove_from_list::<L>(name)
    }

    /// The transaction, for the core's change functions that check every rule against what is
    /// stored (`pathways_core::learning`). An edit through one checks the record as it was
    /// opened first, with [`Writer::unchanged_since`].
    pub fn txn(&mut self) -> &mut Txn {
        self.txn
    }

    /// Refuses, naming each field that differs, if the stored record is no longer `original`.
    pub fn unchanged_since<T: Record + PartialEq>(&mut self, original: &T, yours: &T) -> Result<()> {
        self.unchanged(original, yours)
    }

    fn unchanged<T: Record + PartialEq>(&mut self, original: &T, yours: &T) -> Result<()> {
        let current = self.txn.get::<T>(original.id())?;
        if current.as_ref() == Some(original) {
            return Ok(());
        }
        self.refusal = Some(Refusal {
            table: T::TABLE,
            id: original.id(),
            theirs: match current {
                None => Theirs::Deleted,
                Some(theirs) => Theirs::Changed(differences(&theirs, yours)),
            },
        });
        Err(StoreError::Conflict(format!(
            "{} record {}",
            T::TABLE,
            original.id()
        )))
    }
}

/// Someone else saved a record after it was opened here; nothing was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub table: &'static str,
    pub id: Id,
    pub theirs: Theirs,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Theirs {
    Deleted,
    /// The fields where their version differs from yours.
    Changed(Vec<Difference>),
}

/// Why a save wrote nothing.
#[derive(Debug)]
pub enum SaveError {
    Refused(Refusal),
    Store(StoreError),
}

impl SaveError {
    /// A short line for the footer.
    pub fn summary(&self) -> String {
        match self {
            SaveError::Refused(r) => match r.theirs {
                Theirs::Deleted => "someone else deleted this record".into(),
                Theirs::Changed(_) => "the record was changed by someone else".into(),
            },
            SaveError::Store(e) => e.to_string(),
        }
    }

    /// The whole reason for a form, without the values when the privacy screen is on (a record
    /// may hold notes, race counts or names).
    pub fn explain(&self, private: bool) -> String {
        match self {
            SaveError::Refused(Refusal {
                theirs: Theirs::Changed(diffs),
                ..
            }) => {
                // Both versions quote the record's values (an email, a note): under the
                // privacy screen only the fact is shown.
                let details = if private {
                    "(what changed is hidden by the privacy screen; p shows it)".to_string()
                } else {
                    let each: Vec<String> = diffs.iter().map(Difference::to_string).collect();
                    format!("{}.", each.join("; "))
                };
                format!(
                    "someone else changed this record since you opened it. {details} Esc keeps \
                     theirs; reopen the form to edit the current version"
                )
            }
            other => other.summary(),
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain(false))
    }
}

impl std::error::Error for SaveError {}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Store(e)
    }
}
