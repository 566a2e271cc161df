//! Every record of one kind as CSV with a header, for the
//! team's own spreadsheets. Ids are kept (so rows can be joined) and the names they point to are
//! written beside them. Dates are YYYY-MM-DD, lists are joined with "; ".
//!
//! What is left out: mentoring log topics and pair notes are confidential by program rule and are
//! written only with `--confidential`. With `--private`, every value [`crate::privacy`] calls
//! personal is masked as on the privacy screen: names become initials; email, race, evaluation,
//! retirement, notes and topics are left empty.
//! Every cell goes through [`crate::text::sheet_cell`]: no live terminal sequence, no formula.
//! A file written with `--out` is new (never overwritten) and readable by its owner alone.

mod all;
pub mod audit;
mod kinds;

pub use all::write_all;

use crate::dataset::Dataset;
use crate::domain::Id;
use crate::privacy::{Mask, Sensitive};
use std::io::Write;

/// Every kind this command writes, in the order `--help` lists them. (`intakes` is written by
/// the intake module in its import format.)
pub const KINDS: &[&str] = &[
    "employees",
    "locations",
    "intakes",
    "consultations",
    "mentors",
    "pairs",
    "logs",
    "ambassadors",
    "ambassador-sessions",
    "cohorts",
    "participants",
    "sessions",
    "attendance",
    "waitlist",
    "offerings",
    "pl-sessions",
    "pl-attendance",
    "popups",
    "intake-settings",
    "reference-populations",
    "teacher-outcomes",
    "closures",
    "chapters",
    "owners",
    "audit",
];

/// Kinds `export all` leaves out: the change history is no record `import all` could restore (a
/// restore writes history of its own); `backup` keeps it.
pub const NOT_IN_ALL: &[&str] = &["audit"];

/// Other names people type for the same kinds.
pub fn canonical(kind: &str) -> Option<&'static str> {
    let k = kind.trim().to_ascii_lowercase().replace('_', "-");
    let alias = match k.as_str() {
        "mentoring-pairs" => "pairs",
        "mentor-logs" => "logs",
        "leadership-sessions" => "sessions",
        "leadership-attendance" => "attendance",
        "popup-events" | "pop-ups" => "popups",
        "settings" => "intake-settings",
        "references" | "reference-population" => "reference-populations",
        "teachers" | "teacher-outcome" | "teacher-pathway-outcomes" => "teacher-outcomes",
        "holidays" | "closure-days" => "closures",
        other => other,
    };
    KINDS.iter().copied().find(|x| *x == alias)
}

pub struct Ctx<'a> {
    pub data: &'a Dataset,
    pub private: bool,
    pub confidential: bool,
}

impl Ctx<'_> {
    fn mask(&self) -> Mask {
        Mask::file(self.private)
    }

    fn name(&self, employee: Id) -> String {
        self.data
            .employee(employee)
            .map(|e| self.mask().name(&e.full_name()).into_owned())
            .unwrap_or_default()
    }

    /// A personal value as `--private` allows (empty when masked).
    fn hide(&self, what: Sensitive, text: String) -> String {
        if self.mask().hides(what) {
            String::new()
        } else {
            text
        }
    }

    /// How a sheet names the person: the district's employee id, or the email of someone
    /// without one (empty under `--private`). `import` finds people by it.
    fn number(&self, employee: Id) -> String {
        match self.data.employee(employee) {
            Some(e) if !e.employee_number.trim().is_empty() => e.employee_number.clone(),
            Some(e) if !self.mask().hides(Sensitive::Email) => e.email.clone(),
            _ => String::new(),
        }
    }

    fn location(&self, id: Option<Id>) -> String {
        id.and_then(|id| self.data.location(id))
            .map(|l| l.name.clone())
            .unwrap_or_default()
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

fn time(t: Option<chrono::NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

fn ids(list: &[Id]) -> String {
    list.iter().map(Id::to_string).collect::<Vec<_>>().join("; ")
}

/// Writes the header and every record of `kind`; returns how many records.
pub fn write(ctx: &Ctx, kind: &str, out: impl Write) -> Result<usize, String> {
    let mut w = csv::Writer::from_writer(out);
    let n = kinds::rows(ctx, kind, &mut |record: Vec<String>| {
        w.write_record(
            record
                .iter()
                .map(|cell| crate::text::sheet_cell(cell).into_owned()),
        )
        .map_err(|e| e.to_string())
    })?;
    w.flush().map_err(|e| e.to_string())?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_accept_the_usual_spellings() {
        assert_eq!(canonical("PL_sessions"), Some("pl-sessions"));
        assert_eq!(canonical("mentor-logs"), Some("logs"));
        assert_eq!(canonical("popup_events"), Some("popups"));
        assert_eq!(canonical("nothing"), None);
    }
}
