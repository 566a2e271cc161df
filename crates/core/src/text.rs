//! Text at the program's edges, one rule each way:
//! - **in**: [`clean`] removes what must never be stored (control characters, bidi overrides and
//!   isolates, zero-width characters); every input path (imports, forms, pop-up capture, paste)
//!   goes through it;
//! - **out**: [`inert`] escapes anything of that kind still in older data, so no output a
//!   terminal interprets (one-shot lines, screen cells, clipboard payloads, error messages) ever
//!   carries a live sequence; [`width`] and [`fit`] measure by display width, not chars;
//! - **spreadsheets**: [`to_sheet`] / [`from_sheet`] neutralise formulas in CSV cells the way
//!   OWASP recommends, and undo it exactly, so export -> import -> export is byte-identical;
//! - **comparing names**: [`fold`];
//! - **numbers in words**: [`count`] ("1 log", "2 logs"), the one rule for every screen and report.

use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What a field may hold besides printable text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// One line (names, emails, positions, ids): a tab or line break becomes a space.
    Line,
    /// Notes: tabs and line breaks (`\n`) are kept; `\r\n` and a lone `\r` become `\n`.
    Note,
}

/// Characters that reorder or hide text: bidi embeddings, overrides, isolates and marks, and
/// zero-width characters (including the byte-order mark).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'   // zero-width space/non-joiner/joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}' // LRE RLE PDF LRO RLO
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // LRI RLI FSI PDI
        | '\u{061C}'              // Arabic letter mark
        | '\u{180E}'              // Mongolian vowel separator
        | '\u{FEFF}'              // zero-width no-break space / BOM
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
    )
}

/// A character no stored field may hold (in a note, tab and newline are allowed).
fn refused(c: char, field: Field) -> bool {
    if field == Field::Note && (c == '\t' || c == '\n') {
        return false;
    }
    c.is_control() || is_invisible(c)
}

/// True when [`clean`] would change `text`.
pub fn needs_cleaning(text: &str, field: Field) -> bool {
    text.chars().any(|c| refused(c, field))
}

/// `text` without control, bidi and zero-width characters. In a one-line field, tabs and line
/// breaks become single spaces (so "Ana\tGarcia" stays two words); in a note, line breaks are
/// normalised to `\n`. Returns the text unchanged (borrowed) when there was nothing to clean.
pub fn clean(text: &str, field: Field) -> Cow<'_, str> {
    if !needs_cleaning(text, field) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, field) {
            ('\r', Field::Note) => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            ('\t' | '\n' | '\r', Field::Line) => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            (c, f) if refused(c, f) => {}
            (c, _) => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// True for a character no output a terminal interprets may carry as it is: a control character
/// (C0, DEL, C1) or a bidi / zero-width one.
pub fn is_live(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// Writes `c` as a visible escape such as `\u{1b}`.
fn escape(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// `text` with every character for which `live` holds written as a visible escape.
fn escaped(text: &str, live: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&live) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if live(c) {
            escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` made safe for any output a terminal interprets: every control, bidi or zero-width
/// character (a line break too: one value never spans lines) is written as a visible escape
/// such as `\u{1b}`. Text without such characters is returned as it is.
pub fn inert(text: &str) -> Cow<'_, str> {
    escaped(text, is_live)
}

/// Like [`inert`], but keeps line breaks and tabs: for multi-line text a report prints as
/// several lines (a note under its record), and for whole lines of output.
pub fn inert_lines(text: &str) -> Cow<'_, str> {
    escaped(text, |c| c != '\n' && c != '\t' && is_live(c))
}

/// Columns `text` takes on a terminal (East Asian wide characters count two, combining marks none).
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` cut to at most `max` columns, ending in `…` when cut.
pub fn fit(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// `text` followed by spaces up to `columns` display columns (cut with `…` if longer).
pub fn pad(text: &str, columns: usize) -> String {
    let cut = fit(text, columns);
    let fill = columns.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(fill))
}

/// `text` followed by spaces up to `columns` display columns, never cut: what `{:<N}` does when
/// counting columns instead of chars.
pub fn fill(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

/// First characters a spreadsheet reads as the start of a formula (OWASP's list).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell for a spreadsheet: a value a spreadsheet would run as a formula gets a leading `'`
/// (shown as text there). A value that already starts with `'` before such a character, or with
/// `''`, gets one too, so [`from_sheet`] gives back exactly the original.
pub fn to_sheet(value: &str) -> Cow<'_, str> {
    let mut chars = value.chars();
    let needs = match chars.next() {
        Some(c) if FORMULA_START.contains(&c) => true,
        Some('\'') => chars
            .next()
            .is_some_and(|c| c == '\'' || FORMULA_START.contains(&c)),
        _ => false,
    };
    if needs {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// Undoes [`to_sheet`]: a cell `'=1+1` is the text `=1+1`; `'O'Brien`-like text is left alone.
pub fn from_sheet(cell: &str) -> &str {
    let mut chars = cell.chars();
    match (chars.next(), chars.next()) {
        (Some('\''), Some(c)) if c == '\'' || FORMULA_START.contains(&c) => &cell[1..],
        _ => cell,
    }
}

/// A stored value as a CSV cell: [`inert_lines`] (a file is `cat` to a terminal too) then
/// [`to_sheet`]. Every CSV the program writes goes through this; an import undoes it with
/// [`from_sheet`] (clean text comes back byte for byte).
pub fn sheet_cell(value: &str) -> Cow<'_, str> {
    match inert_lines(value) {
        Cow::Borrowed(v) => to_sheet(v),
        Cow::Owned(v) => Cow::Owned(to_sheet(&v).into_owned()),
    }
}

/// ASCII, lower-case form of `text`: "José García" -> "jose garcia".
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = deunicode::deunicode(text);
    out.make_ascii_lowercase();
    out
}

/// [`fold`] of a text already owned: lower-cased where it is when it is ASCII, not copied.
pub fn fold_owned(mut text: String) -> String {
    if text.is_ascii() {
        text.make_ascii_lowercase();
        return text;
    }
    fold(&text)
}

/// `word` for `n` of them: "log" -> "logs", "entry" -> "entries", "match" -> "matches". A word
/// made of several words changes its last one ("working day" -> "working days").
pub fn plural(n: u64, word: &str) -> Cow<'_, str> {
    if n == 1 {
        return Cow::Borrowed(word);
    }
    let last = word.rsplit(' ').next().unwrap_or(word);
    let head = &word[..word.len() - last.len()];
    let irregular = match last {
        "person" => Some("people"),
        "child" => Some("children"),
        _ => None,
    };
    let many = match irregular {
        Some(w) => w.to_string(),
        None if last.ends_with('y')
            && !last.ends_with("ay")
            && !last.ends_with("ey")
            && !last.ends_with("oy")
            && !last.ends_with("uy") =>
        {
            format!("{}ies", &last[..last.len() - 1])
        }
        None if ["s", "x", "z", "ch", "sh"].iter().any(|e| last.ends_with(e)) => format!("{last}es"),
        None => format!("{last}s"),
    };
    Cow::Owned(format!("{head}{many}"))
}

/// A count in words, the one rule everywhere: "1 log", "2 logs", "0 entries".
pub fn count(n: usize, word: &str) -> String {
    format!("{n} {}", plural(n as u64, word))
}

/// "40.0%": the share of `part` in `whole`, one decimal; `—` when there is no whole (0.0% would
/// read as a figure).
pub fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "—".into()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

/// An amount that may have a fraction, in words: "1 hour", "1.5 hours", "4 hours". Shown with at
/// most one decimal, and singular only for exactly 1.
pub fn amount(value: f64, word: &str) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let shown = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    let n = if shown == "1" { 1 } else { 2 };
    format!("{shown} {}", plural(n, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words_agree() {
        assert_eq!(count(1, "log"), "1 log");
        assert_eq!(count(2, "log"), "2 logs");
        assert_eq!(count(0, "log"), "0 logs");
        assert_eq!(count(1, "working day"), "1 working day");
        assert_eq!(count(5, "working day"), "5 working days");
        assert_eq!(count(3, "waitlist entry"), "3 waitlist entries");
        assert_eq!(count(2, "match"), "2 matches");
        assert_eq!(count(2, "person"), "2 people");
        assert_eq!(count(2, "day"), "2 days");
        assert_eq!(amount(1.0, "hour"), "1 hour");
        assert_eq!(amount(1.5, "hour"), "1.5 hours");
        assert_eq!(amount(4.0, "hour"), "4 hours");
        assert_eq!(amount(0.98, "hour"), "1 hour");
    }

    #[test]
    fn clean_removes_sequences_and_invisibles() {
        assert_eq!(clean("T\u{1b}]0;TITLE\u{7}", Field::Line), "T]0;TITLE");
        assert_eq!(clean("Ana\u{202E}lehcaR", Field::Line), "AnalehcaR");
        assert_eq!(clean("Ana\u{200B}\u{FEFF}", Field::Line), "Ana");
        assert_eq!(clean("a\u{85}b\u{7f}c\u{0}", Field::Line), "abc");
        assert_eq!(clean("Ana\tGarcia\r\nx", Field::Line), "Ana Garcia x");
        assert_eq!(
            clean("line 1\r\nline 2\rline 3\t!", Field::Note),
            "line 1\nline 2\nline 3\t!"
        );
        assert!(matches!(clean("José García", Field::Line), Cow::Borrowed(_)));
    }

    #[test]
    fn inert_escapes_what_a_terminal_would_run() {
        let hostile = "\u{1b}]52;c;QUJD\u{7}x\u{9b}2J\n";
        let out = inert(hostile);
        assert!(!out.chars().any(|c| c.is_control()), "{out}");
        assert_eq!(out, "\\u{1b}]52;c;QUJD\\u{7}x\\u{9b}2J\\u{a}");
        assert_eq!(inert_lines("a\nb\u{1b}"), "a\nb\\u{1b}");
        assert_eq!(inert_lines("a\tb\r\u{202e}"), "a\tb\\u{d}\\u{202e}");
        assert!(matches!(inert("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn width_counts_columns() {
        assert_eq!(width("José"), 4);
        assert_eq!(width("山田"), 4);
        assert_eq!(fit("山田太郎", 5), "山田…");
        assert_eq!(fit("Garcia", 6), "Garcia");
        assert_eq!(fit("Garcia", 4), "Gar…");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("山田太郎", 5), "山田…");
        assert_eq!(pad("山田太郎", 4), "山… ");
        assert_eq!(fill("山田", 6), "山田  ");
        assert_eq!(fill("José García", 4), "José García");
    }

    #[test]
    fn sheet_cells_round_trip() {
        for v in [
            "=1+1", "+1", "-5", "@SUM(A1)", "\tx", "\rx", "'=x", "''", "'", "'hi", "O'Brien", "", "plain",
        ] {
            let out = to_sheet(v);
            assert!(!out.starts_with(FORMULA_START), "{v:?} -> {out:?}");
            assert_eq!(from_sheet(&out), v, "{v:?} -> {out:?}");
        }
        assert_eq!(to_sheet("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(to_sheet("O'Brien"), "O'Brien");
        assert_eq!(sheet_cell("=x\u{1b}]0;T\u{7}"), "'=x\\u{1b}]0;T\\u{7}");
        assert_eq!(sheet_cell("line 1\n\tline 2"), "line 1\n\tline 2");
        assert_eq!(sheet_cell("\tx"), "'\tx");
    }

    #[test]
    fn fold_ignores_accents_and_case() {
        assert_eq!(fold("José García-Núñez"), "jose garcia-nunez");
        for text in ["José García-Núñez", "ANA Lopez", "北京 Zoë", ""] {
            assert_eq!(fold_owned(text.to_string()), fold(text), "{text:?}");
        }
    }
}
