//! Drives the real binary in a pseudo-terminal and reads the screen as a person would see it.
#![allow(dead_code)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checks the screen cannot show (OSC 52, colours).
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

const TIMEOUT: Duration = Duration::from_secs(20);

impl Pty {
    pub fn spawn(bin: &Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(bin);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("PATHWAYS_DB");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn pathways");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(rows).unwrap(),
            std::num::NonZero::new(cols).unwrap(),
            0,
        )));
        let feed = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_feed = Arc::clone(&raw);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
                raw_feed.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            parser,
            raw,
            writer,
            child,
            _master: pair.master,
        }
    }

    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Whether any cell on screen has a colour (foreground or background).
    pub fn any_colour(&self) -> bool {
        let p = self.parser.lock().unwrap();
        let screen = p.screen();
        let (rows, cols) = screen.size();
        (0..rows.get()).any(|r| {
            (0..cols.get()).any(|c| {
                screen.cell(r, c).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
                })
            })
        })
    }

    /// Waits until `pred` holds for the raw output.
    pub fn wait_raw(&self, what: &str, pred: impl Fn(&[u8]) -> bool) {
        let start = Instant::now();
        while !pred(&self.raw_output()) {
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`, or fails the test with the screen after a timeout.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            if self.screen().contains(text) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while self.screen().contains(text) {
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {text:?} to go; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends text one character at a time, as typing does.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.send(&c.to_string());
        }
    }

    /// Waits for the process to exit and returns its exit code.
    /// SIGKILL, as a power cut or `kill -9` would end it: no cleanup runs.
    pub fn kill9(&mut self) {
        if let Some(pid) = self.child.process_id() {
            // SAFETY: kill(2) on our own child's pid has no memory effects.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
        }
        let _ = self.child.wait();
    }

    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("pathways did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

pub const ESC: &str = "\x1b";
pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";
pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";
pub const BACKTAB: &str = "\x1b[Z";

/// The real dashboard on `path` at 100x30, today fixed.
pub fn dashboard(path: &Path) -> Pty {
    Pty::spawn(
        &PathBuf::from(env!("CARGO_BIN_EXE_pathways")),
        &["--db", path.to_str().unwrap()],
        &[("PATHWAYS_TODAY", "2026-11-25")],
        100,
        30,
    )
}

/// From the first screen of the demo data to the mentors view of the mentoring tab.
pub fn show_mentors(p: &mut Pty) {
    p.wait_for("Intake queue (");
    p.send("2");
    p.wait_for("Mentoring pairs (");
    p.send("v");
    p.wait_for("Mentors (10: 9 active)");
}
