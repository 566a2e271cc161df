//! One folder per tab. Each tab's state implements the contract in `crate::tab` (`TabView`):
//! its keys, its forms, its questions and its drawing live in its folder, and it reads the data
//! only through a `Ctx`. See CONTRIBUTING.md for how to add one.

pub mod coverage;
pub mod intake;
pub mod leadership;
pub mod learning;
pub mod mentoring;
pub mod metrics;
pub mod people;
