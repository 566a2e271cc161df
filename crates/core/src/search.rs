//! Fuzzy matching, behind one small module so the matcher could be swapped. Matching runs on
//! plain ASCII search keys (accents folded, lower case) built once per record, never on the
//! display strings.
//!
//! One ranking rule for every search (the global search, `find`, each list's `/` filter): keys
//! whose words are the typed words come first ([`Tier::Words`]), then keys whose words begin
//! with them ([`Tier::Beginnings`]), then fuzzy matches ([`Tier::Fuzzy`]). So `kofi` puts Kofi
//! before Ines Kofler, and `wendell` finds the one Wendell, not every name with those letters in
//! order. It is the rule `lookup` uses for names typed into forms.

use crate::domain::{Employee, Id, UNKNOWN};
use crate::text::fold;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

mod index;
mod keys;
mod rank;
pub use index::{Builder, Index, Narrowing, Slot};
pub use keys::{Key, Keys, letters};
pub use rank::{Tier, rank_all, rank_one, tier_all, tier_one, word_tier, words};

/// Below this many candidates one thread scores faster than two (thread start-up costs more).
const PARALLEL_FROM: usize = 8_000;
/// The same for fuzzy scores, each worth many cheap tests.
const PARALLEL_SCORES_FROM: usize = 500;

/// Scores `candidates` (indexes into `keys`) against `matcher`, on both cores when there are many.
/// Returns (score, index) for every match, in candidate order.
pub fn score_all(matcher: &Matcher, keys: &[String], candidates: &[u32]) -> Vec<(i64, u32)> {
    let score_chunk = |chunk: &[u32]| -> Vec<(i64, u32)> {
        chunk
            .iter()
            .filter_map(|&i| {
                keys.get(i as usize)
                    .and_then(|k| matcher.score(k))
                    .map(|s| (s, i))
            })
            .collect()
    };
    in_chunks(candidates, PARALLEL_FROM, score_chunk)
}

/// `f` over `candidates`, split over up to four threads when there are at least `from` (the
/// results in the candidates' order); a thread that panicked adds nothing.
pub(crate) fn in_chunks<C: Sync, T: Send>(
    candidates: &[C],
    from: usize,
    f: impl Fn(&[C]) -> Vec<T> + Sync,
) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(4);
    if candidates.len() < from.max(2) || threads < 2 {
        return f(candidates);
    }
    let size = candidates.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = candidates
            .chunks(size)
            .map(|chunk| scope.spawn(move || f(chunk)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// `f` of each item, in order, on both cores when there are many (building search keys and
/// index entries: each a few formatted strings).
pub fn map_parallel<C: Sync, T: Send>(items: &[C], f: impl Fn(&C) -> T + Sync) -> Vec<T> {
    in_chunks(items, PARALLEL_SCORES_FROM, |chunk| {
        chunk.iter().map(&f).collect()
    })
}

/// Queries up to this long are scored on the linear match.
const SHORT_QUERY: usize = 3;

/// Scores search keys against one query.
pub struct Matcher {
    inner: SkimMatcherV2,
    query: String,
    words: Vec<String>,
    /// The query's letters and digits: a key without all of them cannot match.
    letters: u64,
}

impl Matcher {
    pub fn new(query: &str) -> Self {
        let query = fold(query.trim());
        // Keys and query are already lower case, so case handling is wasted work. A query of up
        // to three letters matches nearly every key: score those on skim's linear "simple match"
        // (the tightest earliest match) instead of its full matrix, to keep the first keystrokes
        // fast at 100k records; longer queries, by then narrowed, get the full fuzzy score.
        let mut inner = SkimMatcherV2::default().respect_case();
        if query.len() <= SHORT_QUERY {
            inner = inner.element_limit(1);
        }
        let words = words(&query).map(str::to_string).collect();
        let letters = letters(&query);
        Matcher {
            inner,
            query,
            words,
            letters,
        }
    }

    /// The query's letters and digits (see [`Keys::holding`]).
    pub fn letters(&self) -> u64 {
        self.letters
    }

    /// How the query's words meet the key's (see [`word_tier`]).
    pub fn word_tier(&self, key: &str) -> Option<Tier> {
        word_tier(&self.words, key)
    }

    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// A higher score is a better match; `None` is no match. An empty query matches everything.
    pub fn score(&self, key: &str) -> Option<i64> {
        if self.query.is_empty() {
            return Some(0);
        }
        // Cheap rejection first (most keys), by the very test the fuzzy matcher starts with.
        if !self.matches(key) {
            return None;
        }
        self.inner.fuzzy_match(key, &self.query)
    }

    /// Whether [`Matcher::score`] matches `key`, without scoring it: every character of the query,
    /// spaces too, appears in `key` in order. It is the test skim's matcher starts with and the
    /// only way it refuses a key (its score is always found after it), so a caller that only
    /// needs to know which keys match (a list's filter, the keys a longer query rescans) never
    /// pays for the score. The query is folded to ASCII, so comparing bytes is comparing
    /// characters: an ASCII byte never occurs inside another character's UTF-8 encoding.
    pub fn matches(&self, key: &str) -> bool {
        let mut hay = key.as_bytes();
        for &b in self.query.as_bytes() {
            match memchr::memchr(b, hay) {
                Some(at) => hay = &hay[at + 1..],
                None => return false,
            }
        }
        true
    }
}

/// The `limit` best (score, item) pairs, best first (ties by item), without sorting everything.
pub fn top<T: Copy + Ord>(mut scored: Vec<(i64, T)>, limit: usize) -> Vec<(i64, T)> {
    let order = |s: &(i64, T)| (std::cmp::Reverse(s.0), s.1);
    if limit == 0 {
        return Vec::new();
    }
    if scored.len() > limit {
        scored.select_nth_unstable_by_key(limit - 1, order);
        scored.truncate(limit);
    }
    scored.sort_by_key(order);
    scored
}

/// What a global search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Employee,
    Location,
    Intake,
    Mentor,
    Ambassador,
    Participant,
    Offering,
}

impl Kind {
    /// Every kind, in the order the index lists them (and ties rank them). A kind's position
    /// here is stored in the file's search index: add new kinds at the end.
    pub const ALL: [Kind; 7] = [
        Kind::Employee,
        Kind::Location,
        Kind::Intake,
        Kind::Mentor,
        Kind::Ambassador,
        Kind::Participant,
        Kind::Offering,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Employee => "employee",
            Kind::Location => "location",
            Kind::Intake => "intake",
            Kind::Mentor => "mentor",
            Kind::Ambassador => "ambassador",
            Kind::Participant => "participant",
            Kind::Offering => "PL offering",
        }
    }
}

/// One searchable record: its kind and id, the person it names (for masking), and what to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: Kind,
    pub id: Id,
    pub person: Option<Id>,
    pub title: String,
    /// The few facts a caller wants: position, location, status.
    pub facts: String,
}

/// Word matches rank above every fuzzy one, whatever its score.
fn tier_score(tier: Tier) -> i64 {
    match tier {
        Tier::Words => 2 << 40,
        Tier::Beginnings => 1 << 40,
        Tier::Fuzzy => 0,
    }
}

/// The rank of a match by the one rule (tier, then fuzzy score), before the kind breaks ties;
/// higher is better. What the global search sorts by, and `find` from the store's index.
pub fn rank_value(tier: Tier, score: i64) -> i64 {
    tier_score(tier) + score * 16
}

/// The rank of `key` for `matcher` (`rank_value`), or `None` if it does not match.
pub fn rank_key(matcher: &Matcher, key: &str) -> Option<i64> {
    rank_one(matcher, key).map(|(t, s)| rank_value(t, s))
}

/// A person's search key (the name, a space, then what else they are found by: `extra`) and
/// the length of its name part (the name and the space), which is the key of every record
/// naming the person; 0 when folding the whole text changed the name (a transliteration that
/// depends on what follows), and those records fold their own.
pub fn person_key(name: &str, extra: &str) -> (String, usize) {
    let folded = fold(name);
    let key = fold(&format!("{name} {extra}"));
    let whole = key.starts_with(&folded) && key.as_bytes().get(folded.len()) == Some(&b' ');
    let name = if whole { folded.len() + 1 } else { 0 };
    (key, name)
}

/// What an employee is found by besides the name: number, mailbox and position. The email's
/// local part only: the shared domain would match every short query.
pub fn employee_extra(e: &Employee) -> String {
    let mailbox = e.email.split('@').next().unwrap_or("");
    format!("{} {} {}", e.employee_number, mailbox, e.position)
}

/// The few facts a hit shows for each kind (one rule for the dashboard's search and `find`).
pub mod facts {
    use super::chapter_fact;
    use crate::domain::*;

    pub fn employee(e: &Employee, location: &str) -> String {
        format!("{} · {} · {}", e.position, location, chapter_fact(e))
    }

    pub fn location(l: &Location) -> String {
        format!("{} · {}", l.kind.label(), l.employees_label())
    }

    pub fn intake(it: &Intake) -> String {
        format!(
            "received {} · {} · {}",
            it.received,
            it.status.label(),
            it.services_label()
        )
    }

    pub fn mentor(m: &Mentor, chapter: &str) -> String {
        let state = if m.active { "active" } else { "inactive" };
        format!("mentor · {chapter} · {} · {state}", m.expertise)
    }

    pub fn ambassador(a: &Ambassador, location: &str) -> String {
        format!("{location} · tenure to {}", a.tenure_end)
    }

    pub fn participant(p: &Participant, fiscal_year: i32) -> String {
        format!(
            "leadership FY{:02} · {} · {}",
            fiscal_year % 100,
            p.role,
            p.status.label()
        )
    }

    pub fn offering(o: &Offering) -> String {
        if o.course_number.is_empty() {
            "PL offering".to_string()
        } else {
            format!("course #{}", o.course_number)
        }
    }
}

/// A person's chapter among other facts: its name, N/A, or "chapter unknown".
pub fn chapter_fact(e: &Employee) -> String {
    match &e.chapter {
        Some(c) => c.clone(),
        None => format!("chapter {UNKNOWN}"),
    }
}

#[cfg(test)]
mod tests;
