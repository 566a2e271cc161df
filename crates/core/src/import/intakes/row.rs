//! One row of the intake form's export: columns found by header name, and every value checked
//! before the row may add anything.

use super::{STATUS_COLUMNS, col};
use crate::domain::*;
use std::collections::HashMap;

/// Column positions found in the header row.
pub(super) struct Columns(HashMap<&'static str, usize>);

impl Columns {
    pub(super) fn find(headers: &[String]) -> Result<Columns, String> {
        let mut found = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            let h = h.trim_start_matches('\u{feff}').trim();
            if let Some(name) = col::ALL.iter().find(|n| n.eq_ignore_ascii_case(h)) {
                found.entry(*name).or_insert(i);
            }
        }
        let mut missing: Vec<&str> = [col::FIRST, col::LAST, col::SUBMITTED, col::SERVICES]
            .into_iter()
            .filter(|n| !found.contains_key(n))
            .collect();
        if !found.contains_key(col::EMPLOYEE_ID) && !found.contains_key(col::EMAIL) {
            missing.insert(0, "Employee ID or Email");
        }
        if missing.is_empty() {
            Ok(Columns(found))
        } else {
            Err(format!(
                "not an intake form export: missing column(s) {}",
                missing.join(", ")
            ))
        }
    }

    pub(super) fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.0
            .get(name)
            .and_then(|&i| row.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    /// A note's cell as written: not trimmed, so a leading tab or a last empty line comes back
    /// exactly as the export wrote it.
    pub(super) fn note<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.0
            .get(name)
            .and_then(|&i| row.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }

    pub(super) fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
}

/// A row's values, checked, before anything is looked up or added.
pub(super) struct RowValues {
    pub(super) number: String,
    pub(super) email: String,
    pub(super) intake: Intake,
}

/// The import's column name for a domain field name, for messages.
pub(super) fn column_of(field: &str) -> &str {
    match field {
        "first name" => col::FIRST,
        "last name" => col::LAST,
        "employee id" => "Employee ID or Email",
        "email" => col::EMAIL,
        "services" => col::SERVICES,
        "next step due" => col::NEXT_STEP_DUE,
        "close reason" => col::CLOSE_REASON,
        other => other,
    }
}

/// Parses "a; b; c" (or "a, b, c", as Google and Microsoft Forms join ticked boxes) into
/// services, each by its label or the booklet's words ([`Service::from_words`]); unknown names
/// become "other" with their text.
pub fn parse_services(text: &str) -> (Vec<Service>, String) {
    let mut services = Vec::new();
    let mut other = Vec::new();
    for part in text.split([';', ',']).map(str::trim).filter(|p| !p.is_empty()) {
        let s = Service::from_words(part).unwrap_or_else(|| {
            if !other.iter().any(|o: &String| o.eq_ignore_ascii_case(part)) {
                other.push(part.to_string());
            }
            Service::Other
        });
        if !services.contains(&s) {
            services.push(s);
        }
    }
    (services, other.join(", "))
}

pub(super) fn check_row(c: &Columns, row: &[String]) -> Result<RowValues, String> {
    let number = c.get(row, col::EMPLOYEE_ID).to_string();
    let email = c.get(row, col::EMAIL).to_string();
    if c.get(row, col::FIRST).is_empty() {
        return Err(format!("{} is empty", col::FIRST));
    }
    if c.get(row, col::LAST).is_empty() {
        return Err(format!("{} is empty", col::LAST));
    }
    if number.is_empty() && email.is_empty() {
        return Err("needs an Employee ID or an Email; both are empty".into());
    }
    if !email.is_empty() && !is_plausible_email(&email) {
        // An error never quotes a personal value (privacy::cite): the line number finds it.
        return Err(format!(
            "{}: {} is not an email address (name@district.org)",
            col::EMAIL,
            crate::privacy::cite(Some(crate::privacy::Sensitive::Email), &email)
        ));
    }
    let received = parse_date(c.get(row, col::SUBMITTED)).map_err(|e| format!("{}: {e}", col::SUBMITTED))?;
    let (services, other_service) = parse_services(c.get(row, col::SERVICES));
    if services.is_empty() {
        return Err(format!("{}: no service requested", col::SERVICES));
    }
    let source = match c.get(row, col::SOURCE) {
        "" => IntakeSource::Form,
        s => IntakeSource::parse(s).ok_or_else(|| {
            format!(
                "{} {} is not one of: {}",
                col::SOURCE,
                crate::privacy::cite(None, s),
                labels::<IntakeSource>()
            )
        })?,
    };
    let mut intake = Intake::new(0, received, source);
    intake.services = services;
    intake.other_service = other_service;
    intake.notes = c.note(row, col::NOTES).to_string();
    intake.owner = c.get(row, col::OWNER).to_string();
    intake.next_step = c.get(row, col::NEXT_STEP).to_string();
    intake.next_step_due = parse_optional_date(c.get(row, col::NEXT_STEP_DUE))
        .map_err(|e| format!("{}: {e}", col::NEXT_STEP_DUE))?;
    if c.has(col::STATUS) {
        read_status(c, row, &mut intake)?;
    }
    intake
        .validate()
        .map_err(|e| format!("{}: {}", column_of(e.field), e.reason))?;
    Ok(RowValues {
        number,
        email,
        intake,
    })
}

/// The export's status, close reason and status dates, rebuilt into the intake's history.
fn read_status(c: &Columns, row: &[String], intake: &mut Intake) -> Result<(), String> {
    let status = match c.get(row, col::STATUS) {
        "" => IntakeStatus::Received,
        s => IntakeStatus::parse(s).ok_or_else(|| {
            format!(
                "{} {} is not one of: {}",
                col::STATUS,
                crate::privacy::cite(None, s),
                labels::<IntakeStatus>()
            )
        })?,
    };
    for (st, name) in STATUS_COLUMNS {
        if let Some(date) = parse_optional_date(c.get(row, name)).map_err(|e| format!("{name}: {e}"))? {
            if st > status {
                return Err(format!("{name} has a date but the status is {status}"));
            }
            intake.history.push(StatusChange { status: st, date });
        }
    }
    if !intake.history.iter().any(|h| h.status == status) {
        // A hand-made file may give a status without its date: count it from Submitted.
        intake.history.push(StatusChange {
            status,
            date: intake.received,
        });
    }
    intake.status = status;
    intake.close_reason = match c.get(row, col::CLOSE_REASON) {
        "" => None,
        s => Some(CloseReason::parse(s).ok_or_else(|| {
            format!(
                "{} {} is not one of: {}",
                col::CLOSE_REASON,
                crate::privacy::cite(None, s),
                labels::<CloseReason>()
            )
        })?),
    };
    if status != IntakeStatus::Closed {
        intake.close_reason = None;
    }
    Ok(())
}

fn labels<T: Choice>() -> String {
    T::ALL.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_split_match_and_keep_unknown_text() {
        let (s, other) = parse_services("Resume Review; career coaching;;pottery; RESUME REVIEW;");
        assert_eq!(
            s,
            vec![Service::ResumeReview, Service::CareerCoaching, Service::Other]
        );
        assert_eq!(other, "pottery");
        assert_eq!(parse_services(" ; ").0, vec![]);
    }

    #[test]
    fn headers_by_name_in_any_case_and_order() {
        let h: Vec<String> = [
            "  notes",
            "SUBMITTED",
            "services ",
            "Email",
            "last name",
            "First Name",
            "x",
        ]
        .map(String::from)
        .to_vec();
        let c = Columns::find(&h).unwrap();
        assert_eq!(c.0[col::SUBMITTED], 1);
        let h: Vec<String> = ["First Name", "Submitted"].map(String::from).to_vec();
        let err = Columns::find(&h).err().unwrap();
        assert!(err.contains("Employee ID or Email, Last Name, Services"), "{err}");
    }
}
