//! pathways: the command line and one-shot commands over pathways-core and pathways-tui.

pub mod cli;
