//! A form: labelled fields, Tab between them, pick lists for enumerations, errors shown in place.
//! Each tab builds its forms and checks them (reading values with the helpers in `form/read.rs`);
//! this module only edits values. Text fields edit at a cursor (tui-input does the editing).
//!
//! Every character typed or pasted into any form (pop-up capture included) enters through
//! [`Form::insert`], which applies the core's rule for text coming in (`text::clean`): control,
//! bidi and zero-width characters never reach a value, so never the database.

mod read;

use pathways_core::privacy::Sensitive;
use pathways_core::text;
use tui_input::{Input, InputRequest};

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text,
    /// Typed as YYYY-MM-DD or M/D/YYYY.
    Date,
    Number,
    /// One of the options (cycled with ←/→ or Space, or typed: the option beginning with what
    /// was typed so far; the same letter again steps to the next option with it).
    Choice(Vec<String>),
    /// Any of the options; Space toggles the highlighted one, ←/→ move the highlight.
    Multi(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub label: &'static str,
    pub kind: FieldKind,
    /// Text value; for a choice the chosen option; for multi the chosen options joined by "; ".
    pub value: String,
    /// Highlighted option for pick lists.
    pub cursor: usize,
    /// Where typing goes in a text field, in characters; None: at the end.
    pub caret: Option<usize>,
    pub error: Option<String>,
    /// The personal value it holds, if any: masked under the privacy screen. A note (or topics)
    /// keeps the line breaks pasted into it; every other text field is one line.
    pub personal: Option<Sensitive>,
    /// What the line under the focused field says, when the kind's usual hint is not enough
    /// ("empty: none planned", where to add a pick list's missing option).
    pub hint: Option<String>,
    /// In a pick list, what was typed since the field was entered (or ←/→ pressed): the start
    /// of the option to jump to.
    pub typed: String,
}

impl Field {
    pub fn text(label: &'static str, value: impl Into<String>) -> Self {
        Field {
            label,
            kind: FieldKind::Text,
            value: value.into(),
            cursor: 0,
            caret: None,
            error: None,
            personal: None,
            hint: None,
            typed: String::new(),
        }
    }

    pub fn date(label: &'static str, value: Option<chrono::NaiveDate>) -> Self {
        Field {
            kind: FieldKind::Date,
            ..Field::text(label, value.map(|d| d.to_string()).unwrap_or_default())
        }
    }

    pub fn number(label: &'static str, value: impl ToString) -> Self {
        Field {
            kind: FieldKind::Number,
            ..Field::text(label, value.to_string())
        }
    }

    pub fn choice(label: &'static str, options: Vec<String>, value: &str) -> Self {
        let cursor = options.iter().position(|o| o == value).unwrap_or(0);
        let value = options.get(cursor).cloned().unwrap_or_default();
        Field {
            kind: FieldKind::Choice(options),
            cursor,
            ..Field::text(label, value)
        }
    }

    pub fn multi(label: &'static str, options: Vec<String>, chosen: &[String]) -> Self {
        let value = options
            .iter()
            .filter(|o| chosen.contains(o))
            .cloned()
            .collect::<Vec<_>>()
            .join("; ");
        Field {
            kind: FieldKind::Multi(options),
            ..Field::text(label, value)
        }
    }

    /// Marks the field as holding a personal value of kind `what` (see `pathways_core::privacy`).
    pub fn holds(mut self, what: Sensitive) -> Self {
        self.personal = Some(what);
        self
    }

    /// Says `hint` under the field while it has the focus.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// How typed or pasted text is cleaned for this field.
    fn text_rule(&self) -> text::Field {
        match self.personal {
            Some(Sensitive::Note | Sensitive::MentoringTopics) => text::Field::Note,
            _ => text::Field::Line,
        }
    }

    /// Chosen options of a multi field.
    pub fn chosen(&self) -> Vec<String> {
        self.value
            .split("; ")
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// A text, date or number field (typed at a cursor), not a pick list.
    pub fn is_typed(&self) -> bool {
        matches!(self.kind, FieldKind::Text | FieldKind::Date | FieldKind::Number)
    }

    /// The value split at the cursor: what is before it and what is after it.
    pub fn at_caret(&self) -> (&str, &str) {
        let byte = match self.caret {
            None => self.value.len(),
            Some(c) => self
                .value
                .char_indices()
                .nth(c)
                .map_or(self.value.len(), |(b, _)| b),
        };
        self.value.split_at(byte)
    }

    /// Applies one editing request at the cursor.
    fn edit(&mut self, request: InputRequest) {
        let end = self.value.chars().count();
        let mut input = Input::new(std::mem::take(&mut self.value)).with_cursor(self.caret.unwrap_or(end));
        input.handle(request);
        let at = input.cursor();
        self.value = input.into();
        self.caret = (at < self.value.chars().count()).then_some(at);
    }

    fn options(&self) -> &[String] {
        match &self.kind {
            FieldKind::Choice(o) | FieldKind::Multi(o) => o,
            _ => &[],
        }
    }

    /// A letter typed into a pick list: the option beginning with everything typed so far
    /// ("bu" is "bus operator", not the first "b…"), accents and case aside. One letter (or the
    /// same letter again, or text no option begins with) steps to the next option beginning
    /// with that letter, as list boxes do.
    fn jump(&mut self, c: char) -> Option<usize> {
        let options = self.options().to_vec();
        let n = options.len();
        if n == 0 {
            return None;
        }
        let begins = |o: &String, p: &str| text::fold(o).starts_with(&text::fold(p));
        let mut prefix = std::mem::take(&mut self.typed);
        prefix.push(c);
        let repeated = prefix.chars().all(|x| x.eq_ignore_ascii_case(&c));
        if !repeated {
            let here = options.get(self.cursor).is_some_and(|o| begins(o, &prefix));
            let first = options.iter().position(|o| begins(o, &prefix));
            if let Some(i) = first {
                self.typed = prefix;
                return Some(if here { self.cursor } else { i });
            }
        }
        let letter = c.to_string();
        let next = (1..=n)
            .map(|k| (self.cursor + k) % n)
            .find(|&i| begins(&options[i], &letter));
        self.typed = if repeated { prefix } else { letter };
        next
    }

    fn toggle(&mut self, option: &str) {
        let mut chosen = self.chosen();
        if let Some(i) = chosen.iter().position(|c| c == option) {
            chosen.remove(i);
        } else {
            chosen.push(option.to_string());
        }
        // Keep the options' own order.
        let order = self.options().to_vec();
        chosen.sort_by_key(|c| order.iter().position(|o| o == c));
        self.value = chosen.join("; ");
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A message for the whole form (e.g. a refused pairing's reasons).
    pub message: Option<String>,
    initial: Vec<String>,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Self {
        let initial = fields.iter().map(|f| f.value.clone()).collect();
        Form {
            title: title.into(),
            fields,
            focus: 0,
            message: None,
            initial,
        }
    }

    pub fn is_changed(&self) -> bool {
        self.fields.iter().map(|f| &f.value).ne(self.initial.iter())
    }

    /// The value of the field labelled `label` (trimmed).
    pub fn value(&self, label: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(|f| f.value.trim())
            .unwrap_or("")
    }

    pub fn field_mut(&mut self, label: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.label == label)
    }

    pub fn clear_errors(&mut self) {
        self.message = None;
        for f in &mut self.fields {
            f.error = None;
        }
    }

    /// Puts `reason` on the field labelled `label` (or on the form if there is no such field) and
    /// focuses the first field in error.
    pub fn set_error(&mut self, label: &str, reason: impl Into<String>) {
        let reason = reason.into();
        match self.fields.iter().position(|f| f.label == label) {
            Some(i) => {
                self.fields[i].error = Some(reason);
                if self.fields[..i].iter().all(|f| f.error.is_none()) {
                    self.focus = i;
                }
            }
            None => self.message = Some(reason),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.message.is_some() || self.fields.iter().any(|f| f.error.is_some())
    }

    pub fn next_field(&mut self) {
        self.leave_field();
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev_field(&mut self) {
        self.leave_field();
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Typing into a pick list starts afresh in the next field.
    fn leave_field(&mut self) {
        if let Some(f) = self.focused() {
            f.typed.clear();
        }
    }

    pub fn on_last_field(&self) -> bool {
        self.focus + 1 >= self.fields.len()
    }

    fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn type_char(&mut self, c: char) {
        let Some(f) = self.focused() else { return };
        f.error = None;
        match f.kind.clone() {
            FieldKind::Choice(options) => {
                // Space cycles, unless it goes on a start being typed ("program m…").
                let extends = c == ' '
                    && !f.typed.is_empty()
                    && options
                        .iter()
                        .any(|o| text::fold(o).starts_with(&text::fold(&format!("{} ", f.typed))));
                if c == ' ' && !extends {
                    pick(f, &options, 1);
                } else if let Some(i) = f.jump(c) {
                    f.cursor = i;
                    f.value = options[i].clone();
                }
            }
            FieldKind::Multi(options) => {
                if c == ' ' {
                    f.typed.clear();
                    if let Some(o) = options.get(f.cursor) {
                        f.toggle(&o.clone());
                    }
                } else if let Some(i) = f.jump(c) {
                    f.cursor = i;
                }
            }
            _ => {
                let mut buf = [0; 4];
                self.insert(c.encode_utf8(&mut buf));
            }
        }
    }

    /// Text typed or pasted into the focused field at the cursor, cleaned by the core's rule
    /// first. Returns whether anything had to be taken out (so a paste can say so).
    pub fn insert(&mut self, typed: &str) -> bool {
        let Some(f) = self.focused() else {
            return false;
        };
        let rule = f.text_rule();
        let clean = text::clean(typed, rule);
        let removed = text::needs_cleaning(typed, rule);
        match f.kind {
            // Kept as typed: a number field that dropped "-" or "e" would turn "-5" into 5 and
            // "1e3" into 13; the form's check refuses them naming the field instead.
            FieldKind::Text | FieldKind::Date | FieldKind::Number => {}
            // A pick list is chosen with keys, not filled with text.
            FieldKind::Choice(_) | FieldKind::Multi(_) => return false,
        };
        for c in clean.chars() {
            f.edit(InputRequest::InsertChar(c));
        }
        f.error = None;
        removed
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        self.edit_typed(InputRequest::DeletePrevChar);
    }

    /// Deletes the character at the cursor.
    pub fn delete(&mut self) {
        self.edit_typed(InputRequest::DeleteNextChar);
    }

    /// Home / End: the cursor to the start or the end of a text field.
    pub fn home(&mut self) {
        self.edit_typed(InputRequest::GoToStart);
    }

    pub fn end(&mut self) {
        self.edit_typed(InputRequest::GoToEnd);
    }

    /// ←/→: the cursor in a text field, the choice in a pick list.
    pub fn left(&mut self) {
        if self.focused().is_some_and(|f| f.is_typed()) {
            self.edit_typed(InputRequest::GoToPrevChar);
        } else {
            self.pick(-1);
        }
    }

    pub fn right(&mut self) {
        if self.focused().is_some_and(|f| f.is_typed()) {
            self.edit_typed(InputRequest::GoToNextChar);
        } else {
            self.pick(1);
        }
    }

    fn edit_typed(&mut self, request: InputRequest) {
        if let Some(f) = self.focused()
            && f.is_typed()
        {
            let before = f.value.len();
            f.edit(request);
            if f.value.len() != before {
                f.error = None;
            }
        }
    }

    /// ←/→ on a pick list.
    pub fn pick(&mut self, step: isize) {
        let Some(f) = self.focused() else { return };
        f.typed.clear();
        match f.kind.clone() {
            FieldKind::Choice(options) => pick(f, &options, step),
            FieldKind::Multi(options) => {
                let n = options.len().max(1) as isize;
                f.cursor = ((f.cursor as isize + step).rem_euclid(n)) as usize;
            }
            _ => {}
        }
    }
}

fn pick(f: &mut Field, options: &[String], step: isize) {
    if options.is_empty() {
        return;
    }
    let n = options.len() as isize;
    f.cursor = ((f.cursor as isize + step).rem_euclid(n)) as usize;
    f.value = options[f.cursor].clone();
    f.error = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(
            "t",
            vec![
                Field::text("name", ""),
                Field::choice("status", vec!["a".into(), "b".into(), "c".into()], "b"),
                Field::multi("services", vec!["x".into(), "y".into(), "z".into()], &[]),
            ],
        )
    }

    #[test]
    fn typing_tabbing_and_picking() {
        let mut f = form();
        assert!(!f.is_changed());
        f.type_char('A');
        f.type_char('n');
        f.backspace();
        assert_eq!(f.value("name"), "A");
        // Control, bidi and zero-width characters never enter a value, typed or pasted.
        f.type_char('\u{202e}');
        f.type_char('\u{1b}');
        assert!(f.insert("n\u{200b}a\u{7}"));
        assert!(!f.insert(" G."));
        assert_eq!(f.value("name"), "Ana G.");
        assert!(f.insert("\r\nx"));
        assert_eq!(f.value("name"), "Ana G. x");
        f.fields[0].value.clear();
        f.next_field();
        f.pick(1);
        assert_eq!(f.value("status"), "c");
        f.pick(1);
        assert_eq!(f.value("status"), "a");
        f.next_field();
        f.pick(2);
        f.type_char(' ');
        f.pick(-2);
        f.type_char(' ');
        assert_eq!(f.value("services"), "x; z");
        f.type_char(' ');
        assert_eq!(f.value("services"), "z");
        assert!(f.is_changed());
        f.next_field();
        assert_eq!(f.focus, 0);
    }

    #[test]
    fn pick_lists_jump_by_the_typed_start_and_step_on_the_same_letter() {
        let options: Vec<String> = [
            "any",
            "Blair High School",
            "Bus Depot North",
            "Bushy Park Elementary",
            "Burtonsville Elementary",
            "Cabin John Middle",
        ]
        .map(String::from)
        .to_vec();
        let mut f = Form::new(
            "t",
            vec![
                Field::choice("location", options.clone(), "any"),
                Field::multi("services", options, &[]),
            ],
        );
        f.type_char('b');
        assert_eq!(f.value("location"), "Blair High School");
        f.type_char('u');
        assert_eq!(f.value("location"), "Bus Depot North");
        f.type_char('s');
        f.type_char('h');
        assert_eq!(
            f.value("location"),
            "Bushy Park Elementary",
            "the whole start counts"
        );
        f.type_char('r');
        // Nothing begins "bushr": the next option with an r (none) leaves it where it was.
        assert_eq!(f.value("location"), "Bushy Park Elementary");
        // A space goes on a start being typed ("bus d…"); otherwise it cycles.
        f.pick(1);
        for c in "bus d".chars() {
            f.type_char(c);
        }
        assert_eq!(f.value("location"), "Bus Depot North");
        // Starting afresh (←/→ or another field), a letter steps to the next option with it.
        f.pick(1);
        f.pick(-1);
        f.type_char('b');
        assert_eq!(f.value("location"), "Bushy Park Elementary");
        f.type_char('b');
        assert_eq!(f.value("location"), "Burtonsville Elementary");
        f.type_char('b');
        assert_eq!(f.value("location"), "Blair High School", "round again");
        // Accents and case aside, in a multi list too (the highlight moves, Space ticks).
        f.next_field();
        f.type_char('C');
        f.type_char('A');
        f.type_char(' ');
        assert_eq!(f.value("services"), "Cabin John Middle");
    }

    #[test]
    fn text_is_edited_at_the_cursor() {
        let mut f = form();
        for c in "Ana Garca".chars() {
            f.type_char(c);
        }
        f.left();
        f.type_char('i');
        assert_eq!(f.value("name"), "Ana Garcia");
        f.home();
        f.delete();
        f.type_char('E');
        assert_eq!(f.value("name"), "Ena Garcia");
        f.end();
        f.backspace();
        f.right();
        assert_eq!(f.value("name"), "Ena Garci");
        assert_eq!(f.fields[0].at_caret(), ("Ena Garci", ""));
        f.home();
        f.right();
        assert_eq!(f.fields[0].at_caret(), ("E", "na Garci"));
        // On a pick list ←/→ choose.
        f.next_field();
        f.right();
        assert_eq!(f.value("status"), "c");
    }

    #[test]
    fn a_note_keeps_pasted_line_breaks_and_a_number_what_was_typed() {
        let mut f = Form::new(
            "t",
            vec![
                Field::text("notes", "").holds(Sensitive::Note),
                Field::number("minutes", ""),
            ],
        );
        assert!(f.insert("one\r\ntwo\u{1b}[2J"));
        assert_eq!(f.value("notes"), "one\ntwo[2J");
        f.next_field();
        // Cleaned like any text, but not filtered to digits: "-5" must not become 5 (the form's
        // check refuses what is not a number, naming the field).
        f.insert("4\u{202e}5 min");
        assert_eq!(f.value("minutes"), "45 min");
    }

    #[test]
    fn errors_focus_the_first_bad_field() {
        let mut f = form();
        f.focus = 2;
        f.set_error("status", "pick one");
        f.set_error("services", "choose at least one");
        assert_eq!(f.focus, 1);
        f.set_error("nope", "whole form");
        assert_eq!(f.message.as_deref(), Some("whole form"));
        f.clear_errors();
        assert!(!f.has_errors());
    }
}
