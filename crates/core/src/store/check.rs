//! `check`'s reading of every record, after every page was verified: each record's seal is
//! checked and its envelope read; a record sealed at the version this build writes was encoded
//! from a valid record by the same layout, so its seal vouches that it decodes; any other (an
//! earlier build's, an older version) is decoded in full. Records of a kind stay in their table
//! (no dataset is built), so a check of a large file costs little more than reading it.

use super::codec::{Unsealed, open_envelope, unseal};
use super::{Record, Result, search_index, table};
use crate::domain::*;
use redb::{ReadableTable, ReadableTableMetadata, TableError};

/// What is wrong with the records of one kind, as "table T, record K: reason".
fn kind<T: Record>(rtx: &redb::ReadTransaction) -> Result<Vec<String>> {
    rows(rtx, T::TABLE, |key, stored| match unseal(T::TABLE, key, stored) {
        Err(e) => Some(e.to_string()),
        Ok(Unsealed::Checked(envelope)) if open_envelope(envelope).is_ok_and(|(v, _)| v == T::VERSION) => {
            None
        }
        Ok(unsealed) => T::decode(unsealed.envelope()).err().map(|e| e.to_string()),
    })
}

/// Runs `problem` over every row of `name`; also says if the table holds fewer rows than it
/// counts (leaves lost).
fn rows(
    rtx: &redb::ReadTransaction,
    name: &'static str,
    problem: impl Fn(u64, &[u8]) -> Option<String>,
) -> Result<Vec<String>> {
    let t = match rtx.open_table(table(name)) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut findings = Vec::new();
    let mut seen = 0;
    for row in t.iter()? {
        let (k, v) = row?;
        seen += 1;
        if let Some(reason) = problem(k.value(), v.value()) {
            findings.push(format!("table {name}, record {}: {reason}", k.value()));
        }
    }
    let len = t.len()?;
    if seen != len {
        findings.push(format!("table {name}: {len} records listed, {seen} found"));
    }
    Ok(findings)
}

/// Every record of every kind, the history's entries, and the search index's entries (their
/// seals).
pub(super) fn records(rtx: &redb::ReadTransaction) -> Result<Vec<String>> {
    let mut findings = Vec::new();
    macro_rules! each {
        ($($field:ident: $ty:ty),+ $(,)?) => {$(
            findings.extend(kind::<$ty>(rtx)?);
        )+};
    }
    crate::with_record_kinds!(each);
    findings.extend(super::audit::check(rtx)?);
    findings.extend(rows(rtx, search_index::TABLE, |key, stored| {
        unseal(search_index::TABLE, key, stored)
            .err()
            .map(|e| e.to_string())
    })?);
    Ok(findings)
}
