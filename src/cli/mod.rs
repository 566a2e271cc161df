//! The command line: global flags, and the one-shot commands that print plain lines (no TUI).

use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "pathways", version, about = "Career Pathways Program dashboard", long_about = None)]
pub struct Cli {
    /// Database file (default: the platform data directory; or set PATHWAYS_DB).
    #[arg(long, global = true, env = "PATHWAYS_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Open the dashboard on a fresh temporary copy of the demo data (your database is not touched).
    #[arg(long)]
    pub demo: bool,
    /// Start with the privacy screen on (names as initials, sensitive fields hidden).
    #[arg(long)]
    pub private: bool,
    /// Capture the mouse (off by default so text selection keeps working over SSH).
    #[arg(long)]
    pub mouse: bool,
    /// Treat this date as today (for demos and tests).
    #[arg(
        long,
        global = true,
        env = "PATHWAYS_TODAY",
        value_name = "YYYY-MM-DD",
        hide = true
    )]
    pub today: Option<NaiveDate>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new database (refuses to overwrite an existing file).
    Init {
        /// Fill it with the demo dataset.
        #[arg(long)]
        demo: bool,
    },
    /// Verify a database: redb's integrity check plus decoding every record.
    Check,
    /// Write a consistent copy of the database (works while the dashboard is open).
    Backup {
        /// The new backup file (must not exist yet).
        out: PathBuf,
    },
}

pub fn today(cli: &Cli) -> NaiveDate {
    cli.today.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// The database path: --db, then PATHWAYS_DB (both via clap), then the platform data directory.
pub fn db_path(cli: &Cli) -> Result<PathBuf, String> {
    if let Some(p) = &cli.db {
        return Ok(p.clone());
    }
    directories::ProjectDirs::from("org", "CareerPathways", "pathways")
        .map(|d| d.data_dir().join("pathways.redb"))
        .ok_or_else(|| "cannot find a data directory for this user; pass --db PATH".to_string())
}

/// Prints an error the way every command does, and gives exit status 2.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("pathways: {message}");
    ExitCode::from(2)
}

pub fn open_store(path: &Path) -> Result<Store, StoreError> {
    Store::open(path)
}

/// Runs a one-shot command.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let path = match db_path(cli) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let today = today(cli);
    match command {
        Command::Init { demo } => init(&path, *demo, today),
        Command::Check => check(&path),
        Command::Backup { out } => backup(&path, out),
    }
}

fn init(path: &Path, demo: bool, today: NaiveDate) -> ExitCode {
    let store = match Store::create_new(path) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    if demo {
        let data = crate::demo::build(today);
        if let Err(e) = crate::demo::write(&store, &data) {
            return fail(e);
        }
        println!(
            "created {} with the demo data ({} records)",
            path.display(),
            data.record_count()
        );
    } else {
        println!("created {}", path.display());
    }
    ExitCode::SUCCESS
}

fn check(path: &Path) -> ExitCode {
    if !path.exists() {
        return fail(format!("{}: no such file", path.display()));
    }
    let store = match Store::open(path) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let counts = match store.table_counts() {
        Ok(c) => c,
        Err(e) => return fail(format!("{}: {e}", path.display())),
    };
    match store.check() {
        Ok(findings) if findings.is_empty() => {
            let total: u64 = counts.iter().map(|(_, n)| n).sum();
            println!("{}: ok ({total} records)", path.display());
            ExitCode::SUCCESS
        }
        Ok(findings) => {
            for f in &findings {
                println!("{}: {f}", path.display());
            }
            println!(
                "{}: {} problem(s) found; restore from a backup or re-enter those records",
                path.display(),
                findings.len()
            );
            ExitCode::from(1)
        }
        Err(e) => fail(format!("{}: {e}", path.display())),
    }
}

fn backup(path: &Path, out: &Path) -> ExitCode {
    if !path.exists() {
        return fail(format!("{}: no such file", path.display()));
    }
    let store = match Store::open(path) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    match store.backup(out) {
        Ok(n) => {
            println!("backed up {n} records to {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}
