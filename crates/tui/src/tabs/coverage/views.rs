//! The list views of the coverage tab: ambassadors, locations, PL sessions and their
//! attendance, and the demographics table. Only visible rows are built.

use super::{CoverageTab, View};
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets::{self, day};
use pathways_core::domain::{Choice, Dimension};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};

pub(super) fn ambassadors(frame: &mut Frame, area: Rect, tab: &CoverageTab, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
    let on = tab.date;
    let (list_area, detail_area) = widgets::list_and_detail(area, 7);
    widgets::table(
        frame,
        list_area,
        format!(
            " Ambassadors ({}) · ! ends ≤60 days · × ended ",
            tab.rows(View::Ambassadors).len()
        ),
        &["", "Ambassador", "Primary location", "Sites", "Tenure ends", "PL"],
        &[
            Constraint::Length(1),
            Constraint::Min(14),
            Constraint::Min(16),
            Constraint::Length(5),
            Constraint::Length(11),
            Constraint::Length(4),
        ],
        tab.rows(View::Ambassadors).len(),
        tab.selected_row(),
        theme,
        |row, cols| {
            let i = tab.rows(View::Ambassadors).visible[row];
            let a = &data.ambassadors[i];
            let (marker, style) = if a.tenure_ends_soon(on) {
                ("!", theme.warning)
            } else if a.tenure_end < on {
                ("×", theme.muted)
            } else if a.tenure_start > on {
                ("›", theme.muted)
            } else {
                (" ", theme.base)
            };
            let (attended, held) = tab.rates[i];
            Row::new(vec![
                Cell::from(Span::styled(marker, style)),
                cols.fit(1, cx.person(a.employee_id)),
                cols.fit(2, data.location_name(Some(a.primary_location))),
                Cell::from(a.locations().len().to_string()),
                Cell::from(day(a.tenure_end)),
                Cell::from(if held == 0 {
                    "—".to_string()
                } else {
                    format!(
                        "{:.0}%",
                        pathways_core::domain::share(attended as u64, held as u64)
                    )
                }),
            ])
        },
    );
    let lines = match tab
        .selected_index()
        .and_then(|i| data.ambassadors.get(i).map(|a| (i, a)))
    {
        None => vec![Line::raw("No ambassador selected. a adds one.")],
        Some((i, a)) => {
            let status = if a.tenure_end < on {
                "ended"
            } else if a.tenure_start > on {
                "not started"
            } else if a.tenure_ends_soon(on) {
                "ends within 60 days"
            } else {
                "active"
            };
            let others: Vec<&str> = a
                .supported_locations
                .iter()
                .filter(|l| **l != a.primary_location)
                .map(|l| data.location_name(Some(*l)))
                .collect();
            let (attended, held) = tab.rates[i];
            let who = data.employee(a.employee_id);
            vec![
                widgets::fact(
                    "Ambassador",
                    format!(
                        "{} · {}",
                        cx.person(a.employee_id),
                        who.map(|e| e.position.as_str()).unwrap_or("")
                    ),
                    theme,
                ),
                widgets::fact(
                    "Tenure",
                    format!("{} to {} · {status}", day(a.tenure_start), day(a.tenure_end)),
                    theme,
                ),
                widgets::fact(
                    "Locations",
                    format!(
                        "{} (primary){}{}",
                        data.location_name(Some(a.primary_location)),
                        if others.is_empty() { "" } else { "; " },
                        others.join("; ")
                    ),
                    theme,
                ),
                widgets::fact(
                    "PL sessions",
                    format!("attended {attended} of {held} held in the tenure so far"),
                    theme,
                ),
            ]
        }
    };
    widgets::detail_pane(frame, detail_area, " Ambassador ", lines, cx.detail, theme);
}

pub(super) fn locations(frame: &mut Frame, area: Rect, tab: &CoverageTab, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
    let (list_area, detail_area) = widgets::list_and_detail(area, 5);
    widgets::table(
        frame,
        list_area,
        format!(
            " Locations ({}) · + more than one ambassador ({}) ",
            tab.rows(View::Locations).len(),
            tab.shared
        ),
        &["", "Location", "Type", "Empl.", "Amb."],
        &[
            Constraint::Length(1),
            Constraint::Min(20),
            Constraint::Length(17),
            Constraint::Length(5),
            Constraint::Length(4),
        ],
        tab.rows(View::Locations).len(),
        tab.selected_row(),
        theme,
        |row, cols| {
            let l = &data.locations[tab.rows(View::Locations).visible[row]];
            let n = tab
                .totals
                .ambassadors_per_location
                .get(&l.id)
                .copied()
                .unwrap_or(0);
            let (marker, count) = match n {
                0 => (Span::raw(" "), Span::styled("none", theme.warning)),
                1 => (Span::raw(" "), Span::raw("1")),
                n => (Span::styled("+", theme.important), Span::raw(n.to_string())),
            };
            Row::new(vec![
                Cell::from(marker),
                cols.fit(1, l.name.clone()),
                Cell::from(l.kind.label()),
                Cell::from(l.employees_cell()),
                Cell::from(count),
            ])
        },
    );
    let lines = match tab.selected_index().and_then(|i| data.locations.get(i)) {
        None => vec![Line::raw("No location selected. a adds one.")],
        Some(l) => {
            let who: Vec<String> = tab
                .covering
                .get(&l.id)
                .map(|v| {
                    v.iter()
                        .map(|&i| cx.person(data.ambassadors[i].employee_id))
                        .collect()
                })
                .unwrap_or_default();
            vec![
                widgets::fact(
                    "Location",
                    format!("{} · {} · {}", l.name, l.kind.label(), l.employees_label()),
                    theme,
                ),
                widgets::fact(
                    "Ambassadors",
                    if who.is_empty() {
                        "none: not covered".to_string()
                    } else {
                        who.join("; ")
                    },
                    theme,
                ),
            ]
        }
    };
    widgets::detail_pane(frame, detail_area, " Location ", lines, cx.detail, theme);
}

pub(super) fn sessions(frame: &mut Frame, area: Rect, tab: &CoverageTab, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
    let (list_area, detail_area) = widgets::list_and_detail(area, 5);
    widgets::table(
        frame,
        list_area,
        format!(
            " Monthly PL sessions ({}) · m / Enter: attendance ",
            tab.rows(View::Sessions).len()
        ),
        &["Date", "Topic", "Presenter", "Present"],
        &[
            Constraint::Length(10),
            Constraint::Min(20),
            Constraint::Min(12),
            Constraint::Length(7),
        ],
        tab.rows(View::Sessions).len(),
        tab.selected_row(),
        theme,
        |row, cols| {
            let i = tab.rows(View::Sessions).visible[row];
            let s = &data.ambassador_sessions[i];
            let (present, active) = tab.present[i];
            Row::new(vec![
                Cell::from(day(s.date)),
                cols.fit(1, s.topic.clone()),
                cols.fit(2, s.presenter.clone()),
                Cell::from(if s.date > tab.date && present == 0 {
                    "planned".to_string()
                } else {
                    format!("{present}/{active}")
                }),
            ])
        },
    );
    let lines = match tab
        .selected_index()
        .and_then(|i| data.ambassador_sessions.get(i).map(|s| (i, s)))
    {
        None => vec![Line::raw("No PL session selected. a adds one.")],
        Some((i, s)) => {
            let (present, active) = tab.present[i];
            vec![
                widgets::fact("Session", format!("{} · {}", day(s.date), s.topic), theme),
                widgets::fact(
                    "Presenter",
                    format!(
                        "{} · {present} of {active} active ambassadors present",
                        s.presenter
                    ),
                    theme,
                ),
            ]
        }
    };
    widgets::detail_pane(frame, detail_area, " PL session ", lines, cx.detail, theme);
}

pub(super) fn attendance(frame: &mut Frame, area: Rect, tab: &CoverageTab, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
    let Some(session) = tab
        .marking
        .and_then(|id| data.ambassador_sessions.iter().find(|s| s.id == id))
    else {
        return;
    };
    widgets::table(
        frame,
        area,
        format!(
            " Attendance {} · Space marks · m back · {} ",
            day(session.date),
            session.topic
        ),
        &["", "Ambassador", "Primary location", "PL rate"],
        &[
            Constraint::Length(3),
            Constraint::Min(16),
            Constraint::Min(16),
            Constraint::Length(7),
        ],
        tab.attendance.len(),
        tab.selected_row(),
        theme,
        |row, cols| {
            let i = tab.attendance.rows.visible[row];
            let a = &data.ambassadors[i];
            let (attended, held) = tab.rates[i];
            Row::new(vec![
                Cell::from(if session.attendees.contains(&a.id) {
                    "[x]"
                } else {
                    "[ ]"
                }),
                cols.fit(1, cx.person(a.employee_id)),
                cols.fit(2, data.location_name(Some(a.primary_location))),
                Cell::from(format!("{attended}/{held}")),
            ])
        },
    );
}

pub(super) fn demographics(frame: &mut Frame, area: Rect, tab: &CoverageTab, cx: &Ctx, theme: &Theme) {
    let reference = tab
        .reference
        .and_then(|i| cx.data.reference_populations.get(i))
        .map(|r| r.name.as_str());
    let title = match reference {
        Some(name) => format!(
            " Active cohort ({}) vs {name} · r: next · <5 hidden ",
            tab.cohort_size
        ),
        None => format!(
            " Active cohort ({}) · a: add a reference population ",
            tab.cohort_size
        ),
    };
    widgets::table(
        frame,
        area,
        title,
        &["Group", "Cohort", "%", "Reference", "%", "Gap"],
        &[
            Constraint::Min(20),
            Constraint::Length(6),
            Constraint::Length(6),
            Constraint::Length(9),
            Constraint::Length(6),
            Constraint::Length(6),
        ],
        tab.rows(View::Demographics).len(),
        tab.selected_row(),
        theme,
        |row, _| {
            let r = &tab.demographic_rows[tab.rows(View::Demographics).visible[row]];
            match &r.group {
                None => Row::new(vec![
                    Cell::from(Span::styled(format!("By {}", r.dimension.label()), theme.header)),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(Span::styled(r.reference.clone(), theme.muted)),
                    Cell::from(""),
                    Cell::from(Span::styled("pts", theme.muted)),
                ]),
                Some(g) => {
                    // Race is sensitive even as a head count: hidden by the privacy screen.
                    let hide = |t: &str| {
                        if r.dimension == Dimension::Race {
                            cx.sensitive(t)
                        } else {
                            t.to_string()
                        }
                    };
                    Row::new(vec![
                        Cell::from(format!("  {g}")),
                        Cell::from(hide(&r.cohort)),
                        Cell::from(hide(&r.cohort_pct)),
                        Cell::from(hide(&r.reference)),
                        Cell::from(hide(&r.reference_pct)),
                        Cell::from(hide(&r.gap)),
                    ])
                }
            }
        },
    );
}
