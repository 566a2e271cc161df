//! The tab's state, driven by actions over the demo dataset (no store, no terminal).

use super::*;
use crate::keys::Key;
use crate::list::Nav;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::CompletionStatus;

fn tab() -> (Dataset, LeadershipTab, NaiveDate) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let data = pathways_core::demo::build(today);
    let mut tab = LeadershipTab::default();
    tab.rebuild(&data, today);
    (data, tab, today)
}

#[test]
fn opens_on_the_current_cohort_with_its_next_session() {
    let (_data, tab, today) = tab();
    assert_eq!(tab.year, Some(FiscalYear(2027)));
    assert_eq!(
        tab.years,
        vec![2024, 2025, 2026, 2027],
        "a cohort every year from FY24"
    );
    let next = tab.summary.next_session(today).unwrap();
    assert_eq!(
        (next.number, next.topic.as_str()),
        (3, "Strengths-Based Leadership")
    );
    assert_eq!(tab.rows().len(), 8, "the sessions view lists the eight sessions");
}

#[test]
fn grid_cursor_moves_like_a_spreadsheet_and_stays_inside() {
    let (_data, mut tab, _) = tab();
    tab.show(View::Attendance);
    assert_eq!(tab.rows().len(), 14);
    for _ in 0..20 {
        LeadershipTab::navigate(&mut tab, Nav::Right);
    }
    assert_eq!(tab.col, 7);
    LeadershipTab::navigate(&mut tab, Nav::Left);
    assert_eq!(tab.col, 6);
    LeadershipTab::navigate(&mut tab, Nav::Down);
    LeadershipTab::navigate(&mut tab, Nav::Down);
    assert_eq!(tab.list.selected(), 2);
    LeadershipTab::navigate(&mut tab, Nav::Bottom);
    assert_eq!(tab.selected_person(), Some(13));
    assert_eq!(tab.selected_session().map(|s| s.number), Some(7));
    // Each view keeps its own selection.
    tab.show(View::Sessions);
    assert_eq!(tab.list.selected(), 0);
    tab.show(View::Attendance);
    assert_eq!(tab.list.selected(), 13);
}

#[test]
fn the_fy25_cohort_completes_by_the_rule() {
    let (data, mut tab, today) = tab();
    tab.year = Some(FiscalYear(2025));
    tab.rebuild(&data, today);
    assert_eq!(tab.summary.people.len(), 15);
    let (done, on_track, cannot, withdrawn) = tab.summary.counts();
    assert_eq!(done + on_track + cannot + withdrawn, 15);
    assert_eq!(on_track, 0, "every FY25 session is past");
    assert!(cannot >= 2, "two FY25 participants missed too much");
    for r in tab.summary.completed_rows() {
        assert!(tab.summary.attended[r] >= 6);
        assert_eq!(tab.summary.completion[r], Some(CompletionStatus::Completed));
    }
    let race: Vec<(&str, &str)> = tab
        .profile
        .by_race
        .iter()
        .map(|s| (s.label.as_str(), s.percent.as_str()))
        .collect();
    assert_eq!(
        race,
        vec![
            ("White", "40.0%"),
            ("Black or African American", "33.3%"),
            ("Hispanic", "26.7%")
        ]
    );
}

#[test]
fn every_view_has_its_key() {
    for v in View::ALL {
        assert!(
            KEYS.iter()
                .any(|b| b.action == LeadershipAction::Show(v) && b.keys.contains(&Key::Char(v.key()))),
            "{v:?}"
        );
    }
}

#[test]
fn promotion_goes_to_a_cohort_that_has_not_started() {
    let (data, _, today) = tab();
    assert_eq!(super::forms::promotion_years(&data, today), vec![2028]);
    let summer = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
    assert_eq!(super::forms::promotion_years(&data, summer), vec![2027, 2028]);
}
