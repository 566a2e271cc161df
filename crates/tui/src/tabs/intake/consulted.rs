//! Each intake's consultations, newest first: one list of indexes into `data.consultations`,
//! sorted by intake and then newest first, found by binary search (a map holding a small list
//! per intake took a hundred thousand allocations and several megabytes at a million records).

use pathways_core::dataset::Dataset;
use pathways_core::domain::Id;
use std::cmp::Reverse;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Consulted(Vec<u32>);

/// Where consultation `i` goes: by intake, newest first, then in index order.
fn place(data: &Dataset, i: u32) -> (Id, Reverse<chrono::NaiveDate>, u32) {
    let c = &data.consultations[i as usize];
    (c.intake_id, Reverse(c.date), i)
}

impl Consulted {
    pub fn build(data: &Dataset) -> Consulted {
        let mut order: Vec<u32> = (0..data.consultations.len() as u32).collect();
        order.sort_unstable_by_key(|&i| place(data, i));
        Consulted(order)
    }

    /// The consultations of intake `id`, newest first, as indexes into `data.consultations`.
    pub fn of(&self, data: &Dataset, id: Id) -> &[u32] {
        let intake = |i: &u32| data.consultations[*i as usize].intake_id;
        let start = self.0.partition_point(|i| intake(i) < id);
        let end = start + self.0[start..].partition_point(|i| intake(i) == id);
        &self.0[start..end]
    }

    /// Takes in the consultations `changed` (indexes into `data.consultations`) after a save:
    /// each put in its place. False when consultations moved in the vector (one added anywhere
    /// but at its end): the caller then builds the list again.
    pub fn patch(&mut self, data: &Dataset, changed: &[usize]) -> bool {
        let known = self.0.len();
        if !crate::tab::only_appended(known, data.consultations.len(), changed) {
            return false;
        }
        self.0.retain(|&i| !changed.contains(&(i as usize)));
        for &i in changed {
            let i = i as u32;
            let at = self.0.partition_point(|&j| place(data, j) < place(data, i));
            self.0.insert(at, i);
        }
        true
    }
}
