//! Tab 7, professional learning: the offerings (PDO course number, title, partner office), their
//! sessions (date, time, place, facilitator) and who attended, added, edited and removed where
//! the team works. Every change goes through `pathways_core::learning`, which checks its rules
//! against what is stored in the transaction that writes; the forms check the same rules first so
//! the reason lands on the field.
//!
//! Three views share one filter: offerings, sessions (latest first) and the attendance of the
//! selected session. Enter goes from an offering to its sessions and from a session to its
//! attendance.

mod forms;
mod keys;
mod patch;
mod render;
#[cfg(test)]
mod tests;

pub use keys::{KEYS, LearningAction};

use crate::form::Form;
use crate::keys::Binding;
use crate::list::{Nav, ViewKind, Views};
use crate::tab::{Ctx, Effect, Effects, Tab, TabView, facts};
use crate::theme::Theme;
use pathways_core::dataset::Dataset;
use pathways_core::domain::{Id, IdMap, Offering, PlAttendance, PlSession};
use pathways_core::search::Kind;
use ratatui::Frame;
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Offerings,
    Sessions,
    Attendance,
}

impl View {
    pub const ALL: [View; 3] = [View::Offerings, View::Sessions, View::Attendance];

    pub fn title(self) -> &'static str {
        match self {
            View::Offerings => "Offerings",
            View::Sessions => "Sessions",
            View::Attendance => "Attendance",
        }
    }
}

impl ViewKind for View {
    const ALL: &'static [View] = &View::ALL;
}

/// What a view's selected row is, wherever it sorts.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    Offering(Id),
    Session(Id),
    Attendance(Id),
}

#[derive(Debug, Clone, Default)]
pub struct LearningTab {
    /// Offerings (indexes into `data.offerings`), sessions (into `data.pl_sessions`) and the
    /// chosen session's attendance (into `data.pl_attendance`).
    pub list: Views<View, Picked>,
    /// The session whose attendance the third view lists.
    pub session: Option<Id>,
    /// Sessions per offering id and attendance per offering id (per session: `attended`).
    pub sessions_of: IdMap<usize>,
    pub offering_attended: IdMap<usize>,
    /// Each session's attendance (indexes into `data.pl_attendance`, in data order), so a
    /// session's list is made from its own marks, not from every mark.
    marks: IdMap<Vec<usize>>,
    /// How many sessions and marks the views were built from (a save only appends).
    built: (usize, usize),
    /// How many times the views were rebuilt whole (a save that is taken in is not).
    pub rebuilds: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LearningForm {
    AddOffering,
    /// The record as it was when the form opened: a save compares against it.
    EditOffering(Offering),
    AddSession,
    EditSession(PlSession),
    AddAttendance(Id),
}

#[derive(Debug, Clone, PartialEq)]
pub enum LearningConfirm {
    RemoveOffering(Offering),
    RemoveSession(PlSession),
    RemoveAttendance(PlAttendance),
}

/// What follows a save: select what was added.
#[derive(Debug, Clone, PartialEq)]
pub enum LearningSaved {
    Offering,
    Session,
    Attendance,
}

type Fx = Effects<LearningTab>;

impl LearningTab {
    /// Computes every view's rows from the data.
    pub fn rebuild(&mut self, data: &Dataset) {
        self.rebuilds += 1;
        let memory = self.list.remember();
        self.marks.clear();
        for (i, a) in data.pl_attendance.iter().enumerate() {
            self.marks.entry(a.pl_session_id).or_default().push(i);
        }
        self.count_offerings(data);
        if self
            .session
            .is_some_and(|id| data.pl_sessions.binary_search_by_key(&id, |s| s.id).is_err())
        {
            self.session = None;
        }
        self.built = (data.pl_sessions.len(), data.pl_attendance.len());

        let mut order: Vec<usize> = (0..data.offerings.len()).collect();
        order.sort_by_cached_key(|&i| {
            let o = &data.offerings[i];
            (
                o.course_number.is_empty(),
                o.course_number.clone(),
                pathways_core::text::fold(&o.title),
            )
        });
        self.list
            .list_mut(View::Offerings)
            .set(order.into_iter().map(|i| {
                let o = &data.offerings[i];
                (
                    i,
                    Picked::Offering(o.id),
                    format!("{} {} {}", o.course_number, o.title, o.partner_office),
                )
            }));

        // Sessions: the latest first (the ones being recorded now are at the top).
        let mut order: Vec<usize> = (0..data.pl_sessions.len()).collect();
        order.sort_by_key(|&i| session_key(&data.pl_sessions[i]));
        self.list
            .list_mut(View::Sessions)
            .set(order.into_iter().map(|i| session_row(data, i)));
        self.fill_attendance(data);
        self.list.restore(memory);
    }

    /// How many people were marked at session `session`.
    pub fn attended(&self, session: Id) -> usize {
        self.marks.get(&session).map_or(0, Vec::len)
    }

    /// Sessions and attendance per offering, from the sessions and each session's count.
    fn count_offerings(&mut self, data: &Dataset) {
        self.sessions_of.clear();
        self.offering_attended.clear();
        for s in &data.pl_sessions {
            *self.sessions_of.entry(s.offering_id).or_default() += 1;
            let n = self.attended(s.id);
            if n > 0 {
                *self.offering_attended.entry(s.offering_id).or_default() += n;
            }
        }
    }

    /// The attendance view's rows: the chosen session's marks, by name.
    fn fill_attendance(&mut self, data: &Dataset) {
        let mut order: Vec<usize> = self
            .session
            .and_then(|s| self.marks.get(&s))
            .cloned()
            .unwrap_or_default();
        order.sort_by_cached_key(|&i| attendance_key(data, i));
        self.list
            .list_mut(View::Attendance)
            .set(order.into_iter().map(|i| attendance_row(data, i)));
    }

    /// Lists the attendance of session `id` (its marks only; the other views stay).
    fn choose_session(&mut self, data: &Dataset, id: Option<Id>) {
        let memory = self.list.remember();
        self.session = id;
        self.fill_attendance(data);
        self.list.restore(memory);
    }

    pub fn view(&self) -> View {
        self.list.view
    }

    pub fn selected_offering<'a>(&self, data: &'a Dataset) -> Option<&'a Offering> {
        match self.list.list(View::Offerings).picked() {
            Some(Picked::Offering(id)) => data.offerings.iter().find(|o| o.id == id),
            _ => None,
        }
    }

    /// The session the sessions view has selected.
    pub fn selected_session<'a>(&self, data: &'a Dataset) -> Option<&'a PlSession> {
        match self.list.list(View::Sessions).picked() {
            Some(Picked::Session(id)) => data.pl_sessions.iter().find(|s| s.id == id),
            _ => None,
        }
    }

    /// The session whose attendance is listed.
    pub fn attendance_session<'a>(&self, data: &'a Dataset) -> Option<&'a PlSession> {
        self.session
            .and_then(|id| data.pl_sessions.iter().find(|s| s.id == id))
    }

    pub fn selected_attendance<'a>(&self, data: &'a Dataset) -> Option<&'a PlAttendance> {
        match self.list.list(View::Attendance).picked() {
            Some(Picked::Attendance(id)) => data.pl_attendance.iter().find(|a| a.id == id),
            _ => None,
        }
    }

    /// Shows view `v`; the attendance view follows the session selected in the sessions view.
    fn show(&mut self, data: &Dataset, v: View) {
        if v == View::Attendance {
            let chosen = self.selected_session(data).map(|s| s.id).or(self.session);
            if chosen != self.session {
                self.choose_session(data, chosen);
            }
        }
        self.list.show(v);
    }

    /// Enter: an offering's sessions (the filter set to its course), a session's attendance.
    fn open(&mut self, data: &Dataset) -> Fx {
        match self.view() {
            View::Offerings => match self.selected_offering(data) {
                Some(o) => {
                    let key = if o.course_number.is_empty() {
                        o.title.clone()
                    } else {
                        o.course_number.clone()
                    };
                    self.list.set_filter(&key);
                    self.show(data, View::Sessions);
                    vec![Effect::status(format!(
                        "sessions of {} (Esc clears the filter)",
                        offering_name(o)
                    ))]
                }
                None => vec![Effect::status("no offering selected; a adds one")],
            },
            View::Sessions => {
                if self.selected_session(data).is_none() {
                    return vec![Effect::status("no session selected; a adds one")];
                }
                self.list.set_filter("");
                self.show(data, View::Attendance);
                vec![]
            }
            View::Attendance => vec![],
        }
    }
}

/// Where a session sorts: the latest first.
fn session_key(
    s: &PlSession,
) -> (
    std::cmp::Reverse<chrono::NaiveDate>,
    std::cmp::Reverse<Option<chrono::NaiveTime>>,
    Id,
) {
    (std::cmp::Reverse(s.date), std::cmp::Reverse(s.start), s.id)
}

/// The sessions view's row of `data.pl_sessions[i]`, with the text `/` searches.
fn session_row(data: &Dataset, i: usize) -> (usize, Picked, String) {
    let s = &data.pl_sessions[i];
    let o = data.offerings.iter().find(|o| o.id == s.offering_id);
    (
        i,
        Picked::Session(s.id),
        format!(
            "{} {} {} {} {}",
            s.date,
            o.map(|o| o.course_number.as_str()).unwrap_or_default(),
            o.map(|o| o.title.as_str()).unwrap_or_default(),
            s.place,
            s.facilitator
        ),
    )
}

/// Where a mark sorts in a session's attendance: by the person's name.
fn attendance_key(data: &Dataset, i: usize) -> String {
    data.employee(data.pl_attendance[i].employee_id)
        .map(|e| pathways_core::text::fold(&e.sort_name()))
        .unwrap_or_default()
}

/// The attendance view's row of `data.pl_attendance[i]`.
fn attendance_row(data: &Dataset, i: usize) -> (usize, Picked, String) {
    let a = &data.pl_attendance[i];
    let e = data.employee(a.employee_id);
    (
        i,
        Picked::Attendance(a.id),
        format!(
            "{} {}",
            data.employee_name(a.employee_id),
            e.map(|e| e.employee_number.as_str()).unwrap_or_default()
        ),
    )
}

/// "92883 Grow Your Career", or the title alone for an offering without a number.
pub fn offering_name(o: &Offering) -> String {
    if o.course_number.is_empty() {
        o.title.clone()
    } else {
        format!("{} {}", o.course_number, o.title)
    }
}

/// "92883 Grow Your Career · 2026-11-05 16:30".
pub fn session_name(data: &Dataset, s: &PlSession) -> String {
    let course = data
        .offerings
        .iter()
        .find(|o| o.id == s.offering_id)
        .map(offering_name)
        .unwrap_or_else(|| format!("offering #{}", s.offering_id));
    let time = s
        .start
        .map(|t| format!(" {}", t.format("%H:%M")))
        .unwrap_or_default();
    format!("{course} · {}{time}", s.date)
}

impl TabView for LearningTab {
    type Action = LearningAction;
    type Form = LearningForm;
    type Confirm = LearningConfirm;
    type Saved = LearningSaved;
    const TAB: Tab = Tab::Learning;
    const KEYS: &'static [Binding<LearningAction>] = KEYS;

    fn refresh(&mut self, cx: &Ctx) {
        self.rebuild(cx.data);
    }

    fn update(&mut self, cx: &Ctx, action: LearningAction) -> Fx {
        match action {
            LearningAction::NextView => {
                self.show(cx.data, self.view().step(1));
                vec![]
            }
            LearningAction::Add => forms::open_add(self, cx),
            LearningAction::Edit => forms::open_edit(self, cx),
            LearningAction::Remove => forms::ask_remove(self, cx),
            LearningAction::Open => self.open(cx.data),
        }
    }

    fn navigate(&mut self, cx: &Ctx, nav: Nav) {
        match nav {
            Nav::Left => self.show(cx.data, self.view().step(-1)),
            Nav::Right => self.show(cx.data, self.view().step(1)),
            _ => self.list.nav(nav),
        }
    }

    fn back(&mut self, cx: &Ctx) -> bool {
        // Esc walks back up: attendance -> sessions -> offerings.
        match self.view() {
            View::Offerings => false,
            v => {
                self.show(cx.data, v.step(-1));
                true
            }
        }
    }

    fn filter(&self) -> &str {
        &self.list.filter
    }

    fn set_filter(&mut self, _cx: &Ctx, text: &str) {
        self.list.set_filter(text);
    }

    fn submit(&mut self, cx: &Ctx, form: &mut Form, purpose: &LearningForm) -> Fx {
        forms::submit(cx, form, purpose)
    }

    fn confirmed(&mut self, cx: &Ctx, answer: LearningConfirm) -> Fx {
        forms::remove(cx, answer)
    }

    fn saved(&mut self, cx: &Ctx, then: LearningSaved, id: Option<Id>) -> Fx {
        let Some(id) = id else { return vec![] };
        let key = match then {
            LearningSaved::Offering => Picked::Offering(id),
            LearningSaved::Session => {
                self.choose_session(cx.data, Some(id));
                Picked::Session(id)
            }
            LearningSaved::Attendance => Picked::Attendance(id),
        };
        self.list.select_everywhere(&key);
        vec![]
    }

    fn patched(&mut self, cx: &Ctx, changes: &[(&'static str, Id)]) -> bool {
        patch::patch(self, cx.data, changes)
    }

    fn copy_facts(&self, cx: &Ctx) -> Option<String> {
        let data = cx.data;
        match self.view() {
            View::Offerings => self.selected_offering(data).map(|o| {
                facts([
                    offering_name(o),
                    o.partner_office.clone(),
                    if o.teacher_pathway {
                        "teacher pathway".to_string()
                    } else {
                        String::new()
                    },
                    pathways_core::text::count(self.sessions_of.get(&o.id).copied().unwrap_or(0), "session"),
                ])
            }),
            View::Sessions => self.selected_session(data).map(|s| {
                facts([
                    session_name(data, s),
                    s.place.clone(),
                    s.facilitator.clone(),
                    format!("{} attended", self.attended(s.id)),
                ])
            }),
            View::Attendance => self.selected_attendance(data).map(|a| {
                let session = data
                    .pl_sessions
                    .iter()
                    .find(|s| s.id == a.pl_session_id)
                    .map(|s| session_name(data, s))
                    .unwrap_or_default();
                facts([cx.person(a.employee_id), session])
            }),
        }
    }

    fn reveal(&mut self, cx: &Ctx, kind: Kind, id: Id, _name: &str) {
        if kind == Kind::Offering {
            self.list.set_filter("");
            self.show(cx.data, View::Offerings);
            self.list.select_everywhere(&Picked::Offering(id));
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
        render::render(self, frame, area, cx, theme);
    }
}
