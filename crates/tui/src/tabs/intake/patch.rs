//! After this process's own save of intakes or consultations only: the queue takes in the
//! records that changed instead of being rebuilt, so a status step costs about the same at
//! 1,000 or 1,000,000 records (a rebuild computes every intake's flags and sorts them all).

use super::{IntakeTab, queue, search_text};
use crate::tab::{Ctx, only_appended};
use pathways_core::domain::*;
use pathways_core::store::Record;

/// Takes in `changes` (table, id); false when something else changed (a removal, another kind,
/// an owner not on the pick list yet): the caller then rebuilds the whole view.
pub(super) fn patch(tab: &mut IntakeTab, cx: &Ctx, changes: &[(&'static str, Id)]) -> bool {
    let data = cx.data;
    let mut intakes = Vec::new();
    let mut consultations = Vec::new();
    for &(table, id) in changes {
        if table == Intake::TABLE {
            match data.intakes.binary_search_by_key(&id, |it| it.id) {
                Ok(i) => intakes.push(i),
                Err(_) => return false,
            }
        } else if table == Consultation::TABLE {
            match data.consultations.binary_search_by_key(&id, |c| c.id) {
                Ok(i) => consultations.push(i),
                Err(_) => return false,
            }
        } else {
            return false;
        }
    }
    // Only intakes added at the end (new ids) may have made the vector longer, and each of
    // them is among the changes.
    let known = tab.flags.len();
    if !only_appended(known, data.intakes.len(), &intakes) {
        return false;
    }
    // An owner the pick list does not hold yet: the list is made again from every intake.
    if intakes.iter().any(|&i| {
        let owner = data.intakes[i].owner.trim();
        !owner.is_empty() && !tab.owners.iter().any(|o| o == owner)
    }) {
        return false;
    }
    if !tab.consultations.patch(data, &consultations) {
        return false;
    }
    let memory = tab.list.remember();
    let closures = Closures::new(&data.closures);
    tab.flags.resize(data.intakes.len(), Default::default());
    for &i in &intakes {
        let it = &data.intakes[i];
        tab.flags[i] = queue::Flags::of(it, cx.today, tab.overdue_limit, tab.stale_limit, &closures);
    }
    let count = |f: fn(&queue::Flags) -> bool| tab.flags.iter().filter(|x| f(x)).count();
    tab.overdue_count = count(|f| f.overdue);
    tab.stale_count = count(|f| f.stale);
    tab.late_count = count(|f| f.late);
    let (sort, reversed) = (tab.sort, tab.reversed);
    for &i in &intakes {
        let kept = queue::keeps(cx, &tab.filters, &tab.flags, i);
        let it = &data.intakes[i];
        tab.list.current_mut().patch_row(
            i,
            it.id,
            |order| kept.then(|| queue::position(cx, sort, reversed, order, i)),
            || search_text(data, it),
        );
    }
    tab.list.restore(memory);
    true
}
