//! Two people at once: two real dashboards on one database file, as two SSH sessions would run.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;

/// Both open the mentors view of the same file.
fn two_on_mentors(path: &std::path::Path) -> (Pty, Pty) {
    let mut a = dashboard(path);
    let mut b = dashboard(path);
    for p in [&mut a, &mut b] {
        show_mentors(p);
    }
    (a, b)
}

#[test]
fn a_change_saved_in_one_dashboard_appears_in_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_file(dir.path());
    let (mut a, mut b) = two_on_mentors(&path);
    a.send("t");
    a.wait_for("Mentors (10: 8 active)");
    // No key pressed in b: it notices the other process's save by itself.
    b.wait_for("Mentors (10: 8 active)");
    // And b can save too; a sees it. (b's cursor followed the mentor a made inactive, who now
    // sorts below the active ones: g goes back to the top row, an active mentor.)
    b.send("g");
    b.send("t");
    b.wait_for("Mentors (10: 7 active)");
    a.wait_for("Mentors (10: 7 active)");
    a.send("q");
    b.send("q");
    assert_eq!(a.wait_exit(), 0);
    assert_eq!(b.wait_exit(), 0);
}

#[test]
fn two_edits_of_one_record_do_not_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_file(dir.path());
    let (mut a, mut b) = two_on_mentors(&path);
    // Both open the same mentor's form.
    a.send("e");
    b.send("e");
    a.wait_for("Expertise");
    b.wait_for("Expertise");
    // a saves new expertise first.
    a.type_text(" and budgets");
    a.send("\x13");
    a.wait_for("saved");
    // b's save, from the version b opened, is refused and shows both versions.
    b.type_text(" and exams");
    b.send("\x13");
    b.wait_for("someone else changed this record");
    b.wait_for("theirs");
    b.wait_for("and budgets");
    b.wait_for("yours");
    b.wait_for("and exams");
    b.send(ESC);
    b.wait_for("Discard the changes");
    b.send("y");
    // a's edit stands.
    let store = pathways_core::store::Store::open(&path).unwrap();
    let (data, _) = store.load().unwrap();
    assert_eq!(
        data.mentors
            .iter()
            .filter(|m| m.expertise.ends_with(" and budgets"))
            .count(),
        1
    );
    assert!(!data.mentors.iter().any(|m| m.expertise.contains("and exams")));
}

#[test]
fn two_edits_of_one_intake_do_not_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_file(dir.path());
    let first = {
        let store = pathways_core::store::Store::open(&path).unwrap();
        let app = pathways_tui::app::App::new(store, common::today()).unwrap();
        app.intake.selected(&app.data).unwrap().clone()
    };
    let mut a = dashboard(&path);
    let mut b = dashboard(&path);
    // Both open the intake on top of the queue; ↑ from the first field is its notes.
    for p in [&mut a, &mut b] {
        p.wait_for("Intake queue (");
        p.send("e");
        p.wait_for("Edit the intake of");
        p.send(UP);
    }
    a.type_text(" budgets");
    a.send("\x13");
    a.wait_for("intake saved");
    // b's save, from the version b opened, is refused and shows both versions.
    b.type_text(" exams");
    b.send("\x13");
    b.wait_for("someone else changed this record");
    b.wait_for("theirs");
    b.wait_for("budgets");
    b.wait_for("yours");
    b.wait_for("exams");
    b.send(ESC);
    b.wait_for("Discard the changes");
    b.send("y");
    // a's edit stands, b's is nowhere.
    let store = pathways_core::store::Store::open(&path).unwrap();
    let (data, _) = store.load().unwrap();
    let stored = data.intakes.iter().find(|i| i.id == first.id).unwrap();
    assert_eq!(stored.notes, format!("{} budgets", first.notes).trim());
    assert!(!data.intakes.iter().any(|i| i.notes.contains("exams")));
    a.send("q");
    b.send("q");
    assert_eq!(a.wait_exit(), 0);
    assert_eq!(b.wait_exit(), 0);
}
