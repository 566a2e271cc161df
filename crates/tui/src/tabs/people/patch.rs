//! After this process's own save of people (an edit, a new person, a teacher hire) or of
//! intakes: the list takes in the people saved instead of being sorted again, so a person edit
//! (or a day of intake work on the queue) costs about the same at 1,000 or 1,000,000 records.
//! The chapter and owner counts (a pass over everyone and every intake) are made again when
//! those views are next shown.

use super::{PeopleTab, Picked, View, lists, render};
use crate::tab::{Ctx, only_appended};
use pathways_core::domain::{Consultation, Employee, Id, Intake, TeacherOutcome};
use pathways_core::store::Record;
use pathways_core::story::story;

/// Takes in `changes` (table, id); false when something else changed (a removal, a merge,
/// a list entry): the caller then rebuilds the views.
pub(super) fn patch(tab: &mut PeopleTab, cx: &Ctx, changes: &[(&'static str, Id)]) -> bool {
    let data = cx.data;
    if tab.merge.is_some() {
        return false;
    }
    let mut people = Vec::new();
    // Intakes (a day of queue work) show only in the owners' counts and a person's card.
    let mut intakes = false;
    for &(table, id) in changes {
        if table == Employee::TABLE {
            match data.employees.binary_search_by_key(&id, |e| e.id) {
                Ok(i) => people.push(i),
                Err(_) => return false,
            }
        } else if table == Intake::TABLE || table == Consultation::TABLE {
            intakes = true;
        } else if table != TeacherOutcome::TABLE {
            return false;
        }
    }
    // Only people added at the end (new ids) may have made the list longer.
    let known = tab.built;
    let len = data.employees.len();
    if !only_appended(known, len, &people) {
        return false;
    }
    tab.built = len;
    let memory = tab.list.remember();
    for &i in &people {
        let e = &data.employees[i];
        let at = render::sort_key(e);
        tab.list.list_mut(View::People).patch_row(
            i,
            Picked::Person(e.id),
            |order| Some(order.partition_point(|&j| render::sort_key(&data.employees[j]) < at)),
            || render::search_text(data, e),
        );
    }
    if !people.is_empty() || intakes {
        if tab.view() == View::People {
            tab.lists_stale = true;
        } else {
            lists::rebuild(tab, data);
        }
    }
    tab.list.restore(memory);
    if let Some(card) = &mut tab.card {
        card.story = story(data, card.person, cx.today);
    }
    true
}
