//! The intake rules' tests, beside the rules (kept apart so intake.rs stays readable).

use super::*;

#[test]
fn minutes_are_digits_from_one_to_480_or_refused() {
    assert_eq!(Consultation::parse_minutes(" 45 "), Ok(45));
    assert_eq!(Consultation::parse_minutes("480"), Ok(480));
    for bad in ["-5", "1e3", "+5", "4.5", "0", "481", "", "٤٥", "99999999999"] {
        let e = Consultation::parse_minutes(bad).unwrap_err();
        assert_eq!(e.field, "minutes", "{bad}");
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn the_booklets_service_words_are_services() {
    for (words, want) in [
        ("Resume writing and review", Service::ResumeReview),
        ("RÉSUMÉ WRITING AND REVIEW", Service::ResumeReview),
        ("Interview prep", Service::InterviewPrep),
        ("Goal setting and long-term career planning", Service::GoalSetting),
        ("goal setting & long term career planning", Service::GoalSetting),
        ("Career coaching", Service::CareerCoaching),
        ("Teacher pathway", Service::TeacherPathway),
        ("Training / professional learning advice", Service::TrainingAdvice),
        ("interview preparation", Service::InterviewPrep),
        ("other", Service::Other),
    ] {
        assert_eq!(Service::from_words(words), Some(want), "{words}");
    }
    assert_eq!(Service::from_words("pottery lessons"), None);
}

#[test]
fn moves_forward_record_dates_and_back_drops_them() {
    let mut i = Intake::new(1, d(2024, 9, 2), IntakeSource::Form);
    i.services.push(Service::ResumeReview);
    i.move_to(IntakeStatus::Contacted, d(2024, 9, 3), None);
    i.move_to(IntakeStatus::ConsultationScheduled, d(2024, 9, 5), None);
    i.move_to(IntakeStatus::RelationshipEstablished, d(2024, 9, 10), None);
    assert_eq!(i.established_on(), Some(d(2024, 9, 10)));
    assert!(i.move_loses_information(IntakeStatus::Contacted));
    i.move_to(IntakeStatus::Contacted, d(2024, 9, 11), None);
    assert_eq!(i.established_on(), None);
    assert_eq!(i.date_of(IntakeStatus::Contacted), Some(d(2024, 9, 3)));
    i.move_to(IntakeStatus::Closed, d(2024, 9, 12), Some(CloseReason::Withdrawn));
    assert_eq!(i.close_reason, Some(CloseReason::Withdrawn));
    assert!(i.validate().is_ok());
}

#[test]
fn overdue_counts_working_days_since_received() {
    // Received Friday 2024-11-01: 5 working days pass on Friday 2024-11-08.
    let i = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
    let open = Closures::default();
    assert!(!i.is_overdue(d(2024, 11, 8), 5, &open));
    assert!(i.is_overdue(d(2024, 11, 11), 5, &open));
    // Veterans Day (Mon 11 Nov) closed: the fifth working day is then Tuesday.
    let veterans = Closures::new(&[crate::domain::Closure {
        id: 1,
        date: d(2024, 11, 11),
        name: "Veterans Day".into(),
    }]);
    assert!(!i.is_overdue(d(2024, 11, 11), 5, &veterans));
    assert!(i.is_overdue(d(2024, 11, 12), 5, &veterans));
    let mut contacted = i.clone();
    contacted.move_to(IntakeStatus::Contacted, d(2024, 11, 2), None);
    assert!(!contacted.is_overdue(d(2025, 1, 1), 5, &open));
    assert_eq!(i.days_waiting(d(2024, 11, 11)), Some(10));
}

#[test]
fn every_step_forward_and_back_and_closing_from_any_status() {
    use IntakeStatus::*;
    let mut i = Intake::new(1, d(2024, 9, 2), IntakeSource::Form);
    i.services.push(Service::GoalSetting);
    let mut day = d(2024, 9, 2);
    while let Some(next) = i.status.next() {
        day = day.succ_opt().unwrap();
        assert!(!i.move_loses_information(next));
        i.move_to(next, day, Some(CloseReason::Referred));
        assert_eq!(i.date_of(next), Some(day));
    }
    assert_eq!(i.status, Closed);
    assert_eq!(i.close_reason, Some(CloseReason::Referred));
    assert_eq!(i.history.len(), 5);
    while let Some(prev) = i.status.previous() {
        assert!(i.move_loses_information(prev));
        i.move_to(prev, d(2024, 10, 1), None);
        assert_eq!(i.close_reason, None);
    }
    assert_eq!(i.status, Received);
    assert_eq!(
        i.history,
        vec![StatusChange {
            status: Received,
            date: d(2024, 9, 2)
        }]
    );
    // Closing straight from received keeps the received date and records the close.
    i.move_to(Closed, d(2024, 10, 2), Some(CloseReason::NoResponse));
    assert_eq!(i.date_of(Closed), Some(d(2024, 10, 2)));
    assert_eq!(i.established_on(), None);
}

#[test]
fn days_waiting_count_from_the_last_step_and_stop_once_established() {
    let mut i = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
    assert_eq!(i.days_waiting(d(2024, 11, 4)), Some(3));
    // Contacted on the 6th: now waiting on the team's next step since then.
    i.move_to(IntakeStatus::Contacted, d(2024, 11, 6), None);
    assert_eq!(i.waiting_since(), Some(d(2024, 11, 6)));
    assert_eq!(i.days_waiting(d(2024, 11, 20)), Some(14));
    i.move_to(IntakeStatus::ConsultationScheduled, d(2024, 11, 18), None);
    assert_eq!(i.days_waiting(d(2024, 11, 20)), Some(2));
    // An ongoing relationship or a closed intake is not waiting at all.
    i.move_to(IntakeStatus::RelationshipEstablished, d(2024, 11, 19), None);
    assert_eq!(i.days_waiting(d(2025, 1, 1)), None);
    i.move_to(IntakeStatus::Closed, d(2024, 11, 20), Some(CloseReason::Served));
    assert_eq!(i.days_waiting(d(2025, 1, 1)), None);
    // A day before receipt never shows a negative wait.
    let j = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
    assert_eq!(j.days_waiting(d(2024, 10, 1)), Some(0));
}

#[test]
fn stale_and_late_flags() {
    let open = Closures::default();
    let mut i = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
    assert!(
        !i.is_stale(d(2025, 1, 1), 10, &open),
        "received is overdue, not stale"
    );
    i.move_to(IntakeStatus::Contacted, d(2024, 11, 4), None);
    // Mon 4 Nov + 10 working days = Mon 18 Nov.
    assert!(!i.is_stale(d(2024, 11, 18), 10, &open));
    assert!(i.is_stale(d(2024, 11, 19), 10, &open));
    i.move_to(IntakeStatus::ConsultationScheduled, d(2024, 11, 19), None);
    assert!(!i.is_stale(d(2024, 11, 19), 10, &open));
    i.next_step_due = Some(d(2024, 11, 22));
    assert!(!i.next_step_late(d(2024, 11, 22)));
    assert!(i.next_step_late(d(2024, 11, 25)));
    i.move_to(IntakeStatus::Closed, d(2024, 11, 25), Some(CloseReason::Served));
    assert!(!i.next_step_late(d(2024, 11, 26)), "closed intakes are done");
    assert!(!i.is_stale(d(2025, 1, 1), 10, &open));
}

#[test]
fn a_step_happens_by_today_and_after_the_one_before() {
    let today = d(2024, 11, 20);
    let mut i = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
    i.services.push(Service::GoalSetting);
    let err = i
        .step(IntakeStatus::Contacted, d(2024, 11, 21), None, today)
        .unwrap_err();
    assert_eq!(err.field, "date");
    assert!(err.reason.contains("after today"), "{err}");
    let err = i
        .step(IntakeStatus::Contacted, d(2024, 10, 31), None, today)
        .unwrap_err();
    assert!(
        err.reason.contains("before the previous step (2024-11-01)"),
        "{err}"
    );
    assert_eq!(i.status, IntakeStatus::Received, "a refused step changes nothing");
    // Friday's call logged on Monday says Friday.
    i.step(IntakeStatus::Contacted, d(2024, 11, 15), None, today)
        .unwrap();
    assert_eq!(i.date_of(IntakeStatus::Contacted), Some(d(2024, 11, 15)));
    assert!(i.check_dates(today).is_ok());
    assert_eq!(i.check_dates(d(2024, 11, 14)).unwrap_err().field, "contacted");
    let mut future = Intake::new(1, d(2024, 12, 1), IntakeSource::Form);
    future.services.push(Service::GoalSetting);
    assert_eq!(future.check_dates(today).unwrap_err().field, "received");
}

#[test]
fn overdue_limit_is_configurable() {
    // Received Monday 2024-11-04; two working days pass on Wednesday.
    let i = Intake::new(1, d(2024, 11, 4), IntakeSource::Form);
    let open = Closures::default();
    assert!(!i.is_overdue(d(2024, 11, 6), 2, &open));
    assert!(i.is_overdue(d(2024, 11, 7), 2, &open));
    // Weekends do not count: Friday to Monday is one working day.
    let f = Intake::new(1, d(2024, 11, 8), IntakeSource::Form);
    assert!(!f.is_overdue(d(2024, 11, 11), 1, &open));
    assert!(f.is_overdue(d(2024, 11, 12), 1, &open));
    assert_eq!(overdue_limit(&[]), DEFAULT_OVERDUE_WORKING_DAYS);
    let s = IntakeSettings {
        id: 1,
        overdue_working_days: 3,
        stale_working_days: 10,
    };
    assert_eq!(overdue_limit(std::slice::from_ref(&s)), 3);
    assert!(s.validate().is_ok());
    assert_eq!(
        IntakeSettings {
            id: 1,
            overdue_working_days: 0,
            stale_working_days: 10,
        }
        .validate()
        .unwrap_err()
        .field,
        "working days"
    );
}

#[test]
fn names_split_on_the_last_word() {
    assert_eq!(
        split_name(" Ana  María García "),
        Some(("Ana María".into(), "García".into()))
    );
    assert_eq!(split_name("Cher"), None);
    assert_eq!(split_name(""), None);
}

#[test]
fn validation_names_the_field() {
    let i = Intake::new(1, d(2024, 11, 1), IntakeSource::Form);
    assert_eq!(i.validate().unwrap_err().field, "services");
}
