//! The day's work in the real binary, in a pseudo-terminal: pop-up capture never files someone
//! under another person's id unasked; the privacy screen coming on by itself mid-form masks the
//! form and keeps it, and Ctrl-P works in a form; Ctrl-C quits, asking first when a form holds
//! changes.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pathways_core::store::Store;
use pty::*;
use std::path::{Path, PathBuf};

const CTRL_C: &str = "\x03";
const CTRL_P: &str = "\x10";

fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("demo.redb");
    let out = std::process::Command::new(common::binary())
        .args(["--db", db.to_str().unwrap(), "init", "--demo"])
        .env("PATHWAYS_TODAY", "2026-11-25")
        .output()
        .unwrap();
    assert!(out.status.success());
    db
}

fn dashboard(db: &Path, env: &[(&str, &str)]) -> Pty {
    let mut all = vec![("PATHWAYS_TODAY", "2026-11-25")];
    all.extend_from_slice(env);
    Pty::spawn(&common::binary(), &["--db", db.to_str().unwrap()], &all, 80, 24)
}

/// Opens pop-up capture at Blair.
fn capture_at_blair(p: &mut Pty) {
    p.wait_for("Intake queue (");
    p.send("P");
    p.wait_for("which event?");
    p.send(TAB);
    p.type_text("blair");
    p.send(ENTER);
    p.wait_for("0 captured");
}

#[test]
fn a_typed_id_that_belongs_to_someone_else_is_said_and_filed_only_when_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let data = Store::open_read_only(&db).unwrap().load().unwrap().0;
    let owner = data.employees[7].clone();
    let before = data.intakes.len();
    let mut p = dashboard(&db, &[]);
    capture_at_blair(&mut p);
    // A name that is not the id's owner: the form says whose id it is, nothing is saved.
    p.send(&format!(
        "Zed Quimby{TAB}{}{TAB}{TAB}{TAB}c {ENTER}",
        owner.employee_number
    ));
    p.wait_for(&format!("employee id {} is", owner.employee_number));
    p.wait_for("press Enter again");
    p.wait_for("0 captured");
    let now = Store::open_read_only(&db).unwrap().load().unwrap().0;
    assert_eq!(now.intakes.len(), before, "nothing saved until confirmed");
    // Enter again with the same name and id: the user confirms, and it is filed under the
    // id's owner, whose record keeps its own name.
    p.send(ENTER);
    p.wait_for("1 captured");
    let after = Store::open_read_only(&db).unwrap().load().unwrap().0;
    assert_eq!(after.intakes.len(), before + 1);
    let filed = after.intakes.last().unwrap();
    assert_eq!(filed.employee_id, owner.id);
    assert_eq!(after.employee(owner.id).unwrap().full_name(), owner.full_name());
    p.send(ESC);
    p.wait_gone("1 captured");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn the_privacy_screen_coming_on_mid_form_masks_it_and_ctrl_p_works_in_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // Three seconds without a key press turn the privacy screen on.
    let mut p = dashboard(&db, &[("PATHWAYS_PRIVACY_AFTER", "0.05")]);
    capture_at_blair(&mut p);
    p.type_text("Ana Duarte");
    p.wait_for("PRIVATE");
    // The form is still there, masked: initials, not the name.
    let screen = p.screen();
    assert!(screen.contains("0 captured"), "{screen}");
    assert!(screen.contains("A. D."), "{screen}");
    assert!(!screen.contains("Ana Duarte"), "{screen}");
    // `p` is a letter in a form; Ctrl-P is the privacy key there.
    p.send(CTRL_P);
    p.wait_for("Ana Duarte");
    p.send(&format!("{TAB}556677{TAB}{TAB}{TAB}r {ENTER}"));
    p.wait_for("1 captured");
    p.send(ESC);
    p.wait_gone("1 captured");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn ctrl_c_quits_and_asks_first_when_a_form_has_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut p = dashboard(&db, &[]);
    p.wait_for("Intake queue (");
    p.send("a");
    p.wait_for("Add an intake");
    p.type_text("700123");
    p.send(CTRL_C);
    p.wait_for("Quit pathways? The form has changes");
    // No: back to the form, nothing lost.
    p.send("n");
    p.wait_gone("Quit pathways?");
    p.wait_for("700123");
    // Yes quits.
    p.send(CTRL_C);
    p.wait_for("Quit pathways?");
    p.send("y");
    assert_eq!(p.wait_exit(), 0);

    // With nothing unsaved, Ctrl-C quits at once, from a form or the list.
    let mut p = dashboard(&db, &[]);
    p.wait_for("Intake queue (");
    p.send(CTRL_C);
    assert_eq!(p.wait_exit(), 0);
}
