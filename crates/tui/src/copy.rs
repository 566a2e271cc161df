//! `y`: the selected record's key facts as one line of text, masked as the screen is, and the
//! OSC 52 sequence that puts it on the clipboard (works over SSH and inside tmux).

use crate::app::{App, Tab};
use pathways_core::domain::Choice;

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
        Tab::Mentoring => crate::tabs::mentoring::selected_facts(app),
        Tab::Coverage => crate::tabs::coverage::selected_facts(app),
        Tab::Leadership => crate::tabs::leadership::selected_facts(app),
        Tab::Metrics => crate::tabs::metrics::copy_text(app),
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
