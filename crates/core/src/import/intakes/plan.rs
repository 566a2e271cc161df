//! Checking every row against an in-memory copy of the database (hash lookups only), and the
//! plan of what to add, applied in one transaction.

use super::row::{Columns, check_row, column_of};
use super::{ImportSummary, Rejection, col};
use crate::dataset::Dataset;
use crate::domain::*;
use crate::import::sheet::{Item, Sheet};
use crate::lookup::Places;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// A reference to an employee, location or pop-up event that exists or that this import adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Ref {
    Existing(Id),
    New(usize),
}

struct NewEmployee {
    employee: Employee,
    location: Option<Ref>,
}

struct NewPopup {
    date: NaiveDate,
    location: Ref,
}

pub(super) struct PlannedIntake {
    intake: Intake,
    employee: Ref,
    popup: Option<Ref>,
}

#[derive(Default)]
pub(super) struct Plan {
    employees: Vec<NewEmployee>,
    popups: Vec<NewPopup>,
    pub(super) intakes: Vec<PlannedIntake>,
    pub(super) summary: ImportSummary,
}

impl Plan {
    /// Stores the plan; ids of new records are assigned here, in file order.
    pub(super) fn apply(&self, txn: &mut crate::store::Txn) -> crate::store::Result<()> {
        // Locations are only ever existing ones: an import never adds a place.
        let resolve_location = |r: Ref| match r {
            Ref::Existing(id) => id,
            Ref::New(_) => 0,
        };
        let mut employee_ids = Vec::with_capacity(self.employees.len());
        for e in &self.employees {
            let mut employee = e.employee.clone();
            employee.location_id = e.location.map(resolve_location);
            employee_ids.push(txn.insert(&mut employee)?);
        }
        let mut popup_ids = Vec::with_capacity(self.popups.len());
        for p in &self.popups {
            let mut event = PopUpEvent {
                id: 0,
                date: p.date,
                location_id: resolve_location(p.location),
                note: String::new(),
            };
            popup_ids.push(txn.insert(&mut event)?);
        }
        for planned in &self.intakes {
            let mut intake = planned.intake.clone();
            intake.employee_id = match planned.employee {
                Ref::Existing(id) => id,
                Ref::New(i) => employee_ids[i],
            };
            intake.popup_event_id = planned.popup.map(|r| match r {
                Ref::Existing(id) => id,
                Ref::New(i) => popup_ids[i],
            });
            txn.insert(&mut intake)?;
        }
        Ok(())
    }
}

/// Lookups built once from the database, then grown as rows add people and places.
struct Lookups {
    by_number: HashMap<String, Ref>,
    by_email: HashMap<String, Ref>,
    chapters: HashMap<String, String>,
    popups: HashMap<(NaiveDate, Ref), Ref>,
    submissions: HashSet<(Ref, NaiveDate)>,
}

impl Lookups {
    fn new(data: &Dataset) -> Self {
        let mut by_number = HashMap::new();
        let mut by_email = HashMap::new();
        let mut chapters = HashMap::new();
        for e in &data.employees {
            let number = e.employee_number.trim();
            if !number.is_empty() {
                by_number.entry(number.to_string()).or_insert(Ref::Existing(e.id));
            }
            let email = e.email.trim().to_lowercase();
            if !email.is_empty() {
                by_email.entry(email).or_insert(Ref::Existing(e.id));
            }
            if let Some(chapter) = &e.chapter {
                chapters
                    .entry(chapter.to_lowercase())
                    .or_insert_with(|| chapter.clone());
            }
        }
        for c in &data.chapters {
            chapters.insert(c.name.to_lowercase(), c.name.clone());
        }
        chapters.insert(NO_CHAPTER.to_lowercase(), NO_CHAPTER.to_string());
        Lookups {
            by_number,
            by_email,
            chapters,
            popups: data
                .popups
                .iter()
                .map(|p| ((p.date, Ref::Existing(p.location_id)), Ref::Existing(p.id)))
                .collect(),
            submissions: data
                .intakes
                .iter()
                .map(|i| (Ref::Existing(i.employee_id), i.received))
                .collect(),
        }
    }
}

pub(super) fn plan(
    data: &Dataset,
    bytes: &[u8],
    map: &[(&'static str, String)],
    today: NaiveDate,
) -> Result<Plan, String> {
    let sheet = Sheet::new(bytes)?;
    let header = sheet.header.clone();
    let columns = Columns::find(&header, map)?;
    let places = Places::new(&data.locations);
    let mut lookups = Lookups::new(data);
    let mut plan = Plan::default();
    for item in sheet {
        let mut row = match item {
            Item::Row(row) => row,
            Item::Rejected(rejection) => {
                plan.summary.rejected.push(rejection);
                continue;
            }
            // Nothing after a row the reader cannot get past can be trusted.
            Item::Unreadable(reason) => return Err(reason),
        };
        let cleaned = match crate::import::sheet::read_row(&header, &mut row.fields, |name| {
            if name.eq_ignore_ascii_case(col::NOTES) {
                crate::text::Field::Note
            } else {
                crate::text::Field::Line
            }
        }) {
            Ok(cleaned) => cleaned,
            Err(reason) => {
                plan.summary.rejected.push(Rejection {
                    line: row.line,
                    reason,
                });
                continue;
            }
        };
        match plan_row(&columns, &row.fields, &mut lookups, &places, &mut plan, today) {
            Ok(true) => {
                plan.summary.imported += 1;
                if !cleaned.is_empty() {
                    plan.summary.cleaned.push(crate::import::sheet::Cleaned {
                        line: row.line,
                        columns: cleaned,
                    });
                }
            }
            Ok(false) => plan.summary.duplicates += 1,
            Err(reason) => plan.summary.rejected.push(Rejection {
                line: row.line,
                reason,
            }),
        }
    }
    plan.summary.new_employees = plan.employees.len();
    Ok(plan)
}

/// Checks one row. Ok(true): planned; Ok(false): a duplicate; Err: why it is rejected.
fn plan_row(
    c: &Columns,
    row: &[String],
    lk: &mut Lookups,
    places: &Places,
    plan: &mut Plan,
    today: NaiveDate,
) -> Result<bool, String> {
    let values = check_row(c, row, today)?;
    let existing = lookup_employee(lk, &values.number, &values.email);
    let new_employee = match existing {
        Some(_) => None,
        None => {
            let (first_name, last_name) = c.first_last(row);
            // An intake knows who asks, not their HR facts: those stay unknown until the roster
            // or the person card fills them.
            let mut employee =
                Employee::unknown(values.number.clone(), first_name, last_name, values.email.clone());
            employee.position = c.get(row, col::POSITION).to_string();
            employee
                .validate()
                .map_err(|e| format!("{}: {}", column_of(e.field), e.reason))?;
            Some(employee)
        }
    };
    let received = values.intake.received;
    if let Some(r) = existing
        && lk.submissions.contains(&(r, received))
    {
        return Ok(false);
    }
    let event = match (c.get(row, col::EVENT_DATE), c.get(row, col::EVENT_LOCATION)) {
        ("", _) | (_, "") => None,
        (d, l) => Some((parse_date(d).map_err(|e| format!("{}: {e}", col::EVENT_DATE))?, l)),
    };
    // The row is good: only now does it add to the reference lists.
    let employee_ref = match (existing, new_employee) {
        (Some(r), _) => r,
        (None, None) => return Err("internal: no employee".into()),
        (None, Some(mut employee)) => {
            let location = place(plan, places, c.get(row, col::LOCATION));
            employee.chapter = add_chapter(lk, plan, c.get(row, col::CHAPTER));
            let r = Ref::New(plan.employees.len());
            if !values.number.is_empty() {
                lk.by_number.insert(values.number.clone(), r);
            }
            if !values.email.is_empty() {
                lk.by_email.insert(values.email.to_lowercase(), r);
            }
            plan.employees.push(NewEmployee { employee, location });
            r
        }
    };
    let popup = match event {
        None => None,
        Some((date, name)) => place(plan, places, name).map(|location| {
            *lk.popups.entry((date, location)).or_insert_with(|| {
                plan.popups.push(NewPopup { date, location });
                Ref::New(plan.popups.len() - 1)
            })
        }),
    };
    lk.submissions.insert((employee_ref, received));
    plan.intakes.push(PlannedIntake {
        intake: values.intake,
        employee: employee_ref,
        popup,
    });
    Ok(true)
}

fn lookup_employee(lk: &Lookups, number: &str, email: &str) -> Option<Ref> {
    let by_number = (!number.is_empty()).then(|| lk.by_number.get(number)).flatten();
    by_number
        .or_else(|| {
            (!email.is_empty())
                .then(|| lk.by_email.get(&email.to_lowercase()))
                .flatten()
        })
        .copied()
}

/// A location by name, through the one matcher the forms use (`blair` is Blair High School). A
/// name it cannot place is never added (its type would be a guess): it is listed once for review
/// with the closest names, and the person's location (or the intake's pop-up) stays unknown.
fn place(plan: &mut Plan, places: &Places, name: &str) -> Option<Ref> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    match places.find(name) {
        Ok(l) => Some(Ref::Existing(l.id)),
        Err(e) => {
            let line = format!("{name} ({})", places.explain(&e));
            if !plan.summary.unknown_locations.contains(&line) {
                plan.summary.unknown_locations.push(line);
            }
            None
        }
    }
}

/// A chapter by name (an empty cell or "unknown": not known), noting one the list lacks.
fn add_chapter(lk: &mut Lookups, plan: &mut Plan, name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() || name.eq_ignore_ascii_case(UNKNOWN) {
        return None;
    }
    let key = name.to_lowercase();
    if let Some(known) = lk.chapters.get(&key) {
        return Some(known.clone());
    }
    lk.chapters.insert(key, name.to_string());
    plan.summary.new_chapters.push(name.to_string());
    Some(name.to_string())
}
