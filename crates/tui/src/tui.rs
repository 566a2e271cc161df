//! The terminal: a guard that always restores it, and the event loop (draw when something changed).

use crate::app::App;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind,
};
use ratatui::crossterm::execute;
use std::io;
use std::time::{Duration, Instant};

/// Restores the terminal when dropped, on every path out: quit, error, or panic (ratatui's
/// `init` also installs a panic hook that restores first).
pub struct TerminalGuard {
    pub terminal: ratatui::DefaultTerminal,
    mouse: bool,
}

impl TerminalGuard {
    pub fn new(mouse: bool) -> io::Result<Self> {
        let terminal = ratatui::try_init()?;
        // A paste arrives as one event (a line break in it never submits a form).
        execute!(io::stdout(), EnableBracketedPaste)?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(TerminalGuard { terminal, mouse })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        if self.mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        ratatui::restore();
    }
}

/// How often to look for changes saved by another pathways on the same database.
const POLL_CHANGES: Duration = Duration::from_millis(1000);
/// How often to look whether the records read after the first frame are in.
const LOADING_POLL: Duration = Duration::from_millis(5);

/// The first frame, drawn before the data is loaded, so the screen answers at once at any size
/// of database.
pub fn opening(guard: &mut TerminalGuard, path: &std::path::Path) -> io::Result<()> {
    use ratatui::layout::{Constraint, Layout};
    use ratatui::widgets::Paragraph;
    let text = format!("pathways: opening {}…", path.display());
    guard.terminal.draw(|f| {
        let [_, middle, _] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1), Constraint::Fill(1)])
                .areas(f.area());
        f.render_widget(Paragraph::new(text).centered(), middle);
    })?;
    Ok(())
}

pub fn run(guard: &mut TerminalGuard, app: &mut App) -> io::Result<()> {
    let mut dirty = true;
    let mut last_poll = Instant::now();
    // A typed filter or search only starts; the loop does the work in steps between key
    // presses, and builds Ctrl-K's index before anyone asks.
    app.background = true;
    while app.running {
        if dirty {
            guard.terminal.draw(|f| crate::ui::render(f, app))?;
            dirty = false;
            app.on_screen();
        }
        if let Some(text) = app.clipboard.take() {
            execute!(io::stdout(), crate::copy::clipboard(&text))?;
        }
        if app.poll_loading() {
            dirty = true;
            continue;
        }
        let busy = app.working();
        let mut wait = POLL_CHANGES.saturating_sub(last_poll.elapsed());
        if busy {
            wait = Duration::ZERO;
        } else if app.is_loading() {
            wait = wait.min(LOADING_POLL);
        }
        // A key first (drawn next time round), then a step of work while none is waiting.
        if !event::poll(wait)? {
            if busy {
                dirty |= app.work();
            }
        } else {
            match event::read()? {
                // Releases and repeats are reported on some platforms; act on presses only.
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    app.handle_key(key);
                    dirty = true;
                }
                Event::Paste(text) => {
                    app.paste(&text);
                    dirty = true;
                }
                Event::Resize(_, _) => dirty = true,
                _ => {}
            }
        }
        if last_poll.elapsed() >= POLL_CHANGES {
            last_poll = Instant::now();
            dirty |= app.tick();
        }
    }
    Ok(())
}
