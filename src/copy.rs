//! `y`: the selected record's key facts as one line of text, masked as the screen is, and the
//! OSC 52 sequence that puts it on the clipboard (works over SSH and inside tmux).

use crate::app::{App, Tab};
use crate::domain::Choice;

/// The key facts of the record selected in the current tab, or None if nothing is selected.
pub fn selected_facts(app: &App) -> Option<String> {
    let data = &app.data;
    match app.tab {
        Tab::Intake => app.intake.selected(data).map(|i| {
            let who = data.employee(i.employee_id);
            format!(
                "{} · {} · {} · received {} · {} · {}",
                app.person(i.employee_id),
                who.map(|e| e.position.as_str()).unwrap_or(""),
                data.location_name(who.and_then(|e| e.location_id)),
                i.received,
                i.status.label(),
                i.services_label()
            )
        }),
        Tab::Mentoring => app.mentoring.selected(data).map(|p| {
            let mentor = data
                .mentor(p.mentor_id)
                .map(|m| app.person(m.employee_id))
                .unwrap_or_default();
            format!(
                "mentor {mentor} · mentee {} · started {} · ends {}",
                app.person(p.mentee_id),
                p.started,
                p.expires()
            )
        }),
        Tab::Coverage => app.coverage.selected(data).map(|a| {
            format!(
                "ambassador {} · {} · {} locations · tenure {} to {}",
                app.person(a.employee_id),
                data.location_name(Some(a.primary_location)),
                a.locations().len(),
                a.tenure_start,
                a.tenure_end
            )
        }),
        Tab::Leadership => crate::tabs::leadership::selected_facts(app),
        Tab::Metrics => {
            let tab = &app.metrics;
            tab.rows
                .get(tab.list.selected)
                .and_then(|i| tab.table.get(i))
                .map(|r| {
                    let months: Vec<String> = r.months.iter().map(u64::to_string).collect();
                    format!(
                        "{} {} · {} · FYTD {}",
                        tab.year.short_label(),
                        r.label,
                        months.join(" "),
                        r.total()
                    )
                })
        }
    }
}

/// The escape sequence that asks the terminal to set the clipboard to `text`.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_wraps_base64() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
