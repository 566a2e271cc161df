//! The people tab driven through the tab contract over the demo data: no store, no terminal.

use super::*;
use crate::tab::Effect;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn tab(data: &Dataset) -> PeopleTab {
    let mut tab = PeopleTab::default();
    tab.refresh(&Ctx::new(data, today(), false));
    tab
}

fn form_of(effects: Fx) -> (Form, PeopleForm) {
    match effects.into_iter().next() {
        Some(Effect::Form(form, purpose)) => (form, purpose),
        _ => panic!("no form"),
    }
}

fn set(form: &mut Form, label: &str, value: &str) {
    form.field_mut(label).unwrap().value = value.into();
}

#[test]
fn everyone_is_listed_by_last_name_and_enter_opens_the_card() {
    let data = pathways_core::demo::build(today());
    let mut tab = tab(&data);
    let cx = Ctx::new(&data, today(), false);
    assert_eq!(tab.list.list(View::People).len(), data.employees.len());
    let first = tab.selected(&data).unwrap().clone();
    assert!(
        data.employees
            .iter()
            .all(|e| fold(&e.sort_name()) >= fold(&first.sort_name()))
    );
    assert!(tab.update(&cx, PeopleAction::Open).is_empty());
    assert_eq!(tab.card.as_ref().map(|c| c.person), Some(first.id));
    assert_eq!(tab.person(&cx), Some(first.id));
    assert!(tab.back(&cx));
    assert!(tab.card.is_none());
}

fn fold(s: &str) -> String {
    pathways_core::text::fold(s)
}

#[test]
fn a_new_person_with_only_a_name_and_an_id_has_every_other_fact_unknown() {
    let data = pathways_core::demo::build(today());
    let mut tab = tab(&data);
    let cx = Ctx::new(&data, today(), false);
    let (mut form, purpose) = form_of(tab.update(&cx, PeopleAction::Add));
    set(&mut form, "employee id", "990001");
    set(&mut form, "first name", "Noor");
    set(&mut form, "last name", "Haddad");
    let effects = tab.submit(&cx, &mut form, &purpose);
    assert!(!form.has_errors(), "{:?}", form.fields);
    let [Effect::Save(save)] = effects.as_slice() else {
        panic!("one save expected")
    };
    assert_eq!(save.done, "Noor Haddad added");
    assert_eq!(save.then, Some(PeopleSaved::OpenCard(None)));
}

#[test]
fn the_form_names_each_wrong_field() {
    let data = pathways_core::demo::build(today());
    let mut tab = tab(&data);
    let cx = Ctx::new(&data, today(), false);
    let taken = data.employees[3].clone();
    let (mut form, purpose) = form_of(tab.update(&cx, PeopleAction::Add));
    set(&mut form, "employee id", &taken.employee_number);
    set(&mut form, "first name", "Noor");
    set(&mut form, "last name", "");
    set(&mut form, "email", "not-an-email");
    set(&mut form, "hire date", "13/45/2020");
    set(&mut form, "supervisor", "nobody-by-this@district.org");
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    for label in ["employee id", "last name", "hire date", "supervisor"] {
        assert!(form.is_wrong(label), "{label} not flagged: {:?}", form.fields);
    }
    let id_error = form.fields[0].error.clone().unwrap();
    assert!(id_error.contains(&taken.full_name()), "{id_error}");
    // Dates in any accepted form; a position start before the hire date is named.
    let (mut form, purpose) = form_of(tab.update(&cx, PeopleAction::Add));
    set(&mut form, "first name", "Noor");
    set(&mut form, "last name", "Haddad");
    set(&mut form, "email", "noor.haddad@district.org");
    set(&mut form, "hire date", "8/20/2019");
    set(&mut form, "position start", "2019-01-01");
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(!form.is_wrong("hire date"));
    assert_eq!(
        form.fields
            .iter()
            .find(|f| f.label == "position start")
            .unwrap()
            .error
            .as_deref(),
        Some("started in the position before being hired")
    );
}

#[test]
fn an_edit_saves_against_the_person_as_opened_and_unknown_stays_unknown() {
    let data = pathways_core::demo::build(today());
    let mut tab = tab(&data);
    let cx = Ctx::new(&data, today(), false);
    let shown = tab.selected(&data).unwrap().clone();
    let (mut form, purpose) = form_of(tab.update(&cx, PeopleAction::Edit));
    assert_eq!(purpose, PeopleForm::Edit(shown.clone()));
    set(&mut form, "status", "unknown");
    set(&mut form, "chapter", "unknown");
    set(&mut form, "evaluation", "unknown");
    let effects = tab.submit(&cx, &mut form, &purpose);
    assert!(!form.has_errors(), "{:?}", form.fields);
    assert!(matches!(effects.as_slice(), [Effect::Save(_)]));
    let read = forms_read(&cx, &shown, &mut form);
    assert_eq!(
        (read.status, read.chapter, read.in_evaluation),
        (None, None, None)
    );
    assert_eq!(read.id, shown.id);
}

fn forms_read(cx: &Ctx, original: &Employee, form: &mut Form) -> Employee {
    forms::read(cx, Some(original), form).unwrap()
}

#[test]
fn delete_is_refused_while_records_point_at_the_person_naming_them() {
    let data = pathways_core::demo::build(today());
    let mut tab = tab(&data);
    let cx = Ctx::new(&data, today(), false);
    let intake = data.intakes[0].clone();
    tab.open_card(&cx, intake.employee_id);
    let effects = tab.update(&cx, PeopleAction::Delete);
    let [Effect::Status(why)] = effects.as_slice() else {
        panic!("a refusal expected")
    };
    assert!(why.contains("cannot delete") && why.contains("intake"), "{why}");
    assert!(why.contains(&intake.received.to_string()), "{why}");
    // Under the privacy screen the name is initials.
    let private = Ctx::new(&data, today(), true);
    let effects = tab.update(&private, PeopleAction::Delete);
    let [Effect::Status(why)] = effects.as_slice() else {
        panic!()
    };
    assert!(!why.contains(&data.employee_name(intake.employee_id)), "{why}");
}

#[test]
fn merge_screen_starts_from_the_usual_choice_and_each_field_can_flip() {
    let mut data = pathways_core::demo::build(today());
    let kept = data.employees[0].clone();
    let mut popup = Employee::unknown(
        String::new(),
        kept.first_name.clone(),
        format!("{}x", kept.last_name),
        "someone.else@district.org".into(),
    );
    popup.id = 999_999;
    data.employees.push(popup.clone());
    data.reindex();
    let mut tab = tab(&data);
    let cx = Ctx::new(&data, today(), false);
    tab.open_card(&cx, kept.id);
    let (mut form, purpose) = form_of(tab.update(&cx, PeopleAction::Merge));
    set(&mut form, "other record", "#999999");
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(!form.has_errors(), "{:?}", form.fields);
    let m = tab.merge.clone().expect("the merge screen");
    assert!(m.rows.contains(&PersonField::LastName));
    assert_eq!(m.merged().last_name, kept.last_name, "the kept value by default");
    let row = m.rows.iter().position(|f| *f == PersonField::LastName).unwrap();
    for _ in 0..row {
        tab.navigate(&cx, Nav::Down);
    }
    tab.navigate(&cx, Nav::Right);
    assert_eq!(tab.merge.as_ref().unwrap().merged().last_name, popup.last_name);
    tab.update(&cx, PeopleAction::Toggle);
    assert_eq!(tab.merge.as_ref().unwrap().merged().last_name, kept.last_name);
    let effects = tab.update(&cx, PeopleAction::Open);
    let [Effect::Ask(question, PeopleConfirm::Merge(m))] = effects.as_slice() else {
        panic!("a question expected")
    };
    assert_eq!((m.kept.id, m.other.id), (kept.id, popup.id));
    assert!(question.contains("record #999999"), "{question}");
    // Naming this record itself is refused on the field.
    let (mut form, purpose) = form_of(tab.update(&cx, PeopleAction::Merge));
    set(&mut form, "other record", &format!("#{}", kept.id));
    tab.card = Some(Card {
        person: kept.id,
        ..Card::default()
    });
    tab.merge = None;
    let _ = tab.submit(&cx, &mut form, &purpose);
    assert!(form.is_wrong("other record"));
}

#[test]
fn chapters_list_every_name_people_carry_with_na_and_unknown_as_values() {
    let mut data = pathways_core::demo::build(today());
    data.employees[0].chapter = None;
    data.employees[1].chapter = Some("Paraeducatros".into());
    let mut tab = tab(&data);
    let cx = Ctx::new(&data, today(), false);
    tab.update(&cx, PeopleAction::Chapters);
    let names: Vec<String> = tab.chapters.iter().map(|e| e.name.clone()).collect();
    assert!(names.iter().any(|n| n == "Paraeducatros"));
    assert_eq!(&names[names.len() - 2..], ["N/A", "unknown"]);
    let typo = tab.chapters.iter().find(|e| e.name == "Paraeducatros").unwrap();
    assert_eq!((typo.carried, typo.stored), (1, false));
    // N/A is not an entry: renaming it is refused in words.
    tab.list.nav(Nav::Bottom);
    let effects = tab.update(&cx, PeopleAction::Edit);
    assert!(matches!(effects.as_slice(), [Effect::Status(s)] if s.contains("not a chapter on the list")));
    // A new name already on the list (any case) is refused on the field.
    let (mut form, purpose) = form_of(tab.update(&cx, PeopleAction::Add));
    set(&mut form, "name", &names[0].to_uppercase());
    assert!(tab.submit(&cx, &mut form, &purpose).is_empty());
    assert!(form.is_wrong("name"));
    // An entry people carry cannot be removed, and says how to fold it away instead.
    tab.list.nav(Nav::Top);
    let effects = tab.update(&cx, PeopleAction::Delete);
    assert!(matches!(effects.as_slice(), [Effect::Status(s)] if s.contains("merge it into another")));
}
