//! The program's small reference lists: union chapters and the team members who own queue items.
//! People carry a chapter's name and intakes an owner's name; the list says which names exist,
//! and renaming or merging an entry rewrites every record that carries its name.

use super::{FieldError, Id, NO_CHAPTER, UNKNOWN};
use serde::{Deserialize, Serialize};

/// A union chapter on the program's list. "N/A" (outside the union) is not on it: it is a fixed
/// value every person may have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub id: Id,
    pub name: String,
}

/// A team member a queue item can belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub id: Id,
    pub name: String,
}

/// Checks a new or changed name for a list of `what` ("chapter", "owner") against the names
/// already on it (`others`, without the entry being renamed).
pub fn check_list_name<'a>(
    what: &'static str,
    name: &str,
    others: impl IntoIterator<Item = &'a str>,
) -> Result<(), FieldError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(FieldError::new(what, format!("a {what} name is required")));
    }
    if name.chars().count() > 80 {
        return Err(FieldError::new(what, "at most 80 characters"));
    }
    if what == "chapter" && (name.eq_ignore_ascii_case(NO_CHAPTER) || name.eq_ignore_ascii_case(UNKNOWN)) {
        return Err(FieldError::new(
            what,
            format!("\"{name}\" is not a chapter: N/A and unknown are values every person may have"),
        ));
    }
    if let Some(same) = others.into_iter().find(|o| same_name(o, name)) {
        return Err(FieldError::new(
            what,
            format!("\"{same}\" is already on the list (to fold one into the other, merge them)"),
        ));
    }
    Ok(())
}

/// Names on a list compare without case and surrounding spaces: "Paraeducators " is "paraeducators".
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    // Without a copy where it can (a queue filter compares every intake's owner): the same
    // text, or ASCII text (whose lowercase is ASCII's); other text as `to_lowercase` has it.
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.to_lowercase() == b.to_lowercase()
}

/// A list's names: the stored entries and any other `in_use` value (records written before the
/// list existed), each once, sorted without case.
pub fn list_names<'a>(
    stored: impl IntoIterator<Item = &'a str>,
    in_use: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let mut seen = std::collections::BTreeMap::new();
    // The few names in use recur on every record: each text is lowercased once.
    let mut met = std::collections::HashSet::new();
    for name in stored.into_iter().chain(in_use) {
        let name = name.trim();
        if !name.is_empty() && met.insert(name) {
            seen.entry(name.to_lowercase())
                .or_insert_with(|| name.to_string());
        }
    }
    seen.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_as_their_lowercase_without_surrounding_spaces() {
        for (a, b) in [
            ("Paraeducators ", "paraeducators"),
            ("N/A", "n/a"),
            ("García", "GARCÍA"),
            ("ΟΔΟΣ", "οδος"),
            ("Ünïcode", "ünïCODE"),
        ] {
            assert_eq!(
                same_name(a, b),
                a.trim().to_lowercase() == b.trim().to_lowercase(),
                "{a} {b}"
            );
            assert!(same_name(a, b), "{a} {b}");
        }
        for (a, b) in [("Maria", "Mario"), ("García", "Garcia"), ("a b", "ab")] {
            assert!(!same_name(a, b), "{a} {b}");
        }
        // The first spelling met names the entry; each name once, sorted without case.
        assert_eq!(
            list_names(["Fiscal ", "paras"], ["Paras", "fiscal", "", "Clerical", "paras"]),
            vec!["Clerical", "Fiscal", "paras"]
        );
    }

    #[test]
    fn names_are_required_unique_and_not_reserved() {
        assert!(check_list_name("chapter", "Paraeducators", ["Fiscal"]).is_ok());
        let e = check_list_name("chapter", " paraeducators ", ["Paraeducators"]).unwrap_err();
        assert!(e.reason.contains("already on the list"), "{}", e.reason);
        assert_eq!(check_list_name("owner", " ", []).unwrap_err().field, "owner");
        assert!(check_list_name("chapter", "n/a", []).is_err());
        assert!(check_list_name("chapter", "Unknown", []).is_err());
        assert!(
            check_list_name("owner", "N/A", []).is_ok(),
            "only chapters reserve N/A"
        );
    }

    #[test]
    fn a_list_is_stored_names_and_names_in_use_once_each() {
        let names = list_names(["Fiscal", "Building Services"], ["fiscal ", "", "Transportation"]);
        assert_eq!(names, vec!["Building Services", "Fiscal", "Transportation"]);
    }
}
