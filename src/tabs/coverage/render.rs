//! Drawing the coverage tab: a summary that fits 80 columns, a view bar, and the current view.

use super::{CoverageTab, View, percent};
use crate::app::App;
use crate::domain::{Choice, Dimension};
use crate::tabs::day;
use crate::ui::{Theme, widgets};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.coverage;
    let [summary, bar, rest] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(summary_lines(tab, theme)), summary);
    frame.render_widget(Paragraph::new(view_bar(tab, theme)), bar);
    match tab.view {
        View::Overview => overview(frame, rest, app, theme),
        View::Ambassadors => ambassadors(frame, rest, app, theme),
        View::Locations => locations(frame, rest, app, theme),
        View::Sessions if tab.marking.is_some() => attendance(frame, rest, app, theme),
        View::Sessions => sessions(frame, rest, app, theme),
        View::Demographics => demographics(frame, rest, app, theme),
    }
}

/// Two lines, each under 80 columns even with thousands of employees.
fn summary_lines<'a>(tab: &CoverageTab, theme: &Theme) -> Vec<Line<'a>> {
    let c = &tab.totals;
    let when = if tab.date == tab.today {
        format!("as of today, {}", day(tab.date))
    } else {
        format!("as of {} (t: today)", day(tab.date))
    };
    let ending = match tab.ending.len() {
        0 => String::new(),
        n => format!(" · {n} end within 60 days"),
    };
    vec![
        Line::from(vec![
            Span::styled(
                format!(" {} ambassadors active", c.active_ambassadors),
                theme.important,
            ),
            Span::raw(ending),
            Span::styled(format!(" · {when}"), theme.muted),
        ]),
        Line::raw(format!(
            " Covered: {} of {} locations ({}) · {} of {} employees ({})",
            c.locations_covered,
            c.locations_total,
            percent(c.locations_covered as u64, c.locations_total as u64),
            thousands(c.employees_covered),
            thousands(c.employees_total),
            percent(c.employees_covered, c.employees_total),
        )),
    ]
}

fn view_bar<'a>(tab: &CoverageTab, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw(" ")];
    for v in View::ALL {
        if v == tab.view {
            spans.push(Span::styled(format!("[{}]", v.title()), theme.tab_active));
        } else {
            spans.push(Span::styled(format!(" {} ", v.title()), theme.muted));
        }
    }
    spans.push(Span::styled(" ←/→", theme.muted));
    Line::from(spans)
}

/// 1234567 -> "1,234,567".
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn overview(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.coverage;
    let data = &app.data;
    let kinds = tab.by_kind.len() as u16 + 3;
    let [top, bottom] = Layout::vertical([Constraint::Length(kinds), Constraint::Min(0)]).areas(area);
    fixed_table(
        frame,
        top,
        " Coverage by location type ",
        &["Type", "Locations", "%", "Employees", "%"],
        &[
            Constraint::Min(16),
            Constraint::Length(10),
            Constraint::Length(6),
            Constraint::Length(15),
            Constraint::Length(6),
        ],
        theme,
        tab.by_kind.iter().map(|k| {
            Row::new(vec![
                Cell::from(k.kind.label()),
                Cell::from(format!("{} of {}", k.covered, k.locations)),
                Cell::from(percent(k.covered as u64, k.locations as u64)),
                Cell::from(format!(
                    "{} of {}",
                    thousands(k.employees_covered),
                    thousands(k.employees)
                )),
                Cell::from(percent(k.employees_covered, k.employees)),
            ])
        }),
    );
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(bottom);
    widgets::table(
        frame,
        left,
        format!(" Uncovered, biggest first ({}) ", tab.uncovered.len()),
        &["Location", "Empl."],
        &[Constraint::Min(12), Constraint::Length(5)],
        tab.uncovered.len(),
        tab.list.selected,
        theme,
        |row| {
            let l = &data.locations[tab.uncovered.visible[row]];
            Row::new(vec![
                Cell::from(l.name.clone()),
                Cell::from(l.employees.to_string()),
            ])
        },
    );
    // Only the rows that fit are built.
    let fit = right.height.saturating_sub(3) as usize;
    fixed_table(
        frame,
        right,
        format!(" Tenure ends ≤60 days ({}) ", tab.ending.len()),
        &["Ambassador", "Ends"],
        &[Constraint::Min(8), Constraint::Length(10)],
        theme,
        tab.ending.iter().take(fit).map(|&i| {
            let a = &data.ambassadors[i];
            Row::new(vec![
                Cell::from(app.person(a.employee_id)),
                Cell::from(day(a.tenure_end)),
            ])
        }),
    );
}

/// A table without a selection (summaries beside the list the keys move in).
fn fixed_table<'a>(
    frame: &mut Frame,
    area: Rect,
    title: impl Into<Line<'a>>,
    header: &[&'a str],
    widths: &[Constraint],
    theme: &Theme,
    rows: impl Iterator<Item = Row<'a>>,
) {
    let header = Row::new(header.iter().map(|h| Span::styled(*h, theme.header)));
    let t = Table::new(rows.collect::<Vec<_>>(), widths.to_vec())
        .header(header)
        .block(widgets::block(title, theme))
        .column_spacing(1);
    frame.render_widget(t, area);
}

fn ambassadors(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.coverage;
    let data = &app.data;
    let on = tab.date;
    let (list_area, detail_area) = widgets::list_and_detail(area, 7);
    widgets::table(
        frame,
        list_area,
        format!(
            " Ambassadors ({}) · ! ends ≤60 days · × ended ",
            tab.ambassadors.len()
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
        tab.ambassadors.len(),
        tab.list.selected,
        theme,
        |row| {
            let i = tab.ambassadors.visible[row];
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
                Cell::from(app.person(a.employee_id)),
                Cell::from(data.location_name(Some(a.primary_location)).to_string()),
                Cell::from(a.locations().len().to_string()),
                Cell::from(day(a.tenure_end)),
                Cell::from(if held == 0 {
                    "—".to_string()
                } else {
                    format!("{:.0}%", crate::domain::share(attended as u64, held as u64))
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
                        app.person(a.employee_id),
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
    widgets::detail(frame, detail_area, " Ambassador ", lines, theme);
}

fn locations(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.coverage;
    let data = &app.data;
    let (list_area, detail_area) = widgets::list_and_detail(area, 5);
    widgets::table(
        frame,
        list_area,
        format!(
            " Locations ({}) · + more than one ambassador ({}) ",
            tab.locations.len(),
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
        tab.locations.len(),
        tab.list.selected,
        theme,
        |row| {
            let l = &data.locations[tab.locations.visible[row]];
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
                Cell::from(l.name.clone()),
                Cell::from(l.kind.label()),
                Cell::from(l.employees.to_string()),
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
                        .map(|&i| app.person(data.ambassadors[i].employee_id))
                        .collect()
                })
                .unwrap_or_default();
            vec![
                widgets::fact(
                    "Location",
                    format!("{} · {} · {} employees", l.name, l.kind.label(), l.employees),
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
    widgets::detail(frame, detail_area, " Location ", lines, theme);
}

fn sessions(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.coverage;
    let data = &app.data;
    let (list_area, detail_area) = widgets::list_and_detail(area, 5);
    widgets::table(
        frame,
        list_area,
        format!(
            " Monthly PL sessions ({}) · m / Enter: attendance ",
            tab.sessions.len()
        ),
        &["Date", "Topic", "Presenter", "Present"],
        &[
            Constraint::Length(10),
            Constraint::Min(20),
            Constraint::Min(12),
            Constraint::Length(7),
        ],
        tab.sessions.len(),
        tab.list.selected,
        theme,
        |row| {
            let i = tab.sessions.visible[row];
            let s = &data.ambassador_sessions[i];
            let (present, active) = tab.present[i];
            Row::new(vec![
                Cell::from(day(s.date)),
                Cell::from(s.topic.clone()),
                Cell::from(s.presenter.clone()),
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
    widgets::detail(frame, detail_area, " PL session ", lines, theme);
}

fn attendance(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.coverage;
    let data = &app.data;
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
        tab.list.selected,
        theme,
        |row| {
            let i = tab.attendance.visible[row];
            let a = &data.ambassadors[i];
            let (attended, held) = tab.rates[i];
            Row::new(vec![
                Cell::from(if session.attendees.contains(&a.id) {
                    "[x]"
                } else {
                    "[ ]"
                }),
                Cell::from(app.person(a.employee_id)),
                Cell::from(data.location_name(Some(a.primary_location)).to_string()),
                Cell::from(format!("{attended}/{held}")),
            ])
        },
    );
}

fn demographics(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab = &app.coverage;
    let reference = tab
        .reference
        .and_then(|i| app.data.reference_populations.get(i))
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
        &["Group", "Cohort", "%", "Reference", "%"],
        &[
            Constraint::Min(20),
            Constraint::Length(6),
            Constraint::Length(6),
            Constraint::Length(11),
            Constraint::Length(6),
        ],
        tab.demographics.len(),
        tab.list.selected,
        theme,
        |row| {
            let r = &tab.demographic_rows[tab.demographics.visible[row]];
            match &r.group {
                None => Row::new(vec![
                    Cell::from(Span::styled(format!("By {}", r.dimension.label()), theme.header)),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(Span::styled(r.reference.clone(), theme.muted)),
                    Cell::from(""),
                ]),
                Some(g) => {
                    // Race is sensitive even as a head count: hidden by the privacy screen.
                    let hide = |t: &str| {
                        if r.dimension == Dimension::Race {
                            app.sensitive(t)
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
                    ])
                }
            }
        },
    );
}
