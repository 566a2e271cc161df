//! One row of the intake form's export: columns found by header name, and every value checked
//! before the row may add anything.

use super::col;
use crate::domain::*;
use crate::import::labels;
use std::collections::HashMap;

/// The person's whole name, for forms that ask for it in one question (Microsoft Forms'
/// `Name`); split into first and last when the sheet has no `First Name` / `Last Name`.
pub(super) const FULL_NAME: &str = "Name";

/// The headers form services write for a column, by column, best first: read as they come,
/// without renaming. Google Forms: `Timestamp`, `Email Address`; Microsoft Forms: `Start time`,
/// `Completion time` (the submission), `Email`, `Name`.
const FORM_HEADERS: &[(&str, &[&str])] = &[
    (
        col::SUBMITTED,
        &[
            "Timestamp",
            "Completion time",
            "Submitted at",
            "Submission date",
            "Start time",
        ],
    ),
    (
        col::EMAIL,
        &["Email Address", "E-mail", "E-mail Address", "Work Email"],
    ),
    (
        col::EMPLOYEE_ID,
        &["Employee Number", "Employee #", "Employee No"],
    ),
    (col::FIRST, &["Given Name"]),
    (col::LAST, &["Surname", "Family Name"]),
    (FULL_NAME, &[FULL_NAME, "Full Name", "Your Name"]),
];

/// Columns named by the user (`--map "Submitted=When did you apply?"`): (column, header).
pub type Mapping = Vec<(&'static str, String)>;

/// Reads `--map` values, each `Column=Header`; the column is one the import reads (any case).
pub fn parse_map(specs: &[String]) -> Result<Mapping, String> {
    use crate::import::csv_file::header_key;
    let known: Vec<&'static str> = col::ALL.iter().copied().chain([FULL_NAME]).collect();
    crate::import::csv_file::parse_map(
        specs,
        |name| known.iter().copied().find(|k| header_key(k) == header_key(name)),
        "column the intake import reads",
        &known.join(", "),
        "Submitted=When did you apply?",
    )
}

/// Column positions found in the header row.
pub(super) struct Columns(HashMap<&'static str, usize>);

impl Columns {
    /// Columns by header name, compared as every import compares them
    /// ([`header_key`](crate::import::csv_file::header_key): case, accents, spaces and
    /// punctuation ignored): the user's `map` first, then the import's own names, then the names
    /// form services write.
    pub(super) fn find(headers: &[String], map: &[(&'static str, String)]) -> Result<Columns, String> {
        use crate::import::csv_file::header_key;
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let position = |name: &str| {
            let name = header_key(name);
            keys.iter().position(|k| *k == name)
        };
        let mut found = HashMap::new();
        for (column, header) in map {
            let i = position(header).ok_or_else(|| {
                format!(
                    "--map {column}={}: the file has no such column",
                    crate::privacy::cite(None, header)
                )
            })?;
            found.insert(*column, i);
        }
        let taken: Vec<usize> = found.values().copied().collect();
        for (i, h) in keys.iter().enumerate() {
            if taken.contains(&i) {
                continue;
            }
            if let Some(name) = col::ALL.iter().find(|n| header_key(n) == *h) {
                found.entry(*name).or_insert(i);
            }
        }
        for (column, aliases) in FORM_HEADERS {
            if found.contains_key(column) {
                continue;
            }
            let used: Vec<usize> = found.values().copied().collect();
            if let Some(i) = aliases
                .iter()
                .filter_map(|a| position(a))
                .find(|i| !used.contains(i))
            {
                found.insert(*column, i);
            }
        }
        let names = (found.contains_key(col::FIRST) && found.contains_key(col::LAST))
            || found.contains_key(FULL_NAME);
        let mut missing: Vec<&str> = [col::SUBMITTED, col::SERVICES]
            .into_iter()
            .filter(|n| !found.contains_key(n))
            .collect();
        if !names {
            missing.insert(0, "First Name and Last Name (or Name)");
        }
        if !found.contains_key(col::EMPLOYEE_ID) && !found.contains_key(col::EMAIL) {
            missing.insert(0, "Employee ID or Email");
        }
        if missing.is_empty() {
            Ok(Columns(found))
        } else {
            Err(format!(
                "not an intake form export: missing {} {}; name another header with --map \"COLUMN=HEADER\"",
                crate::text::plural(missing.len() as u64, "column"),
                missing.join(", ")
            ))
        }
    }

    /// The person's first and last name: from their own columns, else the whole `Name` split
    /// ("Ana García", "García, Ana"). Empty when the sheet has neither.
    pub(super) fn first_last(&self, row: &[String]) -> (String, String) {
        let (first, last) = (self.get(row, col::FIRST), self.get(row, col::LAST));
        if self.has(col::FIRST) && self.has(col::LAST) {
            return (first.to_string(), last.to_string());
        }
        let full = self.get(row, FULL_NAME);
        match full.split_once(',') {
            Some((last, first)) if !first.trim().is_empty() => {
                (first.trim().to_string(), last.trim().to_string())
            }
            _ => split_name(full).unwrap_or_else(|| (full.to_string(), String::new())),
        }
    }

    /// The email, with Microsoft Forms' `anonymous` (no account) read as none.
    pub(super) fn email<'a>(&self, row: &'a [String]) -> &'a str {
        let email = self.get(row, col::EMAIL);
        if email.eq_ignore_ascii_case("anonymous") {
            ""
        } else {
            email
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
        "received" => col::SUBMITTED,
        "contacted" => col::CONTACTED,
        "consultation scheduled" => col::SCHEDULED,
        "relationship established" => col::ESTABLISHED,
        "closed" => col::CLOSED,
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

/// Checks one row; its dates record what happened, so none may be after `today` and the status
/// steps come in order.
pub(super) fn check_row(c: &Columns, row: &[String], today: chrono::NaiveDate) -> Result<RowValues, String> {
    let number = c.get(row, col::EMPLOYEE_ID).to_string();
    let email = c.email(row).to_string();
    let (first, last) = c.first_last(row);
    let whole = !(c.has(col::FIRST) && c.has(col::LAST));
    if first.is_empty() {
        return Err(format!("{} is empty", if whole { FULL_NAME } else { col::FIRST }));
    }
    if last.is_empty() {
        return Err(if whole {
            format!("{FULL_NAME}: give the first and the last name")
        } else {
            format!("{} is empty", col::LAST)
        });
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
        .and_then(|()| intake.check_dates(today))
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
    super::set_status(intake, status, |name| {
        parse_optional_date(c.get(row, name)).map_err(|e| format!("{name}: {e}"))
    })?;
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
    fn status_columns_become_the_history_up_to_the_status() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 10, d).unwrap();
        let dates = |name: &str| -> Result<Option<chrono::NaiveDate>, String> {
            Ok(match name {
                col::CONTACTED => Some(day(3)),
                col::CLOSED => Some(day(9)),
                _ => None,
            })
        };
        let mut intake = Intake::new(7, day(1), IntakeSource::Form);
        super::super::set_status(&mut intake, IntakeStatus::Closed, dates).unwrap();
        assert_eq!(intake.status, IntakeStatus::Closed);
        let steps: Vec<_> = intake.history.iter().map(|h| (h.status, h.date)).collect();
        assert!(steps.contains(&(IntakeStatus::Contacted, day(3))), "{steps:?}");
        assert!(steps.contains(&(IntakeStatus::Closed, day(9))), "{steps:?}");
        // A date after the status is refused, naming the column.
        let mut intake = Intake::new(7, day(1), IntakeSource::Form);
        let err = super::super::set_status(&mut intake, IntakeStatus::Contacted, dates).unwrap_err();
        assert_eq!(
            err,
            format!("{} has a date but the status is contacted", col::CLOSED)
        );
        // A status given without its date counts from Submitted.
        let mut intake = Intake::new(7, day(1), IntakeSource::Form);
        super::super::set_status(&mut intake, IntakeStatus::RelationshipEstablished, |_| Ok(None)).unwrap();
        assert!(
            intake
                .history
                .iter()
                .any(|h| h.status == IntakeStatus::RelationshipEstablished && h.date == day(1))
        );
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
        let c = Columns::find(&h, &[]).unwrap();
        assert_eq!(c.0[col::SUBMITTED], 1);
        let h: Vec<String> = ["First Name", "Submitted"].map(String::from).to_vec();
        let err = Columns::find(&h, &[]).err().unwrap();
        assert!(
            err.contains("Employee ID or Email, First Name and Last Name (or Name), Services"),
            "{err}"
        );
    }

    #[test]
    fn forms_headers_as_they_come_and_any_other_by_map() {
        let google: Vec<String> = [
            "Timestamp",
            "Email Address",
            "First Name",
            "Last Name",
            "Services",
        ]
        .map(String::from)
        .to_vec();
        let c = Columns::find(&google, &[]).unwrap();
        assert_eq!((c.0[col::SUBMITTED], c.0[col::EMAIL]), (0, 1));
        let microsoft: Vec<String> = ["ID", "Start time", "Completion time", "Email", "Name", "Services"]
            .map(String::from)
            .to_vec();
        let c = Columns::find(&microsoft, &[]).unwrap();
        assert_eq!((c.0[col::SUBMITTED], c.0[col::EMAIL], c.0[FULL_NAME]), (2, 3, 4));
        let row: Vec<String> = ["1", "", "", "anonymous", "García, Ana", "x"]
            .map(String::from)
            .to_vec();
        assert_eq!(c.first_last(&row), ("Ana".to_string(), "García".to_string()));
        assert_eq!(c.email(&row), "");
        let own: Vec<String> = ["Timestamp", "When did you apply?", "Email", "Name", "Services"]
            .map(String::from)
            .to_vec();
        let map = parse_map(&["submitted=When did you apply?".to_string()]).unwrap();
        let c = Columns::find(&own, &map).unwrap();
        assert_eq!(c.0[col::SUBMITTED], 1);
        assert!(
            parse_map(&["When=x".to_string()])
                .unwrap_err()
                .contains("not a column")
        );
        assert!(
            parse_map(&["Submitted".to_string()])
                .unwrap_err()
                .contains("COLUMN=HEADER")
        );
        let map = parse_map(&["Submitted=Applied on".to_string()]).unwrap();
        assert!(
            Columns::find(&own, &map)
                .err()
                .unwrap()
                .contains("the file has no such column")
        );
    }
}
