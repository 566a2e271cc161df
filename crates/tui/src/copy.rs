//! `y`: the clipboard command (crossterm's OSC 52, which works over SSH and inside tmux) that
//! carries the selected record's key facts (`TabView::copy_facts`, masked as the screen is).

use ratatui::crossterm::clipboard::CopyToClipboard;

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
