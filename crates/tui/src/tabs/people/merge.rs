//! Merging two records of one person (found once by email at a pop-up, once by employee id from
//! HR): pick the other record, choose per field which value wins on a two-column screen, confirm.
//! The store moves every record that points at the other one in one transaction (undoable), and
//! refuses, changing nothing, when the two look like different people.

use super::{Fx, Merging, PeopleConfirm, PeopleForm, number_or_record};
use crate::form::{Field, Form};
use crate::list::Nav;
use crate::tab::{Ctx, Effect};
use crate::theme::Theme;
use crate::widgets::block;
use pathways_core::domain::*;
use pathways_core::privacy::Sensitive;
use pathways_core::store::References;
use pathways_core::text::fit;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

/// The merge screen: the two records as they were read, the fields on which they differ, and
/// which of those take the other record's value.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    pub kept: Employee,
    pub other: Employee,
    pub rows: Vec<PersonField>,
    pub take: Vec<PersonField>,
    pub selected: usize,
}

impl Merge {
    /// The usual choice to start from: the kept record's values, its unknowns filled.
    pub fn new(kept: Employee, other: Employee) -> Merge {
        let rows: Vec<PersonField> = PersonField::ALL
            .iter()
            .copied()
            .filter(|f| f.shown(&kept) != f.shown(&other))
            .collect();
        let take = {
            let usual = fill_unknowns(&kept, &other);
            rows.iter()
                .copied()
                .filter(|f| usual(*f) == Side::Other)
                .collect()
        };
        Merge {
            kept,
            other,
            rows,
            take,
            selected: 0,
        }
    }

    pub fn side(&self, f: PersonField) -> Side {
        if self.take.contains(&f) {
            Side::Other
        } else {
            Side::Kept
        }
    }

    /// The person the merge keeps, every field as chosen.
    pub fn merged(&self) -> Employee {
        merged_person(&self.kept, &self.other, |f| self.side(f))
    }

    fn choose(&mut self, side: Side) {
        let Some(&f) = self.rows.get(self.selected) else {
            return;
        };
        self.take.retain(|t| *t != f);
        if side == Side::Other {
            self.take.push(f);
        }
    }

    pub fn toggle(&mut self) {
        if let Some(&f) = self.rows.get(self.selected) {
            let to = match self.side(f) {
                Side::Kept => Side::Other,
                Side::Other => Side::Kept,
            };
            self.choose(to);
        }
    }

    /// Keeps the other record (its id survives) and starts the choices again from it.
    pub fn swap(&mut self) {
        *self = Merge::new(self.other.clone(), self.kept.clone());
    }

    pub fn navigate(&mut self, nav: Nav) {
        match nav {
            Nav::Left => self.choose(Side::Kept),
            Nav::Right => self.choose(Side::Other),
            other => self.selected = other.apply(self.selected, self.rows.len()),
        }
    }
}

pub(super) fn open_pick(cx: &Ctx, kept: Employee) -> Fx {
    let form = Form::new(
        format!("Merge another record of {} into this one", cx.person(kept.id)),
        vec![
            Field::text("other record", "")
                .hint("its employee id, email, name, or #N (the record number on its card)"),
        ],
    );
    vec![Effect::Form(form, PeopleForm::MergeWith(kept))]
}

/// The other record the pick form names, and the merge screen over the two.
pub(super) fn pick(cx: &Ctx, kept: &Employee, form: &mut Form) -> Option<Merge> {
    const LABEL: &str = "other record";
    let typed = form.value(LABEL).to_string();
    let other = match typed.strip_prefix('#') {
        Some(n) => match n.trim().parse::<Id>().ok().and_then(|id| cx.data.employee(id)) {
            Some(e) => e.clone(),
            None => {
                form.set_error(LABEL, "no person has that record number");
                return None;
            }
        },
        None => {
            let id = form.employee(LABEL, &cx.people(), cx.private)?;
            cx.data.employee(id)?.clone()
        }
    };
    if other.id == kept.id {
        form.set_error(LABEL, "that is this record; name the other record of this person");
        return None;
    }
    Some(Merge::new(kept.clone(), other))
}

/// Enter on the merge screen: asks, naming both records.
pub(super) fn confirm(m: &Merge, cx: &Ctx) -> Fx {
    let merged = m.merged();
    if let Err(e) = merged.validate() {
        return vec![Effect::Status(format!("not merged: {}: {}", e.field, e.reason))];
    }
    let question = format!(
        "Merge {} ({}) into {} ({})? Everything that points at it moves, in one transaction; u undoes.",
        cx.person(m.other.id),
        number_or_record(&m.other),
        cx.person(m.kept.id),
        number_or_record(&m.kept)
    );
    vec![Effect::Ask(
        question,
        PeopleConfirm::Merge(Box::new(Merging {
            kept: m.kept.clone(),
            other: m.other.clone(),
            merged,
        })),
    )]
}

/// A field's value on the merge screen: places and people by name, personal values masked.
fn shown(f: PersonField, e: &Employee, cx: &Ctx) -> String {
    let text = match f {
        PersonField::Location => e.location_id.map_or_else(
            || UNKNOWN.to_string(),
            |l| cx.data.location_name(Some(l)).to_string(),
        ),
        PersonField::Supervisor => e.supervisor_id.map_or_else(
            || "none".to_string(),
            |s| match cx.data.employee(s) {
                Some(sup) => format!("{} {}", sup.employee_number, cx.person(s))
                    .trim()
                    .to_string(),
                None => format!("record #{s}"),
            },
        ),
        PersonField::Race => super::card::race_label(e.race),
        other => other.shown(e),
    };
    match f.sensitive() {
        Some(Sensitive::Name) if !PersonField::is_unknown(f, e) => cx.mask().name(&text).into_owned(),
        Some(what) if !PersonField::is_unknown(f, e) => cx.shown(what, &text),
        _ => text,
    }
}

pub(super) fn render(m: &Merge, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    let title = format!(
        " Merge {} into {} · Enter merges · Esc cancels ",
        number_or_record(&m.other),
        number_or_record(&m.kept)
    );
    let outer = block(title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [table_area, below] = Layout::vertical([Constraint::Min(3), Constraint::Length(5)]).areas(inner);
    let column = (table_area.width.saturating_sub(18 + 2 + 4) / 2) as usize;
    let cell = |chosen: bool, value: String| {
        let marker = if chosen { "● " } else { "○ " };
        let style = if chosen { theme.important } else { theme.muted };
        Cell::from(Line::from(vec![
            Span::styled(marker, style),
            Span::styled(fit(&value, column.saturating_sub(2)).into_owned(), style),
        ]))
    };
    let rows: Vec<Row> = m
        .rows
        .iter()
        .map(|&f| {
            let side = m.side(f);
            Row::new(vec![
                Cell::from(fit(f.label(), 18).into_owned()),
                cell(side == Side::Kept, shown(f, &m.kept, cx)),
                cell(side == Side::Other, shown(f, &m.other, cx)),
            ])
        })
        .collect();
    let header = Row::new(vec![
        Cell::from(Span::styled("field", theme.header)),
        Cell::from(Span::styled(
            fit(&format!("kept: {} #{}", cx.person(m.kept.id), m.kept.id), column).into_owned(),
            theme.header,
        )),
        Cell::from(Span::styled(
            fit(
                &format!("merged in: {} #{}", cx.person(m.other.id), m.other.id),
                column,
            )
            .into_owned(),
            theme.header,
        )),
    ]);
    let table = Table::new(
        rows,
        [Constraint::Length(18), Constraint::Fill(1), Constraint::Fill(1)],
    )
    .header(header)
    .row_highlight_style(theme.selected)
    .highlight_symbol("▶ ");
    let mut state = TableState::default();
    if !m.rows.is_empty() {
        state.select(Some(m.selected.min(m.rows.len() - 1)));
    }
    frame.render_stateful_widget(table, table_area, &mut state);
    let agree = PersonField::ALL.len() - m.rows.len();
    let refs = References::in_data(cx.data, m.other.id);
    let moves = if refs.is_empty() {
        "nothing points at it".to_string()
    } else {
        refs.to_string()
    };
    let lines = vec![
        Line::raw("↑↓ field · ← keep this value · → take the other · Space flip · s keep the other record"),
        Line::styled(
            format!(
                "{} the same on both records. ● marks the value the merged person keeps.",
                if agree == 1 {
                    "1 field is".to_string()
                } else {
                    format!("{agree} fields are")
                }
            ),
            theme.muted,
        ),
        Line::from(vec![
            Span::styled("moves from the merged-in record: ", theme.muted),
            Span::raw(moves),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), below);
}
