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

/// The intake queue as a rebuild from the data makes it, to compare with what a save left.
fn rebuilt(app: &pathways_tui::app::App) -> pathways_tui::tabs::intake::IntakeTab {
    use pathways_tui::tab::TabView;
    let mut fresh = app.intake.clone();
    fresh.refresh(&app.ctx());
    fresh
}

fn assert_same_queue(app: &pathways_tui::app::App, what: &str) {
    let fresh = rebuilt(app);
    let tab = &app.intake;
    let rows = |t: &pathways_tui::tabs::intake::IntakeTab| t.list.current().rows.visible.clone();
    assert_eq!(rows(tab), rows(&fresh), "{what}: the rows");
    assert_eq!(tab.flags, fresh.flags, "{what}: the flags");
    assert_eq!(
        (tab.overdue_count, tab.stale_count, tab.late_count),
        (fresh.overdue_count, fresh.stale_count, fresh.late_count),
        "{what}: the counts"
    );
    assert_eq!(tab.owners, fresh.owners, "{what}: owners");
    assert_eq!(tab.consultations, fresh.consultations, "{what}: consultations");
    assert_eq!(
        tab.list.picked(),
        fresh.list.picked(),
        "{what}: the selected intake"
    );
}

/// A save on the intake tab takes the saved records into the queue instead of rebuilding it
/// (work proportional to the change); the queue it leaves must be the one a rebuild makes, in
/// every sort order, reversed or not, under a `/` filter or not, for a status step, a new
/// intake (with a new owner, and with a known one) and a logged consultation.
#[test]
fn the_queue_after_a_save_is_the_queue_a_rebuild_makes() {
    use pathways_tui::action::Action;
    use pathways_tui::tabs::intake::IntakeAction;
    let (_dir, mut app) = common::demo_app();
    for round in 0..8 {
        if round % 2 == 1 {
            app.update(Action::Intake(IntakeAction::ReverseSort));
        } else if round > 0 {
            app.update(Action::Intake(IntakeAction::ReverseSort));
            app.update(Action::Intake(IntakeAction::CycleSort));
        }
        let filter = if round >= 4 { "a" } else { "" };
        app.set_filter(filter);
        for step in 0..3 {
            app.update(Action::Down);
            let Some(picked) = app.intake.list.picked() else {
                continue;
            };
            let before = app
                .data
                .intakes
                .iter()
                .find(|it| it.id == picked)
                .unwrap()
                .clone();
            let mut after = before.clone();
            // A step that keeps it open (a closed intake leaves the open queue).
            match after.status.next() {
                Some(next) if next != IntakeStatus::Closed => after.status = next,
                _ => after.notes.push('.'),
            }
            let rebuilds = app.intake.rebuilds;
            app.save("stepped", |w| w.update(&before, &after)).unwrap();
            assert_eq!(
                app.intake.rebuilds, rebuilds,
                "a status step is taken in, not rebuilt"
            );
            assert_eq!(
                app.intake.list.picked(),
                Some(picked),
                "the selection stays on the intake"
            );
            assert_same_queue(&app, &format!("round {round}, status step {step}"));
        }
        let employee = app.data.employees[round].id;
        let mut added = Intake::new(employee, common::today(), IntakeSource::Form);
        added.owner = app.intake.owners.first().cloned().unwrap_or_default();
        let rebuilds = app.intake.rebuilds;
        app.save("added", |w| w.insert(&mut added).map(|_| ())).unwrap();
        assert_eq!(app.intake.rebuilds, rebuilds, "a new intake is taken in");
        assert_same_queue(&app, &format!("round {round}, new intake, a known owner"));
        let mut added = Intake::new(employee, common::today(), IntakeSource::Form);
        added.owner = format!("Owner {round}");
        app.save("added", |w| w.insert(&mut added).map(|_| ())).unwrap();
        assert!(
            app.intake.rebuilds > rebuilds,
            "a new owner: the pick list is made again"
        );
        assert_same_queue(&app, &format!("round {round}, new intake, a new owner"));
        let intake_id = app.data.intakes[round * 3].id;
        let mut consultation = Consultation {
            id: 0,
            intake_id,
            date: common::today(),
            minutes: 30,
            services: Vec::new(),
            notes: String::new(),
        };
        let rebuilds = app.intake.rebuilds;
        app.save("logged", |w| w.insert(&mut consultation).map(|_| ()))
            .unwrap();
        assert_eq!(app.intake.rebuilds, rebuilds, "a consultation is taken in");
        assert_same_queue(&app, &format!("round {round}, consultation"));
    }
}
