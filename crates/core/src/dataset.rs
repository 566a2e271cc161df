//! Everything in the database as plain vectors, loaded once and refreshed after each change.
//! The UI, reports and one-shot commands read this; only the store writes.

use crate::domain::*;
use crate::keys::Spot;
use crate::lookup::People;
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
            chapters: Chapter,
            owners: Owner,
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
            /// Lookups by id for people and places when their vector is not in id order
            /// (empty when it is, as loaded: then an id is found where it belongs, without a
            /// map of its own).
            employee_index: HashMap<Id, usize>,
            location_index: HashMap<Id, usize>,
            /// Bumped by every `reindex`, so views can tell whether what they built is current.
            version: u64,
            /// Bumped whenever people, places or the chapter list may have changed.
            people_version: u64,
            /// Sorted positions for a form's lookups (`people`, `intakes_of`).
            keys: crate::keys::Keys,
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
    /// Which state of the data this is: it changes whenever the data changes (every
    /// `reindex`), so a view can keep what it built from the same state.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Rebuilds the lookup indexes; call after replacing any vector.
    pub fn reindex(&mut self) {
        self.version += 1;
        self.people_version += 1;
        self.keys.clear();
        self.employee_index = index_unless_in_order(&self.employees, |e| e.id);
        self.location_index = index_unless_in_order(&self.locations, |l| l.id);
    }

    /// After records changed in place: a new version, and the lookups by id rebuilt when people
    /// or places were among them (not otherwise: a saved intake costs no rebuild of the employee
    /// lookup). The store, which knows which kinds changed, says which.
    pub fn changed(&mut self, people_or_places: bool) {
        if people_or_places {
            self.reindex();
        } else {
            self.version += 1;
            self.keys.clear_intakes();
        }
    }

    /// Which state of the people, places and chapter list this is: it changes whenever any of
    /// them may have changed (every `reindex`, every save of one), so a view can keep what it
    /// made from them alone (the chapter groups) across other saves.
    pub fn people_version(&self) -> u64 {
        self.people_version
    }

    /// After people, places or chapters were saved in place (see `people_version`).
    pub fn people_changed(&mut self) {
        self.people_version += 1;
    }

    /// After people or places were saved in place or added at the end of their vectors (no
    /// other one moved): a new version, and the lookups by id take in the added `employees`
    /// and `locations` (ids) instead of being made again.
    /// In id order (as loaded and as saves keep them) people and places need no map: they are
    /// found where they sit.
    pub fn appended(&mut self, employees: &[Id], locations: &[Id]) {
        self.version += 1;
        if !self.employee_index.is_empty() {
            for &id in employees {
                if let Some(i) = self.employees.iter().rposition(|e| e.id == id) {
                    self.employee_index.insert(id, i);
                }
            }
        }
        if !self.location_index.is_empty() {
            for &id in locations {
                if let Some(i) = self.locations.iter().rposition(|l| l.id == id) {
                    self.location_index.insert(id, i);
                }
            }
        }
    }

    /// The one lookup for people typed into a form (`lookup::People`), through sorted positions
    /// of the people made when first asked for and kept right across this process's saves.
    pub fn people(&self) -> People<'_> {
        People::sorted(&self.employees, self.keys.people(&self.employees))
    }

    /// The intakes of one person, in id order, through sorted positions as `people`.
    pub fn intakes_of(&self, employee: Id) -> Vec<&Intake> {
        match self.keys.intakes_of(&self.intakes, employee) {
            Some(at) => at.iter().filter_map(|&i| self.intakes.get(i as usize)).collect(),
            None => self
                .intakes
                .iter()
                .filter(|i| i.employee_id == employee)
                .collect(),
        }
    }

    /// Whether the sorted positions `people` and `intakes_of` use are all made over the
    /// people and intakes as they are.
    pub fn keys_made(&self) -> bool {
        self.keys.made(&self.employees, &self.intakes)
    }

    /// Makes one more of the sorted positions (one sort, tens of milliseconds at a million
    /// records): the event loop makes them between keys, so the first form saved finds them.
    /// Returns whether all are made.
    pub fn make_keys(&mut self) -> bool {
        self.keys.make_one(&self.employees, &self.intakes)
    }

    /// A save of this process put a record of `table` at `spot` (its vector already holds it):
    /// the sorted positions take it in (`Store`'s `apply_saved` tells every change).
    pub(crate) fn saved_at(&mut self, table: &str, spot: Spot) {
        use crate::store::Record;
        if table == Employee::TABLE {
            self.keys.employee_saved(&self.employees, spot);
        } else if table == Intake::TABLE {
            self.keys.intake_saved(&self.intakes, spot);
        }
    }

    pub fn employee(&self, id: Id) -> Option<&Employee> {
        by_id(&self.employees, &self.employee_index, id, |e| e.id)
    }

    /// Where the intake with `id` is in `intakes` (kept in id order).
    pub fn intake_position(&self, id: Id) -> Option<usize> {
        position_by_id(&self.intakes, &HashMap::new(), id, |i| i.id)
    }

    /// Where the employee with `id` is in `employees`.
    pub fn employee_position(&self, id: Id) -> Option<usize> {
        position_by_id(&self.employees, &self.employee_index, id, |e| e.id)
    }

    pub fn location(&self, id: Id) -> Option<&Location> {
        by_id(&self.locations, &self.location_index, id, |l| l.id)
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

    /// The union chapters (the list, and any chapter a person carries that is not on it yet),
    /// sorted, then N/A. Unknown is not a chapter: see `chapter_groups`.
    pub fn chapters(&self) -> Vec<String> {
        let mut names = self.union_chapters();
        names.push(NO_CHAPTER.to_string());
        names
    }

    /// The union chapters alone (without N/A), sorted.
    pub fn union_chapters(&self) -> Vec<String> {
        list_names(
            self.chapters.iter().map(|c| c.name.as_str()),
            distinct(self.employees.iter().filter_map(|e| e.chapter.as_deref()))
                .into_iter()
                .filter(|c| !same_name(c, NO_CHAPTER)),
        )
    }

    /// The groups a chapter breakdown counts in: the chapters, N/A, then "Unknown" for people
    /// whose chapter nobody has entered.
    pub fn chapter_groups(&self) -> Vec<String> {
        let mut groups = self.chapters();
        groups.push(UNKNOWN_CHAPTER.to_string());
        groups
    }

    /// The chapter groups a table lists: the chapters, N/A, and "Unknown" while someone's chapter
    /// is not entered yet (an empty Unknown row would only be noise).
    pub fn listed_chapter_groups(&self) -> Vec<String> {
        if self.employees.iter().any(|e| e.chapter.is_none()) {
            self.chapter_groups()
        } else {
            self.chapters()
        }
    }

    /// The owners a queue item can belong to: the list, and any owner an intake names that is
    /// not on it yet (intakes written before the list existed), sorted.
    pub fn owners(&self) -> Vec<String> {
        list_names(
            self.owners.iter().map(|o| o.name.as_str()),
            distinct(self.intakes.iter().map(|i| i.owner.as_str())),
        )
    }
}

/// Each value once, in the order first seen: a list of names carried by a million records is
/// made from the few distinct ones (`list_names` keeps the first spelling, so the order stays).
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    // foldhash: several times faster than the default hasher over a million names.
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    values.filter(|v| seen.insert(*v)).collect()
}

/// A map from id to place for `records` not in id order; empty for records in id order, which
/// `by_id` finds without one.
fn index_unless_in_order<T>(records: &[T], id_of: fn(&T) -> Id) -> HashMap<Id, usize> {
    if records.is_sorted_by_key(id_of) {
        return HashMap::new();
    }
    records.iter().enumerate().map(|(i, r)| (id_of(r), i)).collect()
}

/// The record with `id` (see [`position_by_id`]).
fn by_id<'a, T>(records: &'a [T], index: &HashMap<Id, usize>, id: Id, id_of: fn(&T) -> Id) -> Option<&'a T> {
    position_by_id(records, index, id, id_of).and_then(|i| records.get(i))
}

/// Where the record with `id` is: through `index` when the records are not in id order,
/// otherwise where it belongs. Ids are handed out 1, 2, 3…, so record `id` is mostly the
/// `id`th; otherwise a binary search finds it.
fn position_by_id<T>(
    records: &[T],
    index: &HashMap<Id, usize>,
    id: Id,
    id_of: fn(&T) -> Id,
) -> Option<usize> {
    if !index.is_empty() {
        return index.get(&id).copied().filter(|&i| i < records.len());
    }
    let guess = usize::try_from(id).ok().and_then(|id| id.checked_sub(1));
    if let Some(i) = guess
        && records.get(i).is_some_and(|r| id_of(r) == id)
    {
        return Some(i);
    }
    records.binary_search_by_key(&id, id_of).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(ids: &[Id]) -> Dataset {
        let mut data = Dataset::default();
        for &id in ids {
            data.employees.push(Employee {
                id,
                ..Employee::unknown(String::new(), format!("P{id}"), String::new(), String::new())
            });
        }
        data.reindex();
        data
    }

    #[test]
    fn people_are_found_by_id_in_order_with_gaps_or_out_of_order() {
        for ids in [vec![1, 2, 3, 4], vec![2, 5, 6, 40], vec![40, 2, 6, 5], vec![]] {
            let data = people(&ids);
            for id in 0..45 {
                let found = data.employee(id).map(|e| e.first_name.clone());
                let expected = ids.contains(&id).then(|| format!("P{id}"));
                assert_eq!(found, expected, "{ids:?}, id {id}");
            }
        }
    }
}
