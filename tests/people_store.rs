//! Merging two records of one person and refusing a delete, on real redb files: every record
//! that points at either moves in one transaction, nothing is lost, undo restores it all, and
//! two people that only look alike are refused with the reason.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::store::{Store, StoreError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The ids of the records a test made.
struct World {
    roster: Employee,
    popup: Employee,
    supervised: Id,
    other_mentor: Id,
    session: Id,
}

/// Ana twice: once from HR (id 012345), once from a pop-up (email only), each with a story.
fn world(store: &Store) -> World {
    store
        .write(|t| {
            let mut roster = Employee::unknown("012345".into(), "Ana".into(), "García".into(), String::new());
            roster.hire_date = Some(d(2010, 1, 4));
            roster.status = Some(EmploymentStatus::Permanent);
            t.insert(&mut roster)?;
            let mut popup = Employee::unknown(
                String::new(),
                "Ana".into(),
                "Garcia".into(),
                "ana@district.org".into(),
            );
            popup.race = Race::Hispanic;
            t.insert(&mut popup)?;
            let mut boss_of = Employee::unknown("000900".into(), "Bo".into(), "Lee".into(), String::new());
            boss_of.supervisor_id = Some(popup.id);
            let supervised = t.insert(&mut boss_of)?;
            let mut mentee = Employee::unknown("000901".into(), "Cy".into(), "Diaz".into(), String::new());
            t.insert(&mut mentee)?;
            // Both records are mentors (one pair each, with logs); the pop-up one is also a mentee.
            let mut mentors = [0, 0];
            for (i, who) in [roster.id, popup.id].into_iter().enumerate() {
                let mut m = Mentor {
                    id: 0,
                    employee_id: who,
                    expertise: ["budgets", "careers"][i].into(),
                    active: i == 0,
                    joined: d(2020 + i as i32, 1, 1),
                };
                mentors[i] = t.insert(&mut m)?;
                let mut p = MentoringPair {
                    id: 0,
                    mentor_id: m.id,
                    mentee_id: mentee.id,
                    started: d(2024, 1 + i as u32, 1),
                    ended: Some(d(2024, 6, 1)),
                    end_reason: Some(PairEndReason::Completed),
                    notes: String::new(),
                };
                t.insert(&mut p)?;
                t.insert(&mut MentorLog {
                    id: 0,
                    pair_id: p.id,
                    month: d(2024, 3, 1),
                    hours: 2.0,
                    topics: "goals".into(),
                    submitted: d(2024, 3, 30),
                })?;
            }
            let mut cohort = Cohort {
                id: 0,
                fiscal_year: 2025,
                rule: CompletionRule {
                    min_sessions: 6,
                    require_final: true,
                },
            };
            t.insert(&mut cohort)?;
            let mut sessions = Vec::new();
            for n in 1..=2u8 {
                let mut s = LeadershipSession {
                    id: 0,
                    cohort_id: cohort.id,
                    number: n,
                    date: d(2024, 10 + n as u32, 1),
                    start: chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
                    end: chrono::NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
                    location: "CESC".into(),
                    room: "162T".into(),
                    topic: "Dare to Lead".into(),
                    facilitator: String::new(),
                };
                sessions.push(t.insert(&mut s)?);
            }
            for (who, marks) in [
                (roster.id, vec![(sessions[0], Attendance::Present)]),
                (
                    popup.id,
                    vec![
                        (sessions[0], Attendance::Present),
                        (sessions[1], Attendance::Absent),
                    ],
                ),
            ] {
                let mut p = Participant {
                    id: 0,
                    cohort_id: cohort.id,
                    employee_id: who,
                    role: String::new(),
                    status: ParticipantStatus::Active,
                };
                t.insert(&mut p)?;
                for (session_id, mark) in marks {
                    t.insert(&mut AttendanceMark {
                        id: 0,
                        participant_id: p.id,
                        session_id,
                        mark,
                    })?;
                }
            }
            for (i, who) in [popup.id, popup.id].into_iter().enumerate() {
                let mut it = Intake::new(who, d(2024, 9, 2 + i as u32), IntakeSource::PopUp);
                it.services.push(Service::ResumeReview);
                let id = t.insert(&mut it)?;
                t.insert(&mut Consultation {
                    id: 0,
                    intake_id: id,
                    date: d(2024, 9, 10),
                    minutes: 30,
                    services: vec![Service::ResumeReview],
                    notes: String::new(),
                })?;
            }
            t.insert(&mut WaitlistEntry {
                id: 0,
                employee_id: popup.id,
                joined: d(2024, 8, 1),
                note: String::new(),
            })?;
            t.insert(&mut Ambassador {
                id: 0,
                employee_id: popup.id,
                tenure_start: d(2023, 1, 1),
                tenure_end: d(2024, 6, 30),
                primary_location: 1,
                supported_locations: Vec::new(),
            })?;
            let mut offering = Offering {
                id: 0,
                course_number: "92883".into(),
                title: "Grow Your Career".into(),
                partner_office: String::new(),
                teacher_pathway: false,
            };
            t.insert(&mut offering)?;
            let mut pl = PlSession {
                id: 0,
                offering_id: offering.id,
                date: d(2024, 10, 3),
                start: None,
                end: None,
                place: String::new(),
                facilitator: String::new(),
            };
            t.insert(&mut pl)?;
            for who in [roster.id, popup.id, popup.id] {
                t.insert(&mut PlAttendance {
                    id: 0,
                    pl_session_id: pl.id,
                    employee_id: who,
                })?;
            }
            Ok(World {
                roster,
                popup,
                supervised,
                other_mentor: mentors[1],
                session: sessions[1],
            })
        })
        .unwrap()
}

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_new(&dir.path().join("t.redb")).unwrap();
    (dir, store)
}

/// Everything of a dataset that a merge must keep, as comparable counts.
fn totals(d: &Dataset) -> [usize; 6] {
    [
        d.intakes.len(),
        d.consultations.len(),
        d.logs.len(),
        d.pairs.len(),
        d.ambassadors.len(),
        d.waitlist.len(),
    ]
}

#[test]
fn a_merge_moves_every_record_in_one_transaction_and_undo_restores_it_all() {
    let (_dir, store) = new_store();
    let w = world(&store);
    let (before, _) = store.load().unwrap();
    let merged = merged_person(&w.roster, &w.popup, fill_unknowns(&w.roster, &w.popup));
    assert_eq!(
        (merged.email.as_str(), merged.race, merged.last_name.as_str()),
        ("ana@district.org", Race::Hispanic, "García")
    );
    let (report, journal) = store
        .write_tracked(|t| t.merge_people(&w.roster, &w.popup, &merged))
        .unwrap();
    let text = report.to_string();
    assert!(
        text.contains("2 intakes") && text.contains("1 mentor record (joined into one)"),
        "{text}"
    );
    let (after, problems) = store.load().unwrap();
    assert!(problems.is_empty());
    // Nothing lost: intakes, consultations, logs, pairs, tenures, waitlist.
    assert_eq!(totals(&after), totals(&before));
    assert!(after.employee(w.popup.id).is_none());
    assert_eq!(after.employee(w.roster.id).unwrap(), &merged);
    assert!(after.intakes.iter().all(|i| i.employee_id == w.roster.id));
    assert_eq!(after.waitlist[0].employee_id, w.roster.id);
    assert_eq!(after.ambassadors[0].employee_id, w.roster.id);
    assert_eq!(
        after.employee(w.supervised).unwrap().supervisor_id,
        Some(w.roster.id)
    );
    // One mentor record: active (either was), joined the earlier date, both pairs and logs on it.
    assert_eq!(after.mentors.len(), 1);
    let m = &after.mentors[0];
    assert!(m.active && m.joined == d(2020, 1, 1) && m.expertise == "budgets; careers");
    assert!(after.pairs.iter().all(|p| p.mentor_id == m.id));
    assert!(after.mentor(w.other_mentor).is_none());
    // One cohort place; the same mark twice is one, the other session's mark kept.
    assert_eq!(after.participants.len(), 1);
    assert_eq!(after.attendance.len(), 2);
    assert!(
        after
            .attendance
            .iter()
            .any(|a| a.session_id == w.session && a.mark == Attendance::Absent)
    );
    // The same PL attendance twice is one.
    assert_eq!(after.pl_attendance.len(), 1);

    store.undo(&journal).unwrap();
    let (restored, _) = store.load().unwrap();
    assert_eq!(restored.employees, before.employees);
    assert_eq!(restored.mentors, before.mentors);
    assert_eq!(restored.pairs, before.pairs);
    assert_eq!(restored.participants, before.participants);
    assert_eq!(restored.attendance, before.attendance);
    assert_eq!(restored.pl_attendance, before.pl_attendance);
    assert_eq!(restored.intakes, before.intakes);
}

#[test]
fn two_people_who_only_look_alike_are_refused_and_nothing_changes() {
    let (_dir, store) = new_store();
    let w = world(&store);
    let (before, _) = store.load().unwrap();
    let merge = |kept: &Employee, other: &Employee| {
        let merged = merged_person(kept, other, fill_unknowns(kept, other));
        store
            .write(|t| t.merge_people(kept, other, &merged))
            .unwrap_err()
            .to_string()
    };
    // A different mark for one session: which one is true is for a person to say.
    store
        .write(|t| {
            let mut m = t
                .all::<AttendanceMark>()?
                .into_iter()
                .find(|m| m.mark == Attendance::Present)
                .unwrap();
            m.mark = Attendance::Excused;
            t.put(&m)
        })
        .unwrap();
    let err = merge(&w.roster, &w.popup);
    assert!(
        err.contains("both records have a mark for leadership session 1 (2024-11-01)"),
        "{err}"
    );
    // Supervisor of the other.
    let (_dir2, store2) = new_store();
    let w2 = world(&store2);
    let mut boss = w2.roster.clone();
    store2
        .write(|t| {
            let mut b = t.get::<Employee>(w2.supervised)?.unwrap();
            b.supervisor_id = None;
            t.put(&b)?;
            boss.supervisor_id = Some(w2.popup.id);
            t.put(&boss)
        })
        .unwrap();
    let merged = merged_person(&boss, &w2.popup, |_| Side::Kept);
    let err = store2
        .write(|t| t.merge_people(&boss, &w2.popup, &merged))
        .unwrap_err()
        .to_string();
    assert!(err.contains("one record is the other's supervisor"), "{err}");
    // A record with itself.
    let err = merge(&w.roster, &w.roster);
    assert!(err.contains("cannot be merged with themselves"), "{err}");
    let (after, _) = store.load().unwrap();
    assert_eq!(after.employees, before.employees);
    assert_eq!(totals(&after), totals(&before));
}

#[test]
fn a_stale_record_and_overlapping_tenures_are_refused() {
    let (_dir, store) = new_store();
    let w = world(&store);
    store
        .write(|t| {
            t.insert(&mut Ambassador {
                id: 0,
                employee_id: w.roster.id,
                tenure_start: d(2024, 1, 1),
                tenure_end: d(2025, 6, 30),
                primary_location: 1,
                supported_locations: Vec::new(),
            })
        })
        .unwrap();
    let merged = merged_person(&w.roster, &w.popup, |_| Side::Kept);
    let err = store
        .write(|t| t.merge_people(&w.roster, &w.popup, &merged))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("ambassador tenure at once (2024-01-01 to 2025-06-30 and 2023-01-01 to 2024-06-30)"),
        "{err}"
    );
    let mut changed = w.roster.clone();
    changed.position = "Secretary".into();
    store.write(|t| t.put(&changed)).unwrap();
    let err = store
        .write(|t| t.merge_people(&w.roster, &w.popup, &merged))
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
}

#[test]
fn a_delete_is_refused_while_records_point_at_the_person_naming_them_without_personal_data() {
    let (_dir, store) = new_store();
    let w = world(&store);
    let err = store
        .write(|t| t.delete_person(&w.popup))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "person: cannot delete: records point at this person: 2 intakes (received 2024-09-02, 2024-09-03); \
         1 mentor record (joined 2021-01-01); 1 ambassador tenure (from 2023-01-01); \
         1 leadership cohort place; 1 waitlist entry (joined 2024-08-01); \
         2 professional learning attendances; 1 person they supervise; merge or move them first"
    );
    assert!(!err.contains("Garcia") && !err.contains("ana@"));
    assert!(store.load().unwrap().0.employee(w.popup.id).is_some());
    // Nobody points at a person just added: the delete goes through, and undo brings them back.
    let mut lone = Employee::unknown("000777".into(), "Lone".into(), "Person".into(), String::new());
    store.write(|t| t.insert(&mut lone)).unwrap();
    let ((), journal) = store.write_tracked(|t| t.delete_person(&lone)).unwrap();
    assert!(store.load().unwrap().0.employee(lone.id).is_none());
    store.undo(&journal).unwrap();
    assert_eq!(store.load().unwrap().0.employee(lone.id), Some(&lone));
}

#[test]
fn a_roster_upsert_meeting_a_concurrent_import_stores_nothing() {
    let (dir, store) = new_store();
    let roster = "Employee ID,First Name,Last Name\n000100,Ana,Garcia\n000101,Bo,Lee\n";
    let (data, _) = store.load().unwrap();
    let plan = pathways_core::import::employees::plan(&data, roster.as_bytes(), &[], false).unwrap();
    assert_eq!(plan.summary.new, 2);
    // Someone else adds 000101 between the check and the save.
    store
        .write(|t| {
            t.insert(&mut Employee::unknown(
                "000101".into(),
                "Bo".into(),
                "Lee".into(),
                String::new(),
            ))
        })
        .unwrap();
    let err = store.write(|t| plan.apply(t)).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert_eq!(
        store.load().unwrap().0.employees.len(),
        1,
        "nothing of the plan was stored"
    );
    // Run again on the file: the other person is updated (completed), the new one added.
    let file = dir.path().join("roster.csv");
    std::fs::write(&file, roster).unwrap();
    let s = pathways_core::import::employees::import(&store, &file, false, &[], false).unwrap();
    assert_eq!((s.new, s.updated, s.unchanged), (1, 0, 1));
}
