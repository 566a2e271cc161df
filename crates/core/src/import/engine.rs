//! The one import engine every kind of record goes through. A kind describes itself (its
//! columns, how a row becomes a record, what makes two records the same thing, the rules that
//! involve other records: [`Kind`]); the engine reads the sheet, reports `line N: reason`, skips
//! duplicates, keeps every good row and stores them in one transaction.
//!
//! Three ways to bring rows in ([`Mode`]):
//! - **add** (`import KIND FILE`): new records get new ids; a row that is already stored (its
//!   natural key) or repeated in the file is a duplicate and changes nothing;
//! - **restore** (`import all` into an empty database): every record keeps the id of its `id`
//!   column, so references between the files stay as they were;
//! - **merge** (`import all --merge skip|update`): a record whose natural key is stored keeps the
//!   stored one (skip) or overwrites its fields (update); others are added with new ids, and
//!   every reference to a folder id follows it to the id it got ([`Remap`]).

use super::Rejection;
use super::reader::{Sheet, SheetRow};
use super::refs::Refs;
use super::row::{Columns, Row, stored_text};
use crate::dataset::Dataset;
use crate::domain::*;
use crate::store::{Record, Txn};
use std::collections::HashMap;

/// A kind of record that lives in a [`Dataset`] vector (every kind does).
pub trait Stored: Record + Clone + PartialEq + std::fmt::Debug + 'static {
    fn stored(data: &Dataset) -> &Vec<Self>;
    fn stored_mut(data: &mut Dataset) -> &mut Vec<Self>;
}

macro_rules! stored_kinds {
    ($($field:ident: $ty:ty),+ $(,)?) => {$(
        impl Stored for $ty {
            fn stored(data: &Dataset) -> &Vec<Self> { &data.$field }
            fn stored_mut(data: &mut Dataset) -> &mut Vec<Self> { &mut data.$field }
        }
    )+};
}
crate::with_record_kinds!(stored_kinds);

/// One column a kind reads: the header its export writes, the other headers people use for
/// it, and whether a file without it cannot be this kind.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

/// A column the file must have.
pub const fn required(name: &'static str) -> Column {
    Column {
        name,
        aliases: &[],
        required: true,
    }
}

/// A column read when it is there.
pub const fn optional(name: &'static str) -> Column {
    Column {
        name,
        aliases: &[],
        required: false,
    }
}

impl Column {
    pub const fn or(self, aliases: &'static [&'static str]) -> Column {
        Column { aliases, ..self }
    }
}

/// The `id` column every export writes first.
pub const ID: &str = "id";

/// A kind of record a sheet brings in.
pub trait Kind {
    type Rec: Stored;
    /// The name in `import KIND` and `export KIND`, and the file in `export all` (`NAME.csv`).
    const NAME: &'static str;
    const COLUMNS: &'static [Column];
    /// Columns of which at least one must be there (a person by id, number or email), each
    /// group with the words an error names it by.
    const ONE_OF: &'static [(&'static [&'static str], &'static str)] = &[];
    /// Columns holding notes: tabs and line breaks are kept in them.
    const NOTES: &'static [&'static str] = &[];
    /// Whether the export writes the record's id. A kind nothing points at may leave it out
    /// (reference populations): a restore numbers its records in file order, as they were.
    const IDS: bool = true;
    /// Reads one row into a record (its id is set by the engine); references through `refs`.
    fn read(row: &Row, refs: &Refs) -> Result<Self::Rec, String>;
    /// What makes two records the same thing: a duplicate in `add`, a match in `merge`.
    fn key(rec: &Self::Rec) -> String;
    /// Rules that involve other records of the kind: `same` holds what is stored plus this
    /// import's records so far (a new record has id 0 while checked).
    fn check(_rec: &Self::Rec, _same: &[Self::Rec], _refs: &Refs) -> Result<(), String> {
        Ok(())
    }
    /// For a kind whose record spans several rows (a reference population, one row per group):
    /// adds a later row's record into the first. `None`: the kind is one row per record.
    fn absorb(_into: &mut Self::Rec, _more: Self::Rec) -> Option<Result<(), String>> {
        None
    }
    /// Follows references to records of the same kind (an employee's supervisor) once the whole
    /// file is read: `to` gives the id a file id became (None: not in the file or the database).
    fn relink(_rec: &mut Self::Rec, _to: &dyn Fn(Id) -> Option<Id>) {}
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Add,
    Restore,
    Merge(Merge),
}

/// How `import all` treats a record the database already holds (the same natural key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// Keep what is stored; the folder's record is skipped, references to it lead to the stored one.
    Skip,
    /// The folder's values replace the stored record's (its id stays).
    Update,
}

/// Folder ids to the ids their records have in this database, per table.
#[derive(Debug, Default)]
pub struct Remap(HashMap<&'static str, HashMap<Id, Id>>);

impl Remap {
    pub fn get(&self, table: &str, id: Id) -> Option<Id> {
        self.0.get(table).and_then(|m| m.get(&id)).copied()
    }

    fn extend(&mut self, table: &'static str, pairs: HashMap<Id, Id>) {
        self.0.entry(table).or_default().extend(pairs);
    }
}

/// What an import of one kind did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub kind: &'static str,
    pub imported: usize,
    pub updated: usize,
    pub duplicates: usize,
    /// Rows that added to a record of an earlier row (a reference population's groups).
    pub absorbed: usize,
    pub rejected: Vec<Rejection>,
    /// Text cleaned on the way in, by line and column.
    pub cleaned: Vec<String>,
    /// Names that matched nothing, with the closest known ones, for the team to review.
    pub review: Vec<String>,
    pub dry_run: bool,
}

impl Outcome {
    pub fn summary_line(&self) -> String {
        format!(
            "imported {}{}, duplicates skipped {}, rejected {}{}",
            self.imported,
            if self.updated > 0 {
                format!(", updated {}", self.updated)
            } else {
                String::new()
            },
            self.duplicates,
            self.rejected.len(),
            if self.dry_run {
                " (dry run: nothing stored)"
            } else {
                ""
            }
        )
    }

    /// Every line of the report: rejections, cleaned text, names to review, then the summary.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.rejected.iter().map(ToString::to_string).collect();
        out.extend(self.cleaned.iter().cloned());
        out.extend(self.review.iter().cloned());
        out.push(self.summary_line());
        out
    }

    /// A sheet row's text as it may be stored (`stored_text`, with `notes` the note columns):
    /// what was cleaned noted, or `None` with the row rejected by its line.
    pub(super) fn stored_row(
        &mut self,
        headers: &[String],
        row: &SheetRow,
        notes: &std::collections::HashSet<String>,
    ) -> Option<SheetRow> {
        match stored_text(headers, row, notes) {
            Ok((row, cleaned)) => {
                self.cleaned.extend(cleaned);
                Some(row)
            }
            Err(reason) => {
                self.rejected.push(Rejection {
                    line: row.line,
                    reason,
                });
                None
            }
        }
    }
}

/// The records one kind's import adds or changes, ready to store.
pub trait Apply {
    fn apply(&self, txn: &mut Txn) -> crate::store::Result<()>;
    fn is_empty(&self) -> bool;
}

struct Planned<R> {
    new: Vec<R>,
    updates: Vec<(R, R)>,
}

impl<R: Stored> Apply for Planned<R> {
    fn apply(&self, txn: &mut Txn) -> crate::store::Result<()> {
        for (stored, updated) in &self.updates {
            txn.update(stored, updated)?;
        }
        for r in &self.new {
            txn.insert_keeping_id(r)?;
        }
        Ok(())
    }

    fn is_empty(&self) -> bool {
        self.new.is_empty() && self.updates.is_empty()
    }
}

/// The header's columns for kind `K`, or why the file is not one of its sheets.
pub fn columns<K: Kind>(sheet: &Sheet, mode: Mode) -> Result<Columns, String> {
    let columns = Columns::find(&sheet.headers, K::COLUMNS);
    let mut missing: Vec<String> = K::COLUMNS
        .iter()
        .filter(|c| c.required && !columns.has(c.name))
        .map(|c| c.name.to_string())
        .collect();
    for (group, words) in K::ONE_OF {
        if !group.iter().any(|c| columns.has(c)) {
            missing.push((*words).to_string());
        }
    }
    if mode != Mode::Add && K::IDS && !columns.has(ID) {
        missing.insert(0, ID.into());
    }
    if missing.is_empty() {
        Ok(columns)
    } else {
        Err(format!(
            "not a {} sheet: missing column(s) {}",
            K::NAME,
            missing.join(", ")
        ))
    }
}

/// Plans kind `K` from `sheet` against `data` (which grows by what is planned, so later kinds
/// of an `import all` see it). New records are numbered from `next_id`. `remap` maps the
/// folder's ids (restore and merge) and learns this kind's.
pub fn plan<K: Kind>(
    sheet: &Sheet,
    columns: &Columns,
    data: &mut Dataset,
    mode: Mode,
    remap: &mut Remap,
    mut next_id: Id,
) -> (Box<dyn Apply>, Outcome) {
    let mut outcome = Outcome {
        kind: K::NAME,
        rejected: sheet.rejected.clone(),
        ..Outcome::default()
    };
    let mut same = std::mem::take(K::Rec::stored_mut(data));
    let stored_len = same.len();
    let mut keys: HashMap<String, usize> = HashMap::with_capacity(same.len() + sheet.rows.len());
    let mut by_file_id: HashMap<Id, usize> = HashMap::new();
    if mode != Mode::Restore {
        for (i, r) in same.iter().enumerate() {
            keys.entry(K::key(r)).or_insert(i);
        }
    }
    let mut mapped: HashMap<Id, Id> = HashMap::new();
    let mut updates: Vec<(K::Rec, K::Rec)> = Vec::new();
    {
        let refs = Refs::new(data, matches!(mode, Mode::Merge(_)).then_some(&*remap));
        let notes = columns.headers_of(&sheet.headers, K::NOTES);
        for sheet_row in &sheet.rows {
            let Some(sheet_row) = outcome.stored_row(&sheet.headers, sheet_row, &notes) else {
                continue;
            };
            let row = Row::new(&sheet_row, columns);
            let result = take_row::<K>(
                &row,
                &refs,
                mode,
                &mut same,
                stored_len,
                &mut keys,
                &mut by_file_id,
                &mut mapped,
                &mut updates,
                &mut next_id,
            );
            match result {
                Ok(Taken::New) => outcome.imported += 1,
                Ok(Taken::Absorbed) => outcome.absorbed += 1,
                Ok(Taken::Duplicate) => outcome.duplicates += 1,
                Ok(Taken::Updated) => outcome.updated += 1,
                Err(reason) => outcome.rejected.push(Rejection {
                    line: row.line(),
                    reason,
                }),
            }
        }
        outcome.review = refs.review();
    }
    outcome.rejected.sort_by_key(|r| r.line);
    if mode != Mode::Add {
        let known: std::collections::HashSet<Id> = same.iter().map(Record::id).collect();
        let to = |id: Id| match mode {
            Mode::Merge(_) => mapped.get(&id).copied(),
            _ => known.contains(&id).then_some(id),
        };
        for r in &mut same[stored_len..] {
            K::relink(r, &to);
        }
        for (_, updated) in &mut updates {
            K::relink(updated, &to);
        }
    }
    let new = same[stored_len..].to_vec();
    if mode == Mode::Restore {
        same.sort_by_key(Record::id);
    }
    *K::Rec::stored_mut(data) = same;
    data.reindex();
    remap.extend(<K::Rec as Record>::TABLE, mapped);
    (Box::new(Planned { new, updates }), outcome)
}

enum Taken {
    New,
    Absorbed,
    Duplicate,
    Updated,
}

/// One row into the plan; the error is the row's rejection.
#[allow(clippy::too_many_arguments)]
fn take_row<K: Kind>(
    row: &Row,
    refs: &Refs,
    mode: Mode,
    same: &mut Vec<K::Rec>,
    stored_len: usize,
    keys: &mut HashMap<String, usize>,
    by_file_id: &mut HashMap<Id, usize>,
    mapped: &mut HashMap<Id, Id>,
    updates: &mut Vec<(K::Rec, K::Rec)>,
    next_id: &mut Id,
) -> Result<Taken, String> {
    let mut rec = K::read(row, refs)?;
    let file_id = match mode {
        Mode::Add => None,
        _ if !K::IDS => None,
        _ => Some(
            row.id(ID)?
                .ok_or("id is empty; every record of a folder has its id")?,
        ),
    };
    if let (Mode::Restore, Some(id)) = (mode, file_id) {
        if let Some(&i) = by_file_id.get(&id) {
            return match K::absorb(&mut same[i], rec) {
                Some(result) => result.map(|()| Taken::Absorbed),
                None => Err(format!("id {id} is used by an earlier row too")),
            };
        }
        rec.set_id(id);
        K::check(&rec, same, refs)?;
        by_file_id.insert(id, same.len());
        same.push(rec);
        return Ok(Taken::New);
    }
    let key = K::key(&rec);
    if let Some(&i) = keys.get(&key) {
        if i >= stored_len
            && let Some(result) = K::absorb(&mut same[i], rec.clone())
        {
            result?;
            if let Some(f) = file_id {
                mapped.insert(f, same[i].id());
            }
            return Ok(Taken::Absorbed);
        }
        let existing = same[i].id();
        if let Some(f) = file_id {
            mapped.insert(f, existing);
        }
        if mode != Mode::Merge(Merge::Update) || i >= stored_len {
            return Ok(Taken::Duplicate);
        }
        rec.set_id(existing);
        if rec == same[i] {
            return Ok(Taken::Duplicate);
        }
        K::check(&rec, same, refs)?;
        updates.push((same[i].clone(), rec.clone()));
        same[i] = rec;
        return Ok(Taken::Updated);
    }
    rec.set_id(0);
    K::check(&rec, same, refs)?;
    rec.set_id(*next_id);
    *next_id += 1;
    if let Some(f) = file_id {
        mapped.insert(f, rec.id());
    }
    keys.insert(key, same.len());
    same.push(rec);
    Ok(Taken::New)
}

/// The id new records of `K` start from when nothing is written (a dry run): after the last.
pub fn next_id_in<R: Stored>(data: &Dataset) -> Id {
    R::stored(data).iter().map(Record::id).max().unwrap_or(0) + 1
}
