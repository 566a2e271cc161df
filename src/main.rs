use clap::Parser;
use pathways::cli::{self, Cli};
use pathways_core::store::{Store, check_private};
use pathways_tui::app::App;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run(&cli, command);
    }
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!(
            "pathways: the dashboard needs a terminal. For scripts and SSH one-liners use the \
             one-shot commands, e.g. `pathways find garcia` or `pathways report monthly`; \
             see `pathways --help`."
        );
        return ExitCode::from(2);
    }
    let today = cli::today(&cli);
    // The demo runs on a temporary copy that is removed on exit; the real database is untouched.
    let demo_dir = if cli.demo {
        match tempfile::tempdir() {
            Ok(d) => Some(d),
            Err(e) => return cli::fail(format!("cannot create a temporary folder for the demo: {e}")),
        }
    } else {
        None
    };
    let path = match &demo_dir {
        Some(dir) => dir.path().join("demo.redb"),
        None => match cli::db_path(&cli) {
            Ok(p) => p,
            Err(e) => return cli::fail(e),
        },
    };
    let store = match Store::open(&path) {
        Ok(s) => s,
        Err(e) => return cli::fail(e),
    };
    if demo_dir.is_some()
        && let Err(e) = pathways_core::demo::write(&store, &pathways_core::demo::build(today))
    {
        return cli::fail(e);
    }
    let mut guard = match pathways_tui::tui::TerminalGuard::new(cli.mouse) {
        Ok(g) => g,
        Err(e) => return cli::fail(format!("terminal error: {e}")),
    };
    // The terminal's panic hook restores the screen; a panic the store catches (a damaged file)
    // must not run it, so the store's filter goes in front of it.
    pathways_core::store::quiet_store_panics();
    let _ = pathways_tui::tui::opening(&mut guard, &path);
    let mut app = match App::start(store, today) {
        Ok(a) => a,
        Err(e) => {
            drop(guard);
            return cli::fail(format!("{}: {e}", path.display()));
        }
    };
    app.private = cli.private;
    app.privacy_after = cli
        .privacy_after
        .map(|m| std::time::Duration::from_secs_f64(m * 60.0));
    app.color = colors_wanted();
    if let Some(warning) = check_private(&path) {
        app.status = Some(warning);
    }
    if app.store.is_read_only() {
        app.status = Some(format!(
            "read-only: you may read {} but not change it; nothing you do here is saved",
            path.display()
        ));
    }
    if let Err(e) = pathways_tui::tui::run(&mut guard, &mut app) {
        drop(guard);
        return cli::fail(format!("terminal error: {e}"));
    }
    if let Some(reason) = app.fatal.take() {
        drop(guard);
        return cli::fail(reason);
    }
    ExitCode::SUCCESS
}

/// Colour unless NO_COLOR is set (to anything) or the terminal cannot show it.
fn colors_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let term = std::env::var("TERM").unwrap_or_default();
    !no_color && !matches!(term.as_str(), "dumb" | "vt100" | "vt102" | "vt220")
}
