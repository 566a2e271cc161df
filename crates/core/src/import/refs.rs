//! References from a row to other records, by the keys a spreadsheet has: a person by employee
//! id or email (through [`lookup::People`]), a place by name (through [`lookup::Places`], the
//! one matcher the forms use), a course by its number, a cohort by fiscal year... An internal id
//! column (`employee_id`) is used too: in `import all` it is the folder's id, followed to the
//! record it became. When a row gives both, they must name the same record, so a file from
//! another database cannot attach rows to the wrong people.

use super::engine::{Remap, Stored};
use super::row::Row;
use crate::dataset::Dataset;
use crate::domain::*;
use crate::lookup::{LookupError, People, Places};
use crate::store::Record;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// The columns that name one person in a row.
#[derive(Debug, Clone, Copy)]
pub struct Person {
    /// The internal id column (`employee_id`).
    pub id: &'static str,
    /// The district employee id column (its value may be an email for someone without one).
    pub number: &'static str,
    /// An email column, if the kind has one.
    pub email: Option<&'static str>,
}

pub struct Refs<'a> {
    pub data: &'a Dataset,
    remap: Option<&'a Remap>,
    people: People<'a>,
    places: Places<'a>,
    offerings: OnceLock<HashMap<String, Id>>,
    unknown_places: RefCell<BTreeMap<String, String>>,
}

impl<'a> Refs<'a> {
    pub fn new(data: &'a Dataset, remap: Option<&'a Remap>) -> Self {
        Refs {
            data,
            remap,
            people: People::new(&data.employees),
            places: Places::new(&data.locations),
            offerings: OnceLock::new(),
            unknown_places: RefCell::new(BTreeMap::new()),
        }
    }

    /// Names that matched no location, each with the closest known names, for review.
    pub fn review(&self) -> Vec<String> {
        self.unknown_places
            .borrow()
            .iter()
            .map(|(name, closest)| format!("unknown location (not added; please review): {name}{closest}"))
            .collect()
    }

    /// The record of type `T` an id column names, if the cell is filled: a folder id in
    /// `import all` (followed to the id it got), else this database's id.
    pub fn id_of<T: Stored>(&self, row: &Row, column: &str) -> Result<Option<Id>, String> {
        let Some(raw) = row.id(column)? else {
            return Ok(None);
        };
        let id = match self.remap {
            Some(m) => m
                .get(T::TABLE, raw)
                .ok_or_else(|| format!("{column}: the folder has no {} record {raw}", T::TABLE))?,
            None => raw,
        };
        if T::stored(self.data)
            .binary_search_by_key(&id, Record::id)
            .is_err()
        {
            return Err(format!("{column}: no {} record has the id {raw}", T::TABLE));
        }
        Ok(Some(id))
    }

    /// Several ids in one cell, each one checked.
    pub fn ids_of<T: Stored>(&self, row: &Row, column: &str) -> Result<Vec<Id>, String> {
        row.ids(column)?
            .into_iter()
            .map(|raw| {
                let id = match self.remap {
                    Some(m) => m
                        .get(T::TABLE, raw)
                        .ok_or_else(|| format!("{column}: the folder has no {} record {raw}", T::TABLE))?,
                    None => raw,
                };
                T::stored(self.data)
                    .binary_search_by_key(&id, Record::id)
                    .map(|_| id)
                    .map_err(|_| format!("{column}: no {} record has the id {raw}", T::TABLE))
            })
            .collect()
    }

    /// Both ways of naming a record, which must agree; `what` names it in the error.
    fn agree(by_id: Option<Id>, by_key: Option<Id>, what: &str) -> Result<Option<Id>, String> {
        match (by_id, by_key) {
            (Some(a), Some(b)) if a != b => Err(format!(
                "the {what} id and the {what}'s other columns name different records; \
                 is this file from another database? (use import all --merge for that)"
            )),
            (a, b) => Ok(a.or(b)),
        }
    }

    /// A person: by employee id (or an email in that column), by email, and/or by internal id.
    pub fn person(&self, row: &Row, p: Person) -> Result<Id, String> {
        self.opt_person(row, p)?.ok_or_else(|| {
            let names: Vec<&str> = [Some(p.number), p.email, Some(p.id)]
                .into_iter()
                .flatten()
                .filter(|c| !c.is_empty())
                .collect();
            format!("needs {}; all are empty", names.join(" or "))
        })
    }

    pub fn opt_person(&self, row: &Row, p: Person) -> Result<Option<Id>, String> {
        let by_id = self.id_of::<Employee>(row, p.id)?;
        let number = row.text(p.number);
        let email = p.email.map(|e| row.text(e)).unwrap_or_default();
        let by_key = if number.contains('@') {
            Some(
                self.people
                    .by_email(&number)
                    .ok_or_else(|| format!("{}: no employee has that email", p.number))?,
            )
        } else if !number.is_empty() {
            Some(self.people.by_number(&number).ok_or_else(|| {
                format!(
                    "{}: no employee has the id {}",
                    p.number,
                    truncate_for_message(&number)
                )
            })?)
        } else if !email.is_empty() {
            Some(
                self.people
                    .by_email(&email)
                    .ok_or_else(|| format!("{}: no employee has that email", p.email.unwrap_or("")))?,
            )
        } else {
            None
        };
        Self::agree(by_id, by_key.map(|e| e.id), "employee")
    }

    /// A location by internal id and/or by name (as the forms match names); an unknown name is
    /// refused with the closest names and listed for review, never added with a guessed type.
    pub fn opt_location(&self, row: &Row, id: &str, name: &str) -> Result<Option<Id>, String> {
        let by_id = self.id_of::<Location>(row, id)?;
        let text = row.text(name);
        let by_name = if text.is_empty() {
            None
        } else {
            Some(self.place(&text).map_err(|e| format!("{name}: {e}"))?)
        };
        Self::agree(by_id, by_name, "location")
    }

    pub fn location(&self, row: &Row, id: &str, name: &str) -> Result<Id, String> {
        self.opt_location(row, id, name)?
            .ok_or_else(|| format!("needs {name} or {id}; both are empty"))
    }

    /// Several locations: ids in one column and/or names separated by `;` in another.
    pub fn locations(&self, row: &Row, ids: &str, names: &str) -> Result<Vec<Id>, String> {
        let by_id = self.ids_of::<Location>(row, ids)?;
        let by_name = row
            .list(names)
            .iter()
            .map(|n| self.place(n).map_err(|e| format!("{names}: {e}")))
            .collect::<Result<Vec<Id>, String>>()?;
        if !by_id.is_empty() && !by_name.is_empty() && by_id != by_name {
            return Err(format!(
                "{ids} and {names} name different locations; is this file from another database?"
            ));
        }
        Ok(if by_id.is_empty() { by_name } else { by_id })
    }

    /// One location by name through the one matcher.
    pub fn place(&self, name: &str) -> Result<Id, String> {
        match self.places.find(name) {
            Ok(l) => Ok(l.id),
            Err(e) => {
                if let LookupError::NoSuchPlace { closest } = &e {
                    let names: Vec<&str> = closest
                        .iter()
                        .filter_map(|id| self.data.location(*id))
                        .map(|l| l.name.as_str())
                        .collect();
                    let closest = if names.is_empty() {
                        String::new()
                    } else {
                        format!(" (closest: {})", names.join(", "))
                    };
                    self.unknown_places
                        .borrow_mut()
                        .insert(truncate_for_message(name), closest);
                }
                Err(self.places.explain(&e))
            }
        }
    }

    /// An offering by internal id and/or course number (else title).
    pub fn offering(&self, row: &Row, id: &str, course: &str, title: &str) -> Result<Id, String> {
        let by_id = self.id_of::<Offering>(row, id)?;
        let number = row.text(course);
        let by_key = if !number.is_empty() {
            Some(self.course(&number).ok_or_else(|| {
                format!(
                    "{course}: no offering has the course number {}",
                    truncate_for_message(&number)
                )
            })?)
        } else if by_id.is_none() && !row.is_empty(title) {
            let t = crate::text::fold(&row.text(title));
            let found: Vec<&Offering> = self
                .data
                .offerings
                .iter()
                .filter(|o| crate::text::fold(&o.title) == t)
                .collect();
            match found.as_slice() {
                [o] => Some(o.id),
                [] => return Err(format!("{title}: no offering has that title")),
                _ => {
                    return Err(format!(
                        "{title}: several offerings have that title; give {course}"
                    ));
                }
            }
        } else {
            None
        };
        Self::agree(by_id, by_key, "offering")?
            .ok_or_else(|| format!("needs {course} or {id}; both are empty"))
    }

    /// The offering with this PDO course number.
    pub fn course(&self, number: &str) -> Option<Id> {
        self.offerings
            .get_or_init(|| {
                self.data
                    .offerings
                    .iter()
                    .filter(|o| !o.course_number.trim().is_empty())
                    .map(|o| (o.course_number.trim().to_ascii_lowercase(), o.id))
                    .collect()
            })
            .get(&number.trim().to_ascii_lowercase())
            .copied()
    }

    /// A PL session by internal id and/or by its offering and date (and start, when an
    /// offering met twice that day).
    pub fn pl_session(
        &self,
        row: &Row,
        id: &str,
        offering: Option<Id>,
        date: &str,
        start: Option<&str>,
    ) -> Result<Id, String> {
        let by_id = self.id_of::<PlSession>(row, id)?;
        let by_key = match (offering, row.opt_date(date)?) {
            (Some(o), Some(d)) => {
                let start = match start {
                    Some(c) => row.opt_time(c)?,
                    None => None,
                };
                let found: Vec<&PlSession> = self
                    .data
                    .pl_sessions
                    .iter()
                    .filter(|s| s.offering_id == o && s.date == d && (start.is_none() || s.start == start))
                    .collect();
                match found.as_slice() {
                    [s] => Some(s.id),
                    [] => return Err(format!("{date}: the course has no session on {d}")),
                    _ => {
                        return Err(format!(
                            "{date}: the course has several sessions on {d}; give the start time"
                        ));
                    }
                }
            }
            _ => None,
        };
        Self::agree(by_id, by_key, "session")?
            .ok_or_else(|| format!("needs the course number and {date}, or {id}"))
    }

    /// A cohort by internal id and/or fiscal year (`2025`, `FY25`).
    pub fn cohort(&self, row: &Row, id: &str, year: &str) -> Result<Id, String> {
        let by_id = self.id_of::<Cohort>(row, id)?;
        let by_key = match row.cell(year) {
            "" => None,
            text => {
                let fy = parse_fiscal_year(text).map_err(|e| format!("{year}: {e}"))?;
                Some(
                    self.data
                        .cohort_for(fy)
                        .map(|c| c.id)
                        .ok_or_else(|| format!("{year}: there is no {} cohort", fy.short_label()))?,
                )
            }
        };
        Self::agree(by_id, by_key, "cohort")?.ok_or_else(|| format!("needs {year} or {id}"))
    }

    /// The cohort a date falls in (a session or a mark by its date).
    pub fn cohort_on(&self, date: chrono::NaiveDate) -> Option<Id> {
        self.data.cohort_for(FiscalYear::of(date)).map(|c| c.id)
    }

    /// The mentor record of an employee.
    pub fn mentor_of(&self, employee: Id) -> Option<Id> {
        self.data
            .mentors
            .iter()
            .find(|m| m.employee_id == employee)
            .map(|m| m.id)
    }

    /// Both ways of naming a record, which must agree (for kinds with their own keys).
    pub fn both(&self, by_id: Option<Id>, by_key: Option<Id>, what: &str) -> Result<Option<Id>, String> {
        Self::agree(by_id, by_key, what)
    }

    /// A record named by an id column and/or by keys that describe it (a person and a date...),
    /// where the keys may fit several records (a person with two intakes on one day): the id
    /// must be one the keys fit (`fits`); the keys alone take `best` among them.
    pub fn one_of(
        by_id: Option<Id>,
        keys_given: bool,
        fits: impl Fn(Id) -> bool,
        best: impl FnOnce() -> Result<Id, String>,
        what: &str,
    ) -> Result<Option<Id>, String> {
        match by_id {
            Some(id) if keys_given && !fits(id) => Err(format!(
                "the {what} id and the {what}'s other columns name different records; \
                 is this file from another database? (use import all --merge for that)"
            )),
            Some(id) => Ok(Some(id)),
            None if keys_given => best().map(Some),
            None => Ok(None),
        }
    }
}

/// A fiscal year as people write it: `2025`, `FY25`, `FY2025`, `25`.
pub fn parse_fiscal_year(text: &str) -> Result<FiscalYear, String> {
    let t = text.trim();
    let digits = t
        .strip_prefix("FY")
        .or_else(|| t.strip_prefix("fy"))
        .or_else(|| t.strip_prefix("Fy"))
        .unwrap_or(t)
        .trim();
    let year: i32 = digits.parse().map_err(|_| {
        format!(
            "\"{}\" is not a fiscal year (2025 or FY25)",
            truncate_for_message(t)
        )
    })?;
    let year = if (0..100).contains(&year) && digits.len() == 2 {
        2000 + year
    } else {
        year
    };
    if !(1950..=2200).contains(&year) || digits.len() == 1 || digits.len() == 3 {
        return Err(format!(
            "\"{}\" is not a fiscal year (2025 or FY25)",
            truncate_for_message(t)
        ));
    }
    Ok(FiscalYear(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_years_as_people_write_them() {
        assert_eq!(parse_fiscal_year("2025"), Ok(FiscalYear(2025)));
        assert_eq!(parse_fiscal_year("FY25"), Ok(FiscalYear(2025)));
        assert_eq!(parse_fiscal_year(" fy2026 "), Ok(FiscalYear(2026)));
        assert!(parse_fiscal_year("5").is_err());
        assert!(parse_fiscal_year("next").is_err());
    }
}
