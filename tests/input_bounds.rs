//! What an import reads is bounded and exact, through the real binary: a device or a pipe is cut
//! at 64 MB like a file, a pipe no one writes to ends at once, a quote left open rejects what it
//! swallowed naming its line, and a NUL byte is refused naming the column.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const HEADER: &str = "Employee ID,First Name,Last Name,Email,Services,Submitted,Notes\n";

fn intakes(db: &Path) -> Vec<String> {
    let store = pathways_core::store::Store::open_read_only(db).unwrap();
    let data = store.load().unwrap().0;
    data.intakes
        .iter()
        .map(|i| data.employee_name(i.employee_id))
        .collect()
}

/// Waits for `child`, failing the test (and ending it) if it has not ended within a minute.
fn finish(mut child: std::process::Child) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the import hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn import(db: &Path, file: &Path) -> std::process::Child {
    Command::new(common::binary())
        .arg("--db")
        .arg(db)
        .args(["import", "intakes"])
        .arg(file)
        .env("PATHWAYS_TODAY", "2026-11-25")
        .env_remove("PATHWAYS_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn an_endless_device_is_cut_at_64_mb() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_file(dir.path());
    // Under a 1.5 GB address-space limit: reading /dev/zero without a bound would hit it.
    let out = Command::new("sh")
        .args(["-c", r#"ulimit -v 1500000; exec "$@""#, "sh"])
        .arg(common::binary())
        .arg("--db")
        .arg(&db)
        .args(["import", "intakes", "/dev/zero"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("/dev/zero: is larger than 64 MB"), "{err}");
}

#[test]
fn a_pipe_no_one_writes_to_ends_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_file(dir.path());
    let fifo = dir.path().join("export.csv");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let out = finish(import(&db, &fifo));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no program is writing to"), "{err}");
}

#[test]
fn standard_input_is_cut_at_64_mb_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_file(dir.path());
    let before = intakes(&db).len();
    let mut child = Command::new(common::binary())
        .arg("--db")
        .arg(&db)
        .args(["import", "intakes", "/dev/stdin"])
        .env_remove("PATHWAYS_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        // 70 MB: a header, then one row whose notes never end. The import may stop reading
        // (and close the pipe) as soon as it has more than it takes.
        let _ = stdin.write_all(HEADER.as_bytes());
        let _ = stdin.write_all(b"1,Ana,Garcia,ana@district.org,resume review;,7/15/2024,");
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..70 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let out = finish(child);
    feeder.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("is larger than 64 MB"), "{err}");
    assert_eq!(intakes(&db).len(), before, "nothing was imported");
}

#[test]
fn a_quote_left_open_rejects_what_it_swallowed_and_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_file(dir.path());
    let file = dir.path().join("export.csv");
    std::fs::write(
        &file,
        format!(
            "{HEADER}\
             901,Wystan,Quarrington,,resume review;,7/15/2024,\n\
             902,Ximena,Rookwood,,resume review;,7/15/2024,\"met at the fair\n\
             903,Yannick,Sorrowby,,resume review;,7/15/2024,\n\
             904,Zelda,Zindelwick,,resume review;,7/15/2024,\n"
        ),
    )
    .unwrap();
    let out = finish(import(&db, &file));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("line 3: a quote (\") opened on this line is never closed"),
        "{stdout}"
    );
    assert!(stdout.contains("lines 3 to 5"), "{stdout}");
    assert!(
        stdout.contains("imported 1, duplicates skipped 0, rejected 1"),
        "{stdout}"
    );
    let names = intakes(&db);
    assert!(
        names.iter().any(|n| n.contains("Quarrington")),
        "the row before it is imported"
    );
    for swallowed in ["Rookwood", "Sorrowby", "Zindelwick"] {
        assert!(
            !names.iter().any(|n| n.contains(swallowed)),
            "{swallowed} was stored"
        );
    }
}

#[test]
fn a_nul_character_rejects_its_row_naming_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_file(dir.path());
    let file = dir.path().join("export.csv");
    std::fs::write(
        &file,
        format!(
            "{HEADER}\
             905,Ulr\0ike,Fenwhistle,,resume review;,7/15/2024,\n\
             906,Verity,Gallowglass,,resume review;,7/15/2024,\n"
        ),
    )
    .unwrap();
    let out = finish(import(&db, &file));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("line 2: First Name: holds a NUL byte"),
        "{stdout}"
    );
    assert!(
        stdout.contains("imported 1, duplicates skipped 0, rejected 1"),
        "{stdout}"
    );
    let names = intakes(&db);
    assert!(!names.iter().any(|n| n.contains("Fenwhistle")), "{names:?}");
    assert!(names.iter().any(|n| n.contains("Gallowglass")), "{names:?}");
}
