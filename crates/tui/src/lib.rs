//! pathways-tui: the keyboard-driven dashboard over pathways-core.
//!
//! Floors, bottom up (each imports only the ones below it):
//! 1. pieces every tab uses: `keys` (the keymap's words), `list` (lists whose selection stays on
//!    its record), `form` (fields edited at a cursor, read with their errors), `save` (a change,
//!    the refusal of a stale edit), `theme` and `widgets` (drawing pieces), and `tab` (the
//!    contract: `TabView`, `Ctx`, `Effect`);
//! 2. `tabs/*`, one folder per tab;
//! 3. `action`, `keymap`, `finder`, `copy` and `app` (state, the one update, effects applied
//!    in one place);
//! 4. `ui` (drawing a frame) and `tui` (the terminal and its event loop).

pub mod action;
pub mod app;
pub mod copy;
pub mod finder;
pub mod form;
pub mod keymap;
pub mod keys;
pub mod list;
pub mod save;
pub mod tab;
pub mod tabs;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod widgets;
