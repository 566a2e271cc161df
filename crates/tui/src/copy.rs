//! `y`: the OSC 52 sequence that puts text on the clipboard (works over SSH and inside tmux).
//! What is copied comes from the tab on screen (`TabView::copy_facts`).

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
