//! Any bytes as the intake form's CSV export, checked against the demo data: a summary or a clear
//! error, never a panic.
#![no_main]

use std::sync::OnceLock;

static DEMO: OnceLock<pathways_core::dataset::Dataset> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let data = DEMO.get_or_init(|| pathways_core::demo::build(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()));
    let _ = pathways_core::import::intakes::check_file(data, bytes);
});
