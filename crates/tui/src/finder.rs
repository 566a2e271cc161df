//! The two prompts that reach anything by name: the global search (Ctrl-K or `:find`) and the
//! command palette (`:`), whose commands are the keymap tables themselves. Each prompt is its
//! own small state; `update` says what the app should do next (`app/search.rs` does it).

use crate::action::Action;
use crate::keymap::{self, Command};
use crate::tab::Tab;
use pathways_core::search::{Index, Matcher, Narrowing, top};

/// How many hits the search prompt shows.
pub const SEARCH_LIMIT: usize = 50;

/// What a prompt asks of the app after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    Stay,
    Close,
    /// The text changed: search again.
    Search,
    /// Open search hit `i` (an index into the search index).
    Open(usize),
    /// Run this palette command.
    Run(Action, Option<Tab>),
    /// `:find NAME`: open the search with this text.
    Find(String),
    /// `:person NAME-OR-ID`: open this person's card.
    Person(String),
}

#[derive(Debug, Clone, Default)]
pub struct SearchBox {
    pub input: String,
    pub selected: usize,
    /// Indexes into the app's search index, best first.
    pub results: Vec<usize>,
    narrowing: Narrowing,
    /// The results are not yet the input's (the index or the search is being worked out).
    pub waiting: bool,
}

impl SearchBox {
    pub fn new(query: &str) -> Self {
        SearchBox {
            input: query.to_string(),
            ..Default::default()
        }
    }

    /// Searches for the input: at once, or (`later`) only begun, `step` doing the work between
    /// key presses. Without an index the box waits for one (then `run` again).
    pub fn run(&mut self, index: Option<&Index>, later: bool) {
        let Some(index) = index else {
            self.waiting = true;
            return;
        };
        if !later {
            let found = self.narrowing.search(index, &self.input, SEARCH_LIMIT);
            return self.show(found);
        }
        match self.narrowing.begin(index, &self.input, SEARCH_LIMIT) {
            Some(found) => self.show(found),
            None => self.waiting = true,
        }
    }

    /// Ranks up to `rows` more entries for the search under way; returns whether its results
    /// came (the box changed).
    pub fn step(&mut self, index: &Index, rows: usize) -> bool {
        if !self.narrowing.working() {
            // The index came after the box opened: the search starts now.
            self.run(Some(index), true);
            return !self.waiting;
        }
        match self.narrowing.step(index, rows) {
            Some(found) => {
                self.show(found);
                true
            }
            None => false,
        }
    }

    /// Forgets what earlier searches found (the index changed under the box).
    pub fn forget(&mut self) {
        self.narrowing = Narrowing::default();
    }

    fn show(&mut self, found: Vec<usize>) {
        self.results = found;
        self.selected = self.selected.min(self.results.len().saturating_sub(1));
        self.waiting = false;
    }

    /// Typed or pasted text (already one clean line).
    pub fn insert(&mut self, typed: &str) -> Prompt {
        self.input.push_str(typed);
        self.selected = 0;
        Prompt::Search
    }

    pub fn update(&mut self, action: Action) -> Prompt {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(self.results.len().saturating_sub(1)),
            Action::Type(c) => {
                let mut buf = [0; 4];
                return self.insert(c.encode_utf8(&mut buf));
            }
            Action::Backspace => {
                self.input.pop();
                self.selected = 0;
                return Prompt::Search;
            }
            Action::Cancel | Action::Back => return Prompt::Close,
            Action::Submit => {
                return match self.results.get(self.selected) {
                    Some(&i) => Prompt::Open(i),
                    None => Prompt::Close,
                };
            }
            _ => {}
        }
        Prompt::Stay
    }
}

#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub input: String,
    pub selected: usize,
    /// Whether a command is highlighted: not until something is typed or ↑/↓ pressed, so `:`
    /// then Enter never runs anything (least of all quit).
    pub chosen: bool,
    /// Indexes into `commands()`, best first.
    pub matches: Vec<usize>,
}

/// Every action in the keymap, each once: global ones first, then each tab's, and quit last.
pub fn commands() -> Vec<Command> {
    let is_quit = |c: &&Command| c.action == Action::Quit;
    let mut out: Vec<Command> = keymap::global().iter().filter(|c| !is_quit(c)).copied().collect();
    for tab in Tab::ALL {
        out.extend_from_slice(keymap::tab_keys(tab));
    }
    out.extend(keymap::global().iter().filter(is_quit).copied());
    out
}

impl Palette {
    pub fn new() -> Self {
        let mut p = Palette::default();
        p.refresh();
        p
    }

    pub fn refresh(&mut self) {
        let m = Matcher::new(&self.input);
        let scored: Vec<(i64, usize)> = commands()
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let key = pathways_core::text::fold(&format!("{} {}", c.name, c.help));
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

    /// Typed or pasted text (already one clean line).
    pub fn insert(&mut self, typed: &str) {
        self.input.push_str(typed);
        self.selected = 0;
        self.chosen = !self.input.trim().is_empty();
        self.refresh();
    }

    /// The highlighted command's index into `commands()`, if one is highlighted.
    pub fn highlighted(&self) -> Option<usize> {
        self.matches.get(self.selected).copied().filter(|_| self.chosen)
    }

    pub fn update(&mut self, action: Action) -> Prompt {
        match action {
            Action::Up if self.chosen => self.selected = self.selected.saturating_sub(1),
            Action::Up | Action::Down if !self.chosen => {
                self.chosen = true;
                self.selected = 0;
            }
            Action::Down => self.selected = (self.selected + 1).min(self.matches.len().saturating_sub(1)),
            Action::Type(c) => {
                let mut buf = [0; 4];
                self.insert(c.encode_utf8(&mut buf));
            }
            Action::Backspace => {
                self.input.pop();
                self.selected = 0;
                self.chosen = !self.input.trim().is_empty();
                self.refresh();
            }
            Action::Cancel | Action::Back => return Prompt::Close,
            Action::Submit => {
                // `:find garcia` searches; anything else runs the highlighted command.
                let text = self.input.trim();
                if let Some(query) = text
                    .strip_prefix("find")
                    .filter(|q| q.is_empty() || q.starts_with(' '))
                {
                    return Prompt::Find(query.trim().to_string());
                }
                if let Some(who) = text
                    .strip_prefix("person ")
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                {
                    return Prompt::Person(who.to_string());
                }
                let all = commands();
                return match self.highlighted().and_then(|i| all.get(i)) {
                    Some(c) => Prompt::Run(c.action, c.tab),
                    None if self.matches.is_empty() => Prompt::Close,
                    // Nothing chosen yet: Enter does nothing rather than run the first command.
                    None => Prompt::Stay,
                };
            }
            _ => {}
        }
        Prompt::Stay
    }
}
