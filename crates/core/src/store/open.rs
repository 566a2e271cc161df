//! Opening a database file: every existing file is verified before it is used, recognised as a
//! pathways database (or refused), and opened for reading and writing, or read-only.
//!
//! The verification is redb's own integrity check (the checksum of every page of the committed
//! trees), run on a private in-memory view of the file (`view.rs`), so it writes nothing. A file
//! that fails it is refused whole: nothing is read from it, nothing is written to it.

use super::file::{self, Found, NOT_PATHWAYS};
use super::shield::shielded;
use super::view::PrivateView;
use super::{CACHE_BYTES, META, TABLES, table};
use redb::{
    ConcurrencyMode, Database, DatabaseError, ReadOnlyDatabase, ReadTransaction, ReadableDatabase,
    StorageError, TableError, TableHandle, TransactionError,
};
use std::fs::File;
use std::path::Path;

/// The META key that marks a pathways database, and the format version this build writes.
pub(super) const FORMAT_KEY: &str = "format:pathways";
pub(super) const FORMAT_VERSION: u64 = 1;
/// Bumped by every write, so other processes notice a change with one tiny read.
pub(super) const GENERATION: &str = "generation";

/// How the store reaches the file.
pub(super) enum Handle {
    /// Reading and writing, shared with other processes (redb's multi-writer mode).
    Write(Database),
    /// Reading only, following other processes' commits; never writes a byte.
    Read(ReadOnlyDatabase),
    /// A verified private view of a file that was not closed cleanly (a crash) and that no
    /// process has open: redb repaired it in memory, the file itself is untouched. Lookups only.
    View(Database),
}

impl Handle {
    pub(super) fn begin_read(&self) -> Result<ReadTransaction, TransactionError> {
        match self {
            Handle::Write(db) | Handle::View(db) => db.begin_read(),
            Handle::Read(db) => db.begin_read(),
        }
    }

    pub(super) fn writable(&self) -> Option<&Database> {
        match self {
            Handle::Write(db) => Some(db),
            Handle::Read(_) | Handle::View(_) => None,
        }
    }
}

/// What the verification found.
pub(super) struct Verified {
    /// Carries the pathways mark; false for a database of an earlier build (marked on its
    /// first write).
    pub(super) marked: bool,
    /// Every page verified, but redb's bookkeeping (free pages, table counts) differs from what
    /// it rebuilt: a repair it makes when the file is next opened for writing.
    pub(super) needs_repair: bool,
}

/// The file opened as asked, or why it cannot be.
pub(super) struct Opened {
    pub(super) handle: Handle,
    pub(super) created: bool,
    pub(super) verified: Verified,
}

/// Opens `path`. `write`: for reading and writing (a missing file is created; a file this user
/// may not write opens read-only); otherwise read-only (a missing file is an error).
pub(super) fn open(path: &Path, write: bool) -> Result<Opened, String> {
    if file::prepare(path, write)? == Found::Created {
        let db = shielded(|| builder().create(path))
            .ok_or_else(|| "cannot be created: the database engine failed".to_string())?
            .map_err(file::explain_open_error)?;
        return Ok(Opened {
            handle: Handle::Write(db),
            created: true,
            verified: Verified {
                marked: false,
                needs_repair: false,
            },
        });
    }
    let (verified, view, read_only) = verify(path)?;
    let handle = if write {
        drop(view);
        match shielded(|| builder().open(path)).ok_or_else(damaged)? {
            Ok(db) => Handle::Write(db),
            Err(e) if may_not_write(&e) => match read_only {
                Some(db) => Handle::Read(db),
                None => {
                    return Err(
                        "was not closed cleanly (pathways or the machine stopped while it was \
                                open) and needs a repair, which needs write access: ask its owner to \
                                open it once with `pathways --db PATH` (it was left unchanged)"
                            .into(),
                    );
                }
            },
            Err(e) => return Err(file::explain_open_error(e)),
        }
    } else {
        match read_only {
            Some(db) => Handle::Read(db),
            None => Handle::View(view),
        }
    };
    Ok(Opened {
        handle,
        created: false,
        verified,
    })
}

fn builder() -> redb::Builder {
    let mut builder = Database::builder();
    builder
        .set_concurrency_mode(ConcurrencyMode::MultiWriter)
        .set_cache_size(CACHE_BYTES);
    builder
}

/// The file may be read but not written by this user (or lies on a read-only file system).
fn may_not_write(e: &DatabaseError) -> bool {
    matches!(e, DatabaseError::Storage(StorageError::Io(io))
        if matches!(io.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem))
}

/// A read-only handle, or `None` when the file was left by a crash and must be repaired first.
fn open_read_only(path: &Path) -> Result<Option<ReadOnlyDatabase>, String> {
    match shielded(|| builder().open_read_only(path)).ok_or_else(damaged)? {
        Ok(db) => Ok(Some(db)),
        Err(DatabaseError::RepairAborted) => Ok(None),
        Err(e) => Err(file::explain_open_error(e)),
    }
}

/// The refusal of a file whose pages do not verify, or that made the database engine fail while
/// it was being opened.
pub(super) fn damaged() -> String {
    "is damaged (its pages do not match their checksums); nothing was read from it and it was left \
     unchanged: restore it from a backup"
        .into()
}

/// Verifies every page of `path` through a private view and recognises it as a pathways
/// database. Other processes may go on saving meanwhile: a read transaction begun before the
/// view copies the file's header keeps every page of the commit it shows from being reused
/// until the verification is done. Returns the verified view too (used when a crash left the
/// file needing a repair) and a read-only handle, unless the file needs that repair.
fn verify(path: &Path) -> Result<(Verified, Database, Option<ReadOnlyDatabase>), String> {
    let read_only = open_read_only(path)?;
    let pin = match &read_only {
        Some(db) => Some(
            shielded(|| db.begin_read())
                .ok_or_else(damaged)?
                .map_err(|e| super::explain_storage(e.to_string()))?,
        ),
        None => None,
    };
    let file = File::open(path).map_err(|e| format!("cannot read it: {e}; check the file's permissions"))?;
    let view = PrivateView::new(file).map_err(|e| format!("cannot read it: {e}"))?;
    let outcome = shielded(move || verify_view(view)).unwrap_or_else(|| Err(damaged()));
    drop(pin);
    outcome.map(|(verified, view)| (verified, view, read_only))
}

fn verify_view(view: PrivateView) -> Result<(Verified, Database), String> {
    let mut db = Database::builder()
        .set_cache_size(CACHE_BYTES)
        .create_with_backend(view)
        .map_err(|e| match e {
            DatabaseError::Storage(StorageError::Corrupted(_)) => damaged(),
            e => file::explain_open_error(e),
        })?;
    let needs_repair = match db.check_integrity() {
        Ok(clean) => !clean,
        Err(DatabaseError::Storage(StorageError::Corrupted(_))) => return Err(damaged()),
        Err(e) => return Err(file::explain_open_error(e)),
    };
    let marked = recognise(&db)?;
    Ok((Verified { marked, needs_repair }, db))
}

/// Whether the database carries the pathways mark; a database of an earlier build (unmarked)
/// is recognised by its tables. Anything else is refused.
fn recognise(db: &Database) -> Result<bool, String> {
    let foreign = || NOT_PATHWAYS.to_string();
    let storage = |e: StorageError| super::explain_storage(e.to_string());
    let rtx = db.begin_read().map_err(|e| e.to_string())?;
    if rtx.list_multimap_tables().map_err(storage)?.next().is_some() {
        return Err(foreign());
    }
    let names: Vec<String> = rtx
        .list_tables()
        .map_err(storage)?
        .map(|t| t.name().to_string())
        .collect();
    let meta = match rtx.open_table(META) {
        Ok(t) => t,
        Err(TableError::Storage(e)) => return Err(storage(e)),
        Err(_) => return Err(foreign()),
    };
    if let Some(version) = meta.get(FORMAT_KEY).map_err(storage)? {
        let version = version.value();
        if version > FORMAT_VERSION {
            return Err(format!(
                "was written by a newer pathways (database format {version}; this build knows up to \
                 {FORMAT_VERSION}); update pathways (it was left unchanged)"
            ));
        }
        return Ok(true);
    }
    // An earlier build wrote the change counter with its very first transaction, and only the
    // tables below.
    let known = |name: &str| name == META.name() || TABLES.contains(&name);
    if meta.get(GENERATION).map_err(storage)?.is_none() || !names.iter().all(|n| known(n)) {
        return Err(foreign());
    }
    for name in TABLES {
        match rtx.open_table(table(name)) {
            Ok(_) | Err(TableError::TableDoesNotExist(_)) => {}
            Err(TableError::Storage(e)) => return Err(storage(e)),
            Err(_) => return Err(foreign()),
        }
    }
    Ok(false)
}

/// The error for a file that made the database engine fail after it was opened (damage its
/// verification could not see, or done since): the operation changed nothing.
pub(super) fn failed_inside() -> String {
    "is damaged (the database engine failed while reading it); nothing was changed: restore it \
     from a backup"
        .into()
}
