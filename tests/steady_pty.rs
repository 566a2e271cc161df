//! Two real dashboards on one file, in pseudo-terminals: the cursor stays on its record when the
//! other one saves, and an edit never overwrites what the other one saved meanwhile.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;

/// The name on the selected (▶) row of a list whose first column is a name.
fn selected_name(p: &Pty) -> String {
    let screen = p.screen();
    let line = screen
        .lines()
        .find(|l| l.contains('▶'))
        .unwrap_or_else(|| panic!("no selected row:\n{screen}"))
        .to_string();
    let after = line.split('▶').nth(1).unwrap().trim_start_matches([' ', '!']);
    after.split("  ").next().unwrap().trim().to_string()
}

#[test]
fn the_cursor_stays_on_its_mentor_when_the_other_dashboard_resorts_the_roster() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_file(dir.path());
    let (mut a, mut b) = (dashboard(&path), dashboard(&path));
    for p in [&mut a, &mut b] {
        show_mentors(p);
    }
    let top = selected_name(&b);
    // One key at a time: the screen shows its effect before the next is read.
    b.send(DOWN);
    b.wait_gone(&format!("▶   {top}"));
    let chosen = selected_name(&b);
    assert_ne!(chosen, top);
    // a marks the top mentor inactive: they drop below every active mentor, in both windows.
    a.send("t");
    a.wait_for("Mentors (10: 8 active)");
    b.wait_for("Mentors (10: 8 active)");
    assert_eq!(selected_name(&b), chosen, "{}", b.screen());
    // b's next key acts on the mentor b was looking at.
    b.send("t");
    b.wait_for("Mentors (10: 7 active)");
    assert_eq!(selected_name(&b), chosen);
    let (data, _) = pathways_core::store::Store::open(&path).unwrap().load().unwrap();
    let inactive: Vec<String> = data
        .mentors
        .iter()
        .filter(|m| !m.active)
        .map(|m| data.employee_name(m.employee_id))
        .collect();
    assert!(inactive.contains(&top), "{inactive:?}");
    assert!(inactive.contains(&chosen), "{inactive:?}");
    a.send("q");
    b.send("q");
    assert_eq!(a.wait_exit(), 0);
    assert_eq!(b.wait_exit(), 0);
}

#[test]
fn a_location_edited_in_both_dashboards_keeps_the_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_file(dir.path());
    let (mut a, mut b) = (dashboard(&path), dashboard(&path));
    for p in [&mut a, &mut b] {
        p.wait_for("Intake queue (");
        p.send("3");
        p.wait_for("Coverage by location type");
        p.send("vv");
        p.wait_for("+ more than one ambassador");
        p.send("e");
        p.wait_for("Edit location");
    }
    // a renames the location and saves first.
    a.type_text(" North");
    a.send("\x13");
    a.wait_for("location saved");
    // b's save, from the version b opened, is refused: theirs and yours are shown.
    b.type_text(" South");
    b.send("\x13");
    b.wait_for("someone else changed this record");
    b.wait_for("North");
    b.send(ESC);
    b.wait_for("Discard the changes");
    b.send("y");
    let (data, _) = pathways_core::store::Store::open(&path).unwrap().load().unwrap();
    assert_eq!(
        data.locations
            .iter()
            .filter(|l| l.name.ends_with(" North"))
            .count(),
        1
    );
    assert!(!data.locations.iter().any(|l| l.name.contains("South")));
    a.send("q");
    b.send("q");
    assert_eq!(a.wait_exit(), 0);
    assert_eq!(b.wait_exit(), 0);
}
