//! Text from outside never reaches a terminal as a live sequence. In: imports, forms and pastes
//! clean what they store. Out: an older database holding control, bidi and zero-width characters
//! (written here raw, as an older build could have) reaches no terminal through a one-shot
//! command, the dashboard's cells, or the clipboard.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;

use pathways_core::domain::*;
use pathways_core::store::{Record, Store};
use pathways_core::text;
use pathways_tui::action::Action;
use pathways_tui::app::Modal;
use pty::{ENTER, Pty};
use std::path::{Path, PathBuf};

const FIRST: &str = "T\u{202e}\u{200b}\u{1b}]0;TITLE\u{7}";
const LAST: &str = "\u{1b}]52;c;QUJD\u{7}Garcia\u{202e}\u{200b}";
const POSITION: &str = "\u{9b}2J Paraeducator\u{2066}";
const NOTES: &str = "call\u{1b}[2J back\r\n\u{85}later\u{7}";

/// True when `out` holds nothing a terminal would run or reorder (line breaks and tabs are fine).
fn live(out: &str) -> Vec<char> {
    out.chars()
        .filter(|c| *c != '\n' && *c != '\t' && text::is_live(*c))
        .collect()
}

fn assert_inert(what: &str, out: &str) {
    let found = live(out);
    assert!(found.is_empty(), "{what} carries {found:?}:\n{out}");
}

/// The demo with the person of the first intake in the queue (and that intake's notes) made
/// hostile by raw writes: what an older database may hold. Returns the path and the employee.
fn hostile_demo(dir: &Path) -> (PathBuf, Employee) {
    let path = common::demo_file(dir);
    let (data, _) = Store::open(&path).unwrap().load().unwrap();
    let app = pathways_tui::app::App::new(Store::open(&path).unwrap(), common::today()).unwrap();
    let intake = app.intake.selected(&app.data).unwrap().clone();
    drop(app);
    let mut e = data.employee(intake.employee_id).unwrap().clone();
    e.first_name = FIRST.into();
    e.last_name = LAST.into();
    e.position = POSITION.into();
    common::write_raw(&path, Employee::TABLE, e.id, &e.encode().unwrap());
    let mut it = intake;
    it.notes = NOTES.into();
    common::write_raw(&path, Intake::TABLE, it.id, &it.encode().unwrap());
    (path, e)
}

#[test]
fn one_shot_output_never_carries_a_live_sequence_from_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let (path, e) = hostile_demo(dir.path());
    let mut runs: Vec<Vec<String>> = vec![
        vec!["find".into(), e.employee_number.clone()],
        vec![
            "find".into(),
            "--format".into(),
            "csv".into(),
            e.employee_number.clone(),
        ],
        vec!["find".into(), "--private".into(), e.employee_number.clone()],
    ];
    for kind in pathways_core::export::KINDS {
        runs.push(vec!["export".into(), kind.to_string(), "--confidential".into()]);
    }
    let mut saw_the_name = false;
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = common::run(&path, &args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_inert(&format!("stdout of {args:?}"), &out);
        assert_inert(&format!("stderr of {args:?}"), &err);
        saw_the_name |= out.contains("]0;TITLE");
    }
    assert!(saw_the_name, "the hostile record was written (as visible text)");
    // An export file is `cat` to a terminal and opened in spreadsheets: inert too.
    let file = dir.path().join("intakes.csv");
    let (code, _, err) = common::run(&path, &["export", "intakes", "--out", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert_inert("export intakes --out", &written);
    assert!(written.contains("call\\u{1b}[2J back"), "escaped, not lost");
    // Error messages too, whatever the user or the data put in them.
    let (code, _, err) = common::run(&path, &["export", "x\u{1b}]0;T\u{7}\u{202e}"]);
    assert_eq!(code, 2);
    assert_inert("an error message", &err);
    assert!(err.contains("unknown kind"), "{err}");
    let (code, _, err) = common::run(&path, &["find", "zz\u{1b}]0;T\u{7}\u{202e}"]);
    assert_eq!(code, 1);
    assert_inert("find's nothing-matches message", &err);
}

#[test]
fn an_import_cleans_each_cell_names_line_and_column_and_its_summary_is_inert() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.redb");
    Store::create_new(&path).unwrap();
    let csv = dir.path().join("hostile.csv");
    std::fs::write(
        &csv,
        "Employee ID,First Name,Last Name,Email,Services,Submitted,Chapter,Notes\n\
         900001,\"T\u{1b}]0;TITLE\u{7}\",Gar\u{202e}cia\u{200b},t@district.org,resume review,2026-01-05,\
         \"Ch\u{1b}[2Japter\",\"line 1\r\n\tline 2\u{7}\"\n\
         900002,Ana,Lee,a@district.org,resume review,2026-01-05,,plain\n\
         900003,\"Bo\0b\",Kim,b@district.org,resume review,2026-01-05,,\n",
    )
    .unwrap();
    let (code, out, err) = common::run(&path, &["import", "intakes", csv.to_str().unwrap()]);
    assert_eq!(code, 1, "one row is refused: {out}{err}");
    assert_inert("the import summary", &out);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "line 5: First Name: holds a NUL byte, which no text has; if the file is UTF-16, save \
             it as CSV UTF-8",
            "line 2: First Name, Last Name, Chapter, Notes: removed control or invisible \
             characters (the rest was kept)",
            "new chapter added (please review): Ch[2Japter",
            "imported 2, duplicates skipped 0, rejected 1",
        ]
    );
    let (data, _) = Store::open(&path).unwrap().load().unwrap();
    let e = data
        .employees
        .iter()
        .find(|e| e.employee_number == "900001")
        .unwrap();
    assert_eq!(
        (e.first_name.as_str(), e.last_name.as_str()),
        ("T]0;TITLE", "Garcia")
    );
    assert_eq!(e.chapter.as_deref(), Some("Ch[2Japter"));
    let it = data.intakes.iter().find(|i| i.employee_id == e.id).unwrap();
    assert_eq!(it.notes, "line 1\n\tline 2", "a note keeps its lines and tabs");
    assert!(!data.employees.iter().any(|e| e.employee_number == "900003"));
}

/// The export's own spreadsheet cells: nothing a spreadsheet would run as a formula.
fn assert_no_formula(csv_text: &str) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes());
    for record in r.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a live formula cell: {cell:?}"
            );
        }
    }
}

#[test]
fn every_csv_export_neutralises_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_file(dir.path());
    let store = Store::open(&path).unwrap();
    store
        .write(|txn| {
            let mut l = Location {
                id: 0,
                name: "=HYPERLINK(\"http://x\",\"y\")".into(),
                kind: LocationKind::Office,
                employees: Some(1),
            };
            txn.insert(&mut l)?;
            let mut o = Offering {
                id: 0,
                course_number: "+1".into(),
                title: "@SUM(A1)".into(),
                partner_office: "-DOT".into(),
                teacher_pathway: false,
            };
            txn.insert(&mut o)?;
            Ok(())
        })
        .unwrap();
    drop(store);
    for kind in pathways_core::export::KINDS {
        let (code, out, err) = common::run(&path, &["export", kind, "--confidential"]);
        assert_eq!(code, 0, "{kind}: {err}");
        assert_no_formula(&out);
    }
    let (_, out, _) = common::run(&path, &["export", "locations"]);
    assert!(
        out.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        "{out}"
    );
}

#[test]
fn no_cell_of_the_dashboard_carries_a_live_character() {
    let dir = tempfile::tempdir().unwrap();
    let (path, e) = hostile_demo(dir.path());
    let mut app = pathways_tui::app::App::new(Store::open(&path).unwrap(), common::today()).unwrap();
    let check = |app: &pathways_tui::app::App, what: &str| {
        for (w, h) in [(80, 24), (150, 40)] {
            let screen = common::screen_text(app, w, h);
            assert_inert(&format!("{what} at {w}x{h}"), &screen);
        }
    };
    check(&app, "the intake queue");
    assert!(common::screen_text(&app, 150, 40).contains("]0;TITLE"));
    app.update(Action::Intake(pathways_tui::tabs::intake::IntakeAction::Edit));
    assert!(matches!(app.modals.last(), Some(Modal::Form { .. })));
    check(&app, "the intake edit form");
    app.modals.clear();
    app.update(Action::GlobalSearch);
    app.paste(&e.employee_number);
    check(&app, "the search box");
}

#[test]
fn typed_and_pasted_text_is_stored_clean() {
    let (_dir, mut app) = common::demo_app();
    app.update(Action::Intake(pathways_tui::tabs::intake::IntakeAction::Add));
    let paste = |app: &mut pathways_tui::app::App, label: &str, text: &str| {
        if let Some(Modal::Form { form, .. }) = app.modals.last_mut() {
            form.focus = form.fields.iter().position(|f| f.label == label).unwrap();
        }
        app.paste(text);
    };
    paste(&mut app, "employee id", "912345\u{200b}");
    paste(&mut app, "email", "zed\u{202e}@district.org");
    paste(&mut app, "first name", "Z\u{1b}]0;x\u{7}ed");
    paste(&mut app, "last name", "Ng\r\n");
    paste(&mut app, "notes", "first\r\nsecond\u{1b}[2J");
    assert!(
        app.status.as_deref().unwrap_or("").contains("left out"),
        "{:?}",
        app.status
    );
    if let Some(Modal::Form { form, .. }) = app.modals.last_mut() {
        form.focus = form.fields.iter().position(|f| f.label == "services").unwrap();
        form.type_char(' ');
    }
    app.update(Action::Submit);
    assert!(app.modals.is_empty(), "saved: {:?}", app.modals.last());
    let (data, _) = app.store.load().unwrap();
    let e = data
        .employees
        .iter()
        .find(|e| e.employee_number == "912345")
        .unwrap();
    assert_eq!(
        (e.first_name.as_str(), e.last_name.as_str(), e.email.as_str()),
        ("Z]0;xed", "Ng", "zed@district.org")
    );
    let it = data.intakes.iter().find(|i| i.employee_id == e.id).unwrap();
    assert_eq!(it.notes, "first\nsecond[2J");
}

/// The base64 payload of the last OSC 52 sequence in `raw`, decoded.
fn clipboard_payload(raw: &[u8]) -> Option<String> {
    use base64::Engine;
    let start = raw.windows(7).rposition(|w| w == b"\x1b]52;c;")? + 7;
    let len = raw[start..].iter().position(|b| *b == 0x1b || *b == 0x07)?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..start + len])
        .ok()?;
    String::from_utf8(bytes).ok()
}

#[test]
fn in_a_terminal_nothing_live_is_drawn_copied_or_pasted() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _e) = hostile_demo(dir.path());
    let mut p = Pty::spawn(
        &common::binary(),
        &["--db", path.to_str().unwrap()],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        150,
        40,
    );
    p.wait_for("Intake queue (");
    p.wait_for("]0;TITLE");
    // Its edit form too (a form draws values as spans, which keep zero-width characters).
    p.send("e");
    p.wait_for("Edit the intake");
    p.send("\x1b");
    p.wait_gone("Edit the intake");
    // Drawn: no bidi or zero-width character, and no sequence from the data.
    let raw = String::from_utf8_lossy(&p.raw_output()).into_owned();
    for bad in [
        "\u{202e}",
        "\u{200b}",
        "\u{2066}",
        "\u{1b}]0;",
        "\u{1b}]52;",
        "\u{9b}",
        "\u{85}",
    ] {
        assert!(!raw.contains(bad), "the screen output carries {bad:?}");
    }
    // Copied: the payload is one inert line.
    p.send("y");
    p.wait_for("copied:");
    p.wait_raw("an OSC 52 sequence", |raw| clipboard_payload(raw).is_some());
    let copied = clipboard_payload(&p.raw_output()).unwrap();
    assert!(copied.contains("]0;TITLE"), "{copied}");
    assert!(
        !copied.chars().any(|c| c.is_control() || text::is_live(c)),
        "{copied:?}"
    );
    // Pasted: arrives whole (its line break does not end the filter) and cleaned.
    p.send("/");
    p.wait_for("Enter keep");
    p.send("\x1b[200~Gar\u{202e}cia\r\n\x1b[201~");
    p.wait_for("/ Garcia ");
    p.wait_for("Enter keep");
    p.send(ENTER);
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
