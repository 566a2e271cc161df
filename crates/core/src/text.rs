//! Text at the program's edges: one place for how names compare (folded to ASCII lower case).

/// ASCII, lower-case form of `text`: "José García" -> "jose garcia".
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = deunicode::deunicode(text);
    out.make_ascii_lowercase();
    out
}
