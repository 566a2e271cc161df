//! The district's closures (holidays, breaks, snow days), kept by the team where the queue's
//! rules are set: `H` on the intake tab (or `closures` in the palette). Working days skip them,
//! so the overdue and stale rules do. `a` adds one day or a range (a break: each weekday in it),
//! `e` edits, `x` deletes after asking, Esc goes back to the queue. `pathways import closures`
//! reads the same list from a sheet.

use super::{Fx, IntakeAction, IntakeConfirm, IntakeForm, IntakeSaved, IntakeTab};
use crate::form::{Field, Form};
use crate::list::ViewList;
use crate::save::Save;
use crate::tab::{Ctx, Effect, facts};
use crate::theme::Theme;
use crate::widgets::{self, day};
use chrono::{Datelike, NaiveDate};
use pathways_core::domain::{Closure, FiscalYear, Id};
use pathways_core::text::count;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

/// The closures list, shown instead of the queue while `shown`.
#[derive(Debug, Clone, Default)]
pub struct Closures {
    pub shown: bool,
    pub list: ViewList<Id>,
    /// Its own `/` filter (the queue keeps its own).
    pub filter: String,
}

/// The longest range one form adds (a long break is a few weeks).
const MOST_DAYS: i64 = 120;

impl Closures {
    /// The closures by date, each row searchable by its date, weekday and name.
    pub fn refresh(&mut self, cx: &Ctx) {
        let keep = self.list.picked();
        let mut order: Vec<usize> = (0..cx.data.closures.len()).collect();
        order.sort_by_key(|&i| cx.data.closures[i].date);
        let first_time = self.list.is_empty() && keep.is_none();
        self.list.set(order.into_iter().map(|i| {
            let c = &cx.data.closures[i];
            (i, c.id, format!("{} {} {}", c.date, c.date.format("%A"), c.name))
        }));
        self.list.narrow(&self.filter);
        match keep {
            Some(id) => {
                self.list.select(&id);
            }
            // The first look starts at the next closure to come.
            None if first_time => {
                let next = self
                    .list
                    .rows
                    .visible
                    .iter()
                    .position(|&i| cx.data.closures[i].date >= cx.today);
                if let Some(row) = next {
                    self.list.selected = row;
                }
            }
            None => {}
        }
    }

    fn selected<'a>(&self, cx: &Ctx<'a>) -> Option<&'a Closure> {
        self.list.selected_index().and_then(|i| cx.data.closures.get(i))
    }

    pub fn copy_facts(&self, cx: &Ctx) -> Option<String> {
        self.selected(cx).map(|c| {
            facts([
                c.date.to_string(),
                c.date.format("%A").to_string(),
                c.name.clone(),
            ])
        })
    }
}

/// A key pressed while the closures list is shown.
pub(super) fn update(tab: &mut IntakeTab, cx: &Ctx, action: IntakeAction) -> Fx {
    use IntakeAction as A;
    let selected = tab.closures.selected(cx).cloned();
    match (action, selected) {
        (A::Add, _) => open_add(cx),
        (A::Edit, Some(c)) => open_edit(c),
        (A::Close, Some(c)) => vec![Effect::Ask(
            format!("Delete the closure {} on {}?", c.name, c.date),
            IntakeConfirm::DeleteClosure(c),
        )],
        (A::Edit | A::Close, None) => vec![Effect::status("no closure selected; a adds one")],
        (A::Closures, _) => {
            tab.closures.shown = false;
            vec![]
        }
        _ => vec![Effect::status(
            "this is the closures list: a add · e edit · x delete · Esc back to the queue",
        )],
    }
}

fn open_add(cx: &Ctx) -> Fx {
    let form = Form::new(
        "Add district closures (a holiday, or a break: each weekday from the date to the last day)",
        vec![
            Field::date("date", Some(cx.today)),
            Field::date("last day", None),
            Field::text("name", ""),
        ],
    );
    vec![Effect::Form(form, IntakeForm::AddClosure)]
}

fn open_edit(c: Closure) -> Fx {
    let form = Form::new(
        format!("Edit the closure {} on {}", c.name, c.date),
        vec![
            Field::date("date", Some(c.date)),
            Field::text("name", c.name.clone()),
        ],
    );
    vec![Effect::Form(form, IntakeForm::EditClosure(c))]
}

/// The weekdays from `first` to `last` (inclusive): the days a closure range adds.
pub fn weekdays(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| d.weekday().number_from_monday() <= 5)
        .collect()
}

/// A date already closed (other than `except`), by its closure's name.
fn already_closed<'a>(cx: &Ctx<'a>, date: NaiveDate, except: Id) -> Option<&'a Closure> {
    cx.data.closures.iter().find(|c| c.date == date && c.id != except)
}

pub(super) fn save_new(cx: &Ctx, form: &mut Form) -> Fx {
    let first = form.date("date");
    let last = form.optional_date("last day");
    let name = form.value("name").to_string();
    if name.is_empty() {
        form.set_error("name", "name the closure (e.g. Thanksgiving, Winter break)");
    }
    let Some(first) = first else { return vec![] };
    let last = last.unwrap_or(first);
    if last < first {
        form.set_error("last day", "before the first day");
    } else if (last - first).num_days() > MOST_DAYS {
        form.set_error("last day", format!("at most {MOST_DAYS} days at once"));
    }
    if form.has_errors() {
        return vec![];
    }
    let days = weekdays(first, last);
    if days.is_empty() {
        form.set_error(
            "date",
            "a weekend is never a working day; list only weekday closures",
        );
        return vec![];
    }
    if let Some((d, c)) = days
        .iter()
        .find_map(|d| already_closed(cx, *d, 0).map(|c| (d, c)))
    {
        form.set_error("date", format!("{d} is already closed ({})", c.name));
        return vec![];
    }
    let mut closures: Vec<Closure> = days
        .iter()
        .map(|&date| Closure {
            id: 0,
            date,
            name: name.clone(),
        })
        .collect();
    if let Some(e) = closures.iter().find_map(|c| c.validate().err()) {
        form.set_error(if e.field == "name" { "name" } else { "date" }, e.reason);
        return vec![];
    }
    let done = format!("{} added: {name}", count(closures.len(), "closure"));
    let save = Save::adding(done, move |w| {
        let mut first = 0;
        for c in &mut closures {
            let id = w.insert(c)?;
            if first == 0 {
                first = id;
            }
        }
        Ok(first)
    });
    vec![Effect::Save(save.then(IntakeSaved::Closure))]
}

pub(super) fn save_edit(cx: &Ctx, original: &Closure, form: &mut Form) -> Fx {
    let date = form.date("date");
    let Some(date) = date else { return vec![] };
    let updated = Closure {
        id: original.id,
        date,
        name: form.value("name").to_string(),
    };
    if let Err(e) = updated.validate() {
        form.set_error(e.field, e.reason);
        return vec![];
    }
    if let Some(c) = already_closed(cx, date, original.id) {
        form.set_error("date", format!("{date} is already closed ({})", c.name));
        return vec![];
    }
    let original = original.clone();
    let done = format!("closure saved: {} on {}", updated.name, updated.date);
    vec![Effect::Save(Save::new(done, move |w| {
        w.update(&original, &updated)
    }))]
}

pub(super) fn delete(c: Closure) -> Fx {
    let done = format!("closure deleted: {} on {}", c.name, c.date);
    vec![Effect::Save(Save::new(done, move |w| w.remove(&c)))]
}

pub(super) fn render(tab: &IntakeTab, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    let list = &tab.closures.list;
    let data = cx.data;
    let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let year = FiscalYear::of(cx.today);
    let this_year = data.closures.iter().filter(|c| year.contains(c.date)).count();
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(
                " {} in {year} · working days skip them (the ! and ~ rules) · Esc back",
                count(this_year, "closure")
            ),
            theme.muted,
        )),
        bar,
    );
    let title = if list.len() == data.closures.len() {
        format!(" District closures ({}) · a add · e edit · x delete ", list.len())
    } else {
        format!(" District closures ({} of {}) ", list.len(), data.closures.len())
    };
    widgets::table(
        frame,
        body,
        title,
        &["Date", "Day", "Name"],
        &[Constraint::Length(10), Constraint::Length(9), Constraint::Min(10)],
        list.len(),
        list.selected,
        theme,
        |row, cols| {
            let c = &data.closures[list.rows.visible[row]];
            let style = if c.date < cx.today {
                theme.muted
            } else {
                theme.base
            };
            Row::new(vec![
                Cell::from(day(c.date)),
                Cell::from(c.date.format("%A").to_string()),
                cols.fit(2, c.name.clone()),
            ])
            .style(style)
        },
    );
    if data.closures.is_empty() {
        let hint = Rect {
            y: body.y + 3,
            height: 1,
            ..body
        };
        frame.render_widget(
            Paragraph::new(Line::styled(
                "  No closures yet: a adds one, or `pathways import closures FILE`.",
                theme.muted,
            )),
            hint,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_break_is_its_weekdays() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        // Winter break, Thu 24 Dec 2026 to Fri 1 Jan 2027: weekends left out.
        let days = weekdays(d(12, 24), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        assert_eq!(days.len(), 7);
        assert!(days.iter().all(|d| d.weekday().number_from_monday() <= 5));
        assert!(weekdays(d(11, 28), d(11, 29)).is_empty(), "a weekend");
    }
}
