//! The one ranking rule of every search: whole words, then word beginnings, then fuzzy.

use super::{Keys, Matcher};

/// How well a key matches a query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Every typed word is a whole word of the key.
    Words,
    /// Every typed word is at least the beginning of a word of the key.
    Beginnings,
    /// The typed letters appear in order (fuzzy).
    Fuzzy,
}

/// The words of a folded text: runs of letters and digits ("resume review; o'brien" ->
/// resume, review, o, brien).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether every query word is a word of `key` (Words) or begins one (Beginnings). Pure, so a
/// list can rank with it anywhere (a worker thread too).
pub fn word_tier(query: &[String], key: &str) -> Option<Tier> {
    // Cheap rejection first (most keys): a word that begins with `q` holds `q`.
    if query.is_empty() || !query.iter().all(|q| key.contains(q.as_str())) {
        return None;
    }
    let mut whole = true;
    for q in query {
        let mut begins = false;
        for w in words(key) {
            if w == q {
                begins = true;
                break;
            }
            if w.starts_with(q.as_str()) {
                begins = true;
                whole = false;
            }
        }
        if !begins {
            return None;
        }
    }
    Some(if whole { Tier::Words } else { Tier::Beginnings })
}

/// How one key matches by the rule: its tier and fuzzy score, `None` if it does not match.
pub fn rank_one(matcher: &Matcher, key: &str) -> Option<(Tier, i64)> {
    let fuzzy = matcher.score(key);
    match (matcher.word_tier(key), fuzzy) {
        (Some(t), s) => Some((t, s.unwrap_or(0))),
        (None, Some(s)) => Some((Tier::Fuzzy, s)),
        (None, None) => None,
    }
}

/// How one key matches by the rule, without its fuzzy score (`rank_one`'s tier): all a list's
/// `/` filter needs, since it keeps its own order within each tier, and what decides which keys
/// a search must score at all.
pub fn tier_one(matcher: &Matcher, key: &str) -> Option<Tier> {
    matcher
        .word_tier(key)
        .or_else(|| matcher.matches(key).then_some(Tier::Fuzzy))
}

/// The tier of every candidate (indexes into `keys`) that matches, in candidate order; on both
/// cores when there are many. The same keys and tiers as [`rank_all`], without scoring; a key
/// without every letter of the query is passed over unread.
pub fn tier_all(matcher: &Matcher, keys: &Keys, candidates: &[u32]) -> Vec<(Tier, u32)> {
    let wanted = matcher.letters();
    let tier_chunk = |chunk: &[u32]| -> Vec<(Tier, u32)> {
        chunk
            .iter()
            .filter_map(|&i| Some((tier_one(matcher, keys.holding(i as usize, wanted)?)?, i)))
            .collect()
    };
    super::in_chunks(candidates, super::PARALLEL_FROM, tier_chunk)
}

/// Ranks `candidates` (indexes into `keys`) by the one rule: (tier, fuzzy score, index) for every
/// key that matches at all, in candidate order; on both cores when there are many. A key that
/// matches by its words but not as a fuzzy subsequence (words typed in another order) scores 0.
pub fn rank_all(matcher: &Matcher, keys: &[String], candidates: &[u32]) -> Vec<(Tier, i64, u32)> {
    let rank_chunk = |chunk: &[u32]| -> Vec<(Tier, i64, u32)> {
        chunk
            .iter()
            .filter_map(|&i| {
                let (t, s) = rank_one(matcher, keys.get(i as usize)?)?;
                Some((t, s, i))
            })
            .collect()
    };
    super::in_chunks(candidates, super::PARALLEL_FROM, rank_chunk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_then_beginnings_then_fuzzy() {
        let q = |text: &str| Matcher::new(text);
        assert_eq!(q("kofi").word_tier("kofi underhill"), Some(Tier::Words));
        assert_eq!(q("kofi").word_tier("ines kofiadams"), Some(Tier::Beginnings));
        assert_eq!(q("kofi").word_tier("ines kofler"), None);
        assert_eq!(q("kofi").word_tier("kolfi"), None);
        assert_eq!(q("garcia ana").word_tier("ana garcia"), Some(Tier::Words));
        assert_eq!(q("resume").word_tier("x resume review; y"), Some(Tier::Words));
        let keys: Vec<String> = ["ines kofiadams", "kofi underhill", "k o f i"]
            .map(String::from)
            .to_vec();
        let ranked = rank_all(&q("kofi"), &keys, &[0, 1, 2]);
        let tiers = tier_all(&q("kofi"), &keys.iter().cloned().collect(), &[0, 1, 2]);
        assert_eq!(tiers, ranked.iter().map(|&(t, _, i)| (t, i)).collect::<Vec<_>>());
        assert_eq!(
            ranked.iter().map(|&(t, _, i)| (t, i)).collect::<Vec<_>>(),
            vec![(Tier::Beginnings, 0), (Tier::Words, 1), (Tier::Fuzzy, 2)]
        );
    }
}
