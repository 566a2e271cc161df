//! Spreadsheet imports: each kind's sheet read, checked row by row and stored in one transaction.
//! Every importer reads its cells through [`sheet::read_row`], so text enters the database by
//! one rule.

pub mod closures;
pub mod intakes;
pub mod sheet;
