//! Fuzzy matching, behind one small module so the matcher could be swapped. Matching runs on
//! plain ASCII search keys (accents folded, lower case) built once per record.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// ASCII, lower-case form of `text`: "José García" -> "jose garcia".
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_ascii_lowercase()
}

/// Scores search keys against one query.
pub struct Matcher {
    inner: SkimMatcherV2,
    query: String,
}

impl Matcher {
    pub fn new(query: &str) -> Self {
        Matcher {
            inner: SkimMatcherV2::default().ignore_case(),
            query: fold(query.trim()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
    }

    /// A higher score is a better match; `None` is no match. An empty query matches everything.
    pub fn score(&self, key: &str) -> Option<i64> {
        if self.query.is_empty() {
            return Some(0);
        }
        self.inner.fuzzy_match(key, &self.query)
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
    }

    #[test]
    fn closer_matches_score_higher() {
        let m = Matcher::new("garcia");
        let exact = m.score("ana garcia").unwrap();
        let loose = m.score("gareth ravensworth ca ia").unwrap_or(i64::MIN);
        assert!(exact > loose);
    }
}
