//! `find` as a real process, and search, palette, copy and terminal types in a real PTY.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;
use std::path::Path;
use std::process::Command;

fn init_demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("pathways.redb");
    let out = Command::new(common::binary())
        .args([
            "--db",
            db.to_str().unwrap(),
            "--today",
            "2026-11-25",
            "init",
            "--demo",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    db
}

fn find(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(common::binary())
        .env_remove("PATHWAYS_DB")
        .args(["--db", db.to_str().unwrap(), "find"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn find_prints_plain_lines_while_the_database_is_open_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_demo(dir.path());
    // A second handle (as a dashboard would) keeps the database open the whole time.
    let _held = pathways_core::store::Store::open(&db).unwrap();

    let (code, out, err) = find(&db, &["garcia", "--limit", "3"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("employee") && l.contains("García")),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "no escape codes when not a terminal");

    // Accents are folded: "nunez" finds "Núñez".
    let (code, out, _) = find(&db, &["nunez"]);
    assert_eq!(code, 0);
    assert!(out.contains("Núñez"), "{out}");

    let (code, out, _) = find(&db, &["92883", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        rows.headers().unwrap(),
        vec!["kind", "id", "name", "employee_id", "email", "facts"]
    );
    let first = rows.records().next().unwrap().unwrap();
    assert_eq!(&first[0], "PL offering");
    assert_eq!(&first[2], "Grow Your Career with MCPS");

    let (code, out, err) = find(&db, &["zzqqxx"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("nothing matches"));

    let (code, out, _) = find(&db, &["garcia", "--private", "--limit", "2"]);
    assert_eq!(code, 0);
    assert!(!out.contains("García"), "{out}");
    assert!(!out.contains('@'), "no email under --private: {out}");

    let (code, _, err) = find(&dir.path().join("missing.redb"), &["garcia"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.redb"), "{err}");
}

#[test]
fn find_shows_the_id_and_email_ranks_whole_names_first_and_says_when_it_cut() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_demo(dir.path());
    let data = pathways_core::store::Store::open_read_only(&db)
        .unwrap()
        .load()
        .unwrap()
        .0;
    // A name one person has, typed whole: that person comes first, with id and email.
    let fold = |t: &str| pathways_core::text::fold(t);
    let e = data
        .employees
        .iter()
        .find(|e| {
            !e.email.is_empty()
                && data
                    .employees
                    .iter()
                    .filter(|o| fold(&o.full_name()).contains(&fold(&e.full_name())))
                    .count()
                    == 1
        })
        .expect("a name only one person has");
    let (code, out, err) = find(&db, &[&e.full_name(), "--limit", "3"]);
    assert_eq!(code, 0, "{err}");
    let first_line = out.lines().next().unwrap();
    assert!(first_line.contains(&e.full_name()), "{out}");
    assert!(first_line.contains(e.employee_number.trim()), "{out}");
    assert!(first_line.contains(&e.email), "{out}");
    // Under --private the email is left out, the id stays (it is not personal).
    let (_, private, _) = find(&db, &[&e.full_name(), "--limit", "3", "--private"]);
    let first_line = private.lines().next().unwrap();
    assert!(
        !first_line.contains(&e.email) && !private.contains('@'),
        "{private}"
    );
    assert!(first_line.contains(e.employee_number.trim()), "{private}");
    // A cut at the limit is said on stderr, with how many matched.
    let (code, out, err) = find(&db, &["garcia", "--limit", "2"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2);
    assert!(err.contains("showing the best 2 of "), "{err}");
    assert!(err.contains("--limit "), "{err}");
    let (_, _, err) = find(&db, &["92883"]);
    assert!(!err.contains("showing"), "nothing cut: {err}");
}

fn demo(env: &[(&str, &str)]) -> Pty {
    let mut all = vec![("PATHWAYS_TODAY", "2026-11-25")];
    all.extend_from_slice(env);
    Pty::spawn(&common::binary(), &["--demo"], &all, 80, 24)
}

#[test]
fn slash_narrows_the_list_as_you_type() {
    let mut p = demo(&[]);
    p.wait_for("Intake queue (");
    let title = |screen: &str| {
        let line = screen.lines().find(|l| l.contains("Intake queue (")).unwrap();
        let start = line.find("Intake queue (").unwrap();
        let end = start + line[start..].find(')').unwrap();
        line[start..=end].to_string()
    };
    let open = title(&p.screen());
    p.send("/");
    p.type_text("garcia");
    p.wait_for("/ garcia");
    // The typed text is drawn first; the title says it is filtering until the rows follow.
    p.wait_gone("(filtering…)");
    let screen = p.screen();
    assert_ne!(title(&screen), open, "the list did not narrow");
    assert!(screen.contains("García"), "{screen}");
    p.send(ENTER);
    p.wait_for("/garcia (Esc clears)");
    p.send(ESC);
    p.wait_for(&open);
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn the_palette_and_global_search_work_by_keyboard() {
    let mut p = demo(&[]);
    p.wait_for("Intake queue (");
    p.send(":");
    p.wait_for("Command");
    p.type_text("coverage-tab");
    p.send(ENTER);
    p.wait_for("24 ambassadors active");
    p.send("\x0b"); // Ctrl-K
    p.wait_for("Find anything");
    p.type_text("maple grove");
    p.wait_for("Maple Grove Elementary School");
    p.send(ENTER);
    p.wait_gone("Find anything");
    p.wait_for("location: Maple Grove");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn y_copies_with_osc52() {
    let mut p = demo(&[]);
    p.wait_for("Intake queue (");
    p.send("y");
    p.wait_for("copied:");
    p.wait_raw("an OSC 52 sequence", |raw| {
        raw.windows(7).any(|w| w == b"\x1b]52;c;")
    });
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn every_terminal_type_and_no_color() {
    for (term, no_color) in [
        ("xterm-256color", false),
        ("screen-256color", false),
        ("linux", false),
        ("vt100", false),
        ("xterm-256color", true),
    ] {
        let mut env = vec![("TERM", term)];
        if no_color {
            env.push(("NO_COLOR", "1"));
        }
        let mut p = demo(&env);
        p.wait_for("Intake queue (");
        p.wait_for("? help");
        p.send("3");
        p.wait_for("24 ambassadors active");
        if no_color || term == "vt100" {
            assert!(
                !p.any_colour(),
                "colour shown with TERM={term} NO_COLOR={no_color}:\n{}",
                p.screen()
            );
        } else {
            assert!(p.any_colour(), "the 16-colour theme is missing with TERM={term}");
        }
        p.send("q");
        assert_eq!(p.wait_exit(), 0, "TERM={term}");
    }
}

#[test]
fn private_flag_starts_with_the_banner() {
    let mut p = Pty::spawn(
        &common::binary(),
        &["--demo", "--private"],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        80,
        24,
    );
    p.wait_for("PRIVATE");
    p.send("p");
    p.wait_gone("PRIVATE");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
