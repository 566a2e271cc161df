//! What lets a form's checks cost what changed at a million records: each is a list of
//! positions (people's, intakes') sorted by what a form looks up (an employee id with and
//! without leading zeros, an email in any case, whose intakes), binary-searched. A list of
//! positions is 4 bytes a record, where a hash map of the same keys would be some 15 MB at a
//! million records.
//!
//! The dataset keeps them (`Dataset::people`, `Dataset::intakes_of`): made by the dashboard's
//! event loop between keys once the records are in (`Dataset::make_keys`, one sort a step), or
//! when first asked for, put right after each of this process's own saves (`saved`: a record replaced, added or
//! removed moves only its own entry, and shifts the positions after it), dropped whenever the
//! data is replaced. They answer exactly what a pass over every record answers: ties keep the
//! record order, so the first match is the first record.

use crate::domain::{Employee, Id, Intake};
use crate::lookup::{bare_number, cmp_email};
use std::cmp::Ordering;
use std::sync::OnceLock;

/// Where a save put one record in its kind's vector (which stays in id order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// Saved over the record at this position.
    Replaced(usize),
    /// Inserted at this position (the ones from there on moved one up).
    Inserted(usize),
    /// The record at this position removed (the ones after it moved one down).
    Removed(usize),
    /// Nothing changed (a removal of a record not held).
    Untouched,
}

/// Positions of records ordered by a key, ties in record order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Order {
    at: Vec<u32>,
    /// How many records it was made over: a vector of another length is not its own.
    len: usize,
}

/// How an `Order` ranks its records: which ones it holds, and their order (`cmp`), of which
/// `digit` gives the bytes (`width` of them from an offset, as `digit_of` cuts them), to sort
/// by numbers rather than by comparing records.
struct Rank<T> {
    holds: fn(&T) -> bool,
    cmp: fn(&T, &T) -> Ordering,
    digit: fn(&T, usize, usize) -> Digit,
}

/// Up to 8 bytes of a key as a number that orders as they do, and whether the key has any
/// there.
type Digit = (u64, bool);

/// The `width` bytes of `key` from `at` (padded with zeros, which order first as a shorter key
/// does), as ASCII lower case when `lower`.
fn digit_of(key: &[u8], at: usize, width: usize, lower: bool) -> Digit {
    let mut eight = [0u8; 8];
    let part = key.get(at..).unwrap_or_default();
    let n = part.len().min(width);
    eight[..n].copy_from_slice(&part[..n]);
    if lower {
        eight.make_ascii_lowercase();
    }
    (u64::from_be_bytes(eight) >> (8 * (8 - width)), n > 0)
}

/// A number's bytes in an order that is the numbers' order: how many bytes it takes, then
/// those bytes.
fn number_bytes(n: u64) -> ([u8; 9], usize) {
    let skip = (n.leading_zeros() / 8) as usize;
    let mut bytes = [0u8; 9];
    bytes[0] = (8 - skip) as u8;
    bytes[1..9 - skip].copy_from_slice(&n.to_be_bytes()[skip..]);
    (bytes, 9 - skip)
}

/// How many bytes of a key, and bits of a position, one number holds while sorting.
const KEY_BYTES: usize = 5;
const POSITION_BITS: u32 = 24;

impl Order {
    /// None past 16 million records (then lookups scan).
    fn new<T>(records: &[T], rank: &Rank<T>) -> Option<Order> {
        let len = u32::try_from(records.len())
            .ok()
            .filter(|&n| n < 1 << POSITION_BITS)?;
        // Each record held is one number while sorting (8 bytes, no more: what is added at a
        // million records stays within the memory a dashboard may take): 5 bytes of its key
        // above its position (3 bytes), so sorting numbers sorts by key, ties in record order.
        // Sorted by the first bytes of the key, then each run of equal bytes by the next
        // ones, until the keys end (then by the whole key, which tells keys that differ only
        // by zeros at their end).
        let (width, shift) = (KEY_BYTES, POSITION_BITS);
        let position = |x: u64| (x & ((1 << shift) - 1)) as u32;
        let cut_at = |p: u32, at: usize| {
            let (digit, any) = (rank.digit)(&records[p as usize], at, width);
            ((digit << shift) | u64::from(p), any)
        };
        let mut cut: Vec<u64> = (0..len)
            .filter(|&p| (rank.holds)(&records[p as usize]))
            .map(|p| cut_at(p, 0).0)
            .collect();
        cut.sort_unstable();
        let mut runs = Vec::new();
        let equal_runs = |cut: &[u64], start: usize, at: usize, runs: &mut Vec<_>| {
            let mut i = start;
            for run in cut.chunk_by(|a, b| a >> shift == b >> shift) {
                if run.len() > 1 {
                    runs.push((i, i + run.len(), at));
                }
                i += run.len();
            }
        };
        equal_runs(&cut, 0, width, &mut runs);
        while let Some((start, end, at)) = runs.pop() {
            let run = &mut cut[start..end];
            let mut more = false;
            for x in run.iter_mut() {
                let (next, any) = cut_at(position(*x), at);
                more |= any;
                *x = next;
            }
            if more {
                run.sort_unstable();
                equal_runs(run, start, at + width, &mut runs);
            } else {
                run.sort_unstable_by(|&a, &b| {
                    let (a, b) = (position(a), position(b));
                    (rank.cmp)(&records[a as usize], &records[b as usize]).then(a.cmp(&b))
                });
            }
        }
        let mut at: Vec<u32> = cut.into_iter().map(position).collect();
        at.shrink_to_fit();
        Some(Order {
            at,
            len: records.len(),
        })
    }

    /// The positions whose key `probe` finds equal (it says how a record's key compares with
    /// the sought one), in record order.
    fn equal<T>(&self, records: &[T], probe: impl Fn(&T) -> Ordering) -> &[u32] {
        let start = self
            .at
            .partition_point(|&p| probe(&records[p as usize]) == Ordering::Less);
        let len = self.at[start..].partition_point(|&p| probe(&records[p as usize]) == Ordering::Equal);
        &self.at[start..start + len]
    }

    /// Takes in what a save did at `spot`; `records` are as saved. False if positions no
    /// longer fit in 4 bytes (the caller drops the order).
    fn saved<T>(&mut self, records: &[T], rank: &Rank<T>, spot: Spot) -> bool {
        let Ok(max) = u32::try_from(records.len()) else {
            return false;
        };
        self.len = records.len();
        let place = match spot {
            Spot::Untouched => return true,
            Spot::Replaced(at) => {
                let at = at as u32;
                self.at.retain(|&p| p != at);
                at
            }
            Spot::Inserted(at) => {
                let at = at as u32;
                for p in &mut self.at {
                    if *p >= at {
                        *p += 1;
                    }
                }
                at
            }
            Spot::Removed(at) => {
                let at = at as u32;
                self.at.retain(|&p| p != at);
                for p in &mut self.at {
                    if *p > at {
                        *p -= 1;
                    }
                }
                return true;
            }
        };
        let Some(record) = records.get(place as usize).filter(|r| (rank.holds)(r)) else {
            return place < max;
        };
        let i = self.at.partition_point(|&p| {
            (rank.cmp)(&records[p as usize], record).then(p.cmp(&place)) == Ordering::Less
        });
        self.at.insert(i, place);
        true
    }
}

const BY_NUMBER: Rank<Employee> = Rank {
    holds: |e| !e.employee_number.trim().is_empty(),
    cmp: |a, b| a.employee_number.trim().cmp(b.employee_number.trim()),
    digit: |e, at, width| digit_of(e.employee_number.trim().as_bytes(), at, width, false),
};

/// Only the ids with leading zeros: the others are their own id without them, and `by_number`
/// holds them.
const BY_BARE_NUMBER: Rank<Employee> = Rank {
    holds: |e| bare_number(&e.employee_number) != e.employee_number.trim(),
    cmp: |a, b| bare_number(&a.employee_number).cmp(bare_number(&b.employee_number)),
    digit: |e, at, width| digit_of(bare_number(&e.employee_number).as_bytes(), at, width, false),
};

const BY_EMAIL: Rank<Employee> = Rank {
    holds: |e| !e.email.trim().is_empty(),
    cmp: |a, b| cmp_email(a.email.trim(), b.email.trim()),
    digit: |e, at, width| {
        let email = e.email.trim();
        if email.is_ascii() {
            digit_of(email.as_bytes(), at, width, true)
        } else {
            digit_of(email.to_lowercase().as_bytes(), at, width, false)
        }
    },
};

const BY_PERSON: Rank<Intake> = Rank {
    holds: |_| true,
    cmp: |a, b| a.employee_id.cmp(&b.employee_id),
    digit: |i, at, width| {
        let (bytes, len) = number_bytes(i.employee_id);
        digit_of(&bytes[..len], at, width, false)
    },
};

/// People's positions by employee id (trimmed), by the id without leading zeros (only those
/// that have some), and by email (any case), for `lookup::People`.
#[derive(Debug, Clone, Copy)]
pub struct PeopleKeys<'k> {
    by_number: &'k Order,
    by_bare_number: &'k Order,
    by_email: &'k Order,
}

impl<'k> PeopleKeys<'k> {
    /// The first person (in record order) whose trimmed employee id is `number` (trimmed).
    pub(crate) fn number(&self, employees: &[Employee], number: &str) -> Option<usize> {
        let found = self
            .by_number
            .equal(employees, |e| e.employee_number.trim().cmp(number));
        found.first().map(|&p| p as usize)
    }

    /// Everyone whose employee id without leading zeros is `bare` (itself without them): those
    /// whose id is `bare`, and those whose id with leading zeros is.
    pub(crate) fn bare_number(&self, employees: &[Employee], bare: &str) -> [&'k [u32]; 2] {
        [
            self.by_number
                .equal(employees, |e| e.employee_number.trim().cmp(bare)),
            self.by_bare_number
                .equal(employees, |e| bare_number(&e.employee_number).cmp(bare)),
        ]
    }

    /// The first person (in record order) with this email (trimmed, any case).
    pub(crate) fn email(&self, employees: &[Employee], email: &str) -> Option<usize> {
        let found = self
            .by_email
            .equal(employees, |e| cmp_email(e.email.trim(), email));
        found.first().map(|&p| p as usize)
    }
}

/// One order, made when first asked for (None inside: too many records, lookups scan).
type Cell = OnceLock<Option<Order>>;

/// The sorted positions a dataset keeps (see the module's documentation).
#[derive(Clone, Default)]
pub(crate) struct Keys {
    by_number: Cell,
    by_bare_number: Cell,
    by_email: Cell,
    /// Intakes by the person they are for.
    by_person: Cell,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let made = [
            &self.by_number,
            &self.by_bare_number,
            &self.by_email,
            &self.by_person,
        ]
        .map(|c| c.get().is_some());
        f.debug_struct("Keys").field("made", &made).finish()
    }
}

/// The order in `cell` if it was made over `len` records, making it now if not yet.
fn made<'k, T>(cell: &'k Cell, records: &[T], rank: &Rank<T>) -> Option<&'k Order> {
    cell.get_or_init(|| Order::new(records, rank))
        .as_ref()
        .filter(|o| o.len == records.len())
}

/// Whether the order in `cell` is made over `len` records, or was found too large to make
/// (nothing more to do: its lookups scan).
fn over(cell: &Cell, len: usize) -> bool {
    match cell.get() {
        Some(Some(order)) => order.len == len,
        Some(None) => true,
        None => false,
    }
}

/// Takes a save at `spot` into the order in `cell` if it is made (dropping it if it cannot).
fn put<T>(cell: &mut Cell, records: &[T], rank: &Rank<T>, spot: Spot) {
    if let Some(Some(order)) = cell.get_mut()
        && !order.saved(records, rank, spot)
    {
        cell.take();
    }
}

impl Keys {
    /// The data was replaced: each is made again when next asked for.
    pub(crate) fn clear(&mut self) {
        *self = Keys::default();
    }

    /// Intakes changed in a way not told to `intake_saved`.
    pub(crate) fn clear_intakes(&mut self) {
        self.by_person.take();
    }

    /// Whether every order is made over these records (or found too large to make).
    pub(crate) fn made(&self, employees: &[Employee], intakes: &[Intake]) -> bool {
        over(&self.by_number, employees.len())
            && over(&self.by_bare_number, employees.len())
            && over(&self.by_email, employees.len())
            && over(&self.by_person, intakes.len())
    }

    /// Makes the next order not made over these records yet (one sort: the event loop makes
    /// them between keys, so the first form saved finds them made). Returns whether all are.
    pub(crate) fn make_one(&mut self, employees: &[Employee], intakes: &[Intake]) -> bool {
        fn again<T>(cell: &mut Cell, records: &[T], rank: &Rank<T>) -> bool {
            if over(cell, records.len()) {
                return false;
            }
            cell.take();
            made(cell, records, rank);
            true
        }
        let _ = again(&mut self.by_number, employees, &BY_NUMBER)
            || again(&mut self.by_bare_number, employees, &BY_BARE_NUMBER)
            || again(&mut self.by_email, employees, &BY_EMAIL)
            || again(&mut self.by_person, intakes, &BY_PERSON);
        self.made(employees, intakes)
    }

    /// The people's keys, made now if not yet; None if they do not cover `employees` (then
    /// the lookup scans: a slower answer, never a wrong one).
    pub(crate) fn people(&self, employees: &[Employee]) -> Option<PeopleKeys<'_>> {
        Some(PeopleKeys {
            by_number: made(&self.by_number, employees, &BY_NUMBER)?,
            by_bare_number: made(&self.by_bare_number, employees, &BY_BARE_NUMBER)?,
            by_email: made(&self.by_email, employees, &BY_EMAIL)?,
        })
    }

    /// The positions of the intakes of `employee`, in record order; None as for `people`.
    pub(crate) fn intakes_of<'k>(&'k self, intakes: &[Intake], employee: Id) -> Option<&'k [u32]> {
        let order = made(&self.by_person, intakes, &BY_PERSON)?;
        Some(order.equal(intakes, |i| i.employee_id.cmp(&employee)))
    }

    /// A save put an employee at `spot` (`employees` as saved).
    pub(crate) fn employee_saved(&mut self, employees: &[Employee], spot: Spot) {
        put(&mut self.by_number, employees, &BY_NUMBER, spot);
        put(&mut self.by_bare_number, employees, &BY_BARE_NUMBER, spot);
        put(&mut self.by_email, employees, &BY_EMAIL, spot);
    }

    /// A save put an intake at `spot` (`intakes` as saved).
    pub(crate) fn intake_saved(&mut self, intakes: &[Intake], spot: Spot) {
        put(&mut self.by_person, intakes, &BY_PERSON, spot);
    }
}

#[cfg(test)]
mod tests {
    use super::Spot;
    use crate::dataset::Dataset;
    use crate::domain::{Employee, Id, Intake, IntakeSource};
    use crate::lookup::People;
    use crate::store::Record;
    use chrono::NaiveDate;

    /// Ids, employee ids and emails that test every rule of the lookup: trimmed, leading zeros
    /// (one person or two without them), duplicates (the first wins), emails in any case
    /// (ASCII, accents, the Kelvin sign, a final sigma), none at all.
    const PEOPLE: &[(&str, &str)] = &[
        ("012345", "ana@district.org"),
        ("100037", "ANA@district.org"),
        (" 100038 ", "  bo@district.org "),
        ("", ""),
        ("   ", "   "),
        ("000", "ÉLISE@district.org"),
        ("0", "élise@district.org"),
        ("100040", "\u{212A}ofi@district.org"),
        ("100040", "kofi@district.org"),
        ("00100041", "ΣΑΣ@district.org"),
        ("0099", "σας@district.org"),
        ("99", "x@district.org"),
        ("7", ""),
    ];

    /// What a form may type: every stored value as stored, trimmed, padded, in another case,
    /// without or with more leading zeros, and values nobody has.
    fn queries(data: &Dataset) -> Vec<String> {
        let mut typed: Vec<String> = [
            "", "  ", "0", "00", "000", "12345", "0012345", "100041", "99", "099",
        ]
        .iter()
        .chain(&[
            "123",
            "nobody@district.org",
            "KOFI@DISTRICT.ORG",
            "σασ@district.org",
        ])
        .map(|s| s.to_string())
        .collect();
        for e in &data.employees {
            for v in [&e.employee_number, &e.email] {
                typed.extend([
                    v.clone(),
                    v.trim().to_string(),
                    format!(" {v} "),
                    format!("0{}", v.trim()),
                    v.trim().trim_start_matches('0').to_string(),
                    v.to_uppercase(),
                    v.to_lowercase(),
                ]);
            }
        }
        typed
    }

    /// The sorted lookup answers what the scanning one does, for every query; and each
    /// person's intakes are the ones a pass finds.
    fn assert_same(data: &Dataset, what: &str) {
        let (sorted, scanning) = (data.people(), People::scanning(&data.employees));
        let id = |e: Option<&Employee>| e.map(|e| e.id);
        for q in queries(data) {
            assert_eq!(
                id(sorted.by_number(&q)),
                id(scanning.by_number(&q)),
                "{what}: number {q:?}"
            );
            assert_eq!(
                id(sorted.by_email(&q)),
                id(scanning.by_email(&q)),
                "{what}: email {q:?}"
            );
            assert_eq!(
                sorted.find(&q).map(|e| e.id),
                scanning.find(&q).map(|e| e.id),
                "{what}: {q:?}"
            );
        }
        for person in 0..=data.employees.len() as Id + 1 {
            let ids = |v: Vec<&Intake>| v.iter().map(|i| i.id).collect::<Vec<_>>();
            let scanned = data.intakes.iter().filter(|i| i.employee_id == person).collect();
            assert_eq!(
                ids(data.intakes_of(person)),
                ids(scanned),
                "{what}: intakes of {person}"
            );
        }
    }

    fn person(id: Id, (number, email): (&str, &str)) -> Employee {
        Employee {
            id,
            ..Employee::unknown(number.into(), format!("First{id}"), "Last".into(), email.into())
        }
    }

    fn intake(id: Id, employee: Id) -> Intake {
        let day = NaiveDate::from_ymd_opt(2025, 1, 1 + (id % 28) as u32).unwrap_or_default();
        Intake {
            id,
            ..Intake::new(employee, day, IntakeSource::Form)
        }
    }

    /// Puts `record` where a save puts it (the vector in id order) and tells the dataset.
    fn put_person(data: &mut Dataset, e: Employee) {
        let spot = match data.employees.binary_search_by_key(&e.id, |x| x.id) {
            Ok(i) => {
                data.employees[i] = e;
                Spot::Replaced(i)
            }
            Err(i) => {
                data.employees.insert(i, e);
                Spot::Inserted(i)
            }
        };
        data.saved_at(<Employee as Record>::TABLE, spot);
    }

    #[test]
    fn sorted_lookups_answer_what_a_scan_does_across_saves() {
        let mut data = Dataset::default();
        // Ids with gaps, so people can be added in the middle as well as at the end.
        data.employees = PEOPLE
            .iter()
            .enumerate()
            .map(|(i, &keys)| person(2 * i as Id + 2, keys))
            .collect();
        data.intakes = (1..=40).map(|id| intake(id, 2 * (id % 9) + 2)).collect();
        data.reindex();
        assert_same(&data, "as loaded");
        // A deterministic walk of saves: people changed, added (middle, end), removed; the
        // same for intakes, each checked against a scan.
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n.max(1)
        };
        for round in 0..120 {
            let keys = PEOPLE[next(PEOPLE.len())];
            match next(6) {
                0 | 1 => {
                    let at = next(data.employees.len());
                    let id = data.employees[at].id;
                    put_person(&mut data, person(id, keys));
                }
                2 => {
                    let id = 2 * next(40) as Id + 1;
                    if data.employee(id).is_none() {
                        put_person(&mut data, person(id, keys));
                    }
                }
                3 => {
                    let id = data.employees.last().map_or(0, |e| e.id) + 1;
                    put_person(&mut data, person(id, keys));
                }
                4 if data.employees.len() > 3 => {
                    let at = next(data.employees.len());
                    data.employees.remove(at);
                    data.saved_at(<Employee as Record>::TABLE, Spot::Removed(at));
                }
                _ => {
                    let person = data.employees[next(data.employees.len())].id;
                    let spot = match next(3) {
                        0 if !data.intakes.is_empty() => {
                            let at = next(data.intakes.len());
                            data.intakes[at].employee_id = person;
                            Spot::Replaced(at)
                        }
                        1 if !data.intakes.is_empty() => {
                            let at = next(data.intakes.len());
                            data.intakes.remove(at);
                            Spot::Removed(at)
                        }
                        _ => {
                            let id = data.intakes.last().map_or(0, |i| i.id) + 1;
                            data.intakes.push(intake(id, person));
                            Spot::Inserted(data.intakes.len() - 1)
                        }
                    };
                    data.saved_at(<Intake as Record>::TABLE, spot);
                }
            }
            assert_same(&data, &format!("after save {round}"));
        }
    }
}
