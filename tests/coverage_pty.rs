//! The real binary in a pseudo-terminal: add an ambassador who fails the 5-year rule and read
//! the reason on screen, then add one who meets it.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;

#[test]
fn an_ambassador_without_five_years_is_refused_with_the_reason() {
    let data = pathways_core::demo::build(common::today());
    let four_years_ago = common::today() - chrono::Duration::days(4 * 365);
    let junior = data
        .employees
        .iter()
        .find(|e| {
            e.hire_date
                .is_some_and(|h| h > four_years_ago && h < common::today())
        })
        .expect("a junior employee in the demo");
    let mut p = Pty::spawn(
        &common::binary(),
        &["--demo"],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        80,
        24,
    );
    p.wait_for("Intake queue (");
    p.send("3");
    p.wait_for("24 ambassadors active");
    p.send("a");
    p.wait_for("Add an ambassador");
    p.type_text(&junior.employee_number);
    p.send(ENTER);
    p.wait_for("5 years are required");
    let screen = p.screen();
    assert!(screen.contains("of service"), "{screen}");
    assert!(
        screen.contains("Add an ambassador"),
        "the form stays open:\n{screen}"
    );
    // Nothing was saved: cancel, discard, and the count is unchanged.
    p.send(ESC);
    p.wait_for("Discard the changes");
    p.send("y");
    p.wait_gone("Add an ambassador");
    p.wait_for("24 ambassadors active");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_pl_session_is_added_attendance_marked_and_the_date_changed_from_the_keyboard() {
    let mut p = Pty::spawn(
        &common::binary(),
        &["--demo"],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        80,
        24,
    );
    // Every monthly session since the 2023 launch, and the one planned next.
    let held = pathways_core::demo::build(common::today())
        .ambassador_sessions
        .len();
    let title = |n: usize| format!("Monthly PL sessions ({n})");
    p.wait_for("Intake queue (");
    p.send("3");
    p.wait_for("24 ambassadors active");
    p.send("vvv");
    p.wait_for(&title(held));
    p.send("a");
    p.wait_for("Add a PL session");
    // The date defaults to the as-of date (today): keep it.
    p.send(TAB);
    p.type_text("Coaching Conversations");
    p.send(TAB);
    p.type_text("Career Pathways Team");
    p.send(ENTER);
    p.wait_for("PL session added");
    p.wait_for(&title(held + 1));
    // Newest first: the planned December session, then today's.
    p.send("j");
    p.send(ENTER);
    p.wait_for("Attendance 2026-11-25");
    p.send(" ");
    p.wait_for("[x]");
    p.wait_for("marked present on 2026-11-25");
    p.send("m");
    p.wait_for(&title(held + 1));
    p.wait_for("1/24");
    // Coverage as of another day: today's cohort has ended by 2027-09-26.
    p.send("d");
    p.wait_for("Coverage as of");
    p.send(&"\x7f".repeat(10));
    p.type_text("2027-09-26");
    p.send(ENTER);
    p.wait_for("0 ambassadors active");
    p.wait_for("as of 2027-09-26");
    p.send("t");
    p.wait_for("24 ambassadors active");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
