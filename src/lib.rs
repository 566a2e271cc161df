//! pathways: a keyboard-driven terminal dashboard for a school district's Career Pathways Program.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod action;
pub mod app;
pub mod cli;
pub mod copy;
pub mod dataset;
pub mod demo;
pub mod domain;
pub mod finder;
pub mod form;
pub mod keymap;
pub mod metrics;
pub mod search;
pub mod store;
pub mod tabs;
pub mod tui;
pub mod ui;
