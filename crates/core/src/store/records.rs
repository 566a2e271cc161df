//! Which domain struct lives in which table, under fixed hand-written names, at which version.

use super::codec::{CodecError, decode_body, open_envelope};
use crate::domain::*;
use serde::{Serialize, de::DeserializeOwned};

/// A kind of record the store keeps. The table name is part of the file format: never rename it.
pub trait Record: Serialize + DeserializeOwned + Clone + Send {
    const TABLE: &'static str;
    /// The version this build writes.
    const VERSION: u8 = 1;
    fn id(&self) -> Id;
    fn set_id(&mut self, id: Id);

    /// Reads a record of an older `version`. Each new version adds an arm that decodes the old
    /// struct and fills the new fields with defaults.
    fn upgrade(version: u8, _body: &[u8]) -> Result<Self, CodecError> {
        Err(CodecError::UnknownVersion(version))
    }

    fn decode(bytes: &[u8]) -> Result<Self, CodecError> {
        let (version, body) = open_envelope(bytes)?;
        if version == Self::VERSION {
            decode_body(body)
        } else if version > Self::VERSION {
            Err(CodecError::TooNew {
                found: version,
                known: Self::VERSION,
            })
        } else {
            Self::upgrade(version, body)
        }
    }

    fn encode(&self) -> Result<Vec<u8>, CodecError> {
        super::codec::encode(self, Self::VERSION)
    }
}

/// Why stored bytes did not give a record.
#[derive(Debug)]
pub(super) enum Unreadable {
    /// Its checksum does not match: the file is damaged there (the whole read is refused).
    Broken,
    /// It does not decode (reported, skipped; the rest stays usable).
    Codec(CodecError),
}

/// Record `key` from the bytes stored for it: its seal checked, then decoded. `checked` is
/// false for a record of an earlier build (no seal): see `codec::Unsealed::Unchecked`.
pub(super) fn read_stored<T: Record>(key: Id, stored: &[u8]) -> Result<(T, bool), Unreadable> {
    let unsealed = super::codec::unseal(T::TABLE, key, stored).map_err(|_| Unreadable::Broken)?;
    let checked = matches!(unsealed, super::codec::Unsealed::Checked(_));
    let mut record = T::decode(unsealed.envelope()).map_err(Unreadable::Codec)?;
    record.set_id(key);
    Ok((record, checked))
}

/// The bytes to store for `record` (sealed with its table and id).
pub(super) fn stored_bytes<T: Record>(record: &T) -> Result<Vec<u8>, CodecError> {
    Ok(super::codec::seal(T::TABLE, record.id(), &record.encode()?))
}

macro_rules! record {
    ($($ty:ty => $table:literal $([version $version:literal, upgrades $previous:ty])?),+ $(,)?) => {
        $(impl Record for $ty {
            const TABLE: &'static str = $table;
            $(
            const VERSION: u8 = $version;
            /// The previous version decodes as its own struct and converts with `From`.
            fn upgrade(version: u8, body: &[u8]) -> Result<Self, CodecError> {
                if version + 1 == $version {
                    decode_body::<$previous>(body).map(Self::from)
                } else {
                    Err(CodecError::UnknownVersion(version))
                }
            }
            )?
            fn id(&self) -> Id { self.id }
            fn set_id(&mut self, id: Id) { self.id = id }
        })+
        /// Every table name, for checks and backups.
        pub const TABLES: &[&str] = &[$($table),+];
    };
}

// A kind whose layout changes gets `[version N, upgrades OldStruct]`, OldStruct being the layout
// of version N-1 with `From<OldStruct>`; older records then read as today's struct.
record! {
    Employee => "employees" [version 2, upgrades super::upgrade::EmployeeV1],
    Location => "locations" [version 2, upgrades super::upgrade::LocationV1],
    Intake => "intakes",
    Consultation => "consultations",
    IntakeSettings => "intake_settings" [version 2, upgrades IntakeSettingsV1],
    Mentor => "mentors",
    MentoringPair => "mentoring_pairs",
    MentorLog => "mentor_logs",
    Ambassador => "ambassadors",
    AmbassadorSession => "ambassador_sessions",
    Cohort => "cohorts",
    Participant => "participants",
    LeadershipSession => "leadership_sessions",
    AttendanceMark => "attendance",
    WaitlistEntry => "waitlist",
    Offering => "offerings" [version 2, upgrades OfferingV1],
    PlSession => "pl_sessions" [version 2, upgrades PlSessionV1],
    PlAttendance => "pl_attendance",
    PopUpEvent => "popup_events",
    ReferencePopulation => "reference_populations",
    TeacherOutcome => "teacher_outcomes",
    Chapter => "chapters",
    Owner => "owners",
    Closure => "closures",
}

/// Decodes `bytes` as every kind of record and drops the results: the entry point of the
/// record-decoding fuzz target and of the test that replays its corpus.
pub fn decode_every_kind(bytes: &[u8]) -> usize {
    let mut decoded = 0;
    macro_rules! each {
        ($($field:ident: $ty:ty),+ $(,)?) => {$(
            decoded += usize::from(<$ty as Record>::decode(bytes).is_ok());
        )+};
    }
    crate::with_record_kinds!(each);
    decoded
}

/// Decodes the bytes stored for record `key` as the kind of record kept in `table` (its seal
/// checked first), for checks that know only the name.
pub fn decode_kind(table: &str, key: Id, stored: &[u8]) -> Result<(), String> {
    macro_rules! each {
        ($($field:ident: $ty:ty),+ $(,)?) => {$(
            if table == <$ty as Record>::TABLE {
                return match read_stored::<$ty>(key, stored) {
                    Ok(_) => Ok(()),
                    Err(Unreadable::Broken) => Err(super::codec::BrokenSeal.to_string()),
                    Err(Unreadable::Codec(e)) => Err(e.to_string()),
                };
            }
        )+};
    }
    crate::with_record_kinds!(each);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_record_reads_as_todays_struct() {
        let v1 = IntakeSettingsV1 {
            id: 7,
            overdue_working_days: 3,
        };
        let bytes = super::super::codec::encode(&v1, 1).unwrap();
        let today = IntakeSettings::decode(&bytes).unwrap();
        assert_eq!(
            today,
            IntakeSettings {
                id: 7,
                overdue_working_days: 3,
                stale_working_days: DEFAULT_STALE_WORKING_DAYS,
            }
        );
        // And today's version reads back as itself.
        assert_eq!(IntakeSettings::decode(&today.encode().unwrap()).unwrap(), today);
        let too_new = super::super::codec::encode(&today, 9).unwrap();
        assert!(matches!(
            IntakeSettings::decode(&too_new),
            Err(CodecError::TooNew { found: 9, known: 2 })
        ));
    }
}
