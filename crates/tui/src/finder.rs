//! The two prompts that reach anything by name: the global search (Ctrl-K or `:find`) and the
//! command palette (`:`), whose commands are the keymap tables themselves.

use crate::action::Action;
use crate::app::{App, Modal, Tab};
use crate::keymap::{self, Binding};
use pathways_core::search::{Index, Kind, Matcher, Narrowing, Worker, top};

/// How many hits the search prompt shows.
pub const SEARCH_LIMIT: usize = 50;

/// From this many searchable records on, searches run on the worker thread.
pub const ASYNC_FROM: usize = 20_000;

#[derive(Debug, Clone, Default)]
pub struct SearchBox {
    pub input: String,
    pub selected: usize,
    /// Indexes into the app's search index, best first.
    pub results: Vec<usize>,
    narrowing: Narrowing,
    /// The number of the newest query sent to the worker, and whether its answer is still due.
    seq: u64,
    pub waiting: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub input: String,
    pub selected: usize,
    /// Indexes into `commands()`, best first.
    pub matches: Vec<usize>,
}

/// One palette command: a keymap binding and the tab it belongs to (None = global).
pub struct Command {
    pub binding: &'static Binding,
    pub tab: Option<Tab>,
}

/// Every action in the keymap, global ones first, each once.
pub fn commands() -> Vec<Command> {
    let mut out: Vec<Command> = keymap::GLOBAL
        .iter()
        .map(|binding| Command { binding, tab: None })
        .collect();
    for tab in Tab::ALL {
        out.extend(keymap::tab_keys(tab).iter().map(|binding| Command {
            binding,
            tab: Some(tab),
        }));
    }
    out
}

impl Palette {
    pub fn refresh(&mut self) {
        let m = Matcher::new(&self.input);
        let scored: Vec<(i64, usize)> = commands()
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let key = pathways_core::text::fold(&format!("{} {}", c.binding.name, c.binding.help));
                m.score(&key).map(|s| (s, i))
            })
            .collect();
        self.matches = if m.is_empty() {
            (0..scored.len()).collect()
        } else {
            top(scored, usize::MAX).into_iter().map(|(_, i)| i).collect()
        };
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
    }
}

pub fn open_search(app: &mut App, query: &str) {
    if app.index.is_none() {
        let index = std::sync::Arc::new(Index::build(&app.data));
        app.search_worker = (index.len() >= ASYNC_FROM).then(|| Worker::start(index.clone(), SEARCH_LIMIT));
        app.index = Some(index);
    }
    let mut search = SearchBox {
        input: query.to_string(),
        ..Default::default()
    };
    run_search(app, &mut search);
    app.modals.push(Modal::Search(search));
}

pub fn open_palette(app: &mut App) {
    let mut p = Palette::default();
    p.refresh();
    app.modals.push(Modal::Palette(p));
}

fn run_search(app: &App, search: &mut SearchBox) {
    if let Some(worker) = &app.search_worker {
        search.seq += 1;
        search.waiting = true;
        worker.ask(search.seq, &search.input);
    } else if let Some(index) = &app.index {
        search.results = search.narrowing.search(index, &search.input, SEARCH_LIMIT);
        search.selected = search.selected.min(search.results.len().saturating_sub(1));
    }
}

/// Takes the worker's answer to the newest query, if it has come. Returns whether to redraw.
pub fn poll(app: &mut App) -> bool {
    let Some(worker) = &app.search_worker else {
        return false;
    };
    let Some(Modal::Search(s)) = app.modals.last_mut() else {
        return false;
    };
    match worker.try_result() {
        Some((seq, found)) if seq == s.seq => {
            s.results = found;
            s.selected = s.selected.min(s.results.len().saturating_sub(1));
            s.waiting = false;
            true
        }
        _ => false,
    }
}

/// Whether a search answer is due, so the event loop should look again soon.
pub fn waiting(app: &App) -> bool {
    matches!(app.modals.last(), Some(Modal::Search(s)) if s.waiting)
}

/// A printable key typed into the search or palette prompt.
pub fn type_char(app: &mut App, c: char) {
    let mut buf = [0; 4];
    type_text(app, c.encode_utf8(&mut buf));
}

/// Typed or pasted text for the search box or the palette.
pub fn type_text(app: &mut App, typed: &str) {
    match app.modals.pop() {
        Some(Modal::Search(mut s)) => {
            s.input.push_str(typed);
            s.selected = 0;
            run_search(app, &mut s);
            app.modals.push(Modal::Search(s));
        }
        Some(Modal::Palette(mut p)) => {
            p.input.push_str(typed);
            p.selected = 0;
            p.refresh();
            app.modals.push(Modal::Palette(p));
        }
        Some(other) => app.modals.push(other),
        None => {}
    }
}

pub fn update_search(app: &mut App, action: Action) {
    let Some(Modal::Search(mut s)) = app.modals.pop() else {
        return;
    };
    match action {
        Action::Up => s.selected = s.selected.saturating_sub(1),
        Action::Down => s.selected = (s.selected + 1).min(s.results.len().saturating_sub(1)),
        Action::Backspace => {
            s.input.pop();
            s.selected = 0;
            run_search(app, &mut s);
        }
        Action::Cancel | Action::Back => return,
        Action::Submit => {
            if let Some(&i) = s.results.get(s.selected) {
                jump(app, i);
            }
            return;
        }
        _ => {}
    }
    app.modals.push(Modal::Search(s));
}

pub fn update_palette(app: &mut App, action: Action) {
    let Some(Modal::Palette(mut p)) = app.modals.pop() else {
        return;
    };
    match action {
        Action::Up => p.selected = p.selected.saturating_sub(1),
        Action::Down => p.selected = (p.selected + 1).min(p.matches.len().saturating_sub(1)),
        Action::Backspace => {
            p.input.pop();
            p.selected = 0;
            p.refresh();
        }
        Action::Cancel | Action::Back => return,
        Action::Submit => {
            // `:find garcia` searches; anything else runs the highlighted command.
            let text = p.input.trim();
            if let Some(query) = text
                .strip_prefix("find")
                .filter(|q| q.is_empty() || q.starts_with(' '))
            {
                open_search(app, query.trim());
                return;
            }
            let all = commands();
            if let Some(c) = p.matches.get(p.selected).and_then(|&i| all.get(i)) {
                if let Some(tab) = c.tab {
                    app.show_tab(tab);
                }
                app.update(c.binding.action);
            }
            return;
        }
        _ => {}
    }
    app.modals.push(Modal::Palette(p));
}

/// Shows the record behind search hit `i` in its tab.
fn jump(app: &mut App, i: usize) {
    let Some(entry) = app.index.as_ref().and_then(|x| x.entries.get(i)).cloned() else {
        return;
    };
    let name = entry
        .person
        .map(|p| app.data.employee_name(p))
        .unwrap_or_else(|| entry.title.clone());
    let (tab, filter) = match entry.kind {
        Kind::Intake | Kind::Employee => (Tab::Intake, name),
        Kind::Mentor => (Tab::Mentoring, name),
        Kind::Ambassador | Kind::Location => (Tab::Coverage, name),
        Kind::Participant => (Tab::Leadership, name),
        Kind::Offering => (Tab::Metrics, String::new()),
    };
    app.show_tab(tab);
    if entry.kind == Kind::Participant {
        app.leadership.show_participant(&app.data, entry.id, app.today);
    }
    match entry.kind {
        Kind::Ambassador => app.coverage.switch_view(crate::tabs::coverage::View::Ambassadors),
        Kind::Location => app.coverage.switch_view(crate::tabs::coverage::View::Locations),
        _ => {}
    }
    app.set_filter(&filter);
    if entry.kind == Kind::Intake {
        app.select_intake(entry.id);
    }
    if entry.kind == Kind::Mentor {
        app.mentoring.set_view(crate::tabs::mentoring::View::Mentors);
    }
    app.status = Some(format!(
        "{}: {} · {}",
        entry.kind.label(),
        app.masked_title(&entry),
        entry.facts
    ));
}
