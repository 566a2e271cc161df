//! Two processes importing the same intake export at the same moment store each row once: the
//! duplicates are decided inside the transaction that writes.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

/// How many processes wait for a lock on `path` (Linux lists them in /proc/locks with `->`).
fn lock_waiters(path: &Path) -> usize {
    let ino = std::fs::metadata(path).unwrap().ino();
    let locks = std::fs::read_to_string("/proc/locks").unwrap_or_default();
    locks
        .lines()
        .filter(|l| l.contains("->") && l.contains(&format!(":{ino} ")))
        .count()
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// The test's own end of `fifo`, opened for reading and writing before the import is started:
/// on Linux that open never waits and counts as a writer at once, so the import never finds the
/// pipe without one (a thread still on its way to a writing open could come too late).
fn keep_open(fifo: &Path) -> std::fs::File {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(fifo)
        .unwrap()
}

/// Waits until `child` has `fifo` open (its file descriptors, in /proc); fails the test with
/// the child's output if it ends first.
fn wait_until_opened(fifo: &Path, child: &mut Child) {
    let start = Instant::now();
    let fds = format!("/proc/{}/fd", child.id());
    let opened = || {
        std::fs::read_dir(&fds).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| std::fs::read_link(e.path()).is_ok_and(|target| target == fifo))
        })
    };
    while !opened() {
        if let Some(status) = child.try_wait().unwrap() {
            let mut said = String::new();
            if let Some(mut stderr) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut stderr, &mut said);
            }
            panic!("the import ended before reading its file: {status}: {said}");
        }
        assert!(start.elapsed() < TIMEOUT, "the import never opened its file");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn two_imports_of_one_export_at_the_same_moment_store_each_row_once() {
    if std::fs::read_to_string("/proc/locks").is_err() {
        eprintln!("skipped: no /proc/locks to see the imports wait on this system");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_file(dir.path());
    let count = || {
        let store = pathways_core::store::Store::open_read_only(&path).unwrap();
        store.load().unwrap().0.intakes.len()
    };
    let before = count();
    let export = std::fs::read("tests/fixtures/import/basic.csv").unwrap();

    // A handle of the test's own, to hold the database's writer lock at the right moment.
    let holder = redb::Database::builder()
        .set_concurrency_mode(redb::ConcurrencyMode::MultiWriter)
        .open(&path)
        .unwrap();
    let mut imports = Vec::new();
    for name in ["a.csv", "b.csv"] {
        let fifo = dir.path().join(name);
        mkfifo(&fifo);
        let writer = keep_open(&fifo);
        let mut child = Command::new(common::binary())
            .arg("--db")
            .arg(&path)
            .args(["import", "intakes"])
            .arg(&fifo)
            .env("PATHWAYS_TODAY", "2026-11-25")
            .env_remove("PATHWAYS_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Each import opens its file once its database is open.
        wait_until_opened(&fifo, &mut child);
        imports.push((child, writer));
    }
    // Both have the database open. With the writer lock held, each reads the export, reads the
    // database, plans its rows, and waits to write: both plan from the same database.
    let held = holder.begin_write().unwrap();
    for (_, writer) in &mut imports {
        writer.write_all(&export).unwrap();
    }
    let children: Vec<Child> = imports
        .into_iter()
        .map(|(child, writer)| {
            drop(writer);
            child
        })
        .collect();
    let start = Instant::now();
    while lock_waiters(&path) < 2 {
        assert!(
            start.elapsed() < TIMEOUT,
            "the imports never both waited to write; /proc/locks:\n{}",
            std::fs::read_to_string("/proc/locks").unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    held.abort().unwrap();

    let outputs: Vec<String> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(out.status.code(), Some(0), "{text}");
            text
        })
        .collect();
    drop(holder);
    assert_eq!(count(), before + 3, "each row is stored once: {outputs:?}");
    assert!(
        outputs
            .iter()
            .any(|o| o.contains("imported 3, duplicates skipped 0")),
        "{outputs:?}"
    );
    assert!(
        outputs
            .iter()
            .any(|o| o.contains("imported 0, duplicates skipped 3")),
        "{outputs:?}"
    );
}
