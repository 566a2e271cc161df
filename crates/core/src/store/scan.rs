//! Reading a whole kind inside a write transaction, for changes that must see every record that
//! points somewhere (a merge, a rename, a refused delete) as of the moment they commit.

use super::{Record, Result, StoreError, Txn, table};
use redb::{ReadableTable, ReadableTableMetadata};

impl Txn {
    /// Every record of one kind as this transaction sees it, in id order. A record that does not
    /// decode stops the change: it might be one the change had to rewrite.
    pub fn all<T: Record>(&mut self) -> Result<Vec<T>> {
        let t = self.tx.open_table(table(T::TABLE))?;
        let mut out = Vec::with_capacity(t.len()? as usize);
        for row in t.iter()? {
            let (k, v) = row?;
            let mut record = T::decode(v.value()).map_err(|e| StoreError::Damaged {
                table: T::TABLE,
                key: k.value(),
                reason: e.to_string(),
            })?;
            record.set_id(k.value());
            out.push(record);
        }
        Ok(out)
    }
}
