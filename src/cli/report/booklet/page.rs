//! What the booklet's template is given: sections of blocks (figures, tables, facts, lists, notes),
//! every string already formatted for people. The template (`booklet.html`) escapes them; only a
//! chart's SVG, drawn here, goes in as it is.

use serde::Serialize;

#[derive(Serialize)]
pub struct Page {
    pub title: String,
    /// "Fiscal Year 2025"
    pub year: String,
    /// "December 19, 2024"
    pub as_of: String,
    pub as_of_iso: String,
    /// "July 1 to December 19, 2024"
    pub span: String,
    pub private: bool,
    pub sections: Vec<Section>,
    pub small_groups: String,
    pub generated: String,
    pub charts: usize,
}

#[derive(Serialize)]
pub struct Section {
    pub id: &'static str,
    pub title: String,
    /// How the section's figures are counted.
    pub how: String,
    pub blocks: Vec<Block>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A chart with its text alternative, and the table of the same figures.
    Figure {
        svg: String,
        alt: String,
        caption: String,
        table: Table,
    },
    Table {
        table: Table,
    },
    /// Headline figures: a number and what it is.
    Facts {
        facts: Vec<Fact>,
    },
    List {
        title: String,
        items: Vec<String>,
    },
    /// A sentence: a note, or "no records yet" for what the database does not hold.
    Note {
        text: String,
    },
}

#[derive(Serialize)]
pub struct Fact {
    pub value: String,
    pub label: String,
    /// The same months a year before, or other context.
    pub detail: String,
}

#[derive(Serialize, Default)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    /// Columns holding numbers (right-aligned).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    /// A closing line (totals), if any.
    pub foot: Option<Vec<String>>,
}

impl Table {
    /// A table whose first column is text and the rest numbers.
    pub fn new(caption: impl Into<String>, head: &[&str]) -> Table {
        Table {
            caption: caption.into(),
            head: head.iter().map(|h| h.to_string()).collect(),
            numeric: (0..head.len()).map(|i| i > 0).collect(),
            rows: Vec::new(),
            foot: None,
        }
    }

    /// Marks which columns are text (left-aligned) instead of numbers.
    pub fn text_columns(mut self, columns: &[usize]) -> Table {
        for &c in columns {
            if let Some(n) = self.numeric.get_mut(c) {
                *n = false;
            }
        }
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

/// A number as people read it in a report: 1,598.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "40.0%"
pub fn percent(part: f64) -> String {
    format!("{part:.1}%")
}

/// "+3", "−2", "="
pub fn change(now: u64, before: u64) -> String {
    match now.cmp(&before) {
        std::cmp::Ordering::Greater => format!("+{}", thousands(now - before)),
        std::cmp::Ordering::Less => format!("−{}", thousands(before - now)),
        std::cmp::Ordering::Equal => "=".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1598), "1,598");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(percent(40.0), "40.0%");
        assert_eq!(change(5, 3), "+2");
        assert_eq!(change(3, 5), "−2");
        assert_eq!(change(3, 3), "=");
    }
}
