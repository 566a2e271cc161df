//! What each tab's save costs as the dashboard does it, measured in this process on a copy of a
//! database: the form submitted (one durable transaction, the saved records into the data, the
//! tab's view brought up to date) and the next frame drawn, for each kind of save the tabs make.
//!
//! ```sh
//! cargo run --release --example saves -- DB [ROUNDS]
//! ```
//!
//! DB is copied first (a save changes it). Figures are medians over ROUNDS (default 5) saves of
//! each kind, in milliseconds: the save, then the frame after it.
#![allow(clippy::unwrap_used)] // a measuring tool: a failure should stop it loudly

use pathways_core::store::Store;
use pathways_tui::action::Action;
use pathways_tui::app::{App, Modal, Tab};
use pathways_tui::tabs::{coverage, leadership, learning, mentoring, people};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::time::Instant;

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Sets fields of the form on top.
fn fill(app: &mut App, values: &[(&str, String)]) {
    let Some(Modal::Form { form, .. }) = app.modals.last_mut() else {
        panic!("no form open: {:?}", app.status)
    };
    let title = form.title.clone();
    for (label, value) in values {
        form.field_mut(label)
            .unwrap_or_else(|| panic!("no field {label} in {title}"))
            .value
            .clone_from(value);
    }
}

/// Submits the form on top and draws the next frame: (save ms, frame ms).
fn submit(app: &mut App, terminal: &mut Terminal<TestBackend>) -> (f64, f64) {
    let at = Instant::now();
    app.update(Action::Submit);
    let saved = ms(at);
    if let Some(Modal::Form { form, .. }) = app.modals.last() {
        panic!("the form stayed open: {:?} {:?}", form.message, form.fields);
    }
    let at = Instant::now();
    terminal.draw(|f| pathways_tui::ui::render(f, app)).unwrap();
    (saved, ms(at))
}

/// Submits the form the last key opened, if it opened one, with the first field whose label
/// `pick` takes set to `value` (forms whose fields differ by the record shown).
fn submit_with(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    pick: impl Fn(&str) -> bool,
    value: String,
) -> Option<(f64, f64)> {
    let Some(Modal::Form { form, .. }) = app.modals.last_mut() else {
        return None;
    };
    if let Some(f) = form.fields.iter_mut().find(|f| pick(f.label)) {
        f.value = value;
    }
    Some(submit(app, terminal))
}

struct Figures(Vec<(String, Vec<f64>, Vec<f64>)>);

impl Figures {
    fn add(&mut self, name: &str, (save, frame): (f64, f64)) {
        match self.0.iter_mut().find(|f| f.0 == name) {
            Some(f) => {
                f.1.push(save);
                f.2.push(frame);
            }
            None => self.0.push((name.to_string(), vec![save], vec![frame])),
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let original = PathBuf::from(args.next().expect("usage: saves DB [ROUNDS]"));
    let rounds: usize = args.next().map(|r| r.parse().unwrap()).unwrap_or(5);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("saves.redb");
    std::fs::copy(&original, &db).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut app = App::new(Store::open(&db).unwrap(), today).unwrap();
    // The forms' lookups sorted, as the event loop does between keys once the records are in.
    while !app.data.make_keys() {}
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut figures = Figures(Vec::new());
    let people: Vec<String> = app
        .data
        .employees
        .iter()
        .rev()
        .take(rounds * 4)
        .map(|e| e.employee_number.clone())
        .collect();

    for round in 0..rounds {
        // Intake: a note edited on the selected intake.
        app.update(Action::GoTab(Tab::Intake));
        app.update(Action::Intake(pathways_tui::tabs::intake::IntakeAction::Edit));
        let notes = |label: &str| label.to_lowercase().contains("note");
        if let Some(t) = submit_with(&mut app, &mut terminal, notes, format!("called back {round}")) {
            figures.add("intake edited (intake tab)", t);
        }

        // Professional learning: a person marked at the selected session, then the session edited.
        app.update(Action::GoTab(Tab::Learning));
        app.learning.list.show(learning::View::Sessions);
        app.update(Action::Top);
        app.update(Action::Learning(learning::LearningAction::Open));
        app.update(Action::Learning(learning::LearningAction::Add));
        fill(
            &mut app,
            &[("person", people.get(round).cloned().unwrap_or_default())],
        );
        figures.add("attendance mark (PL tab)", submit(&mut app, &mut terminal));
        app.update(Action::Back);
        app.update(Action::Learning(learning::LearningAction::Edit));
        fill(&mut app, &[("place", format!("Room {round}"))]);
        figures.add("PL session edited (PL tab)", submit(&mut app, &mut terminal));
        app.update(Action::Back);

        // Mentoring: a log for the first running pair.
        app.update(Action::GoTab(Tab::Mentoring));
        app.update(Action::Top);
        for _ in 0..round {
            app.update(Action::Down);
        }
        app.update(Action::Mentoring(mentoring::MentoringAction::AddLog));
        fill(&mut app, &[("hours", "0.5".into()), ("topics", "a plan".into())]);
        let m = submit(&mut app, &mut terminal);
        figures.add("mentoring log (mentoring tab)", m);

        // Coverage: an ambassador's tenure end moved.
        app.update(Action::GoTab(Tab::Coverage));
        app.coverage.switch_view(coverage::View::Ambassadors);
        app.update(Action::Top);
        app.update(Action::Coverage(coverage::CoverageAction::Edit));
        fill(&mut app, &[("also supports", String::new())]);
        figures.add(
            "ambassador edited (coverage tab)",
            submit(&mut app, &mut terminal),
        );

        // Leadership: the selected session edited.
        app.update(Action::GoTab(Tab::Leadership));
        app.update(Action::Top);
        app.update(Action::Leadership(leadership::LeadershipAction::Edit));
        let room = |label: &str| label == "Room" || label == "Role at entry";
        if let Some(t) = submit_with(&mut app, &mut terminal, room, format!("Room {round}")) {
            figures.add("leadership edit (leadership tab)", t);
        }

        // People: a person's position edited.
        app.update(Action::GoTab(Tab::People));
        app.update(Action::Top);
        app.update(Action::People(people::PeopleAction::Edit));
        fill(&mut app, &[("position", format!("Paraeducator {round}"))]);
        figures.add("person edited (people tab)", submit(&mut app, &mut terminal));
        app.update(Action::Back);
    }
    println!(
        "{} ({} records), median of {rounds}",
        original.display(),
        app.data.record_count()
    );
    println!("{:>9}  {:>9}", "save ms", "frame ms");
    for (name, save, frame) in figures.0 {
        println!("{:>9.1}  {:>9.1}  {name}", median(save), median(frame));
    }
}
