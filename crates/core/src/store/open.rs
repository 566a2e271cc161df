//! Opening a database file: recognised as a pathways database (or refused), and opened for
//! reading and writing, or read-only; verified whole first when asked (`check`, `backup`).
//!
//! The whole verification is redb's own integrity check (the checksum of every page of the
//! committed trees), run on a private in-memory view of the file (`view.rs`), so it writes
//! nothing. A file that fails it is refused whole: nothing is read from it, nothing is written
//! to it. Without it, every record read is checked against its own checksum (`codec::seal`),
//! so a lookup reads only the pages it needs and still never serves a damaged record.

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
/// Version 2: records sealed with a checksum (`codec::seal`) and the search index kept with
/// them; a build that knows only version 1 refuses such a file instead of writing records its
/// index and seals would miss. A version 1 file is read as it is and becomes version 2 with its
/// first write (which builds its index in the same transaction).
pub(super) const FORMAT_KEY: &str = "format:pathways";
pub(super) const FORMAT_VERSION: u64 = 2;
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
    /// Reading through a read-only handle; the file is opened for writing by the first write,
    /// after every page of it was verified (redb's writing open touches the file, so a damaged
    /// file, wherever the damage is, is never written, not even by the open).
    Deferred {
        read: ReadOnlyDatabase,
        path: std::path::PathBuf,
        writer: std::sync::OnceLock<Database>,
    },
}

impl Handle {
    pub(super) fn begin_read(&self) -> Result<ReadTransaction, TransactionError> {
        match self {
            Handle::Write(db) | Handle::View(db) => db.begin_read(),
            Handle::Read(db) => db.begin_read(),
            Handle::Deferred { read, writer, .. } => match writer.get() {
                Some(db) => db.begin_read(),
                None => read.begin_read(),
            },
        }
    }

    /// Whether writes are allowed (they may still fail).
    pub(super) fn may_write(&self) -> bool {
        matches!(self, Handle::Write(_) | Handle::Deferred { .. })
    }

    /// The next `writable` opens the file for writing (the store verifies it whole first).
    pub(super) fn opens_writer(&self) -> bool {
        matches!(self, Handle::Deferred { writer, .. } if writer.get().is_none())
    }

    /// The handle to write through, opening it on the first write; `None` if this store only
    /// reads. The store verifies the whole file before that first open (`Store::writer`).
    pub(super) fn writable(&self) -> Result<Option<&Database>, String> {
        match self {
            Handle::Write(db) => Ok(Some(db)),
            Handle::Read(_) | Handle::View(_) => Ok(None),
            Handle::Deferred { path, writer, .. } => {
                if writer.get().is_none() {
                    let _ = writer.set(open_writer(path)?);
                }
                Ok(writer.get())
            }
        }
    }

    /// Takes the writing handle `open_writer` opened elsewhere (after the whole file was
    /// verified), unless one is open already.
    pub(super) fn set_writer(&self, db: Database) {
        if let Handle::Deferred { writer, .. } = self {
            let _ = writer.set(db);
        }
    }
}

/// Opens `path` for writing (redb's writing open touches the file: only after every page of it
/// was verified).
pub(super) fn open_writer(path: &Path) -> Result<Database, String> {
    shielded(|| builder().open(path))
        .ok_or_else(damaged)?
        .map_err(damaged_or)
}

/// What opening found.
pub(super) struct Verified {
    /// Every page was verified (the whole file).
    pub(super) whole: bool,
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
/// may not write opens read-only); otherwise read-only (a missing file is an error). `whole`:
/// verify every page first (a file that was not closed cleanly and that no one has open is
/// always verified whole: it is read through a repaired private view).
pub(super) fn open(path: &Path, write: bool, whole: bool) -> Result<Opened, String> {
    if file::prepare(path, write)? == Found::Created {
        let db = shielded(|| builder().create(path))
            .ok_or_else(|| "cannot be created: the database engine failed".to_string())?
            .map_err(file::explain_open_error)?;
        return Ok(Opened {
            handle: Handle::Write(db),
            created: true,
            verified: Verified {
                whole: true,
                marked: false,
                needs_repair: false,
            },
        });
    }
    if !whole && let Some(opened) = open_unverified(path, write)? {
        return Ok(opened);
    }
    let (verified, view, read_only) = verify(path)?;
    let handle = if write {
        if let Some(view) = view {
            close_quietly(view);
        }
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
        match (read_only, view) {
            (Some(db), _) => Handle::Read(db),
            (None, Some(view)) => Handle::View(view),
            // verify keeps the view whenever there is no read-only handle
            (None, None) => return Err(damaged()),
        }
    };
    Ok(Opened {
        handle,
        created: false,
        verified,
    })
}

/// Opens `path` without verifying every page, or `None` when it must be verified whole (it was
/// not closed cleanly and this user may not repair it).
fn open_unverified(path: &Path, write: bool) -> Result<Option<Opened>, String> {
    let Some(read) = open_read_only(path)? else {
        return Ok(None);
    };
    let marked = shielded(|| recognise(&read)).unwrap_or_else(|| Err(damaged()))?;
    // Whether this user may write the file, asked of the system without writing a byte.
    let writable = write
        && std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .is_ok();
    let handle = if writable {
        Handle::Deferred {
            read,
            path: path.to_path_buf(),
            writer: std::sync::OnceLock::new(),
        }
    } else {
        Handle::Read(read)
    };
    Ok(Some(Opened {
        handle,
        created: false,
        verified: Verified {
            whole: false,
            marked,
            needs_repair: false,
        },
    }))
}

/// A damaged file is named as damaged; any other failure says what it is.
fn damaged_or(e: DatabaseError) -> String {
    match e {
        DatabaseError::Storage(StorageError::Corrupted(_)) => damaged(),
        e => file::explain_open_error(e),
    }
}

/// Verifies every page of `path` (redb's integrity check on a private view, so nothing is
/// written) for a store that has it open: the caller holds a read transaction meanwhile, so the
/// pages of the commit verified are not reused by other processes' saves.
pub(super) fn verify_whole(path: &Path) -> Result<Verified, String> {
    verified_view(path).map(|(verified, view)| {
        close_quietly(view);
        verified
    })
}

/// Verifies `path` through a fresh private view until it passes, or fails on a file that did
/// not change meanwhile. The header a view copies may show a commit later than the one a read
/// transaction pins, whose pages a busy writer can reuse while they are read: such a
/// verification may fail although the file is sound. A damaged file at rest never changes, so
/// a failure counts only when the file's header (rewritten by every commit) is still the one
/// the view copied; otherwise the file is verified again.
fn verified_view(path: &Path) -> Result<(Verified, Database), String> {
    const ATTEMPTS: usize = 20;
    let unreadable = |e: std::io::Error| format!("cannot read it: {e}");
    let mut attempt = 1;
    loop {
        let file =
            File::open(path).map_err(|e| format!("cannot read it: {e}; check the file's permissions"))?;
        let view = PrivateView::new(file.try_clone().map_err(unreadable)?).map_err(unreadable)?;
        let header = view.header().map_err(unreadable)?;
        match shielded(move || verify_view(view)).unwrap_or_else(|| Err(damaged())) {
            Ok(found) => return Ok(found),
            Err(_) if attempt < ATTEMPTS && !PrivateView::unchanged_since(&file, &header) => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Closes a private view. Closing commits its allocator state (in memory), reading pages that
/// only a pinned read transaction protects and that a file being saved to may still have
/// reused: a panic there is of no consequence, so it is caught and kept quiet.
fn close_quietly(view: Database) {
    shielded(move || drop(view));
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

/// redb's page cache for a one-shot lookup (`find`, `check`, a report, an export, `backup`), for
/// the verification of every page, and for the read-only handle the dashboard loads through:
/// each reads a page about once, so a cache would only be filled and emptied (and, in the
/// dashboard, kept full beside the data it holds in memory anyway). Measured at 1M records:
/// `check` 20% less CPU and 11 MB instead of 40, `find` 12 MB instead of 20, the dashboard 34 MB
/// less.
const LOOKUP_CACHE_BYTES: usize = 0;

/// A read-only handle, or `None` when the file was left by a crash and must be repaired first.
/// Without a cache (see `LOOKUP_CACHE_BYTES`): a store that writes reads through its writing
/// handle, with the usual cache, once that is open.
fn open_read_only(path: &Path) -> Result<Option<ReadOnlyDatabase>, String> {
    let mut builder = builder();
    builder.set_cache_size(LOOKUP_CACHE_BYTES);
    match shielded(|| builder.open_read_only(path)).ok_or_else(damaged)? {
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
/// view copies the file's header keeps the pages of the commit it pins from being reused until
/// the verification is done and the view closed. Returns the verified view too when a crash
/// left the file needing a repair (no read-only handle then), else a read-only handle.
fn verify(path: &Path) -> Result<(Verified, Option<Database>, Option<ReadOnlyDatabase>), String> {
    let read_only = open_read_only(path)?;
    let pin = match &read_only {
        Some(db) => Some(
            shielded(|| db.begin_read())
                .ok_or_else(damaged)?
                .map_err(|e| super::explain_storage(e.to_string()))?,
        ),
        None => None,
    };
    let (verified, view) = verified_view(path)?;
    let view = match read_only {
        Some(_) => {
            close_quietly(view);
            None
        }
        None => Some(view),
    };
    drop(pin);
    Ok((verified, view, read_only))
}

fn verify_view(view: PrivateView) -> Result<(Verified, Database), String> {
    // The verification reads every page once: no cache (see `LOOKUP_CACHE_BYTES`).
    let mut db = Database::builder()
        .set_cache_size(LOOKUP_CACHE_BYTES)
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
    Ok((
        Verified {
            whole: true,
            marked,
            needs_repair,
        },
        db,
    ))
}

/// Whether the database carries the pathways mark; a database of an earlier build (unmarked)
/// is recognised by its tables. Anything else is refused.
fn recognise(db: &impl ReadableDatabase) -> Result<bool, String> {
    let foreign = || NOT_PATHWAYS.to_string();
    let storage = |e: StorageError| match e {
        StorageError::Corrupted(_) => damaged(),
        e => super::explain_storage(e.to_string()),
    };
    let rtx = db.begin_read().map_err(|e| match e {
        TransactionError::Storage(e) => storage(e),
        e => e.to_string(),
    })?;
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
        // An older version's mark is brought up to date by the next write.
        return Ok(version == FORMAT_VERSION);
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
