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

/// `Kind => "table"`, or `Kind => "table" @ VERSION upgrade_fn` for a kind whose layout changed:
/// `upgrade_fn(version, body)` reads the older versions (in `super::upgrades`).
macro_rules! record {
    ($($ty:ty => $table:literal $(@ $version:literal $upgrade:path)?),+ $(,)?) => {
        $(impl Record for $ty {
            const TABLE: &'static str = $table;
            $(
                const VERSION: u8 = $version;
                fn upgrade(version: u8, body: &[u8]) -> Result<Self, CodecError> {
                    $upgrade(version, body)
                }
            )?
            fn id(&self) -> Id { self.id }
            fn set_id(&mut self, id: Id) { self.id = id }
        })+
        /// Every table name, for checks and backups.
        pub const TABLES: &[&str] = &[$($table),+];
    };
}

record! {
    Employee => "employees",
    Location => "locations",
    Intake => "intakes",
    Consultation => "consultations",
    IntakeSettings => "intake_settings",
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
    Offering => "offerings" @ 2 super::upgrades::offering,
    PlSession => "pl_sessions" @ 2 super::upgrades::pl_session,
    PlAttendance => "pl_attendance",
    PopUpEvent => "popup_events",
    ReferencePopulation => "reference_populations",
    TeacherOutcome => "teacher_outcomes",
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
