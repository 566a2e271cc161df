//! What reaches the terminal: moving the selection by one row at 80x24 must send a small diff, and
//! a tick with nothing new must not redraw (no full redraws over a slow SSH link).
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::prelude::CrosstermBackend;
use ratatui::{Terminal, TerminalOptions, Viewport};

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts the bytes the real terminal backend writes.
#[derive(Clone, Default)]
struct Wire(Arc<AtomicUsize>);

impl std::io::Write for Wire {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes one `draw` sends.
fn drawn_bytes(
    term: &mut Terminal<CrosstermBackend<Wire>>,
    wire: &Wire,
    app: &pathways_tui::app::App,
) -> usize {
    let before = wire.0.load(Ordering::Relaxed);
    term.draw(|f| pathways_tui::ui::render(f, app)).unwrap();
    wire.0.load(Ordering::Relaxed) - before
}

#[test]
fn moving_one_row_sends_a_small_diff_and_an_idle_tick_sends_nothing() {
    let (_dir, mut app) = common::demo_app();
    let wire = Wire::default();
    let mut term = Terminal::with_options(
        CrosstermBackend::new(wire.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
        },
    )
    .unwrap();
    let first = drawn_bytes(&mut term, &wire, &app);
    assert!(
        first > 80 * 20,
        "the first frame draws the whole screen ({first} bytes)"
    );

    app.handle_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
    let moved = drawn_bytes(&mut term, &wire, &app);
    println!("first frame {first} bytes; one row down {moved} bytes");
    assert!(moved > 0, "the move must be drawn");
    assert!(
        moved < first / 3,
        "one row down sent {moved} bytes of a {first}-byte screen"
    );

    assert!(!app.tick(), "nothing changed, so a tick asks for no redraw");
    // The loop skips drawing when nothing changed; even a forced redraw of the same frame sends
    // only cursor housekeeping, never the screen again.
    let same = drawn_bytes(&mut term, &wire, &app);
    assert!(same < 40, "an unchanged frame sent {same} bytes");
}
