//! Reading a kind of record out of a table: decoded in id order, the ones that fail to decode
//! reported apart, a large kind split over both cores.

use super::records::{Unreadable, read_stored};
use super::shield::quietly;
use super::{DecodeProblem, Record, Result, StoreError, joined, table};
use redb::{ReadableTable, ReadableTableMetadata, TableError};

/// Every record of a kind, the ones that did not decode, and whether some carried no checksum
/// of their own (written by an earlier build: the store then verifies the whole file).
pub(super) struct Read<T> {
    pub(super) records: Vec<T>,
    pub(super) problems: Vec<DecodeProblem>,
    pub(super) unchecked: bool,
    /// Rows read, decoded or not.
    rows: u64,
}

/// Above this many records a kind is decoded in two halves, one per core.
const SPLIT_FROM: u64 = 8_000;
/// A table's record count sizes the vector it is read into, but no more than this: the count
/// is stored outside the pages redb checksums, so it is a hint, not a promise.
const MOST_RESERVED: u64 = 1 << 20;

pub(super) fn read_all<T: Record>(rtx: &redb::ReadTransaction) -> Result<Read<T>> {
    let t = match rtx.open_table(table(T::TABLE)) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(Read::empty()),
        Err(e) => return Err(e.into()),
    };
    let len = t.len()?;
    let (Some(first), Some(last)) = (t.first()?, t.last()?) else {
        return counted(Read::empty(), len);
    };
    let (first, last) = (first.0.value(), last.0.value());
    if len < SPLIT_FROM {
        return counted(read_range(&t, first..=last, len)?, len);
    }
    // Ids are handed out in order, so the middle id splits the records about in half. The low
    // half's vector is made large enough for both at once: the high half is added to it, and a
    // vector that grows doubles (a kind's records held twice over, as they were when the low
    // half came to one record more than half).
    let middle = first + (last - first) / 2;
    let (low, high) = std::thread::scope(|scope| {
        let t = &t;
        let high = scope.spawn(move || quietly(|| read_range::<T>(t, middle + 1..=last, len / 2 + 1)));
        let low = read_range::<T>(t, first..=middle, len);
        (low, high.join())
    });
    let mut read = low?;
    let high = joined(high)?;
    read.records.extend(high.records);
    read.problems.extend(high.problems);
    read.unchecked |= high.unchecked;
    read.rows += high.rows;
    counted(read, len)
}

/// `read` if it read as many rows as the table says it holds; otherwise leaves of the table
/// were lost (damage), and nothing of it is served.
fn counted<T>(read: Read<T>, len: u64) -> Result<Read<T>> {
    if read.rows == len {
        Ok(read)
    } else {
        Err(StoreError::Corrupted)
    }
}

impl<T> Read<T> {
    fn empty() -> Self {
        Read {
            records: Vec::new(),
            problems: Vec::new(),
            unchecked: false,
            rows: 0,
        }
    }
}

pub(super) fn read_range<T: Record>(
    t: &impl ReadableTable<u64, &'static [u8]>,
    range: impl std::ops::RangeBounds<u64>,
    capacity: u64,
) -> Result<Read<T>> {
    let mut read = Read::empty();
    read.records.reserve(capacity.min(MOST_RESERVED) as usize);
    let mut last = None;
    for row in t.range(range)? {
        let (k, v) = row?;
        read.rows += 1;
        // Keys come in increasing order; otherwise the tree's pages lead astray (damage).
        if last.is_some_and(|last| last >= k.value()) {
            return Err(StoreError::Corrupted);
        }
        last = Some(k.value());
        match read_stored::<T>(k.value(), v.value()) {
            Ok((r, checked)) => {
                read.unchecked |= !checked;
                read.records.push(r);
            }
            Err(Unreadable::Broken) => return Err(StoreError::Corrupted),
            Err(Unreadable::Codec(e)) => read.problems.push(DecodeProblem {
                table: T::TABLE,
                key: k.value(),
                reason: e.to_string(),
            }),
        }
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::super::Store;
    use crate::domain::PlAttendance;

    /// A kind read in two halves is held once: its vector is no larger than its records (it
    /// was up to twice as large when one half came to one record more than half).
    #[test]
    fn a_kind_read_in_halves_takes_no_room_twice() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("halves.redb")).unwrap();
        let mut written = 0u64;
        for count in [SPLIT, SPLIT + 1, SPLIT + 2] {
            store
                .write(|txn| {
                    while written < count {
                        let mut mark = PlAttendance {
                            id: 0,
                            pl_session_id: 1,
                            employee_id: written + 1,
                        };
                        txn.insert(&mut mark)?;
                        written += 1;
                    }
                    Ok(())
                })
                .unwrap();
            let (marks, problems) = store.all::<PlAttendance>().unwrap();
            assert!(problems.is_empty());
            assert_eq!(marks.len() as u64, count);
            assert!(
                marks.capacity() <= marks.len() + 1,
                "{count} records in room for {}",
                marks.capacity()
            );
        }
    }

    const SPLIT: u64 = super::SPLIT_FROM + 1;
}
