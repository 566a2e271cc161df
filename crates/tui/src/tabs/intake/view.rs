//! Drawing the queue: a filter bar, the windowed list, and the selected intake's detail pane.
//! Only reads state that `refresh` prepared.

use super::IntakeTab;
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets::{self, day, opt_day};
use pathways_core::domain::*;
use pathways_core::privacy::Sensitive;
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

/// The line above the list: active filters (always visible), sort, and the overdue rule.
pub fn filter_bar(tab: &IntakeTab, cx: &Ctx) -> String {
    let mut filters = tab.filters.describe(cx.data);
    if !tab.list.filter.is_empty() {
        if !filters.is_empty() {
            filters.push_str(" · ");
        }
        filters.push_str(&format!("/{}", tab.list.filter));
    }
    let filters = if filters.is_empty() {
        "no filters (f)".to_string()
    } else {
        format!("FILTERED: {filters} (F clears)")
    };
    format!(
        " {filters} │ sort: {}{} │ ! = no contact in {} working day{}: {}",
        tab.sort.label(),
        if tab.reversed { " (reversed)" } else { "" },
        tab.overdue_limit,
        if tab.overdue_limit == 1 { "" } else { "s" },
        tab.overdue_count
    )
}

pub fn render(tab: &IntakeTab, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    let data = cx.data;
    let today = cx.today;
    let [bar, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let bar_style = if tab.filters.is_empty() && tab.list.filter.is_empty() {
        theme.muted
    } else {
        theme.warning
    };
    frame.render_widget(Paragraph::new(Span::styled(filter_bar(tab, cx), bar_style)), bar);
    let (list_area, detail_area) = widgets::list_and_detail(rest, 10);
    let title = if tab.rows().len() == data.intakes.len() {
        format!(" Intake queue ({}) ", tab.rows().len())
    } else {
        format!(" Intake queue ({} of {}) ", tab.rows().len(), data.intakes.len())
    };
    widgets::table(
        frame,
        list_area,
        title,
        &["!", "Received", "Days", "Name", "Status", "Services", "Owner"],
        &[
            Constraint::Length(1),
            Constraint::Length(10),
            Constraint::Length(4),
            Constraint::Length(18),
            Constraint::Length(11),
            Constraint::Min(10),
            Constraint::Length(10),
        ],
        tab.rows().len(),
        tab.list.selected(),
        theme,
        |row| {
            let index = tab.rows().visible[row];
            let it = &data.intakes[index];
            let overdue = tab.is_overdue(index);
            Row::new(vec![
                Cell::from(Span::styled(if overdue { "!" } else { " " }, theme.error)),
                Cell::from(day(it.received)),
                Cell::from(
                    it.days_waiting(today)
                        .map_or_else(|| "   —".to_string(), |n| format!("{n:>4}")),
                ),
                Cell::from(cx.person(it.employee_id)),
                Cell::from(short_status(it.status)),
                Cell::from(it.services_label()),
                Cell::from(it.owner.clone()),
            ])
        },
    );
    let lines = match tab.selected(data) {
        None => vec![Line::raw(
            "No intake selected. a adds one, P starts pop-up capture.",
        )],
        Some(it) => detail_lines(tab, cx, it, theme),
    };
    widgets::detail(frame, detail_area, " Detail ", lines, theme);
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
        .map(|c| format!("{} {}", short_status(c.status), c.date.format("%m/%d/%y")))
        .collect::<Vec<_>>()
        .join(" → ");
    // The last history entry is the current status, so the history says it all.
    let mut status = history;
    if let Some(r) = it.close_reason {
        status.push_str(&format!(" ({})", r.label()));
    }
    let index = tab.list.selected_index().unwrap_or(usize::MAX);
    let overdue = tab.is_overdue(index);
    let waited = it.days_waiting(cx.today);
    let days = |n: i64| {
        if n == 1 {
            "1 day".to_string()
        } else {
            format!("{n} days")
        }
    };
    let waiting = match waited {
        Some(n) if overdue => format!(
            "! OVERDUE {}, no contact after {} working days",
            days(n),
            tab.overdue_limit
        ),
        Some(n) if it.status == IntakeStatus::Received => format!("{}, not contacted yet", days(n)),
        Some(n) => format!("{} since the last step", days(n)),
        None => "not waiting: the next step is the client's relationship or it is closed".to_string(),
    };
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
            Span::styled(waiting, if overdue { theme.error } else { theme.base }),
            Span::raw(format!(" · source: {source} · owner: {owner}")),
        ]),
        widgets::fact("Services", it.services_label(), theme),
    ];
    if !it.next_step.is_empty() {
        lines.push(widgets::fact(
            "Next step",
            format!("{} (due {})", it.next_step, opt_day(it.next_step_due)),
            theme,
        ));
    }
    if !it.notes.is_empty() {
        lines.push(widgets::fact(
            "Notes",
            cx.shown(Sensitive::Note, &it.notes),
            theme,
        ));
    }
    let consultations = tab.consultations.get(&it.id).map(Vec::as_slice).unwrap_or(&[]);
    let total: u32 = consultations.iter().map(|&i| data.consultations[i].minutes).sum();
    lines.push(widgets::fact(
        "Consultations",
        if consultations.is_empty() {
            "none yet (c logs one)".to_string()
        } else {
            format!("{}, {total} minutes in all", consultations.len())
        },
        theme,
    ));
    for &i in consultations.iter().take(20) {
        let c = &data.consultations[i];
        let services = c
            .services
            .iter()
            .map(|s| s.label())
            .collect::<Vec<_>>()
            .join("; ");
        let mut text = format!("  {} · {} min · {services}", c.date, c.minutes);
        if !c.notes.is_empty() {
            text.push_str(&format!(" — {}", cx.shown(Sensitive::Note, &c.notes)));
        }
        lines.push(Line::raw(text));
    }
    lines
}
