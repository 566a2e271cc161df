//! Fuzzy matching, behind one small module so the matcher could be swapped. Matching runs on
//! plain ASCII search keys (accents folded, lower case) built once per record, never on the
//! display strings.
//!
//! One ranking rule for every search (the global search, `find`, each list's `/` filter): keys
//! whose words are the typed words come first ([`Tier::Words`]), then keys whose words begin
//! with them ([`Tier::Beginnings`]), then fuzzy matches ([`Tier::Fuzzy`]). So `kofi` puts Kofi
//! before Ines Kofler, and `wendell` finds the one Wendell, not every name with those letters in
//! order. It is the rule `lookup` uses for names typed into forms.

use crate::dataset::Dataset;
use crate::domain::{Employee, Id, UNKNOWN};
use crate::text::fold;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

mod rank;
pub use rank::{Tier, rank_all, rank_one, tier_all, tier_one, word_tier, words};

/// Below this many candidates one thread scores faster than two (thread start-up costs more).
const PARALLEL_FROM: usize = 8_000;

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
    in_chunks(candidates, score_chunk)
}

/// `f` over `candidates`, split over up to four threads when there are many (the results in
/// the candidates' order); a thread that panicked adds nothing.
pub(crate) fn in_chunks<C: Sync, T: Send>(candidates: &[C], f: impl Fn(&[C]) -> Vec<T> + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(4);
    if candidates.len() < PARALLEL_FROM || threads < 2 {
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

/// Queries up to this long are scored on the linear match.
const SHORT_QUERY: usize = 3;

/// Scores search keys against one query.
pub struct Matcher {
    inner: SkimMatcherV2,
    query: String,
    words: Vec<String>,
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
        Matcher { inner, query, words }
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

/// Every searchable record of the dataset, with its search key built once.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub entries: Vec<Entry>,
    /// Search key of each entry (same order), kept apart so a scan touches only keys.
    keys: Vec<String>,
}

impl Index {
    pub fn build(data: &Dataset) -> Index {
        let mut entries =
            Vec::with_capacity(data.employees.len() + data.intakes.len() + data.locations.len());
        let mut keys = Vec::with_capacity(entries.capacity());
        let mut push = |kind, id, person: Option<Id>, title: String, facts: String, extra: &str| {
            keys.push(fold(&format!("{title} {extra}")));
            entries.push(Entry {
                kind,
                id,
                person,
                title,
                facts,
            });
        };
        for e in &data.employees {
            let facts = facts::employee(e, data.location_name(e.location_id));
            push(
                Kind::Employee,
                e.id,
                Some(e.id),
                e.full_name(),
                facts,
                &employee_extra(e),
            );
        }
        for l in &data.locations {
            push(Kind::Location, l.id, None, l.name.clone(), facts::location(l), "");
        }
        for i in &data.intakes {
            let (id, who) = (i.id, i.employee_id);
            push(
                Kind::Intake,
                id,
                Some(who),
                data.employee_name(who),
                facts::intake(i),
                "",
            );
        }
        for m in &data.mentors {
            let chapter = data.employee(m.employee_id).map(chapter_fact).unwrap_or_default();
            let facts = facts::mentor(m, &chapter);
            let who = m.employee_id;
            push(Kind::Mentor, m.id, Some(who), data.employee_name(who), facts, "");
        }
        for a in &data.ambassadors {
            let facts = facts::ambassador(a, data.location_name(Some(a.primary_location)));
            let who = a.employee_id;
            push(
                Kind::Ambassador,
                a.id,
                Some(who),
                data.employee_name(who),
                facts,
                "",
            );
        }
        for p in &data.participants {
            let cohort = data.cohorts.iter().find(|c| c.id == p.cohort_id);
            let facts = facts::participant(p, cohort.map(|c| c.fiscal_year).unwrap_or(0));
            let who = p.employee_id;
            push(
                Kind::Participant,
                p.id,
                Some(who),
                data.employee_name(who),
                facts,
                "",
            );
        }
        for o in &data.offerings {
            let facts = facts::offering(o);
            push(
                Kind::Offering,
                o.id,
                None,
                o.title.clone(),
                facts,
                &o.course_number,
            );
        }
        Index { entries, keys }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` entries for `query`, best first; ties keep kind order (people first).
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Entry> {
        self.search_counted(query, limit).0
    }

    /// Like [`Index::search`], with how many entries matched in all (more than shown when the
    /// limit cut them).
    pub fn search_counted(&self, query: &str, limit: usize) -> (Vec<&Entry>, usize) {
        let mut n = Narrowing::default();
        let found = n
            .search(self, query, limit)
            .into_iter()
            .map(|i| &self.entries[i])
            .collect();
        (found, n.matched(self))
    }
}

/// Search-as-you-type state: when the query grows, only the previous matches are scanned again.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    query: String,
    /// Entry indexes that matched `query`; None means "all".
    matched: Option<Vec<u32>>,
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

impl Narrowing {
    /// Indexes into `index.entries` of the best `limit` matches of `query`, best first.
    pub fn search(&mut self, index: &Index, query: &str, limit: usize) -> Vec<usize> {
        let m = Matcher::new(query);
        let folded = m.query().to_string();
        if folded.is_empty() {
            self.query.clear();
            self.matched = None;
            return (0..index.entries.len().min(limit)).collect();
        }
        let narrowing = !self.query.is_empty() && folded.starts_with(&self.query);
        let candidates = match self.matched.take() {
            Some(prev) if narrowing => prev,
            _ => (0..index.entries.len() as u32).collect(),
        };
        let tiers = tier_all(&m, &index.keys, &candidates);
        self.query = folded;
        self.matched = Some(tiers.iter().map(|&(_, i)| i).collect());
        // A tier outranks every fuzzy score (`rank_value`): when at least `limit` keys match by
        // their words, no fuzzy match can be among the best, and only those keys are scored.
        let strong = tiers.iter().filter(|t| t.0 != Tier::Fuzzy).count();
        let wanted: Vec<(Tier, u32)> = if strong >= limit {
            tiers.into_iter().filter(|t| t.0 != Tier::Fuzzy).collect()
        } else {
            tiers
        };
        // Whole words first, then beginnings, then fuzzy; earlier kinds (people) win ties. The
        // score is `rank_one`'s: a key matched by its words but not in order scores 0.
        let ranked = in_chunks(&wanted, |chunk| {
            chunk
                .iter()
                .map(|&(t, i)| {
                    let score = index.keys.get(i as usize).and_then(|k| m.score(k)).unwrap_or(0);
                    let kind = index.entries.get(i as usize).map_or(0, |e| e.kind as i64);
                    (rank_value(t, score) - kind, i as usize)
                })
                .collect()
        });
        top(ranked, limit).into_iter().map(|(_, i)| i).collect()
    }

    /// How many entries matched the last query (all of them for an empty one), so a caller can
    /// say how many were left out at its limit.
    pub fn matched(&self, index: &Index) -> usize {
        self.matched.as_ref().map_or(index.entries.len(), Vec::len)
    }
}

/// A thread that runs searches off the input path: typing only sends the query; the newest
/// query wins and older ones still waiting are skipped.
pub struct Worker {
    requests: std::sync::mpsc::Sender<(u64, String)>,
    results: std::sync::mpsc::Receiver<(u64, Vec<usize>)>,
}

impl Worker {
    pub fn start(index: std::sync::Arc<Index>, limit: usize) -> Worker {
        let (requests, inbox) = std::sync::mpsc::channel::<(u64, String)>();
        let (outbox, results) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut narrowing = Narrowing::default();
            while let Ok(mut request) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let found = narrowing.search(&index, &request.1, limit);
                if outbox.send((request.0, found)).is_err() {
                    break;
                }
            }
        });
        Worker { requests, results }
    }

    pub fn ask(&self, seq: u64, query: &str) {
        let _ = self.requests.send((seq, query.to_string()));
    }

    /// The newest finished result, if any.
    pub fn try_result(&self) -> Option<(u64, Vec<usize>)> {
        let mut latest = None;
        while let Ok(r) = self.results.try_recv() {
            latest = Some(r);
        }
        latest
    }
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
mod tests {
    use super::*;

    #[test]
    fn accents_fold() {
        assert_eq!(fold("José García-Núñez"), "jose garcia-nunez");
        let m = Matcher::new("jose");
        assert!(m.score(&fold("José Ibáñez")).is_some());
        assert!(m.score(&fold("Ana Lopez")).is_none());
        let m = Matcher::new("JOSÉ");
        assert!(m.score(&fold("José Ibáñez")).is_some());
    }

    #[test]
    fn closer_matches_score_higher() {
        let m = Matcher::new("garcia");
        let exact = m.score("ana garcia").unwrap();
        let loose = m.score("gareth ravensworth ca ia").unwrap_or(i64::MIN);
        assert!(exact > loose);
    }

    #[test]
    fn top_keeps_the_best_in_order() {
        let scored = vec![(3, 'c'), (9, 'a'), (1, 'e'), (7, 'b'), (2, 'd')];
        assert_eq!(top(scored.clone(), 2), vec![(9, 'a'), (7, 'b')]);
        assert_eq!(top(scored, 10).len(), 5);
    }

    fn demo_index() -> (Dataset, Index) {
        let data = crate::demo::build(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let index = Index::build(&data);
        (data, index)
    }

    #[test]
    fn global_search_finds_every_kind_and_ranks_names() {
        let (data, index) = demo_index();
        let garcia = index.search("garcia", 50);
        assert!(!garcia.is_empty());
        assert!(garcia[0].title.contains("García"), "{:?}", garcia[0]);
        assert!(
            index
                .search("grow your career", 5)
                .iter()
                .any(|e| e.kind == Kind::Offering)
        );
        assert!(index.search("92883", 5).iter().any(|e| e.kind == Kind::Offering));
        assert!(
            index
                .search("maple grove", 5)
                .iter()
                .any(|e| e.kind == Kind::Location)
        );
        let mentor = data.employee_name(data.mentors[0].employee_id);
        assert!(index.search(&mentor, 20).iter().any(|e| e.kind == Kind::Mentor));
        assert!(index.search("zzzzqqq", 5).is_empty());
    }

    #[test]
    fn exact_names_come_before_fuzzy_ones_and_the_total_is_known() {
        let (data, index) = demo_index();
        // Every person named by a whole word comes before any fuzzy match.
        let first = data.employees[0].first_name.clone();
        let (hits, total) = index.search_counted(&first, 5);
        let folded = fold(&first);
        assert!(words(&fold(&hits[0].title)).any(|w| w == folded), "{:?}", hits[0]);
        assert!(total >= hits.len());
        let (few, all) = index.search_counted("garcia", 2);
        assert_eq!(few.len(), 2);
        assert!(all > 2, "more matched than shown: {all}");
    }

    #[test]
    fn the_worker_answers_the_newest_query_like_a_direct_search() {
        let (_, index) = demo_index();
        let index = std::sync::Arc::new(index);
        let worker = Worker::start(index.clone(), 10);
        for (seq, q) in ["g", "ga", "gar", "garc"].iter().enumerate() {
            worker.ask(seq as u64, q);
        }
        let start = std::time::Instant::now();
        let (seq, found) = loop {
            if let Some((seq, found)) = worker.try_result().filter(|r| r.0 == 3) {
                break (seq, found);
            }
            assert!(start.elapsed() < std::time::Duration::from_secs(10), "no answer");
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert_eq!(seq, 3);
        assert_eq!(found, Narrowing::default().search(&index, "garc", 10));
    }

    /// Today's rule as it was first written: every match scored, then the best kept.
    fn scored_search(index: &Index, query: &str, limit: usize) -> (Vec<usize>, usize) {
        let m = Matcher::new(query);
        let all: Vec<u32> = (0..index.len() as u32).collect();
        let ranked = rank_all(&m, &index.keys, &all);
        let matched = ranked.len();
        let ranked = ranked
            .into_iter()
            .map(|(t, s, i)| {
                (
                    rank_value(t, s) - index.entries[i as usize].kind as i64,
                    i as usize,
                )
            })
            .collect();
        (top(ranked, limit).into_iter().map(|(_, i)| i).collect(), matched)
    }

    const QUERIES: [&str; 14] = [
        "a", "g", "ga", "gar", "garcia", "garcia a", "ana g", "kofi", "wendell", "e s", "mentor", "9",
        "zzzz", "o'brien",
    ];

    #[test]
    fn the_tier_alone_and_the_match_test_agree_with_the_scored_rule() {
        let data =
            crate::demo::synthetic::build(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), 6000);
        let index = Index::build(&data);
        let all: Vec<u32> = (0..index.len() as u32).collect();
        for q in QUERIES.iter().chain(&["ia", "a b c", " ", "r-a"]) {
            let m = Matcher::new(q);
            let ranked: Vec<(Tier, u32)> = rank_all(&m, &index.keys, &all)
                .into_iter()
                .map(|(t, _, i)| (t, i))
                .collect();
            assert_eq!(tier_all(&m, &index.keys, &all), ranked, "query {q:?}");
            for key in &index.keys {
                assert_eq!(m.matches(key), m.score(key).is_some(), "{q:?} on {key:?}");
            }
        }
    }

    #[test]
    fn scoring_only_what_can_be_shown_gives_the_same_results() {
        let data =
            crate::demo::synthetic::build(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), 6000);
        let index = Index::build(&data);
        for limit in [1, 10, 50, 5000] {
            for q in QUERIES {
                let (expected, matched) = scored_search(&index, q, limit);
                let mut n = Narrowing::default();
                assert_eq!(n.search(&index, q, limit), expected, "query {q:?}, limit {limit}");
                assert_eq!(n.matched(&index), matched, "query {q:?}");
            }
        }
    }

    #[test]
    fn narrowing_gives_the_same_results_as_a_fresh_search() {
        let (_, index) = demo_index();
        let mut n = Narrowing::default();
        for q in ["g", "ga", "gar", "garc", "garci", "garcia", "garcia n", "gar"] {
            let incremental = n.search(&index, q, 10);
            let fresh = Narrowing::default().search(&index, q, 10);
            assert_eq!(incremental, fresh, "query {q:?}");
        }
    }
}
