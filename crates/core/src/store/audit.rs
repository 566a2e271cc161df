//! Who changed what: every record a transaction writes or removes gets a history entry (the OS
//! user, the time, and each field before and after), written in the same transaction, so the
//! save stays one commit and one fdatasync. Entries are kept in their own table with an index by
//! record, and read on demand (never loaded with the dashboard's data).

use super::{DecodeProblem, Record, Result, Store, StoreError, Txn, codec};
use crate::dataset::Dataset;
use crate::domain::*;
use redb::{ReadableTable, TableDefinition, TableError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The history: for each change of a record, keyed (table, record, sequence), who, when, and the
/// record's stored bytes before and after. Field changes are worked out when the history is read
/// (rarely), so a save pays only one small insert per record it changes.
const AUDIT: TableDefinition<(&str, u64, u64), &[u8]> = TableDefinition::new("audit");
/// The next sequence number, in the meta table.
const NEXT_SEQ: &str = "next_id:audit";
/// The version of the entry format.
const VERSION: u8 = 1;

/// What an entry's seal covers besides its sequence number: the record it is the history of.
fn seal_name(table: &str, key: Id) -> String {
    format!("audit {table} {key}")
}

/// One change as stored.
#[derive(Serialize, Deserialize)]
struct Stored {
    at: i64,
    who: String,
    before: Option<Vec<u8>>,
    after: Option<Vec<u8>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HistoryAction {
    Created,
    Changed,
    Deleted,
}

impl HistoryAction {
    pub fn label(self) -> &'static str {
        match self {
            HistoryAction::Created => "created",
            HistoryAction::Changed => "changed",
            HistoryAction::Deleted => "deleted",
        }
    }
}

/// One field of one record: its value before and after (empty: none or unknown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// What one transaction did to one record, who did it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Order of the change among all changes.
    pub seq: u64,
    /// Seconds since 1970-01-01 UTC.
    pub at: i64,
    /// The operating-system user who made the change.
    pub who: String,
    /// The kind of record (its table name).
    pub table: String,
    pub key: Id,
    pub action: HistoryAction,
    pub fields: Vec<FieldChange>,
}

impl HistoryEntry {
    pub fn when(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp(self.at, 0).unwrap_or_default()
    }
}

/// The user the operating system says is running this process.
pub fn os_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.trim().is_empty()))
        .map(|u| crate::text::clean(u.trim(), crate::text::Field::Line).into_owned())
        .unwrap_or_else(|| "unknown user".to_string())
}

/// A record's stored bytes before and after a transaction (None: not there).
type BeforeAfter = (Option<Vec<u8>>, Option<Vec<u8>>);

/// The changes a transaction made, per record: the first bytes before, the last after.
#[derive(Default)]
pub(super) struct Pending {
    off: bool,
    order: Vec<(&'static str, Id)>,
    changes: HashMap<(&'static str, Id), BeforeAfter>,
}

impl Pending {
    pub(super) fn note(&mut self, table: &'static str, key: Id, before: Option<&[u8]>, after: Option<&[u8]>) {
        if self.off {
            return;
        }
        match self.changes.get_mut(&(table, key)) {
            Some(change) => change.1 = after.map(<[u8]>::to_vec),
            None => {
                self.order.push((table, key));
                self.changes.insert(
                    (table, key),
                    (before.map(<[u8]>::to_vec), after.map(<[u8]>::to_vec)),
                );
            }
        }
    }
}

impl Txn {
    /// Writes no history for this transaction: for generated data (the demo, synthetic sets),
    /// which nobody changed.
    pub fn without_history(&mut self) {
        self.history.off = true;
        self.history.order.clear();
        self.history.changes.clear();
    }
}

/// A record's fields by name, as text, from its stored bytes (None if they do not decode).
fn fields(table: &str, key: Id, bytes: &[u8]) -> Option<serde_json::Map<String, serde_json::Value>> {
    macro_rules! each {
        ($($field:ident: $ty:ty),+ $(,)?) => {$(
            if table == <$ty as Record>::TABLE {
                let (record, _) = super::records::read_stored::<$ty>(key, bytes).ok()?;
                return match serde_json::to_value(&record).ok()? {
                    serde_json::Value::Object(map) => Some(map),
                    _ => None,
                };
            }
        )+};
    }
    crate::with_record_kinds!(each);
    None
}

/// A value as the history shows it: text as it is, none as empty, lists joined by "; ".
fn shown(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join("; "),
        Value::Object(_) => value.to_string(),
    }
}

/// The field changes between two states of a record (either may be missing).
fn diff(table: &str, key: Id, before: Option<&[u8]>, after: Option<&[u8]>) -> Vec<FieldChange> {
    let unreadable = || {
        let mut m = serde_json::Map::new();
        m.insert("record".into(), serde_json::Value::String("(unreadable)".into()));
        m
    };
    let read = |b: Option<&[u8]>| b.map(|b| fields(table, key, b).unwrap_or_else(unreadable));
    let (before, after) = (read(before), read(after));
    let empty = serde_json::Map::new();
    let (b, a) = (
        before.as_ref().unwrap_or(&empty),
        after.as_ref().unwrap_or(&empty),
    );
    let mut names: Vec<&String> = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))).collect();
    names.retain(|n| n.as_str() != "id");
    names
        .into_iter()
        .filter_map(|name| {
            let was = b.get(name).map(shown).unwrap_or_default();
            let now = a.get(name).map(shown).unwrap_or_default();
            (was != now).then(|| FieldChange {
                field: name.clone(),
                before: was,
                after: now,
            })
        })
        .collect()
}

/// Writes the pending history of `txn` into its own transaction. Called once, before commit.
pub(super) fn write(txn: &mut Txn) -> Result<()> {
    if txn.history.order.is_empty() {
        return Ok(());
    }
    let who = os_user();
    let at = chrono::Utc::now().timestamp();
    let pending = std::mem::take(&mut txn.history);
    let mut meta = txn.tx.open_table(super::META)?;
    let mut seq = meta.get(NEXT_SEQ)?.map(|v| v.value()).unwrap_or(1);
    let mut audit = txn.tx.open_table(AUDIT)?;
    for key in &pending.order {
        let Some((before, after)) = pending.changes.get(key) else {
            continue;
        };
        if before == after {
            continue;
        }
        let stored = Stored {
            at,
            who: who.clone(),
            before: before.clone(),
            after: after.clone(),
        };
        let sealed = codec::seal(&seal_name(key.0, key.1), seq, &codec::encode(&stored, VERSION)?);
        audit.insert((key.0, key.1, seq), sealed.as_slice())?;
        seq += 1;
    }
    meta.insert(NEXT_SEQ, seq)?;
    Ok(())
}

/// An entry as the history shows it, from its stored form (sealed, or an earlier build's bare
/// envelope: `unchecked` is then set, and the store verifies the whole file before it trusts it).
fn entry(
    table: &str,
    key: Id,
    seq: u64,
    bytes: &[u8],
    unchecked: &mut bool,
) -> std::result::Result<Option<HistoryEntry>, String> {
    let envelope = match codec::unseal(&seal_name(table, key), seq, bytes).map_err(|e| e.to_string())? {
        codec::Unsealed::Checked(b) => b,
        codec::Unsealed::Unchecked(b) => {
            *unchecked = true;
            b
        }
    };
    let (version, body) = codec::open_envelope(envelope).map_err(|e| e.to_string())?;
    if version != VERSION {
        return Err(codec::CodecError::TooNew {
            found: version,
            known: VERSION,
        }
        .to_string());
    }
    let stored: Stored = codec::decode_body(body).map_err(|e| e.to_string())?;
    let action = match (&stored.before, &stored.after) {
        (None, None) => return Ok(None),
        (None, Some(_)) => HistoryAction::Created,
        (Some(_), None) => HistoryAction::Deleted,
        (Some(_), Some(_)) => HistoryAction::Changed,
    };
    let fields = diff(table, key, stored.before.as_deref(), stored.after.as_deref());
    if action == HistoryAction::Changed && fields.is_empty() {
        return Ok(None);
    }
    Ok(Some(HistoryEntry {
        seq,
        at: stored.at,
        who: stored.who,
        table: table.to_string(),
        key,
        action,
        fields,
    }))
}

/// Reads `rows` of the history table into entries; those that do not decode are reported apart.
fn entries<'a>(
    rows: impl Iterator<
        Item = std::result::Result<
            (
                redb::AccessGuard<'a, (&'static str, u64, u64)>,
                redb::AccessGuard<'a, &'static [u8]>,
            ),
            redb::StorageError,
        >,
    >,
    out: &mut Vec<HistoryEntry>,
    problems: &mut Vec<DecodeProblem>,
) -> Result<bool> {
    let mut unchecked = false;
    for row in rows {
        let (k, v) = row?;
        let (table, key, seq) = k.value();
        match entry(table, key, seq, v.value(), &mut unchecked) {
            Ok(Some(e)) => out.push(e),
            Ok(None) => {}
            Err(e) => problems.push(DecodeProblem {
                table: "audit",
                key: seq,
                reason: e,
            }),
        }
    }
    Ok(unchecked)
}

/// Copies the history into a backup being written (the sequence counter is in the meta table,
/// which the backup copies too).
pub(super) fn copy(rtx: &redb::ReadTransaction, txn: &mut Txn) -> Result<()> {
    let src = match rtx.open_table(AUDIT) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let mut dst = txn.tx.open_table(AUDIT)?;
    for row in src.iter()? {
        let (k, v) = row?;
        dst.insert(k.value(), v.value())?;
    }
    Ok(())
}

/// What is wrong with the history entries, for `check` (after every page was verified).
pub(super) fn check(rtx: &redb::ReadTransaction) -> Result<Vec<String>> {
    let audit = match rtx.open_table(AUDIT) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    entries(audit.iter()?, &mut out, &mut problems)?;
    Ok(problems.iter().map(ToString::to_string).collect())
}

impl Store {
    /// The history of one record (its table name and id), oldest first.
    pub fn history(&self, table: &str, key: Id) -> Result<Vec<HistoryEntry>> {
        self.shielded(|| self.read_history(table, key))
    }

    fn read_history(&self, table: &str, key: Id) -> Result<Vec<HistoryEntry>> {
        let rtx = self.handle.begin_read()?;
        let audit = match rtx.open_table(AUDIT) {
            Ok(t) => t,
            Err(TableError::TableDoesNotExist(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        let mut problems = Vec::new();
        let unchecked = entries(
            audit.range((table, key, 0)..=(table, key, u64::MAX))?,
            &mut out,
            &mut problems,
        )?;
        self.trust(unchecked)?;
        if let Some(p) = problems.first() {
            return Err(StoreError::Damaged {
                table: "audit",
                key: p.key,
                reason: p.reason.clone(),
            });
        }
        Ok(out)
    }

    /// The whole history, oldest first; entries that do not decode are reported apart.
    pub fn all_history(&self) -> Result<(Vec<HistoryEntry>, Vec<DecodeProblem>)> {
        self.shielded(|| self.read_all_history())
    }

    fn read_all_history(&self) -> Result<(Vec<HistoryEntry>, Vec<DecodeProblem>)> {
        let rtx = self.handle.begin_read()?;
        let audit = match rtx.open_table(AUDIT) {
            Ok(t) => t,
            Err(TableError::TableDoesNotExist(_)) => return Ok((Vec::new(), Vec::new())),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        let mut problems = Vec::new();
        let unchecked = entries(audit.iter()?, &mut out, &mut problems)?;
        self.trust(unchecked)?;
        out.sort_by_key(|e| e.seq);
        Ok((out, problems))
    }

    /// A person's history: their own record and every record of their story (intakes and
    /// their consultations, mentor record, pairs and their logs, tenures, cohort places and
    /// their marks, waitlist entries, PL attendance), oldest first.
    pub fn person_history(&self, data: &Dataset, employee: Id) -> Result<Vec<HistoryEntry>> {
        let mut out = Vec::new();
        for (table, key) in story(data, employee) {
            out.extend(self.history(table, key)?);
        }
        out.sort_by_key(|e| e.seq);
        Ok(out)
    }
}

/// The records that make up a person's story, as (table, id).
pub fn story(data: &Dataset, employee: Id) -> Vec<(&'static str, Id)> {
    let mut out = vec![(Employee::TABLE, employee)];
    let intakes: Vec<Id> = data
        .intakes
        .iter()
        .filter(|i| i.employee_id == employee)
        .map(|i| i.id)
        .collect();
    out.extend(intakes.iter().map(|&i| (Intake::TABLE, i)));
    out.extend(
        data.consultations
            .iter()
            .filter(|c| intakes.contains(&c.intake_id))
            .map(|c| (Consultation::TABLE, c.id)),
    );
    let mentors: Vec<Id> = data
        .mentors
        .iter()
        .filter(|m| m.employee_id == employee)
        .map(|m| m.id)
        .collect();
    out.extend(mentors.iter().map(|&m| (Mentor::TABLE, m)));
    let pairs: Vec<Id> = data
        .pairs
        .iter()
        .filter(|p| p.mentee_id == employee || mentors.contains(&p.mentor_id))
        .map(|p| p.id)
        .collect();
    out.extend(pairs.iter().map(|&p| (MentoringPair::TABLE, p)));
    out.extend(
        data.logs
            .iter()
            .filter(|l| pairs.contains(&l.pair_id))
            .map(|l| (MentorLog::TABLE, l.id)),
    );
    out.extend(
        data.ambassadors
            .iter()
            .filter(|a| a.employee_id == employee)
            .map(|a| (Ambassador::TABLE, a.id)),
    );
    let places: Vec<Id> = data
        .participants
        .iter()
        .filter(|p| p.employee_id == employee)
        .map(|p| p.id)
        .collect();
    out.extend(places.iter().map(|&p| (Participant::TABLE, p)));
    out.extend(
        data.attendance
            .iter()
            .filter(|a| places.contains(&a.participant_id))
            .map(|a| (AttendanceMark::TABLE, a.id)),
    );
    out.extend(
        data.waitlist
            .iter()
            .filter(|w| w.employee_id == employee)
            .map(|w| (WaitlistEntry::TABLE, w.id)),
    );
    out.extend(
        data.pl_attendance
            .iter()
            .filter(|a| a.employee_id == employee)
            .map(|a| (PlAttendance::TABLE, a.id)),
    );
    out
}
