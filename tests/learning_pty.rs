//! The real binary in a pseudo-terminal, from an empty database: an offering, a session of it
//! and who attended are recorded in the learning tab, the metrics tab counts them, and undo
//! takes the attendance back.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;

/// The screen line that mentions `label`, once `ok` says it is as expected.
fn wait_line(p: &Pty, label: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = std::time::Instant::now();
    loop {
        let screen = p.screen();
        if let Some(line) = screen.lines().find(|l| l.contains(label) && ok(l)) {
            return line.to_string();
        }
        if start.elapsed() > std::time::Duration::from_secs(20) {
            panic!("no line with {label:?} as expected; screen:\n{screen}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The last number of a metrics row (its fiscal year to date).
fn year_to_date(line: &str) -> String {
    line.trim_end_matches(['│', ' '])
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_pl_session_recorded_in_the_dashboard_shows_in_the_metrics() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pl.redb");
    assert_eq!(common::run(&db, &["init"]).0, 0);
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "Employee ID,First Name,Last Name\n100200,Wendell,Okafor\n",
    )
    .unwrap();
    let (code, out, err) = common::run(&db, &["import", "employees", roster.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");

    let mut p = Pty::spawn(
        &common::binary(),
        &["--db", db.to_str().unwrap()],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        80,
        24,
    );
    p.wait_for("Intake queue (");
    p.send("7");
    p.wait_for("No offerings yet");
    p.send("a");
    p.wait_for("Add a PL offering");
    p.type_text("92883");
    p.send(TAB);
    p.type_text("Grow Your Career");
    p.send(ENTER);
    p.wait_for("offering added: 92883 Grow Your Career");

    // A session of it, on a date typed as the team types it.
    p.send("v");
    p.wait_for("No sessions yet");
    p.send("a");
    p.wait_for("Add a PL session");
    p.send(TAB);
    for _ in 0..12 {
        p.send("\x7f");
    }
    p.type_text("11/24/2026");
    p.send(ENTER);
    p.wait_for("session added: 92883 Grow Your Career · 2026-11-24");

    // Who attended: by employee id, through the one people lookup.
    p.send(ENTER);
    p.wait_for("Attended 92883 Grow Your Career");
    p.send("a");
    p.wait_for("Who attended");
    p.type_text("100200");
    p.send(ENTER);
    p.wait_for("attendance recorded: Wendell Okafor");

    // The metrics count it this fiscal year.
    p.send("5");
    wait_line(&p, "PL attendance", |l| year_to_date(l) == "1");
    wait_line(&p, "PL sessions held", |l| year_to_date(l) == "1");

    // Undo on the learning tab takes the attendance back; the metrics follow.
    p.send("7");
    p.wait_for("Attended 92883 Grow Your Career");
    p.send("u");
    p.wait_for("undone: attendance recorded");
    p.send("5");
    wait_line(&p, "PL attendance", |l| year_to_date(l) == "0");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let (data, _) = pathways_core::store::Store::open(&db).unwrap().load().unwrap();
    assert_eq!(
        (
            data.offerings.len(),
            data.pl_sessions.len(),
            data.pl_attendance.len()
        ),
        (1, 1, 0)
    );
    assert_eq!(data.pl_sessions[0].date.to_string(), "2026-11-24");
    // `report monthly` counts the session entered in the dashboard in its month.
    let (code, csv, err) = common::run(
        &db,
        &["report", "monthly", "--as-of", "2026-11-25", "--format", "csv"],
    );
    assert_eq!(code, 0, "{err}");
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let november: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("2026-11,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(
        (november[at("pl_sessions")], november[at("pl_attendance")]),
        ("1", "0"),
        "{csv}"
    );
}
