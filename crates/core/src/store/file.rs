//! Checks on the database file before redb touches it, so a wrong path is refused, never rewritten.

use std::fs::OpenOptions;
use std::io::Read;
use std::path::Path;

/// The first bytes of every redb file.
const REDB_MAGIC: &[u8] = &[b'r', b'e', b'd', b'b', 0x1A, 0x0A, 0xA9, 0x0D, 0x0A];

/// Returns whether the database is new (created here, empty, mode 0600), or why it cannot be used.
pub(super) fn prepare(path: &Path) -> Result<bool, String> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create the folder {}: {e}", parent.display()))?;
            }
            create_private_file(path).map_err(|e| format!("cannot create the database: {e}"))?;
            Ok(true)
        }
        Err(e) => Err(format!("cannot read it: {e}")),
        Ok(m) if m.is_dir() => {
            Err("is a directory; give the path of a database file (e.g. pathways.redb)".into())
        }
        Ok(m) if m.len() == 0 => Ok(true),
        Ok(_) => {
            let mut head = [0u8; 9];
            let mut f = OpenOptions::new()
                .read(true)
                .open(path)
                .map_err(|e| format!("cannot read it: {e}; check the file's permissions"))?;
            let n = f.read(&mut head).map_err(|e| format!("cannot read it: {e}"))?;
            if n < head.len() || head != REDB_MAGIC {
                return Err("is not a pathways database (it was left unchanged); \
                            check the path, or restore from a backup"
                    .into());
            }
            Ok(false)
        }
    }
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
