//! The queue driven through the tab contract over the demo data: no store, no terminal.

use super::*;
use crate::tab::Effect;

fn tab() -> (Dataset, IntakeTab, chrono::NaiveDate) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let data = pathways_core::demo::build(today);
    let mut tab = IntakeTab::default();
    tab.refresh(&Ctx::new(&data, today, false));
    (data, tab, today)
}

#[test]
fn an_edit_opens_on_the_intake_as_it_is_and_saves_against_it() {
    let (data, mut tab, today) = tab();
    let cx = Ctx::new(&data, today, false);
    let shown = tab.selected(&data).unwrap().clone();
    let mut effects = tab.update(&cx, IntakeAction::Edit);
    let Some(Effect::Form(mut form, purpose)) = effects.pop() else {
        panic!("no form")
    };
    assert_eq!(purpose, IntakeForm::Edit(shown.clone()));
    form.field_mut("notes").unwrap().value = "called back".into();
    let effects = tab.submit(&cx, &mut form, &purpose);
    assert!(!form.has_errors(), "{:?}", form.message);
    match effects.as_slice() {
        [Effect::Save(save)] => {
            assert_eq!(save.done, "intake saved");
            assert_eq!(save.then, Some(IntakeSaved::Select));
        }
        _ => panic!("one save expected"),
    }
}

#[test]
fn a_wrong_field_keeps_the_form_and_saves_nothing() {
    let (data, mut tab, today) = tab();
    let cx = Ctx::new(&data, today, false);
    let Some(Effect::Form(mut form, purpose)) = tab.update(&cx, IntakeAction::Add).pop() else {
        panic!("no form")
    };
    form.field_mut("received").unwrap().value = "31/31/2026".into();
    let effects = tab.submit(&cx, &mut form, &purpose);
    assert!(effects.is_empty());
    assert!(form.is_wrong("received"));
    assert!(form.is_wrong("first name"));
}

#[test]
fn stepping_back_asks_first_and_the_filter_narrows() {
    let (data, mut tab, today) = tab();
    let cx = Ctx::new(&data, today, false);
    let contacted = data
        .intakes
        .iter()
        .find(|i| i.status == IntakeStatus::Contacted)
        .unwrap()
        .clone();
    tab.show_intake(&cx, contacted.id);
    match tab.update(&cx, IntakeAction::StepBack).as_slice() {
        [Effect::Ask(question, IntakeConfirm::MoveBack(it, IntakeStatus::Received))] => {
            assert_eq!(it, &contacted);
            assert!(question.contains("back to received"), "{question}");
        }
        _ => panic!("a question expected"),
    }
    let all = tab.rows().len();
    tab.set_filter(&cx, "resume");
    assert!(tab.rows().len() < all && !tab.rows().is_empty());
    assert_eq!(tab.list.selected(), 0, "new text selects the best match");
}

#[test]
fn the_filter_matches_the_person_position_location_status_services_and_owner() {
    let (mut data, _, _) = tab();
    let it = data.intakes[0].clone();
    let e = data.employee(it.employee_id).unwrap().clone();
    let fields = [
        e.full_name(),
        e.position.clone(),
        data.location_name(e.location_id).to_string(),
        it.status.label().to_string(),
        it.services_label(),
        it.owner.clone(),
    ];
    assert_eq!(search_text(&data, &it), fields.join(" "));
    // Someone not on file: no name, no position, no place.
    data.intakes[0].employee_id = 999_999;
    let unknown = ["", "", "—", it.status.label(), &it.services_label(), &it.owner];
    assert_eq!(search_text(&data, &data.intakes[0]), unknown.join(" "));
}
