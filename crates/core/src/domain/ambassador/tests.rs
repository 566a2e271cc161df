//! The ambassador rules' tests, beside the rules (kept apart so ambassador.rs stays readable).

use super::*;
use crate::domain::Choice;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn loc(id: Id, employees: u32) -> Location {
    Location {
        id,
        name: format!("L{id}"),
        kind: LocationKind::Elementary,
        employees: Some(employees),
    }
}

fn amb(id: Id, start: NaiveDate, primary: Id, supported: &[Id]) -> Ambassador {
    Ambassador {
        id,
        employee_id: id,
        tenure_start: start,
        tenure_end: Ambassador::default_tenure_end(start),
        primary_location: primary,
        supported_locations: supported.to_vec(),
    }
}

#[test]
fn overlaps_are_counted_once() {
    let locs = vec![loc(1, 40), loc(2, 60), loc(3, 100)];
    let ambs = vec![amb(1, d(2023, 1, 1), 1, &[2, 1]), amb(2, d(2023, 1, 1), 2, &[])];
    let c = coverage(&ambs, &locs, d(2023, 6, 1));
    assert_eq!(c.active_ambassadors, 2);
    assert_eq!(c.locations_covered, 2);
    assert_eq!(c.employees_covered, 100);
    assert_eq!(c.ambassadors_per_location[&2], 2);
    assert!((c.location_share() - 66.666).abs() < 0.01);
}

#[test]
fn tenure_boundaries() {
    let a = amb(1, d(2023, 1, 19), 1, &[]);
    assert_eq!(a.tenure_end, d(2024, 7, 18));
    assert!(a.is_active(d(2024, 7, 18)));
    assert!(!a.is_active(d(2024, 7, 19)));
    assert!(!a.is_active(d(2023, 1, 18)));
    assert!(a.tenure_ends_soon(d(2024, 5, 19)));
    assert!(!a.tenure_ends_soon(d(2024, 5, 18)));
    let c = coverage(&[a], &[loc(1, 10)], d(2024, 7, 19));
    assert_eq!(c.locations_covered, 0);
}
#[test]
fn many_to_many_coverage() {
    // Ambassador 1 covers 1,2,3; ambassador 2 covers 3,4; ambassador 3 covers 4; 5 uncovered.
    let locs = vec![loc(1, 10), loc(2, 20), loc(3, 30), loc(4, 40), loc(5, 50)];
    let ambs = vec![
        amb(1, d(2025, 1, 1), 1, &[2, 3]),
        amb(2, d(2025, 1, 1), 3, &[4]),
        amb(3, d(2025, 1, 1), 4, &[]),
    ];
    let c = coverage(&ambs, &locs, d(2025, 3, 1));
    assert_eq!(c.active_ambassadors, 3);
    assert_eq!(c.locations_covered, 4);
    assert_eq!(c.employees_covered, 100);
    assert_eq!(c.employees_total, 150);
    assert_eq!(c.ambassadors_per_location[&3], 2);
    assert_eq!(c.ambassadors_per_location[&4], 2);
    assert_eq!(c.ambassadors_per_location[&1], 1);
    assert!((c.employee_share() - 66.666).abs() < 0.01);
    let gaps: Vec<Id> = uncovered(&c, &locs).iter().map(|l| l.id).collect();
    assert_eq!(gaps, vec![5]);
}

#[test]
fn unknown_locations_and_nothing_to_cover() {
    let c = coverage(&[amb(1, d(2025, 1, 1), 99, &[])], &[], d(2025, 2, 1));
    assert_eq!(c.active_ambassadors, 1);
    assert_eq!(c.locations_covered, 0);
    assert_eq!(c.location_share(), 0.0);
    assert_eq!(c.employee_share(), 0.0);
}

#[test]
fn tenure_ends_on_its_last_day_exactly() {
    let mut a = amb(1, d(2025, 1, 1), 1, &[]);
    a.tenure_end = d(2025, 6, 30);
    let locs = [loc(1, 12)];
    assert_eq!(
        coverage(&[a.clone()], &locs, d(2025, 6, 30)).employees_covered,
        12
    );
    assert_eq!(coverage(&[a.clone()], &locs, d(2025, 7, 1)).employees_covered, 0);
    assert_eq!(coverage(&[a.clone()], &locs, d(2025, 1, 1)).locations_covered, 1);
    assert_eq!(
        coverage(&[a.clone()], &locs, d(2024, 12, 31)).active_ambassadors,
        0
    );
    // Ending within 60 days counts the last day itself: 60 days before it is the first.
    assert_eq!(ending_soon(std::slice::from_ref(&a), d(2025, 5, 1)).len(), 1);
    assert_eq!(ending_soon(std::slice::from_ref(&a), d(2025, 4, 30)).len(), 0);
    assert_eq!(ending_soon(std::slice::from_ref(&a), d(2025, 7, 1)).len(), 0);
    // A leap day start: 18 months on, less a day.
    assert_eq!(Ambassador::default_tenure_end(d(2024, 2, 29)), d(2025, 8, 28));
    assert_eq!(Ambassador::default_tenure_end(d(2025, 1, 1)), d(2026, 6, 30));
}

#[test]
fn coverage_by_kind_adds_up() {
    let mut locs = vec![loc(1, 10), loc(2, 20), loc(3, 30)];
    locs[2].kind = LocationKind::Depot;
    let c = coverage(&[amb(1, d(2025, 1, 1), 1, &[3])], &locs, d(2025, 2, 1));
    let k = coverage_by_kind(&c, &locs);
    assert_eq!(k.len(), LocationKind::ALL.len());
    let elem = k.iter().find(|k| k.kind == LocationKind::Elementary).unwrap();
    assert_eq!(
        (
            elem.locations,
            elem.covered,
            elem.employees,
            elem.employees_covered
        ),
        (2, 1, 30, 10)
    );
    let depot = k.iter().find(|k| k.kind == LocationKind::Depot).unwrap();
    assert_eq!(
        (depot.locations, depot.covered, depot.employees_covered),
        (1, 1, 30)
    );
    assert_eq!(k.iter().map(|k| k.covered).sum::<usize>(), c.locations_covered);
}

#[test]
fn five_years_of_service_on_the_start_date() {
    let mut e = Employee {
        id: 1,
        employee_number: "1".into(),
        first_name: "Ana".into(),
        last_name: "Garcia".into(),
        email: String::new(),
        position: "Paraeducator".into(),
        location_id: None,
        chapter: Some("Paraeducators".into()),
        race: Race::Hispanic,
        hire_date: None,
        position_start: None,
        status: Some(crate::domain::EmploymentStatus::Permanent),
        in_evaluation: Some(false),
        retirement_date: None,
        supervisor_id: None,
    };
    e.hire_date = Some(d(2020, 3, 1));
    assert_eq!(ambassador_problem(&e, d(2025, 3, 1)), None);
    let why = ambassador_problem(&e, d(2025, 2, 28)).unwrap();
    assert!(why.contains("4 years 11 months"), "{why}");
    assert!(why.contains("5 years are required"), "{why}");
    e.hire_date = None;
    assert!(
        ambassador_problem(&e, d(2025, 3, 1))
            .unwrap()
            .starts_with("hire date unknown: add it on the person card")
    );
    e.hire_date = Some(d(2026, 1, 1));
    assert!(
        ambassador_problem(&e, d(2025, 3, 1))
            .unwrap()
            .contains("after the tenure starts")
    );
}

#[test]
fn one_tenure_at_a_time() {
    let ambs = vec![amb(1, d(2025, 1, 1), 1, &[])];
    assert!(overlapping_tenure(&ambs, 1, d(2026, 6, 30), d(2027, 1, 1), None).is_some());
    assert!(overlapping_tenure(&ambs, 1, d(2026, 7, 1), d(2027, 1, 1), None).is_none());
    assert!(overlapping_tenure(&ambs, 1, d(2025, 2, 1), d(2025, 3, 1), Some(1)).is_none());
    assert!(overlapping_tenure(&ambs, 2, d(2025, 2, 1), d(2025, 3, 1), None).is_none());
}

#[test]
fn attendance_counts_sessions_in_the_tenure_so_far() {
    let a = amb(7, d(2025, 1, 1), 1, &[]);
    let s = |id, date, who: &[Id]| AmbassadorSession {
        id,
        date,
        topic: "t".into(),
        presenter: "p".into(),
        attendees: who.to_vec(),
    };
    let sessions = vec![
        s(1, d(2024, 12, 15), &[7]),
        s(2, d(2025, 1, 15), &[7]),
        s(3, d(2025, 2, 15), &[]),
        s(4, d(2025, 3, 15), &[7]),
    ];
    assert_eq!(session_attendance(&a, &sessions, d(2025, 3, 1)), (1, 2));
    assert_eq!(session_attendance(&a, &sessions, d(2025, 3, 15)), (2, 3));
}

#[test]
fn gaps_only_beside_counts_that_may_be_shown() {
    use Shown::*;
    assert_eq!(gap_points(Count(6), 24, Count(35), 100), Some(-10.0));
    assert_eq!(gap_points(Small, 24, Count(35), 100), None);
    assert_eq!(gap_points(Count(6), 24, Withheld, 100), None);
    assert_eq!(gap_points(Count(0), 0, Count(35), 100), None);
}

#[test]
fn service_bands_and_reference_counts() {
    assert_eq!(service_band(Some(d(2020, 3, 1)), d(2025, 3, 1)), "5-9 years");
    assert_eq!(service_band(Some(d(2020, 3, 2)), d(2025, 3, 1)), "under 5 years");
    assert_eq!(service_band(Some(d(1990, 1, 1)), d(2025, 3, 1)), "25+ years");
    assert_eq!(service_band(None, d(2025, 3, 1)), "unknown");
    let mut r = ReferencePopulation {
        id: 1,
        name: "Students".into(),
        groups: Vec::new(),
    };
    r.set_counts(Dimension::Race, vec![("White".into(), 100), ("Asian".into(), 50)]);
    r.set_counts(Dimension::Chapter, vec![("Fiscal".into(), 9)]);
    r.set_counts(Dimension::Race, vec![("White".into(), 90)]);
    assert_eq!(r.people(Dimension::Race, "White"), Some(90));
    assert_eq!(r.people(Dimension::Race, "Asian"), None);
    assert!(r.has(Dimension::Chapter) && !r.has(Dimension::Service));
    r.name = " ".into();
    assert_eq!(r.validate().unwrap_err().field, "name");
}

#[test]
fn a_location_of_unknown_size_counts_as_a_location_not_as_employees() {
    let mut places = vec![loc(1, 40), loc(2, 60)];
    places.push(Location {
        employees: None,
        ..loc(3, 0)
    });
    let a = amb(1, d(2024, 1, 1), 1, &[3]);
    let c = coverage(&[a], &places, d(2024, 6, 1));
    assert_eq!(c.locations_covered, 2);
    assert_eq!(c.locations_total, 3);
    assert_eq!(c.employees_covered, 40);
    assert_eq!(c.employees_total, 100);
    assert_eq!(c.sizes_unknown, 1);
    let by_kind: usize = coverage_by_kind(&c, &places)
        .iter()
        .map(|k| k.sizes_unknown)
        .sum();
    assert_eq!(by_kind, 1);
    assert_eq!(uncovered(&c, &places).first().map(|l| l.id), Some(2));
    assert_eq!(places[2].employees_label(), "size unknown");
    assert_eq!(places[0].employees_label(), "40 employees");
}
