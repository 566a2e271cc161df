//! Unit tests of the tab, driven by actions.
