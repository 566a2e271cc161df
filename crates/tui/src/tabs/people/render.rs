//! The people list (everyone, by last name, with the facts the rules rest on) and its detail
//! pane; what the tab draws when (the merge screen, a card, or a list).

use super::{PeopleTab, Picked, View, card, lists, merge};
use crate::list::ViewKind;
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets::{self, fact};
use pathways_core::dataset::Dataset;
use pathways_core::domain::{Employee, Id};
use pathways_core::privacy::Sensitive;
use pathways_core::store::References;
use pathways_core::text::fold_owned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};

/// Rebuilds the three lists from the data, each keeping its selection on its record.
pub(super) fn rebuild(tab: &mut PeopleTab, cx: &Ctx) {
    let data = cx.data;
    tab.rebuilds += 1;
    tab.built = data.employees.len();
    let memory = tab.list.remember();
    let mut order: Vec<usize> = (0..data.employees.len()).collect();
    order.sort_by_cached_key(|&i| sort_key(&data.employees[i]));
    tab.list
        .list_mut(View::People)
        .set_order(order, |i| Picked::Person(data.employees[i].id));
    // The chapter and owner lists (a pass over everyone and every intake) are made when shown.
    if tab.view() == View::People {
        tab.lists_stale = true;
    } else {
        lists::rebuild(tab, data);
    }
    fill_keys(tab, data);
    tab.list.restore(memory);
}

/// Builds the people list's search text if the filter needs it (the first filter after a load),
/// so a large roster nobody is filtering refreshes without formatting a line per person.
pub(super) fn fill_keys(tab: &mut PeopleTab, data: &Dataset) {
    let filter = tab.list.filter.clone();
    tab.list
        .list_mut(View::People)
        .fill_keys_for(&filter, |i| search_text(data, &data.employees[i]));
}

/// Where a person sorts in the list: by name as rosters read ("Garcia, Ana"), then record.
pub(super) fn sort_key(e: &Employee) -> (String, Id) {
    (fold_owned(e.sort_name()), e.id)
}

/// What `/` matches a person on: name, employee id, email, position, location and chapter.
pub(super) fn search_text(data: &Dataset, e: &Employee) -> String {
    format!(
        "{} {} {} {} {} {}",
        e.full_name(),
        e.employee_number,
        e.email,
        e.position,
        data.location_name(e.location_id),
        e.chapter_label()
    )
}

pub(super) fn render(tab: &PeopleTab, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    if let Some(m) = &tab.merge {
        return merge::render(m, frame, area, cx, theme);
    }
    if let Some(c) = &tab.card {
        return card::render(c, frame, area, cx, theme);
    }
    match tab.view() {
        View::People => render_people(tab, frame, area, cx, theme),
        v => lists::render(tab, v, frame, area, theme),
    }
}

/// "People (1,204)  Chapters  Owners": the views, the current one first in words.
pub(super) fn view_bar(tab: &PeopleTab, count: String) -> String {
    let others: Vec<&str> = <View as ViewKind>::ALL
        .iter()
        .filter(|v| **v != tab.view())
        .map(|v| v.title())
        .collect();
    format!(
        " {} ({count}) · {} · v/←/→ ",
        tab.view().title(),
        others.join(" ")
    )
}

fn render_people(tab: &PeopleTab, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
    let (list_area, detail_area) = widgets::list_and_detail(area, 7);
    let list = tab.list.list(View::People);
    // Typed text is drawn before the rows are its own: the count says so until they are.
    let count = if list.rows.narrowing() {
        "filtering…".to_string()
    } else if list.len() == data.employees.len() {
        list.len().to_string()
    } else {
        format!("{} of {}", list.len(), data.employees.len())
    };
    // Below 80 columns the location and chapter give way, so the name and position stay legible
    // (both are on the card and in the detail pane below).
    let full = area.width >= 80;
    let widths: &[Constraint] = if full {
        &[
            Constraint::Length(20),
            Constraint::Length(7),
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(9),
        ]
    } else {
        &[
            Constraint::Fill(3),
            Constraint::Length(7),
            Constraint::Fill(2),
            Constraint::Length(9),
        ]
    };
    let header: &[&str] = if full {
        &["Name", "Emp. id", "Position", "Location", "Chapter", "Status"]
    } else {
        &["Name", "Emp. id", "Position", "Status"]
    };
    widgets::table(
        frame,
        list_area,
        view_bar(tab, count),
        header,
        widths,
        list.len(),
        list.selected,
        theme,
        |row, cols| {
            let Some(e) = list.rows.get(row).and_then(|i| data.employees.get(i)) else {
                return Row::new(Vec::<Cell>::new());
            };
            let mut cells = vec![
                cols.fit(0, cx.person(e.id)),
                cols.fit(1, e.employee_number.clone()),
                cols.fit(2, or_unknown(&e.position)),
            ];
            if full {
                cells.push(cols.fit(3, data.location_name(e.location_id)));
                cells.push(cols.fit(4, e.chapter_label()));
            }
            cells.push(cols.fit(cells.len(), e.status_label()));
            Row::new(cells)
        },
    );
    let lines = match tab.selected(data) {
        Some(e) => detail_lines(e, cx, theme),
        None => vec![Line::styled(
            "nobody yet: a adds a person; the HR roster loads everyone (pathways import employees)",
            theme.muted,
        )],
    };
    widgets::detail_pane(
        frame,
        detail_area,
        " Person · Enter card · L history ",
        lines,
        cx.detail,
        theme,
    );
}

/// A text fact, or "unknown" when nobody has entered it.
pub(super) fn or_unknown(text: &str) -> String {
    if text.trim().is_empty() {
        pathways_core::domain::UNKNOWN.to_string()
    } else {
        text.to_string()
    }
}

/// The selected person in a few lines: the facts the rules rest on, and what points at them.
fn detail_lines<'a>(e: &Employee, cx: &Ctx, theme: &Theme) -> Vec<Line<'a>> {
    let date = |d: Option<chrono::NaiveDate>| d.map_or("unknown".to_string(), |d| d.to_string());
    let email = cx.shown(Sensitive::Email, &or_unknown(&e.email));
    let refs = References::in_data(cx.data, e.id);
    vec![
        Line::from(vec![
            Span::styled(cx.person(e.id), theme.important),
            Span::raw(format!("  {}  {email}", super::number_or_record(e))),
        ]),
        fact(
            "hired",
            format!(
                "{} · in position since {} · PAR {}",
                date(e.hire_date),
                date(e.position_start),
                cx.shown(Sensitive::Evaluation, e.evaluation_label())
            ),
            theme,
        ),
        fact(
            "records",
            if refs.is_empty() {
                "none point at this person".to_string()
            } else {
                refs.to_string()
            },
            theme,
        ),
    ]
}
