//! The intake importer against hostile files: random bytes, invalid UTF-8, fields of megabytes,
//! thousands of columns. Always a summary or one clear error, never a panic, never half a file.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

use pathways_core::import::intakes::{ImportError, import};
use pathways_core::store::Store;
use proptest::prelude::*;

const HEADER: &str = "Employee ID,First Name,Last Name,Email,Services,Submitted,Notes\n";

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::create_new(&dir.path().join("t.redb")).unwrap();
    (dir, s)
}

/// Imports `bytes` as a file; checks the outcome is a summary that adds up, or a clear error,
/// and that the database holds exactly what the summary says.
fn import_bytes(bytes: &[u8]) -> Result<pathways_core::import::intakes::ImportSummary, ImportError> {
    let (dir, store) = store();
    let file = dir.path().join("export.csv");
    std::fs::write(&file, bytes).unwrap();
    let out = import(&store, &file, false);
    let stored = store.load().unwrap().0.intakes.len();
    match &out {
        Ok(s) => {
            assert_eq!(stored, s.imported, "the summary says what was stored");
            for r in &s.rejected {
                assert!(r.line >= 2 && !r.reason.is_empty(), "{r:?}");
            }
        }
        Err(e) => {
            assert_eq!(stored, 0, "a refused file stores nothing");
            assert!(
                e.to_string().contains("export.csv"),
                "the error names the file: {e}"
            );
        }
    }
    out
}

fn good_row(i: usize) -> String {
    format!("{i},Ana,Garcia,ana{i}@district.org,resume review;,7/15/2024,\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = import_bytes(&bytes);
    }

    #[test]
    fn random_bytes_after_a_real_header(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let mut file = HEADER.as_bytes().to_vec();
        file.extend_from_slice(&bytes);
        let _ = import_bytes(&file);
    }

    #[test]
    fn random_text_rows_among_good_ones(rows in proptest::collection::vec("[^\"]{0,80}", 0..40)) {
        let mut file = String::from(HEADER);
        for (i, r) in rows.iter().enumerate() {
            file.push_str(&good_row(i));
            file.push_str(r);
            file.push('\n');
        }
        let s = import_bytes(file.as_bytes()).expect("a file with a real header is read");
        prop_assert!(s.imported + s.duplicates >= rows.len().min(1));
    }

    #[test]
    // Continuation bytes with no lead byte before them: never valid UTF-8.
    fn invalid_utf8_in_a_field_rejects_only_that_row(at in 0usize..7, junk in proptest::collection::vec(0x80u8..0xc0, 1..8)) {
        let mut file = HEADER.as_bytes().to_vec();
        file.extend_from_slice(good_row(1).as_bytes());
        let mut fields: Vec<Vec<u8>> = good_row(2).trim_end().split(',').map(|f| f.as_bytes().to_vec()).collect();
        fields[at].extend_from_slice(&junk);
        file.extend_from_slice(&fields.join(&b","[..]));
        file.push(b'\n');
        file.extend_from_slice(good_row(3).as_bytes());
        let s = import_bytes(&file).unwrap();
        prop_assert_eq!(s.imported, 2);
        prop_assert_eq!(s.rejected.len(), 1);
        prop_assert_eq!(s.rejected[0].line, 3);
    }
}

#[test]
fn a_field_of_megabytes_rejects_its_row_only() {
    let mut file = String::from(HEADER);
    file.push_str(&good_row(1));
    file.push_str(&format!(
        "2,Ana,Garcia,ana2@district.org,resume review;,7/15/2024,{}\n",
        "x".repeat(8_000_000)
    ));
    file.push_str(&good_row(3));
    let s = import_bytes(file.as_bytes()).unwrap();
    assert_eq!(s.imported, 2);
    assert_eq!(s.rejected.len(), 1);
    assert_eq!(s.rejected[0].line, 3);
    assert!(
        s.rejected[0]
            .reason
            .contains("\"Notes\" is 8000000 characters long"),
        "{:?}",
        s.rejected
    );
}

#[test]
fn thousands_of_columns_are_read_by_name() {
    let mut header: Vec<String> = (0..5000).map(|i| format!("extra {i}")).collect();
    header.splice(2500..2500, HEADER.trim_end().split(',').map(str::to_string));
    let mut file = header.join(",") + "\n";
    for i in 0..20 {
        let mut row: Vec<String> = vec![String::new(); 5000];
        row.splice(2500..2500, good_row(i).trim_end().split(',').map(str::to_string));
        file.push_str(&(row.join(",") + "\n"));
    }
    let s = import_bytes(file.as_bytes()).unwrap();
    assert_eq!(s.imported, 20);
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let (dir, store) = store();
    let file = dir.path().join("export.csv");
    let f = std::fs::File::create(&file).unwrap();
    // A sparse file: huge on paper, no disk used.
    f.set_len(pathways_core::import::intakes::MAX_FILE_BYTES + 1)
        .unwrap();
    let e = import(&store, &file, false).unwrap_err();
    assert!(e.to_string().contains("nothing was imported"), "{e}");
}

#[test]
fn a_broken_quote_stores_nothing_and_names_the_line() {
    let mut file = String::from(HEADER);
    file.push_str(&good_row(1));
    file.push_str("2,\"Ana,Garcia\n");
    let out = import_bytes(file.as_bytes());
    // Either the broken row is reported by line, or the file is refused naming the line: never a panic.
    match out {
        Ok(s) => assert!(s.rejected.iter().any(|r| r.line == 3) || s.imported <= 1),
        Err(e) => assert!(e.to_string().contains("line"), "{e}"),
    }
}
