//! Older layouts of records whose fields changed, and how each becomes today's struct. A record
//! keeps its version byte until it is saved again, so these stay as long as old files may exist.

use super::codec::{CodecError, decode_body};
use crate::domain::{Id, Offering, PlSession};
use chrono::NaiveDate;
use serde::Deserialize;

/// Version 1 of an offering: course number and title.
#[derive(Deserialize)]
struct OfferingV1 {
    id: Id,
    course_number: String,
    title: String,
}

pub(super) fn offering(version: u8, body: &[u8]) -> Result<Offering, CodecError> {
    match version {
        1 => {
            let v1: OfferingV1 = decode_body(body)?;
            Ok(Offering {
                id: v1.id,
                course_number: v1.course_number,
                title: v1.title,
                partner_office: String::new(),
                teacher_pathway: false,
            })
        }
        other => Err(CodecError::UnknownVersion(other)),
    }
}

/// Version 1 of a PL session: the offering and the date.
#[derive(Deserialize)]
struct PlSessionV1 {
    id: Id,
    offering_id: Id,
    date: NaiveDate,
}

pub(super) fn pl_session(version: u8, body: &[u8]) -> Result<PlSession, CodecError> {
    match version {
        1 => {
            let v1: PlSessionV1 = decode_body(body)?;
            Ok(PlSession {
                id: v1.id,
                offering_id: v1.offering_id,
                date: v1.date,
                start: None,
                end: None,
                place: String::new(),
                facilitator: String::new(),
            })
        }
        other => Err(CodecError::UnknownVersion(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Record;
    use serde::Serialize;

    #[derive(Serialize)]
    struct OldOffering<'a> {
        id: Id,
        course_number: &'a str,
        title: &'a str,
    }

    #[derive(Serialize)]
    struct OldSession {
        id: Id,
        offering_id: Id,
        date: NaiveDate,
    }

    #[test]
    fn version_1_records_read_with_the_new_fields_unknown() {
        let bytes = crate::store::codec::encode(
            &OldOffering {
                id: 3,
                course_number: "92883",
                title: "Grow Your Career",
            },
            1,
        )
        .unwrap();
        let o = Offering::decode(&bytes).unwrap();
        assert_eq!(
            (o.course_number.as_str(), o.title.as_str()),
            ("92883", "Grow Your Career")
        );
        assert_eq!((o.partner_office.as_str(), o.teacher_pathway), ("", false));
        let date = NaiveDate::from_ymd_opt(2025, 1, 9).unwrap();
        let bytes = crate::store::codec::encode(
            &OldSession {
                id: 4,
                offering_id: 3,
                date,
            },
            1,
        )
        .unwrap();
        let s = PlSession::decode(&bytes).unwrap();
        assert_eq!(
            (s.offering_id, s.date, s.start, s.place.as_str()),
            (3, date, None, "")
        );
        // Today's layout reads back as itself.
        assert_eq!(Offering::decode(&o.encode().unwrap()).unwrap(), o);
    }
}
