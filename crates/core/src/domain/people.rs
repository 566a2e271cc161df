//! Employees and locations: one record per person, many roles across the programs.

use super::{FieldError, Id, full_years_between, is_plausible_email};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The chapter value for staff outside the union (substitutes, temporary part-time).
pub const NO_CHAPTER: &str = "N/A";

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
    /// Union chapter, or `NO_CHAPTER`.
    pub chapter: String,
    pub race: Race,
    pub hire_date: Option<NaiveDate>,
    pub position_start: Option<NaiveDate>,
    pub status: EmploymentStatus,
    /// In PAR (peer assistance and review) or special evaluation.
    pub in_evaluation: bool,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub id: Id,
    pub name: String,
    pub kind: LocationKind,
    /// Supporting-services employees who work there.
    pub employees: u32,
}

impl Location {
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.name.trim().is_empty() {
            return Err(FieldError::new("name", "a location name is required"));
        }
        if self.employees > 5_000 {
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
            chapter: NO_CHAPTER.into(),
            race: Race::Hispanic,
            hire_date: NaiveDate::from_ymd_opt(2015, 3, 1),
            position_start: NaiveDate::from_ymd_opt(2019, 3, 1),
            status: EmploymentStatus::Permanent,
            in_evaluation: false,
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
    }

    #[test]
    fn choices_parse_case_insensitively() {
        assert_eq!(Race::parse("black or african american"), Some(Race::Black));
        assert_eq!(LocationKind::parse(" Depot "), Some(LocationKind::Depot));
        assert_eq!(Race::parse("martian"), None);
    }

    #[test]
    fn initials_mask_names() {
        assert_eq!(initials("Ana García"), "A. G.");
        assert_eq!(initials(""), "");
    }
}
