//! The real binary in a pseudo-terminal: mark attendance in the grid and see the rates change.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;

/// The screen line that mentions `who`, once it also shows `text`.
fn wait_line(p: &Pty, who: &str, text: &str) -> String {
    let start = std::time::Instant::now();
    loop {
        let screen = p.screen();
        if let Some(line) = screen.lines().find(|l| l.contains(who) && l.contains(text)) {
            return line.to_string();
        }
        if start.elapsed() > std::time::Duration::from_secs(20) {
            panic!("no line with {who:?} and {text:?}; screen:\n{screen}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn marking_attendance_in_the_grid_changes_the_rates() {
    let (_dir, path, store) = common::demo_store();
    // The first participant of the FY27 cohort, as the grid sorts them.
    let mut app = pathways_tui::app::App::new(store, common::today()).unwrap();
    app.show_tab(pathways_tui::app::Tab::Leadership);
    let first = app.leadership.summary.people[0].clone();
    let name = app.data.employee_name(first.employee_id);
    // Session 2's rate as the grid shows it, and once the first participant is marked absent.
    let summary = &app.leadership.summary;
    let session2 = summary.sessions[1].date;
    let marks: Vec<_> = summary.grid.iter().filter_map(|r| r[1].as_ref()).collect();
    let present = marks
        .iter()
        .filter(|m| m.mark == pathways_core::domain::Attendance::Present)
        .count();
    let rate = |n: usize| format!("{:.0}%", n as f64 * 100.0 / marks.len() as f64);
    let (before, after) = (rate(present), rate(present - 1));
    drop(app);
    let mut p = Pty::spawn(
        &common::binary(),
        &["--db", path.to_str().unwrap()],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        80,
        24,
    );
    p.wait_for("Intake queue (");
    p.send("4");
    // The next session shows at once.
    p.wait_for("Next: session 3");
    p.send("t");
    p.wait_for("P present · A absent");
    let row = wait_line(&p, &name, "100%");
    assert!(row.contains("[P]"), "the cursor starts on the first cell: {row}");
    wait_line(&p, "Session rate", &before);
    // To session 2 with l, then A: absent.
    p.send("l");
    p.wait_for(&format!("session 2 ({session2}): present"));
    p.send("A");
    let row = wait_line(&p, &name, "50%");
    assert!(row.contains(" A "), "{row}");
    let rates = wait_line(&p, "Session rate", &after);
    assert_ne!(before, after, "{rates}");
    p.wait_for(": session 2 absent");
    // Back up with k and Space cycles absent -> excused: still not attended.
    p.send("k");
    p.send(" ");
    wait_line(&p, &name, " E ");
    // The saves are durable: quit and read the file.
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let (data, _) = pathways_core::store::Store::open(&path).unwrap().load().unwrap();
    let marks: Vec<_> = data
        .attendance
        .iter()
        .filter(|m| m.participant_id == first.id)
        .map(|m| m.mark)
        .collect();
    assert!(
        marks.contains(&pathways_core::domain::Attendance::Excused),
        "{marks:?}"
    );
}
