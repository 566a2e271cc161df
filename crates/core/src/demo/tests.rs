//! The demo against the booklet's facts, the program's rules, and itself on another day.

use super::*;
use crate::dataset::Dataset;
use chrono::Datelike;
use std::collections::{BTreeSet, HashMap};

fn today() -> NaiveDate {
    date(2026, 11, 25)
}

#[test]
fn the_booklet_facts_hold_on_the_booklet_dates() {
    let d = build(today());
    // Leadership: the FY25 schedule and cohort exactly as printed.
    let fy25 = d.cohort_for(FiscalYear(2025)).expect("FY25 cohort");
    let mut sessions: Vec<_> = d.sessions.iter().filter(|s| s.cohort_id == fy25.id).collect();
    sessions.sort_by_key(|s| s.number);
    let dates: Vec<String> = sessions.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2024-10-30",
            "2024-11-21",
            "2024-12-19",
            "2025-01-16",
            "2025-02-20",
            "2025-03-19",
            "2025-04-24",
            "2025-05-21"
        ]
    );
    assert_eq!(sessions[2].room, "Auditorium");
    assert_eq!(sessions[7].topic, "Leadership Project");
    let people: Vec<_> = d.participants.iter().filter(|p| p.cohort_id == fy25.id).collect();
    assert_eq!(people.len(), 15);
    let count = |race| {
        people
            .iter()
            .filter(|p| d.employee(p.employee_id).map(|e| e.race) == Some(race))
            .count()
    };
    assert_eq!(
        (count(Race::White), count(Race::Black), count(Race::Hispanic)),
        (6, 5, 4)
    );
    // A cohort every fiscal year from FY24 to today's.
    let years: Vec<i32> = d.cohorts.iter().map(|c| c.fiscal_year).collect();
    assert_eq!(years, [2024, 2025, 2026, 2027]);
    // Ambassadors: 24 in January 2023, 15 of them at schools; in 2023-24, 43 locations and
    // about 1,600 employees.
    let launch = coverage(&d.ambassadors, &d.locations, date(2023, 1, 19));
    assert_eq!(launch.active_ambassadors, 24);
    let schools = d
        .ambassadors
        .iter()
        .filter(|a| a.is_active(date(2023, 1, 19)))
        .filter(|a| d.location(a.primary_location).is_some_and(|l| l.kind.is_school()))
        .count();
    assert_eq!(schools, 15);
    assert_eq!(
        coverage(&d.ambassadors, &d.locations, date(2023, 1, 18)).active_ambassadors,
        0
    );
    let school_year = coverage(&d.ambassadors, &d.locations, date(2024, 1, 15));
    assert_eq!(school_year.active_ambassadors, 24);
    assert_eq!(school_year.locations_covered, 43);
    assert!(
        (1500..1700).contains(&school_year.employees_covered),
        "{}",
        school_year.employees_covered
    );
    // Mentors: eight in four chapters as of December 2024.
    let december = date(2024, 12, 19);
    let mentors: Vec<_> = d
        .mentors
        .iter()
        .filter(|m| m.joined <= december && m.active)
        .collect();
    assert_eq!(mentors.len(), 8);
    let chapters: BTreeSet<_> = mentors
        .iter()
        .filter_map(|m| d.employee(m.employee_id))
        .map(|e| e.chapter.clone())
        .collect();
    assert_eq!(chapters.len(), 4);
    // Professional learning: the booklet's fourteen offerings in FY25, 375 attendances by
    // December 13, 2024.
    let fy25_offerings: BTreeSet<&str> = d
        .pl_sessions
        .iter()
        .filter(|s| FiscalYear::of(s.date) == FiscalYear(2025))
        .filter_map(|s| d.offerings.iter().find(|o| o.id == s.offering_id))
        .map(|o| o.title.as_str())
        .collect();
    assert_eq!(fy25_offerings.len(), 14, "{fy25_offerings:?}");
    assert!(fy25_offerings.contains("How to Become a Teacher Webinar"));
    let grow = d.offerings.iter().find(|o| o.course_number == "92883").unwrap();
    assert_eq!(grow.title, "Grow Your Career with MCPS");
    let by_dec_13 = d
        .pl_attendance
        .iter()
        .filter(|a| {
            d.pl_sessions
                .iter()
                .any(|s| s.id == a.pl_session_id && (date(2024, 7, 1)..=date(2024, 12, 13)).contains(&s.date))
        })
        .count();
    assert_eq!(by_dec_13, 375);
    // Pop-ups started in November 2024.
    assert_eq!(d.popups.iter().map(|p| p.date).min(), Some(date(2024, 11, 6)));
    assert!(d.intakes.iter().map(|i| i.received).min() >= Some(date(2022, 9, 1)));
    let fy25_intakes = d
        .intakes
        .iter()
        .filter(|i| FiscalYear::of(i.received) == FiscalYear(2025))
        .count();
    assert!(fy25_intakes > 150, "{fy25_intakes}");
}

/// The positions' chapters and places, from the demo's own list.
fn position_facts() -> HashMap<String, (String, String)> {
    people::positions()
        .into_iter()
        .map(|p| (p.title, (p.chapter, p.place)))
        .collect()
}

#[test]
fn every_record_obeys_the_programs_rules() {
    let d = build(today());
    let facts = position_facts();
    for e in &d.employees {
        assert!(e.validate().is_ok(), "{e:?}");
        let (chapter, place) = &facts[&e.position];
        assert_eq!(
            e.chapter.as_ref(),
            Some(chapter),
            "{} is a {}",
            e.full_name(),
            e.position
        );
        // The demo fills every fact a real roster would.
        assert!(
            e.status.is_some() && e.in_evaluation.is_some() && e.position_start.is_some(),
            "{e:?}"
        );
        let kind = d.location(e.location_id.unwrap()).unwrap().kind;
        assert!(people::works_at(place, kind), "{} works at a {kind}", e.position);
        assert!(is_weekday(e.hire_date.unwrap()));
    }
    assert_eq!(
        d.union_chapters().len(),
        d.chapters.len(),
        "every chapter is on the list"
    );
    assert_eq!(d.owners(), vec!["program manager", "program specialist"]);
    let weekday =
        |what: &str, day: NaiveDate| assert!(is_weekday(day), "{what} on a {}: {day}", day.weekday());
    for i in &d.intakes {
        assert!(i.validate().is_ok(), "{i:?}");
        weekday("intake", i.received);
        for c in &i.history {
            weekday("status change", c.date);
        }
        let hired = d.employee(i.employee_id).unwrap().hire_date.unwrap();
        assert!(hired <= i.received);
    }
    for c in &d.consultations {
        assert!(c.validate().is_ok());
        weekday("consultation", c.date);
    }
    for s in &d.pl_sessions {
        weekday("PL session", s.date);
    }
    for p in &d.popups {
        weekday("pop-up", p.date);
        assert!(!matches!(p.date.month(), 7 | 8));
    }
    for s in &d.ambassador_sessions {
        weekday("ambassador session", s.date);
        assert!(s.validate().is_ok());
    }
    for s in &d.sessions {
        weekday("leadership session", s.date);
        let cohort = d.cohorts.iter().find(|c| c.id == s.cohort_id).unwrap();
        assert!(s.validate_for(cohort, &d.sessions).is_ok(), "{s:?}");
    }
    // Ambassadors: 5 years of service on the first day, one tenure at a time, 18 months.
    for a in &d.ambassadors {
        let e = d.employee(a.employee_id).unwrap();
        assert_eq!(ambassador_problem(e, a.tenure_start), None, "{a:?}");
        assert_eq!(a.tenure_end, Ambassador::default_tenure_end(a.tenure_start));
        assert!(
            overlapping_tenure(
                &d.ambassadors,
                a.employee_id,
                a.tenure_start,
                a.tenure_end,
                Some(a.id)
            )
            .is_none()
        );
        assert_eq!(
            e.location_id,
            Some(a.primary_location),
            "works at the primary location"
        );
    }
    // Mentors: 5 years of service and 1 in the position when they joined and when they paired.
    for m in &d.mentors {
        let e = d.employee(m.employee_id).unwrap();
        let mut active = m.clone();
        active.active = true;
        assert!(mentor_problems(&active, e, m.joined).is_empty(), "{m:?}");
    }
    for p in &d.pairs {
        let mentor = d.mentor(p.mentor_id).unwrap();
        let mut active = mentor.clone();
        active.active = true;
        let before: Vec<MentoringPair> = d.pairs.iter().filter(|q| q.id < p.id).cloned().collect();
        let problems = pairing_problems(
            &active,
            d.employee(mentor.employee_id).unwrap(),
            d.employee(p.mentee_id).unwrap(),
            &before,
            p.started,
        );
        assert!(problems.is_empty(), "{p:?}: {problems:?}");
        assert!(p.ended.is_none_or(|e| check_end(p, e).is_ok()));
        assert!(
            p.ended.is_some() || p.expires() > today(),
            "a pair past 12 months is ended"
        );
    }
    for l in &d.logs {
        let others: Vec<MentorLog> = d.logs.iter().filter(|o| o.id != l.id).cloned().collect();
        assert!(l.validate(&others).is_ok(), "{l:?}");
        assert!(l.submitted <= today());
    }
    // One place per person across cohorts; marks only for sessions held.
    let mut placed = BTreeSet::new();
    for p in &d.participants {
        assert!(placed.insert(p.employee_id), "{p:?}");
    }
    for m in &d.attendance {
        let s = d.sessions.iter().find(|s| s.id == m.session_id).unwrap();
        assert!(s.date <= today());
    }
}

/// Everything dated on or before `on`, as comparable text.
fn history(d: &Dataset, on: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    for i in d.intakes.iter().filter(|i| i.received <= on) {
        let steps: Vec<_> = i.history.iter().filter(|c| c.date <= on).collect();
        out.push(format!(
            "intake {} {} {:?} {steps:?}",
            i.employee_id, i.received, i.services
        ));
    }
    for c in d.consultations.iter().filter(|c| c.date <= on) {
        out.push(format!("consultation {} {}", c.date, c.minutes));
    }
    let pl_dates: HashMap<Id, NaiveDate> = d.pl_sessions.iter().map(|s| (s.id, s.date)).collect();
    for a in d
        .pl_attendance
        .iter()
        .filter(|a| pl_dates[&a.pl_session_id] <= on)
    {
        out.push(format!("pl {} {}", pl_dates[&a.pl_session_id], a.employee_id));
    }
    for a in d.ambassadors.iter().filter(|a| a.tenure_start <= on) {
        out.push(format!(
            "ambassador {} {} {}",
            a.employee_id, a.tenure_start, a.primary_location
        ));
    }
    for s in d.ambassador_sessions.iter().filter(|s| s.date <= on) {
        out.push(format!(
            "ambassador session {} {} {}",
            s.date,
            s.topic,
            s.attendees.len()
        ));
    }
    for m in d.mentors.iter().filter(|m| m.joined <= on) {
        out.push(format!("mentor {} {}", m.employee_id, m.joined));
    }
    for p in d.pairs.iter().filter(|p| p.started <= on) {
        let ended = p.ended.filter(|e| *e <= on);
        out.push(format!(
            "pair {} {} {} {ended:?}",
            p.mentor_id, p.mentee_id, p.started
        ));
    }
    for l in d.logs.iter().filter(|l| l.submitted <= on) {
        out.push(format!("log {} {} {}", l.pair_id, l.month, l.hours));
    }
    let session_dates: HashMap<Id, NaiveDate> = d.sessions.iter().map(|s| (s.id, s.date)).collect();
    for m in d.attendance.iter().filter(|m| session_dates[&m.session_id] <= on) {
        out.push(format!(
            "mark {} {} {:?}",
            m.participant_id, session_dates[&m.session_id], m.mark
        ));
    }
    for p in d.popups.iter().filter(|p| p.date <= on) {
        out.push(format!("popup {} {}", p.date, p.location_id));
    }
    out.sort();
    out
}

#[test]
fn the_past_is_the_same_whatever_today_is() {
    // The booklet's day, built on that day and two years later: the same history to that day.
    let booklet = date(2024, 12, 19);
    let then = build(booklet);
    let later = build(today());
    assert_eq!(history(&then, booklet), history(&later, booklet));
    assert!(history(&later, today()).len() > history(&later, booklet).len());
}

#[test]
fn the_demo_is_the_same_every_time() {
    let a = build(today());
    let b = build(today());
    assert_eq!(format!("{:?}", a.intakes), format!("{:?}", b.intakes));
    assert_eq!(format!("{:?}", a.employees), format!("{:?}", b.employees));
    assert_eq!(a.record_count(), b.record_count());
}
