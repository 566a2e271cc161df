//! Loading the dataset: the kinds of record whose counter moved, each decoded on its own thread
//! from one snapshot; and for the dashboard's start, the kinds its first tab shows first and
//! the others on a thread of their own while that tab is on screen (`load_first`, `Loading`).

use super::read::read_all;
use super::shield::quietly;
use super::{DecodeProblem, META, Record, Result, Store, joined, table_generation_key};
use crate::dataset::Dataset;
use crate::domain::*;
use redb::{ReadTransaction, TableError};
use std::collections::{BTreeMap, HashMap};

/// Each kind's change counter as last loaded, by table.
pub type Seen = HashMap<&'static str, u64>;
/// Each kind's records that did not decode, by table.
pub type Problems = BTreeMap<&'static str, Vec<DecodeProblem>>;

/// The kinds `load_first` left to a thread of its own, being read from the snapshot the first
/// kinds were read from. `Store::take_loaded` takes them in.
pub struct Loading {
    job: std::thread::JoinHandle<Result<Rest>>,
}

impl Loading {
    /// Whether the kinds are read (taking them in then does not wait).
    pub fn is_finished(&self) -> bool {
        self.job.is_finished()
    }
}

/// What the loading thread read.
#[derive(Default)]
struct Rest {
    data: Dataset,
    seen: Seen,
    problems: Problems,
    unchecked: bool,
}

/// What one read brought: whether any kind was read, and whether some record of it carried no
/// checksum of its own (an earlier build's: the store then verifies the whole file).
struct Read {
    changed: bool,
    unchecked: bool,
}

impl Store {
    /// Brings `data` up to date from one snapshot, re-reading only the kinds of record whose
    /// counter moved since `seen` (which it updates); `problems` keeps each kind's decode problems.
    /// Returns whether anything was re-read. A save re-reads one or two kinds, not the database.
    pub fn load_changed(&self, data: &mut Dataset, seen: &mut Seen, problems: &mut Problems) -> Result<bool> {
        self.shielded(|| {
            let rtx = self.handle.begin_read()?;
            let read = read_kinds(&rtx, &|_| true, data, seen, problems)?;
            self.trust(read.unchecked)?;
            // Read whole and sound: a store that will write opens the file for writing now,
            // not in the middle of its first save (the dashboard's start leaves this to a
            // thread of its own: `load_first`, `verify_in_background`).
            self.writer()?;
            if read.changed {
                data.reindex();
            }
            Ok(read.changed)
        })
    }

    /// Like `load_changed` for the kinds `first` names, now; the other kinds are read from the
    /// same snapshot on a thread of their own meanwhile, and taken in by `take_loaded`. The
    /// dashboard draws its first tab from the first kinds while the rest are read.
    pub fn load_first(
        &self,
        first: fn(&str) -> bool,
        data: &mut Dataset,
        seen: &mut Seen,
        problems: &mut Problems,
    ) -> Result<(bool, Option<Loading>)> {
        let (changed, rtx) = self.shielded(|| {
            let rtx = self.handle.begin_read()?;
            let read = read_kinds(&rtx, &first, data, seen, problems)?;
            self.trust(read.unchecked)?;
            if read.changed {
                data.reindex();
            }
            Ok((read.changed, rtx))
        })?;
        let spawned = std::thread::Builder::new()
            .name("pathways-load".into())
            .spawn(move || {
                quietly(|| {
                    let mut rest = Rest::default();
                    let read = read_kinds(
                        &rtx,
                        &|name| !first(name),
                        &mut rest.data,
                        &mut rest.seen,
                        &mut rest.problems,
                    )?;
                    rest.unchecked = read.unchecked;
                    Ok(rest)
                })
            });
        match spawned {
            Ok(job) => Ok((changed, Some(Loading { job }))),
            // No thread to be had: the rest now, from a snapshot of its own.
            Err(_) => Ok((self.load_changed(data, seen, problems)? || changed, None)),
        }
    }

    /// Takes in the kinds `loading` read (waiting for it if it is still reading), each unless
    /// it was read since (a reload meanwhile reads every kind not yet loaded). Returns whether
    /// any kind was taken in.
    pub fn take_loaded(
        &self,
        loading: Loading,
        data: &mut Dataset,
        seen: &mut Seen,
        problems: &mut Problems,
    ) -> Result<bool> {
        let mut rest = self.shielded(|| joined(loading.job.join()))?;
        self.trust(rest.unchecked)?;
        let mut changed = false;
        macro_rules! take {
            ($($field:ident: $ty:ty),+ $(,)?) => {$(
                let name = <$ty as Record>::TABLE;
                if let Some(&g) = rest.seen.get(name)
                    && !seen.contains_key(name)
                {
                    data.$field = std::mem::take(&mut rest.data.$field);
                    problems.insert(name, rest.problems.remove(name).unwrap_or_default());
                    seen.insert(name, g);
                    changed = true;
                }
            )+};
        }
        crate::with_record_kinds!(take);
        if changed {
            data.reindex();
        }
        Ok(changed)
    }
}

/// Reads from `rtx` each kind `wanted` names whose counter moved since `seen` (updated), into
/// `data`. Each kind decodes on its own thread: decoding is most of the load, and the machines
/// have two cores.
fn read_kinds(
    rtx: &ReadTransaction,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    data: &mut Dataset,
    seen: &mut Seen,
    problems: &mut Problems,
) -> Result<Read> {
    let meta = match rtx.open_table(META) {
        Ok(t) => Some(t),
        Err(TableError::TableDoesNotExist(_)) => None,
        Err(e) => return Err(e.into()),
    };
    let generation_of = |name: &str| -> Result<u64> {
        Ok(match &meta {
            Some(m) => m
                .get(table_generation_key(name).as_str())?
                .map(|g| g.value())
                .unwrap_or(0),
            None => 0,
        })
    };
    let mut read = Read {
        changed: false,
        unchecked: false,
    };
    macro_rules! reload_changed {
        ($($field:ident: $ty:ty),+ $(,)?) => {
            std::thread::scope(|scope| -> Result<()> {
                $(
                    let name = <$ty as Record>::TABLE;
                    let g = generation_of(name)?;
                    let $field = (wanted(name) && seen.get(name) != Some(&g))
                        .then(|| (g, scope.spawn(move || quietly(|| read_all::<$ty>(rtx)))));
                )+
                $(
                    if let Some((g, job)) = $field {
                        let kind = joined(job.join())?;
                        let name = <$ty as Record>::TABLE;
                        read.unchecked |= kind.unchecked;
                        data.$field = kind.records;
                        problems.insert(name, kind.problems);
                        seen.insert(name, g);
                        read.changed = true;
                    }
                )+
                Ok(())
            })?;
        };
    }
    crate::with_record_kinds!(reload_changed);
    Ok(read)
}
