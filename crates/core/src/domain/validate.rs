//! Validation results that name the field that is wrong and why, and the date formats people type.

use chrono::NaiveDate;

/// One wrong field: which one, and why, in words for the person typing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct FieldError {
    pub field: &'static str,
    pub reason: String,
}

impl FieldError {
    pub fn new(field: &'static str, reason: impl Into<String>) -> Self {
        FieldError {
            field,
            reason: reason.into(),
        }
    }
}

/// Parses a date as people, spreadsheets and form services write it: `2024-07-15`, `7/15/2024`,
/// `7/15/24` (Microsoft Forms), `2024/07/15` (newer Google Forms), each optionally followed by a
/// time such as `9:05:33 AM GMT-5` (the time is ignored: the date is the one written).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("a date is required (YYYY-MM-DD or M/D/YYYY)".into());
    }
    let date_part = t.split_whitespace().next().unwrap_or(t);
    let date_part = date_part.split('T').next().unwrap_or(date_part);
    for fmt in ["%Y-%m-%d", "%m/%d/%Y", "%Y/%m/%d", "%m/%d/%y"] {
        if let Ok(d) = NaiveDate::parse_from_str(date_part, fmt)
            && (1900..=2200).contains(&chrono::Datelike::year(&d))
        {
            return Ok(d);
        }
    }
    Err(format!(
        "\"{}\" is not a date; type YYYY-MM-DD or M/D/YYYY",
        truncate_for_message(t)
    ))
}

/// A date that records something that happened (a receipt, a status step, a consultation, a
/// log, an attendance mark) cannot be after today.
pub fn happened_by(date: NaiveDate, today: NaiveDate, field: &'static str) -> Result<(), FieldError> {
    if date > today {
        return Err(FieldError::new(
            field,
            format!("{date} is after today ({today}); record what happened, when it happened"),
        ));
    }
    Ok(())
}

/// An optional date: empty is `None`, anything else must parse.
pub fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(text).map(Some)
    }
}

/// Keeps error messages short even when the input is megabytes long.
pub fn truncate_for_message(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// A plausible work email: something@something.something, no spaces.
pub fn is_plausible_email(text: &str) -> bool {
    let t = text.trim();
    match t.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !t.chars().any(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_accepted_form() {
        let want = NaiveDate::from_ymd_opt(2024, 7, 15).unwrap();
        assert_eq!(parse_date("2024-07-15"), Ok(want));
        assert_eq!(parse_date("7/15/2024"), Ok(want));
        assert_eq!(parse_date("07/15/2024"), Ok(want));
        assert_eq!(parse_date(" 7/15/2024 9:05:33 AM "), Ok(want));
        assert!(parse_date("2024-02-30").is_err());
        // The forms' own timestamps: Google, Microsoft (two-digit year), newer Google.
        let nov = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        assert_eq!(parse_date("11/20/2026 9:05:33"), Ok(nov));
        assert_eq!(parse_date("11/20/26 9:05:33"), Ok(nov));
        assert_eq!(parse_date("2026/11/20 9:05:33 AM GMT-5"), Ok(nov));
        assert!(parse_date("2026/20/11").is_err());
        assert!(parse_date("15/7/2024").is_err());
        assert!(parse_date("").unwrap_err().contains("required"));
        assert!(parse_date("soon").unwrap_err().contains("\"soon\""));
        assert_eq!(parse_optional_date("  "), Ok(None));
    }

    #[test]
    fn long_input_is_cut_in_messages() {
        let long = "x".repeat(10_000);
        assert!(parse_date(&long).unwrap_err().len() < 120);
    }

    #[test]
    fn emails() {
        assert!(is_plausible_email("ana_p_garcia@district.org"));
        assert!(!is_plausible_email("ana garcia@district.org"));
        assert!(!is_plausible_email("ana@district"));
        assert!(!is_plausible_email("@district.org"));
    }
}
