//! Drawing the queue: the filter and marker lines, the windowed list, and the selected intake's
//! detail pane (scrolled with J/K). Only reads state that `refresh` prepared.

use super::{Flags, IntakeTab};
use crate::list::scroll_offset;
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets::{self, day, opt_day};
use pathways_core::domain::*;
use pathways_core::privacy::Sensitive;
use pathways_core::text::{count, fit, width as text_width};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

/// Status words short enough for the list.
fn short_status(s: IntakeStatus) -> &'static str {
    match s {
        IntakeStatus::Received => "received",
        IntakeStatus::Contacted => "contacted",
        IntakeStatus::ConsultationScheduled => "scheduled",
        IntakeStatus::RelationshipEstablished => "established",
        IntakeStatus::Closed => "closed",
    }
}

/// The lines above the list: the filters in effect (always said, even the default "open") and
/// what each marker means with how many carry it, wrapped to `width`. (The sort is in the
/// list's title.)
pub fn filter_bar(tab: &IntakeTab, cx: &Ctx, width: u16) -> Vec<String> {
    let mut filters = tab.filters.describe(cx.data);
    if !tab.list.filter.is_empty() {
        filters.push_str(&format!(" · /{}", tab.list.filter));
    }
    let filters = if tab.filters.is_empty() && tab.list.filter.is_empty() {
        "open intakes (f filters; status any shows closed)".to_string()
    } else {
        format!("FILTERED: {filters} (F resets)")
    };
    let first = filters;
    let legend = format!(
        "{} {} no contact in {} · {} {} no step in {} · {} {} next step late",
        Flags::OVERDUE,
        tab.overdue_count,
        count(tab.overdue_limit as usize, "working day"),
        Flags::STALE,
        tab.stale_count,
        tab.stale_limit,
        Flags::LATE,
        tab.late_count,
    );
    // On a narrow screen the short words; the detail pane says each in full.
    let legend = if text_width(&legend) < width as usize {
        legend
    } else {
        format!(
            "{} {} overdue · {} {} stale · {} {} late",
            Flags::OVERDUE,
            tab.overdue_count,
            Flags::STALE,
            tab.stale_count,
            Flags::LATE,
            tab.late_count
        )
    };
    let mut lines = wrap(&first, width);
    lines.extend(wrap(&legend, width));
    lines
}

/// `text` in lines of at most `width` columns, broken between words, each with a leading space.
fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = (width as usize).max(10);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && text_width(&line) + 1 + text_width(word) > width {
            lines.push(std::mem::take(&mut line));
        }
        line.push(' ');
        line.push_str(word);
    }
    lines.push(line);
    lines.into_iter().map(|l| fit(&l, width).into_owned()).collect()
}

pub fn render(tab: &IntakeTab, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    if tab.closures.shown {
        return super::closures::render(tab, frame, area, cx, theme);
    }
    let data = cx.data;
    let today = cx.today;
    let bar_lines = filter_bar(tab, cx, area.width);
    let [bar, rest] =
        Layout::vertical([Constraint::Length(bar_lines.len() as u16), Constraint::Min(0)]).areas(area);
    let bar_style = if tab.filters.is_empty() && tab.list.filter.is_empty() {
        theme.muted
    } else {
        theme.warning
    };
    let text: Vec<Line> = bar_lines
        .into_iter()
        .map(|l| Line::from(Span::styled(l, bar_style)))
        .collect();
    frame.render_widget(Paragraph::new(text), bar);
    let (list_area, detail_area) = widgets::list_and_detail(rest, 9);
    let sort = format!(
        "sorted by {}{}",
        tab.sort.label(),
        if tab.reversed { " (reversed)" } else { "" }
    );
    // Typed text is drawn before the rows are its own (see `list/filter.rs`): the title says so
    // until they are.
    let title = if tab.rows().narrowing() {
        format!(" Intake queue (filtering…) · {sort} ")
    } else if tab.rows().len() == data.intakes.len() {
        format!(" Intake queue ({}) · {sort} ", tab.rows().len())
    } else {
        format!(
            " Intake queue ({} of {}) · {sort} ",
            tab.rows().len(),
            data.intakes.len()
        )
    };
    let (name_w, services_w, owner_w) = flexible_widths(tab, cx, list_area);
    widgets::table(
        frame,
        list_area,
        title,
        &["", "Received", "Days", "Name", "Status", "Services", "Owner"],
        &[
            Constraint::Length(2),
            Constraint::Length(10),
            Constraint::Length(4),
            Constraint::Length(name_w as u16),
            Constraint::Length(11),
            Constraint::Length(services_w as u16),
            Constraint::Length(owner_w as u16),
        ],
        tab.rows().len(),
        tab.list.selected(),
        theme,
        |row, _| {
            let index = tab.rows().visible[row];
            let it = &data.intakes[index];
            let flags = tab.flags_of(index);
            Row::new(vec![
                Cell::from(Span::styled(flags.markers(), theme.error)),
                Cell::from(day(it.received)),
                Cell::from(
                    it.days_waiting(today)
                        .map_or_else(|| "   —".to_string(), |n| format!("{n:>4}")),
                ),
                Cell::from(fit(&cx.person(it.employee_id), name_w).into_owned()),
                Cell::from(short_status(it.status)),
                Cell::from(fit(&it.services_label(), services_w).into_owned()),
                Cell::from(fit(&it.owner, owner_w).into_owned()),
            ])
        },
    );
    let lines = match tab.selected(data) {
        None => vec![Line::raw(
            "No intake selected. a adds one, P starts pop-up capture.",
        )],
        Some(it) => detail_lines(tab, cx, it, theme),
    };
    widgets::detail_pane(frame, detail_area, " Detail ", lines, cx.detail, theme);
}

/// The room the fixed columns leave, shared so that the names (as shown) and the owners on screen
/// fit whole when they can, the services taking the rest (at least 12 columns); on a narrow
/// screen the owner gives way first, then the name, each cut with an ellipsis.
fn flexible_widths(tab: &IntakeTab, cx: &Ctx, area: Rect) -> (usize, usize, usize) {
    // Borders 2, the selection marker 2, markers 2 + received 10 + days 4 + status 11, 6 gaps.
    let free = (area.width as usize).saturating_sub(2 + 2 + 2 + 10 + 4 + 11 + 6);
    let rows = area.height.saturating_sub(3) as usize;
    let top = scroll_offset(tab.list.selected(), rows);
    let shown = &tab.rows().visible[top.min(tab.rows().len())..(top + rows).min(tab.rows().len())];
    let widest = |f: &dyn Fn(&pathways_core::domain::Intake) -> String| {
        shown
            .iter()
            .map(|&i| text_width(&f(&cx.data.intakes[i])))
            .max()
            .unwrap_or(0)
    };
    let name_need = widest(&|it| cx.person(it.employee_id)).clamp(8, 28);
    let owner_need = widest(&|it| it.owner.clone()).clamp(5, 20);
    const SERVICES: usize = 12;
    let name = name_need.min(free.saturating_sub(SERVICES + 6)).max(8);
    let owner = owner_need.min(free.saturating_sub(SERVICES + name)).max(5);
    let services = free.saturating_sub(name + owner).max(6);
    (name, services, owner)
}

fn detail_lines<'a>(tab: &IntakeTab, cx: &Ctx<'a>, it: &'a Intake, theme: &Theme) -> Vec<Line<'a>> {
    let data = cx.data;
    let who = data.employee(it.employee_id);
    let mut person = cx.person(it.employee_id);
    if let Some(e) = who {
        for part in [
            e.position.as_str(),
            data.location_name(e.location_id),
            e.chapter.as_deref().unwrap_or("chapter unknown"),
        ] {
            if !part.is_empty() && part != "—" && part != NO_CHAPTER {
                person.push_str(" · ");
                person.push_str(part);
            }
        }
    }
    let history = it
        .history
        .iter()
        .map(|c| format!("{} {}", short_status(c.status), day(c.date)))
        .collect::<Vec<_>>()
        .join(" → ");
    // The last history entry is the current status, so the history says it all.
    let mut status = history;
    if let Some(r) = it.close_reason {
        status.push_str(&format!(" ({})", r.label()));
    }
    let index = tab.list.selected_index().unwrap_or(usize::MAX);
    let flags = tab.flags_of(index);
    let waited = it.days_waiting(cx.today);
    let days = |n: i64| count(n.max(0) as usize, "day");
    let waiting = match waited {
        Some(n) if flags.overdue => format!(
            "{} OVERDUE {}, no contact after {}",
            Flags::OVERDUE,
            days(n),
            count(tab.overdue_limit as usize, "working day")
        ),
        Some(n) if flags.stale => format!(
            "{} STALE {} since the last step, none for {}",
            Flags::STALE,
            days(n),
            count(tab.stale_limit as usize, "working day")
        ),
        Some(n) if it.status == IntakeStatus::Received => format!("{}, not contacted yet", days(n)),
        Some(n) => format!("{} since the last step", days(n)),
        None => "not waiting: the next step is the client's relationship or it is closed".to_string(),
    };
    let alarm = flags.overdue || flags.stale;
    let mut source = it.source.label().to_string();
    if let Some(p) = it
        .popup_event_id
        .and_then(|id| data.popups.iter().find(|p| p.id == id))
    {
        source.push_str(&format!(
            " ({} at {})",
            p.date,
            data.location_name(Some(p.location_id))
        ));
    }
    let owner = if it.owner.is_empty() {
        "—"
    } else {
        it.owner.as_str()
    };
    // Short lines first and empty facts left out, so the consultations fit at 80x24.
    let mut lines = vec![
        Line::from(Span::styled(person, theme.important)),
        widgets::fact("Status", status, theme),
        Line::from(vec![
            Span::styled("Waiting: ", theme.muted),
            Span::styled(waiting, if alarm { theme.error } else { theme.base }),
            Span::raw(format!(" · source: {source} · owner: {owner}")),
        ]),
        widgets::fact("Services", it.services_label(), theme),
    ];
    if !it.next_step.is_empty() || it.next_step_due.is_some() {
        let late = if flags.late {
            format!("{} LATE: ", Flags::LATE)
        } else {
            String::new()
        };
        lines.push(Line::from(vec![
            Span::styled("Next step: ", theme.muted),
            Span::styled(late, theme.error),
            Span::raw(format!(
                "{} (due {})",
                if it.next_step.is_empty() {
                    "—"
                } else {
                    &it.next_step
                },
                opt_day(it.next_step_due)
            )),
        ]));
    }
    if !it.notes.is_empty() {
        lines.push(widgets::fact(
            "Notes",
            cx.shown(Sensitive::Note, &it.notes),
            theme,
        ));
    }
    let consultations = tab.consultations.of(data, it.id);
    let total: u32 = consultations
        .iter()
        .map(|&i| data.consultations[i as usize].minutes)
        .sum();
    lines.push(widgets::fact(
        "Consultations",
        if consultations.is_empty() {
            "none yet (c logs one)".to_string()
        } else {
            format!(
                "{}, {} in all",
                count(consultations.len(), "consultation"),
                count(total as usize, "minute")
            )
        },
        theme,
    ));
    for &i in consultations.iter().take(20) {
        let c = &data.consultations[i as usize];
        let services = c
            .services
            .iter()
            .map(|s| s.label())
            .collect::<Vec<_>>()
            .join("; ");
        let mut text = format!("  {} · {} min · {services}", day(c.date), c.minutes);
        if !c.notes.is_empty() {
            text.push_str(&format!(" — {}", cx.shown(Sensitive::Note, &c.notes)));
        }
        lines.push(Line::raw(text));
    }
    lines
}
