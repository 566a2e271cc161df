//! `import pl-roster FILE`: a PDO course roster (course number, session date, employee id or
//! email, name; optionally the course title and start time) as PL attendance. What the roster
//! names and the database does not hold yet is added and listed for review: the course (when the
//! roster gives its title), the session (offering and date), the person (by name, with every
//! other fact unknown, as an intake adds one). A person already attending that session is a
//! duplicate. All good rows are stored in one transaction; `--dry-run` stores nothing.

use super::engine::{Column, Outcome, optional, required};
use super::reader::Sheet;
use super::row::{Columns, Row, stored_text};
use super::{ImportError, Rejection, open_sheet};
use crate::dataset::Dataset;
use crate::domain::*;
use crate::lookup::People;
use crate::store::{Store, Txn};
use chrono::{NaiveDate, NaiveTime};
use std::collections::{HashMap, HashSet};
use std::path::Path;

const COLUMNS: &[Column] = &[
    required("course_number").or(&[
        "course number",
        "course",
        "course #",
        "course no",
        "pdo course number",
    ]),
    optional("title").or(&["course title", "course name"]),
    required("date").or(&["session date", "class date", "start date"]),
    optional("start").or(&["start time", "session start"]),
    optional("employee_number").or(&["employee id", "employee number", "emp id", "employee #"]),
    optional("email").or(&["email address", "work email", "employee email"]),
    optional("name").or(&["full name", "participant", "employee name"]),
    optional("first_name").or(&["first name", "first"]),
    optional("last_name").or(&["last name", "last"]),
];

#[derive(Default)]
struct Plan {
    offerings: Vec<Offering>,
    sessions: Vec<PlSession>,
    employees: Vec<Employee>,
    attendance: Vec<PlAttendance>,
}

impl Plan {
    fn is_empty(&self) -> bool {
        self.attendance.is_empty() && self.offerings.is_empty() && self.sessions.is_empty()
    }

    fn apply(&self, txn: &mut Txn) -> crate::store::Result<()> {
        for o in &self.offerings {
            txn.insert_keeping_id(o)?;
        }
        for s in &self.sessions {
            txn.insert_keeping_id(s)?;
        }
        for e in &self.employees {
            txn.insert_keeping_id(e)?;
        }
        for a in &self.attendance {
            txn.insert_keeping_id(a)?;
        }
        Ok(())
    }
}

/// The ids new records of each kind start from: offerings, sessions, employees, attendance.
type NextIds = [Id; 4];

fn next_ids(txn: Option<&Txn>, data: &Dataset) -> crate::store::Result<NextIds> {
    use super::engine::next_id_in;
    Ok(match txn {
        Some(t) => [
            t.peek_id::<Offering>()?,
            t.peek_id::<PlSession>()?,
            t.peek_id::<Employee>()?,
            t.peek_id::<PlAttendance>()?,
        ],
        None => [
            next_id_in::<Offering>(data),
            next_id_in::<PlSession>(data),
            next_id_in::<Employee>(data),
            next_id_in::<PlAttendance>(data),
        ],
    })
}

pub fn import(store: &Store, path: &Path, dry_run: bool) -> Result<Outcome, ImportError> {
    let sheet = open_sheet(path)?;
    let columns = Columns::find(&sheet.headers, COLUMNS);
    let mut missing: Vec<&str> = COLUMNS
        .iter()
        .filter(|c| c.required && !columns.has(c.name))
        .map(|c| c.name)
        .collect();
    if !["employee_number", "email"].iter().any(|c| columns.has(c)) {
        missing.push("employee_number or email");
    }
    if !missing.is_empty() {
        return Err(ImportError::Unreadable {
            path: path.display().to_string(),
            reason: format!("not a course roster: missing column(s) {}", missing.join(", ")),
        });
    }
    let planned_at = store.generation()?;
    let (data, _problems) = store.load()?;
    let ids = next_ids(None, &data)?;
    let (planned, mut outcome) = plan(&data, &sheet, &columns, ids);
    outcome.dry_run = dry_run;
    if dry_run || planned.is_empty() {
        return Ok(outcome);
    }
    // Made again inside the transaction that writes when anything was saved since.
    Ok(store.write(|txn| {
        if txn.generation()? == planned_at && next_ids(Some(txn), &data)? == ids {
            planned.apply(txn)?;
            return Ok(outcome);
        }
        let (data, _) = txn.load()?;
        let ids = next_ids(Some(txn), &data)?;
        let (planned, outcome) = plan(&data, &sheet, &columns, ids);
        planned.apply(txn)?;
        Ok(outcome)
    })?)
}

/// What rows already added, so later rows find them.
struct Added {
    courses: HashMap<String, Id>,
    sessions: HashMap<(Id, NaiveDate, Option<NaiveTime>), Id>,
    numbers: HashMap<String, Id>,
    emails: HashMap<String, Id>,
    attending: HashSet<(Id, Id)>,
}

fn plan(data: &Dataset, sheet: &Sheet, columns: &Columns, next: NextIds) -> (Plan, Outcome) {
    let [
        mut next_offering,
        mut next_session,
        mut next_employee,
        mut next_mark,
    ] = next;
    let people = People::new(&data.employees);
    let mut added = Added {
        courses: data
            .offerings
            .iter()
            .filter(|o| !o.course_number.trim().is_empty())
            .map(|o| (o.course_number.trim().to_ascii_lowercase(), o.id))
            .collect(),
        sessions: data
            .pl_sessions
            .iter()
            .map(|s| ((s.offering_id, s.date, s.start), s.id))
            .collect(),
        numbers: HashMap::new(),
        emails: HashMap::new(),
        attending: data
            .pl_attendance
            .iter()
            .map(|a| (a.pl_session_id, a.employee_id))
            .collect(),
    };
    let mut plan = Plan::default();
    let mut outcome = Outcome {
        kind: "pl-roster",
        rejected: sheet.rejected.clone(),
        ..Outcome::default()
    };
    let named = names_in_file(sheet, columns);
    let titles = titles_in_file(sheet, columns);
    let no_notes = std::collections::HashSet::new();
    for sheet_row in &sheet.rows {
        let Some(sheet_row) = outcome.stored_row(&sheet.headers, sheet_row, &no_notes) else {
            continue;
        };
        let row = Row::new(&sheet_row, columns);
        let result = (|| -> Result<bool, String> {
            let number = row.required_text("course_number")?;
            if number.chars().any(char::is_whitespace) {
                return Err("course_number: a course number has no spaces".into());
            }
            let date = row.date("date")?;
            let start = row.opt_time("start")?;
            let person = person(&row, &people, &added, &named)?;
            let mut title = row.text("title");
            if title.is_empty() {
                title = titles
                    .get(&number.to_ascii_lowercase())
                    .cloned()
                    .unwrap_or_default();
            }
            let known = added.courses.get(&number.to_ascii_lowercase()).copied();
            if known.is_none() && title.is_empty() {
                return Err(format!(
                    "course_number: no offering has the course number {}; add it with \
                     `import offerings` or give the roster's course title",
                    truncate_for_message(&number)
                ));
            }
            // The row is good: only now does it add what it names.
            let course = match known {
                Some(id) => id,
                None => {
                    let id = next_offering;
                    next_offering += 1;
                    plan.offerings.push(Offering {
                        id,
                        course_number: number.clone(),
                        title: title.clone(),
                        partner_office: String::new(),
                        teacher_pathway: false,
                    });
                    added.courses.insert(number.to_ascii_lowercase(), id);
                    outcome
                        .review
                        .push(format!("new offering added (please review): {number} {title}"));
                    id
                }
            };
            // A session with no time given is the one held that day, whatever its time.
            let existing = added
                .sessions
                .iter()
                .filter(|((o, d, s), _)| *o == course && *d == date && (start.is_none() || *s == start))
                .map(|(_, id)| *id)
                .min();
            let session = match existing {
                Some(id) => id,
                None => {
                    let id = next_session;
                    next_session += 1;
                    plan.sessions.push(PlSession {
                        id,
                        offering_id: course,
                        date,
                        start,
                        end: None,
                        place: String::new(),
                        facilitator: String::new(),
                    });
                    added.sessions.insert((course, date, start), id);
                    outcome
                        .review
                        .push(format!("new session added: course {number} on {date}"));
                    id
                }
            };
            let employee = match person {
                Ok(id) => {
                    // An employee id the database does not know, on a row whose person was
                    // found by email: the rest of the file reads that id as this person, so a
                    // later row with it finds them in this run as in a repeat (where the email
                    // row comes first again). The person record is not changed.
                    let (number, _) = keys(&row);
                    if !number.is_empty() && people.by_number(&number).is_none() {
                        added.numbers.entry(number).or_insert(id);
                    }
                    id
                }
                Err(mut e) => {
                    let id = next_employee;
                    next_employee += 1;
                    e.id = id;
                    if !e.employee_number.is_empty() {
                        added.numbers.insert(e.employee_number.clone(), id);
                    }
                    if !e.email.is_empty() {
                        added.emails.insert(e.email.to_lowercase(), id);
                    }
                    plan.employees.push(*e);
                    id
                }
            };
            if !added.attending.insert((session, employee)) {
                return Ok(false);
            }
            plan.attendance.push(PlAttendance {
                id: next_mark,
                pl_session_id: session,
                employee_id: employee,
            });
            next_mark += 1;
            Ok(true)
        })();
        match result {
            Ok(true) => outcome.imported += 1,
            Ok(false) => outcome.duplicates += 1,
            Err(reason) => outcome.rejected.push(Rejection {
                line: row.line(),
                reason,
            }),
        }
    }
    if !plan.employees.is_empty() {
        outcome.review.push(format!(
            "new people added (please review their details): {}",
            plan.employees.len()
        ));
    }
    outcome.rejected.sort_by_key(|r| r.line);
    (plan, outcome)
}

/// The employee id and email a row names (an email typed in the id column moved over).
fn keys(row: &Row) -> (String, String) {
    let number = row.text("employee_number");
    let email = row.text("email");
    if number.contains('@') && email.is_empty() {
        (String::new(), number)
    } else {
        (number, email)
    }
}

/// The first and last name a row gives, from their own columns or a whole name.
fn names(row: &Row) -> (String, String) {
    if row.is_empty("first_name") && row.is_empty("last_name") {
        let full = row.text("name");
        // Rosters write "Garcia, Ana" as often as "Ana Garcia".
        match full.split_once(',') {
            Some((last, first)) if !first.trim().is_empty() => {
                (first.trim().to_string(), last.trim().to_string())
            }
            _ => split_name(&full).unwrap_or_default(),
        }
    } else {
        (row.text("first_name"), row.text("last_name"))
    }
}

/// The names the file gives each employee id and email, from any of its rows: a row that names
/// a new person without their name finds it on another row, wherever that row is, so the
/// file's order never decides what is stored (a repeat of the file adds nothing).
fn names_in_file(sheet: &Sheet, columns: &Columns) -> HashMap<String, (String, String)> {
    let no_notes = std::collections::HashSet::new();
    let mut named = HashMap::new();
    for sheet_row in &sheet.rows {
        let Ok((sheet_row, _)) = stored_text(&sheet.headers, sheet_row, &no_notes) else {
            continue;
        };
        let row = Row::new(&sheet_row, columns);
        let (first, last) = names(&row);
        if first.is_empty() || last.is_empty() {
            continue;
        }
        let (number, email) = keys(&row);
        for key in [format!("#{number}"), format!("@{}", email.to_lowercase())] {
            if key.len() > 1 {
                named.entry(key).or_insert_with(|| (first.clone(), last.clone()));
            }
        }
    }
    named
}

/// The title the file gives each course number (lowercase), from any of its rows: a row of a
/// new course without its title finds it on another row, wherever that row is (as for names).
fn titles_in_file(sheet: &Sheet, columns: &Columns) -> HashMap<String, String> {
    let no_notes = std::collections::HashSet::new();
    let mut titles = HashMap::new();
    for sheet_row in &sheet.rows {
        let Ok((sheet_row, _)) = stored_text(&sheet.headers, sheet_row, &no_notes) else {
            continue;
        };
        let row = Row::new(&sheet_row, columns);
        let (number, title) = (row.text("course_number"), row.text("title"));
        if !number.is_empty() && !title.is_empty() {
            titles.entry(number.to_ascii_lowercase()).or_insert(title);
        }
    }
    titles
}

/// The person a roster row names: a known employee (Ok), or a new one to add (Err), or why
/// the row cannot say who.
#[allow(clippy::type_complexity)]
fn person(
    row: &Row,
    people: &People,
    added: &Added,
    named: &HashMap<String, (String, String)>,
) -> Result<Result<Id, Box<Employee>>, String> {
    let (number, email) = keys(row);
    if number.is_empty() && email.is_empty() {
        return Err("needs an employee id or an email; both are empty".into());
    }
    if !email.is_empty() && !is_plausible_email(&email) {
        return Err("email: not an email address (name@district.org)".into());
    }
    if let Some(e) = people.by_keys(&number, &email) {
        return Ok(Ok(e.id));
    }
    if let Some(&id) = (!number.is_empty())
        .then(|| added.numbers.get(&number))
        .flatten()
        .or_else(|| added.emails.get(&email.to_lowercase()))
    {
        return Ok(Ok(id));
    }
    let (mut first, mut last) = names(row);
    if first.is_empty() || last.is_empty() {
        let elsewhere = named
            .get(&format!("#{number}"))
            .filter(|_| !number.is_empty())
            .or_else(|| {
                named
                    .get(&format!("@{}", email.to_lowercase()))
                    .filter(|_| !email.is_empty())
            });
        if let Some((f, l)) = elsewhere {
            (first, last) = (f.clone(), l.clone());
        }
    }
    if first.is_empty() || last.is_empty() {
        return Err(
            "no employee has that employee id or email, and the row has no first and last name to add them with"
                .into(),
        );
    }
    // A roster knows who attended, not their HR facts: those stay unknown.
    let employee = Employee::unknown(number, first, last, email);
    employee.validate().map_err(|e| e.to_string())?;
    Ok(Err(Box::new(employee)))
}
