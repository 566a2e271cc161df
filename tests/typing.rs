//! Typing is never blocked: the intake queue's `/` filter typed with its work left to the event
//! loop (`App::background`, as the dashboard runs) ends with the very rows, order, selection and
//! screen of a filter narrowed at once on every key, whatever the keys and however the work is
//! cut; meanwhile the typed text is on screen and the queue says it is filtering. No test here
//! waits for time: each runs the loop's steps (`App::work`) itself, until the work is done.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;

use pathways_core::store::Store;
use pathways_tui::app::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A dashboard over a synthetic database of about `n` records (the same records every time).
fn app(dir: &tempfile::TempDir, name: &str, n: usize) -> App {
    let path = dir.path().join(name);
    let store = Store::create_new(&path).unwrap();
    let data = pathways_core::demo::synthetic::build(common::today(), n);
    pathways_core::demo::write(&store, &data).unwrap();
    App::new(store, common::today()).unwrap()
}

/// Two dashboards over the same records: `now` does each key's work at once, `later` leaves it
/// to the event loop's steps (`App::background`), as the dashboard runs.
fn pair(dir: &tempfile::TempDir, n: usize) -> (App, App) {
    let now = app(dir, "now.redb", n);
    let mut later = app(dir, "later.redb", n);
    later.background = true;
    (now, later)
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// What a filter leaves that a user can see or act on.
fn state(app: &App) -> (Vec<usize>, usize, String) {
    (
        app.intake.rows().visible.clone(),
        app.intake.list.selected(),
        common::screen_text(app, 120, 30),
    )
}

/// The same key on both: at once on one, only begun on the other.
fn both(now: &mut App, later: &mut App, code: KeyCode) {
    key(now, code);
    key(later, code);
    if let KeyCode::Char(c) = code
        && c != '/'
        && later.filtering
    {
        // The typed text is on screen before any of its work is done.
        let bar = format!("/{}", later.intake.list.filter);
        let screen = common::screen_text(later, 120, 30);
        assert!(screen.contains(&bar), "{bar} not on screen:\n{screen}");
    }
}

/// Steps of work until it is all done; how many it took.
fn settle(app: &mut App) -> usize {
    let mut steps = 0;
    while app.working() {
        app.work();
        steps += 1;
        assert!(steps < 100_000, "the work never ends");
    }
    steps
}

fn same(now: &App, later: &mut App, when: &str) {
    settle(later);
    let (rows, selected, screen) = state(now);
    let (rows2, selected2, screen2) = state(later);
    assert_eq!(rows2, rows, "rows after {when}");
    assert_eq!(selected2, selected, "selection after {when}");
    assert_eq!(screen2, screen, "screen after {when}");
}

#[test]
fn a_filter_worked_out_between_keys_ends_as_one_narrowed_on_each_key() {
    let dir = tempfile::tempdir().unwrap();
    let (mut now, mut later) = pair(&dir, 6_000);
    // The search index is built between keys first, then the queue's search keys, before
    // anyone asks.
    assert!(later.working() && later.index.is_none());
    settle(&mut later);
    assert!(later.index.is_some() && later.intake.rows().keyed());
    // Small steps: the queue's rows take many of them.
    later.work_rows = 13;
    assert!(later.intake.rows().len() > 10 * later.work_rows);
    both(&mut now, &mut later, KeyCode::Char('/'));
    assert!(!later.working(), "the filter bar opens without work");

    // The first letter: its rows are ranked in many steps, and until then the queue says it
    // is filtering while the typed letter is already shown.
    both(&mut now, &mut later, KeyCode::Char('g'));
    assert!(later.working());
    let title = common::screen_text(&later, 120, 30);
    assert!(title.contains("Intake queue (filtering…)"), "{title}");
    assert!(!common::screen_text(&now, 120, 30).contains("filtering"));
    assert!(settle(&mut later) > 10, "the work was cut in steps");
    same(&now, &mut later, "g");

    // A query changed while it is worked out: the newer text wins, from what was found.
    both(&mut now, &mut later, KeyCode::Char('a'));
    later.work();
    both(&mut now, &mut later, KeyCode::Char('r'));
    later.work();
    later.work();
    both(&mut now, &mut later, KeyCode::Char('c'));
    same(&now, &mut later, "garc typed over unfinished work");

    // Backspace to a query never finished, then to one that was: that one is shown at once.
    both(&mut now, &mut later, KeyCode::Backspace);
    same(&now, &mut later, "backspace to gar");
    both(&mut now, &mut later, KeyCode::Backspace);
    both(&mut now, &mut later, KeyCode::Backspace);
    assert!(!later.working(), "g was worked out before: no work");
    same(&now, &mut later, "backspace to g");

    // A selection moved, then a word typed and taken back while it is worked out.
    for _ in 0..3 {
        both(&mut now, &mut later, KeyCode::Down);
    }
    same(&now, &mut later, "moving down");
    for c in "arcia a".chars() {
        both(&mut now, &mut later, KeyCode::Char(c));
        later.work();
    }
    both(&mut now, &mut later, KeyCode::Backspace);
    both(&mut now, &mut later, KeyCode::Backspace);
    same(&now, &mut later, "garcia a, then two backspaces");
    for c in " ma".chars() {
        both(&mut now, &mut later, KeyCode::Char(c));
    }
    same(&now, &mut later, "garcia ma");

    // Nothing matches, then everything again (an empty filter is at once).
    for c in "zzq".chars() {
        both(&mut now, &mut later, KeyCode::Char(c));
    }
    same(&now, &mut later, "no match");
    for _ in 0.."garcia mazzq".len() {
        both(&mut now, &mut later, KeyCode::Backspace);
    }
    assert!(!later.working());
    same(&now, &mut later, "the filter emptied");

    // Enter keeps the filter while its rows are still being worked out; they still come.
    for c in "ana".chars() {
        both(&mut now, &mut later, KeyCode::Char(c));
    }
    both(&mut now, &mut later, KeyCode::Enter);
    assert!(later.working());
    same(&now, &mut later, "ana, kept with Enter");
    both(&mut now, &mut later, KeyCode::Esc);
    same(&now, &mut later, "Esc");
}

/// The queue's search keys are built between keys before anyone types `/`, after the search
/// index; a letter typed while they are still being built waits for them and ends with the
/// same rows; a new order (a sort) has its keys built ahead again.
#[test]
fn the_queues_search_keys_are_built_ahead_and_a_letter_meanwhile_gets_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let (mut now, mut later) = pair(&dir, 6_000);
    later.work_rows = 13 * 16;
    while later.index.is_none() {
        assert!(later.working());
        later.work();
    }
    assert!(!later.intake.rows().keyed(), "the index comes first");
    assert!(later.working(), "the keys are work waiting");
    for _ in 0..3 {
        later.work();
    }
    assert!(!later.intake.rows().keyed(), "the keys are built in steps");
    for code in [KeyCode::Char('/'), KeyCode::Char('g'), KeyCode::Char('a')] {
        both(&mut now, &mut later, code);
    }
    assert!(later.filtering, "the letters wait for the keys");
    same(&now, &mut later, "ga typed while the keys were built");
    both(&mut now, &mut later, KeyCode::Esc);
    both(&mut now, &mut later, KeyCode::Esc);
    same(&now, &mut later, "the filter cleared");
    // A new sort sets the rows again: their keys are built ahead again.
    both(&mut now, &mut later, KeyCode::Char('s'));
    assert!(!later.intake.rows().keyed() && later.working());
    assert!(settle(&mut later) > 1);
    assert!(later.intake.rows().keyed());
    same(&now, &mut later, "a new sort");
}

/// A save, a sort or another tab's visit while a filter is being worked out: the rows end as
/// the filter leaves them in the new order.
#[test]
fn a_change_under_a_filter_being_worked_out_ends_with_the_filters_rows() {
    let dir = tempfile::tempdir().unwrap();
    let (mut now, mut later) = pair(&dir, 3_000);
    settle(&mut later);
    later.work_rows = 13;
    for code in [KeyCode::Char('/'), KeyCode::Char('m'), KeyCode::Char('a')] {
        both(&mut now, &mut later, code);
    }
    later.work();
    both(&mut now, &mut later, KeyCode::Enter);
    // `s` sorts again: a rebuild narrows at once, whatever was under way.
    both(&mut now, &mut later, KeyCode::Char('s'));
    assert!(!later.working());
    same(&now, &mut later, "a new sort");
    both(&mut now, &mut later, KeyCode::Char('/'));
    both(&mut now, &mut later, KeyCode::Char('r'));
    both(&mut now, &mut later, KeyCode::Enter);
    both(&mut now, &mut later, KeyCode::Char('2'));
    // The mentoring tab is on screen; the queue's work goes on behind it.
    assert_eq!(later.intake.list.filter, "mar");
    settle(&mut later);
    both(&mut now, &mut later, KeyCode::Char('1'));
    same(&now, &mut later, "back on the queue");
}

/// The People tab's roster (a row per person: 120,000 at a million records) is narrowed between
/// key presses as the queue is, its search keys built by the first filter typed (not by a visit
/// alone: they are 22 MB at a million records); it ends as a filter narrowed at once, screen
/// and all, and a save of a person meanwhile finishes it first.
#[test]
fn the_people_roster_is_filtered_between_keys_and_ends_as_at_once() {
    use pathways_tui::tabs::people::{PeopleAction, View};
    let dir = tempfile::tempdir().unwrap();
    let (mut now, mut later) = pair(&dir, 6_000);
    later.work_rows = 13 * 16;
    settle(&mut later);
    both(&mut now, &mut later, KeyCode::Char('6'));
    let keyed = |app: &App| app.people.list.list(View::People).rows.keyed();
    assert!(!later.working(), "a visit builds no keys");
    assert!(!keyed(&later));
    let screen = |app: &App| common::screen_text(app, 120, 30);
    for c in "/garc".chars() {
        both(&mut now, &mut later, KeyCode::Char(c));
        if c != '/' {
            let (bar, shown) = (format!("/ {}", later.people.list.filter), screen(&later));
            assert!(shown.contains(&bar), "{bar} not on screen:\n{shown}");
        }
    }
    assert!(later.working() && screen(&later).contains("filtering…"));
    assert!(settle(&mut later) > 10, "in steps");
    assert!(keyed(&later));
    assert_eq!(screen(&later), screen(&now));
    // Typed over unfinished work, then a person edited while the filter is being worked out.
    for c in "ia".chars() {
        both(&mut now, &mut later, KeyCode::Char(c));
        later.work();
    }
    both(&mut now, &mut later, KeyCode::Enter);
    for app in [&mut now, &mut later] {
        app.update(pathways_tui::action::Action::People(PeopleAction::Edit));
        common::fill(app, &[("position", "Paraeducator II")]);
        common::submit(app);
    }
    settle(&mut later);
    assert_eq!(screen(&later), screen(&now));

    // A first filter whose keys are still being built when a save on the queue reaches the
    // roster (it takes intakes in): the filter is finished first, then the save taken in.
    let (mut now, mut later) = pair(&dir2(&dir), 6_000);
    later.work_rows = 13 * 16;
    settle(&mut later);
    for c in "6/ga".chars() {
        both(&mut now, &mut later, KeyCode::Char(c));
    }
    later.work();
    both(&mut now, &mut later, KeyCode::Enter);
    both(&mut now, &mut later, KeyCode::Char('1'));
    assert!(!keyed(&later), "the keys are still being built");
    for app in [&mut now, &mut later] {
        app.update(pathways_tui::action::Action::Intake(
            pathways_tui::tabs::intake::IntakeAction::Advance,
        ));
        common::submit(app);
    }
    settle(&mut later);
    both(&mut now, &mut later, KeyCode::Char('6'));
    assert_eq!(screen(&later), screen(&now));
}

/// A second directory in `dir` for a second pair of databases.
fn dir2(dir: &tempfile::TempDir) -> tempfile::TempDir {
    tempfile::tempdir_in(dir.path()).unwrap()
}
