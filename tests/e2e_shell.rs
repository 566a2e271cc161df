//! The real binary in a pseudo-terminal: start the demo, visit every tab, open help, quit.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;

#[test]
fn demo_tabs_help_and_quit() {
    let mut p = Pty::spawn(
        &common::binary(),
        &["--demo"],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        80,
        24,
    );
    p.wait_for("Intake queue (");
    p.wait_for("? help");
    p.send("2");
    p.wait_for("Mentoring pairs (");
    p.send("3");
    p.wait_for("24 ambassadors active");
    p.send("4");
    p.wait_for("participants");
    p.send("5");
    p.wait_for("by fiscal month");
    p.send("6");
    p.wait_for("People (1500)");
    p.send(TAB);
    p.wait_for("Offerings (");
    p.send(TAB);
    p.wait_for("Intake queue (");
    p.send(BACKTAB);
    p.wait_for("Offerings (");
    p.send(BACKTAB);
    p.wait_for("People (1500)");
    p.send("?");
    p.wait_for("quit pathways");
    p.send(ESC);
    p.wait_gone("quit pathways");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn without_a_terminal_it_says_so() {
    let out = std::process::Command::new(common::binary())
        .env("PATHWAYS_DB", "/nonexistent/should-not-be-created.redb")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("pathways find"), "{err}");
    assert!(!std::path::Path::new("/nonexistent/should-not-be-created.redb").exists());
}
