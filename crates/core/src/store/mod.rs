//! The one module that owns redb. Everything above it sees plain domain structs, `Dataset`,
//! `Txn` methods and `StoreError`; no redb or codec type leaves this module.
//!
//! Every existing file is verified before use and must be a pathways database (`open.rs`);
//! lookups open it read-only and never write a byte; every call into redb is shielded, so a
//! damaged file is an error naming it, never a panic (`shield.rs`).

mod audit;
mod backup;
mod check;
pub mod codec;
mod file;
mod lists;
mod load;
mod open;
mod people;
mod read;
pub mod records;
mod search_index;
mod shield;
mod txn;
mod upgrade;
mod view;

pub use audit::{FieldChange, HistoryAction, HistoryEntry, os_user, story};
pub use codec::CodecError;
pub use file::{check_private, create_private_file, create_private_folder};
pub use lists::NamedEntry;
pub use load::{Loading, Problems, Seen};
pub use people::{MergeReport, References};
pub use records::{Record, TABLES};
pub use search_index::Found;
pub use shield::quiet_store_panics;
pub use txn::{Journal, Known, Txn, apply_saved};

use crate::dataset::Dataset;
use crate::domain::*;
use open::{FORMAT_KEY, FORMAT_VERSION, GENERATION, Handle};
use read::read_all;
use redb::{ReadableTable, ReadableTableMetadata, TableDefinition, TableError};
use shield::shielded;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
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
    /// An undo or redo that would overwrite a later change to this record (callers name the
    /// record in words: they know what it is).
    #[error("{table} record {key} was changed again since; nothing was undone")]
    ChangedSince { table: &'static str, key: Id },
    #[error("{0}")]
    Invalid(#[from] crate::domain::FieldError),
    #[error("database error: {0}")]
    Storage(String),
    /// redb found the file damaged; `Store` turns this into an error naming the file.
    #[error("the database file is damaged")]
    Corrupted,
    /// A record without a checksum of its own (an earlier build's) was met before the whole
    /// file was verified; the store verifies it and reads again.
    #[error("a record of an earlier build needs the whole file verified")]
    Unverified,
    /// The file may be read but not written by this user (the path is for callers to name).
    #[error("read-only for you: you may read this database but not change it")]
    ReadOnly(PathBuf),
}

impl StoreError {
    /// The error for a file that is not usable, naming it, with `PATH` in the advice filled in.
    fn file(path: &Path, reason: String) -> StoreError {
        StoreError::Open {
            path: path.to_path_buf(),
            reason: reason.replace("--db PATH", &format!("--db {}", path.display())),
        }
    }
}

/// Says what to do about the storage errors people meet: a full disk, a file that may not grow.
fn explain_storage(message: String) -> String {
    if message.contains("No space left") || message.contains("File too large") || message.contains("quota") {
        format!("the disk is full or the file may not grow ({message}); free some space and try again")
    } else {
        message
    }
}

/// Whether a redb error says the file is damaged (its message is not shown: `Store` names the
/// file instead).
fn corrupted(e: &redb::StorageError) -> bool {
    matches!(e, redb::StorageError::Corrupted(_))
}

macro_rules! storage_from {
    ($($t:ty => $is_corrupted:expr),+ $(,)?) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                let is_corrupted: fn(&$t) -> bool = $is_corrupted;
                if is_corrupted(&e) {
                    StoreError::Corrupted
                } else {
                    StoreError::Storage(explain_storage(e.to_string()))
                }
            }
        }
    )+};
}
storage_from!(
    redb::Error => |e| matches!(e, redb::Error::Corrupted(_)),
    redb::TransactionError => |e| matches!(e, redb::TransactionError::Storage(s) if corrupted(s)),
    redb::TableError => |e| matches!(e, redb::TableError::Storage(s) if corrupted(s)),
    redb::StorageError => corrupted,
    redb::CommitError => |e| matches!(e, redb::CommitError::Storage(s) if corrupted(s)),
    redb::DatabaseError => |e| matches!(e, redb::DatabaseError::Storage(s) if corrupted(s)),
    CodecError => |_| false,
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
    handle: Handle,
    path: PathBuf,
    /// The file carries the pathways mark; if not (a database of an earlier build), the next
    /// write adds it in the same transaction.
    marked: AtomicBool,
    /// A verification of the whole file found redb's bookkeeping in need of a repair (see
    /// `check`).
    needs_repair: AtomicBool,
    /// Every page of the file was verified (at the open, or since): records without a checksum
    /// of their own (an earlier build's) can be trusted.
    whole_verified: AtomicBool,
    /// A verification of the whole file running on a thread of its own (`verify_in_background`),
    /// which `verify_whole` waits for.
    verifying: std::sync::Mutex<Option<Verifying>>,
}

/// The thread verifying the whole file: what it found, and the file opened for writing once it
/// passed.
type Verifying =
    std::thread::JoinHandle<std::result::Result<(open::Verified, Option<redb::Database>), String>>;

impl Drop for Store {
    /// A verification still running is waited for, so no thread goes on reading the file after
    /// the store that started it is gone.
    fn drop(&mut self) {
        if let Ok(pending) = self.verifying.get_mut()
            && let Some(job) = pending.take()
        {
            let _ = job.join();
        }
    }
}

impl Store {
    /// Opens the database at `path` for reading and writing, creating it (mode 0600, in a folder
    /// created 0700) if nothing is there. A file this user may read but not write opens
    /// read-only (see `is_read_only`). A file that is not a pathways database is refused and
    /// never modified. Every record read is checked against its checksum: a damaged one is an
    /// error naming the file, never served.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, true, false)
    }

    /// Opens an existing database for lookups only: never written to (the file stays
    /// byte-identical); each record read is checked as with `open`.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        Store::open_with(path, false, false)
    }

    /// Like `open_read_only`, and every page of the file verified first (redb's integrity
    /// check): a damaged file is refused whole, wherever the damage is. For `check` and
    /// `backup`.
    pub fn open_verified(path: &Path) -> Result<Store> {
        Store::open_with(path, false, true)
    }

    fn open_with(path: &Path, write: bool, whole: bool) -> Result<Store> {
        let opened = open::open(path, write, whole).map_err(|reason| StoreError::file(path, reason))?;
        let store = Store {
            handle: opened.handle,
            path: path.to_path_buf(),
            marked: AtomicBool::new(opened.verified.marked),
            needs_repair: AtomicBool::new(opened.verified.needs_repair),
            whole_verified: AtomicBool::new(opened.verified.whole),
            verifying: Default::default(),
        };
        if opened.created {
            // The first transaction marks the file as a pathways database.
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

    /// True when this store only reads: opened for lookups, or a file this user may not write.
    pub fn is_read_only(&self) -> bool {
        !self.handle.may_write()
    }

    /// Verifies every page of the file once (if the open did not): what trusts records of an
    /// earlier build, which carry no checksum of their own, and what `check` and `backup` stand
    /// on. A damaged file is an error naming it. A verification started by
    /// `verify_in_background` is waited for and its finding used.
    pub fn verify_whole(&self) -> Result<()> {
        if self.whole_verified.load(Ordering::Acquire) {
            return Ok(());
        }
        let started = self.verifying.lock().ok().and_then(|mut job| job.take());
        let verified = match started.map(std::thread::JoinHandle::join) {
            Some(Ok(found)) => found.map(|(verified, writer)| {
                if let Some(db) = writer {
                    self.handle.set_writer(db);
                }
                verified
            }),
            // None started, or its thread failed outside the store's shield: verify here.
            _ => {
                // A read transaction held meanwhile keeps the pages verified from being reused
                // by other processes' saves.
                let pin = self.shielded(|| Ok(self.handle.begin_read()?))?;
                let found = open::verify_whole(&self.path);
                drop(pin);
                found
            }
        };
        let verified = verified.map_err(|reason| StoreError::file(&self.path, reason))?;
        self.needs_repair.store(verified.needs_repair, Ordering::Release);
        self.whole_verified.store(true, Ordering::Release);
        Ok(())
    }

    /// What the verification `verify_in_background` started found, once it is done (taken in as
    /// `verify_whole` would): `None` while it runs, or when none was started.
    pub fn verification_done(&self) -> Option<Result<()>> {
        let finished = self.verifying.lock().ok()?.as_ref()?.is_finished();
        finished.then(|| self.verify_whole())
    }

    /// Starts verifying the whole file on a thread of its own, then opening it for writing, if
    /// the first write will need that (a store that may write, opened without verifying every
    /// page): the dashboard calls this once its data is on screen, so neither its first frame
    /// nor, mostly, its first save waits for them. The first write still waits for the
    /// verification, and writes nothing unless it passed (`writer`).
    pub fn verify_in_background(&self) {
        if !self.handle.opens_writer() || self.whole_verified.load(Ordering::Acquire) {
            return;
        }
        let Ok(mut job) = self.verifying.lock() else {
            return;
        };
        if job.is_some() {
            return;
        }
        // The read transaction pins the commit verified until the thread is done with it.
        let Ok(pin) = self.shielded(|| Ok(self.handle.begin_read()?)) else {
            return;
        };
        let path = self.path.clone();
        // If no thread can be had, the first write verifies the file itself.
        *job = std::thread::Builder::new()
            .name("pathways-verify".into())
            .spawn(move || {
                let found = open::verify_whole(&path);
                drop(pin);
                // Sound: the file is opened for writing here too, so the first save need not
                // (if that fails, the first save tries again and says why).
                found.map(|verified| (verified, open::open_writer(&path).ok()))
            })
            .ok();
    }

    /// The handle to write through (`None`: this store only reads). The first call of a store
    /// opened without a whole verification verifies every page before the file is opened for
    /// writing: a damaged file is never written, wherever the damage is, as when every open
    /// verified it.
    fn writer(&self) -> Result<Option<&redb::Database>> {
        if self.handle.opens_writer() {
            self.verify_whole()?;
        }
        self.handle
            .writable()
            .map_err(|reason| StoreError::file(&self.path, reason))
    }

    /// After a read that met records of an earlier build (`unchecked`): verifies the whole
    /// file before they are used.
    fn trust(&self, unchecked: bool) -> Result<()> {
        if unchecked { self.verify_whole() } else { Ok(()) }
    }

    /// Runs `f` against redb with the store's shield: a panic inside redb (a damaged file)
    /// becomes an error naming the file.
    fn shielded<R>(&self, f: impl FnOnce() -> Result<R>) -> Result<R> {
        match shielded(f) {
            Some(Err(StoreError::Corrupted)) | None => {
                Err(StoreError::file(&self.path, open::failed_inside()))
            }
            Some(done) => done,
        }
    }

    /// Runs `f` in one durable write transaction: all of it is committed, or none of it. A
    /// transaction that changed nothing commits nothing (no write, no sync).
    pub fn write<R>(&self, f: impl FnOnce(&mut Txn) -> Result<R>) -> Result<R> {
        self.transact(false, f).map(|(r, _)| r)
    }

    /// Like `write`, and also returns what the transaction changed, so it can be undone.
    pub fn write_tracked<R>(&self, f: impl FnOnce(&mut Txn) -> Result<R>) -> Result<(R, Journal)> {
        self.transact(true, f)
    }

    fn transact<R>(&self, track: bool, f: impl FnOnce(&mut Txn) -> Result<R>) -> Result<(R, Journal)> {
        let db = self
            .writer()?
            .ok_or_else(|| StoreError::ReadOnly(self.path.clone()))?;
        let mark = !self.marked.load(Ordering::Acquire);
        let done = self.shielded(|| {
            let mut txn = Txn::new(db.begin_write()?, track);
            let out = f(&mut txn)?;
            // Who changed what goes in with the change: the same commit.
            audit::write(&mut txn)?;
            let generation = txn.generation()?;
            if txn.touched.is_empty() && !mark {
                // Nothing to save: dropping the transaction writes nothing.
                txn.journal.generation = (generation, generation);
                return Ok((out, txn.journal));
            }
            // The search index goes with the records it indexes: the changes noted, or (the
            // first write to a database of an earlier build) built whole.
            let indexed = {
                let meta = txn.tx.open_table(META)?;
                search_index::complete(&meta)?
            };
            if indexed {
                std::mem::take(&mut txn.search).flush(&txn.tx)?;
            } else {
                search_index::build(&txn.tx)?;
            }
            {
                let mut meta = txn.tx.open_table(META)?;
                meta.insert(GENERATION, generation + 1)?;
                search_index::mark_complete(&mut meta, generation + 1)?;
                txn.journal.generation = (generation, generation + 1);
                if mark {
                    meta.insert(FORMAT_KEY, FORMAT_VERSION)?;
                }
                // Each kind's own counter lets a reader reload only the kinds that changed.
                for name in &txn.touched {
                    let key = table_generation_key(name);
                    let g = meta.get(key.as_str())?.map(|g| g.value()).unwrap_or(0);
                    meta.insert(key.as_str(), g + 1)?;
                    txn.journal.kinds.push((name, g, g + 1));
                }
            }
            // One commit: redb's multi-process mode makes it durable in two phases (two syncs).
            txn.tx.commit()?;
            Ok((out, txn.journal))
        })?;
        if mark {
            self.marked.store(true, Ordering::Release);
        }
        Ok(done)
    }

    /// Reverses a journal in one transaction. Refused (nothing changed) if any record it touched
    /// was changed again since, by this process or another. Redo is the undo of
    /// [`Journal::inverse`].
    pub fn undo(&self, journal: &Journal) -> Result<()> {
        self.undo_tracked(journal).map(|_| ())
    }

    /// `undo`, returning what it wrote as a journal: the caller puts it into its data as after a
    /// save (`apply_saved`), reading nothing again.
    pub fn undo_tracked(&self, journal: &Journal) -> Result<Journal> {
        let ((), written) = self.transact(true, |txn| {
            for c in journal.changes.iter().rev() {
                txn.touched.insert(c.table);
                let current = {
                    let mut t = txn.tx.open_table(table(c.table))?;
                    let current = t.get(c.key)?.map(|v| v.value().to_vec());
                    if current != c.after {
                        return Err(StoreError::ChangedSince {
                            table: c.table,
                            key: c.key,
                        });
                    }
                    match &c.before {
                        Some(bytes) => {
                            t.insert(c.key, bytes.as_slice())?;
                        }
                        None => {
                            t.remove(c.key)?;
                        }
                    }
                    current
                };
                txn.history
                    .note(c.table, c.key, current.as_deref(), c.before.as_deref());
                txn.search
                    .note(c.table, c.key, current.as_deref(), c.before.as_deref());
                txn.note(c.table, c.key, current, c.before.clone());
            }
            Ok(())
        })?;
        Ok(written)
    }

    /// A number that changes whenever any process commits a change.
    pub fn generation(&self) -> Result<u64> {
        self.shielded(|| {
            let rtx = self.handle.begin_read()?;
            match rtx.open_table(META) {
                Ok(t) => Ok(t.get(GENERATION)?.map(|g| g.value()).unwrap_or(0)),
                Err(TableError::TableDoesNotExist(_)) => Ok(0),
                Err(e) => Err(e.into()),
            }
        })
    }

    pub fn get<T: Record>(&self, id: Id) -> Result<Option<T>> {
        self.shielded(|| {
            let rtx = self.handle.begin_read()?;
            let t = match rtx.open_table(table(T::TABLE)) {
                Ok(t) => t,
                Err(TableError::TableDoesNotExist(_)) => return Ok(None),
                Err(e) => return Err(e.into()),
            };
            let found = t.get(id)?;
            let Some(bytes) = found else {
                return Ok(None);
            };
            match records::read_stored::<T>(id, bytes.value()) {
                Ok((record, checked)) => {
                    self.trust(!checked)?;
                    Ok(Some(record))
                }
                Err(records::Unreadable::Broken) => Err(StoreError::Corrupted),
                Err(records::Unreadable::Codec(e)) => Err(StoreError::Damaged {
                    table: T::TABLE,
                    key: id,
                    reason: e.to_string(),
                }),
            }
        })
    }

    /// Every record of one kind in id order, with the ones that failed to decode reported apart.
    pub fn all<T: Record>(&self) -> Result<(Vec<T>, Vec<DecodeProblem>)> {
        self.shielded(|| {
            let read = read_all::<T>(&self.handle.begin_read()?)?;
            self.trust(read.unchecked)?;
            Ok((read.records, read.problems))
        })
    }

    /// The whole database as one consistent snapshot (one read transaction).
    pub fn load(&self) -> Result<(Dataset, Vec<DecodeProblem>)> {
        let mut data = Dataset::default();
        let mut problems = std::collections::BTreeMap::new();
        // With nothing seen yet every kind is read, and load_changed reindexes.
        self.load_changed(&mut data, &mut Default::default(), &mut problems)?;
        Ok((data, problems.into_values().flatten().collect()))
    }

    /// What is wrong with the database, empty if nothing: every page verified (a file that fails
    /// that is refused whole), redb's bookkeeping, every record's checksum, and every record
    /// decoded that its checksum does not vouch for (see `check.rs`).
    pub fn check(&self) -> Result<Vec<String>> {
        self.verify_whole()?;
        let mut findings = Vec::new();
        if self.needs_repair.load(Ordering::Acquire) {
            findings.push(NEEDS_REPAIR.replace("--db PATH", &format!("--db {}", self.path.display())));
        }
        findings.extend(self.shielded(|| check::records(&self.handle.begin_read()?))?);
        Ok(findings)
    }

    /// The best `limit` matches of `query` among people, places and records, ranked as the
    /// dashboard's search ranks them, with how many matched in all; read from the search index
    /// kept in the file (only the index and the hits' own records are read: no load of the
    /// database). `None` for a database of an earlier build whose index is not built yet.
    pub fn find(&self, query: &str, limit: usize) -> Result<Option<Found>> {
        self.shielded(|| {
            let rtx = self.handle.begin_read()?;
            let trusted = self.whole_verified.load(Ordering::Acquire);
            match search_index::find(&rtx, trusted, query, limit) {
                Err(StoreError::Unverified) => {
                    self.verify_whole()?;
                    search_index::find(&rtx, true, query, limit)
                }
                found => found,
            }
        })
    }

    /// Counts of records per table, for `check` and `init` summaries.
    pub fn table_counts(&self) -> Result<Vec<(&'static str, u64)>> {
        self.shielded(|| {
            let rtx = self.handle.begin_read()?;
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
        })
    }
}

/// What `check` and `backup` say about a file whose pages verify but whose bookkeeping redb
/// would repair.
const NEEDS_REPAIR: &str = "redb's bookkeeping of the file (free pages, table sizes) needs a repair; \
     open it once with the dashboard (`pathways --db PATH`), which repairs it, then check again";

/// What a backup copied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Backup {
    pub records: usize,
    /// Records copied byte for byte that do not decode: the backup has the same damage.
    pub problems: Vec<DecodeProblem>,
}

/// A loading thread's result; a panic in it goes on in the caller, inside the store's shield.
fn joined<T>(outcome: std::thread::Result<Result<T>>) -> Result<T> {
    outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

fn table_generation_key(table: &str) -> String {
    format!("generation:{table}")
}
