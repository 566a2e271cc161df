//! The two small lists records carry by name: union chapters (people carry one) and owners
//! (intakes carry one). Add, rename, merge a typo into the right entry, remove: the same rules
//! and the same store transactions as `pathways chapters|owners ...`, so a rename rewrites
//! every record carrying the name and a merge moves them all, each in one transaction.

use super::{Fx, PeopleConfirm, PeopleForm, PeopleSaved, PeopleTab, Picked, View, render::view_bar};
use crate::form::{Field, Form};
use crate::save::{Save, Writer};
use crate::tab::{Ctx, Effect};
use crate::theme::Theme;
use crate::widgets;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::store::NamedEntry;
use pathways_core::text::{Field as Text, clean};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};

/// One row of a list: a name, how many records carry it, whether it is a stored entry (or only
/// carried by records written before the list existed), and whether it is an entry at all (N/A
/// and unknown are values every person may have, not entries).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: String,
    pub carried: usize,
    pub stored: bool,
    pub entry: bool,
}

/// "chapter" or "owner": the word the store's rules and messages use.
fn what(v: View) -> &'static str {
    match v {
        View::Owners => Owner::WHAT,
        _ => Chapter::WHAT,
    }
}

fn entries(tab: &PeopleTab, v: View) -> &[Entry] {
    match v {
        View::Owners => &tab.owners,
        _ => &tab.chapters,
    }
}

pub(super) fn rebuild(tab: &mut PeopleTab, data: &Dataset) {
    tab.lists_stale = false;
    // How many records carry each distinct spelling (a handful), then each entry's count by
    // name: one pass over the people and the intakes, not one per entry.
    let chapters = tally(data.employees.iter().filter_map(|e| e.chapter.as_deref()));
    let owners = tally(data.intakes.iter().map(|i| i.owner.as_str()));
    let carried_by = |tally: &[(&str, usize)], name: &str| -> usize {
        tally
            .iter()
            .filter(|(n, _)| same_name(n, name))
            .map(|(_, count)| count)
            .sum()
    };
    let stored_chapter = |n: &str| data.chapters.iter().any(|c| same_name(&c.name, n));
    tab.chapters = data
        .union_chapters()
        .into_iter()
        .map(|name| Entry {
            carried: carried_by(&chapters, &name),
            stored: stored_chapter(&name),
            entry: true,
            name,
        })
        .collect();
    for (name, carried) in [
        (NO_CHAPTER, carried_by(&chapters, NO_CHAPTER)),
        (
            UNKNOWN,
            data.employees.iter().filter(|e| e.chapter.is_none()).count(),
        ),
    ] {
        tab.chapters.push(Entry {
            name: name.to_string(),
            carried,
            stored: false,
            entry: false,
        });
    }
    tab.owners = data
        .owners()
        .into_iter()
        .map(|name| Entry {
            carried: carried_by(&owners, &name),
            stored: data.owners.iter().any(|o| same_name(&o.name, &name)),
            entry: true,
            name,
        })
        .collect();
    for v in [View::Chapters, View::Owners] {
        let rows: Vec<(usize, Picked, String)> = entries(tab, v)
            .iter()
            .enumerate()
            .map(|(i, e)| (i, Picked::Name(e.name.clone()), e.name.clone()))
            .collect();
        tab.list.list_mut(v).set(rows);
    }
}

/// Each distinct value and how many times it occurs.
fn tally<'a>(values: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut counts: NameMap<'_, usize> = NameMap::default();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    counts.into_iter().collect()
}

fn selected(tab: &PeopleTab) -> Option<&Entry> {
    tab.list
        .selected_index()
        .and_then(|i| entries(tab, tab.view()).get(i))
}

/// The selected entry, or why there is none to act on.
fn selected_entry(tab: &PeopleTab) -> Result<Entry, Fx> {
    match selected(tab) {
        Some(e) if e.entry => Ok(e.clone()),
        Some(e) => Err(vec![Effect::Status(format!(
            "{} is not a {} on the list: it is a value anyone may have",
            e.name,
            what(tab.view())
        ))]),
        None => Err(vec![Effect::Status(format!("no {} selected", what(tab.view())))]),
    }
}

pub(super) fn open_add(tab: &PeopleTab) -> Fx {
    let v = tab.view();
    let form = Form::new(
        format!("Add {} {}", if v == View::Owners { "an" } else { "a" }, what(v)),
        vec![Field::text("name", "")],
    );
    vec![Effect::Form(form, PeopleForm::AddEntry(v))]
}

pub(super) fn open_rename(tab: &PeopleTab, _cx: &Ctx) -> Fx {
    let v = tab.view();
    match selected_entry(tab) {
        Ok(e) => {
            let carriers = carriers(v, e.carried);
            let form = Form::new(
                format!("Rename the {} {}", what(v), e.name),
                vec![Field::text("name", e.name.clone()).hint(format!("{carriers} will carry the new name"))],
            );
            vec![Effect::Form(form, PeopleForm::RenameEntry(v, e.name))]
        }
        Err(fx) => fx,
    }
}

pub(super) fn open_merge(tab: &PeopleTab, _cx: &Ctx) -> Fx {
    let v = tab.view();
    let from = match selected_entry(tab) {
        Ok(e) => e,
        Err(fx) => return fx,
    };
    let into: Vec<String> = entries(tab, v)
        .iter()
        .filter(|e| e.entry && !same_name(&e.name, &from.name))
        .map(|e| e.name.clone())
        .collect();
    if into.is_empty() {
        return vec![Effect::Status(format!(
            "no other {} to merge {} into",
            what(v),
            from.name
        ))];
    }
    let first = into[0].clone();
    let form = Form::new(
        format!("Merge the {} {} into another", what(v), from.name),
        vec![Field::choice("into", into, &first).hint(format!(
            "{} move to it and {} leaves the list",
            carriers(v, from.carried),
            from.name
        ))],
    );
    vec![Effect::Form(form, PeopleForm::MergeEntry(v, from.name))]
}

fn carriers(v: View, n: usize) -> String {
    match v {
        View::Owners => pathways_core::text::count(n, "intake"),
        _ => {
            if n == 1 {
                "1 person".to_string()
            } else {
                format!("{n} people")
            }
        }
    }
}

pub(super) fn ask_remove(tab: &PeopleTab, _cx: &Ctx) -> Fx {
    let v = tab.view();
    match selected_entry(tab) {
        Ok(e) if e.carried > 0 => vec![Effect::Status(format!(
            "cannot remove {}: {} {} it; merge it into another {} instead (M)",
            e.name,
            carriers(v, e.carried),
            if e.carried == 1 { "carries" } else { "carry" },
            what(v)
        ))],
        Ok(e) => vec![Effect::Ask(
            format!("Remove the {} {} from the list? u undoes.", what(v), e.name),
            PeopleConfirm::RemoveEntry(v, e.name),
        )],
        Err(fx) => fx,
    }
}

/// A name typed for list `v`, cleaned and checked against the others; the reason on "name".
fn checked_name(cx: &Ctx, v: View, form: &mut Form, except: Option<&str>) -> Option<String> {
    let name = clean(form.value("name"), Text::Line).trim().to_string();
    let names = match v {
        View::Owners => cx.data.owners(),
        _ => cx.data.union_chapters(),
    };
    let others = names
        .iter()
        .map(String::as_str)
        .filter(|n| except.is_none_or(|x| !same_name(n, x)));
    match check_list_name(what(v), &name, others) {
        Ok(()) => Some(name),
        Err(e) => {
            form.set_error("name", e.reason);
            None
        }
    }
}

/// Runs `f` with the list type of view `v`.
fn on_list<R>(
    v: View,
    w: &mut Writer,
    chapters: impl FnOnce(&mut Writer) -> R,
    owners: impl FnOnce(&mut Writer) -> R,
) -> R {
    match v {
        View::Owners => owners(w),
        _ => chapters(w),
    }
}

pub(super) fn save_add(cx: &Ctx, v: View, form: &mut Form) -> Fx {
    let Some(name) = checked_name(cx, v, form, None) else {
        return vec![];
    };
    let done = format!("{} {name} added", what(v));
    let then = PeopleSaved::SelectEntry(v, name.clone());
    vec![Effect::Save(
        Save::adding(done, move |w| {
            on_list(
                v,
                w,
                |w| w.add_to_list::<Chapter>(&name),
                |w| w.add_to_list::<Owner>(&name),
            )
        })
        .then(then),
    )]
}

pub(super) fn save_rename(cx: &Ctx, v: View, old: &str, form: &mut Form) -> Fx {
    let Some(new) = checked_name(cx, v, form, Some(old)) else {
        return vec![];
    };
    if new == old {
        return vec![Effect::status("nothing changed")];
    }
    let done = format!("{} {old} renamed {new}", what(v));
    let then = PeopleSaved::SelectEntry(v, new.clone());
    let old = old.to_string();
    vec![Effect::Save(
        Save::new(done, move |w| {
            on_list(
                v,
                w,
                |w| w.rename_in_list::<Chapter>(&old, &new),
                |w| w.rename_in_list::<Owner>(&old, &new),
            )
            .map(|_| ())
        })
        .then(then),
    )]
}

pub(super) fn save_merge(_cx: &Ctx, v: View, from: &str, form: &mut Form) -> Fx {
    let into = form.value("into").to_string();
    let done = format!("{} {from} merged into {into}", what(v));
    let then = PeopleSaved::SelectEntry(v, into.clone());
    let from = from.to_string();
    vec![Effect::Save(
        Save::new(done, move |w| {
            on_list(
                v,
                w,
                |w| w.merge_in_list::<Chapter>(&from, &into),
                |w| w.merge_in_list::<Owner>(&from, &into),
            )
            .map(|_| ())
        })
        .then(then),
    )]
}

pub(super) fn remove(v: View, name: String) -> Fx {
    let done = format!("{} {name} removed", what(v));
    vec![Effect::Save(Save::new(done, move |w| {
        on_list(
            v,
            w,
            |w| w.remove_from_list::<Chapter>(&name),
            |w| w.remove_from_list::<Owner>(&name),
        )
    }))]
}

pub(super) fn copy_facts(tab: &PeopleTab) -> Option<String> {
    selected(tab).map(|e| {
        format!(
            "{} {} · {}",
            what(tab.view()),
            e.name,
            carriers(tab.view(), e.carried)
        )
    })
}

pub(super) fn render(tab: &PeopleTab, v: View, frame: &mut Frame, area: Rect, theme: &Theme) {
    let (list_area, detail_area) = widgets::list_and_detail(area, 6);
    let list = tab.list.list(v);
    let rows = entries(tab, v);
    let carried = if v == View::Owners { "Intakes" } else { "People" };
    widgets::table(
        frame,
        list_area,
        view_bar(tab, list.len().to_string()),
        &["Name", carried, "On the list"],
        &[Constraint::Fill(1), Constraint::Length(8), Constraint::Length(30)],
        list.len(),
        list.selected,
        theme,
        |row, cols| {
            let Some(e) = list.rows.get(row).and_then(|i| rows.get(i)) else {
                return Row::new(Vec::<Cell>::new());
            };
            let listed = match (e.entry, e.stored) {
                (false, _) => "a value, not an entry",
                (true, true) => "yes",
                (true, false) => "carried only (renaming adds it)",
            };
            Row::new(vec![
                cols.fit(0, e.name.clone()),
                Cell::from(e.carried.to_string()),
                cols.fit(2, listed),
            ])
        },
    );
    let (word, cli) = match v {
        View::Owners => ("intake carrying it", "pathways owners"),
        _ => ("person carrying it", "pathways chapters"),
    };
    let lines = vec![
        Line::raw("a add · e or Enter rename · M merge into another · x remove"),
        Line::styled(
            format!(
                "Renaming rewrites every {word}; merging moves them all and removes the entry; \
                 remove only when nothing carries it. Same rules as `{cli}`."
            ),
            theme.muted,
        ),
    ];
    widgets::detail(frame, detail_area, format!(" {} ", v.title()), lines, theme);
}
