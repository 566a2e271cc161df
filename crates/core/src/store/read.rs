//! Reading a kind of record out of a table: decoded in id order, the ones that fail to decode
//! reported apart, a large kind split over both cores.

use super::shield::quietly;
use super::{DecodeProblem, Record, Result, joined, table};
use redb::{ReadableTable, ReadableTableMetadata, TableError};

/// Above this many records a kind is decoded in two halves, one per core.
const SPLIT_FROM: u64 = 8_000;
/// A table's record count sizes the vector it is read into, but no more than this: the count
/// is stored outside the pages redb checksums, so it is a hint, not a promise.
const MOST_RESERVED: u64 = 1 << 20;

pub(super) fn read_all<T: Record>(rtx: &redb::ReadTransaction) -> Result<(Vec<T>, Vec<DecodeProblem>)> {
    let t = match rtx.open_table(table(T::TABLE)) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok((Vec::new(), Vec::new())),
        Err(e) => return Err(e.into()),
    };
    let len = t.len()?;
    let (Some(first), Some(last)) = (t.first()?, t.last()?) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let (first, last) = (first.0.value(), last.0.value());
    if len < SPLIT_FROM {
        return read_range(&t, first..=last, len);
    }
    // Ids are handed out in order, so the middle id splits the records about in half.
    let middle = first + (last - first) / 2;
    let (low, high) = std::thread::scope(|scope| {
        let t = &t;
        let high = scope.spawn(move || quietly(|| read_range::<T>(t, middle + 1..=last, len / 2)));
        let low = read_range::<T>(t, first..=middle, len / 2);
        (low, high.join())
    });
    let (mut records, mut problems) = low?;
    let (more, more_problems) = joined(high)?;
    records.extend(more);
    problems.extend(more_problems);
    Ok((records, problems))
}

pub(super) fn read_range<T: Record>(
    t: &impl ReadableTable<u64, &'static [u8]>,
    range: impl std::ops::RangeBounds<u64>,
    capacity: u64,
) -> Result<(Vec<T>, Vec<DecodeProblem>)> {
    let mut records = Vec::with_capacity(capacity.min(MOST_RESERVED) as usize);
    let mut problems = Vec::new();
    for row in t.range(range)? {
        let (k, v) = row?;
        match T::decode(v.value()) {
            Ok(mut r) => {
                r.set_id(k.value());
                records.push(r);
            }
            Err(e) => problems.push(DecodeProblem {
                table: T::TABLE,
                key: k.value(),
                reason: e.to_string(),
            }),
        }
    }
    Ok((records, problems))
}
