//! The roster checked against the database (hash lookups only) and the plan of what to add and
//! change, applied in one transaction.

use super::columns::{Column, Columns};
use super::review::review;
use super::row::{Cell, RosterRow, parse_row};
use crate::dataset::Dataset;
use crate::domain::*;
use crate::import::{Rejection, UpsertSummary, csv_file};
use crate::lookup::{LookupError, People, Places};
use crate::privacy::Mask;
use crate::store::{Result as StoreResult, StoreError, Txn};
use std::collections::{BTreeMap, HashMap};

/// A record that exists, or one this import adds (by its place in the plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ref {
    Existing(Id),
    New(usize),
}

/// One employee as the import leaves them; refs resolved when the plan is applied.
#[derive(Debug, Clone)]
pub(super) struct Planned {
    pub(super) employee: Employee,
    location: Option<Ref>,
    supervisor: Option<Ref>,
}

/// What to store: new reference entries, new people, changed people (with the record as read).
#[derive(Default)]
pub struct Plan {
    locations: Vec<Location>,
    chapters: Vec<Chapter>,
    new_people: Vec<Planned>,
    changed: Vec<(Employee, Planned)>,
    pub summary: UpsertSummary,
}

/// The district's employee id without leading zeros, for comparing ids.
fn bare(number: &str) -> &str {
    let t = number.trim().trim_start_matches('0');
    if t.is_empty() { "0" } else { t }
}

/// Reads and checks the whole roster against `data`; stores nothing. `private` masks names and
/// evaluation values in the review lines.
pub fn plan(data: &Dataset, bytes: &[u8], maps: &[(Column, String)], private: bool) -> Result<Plan, String> {
    let sheet = csv_file::read(bytes)?;
    let columns = Columns::find(&sheet.header, maps)?;
    let mut plan = Plan::default();
    let mut rows: Vec<(u64, RosterRow)> = Vec::new();
    // Employee ids on rows refused as they were read, so a supervisor there is named as such.
    let mut refused_ids: HashMap<String, u64> = HashMap::new();
    for row in sheet.rows {
        match row {
            Err(rejection) => plan.summary.rejected.push(rejection),
            Ok(r) => match parse_row(&columns, &r.cells)
                .inspect(|_| plan.summary.cleaned.extend(r.cleaned_note()))
            {
                Ok(parsed) => rows.push((r.line, parsed)),
                Err(reason) => {
                    if let Some(n) = columns
                        .get(&r.cells, Column::EmployeeId)
                        .filter(|n| !n.is_empty())
                    {
                        refused_ids.entry(bare(n).to_string()).or_insert(r.line);
                    }
                    plan.summary.rejected.push(Rejection { line: r.line, reason });
                }
            },
        }
    }
    let mut rejected: BTreeMap<u64, String> = BTreeMap::new();
    // One employee id twice: the same facts count once; different facts, neither is trusted.
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let mut email_of: HashMap<String, usize> = HashMap::new();
    let mut repeats = vec![false; rows.len()];
    for (i, (line, r)) in rows.iter().enumerate() {
        match first_of.get(bare(&r.number)) {
            Some(&j) if rows[j].1 == *r => repeats[i] = true,
            Some(&j) => {
                let other = rows[j].0;
                let why = |l| {
                    format!(
                        "{} {} is also on line {l} with different facts",
                        Column::EmployeeId.name(),
                        r.number
                    )
                };
                rejected.insert(*line, why(other));
                rejected.entry(other).or_insert_with(|| why(*line));
            }
            None => {
                first_of.insert(bare(&r.number).to_string(), i);
            }
        }
        if let Some(email) = &r.email
            && !repeats[i]
        {
            match email_of.get(&email.to_lowercase()) {
                Some(&j) if bare(&rows[j].1.number) != bare(&r.number) => {
                    rejected.insert(
                        *line,
                        format!(
                            "{} is also on line {} for another employee id",
                            Column::Email.name(),
                            rows[j].0
                        ),
                    );
                }
                _ => {
                    email_of.entry(email.to_lowercase()).or_insert(i);
                }
            }
        }
    }
    let people = People::new(&data.employees);
    check_supervisors(&rows, &first_of, &refused_ids, &people, &mut rejected);
    let places = Places::new(&data.locations);
    let mut refs: Vec<Option<Ref>> = vec![None; rows.len()];
    let mut planned: Vec<Option<(Option<&Employee>, Planned)>> = vec![None; rows.len()];
    let mut new_places: HashMap<String, usize> = HashMap::new();
    let mut chapters: HashMap<String, String> = data
        .union_chapters()
        .into_iter()
        .map(|c| (c.to_lowercase(), c))
        .collect();
    for (i, (line, r)) in rows.iter().enumerate() {
        if rejected.contains_key(line) || repeats[i] {
            continue;
        }
        let existing = match find_existing(&people, r) {
            Ok(e) => e,
            Err(reason) => {
                rejected.insert(*line, reason);
                continue;
            }
        };
        let location = match &r.location {
            None => existing.and_then(|e| e.location_id).map(Ref::Existing),
            Some(name) => match place(&places, name, &mut plan, &mut new_places) {
                Ok(l) => Some(l),
                Err(reason) => {
                    rejected.insert(*line, reason);
                    continue;
                }
            },
        };
        let mut employee = existing.cloned().unwrap_or_else(|| {
            Employee::unknown(r.number.clone(), String::new(), String::new(), String::new())
        });
        fill(&mut employee, r);
        if let Some(name) = &r.chapter {
            employee.chapter = Some(chapter(name, &mut chapters, &mut plan));
        }
        if let Err(e) = employee.validate() {
            rejected.insert(*line, format!("{}: {}", field_column(e.field), e.reason));
            continue;
        }
        // While planning, a new person is known by their row.
        refs[i] = Some(existing.map_or(Ref::New(i), |e| Ref::Existing(e.id)));
        planned[i] = Some((
            existing,
            Planned {
                employee,
                location,
                supervisor: existing.and_then(|e| e.supervisor_id).map(Ref::Existing),
            },
        ));
    }
    // Supervisors, now that every row has its person; a row whose supervisor's row was
    // rejected above is rejected too, and so on down the line.
    loop {
        let mut dropped = false;
        for (i, (line, r)) in rows.iter().enumerate() {
            let Some((_, p)) = planned[i].as_mut() else {
                continue;
            };
            match &r.supervisor {
                Cell::Keep => {}
                Cell::Clear => p.supervisor = None,
                Cell::Set(s) => {
                    let target = first_of
                        .get(bare(s))
                        .and_then(|&j| refs[j])
                        .or_else(|| people.by_number(s).map(|e| Ref::Existing(e.id)));
                    match target {
                        Some(t) => p.supervisor = Some(t),
                        None => {
                            let at = first_of.get(bare(s)).map_or(0, |&j| rows[j].0);
                            rejected.insert(
                                *line,
                                format!(
                                    "{} {s} is on line {at}, which was rejected",
                                    Column::SupervisorId.name()
                                ),
                            );
                            planned[i] = None;
                            refs[i] = None;
                            dropped = true;
                        }
                    }
                }
            }
        }
        if !dropped {
            break;
        }
    }
    // New people are numbered in file order; their supervisors follow.
    let mut number_of_row: HashMap<usize, usize> = HashMap::new();
    for (i, p) in planned.iter().enumerate() {
        if let Some((None, _)) = p {
            let k = number_of_row.len();
            number_of_row.insert(i, k);
        }
    }
    let renumber = |r: Option<Ref>| match r {
        Some(Ref::New(row)) => number_of_row.get(&row).map(|&k| Ref::New(k)),
        other => other,
    };
    for (i, (line, _)) in rows.iter().enumerate() {
        if repeats[i] {
            plan.summary.unchanged += 1;
            continue;
        }
        let Some((existing, mut p)) = planned[i].take() else {
            continue;
        };
        let supervisor_row = p.supervisor;
        p.supervisor = renumber(p.supervisor);
        if let Some(l) = p.location {
            p.employee.location_id = match l {
                Ref::Existing(id) => Some(id),
                Ref::New(_) => None,
            };
        }
        match existing {
            None => {
                plan.summary.new += 1;
                plan.new_people.push(p);
            }
            Some(old) => {
                let supervisor_same = match p.supervisor {
                    Some(Ref::Existing(id)) => old.supervisor_id == Some(id),
                    Some(Ref::New(_)) => false,
                    None => old.supervisor_id.is_none(),
                };
                let location_same = matches!(p.location, Some(Ref::Existing(_)) | None);
                let mut compared = p.employee.clone();
                compared.supervisor_id = old.supervisor_id;
                if supervisor_same && location_same && compared == *old {
                    plan.summary.unchanged += 1;
                    continue;
                }
                plan.summary.updated += 1;
                let changes = review(old, &p, supervisor_row, &rows, data, private);
                if !changes.is_empty() {
                    let full_name = p.employee.full_name();
                    let name = Mask::file(private).name(&full_name);
                    plan.summary.review.push(format!(
                        "changed {} {name} (line {line}): {}",
                        p.employee.employee_number,
                        changes.join("; ")
                    ));
                }
                if old.employee_number.trim().is_empty() {
                    plan.summary.review.push(format!(
                        "completed {} (line {line}): a person an intake created (matched by email) now has this employee id",
                        p.employee.employee_number
                    ));
                }
                plan.changed.push((old.clone(), p));
            }
        }
    }
    plan.summary.rejected.extend(
        rejected
            .into_iter()
            .map(|(line, reason)| Rejection { line, reason }),
    );
    plan.summary.rejected.sort_by_key(|r| r.line);
    Ok(plan)
}

/// Rejects rows whose supervisor is themselves, or in neither the roster's good rows nor the
/// database; repeated until no rejection makes another (a supervisor on a rejected line).
fn check_supervisors(
    rows: &[(u64, RosterRow)],
    first_of: &HashMap<String, usize>,
    refused_ids: &HashMap<String, u64>,
    people: &People,
    rejected: &mut BTreeMap<u64, String>,
) {
    let refused_lines: std::collections::HashSet<u64> = refused_ids.values().copied().collect();
    loop {
        let mut more = Vec::new();
        for (line, r) in rows {
            let Cell::Set(s) = &r.supervisor else { continue };
            if rejected.contains_key(line) {
                continue;
            }
            let name = Column::SupervisorId.name();
            if bare(s) == bare(&r.number) {
                more.push((*line, format!("{name} {s} is the employee's own id")));
                continue;
            }
            let at = first_of
                .get(bare(s))
                .map(|&j| rows[j].0)
                .or_else(|| refused_ids.get(bare(s)).copied());
            match at {
                Some(l) if !rejected.contains_key(&l) && !refused_lines.contains(&l) => {}
                Some(l) if people.by_number(s).is_none() => {
                    more.push((*line, format!("{name} {s} is on line {l}, which was rejected")));
                }
                Some(_) => {}
                None if people.by_number(s).is_none() => {
                    more.push((*line, format!("{name} {s} is not in this roster or the database")));
                }
                None => {}
            }
        }
        if more.is_empty() {
            return;
        }
        rejected.extend(more);
    }
}

/// The person a row completes or updates: by employee id, else a person an intake created (no
/// employee id yet) with the row's email.
fn find_existing<'a>(people: &People<'a>, r: &RosterRow) -> Result<Option<&'a Employee>, String> {
    if let Some(e) = people.by_number(&r.number) {
        return Ok(Some(e));
    }
    match r.email.as_deref().and_then(|m| people.by_email(m)) {
        Some(e) if e.employee_number.trim().is_empty() => Ok(Some(e)),
        Some(e) => Err(format!(
            "{} belongs to employee id {} in the database; correct one of them",
            Column::Email.name(),
            e.employee_number
        )),
        None => Ok(None),
    }
}

/// HR's facts over what the database knows (HR is the authority for what it states).
fn fill(e: &mut Employee, r: &RosterRow) {
    if e.employee_number.trim().is_empty() {
        e.employee_number = r.number.clone();
    }
    e.first_name = r.first.clone();
    e.last_name = r.last.clone();
    let set = |old: &mut String, new: &Option<String>| {
        if let Some(v) = new {
            *old = v.clone();
        }
    };
    set(&mut e.email, &r.email);
    set(&mut e.position, &r.position);
    if let Some(race) = r.race {
        e.race = race;
    }
    e.hire_date = r.hire_date.or(e.hire_date);
    e.position_start = r.position_start.or(e.position_start);
    e.status = r.status.or(e.status);
    e.in_evaluation = r.in_evaluation.or(e.in_evaluation);
    match r.retirement {
        Cell::Keep => {}
        Cell::Clear => e.retirement_date = None,
        Cell::Set(d) => e.retirement_date = Some(d),
    }
}

/// The roster column a domain field error is about.
fn field_column(field: &str) -> &'static str {
    match field {
        "first name" => Column::FirstName.name(),
        "last name" => Column::LastName.name(),
        "email" => Column::Email.name(),
        "position start" => Column::PositionStart.name(),
        "chapter" => Column::Chapter.name(),
        "supervisor" => Column::SupervisorId.name(),
        _ => Column::EmployeeId.name(),
    }
}

/// A location by name (the shared matcher), added for review when the database has none by
/// that name; a name that could be several is refused.
fn place(
    places: &Places,
    name: &str,
    plan: &mut Plan,
    new_places: &mut HashMap<String, usize>,
) -> Result<Ref, String> {
    match places.find(name) {
        Ok(l) => Ok(Ref::Existing(l.id)),
        Err(e @ LookupError::Ambiguous { .. }) => {
            Err(format!("{}: {}", Column::Location.name(), places.explain(&e)))
        }
        Err(e) => {
            let key = crate::text::fold(name)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let i = *new_places.entry(key).or_insert_with(|| {
                plan.locations.push(Location {
                    id: 0,
                    name: name.to_string(),
                    kind: LocationKind::guess(name),
                    employees: None,
                });
                // The roster is HR's word that the site exists; its type is a guess from the
                // name, so the line says so and names the closest stored names (a typo?).
                let kind = LocationKind::guess(name);
                plan.summary.added.push(format!(
                    "new location added (please review): {name} (type guessed: {}; {})",
                    kind.label(),
                    places.explain(&e)
                ));
                plan.locations.len() - 1
            });
            Ok(Ref::New(i))
        }
    }
}

/// A chapter by name as the list spells it, or a new entry added for review.
fn chapter(name: &str, known: &mut HashMap<String, String>, plan: &mut Plan) -> String {
    if name == NO_CHAPTER {
        return NO_CHAPTER.into();
    }
    let key = name.trim().to_lowercase();
    if let Some(k) = known.get(&key) {
        return k.clone();
    }
    known.insert(key, name.to_string());
    plan.chapters.push(Chapter {
        id: 0,
        name: name.to_string(),
    });
    plan.summary
        .added
        .push(format!("new chapter added (please review): {name}"));
    name.to_string()
}

impl Plan {
    /// The people as the import would leave them (new ones, then changed ones), before ids,
    /// new locations and supervisors are resolved.
    pub fn people(&self) -> impl Iterator<Item = &Employee> {
        self.new_people
            .iter()
            .chain(self.changed.iter().map(|(_, p)| p))
            .map(|p| &p.employee)
    }

    /// Whether applying would change anything.
    pub fn is_empty(&self) -> bool {
        self.new_people.is_empty()
            && self.changed.is_empty()
            && self.locations.is_empty()
            && self.chapters.is_empty()
    }

    /// Stores the plan in `txn`. Refused (nothing stored) if someone else saved a person it
    /// changes, or a person with an id it adds, since the roster was checked.
    pub fn apply(&self, txn: &mut Txn) -> StoreResult<()> {
        let taken: std::collections::HashSet<String> = txn
            .all::<Employee>()?
            .iter()
            .map(|e| bare(&e.employee_number).to_string())
            .filter(|n| n != "0")
            .collect();
        if let Some(p) = self
            .new_people
            .iter()
            .find(|p| taken.contains(bare(&p.employee.employee_number)))
        {
            return Err(StoreError::Conflict(format!(
                "employee id {} (added by someone else since the roster was read)",
                p.employee.employee_number
            )));
        }
        let mut location_ids = Vec::with_capacity(self.locations.len());
        for l in &self.locations {
            location_ids.push(txn.insert(&mut l.clone())?);
        }
        for c in &self.chapters {
            txn.insert(&mut c.clone())?;
        }
        let place = |r: Option<Ref>| match r {
            None => None,
            Some(Ref::Existing(id)) => Some(id),
            Some(Ref::New(i)) => location_ids.get(i).copied(),
        };
        let mut people_ids = Vec::with_capacity(self.new_people.len());
        for p in &self.new_people {
            let mut e = p.employee.clone();
            e.location_id = place(p.location).or(e.location_id);
            e.supervisor_id = match p.supervisor {
                Some(Ref::Existing(id)) => Some(id),
                _ => None,
            };
            people_ids.push(txn.insert(&mut e)?);
        }
        let person = |r: Option<Ref>| match r {
            None => None,
            Some(Ref::Existing(id)) => Some(id),
            Some(Ref::New(i)) => people_ids.get(i).copied(),
        };
        for (old, p) in &self.changed {
            let mut e = p.employee.clone();
            e.location_id = place(p.location).or(e.location_id);
            e.supervisor_id = person(p.supervisor);
            txn.update(old, &e)?;
        }
        // New people whose supervisor is also new: their ids are known now.
        for (p, id) in self.new_people.iter().zip(&people_ids) {
            if let Some(Ref::New(_)) = p.supervisor {
                let mut e = p.employee.clone();
                e.id = *id;
                e.location_id = place(p.location).or(e.location_id);
                e.supervisor_id = person(p.supervisor);
                txn.put(&e)?;
            }
        }
        Ok(())
    }
}
