//! How a record's date is stored: the text `YYYY-MM-DD` that chrono writes (unchanged), read
//! back here. chrono's general parser was a tenth of the dashboard's start-up at a million
//! records, so that one shape is read directly; anything else (a year past 9999, a sign) goes to
//! chrono, so every text reads as chrono reads it. Fields use it with
//! `#[serde(with = "dates")]`, or `dates::option` for an `Option<NaiveDate>`.

use chrono::NaiveDate;
use serde::{Deserializer, Serialize, Serializer, de};
use std::fmt;

pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    date.serialize(s)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateText)
}

/// A date's text: `YYYY-MM-DD` read directly, any other as chrono reads it.
pub fn parse(text: &str) -> Result<NaiveDate, chrono::ParseError> {
    let b = text.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let number = |from: usize, to: usize| {
            b[from..to].iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        if let (Some(y), Some(m), Some(d)) = (number(0, 4), number(5, 7), number(8, 10))
            && let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d)
        {
            return Ok(date);
        }
    }
    text.parse()
}

struct DateText;

impl de::Visitor<'_> for DateText {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date as YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        parse(text).map_err(E::custom)
    }
}

/// The same for an `Option<NaiveDate>`, stored as serde stores any `Option`.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        date.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_option(MaybeDate)
    }

    struct MaybeDate;

    impl<'de> de::Visitor<'de> for MaybeDate {
        type Value = Option<NaiveDate>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date as YYYY-MM-DD, or none")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            super::deserialize(d).map(Some)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn every_text_reads_as_chrono_reads_it() {
        let mut texts: Vec<String> = [
            "2024-02-29",
            "2023-02-29",
            "0000-01-01",
            "9999-12-31",
            "2024-13-01",
            "2024-00-10",
            "2024-01-32",
            "2024-1-01",
            "2024-01-1",
            "+12345-01-01",
            "-0001-01-01",
            " 2024-01-01",
            "2024-01-01 ",
            "2024/01/01",
            "20a4-01-01",
            "2024-0a-01",
            "",
            "2024-01-01x",
            "١٢٣٤-01-01",
        ]
        .map(String::from)
        .to_vec();
        let mut day = NaiveDate::from_ymd_opt(1899, 12, 25).unwrap();
        while day.year() < 2101 {
            texts.push(day.to_string());
            day += chrono::Duration::days(13);
        }
        for text in &texts {
            assert_eq!(parse(text), text.parse::<NaiveDate>(), "{text:?}");
        }
    }

    #[test]
    fn stored_bytes_are_chronos() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Ours {
            #[serde(with = "super")]
            on: NaiveDate,
            #[serde(with = "super::option")]
            due: Option<NaiveDate>,
            #[serde(with = "super::option")]
            never: Option<NaiveDate>,
        }
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Chronos {
            on: NaiveDate,
            due: Option<NaiveDate>,
            never: Option<NaiveDate>,
        }
        let on = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let ours = Ours {
            on,
            due: Some(on),
            never: None,
        };
        let chronos = Chronos {
            on,
            due: Some(on),
            never: None,
        };
        let bytes = crate::store::codec::encode(&ours, 1).unwrap();
        assert_eq!(bytes, crate::store::codec::encode(&chronos, 1).unwrap());
        let (_, body) = crate::store::codec::open_envelope(&bytes).unwrap();
        assert_eq!(crate::store::codec::decode_body::<Ours>(body).unwrap(), ours);
        assert_eq!(
            crate::store::codec::decode_body::<Chronos>(body).unwrap(),
            chronos
        );
    }
}
