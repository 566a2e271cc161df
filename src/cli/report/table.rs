//! Columns for reports read in a terminal: measured by display width (`text::width`), every cell
//! made inert, and the whole table kept within the report width by cutting the widest text
//! column (with `…`) rather than letting lines wrap mid-row.

use super::WIDTH;
use pathways_core::text::{fit, inert, pad, width};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

struct Column {
    header: String,
    align: Align,
}

pub struct Table {
    indent: usize,
    gap: usize,
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
}

/// Text columns are not cut below this many columns.
const MIN_TEXT: usize = 8;

impl Table {
    /// A table indented by `indent` spaces, with `gap` spaces between columns.
    pub fn new(indent: usize, gap: usize) -> Table {
        Table {
            indent,
            gap,
            columns: Vec::new(),
            rows: Vec::new(),
        }
    }

    pub fn left(mut self, header: &str) -> Table {
        self.columns.push(Column {
            header: header.to_string(),
            align: Align::Left,
        });
        self
    }

    pub fn right(mut self, header: &str) -> Table {
        self.columns.push(Column {
            header: header.to_string(),
            align: Align::Right,
        });
        self
    }

    /// One row; its cells are made inert here, so data never carries a terminal sequence.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows
            .push(cells.iter().map(|c| inert(c).into_owned()).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The widths of the columns, text columns cut until the table fits the report width.
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|s| width(s))
                    .chain([width(&c.header)])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let total =
            |w: &[usize]| self.indent + w.iter().sum::<usize>() + self.gap * w.len().saturating_sub(1);
        while total(&widths) > WIDTH {
            let widest = self
                .columns
                .iter()
                .enumerate()
                .filter(|(i, c)| c.align == Align::Left && widths[*i] > MIN_TEXT)
                .max_by_key(|(i, _)| widths[*i])
                .map(|(i, _)| i);
            match widest {
                Some(i) => widths[i] -= 1,
                None => break,
            }
        }
        widths
    }

    pub fn render(&self) -> String {
        let widths = self.widths();
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut l = " ".repeat(self.indent);
            for (i, (c, w)) in self.columns.iter().zip(&widths).enumerate() {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                if i > 0 {
                    l.push_str(&" ".repeat(self.gap));
                }
                match c.align {
                    Align::Left => l.push_str(&pad(text, *w)),
                    Align::Right => {
                        let cut = fit(text, *w);
                        l.push_str(&" ".repeat(w.saturating_sub(width(&cut))));
                        l.push_str(&cut);
                    }
                }
            }
            out.push_str(l.trim_end());
            out.push('\n');
        };
        let header: Vec<String> = self.columns.iter().map(|c| c.header.clone()).collect();
        line(&header, &mut out);
        for r in &self.rows {
            line(r, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_table_is_cut_to_the_report_width() {
        let mut t = Table::new(2, 2).left("Name").left("Location").right("Employees");
        t.row(vec!["山田太郎".repeat(10), "x".repeat(80), "1234".into()]);
        t.row(vec!["Ana\u{1b}]0;owned\u{7}".into(), "Blair".into(), "7".into()]);
        let out = t.render();
        for l in out.lines() {
            assert!(width(l) <= WIDTH, "{l}");
            assert!(!l.contains('\u{1b}'), "{l:?}");
        }
        assert!(out.contains("\\u{1b}"), "{out}");
        assert!(out.lines().nth(1).unwrap().ends_with("1234"), "{out}");
    }
}
