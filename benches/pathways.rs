//! The performance targets, measured: `cargo bench` (all) or `cargo bench -- search` (a group).
//! Every benchmark runs the real code on a real redb file written by the synthetic generator
//! (`pathways init --synthetic N`), in a temp dir.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use pathways_core::domain::FiscalYear;
use pathways_core::search::{Index, Narrowing};
use pathways_core::store::Store;
use pathways_tui::app::{App, Tab};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;
use std::path::PathBuf;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A synthetic database of about `n` records in a temp dir.
fn database(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("synthetic-{n}.redb"));
    let store = Store::create_new(&path).unwrap();
    pathways_core::demo::write(&store, &pathways_core::demo::synthetic::build(today(), n)).unwrap();
    (dir, path)
}

fn open_and_load(c: &mut Criterion) {
    let (_dir, path) = database(100_000);
    let mut g = c.benchmark_group("startup");
    g.sample_size(20);
    g.bench_function("open+load 100k", |b| {
        b.iter(|| {
            let store = Store::open(&path).unwrap();
            black_box(store.load().unwrap())
        })
    });
    g.bench_function(
        "dashboard ready 100k (open, load, views, first data frame 80x24)",
        |b| {
            b.iter(|| {
                let app = App::new(Store::open(&path).unwrap(), today()).unwrap();
                let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
                term.draw(|f| pathways_tui::ui::render(f, &app)).unwrap();
                black_box(app.generation)
            })
        },
    );
    g.finish();
}

/// Each keystroke of a query being typed: the cost of the k-th character, given the first k-1
/// were already searched (search narrows on its previous matches).
fn search(c: &mut Criterion) {
    let mut g = c.benchmark_group("search keystroke");
    for n in [10_000, 100_000] {
        let data = pathways_core::demo::synthetic::build(today(), n);
        let index = Index::build(&data);
        let query = "martinez";
        for k in [1, 3, 4, 8] {
            g.bench_function(format!("{n} records, {k} chars"), |b| {
                b.iter_batched(
                    || {
                        let mut narrowing = Narrowing::default();
                        if k > 1 {
                            narrowing.search(&index, &query[..k - 1], 50);
                        }
                        narrowing
                    },
                    |mut narrowing| black_box(narrowing.search(&index, &query[..k], 50)),
                    BatchSize::SmallInput,
                )
            });
        }
    }
    g.finish();
}

fn render(c: &mut Criterion) {
    let (_dir, path) = database(100_000);
    let mut app = App::new(Store::open(&path).unwrap(), today()).unwrap();
    let mut g = c.benchmark_group("frame");
    for (w, h) in [(80, 24), (200, 50)] {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        for tab in Tab::ALL {
            app.show_tab(tab);
            g.bench_function(format!("{} {w}x{h}", tab.short_title()), |b| {
                let mut down = true;
                b.iter(|| {
                    // A keystroke's worth: move the selection, draw the frame and its diff.
                    let key = if down { 'j' } else { 'k' };
                    down = !down;
                    app.handle_key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
                    term.draw(|f| pathways_tui::ui::render(f, &app)).unwrap();
                })
            });
        }
    }
    g.finish();
}

fn save(c: &mut Criterion) {
    let (_dir, path) = database(100_000);
    let store = Store::open(&path).unwrap();
    let (data, _) = store.load().unwrap();
    let mut intake = data.intakes[100].clone();
    let mut g = c.benchmark_group("save");
    g.sample_size(30);
    g.bench_function("one durable save (one intake, one transaction)", |b| {
        b.iter(|| {
            intake.notes.push('.');
            if intake.notes.len() > 200 {
                intake.notes.truncate(10);
            }
            store.write(|txn| txn.put(&intake)).unwrap()
        })
    });
    let mut app = App::new(Store::open(&path).unwrap(), today()).unwrap();
    let mut intake = app.data.intakes[200].clone();
    g.bench_function(
        "a save as the dashboard does it (write, saved records into the data, refresh the tab)",
        |b| {
            b.iter(|| {
                intake.notes.push('.');
                if intake.notes.len() > 200 {
                    intake.notes.truncate(10);
                }
                app.save("saved", |txn| txn.put(&intake)).unwrap()
            })
        },
    );
    g.finish();
}

fn monthly(c: &mut Criterion) {
    let data = pathways_core::demo::synthetic::build(today(), 100_000);
    let mut g = c.benchmark_group("report");
    g.bench_function("monthly figures for a fiscal year, 100k", |b| {
        b.iter(|| black_box(pathways_core::metrics::monthly(&data, FiscalYear::of(today()))))
    });
    g.finish();
}

/// 10,000 new people's intake-form rows into the demo database, in one transaction.
fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.redb");
    let store = Store::create_new(&demo).unwrap();
    pathways_core::demo::write(&store, &pathways_core::demo::build(today())).unwrap();
    drop(store);
    let csv = dir.path().join("export.csv");
    std::fs::write(&csv, pathways_core::demo::synthetic::intake_export(10_000)).unwrap();
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.bench_function("10k intake rows into the demo database", |b| {
        b.iter_batched(
            || {
                let db = dir.path().join("round.redb");
                let _ = std::fs::remove_file(&db);
                std::fs::copy(&demo, &db).unwrap();
                Store::open(&db).unwrap()
            },
            |store| {
                let s = pathways_core::import::intakes::import(&store, &csv, false).unwrap();
                assert_eq!(s.imported, 10_000);
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// The district's whole HR roster (10,000 people) into an empty database, and the same file
/// again (every row compared, nothing written).
fn roster(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("roster.csv");
    std::fs::write(&csv, pathways_core::demo::synthetic::roster(today(), 10_000)).unwrap();
    let loaded = dir.path().join("loaded.redb");
    let store = Store::create_new(&loaded).unwrap();
    let s = pathways_core::import::employees::import(&store, &csv, false, &[], false).unwrap();
    assert_eq!(s.new, 10_000);
    drop(store);
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.bench_function("10k roster rows into an empty database", |b| {
        b.iter_batched(
            || {
                let db = dir.path().join("empty.redb");
                let _ = std::fs::remove_file(&db);
                Store::create_new(&db).unwrap()
            },
            |store| {
                let s = pathways_core::import::employees::import(&store, &csv, false, &[], false).unwrap();
                assert_eq!(s.new, 10_000);
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("10k roster rows again (all unchanged)", |b| {
        let store = Store::open(&loaded).unwrap();
        b.iter(|| {
            let s = pathways_core::import::employees::import(&store, &csv, false, &[], false).unwrap();
            assert_eq!(s.unchanged, 10_000);
        })
    });
    g.finish();
}

/// How each figure grows with the database, 10k -> 100k -> 1M records (issue 19): `find` as
/// its command does it (a read-only open, the index kept in the file, the top 20 with their
/// facts), `check` (every page verified, every record's seal), and a save as the dashboard
/// does it. `cargo bench -- scale` runs this group alone.
fn scale(c: &mut Criterion) {
    let mut g = c.benchmark_group("scale");
    g.sample_size(10);
    for n in [10_000, 100_000, 1_000_000] {
        let (_dir, path) = database(n);
        g.bench_function(format!("find garcia (open read-only, top 20), {n}"), |b| {
            b.iter(|| {
                let store = Store::open_read_only(&path).unwrap();
                store.find("garcia", 20).unwrap().unwrap()
            })
        });
        g.bench_function(format!("check (open, verify, every record), {n}"), |b| {
            b.iter(|| Store::open_verified(&path).unwrap().check().unwrap())
        });
        let mut app = App::new(Store::open(&path).unwrap(), today()).unwrap();
        let mut intake = app.data.intakes[200].clone();
        g.bench_function(format!("a save as the dashboard does it, {n}"), |b| {
            b.iter(|| {
                intake.notes.push('.');
                if intake.notes.len() > 200 {
                    intake.notes.truncate(10);
                }
                app.save("saved", |txn| txn.put(&intake)).unwrap()
            })
        });
        saves_on_other_tabs(&mut g, &mut app, n);
    }
    g.finish();
}

/// A save on the PL and People tabs as the dashboard does it (write, the saved records into the
/// data, the tab on screen takes them in): an attendance mark with a session's attendance on
/// screen, and a person's position edited with the people list on screen.
fn saves_on_other_tabs(
    g: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    app: &mut App,
    n: usize,
) {
    use pathways_tui::action::Action;
    use pathways_tui::tabs::learning::{LearningAction, View};
    app.update(Action::GoTab(Tab::Learning));
    app.learning.list.show(View::Sessions);
    app.update(Action::Top);
    app.update(Action::Learning(LearningAction::Open));
    let people: Vec<u64> = app.data.employees.iter().map(|e| e.id).collect();
    let sessions: Vec<u64> = app.data.pl_sessions.iter().rev().map(|s| s.id).collect();
    let mut next = 0;
    g.bench_function(format!("an attendance mark as the dashboard does it, {n}"), |b| {
        b.iter(|| {
            // Each round someone not yet marked there (a duplicate would write nothing).
            let (person, session) = (
                people[next % people.len()],
                sessions[(next / people.len()) % sessions.len()],
            );
            next += 1;
            app.save("marked", |w| {
                let known = w.known(|d| &d.pl_attendance);
                pathways_core::learning::mark_pl_attendance_known(w.txn(), session, person, known).map(|_| ())
            })
            .unwrap()
        })
    });
    app.update(Action::GoTab(Tab::People));
    let mut person = app.data.employees[app.data.employees.len() / 2].clone();
    g.bench_function(format!("a person edit as the dashboard does it, {n}"), |b| {
        b.iter(|| {
            let mut edited = person.clone();
            edited.position = if person.position.ends_with('.') {
                person.position.trim_end_matches('.').to_string()
            } else {
                format!("{}.", person.position)
            };
            app.save("saved", |w| w.update(&person, &edited)).unwrap();
            person = edited;
        })
    });
}

criterion_group!(
    benches,
    scale,
    open_and_load,
    search,
    render,
    save,
    monthly,
    import,
    roster
);
criterion_main!(benches);
