//! Replays the fuzz corpora (fuzz/corpus/) through the same entry points the cargo-fuzz targets
//! use, so every input that ever found a problem stays a regression test on stable Rust.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

use std::path::Path;

fn corpus(name: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(name);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_record_decoding_corpus_decodes_or_errs_without_panic() {
    let inputs = corpus("decode_record");
    assert!(inputs.len() >= 10, "the corpus is in the repository");
    for (name, bytes) in inputs {
        let decoded = pathways_core::store::records::decode_every_kind(&bytes);
        if name.starts_with("valid-") {
            assert!(decoded >= 1, "{name}: a valid record decodes as its own kind");
        }
        if name.starts_with("cut-")
            || ["empty", "header-only", "huge-length", "future-version"].contains(&name.as_str())
        {
            assert_eq!(decoded, 0, "{name}: damaged input is refused");
        }
    }
}

#[test]
fn the_import_corpus_gives_a_summary_or_an_error_without_panic() {
    let data = pathways_core::demo::build(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    let inputs = corpus("import_intakes");
    assert!(inputs.len() >= 5, "the corpus is in the repository");
    for (name, bytes) in inputs {
        match pathways_core::import::intakes::check_file(&data, &bytes) {
            Ok(s) => assert!(s.rejected.iter().all(|r| r.line >= 2), "{name}: {:?}", s.rejected),
            Err(e) => assert!(!e.is_empty(), "{name}"),
        }
    }
}
