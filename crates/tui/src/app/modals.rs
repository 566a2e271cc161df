//! Modals are a stack: the top one gets keys first (help, a form, a question, the search, the
//! palette).

use super::{App, Purpose};
use crate::action::Action;
use crate::finder::{Palette, SearchBox};
use crate::form::Form;

#[derive(Debug)]
pub enum Modal {
    Help { scroll: u16 },
    Form { form: Form, purpose: Purpose },
    Confirm { message: String, then: Answer },
    Search(SearchBox),
    Palette(Palette),
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
