//! Everything in the database as plain vectors, loaded once and refreshed after each change.
//! The UI, reports and one-shot commands read this; only the store writes.

use crate::domain::*;
use std::collections::HashMap;

/// Lists every kind of record once: (field, type, singular name for messages and export).
/// Adding a kind here adds it to the dataset, loading, checks and backups.
#[macro_export]
macro_rules! with_record_kinds {
    ($m:ident) => {
        $m! {
            employees: Employee,
            locations: Location,
            intakes: Intake,
            consultations: Consultation,
            intake_settings: IntakeSettings,
            mentors: Mentor,
            pairs: MentoringPair,
            logs: MentorLog,
            ambassadors: Ambassador,
            ambassador_sessions: AmbassadorSession,
            cohorts: Cohort,
            participants: Participant,
            sessions: LeadershipSession,
            attendance: AttendanceMark,
            waitlist: WaitlistEntry,
            offerings: Offering,
            pl_sessions: PlSession,
            pl_attendance: PlAttendance,
            popups: PopUpEvent,
            reference_populations: ReferencePopulation,
            teacher_outcomes: TeacherOutcome,
            closures: Closure,
        }
    };
}

macro_rules! dataset_struct {
    ($($field:ident: $ty:ty),+ $(,)?) => {
        /// All records, each vector in id order.
        #[derive(Debug, Clone, Default)]
        pub struct Dataset {
            $(pub $field: Vec<$ty>,)+
            employee_index: HashMap<Id, usize>,
            location_index: HashMap<Id, usize>,
        }

        impl Dataset {
            /// Total records of every kind.
            pub fn record_count(&self) -> usize {
                0 $(+ self.$field.len())+
            }
        }
    };
}
with_record_kinds!(dataset_struct);

impl Dataset {
    /// Rebuilds the lookup indexes; call after replacing any vector.
    pub fn reindex(&mut self) {
        self.employee_index = self
            .employees
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i))
            .collect();
        self.location_index = self
            .locations
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id, i))
            .collect();
    }

    pub fn employee(&self, id: Id) -> Option<&Employee> {
        self.employee_index.get(&id).and_then(|&i| self.employees.get(i))
    }

    pub fn location(&self, id: Id) -> Option<&Location> {
        self.location_index.get(&id).and_then(|&i| self.locations.get(i))
    }

    pub fn employee_name(&self, id: Id) -> String {
        self.employee(id)
            .map(Employee::full_name)
            .unwrap_or_else(|| format!("employee #{id}"))
    }

    pub fn location_name(&self, id: Option<Id>) -> &str {
        id.and_then(|id| self.location(id))
            .map(|l| l.name.as_str())
            .unwrap_or("—")
    }

    pub fn mentor(&self, id: Id) -> Option<&Mentor> {
        self.mentors.iter().find(|m| m.id == id)
    }

    pub fn cohort_for(&self, fy: FiscalYear) -> Option<&Cohort> {
        self.cohorts.iter().find(|c| c.fiscal_year == fy.0)
    }

    /// A cohort's participants in roster order (last name, first name; accents ignored).
    pub fn cohort_participants(&self, cohort_id: Id) -> Vec<Participant> {
        let mut people: Vec<Participant> = self
            .participants
            .iter()
            .filter(|p| p.cohort_id == cohort_id)
            .cloned()
            .collect();
        people.sort_by_cached_key(|p| {
            (
                self.employee(p.employee_id)
                    .map(|e| crate::text::fold(&e.sort_name()))
                    .unwrap_or_default(),
                p.id,
            )
        });
        people
    }

    /// Chapters known from employees, sorted, with N/A last.
    pub fn chapters(&self) -> Vec<String> {
        let mut set: Vec<String> = self
            .employees
            .iter()
            .map(|e| e.chapter.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .filter(|c| c != NO_CHAPTER)
            .collect();
        set.push(NO_CHAPTER.to_string());
        set
    }
}
