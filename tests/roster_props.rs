//! Property tests of the HR roster reader: header order and case never matter, any cell text is
//! read without a panic and never stores a control, bidi or zero-width character, and a person
//! `export employees` writes reads back as the same person.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::import::employees::{Column, plan};
use proptest::prelude::*;

/// Writes rows as CSV the way a spreadsheet would (quotes where needed).
fn csv_of(rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

fn people_of(bytes: &[u8]) -> Vec<Employee> {
    plan(&Dataset::default(), bytes, &[], false)
        .unwrap()
        .people()
        .cloned()
        .collect()
}

/// The columns and a value for each, in canonical order.
const FACTS: [(&str, &str); 14] = [
    ("Employee ID", "012345"),
    ("First Name", "Ana María"),
    ("Last Name", "García, Jr."),
    ("Work Email", "ana_garcia@district.org"),
    ("Job Title", "Paraeducator"),
    ("Work Location", ""),
    ("Union Chapter", "Paraeducators"),
    ("Race/Ethnicity", "Hispanic"),
    ("Original Hire Date", "3/1/2015"),
    ("Position Start Date", "2019-03-01"),
    ("Employment Status", "Permanent"),
    ("PAR or Special Evaluation", "N"),
    ("Anticipated Retirement Date", "2040-06-30"),
    ("Supervisor Employee ID", ""),
];

/// `text` with the case of each letter flipped where `flips` says so.
fn recase(text: &str, flips: &[bool]) -> String {
    text.chars()
        .zip(flips.iter().cycle())
        .map(|(c, f)| {
            if *f {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// Text with what people paste: accents, quotes, commas, line breaks, control and bidi characters.
fn hostile_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9 ]{0,6}",
            Just("é".to_string()),
            Just("\"".to_string()),
            Just(",".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\u{1b}]0;x\u{7}".to_string()),
            Just("\u{202e}".to_string()),
            Just("\u{200b}".to_string()),
            Just("\u{0}".to_string()),
            Just("=1+1".to_string()),
            Just("Y".to_string()),
            Just("2020-01-02".to_string()),
        ],
        0..5,
    )
    .prop_map(|parts| parts.concat())
}

fn no_hidden(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_control() || pathways_core::text::is_invisible(c))
}

fn date_in(range: std::ops::Range<i64>) -> impl Strategy<Value = NaiveDate> {
    range.prop_map(|days| NaiveDate::from_ymd_opt(1980, 1, 1).unwrap() + chrono::Duration::days(days))
}

prop_compose! {
    fn any_employee()(
        number in "[0-9]{1,8}",
        // Apostrophes, minus signs and equals signs first too: the export's formula guard and
        // the import's reading of it must give back exactly what was stored.
        first in "[A-Za-zé'=+-][A-Za-zé' -]{0,8}[A-Za-z]",
        last in "[A-Za-z,\"-]{0,8}[A-Za-z]",
        email in proptest::option::of("[a-z]{1,8}@district\\.org"),
        position in "[A-Za-z ]{0,12}",
        chapter in proptest::option::of(prop_oneof![Just(NO_CHAPTER.to_string()), "[A-Z][a-z]{2,10}"]),
        race in proptest::sample::select(Race::ALL.to_vec()),
        hire in proptest::option::of(date_in(0..15_000)),
        after_hire in proptest::option::of(0i64..3_000),
        status in proptest::option::of(proptest::sample::select(EmploymentStatus::ALL.to_vec())),
        in_evaluation in proptest::option::of(any::<bool>()),
        retirement in proptest::option::of(date_in(15_000..25_000)),
    ) -> Employee {
        let mut e = Employee::unknown(number, first.trim().to_string(), last, email.unwrap_or_default());
        e.id = 1;
        e.position = position.trim().to_string();
        e.chapter = chapter;
        e.race = race;
        e.hire_date = hire;
        e.position_start = match (hire, after_hire) {
            (Some(h), Some(n)) => Some(h + chrono::Duration::days(n)),
            (None, Some(n)) => Some(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(n)),
            _ => None,
        };
        e.status = status;
        e.in_evaluation = in_evaluation;
        e.retirement_date = retirement;
        e
    }
}

use pathways_core::domain::Choice;

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn header_order_and_case_do_not_matter(
        order in Just((0..FACTS.len()).collect::<Vec<_>>()).prop_shuffle(),
        flips in proptest::collection::vec(any::<bool>(), 1..8),
    ) {
        let canonical = csv_of(&[
            FACTS.iter().map(|(h, _)| h.to_string()).collect(),
            FACTS.iter().map(|(_, v)| v.to_string()).collect(),
        ]);
        let shuffled = csv_of(&[
            order.iter().map(|&i| recase(FACTS[i].0, &flips)).collect(),
            order.iter().map(|&i| FACTS[i].1.to_string()).collect(),
        ]);
        let want = people_of(&canonical);
        prop_assert_eq!(want.len(), 1);
        prop_assert_eq!(people_of(&shuffled), want);
    }

    #[test]
    fn any_cell_text_is_read_whole_or_refused_and_never_stored_raw(
        cells in proptest::collection::vec(proptest::collection::vec(hostile_text(), 14), 1..6),
    ) {
        let mut rows = vec![FACTS.iter().map(|(h, _)| h.to_string()).collect::<Vec<_>>()];
        rows.extend(cells.iter().cloned());
        let planned = plan(&Dataset::default(), &csv_of(&rows), &[], false).unwrap();
        let s = &planned.summary;
        let blank = cells.iter().filter(|r| r.iter().all(|c| pathways_core::text::clean(c, pathways_core::text::Field::Line).trim().is_empty())).count();
        prop_assert_eq!(s.new + s.updated + s.unchanged + s.rejected.len(), cells.len() - blank, "{:?}", s);
        for e in planned.people() {
            for text in [&e.employee_number, &e.first_name, &e.last_name, &e.email, &e.position] {
                prop_assert!(no_hidden(text), "{text:?}");
            }
            prop_assert!(e.chapter.as_deref().is_none_or(no_hidden));
        }
        for r in &s.rejected {
            prop_assert!(r.line >= 2 && !r.reason.is_empty());
        }
    }

    #[test]
    fn an_exported_person_reads_back_the_same(e in any_employee()) {
        let mut data = Dataset::default();
        data.employees.push(e.clone());
        data.reindex();
        let ctx = pathways_core::export::Ctx { data: &data, private: false, confidential: false };
        let mut out = Vec::new();
        pathways_core::export::write(&ctx, "employees", &mut out).unwrap();
        let back = people_of(&out);
        prop_assert_eq!(back.len(), 1, "{}", String::from_utf8_lossy(&out));
        let mut want = e.clone();
        want.id = 0;
        // "Unknown" race and an empty cell are the same: nobody knows.
        prop_assert_eq!(&back[0], &want);
    }
}

#[test]
fn every_column_has_a_name_the_map_accepts() {
    for c in Column::ALL {
        assert_eq!(Column::named(c.name()), Some(c));
    }
}
