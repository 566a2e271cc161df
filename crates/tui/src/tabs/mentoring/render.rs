//! Drawing the mentoring tab: a view bar, then the current view's list and detail. Only the
//! visible rows are built; everything else was computed in `refresh`.

use super::{GridCell, MentoringTab, PairState, View, state_label};
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets::{self, day, opt_day};
use pathways_core::domain::{Choice, describe_years_months, years_months_between};
use pathways_core::text::{count, fit, width};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub fn render(tab: &MentoringTab, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    render_bar(frame, bar, tab, theme);
    match tab.view() {
        View::Pairs => render_pairs(frame, body, tab, cx, theme),
        View::Mentors => render_mentors(frame, body, tab, cx, theme),
        View::Logs => render_grid(frame, body, tab, cx, theme),
        View::Chapters => render_chapters(frame, body, tab, cx, theme),
    }
}

fn render_bar(frame: &mut Frame, area: Rect, tab: &MentoringTab, theme: &Theme) {
    let mut spans = Vec::new();
    for v in View::ALL {
        let style = if v == tab.view() {
            theme.tab_active
        } else {
            theme.muted
        };
        spans.push(Span::styled(format!(" {} ", v.title()), style));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let s = &tab.summary;
    // Most important first; what does not fit is left out (the views show it all).
    let mut parts = vec![format!("{} active", s.active)];
    if s.overdue > 0 {
        parts.push(format!("! {} past 12 months", s.overdue));
    }
    if s.ending_soon > 0 {
        parts.push(format!("{} ending soon", s.ending_soon));
    }
    if s.missing_logs > 0 {
        parts.push(format!("! {} missing", count(s.missing_logs, "log")));
    }
    let mut facts = String::new();
    for part in parts {
        let next = if facts.is_empty() {
            part
        } else {
            format!("{facts} · {part}")
        };
        if used + width(&next) + 2 > area.width as usize {
            break;
        }
        facts = next;
    }
    facts.push(' ');
    let room = (area.width as usize).saturating_sub(used + width(&facts));
    if room > 5 {
        spans.push(Span::styled(" ←/→", theme.important));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if room > 0 {
        frame.render_widget(
            Paragraph::new(Span::styled(facts, theme.warning)).alignment(Alignment::Right),
            area,
        );
    }
}

fn mentor_name(cx: &Ctx, mentor_id: pathways_core::domain::Id) -> String {
    cx.data
        .mentor(mentor_id)
        .map(|m| cx.person(m.employee_id))
        .unwrap_or_default()
}

fn render_pairs(frame: &mut Frame, area: Rect, tab: &MentoringTab, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
    let (list_area, detail_area) = widgets::list_and_detail(area, 9);
    widgets::table(
        frame,
        list_area,
        format!(" Mentoring pairs ({}) ", tab.rows(View::Pairs).len()),
        &["!", "Mentee", "Mentor", "Signed", "Ends", "State"],
        &[
            Constraint::Length(1),
            Constraint::Min(14),
            Constraint::Min(14),
            Constraint::Length(10),
            Constraint::Length(10),
            Constraint::Length(16),
        ],
        tab.rows(View::Pairs).len(),
        tab.list.selected(),
        theme,
        |row, cols| {
            let i = tab.rows(View::Pairs).visible[row];
            let p = &data.pairs[i];
            let info = &tab.pair_info[i];
            let attention = matches!(info.state, PairState::Overdue)
                || (info.state != PairState::Ended && !info.missing.is_empty());
            let state_style = match info.state {
                PairState::Overdue => theme.error,
                PairState::EndingSoon => theme.warning,
                PairState::Ended => theme.muted,
                PairState::Active => theme.base,
            };
            Row::new(vec![
                Cell::from(Span::styled(if attention { "!" } else { " " }, theme.error)),
                cols.fit(1, cx.person(p.mentee_id)),
                cols.fit(2, mentor_name(cx, p.mentor_id)),
                Cell::from(day(p.started)),
                Cell::from(day(p.ended.unwrap_or(p.expires()))),
                Cell::from(Span::styled(state_label(p, info.state), state_style)),
            ])
        },
    );
    let lines = match tab.selected_pair_index() {
        None => vec![Line::raw("No pair selected. n pairs a mentee with a mentor.")],
        Some(i) => {
            let p = &data.pairs[i];
            let info = &tab.pair_info[i];
            let mentee = data.employee(p.mentee_id);
            let left = (p.expires() - cx.today).num_days();
            let ends = match info.state {
                PairState::Ended => format!("{} (12 months)", day(p.expires())),
                PairState::Overdue => format!(
                    "{} · ! {} past its 12 months",
                    day(p.expires()),
                    count((-left) as usize, "day")
                ),
                _ => format!("{} · in {}", day(p.expires()), count(left.max(0) as usize, "day")),
            };
            let ended = match (p.ended, p.end_reason) {
                (Some(d), Some(r)) => format!("{} · {}", day(d), r.label()),
                (Some(d), None) => day(d),
                _ => "running".into(),
            };
            let mut missing: Vec<String> = info
                .missing
                .iter()
                .take(4)
                .map(|m| m.format("%Y-%m").to_string())
                .collect();
            if info.missing.len() > 4 {
                missing.push(format!("… ({} in all)", info.missing.len()));
            }
            let logs = if missing.is_empty() {
                format!("{} · none missing", count(info.logs, "log"))
            } else {
                format!("{} · ! missing {}", count(info.logs, "log"), missing.join(", "))
            };
            vec![
                widgets::fact(
                    "Mentee",
                    format!(
                        "{} · {} · {}",
                        cx.person(p.mentee_id),
                        mentee.map(|e| e.position.as_str()).unwrap_or(""),
                        data.location_name(mentee.and_then(|e| e.location_id))
                    ),
                    theme,
                ),
                widgets::fact("Mentor", mentor_name(cx, p.mentor_id), theme),
                widgets::fact("Agreement signed", day(p.started), theme),
                widgets::fact("Ends at the latest", ends, theme),
                widgets::fact("Ended", ended, theme),
                widgets::fact("Logs", logs, theme),
                widgets::fact("Notes", cx.sensitive(p.notes.clone()), theme),
            ]
        }
    };
    widgets::detail_pane(frame, detail_area, " Pair ", lines, cx.detail, theme);
}

fn years(from: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> String {
    from.map(|d| years_months_between(d, today).0.to_string())
        .unwrap_or_else(|| "?".into())
}

fn render_mentors(frame: &mut Frame, area: Rect, tab: &MentoringTab, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
    let (list_area, detail_area) = widgets::list_and_detail(area, 9);
    let active = data.mentors.iter().filter(|m| m.active).count();
    // Wide terminals show the whole roster in the table; 80 columns put the rest in the detail.
    let wide = list_area.width >= 120;
    let mut header = vec!["!", "Mentor", "Chapter"];
    let mut widths = vec![Constraint::Length(1), Constraint::Min(16), Constraint::Min(12)];
    if wide {
        header.extend(["Position", "Location", "Expertise"]);
        widths.extend([Constraint::Min(14), Constraint::Min(14), Constraint::Min(12)]);
    }
    header.extend(["Yrs", "InPos", "Status", "Mentees"]);
    widths.extend([
        Constraint::Length(3),
        Constraint::Length(5),
        Constraint::Length(8),
        Constraint::Length(7),
    ]);
    widgets::table(
        frame,
        list_area,
        format!(" Mentors ({}: {active} active) ", tab.rows(View::Mentors).len()),
        &header,
        &widths,
        tab.rows(View::Mentors).len(),
        tab.list.selected(),
        theme,
        |row, cols| {
            let i = tab.rows(View::Mentors).visible[row];
            let m = &data.mentors[i];
            let info = &tab.mentor_info[i];
            let e = data.employee(m.employee_id);
            // "!" marks an active mentor who could not take a mentee today.
            let flag = m.active && !info.problems.is_empty();
            let mut cells = vec![
                Cell::from(Span::styled(if flag { "!" } else { " " }, theme.error)),
                cols.fit(1, cx.person(m.employee_id)),
                cols.fit(2, e.map(|e| e.chapter_label().to_string()).unwrap_or_default()),
            ];
            if wide {
                cells.extend([
                    cols.fit(3, e.map(|e| e.position.clone()).unwrap_or_default()),
                    cols.fit(4, data.location_name(e.and_then(|e| e.location_id))),
                    cols.fit(5, m.expertise.clone()),
                ]);
            }
            cells.extend([
                Cell::from(years(e.and_then(|e| e.hire_date), cx.today)),
                Cell::from(years(e.and_then(|e| e.position_start), cx.today)),
                Cell::from(Span::styled(
                    if m.active { "active" } else { "inactive" },
                    if m.active { theme.base } else { theme.muted },
                )),
                Cell::from(info.mentees.len().to_string()),
            ]);
            Row::new(cells)
        },
    );
    let selected = tab
        .list
        .selected_index()
        .and_then(|i| data.mentors.get(i).map(|m| (m, &tab.mentor_info[i])));
    let lines = match selected {
        None => vec![Line::raw("No mentor selected. m adds one (any employee).")],
        Some((m, info)) => {
            let e = data.employee(m.employee_id);
            let span = |d: Option<chrono::NaiveDate>| match d {
                Some(d) => {
                    let (y, mo) = years_months_between(d, cx.today);
                    format!("{} (since {})", describe_years_months(y, mo), day(d))
                }
                None => "unknown".into(),
            };
            let mentees: Vec<String> = info.mentees.iter().map(|&id| cx.person(id)).collect();
            vec![
                widgets::fact(
                    "Position",
                    format!(
                        "{} · {}",
                        e.map(|e| e.position.as_str()).unwrap_or(""),
                        data.location_name(e.and_then(|e| e.location_id))
                    ),
                    theme,
                ),
                widgets::fact("Expertise", m.expertise.clone(), theme),
                widgets::fact("Service", span(e.and_then(|e| e.hire_date)), theme),
                widgets::fact("In position", span(e.and_then(|e| e.position_start)), theme),
                widgets::fact(
                    "Status",
                    format!(
                        "{} · in the roster since {}",
                        if m.active { "active" } else { "inactive" },
                        day(m.joined)
                    ),
                    theme,
                ),
                widgets::fact(
                    "Mentees now",
                    if mentees.is_empty() {
                        "none".into()
                    } else {
                        mentees.join(", ")
                    },
                    theme,
                ),
                if info.problems.is_empty() {
                    widgets::fact("Can take a mentee", "yes", theme)
                } else {
                    widgets::fact(
                        "Can take a mentee",
                        format!("! no: {}", info.problems.join("; ")),
                        theme,
                    )
                },
            ]
        }
    };
    widgets::detail_pane(frame, detail_area, " Mentor ", lines, cx.detail, theme);
}

fn render_grid(frame: &mut Frame, area: Rect, tab: &MentoringTab, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
    let (list_area, detail_area) = widgets::list_and_detail(area, 9);
    let mut header: Vec<&str> = vec!["Mentee"];
    header.extend(
        tab.grid_months
            .iter()
            .map(|m| MONTHS[chrono::Datelike::month0(m) as usize]),
    );
    header.push("Miss");
    let mut widths = vec![Constraint::Min(12)];
    widths.extend(std::iter::repeat_n(Constraint::Length(3), tab.grid_months.len()));
    widths.push(Constraint::Length(4));
    widgets::table(
        frame,
        list_area,
        format!(
            " Monthly logs of {} running pairs · hours = log in · ! missing · · not due yet ",
            tab.rows(View::Logs).len()
        ),
        &header,
        &widths,
        tab.rows(View::Logs).len(),
        tab.list.selected(),
        theme,
        |row, cols| {
            let line = &tab.grid[tab.rows(View::Logs).visible[row]];
            let p = &data.pairs[line.pair];
            let mut cells = vec![cols.fit(0, cx.person(p.mentee_id))];
            cells.extend(line.cells.iter().map(|c| match c {
                GridCell::Outside => Cell::from(""),
                GridCell::Logged(h) => Cell::from(Span::styled(hours(*h), theme.good)),
                GridCell::Missing => Cell::from(Span::styled(" ! ", theme.error)),
                GridCell::NotDue => Cell::from(Span::styled(" · ", theme.muted)),
            }));
            let missing = tab.pair_info[line.pair].missing.len();
            cells.push(Cell::from(if missing > 0 {
                format!("{missing:>3}!")
            } else {
                "   0".into()
            }));
            Row::new(cells)
        },
    );
    let lines = match tab.selected_pair_index() {
        None => vec![Line::raw("No running pair selected.")],
        Some(i) => {
            let p = &data.pairs[i];
            let logs = tab.logs_by_pair.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
            let room = detail_area.height.saturating_sub(3) as usize;
            let mut l = vec![Line::from(vec![
                Span::styled("Pair: ", theme.muted),
                Span::raw(format!(
                    "{} with {} · at most 4 h a month",
                    cx.person(p.mentee_id),
                    mentor_name(cx, p.mentor_id)
                )),
            ])];
            if logs.is_empty() {
                l.push(Line::raw("No logs yet. a adds one."));
            }
            // Newest first: the months being chased now.
            for &li in logs.iter().rev().take(room) {
                let log = &data.logs[li];
                let facts = format!(
                    " {:>3} h · submitted {} · ",
                    hours(log.hours).trim(),
                    opt_day(Some(log.submitted))
                );
                // One line per log: the topics are cut to the pane's width.
                let cols = (detail_area.width as usize).saturating_sub(2 + 7 + width(&facts));
                l.push(Line::from(vec![
                    Span::styled(log.month.format("%Y-%m").to_string(), theme.important),
                    Span::raw(facts),
                    Span::raw(fit(&cx.sensitive(log.topics.clone()), cols).into_owned()),
                ]));
            }
            if logs.len() > room {
                l.push(Line::from(Span::styled(
                    format!("… {} more", count(logs.len() - room, "older log")),
                    theme.muted,
                )));
            }
            l
        }
    };
    widgets::detail_pane(frame, detail_area, " Logs ", lines, cx.detail, theme);
}

/// Hours in three characters: "1.5", "  4".
fn hours(h: f32) -> String {
    if h.fract() == 0.0 {
        format!("{h:>3.0}")
    } else {
        format!("{h:>3.1}")
    }
}

fn render_chapters(frame: &mut Frame, area: Rect, tab: &MentoringTab, cx: &Ctx, theme: &Theme) {
    let s = &tab.summary;
    widgets::table(
        frame,
        area,
        format!(
            " Chapter coverage: {} of {} union chapters have an active mentor · ! none ",
            s.union_chapters - s.gaps,
            s.union_chapters
        ),
        &["!", "Chapter", "Mentors", "Active mentors"],
        &[
            Constraint::Length(1),
            Constraint::Length(26),
            Constraint::Length(7),
            Constraint::Min(10),
        ],
        tab.rows(View::Chapters).len(),
        tab.list.selected(),
        theme,
        |row, cols| {
            let i = tab.rows(View::Chapters).visible[row];
            let c = &tab.chapters[i];
            let names: Vec<String> = tab.chapter_mentors[i].iter().map(|&id| cx.person(id)).collect();
            let chapter = if c.chapter == pathways_core::domain::NO_CHAPTER {
                format!("{} (not a union chapter)", c.chapter)
            } else {
                c.chapter.clone()
            };
            Row::new(vec![
                Cell::from(Span::styled(if c.is_gap() { "!" } else { " " }, theme.error)),
                cols.fit(1, chapter),
                Cell::from(format!("{:>7}", c.active_mentors)),
                if names.is_empty() && c.is_gap() {
                    Cell::from(Span::styled("none: recruit a mentor", theme.error))
                } else {
                    cols.fit(3, names.join(", "))
                },
            ])
        },
    );
}
