//! The command line: global flags, and the one-shot commands that print plain lines (no TUI).

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use pathways_core::store::Store;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod export;
mod find;
mod import;
mod intakes;
mod lists;
pub mod out;
mod people;
mod report;

#[derive(Parser, Debug)]
#[command(name = "pathways", version, about = "Career Pathways Program dashboard", long_about = None)]
pub struct Cli {
    /// Database file (default: the platform data directory; or set PATHWAYS_DB).
    #[arg(long, global = true, env = "PATHWAYS_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Open the dashboard on a fresh temporary copy of the demo data (your database is not touched).
    #[arg(long)]
    pub demo: bool,
    /// Privacy screen on: names as initials, personal fields hidden (also masks `find`, `export`
    /// and the reports that take it).
    #[arg(long, global = true)]
    pub private: bool,
    /// Turn the privacy screen on by itself after this many minutes without a key press
    /// (fractions too: 0.5 is half a minute).
    #[arg(long, env = "PATHWAYS_PRIVACY_AFTER", value_name = "MINUTES", value_parser = minutes)]
    pub privacy_after: Option<f64>,
    /// Capture the mouse (off by default so text selection keeps working over SSH).
    #[arg(long)]
    pub mouse: bool,
    /// Treat this date as today in the dashboard and `init --demo` (for tests; reports take --as-of).
    #[arg(
        long,
        env = "PATHWAYS_TODAY",
        value_name = "DATE",
        value_parser = date_flag,
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
        #[arg(long, conflicts_with = "synthetic")]
        demo: bool,
        /// Fill it with about N generated records (deterministic), for measuring at scale.
        #[arg(long, value_name = "N")]
        synthetic: Option<usize>,
    },
    /// Verify a database: redb's integrity check plus decoding every record.
    Check,
    /// Write a consistent copy of the database (works while the dashboard is open).
    Backup {
        /// The new backup file (must not exist yet).
        out: PathBuf,
    },
    /// Find people, places and records by name: plain lines, no TUI. Exit status 1 if nothing matched.
    Find {
        /// What to look for (accents and case do not matter).
        query: Vec<String>,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print a report (text or CSV), or write the stakeholder booklet (HTML); no TUI.
    Report {
        #[command(subcommand)]
        report: report::Report,
    },
    /// Import records from a spreadsheet export (CSV), or a whole `export all` folder.
    ///
    /// Exit status 0: all rows stored; 1: some rows rejected (nothing of them stored); 2: the
    /// file could not be read (nothing stored).
    Import {
        /// intakes (the intake form's sheet), employees (the HR roster), pl-roster (a PDO course
        /// roster), all (a folder written by `export all`), or any kind `export` writes, in its
        /// format: locations, closures, popups, consultations, intake-settings, mentors, pairs, logs,
        /// ambassadors, ambassador-sessions, reference-populations, chapters, owners, cohorts,
        /// participants, sessions, attendance, waitlist, offerings, pl-sessions, pl-attendance,
        /// teacher-outcomes
        kind: String,
        /// The CSV file (a folder for `all`).
        path: PathBuf,
        /// Check and report, store nothing.
        #[arg(long)]
        dry_run: bool,
        /// `all` into a database that already holds records: skip (keep what is stored, add the
        /// rest) or update (the folder's values replace stored ones, add the rest).
        #[arg(long, value_enum, value_name = "HOW")]
        merge: Option<import::MergeArg>,
        /// intakes, employees: read a column from a header of another name, e.g.
        /// --map "Submitted=When did you apply?" (repeat for more columns).
        #[arg(long, value_name = "COLUMN=HEADER")]
        map: Vec<String>,
    },
    /// Merge two records of one person, or delete a person nothing points at.
    People {
        #[command(subcommand)]
        action: PeopleAction,
    },
    /// The union chapters: list, add, rename, merge a typo into the right one, remove.
    Chapters {
        #[command(subcommand)]
        action: Option<ListAction>,
    },
    /// The team members a queue item can belong to: list, add, rename, merge, remove.
    Owners {
        #[command(subcommand)]
        action: Option<ListAction>,
    },
    /// Write every record of one kind as CSV with a header (to stdout, or --out FILE, mode 0600);
    /// `export all --out DIR` writes one KIND.csv per kind into a new folder (mode 0700).
    Export {
        /// all, employees, locations, closures, intakes, consultations, intake-settings, mentors,
        /// pairs, logs, ambassadors, ambassador-sessions, reference-populations, chapters, owners,
        /// cohorts, participants, sessions, attendance, waitlist, offerings, pl-sessions,
        /// pl-attendance, popups, teacher-outcomes, audit (the change history; not in `all`)
        kind: String,
        /// Write to this new file instead of stdout (for `all`: a new or empty folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Include confidential fields (mentoring log topics, pair notes); left out by default.
        #[arg(long)]
        confidential: bool,
    },
}

/// Merge or delete people. A person is named by employee id, email, name, or #N (the record
/// number in `export employees`' id column).
#[derive(Subcommand, Debug)]
pub enum PeopleAction {
    /// Merge OTHER into KEEP: every record pointing at OTHER moves to KEEP, in one transaction.
    /// Each field keeps KEEP's value unless it is unknown there (then OTHER's) or named by --take.
    Merge {
        keep: String,
        other: String,
        /// Take this field's value from OTHER (repeatable): e.g. --take "last name".
        #[arg(long, value_name = "FIELD")]
        take: Vec<String>,
        /// Show what the merge would do, change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Delete a person; refused while records point at them (naming which).
    Delete { who: String },
}

/// What to do with a reference list (chapters, owners). Names match in any case.
#[derive(Subcommand, Debug)]
pub enum ListAction {
    /// Every entry, with how many records carry it (the default).
    List,
    /// Add an entry.
    Add { name: String },
    /// Rename an entry and every record carrying it.
    Rename { old: String, new: String },
    /// Fold an entry (a typo, a duplicate) into another: its records move, it leaves the list.
    Merge { from: String, into: String },
    /// Remove an entry no record carries.
    Remove { name: String },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
}

/// A number of minutes, more than 0 (a fraction is fine).
fn minutes(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(m) if m > 0.0 && m.is_finite() && m <= 24.0 * 60.0 => Ok(m),
        _ => Err(format!(
            "\"{text}\" is not a number of minutes (more than 0, e.g. 5 or 0.5)"
        )),
    }
}

/// A date given on the command line, in the forms every date field takes (YYYY-MM-DD, M/D/YYYY…).
fn date_flag(text: &str) -> Result<NaiveDate, String> {
    pathways_core::domain::parse_date(text)
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

/// Prints an error the way every command does (inert, like all output), and gives exit status 2.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    out::warn(message);
    ExitCode::from(2)
}

/// Runs a one-shot command.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let path = match db_path(cli) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let today = today(cli);
    match command {
        Command::Init { demo, synthetic } => init(&path, *demo, *synthetic, today),
        Command::Check => check(&path),
        Command::Backup { out } => backup(&path, out),
        Command::Find { query, limit, format } => {
            find::run(&path, &query.join(" "), *limit, *format, cli.private)
        }
        Command::Report { report } => report::run(&path, report, cli.private),
        Command::Import {
            kind,
            path: file,
            dry_run,
            merge,
            map,
        } => import::run(
            &path,
            kind,
            file,
            import::Options {
                dry_run: *dry_run,
                merge: *merge,
                map,
                private: cli.private,
                today,
            },
        ),
        Command::People { action } => people::run(&path, action, cli.private),
        Command::Chapters { action } => lists::run::<pathways_core::domain::Chapter>(&path, action.as_ref()),
        Command::Owners { action } => lists::run::<pathways_core::domain::Owner>(&path, action.as_ref()),
        // Intakes export in the import's own format, so an export imports back unchanged.
        Command::Export { kind, out, .. } if kind == "intakes" => {
            intakes::export(&path, out.as_deref(), cli.private)
        }
        Command::Export {
            kind,
            out,
            confidential,
        } if kind == "all" => export::run_all(&path, out.as_deref(), *confidential, cli.private),
        Command::Export {
            kind,
            out,
            confidential,
        } => export::run(&path, kind, out.as_deref(), *confidential, cli.private),
    }
}

/// Runs an import that updates in place and prints its report: exit 0 when every row was good,
/// 1 when some were rejected, 2 when the file could not be imported at all.
pub fn report_upsert(
    db: &Path,
    dry_run: bool,
    import: impl FnOnce(
        &Store,
    ) -> Result<pathways_core::import::UpsertSummary, pathways_core::import::ImportError>,
) -> ExitCode {
    let store = match open_existing(db, !dry_run) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match import(&store) {
        Ok(summary) => {
            for line in summary.lines() {
                out::line(line);
            }
            if summary.rejected.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => fail(format!("{e} (nothing was imported)")),
    }
}

/// Opens an existing database for a one-shot command, or explains why not (exit status 2).
/// `write`: for a command that saves; every other command opens it read-only and leaves the file
/// byte-identical.
pub fn open_existing(path: &Path, write: bool) -> Result<Store, ExitCode> {
    if !path.exists() {
        return Err(fail(format!(
            "{}: no such database; create one with `pathways --db {} init`",
            path.display(),
            path.display()
        )));
    }
    let store = if write {
        Store::open(path)
    } else {
        Store::open_read_only(path)
    };
    store.map_err(fail)
}

/// Loads everything for a report (read-only); damaged records are named on stderr and skipped.
pub fn load(path: &Path) -> Result<pathways_core::dataset::Dataset, ExitCode> {
    let store = open_existing(path, false)?;
    match store.load() {
        Ok((data, problems)) => {
            for p in &problems {
                out::warn(format!("{}: skipped damaged record: {p}", path.display()));
            }
            Ok(data)
        }
        Err(e) => Err(fail(format!("{}: {e}", path.display()))),
    }
}

fn init(path: &Path, demo: bool, synthetic: Option<usize>, today: NaiveDate) -> ExitCode {
    let data = match (demo, synthetic) {
        (true, _) => Some((pathways_core::demo::build(today), "the demo data")),
        (false, Some(n)) => Some((pathways_core::demo::synthetic::build(today, n), "synthetic data")),
        (false, None) => None,
    };
    let Some((data, what)) = data else {
        return match Store::create_new(path) {
            Ok(_) => {
                out::line(format!("created {}", path.display()));
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        };
    };
    // Fill a temporary file beside the target and move it into place only when complete, so an
    // interrupted init (kill, power cut, full disk) leaves either the whole database or none.
    if path.exists() {
        return fail(format!(
            "{}: a file already exists there; init never overwrites (choose a new path)",
            path.display()
        ));
    }
    let partial = partial_path(path);
    let _ = std::fs::remove_file(&partial);
    let written = Store::create_new(&partial).and_then(|store| pathways_core::demo::write(&store, &data));
    if let Err(e) = written.map_err(|e| e.to_string()).and_then(|()| {
        // A hard link never replaces an existing file; filesystems without links get a rename.
        match std::fs::hard_link(&partial, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists || path.exists() => {
                Err("a file appeared there meanwhile; it was left alone".to_string())
            }
            Err(_) => std::fs::rename(&partial, path).map_err(|e| e.to_string()),
        }
    }) {
        let _ = std::fs::remove_file(&partial);
        // The hidden build file is an implementation detail: name the database asked for.
        let e = e.replace(&format!("{}: ", partial.display()), "");
        return fail(format!("{}: {e}", path.display()));
    }
    let _ = std::fs::remove_file(&partial);
    out::line(format!(
        "created {} with {what} ({})",
        path.display(),
        pathways_core::text::count(data.record_count(), "record")
    ));
    ExitCode::SUCCESS
}

/// Where `init` builds a database before moving it into place: hidden, beside the target.
fn partial_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    path.with_file_name(format!(".{name}.partial"))
}

fn check(path: &Path) -> ExitCode {
    if !path.exists() {
        return fail(format!("{}: no such file", path.display()));
    }
    // Read-only: checking a database (or a backup) never changes it. Every page is verified.
    let store = match Store::open_verified(path) {
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
            out::line(format!(
                "{}: ok ({})",
                path.display(),
                pathways_core::text::count(total as usize, "record")
            ));
            ExitCode::SUCCESS
        }
        Ok(findings) => {
            for f in &findings {
                out::line(format!("{}: {f}", path.display()));
            }
            out::line(format!(
                "{}: {} found; restore from a backup or re-enter those records",
                path.display(),
                pathways_core::text::count(findings.len(), "problem")
            ));
            ExitCode::from(1)
        }
        Err(e) => fail(format!("{}: {e}", path.display())),
    }
}

fn backup(path: &Path, target: &Path) -> ExitCode {
    if !path.exists() {
        return fail(format!("{}: no such file", path.display()));
    }
    let store = match Store::open_verified(path) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    match store.backup(target) {
        Ok(done) if done.problems.is_empty() => {
            out::line(format!(
                "backed up {} to {}",
                pathways_core::text::count(done.records, "record"),
                target.display()
            ));
            ExitCode::SUCCESS
        }
        Ok(done) => {
            for p in &done.problems {
                out::warn(format!(
                    "{}: damaged record copied as it is (it does not read back in the backup \
                     either): {p}",
                    path.display()
                ));
            }
            out::line(format!(
                "backed up {} records to {}; {} of them damaged (see above): `check` reports them \
                 on the backup too",
                done.records,
                target.display(),
                done.problems.len()
            ));
            ExitCode::from(1)
        }
        Err(e) => fail(e),
    }
}
