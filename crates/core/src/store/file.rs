//! Checks on the database file before redb touches it, so a wrong path is refused, never rewritten.

use std::fs::OpenOptions;
use std::io::Read;
use std::path::Path;

/// The first bytes of every redb file.
const REDB_MAGIC: &[u8] = &[b'r', b'e', b'd', b'b', 0x1A, 0x0A, 0xA9, 0x0D, 0x0A];

/// What is at a database path before redb touches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// Nothing was there; an empty private file (mode 0600) was created for a new database.
    Created,
    /// A file that starts like a redb database.
    Redb,
}

/// Looks at `path`: creates an empty private file there if nothing is (and `create` allows),
/// or says why the file cannot be a pathways database. Never changes an existing file.
pub(super) fn prepare(path: &Path, create: bool) -> Result<Found, String> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                create_private_folder(parent)
                    .map_err(|e| format!("cannot create the folder {}: {e}", parent.display()))?;
            }
            create_private_file(path).map_err(|e| format!("cannot create the database: {e}"))?;
            Ok(Found::Created)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err("no such database; check the path, or create one with `pathways --db PATH init`".into())
        }
        Err(e) => Err(format!("cannot read it: {e}")),
        Ok(m) if m.is_dir() => {
            Err("is a directory; give the path of a database file (e.g. pathways.redb)".into())
        }
        Ok(m) if m.len() == 0 => Err(
            "is an empty file, not a pathways database (it was left unchanged); \
             check the path, or remove the file and create a database with `pathways --db PATH init`"
                .into(),
        ),
        Ok(_) => {
            let mut head = [0u8; 9];
            let mut f = OpenOptions::new()
                .read(true)
                .open(path)
                .map_err(|e| format!("cannot read it: {e}; check the file's permissions"))?;
            let n = f.read(&mut head).map_err(|e| format!("cannot read it: {e}"))?;
            if n < head.len() || head != REDB_MAGIC {
                return Err(NOT_PATHWAYS.into());
            }
            Ok(Found::Redb)
        }
    }
}

/// The refusal of a file that is not a pathways database.
pub(super) const NOT_PATHWAYS: &str = "is not a pathways database (it was left unchanged); \
     check the path, or restore from a backup";

/// Creates `folder` and any missing parents readable by their owner only (mode 0700): they hold
/// personnel data, whatever the umask.
pub fn create_private_folder(folder: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder)
}

/// Creates a new file readable and writable by its owner only; fails if it already exists.
pub fn create_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// A warning if others than the owner may read the file.
pub fn check_private(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode();
        if mode & 0o077 != 0 {
            return Some(format!(
                "warning: {} can be read by other users (mode {:o}); run: chmod 600 {}",
                path.display(),
                mode & 0o777,
                path.display()
            ));
        }
    }
    None
}

pub(super) fn explain_open_error(e: redb::DatabaseError) -> String {
    match e {
        redb::DatabaseError::DatabaseAlreadyOpen => {
            "is open in a program that does not share it; close it and try again".into()
        }
        redb::DatabaseError::UpgradeRequired(v) => {
            format!(
                "was written in an old file format (version {v}); open it with an older pathways and back it up"
            )
        }
        redb::DatabaseError::Storage(redb::StorageError::Corrupted(_)) => {
            "is damaged and could not be repaired; restore it from a backup (it was left unchanged)".into()
        }
        other => super::explain_storage(format!("cannot be opened: {other}")),
    }
}
