//! Property test of `import pl-roster` (a PDO course roster) into an empty database: whatever
//! the rows (good ones repeated, cells replaced by hostile text), every row is counted once
//! (imported, duplicate or rejected), the attendance grows by what was imported, no stored text
//! keeps a control or invisible character, and importing the same file again adds nothing.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

use pathways_core::import::roster;
use pathways_core::store::Store;
use pathways_core::text::{Field, needs_cleaning};
use proptest::prelude::*;

const HEADER: [&str; 8] = [
    "Course Number",
    "Course Title",
    "Session Date",
    "Start Time",
    "Employee ID",
    "Last Name",
    "First Name",
    "Email",
];

/// Good rows to start from: two courses, three people (one known by email only).
const GOOD: [[&str; 8]; 4] = [
    [
        "92883",
        "Grow Your Career",
        "11/05/2026",
        "4:30 PM",
        "100037",
        "Abernathy",
        "Adaeze",
        "",
    ],
    [
        "92883",
        "Grow Your Career",
        "11/05/2026",
        "4:30 PM",
        "",
        "Dunmore",
        "Alma",
        "alma@district.example.org",
    ],
    [
        "87524",
        "How to Become a Teacher",
        "2026-11-12",
        "16:30",
        "100111",
        "Okafor",
        "Wendell",
        "",
    ],
    [
        "87524",
        "How to Become a Teacher",
        "11/12/26",
        "4:30 PM",
        "100037",
        "Abernathy",
        "Adaeze",
        "",
    ],
];

/// Cells a roster (or someone hostile) may hold.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("x".to_string()),
        Just("11/31/2026".to_string()),
        Just("99999".to_string()),
        Just("25:00".to_string()),
        Just("T\u{1b}]0;TITLE\u{7}".to_string()),
        Just("Ana\u{202e}lehcaR\u{200b}".to_string()),
        Just("=HYPERLINK(\"x\")".to_string()),
        Just("'=1+1".to_string()),
        Just("someone@district.example.org".to_string()),
        "\\PC{0,12}",
    ]
}

fn csv_of(rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

/// Every stored text of the records a roster adds.
fn texts(store: &Store) -> Vec<String> {
    let (data, _) = store.load().unwrap();
    let mut out = Vec::new();
    for e in &data.employees {
        out.extend([
            e.first_name.clone(),
            e.last_name.clone(),
            e.email.clone(),
            e.employee_number.clone(),
        ]);
    }
    for o in &data.offerings {
        out.extend([o.course_number.clone(), o.title.clone()]);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_roster_rows(
        picks in proptest::collection::vec(0usize..4, 1..10),
        edits in proptest::collection::vec((0usize..10, 0usize..8, nasty()), 0..8),
    ) {
        let mut rows: Vec<Vec<String>> =
            picks.iter().map(|&p| GOOD[p].iter().map(|c| c.to_string()).collect()).collect();
        for (r, c, value) in edits {
            let r = r % rows.len();
            rows[r][c] = value;
        }
        let counted = rows.iter().filter(|r| !r.iter().all(|c| c.trim().is_empty())).count();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("roster.csv");
        std::fs::write(&file, csv_of(&rows)).unwrap();
        let store = Store::open(&dir.path().join("pl.redb")).unwrap();

        let outcome = roster::import(&store, &file, false).unwrap();
        prop_assert_eq!(
            outcome.imported + outcome.duplicates + outcome.rejected.len(),
            counted,
            "{:?}", outcome
        );
        let (data, _) = store.load().unwrap();
        prop_assert_eq!(data.pl_attendance.len(), outcome.imported);
        for text in texts(&store) {
            prop_assert!(!needs_cleaning(&text, Field::Line), "{:?}", text);
        }

        let again = roster::import(&store, &file, false).unwrap();
        prop_assert_eq!(again.imported, 0, "{:?}", again);
        let (twice, _) = store.load().unwrap();
        prop_assert_eq!(
            (twice.pl_attendance.len(), twice.employees.len(), twice.offerings.len(), twice.pl_sessions.len()),
            (data.pl_attendance.len(), data.employees.len(), data.offerings.len(), data.pl_sessions.len())
        );
    }
}
