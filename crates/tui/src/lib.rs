//! pathways-tui: the keyboard-driven dashboard over pathways-core.

pub mod action;
pub mod app;
pub mod copy;
pub mod finder;
pub mod form;
pub mod keymap;
pub mod tabs;
pub mod tui;
pub mod ui;
