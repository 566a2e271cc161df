//! One write transaction in domain terms (`Txn`), what it changed (`Journal`, for undo), and how
//! a save's own changes go straight into the dashboard's data.

use super::records::{Unreadable, read_stored, stored_bytes};
use super::{DecodeProblem, META, Record, Result, StoreError, open::GENERATION, read::read_range, table};
use crate::dataset::Dataset;
use crate::domain::*;
use crate::keys::Spot;
use redb::{ReadableTable, ReadableTableMetadata};

/// Brings `data` up to date after this process's own save from the saved bytes in `journal`,
/// without reading the database again. Only when nothing else was saved since `data` was loaded
/// (the counters in `generation` and `seen` still match what the save found); otherwise it
/// returns false and the caller reloads what changed.
pub fn apply_saved(
    journal: &Journal,
    data: &mut Dataset,
    seen: &mut std::collections::HashMap<&'static str, u64>,
    generation: &mut u64,
) -> bool {
    if journal.generation.0 != *generation
        || journal
            .kinds
            .iter()
            .any(|(name, before, _)| seen.get(name) != Some(before))
    {
        return false;
    }
    // People and places saved in place or added at the end keep every other one where it was:
    // the lookups by id take in the added ones instead of being made again.
    let mut moved = false;
    let mut added = Vec::new();
    let mut people = false;
    for c in &journal.changes {
        macro_rules! patch {
            ($($field:ident: $ty:ty),+ $(,)?) => {
                match c.table {
                    $(name if name == <$ty as Record>::TABLE => patch_kind(&mut data.$field, c.key, c.after.as_deref())
                        .map(|spot| (spot, data.$field.len())),)+
                    _ => None,
                }
            };
        }
        let Some((spot, len)) = crate::with_record_kinds!(patch) else {
            return false;
        };
        data.saved_at(c.table, spot);
        people |= c.table == Employee::TABLE || c.table == Location::TABLE || c.table == Chapter::TABLE;
        if c.table == Employee::TABLE || c.table == Location::TABLE {
            // Over itself, after every other one, or elsewhere (the ones after it moved).
            match spot {
                Spot::Replaced(_) | Spot::Untouched => {}
                Spot::Inserted(i) if i + 1 == len => added.push((c.table, c.key)),
                Spot::Inserted(_) | Spot::Removed(_) => moved = true,
            }
        }
    }
    for (name, _, after) in &journal.kinds {
        seen.insert(name, *after);
    }
    *generation = journal.generation.1;
    if moved {
        data.changed(true);
    } else {
        let of = |table| -> Vec<Id> {
            added
                .iter()
                .filter(|(t, _)| *t == table)
                .map(|&(_, id)| id)
                .collect()
        };
        data.appended(&of(Employee::TABLE), &of(Location::TABLE));
        if people {
            data.people_changed();
        }
    }
    true
}

/// Puts one saved record (or its removal) into a kind's vector, which stays in id order; None
/// if the bytes do not decode.
fn patch_kind<T: Record>(records: &mut Vec<T>, key: Id, after: Option<&[u8]>) -> Option<Spot> {
    let at = records.binary_search_by_key(&key, |r| r.id());
    Some(
        match (
            after.map(|bytes| super::records::read_stored::<T>(key, bytes)),
            at,
        ) {
            (None, Ok(i)) => {
                records.remove(i);
                Spot::Removed(i)
            }
            (None, Err(_)) => Spot::Untouched,
            (Some(Ok((r, _))), found) => match found {
                Ok(i) => {
                    records[i] = r;
                    Spot::Replaced(i)
                }
                Err(i) => {
                    records.insert(i, r);
                    Spot::Inserted(i)
                }
            },
            (Some(Err(_)), _) => return None,
        },
    )
}

/// What one transaction changed: each record's bytes before and after.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Journal {
    pub(super) changes: Vec<Change>,
    /// The change counter before and after this transaction, overall and per kind written.
    pub(super) generation: (u64, u64),
    pub(super) kinds: Vec<(&'static str, u64, u64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Change {
    pub(super) table: &'static str,
    pub(super) key: Id,
    pub(super) before: Option<Vec<u8>>,
    pub(super) after: Option<Vec<u8>>,
}

impl Journal {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Each record the transaction wrote or removed, as (table, key).
    pub fn records(&self) -> impl Iterator<Item = (&'static str, Id)> + '_ {
        self.changes.iter().map(|c| (c.table, c.key))
    }

    /// How many records the transaction touched.
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    /// The journal of undoing this one: undone with [`crate::store::Store::undo`], it redoes
    /// the change (refused, like an undo, if a record was changed again since).
    pub fn inverse(&self) -> Journal {
        Journal {
            changes: self
                .changes
                .iter()
                .rev()
                .map(|c| Change {
                    table: c.table,
                    key: c.key,
                    before: c.after.clone(),
                    after: c.before.clone(),
                })
                .collect(),
            generation: (0, 0),
            kinds: Vec::new(),
        }
    }
}

/// The records of one kind as a caller holds them (every stored one: none failed to decode),
/// and the store's change counter they are as of: see [`Txn::all_or_known`].
#[derive(Debug, Clone, Copy)]
pub struct Known<'a, T> {
    pub records: &'a [T],
    pub generation: u64,
}

/// One write transaction, in domain terms.
pub struct Txn {
    pub(super) tx: redb::WriteTransaction,
    /// Keep a journal for undo (bulk writes such as imports skip it).
    pub(super) track: bool,
    pub(super) journal: Journal,
    /// Position in the journal of each record already changed, so large transactions stay linear.
    pub(super) seen: std::collections::HashMap<(&'static str, Id), usize>,
    /// The tables this transaction wrote to.
    pub(super) touched: std::collections::BTreeSet<&'static str>,
    /// What its writes change in the search index (written with them, before the commit).
    pub(super) search: super::search_index::Pending,
    /// Each record's bytes before and after, for the history written at commit.
    pub(super) history: super::audit::Pending,
}

impl Txn {
    pub(super) fn new(tx: redb::WriteTransaction, track: bool) -> Txn {
        Txn {
            tx,
            track,
            journal: Journal::default(),
            seen: std::collections::HashMap::new(),
            touched: std::collections::BTreeSet::new(),
            search: Default::default(),
            history: Default::default(),
        }
    }

    /// The change counter as this transaction sees it: if it still is what a plan was made
    /// from, no other process saved anything since.
    pub fn generation(&self) -> Result<u64> {
        let meta = self.tx.open_table(META)?;
        let g = meta.get(GENERATION)?.map(|g| g.value()).unwrap_or(0);
        Ok(g)
    }

    /// Every record as this transaction sees it (so including what other processes committed
    /// before it began), with the ones that failed to decode reported apart. What an import
    /// decides its duplicates from when the database changed since it planned.
    pub fn load(&self) -> Result<(Dataset, Vec<DecodeProblem>)> {
        let mut data = Dataset::default();
        let mut problems = Vec::new();
        macro_rules! read_each {
            ($($field:ident: $ty:ty),+ $(,)?) => {$(
                let t = self.tx.open_table(table(<$ty as Record>::TABLE))?;
                let read = read_range::<$ty>(&t, .., t.len()?)?;
                data.$field = read.records;
                problems.extend(read.problems);
            )+};
        }
        crate::with_record_kinds!(read_each);
        data.reindex();
        Ok((data, problems))
    }

    /// Ids are never reused, even after a delete, so old references cannot point at a new record.
    fn next_id(&mut self, table_name: &'static str) -> Result<Id> {
        let last = {
            let t = self.tx.open_table(table(table_name))?;
            t.last()?.map(|(k, _)| k.value()).unwrap_or(0)
        };
        let key = format!("next_id:{table_name}");
        let mut meta = self.tx.open_table(META)?;
        let counter = meta.get(key.as_str())?.map(|v| v.value()).unwrap_or(0);
        let id = counter.max(last + 1);
        meta.insert(key.as_str(), id + 1)?;
        Ok(id)
    }

    /// Notes a change for undo, keeping the first "before" of each record.
    fn record_change(&mut self, table_name: &'static str, key: Id, after: Option<Vec<u8>>) -> Result<()> {
        if let Some(&i) = self.seen.get(&(table_name, key)) {
            self.journal.changes[i].after = after;
            return Ok(());
        }
        let before = {
            let t = self.tx.open_table(table(table_name))?;
            t.get(key)?.map(|v| v.value().to_vec())
        };
        self.note(table_name, key, before, after);
        Ok(())
    }

    pub(super) fn note(
        &mut self,
        table: &'static str,
        key: Id,
        before: Option<Vec<u8>>,
        after: Option<Vec<u8>>,
    ) {
        self.seen.insert((table, key), self.journal.changes.len());
        self.journal.changes.push(Change {
            table,
            key,
            before,
            after,
        });
    }

    /// Writes (or, with `None`, removes) one record's bytes, noting the change for undo when
    /// tracking. A `fresh` id is in no table and no earlier change of this transaction, so its
    /// journal entry needs no lookup: bulk inserts (imports) stay linear. Returns whether a
    /// record was there before.
    fn store_bytes(
        &mut self,
        table_name: &'static str,
        key: Id,
        after: Option<Vec<u8>>,
        fresh: bool,
    ) -> Result<bool> {
        self.touched.insert(table_name);
        if self.track {
            if fresh {
                self.note(table_name, key, None, after.clone());
            } else {
                self.record_change(table_name, key, after.clone())?;
            }
        }
        let mut t = self.tx.open_table(table(table_name))?;
        let before = match &after {
            Some(bytes) => t.insert(key, bytes.as_slice())?,
            None => t.remove(key)?,
        };
        let existed = before.is_some();
        let before = before.map(|b| b.value().to_vec());
        // The history and the search index change in this same transaction.
        self.history
            .note(table_name, key, before.as_deref(), after.as_deref());
        self.search
            .note(table_name, key, before.as_deref(), after.as_deref());
        Ok(existed)
    }

    /// Stores a new record, giving it the next id of its kind; returns the id.
    pub fn insert<T: Record>(&mut self, record: &mut T) -> Result<Id> {
        let id = self.next_id(T::TABLE)?;
        record.set_id(id);
        self.store_bytes(T::TABLE, id, Some(stored_bytes(record)?), true)?;
        Ok(id)
    }

    /// Stores `record` under its id, replacing what was there.
    pub fn put<T: Record>(&mut self, record: &T) -> Result<()> {
        self.store_bytes(T::TABLE, record.id(), Some(stored_bytes(record)?), false)?;
        Ok(())
    }

    /// Replaces `original` by `updated`, refusing if the stored record is no longer `original`
    /// (someone else saved it meanwhile): the second save is told, nothing is overwritten.
    pub fn update<T: Record + PartialEq>(&mut self, original: &T, updated: &T) -> Result<()> {
        let current = self.get::<T>(original.id())?;
        if current.as_ref() != Some(original) {
            return Err(StoreError::Conflict(format!(
                "{} record {}",
                T::TABLE,
                original.id()
            )));
        }
        self.put(updated)
    }

    pub fn get<T: Record>(&self, id: Id) -> Result<Option<T>> {
        let t = self.tx.open_table(table(T::TABLE))?;
        let found = t.get(id)?;
        match found {
            None => Ok(None),
            Some(v) => match read_stored::<T>(id, v.value()) {
                Ok((record, _)) => Ok(Some(record)),
                Err(Unreadable::Broken) => Err(StoreError::Corrupted),
                Err(Unreadable::Codec(e)) => Err(StoreError::Damaged {
                    table: T::TABLE,
                    key: id,
                    reason: e.to_string(),
                }),
            },
        }
    }

    pub fn delete<T: Record>(&mut self, id: Id) -> Result<bool> {
        self.store_bytes(T::TABLE, id, None, false)
    }

    /// Every record of one kind as this transaction sees it, in id order. A record that does
    /// not decode stops the transaction: a rule is not checked against a partial view.
    pub fn all<T: Record>(&self) -> Result<Vec<T>> {
        let t = self.tx.open_table(table(T::TABLE))?;
        let read = read_range::<T>(&t, .., t.len()?)?;
        match read.problems.into_iter().next() {
            Some(p) => Err(StoreError::Damaged {
                table: p.table,
                key: p.key,
                reason: p.reason,
            }),
            None => Ok(read.records),
        }
    }

    /// Every record of one kind as this transaction sees it, taken from `known` (what the caller
    /// holds) when nothing at all was saved since the caller read it: the store's change counter
    /// is still `known.generation` and this transaction has not written the kind. Then a rule
    /// is checked against the stored records without reading them all again; otherwise
    /// (someone saved meanwhile) they are read, as [`Txn::all`] does.
    pub fn all_or_known<'k, T: Record + Clone>(
        &self,
        known: Option<Known<'k, T>>,
    ) -> Result<std::borrow::Cow<'k, [T]>> {
        if let Some(k) = known
            && !self.touched.contains(T::TABLE)
            && self.generation()? == k.generation
        {
            return Ok(std::borrow::Cow::Borrowed(k.records));
        }
        Ok(std::borrow::Cow::Owned(self.all::<T>()?))
    }

    /// The id the next `insert` of this kind will give, without taking it.
    pub fn peek_id<T: Record>(&self) -> Result<Id> {
        let last = {
            let t = self.tx.open_table(table(T::TABLE))?;
            t.last()?.map(|(k, _)| k.value()).unwrap_or(0)
        };
        let meta = self.tx.open_table(META)?;
        let key = format!("next_id:{}", T::TABLE);
        let counter = meta.get(key.as_str())?.map(|v| v.value()).unwrap_or(0);
        Ok(counter.max(last + 1))
    }

    /// Stores a new record under the id it carries (a restore keeps ids; an import numbers its
    /// records from `peek_id`), and moves the kind's counter past it, so that id is never handed
    /// out again even after a delete.
    pub fn insert_keeping_id<T: Record>(&mut self, record: &T) -> Result<()> {
        let key = format!("next_id:{}", T::TABLE);
        {
            let mut meta = self.tx.open_table(META)?;
            let counter = meta.get(key.as_str())?.map(|v| v.value()).unwrap_or(0);
            meta.insert(key.as_str(), counter.max(record.id() + 1))?;
        }
        self.store_bytes(T::TABLE, record.id(), Some(stored_bytes(record)?), false)?;
        Ok(())
    }
}
