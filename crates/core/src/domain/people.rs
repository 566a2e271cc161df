//! Employees and locations: one record per person, many roles across the programs.

use super::{FieldError, Id, full_years_between, is_plausible_email};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The chapter value for staff outside the union (substitutes, temporary part-time). A real
/// value, not a stand-in for "not known": that is `None`.
pub const NO_CHAPTER: &str = "N/A";

/// How every screen, report and message shows a value nobody has entered yet.
pub const UNKNOWN: &str = "unknown";

/// The group breakdowns count people without a known chapter in (apart from N/A).
pub const UNKNOWN_CHAPTER: &str = "Unknown";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Race {
    White,
    Black,
    Hispanic,
    Asian,
    TwoOrMore,
    AmericanIndian,
    PacificIslander,
    Unknown,
}
crate::choice!(Race {
    White => "White",
    Black => "Black or African American",
    Hispanic => "Hispanic",
    Asian => "Asian",
    TwoOrMore => "Two or more races",
    AmericanIndian => "American Indian or Alaska Native",
    PacificIslander => "Native Hawaiian or Pacific Islander",
    Unknown => "Unknown",
});

impl Race {
    /// A race as HR systems and forms write it: the label, or a common other wording
    /// ("Black", "Hispanic/Latino", "Two or More Races", "Not specified"...). Case and
    /// punctuation do not matter.
    pub fn from_text(text: &str) -> Option<Race> {
        use super::Choice;
        if let Some(r) = Race::parse(text) {
            return Some(r);
        }
        let key: String = text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .flat_map(char::to_lowercase)
            .collect();
        Some(match key.as_str() {
            "white" | "caucasian" => Race::White,
            "black" | "africanamerican" | "blackafricanamerican" => Race::Black,
            "hispanic" | "latino" | "latina" | "latinx" | "hispaniclatino" | "hispanicorlatino"
            | "hispaniclatinx" => Race::Hispanic,
            "asian" | "asianamerican" => Race::Asian,
            "twoormore" | "twoormoreraces" | "multiracial" | "multiple" | "multipleraces" => Race::TwoOrMore,
            "americanindian" | "alaskanative" | "americanindianalaskanative" | "nativeamerican" => {
                Race::AmericanIndian
            }
            "pacificislander"
            | "nativehawaiian"
            | "nativehawaiianpacificislander"
            | "nativehawaiianorotherpacificislander" => Race::PacificIslander,
            "unknown" | "notspecified" | "declined" | "declinedtostate" | "prefernottosay" => Race::Unknown,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EmploymentStatus {
    Permanent,
    Temporary,
    Substitute,
}
crate::choice!(EmploymentStatus {
    Permanent => "permanent",
    Temporary => "temporary",
    Substitute => "substitute",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Employee {
    pub id: Id,
    /// The district's employee id (as text: leading zeros matter).
    pub employee_number: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub position: String,
    pub location_id: Option<Id>,
    /// Union chapter (a name from the chapter list), `NO_CHAPTER` for staff outside the union,
    /// `None` while nobody knows.
    pub chapter: Option<String>,
    /// Self-reported; `Race::Unknown` while nobody knows.
    pub race: Race,
    #[serde(with = "crate::domain::dates::option")]
    pub hire_date: Option<NaiveDate>,
    #[serde(with = "crate::domain::dates::option")]
    pub position_start: Option<NaiveDate>,
    /// `None` while nobody knows (a person created from an intake).
    pub status: Option<EmploymentStatus>,
    /// In PAR (peer assistance and review) or special evaluation; `None` while nobody knows.
    pub in_evaluation: Option<bool>,
    #[serde(with = "crate::domain::dates::option")]
    pub retirement_date: Option<NaiveDate>,
    pub supervisor_id: Option<Id>,
}

impl Employee {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// "Garcia, Ana" sorts the way the team reads rosters.
    pub fn sort_name(&self) -> String {
        format!("{}, {}", self.last_name, self.first_name)
    }

    /// A person as an intake or a pop-up knows them: every HR fact unknown.
    pub fn unknown(employee_number: String, first_name: String, last_name: String, email: String) -> Self {
        Employee {
            id: 0,
            employee_number,
            first_name,
            last_name,
            email,
            position: String::new(),
            location_id: None,
            chapter: None,
            race: Race::Unknown,
            hire_date: None,
            position_start: None,
            status: None,
            in_evaluation: None,
            retirement_date: None,
            supervisor_id: None,
        }
    }

    /// The chapter as shown: its name, "N/A", or "unknown".
    pub fn chapter_label(&self) -> &str {
        self.chapter.as_deref().unwrap_or(UNKNOWN)
    }

    /// The chapter group a breakdown counts this person in: the chapter, N/A, or "Unknown".
    pub fn chapter_group(&self) -> &str {
        self.chapter.as_deref().unwrap_or(UNKNOWN_CHAPTER)
    }

    /// The employment status as shown: "permanent", "temporary", "substitute" or "unknown".
    pub fn status_label(&self) -> &'static str {
        self.status.map_or(UNKNOWN, super::Choice::label)
    }

    /// Whether in PAR or special evaluation, as shown: "yes", "no" or "unknown".
    pub fn evaluation_label(&self) -> &'static str {
        match self.in_evaluation {
            Some(true) => "yes",
            Some(false) => "no",
            None => UNKNOWN,
        }
    }

    pub fn years_of_service(&self, on: NaiveDate) -> Option<u32> {
        self.hire_date.map(|h| full_years_between(h, on))
    }

    pub fn validate(&self) -> Result<(), FieldError> {
        if self.first_name.trim().is_empty() {
            return Err(FieldError::new("first name", "a first name is required"));
        }
        if self.last_name.trim().is_empty() {
            return Err(FieldError::new("last name", "a last name is required"));
        }
        if self.employee_number.trim().is_empty() && self.email.trim().is_empty() {
            return Err(FieldError::new(
                "employee id",
                "an employee id or an email is required",
            ));
        }
        if !self.email.trim().is_empty() && !is_plausible_email(&self.email) {
            return Err(FieldError::new(
                "email",
                "not an email address (name@district.org)",
            ));
        }
        if let (Some(h), Some(p)) = (self.hire_date, self.position_start)
            && p < h
        {
            return Err(FieldError::new(
                "position start",
                "started in the position before being hired",
            ));
        }
        if let Some(chapter) = &self.chapter
            && chapter.trim().is_empty()
        {
            return Err(FieldError::new(
                "chapter",
                "a chapter name, N/A (outside the union), or unknown",
            ));
        }
        if self.supervisor_id.is_some() && self.supervisor_id == Some(self.id) && self.id != 0 {
            return Err(FieldError::new(
                "supervisor",
                "a person cannot be their own supervisor",
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LocationKind {
    Elementary,
    Middle,
    High,
    Special,
    Office,
    ServiceCenter,
    Depot,
}
crate::choice!(LocationKind {
    Elementary => "elementary school",
    Middle => "middle school",
    High => "high school",
    Special => "special school",
    Office => "office",
    ServiceCenter => "service center",
    Depot => "depot",
});

impl LocationKind {
    pub fn is_school(self) -> bool {
        matches!(self, Self::Elementary | Self::Middle | Self::High | Self::Special)
    }

    /// A new location's kind from its name (an import met it); the team corrects it when
    /// reviewing.
    pub fn guess(name: &str) -> LocationKind {
        let n = name.to_lowercase();
        let has = |w: &str| n.split(|c: char| !c.is_alphanumeric()).any(|x| x == w);
        if n.contains("elementary") || has("es") {
            LocationKind::Elementary
        } else if n.contains("middle") || has("ms") {
            LocationKind::Middle
        } else if n.contains("high") || has("hs") {
            LocationKind::High
        } else if n.contains("depot") || n.contains("transportation") {
            LocationKind::Depot
        } else if n.contains("service center") {
            LocationKind::ServiceCenter
        } else if n.contains("school") || n.contains("academy") {
            LocationKind::Special
        } else {
            LocationKind::Office
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub id: Id,
    pub name: String,
    pub kind: LocationKind,
    /// Supporting-services employees who work there; `None` until someone says (a location an
    /// intake or the HR roster brought in has no size, and 0 would read as a fact).
    pub employees: Option<u32>,
}

impl Location {
    /// The size counted in sums: a location of unknown size adds nothing (and callers say how
    /// many sizes are unknown beside the sum).
    pub fn counted_employees(&self) -> u64 {
        self.employees.map_or(0, u64::from)
    }

    /// The size in a table's column: the number, or `?`.
    pub fn employees_cell(&self) -> String {
        self.employees.map_or("?".into(), |n| n.to_string())
    }

    /// The size as shown: the number, or "size unknown".
    pub fn employees_label(&self) -> String {
        match self.employees {
            Some(n) => crate::text::count(n as usize, "employee"),
            None => "size unknown".into(),
        }
    }

    pub fn validate(&self) -> Result<(), FieldError> {
        if self.name.trim().is_empty() {
            return Err(FieldError::new("name", "a location name is required"));
        }
        if self.employees.is_some_and(|n| n > 5_000) {
            return Err(FieldError::new(
                "employees",
                "more than 5,000 employees at one site",
            ));
        }
        Ok(())
    }
}

/// Initials for the privacy screen: "Ana Garcia" -> "A. G."
pub fn initials(full_name: &str) -> String {
    full_name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Choice;

    pub(crate) fn employee() -> Employee {
        Employee {
            id: 1,
            employee_number: "012345".into(),
            first_name: "Ana".into(),
            last_name: "García".into(),
            email: "ana_garcia@district.org".into(),
            position: "Paraeducator".into(),
            location_id: None,
            chapter: Some(NO_CHAPTER.into()),
            race: Race::Hispanic,
            hire_date: NaiveDate::from_ymd_opt(2015, 3, 1),
            position_start: NaiveDate::from_ymd_opt(2019, 3, 1),
            status: Some(EmploymentStatus::Permanent),
            in_evaluation: Some(false),
            retirement_date: None,
            supervisor_id: None,
        }
    }

    #[test]
    fn employee_validation_names_the_field() {
        assert!(employee().validate().is_ok());
        let mut e = employee();
        e.first_name = " ".into();
        assert_eq!(e.validate().unwrap_err().field, "first name");
        let mut e = employee();
        e.email = "nope".into();
        assert_eq!(e.validate().unwrap_err().field, "email");
        let mut e = employee();
        e.position_start = NaiveDate::from_ymd_opt(2010, 1, 1);
        assert_eq!(e.validate().unwrap_err().field, "position start");
        let mut e = employee();
        e.chapter = Some(" ".into());
        assert_eq!(e.validate().unwrap_err().field, "chapter");
        let mut e = employee();
        e.supervisor_id = Some(e.id);
        assert_eq!(e.validate().unwrap_err().field, "supervisor");
    }

    #[test]
    fn unknown_is_shown_as_unknown_and_na_as_na() {
        let e = Employee::unknown("1".into(), "Ana".into(), "Garcia".into(), String::new());
        assert_eq!(
            (e.chapter_label(), e.status_label(), e.evaluation_label()),
            ("unknown", "unknown", "unknown")
        );
        assert_eq!(e.race, Race::Unknown);
        let known = employee();
        assert_eq!(
            (
                known.chapter_label(),
                known.status_label(),
                known.evaluation_label()
            ),
            ("N/A", "permanent", "no")
        );
    }

    #[test]
    fn choices_parse_case_insensitively() {
        assert_eq!(Race::parse("black or african american"), Some(Race::Black));
        assert_eq!(LocationKind::parse(" Depot "), Some(LocationKind::Depot));
        assert_eq!(Race::parse("martian"), None);
    }

    #[test]
    fn races_as_hr_systems_write_them() {
        assert_eq!(Race::from_text("Hispanic/Latino"), Some(Race::Hispanic));
        assert_eq!(Race::from_text("BLACK"), Some(Race::Black));
        assert_eq!(Race::from_text("Two or More Races"), Some(Race::TwoOrMore));
        assert_eq!(
            Race::from_text("Native Hawaiian or Other Pacific Islander"),
            Some(Race::PacificIslander)
        );
        assert_eq!(Race::from_text("Declined to state"), Some(Race::Unknown));
        assert_eq!(Race::from_text("Martian"), None);
        for r in Race::ALL {
            assert_eq!(Race::from_text(r.label()), Some(*r));
        }
    }

    #[test]
    fn location_kinds_are_guessed_from_names() {
        assert_eq!(
            LocationKind::guess("Lincoln Elementary"),
            LocationKind::Elementary
        );
        assert_eq!(LocationKind::guess("Sherwood HS"), LocationKind::High);
        assert_eq!(LocationKind::guess("North Depot"), LocationKind::Depot);
        assert_eq!(LocationKind::guess("Payroll"), LocationKind::Office);
    }

    #[test]
    fn initials_mask_names() {
        assert_eq!(initials("Ana García"), "A. G.");
        assert_eq!(initials(""), "");
    }
}
