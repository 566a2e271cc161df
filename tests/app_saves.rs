//! After its own save the dashboard puts the saved records straight into its data instead of
//! reading the database again; what it then holds must be exactly what the file holds.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use pathways_core::domain::*;
use pathways_core::store::Store;

fn same_as_file(app: &pathways_tui::app::App, path: &std::path::Path) {
    let (file, _) = Store::open(path).unwrap().load().unwrap();
    assert_eq!(app.data.record_count(), file.record_count());
    assert_eq!(app.data.locations, file.locations);
    assert_eq!(app.data.intakes, file.intakes);
    assert_eq!(app.data.waitlist, file.waitlist);
    assert_eq!(app.data.employees, file.employees);
}

#[test]
fn inserts_updates_and_deletes_match_the_file() {
    let (_dir, path, store) = common::demo_store();
    let mut app = pathways_tui::app::App::new(store, common::today()).unwrap();
    let mut annex = Location {
        id: 0,
        name: "Annex".into(),
        kind: LocationKind::Office,
        employees: Some(3),
    };
    app.save("added", |txn| txn.insert(&mut annex)).unwrap();
    let mut intake = app.data.intakes[3].clone();
    intake.notes = "called back".into();
    let gone = app.data.waitlist[1].id;
    app.save("several", |txn| {
        txn.put(&intake)?;
        txn.delete::<WaitlistEntry>(gone)?;
        let mut second = Location {
            id: 0,
            name: "Annex 2".into(),
            kind: LocationKind::Depot,
            employees: Some(1),
        };
        txn.insert(&mut second)?;
        Ok(())
    })
    .unwrap();
    same_as_file(&app, &path);
    assert!(
        app.data.location(annex.id).is_some(),
        "lookups know the new location"
    );
    assert!(!app.data.waitlist.iter().any(|w| w.id == gone));
    // Undo goes through the file and lands in the same place.
    app.update(pathways_tui::action::Action::Undo);
    same_as_file(&app, &path);
}

#[test]
fn a_save_after_someone_else_saved_also_brings_their_change() {
    let (_dir, path, store) = common::demo_store();
    let mut app = pathways_tui::app::App::new(store, common::today()).unwrap();
    let other = Store::open(&path).unwrap();
    let mut theirs = Location {
        id: 0,
        name: "Theirs".into(),
        kind: LocationKind::Office,
        employees: Some(1),
    };
    other.write(|txn| txn.insert(&mut theirs)).unwrap();
    // No poll in between: the save itself notices the file moved on.
    let mut ours = Location {
        id: 0,
        name: "Ours".into(),
        kind: LocationKind::Office,
        employees: Some(1),
    };
    app.save("added", |txn| txn.insert(&mut ours)).unwrap();
    assert!(app.data.locations.iter().any(|l| l.name == "Theirs"));
    assert!(app.data.locations.iter().any(|l| l.name == "Ours"));
    same_as_file(&app, &path);
}

#[test]
fn a_stale_edit_is_refused_by_its_type_naming_each_field_theirs_and_yours() {
    use pathways_tui::save::{SaveError, Theirs};
    let (_dir, path, store) = common::demo_store();
    let mut app = pathways_tui::app::App::new(store, common::today()).unwrap();
    let opened = app.data.locations[0].clone();
    let theirs = Location {
        employees: opened.employees.map(|n| n + 7),
        ..opened.clone()
    };
    Store::open(&path)
        .unwrap()
        .write(|txn| txn.update(&opened, &theirs))
        .unwrap();
    let yours = Location {
        name: format!("{} Annex", opened.name),
        ..opened.clone()
    };
    let refused = app.save("location saved", |w| w.update(&opened, &yours));
    let Err(SaveError::Refused(refusal)) = refused else {
        panic!("not refused: {refused:?}")
    };
    assert_eq!(refusal.id, opened.id);
    let Theirs::Changed(diffs) = refusal.theirs else {
        panic!("not a change")
    };
    let said: Vec<String> = diffs.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            format!("name: theirs {:?}, yours {:?}", opened.name, yours.name),
            format!(
                "employees: theirs {}, yours {}",
                theirs.employees.unwrap(),
                opened.employees.unwrap()
            ),
        ]
    );
    // Theirs stands; a deleted record is refused as deleted.
    assert_eq!(
        app.store.get::<Location>(opened.id).unwrap(),
        Some(theirs.clone())
    );
    Store::open(&path)
        .unwrap()
        .write(|txn| txn.delete::<Location>(opened.id))
        .unwrap();
    let refused = app.save("location saved", |w| w.update(&theirs, &yours));
    assert!(
        matches!(&refused, Err(SaveError::Refused(r)) if r.theirs == Theirs::Deleted),
        "{refused:?}"
    );
}
