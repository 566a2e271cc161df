//! Each kind of record's sheet: its columns, how a row is read, what makes it a duplicate. The
//! engine (`super::engine`) does the rest. Columns are the ones `export KIND` writes; a person
//! is named by `employee_number` (the district's employee id, or an email for someone without
//! one) and/or the internal `employee_id`; a place by name (or `location_id`).

pub mod coverage;
pub mod intake;
pub mod leadership;
pub mod learning;
pub mod mentoring;
pub mod people;
pub mod places;

use super::engine::{Column, optional};
use super::refs::Person;
use super::row::Row;
use crate::domain::Service;

/// The person a row is about, and the columns that name them.
pub const EMPLOYEE: Person = Person {
    id: "employee_id",
    number: "employee_number",
    email: Some("email"),
};

pub const EMPLOYEE_COLUMNS: [Column; 3] = [
    optional("employee_id"),
    optional("employee_number").or(&["employee id", "employee number", "employee #", "emp id"]),
    optional("email").or(&["email address", "work email", "employee email"]),
];

pub const EMPLOYEE_ONE_OF: &[(&[&str], &str)] = &[(
    &["employee_id", "employee_number", "email"],
    "employee_number or email",
)];

/// Services separated by `;` or `,`, each by its label or the booklet's words; an unknown one is
/// refused.
pub fn services(row: &Row, column: &str) -> Result<Vec<Service>, String> {
    let mut out = Vec::new();
    for part in row
        .text(column)
        .split([';', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let s = Service::from_words(part).ok_or_else(|| {
            format!(
                "{column}: \"{}\" is not a service; one of: {}",
                crate::domain::truncate_for_message(part),
                super::labels::<Service>()
            )
        })?;
        if !out.contains(&s) {
            out.push(s);
        }
    }
    Ok(out)
}

use super::engine::{Apply, Kind, Mode, Outcome, Remap, Stored, columns, next_id_in, plan};
use super::reader::Sheet;
use super::row::Columns;
use crate::dataset::Dataset;
use crate::domain::Id;
use crate::store::{Record, Txn};

/// A kind of sheet, as the command line and `import all` see it.
pub trait SheetKind: Sync {
    fn name(&self) -> &'static str;
    /// The table its records live in.
    fn table(&self) -> &'static str;
    fn columns(&self, sheet: &Sheet, mode: Mode) -> Result<Columns, String>;
    fn plan(
        &self,
        sheet: &Sheet,
        columns: &Columns,
        data: &mut Dataset,
        mode: Mode,
        remap: &mut Remap,
        next_id: Id,
    ) -> (Box<dyn Apply>, Outcome);
    /// The id its next new record gets: in the transaction that writes, or after the last one.
    fn next_id(&self, txn: Option<&Txn>, data: &Dataset) -> crate::store::Result<Id>;
    /// The ids of its records in `data`.
    fn ids(&self, data: &Dataset) -> Vec<Id>;
}

struct Entry<K>(std::marker::PhantomData<K>);

impl<K: Kind + Sync> SheetKind for Entry<K> {
    fn name(&self) -> &'static str {
        K::NAME
    }

    fn table(&self) -> &'static str {
        <K::Rec as Record>::TABLE
    }

    fn columns(&self, sheet: &Sheet, mode: Mode) -> Result<Columns, String> {
        columns::<K>(sheet, mode)
    }

    fn plan(
        &self,
        sheet: &Sheet,
        columns: &Columns,
        data: &mut Dataset,
        mode: Mode,
        remap: &mut Remap,
        next_id: Id,
    ) -> (Box<dyn Apply>, Outcome) {
        plan::<K>(sheet, columns, data, mode, remap, next_id)
    }

    fn next_id(&self, txn: Option<&Txn>, data: &Dataset) -> crate::store::Result<Id> {
        match txn {
            Some(txn) => txn.peek_id::<K::Rec>(),
            None => Ok(next_id_in::<K::Rec>(data)),
        }
    }

    fn ids(&self, data: &Dataset) -> Vec<Id> {
        K::Rec::stored(data).iter().map(Record::id).collect()
    }
}

macro_rules! entries {
    ($($name:ident: $kind:ty),+ $(,)?) => {
        $(static $name: Entry<$kind> = Entry(std::marker::PhantomData);)+
    };
}
entries! {
    LOCATIONS: places::Locations,
    EMPLOYEES: people::Employees,
    CHAPTERS: people::Chapters,
    OWNERS: people::Owners,
    SETTINGS: intake::Settings,
    POPUPS: places::PopUps,
    INTAKES: intake::Intakes,
    CONSULTATIONS: intake::Consultations,
    MENTORS: mentoring::Mentors,
    PAIRS: mentoring::Pairs,
    LOGS: mentoring::Logs,
    AMBASSADORS: coverage::Ambassadors,
    AMBASSADOR_SESSIONS: coverage::AmbassadorSessions,
    REFERENCES: coverage::ReferencePopulations,
    COHORTS: leadership::Cohorts,
    PARTICIPANTS: leadership::Participants,
    SESSIONS: leadership::Sessions,
    MARKS: leadership::Marks,
    WAITLIST: leadership::Waitlist,
    OFFERINGS: learning::Offerings,
    PL_SESSIONS: learning::PlSessions,
    PL_ATTENDANCE: learning::PlAttendances,
    TEACHER_OUTCOMES: learning::TeacherOutcomes,
    CLOSURES: places::Closures,
}

/// Every kind, in the order `import all` loads them: a kind comes after the kinds it names.
pub static ALL: [&dyn SheetKind; 24] = [
    &LOCATIONS,
    &CLOSURES,
    &CHAPTERS,
    &OWNERS,
    &EMPLOYEES,
    &SETTINGS,
    &POPUPS,
    &INTAKES,
    &CONSULTATIONS,
    &MENTORS,
    &PAIRS,
    &LOGS,
    &AMBASSADORS,
    &AMBASSADOR_SESSIONS,
    &REFERENCES,
    &COHORTS,
    &PARTICIPANTS,
    &SESSIONS,
    &MARKS,
    &WAITLIST,
    &OFFERINGS,
    &PL_SESSIONS,
    &PL_ATTENDANCE,
    &TEACHER_OUTCOMES,
];

/// Kinds with an importer of their own (`import employees`, `import intakes`, `import
/// reference-populations`): in `import all` only, through this engine.
const OWN_IMPORTERS: [&str; 3] = ["employees", "intakes", "reference-populations"];

/// The kind `import KIND FILE` reads by this name (the export's names and the usual spellings).
pub fn by_name(name: &str) -> Option<&'static dyn SheetKind> {
    let name = crate::export::canonical(name)?;
    ALL.iter()
        .copied()
        .find(|k| k.name() == name && !OWN_IMPORTERS.contains(&name))
}

/// The names `import KIND FILE` takes through this engine, for help and errors.
pub fn names() -> Vec<&'static str> {
    ALL.iter()
        .map(|k| k.name())
        .filter(|n| !OWN_IMPORTERS.contains(n))
        .collect()
}
