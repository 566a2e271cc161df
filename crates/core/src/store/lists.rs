//! The chapter and owner lists: add, rename, merge a typo into the right entry, remove. Each is
//! one transaction that also rewrites every record carrying the name (a person's chapter, an
//! intake's owner), so the list and the records never disagree.

use super::{Record, Result, StoreError, Txn};
use crate::domain::*;
use crate::text::{Field, clean};

/// A reference list whose entries other records carry by name.
pub trait NamedEntry: Record {
    /// "chapter", "owner": the field named in messages.
    const WHAT: &'static str;
    fn name(&self) -> &str;
    fn named(name: String) -> Self;
    /// The names the carrying records hold (with repeats).
    fn carried(txn: &mut Txn) -> Result<Vec<String>>;
    /// Rewrites every carrier of `from` to `to`; returns how many records changed.
    fn move_carriers(txn: &mut Txn, from: &str, to: &str) -> Result<usize>;
}

impl NamedEntry for Chapter {
    const WHAT: &'static str = "chapter";
    fn name(&self) -> &str {
        &self.name
    }
    fn named(name: String) -> Self {
        Chapter { id: 0, name }
    }
    fn carried(txn: &mut Txn) -> Result<Vec<String>> {
        Ok(txn
            .all::<Employee>()?
            .into_iter()
            .filter_map(|e| e.chapter)
            .filter(|c| !same_name(c, NO_CHAPTER))
            .collect())
    }
    fn move_carriers(txn: &mut Txn, from: &str, to: &str) -> Result<usize> {
        let mut moved = 0;
        for e in txn.all::<Employee>()? {
            if e.chapter.as_deref().is_some_and(|c| same_name(c, from)) {
                let mut u = e.clone();
                u.chapter = Some(to.to_string());
                txn.put(&u)?;
                moved += 1;
            }
        }
        Ok(moved)
    }
}

impl NamedEntry for Owner {
    const WHAT: &'static str = "owner";
    fn name(&self) -> &str {
        &self.name
    }
    fn named(name: String) -> Self {
        Owner { id: 0, name }
    }
    fn carried(txn: &mut Txn) -> Result<Vec<String>> {
        Ok(txn.all::<Intake>()?.into_iter().map(|i| i.owner).collect())
    }
    fn move_carriers(txn: &mut Txn, from: &str, to: &str) -> Result<usize> {
        let mut moved = 0;
        for i in txn.all::<Intake>()? {
            if !i.owner.trim().is_empty() && same_name(&i.owner, from) {
                let mut u = i.clone();
                u.owner = to.to_string();
                txn.put(&u)?;
                moved += 1;
            }
        }
        Ok(moved)
    }
}

fn refused(what: &'static str, reason: String) -> StoreError {
    StoreError::Invalid(FieldError::new(what, reason))
}

impl Txn {
    /// Every name on list `L` as this transaction sees it: the entries and the names records
    /// carry that are not entries yet (written before the list existed), sorted.
    pub fn list_names<L: NamedEntry>(&mut self) -> Result<Vec<String>> {
        let stored: Vec<String> = self.all::<L>()?.iter().map(|e| e.name().to_string()).collect();
        let carried = L::carried(self)?;
        Ok(list_names(
            stored.iter().map(String::as_str),
            carried.iter().map(String::as_str),
        ))
    }

    /// The name on the list that `typed` means (any case), or a refusal naming the list.
    fn known_name<L: NamedEntry>(&mut self, typed: &str) -> Result<String> {
        let names = self.list_names::<L>()?;
        names.into_iter().find(|n| same_name(n, typed)).ok_or_else(|| {
            refused(
                L::WHAT,
                format!(
                    "no {} named \"{}\" on the list",
                    L::WHAT,
                    truncate_for_message(typed.trim())
                ),
            )
        })
    }

    /// Adds `name` to list `L`; returns the new entry's id.
    pub fn add_to_list<L: NamedEntry>(&mut self, name: &str) -> Result<Id> {
        let name = clean(name, Field::Line).trim().to_string();
        let names = self.list_names::<L>()?;
        check_list_name(L::WHAT, &name, names.iter().map(String::as_str))?;
        self.insert(&mut L::named(name))
    }

    /// Renames an entry (stored, or carried by records only) and every record carrying it;
    /// returns how many records were rewritten.
    pub fn rename_in_list<L: NamedEntry>(&mut self, old: &str, new: &str) -> Result<usize> {
        let old = self.known_name::<L>(old)?;
        let new = clean(new, Field::Line).trim().to_string();
        let names = self.list_names::<L>()?;
        check_list_name(
            L::WHAT,
            &new,
            names.iter().map(String::as_str).filter(|n| !same_name(n, &old)),
        )?;
        let entries = self.all::<L>()?;
        match entries.iter().find(|e| same_name(e.name(), &old)) {
            Some(entry) => {
                let mut renamed = L::named(new.clone());
                renamed.set_id(entry.id());
                self.put(&renamed)?;
            }
            None => {
                self.insert(&mut L::named(new.clone()))?;
            }
        }
        L::move_carriers(self, &old, &new)
    }

    /// Folds entry `from` (a typo, a duplicate) into `into`: every record carrying `from` now
    /// carries `into`, and `from` leaves the list. Returns how many records moved.
    pub fn merge_in_list<L: NamedEntry>(&mut self, from: &str, into: &str) -> Result<usize> {
        let from = self.known_name::<L>(from)?;
        let into = self.known_name::<L>(into)?;
        if same_name(&from, &into) {
            return Err(refused(
                L::WHAT,
                format!("\"{from}\" cannot be merged into itself"),
            ));
        }
        let moved = L::move_carriers(self, &from, &into)?;
        for entry in self.all::<L>()? {
            if same_name(entry.name(), &from) {
                self.delete::<L>(entry.id())?;
            }
        }
        if !self.all::<L>()?.iter().any(|e| same_name(e.name(), &into)) {
            self.insert(&mut L::named(into))?;
        }
        Ok(moved)
    }

    /// Removes an entry no record carries; refused (naming how many do) otherwise.
    pub fn remove_from_list<L: NamedEntry>(&mut self, name: &str) -> Result<()> {
        let name = self.known_name::<L>(name)?;
        let carriers = L::carried(self)?.iter().filter(|c| same_name(c, &name)).count();
        if carriers > 0 {
            let whose = if L::WHAT == "chapter" {
                "people carry"
            } else {
                "intakes name"
            };
            return Err(refused(
                L::WHAT,
                format!("{carriers} {whose} \"{name}\"; merge it into another entry instead"),
            ));
        }
        for entry in self.all::<L>()? {
            if same_name(entry.name(), &name) {
                self.delete::<L>(entry.id())?;
            }
        }
        Ok(())
    }
}
