//! The real binary in a pseudo-terminal: add an ambassador who fails the 5-year rule and read
//! the reason on screen, then add one who meets it.

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;

#[test]
fn an_ambassador_without_five_years_is_refused_with_the_reason() {
    let data = pathways::demo::build(common::today());
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
