//! Modals are a stack: the top one gets keys first (help, a form, a question, the search, the
//! palette).

use super::{App, Purpose};
use crate::action::Action;
use crate::finder::{Palette, SearchBox};
use crate::form::Form;
use crate::list::Nav;
use crate::tab::RecordRef;
use pathways_core::store::HistoryEntry;

#[derive(Debug)]
pub enum Modal {
    Help { scroll: u16 },
    History(History),
    Form { form: Form, purpose: Purpose },
    Confirm { message: String, then: Answer },
    Search(SearchBox),
    Palette(Palette),
}

/// A record's history on screen (who changed what, when), newest first.
#[derive(Debug, Clone)]
pub struct History {
    pub record: RecordRef,
    pub entries: Vec<HistoryEntry>,
    pub scroll: u16,
    /// How far it could scroll as last drawn.
    pub room: std::cell::Cell<u16>,
}

impl History {
    pub fn new(record: RecordRef, entries: Vec<HistoryEntry>) -> Self {
        History {
            record,
            entries,
            scroll: 0,
            room: Default::default(),
        }
    }

    fn scroll(&mut self, nav: Nav) {
        let room = self.room.get();
        let top = self.scroll.min(room);
        let page = crate::list::PAGE as u16;
        self.scroll = match nav {
            Nav::Up => top.saturating_sub(1),
            Nav::Down => (top + 1).min(room),
            Nav::PageUp => top.saturating_sub(page),
            Nav::PageDown => (top + page).min(room),
            Nav::Top => 0,
            Nav::Bottom => room,
            Nav::Left | Nav::Right => top,
        };
    }
}

/// What a yes to a question does.
#[derive(Debug)]
pub enum Answer {
    /// Close the form below without saving.
    DiscardForm,
    /// Quit, dropping what an open form holds (Ctrl-C with unsaved changes).
    Quit,
    /// What the tab that asked does.
    Tab(Purpose),
}

impl App {
    pub(super) fn update_modal(&mut self, action: Action) {
        match self.modals.last_mut() {
            Some(Modal::Help { scroll }) => match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Back | Action::Cancel | Action::Help => {
                    self.modals.pop();
                }
                _ => {}
            },
            Some(Modal::History(h)) => match action {
                Action::Back | Action::Cancel | Action::History => {
                    self.modals.pop();
                }
                Action::TogglePrivacy => {
                    self.private = !self.private;
                    let word = if self.private { "on" } else { "off" };
                    self.status = Some(format!("privacy screen {word}"));
                }
                other => {
                    if let Some(nav) = other.nav() {
                        h.scroll(nav);
                    }
                }
            },
            Some(Modal::Form { .. }) => self.update_form(action),
            Some(Modal::Search(_)) => self.update_search(action),
            Some(Modal::Palette(_)) => self.update_palette(action),
            Some(Modal::Confirm { .. }) => match action {
                Action::Confirm => {
                    if let Some(Modal::Confirm { then, .. }) = self.modals.pop() {
                        match then {
                            Answer::DiscardForm => {
                                self.modals.pop();
                                self.status = Some("changes discarded".into());
                            }
                            Answer::Quit => self.running = false,
                            Answer::Tab(purpose) => self.answer(purpose),
                        }
                    }
                }
                Action::Cancel | Action::Back => {
                    self.modals.pop();
                }
                _ => {}
            },
            None => {}
        }
    }

    fn update_form(&mut self, action: Action) {
        let Some(Modal::Form { form, .. }) = self.modals.last_mut() else {
            return;
        };
        match action {
            Action::NextField => form.next_field(),
            Action::PrevField => form.prev_field(),
            Action::PickNext => form.right(),
            Action::PickPrev => form.left(),
            Action::Home => form.home(),
            Action::End => form.end(),
            Action::Backspace => form.backspace(),
            Action::Delete => form.delete(),
            Action::Type(c) => form.type_char(c),
            Action::Cancel | Action::Back => {
                if form.is_changed() {
                    self.modals.push(Modal::Confirm {
                        message: "Discard the changes in this form?".into(),
                        then: Answer::DiscardForm,
                    });
                } else {
                    self.modals.pop();
                }
            }
            Action::Submit => self.submit_form(),
            _ => {}
        }
    }
}
