//! One way to find a person or a place from what someone typed or what a spreadsheet holds. Every
//! form, every import and the command line use it, so `blair` means Blair High School everywhere
//! and accents, case and leading zeros are treated alike everywhere.
//!
//! People: an employee id (exactly, else ignoring leading zeros a spreadsheet dropped, when that
//! is one person), an email (any case), or a name ("Ana Garcia", "Garcia, Ana", or a part only one
//! person has; whole words before word beginnings). Places: the name (accents, case and spacing
//! ignored), else the one place whose words begin with the typed words (`blair hs` too), else the
//! one containing the text; an unknown name comes back with the closest known names.

use crate::domain::{Employee, Id, Location, initials};
use crate::keys::PeopleKeys;
use crate::search::Matcher;
use crate::text::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Why a lookup found no single record. Messages never quote a typed name or email (they may be
/// on a screen under the privacy cover); callers add candidates with [`People::candidates`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("type an employee id (e.g. 100037), an email or a name")]
    Empty,
    #[error("no employee has the id {0}")]
    NoSuchId(String),
    #[error("no employee has that email")]
    NoSuchEmail,
    #[error("no employee has that name; type the employee id or the full name")]
    NoSuchName,
    /// `closest` are the best-scoring known places, best first.
    #[error("no location has that name")]
    NoSuchPlace { closest: Vec<Id> },
    /// Several match: up to a few of them, and how many in all.
    #[error("{count} match; type more of the name or the employee id")]
    Ambiguous { ids: Vec<Id>, count: usize },
}

/// How many candidates an ambiguous lookup keeps to show.
const SHOWN: usize = 4;

/// The district's employee id without the leading zeros a spreadsheet may drop.
pub(crate) fn bare_number(number: &str) -> &str {
    let t = number.trim();
    let bare = t.trim_start_matches('0');
    if bare.is_empty() && !t.is_empty() {
        "0"
    } else {
        bare
    }
}

/// Words of a folded name or query: "garcia, ana" -> ["garcia", "ana"].
fn words(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Finds employees. `new` builds hash lookups for many lookups (an import, a sheet); `scanning`
/// builds nothing and each lookup reads the list once; `sorted` binary-searches the sorted
/// positions a dataset keeps (`Dataset::people`, a form's lookup: a million records cost no
/// pass over the people and no hash map of them). All find the same person.
pub struct People<'a> {
    employees: &'a [Employee],
    /// None: each lookup scans (unless `keys`).
    maps: Option<Maps<'a>>,
    keys: Option<PeopleKeys<'a>>,
    names: OnceLock<Vec<Vec<String>>>,
}

/// The hash lookups of an indexed `People`.
struct Maps<'a> {
    by_number: HashMap<&'a str, usize>,
    by_bare_number: HashMap<&'a str, Vec<usize>>,
    by_email: HashMap<String, usize>,
}

/// Whether two emails are the same in any case (as `to_lowercase` compares them).
fn same_email(a: &str, b: &str) -> bool {
    cmp_email(a, b).is_eq()
}

/// Orders emails by their `to_lowercase`, so those `same_email` finds the same sit together.
pub(crate) fn cmp_email(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        a.bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
    } else {
        a.to_lowercase().cmp(&b.to_lowercase())
    }
}

/// Whether every query word is a word of the person's name (whole), and whether each begins
/// one: the words of `fold(full_name)`, without folding an ASCII name (its fold is its lower
/// case, and the space between the names splits like any other).
fn name_matches(e: &Employee, query: &[String]) -> (bool, bool) {
    fn split(t: &str) -> impl Iterator<Item = &str> {
        t.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
    }
    let folded;
    let name: Vec<&str> = if e.first_name.is_ascii() && e.last_name.is_ascii() {
        split(&e.first_name).chain(split(&e.last_name)).collect()
    } else {
        folded = fold(&e.full_name());
        split(&folded).collect()
    };
    let begins_with =
        |n: &str, q: &str| n.len() >= q.len() && n.as_bytes()[..q.len()].eq_ignore_ascii_case(q.as_bytes());
    let whole = query
        .iter()
        .all(|q| name.iter().any(|n| n.eq_ignore_ascii_case(q)));
    let begins = whole || query.iter().all(|q| name.iter().any(|n| begins_with(n, q)));
    (whole, begins)
}

impl<'a> People<'a> {
    /// Hash lookups over `employees`, for many lookups.
    pub fn new(employees: &'a [Employee]) -> Self {
        let mut by_number = HashMap::with_capacity(employees.len());
        let mut by_bare_number: HashMap<&str, Vec<usize>> = HashMap::with_capacity(employees.len());
        let mut by_email = HashMap::with_capacity(employees.len());
        for (i, e) in employees.iter().enumerate() {
            let number = e.employee_number.trim();
            if !number.is_empty() {
                by_number.entry(number).or_insert(i);
                by_bare_number.entry(bare_number(number)).or_default().push(i);
            }
            let email = e.email.trim();
            if !email.is_empty() {
                by_email.entry(email.to_lowercase()).or_insert(i);
            }
        }
        People {
            employees,
            maps: Some(Maps {
                by_number,
                by_bare_number,
                by_email,
            }),
            keys: None,
            names: OnceLock::new(),
        }
    }

    /// No index: each lookup reads `employees` once (a form's lookup).
    pub fn scanning(employees: &'a [Employee]) -> Self {
        People {
            employees,
            maps: None,
            keys: None,
            names: OnceLock::new(),
        }
    }

    /// Lookups through `keys`, the sorted positions of `employees` (a dataset's; when they are
    /// None, or not made over these employees, each lookup scans).
    pub(crate) fn sorted(employees: &'a [Employee], keys: Option<PeopleKeys<'a>>) -> Self {
        People {
            keys,
            ..People::scanning(employees)
        }
    }

    /// The employee with this employee id: exactly, else ignoring leading zeros when only one
    /// employee then matches.
    pub fn by_number(&self, number: &str) -> Option<&'a Employee> {
        let number = number.trim();
        if number.is_empty() {
            return None;
        }
        if let Some(keys) = &self.keys {
            if let Some(i) = keys.number(self.employees, number) {
                return self.employees.get(i);
            }
            return match keys.bare_number(self.employees, bare_number(number)) {
                [&[i], &[]] | [&[], &[i]] => self.employees.get(i as usize),
                _ => None,
            };
        }
        let Some(maps) = &self.maps else {
            let numbered = || {
                self.employees
                    .iter()
                    .filter(|e| !e.employee_number.trim().is_empty())
            };
            if let Some(e) = numbered().find(|e| e.employee_number.trim() == number) {
                return Some(e);
            }
            let bare = bare_number(number);
            let mut found = numbered().filter(|e| bare_number(&e.employee_number) == bare);
            return match (found.next(), found.next()) {
                (Some(e), None) => Some(e),
                _ => None,
            };
        };
        if let Some(&i) = maps.by_number.get(number) {
            return Some(&self.employees[i]);
        }
        match maps.by_bare_number.get(bare_number(number)).map(Vec::as_slice) {
            Some([i]) => Some(&self.employees[*i]),
            _ => None,
        }
    }

    /// The employee with this email, in any case.
    pub fn by_email(&self, email: &str) -> Option<&'a Employee> {
        let email = email.trim();
        if email.is_empty() {
            return None;
        }
        if let Some(keys) = &self.keys {
            return keys
                .email(self.employees, email)
                .and_then(|i| self.employees.get(i));
        }
        match &self.maps {
            Some(maps) => maps
                .by_email
                .get(&email.to_lowercase())
                .map(|&i| &self.employees[i]),
            None => self.employees.iter().find(|e| {
                let theirs = e.email.trim();
                !theirs.is_empty() && same_email(theirs, email)
            }),
        }
    }

    /// How a sheet row names a person: by employee id, else by email.
    pub fn by_keys(&self, number: &str, email: &str) -> Option<&'a Employee> {
        self.by_number(number).or_else(|| self.by_email(email))
    }

    /// One employee from what was typed in one field: an employee id (digits, optionally
    /// followed by anything, so "100037 Ana Garcia" works), an email, or a name.
    pub fn find(&self, text: &str) -> Result<&'a Employee, LookupError> {
        let t = text.trim();
        let Some(first) = t.split_whitespace().next() else {
            return Err(LookupError::Empty);
        };
        if first.chars().all(|c| c.is_ascii_digit()) {
            return self
                .by_number(first)
                .ok_or_else(|| LookupError::NoSuchId(crate::domain::truncate_for_message(first)));
        }
        if first.contains('@') {
            return self.by_email(first).ok_or(LookupError::NoSuchEmail);
        }
        self.by_name(t)
    }

    /// One employee by name: every typed word is a whole word of the name, else the beginning
    /// of one (so "Ana Garcia" is not "Ana Garcias" when both exist).
    pub fn by_name(&self, text: &str) -> Result<&'a Employee, LookupError> {
        let query = words(&fold(text));
        if query.is_empty() {
            return Err(LookupError::Empty);
        }
        if self.maps.is_none() {
            let (mut whole, mut begins) = (Vec::new(), Vec::new());
            for (i, e) in self.employees.iter().enumerate() {
                let (w, b) = name_matches(e, &query);
                if w {
                    whole.push(i);
                }
                if b {
                    begins.push(i);
                }
            }
            let found = if whole.is_empty() { begins } else { whole };
            return self.one_of(&found);
        }
        let names = self.names.get_or_init(|| {
            self.employees
                .iter()
                .map(|e| words(&fold(&e.full_name())))
                .collect()
        });
        let matching = |whole: bool| -> Vec<usize> {
            names
                .iter()
                .enumerate()
                .filter(|(_, name)| {
                    query.iter().all(|q| {
                        name.iter()
                            .any(|n| if whole { n == q } else { n.starts_with(q.as_str()) })
                    })
                })
                .map(|(i, _)| i)
                .collect()
        };
        let mut found = matching(true);
        if found.is_empty() {
            found = matching(false);
        }
        self.one_of(&found)
    }

    /// The one employee among `found` (indexes), or why not.
    fn one_of(&self, found: &[usize]) -> Result<&'a Employee, LookupError> {
        match found {
            [] => Err(LookupError::NoSuchName),
            [one] => Ok(&self.employees[*one]),
            many => Err(LookupError::Ambiguous {
                ids: many.iter().take(SHOWN).map(|&i| self.employees[i].id).collect(),
                count: many.len(),
            }),
        }
    }

    /// The candidates of an ambiguous lookup as "100037 Ana Garcia, …" (initials when `private`),
    /// for a message that helps the user pick.
    pub fn candidates(&self, ids: &[Id], count: usize, private: bool) -> String {
        let mut shown: Vec<String> = ids
            .iter()
            .filter_map(|id| self.employees.iter().find(|e| e.id == *id))
            .map(|e| {
                let name = e.full_name();
                let name = if private { initials(&name) } else { name };
                format!("{} {name}", e.employee_number.trim()).trim().to_string()
            })
            .collect();
        if count > ids.len() {
            shown.push("…".into());
        }
        shown.join(", ")
    }

    /// A lookup error in words, with the candidates when several match.
    pub fn explain(&self, error: &LookupError, private: bool) -> String {
        match error {
            LookupError::Ambiguous { ids, count } => format!(
                "{count} employees match: {}; type the employee id",
                self.candidates(ids, *count, private)
            ),
            other => other.to_string(),
        }
    }
}

/// Abbreviations sheets use for school types.
fn expand(word: &str) -> &[&str] {
    match word {
        "hs" => &["high", "school"],
        "ms" => &["middle", "school"],
        "es" => &["elementary", "school"],
        _ => &[],
    }
}

/// Finds locations by name.
pub struct Places<'a> {
    locations: &'a [Location],
    folded: Vec<String>,
    by_name: HashMap<String, usize>,
}

impl<'a> Places<'a> {
    pub fn new(locations: &'a [Location]) -> Self {
        let folded: Vec<String> = locations
            .iter()
            .map(|l| words(&fold(&l.name)).join(" "))
            .collect();
        let by_name = folded
            .iter()
            .enumerate()
            .map(|(i, f)| (f.clone(), i))
            .rev()
            .collect();
        Places {
            locations,
            folded,
            by_name,
        }
    }

    /// The location with exactly this name (accents, case and spacing ignored).
    pub fn exact(&self, name: &str) -> Option<&'a Location> {
        self.by_name
            .get(&words(&fold(name)).join(" "))
            .map(|&i| &self.locations[i])
    }

    /// One location from what was typed: the exact name, else the one whose words begin with
    /// the typed words ("blair" or "blair hs" finds Blair High School), else the one containing
    /// the text. An empty text is `Empty`; callers treat that as "no location" where optional.
    pub fn find(&self, text: &str) -> Result<&'a Location, LookupError> {
        let query = fold(text);
        let query_words = words(&query);
        if query_words.is_empty() {
            return Err(LookupError::Empty);
        }
        if let Some(l) = self.exact(text) {
            return Ok(l);
        }
        let prefixes: Vec<usize> = self
            .folded
            .iter()
            .enumerate()
            .filter(|(_, name)| {
                let name_words: Vec<&str> = name.split(' ').collect();
                query_words.iter().all(|q| {
                    let alternatives = expand(q);
                    name_words.iter().any(|n| n.starts_with(q.as_str()))
                        || (!alternatives.is_empty() && alternatives.iter().all(|a| name_words.contains(a)))
                })
            })
            .map(|(i, _)| i)
            .collect();
        let found = if prefixes.is_empty() {
            let joined = query_words.join(" ");
            self.folded
                .iter()
                .enumerate()
                .filter(|(_, name)| name.contains(joined.as_str()))
                .map(|(i, _)| i)
                .collect()
        } else {
            prefixes
        };
        match found.as_slice() {
            [] => Err(LookupError::NoSuchPlace {
                closest: self.closest(text, 3).into_iter().map(|l| l.id).collect(),
            }),
            [one] => Ok(&self.locations[*one]),
            many => Err(LookupError::Ambiguous {
                ids: many.iter().take(SHOWN).map(|&i| self.locations[i].id).collect(),
                count: many.len(),
            }),
        }
    }

    /// The `n` known names closest to `text` (fuzzy), best first: suggestions for an unknown name.
    pub fn closest(&self, text: &str, n: usize) -> Vec<&'a Location> {
        let mut scored: Vec<(i64, usize)> = Vec::new();
        for word in words(&fold(text)) {
            let matcher = Matcher::new(&word);
            for (i, name) in self.folded.iter().enumerate() {
                if let Some(s) = matcher.score(name) {
                    match scored.iter_mut().find(|(_, j)| *j == i) {
                        Some(entry) => entry.0 += s,
                        None => scored.push((s, i)),
                    }
                }
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(n)
            .map(|(_, i)| &self.locations[i])
            .collect()
    }

    /// A lookup error in words: the places it could mean, or the closest names.
    pub fn explain(&self, error: &LookupError) -> String {
        let names = |ids: &[Id]| -> Vec<&str> {
            ids.iter()
                .filter_map(|id| self.locations.iter().find(|l| l.id == *id))
                .map(|l| l.name.as_str())
                .collect()
        };
        match error {
            LookupError::Ambiguous { ids, count } => format!(
                "{count} locations match: {}{}; type more of the name",
                names(ids).join(", "),
                if *count > ids.len() { ", …" } else { "" }
            ),
            LookupError::NoSuchPlace { closest } if !closest.is_empty() => {
                format!(
                    "no location has that name; closest: {}",
                    names(closest).join(", ")
                )
            }
            LookupError::Empty => "type a location name".into(),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::LocationKind;

    fn person(id: Id, number: &str, first: &str, last: &str, email: &str) -> Employee {
        Employee {
            id,
            ..Employee::unknown(number.into(), first.into(), last.into(), email.into())
        }
    }

    fn staff() -> Vec<Employee> {
        vec![
            person(1, "012345", "Ana", "García", "ana.garcia@district.org"),
            person(2, "100037", "Ana", "Garcias", ""),
            person(3, "100038", "Kofi", "Ines", ""),
            person(4, "100039", "Ines", "Wendell", ""),
            person(5, "100040", "Wendell", "Okafor", ""),
            person(6, "100041", "Wendella", "Moss", ""),
        ]
    }

    #[test]
    fn people_by_id_email_and_name() {
        let staff = staff();
        for p in [People::new(&staff), People::scanning(&staff)] {
            finds_people(&p);
        }
    }

    /// The same answers from an indexed lookup and a scanning one.
    fn finds_people(p: &People) {
        assert_eq!(p.find("012345").map(|e| e.id), Ok(1));
        // A spreadsheet dropped the leading zero.
        assert_eq!(p.find("12345").map(|e| e.id), Ok(1));
        assert_eq!(p.find("100037 Ana Garcias").map(|e| e.id), Ok(2));
        assert_eq!(p.find("999"), Err(LookupError::NoSuchId("999".into())));
        assert_eq!(p.find("ANA.GARCIA@district.org").map(|e| e.id), Ok(1));
        assert_eq!(p.find("nobody@district.org"), Err(LookupError::NoSuchEmail));
        assert_eq!(p.find("ana garcia").map(|e| e.id), Ok(1));
        assert_eq!(p.find("Garcia, Ana").map(|e| e.id), Ok(1));
        assert_eq!(p.find("kofi").map(|e| e.id), Ok(3));
        // Whole words first: "wendell" is Ines Wendell and Wendell Okafor, not Wendella Moss.
        assert!(matches!(
            p.find("wendell"),
            Err(LookupError::Ambiguous { count: 2, .. })
        ));
        assert_eq!(p.find("wendella").map(|e| e.id), Ok(6));
        assert_eq!(p.find("   "), Err(LookupError::Empty));
        assert_eq!(p.find("zed"), Err(LookupError::NoSuchName));
    }

    #[test]
    fn ambiguous_people_are_named_with_privacy() {
        let staff = staff();
        let p = People::scanning(&staff);
        let err = p.find("ana").unwrap_err();
        assert_eq!(
            p.explain(&err, false),
            "2 employees match: 012345 Ana García, 100037 Ana Garcias; type the employee id"
        );
        assert_eq!(
            p.explain(&err, true),
            "2 employees match: 012345 A. G., 100037 A. G.; type the employee id"
        );
    }

    fn place(id: Id, name: &str) -> Location {
        Location {
            id,
            name: name.into(),
            kind: LocationKind::High,
            employees: Some(10),
        }
    }

    #[test]
    fn places_by_name_prefix_and_abbreviation() {
        let sites = vec![
            place(1, "Montgomery Blair High School"),
            place(2, "Blair Ewing Center"),
            place(3, "Sherwood Elementary School"),
            place(4, "Sherwood High School"),
            place(5, "Jackson Road Elementary School"),
        ];
        let places = Places::new(&sites);
        assert_eq!(places.find("montgomery blair high school").map(|l| l.id), Ok(1));
        assert_eq!(places.find("  Sherwood   High School ").map(|l| l.id), Ok(4));
        assert_eq!(places.find("blair hs").map(|l| l.id), Ok(1));
        assert_eq!(places.find("sherwood es").map(|l| l.id), Ok(3));
        assert_eq!(places.find("ewing").map(|l| l.id), Ok(2));
        assert!(matches!(
            places.find("blair"),
            Err(LookupError::Ambiguous { count: 2, .. })
        ));
        let Err(err) = places.find("jakson rd elementry") else {
            panic!("a misspelt name is not found")
        };
        assert!(
            places.explain(&err).contains("Jackson Road Elementary School"),
            "{err:?}"
        );
        assert_eq!(places.find(""), Err(LookupError::Empty));
    }
}
