//! Standard output for the one-shot commands: a reader that stops early (`pathways export
//! employees | head`) ends the output quietly. Writes after the pipe closed are dropped, and the
//! command ends with its own exit status, never a "Broken pipe" message.

use std::io::{self, Write};

/// Standard output that treats a closed pipe as the end of the output.
pub struct Stdout {
    inner: io::StdoutLock<'static>,
}

/// Set once the reader has gone: nothing more is written.
static CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn stdout() -> Stdout {
    Stdout {
        inner: io::stdout().lock(),
    }
}

/// Writes one line (for summaries: `created …`, `ok (… records)`).
pub fn line(text: std::fmt::Arguments<'_>) {
    // Only a closed pipe is swallowed; any other failure to write to stdout has no better place
    // to be reported than stderr.
    if let Err(e) = writeln!(stdout(), "{text}") {
        eprintln!("pathways: cannot write to standard output: {e}");
    }
}

/// Runs one write unless the reader has gone; a closed pipe turns it (and every later one) into
/// `done`.
fn unless_closed<T>(done: T, write: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
    use std::sync::atomic::Ordering;
    if CLOSED.load(Ordering::Relaxed) {
        return Ok(done);
    }
    match write() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            CLOSED.store(true, Ordering::Relaxed);
            Ok(done)
        }
        other => other,
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        unless_closed(buf.len(), || self.inner.write(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        unless_closed((), || self.inner.flush())
    }
}
