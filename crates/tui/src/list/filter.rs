//! A `/` filter worked out in steps, so that typing never waits for it: a key press only starts
//! the narrowing ([`Narrowing::begin`]) and the event loop ranks a slice of the rows at a time
//! between key presses ([`Narrowing::step`]) until the rows are the query's. A newer query
//! supersedes the one under way, keeping what it already found when the query grew (the rows
//! that match "garc" are among those that match "gar"), and finished queries are remembered,
//! so Backspace shows the shorter query's rows at once. Synchronous narrowing (`Rows::narrow`)
//! is the same steps run to the end, so both give the same rows in the same order.

use pathways_core::search::{Keys, Matcher, Tier, tier_all};

/// How many finished queries are remembered (Backspace through a long query).
const REMEMBERED: usize = 16;

/// Which rows a `/` filter leaves, and in what order, by the search's one rule
/// (`pathways_core::search`): rows whose words are the typed words, then rows whose words begin
/// with them; only when no row matches by its words, the fuzzy matches. Each group keeps the
/// list's own order (the chosen sort), so `wendell` shows the one Wendell, not every row with
/// those letters in order, and the sort stays as chosen.
///
/// `keys` are the rows' folded search texts, `candidates` the positions to consider in list
/// order (all, or what a shorter filter matched). Returns the positions to show, in order, and
/// every position that matched at all (the candidates for a longer filter).
pub fn rank(filter: &str, keys: &Keys, candidates: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let m = Matcher::new(filter);
    if m.is_empty() {
        return (candidates.to_vec(), candidates.to_vec());
    }
    let ranked = tier_all(&m, keys, candidates);
    (shown(&ranked), ranked.iter().map(|&(_, i)| i).collect())
}

/// The positions a filter shows from its ranked matches (in list order): whole words, then
/// beginnings, or the fuzzy matches when nothing matched by its words.
fn shown(ranked: &[(Tier, u32)]) -> Vec<u32> {
    let of = |tier: Tier| ranked.iter().filter(move |r| r.0 == tier).map(|r| r.1);
    match ranked.iter().map(|&(t, _)| t).min() {
        Some(Tier::Fuzzy) | None => of(Tier::Fuzzy).collect(),
        Some(_) => of(Tier::Words).chain(of(Tier::Beginnings)).collect(),
    }
}

/// A query being ranked: the positions left to look at and what matched so far.
#[derive(Debug, Clone)]
struct Job {
    /// The folded query.
    query: String,
    /// Positions to consider, in list order.
    candidates: Vec<u32>,
    /// How many of them are ranked.
    done: usize,
    /// The matches among them, with their tier, in list order.
    ranked: Vec<(Tier, u32)>,
}

/// The narrowing state of one list: the finished queries and the one under way. Positions are
/// into the list's base order and keys: whoever changes those calls [`Narrowing::forget`].
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    /// Finished queries, newest last: the folded query and every position it matched, ranked.
    finished: Vec<(String, Vec<(Tier, u32)>)>,
    job: Option<Job>,
}

impl Narrowing {
    /// Forgets every result (the rows or their keys changed).
    pub fn forget(&mut self) {
        self.finished.clear();
        self.job = None;
    }

    /// Whether a query is being ranked.
    pub fn working(&self) -> bool {
        self.job.is_some()
    }

    /// Starts narrowing `count` rows by the folded, non-empty `query`. Returns the positions to
    /// show at once if the query was already worked out; otherwise the work is left to `step`.
    /// Candidates come from the longest finished query that begins the new one, or from the
    /// query under way when it does (its matches so far and the positions it has not reached).
    pub fn begin(&mut self, query: &str, count: usize) -> Option<Vec<u32>> {
        if let Some(at) = self.finished.iter().rposition(|(q, _)| q == query) {
            let entry = self.finished.remove(at);
            let visible = shown(&entry.1);
            self.finished.push(entry);
            self.job = None;
            return Some(visible);
        }
        if self.job.as_ref().is_some_and(|j| j.query == query) {
            return None;
        }
        let from_job = self.job.take().filter(|j| query.starts_with(&j.query));
        let from_finished = self
            .finished
            .iter()
            .filter(|(q, _)| query.starts_with(q.as_str()))
            .max_by_key(|(q, _)| q.len());
        let candidates = match (from_job, from_finished) {
            // The query under way is the longer prefix whenever it is one: it was begun last.
            (Some(j), _) => {
                let mut c: Vec<u32> = j.ranked.iter().map(|&(_, i)| i).collect();
                c.extend_from_slice(&j.candidates[j.done..]);
                c
            }
            (None, Some((_, ranked))) => ranked.iter().map(|&(_, i)| i).collect(),
            (None, None) => (0..count as u32).collect(),
        };
        self.job = Some(Job {
            query: query.to_string(),
            candidates,
            done: 0,
            ranked: Vec::new(),
        });
        None
    }

    /// Ranks up to `rows` more candidates of the query under way against `keys`. Returns the
    /// positions to show when that finished it.
    pub fn step(&mut self, keys: &Keys, rows: usize) -> Option<Vec<u32>> {
        let job = self.job.as_mut()?;
        let end = job.done.saturating_add(rows.max(1)).min(job.candidates.len());
        let m = Matcher::new(&job.query);
        job.ranked
            .extend(tier_all(&m, keys, &job.candidates[job.done..end]));
        job.done = end;
        if job.done < job.candidates.len() {
            return None;
        }
        let job = self.job.take()?;
        let visible = shown(&job.ranked);
        if self.finished.len() >= REMEMBERED {
            self.finished.remove(0);
        }
        self.finished.push((job.query, job.ranked));
        Some(visible)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(texts: &[&str]) -> Keys {
        texts.iter().map(|t| t.to_string()).collect()
    }

    /// Runs a query to the end in steps of `rows`.
    fn finish(n: &mut Narrowing, keys: &Keys, query: &str, rows: usize) -> Vec<u32> {
        if let Some(v) = n.begin(query, keys.len()) {
            return v;
        }
        loop {
            if let Some(v) = n.step(keys, rows) {
                return v;
            }
        }
    }

    #[test]
    fn steps_of_any_size_give_the_rows_of_one_whole_ranking() {
        let k = keys(&[
            "ines kofler",
            "kofiana mensah",
            "kofi underhill",
            "wendy ellis",
            "kofi adams",
            "k o f i",
        ]);
        let all: Vec<u32> = (0..k.len() as u32).collect();
        for rows in [1, 2, 5, 100] {
            for q in ["k", "ko", "kofi", "kofi a", "wendell", "zz"] {
                let mut n = Narrowing::default();
                assert_eq!(
                    finish(&mut n, &k, q, rows),
                    rank(q, &k, &all).0,
                    "{q:?} by {rows}"
                );
            }
        }
    }

    #[test]
    fn a_query_that_grows_while_ranked_keeps_what_was_found_and_the_rest_to_do() {
        let k = keys(&[
            "ana garcia",
            "gary neal",
            "garcia lopez",
            "bob",
            "agar rum",
            "g a r",
        ]);
        let all: Vec<u32> = (0..k.len() as u32).collect();
        let mut n = Narrowing::default();
        assert!(n.begin("g", k.len()).is_none());
        assert!(n.step(&k, 2).is_none(), "two of six done");
        assert!(n.begin("gar", k.len()).is_none(), "superseded, not finished");
        let job = n.job.as_ref().unwrap();
        assert_eq!(
            job.candidates,
            vec![0, 1, 2, 3, 4, 5],
            "found so far, then the rest"
        );
        assert_eq!(finish(&mut n, &k, "garc", 1), rank("garc", &k, &all).0);
        // Backspace: the shorter query was never finished, so it is worked out again…
        assert_eq!(finish(&mut n, &k, "gar", 3), rank("gar", &k, &all).0);
        // …and once finished, it is remembered.
        assert!(n.begin("garc", k.len()).is_some());
        assert_eq!(n.begin("gar", k.len()), Some(rank("gar", &k, &all).0));
        n.forget();
        assert!(
            n.begin("gar", k.len()).is_none(),
            "the rows changed: worked out again"
        );
    }
}
