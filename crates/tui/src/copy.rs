//! `y`: the selected record's key facts as one line of text, masked as the screen is, and the
//! clipboard command (crossterm's OSC 52, which works over SSH and inside tmux) that carries it.

use crate::app::{App, Tab};
use pathways_core::domain::Choice;
use ratatui::crossterm::clipboard::CopyToClipboard;

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

/// The command that asks the terminal to set the clipboard to `text`. The payload is made inert
/// first (`text::inert`): one line, no CR, ESC or bracketed-paste end, so pasting it can never run
/// a command or leave a paste early, whatever an older database holds.
pub fn clipboard(text: &str) -> CopyToClipboard<String> {
    CopyToClipboard::to_clipboard_from(pathways_core::text::inert(text).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::Command;

    fn payload(text: &str) -> String {
        use base64::Engine;
        let mut seq = String::new();
        clipboard(text).write_ansi(&mut seq).unwrap();
        let body = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix("\x1b\\"))
            .unwrap_or_else(|| panic!("not an OSC 52 sequence: {seq:?}"));
        let bytes = base64::engine::general_purpose::STANDARD.decode(body).unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn the_clipboard_payload_is_one_inert_line() {
        assert_eq!(payload("Ana García · Lincoln"), "Ana García · Lincoln");
        let hostile = "x\r\nrm -rf ~\n\x1b[201~echo owned\x1b]52;c;QQ==\x07\u{9b}";
        let got = payload(hostile);
        assert!(!got.chars().any(|c| c.is_control()), "{got:?}");
        assert!(!got.contains("\x1b[201~"));
    }
}
