//! The learning tab through its contract, over the demo: each action's effect, the forms' rules
//! (the reason on the field), and each view drawn at 80x24.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

use super::*;
use crate::save::Save;
use crate::tab::Effect;
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn demo() -> (Dataset, LearningTab) {
    let data = pathways_core::demo::build(today());
    let mut tab = LearningTab::default();
    tab.refresh(&Ctx::new(&data, today(), false));
    (data, tab)
}

fn form_of(mut effects: Fx) -> (Form, LearningForm) {
    match effects.pop() {
        Some(Effect::Form(form, purpose)) => (form, purpose),
        _ => panic!("a form expected"),
    }
}

fn one_save(effects: &Fx) -> &Save<LearningSaved> {
    match effects.as_slice() {
        [Effect::Save(save)] => save,
        _ => panic!("one save expected"),
    }
}

fn screen(tab: &LearningTab, data: &Dataset, private: bool) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let cx = Ctx::new(data, today(), private);
    terminal
        .draw(|f| tab.render(f, f.area(), &cx, &Theme::new(false)))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_views_step_and_enter_goes_down_from_offering_to_sessions_to_attendance() {
    let (data, mut tab) = demo();
    let cx = Ctx::new(&data, today(), false);
    assert_eq!(tab.view(), View::Offerings);
    assert_eq!(tab.list.list(View::Offerings).len(), data.offerings.len());
    assert_eq!(tab.list.list(View::Sessions).len(), data.pl_sessions.len());
    let offering = tab.selected_offering(&data).unwrap().clone();
    let effects = tab.update(&cx, LearningAction::Open);
    assert!(matches!(effects.as_slice(), [Effect::Status(s)] if s.contains("sessions of")));
    assert_eq!(tab.view(), View::Sessions);
    let shown = tab.list.list(View::Sessions).len();
    assert_eq!(
        shown, tab.sessions_of[&offering.id],
        "the filter shows the offering's sessions"
    );
    let session = tab.selected_session(&data).unwrap().clone();
    assert_eq!(session.offering_id, offering.id);
    tab.update(&cx, LearningAction::Open);
    assert_eq!(tab.view(), View::Attendance);
    assert_eq!(tab.session, Some(session.id));
    assert_eq!(
        tab.list.list(View::Attendance).len(),
        data.pl_attendance
            .iter()
            .filter(|a| a.pl_session_id == session.id)
            .count()
    );
    assert!(tab.back(&cx));
    assert_eq!(tab.view(), View::Sessions);
    tab.update(&cx, LearningAction::NextView);
    assert_eq!(tab.view(), View::Attendance);
    tab.navigate(&cx, Nav::Right);
    assert_eq!(tab.view(), View::Offerings, "the views wrap");
    assert!(!tab.back(&cx), "Esc on offerings is the app's");
}

#[test]
fn add_an_offering_names_a_taken_course_number_on_its_field() {
    let (data, mut tab) = demo();
    let cx = Ctx::new(&data, today(), false);
    let (mut form, purpose) = form_of(tab.update(&cx, LearningAction::Add));
    assert_eq!(purpose, LearningForm::AddOffering);
    let taken = data
        .offerings
        .iter()
        .find(|o| !o.course_number.is_empty())
        .unwrap();
    form.field_mut("course number").unwrap().value = taken.course_number.clone();
    form.field_mut("title").unwrap().value = "Another course".into();
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(form.is_wrong("course number"));
    form.clear_errors();
    form.field_mut("course number").unwrap().value = "12 34".into();
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(form.is_wrong("course number"), "no spaces in a PDO number");
    form.clear_errors();
    form.field_mut("course number").unwrap().value = "77001".into();
    form.field_mut("title").unwrap().value = String::new();
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(form.is_wrong("title"));
    form.clear_errors();
    form.field_mut("title").unwrap().value = "Budgeting for Families".into();
    form.field_mut("teacher pathway").unwrap().value = "yes".into();
    let effects = tab.submit(&cx, &mut form, &purpose);
    let save = one_save(&effects);
    assert_eq!(save.done, "offering added: 77001 Budgeting for Families");
    assert_eq!(save.then, Some(LearningSaved::Offering));
}

#[test]
fn edit_an_offering_opens_on_it_as_it_is() {
    let (data, mut tab) = demo();
    let cx = Ctx::new(&data, today(), false);
    let shown = tab.selected_offering(&data).unwrap().clone();
    let (mut form, purpose) = form_of(tab.update(&cx, LearningAction::Edit));
    assert_eq!(purpose, LearningForm::EditOffering(shown.clone()));
    assert_eq!(form.value("title"), shown.title);
    form.field_mut("partner office").unwrap().value = "OCTO".into();
    let effects = tab.submit(&cx, &mut form, &purpose);
    assert!(one_save(&effects).done.starts_with("offering saved: "));
}

#[test]
fn add_a_session_takes_every_date_form_and_names_the_wrong_field() {
    let (data, mut tab) = demo();
    let cx = Ctx::new(&data, today(), false);
    tab.update(&cx, LearningAction::NextView);
    let course = tab.selected_session(&data).map(|s| s.offering_id).unwrap();
    let (mut form, purpose) = form_of(tab.update(&cx, LearningAction::Add));
    assert_eq!(purpose, LearningForm::AddSession);
    let offering = data.offerings.iter().find(|o| o.id == course).unwrap();
    assert!(!form.value("course").is_empty(), "the selected session's course");
    assert!(offering.course_number == form.value("course") || offering.title == form.value("course"));
    let prefilled = form.value("course").to_string();
    form.field_mut("date").unwrap().value = "12/32/2026".into();
    form.field_mut("course").unwrap().value = "00000".into();
    form.field_mut("start").unwrap().value = "16:30".into();
    form.field_mut("end").unwrap().value = "16:00".into();
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(form.is_wrong("date") && form.is_wrong("course"));
    form.clear_errors();
    form.field_mut("course").unwrap().value = prefilled.to_uppercase();
    form.field_mut("date").unwrap().value = "12/9/2026".into();
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(form.is_wrong("end"), "ends before it starts");
    form.clear_errors();
    form.field_mut("end").unwrap().value = "6:00 PM".into();
    form.field_mut("place").unwrap().value = "Carver Center".into();
    let effects = tab.submit(&cx, &mut form, &purpose);
    let save = one_save(&effects);
    assert!(save.done.contains("2026-12-09 16:30"), "{}", save.done);
    assert_eq!(save.then, Some(LearningSaved::Session));
}

#[test]
fn a_session_twice_on_one_date_and_time_is_refused_on_the_date() {
    let (data, mut tab) = demo();
    let cx = Ctx::new(&data, today(), false);
    tab.update(&cx, LearningAction::NextView);
    let shown = tab.selected_session(&data).unwrap().clone();
    let (mut form, purpose) = form_of(tab.update(&cx, LearningAction::Add));
    form.field_mut("date").unwrap().value = shown.date.format("%m/%d/%Y").to_string();
    form.field_mut("start").unwrap().value = shown
        .start
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default();
    form.field_mut("end").unwrap().value = String::new();
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(form.is_wrong("date"));
    // Edit opens on the session and saves against it.
    let (mut form, purpose) = form_of(tab.update(&cx, LearningAction::Edit));
    assert_eq!(purpose, LearningForm::EditSession(shown.clone()));
    form.field_mut("facilitator").unwrap().value = "R. Osei".into();
    assert!(
        one_save(&tab.submit(&cx, &mut form, &purpose))
            .done
            .starts_with("session saved: ")
    );
}

#[test]
fn attendance_is_added_by_the_one_people_lookup_and_once() {
    let (data, mut tab) = demo();
    let cx = Ctx::new(&data, today(), false);
    tab.update(&cx, LearningAction::NextView);
    tab.update(&cx, LearningAction::Open);
    let session = tab.session.unwrap();
    let (mut form, purpose) = form_of(tab.update(&cx, LearningAction::Add));
    assert_eq!(purpose, LearningForm::AddAttendance(session));
    let there = data
        .pl_attendance
        .iter()
        .find(|a| a.pl_session_id == session)
        .unwrap();
    let e = data.employee(there.employee_id).unwrap();
    form.field_mut("person").unwrap().value = e.employee_number.clone();
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(form.is_wrong("person"), "already recorded");
    form.clear_errors();
    form.field_mut("person").unwrap().value = "nobody-like-this-at-all".into();
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(form.is_wrong("person"));
    form.clear_errors();
    let absent = data
        .employees
        .iter()
        .find(|x| {
            !x.employee_number.is_empty()
                && !data
                    .pl_attendance
                    .iter()
                    .any(|a| a.pl_session_id == session && a.employee_id == x.id)
        })
        .unwrap();
    form.field_mut("person").unwrap().value = absent.employee_number.clone();
    let effects = tab.submit(&cx, &mut form, &purpose);
    assert_eq!(one_save(&effects).then, Some(LearningSaved::Attendance));
}

#[test]
fn remove_asks_first_and_an_offering_with_sessions_says_why_not() {
    let (data, mut tab) = demo();
    let cx = Ctx::new(&data, today(), false);
    let effects = tab.update(&cx, LearningAction::Remove);
    assert!(
        matches!(effects.as_slice(), [Effect::Status(s)] if s.contains("remove them first")),
        "the demo's offerings have sessions"
    );
    tab.update(&cx, LearningAction::NextView);
    let shown = tab.selected_session(&data).unwrap().clone();
    match tab.update(&cx, LearningAction::Remove).as_slice() {
        [Effect::Ask(question, LearningConfirm::RemoveSession(s))] => {
            assert_eq!(s, &shown);
            assert!(question.contains("attendance"), "{question}");
        }
        _ => panic!("a question expected"),
    }
    let effects = tab.confirmed(&cx, LearningConfirm::RemoveSession(shown));
    assert!(one_save(&effects).done.starts_with("session removed: "));
    tab.update(&cx, LearningAction::Open);
    let a = tab.selected_attendance(&data).unwrap().clone();
    assert!(matches!(
        tab.update(&cx, LearningAction::Remove).as_slice(),
        [Effect::Ask(_, LearningConfirm::RemoveAttendance(x))] if *x == a
    ));
    assert!(matches!(
        tab.update(&cx, LearningAction::Edit).as_slice(),
        [Effect::Status(_)]
    ));
}

#[test]
fn a_save_selects_what_it_added_and_the_filter_narrows() {
    let (data, mut tab) = demo();
    let cx = Ctx::new(&data, today(), false);
    let last = data.offerings.last().unwrap().id;
    tab.saved(&cx, LearningSaved::Offering, Some(last));
    assert_eq!(tab.selected_offering(&data).unwrap().id, last);
    let title = data.offerings[0].title.clone();
    tab.set_filter(&cx, &title);
    assert!(tab.list.list(View::Offerings).len() < data.offerings.len());
    assert!(tab.copy_facts(&cx).unwrap().contains(&title));
}

#[test]
fn each_view_at_80x24_and_an_empty_database_says_what_to_do() {
    let (data, mut tab) = demo();
    let cx = Ctx::new(&data, today(), false);
    let offerings = screen(&tab, &data, false);
    assert!(
        offerings.contains("Offerings") && offerings.contains("Course"),
        "{offerings}"
    );
    let first = tab.selected_offering(&data).unwrap();
    assert!(offerings.contains(&first.course_number), "{offerings}");
    tab.update(&cx, LearningAction::NextView);
    let sessions = screen(&tab, &data, false);
    assert!(
        sessions.contains("PL sessions") && sessions.contains("Facilitator"),
        "{sessions}"
    );
    tab.update(&cx, LearningAction::Open);
    let a = tab.selected_attendance(&data).unwrap();
    let name = data.employee_name(a.employee_id);
    let attendance = screen(&tab, &data, false);
    assert!(attendance.contains("Attended"), "{attendance}");
    assert!(
        attendance.contains(&data.employee(a.employee_id).unwrap().employee_number),
        "{attendance}"
    );
    let private = screen(&tab, &data, true);
    assert!(
        !private.contains(&name),
        "names are initials under the privacy screen"
    );

    let empty = Dataset::default();
    let mut tab = LearningTab::default();
    tab.refresh(&Ctx::new(&empty, today(), false));
    assert!(screen(&tab, &empty, false).contains("No offerings yet: a adds one"));
}
