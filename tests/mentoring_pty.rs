//! The real binary in a pseudo-terminal: an ineligible pairing shows every reason on screen,
//! then an eligible one is saved and shows in the list.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pathways_core::domain::EmploymentStatus;
use pty::*;

#[test]
fn refused_then_accepted_pairing() {
    let (_dir, path, store) = common::demo_store();
    drop(store);
    let data = pathways_core::demo::build(common::today());
    let today = common::today();
    let in_pair = |id| data.pairs.iter().any(|p| p.mentee_id == id && p.is_active(today));
    let temp = data
        .employees
        .iter()
        .find(|e| e.status == Some(EmploymentStatus::Temporary) && e.in_evaluation == Some(false))
        .unwrap();
    let mentee = data
        .employees
        .iter()
        .find(|e| {
            e.status == Some(EmploymentStatus::Permanent)
                && e.in_evaluation == Some(false)
                && e.supervisor_id.is_none()
                && !in_pair(e.id)
                && !data.mentors.iter().any(|m| m.employee_id == e.id)
        })
        .unwrap();

    let mut p = Pty::spawn(
        &common::binary(),
        &["--db", path.to_str().unwrap()],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        80,
        24,
    );
    let pairs = |n: usize| format!("Mentoring pairs ({n})");
    p.wait_for("Intake queue (");
    p.send("2");
    p.wait_for(&pairs(data.pairs.len()));
    p.send("n");
    p.wait_for("Pair a mentee with a mentor");
    p.type_text(&temp.employee_number);
    p.send(TAB);
    // The last mentor in the pick list is the inactive one.
    p.send("\x1b[D");
    p.wait_for("(inactive)");
    p.send(ENTER);
    p.wait_for("Not paired");
    p.wait_for("2 rules fail");
    p.wait_for("mentor is not active");
    p.wait_for("mentee is a temporary employee; mentees must be permanent");

    // Now an eligible mentee with the first (active) mentor.
    p.send(BACKTAB);
    for _ in 0..temp.employee_number.len() {
        p.send("\x7f");
    }
    p.type_text(&mentee.employee_number);
    p.send(TAB);
    p.send("\x1b[C");
    p.wait_gone("(inactive)");
    p.send(ENTER);
    p.wait_for(&pairs(data.pairs.len() + 1));
    p.wait_gone("Not paired");
    p.wait_for(&format!("paired {}", mentee.full_name()));
    p.wait_for(&mentee.full_name());
    p.send("q");
    assert_eq!(p.wait_exit(), 0);

    // It is in the database, starting today.
    let store = pathways_core::store::Store::open(&path).unwrap();
    let (saved, _) = store.load().unwrap();
    let pair = saved.pairs.iter().find(|p| p.mentee_id == mentee.id).unwrap();
    assert_eq!(pair.started, today);
    assert!(saved.pairs.iter().all(|p| p.mentee_id != temp.id));
}
