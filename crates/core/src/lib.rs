//! pathways-core: the Career Pathways Program's records and rules, the store that keeps them, the
//! figures counted from them, search, and the spreadsheet formats. It knows no terminal.

pub mod dataset;
pub mod demo;
pub mod domain;
pub mod export;
pub mod import;
pub mod keys;
pub mod learning;
pub mod lookup;
pub mod metrics;
pub mod privacy;
pub mod search;
pub mod store;
pub mod story;
pub mod text;
