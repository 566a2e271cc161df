//! The search index kept in the store, so `find` answers without loading the database: one
//! entry per person (by employee id) with their search key and the records that name them
//! (intakes, mentor, ambassador and cohort places). It is written in the same transaction as the
//! records it indexes (`Txn::store_bytes` notes each change, `flush` writes them before the
//! commit), so it is never behind them.
//!
//! Locations and PL offerings are few: `find` reads their tables. The facts a hit shows are
//! read from the records themselves, only for the hits shown.

use super::records::{Unreadable, read_stored};
use super::{META, Record, Result, StoreError, table};
use crate::domain::*;
use crate::search::{Entry, Kind, Matcher, chapter_fact, employee_extra, facts, person_key, rank_key, top};
use crate::text::fold;
use redb::{ReadableTable, ReadableTableMetadata, TableError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The table of entries (key: employee id). Part of the file format: never rename it.
pub(super) const TABLE: &str = "search_people";
/// The META key holding the change counter (`generation`) the index was last brought up to
/// date at. The index is complete only while it equals the counter: a write that did not keep
/// the index (a build that predates it) moves the counter alone, and the next write of this
/// build rebuilds the index whole.
pub(super) const COMPLETE: &str = "search:generation";

/// One person's entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct PersonEntry {
    pub(super) id: Id,
    /// The employee record exists (an entry may hold only references to a missing employee).
    pub(super) exists: bool,
    /// The folded search key: the name, a space, then number, mailbox and position; the
    /// references are matched on the name part alone (`key[..=name_len]`).
    pub(super) key: String,
    pub(super) name_len: u32,
    /// The records naming this person, as (kind, id), sorted.
    pub(super) refs: Vec<(u8, Id)>,
}

impl Record for PersonEntry {
    const TABLE: &'static str = TABLE;
    fn id(&self) -> Id {
        self.id
    }
    fn set_id(&mut self, id: Id) {
        self.id = id;
    }
}

impl PersonEntry {
    fn set_person(&mut self, id: Id, employee: Option<&Employee>) {
        let name = match employee {
            Some(e) => e.full_name(),
            None => format!("employee #{id}"),
        };
        let extra = employee.map(employee_extra).unwrap_or_default();
        let (key, name_part) = person_key(&name, &extra);
        // Without a name part (folding the whole text changed the name), references are
        // matched on all of it.
        self.name_len = name_part.checked_sub(1).unwrap_or(key.len()) as u32;
        self.key = key;
        self.exists = employee.is_some();
    }

    /// The key the records naming this person are matched on: the name and a space, as the
    /// dashboard's search keys them.
    fn name_key(&self) -> String {
        let end = (self.name_len as usize).min(self.key.len());
        format!("{} ", &self.key[..end])
    }
}

/// The kinds whose records name a person, and how each is listed.
fn reference_kind(table: &str) -> Option<Kind> {
    match table {
        t if t == Intake::TABLE => Some(Kind::Intake),
        t if t == Mentor::TABLE => Some(Kind::Mentor),
        t if t == Ambassador::TABLE => Some(Kind::Ambassador),
        t if t == Participant::TABLE => Some(Kind::Participant),
        _ => None,
    }
}

/// The person a stored record of `table` names (the employee it is, or points at).
fn person_of(table: &str, key: Id, stored: &[u8]) -> Option<Id> {
    fn employee_id<T: Record>(key: Id, stored: &[u8], f: impl Fn(&T) -> Id) -> Option<Id> {
        read_stored::<T>(key, stored).ok().map(|(r, _)| f(&r))
    }
    match table {
        t if t == Intake::TABLE => employee_id::<Intake>(key, stored, |r| r.employee_id),
        t if t == Mentor::TABLE => employee_id::<Mentor>(key, stored, |r| r.employee_id),
        t if t == Ambassador::TABLE => employee_id::<Ambassador>(key, stored, |r| r.employee_id),
        t if t == Participant::TABLE => employee_id::<Participant>(key, stored, |r| r.employee_id),
        _ => None,
    }
}

/// What a transaction changed in the index, by person, written by `flush` before the commit.
#[derive(Debug, Default)]
pub(super) struct Pending {
    people: BTreeMap<Id, Change>,
}

#[derive(Debug, Default)]
struct Change {
    /// The employee record was written (`Some(None)`: removed).
    person: Option<Option<Employee>>,
    add: Vec<(u8, Id)>,
    remove: Vec<(u8, Id)>,
}

impl Pending {
    /// Record `key` of `table` went from `before` to `after` (stored bytes; `None`: absent).
    pub(super) fn note(&mut self, table: &str, key: Id, before: Option<&[u8]>, after: Option<&[u8]>) {
        if table == Employee::TABLE {
            let employee = after
                .and_then(|b| read_stored::<Employee>(key, b).ok())
                .map(|(e, _)| e);
            self.people.entry(key).or_default().person = Some(employee);
            return;
        }
        let Some(kind) = reference_kind(table) else {
            return;
        };
        let reference = (kind as u8, key);
        let was = before.and_then(|b| person_of(table, key, b));
        let is = after.and_then(|b| person_of(table, key, b));
        if was == is {
            return;
        }
        if let Some(p) = was {
            let change = self.people.entry(p).or_default();
            change.add.retain(|r| *r != reference);
            change.remove.push(reference);
        }
        if let Some(p) = is {
            let change = self.people.entry(p).or_default();
            change.remove.retain(|r| *r != reference);
            change.add.push(reference);
        }
    }

    /// Writes the noted changes into the index, in `tx`.
    pub(super) fn flush(self, tx: &redb::WriteTransaction) -> Result<()> {
        let mut t = tx.open_table(table(TABLE))?;
        for (id, change) in self.people {
            let stored = t.get(id)?.map(|v| v.value().to_vec());
            let mut entry = match stored {
                Some(bytes) => read_entry(id, &bytes)?,
                None => PersonEntry {
                    id,
                    ..Default::default()
                },
            };
            if entry.key.is_empty() || change.person.is_some() {
                // A new entry, or the employee record written: the key from the record as it
                // is now (a missing employee is keyed as the dashboard names one).
                let employee = match change.person {
                    Some(e) => e,
                    None => current_employee(tx, id)?,
                };
                entry.set_person(id, employee.as_ref());
            }
            entry.refs.retain(|r| !change.remove.contains(r));
            entry.refs.extend(change.add);
            entry.refs.sort_unstable();
            entry.refs.dedup();
            if entry.exists || !entry.refs.is_empty() {
                t.insert(id, super::records::stored_bytes(&entry)?.as_slice())?;
            } else {
                t.remove(id)?;
            }
        }
        Ok(())
    }
}

fn read_entry(id: Id, stored: &[u8]) -> Result<PersonEntry> {
    match read_stored::<PersonEntry>(id, stored) {
        Ok((entry, true)) => Ok(entry),
        // Every entry is sealed by this build: anything else is damage.
        Ok((_, false)) | Err(Unreadable::Broken) => Err(StoreError::Corrupted),
        Err(Unreadable::Codec(e)) => Err(StoreError::Damaged {
            table: TABLE,
            key: id,
            reason: e.to_string(),
        }),
    }
}

fn current_employee(tx: &redb::WriteTransaction, id: Id) -> Result<Option<Employee>> {
    let t = tx.open_table(table(Employee::TABLE))?;
    let found = t.get(id)?;
    Ok(found.and_then(|v| read_stored::<Employee>(id, v.value()).ok().map(|(e, _)| e)))
}

/// Whether the file's index is complete: brought up to date by the last write (a database of
/// an earlier build has none until its first write builds it).
pub(super) fn complete(meta: &impl ReadableTable<&'static str, u64>) -> Result<bool> {
    let at = meta.get(COMPLETE)?.map(|g| g.value());
    let generation = meta.get(super::open::GENERATION)?.map(|g| g.value());
    Ok(at.is_some() && at == generation)
}

/// Records that the index is up to date at change counter `generation` (in the transaction
/// that moves the counter there).
pub(super) fn mark_complete(meta: &mut redb::Table<&'static str, u64>, generation: u64) -> Result<()> {
    meta.insert(COMPLETE, generation)?;
    Ok(())
}

/// Builds the whole index from the records in `tx` (the first write to a database of an
/// earlier build), replacing whatever was there.
pub(super) fn build(tx: &redb::WriteTransaction) -> Result<()> {
    let mut pending = Pending::default();
    {
        let employees = tx.open_table(table(Employee::TABLE))?;
        for row in employees.iter()? {
            let (k, v) = row?;
            pending.note(Employee::TABLE, k.value(), None, Some(v.value()));
        }
    }
    for name in [
        Intake::TABLE,
        Mentor::TABLE,
        Ambassador::TABLE,
        Participant::TABLE,
    ] {
        let t = tx.open_table(table(name))?;
        for row in t.iter()? {
            let (k, v) = row?;
            pending.note(name, k.value(), None, Some(v.value()));
        }
    }
    tx.delete_table(table(TABLE))?;
    pending.flush(tx)
}

/// A hit before its facts are read: its rank, kind, record and person.
type Hit = (i64, (u8, Id, Option<Id>));

/// The best `limit` hits for `query` from the index, ranked as the dashboard's search ranks
/// them (a higher score first, people before their records on a tie, then by id), with how
/// many matched in all; `None` if the file has no complete index.
/// `trusted`: records without a checksum of their own (an earlier build's) may be read (the
/// whole file was verified); otherwise meeting one is `StoreError::Unverified`.
pub(super) fn find(
    rtx: &redb::ReadTransaction,
    trusted: bool,
    query: &str,
    limit: usize,
) -> Result<Option<Found>> {
    let r = &Reader { rtx, trusted };
    let meta = match rtx.open_table(META) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if !complete(&meta)? {
        return Ok(None);
    }
    let m = Matcher::new(query);
    let mut hits: Vec<Hit> = Vec::new();
    // The rank by the one rule; people before their records on a tie, then by id.
    let mut rank = |value: i64, kind: Kind, id: Id, person: Option<Id>| {
        hits.push((value - kind as i64, (kind as u8, id, person)));
    };
    match rtx.open_table(table(TABLE)) {
        Ok(t) => {
            let len = t.len()?;
            let mut rows = 0;
            for row in t.iter()? {
                let (k, v) = row?;
                rows += 1;
                let entry = read_entry(k.value(), v.value())?;
                if entry.exists
                    && let Some(s) = rank_key(&m, &entry.key)
                {
                    rank(s, Kind::Employee, entry.id, Some(entry.id));
                }
                if !entry.refs.is_empty()
                    && let Some(s) = rank_key(&m, &entry.name_key())
                {
                    for &(kind, id) in &entry.refs {
                        if let Some(&kind) = Kind::ALL.get(kind as usize) {
                            rank(s, kind, id, Some(entry.id));
                        }
                    }
                }
            }
            if rows != len {
                return Err(StoreError::Corrupted);
            }
        }
        Err(TableError::TableDoesNotExist(_)) => {}
        Err(e) => return Err(e.into()),
    }
    for location in all::<Location>(r)? {
        if let Some(s) = rank_key(&m, &fold(&format!("{} ", location.name))) {
            rank(s, Kind::Location, location.id, None);
        }
    }
    for offering in all::<Offering>(r)? {
        if let Some(s) = rank_key(
            &m,
            &fold(&format!("{} {}", offering.title, offering.course_number)),
        ) {
            rank(s, Kind::Offering, offering.id, None);
        }
    }
    let matched = hits.len();
    let mut found = Found {
        entries: Vec::new(),
        people: Vec::new(),
        matched,
    };
    for (_, (kind, id, person)) in top(hits, limit) {
        let (entry, employee) = entry(r, Kind::ALL[kind as usize], id, person)?;
        found.entries.push(entry);
        found.people.push(employee);
    }
    Ok(Some(found))
}

/// What `find` found: the hits shown, best first; the employee record each names (if any);
/// how many matched in all.
#[derive(Debug, Clone)]
pub struct Found {
    pub entries: Vec<Entry>,
    pub people: Vec<Option<Employee>>,
    pub matched: usize,
}

/// A read snapshot, and whether records without a checksum may be read from it.
struct Reader<'a> {
    rtx: &'a redb::ReadTransaction,
    trusted: bool,
}

/// Every record of a small kind.
fn all<T: Record>(r: &Reader) -> Result<Vec<T>> {
    let read = super::read::read_all::<T>(r.rtx)?;
    if read.unchecked && !r.trusted {
        return Err(StoreError::Unverified);
    }
    Ok(read.records)
}

/// One record, checked.
fn get<T: Record>(r: &Reader, id: Id) -> Result<Option<T>> {
    let t = match r.rtx.open_table(table(T::TABLE)) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let found = t.get(id)?;
    let Some(v) = found else { return Ok(None) };
    match read_stored::<T>(id, v.value()) {
        Ok((record, checked)) if checked || r.trusted => Ok(Some(record)),
        Ok(_) => Err(StoreError::Unverified),
        Err(Unreadable::Broken) => Err(StoreError::Corrupted),
        Err(Unreadable::Codec(e)) => Err(StoreError::Damaged {
            table: T::TABLE,
            key: id,
            reason: e.to_string(),
        }),
    }
}

/// A record the index lists must be there: if not, the file lost it (damage).
fn present<T>(found: Option<T>) -> Result<T> {
    found.ok_or(StoreError::Corrupted)
}

/// The hit as the dashboard's search shows it: title and facts read from its records.
fn entry(r: &Reader, kind: Kind, id: Id, person: Option<Id>) -> Result<(Entry, Option<Employee>)> {
    let employee = match person {
        Some(p) => get::<Employee>(r, p)?,
        None => None,
    };
    let name = match (&employee, person) {
        (Some(e), _) => e.full_name(),
        (None, Some(p)) => format!("employee #{p}"),
        (None, None) => String::new(),
    };
    let location_name = |id: Option<Id>| -> Result<String> {
        Ok(match id {
            Some(id) => get::<Location>(r, id)?
                .map(|l| l.name)
                .unwrap_or_else(|| "—".into()),
            None => "—".into(),
        })
    };
    let (title, facts) = match kind {
        Kind::Employee => {
            let e = present(employee.clone())?;
            (name, facts::employee(&e, &location_name(e.location_id)?))
        }
        Kind::Location => {
            let l = present(get::<Location>(r, id)?)?;
            let facts = facts::location(&l);
            (l.name, facts)
        }
        Kind::Intake => (name, facts::intake(&present(get::<Intake>(r, id)?)?)),
        Kind::Mentor => {
            let m = present(get::<Mentor>(r, id)?)?;
            let chapter = employee.as_ref().map(chapter_fact).unwrap_or_default();
            (name, facts::mentor(&m, &chapter))
        }
        Kind::Ambassador => {
            let a = present(get::<Ambassador>(r, id)?)?;
            (
                name,
                facts::ambassador(&a, &location_name(Some(a.primary_location))?),
            )
        }
        Kind::Participant => {
            let p = present(get::<Participant>(r, id)?)?;
            let fy = get::<Cohort>(r, p.cohort_id)?.map(|c| c.fiscal_year).unwrap_or(0);
            (name, facts::participant(&p, fy))
        }
        Kind::Offering => {
            let o = present(get::<Offering>(r, id)?)?;
            let facts = facts::offering(&o);
            (o.title, facts)
        }
    };
    let entry = Entry {
        kind,
        id,
        person,
        title,
        facts,
    };
    Ok((entry, employee))
}
