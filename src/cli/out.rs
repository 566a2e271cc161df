//! The one way a one-shot command writes to the terminal: [`stdout`] and [`stderr`] hand out
//! writers that pass every character through [`text::inert_lines`], so text from the data (an
//! older database can hold anything) never reaches a terminal as a live sequence: no ESC, BEL
//! or C1 byte is ever written, only visible escapes such as `\u{1b}`. Line breaks and tabs stay.
//!
//! Reports, find, exports to stdout, the import summary and every error message (through
//! [`super::fail`] and [`warn`]) write here; a new command should too.
//!
//! A reader that stops early (`pathways export employees | head`) ends the output quietly: once
//! standard output is a closed pipe, what is written to it is dropped, and the command ends with
//! its own exit status, never a "Broken pipe" message.

use pathways_core::text;
use std::io::{self, Write};

/// A writer that makes everything written through it inert, then passes it on. A character
/// split across two writes is held until its last byte arrives.
pub struct Inert<W: Write> {
    inner: W,
    /// The first bytes of a character whose remaining bytes have not been written yet.
    partial: Vec<u8>,
}

impl<W: Write> Inert<W> {
    pub fn new(inner: W) -> Self {
        Inert {
            inner,
            partial: Vec::new(),
        }
    }

    /// Writes the longest run of whole characters at the start of `bytes`; returns how many
    /// bytes it took (the rest is the start of an unfinished character).
    fn pass(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut done = 0;
        while done < bytes.len() {
            match std::str::from_utf8(&bytes[done..]) {
                Ok(s) => {
                    self.inner.write_all(text::inert_lines(s).as_bytes())?;
                    return Ok(bytes.len());
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    // The prefix was just checked: it is UTF-8.
                    let s = std::str::from_utf8(&bytes[done..done + valid]).unwrap_or_default();
                    self.inner.write_all(text::inert_lines(s).as_bytes())?;
                    done += valid;
                    match e.error_len() {
                        // Cut short: wait for the rest.
                        None => return Ok(done),
                        // Not UTF-8 at all: shown as the bytes they are.
                        Some(n) => {
                            for b in &bytes[done..done + n] {
                                write!(self.inner, "\\x{b:02x}")?;
                            }
                            done += n;
                        }
                    }
                }
            }
        }
        Ok(done)
    }
}

impl<W: Write> Write for Inert<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.partial.is_empty() {
            let used = self.pass(buf)?;
            self.partial.extend_from_slice(&buf[used..]);
        } else {
            let mut joined = std::mem::take(&mut self.partial);
            joined.extend_from_slice(buf);
            let used = self.pass(&joined)?;
            self.partial = joined[used..].to_vec();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.partial.is_empty() {
            // An unfinished character at the very end is shown as its bytes.
            for b in std::mem::take(&mut self.partial) {
                write!(self.inner, "\\x{b:02x}")?;
            }
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Inert<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Standard output, buffered and made inert. Flushed when dropped; call `flush` to see errors.
pub fn stdout() -> Inert<io::BufWriter<UntilClosed>> {
    Inert::new(io::BufWriter::new(UntilClosed(io::stdout().lock())))
}

/// Set once standard output turned out to be a closed pipe: nothing more is written to it.
static CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Standard output until its reader goes away; from then on writes are dropped.
pub struct UntilClosed(io::StdoutLock<'static>);

impl UntilClosed {
    /// Runs one write unless the reader has gone; a closed pipe turns it (and every later one)
    /// into `done`.
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
}

impl Write for UntilClosed {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let inner = &mut self.0;
        Self::unless_closed(buf.len(), || inner.write(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        let inner = &mut self.0;
        Self::unless_closed((), || inner.flush())
    }
}

/// Standard error, made inert.
pub fn stderr() -> Inert<io::StderrLock<'static>> {
    Inert::new(io::stderr().lock())
}

/// One line of output (stdout); a closed pipe (`| head`) is not worth a message.
pub fn line(text: impl std::fmt::Display) {
    let mut out = stdout();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}

/// One warning line on stderr, prefixed like every message of the program.
pub fn warn(text: impl std::fmt::Display) {
    let _ = writeln!(stderr(), "pathways: {text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]]) -> String {
        let mut buf = Vec::new();
        {
            let mut w = Inert::new(&mut buf);
            for c in chunks {
                w.write_all(c).unwrap();
            }
        }
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn live_sequences_become_visible_escapes_whatever_the_write_boundaries() {
        let hostile = "T\u{1b}]0;TITLE\u{7}\u{9b}2J\u{202e}é\tok\n";
        let want = "T\\u{1b}]0;TITLE\\u{7}\\u{9b}2J\\u{202e}é\tok\n";
        assert_eq!(through(&[hostile.as_bytes()]), want);
        // Every split point, including inside the two-byte characters.
        let bytes = hostile.as_bytes();
        for cut in 0..bytes.len() {
            assert_eq!(through(&[&bytes[..cut], &bytes[cut..]]), want, "cut at {cut}");
        }
        assert_eq!(through(&[b"a\xffb", b"\xc3"]), "a\\xffb\\xc3");
    }
}
