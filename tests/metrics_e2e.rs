//! The metrics tab in the real binary, in a pseudo-terminal at 80x24 without colour.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;

#[test]
fn years_charts_and_breakdowns_from_the_keyboard() {
    let mut p = Pty::spawn(
        &common::binary(),
        &["--demo"],
        &[("PATHWAYS_TODAY", "2026-11-25"), ("NO_COLOR", "1")],
        80,
        24,
    );
    p.wait_for("Intake queue (");
    p.send("5");
    p.wait_for("FY27 by fiscal month");
    p.wait_for("▸Nov");
    p.send("[");
    p.wait_for("FY26 by fiscal month");
    p.wait_for("FY25 same month");
    p.send("c");
    p.wait_for("New client relationships per month, FY26");
    p.wait_for("PL attendance (people) per month, FY26");
    p.send("b");
    p.wait_for("Intakes received by chapter, FY26");
    p.wait_for("N/A");
    p.send("p");
    p.send("b");
    p.wait_for("Hidden by the privacy screen");
    p.send("p");
    p.wait_for("Black or African");
    p.send(".");
    p.send("t");
    p.wait_for("FY27 by fiscal month");
    assert!(!p.any_colour(), "NO_COLOR: no colour codes");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
