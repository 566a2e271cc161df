//! The global search's index (every searchable record, its key built once) and searching it as
//! the user types. Both can be done in steps, so a caller with an event loop builds the index
//! and answers each key between key presses and nobody waits: [`Builder::step`] adds a slice of
//! the records, [`Narrowing::begin`] and [`Narrowing::step`] rank a slice of the keys. Done in
//! one go ([`Index::build`], [`Narrowing::search`]) they are the same steps run to the end.

use super::{
    Entry, Key, Keys, Kind, Matcher, PARALLEL_SCORES_FROM, Tier, chapter_fact, employee_extra, facts,
    in_chunks, map_parallel, person_key, rank_value, tier_all, top,
};
use crate::dataset::Dataset;
use crate::domain::Id;
use crate::text::fold;

/// Every searchable record of the dataset, with its search key built once. Entries are in
/// `Kind::ALL` order, each kind in the dataset's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    pub slots: Vec<Slot>,
    /// Search key of each entry (same order), kept apart so a scan touches only keys.
    pub(super) keys: Keys,
}

/// One searchable record as the index keeps it: enough to rank it, find it and mask it. What a
/// hit shows (its title and facts) is made for the hits on screen alone ([`Index::entry`]): a
/// million records' titles and facts kept in memory cost more than the records' own strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub kind: Kind,
    pub id: Id,
    /// The person it names (for masking).
    pub person: Option<Id>,
}

/// How many records of `kind` the dataset holds.
fn count(data: &Dataset, kind: Kind) -> usize {
    match kind {
        Kind::Employee => data.employees.len(),
        Kind::Location => data.locations.len(),
        Kind::Intake => data.intakes.len(),
        Kind::Mentor => data.mentors.len(),
        Kind::Ambassador => data.ambassadors.len(),
        Kind::Participant => data.participants.len(),
        Kind::Offering => data.offerings.len(),
    }
}

/// Where the record `id` of `kind` is in the dataset (each kind's vector is in id order).
fn position(data: &Dataset, kind: Kind, id: Id) -> Option<usize> {
    let at = match kind {
        Kind::Employee => data.employees.binary_search_by_key(&id, |r| r.id),
        Kind::Location => data.locations.binary_search_by_key(&id, |r| r.id),
        Kind::Intake => data.intakes.binary_search_by_key(&id, |r| r.id),
        Kind::Mentor => data.mentors.binary_search_by_key(&id, |r| r.id),
        Kind::Ambassador => data.ambassadors.binary_search_by_key(&id, |r| r.id),
        Kind::Participant => data.participants.binary_search_by_key(&id, |r| r.id),
        Kind::Offering => data.offerings.binary_search_by_key(&id, |r| r.id),
    };
    at.ok()
}

/// The `i`th record of `kind`: its slot, its title and what else it is found by.
fn named(data: &Dataset, kind: Kind, i: usize) -> (Slot, String, String) {
    let slot = |id, person| Slot { kind, id, person };
    let of = |id, who: Id| (slot(id, Some(who)), data.employee_name(who), String::new());
    match kind {
        Kind::Employee => {
            let e = &data.employees[i];
            (slot(e.id, Some(e.id)), e.full_name(), employee_extra(e))
        }
        Kind::Location => {
            let l = &data.locations[i];
            (slot(l.id, None), l.name.clone(), String::new())
        }
        Kind::Intake => of(data.intakes[i].id, data.intakes[i].employee_id),
        Kind::Mentor => of(data.mentors[i].id, data.mentors[i].employee_id),
        Kind::Ambassador => of(data.ambassadors[i].id, data.ambassadors[i].employee_id),
        Kind::Participant => of(data.participants[i].id, data.participants[i].employee_id),
        Kind::Offering => {
            let o = &data.offerings[i];
            (slot(o.id, None), o.title.clone(), o.course_number.clone())
        }
    }
}

/// The slot of the `i`th record of `kind`, and its search key. `keys` are the keys built so
/// far: every person's, people being the first kind (so a person's key is at their position in
/// `data.employees`), which the records naming them share.
fn keyed(data: &Dataset, keys: &Keys, kind: Kind, i: usize) -> (Slot, Key) {
    let slot = |id, person| Slot { kind, id, person };
    let of = |id, who: Id| {
        let key = match data.employee_position(who) {
            Some(at) if keys.name(at).is_some() => Key::NameOf(at as u32),
            _ => Key::Text(fold(&format!("{} ", data.employee_name(who)))),
        };
        (slot(id, Some(who)), key)
    };
    match kind {
        Kind::Employee => {
            let e = &data.employees[i];
            let (key, name) = person_key(&e.full_name(), &employee_extra(e));
            (slot(e.id, Some(e.id)), Key::Person { key, name })
        }
        Kind::Intake => of(data.intakes[i].id, data.intakes[i].employee_id),
        Kind::Mentor => of(data.mentors[i].id, data.mentors[i].employee_id),
        Kind::Ambassador => of(data.ambassadors[i].id, data.ambassadors[i].employee_id),
        Kind::Participant => of(data.participants[i].id, data.participants[i].employee_id),
        Kind::Location | Kind::Offering => {
            let (slot, title, extra) = named(data, kind, i);
            (slot, Key::Text(fold(&format!("{title} {extra}"))))
        }
    }
}

/// The few facts the `i`th record of `kind` shows.
fn facts_of(data: &Dataset, kind: Kind, i: usize) -> String {
    match kind {
        Kind::Employee => {
            let e = &data.employees[i];
            facts::employee(e, data.location_name(e.location_id))
        }
        Kind::Location => facts::location(&data.locations[i]),
        Kind::Intake => facts::intake(&data.intakes[i]),
        Kind::Mentor => {
            let m = &data.mentors[i];
            let chapter = data.employee(m.employee_id).map(chapter_fact).unwrap_or_default();
            facts::mentor(m, &chapter)
        }
        Kind::Ambassador => {
            let a = &data.ambassadors[i];
            facts::ambassador(a, data.location_name(Some(a.primary_location)))
        }
        Kind::Participant => {
            let p = &data.participants[i];
            let cohort = data.cohorts.iter().find(|c| c.id == p.cohort_id);
            facts::participant(p, cohort.map(|c| c.fiscal_year).unwrap_or(0))
        }
        Kind::Offering => facts::offering(&data.offerings[i]),
    }
}

/// An index being built a slice at a time from one dataset, which must not change meanwhile
/// but for intakes it is told of (`put_intakes`): start again after any other change.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    index: Index,
    /// The kind being added (a position in `Kind::ALL`) and the next of its records.
    kind: usize,
    next: usize,
}

impl Builder {
    pub fn new(data: &Dataset) -> Builder {
        let all: usize = Kind::ALL.iter().map(|&k| count(data, k)).sum();
        let mut b = Builder::default();
        b.index.slots.reserve_exact(all);
        b.index.keys.reserve_exact(all);
        b
    }

    /// Adds up to `records` more entries; returns whether the index is whole.
    pub fn step(&mut self, data: &Dataset, records: usize) -> bool {
        let mut left = records.max(1);
        while let Some(&kind) = Kind::ALL.get(self.kind) {
            let end = count(data, kind).min(self.next.saturating_add(left));
            let at: Vec<usize> = (self.next..end).collect();
            let keys = &self.index.keys;
            for (slot, key) in map_parallel(&at, |&i| keyed(data, keys, kind, i)) {
                self.index.slots.push(slot);
                self.index.keys.push(key);
            }
            left -= end - self.next;
            self.next = end;
            if self.next < count(data, kind) {
                return false;
            }
            self.kind += 1;
            self.next = 0;
        }
        true
    }

    /// Takes in the intakes with these ids as `data` holds them now, while the index is being
    /// built (see [`Index::put_intakes`]): nothing to do if it has not reached the intakes yet,
    /// the same as a whole index's if it is past them. Part-way, the intakes built so far (those
    /// up to an id, in id order) take in the changes among them, and the rest is built from
    /// `data` as it is now.
    pub fn put_intakes(&mut self, data: &Dataset, ids: &[Id]) {
        let intakes = Kind::ALL.iter().position(|&k| k == Kind::Intake).unwrap_or(0);
        match self.kind.cmp(&intakes) {
            std::cmp::Ordering::Less => {}
            std::cmp::Ordering::Greater => self.index.put_intakes(data, ids),
            std::cmp::Ordering::Equal => {
                let built = self.index.slots.last().filter(|e| e.kind == Kind::Intake);
                let Some(last) = built.map(|e| e.id) else {
                    return;
                };
                let among: Vec<Id> = ids.iter().copied().filter(|&id| id <= last).collect();
                self.index.put_intakes(data, &among);
                self.next = data.intakes.partition_point(|it| it.id <= last);
            }
        }
    }

    /// The index, once `step` said it is whole.
    pub fn finish(self) -> Index {
        self.index
    }
}

impl Index {
    pub fn build(data: &Dataset) -> Index {
        let mut b = Builder::new(data);
        b.step(data, usize::MAX);
        b.finish()
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// What hit `i` shows, made from `data` (the dataset the index was built from, or one it
    /// took the changes of); `None` if `data` no longer has that record.
    pub fn entry(&self, data: &Dataset, i: usize) -> Option<Entry> {
        let slot = *self.slots.get(i)?;
        let at = position(data, slot.kind, slot.id)?;
        let (_, title, _) = named(data, slot.kind, at);
        Some(Entry {
            kind: slot.kind,
            id: slot.id,
            person: slot.person,
            title,
            facts: facts_of(data, slot.kind, at),
        })
    }

    /// The best `limit` entries for `query`, best first; ties keep kind order (people first).
    pub fn search(&self, data: &Dataset, query: &str, limit: usize) -> Vec<Entry> {
        self.search_counted(data, query, limit).0
    }

    /// Like [`Index::search`], with how many entries matched in all (more than shown when the
    /// limit cut them).
    pub fn search_counted(&self, data: &Dataset, query: &str, limit: usize) -> (Vec<Entry>, usize) {
        let mut n = Narrowing::default();
        let found = n
            .search(self, query, limit)
            .into_iter()
            .filter_map(|i| self.entry(data, i))
            .collect();
        (found, n.matched(self))
    }

    /// Takes in the intakes with these ids as `data` holds them now (changed, added, or gone
    /// when `data` no longer has them), leaving the index as [`Index::build`] would make it
    /// from `data`, with work proportional to the change. Only an intake's own entry shows an
    /// intake (its person's name and its own facts), so a save of intakes alone is taken in
    /// here; anything else calls for a new index.
    pub fn put_intakes(&mut self, data: &Dataset, ids: &[Id]) {
        for &id in ids {
            let start = self.slots.partition_point(|e| e.kind < Kind::Intake);
            let end = self.slots.partition_point(|e| e.kind <= Kind::Intake);
            let at = self.slots[start..end].binary_search_by_key(&id, |e| e.id);
            let now = data.intakes.binary_search_by_key(&id, |it| it.id);
            match (at, now) {
                (Ok(at), Ok(i)) => {
                    let (slot, key) = keyed(data, &self.keys, Kind::Intake, i);
                    self.slots[start + at] = slot;
                    self.keys.set(start + at, key);
                }
                (Err(at), Ok(i)) => {
                    let (slot, key) = keyed(data, &self.keys, Kind::Intake, i);
                    self.slots.insert(start + at, slot);
                    self.keys.insert(start + at, key);
                }
                (Ok(at), Err(_)) => {
                    self.slots.remove(start + at);
                    self.keys.remove(start + at);
                }
                (Err(_), Err(_)) => {}
            }
        }
    }
}

/// How many keys' tiers cost about as much as one fuzzy score.
const SCORE_COST: usize = 8;

/// A query being ranked: the entries left to look at, then the matches left to score.
#[derive(Debug, Clone)]
struct Job {
    /// The folded query, and how many hits are wanted.
    query: String,
    limit: usize,
    candidates: Vec<u32>,
    done: usize,
    tiers: Vec<(Tier, u32)>,
    /// Once every candidate has its tier: the matches to score, how many are scored, the scores.
    wanted: Option<Vec<(Tier, u32)>>,
    scored: Vec<(i64, usize)>,
}

/// Search-as-you-type state: when the query grows, only the previous matches are scanned again.
/// Positions are into one index: a new or changed index needs a new `Narrowing`.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    query: String,
    /// Entry indexes that matched `query`; None means "all".
    matched: Option<Vec<u32>>,
    job: Option<Job>,
}

impl Narrowing {
    /// Indexes into `index.slots` of the best `limit` matches of `query`, best first.
    pub fn search(&mut self, index: &Index, query: &str, limit: usize) -> Vec<usize> {
        if let Some(found) = self.begin(index, query, limit) {
            return found;
        }
        loop {
            if let Some(found) = self.step(index, usize::MAX) {
                return found;
            }
        }
    }

    /// Starts a search; returns its hits at once when there is nothing to rank (an empty
    /// query), else `step` does the work. A query under way is superseded, and what it found
    /// kept if the new query grows it.
    pub fn begin(&mut self, index: &Index, query: &str, limit: usize) -> Option<Vec<usize>> {
        let folded = Matcher::new(query).query().to_string();
        if folded.is_empty() {
            self.query.clear();
            self.matched = None;
            self.job = None;
            return Some((0..index.slots.len().min(limit)).collect());
        }
        let from_job = self.job.take().filter(|j| folded.starts_with(&j.query));
        let candidates = match (from_job, self.matched.take()) {
            // Its matches so far, and the entries it had not reached (none once it scores).
            (Some(j), _) => {
                let mut c: Vec<u32> = j.tiers.iter().map(|&(_, i)| i).collect();
                if j.wanted.is_none() {
                    c.extend_from_slice(&j.candidates[j.done..]);
                }
                c
            }
            (None, Some(prev)) if !self.query.is_empty() && folded.starts_with(&self.query) => prev,
            _ => (0..index.slots.len() as u32).collect(),
        };
        self.query.clear();
        self.job = Some(Job {
            query: folded,
            limit,
            candidates,
            done: 0,
            tiers: Vec::new(),
            wanted: None,
            scored: Vec::new(),
        });
        None
    }

    /// Whether a search is under way.
    pub fn working(&self) -> bool {
        self.job.is_some()
    }

    /// Ranks up to `rows` more entries (their tiers, then the scores of the matches that can be
    /// among the best, a score costing about `SCORE_COST` tiers); returns the hits, best first,
    /// once the search is done.
    pub fn step(&mut self, index: &Index, rows: usize) -> Option<Vec<usize>> {
        let job = self.job.as_mut()?;
        let m = Matcher::new(&job.query);
        let rows = rows.max(1);
        let Some(wanted) = &job.wanted else {
            let end = job.done.saturating_add(rows).min(job.candidates.len());
            job.tiers
                .extend(tier_all(&m, &index.keys, &job.candidates[job.done..end]));
            job.done = end;
            if job.done == job.candidates.len() {
                // A tier outranks every fuzzy score (`rank_value`): when at least `limit` keys
                // match by their words, no fuzzy match can be among the best, and only those
                // keys are scored.
                let strong = job.tiers.iter().filter(|t| t.0 != Tier::Fuzzy).count();
                job.wanted = Some(if strong >= job.limit {
                    job.tiers.iter().copied().filter(|t| t.0 != Tier::Fuzzy).collect()
                } else {
                    job.tiers.clone()
                });
                job.done = 0;
            }
            return None;
        };
        // Whole words first, then beginnings, then fuzzy; earlier kinds (people) win ties. The
        // score is `rank_one`'s: a key matched by its words but not in order scores 0.
        let end = job
            .done
            .saturating_add((rows / SCORE_COST).max(1))
            .min(wanted.len());
        job.scored
            .extend(in_chunks(&wanted[job.done..end], PARALLEL_SCORES_FROM, |chunk| {
                chunk
                    .iter()
                    .map(|&(t, i)| {
                        let score = index.keys.get(i as usize).and_then(|k| m.score(k)).unwrap_or(0);
                        let kind = index.slots.get(i as usize).map_or(0, |e| e.kind as i64);
                        (rank_value(t, score) - kind, i as usize)
                    })
                    .collect()
            }));
        job.done = end;
        if job.done < wanted.len() {
            return None;
        }
        let job = self.job.take()?;
        self.matched = Some(job.tiers.into_iter().map(|(_, i)| i).collect());
        self.query = job.query;
        Some(top(job.scored, job.limit).into_iter().map(|(_, i)| i).collect())
    }

    /// How many entries matched the last query (all of them for an empty one), so a caller can
    /// say how many were left out at its limit.
    pub fn matched(&self, index: &Index) -> usize {
        self.matched.as_ref().map_or(index.slots.len(), Vec::len)
    }
}
