//! The program's records and rules as plain data and pure functions: no terminal, no database.

pub mod ambassador;
pub mod calendar;
pub mod dates;
pub mod fiscal;
pub mod intake;
pub mod leadership;
pub mod learning;
pub mod mentoring;
pub mod merge;
pub mod people;
pub mod reference;
pub mod small_groups;
pub mod validate;

pub use ambassador::*;
pub use calendar::*;
pub use fiscal::*;
pub use intake::*;
pub use leadership::*;
pub use learning::*;
pub use mentoring::*;
pub use merge::*;
pub use people::*;
pub use reference::*;
pub use small_groups::*;
pub use validate::*;

/// Every stored record has a numeric id, unique within its kind.
pub type Id = u64;

/// A map keyed by record id with a fast hasher (foldhash, seeded per process): tabs and figures
/// build them over every record, a million at the largest.
pub type IdMap<V> = foldhash::HashMap<Id, V>;

/// The same for maps keyed by names a million records carry (a chapter, an owner: a few
/// distinct spellings, counted over everyone).
pub type NameMap<'a, V> = foldhash::HashMap<&'a str, V>;

/// A closed list of choices with stable labels, for pick lists, CSV and reports.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn label(self) -> &'static str;

    /// Case-insensitive match on the label (or any alias the type accepts).
    fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|c| c.label().eq_ignore_ascii_case(t))
    }
}

/// Implements `Choice` and `Display` for a fieldless enum from (variant, label) pairs.
#[macro_export]
macro_rules! choice {
    ($ty:ident { $($variant:ident => $label:expr),+ $(,)? }) => {
        impl $crate::domain::Choice for $ty {
            const ALL: &'static [Self] = &[$($ty::$variant),+];
            fn label(self) -> &'static str {
                match self { $($ty::$variant => $label),+ }
            }
        }
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::domain::Choice::label(*self))
            }
        }
    };
}
