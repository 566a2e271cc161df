//! The real binary in a pseudo-terminal: add an intake through the form, quit, start again, and
//! find it in the queue.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;

#[test]
fn an_intake_added_in_the_form_is_there_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("queue.redb");
    let db = db.to_str().unwrap();
    let env = [("PATHWAYS_TODAY", "2026-11-25")];
    let mut p = Pty::spawn(&common::binary(), &["--db", db], &env, 80, 24);
    p.wait_for("Intake queue (0)");
    p.send("a");
    p.wait_for("Add an intake");
    // employee id, email, first name, last name, position, location, received, source, services
    p.type_text("700123");
    p.send(TAB);
    p.send(TAB);
    p.type_text("Imani");
    p.send(TAB);
    p.type_text("Okonkwo");
    p.send(TAB);
    p.type_text("Bus Operator");
    // Saving without a service is refused in place.
    p.send(ENTER);
    p.wait_for("choose at least one service");
    p.type_text("r ");
    p.send(ENTER);
    p.wait_gone("Add an intake");
    p.wait_for("Imani Okonkwo");
    p.wait_for("Intake queue (1)");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);

    let mut p = Pty::spawn(&common::binary(), &["--db", db], &env, 80, 24);
    p.wait_for("Intake queue (1)");
    p.wait_for("Imani Okonkwo");
    p.wait_for("resume review");
    p.wait_for("Bus Operator");
    // Advance it one step: `>` asks the date (today) and the next step; Enter saves.
    p.send(">");
    p.wait_for("Imani Okonkwo: contacted");
    p.send(ENTER);
    p.wait_for("→ contacted 2026-11-25");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn popup_capture_in_the_real_binary_two_people_back_to_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.redb");
    let db = db.to_str().unwrap();
    let out = std::process::Command::new(common::binary())
        .args(["--db", db, "init", "--demo"])
        .env("PATHWAYS_TODAY", "2026-11-25")
        .output()
        .unwrap();
    assert!(out.status.success());
    let env = [("PATHWAYS_TODAY", "2026-11-25")];
    let mut p = Pty::spawn(&common::binary(), &["--db", db], &env, 80, 24);
    p.wait_for("Intake queue (");
    p.send("P");
    p.wait_for("which event?");
    p.send(TAB);
    p.type_text("blair");
    p.send(ENTER);
    p.wait_for("0 captured");
    // One person: name, id, position, (location kept), a service, a note, Enter. Well under 30
    // seconds of typing: about 45 keys.
    let person = format!("Ana Duarte{TAB}556677{TAB}Paraeducator{TAB}{TAB}r {TAB}evenings{ENTER}");
    assert!(person.chars().count() < 60);
    p.send(&person);
    p.wait_for("1 captured");
    p.wait_for("captured Ana Duarte");
    p.send(&format!(
        "Ben Osei{TAB}ben.osei@district.example.org{TAB}{TAB}{TAB}c {ENTER}"
    ));
    p.wait_for("2 captured");
    // The cleared screen closes without asking.
    p.send(ESC);
    p.wait_gone("2 captured");
    p.send("/");
    p.type_text("duarte");
    p.send(ENTER);
    p.wait_for("Ana Duarte");
    p.wait_for("source: pop-up event (2026-11-25 at Blair");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
