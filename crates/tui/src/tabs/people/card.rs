//! The person card: every fact of the employee record (unknown shown as unknown) beside the
//! person's whole story in the program. Personal values go through the privacy screen: names
//! as initials; email, race, PAR, retirement and notes hidden.

use super::Card;
use super::render::or_unknown;
use crate::tab::Ctx;
use crate::theme::Theme;
use crate::widgets::block;
use pathways_core::domain::*;
use pathways_core::privacy::Sensitive;
use pathways_core::story::{Eligibility, PairStory, Story};
use pathways_core::text::fill;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// From this body width on, the facts and the story stand side by side.
const SIDE_BY_SIDE: u16 = 76;

pub(super) fn render(card: &Card, frame: &mut Frame, area: Rect, cx: &Ctx, theme: &Theme) {
    let Some(e) = cx.data.employee(card.person) else {
        return;
    };
    let title = format!(" {} · Esc back ", cx.person(e.id));
    let facts = fact_lines(e, cx, theme);
    let story = story_lines(&card.story, cx, theme);
    if area.width >= SIDE_BY_SIDE {
        // As wide as the longest fact needs, up to half the screen (an email wraps beyond).
        let needed = facts.iter().map(Line::width).max().unwrap_or(0) as u16 + 2;
        let width = needed.clamp(40, (area.width / 2).max(40));
        let [left, right] = Layout::horizontal([Constraint::Length(width), Constraint::Min(20)]).areas(area);
        frame.render_widget(
            Paragraph::new(facts)
                .block(block(title, theme))
                .wrap(Wrap { trim: false }),
            left,
        );
        scrolled(frame, right, " Story ", story, card, theme);
    } else {
        let mut lines = facts;
        lines.push(Line::raw(""));
        lines.extend(story);
        scrolled(frame, area, &title, lines, card, theme);
    }
}

/// A pane that scrolls with ↑/↓ (PgUp/PgDn), saying when there is more.
fn scrolled(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, card: &Card, theme: &Theme) {
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(area.width.saturating_sub(2)) as u16;
    let room = total.saturating_sub(area.height.saturating_sub(2));
    card.room.set(room);
    let top = card.scroll.min(room);
    let more = match (top > 0, top < room) {
        (false, true) => " · ↓ more",
        (true, true) => " · ↑↓ more",
        (true, false) => " · ↑ more",
        (false, false) => "",
    };
    frame.render_widget(
        paragraph
            .block(block(format!("{}{more}", title.trim_end()), theme))
            .scroll((top, 0)),
        area,
    );
}

fn label<'a>(name: &str, value: impl Into<String>, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(fill(name, 12), theme.muted),
        Span::raw(value.into()),
    ])
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| UNKNOWN.to_string(), |d| d.to_string())
}

/// Every fact of the employee record.
fn fact_lines<'a>(e: &Employee, cx: &Ctx, theme: &Theme) -> Vec<Line<'a>> {
    let data = cx.data;
    let hire = match (e.hire_date, e.years_of_service(cx.today)) {
        (Some(h), Some(y)) => format!("{h} ({})", pathways_core::text::count(y as usize, "year")),
        _ => UNKNOWN.to_string(),
    };
    let supervisor = e.supervisor_id.map_or_else(
        || "none".to_string(),
        |s| match data.employee(s) {
            Some(sup) => format!("{} {}", sup.employee_number, cx.person(s))
                .trim()
                .to_string(),
            None => format!("record #{s} (not found)"),
        },
    );
    let location = e.location_id.map_or_else(
        || UNKNOWN.to_string(),
        |l| data.location_name(Some(l)).to_string(),
    );
    vec![
        label("name", cx.person(e.id), theme),
        label("employee id", or_unknown(&e.employee_number), theme),
        label(
            "work email",
            cx.shown(Sensitive::Email, &or_unknown(&e.email)),
            theme,
        ),
        label("position", or_unknown(&e.position), theme),
        label("location", location, theme),
        label("chapter", e.chapter_label().to_string(), theme),
        label("race", cx.shown(Sensitive::Race, &race_label(e.race)), theme),
        label("hire date", hire, theme),
        label("in position", date(e.position_start), theme),
        label("status", e.status_label(), theme),
        label(
            "PAR/special",
            cx.shown(Sensitive::Evaluation, e.evaluation_label()),
            theme,
        ),
        label("supervisor", supervisor, theme),
        label(
            "retirement",
            cx.shown(
                Sensitive::Retirement,
                &e.retirement_date
                    .map_or_else(|| "none planned".to_string(), |d| d.to_string()),
            ),
            theme,
        ),
        label("record", format!("#{}", e.id), theme),
    ]
}

/// Race as shown: unknown in the same word as every other unknown.
pub(super) fn race_label(r: Race) -> String {
    if r == Race::Unknown {
        UNKNOWN.to_string()
    } else {
        r.label().to_string()
    }
}

fn heading<'a>(name: &str, n: usize, theme: &Theme) -> Line<'a> {
    if n == 0 {
        Line::from(vec![
            Span::styled(name.to_string(), theme.header),
            Span::styled(": none", theme.muted),
        ])
    } else {
        Line::styled(format!("{name} ({n})"), theme.header)
    }
}

fn item<'a>(text: String) -> Line<'a> {
    Line::raw(format!(" {text}"))
}

fn sub<'a>(text: String, theme: &Theme) -> Line<'a> {
    Line::styled(format!("   {text}"), theme.muted)
}

fn pair_line(p: &PairStory, role: &str, cx: &Ctx) -> String {
    let who = p.with.map_or_else(|| "unknown".to_string(), |w| cx.person(w));
    let end = match (p.pair.ended, p.running) {
        (Some(e), _) => format!(
            "ended {e}{}",
            p.pair
                .end_reason
                .map(|r| format!(" ({})", r.label()))
                .unwrap_or_default()
        ),
        (None, true) => format!("running, ends by {}", p.pair.expires()),
        (None, false) => "not started".to_string(),
    };
    format!(
        "{role} {who} · signed {} · {end} · {}",
        p.pair.started,
        pathways_core::text::count(p.logs, "log")
    )
}

/// Today's rules by role: "yes", or each rule not met (what to fill in, when a fact is unknown).
/// Under the privacy screen the mentee verdict is hidden whole: it rests on PAR, and even a
/// "yes" would tell it.
fn eligibility_lines<'a>(e: &Eligibility, cx: &Ctx, theme: &Theme) -> Vec<Line<'a>> {
    let mut out = vec![Line::styled("Eligible today", theme.header)];
    let mentee: Vec<String> = e.mentee.iter().map(|r| r.text.clone()).collect();
    let roles = [
        ("as a mentor", e.mentor.clone()),
        ("as a mentee", mentee),
        ("as an ambassador", e.ambassador.iter().cloned().collect()),
    ];
    for (role, problems) in roles {
        if role == "as a mentee" && cx.mask().hides(Sensitive::Evaluation) {
            out.push(item(format!("{role}: {}", cx.shown(Sensitive::Evaluation, "-"))));
        } else if problems.is_empty() {
            out.push(item(format!("{role}: yes")));
        } else {
            out.push(Line::from(vec![
                Span::raw(format!(" {role}: ")),
                Span::styled("no", theme.warning),
            ]));
            out.extend(problems.into_iter().map(|p| sub(p, theme)));
        }
    }
    out
}

/// The person's story, part by part, newest first within each.
fn story_lines<'a>(s: &Story, cx: &Ctx, theme: &Theme) -> Vec<Line<'a>> {
    let data = cx.data;
    let mut out = eligibility_lines(&s.eligibility, cx, theme);
    out.push(heading("Intakes", s.intakes.len(), theme));
    for i in &s.intakes {
        let it = &i.intake;
        let owner = if it.owner.trim().is_empty() {
            "no owner".to_string()
        } else {
            format!("owner {}", it.owner)
        };
        let mut status = it.status.label().to_string();
        if let Some(r) = it.close_reason {
            status.push_str(&format!(" ({})", r.label()));
        }
        out.push(item(format!(
            "{} {status} · {} · {owner}",
            it.received,
            it.services_label()
        )));
        let steps: Vec<String> = it
            .history
            .iter()
            .map(|c| format!("{} {}", c.status.label(), c.date))
            .collect();
        if !steps.is_empty() {
            out.push(sub(steps.join(" → "), theme));
        }
        if !it.notes.trim().is_empty() {
            out.push(sub(
                format!("notes: {}", cx.shown(Sensitive::Note, &it.notes)),
                theme,
            ));
        }
        for c in &i.consultations {
            out.push(sub(
                format!(
                    "consultation {} · {} min · {}",
                    c.date,
                    c.minutes,
                    c.services
                        .iter()
                        .map(|s| s.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                theme,
            ));
        }
    }
    out.push(heading("Mentor", s.as_mentor.len(), theme));
    for m in &s.as_mentor {
        let state = if m.mentor.active { "active" } else { "inactive" };
        out.push(item(format!(
            "mentor since {} · {state}{}",
            m.mentor.joined,
            if m.mentor.expertise.trim().is_empty() {
                String::new()
            } else {
                format!(" · {}", m.mentor.expertise)
            }
        )));
        for p in &m.pairs {
            out.push(sub(pair_line(p, "mentee", cx), theme));
        }
    }
    out.push(heading("Mentee", s.as_mentee.len(), theme));
    for p in &s.as_mentee {
        out.push(item(pair_line(p, "mentor", cx)));
    }
    out.push(heading("Ambassador", s.tenures.len(), theme));
    for t in &s.tenures {
        let a = &t.tenure;
        let others = a
            .supported_locations
            .iter()
            .filter(|l| **l != a.primary_location)
            .count();
        let sites = if others == 0 {
            String::new()
        } else {
            format!(" (+{})", pathways_core::text::count(others, "site"))
        };
        out.push(item(format!(
            "{} to {} · {} · {}{sites} · PL {} of {}",
            a.tenure_start,
            a.tenure_end,
            t.state,
            data.location_name(Some(a.primary_location)),
            t.sessions_attended,
            t.sessions_held
        )));
    }
    out.push(heading("Leadership cohorts", s.cohorts.len(), theme));
    for c in &s.cohorts {
        let completion = match c.completion {
            CompletionStatus::Completed => "met the completion rule",
            CompletionStatus::OnTrack => "on track",
            CompletionStatus::CannotComplete => "can no longer complete",
        };
        out.push(item(format!(
            "{} · {} · role {} · {completion}",
            c.fiscal_year
                .map_or_else(|| "cohort".to_string(), |f| f.short_label()),
            c.place.status.label(),
            or_unknown(&c.place.role)
        )));
        out.push(sub(
            format!(
                "present {}, absent {}, excused {} of {}",
                c.present,
                c.absent,
                c.excused,
                pathways_core::text::count(c.sessions, "session")
            ),
            theme,
        ));
    }
    out.push(heading("PL attendance", s.pl.len(), theme));
    for p in &s.pl {
        out.push(item(format!("{} {}", date(p.date), p.offering)));
    }
    out.push(heading(
        "Hired as a teacher",
        usize::from(s.teacher.is_some()),
        theme,
    ));
    if let Some(t) = &s.teacher {
        let or_unknown = |v: &str| {
            if v.is_empty() {
                "unknown".to_string()
            } else {
                v.to_string()
            }
        };
        out.push(item(format!(
            "{} · school year {} · {}",
            t.hired,
            or_unknown(&t.school_year),
            if t.partner_program.is_empty() {
                "partner program unknown".to_string()
            } else {
                t.partner_program.clone()
            }
        )));
    }
    out.push(heading("Waitlist", s.waitlist.len(), theme));
    for w in &s.waitlist {
        let note = if w.note.trim().is_empty() {
            String::new()
        } else {
            format!(" · {}", cx.shown(Sensitive::Note, &w.note))
        };
        out.push(item(format!("joined {}{note}", w.joined)));
    }
    if !s.supervises.is_empty() {
        out.push(Line::styled(
            format!("Supervises ({})", s.supervises.len()),
            theme.header,
        ));
        const SHOWN: usize = 12;
        let mut names: Vec<String> = s.supervises.iter().take(SHOWN).map(|&id| cx.person(id)).collect();
        if s.supervises.len() > SHOWN {
            names.push(format!("and {} more", s.supervises.len() - SHOWN));
        }
        out.push(item(names.join(", ")));
    }
    out
}
