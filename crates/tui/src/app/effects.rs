//! The one place where what a tab asks for happens: forms and questions go on the modal stack,
//! saves go through `App::save`, and a save's follow-up goes back to the tab that asked.
//!
//! Each tab speaks of its forms, questions and follow-ups in its own types; on the modal stack
//! they travel as a `Purpose` (the tab, and its value), which only that tab opens again.

use super::{Answer, App, Modal};
use crate::form::Form;
use crate::list::Nav;
use crate::save::{Save, SaveError};
use crate::tab::{Ctx, Effect, Effects, RecordRef, Tab, TabView};
use crate::theme::Theme;
use pathways_core::domain::Id;
use pathways_core::search::Kind;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::any::Any;

/// A tab's own value (what a form is for, what a yes does, what follows a save) on its way
/// through the app, labelled with the tab it belongs to.
pub struct Purpose {
    pub tab: Tab,
    value: Box<dyn Any + Send>,
}

impl Purpose {
    fn new<T: Send + 'static>(tab: Tab, value: T) -> Self {
        Purpose {
            tab,
            value: Box::new(value),
        }
    }
}

impl std::fmt::Debug for Purpose {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Purpose({:?})", self.tab)
    }
}

/// An effect on its way to `App::apply`.
pub type Erased = Effect<Purpose, Purpose, Purpose>;

/// A tab's effects, labelled with the tab.
pub fn erase<T: TabView>(effects: Effects<T>) -> Vec<Erased> {
    let tagged = |v| Purpose::new(T::TAB, v);
    effects
        .into_iter()
        .map(|e| match e {
            Effect::Form(form, p) => Effect::Form(form, Purpose::new(T::TAB, p)),
            Effect::Ask(message, c) => Effect::Ask(message, Purpose::new(T::TAB, c)),
            Effect::Save(save) => Effect::Save(save.map(tagged)),
            Effect::Status(s) => Effect::Status(s),
            Effect::Show(t) => Effect::Show(t),
            Effect::Reveal(kind, id) => Effect::Reveal(kind, id),
            Effect::Copy(text) => Effect::Copy(text),
        })
        .collect()
}

/// The tab contract as the app holds any tab: the same methods, with each tab's own values
/// travelling as `Purpose`.
pub(crate) trait AnyTab {
    fn refresh(&mut self, cx: &Ctx);
    fn navigate(&mut self, cx: &Ctx, nav: Nav);
    fn back(&mut self, cx: &Ctx) -> bool;
    fn filter(&self) -> &str;
    fn set_filter(&mut self, cx: &Ctx, text: &str);
    fn type_filter(&mut self, cx: &Ctx, text: &str);
    fn filtering(&self) -> bool;
    fn work(&mut self, cx: &Ctx, rows: usize) -> bool;
    fn reads(&self, table: &str) -> bool;
    fn ahead(&self) -> bool;
    fn work_ahead(&mut self, cx: &Ctx, rows: usize);
    fn submit(&mut self, cx: &Ctx, form: &mut Form, purpose: &Purpose) -> Vec<Erased>;
    fn confirmed(&mut self, cx: &Ctx, answer: Purpose) -> Vec<Erased>;
    fn saved(&mut self, cx: &Ctx, then: Purpose, id: Option<Id>) -> Vec<Erased>;
    fn patched(&mut self, cx: &Ctx, changes: &[(&'static str, Id)]) -> bool;
    fn copy_facts(&self, cx: &Ctx) -> Option<String>;
    fn person(&self, cx: &Ctx) -> Option<Id>;
    fn record(&self, cx: &Ctx) -> Option<RecordRef>;
    fn reveal(&mut self, cx: &Ctx, kind: Kind, id: Id, name: &str);
    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme);
}

impl<T: TabView> AnyTab for T {
    fn refresh(&mut self, cx: &Ctx) {
        TabView::refresh(self, cx)
    }
    fn navigate(&mut self, cx: &Ctx, nav: Nav) {
        TabView::navigate(self, cx, nav)
    }
    fn back(&mut self, cx: &Ctx) -> bool {
        TabView::back(self, cx)
    }
    fn filter(&self) -> &str {
        TabView::filter(self)
    }
    fn set_filter(&mut self, cx: &Ctx, text: &str) {
        TabView::set_filter(self, cx, text)
    }
    fn type_filter(&mut self, cx: &Ctx, text: &str) {
        TabView::type_filter(self, cx, text)
    }
    fn filtering(&self) -> bool {
        TabView::filtering(self)
    }
    fn work(&mut self, cx: &Ctx, rows: usize) -> bool {
        TabView::work(self, cx, rows)
    }
    fn reads(&self, table: &str) -> bool {
        TabView::reads(self, table)
    }
    fn ahead(&self) -> bool {
        TabView::ahead(self)
    }
    fn work_ahead(&mut self, cx: &Ctx, rows: usize) {
        TabView::work_ahead(self, cx, rows)
    }
    fn submit(&mut self, cx: &Ctx, form: &mut Form, purpose: &Purpose) -> Vec<Erased> {
        match purpose.value.downcast_ref::<T::Form>() {
            Some(p) => erase::<T>(TabView::submit(self, cx, form, p)),
            None => Vec::new(),
        }
    }
    fn confirmed(&mut self, cx: &Ctx, answer: Purpose) -> Vec<Erased> {
        match answer.value.downcast::<T::Confirm>() {
            Ok(c) => erase::<T>(TabView::confirmed(self, cx, *c)),
            Err(_) => Vec::new(),
        }
    }
    fn saved(&mut self, cx: &Ctx, then: Purpose, id: Option<Id>) -> Vec<Erased> {
        match then.value.downcast::<T::Saved>() {
            Ok(s) => erase::<T>(TabView::saved(self, cx, *s, id)),
            Err(_) => Vec::new(),
        }
    }
    fn patched(&mut self, cx: &Ctx, changes: &[(&'static str, Id)]) -> bool {
        TabView::patched(self, cx, changes)
    }
    fn copy_facts(&self, cx: &Ctx) -> Option<String> {
        TabView::copy_facts(self, cx)
    }
    fn person(&self, cx: &Ctx) -> Option<Id> {
        TabView::person(self, cx)
    }
    fn record(&self, cx: &Ctx) -> Option<RecordRef> {
        TabView::record(self, cx)
    }
    fn reveal(&mut self, cx: &Ctx, kind: Kind, id: Id, name: &str) {
        TabView::reveal(self, cx, kind, id, name)
    }
    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
        TabView::render(self, frame, area, cx, theme)
    }
}

impl App {
    /// Applies effects in order. A save that fails stops the rest and is returned, so a form
    /// can show why and stay open.
    pub(super) fn apply(&mut self, effects: Vec<Erased>) -> Option<SaveError> {
        for effect in effects {
            match effect {
                Effect::Form(form, purpose) => self.modals.push(Modal::Form { form, purpose }),
                Effect::Ask(message, then) => self.modals.push(Modal::Confirm {
                    message,
                    then: Answer::Tab(then),
                }),
                Effect::Save(save) => {
                    if let Err(e) = self.run_save(save) {
                        return Some(e);
                    }
                }
                Effect::Status(text) => self.status = Some(text),
                Effect::Show(tab) => self.show_tab(tab),
                Effect::Reveal(kind, id) => self.reveal(kind, id),
                Effect::Copy(text) => self.copy(Some(text)),
            }
        }
        None
    }

    /// Writes a tab's change; once written the tab hears its follow-up.
    fn run_save(&mut self, save: Save<Purpose>) -> Result<(), SaveError> {
        let (done, change, then) = save.into_parts();
        let id = self.save(&done, change)?;
        if let Some(then) = then {
            let (tab, cx) = self.split(then.tab);
            let more = tab.saved(&cx, then, id);
            if let Some(e) = self.apply(more) {
                // The follow-up's own save failed: the first one stands; say why.
                self.status = Some(format!("not saved: {}", e.summary()));
            }
        }
        Ok(())
    }

    /// Submits the form on top: it closes unless it has errors or its save fails (then it stays
    /// open with the reason, nothing typed lost).
    pub(super) fn submit_form(&mut self) {
        let Some(Modal::Form { mut form, purpose }) = self.modals.pop() else {
            return;
        };
        form.clear_errors();
        let (tab, cx) = self.split(purpose.tab);
        let effects = tab.submit(&cx, &mut form, &purpose);
        if form.has_errors() {
            self.modals.push(Modal::Form { form, purpose });
            self.apply(effects);
            return;
        }
        if let Some(e) = self.apply(effects) {
            form.message = Some(format!("not saved: {}", e.explain(self.private)));
            self.modals.push(Modal::Form { form, purpose });
        }
    }

    /// A yes to a tab's question.
    pub(super) fn answer(&mut self, then: Purpose) {
        let (tab, cx) = self.split(then.tab);
        let effects = tab.confirmed(&cx, then);
        self.apply(effects);
    }
}
