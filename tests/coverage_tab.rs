//! The coverage tab on the demo data: every view drawn at 80x24, the as-of date, forms and rules.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_tui::action::Action;
use pathways_tui::app::{App, Modal, Tab};
use pathways_tui::tabs::coverage::{CoverageAction, View};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn act(app: &mut App, a: CoverageAction) {
    app.update(Action::Coverage(a));
}

/// Every line of the screen fits 80 columns: nothing is cut at the right edge.
fn assert_fits(s: &str) {
    for line in s.lines() {
        assert_eq!(line.chars().count(), 80, "{line}");
    }
}

#[test]
fn every_view_fits_80x24() {
    let (_dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Coverage));
    for view in View::ALL {
        app.coverage.switch_view(view);
        let s = screen_text(&app, 80, 24);
        println!("{s}");
        assert!(s.contains("24 ambassadors active"), "{s}");
        assert!(s.contains(view.title()), "{s}");
    }
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Clears the focused text field and types `text` into it.
fn retype(app: &mut App, text: &str) {
    for _ in 0..60 {
        key(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

fn form_open(app: &App) -> bool {
    matches!(app.modals.last(), Some(Modal::Form { .. }))
}

fn coverage_app() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    app.update(Action::GoTab(Tab::Coverage));
    (dir, app)
}

#[test]
fn the_summary_and_views_fit_without_colour() {
    let (_dir, mut app) = coverage_app();
    app.color = false;
    for view in View::ALL {
        app.coverage.switch_view(view);
        let s = screen_text(&app, 80, 24);
        assert_fits(&s);
        let summary: Vec<&str> = s.lines().skip(1).take(3).collect();
        for l in &summary {
            assert!(
                !l.ends_with(|c: char| c != ' '),
                "summary cut at 80 columns: {l:?}"
            );
        }
        assert!(s.contains("Covered: 43 of 62 locations (69.4%)"), "{s}");
    }
}

#[test]
fn as_of_any_date_with_tenures_ending_on_their_last_day() {
    let (_dir, mut app) = coverage_app();
    // Today's cohort (from 2026-03-26) serves to 2027-09-25: counted that day, gone the next.
    act(&mut app, CoverageAction::AsOf);
    assert!(form_open(&app));
    retype(&mut app, "9/25/2027");
    app.update(Action::Submit);
    assert!(!form_open(&app));
    assert_eq!(app.coverage.date.to_string(), "2027-09-25");
    assert_eq!(app.coverage.totals.active_ambassadors, 24);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("as of 2027-09-25 (t: today)"), "{s}");
    act(&mut app, CoverageAction::AsOf);
    retype(&mut app, "2027-09-26");
    app.update(Action::Submit);
    assert_eq!(app.coverage.totals.active_ambassadors, 0);
    assert!(app.coverage.totals.locations_covered < 43);
    assert!(screen_text(&app, 80, 24).contains("0 ambassadors active"));
    // A month back at a time, then back to today.
    act(&mut app, CoverageAction::MonthBack);
    assert_eq!(app.coverage.date.to_string(), "2027-08-26");
    assert_eq!(app.coverage.totals.active_ambassadors, 24);
    act(&mut app, CoverageAction::MonthForward);
    assert_eq!(app.coverage.date.to_string(), "2027-09-26");
    act(&mut app, CoverageAction::AsOfToday);
    assert_eq!(app.coverage.date, today());
    assert!(screen_text(&app, 80, 24).contains("as of today, 2026-11-25"));
    // Before the cohort started, nothing is covered.
    act(&mut app, CoverageAction::AsOf);
    retype(&mut app, "2020-01-01");
    app.update(Action::Submit);
    assert_eq!(app.coverage.totals.locations_covered, 0);
    assert!(screen_text(&app, 80, 24).contains("0 ambassadors active"));
    // A bad date keeps the form open with the reason.
    act(&mut app, CoverageAction::AsOf);
    retype(&mut app, "someday");
    app.update(Action::Submit);
    assert!(form_open(&app));
    assert!(screen_text(&app, 80, 24).contains("is not a date"));
}

/// An employee with fewer than 5 years of service on `today`, and one with more who is not an
/// ambassador yet.
fn junior_and_senior(app: &App) -> (String, String) {
    let data = &app.data;
    let five_ago = today() - chrono::Duration::days(5 * 365 + 2);
    let junior = data
        .employees
        .iter()
        .find(|e| {
            e.hire_date
                .is_some_and(|h| h > five_ago + chrono::Duration::days(30))
        })
        .expect("a junior employee");
    let senior = data
        .employees
        .iter()
        .find(|e| {
            e.hire_date
                .is_some_and(|h| h < five_ago - chrono::Duration::days(30))
                && e.location_id.is_some()
                && !data.ambassadors.iter().any(|a| a.employee_id == e.id)
        })
        .expect("a senior employee");
    (junior.employee_number.clone(), senior.employee_number.clone())
}

#[test]
fn adding_an_ambassador_checks_five_years_of_service() {
    let (_dir, mut app) = coverage_app();
    let (junior, senior) = junior_and_senior(&app);
    act(&mut app, CoverageAction::Add);
    assert!(form_open(&app));
    type_text(&mut app, &junior);
    app.update(Action::Submit);
    assert!(form_open(&app), "a junior employee must be refused");
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("5 years are required"), "{s}");
    // Every tenure since the 2023 launch is on file.
    let before = app.data.ambassadors.len();
    // The same form, another person: saved with the default 18-month tenure.
    retype(&mut app, &senior);
    app.update(Action::NextField);
    app.update(Action::NextField);
    app.update(Action::NextField);
    type_text(&mut app, "Technology Center");
    app.update(Action::NextField);
    type_text(&mut app, "West Farm; food services warehouse");
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen_text(&app, 80, 24));
    assert_eq!(app.data.ambassadors.len(), before + 1);
    let a = app.data.ambassadors.last().unwrap();
    assert_eq!(a.tenure_start, today());
    assert_eq!(a.tenure_end.to_string(), "2028-05-24");
    assert_eq!(a.locations().len(), 3);
    assert_eq!(app.coverage.totals.active_ambassadors, 25);
    assert_eq!(app.coverage.totals.locations_covered, 46);
    // The same person cannot hold two tenures at once.
    act(&mut app, CoverageAction::Add);
    type_text(&mut app, &senior);
    app.update(Action::Submit);
    assert!(form_open(&app));
    assert!(screen_text(&app, 80, 24).contains("one tenure at a time"));
    app.update(Action::Cancel);
    app.update(Action::Confirm);
    // Undo takes the new ambassador away again.
    app.update(Action::Undo);
    assert_eq!(app.coverage.totals.active_ambassadors, 24);
}

#[test]
fn editing_an_ambassador_changes_the_tenure_end_and_locations() {
    let (_dir, mut app) = coverage_app();
    app.coverage.switch_view(View::Ambassadors);
    let first = app.coverage.selected(&app.data).unwrap().clone();
    act(&mut app, CoverageAction::Edit);
    assert!(form_open(&app));
    app.update(Action::NextField);
    app.update(Action::NextField);
    retype(&mut app, "2026-11-24");
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen_text(&app, 80, 24));
    let saved = app.data.ambassadors.iter().find(|a| a.id == first.id).unwrap();
    assert_eq!(saved.tenure_end.to_string(), "2026-11-24");
    // Ended tenures drop out of coverage.
    assert_eq!(app.coverage.totals.active_ambassadors, 23);
    // An end before the start is refused, naming the field.
    act(&mut app, CoverageAction::Edit);
    app.update(Action::NextField);
    app.update(Action::NextField);
    retype(&mut app, "2020-01-01");
    app.update(Action::Submit);
    assert!(form_open(&app));
    assert!(screen_text(&app, 80, 24).contains("ends before it starts"));
    // An unknown location is named.
    app.update(Action::NextField);
    retype(&mut app, "Nowhere Elementary");
    app.update(Action::PrevField);
    retype(&mut app, "");
    app.update(Action::Submit);
    assert!(screen_text(&app, 80, 24).contains("no location has that name"));
}

#[test]
fn locations_are_added_and_edited_and_gaps_sort_biggest_first() {
    let (_dir, mut app) = coverage_app();
    app.coverage.switch_view(View::Locations);
    act(&mut app, CoverageAction::Add);
    type_text(&mut app, "Pathways Test Academy");
    app.update(Action::NextField);
    type_text(&mut app, "h");
    app.update(Action::NextField);
    retype(&mut app, "120");
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen_text(&app, 80, 24));
    let l = app.data.locations.last().unwrap().clone();
    assert_eq!(
        (l.name.as_str(), l.kind.to_string(), l.employees),
        ("Pathways Test Academy", "high school".into(), Some(120))
    );
    assert_eq!(app.coverage.totals.locations_total, 63);
    // The biggest uncovered location leads both the overview and the locations list.
    app.coverage.switch_view(View::Overview);
    let s = screen_text(&app, 80, 24);
    let first = s.lines().find(|l| l.contains('▶')).unwrap();
    assert!(first.contains("Pathways Test Academy"), "{s}");
    // Edit it: a duplicate name is refused.
    act(&mut app, CoverageAction::Edit);
    assert!(form_open(&app));
    retype(&mut app, "Einstein High School");
    app.update(Action::Submit);
    assert!(screen_text(&app, 80, 24).contains("another location already has this name"));
    retype(&mut app, "Pathways Test Academy North");
    app.update(Action::Submit);
    assert!(!form_open(&app));
    assert_eq!(
        app.data.locations.last().unwrap().name,
        "Pathways Test Academy North"
    );
    // Locations with more than one ambassador are marked.
    app.coverage.switch_view(View::Locations);
    app.set_filter("");
    let shared = app.coverage.shared;
    assert!(shared > 0);
    let s = screen_text(&app, 80, 24);
    assert!(
        s.contains(&format!("+ more than one ambassador ({shared})")),
        "{s}"
    );
}

/// A location whose size no one knows is added with the size left empty: it shows as unknown,
/// counts as a location but not in the employee figures, and the summary says so.
#[test]
fn a_location_of_unknown_size_is_shown_as_unknown_not_as_0() {
    let (_dir, mut app) = coverage_app();
    let before = app.coverage.totals.employees_total;
    app.coverage.switch_view(View::Locations);
    act(&mut app, CoverageAction::Add);
    type_text(&mut app, "Pathways Annex");
    app.update(Action::NextField);
    type_text(&mut app, "o");
    app.update(Action::NextField);
    retype(&mut app, "");
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen_text(&app, 80, 24));
    let l = app.data.locations.last().unwrap().clone();
    assert_eq!((l.name.as_str(), l.employees), ("Pathways Annex", None));
    assert_eq!(app.coverage.totals.employees_total, before);
    assert_eq!(app.coverage.totals.sizes_unknown, 1);
    let s = screen_text(&app, 100, 30);
    assert!(s.contains("1 size unknown"), "{s}");
    // A size typed wrong is refused, naming the field; a size typed later is kept.
    act(&mut app, CoverageAction::Edit);
    for _ in 0..2 {
        app.update(Action::NextField);
    }
    retype(&mut app, "many");
    app.update(Action::Submit);
    assert!(
        screen_text(&app, 80, 24).contains("a whole number of employees"),
        "{}",
        screen_text(&app, 80, 24)
    );
    retype(&mut app, "35");
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen_text(&app, 80, 24));
    assert_eq!(app.coverage.totals.employees_total, before + 35);
    assert_eq!(app.coverage.totals.sizes_unknown, 0);
}

#[test]
fn pl_sessions_are_added_and_attendance_marked_from_the_keyboard() {
    let (_dir, mut app) = coverage_app();
    app.coverage.switch_view(View::Sessions);
    act(&mut app, CoverageAction::Add);
    retype(&mut app, "2026-11-20");
    app.update(Action::NextField);
    type_text(&mut app, "Coaching Conversations");
    app.update(Action::Submit);
    // No presenter: refused, naming the field.
    assert!(form_open(&app));
    assert!(screen_text(&app, 80, 24).contains("a presenter is required"));
    // The form focuses the field in error.
    type_text(&mut app, "Career Pathways Team");
    app.update(Action::Submit);
    assert!(!form_open(&app));
    let session = app.data.ambassador_sessions.last().unwrap().clone();
    assert_eq!(session.topic, "Coaching Conversations");
    // Newest first: the new one sits below the planned December session.
    app.update(Action::Down);
    assert!(screen_text(&app, 80, 24).contains("Coaching Conversations"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.coverage.marking, Some(session.id));
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Attendance 2026-11-20 · Space marks"), "{s}");
    assert!(s.contains("[ ]"), "{s}");
    key(&mut app, KeyCode::Char(' '));
    app.update(Action::Down);
    key(&mut app, KeyCode::Char(' '));
    let marked = app.data.ambassador_sessions.last().unwrap().attendees.clone();
    assert_eq!(marked.len(), 2);
    assert!(screen_text(&app, 80, 24).contains("[x]"));
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.data.ambassador_sessions.last().unwrap().attendees.len(), 1);
    // The rate counts the session for the one present.
    let i = app
        .data
        .ambassadors
        .iter()
        .position(|a| a.id == marked[0])
        .unwrap();
    let (attended, held) = app.coverage.rates[i];
    assert!(attended >= 1 && held >= attended);
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.coverage.marking, None);
    assert!(screen_text(&app, 80, 24).contains("Monthly PL sessions"));

    // A planned session (after today) can't have anyone marked present, as leadership refuses.
    app.update(Action::Top);
    let planned = app.data.ambassador_sessions[app.coverage.selected_index().unwrap()].clone();
    assert!(planned.date > app.today, "the demo's next session is planned");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.coverage.marking, Some(planned.id));
    key(&mut app, KeyCode::Char(' '));
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("has not been held yet"), "{status}");
    let now = app
        .data
        .ambassador_sessions
        .iter()
        .find(|s| s.id == planned.id)
        .unwrap();
    assert!(now.attendees.is_empty());
}

#[test]
fn demographics_hide_small_groups_and_race_under_privacy() {
    let (_dir, mut app) = coverage_app();
    app.coverage.switch_view(View::Demographics);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("vs Student population"), "{s}");
    assert!(s.contains("<5"), "{s}");
    for r in &app.coverage.demographic_rows {
        for n in 1..5 {
            assert_ne!(r.cohort, n.to_string(), "{r:?}");
        }
    }
    // Scroll to the race rows: shown normally, hidden under the privacy screen.
    app.update(Action::Bottom);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Hispanic"), "{s}");
    let black = s
        .lines()
        .find(|l| l.contains("Black or African American"))
        .unwrap();
    // 8 of 24 (33.3%) against 35,400 of 160,260 (22.1%): 11.2 points over.
    assert!(
        black.contains("33.3%") && black.contains("22.1%") && black.contains("+11.2"),
        "{black}"
    );
    // One small group (Unknown): the next smallest (Hispanic) is withheld so the total does
    // not give it away, and no gap stands next to a hidden count.
    let unknown = s.lines().find(|l| l.contains("Unknown")).unwrap();
    assert!(unknown.contains("<5") && !unknown.contains("pts"), "{unknown}");
    let hispanic = s.lines().find(|l| l.contains("Hispanic")).unwrap();
    assert!(
        hispanic.contains(" * ") && !hispanic.contains('+') && !hispanic.contains("-"),
        "{hispanic}"
    );
    app.update(Action::TogglePrivacy);
    let s = screen_text(&app, 80, 24);
    let hispanic = s.lines().find(|l| l.contains("Hispanic")).unwrap();
    assert!(!hispanic.contains('%'), "{hispanic}");
    assert!(hispanic.contains("••••"), "{hispanic}");
    let black = s
        .lines()
        .find(|l| l.contains("Black or African American"))
        .unwrap();
    assert!(!black.contains("+11.2") && !black.contains('%'), "{black}");
    app.update(Action::TogglePrivacy);
    // Enter the chapter counts of a new reference population.
    app.update(Action::Top);
    act(&mut app, CoverageAction::Add);
    assert!(form_open(&app));
    assert!(screen_text(&app, 80, 24).contains("people by chapter"));
    type_text(&mut app, "All support staff");
    app.update(Action::NextField);
    retype(&mut app, "1200");
    app.update(Action::NextField);
    retype(&mut app, "3");
    app.update(Action::NextField);
    retype(&mut app, "800");
    app.update(Action::Submit);
    assert!(!form_open(&app), "{}", screen_text(&app, 80, 24));
    let r = app.data.reference_populations.last().unwrap();
    assert_eq!(r.name, "All support staff");
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("vs All support staff"), "{s}");
    assert!(s.contains("1200"), "{s}");
    let fiscal = s.lines().find(|l| l.contains("Fiscal")).unwrap();
    assert!(fiscal.contains("<5") && !fiscal.contains(" 3 "), "{fiscal}");
    // With one small group, the next smallest is withheld so the total does not give it away.
    let food = s.lines().find(|l| l.contains("Food Services")).unwrap();
    assert!(food.contains(" * ") && !food.contains("800"), "{food}");
    // r goes back to the student population.
    act(&mut app, CoverageAction::NextReference);
    assert!(screen_text(&app, 80, 24).contains("vs Student population"));
}

#[test]
fn search_opens_a_location_in_the_locations_view_and_copy_works_in_every_view() {
    let (_dir, mut app) = coverage_app();
    app.update(Action::GlobalSearch);
    type_text(&mut app, "eastern middle");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, Tab::Coverage);
    assert_eq!(app.coverage.view(), View::Locations);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Location: Eastern Middle School"), "{s}");
    // Enter on a gap in the overview opens it in the locations list.
    app.set_filter("");
    app.coverage.switch_view(View::Overview);
    app.update(Action::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.coverage.view(), View::Locations);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Location: Food Services Warehouse"), "{s}");
    for view in View::ALL {
        app.set_filter("");
        app.coverage.switch_view(view);
        app.update(Action::Copy);
        assert!(app.clipboard.take().is_some(), "nothing copied in {view:?}");
    }
    // Under the privacy screen the copied ambassador is initials only.
    app.coverage.switch_view(View::Ambassadors);
    let a = app.coverage.selected(&app.data).unwrap().clone();
    let name = app.data.employee_name(a.employee_id);
    app.update(Action::TogglePrivacy);
    app.update(Action::Copy);
    let copied = app.clipboard.take().unwrap();
    assert!(!copied.contains(&name), "{copied}");
}

#[test]
fn the_privacy_screen_masks_names_in_every_view() {
    let (_dir, mut app) = coverage_app();
    let names: Vec<String> = app
        .data
        .ambassadors
        .iter()
        .map(|a| app.data.employee_name(a.employee_id))
        .collect();
    app.update(Action::TogglePrivacy);
    let mut screens = Vec::new();
    for view in View::ALL {
        app.coverage.switch_view(view);
        screens.push(screen_text(&app, 80, 24));
        for _ in 0..3 {
            app.update(Action::Down);
            screens.push(screen_text(&app, 80, 24));
        }
    }
    app.coverage.switch_view(View::Sessions);
    app.update(Action::Down);
    act(&mut app, CoverageAction::Attendance);
    assert!(app.coverage.marking.is_some());
    screens.push(screen_text(&app, 80, 24));
    key(&mut app, KeyCode::Char(' '));
    screens.push(screen_text(&app, 80, 24));
    for s in &screens {
        for n in &names {
            assert!(
                !s.contains(n.as_str()),
                "{n} visible under the privacy screen:\n{s}"
            );
        }
    }
}

#[test]
fn help_lists_the_coverage_keys() {
    let (_dir, mut app) = coverage_app();
    app.update(Action::Help);
    let s = screen_text(&app, 80, 24);
    for help in [
        "coverage as of a date",
        "next view (also ←/→)",
        "add to the current view",
        "open / mark attendance",
    ] {
        assert!(s.contains(help), "{help}: {s}");
    }
}

#[test]
fn small_terminals_keep_the_summary_and_the_gaps() {
    let (_dir, mut app) = coverage_app();
    for (w, h) in [(60, 15), (80, 15), (60, 24), (120, 40), (200, 50)] {
        for view in View::ALL {
            app.coverage.switch_view(view);
            let s = screen_text(&app, w, h);
            let top: Vec<&str> = s.lines().skip(1).take(3).collect();
            for l in &top {
                assert!(l.ends_with(' '), "{w}x{h} {view:?}: cut line {l:?}\n{s}");
            }
            assert!(s.contains("24 ambassadors active"), "{w}x{h}:\n{s}");
            if view == View::Overview {
                assert!(s.contains("Uncovered, biggest first"), "{w}x{h}:\n{s}");
                assert!(s.contains("Technology Center"), "{w}x{h}:\n{s}");
            }
        }
    }
    // Tiny sizes get the shell's message, never a panic.
    for (w, h) in [(1, 1), (20, 5), (59, 24)] {
        screen_text(&app, w, h);
    }
}

#[test]
fn deleting_asks_first_and_refuses_what_is_still_named() {
    let (_dir, mut app) = coverage_app();
    // A location that employees work at cannot go.
    app.coverage.switch_view(View::Locations);
    act(&mut app, CoverageAction::Delete);
    assert!(app.modals.is_empty());
    assert!(
        app.status.as_deref().unwrap().starts_with("cannot delete"),
        "{:?}",
        app.status
    );
    // An ambassador goes with their attendance marks, after a yes.
    app.coverage.switch_view(View::Ambassadors);
    let a = app.coverage.selected(&app.data).unwrap().clone();
    let marks = |app: &App| {
        app.data
            .ambassador_sessions
            .iter()
            .filter(|s| s.attendees.contains(&a.id))
            .count()
    };
    assert!(marks(&app) > 0);
    let before = app.data.ambassadors.len();
    act(&mut app, CoverageAction::Delete);
    assert!(matches!(app.modals.last(), Some(Modal::Confirm { .. })));
    app.update(Action::Cancel);
    assert_eq!(app.data.ambassadors.len(), before);
    act(&mut app, CoverageAction::Delete);
    app.update(Action::Confirm);
    assert_eq!(app.data.ambassadors.len(), before - 1);
    assert_eq!(marks(&app), 0);
    assert_eq!(app.coverage.totals.active_ambassadors, 23);
    // One undo restores both.
    app.update(Action::Undo);
    assert_eq!(app.data.ambassadors.len(), before);
    assert!(marks(&app) > 0);
    // Moving a tenure's start checks the 5 years again on the new start.
    let hired = app.data.employee(a.employee_id).unwrap().hire_date.unwrap();
    app.coverage.switch_view(View::Ambassadors);
    let row = app
        .coverage
        .rows(View::Ambassadors)
        .visible
        .iter()
        .position(|&i| app.data.ambassadors[i].id == a.id)
        .unwrap();
    app.coverage.select_row(row);
    act(&mut app, CoverageAction::Edit);
    app.update(Action::NextField);
    retype(&mut app, &(hired + chrono::Duration::days(365)).to_string());
    app.update(Action::NextField);
    retype(&mut app, "");
    app.update(Action::Submit);
    assert!(form_open(&app));
    assert!(screen_text(&app, 80, 24).contains("5 years are required"));
}
