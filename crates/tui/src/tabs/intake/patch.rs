//! After a save of intakes or consultations only: the queue takes in the records that changed
//! instead of being rebuilt, so a status step costs the same at 1,000 or 1,000,000 records.

use super::{IntakeTab, queue, search_text};
use crate::tab::Ctx;
use pathways_core::domain::*;
use pathways_core::store::Record;

/// Takes in `changes` (table, id); false when they are not only intakes and consultations
/// changed or added (a removal, another kind: the caller rebuilds the whole view).
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
                Ok(i) => consultations.push(data.consultations[i].intake_id),
                Err(_) => return false,
            }
        } else {
            return false;
        }
    }
    // Only records added at the end (new ids) may have made the vector longer.
    let grown = data.intakes.len().saturating_sub(tab.overdue.len());
    if data.intakes.len() < tab.overdue.len()
        || (tab.overdue.len()..data.intakes.len()).any(|i| !intakes.contains(&i))
        || grown > intakes.len()
    {
        return false;
    }
    // Keys built for the data just before this save stay current once these rows are redone.
    let keys_current = tab.keys_version.is_some_and(|v| v + 1 == data.version());
    let closures = Closures::new(&data.closures);
    tab.overdue.resize(data.intakes.len(), false);
    let (today, sort, reversed) = (cx.today, tab.sort, tab.reversed);
    let count = data.intakes.len();
    for &i in &intakes {
        let it = &data.intakes[i];
        tab.overdue[i] = it.is_overdue(today, tab.overdue_limit, &closures);
        let owner = it.owner.trim();
        if !owner.is_empty()
            && let Err(at) = tab.owners.binary_search_by(|o| o.as_str().cmp(owner))
        {
            tab.owners.insert(at, owner.to_string());
        }
        let kept = queue::keeps(data, &tab.filters, &tab.overdue, i);
        tab.list.current_mut().patch_row(
            i,
            count,
            it.id,
            |order| kept.then(|| queue::position(data, today, sort, reversed, order, i)),
            || search_text(data, it),
        );
    }
    tab.overdue_count = tab.overdue.iter().filter(|o| **o).count();
    for intake_id in consultations {
        let mut list: Vec<usize> = data
            .consultations
            .iter()
            .enumerate()
            .filter(|(_, c)| c.intake_id == intake_id)
            .map(|(i, _)| i)
            .collect();
        list.sort_by_key(|&i| std::cmp::Reverse(data.consultations[i].date));
        tab.consultations.insert(intake_id, list);
    }
    if keys_current {
        tab.keys_version = Some(data.version());
    }
    true
}
