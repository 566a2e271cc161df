//! `export all --out DIR`: one CSV per kind, each the file `export KIND` writes, in a new folder
//! readable by its owner alone. `import all DIR` reads such a folder back.

use super::{Ctx, KINDS, NOT_IN_ALL, write};
use crate::store::create_private_file;
use std::path::Path;

/// Writes every kind to `dir/KIND.csv`; returns (kind, records) per file. `dir` must not exist
/// or be empty; on failure the files written so far are removed (and the folder, if made here).
pub fn write_all(ctx: &Ctx, dir: &Path) -> Result<Vec<(&'static str, usize)>, String> {
    let created = prepare(dir)?;
    let mut written = Vec::new();
    let result = (|| {
        let mut counts = Vec::new();
        for kind in KINDS.iter().copied().filter(|k| !NOT_IN_ALL.contains(k)) {
            let path = dir.join(format!("{kind}.csv"));
            let file = create_private_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            written.push(path.clone());
            let mut out = std::io::BufWriter::new(file);
            let n = if kind == "intakes" {
                crate::import::intakes::write_csv(ctx.data, ctx.mask(), &mut out)
                    .map(|skipped| ctx.data.intakes.len() - skipped.len())
                    .map_err(|e| e.to_string())
            } else {
                write(ctx, kind, &mut out)
            }
            .map_err(|e| format!("{}: {e}", path.display()))?;
            std::io::Write::flush(&mut out).map_err(|e| format!("{}: {e}", path.display()))?;
            counts.push((kind, n));
        }
        Ok(counts)
    })();
    if result.is_err() {
        for path in &written {
            let _ = std::fs::remove_file(path);
        }
        if created {
            let _ = std::fs::remove_dir(dir);
        }
    }
    result
}

/// Makes `dir` (mode 0700) or accepts an empty one; returns whether it was made here.
fn prepare(dir: &Path) -> Result<bool, String> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                Err(format!(
                    "{}: the folder is not empty; export all writes into a new or empty folder and never overwrites",
                    dir.display()
                ))
            } else {
                Ok(false)
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut builder = std::fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            builder
                .create(dir)
                .map_err(|e| format!("{}: cannot create the folder: {e}", dir.display()))?;
            Ok(true)
        }
        Err(e) => Err(format!("{}: {e}", dir.display())),
    }
}
