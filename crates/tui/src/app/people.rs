//! People across the tabs: the card of the person a row shows (`O`), of a search hit or of
//! `:person NAME`, opened on the people tab and closed back to where it was opened; and the
//! history of the record a row shows (`L`), read from the store.

use super::{App, History, Modal, Tab};
use crate::action::Action;
use pathways_core::domain::{Employee, Id};
use pathways_core::store::Record;

impl App {
    /// The person the selected row of the tab on screen shows, if any.
    pub fn selected_person(&self) -> Option<Id> {
        self.view(self.tab).person(&self.ctx())
    }

    /// Whether `action` does something on the screen as it is, so the footer offers it: the
    /// card where a row shows a person, the history where it shows a record, the people tab's
    /// keys where they apply (Enter is "card" on the people list only).
    pub fn offers(&self, action: Action) -> bool {
        use crate::tabs::people::{PeopleAction as P, View};
        let people = &self.people;
        match action {
            Action::PersonCard => self.tab != Tab::People && self.selected_person().is_some(),
            Action::History => self.view(self.tab).record(&self.ctx()).is_some(),
            Action::People(P::Open) => {
                people.card.is_none() && people.merge.is_none() && people.view() == View::People
            }
            Action::People(P::Toggle | P::Swap) => people.merge.is_some(),
            // The merge screen's keys are its own: the person's keys wait until it closes.
            Action::People(_) => people.merge.is_none(),
            _ => true,
        }
    }

    /// `O`: the card of the person the selected row shows.
    pub(super) fn card_of_selected(&mut self) {
        match self.selected_person() {
            Some(id) => self.open_card(id),
            None => self.status = Some("this row shows no person".into()),
        }
    }

    /// Shows `person`'s card on the people tab; Esc on it goes back to the tab it came from.
    pub fn open_card(&mut self, person: Id) {
        let from = self.tab;
        self.show_tab(Tab::People);
        self.filtering = false;
        let (tab, cx) = (
            &mut self.people,
            super::Ctx::new(&self.data, self.today, self.private),
        );
        tab.open_card(&cx, person);
        self.card_from = (from != Tab::People).then_some(from);
    }

    /// `:person NAME-OR-ID`: the card of the one person the text names (an employee id, an
    /// email, a name, or `#N`), or why there is none.
    pub fn card_by_name(&mut self, text: &str) {
        let people = self.data.people();
        let found = match text.trim().strip_prefix('#') {
            Some(n) => n
                .trim()
                .parse::<Id>()
                .ok()
                .filter(|id| self.data.employee(*id).is_some())
                .ok_or_else(|| "no person has that record number".to_string()),
            None => people
                .find(text)
                .map(|e| e.id)
                .map_err(|e| people.explain(&e, self.private)),
        };
        match found {
            Ok(id) => self.open_card(id),
            Err(why) => self.status = Some(format!("person: {why}")),
        }
    }

    /// `L`: the history of the record the selected row shows (a person: their record and every
    /// record of their story), newest first.
    pub(super) fn open_history(&mut self) {
        let cx = self.ctx();
        let Some(record) = self.view(self.tab).record(&cx) else {
            self.status = Some("this row shows no record with a history".into());
            return;
        };
        let read = if record.table == Employee::TABLE {
            self.store.person_history(&self.data, record.id)
        } else {
            self.store.history(record.table, record.id)
        };
        match read {
            Ok(mut entries) => {
                entries.reverse();
                self.modals.push(Modal::History(History::new(record, entries)));
            }
            Err(e) => self.status = Some(format!("could not read the history: {e}")),
        }
    }
}
