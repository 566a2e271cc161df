//! Spreadsheet imports: each kind's sheet read, checked row by row and stored in one transaction.

pub mod intakes;
pub mod sheet;
