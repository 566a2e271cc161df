//! Reading a submitted form: each helper parses one field and, when it cannot, puts the reason
//! on that field and returns None, so a submit checks every field before it saves anything.

use super::Form;
use chrono::{NaiveDate, NaiveTime};
use pathways_core::domain::{Id, parse_date, parse_month, parse_optional_date, parse_time};
use pathways_core::lookup::{LookupError, People, Places};

impl Form {
    /// Puts a parse result's error on `label`; the value if there was none.
    fn read<T>(&mut self, label: &str, parsed: Result<T, String>) -> Option<T> {
        parsed.map_err(|e| self.set_error(label, e)).ok()
    }

    /// A date in any of the accepted forms (YYYY-MM-DD, M/D/YYYY…).
    pub fn date(&mut self, label: &str) -> Option<NaiveDate> {
        let parsed = parse_date(self.value(label));
        self.read(label, parsed)
    }

    /// A date that may be left empty: None when empty or wrong (wrong puts the reason).
    pub fn optional_date(&mut self, label: &str) -> Option<NaiveDate> {
        let parsed = parse_optional_date(self.value(label));
        self.read(label, parsed).flatten()
    }

    /// A month as YYYY-MM (its first day).
    pub fn month(&mut self, label: &str) -> Option<NaiveDate> {
        let parsed = parse_month(self.value(label));
        self.read(label, parsed)
    }

    /// A time of day, 08:30 or 8:30.
    pub fn time(&mut self, label: &str) -> Option<NaiveTime> {
        let parsed = parse_time(self.value(label));
        self.read(label, parsed)
    }

    /// A number of the field's kind, or `reason` on the field.
    pub fn number<T: std::str::FromStr>(&mut self, label: &str, reason: &str) -> Option<T> {
        let parsed = self.value(label).parse::<T>().map_err(|_| reason.to_string());
        self.read(label, parsed)
    }

    /// A number of the field's kind, `None` when the field is left empty (unknown), or `reason`
    /// on the field. The outer `None` means the field is wrong.
    pub fn opt_number<T: std::str::FromStr>(&mut self, label: &str, reason: &str) -> Option<Option<T>> {
        if self.value(label).trim().is_empty() {
            return Some(None);
        }
        self.number(label, reason).map(Some)
    }

    /// One employee from an id, an email or a name typed into `label`; an unknown or ambiguous
    /// one puts the reason (with the candidates, masked under the privacy screen) on the field.
    pub fn employee(&mut self, label: &str, people: &People, private: bool) -> Option<Id> {
        match people.find(self.value(label)) {
            Ok(e) => Some(e.id),
            Err(e) => {
                self.set_error(label, people.explain(&e, private));
                None
            }
        }
    }

    /// One location typed into `label`, or None: left empty (the caller decides whether one is
    /// needed), or unknown or ambiguous (the reason, with the closest names, is on the field).
    pub fn location(&mut self, label: &str, places: &Places) -> Option<Id> {
        match places.find(self.value(label)) {
            Ok(l) => Some(l.id),
            Err(LookupError::Empty) => None,
            Err(e) => {
                self.set_error(label, places.explain(&e));
                None
            }
        }
    }

    /// Whether `label` has an error on it now.
    pub fn is_wrong(&self, label: &str) -> bool {
        self.fields.iter().any(|f| f.label == label && f.error.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::super::Field;
    use super::*;

    #[test]
    fn a_wrong_value_puts_its_reason_on_its_field() {
        let mut f = Form::new(
            "t",
            vec![
                Field::date("on", None),
                Field::text("due", "soon"),
                Field::number("minutes", "x"),
            ],
        );
        f.field_mut("on").unwrap().value = "11/20/2026".into();
        assert_eq!(f.date("on"), NaiveDate::from_ymd_opt(2026, 11, 20));
        assert_eq!(f.optional_date("due"), None);
        assert!(f.fields[1].error.is_some());
        assert_eq!(f.number::<u32>("minutes", "a whole number"), None);
        assert_eq!(f.fields[2].error.as_deref(), Some("a whole number"));
        assert_eq!(f.focus, 1, "the first wrong field has the focus");
    }
}
