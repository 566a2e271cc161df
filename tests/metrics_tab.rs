//! The monthly metrics tab drawn into a real 80x24 frame, without colour, driven by its actions.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use common::*;
use pathways_tui::action::Action;
use pathways_tui::app::{App, Tab};
use pathways_tui::tabs::metrics::{MetricsAction, View};

fn metrics_app() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    app.color = false;
    app.update(Action::GoTab(Tab::Metrics));
    (dir, app)
}

fn act(app: &mut App, a: MetricsAction) {
    app.update(Action::Metrics(a));
}

/// Every line fits in 80 columns and the screen is 24 lines.
fn assert_fits(lines: &[String]) {
    assert_eq!(lines.len(), 24);
    for l in lines {
        assert!(l.chars().count() <= 80, "too wide: {l:?}");
    }
}

#[test]
fn table_shows_every_metric_with_the_previous_year_at_80x24() {
    let (_dir, app) = metrics_app();
    let lines = screen(&app, 80, 24);
    let s = lines.join("\n");
    println!("{s}");
    assert_fits(&lines);
    assert!(s.contains("FY27 by fiscal month"), "{s}");
    for label in [
        "Intakes received",
        "New relationships",
        "Consultations held",
        "PL attendance",
        "PL sessions held",
        "Pop-up events",
        "Became teachers",
        "Mentoring pairs",
        "Mentor logs in",
        "Mentor logs due",
        "Ambassadors active",
        "Employees covered",
        "Leadership attend%",
    ] {
        assert!(s.contains(label), "missing {label}:\n{s}");
    }
    // The selected month is marked by a character, and the previous year sits under the
    // selected metric.
    assert!(s.contains("▸Nov"), "{s}");
    assert!(s.contains("FY26 same month"), "{s}");
    // The detail lines compare the month and the year to date with a year before.
    assert!(s.contains("Nov 2026:"), "{s}");
    assert!(s.contains("Nov 2025:"), "{s}");
    assert!(s.contains("FY27 to date (Jul–Nov)"), "{s}");
    // Months not begun show a dot, not a zero.
    assert!(s.contains("·"), "{s}");
}

#[test]
fn the_fiscal_year_moves_with_keys_and_comes_back() {
    let (_dir, mut app) = metrics_app();
    act(&mut app, MetricsAction::PreviousYear);
    assert_eq!(app.metrics.year.0, 2026);
    assert_eq!(app.metrics.month, 11, "a past year opens on June");
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("FY26 by fiscal month"), "{s}");
    assert!(s.contains("▸Jun"), "{s}");
    act(&mut app, MetricsAction::PreviousYear);
    act(&mut app, MetricsAction::PreviousYear);
    // FY24 has no records: nothing to compare, and no crash.
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("FY24 by fiscal month"), "{s}");
    act(&mut app, MetricsAction::CurrentYear);
    assert_eq!(app.metrics.year.0, 2027);
    assert_eq!(app.metrics.month, 4, "the current year opens on this month");
    // ← and → move the month; the window of months follows.
    for _ in 0..12 {
        app.update(Action::Right);
    }
    assert_eq!(app.metrics.month, 11);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("▸Jun"), "{s}");
    assert!(s.contains("Jun 2027: not begun"), "{s}");
}

#[test]
fn charts_read_without_colour_at_80x24() {
    let (_dir, mut app) = metrics_app();
    act(&mut app, MetricsAction::PreviousYear);
    act(&mut app, MetricsAction::ShowCharts);
    assert_eq!(app.metrics.view, View::Charts);
    let lines = screen(&app, 80, 24);
    let s = lines.join("\n");
    println!("{s}");
    assert_fits(&lines);
    assert!(s.contains("New client relationships per month, FY26"), "{s}");
    assert!(s.contains("PL attendance (people) per month, FY26"), "{s}");
    // Every month is named, and each bar's number is written out on the FY26 line.
    let report = &app.metrics.report;
    let row = report.row(pathways_core::metrics::Metric::NewRelationships);
    let expected: Vec<u64> = row.this.months.iter().map(|f| f.count).collect();
    assert_eq!(chart_values(&lines, "FY26 "), expected);
    // Wider terminals get wider bars, the numbers still over them.
    let wide = screen(&app, 160, 40);
    assert_eq!(chart_values(&wide, "FY26 "), expected, "{}", wide.join("\n"));
    // The smallest terminal pathways accepts still gets its chart.
    let small = screen(&app, 60, 15);
    assert_eq!(chart_values(&small, "FY26 "), expected, "{}", small.join("\n"));
    for name in ["Jul", "Aug", "Dec", "Jan", "May", "Jun"] {
        assert!(s.contains(name), "{name}:\n{s}");
    }
    // The previous year's line is there too (FY25).
    assert!(s.contains("FY25 "), "{s}");
    // Bars are drawn with block characters, readable without colour.
    assert!(s.contains('█'), "{s}");
}

/// The numbers on the first chart's line starting with `name`.
fn chart_values(lines: &[String], name: &str) -> Vec<u64> {
    let line = lines
        .iter()
        .find(|l| l.trim_start_matches('│').starts_with(name))
        .expect("a line of values");
    line.split_whitespace()
        .filter_map(|w| w.trim_matches('│').parse().ok())
        .collect()
}

#[test]
fn breakdowns_by_chapter_race_and_location_type() {
    let (_dir, mut app) = metrics_app();
    act(&mut app, MetricsAction::Breakdown);
    let s = screen_text(&app, 80, 24);
    println!("{s}");
    assert!(s.contains("Intakes received by chapter, FY27"), "{s}");
    assert!(s.contains("N/A"), "{s}");
    assert!(s.contains("All"), "{s}");
    // The selected group is compared with itself a year before.
    app.update(Action::Down);
    let s = screen_text(&app, 80, 24);
    let second = &app.metrics.report.group_labels[0][1];
    assert!(s.contains(&format!("{second}: ")), "{s}");
    assert!(s.contains("of the year to date · b: by race"), "{s}");
    assert!(s.contains("Nov 2025:"), "{s}");
    act(&mut app, MetricsAction::Breakdown);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("by race"), "{s}");
    assert!(s.contains("Black or African Am…"), "{s}");
    // Race is hidden under the privacy screen.
    app.update(Action::TogglePrivacy);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Hidden by the privacy screen"), "{s}");
    assert!(!s.contains("Black or African"), "{s}");
    app.update(Action::TogglePrivacy);
    act(&mut app, MetricsAction::Breakdown);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("by location type"), "{s}");
    assert!(s.contains("elementary school"), "{s}");
    // Pick another metric with n: pop-up events split by location type only.
    for _ in 0..6 {
        act(&mut app, MetricsAction::NextMetric);
    }
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Pop-up events by location type"), "{s}");
    act(&mut app, MetricsAction::Breakdown);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("have no chapter"), "{s}");
    act(&mut app, MetricsAction::ShowTable);
    assert!(screen_text(&app, 80, 24).contains("by fiscal month"));
    // Esc backs out of charts and breakdowns too.
    act(&mut app, MetricsAction::ShowCharts);
    app.update(Action::Back);
    assert_eq!(app.metrics.view, View::Table);
}

#[test]
fn breakdowns_show_small_groups_by_the_one_rule() {
    use pathways_core::metrics::{Breakdown, Dimension, Metric, Total};
    let (_dir, mut app) = metrics_app();
    act(&mut app, MetricsAction::Breakdown);
    act(&mut app, MetricsAction::Breakdown);
    // Wide enough for all twelve months and every group.
    let lines = screen(&app, 140, 40);
    let s = lines.join("\n");
    println!("{s}");
    assert!(s.contains("Intakes received by race"), "{s}");
    let b = Breakdown::of(&app.metrics.report, Metric::Intakes, Dimension::Race).unwrap();
    let mut small = 0;
    for g in &b.groups {
        // Long labels are cut to the label column; the cells are the last tokens of the line.
        let start: String = g.label.chars().take(20).collect();
        let line = lines
            .iter()
            .find(|l| l.trim_start_matches(['│', ' ', '▶']).starts_with(&start))
            .unwrap_or_else(|| panic!("no line for {}:\n{s}", g.label));
        let tokens: Vec<&str> = line.trim_matches(['│', ' ']).split_whitespace().collect();
        let last = tokens[tokens.len() - 1];
        let after = if last.ends_with('%') || last == "—" {
            2
        } else {
            1
        };
        let cells = &tokens[tokens.len() - after - 12..tokens.len() - after];
        for (i, month) in g.months.iter().enumerate() {
            let want = if app.metrics.report.has_begun(i) {
                month.text(Total::Sum)
            } else {
                "·".to_string()
            };
            assert_eq!(cells[i], want, "{} month {i}: {line}", g.label);
            if (1..5).contains(&month.figure.count) {
                assert_eq!(cells[i], "<5", "{line}");
                small += 1;
            }
        }
        // No count of 1 to 4 is on the group's line, whatever column it is in.
        assert!(!cells.iter().any(|c| ["1", "2", "3", "4"].contains(c)), "{line}");
    }
    assert!(small > 0, "the demo has small groups by race:\n{s}");
}

#[test]
fn filter_and_copy_work_on_metric_rows() {
    let (_dir, mut app) = metrics_app();
    app.set_filter("mentor logs");
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("Mentor logs"), "{s}");
    assert!(!s.contains("Intakes received"), "{s}");
    app.update(Action::Copy);
    let copied = app.clipboard.clone().unwrap_or_default();
    assert!(copied.starts_with("FY27 Mentor logs"), "{copied}");
}

#[test]
fn the_table_is_counted_once_per_load_not_per_frame() {
    let (_dir, mut app) = metrics_app();
    let before = app.metrics.report.clone();
    // Moving around changes no figure and needs no recount.
    app.update(Action::Down);
    app.update(Action::Left);
    act(&mut app, MetricsAction::ShowCharts);
    assert_eq!(app.metrics.report, before);
}

#[test]
fn a_hundred_thousand_records_count_in_one_pass_per_kind() {
    let mut data = pathways_core::demo::build(today());
    // Grow the demo to about 100k records: intakes, consultations and PL attendance dominate.
    let (intakes, consultations, attendance) = (
        data.intakes.clone(),
        data.consultations.clone(),
        data.pl_attendance.clone(),
    );
    let mut k = 1;
    while data.record_count() < 100_000 {
        for mut i in intakes.iter().cloned() {
            i.id += 1_000_000 * k;
            data.intakes.push(i);
        }
        for mut c in consultations.iter().cloned() {
            c.id += 1_000_000 * k;
            c.intake_id += 1_000_000 * k;
            data.consultations.push(c);
        }
        for mut a in attendance.iter().cloned() {
            a.id += 1_000_000 * k;
            data.pl_attendance.push(a);
        }
        k += 1;
    }
    data.reindex();
    let start = std::time::Instant::now();
    let report =
        pathways_core::metrics::monthly_as_of(&data, pathways_core::domain::FiscalYear(2026), today());
    let took = start.elapsed();
    println!("{} records counted in {took:?}", data.record_count());
    assert_eq!(report.elapsed, 12);
    // Speed is measured by `cargo bench` (benches/pathways.rs), never asserted in a test.
}

#[test]
fn help_lists_the_metrics_keys_at_80x24() {
    let (_dir, mut app) = metrics_app();
    app.update(Action::Help);
    let s = screen_text(&app, 80, 24);
    println!("{s}");
    for text in [
        "previous fiscal year",
        "next fiscal year",
        "charts per month",
        "breakdown; again: next",
    ] {
        assert!(s.contains(text), "{text}:\n{s}");
    }
}
