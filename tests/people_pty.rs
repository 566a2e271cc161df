//! The first day with real data, from the real binary: `init`, `import employees` of an
//! HR-style roster, `import intakes`, then in the dashboard a mentor is added and paired and an
//! ambassador added, their eligibility coming from the roster's dates; a person only an intake
//! knows is refused with what to fill in and where, filled in on their card, then paired.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
#[path = "common/pty.rs"]
mod pty;
use pathways_core::store::Store;
use pty::*;

#[test]
fn init_roster_intakes_then_a_pair_and_an_ambassador_from_the_rosters_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("program.redb");
    let (code, _, err) = common::run(&db, &["init"]);
    assert_eq!(code, 0, "{err}");
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "Employee Number,First Name,Last Name,Work Email,Job Title,Work Location,Union Chapter,\
         Original Hire Date,Position Start Date,Employment Status,PAR or Special Evaluation\n\
         000100,Maya,Okafor,maya_okafor@district.org,Bus Operator,North Depot,Transportation,\
         1/7/2008,3/2/2015,Permanent,N\n\
         000101,Ana,García,ana_garcia@district.org,Paraeducator,Lincoln ES,Paraeducators,\
         8/20/2019,8/20/2019,Permanent,N\n",
    )
    .unwrap();
    let intakes = dir.path().join("intakes.csv");
    std::fs::write(
        &intakes,
        "Email,First Name,Last Name,Submitted,Services\n\
         ana_garcia@district.org,Ana,Garcia,2026-11-02,resume review\n\
         tom.li@district.org,Tom,Li,2026-11-03,career coaching\n",
    )
    .unwrap();
    let (code, out, _) = common::run(&db, &["import", "employees", roster.to_str().unwrap()]);
    assert!(
        code == 0 && out.ends_with("new 2, updated 0, unchanged 0, rejected 0\n"),
        "{out}"
    );
    let (code, out, _) = common::run(&db, &["import", "intakes", intakes.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        Store::open(&db).unwrap().load().unwrap().0.employees.len(),
        3,
        "Ana once, Tom new"
    );

    let mut p = dashboard(&db);
    p.send("2");
    p.wait_for("Mentoring pairs (0)");
    p.send("m");
    p.wait_for("Add a mentor");
    p.type_text("000100");
    p.send(ENTER);
    p.wait_gone("Add a mentor");
    // Tom is known from an intake only: his status and PAR are unknown, so he cannot be paired yet.
    p.send("n");
    p.wait_for("Pair a mentee with a mentor");
    p.type_text("tom.li@district.org");
    p.send(TAB);
    p.send(ENTER);
    p.wait_for("Not paired");
    p.wait_for("employment status unknown: add it on the");
    // Ana's roster facts make her eligible.
    p.send(BACKTAB);
    for _ in 0.."tom.li@district.org".len() {
        p.send("\x7f");
    }
    p.type_text("000101");
    p.send(TAB);
    p.send(ENTER);
    p.wait_for("Mentoring pairs (1)");
    p.wait_gone("Not paired");

    // Maya becomes an ambassador: 5 years of service from her roster hire date; her roster
    // location is the primary one. Tom (no hire date) is refused first, saying where to fill it.
    p.send("3");
    p.wait_for("Ambassador");
    p.send("a");
    p.wait_for("Add an ambassador");
    p.type_text("Tom Li");
    p.send(ENTER);
    p.wait_for("hire date unknown: add it");
    for _ in 0.."Tom Li".len() {
        p.send("\x7f");
    }
    p.type_text("000100");
    p.send(ENTER);
    p.wait_gone("Add an ambassador");

    // Where the refusal said: Tom's card, from any tab. His status and PAR filled in there (the
    // 11th and 12th fields, picked by typing their start), he is paired like anyone else.
    p.send(":");
    p.type_text("person tom.li@district.org");
    p.send(ENTER);
    p.wait_for("Tom Li · Esc back");
    p.wait_for("status      unknown");
    // The card says what each role's rules still need.
    p.wait_for("as a mentee: no");
    p.wait_for("mentee's employment status unknown");
    p.send("e");
    p.wait_for("Edit Tom Li");
    for _ in 0..10 {
        p.send(TAB);
    }
    p.send("p");
    p.send(TAB);
    p.send("n");
    p.send(ENTER);
    p.wait_for("status      permanent");
    p.wait_for("PAR/special no");
    p.wait_for("as a mentee: yes");
    p.send(ESC);
    p.wait_for("Ambassador");
    p.send("2");
    p.wait_for("Mentoring pairs (1)");
    p.send("n");
    p.wait_for("Pair a mentee with a mentor");
    p.type_text("tom.li@district.org");
    p.send(TAB);
    p.send(ENTER);
    p.wait_for("Mentoring pairs (2)");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);

    let (data, _) = Store::open(&db).unwrap().load().unwrap();
    let maya = data
        .employees
        .iter()
        .find(|e| e.employee_number == "000100")
        .unwrap();
    let ana = data
        .employees
        .iter()
        .find(|e| e.employee_number == "000101")
        .unwrap();
    assert_eq!(data.pairs.len(), 2);
    assert_eq!(data.pairs[0].mentee_id, ana.id);
    let tom = data
        .employees
        .iter()
        .find(|e| e.email == "tom.li@district.org")
        .unwrap();
    assert_eq!(data.pairs[1].mentee_id, tom.id);
    assert_eq!(
        (tom.status, tom.in_evaluation),
        (
            Some(pathways_core::domain::EmploymentStatus::Permanent),
            Some(false)
        )
    );
    assert_eq!(data.mentor(data.pairs[0].mentor_id).unwrap().employee_id, maya.id);
    assert_eq!(data.ambassadors.len(), 1);
    assert_eq!(data.ambassadors[0].employee_id, maya.id);
    assert_eq!(Some(data.ambassadors[0].primary_location), maya.location_id);
}
