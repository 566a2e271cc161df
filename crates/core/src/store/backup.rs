//! `Store::backup`: a consistent copy of a database that others may be writing to.

use super::*;

impl Store {
    /// Writes a consistent copy of the database to `out` (mode 0600) from one read snapshot, so it
    /// works while other processes have the database open and keep writing. Every record is
    /// copied byte for byte, also one that does not decode (it is listed in `problems`; the copy
    /// keeps it as it is, so `check` reports it on the backup too). A file whose pages do not
    /// verify was refused when it was opened: no copy of a damaged file is ever made.
    pub fn backup(&self, out: &Path) -> Result<Backup> {
        self.verify_whole()?;
        if self.needs_repair.load(Ordering::Acquire) {
            return Err(StoreError::file(
                &self.path,
                format!("not backed up: {NEEDS_REPAIR}"),
            ));
        }
        if out.exists() {
            return Err(StoreError::Open {
                path: out.to_path_buf(),
                reason: "a file already exists there; choose a new backup name".into(),
            });
        }
        // `out` did not exist, so whatever is there after a failure is ours to remove.
        let remove = || {
            let _ = std::fs::remove_file(out);
        };
        let target = Store::open(out).inspect_err(|_| remove())?;
        let copied = self.shielded(|| {
            let rtx = self.handle.begin_read()?;
            let mut summary = Backup::default();
            target.write(|txn| {
                for name in TABLES.iter().chain([&search_index::TABLE]) {
                    let src = match rtx.open_table(table(name)) {
                        Ok(t) => t,
                        Err(TableError::TableDoesNotExist(_)) => continue,
                        Err(e) => return Err(e.into()),
                    };
                    let mut dst = txn.tx.open_table(table(name))?;
                    txn.touched.insert(name);
                    for row in src.iter()? {
                        let (k, v) = row?;
                        if let Err(reason) = records::decode_kind(name, k.value(), v.value()) {
                            summary.problems.push(DecodeProblem {
                                table: name,
                                key: k.value(),
                                reason,
                            });
                        }
                        dst.insert(k.value(), v.value())?;
                        summary.records += usize::from(*name != search_index::TABLE);
                    }
                }
                let src_meta = match rtx.open_table(META) {
                    Ok(t) => Some(t),
                    Err(TableError::TableDoesNotExist(_)) => None,
                    Err(e) => return Err(e.into()),
                };
                // The copy's index: the source's if it is complete, otherwise built whole by
                // this write (see `transact`).
                audit::copy(&rtx, txn)?;
                if let Some(src_meta) = src_meta {
                    let mut dst = txn.tx.open_table(META)?;
                    for row in src_meta.iter()? {
                        let (k, v) = row?;
                        // The copy keeps its own mark (this build's format).
                        if k.value() != FORMAT_KEY {
                            dst.insert(k.value(), v.value())?;
                        }
                    }
                }
                Ok(())
            })?;
            Ok(summary)
        });
        match copied {
            Ok(summary) => Ok(summary),
            Err(e) => {
                drop(target);
                remove();
                Err(e)
            }
        }
    }
}
