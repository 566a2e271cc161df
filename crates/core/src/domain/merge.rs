//! Merging two records of one person (found twice: once by email at a pop-up, once by employee
//! id from HR): which value each field takes. The store moves every record that points at either.

use super::{Choice, Employee, UNKNOWN};

/// A fact of a person the merge chooses between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonField {
    EmployeeNumber,
    FirstName,
    LastName,
    Email,
    Position,
    Location,
    Chapter,
    Race,
    HireDate,
    PositionStart,
    Status,
    Evaluation,
    Retirement,
    Supervisor,
}
crate::choice!(PersonField {
    EmployeeNumber => "employee id",
    FirstName => "first name",
    LastName => "last name",
    Email => "email",
    Position => "position",
    Location => "location",
    Chapter => "chapter",
    Race => "race",
    HireDate => "hire date",
    PositionStart => "position start",
    Status => "status",
    Evaluation => "PAR or special evaluation",
    Retirement => "retirement date",
    Supervisor => "supervisor",
});

/// Which record's value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Kept,
    Other,
}

impl PersonField {
    /// The kind of personal value the field holds, if it holds one (`crate::privacy`).
    pub fn sensitive(self) -> Option<crate::privacy::Sensitive> {
        use crate::privacy::Sensitive;
        match self {
            PersonField::FirstName | PersonField::LastName => Some(Sensitive::Name),
            PersonField::Email => Some(Sensitive::Email),
            PersonField::Race => Some(Sensitive::Race),
            PersonField::Evaluation => Some(Sensitive::Evaluation),
            PersonField::Retirement => Some(Sensitive::Retirement),
            _ => None,
        }
    }

    /// Whether `e` has no value for this field (empty text, unknown, none).
    pub fn is_unknown(self, e: &Employee) -> bool {
        use PersonField::*;
        match self {
            EmployeeNumber => e.employee_number.trim().is_empty(),
            FirstName => e.first_name.trim().is_empty(),
            LastName => e.last_name.trim().is_empty(),
            Email => e.email.trim().is_empty(),
            Position => e.position.trim().is_empty(),
            Location => e.location_id.is_none(),
            Chapter => e.chapter.is_none(),
            Race => e.race == super::Race::Unknown,
            HireDate => e.hire_date.is_none(),
            PositionStart => e.position_start.is_none(),
            Status => e.status.is_none(),
            Evaluation => e.in_evaluation.is_none(),
            Retirement => e.retirement_date.is_none(),
            Supervisor => e.supervisor_id.is_none(),
        }
    }

    /// Copies this field's value from `from` into `to`.
    fn copy(self, from: &Employee, to: &mut Employee) {
        use PersonField::*;
        match self {
            EmployeeNumber => to.employee_number = from.employee_number.clone(),
            FirstName => to.first_name = from.first_name.clone(),
            LastName => to.last_name = from.last_name.clone(),
            Email => to.email = from.email.clone(),
            Position => to.position = from.position.clone(),
            Location => to.location_id = from.location_id,
            Chapter => to.chapter = from.chapter.clone(),
            Race => to.race = from.race,
            HireDate => to.hire_date = from.hire_date,
            PositionStart => to.position_start = from.position_start,
            Status => to.status = from.status,
            Evaluation => to.in_evaluation = from.in_evaluation,
            Retirement => to.retirement_date = from.retirement_date,
            Supervisor => to.supervisor_id = from.supervisor_id,
        }
    }

    /// The value as a person reads it (ids of places and supervisors as numbers).
    pub fn shown(self, e: &Employee) -> String {
        use PersonField::*;
        let date = |d: Option<chrono::NaiveDate>| d.map_or(UNKNOWN.to_string(), |d| d.to_string());
        let text = |t: &str| {
            if t.trim().is_empty() {
                UNKNOWN.to_string()
            } else {
                t.to_string()
            }
        };
        match self {
            EmployeeNumber => text(&e.employee_number),
            FirstName => text(&e.first_name),
            LastName => text(&e.last_name),
            Email => text(&e.email),
            Position => text(&e.position),
            Location => e
                .location_id
                .map_or(UNKNOWN.to_string(), |l| format!("location #{l}")),
            Chapter => e.chapter_label().to_string(),
            Race => e.race.label().to_string(),
            HireDate => date(e.hire_date),
            PositionStart => date(e.position_start),
            Status => e.status_label().to_string(),
            Evaluation => e.evaluation_label().to_string(),
            Retirement => e.retirement_date.map_or("none".to_string(), |d| d.to_string()),
            Supervisor => e
                .supervisor_id
                .map_or("none".to_string(), |s| format!("employee #{s}")),
        }
    }
}

/// The fields on which two records disagree (both known, different): what a merge must ask.
pub fn differing_fields(kept: &Employee, other: &Employee) -> Vec<PersonField> {
    PersonField::ALL
        .iter()
        .copied()
        .filter(|f| !f.is_unknown(kept) && !f.is_unknown(other) && f.shown(kept) != f.shown(other))
        .collect()
}

/// The person a merge keeps: `kept`'s record and id, each field from the side `choose` names.
pub fn merged_person(kept: &Employee, other: &Employee, choose: impl Fn(PersonField) -> Side) -> Employee {
    let mut merged = kept.clone();
    for &field in PersonField::ALL {
        if choose(field) == Side::Other {
            field.copy(other, &mut merged);
        }
    }
    // Whoever supervised either, the kept person cannot supervise themselves.
    if merged.supervisor_id == Some(other.id) || merged.supervisor_id == Some(kept.id) {
        merged.supervisor_id = None;
    }
    merged
}

/// The usual choice: the kept record's value, unless it is unknown and the other knows it.
pub fn fill_unknowns(kept: &Employee, other: &Employee) -> impl Fn(PersonField) -> Side {
    let unknown_in_kept: Vec<PersonField> = PersonField::ALL
        .iter()
        .copied()
        .filter(|f| f.is_unknown(kept) && !f.is_unknown(other))
        .collect();
    move |f| {
        if unknown_in_kept.contains(&f) {
            Side::Other
        } else {
            Side::Kept
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EmploymentStatus, Race};

    fn pair() -> (Employee, Employee) {
        let mut roster = Employee::unknown("012345".into(), "Ana".into(), "García".into(), String::new());
        roster.id = 1;
        roster.status = Some(EmploymentStatus::Permanent);
        roster.position = "Paraeducator".into();
        let mut popup = Employee::unknown(
            String::new(),
            "Ana".into(),
            "Garcia".into(),
            "ana@district.org".into(),
        );
        popup.id = 2;
        popup.race = Race::Hispanic;
        popup.position = "Para".into();
        (roster, popup)
    }

    #[test]
    fn the_usual_merge_keeps_known_values_and_fills_unknown_ones() {
        let (roster, popup) = pair();
        let m = merged_person(&roster, &popup, fill_unknowns(&roster, &popup));
        assert_eq!(m.id, 1);
        assert_eq!(m.employee_number, "012345");
        assert_eq!(m.email, "ana@district.org");
        assert_eq!(m.race, Race::Hispanic);
        assert_eq!(m.last_name, "García");
        assert_eq!(m.position, "Paraeducator");
        assert_eq!(m.status, Some(EmploymentStatus::Permanent));
    }

    #[test]
    fn each_field_can_take_the_other_value_and_differences_are_listed() {
        let (roster, popup) = pair();
        assert_eq!(
            differing_fields(&roster, &popup),
            vec![PersonField::LastName, PersonField::Position]
        );
        let m = merged_person(&roster, &popup, |f| {
            if f == PersonField::LastName {
                Side::Other
            } else {
                Side::Kept
            }
        });
        assert_eq!(m.last_name, "Garcia");
        assert_eq!(m.email, "", "not chosen, not taken");
        let mut supervised = popup.clone();
        supervised.supervisor_id = Some(1);
        let m = merged_person(&roster, &supervised, |_| Side::Other);
        assert_eq!(m.supervisor_id, None, "nobody supervises themselves");
    }
}
