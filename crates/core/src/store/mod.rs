//! The one module that owns redb. Everything above it sees plain domain structs, `Dataset`,
//! `Txn` methods and `StoreError`; no redb or codec type leaves this module.

pub mod codec;
mod file;
pub mod records;

pub use codec::CodecError;
pub use file::{check_private, create_private_file};
pub use records::{Record, TABLES};

use crate::dataset::Dataset;
use crate::domain::*;
use redb::{
    ConcurrencyMode, Database, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition,
    TableError,
};
use std::path::{Path, PathBuf};

const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
/// Bumped by every write, so other processes notice a change with one tiny read.
const GENERATION: &str = "generation";
/// redb's page cache; small, because the whole dataset is also held in memory.
const CACHE_BYTES: usize = 32 * 1024 * 1024;

fn table(name: &'static str) -> TableDefinition<'static, u64, &'static [u8]> {
    TableDefinition::new(name)
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("table {table}, record {key}: {reason}")]
    Damaged {
        table: &'static str,
        key: Id,
        reason: String,
    },
    #[error("{0} was changed by someone else since you opened it; reload and try again")]
    Conflict(String),
    #[error("{0}")]
    Invalid(#[from] crate::domain::FieldError),
    #[error("database error: {0}")]
    Storage(String),
}

/// Says what to do about the storage errors people meet: a full disk, a file that may not grow.
fn explain_storage(message: String) -> String {
    if message.contains("No space left") || message.contains("File too large") || message.contains("quota") {
        format!("the disk is full or the file may not grow ({message}); free some space and try again")
    } else {
        message
    }
}

macro_rules! storage_from {
    ($($t:ty),+) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self { StoreError::Storage(explain_storage(e.to_string())) }
        }
    )+};
}
storage_from!(
    redb::Error,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError,
    redb::DatabaseError,
    CodecError
);

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A record that did not decode: reported, skipped, the rest stays usable.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeProblem {
    pub table: &'static str,
    pub key: Id,
    pub reason: String,
}

impl std::fmt::Display for DecodeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "table {}, record {}: {}", self.table, self.key, self.reason)
    }
}

pub struct Store {
    db: Database,
    path: PathBuf,
}

impl Store {
    /// Opens the database at `path`, creating it (mode 0600) if it does not exist. A file that is
    /// not a pathways database is refused and never modified.
    pub fn open(path: &Path) -> Result<Store> {
        let open_err = |reason: String| StoreError::Open {
            path: path.to_path_buf(),
            reason,
        };
        let fresh = file::prepare(path).map_err(open_err)?;
        let mut builder = Database::builder();
        builder
            .set_concurrency_mode(ConcurrencyMode::MultiWriter)
            .set_cache_size(CACHE_BYTES);
        let db = if fresh {
            builder.create(path)
        } else {
            builder.open(path)
        }
        .map_err(|e| open_err(file::explain_open_error(e)))?;
        let store = Store {
            db,
            path: path.to_path_buf(),
        };
        if fresh {
            store.write(|_| Ok(()))?;
        }
        Ok(store)
    }

    /// Creates a new database at `path`; refuses if a file is already there.
    pub fn create_new(path: &Path) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::Open {
                path: path.to_path_buf(),
                reason: "a file already exists there; choose another path (nothing was changed)".into(),
            });
        }
        Store::open(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one durable write transaction: all of it is committed, or none of it.
    pub fn write<R>(&self, f: impl FnOnce(&mut Txn) -> Result<R>) -> Result<R> {
        self.transact(false, f).map(|(r, _)| r)
    }

    /// Like `write`, and also returns what the transaction changed, so it can be undone.
    pub fn write_tracked<R>(&self, f: impl FnOnce(&mut Txn) -> Result<R>) -> Result<(R, Journal)> {
        self.transact(true, f)
    }

    fn transact<R>(&self, track: bool, f: impl FnOnce(&mut Txn) -> Result<R>) -> Result<(R, Journal)> {
        let tx = self.db.begin_write()?;
        let mut txn = Txn {
            tx,
            track,
            journal: Journal::default(),
            seen: std::collections::HashMap::new(),
            touched: std::collections::BTreeSet::new(),
        };
        let out = f(&mut txn)?;
        {
            let mut meta = txn.tx.open_table(META)?;
            let generation = meta.get(GENERATION)?.map(|g| g.value()).unwrap_or(0);
            meta.insert(GENERATION, generation + 1)?;
            txn.journal.generation = (generation, generation + 1);
            // Each kind's own counter lets a reader reload only the kinds that changed.
            for name in &txn.touched {
                let key = table_generation_key(name);
                let g = meta.get(key.as_str())?.map(|g| g.value()).unwrap_or(0);
                meta.insert(key.as_str(), g + 1)?;
                txn.journal.kinds.push((name, g, g + 1));
            }
        }
        txn.tx.commit()?;
        Ok((out, txn.journal))
    }

    /// Reverses a journal in one transaction. Refused (nothing changed) if any record it touched
    /// was changed again since, by this process or another.
    pub fn undo(&self, journal: &Journal) -> Result<()> {
        self.write(|txn| {
            for c in journal.changes.iter().rev() {
                txn.touched.insert(c.table);
                let mut t = txn.tx.open_table(table(c.table))?;
                let current = t.get(c.key)?.map(|v| v.value().to_vec());
                if current != c.after {
                    return Err(StoreError::Conflict(format!("{} record {}", c.table, c.key)));
                }
                match &c.before {
                    Some(bytes) => {
                        t.insert(c.key, bytes.as_slice())?;
                    }
                    None => {
                        t.remove(c.key)?;
                    }
                }
            }
            Ok(())
        })
    }

    /// A number that changes whenever any process commits a change.
    pub fn generation(&self) -> Result<u64> {
        let rtx = self.db.begin_read()?;
        match rtx.open_table(META) {
            Ok(t) => Ok(t.get(GENERATION)?.map(|g| g.value()).unwrap_or(0)),
            Err(TableError::TableDoesNotExist(_)) => Ok(0),
            Err(e) => Err(e.into()),
        }
    }

    pub fn get<T: Record>(&self, id: Id) -> Result<Option<T>> {
        let rtx = self.db.begin_read()?;
        let t = match rtx.open_table(table(T::TABLE)) {
            Ok(t) => t,
            Err(TableError::TableDoesNotExist(_)) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        match t.get(id)? {
            None => Ok(None),
            Some(bytes) => T::decode(bytes.value())
                .map(Some)
                .map_err(|e| StoreError::Damaged {
                    table: T::TABLE,
                    key: id,
                    reason: e.to_string(),
                }),
        }
    }

    /// Every record of one kind in id order, with the ones that failed to decode reported apart.
    pub fn all<T: Record>(&self) -> Result<(Vec<T>, Vec<DecodeProblem>)> {
        let rtx = self.db.begin_read()?;
        read_all(&rtx)
    }

    /// The whole database as one consistent snapshot (one read transaction).
    pub fn load(&self) -> Result<(Dataset, Vec<DecodeProblem>)> {
        let mut data = Dataset::default();
        let mut problems = std::collections::BTreeMap::new();
        // With nothing seen yet every kind is read, and load_changed reindexes.
        self.load_changed(&mut data, &mut Default::default(), &mut problems)?;
        Ok((data, problems.into_values().flatten().collect()))
    }

    /// Brings `data` up to date from one snapshot, re-reading only the kinds of record whose
    /// counter moved since `seen` (which it updates); `problems` keeps each kind's decode problems.
    /// Returns whether anything was re-read. A save re-reads one or two kinds, not the database.
    pub fn load_changed(
        &self,
        data: &mut Dataset,
        seen: &mut std::collections::HashMap<&'static str, u64>,
        problems: &mut std::collections::BTreeMap<&'static str, Vec<DecodeProblem>>,
    ) -> Result<bool> {
        let rtx = self.db.begin_read()?;
        let meta = match rtx.open_table(META) {
            Ok(t) => Some(t),
            Err(TableError::TableDoesNotExist(_)) => None,
            Err(e) => return Err(e.into()),
        };
        let generation_of = |name: &str| -> Result<u64> {
            Ok(match &meta {
                Some(m) => m
                    .get(table_generation_key(name).as_str())?
                    .map(|g| g.value())
                    .unwrap_or(0),
                None => 0,
            })
        };
        let mut changed = false;
        // Each changed kind decodes on its own thread from the same snapshot: decoding is most
        // of the start-up time, and the machines have two cores.
        macro_rules! reload_changed {
            ($($field:ident: $ty:ty),+ $(,)?) => {
                std::thread::scope(|scope| -> Result<()> {
                    let rtx = &rtx;
                    $(
                        let name = <$ty as Record>::TABLE;
                        let g = generation_of(name)?;
                        let $field = (seen.get(name) != Some(&g))
                            .then(|| (g, scope.spawn(move || read_all::<$ty>(rtx))));
                    )+
                    $(
                        if let Some((g, job)) = $field {
                            let (records, p) = joined(job.join())?;
                            let name = <$ty as Record>::TABLE;
                            data.$field = records;
                            problems.insert(name, p);
                            seen.insert(name, g);
                            changed = true;
                        }
                    )+
                    Ok(())
                })?;
            };
        }
        crate::with_record_kinds!(reload_changed);
        if changed {
            data.reindex();
        }
        Ok(changed)
    }

    /// Writes a consistent copy of the database to `out` (mode 0600) from one read snapshot, so it
    /// works while other processes have the database open and keep writing.
    pub fn backup(&self, out: &Path) -> Result<usize> {
        if out.exists() {
            return Err(StoreError::Open {
                path: out.to_path_buf(),
                reason: "a file already exists there; choose a new backup name".into(),
            });
        }
        let rtx = self.db.begin_read()?;
        // `out` did not exist, so whatever is there after a failure is ours to remove.
        let target = Store::open(out).inspect_err(|_| {
            let _ = std::fs::remove_file(out);
        })?;
        let mut copied = 0;
        let result = target.write(|txn| {
            for name in TABLES {
                let src = match rtx.open_table(table(name)) {
                    Ok(t) => t,
                    Err(TableError::TableDoesNotExist(_)) => continue,
                    Err(e) => return Err(e.into()),
                };
                let mut dst = txn.tx.open_table(table(name))?;
                for row in src.iter()? {
                    let (k, v) = row?;
                    dst.insert(k.value(), v.value())?;
                    copied += 1;
                }
            }
            let src_meta = match rtx.open_table(META) {
                Ok(t) => Some(t),
                Err(TableError::TableDoesNotExist(_)) => None,
                Err(e) => return Err(e.into()),
            };
            if let Some(src_meta) = src_meta {
                let mut dst = txn.tx.open_table(META)?;
                for row in src_meta.iter()? {
                    let (k, v) = row?;
                    dst.insert(k.value(), v.value())?;
                }
            }
            Ok(())
        });
        if let Err(e) = result {
            drop(target);
            let _ = std::fs::remove_file(out);
            return Err(e);
        }
        Ok(copied)
    }

    /// redb's integrity check plus decoding every record. Returns what is wrong, empty if nothing.
    pub fn check(mut self) -> Result<Vec<String>> {
        let mut findings = Vec::new();
        match self.db.check_integrity() {
            Ok(true) => {}
            Ok(false) => findings.push("redb found damage and repaired it".to_string()),
            Err(e) => findings.push(format!("integrity check failed: {e}")),
        }
        let (_, problems) = self.load()?;
        findings.extend(problems.iter().map(ToString::to_string));
        Ok(findings)
    }

    /// Counts of records per table, for `check` and `init` summaries.
    pub fn table_counts(&self) -> Result<Vec<(&'static str, u64)>> {
        let rtx = self.db.begin_read()?;
        let mut out = Vec::new();
        for name in TABLES {
            let n = match rtx.open_table(table(name)) {
                Ok(t) => t.len()?,
                Err(TableError::TableDoesNotExist(_)) => 0,
                Err(e) => return Err(e.into()),
            };
            out.push((*name, n));
        }
        Ok(out)
    }
}

/// A loading thread's result; a panic in it is a storage error, not a crash of the caller.
fn joined<T>(outcome: std::thread::Result<Result<T>>) -> Result<T> {
    outcome.map_err(|_| StoreError::Storage("a loading thread failed".into()))?
}

fn table_generation_key(table: &str) -> String {
    format!("generation:{table}")
}

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
    for c in &journal.changes {
        macro_rules! patch {
            ($($field:ident: $ty:ty),+ $(,)?) => {
                match c.table {
                    $(name if name == <$ty as Record>::TABLE => patch_kind(&mut data.$field, c.key, c.after.as_deref()),)+
                    _ => false,
                }
            };
        }
        if !crate::with_record_kinds!(patch) {
            return false;
        }
    }
    for (name, _, after) in &journal.kinds {
        seen.insert(name, *after);
    }
    *generation = journal.generation.1;
    data.reindex();
    true
}

/// Puts one saved record (or its removal) into a kind's vector, which stays in id order.
fn patch_kind<T: Record>(records: &mut Vec<T>, key: Id, after: Option<&[u8]>) -> bool {
    let at = records.binary_search_by_key(&key, |r| r.id());
    match (after.map(T::decode), at) {
        (None, Ok(i)) => {
            records.remove(i);
        }
        (None, Err(_)) => {}
        (Some(Ok(mut r)), found) => {
            r.set_id(key);
            match found {
                Ok(i) => records[i] = r,
                Err(i) => records.insert(i, r),
            }
        }
        (Some(Err(_)), _) => return false,
    }
    true
}

/// Above this many records a kind is decoded in two halves, one per core.
const SPLIT_FROM: u64 = 8_000;

fn read_all<T: Record>(rtx: &redb::ReadTransaction) -> Result<(Vec<T>, Vec<DecodeProblem>)> {
    let t = match rtx.open_table(table(T::TABLE)) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok((Vec::new(), Vec::new())),
        Err(e) => return Err(e.into()),
    };
    let len = t.len()?;
    let (Some(first), Some(last)) = (t.first()?, t.last()?) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let (first, last) = (first.0.value(), last.0.value());
    if len < SPLIT_FROM {
        return read_range(&t, first..=last, len as usize);
    }
    // Ids are handed out in order, so the middle id splits the records about in half.
    let middle = first + (last - first) / 2;
    let (low, high) = std::thread::scope(|scope| {
        let t = &t;
        let high = scope.spawn(move || read_range::<T>(t, middle + 1..=last, len as usize / 2));
        let low = read_range::<T>(t, first..=middle, len as usize / 2);
        (low, high.join())
    });
    let (mut records, mut problems) = low?;
    let (more, more_problems) = joined(high)?;
    records.extend(more);
    problems.extend(more_problems);
    Ok((records, problems))
}

fn read_range<T: Record>(
    t: &redb::ReadOnlyTable<u64, &[u8]>,
    range: std::ops::RangeInclusive<u64>,
    capacity: usize,
) -> Result<(Vec<T>, Vec<DecodeProblem>)> {
    let mut records = Vec::with_capacity(capacity);
    let mut problems = Vec::new();
    for row in t.range(range)? {
        let (k, v) = row?;
        match T::decode(v.value()) {
            Ok(mut r) => {
                r.set_id(k.value());
                records.push(r);
            }
            Err(e) => problems.push(DecodeProblem {
                table: T::TABLE,
                key: k.value(),
                reason: e.to_string(),
            }),
        }
    }
    Ok((records, problems))
}

/// What one transaction changed: each record's bytes before and after.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Journal {
    changes: Vec<Change>,
    /// The change counter before and after this transaction, overall and per kind written.
    generation: (u64, u64),
    kinds: Vec<(&'static str, u64, u64)>,
}

#[derive(Debug, Clone, PartialEq)]
struct Change {
    table: &'static str,
    key: Id,
    before: Option<Vec<u8>>,
    after: Option<Vec<u8>>,
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
}

/// One write transaction, in domain terms.
pub struct Txn {
    tx: redb::WriteTransaction,
    /// Keep a journal for undo (bulk writes such as imports skip it).
    track: bool,
    journal: Journal,
    /// Position in the journal of each record already changed, so large transactions stay linear.
    seen: std::collections::HashMap<(&'static str, Id), usize>,
    /// The tables this transaction wrote to.
    touched: std::collections::BTreeSet<&'static str>,
}

impl Txn {
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

    fn note(&mut self, table: &'static str, key: Id, before: Option<Vec<u8>>, after: Option<Vec<u8>>) {
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
        let existed = match &after {
            Some(bytes) => t.insert(key, bytes.as_slice())?.is_some(),
            None => t.remove(key)?.is_some(),
        };
        Ok(existed)
    }

    /// Stores a new record, giving it the next id of its kind; returns the id.
    pub fn insert<T: Record>(&mut self, record: &mut T) -> Result<Id> {
        let id = self.next_id(T::TABLE)?;
        record.set_id(id);
        self.store_bytes(T::TABLE, id, Some(record.encode()?), true)?;
        Ok(id)
    }

    /// Stores `record` under its id, replacing what was there.
    pub fn put<T: Record>(&mut self, record: &T) -> Result<()> {
        self.store_bytes(T::TABLE, record.id(), Some(record.encode()?), false)?;
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

    pub fn get<T: Record>(&mut self, id: Id) -> Result<Option<T>> {
        let t = self.tx.open_table(table(T::TABLE))?;
        let found = t.get(id)?;
        match found {
            None => Ok(None),
            Some(v) => T::decode(v.value()).map(Some).map_err(|e| StoreError::Damaged {
                table: T::TABLE,
                key: id,
                reason: e.to_string(),
            }),
        }
    }

    pub fn delete<T: Record>(&mut self, id: Id) -> Result<bool> {
        self.store_bytes(T::TABLE, id, None, false)
    }

    /// Every record of one kind as this transaction sees it, in id order. A record that does
    /// not decode stops the transaction (nothing is decided on a partial view).
    pub fn all<T: Record>(&mut self) -> Result<Vec<T>> {
        let t = self.tx.open_table(table(T::TABLE))?;
        let mut out = Vec::with_capacity(t.len()? as usize);
        for row in t.iter()? {
            let (k, v) = row?;
            let mut r = T::decode(v.value()).map_err(|e| StoreError::Damaged {
                table: T::TABLE,
                key: k.value(),
                reason: e.to_string(),
            })?;
            r.set_id(k.value());
            out.push(r);
        }
        Ok(out)
    }

    /// The whole database as this transaction sees it: an import decides what is new and what
    /// is a duplicate here, inside the transaction that writes, so two imports at once cannot
    /// both store the same row.
    pub fn load(&mut self) -> Result<Dataset> {
        let mut data = Dataset::default();
        macro_rules! read_each {
            ($($field:ident: $ty:ty),+ $(,)?) => {$(
                data.$field = self.all::<$ty>()?;
            )+};
        }
        crate::with_record_kinds!(read_each);
        data.reindex();
        Ok(data)
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
        self.store_bytes(T::TABLE, record.id(), Some(record.encode()?), false)?;
        Ok(())
    }

    /// The id the next `insert` of this kind will give, without taking it.
    pub fn peek_id<T: Record>(&mut self) -> Result<Id> {
        let last = {
            let t = self.tx.open_table(table(T::TABLE))?;
            t.last()?.map(|(k, _)| k.value()).unwrap_or(0)
        };
        let meta = self.tx.open_table(META)?;
        let key = format!("next_id:{}", T::TABLE);
        let counter = meta.get(key.as_str())?.map(|v| v.value()).unwrap_or(0);
        Ok(counter.max(last + 1))
    }
}
