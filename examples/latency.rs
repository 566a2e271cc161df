//! What a person at the keyboard waits for, measured on the real binary in a pseudo-terminal
//! (the screen read with vt100, as the end-to-end tests read it): the first frame, the first
//! frame with data, a typed `/` filter letter on screen and the rows it leaves, Ctrl-K (soon after
//! the start, and again later), a status step saved and shown, and the dashboard's peak memory
//! after visiting every tab and searching.
//!
//! ```sh
//! cargo build --release && cargo run --release --example latency -- DB [ROUNDS]
//! ```
//!
//! DB is copied first (a save changes it). Figures are medians over ROUNDS (default 5) runs,
//! in milliseconds; the machine's other work shows as spread, so run it on a quiet machine.
#![allow(clippy::unwrap_used)] // a measuring tool: a failure should stop it loudly

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const COLS: u16 = 120;
const ROWS: u16 = 40;
const TIMEOUT: Duration = Duration::from_secs(20);

struct Dashboard {
    screen: Arc<Mutex<vt100::Parser>>,
    keys: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Dashboard {
    fn start(db: &Path) -> (Dashboard, Instant) {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(binary());
        cmd.args(["--db", db.to_str().unwrap()]);
        cmd.env("TERM", "xterm-256color");
        cmd.env("PATHWAYS_TODAY", "2026-11-25");
        cmd.env_remove("PATHWAYS_DB");
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(ROWS).unwrap(),
            std::num::NonZero::new(COLS).unwrap(),
            0,
        )));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        let keys = pair.master.take_writer().unwrap();
        let dashboard = Dashboard {
            screen,
            keys,
            child,
            _master: pair.master,
        };
        (dashboard, started)
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Milliseconds from `since` until the screen satisfies `done`.
    fn until(&self, since: Instant, what: &str, done: impl Fn(&str) -> bool) -> f64 {
        loop {
            if done(&self.text()) {
                return since.elapsed().as_secs_f64() * 1e3;
            }
            if since.elapsed() > TIMEOUT {
                let mut child = self.child.clone_killer();
                let _ = child.kill();
                panic!("waited too long for {what}:\n{}", self.text());
            }
            std::thread::sleep(Duration::from_micros(200));
        }
    }

    /// Sends `keys` and returns when they were sent.
    fn press(&mut self, keys: &str) -> Instant {
        let at = Instant::now();
        self.keys.write_all(keys.as_bytes()).unwrap();
        self.keys.flush().unwrap();
        at
    }

    /// The process's peak resident memory, in MB (Linux).
    fn peak_mb(&self) -> Option<f64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let kb: f64 = status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()?;
        Some(kb / 1024.0)
    }
}

impl Drop for Dashboard {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `pathways` binary built beside this example.
fn binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap();
    dir.join(format!("pathways{}", std::env::consts::EXE_SUFFIX))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The intake queue's title: " Intake queue (N) " or " Intake queue (N of M) ".
fn queue_title(screen: &str) -> Option<String> {
    let at = screen.find("Intake queue (")?;
    let rest = &screen[at..];
    Some(rest[..rest.find(')')? + 1].to_string())
}

/// The search box shows its results for `garcia`: the query typed, not searching any more (the
/// title says so until the results are the query's), a García among the hits.
fn found_garcia(screen: &str) -> bool {
    screen.contains("> garcia")
        && !screen.contains("searching")
        && screen.contains("García")
        && screen.contains("employee")
}

fn one_round(original: &Path, dir: &Path, figures: &mut Vec<(&'static str, Vec<f64>)>) {
    let db = dir.join("latency.redb");
    let _ = std::fs::remove_file(&db);
    std::fs::copy(original, &db).unwrap();
    let mut got = Vec::new();
    let (mut d, started) = Dashboard::start(&db);
    got.push(d.until(started, "the first frame", |s| {
        s.contains("pathways") || s.contains("Intake")
    }));
    got.push(d.until(started, "the first data frame", |s| queue_title(s).is_some()));
    let unfiltered = queue_title(&d.text()).unwrap();
    // Typing a filter: each letter on screen (in the filter bar), then the rows it leaves.
    d.press("/");
    let mut shown = Vec::new();
    let mut narrowed = Vec::new();
    let mut typed = String::new();
    for c in "garcia".chars() {
        typed.push(c);
        let at = d.press(&c.to_string());
        let bar = format!("/{typed}");
        shown.push(d.until(at, "the typed letter", |s| s.contains(&bar)));
        // The rows are the filter's once the queue no longer says it is filtering.
        narrowed.push(d.until(at, "the narrowed rows", |s| {
            s.contains(&bar) && queue_title(s).is_some_and(|t| !t.contains("filtering"))
        }));
    }
    got.push(median(shown));
    got.push(median(narrowed));
    let at = d.press("\x1b");
    d.until(at, "the filter kept", |s| !s.contains("Esc clear"));
    d.press("\x1b");
    d.until(Instant::now(), "the whole queue again", |s| {
        queue_title(s).as_ref() == Some(&unfiltered)
    });
    // A status step on the selected intake: `>` asks its date (today) and the next step, Enter
    // saves it (one durable transaction); timed from Enter until it is on screen.
    const STEPS: [&str; 4] = [
        "contacted",
        "consultation scheduled",
        "relationship established",
        "closed",
    ];
    let at = d.press(">");
    d.until(at, "the status step's form", |s| s.contains("Ctrl-S sav"));
    let at = d.press("\r");
    got.push(d.until(at, "the saved status step", |s| {
        !s.contains("Ctrl-S sav") && STEPS.iter().any(|step| s.contains(&format!("→ {step}")))
    }));
    // Ctrl-K opens at once; its results come when its index is built (between key presses from
    // the first data frame on: maybe not yet, so soon after the start).
    let at = d.press("\x0b");
    got.push(d.until(at, "the search box", |s| s.contains("Find anything")));
    d.press("garcia");
    got.push(d.until(at, "search results", found_garcia));
    // An Esc followed at once by a key reads as Alt and that key: wait for each to land.
    let at = d.press("\x1b");
    d.until(at, "the search closed", |s| !s.contains("Find anything"));
    for (tab, title) in [
        ("2", "Mentoring"),
        ("3", "Coverage"),
        ("4", "Leadership"),
        ("5", "Monthly"),
        ("6", "People"),
        ("7", "Professional learning"),
        ("1", "Intake queue"),
    ] {
        let before = d.text();
        let at = d.press(tab);
        d.until(at, title, |s| s != before);
        std::thread::sleep(Duration::from_millis(300));
    }
    // Ctrl-K again, its index built meanwhile (between key presses, from the first data frame on).
    let at = d.press("\x0b");
    d.until(at, "the search box", |s| s.contains("Find anything"));
    d.press("garcia");
    got.push(d.until(at, "search results", found_garcia));
    let at = d.press("\x1b");
    d.until(at, "the search closed", |s| !s.contains("Find anything"));
    got.push(d.peak_mb().unwrap_or(f64::NAN));
    for (figure, value) in figures.iter_mut().zip(got) {
        figure.1.push(value);
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let original = PathBuf::from(args.next().expect("usage: latency DB [ROUNDS]"));
    let rounds: usize = args.next().map(|r| r.parse().unwrap()).unwrap_or(5);
    let dir = tempfile::tempdir().unwrap();
    let mut figures: Vec<(&'static str, Vec<f64>)> = [
        "first frame (ms)",
        "first data frame (ms)",
        "a typed filter letter on screen (ms, median of 6)",
        "the rows it leaves on screen (ms, median of 6)",
        "a status step saved and on screen (ms)",
        "Ctrl-K open on screen (ms)",
        "Ctrl-K results for garcia on screen (ms)",
        "Ctrl-K results for garcia once its index is built (ms)",
        "peak memory after every tab and a search (MB)",
    ]
    .into_iter()
    .map(|name| (name, Vec::new()))
    .collect();
    for _ in 0..rounds {
        one_round(&original, dir.path(), &mut figures);
    }
    let size = std::fs::metadata(&original).unwrap().len() as f64 / 1e6;
    println!("{} ({size:.0} MB), median of {rounds} runs", original.display());
    for (name, values) in figures {
        println!("{:>9.1}  {name}", median(values));
    }
}
