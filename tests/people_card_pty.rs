//! The person card from the real binary in a pseudo-terminal, on a database filled the way a
//! user fills it (an HR roster, an intake sheet): a card opened by `:person`, its unknowns shown
//! as unknown, an edit saved and undone; a delete refused while an intake points at the person,
//! a delete asked, done and undone; a pop-up record merged into the HR one, its intake moved.
//! Every step waits for the screen to say so (with a timeout), never for a fixed time.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pathways_core::store::Store;
use pty::*;
use std::path::Path;

/// `init`, a three-person roster, then intakes: Ana once more under a personal email (a second
/// record of her), and Tom, whom only the intake knows.
fn first_day(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("program.redb");
    let (code, _, err) = common::run(&db, &["init"]);
    assert_eq!(code, 0, "{err}");
    let roster = dir.join("roster.csv");
    std::fs::write(
        &roster,
        "Employee ID,First Name,Last Name,Email,Position,Location,Chapter,Hire Date,\
         Position Start Date,Status,PAR\n\
         000100,Maya,Okafor,maya_okafor@district.org,Bus Operator,North Depot,Transportation,\
         1/7/2008,3/2/2015,Permanent,N\n\
         000101,Ana,García,ana_garcia@district.org,Paraeducator,Lincoln ES,Paraeducators,\
         8/20/2019,8/20/2019,Permanent,N\n\
         000102,Bo,Lee,bo_lee@district.org,Custodian,Lincoln ES,Building Services,\
         2/1/2021,2/1/2021,Temporary,N\n",
    )
    .unwrap();
    let intakes = dir.join("intakes.csv");
    std::fs::write(
        &intakes,
        "Email,First Name,Last Name,Submitted,Services\n\
         ana.g@personal.example.org,Ana,García,2026-11-02,resume review\n\
         tom.li@district.org,Tom,Li,2026-11-03,career coaching\n",
    )
    .unwrap();
    let (code, out, _) = common::run(&db, &["import", "employees", roster.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = common::run(&db, &["import", "intakes", intakes.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    db
}

fn open_card(p: &mut Pty, who: &str, title: &str) {
    p.send(":");
    p.type_text(&format!("person {who}"));
    p.send(ENTER);
    p.wait_for(&format!("{title} · Esc back"));
}

#[test]
fn the_card_shows_unknowns_an_edit_is_saved_and_undone_and_delete_is_refused_or_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = first_day(dir.path());
    let mut p = dashboard(&db);
    p.wait_for("Intake queue (");
    p.send("6");
    p.wait_for("People (5)");

    // Tom, known from his intake only: what nobody entered is unknown.
    open_card(&mut p, "tom.li@district.org", "Tom Li");
    p.wait_for("hire date   unknown");
    p.wait_for("status      unknown");
    p.wait_for("chapter     unknown");
    p.wait_for("Intakes (1)");
    // His intake points at him: the delete is refused, naming it.
    p.send("x");
    p.wait_for("cannot delete Tom Li: records point at this person: 1 intake (received");
    // His hire date, typed as M/D/YYYY on the card's form (the 9th field), saved, then undone.
    p.send("e");
    p.wait_for("Edit Tom Li");
    for _ in 0..8 {
        p.send(TAB);
    }
    p.type_text("8/20/2015");
    p.send(ENTER);
    p.wait_for("hire date   2015-08-20");
    p.send("u");
    p.wait_for("undone: ");
    p.wait_for("hire date   unknown");

    // Bo: nothing points at him, so the delete asks, is done, and is undone.
    open_card(&mut p, "000102", "Bo Lee");
    p.send("x");
    p.wait_for("Delete Bo Lee (employee id 000102)?");
    p.send("y");
    p.wait_for("deleted Bo Lee");
    p.wait_for("People (4)");
    p.send("u");
    p.wait_for("People (5)");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);

    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    assert_eq!(data.employees.len(), 5);
    let tom = data
        .employees
        .iter()
        .find(|e| e.email == "tom.li@district.org")
        .unwrap();
    assert_eq!((tom.hire_date, tom.status), (None, None), "the edit was undone");
    assert!(data.employees.iter().any(|e| e.employee_number == "000102"));
}

#[test]
fn a_pop_up_record_is_merged_into_the_hr_one_choosing_per_field_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = first_day(dir.path());
    let mut p = dashboard(&db);
    p.wait_for("Intake queue (");
    p.send("6");
    p.wait_for("People (5)");
    open_card(&mut p, "000101", "Ana García");
    p.wait_for("Intakes: none");
    p.send("M");
    p.wait_for("Merge another record of Ana García into this one");
    p.type_text("ana.g@personal.example.org");
    p.send(ENTER);
    // The two columns: what differs, which value wins; the email stays HR's.
    p.wait_for("merged in:");
    p.wait_for("ana.g@personal.example.org");
    p.wait_for("moves from the merged-in record: 1 intake (received");
    p.send(ENTER);
    p.wait_for("Everything that points at it moves");
    p.send("y");
    p.wait_for("merged record #");
    p.wait_for("Intakes (1)");
    p.send(ESC);
    p.wait_for("People (4)");
    // One transaction, so one undo brings both records back.
    p.send("u");
    p.wait_for("People (5)");
    // Merged again, and kept this time.
    open_card(&mut p, "000101", "Ana García");
    p.send("M");
    p.wait_for("Merge another record of Ana García");
    p.type_text("ana.g@personal.example.org");
    p.send(ENTER);
    p.wait_for("merged in:");
    p.send(ENTER);
    p.wait_for("Everything that points at it moves");
    p.send("y");
    p.wait_for("Intakes (1)");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);

    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    assert_eq!(data.employees.len(), 4);
    let ana = data
        .employees
        .iter()
        .find(|e| e.employee_number == "000101")
        .unwrap();
    assert_eq!(ana.email, "ana_garcia@district.org");
    assert_eq!(data.intakes.iter().filter(|i| i.employee_id == ana.id).count(), 1);
    assert_eq!(data.intakes.len(), 2, "no intake lost");
}
