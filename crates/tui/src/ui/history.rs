//! A record's history (`L`): each change, newest first, with who made it and when, and each
//! field before and after. Personal values obey the privacy screen by the one definition of
//! what a stored field holds (`pathways_core::privacy::stored_field`).

use crate::app::{App, History};
use crate::theme::Theme;
use crate::widgets;
use pathways_core::domain::Id;
use pathways_core::privacy::{self, Sensitive};
use pathways_core::store::HistoryEntry;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, h: &History, theme: &Theme) {
    let popup = widgets::centered(area, 78, area.height.saturating_sub(2));
    frame.render_widget(Clear, popup);
    let whose = h
        .record
        .person
        .map(|p| format!(" of {}", app.person(p)))
        .unwrap_or_default();
    let mut lines = Vec::new();
    if h.entries.is_empty() {
        lines.push(Line::styled(
            "No change recorded: the record is as it was first stored (generated data such as \
             the demo has no history).",
            theme.muted,
        ));
    }
    for e in &h.entries {
        lines.extend(entry_lines(app, e, theme));
    }
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(popup.width.saturating_sub(2)) as u16;
    let room = total.saturating_sub(popup.height.saturating_sub(2));
    h.room.set(room);
    let more = if room > 0 { " · ↑↓ PgUp PgDn" } else { "" };
    let title = format!(
        " History{whose} ({}), newest first{more} · Esc closes ",
        h.record.what
    );
    frame.render_widget(
        paragraph
            .block(widgets::block(title, theme))
            .scroll((h.scroll.min(room), 0)),
        popup,
    );
}

/// "2026-11-25 14:03  alice  changed intake #12", then a line per field.
fn entry_lines<'a>(app: &App, e: &HistoryEntry, theme: &Theme) -> Vec<Line<'a>> {
    let when = e
        .when()
        .with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let mut out = vec![Line::from(vec![
        Span::styled(format!("{when}  "), theme.muted),
        Span::styled(format!("{}  ", e.who), theme.important),
        Span::raw(format!("{} {} #{}", e.action.label(), kind(&e.table), e.key)),
    ])];
    for f in &e.fields {
        let show = |v: &str| value(app, &e.table, &f.field, v);
        out.push(Line::from(vec![
            Span::styled(format!("    {}: ", field(&f.field)), theme.muted),
            Span::raw(format!("{} → {}", show(&f.before), show(&f.after))),
        ]));
    }
    out
}

/// A kind of record in words: "mentoring_pairs" is "mentoring pair".
fn kind(table: &str) -> String {
    let words = table.replace('_', " ");
    match words.strip_suffix('s') {
        Some(one) => one.to_string(),
        None => words,
    }
}

/// A stored field's name in the program's words.
fn field(name: &str) -> String {
    match name {
        "employee_number" => "employee id".into(),
        "in_evaluation" => "PAR or special evaluation".into(),
        "employee_id" => "person".into(),
        "mentee_id" => "mentee".into(),
        "mentor_id" => "mentor".into(),
        "supervisor_id" => "supervisor".into(),
        "location_id" | "primary_location" => "location".into(),
        other => other.replace('_', " "),
    }
}

/// A value as the screen may show it: a person by name (initials under the privacy screen), a
/// place by name, a personal value masked, none as "—".
fn value(app: &App, table: &str, field: &str, v: &str) -> String {
    if v.is_empty() {
        return "—".into();
    }
    let id = || v.parse::<Id>().ok();
    match field {
        "employee_id" | "mentee_id" | "supervisor_id" => {
            if let Some(id) = id() {
                return app.person(id);
            }
        }
        "mentor_id" => {
            if let Some(m) = id().and_then(|id| app.data.mentor(id)) {
                return app.person(m.employee_id);
            }
        }
        "location_id" | "primary_location" => {
            if let Some(l) = id().and_then(|id| app.data.location(id)) {
                return l.name.clone();
            }
        }
        _ => {}
    }
    let readable = plain(v);
    match privacy::stored_field(table, field) {
        Some(Sensitive::Name) => app.mask().name(&readable).into_owned(),
        Some(what) => app.shown(what, &readable),
        None => readable,
    }
}

/// A stored list of small records ({"status":"Received","date":"2026-11-02"}; …) as words.
fn plain(v: &str) -> String {
    if !v.contains('{') {
        return v.to_string();
    }
    v.split("; ")
        .map(|part| {
            part.trim_matches(|c| c == '{' || c == '}')
                .split(',')
                .filter_map(|kv| kv.split_once(':').map(|(_, v)| v.trim_matches('"').to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_read_as_words() {
        assert_eq!(kind("mentoring_pairs"), "mentoring pair");
        assert_eq!(kind("waitlist"), "waitlist");
        assert_eq!(field("in_evaluation"), "PAR or special evaluation");
        assert_eq!(field("hire_date"), "hire date");
        assert_eq!(
            plain(r#"{"status":"Received","date":"2026-11-02"}; {"status":"Contacted","date":"2026-11-05"}"#),
            "Received 2026-11-02; Contacted 2026-11-05"
        );
        assert_eq!(plain("Paraeducator"), "Paraeducator");
    }
}
