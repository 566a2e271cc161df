//! What is personal, defined once. Every output asks here: the dashboard under the privacy
//! screen, `--private` on one-shot commands (find, export, reports), copy (`y`), and error
//! messages (which never quote a personal value at all).
//!
//! Personal are: a person's name (shown as initials), email, race, PAR or special evaluation,
//! retirement, notes of every kind (intake, consultation, waitlist, pop-up, mentoring pair) and
//! mentoring log topics. Ids, positions, places, dates and counts are not: they are what the
//! team works from with the screen covered.

use crate::domain::initials;
use std::borrow::Cow;

/// A kind of personal value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sensitive {
    /// A person's name: initials under the mask.
    Name,
    Email,
    Race,
    /// PAR or special evaluation status.
    Evaluation,
    Retirement,
    /// Notes of every kind: intake, consultation, waitlist, pop-up, mentoring pair.
    Note,
    /// What a mentoring log says was discussed.
    MentoringTopics,
}

impl Sensitive {
    pub const ALL: [Sensitive; 7] = [
        Sensitive::Name,
        Sensitive::Email,
        Sensitive::Race,
        Sensitive::Evaluation,
        Sensitive::Retirement,
        Sensitive::Note,
        Sensitive::MentoringTopics,
    ];

    /// What the value is, in words (for messages that name a value instead of quoting it).
    pub fn label(self) -> &'static str {
        match self {
            Sensitive::Name => "name",
            Sensitive::Email => "email",
            Sensitive::Race => "race",
            Sensitive::Evaluation => "evaluation status",
            Sensitive::Retirement => "retirement date",
            Sensitive::Note => "note",
            Sensitive::MentoringTopics => "topics",
        }
    }
}

/// How one output shows personal values: as they are, or masked (the privacy screen,
/// `--private`). A masked name becomes initials; any other masked value becomes `hidden`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mask {
    on: bool,
    hidden: &'static str,
}

impl Mask {
    /// Everything shown.
    pub const OFF: Mask = Mask {
        on: false,
        hidden: "",
    };

    /// For a screen: a hidden value shows as `••••`, so the reader sees that something is there.
    pub fn screen(on: bool) -> Mask {
        Mask {
            on, hidden: "••••"
        }
    }

    /// For a file or a line of output: a hidden value is left empty.
    pub fn file(on: bool) -> Mask {
        Mask { on, hidden: "" }
    }

    pub fn is_on(self) -> bool {
        self.on
    }

    /// Whether a value of this kind is left out (a name is never left out, it becomes initials).
    pub fn hides(self, what: Sensitive) -> bool {
        self.on && what != Sensitive::Name
    }

    /// A person's full name as this output may show it.
    pub fn name(self, full_name: &str) -> Cow<'_, str> {
        self.show(Sensitive::Name, full_name)
    }

    /// `value`, a `what`, as this output may show it.
    pub fn show(self, what: Sensitive, value: &str) -> Cow<'_, str> {
        match (self.on, what) {
            (false, _) => Cow::Borrowed(value),
            (true, Sensitive::Name) => Cow::Owned(initials(value)),
            (true, _) => Cow::Borrowed(self.hidden),
        }
    }

    /// A rule that refused something, as this output may show it: a rule that rests on a
    /// personal fact (an evaluation) is not named under the mask, only counted.
    pub fn rule<'a>(self, rule: &'a Rule) -> Cow<'a, str> {
        match rule.rests_on {
            Some(what) if self.hides(what) => {
                Cow::Borrowed("a confidential rule (hidden by the privacy screen)")
            }
            _ => Cow::Borrowed(&rule.text),
        }
    }
}

/// A rule that failed, in words, and the personal fact it rests on if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub text: String,
    pub rests_on: Option<Sensitive>,
}

impl Rule {
    pub fn new(text: impl Into<String>) -> Rule {
        Rule {
            text: text.into(),
            rests_on: None,
        }
    }

    pub fn about(what: Sensitive, text: impl Into<String>) -> Rule {
        Rule {
            text: text.into(),
            rests_on: Some(what),
        }
    }
}

impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// What kind of personal value a stored field holds, by its record kind (table name) and field
/// name: for outputs that walk stored fields generically (the change history).
pub fn stored_field(table: &str, field: &str) -> Option<Sensitive> {
    Some(match (table, field) {
        ("employees", "first_name" | "last_name") => Sensitive::Name,
        ("employees", "email") => Sensitive::Email,
        ("employees", "race") => Sensitive::Race,
        ("employees", "in_evaluation") => Sensitive::Evaluation,
        ("employees", "retirement_date") => Sensitive::Retirement,
        ("intakes" | "consultations" | "mentoring_pairs", "notes") => Sensitive::Note,
        ("waitlist" | "popup_events", "note") => Sensitive::Note,
        ("mentor_logs", "topics") => Sensitive::MentoringTopics,
        _ => return None,
    })
}

/// Stored fields confidential by program rule (mentoring conversations): written only when the
/// user asks (`--confidential`), whatever the mask.
pub fn confidential_field(table: &str, field: &str) -> bool {
    matches!(
        (table, field),
        ("mentor_logs", "topics") | ("mentoring_pairs", "notes")
    )
}

/// A value cited in an error message: in quotes, cut short and made inert; a personal value is
/// named, never quoted (errors and logs carry no personal data, `--private` or not).
pub fn cite(what: Option<Sensitive>, value: &str) -> String {
    match what {
        Some(what) => format!("the {} given", what.label()),
        None => format!(
            "\"{}\"",
            crate::text::inert(&crate::domain::truncate_for_message(value))
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_names_are_initials_and_the_rest_is_hidden() {
        let screen = Mask::screen(true);
        assert_eq!(screen.name("Ana García"), "A. G.");
        assert_eq!(screen.show(Sensitive::Email, "ana@district.org"), "••••");
        assert_eq!(Mask::file(true).show(Sensitive::Note, "called twice"), "");
        for what in Sensitive::ALL {
            assert_eq!(Mask::screen(false).show(what, "x y"), "x y");
            assert_eq!(Mask::OFF.show(what, "x y"), "x y");
            assert_eq!(screen.hides(what), what != Sensitive::Name);
        }
    }

    #[test]
    fn a_rule_on_an_evaluation_is_not_named_under_the_mask() {
        let par = Rule::about(Sensitive::Evaluation, "mentee is in PAR or special evaluation");
        let plain = Rule::new("mentor is not active");
        assert!(!Mask::screen(true).rule(&par).contains("PAR"));
        assert_eq!(Mask::screen(false).rule(&par), par.text);
        assert_eq!(Mask::screen(true).rule(&plain), "mentor is not active");
    }

    #[test]
    fn stored_fields_are_named_once() {
        assert_eq!(stored_field("employees", "last_name"), Some(Sensitive::Name));
        assert_eq!(
            stored_field("employees", "in_evaluation"),
            Some(Sensitive::Evaluation)
        );
        assert_eq!(stored_field("waitlist", "note"), Some(Sensitive::Note));
        assert_eq!(stored_field("employees", "position"), None);
        assert!(confidential_field("mentor_logs", "topics"));
        assert!(!confidential_field("intakes", "notes"));
    }

    #[test]
    fn errors_name_personal_values_and_quote_the_rest() {
        assert_eq!(cite(Some(Sensitive::Email), "ana@@district"), "the email given");
        assert_eq!(cite(None, "maybe\u{1b}]0;x"), "\"maybe\\u{1b}]0;x\"");
    }
}
