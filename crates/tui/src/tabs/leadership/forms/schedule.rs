//! Forms for the cohort and its schedule: a new cohort, sessions (add, edit, reschedule, remove)
//! and the completion rule.

use super::*;

pub(in crate::tabs::leadership) fn open_new_cohort(tab: &LeadershipTab, cx: &Ctx) -> Fx {
    let current = FiscalYear::of(cx.today).0;
    let suggested = tab
        .years
        .iter()
        .copied()
        .max()
        .map(|y| (y + 1).max(current))
        .unwrap_or(current);
    let mut copy = vec!["none".to_string()];
    copy.extend(tab.years.iter().rev().map(|y| FiscalYear(*y).short_label()));
    let form = Form::new(
        "New leadership cohort",
        vec![
            Field::number("Fiscal year", suggested),
            Field::number("Minimum sessions", CompletionRule::default().min_sessions),
            yes_no("Final required", true),
            Field::choice("Copy schedule", copy.clone(), copy.get(1).map_or("none", |s| s)),
        ],
    );
    open(form, LeadershipForm::NewCohort)
}

pub(in crate::tabs::leadership) fn open_add_session(tab: &LeadershipTab) -> Fx {
    let cohort = match cohort(tab) {
        Ok(c) => c,
        Err(fx) => return fx,
    };
    let s = &tab.summary.sessions;
    let last = s.last();
    let number = s.iter().map(|x| x.number).max().unwrap_or(0) + 1;
    let form = Form::new(
        format!(
            "New session, {} cohort",
            FiscalYear(cohort.fiscal_year).short_label()
        ),
        vec![
            Field::number("Number", number),
            Field::date("Date", None),
            Field::text("Start", last.map_or("08:00".into(), |l| hm(l.start))),
            Field::text("End", last.map_or("16:00".into(), |l| hm(l.end))),
            Field::text("Location", last.map(|l| l.location.clone()).unwrap_or_default()),
            Field::text("Room", last.map(|l| l.room.clone()).unwrap_or_default()),
            Field::text("Topic", ""),
            Field::text(
                "Facilitator",
                last.map(|l| l.facilitator.clone()).unwrap_or_default(),
            ),
        ],
    );
    open(form, LeadershipForm::AddSession(cohort))
}

pub(in crate::tabs::leadership) fn open_edit_session(tab: &LeadershipTab, reschedule: bool) -> Fx {
    let Some(s) = tab.selected_session().cloned() else {
        return say("no session selected");
    };
    let mut fields = vec![
        Field::date("Date", Some(s.date)),
        Field::text("Start", hm(s.start)),
        Field::text("End", hm(s.end)),
        Field::text("Location", s.location.clone()),
        Field::text("Room", s.room.clone()),
    ];
    let (title, purpose) = if reschedule {
        (
            format!("Reschedule session {} · {}", s.number, s.topic),
            LeadershipForm::Reschedule(s.clone()),
        )
    } else {
        fields.insert(0, Field::number("Number", s.number));
        fields.push(Field::text("Topic", s.topic.clone()));
        fields.push(Field::text("Facilitator", s.facilitator.clone()));
        (
            format!("Edit session {}", s.number),
            LeadershipForm::EditSession(s.clone()),
        )
    };
    open(Form::new(title, fields), purpose)
}

pub(in crate::tabs::leadership) fn open_rule(tab: &LeadershipTab) -> Fx {
    let cohort = match cohort(tab) {
        Ok(c) => c,
        Err(fx) => return fx,
    };
    let form = Form::new(
        format!(
            "Completion rule, {} cohort ({})",
            FiscalYear(cohort.fiscal_year).short_label(),
            pathways_core::text::count(tab.summary.sessions.len(), "session")
        ),
        vec![
            Field::number("Minimum sessions", cohort.rule.min_sessions),
            yes_no("Final required", cohort.rule.require_final),
        ],
    );
    open(form, LeadershipForm::Rule(cohort))
}

pub(in crate::tabs::leadership) fn ask_remove_session(tab: &LeadershipTab, cx: &Ctx) -> Fx {
    let Some(s) = tab.selected_session().cloned() else {
        return say("no session selected");
    };
    let marks = cx.data.attendance.iter().filter(|m| m.session_id == s.id).count();
    vec![Effect::Ask(
        format!(
            "Remove session {} ({}, {}) and its {marks} attendance marks?",
            s.number, s.date, s.topic
        ),
        LeadershipConfirm::RemoveSession(s),
    )]
}

pub(super) fn submit_add_session(cx: &Ctx, cohort: &Cohort, form: &mut Form) -> Fx {
    let session = LeadershipSession {
        id: 0,
        cohort_id: cohort.id,
        number: 0,
        date: NaiveDate::MIN,
        start: NaiveTime::MIN,
        end: NaiveTime::MIN,
        location: String::new(),
        room: String::new(),
        topic: String::new(),
        facilitator: String::new(),
    };
    save_session(cx, cohort.clone(), None, session, form)
}

pub(super) fn submit_edit_session(cx: &Ctx, s: &LeadershipSession, form: &mut Form) -> Fx {
    let Some(cohort) = cx.data.cohorts.iter().find(|c| c.id == s.cohort_id).cloned() else {
        form.set_error("", "this session's cohort no longer exists");
        return vec![];
    };
    save_session(cx, cohort, Some(s.clone()), s.clone(), form)
}

pub(super) fn submit_rule(cx: &Ctx, cohort: &Cohort, form: &mut Form) -> Fx {
    let Some(min) = read_number(form, "Minimum sessions", 99) else {
        return vec![];
    };
    let rule = CompletionRule {
        min_sessions: min as u8,
        require_final: form.value("Final required") == YES,
    };
    let count = cx
        .data
        .sessions
        .iter()
        .filter(|s| s.cohort_id == cohort.id)
        .count();
    if let Err(e) = rule.validate(count) {
        put_error(form, &e);
        return vec![];
    }
    let updated = Cohort {
        rule,
        ..cohort.clone()
    };
    let done = format!("completion rule: {}", rule.describe());
    // Compared with the cohort as the form opened: a change saved meanwhile is not overwritten.
    let cohort = cohort.clone();
    vec![Effect::Save(Save::new(done, move |w| {
        w.update(&cohort, &updated)
    }))]
}

pub(super) fn submit_new_cohort(cx: &Ctx, form: &mut Form) -> Fx {
    let Some(year) = parse_year(form.value("Fiscal year")) else {
        form.set_error(
            "Fiscal year",
            "a fiscal year such as 2028 (FY28 runs July 2027 to June 2028)",
        );
        return vec![];
    };
    if cx.data.cohort_for(FiscalYear(year)).is_some() {
        form.set_error(
            "Fiscal year",
            format!(
                "there is already a {} cohort (one per fiscal year)",
                FiscalYear(year).short_label()
            ),
        );
        return vec![];
    }
    let Some(min) = read_number(form, "Minimum sessions", 99) else {
        return vec![];
    };
    let rule = CompletionRule {
        min_sessions: min as u8,
        require_final: form.value("Final required") == YES,
    };
    let source =
        parse_year(form.value("Copy schedule")).and_then(|y| cx.data.cohort_for(FiscalYear(y)).cloned());
    let copied: Vec<LeadershipSession> = source
        .as_ref()
        .map(|src| {
            let shift = year - src.fiscal_year;
            cx.data
                .sessions
                .iter()
                .filter(|s| s.cohort_id == src.id)
                .map(|s| LeadershipSession {
                    date: shift_years(s.date, shift),
                    ..s.clone()
                })
                .collect()
        })
        .unwrap_or_default();
    if let Err(e) = rule.validate(if copied.is_empty() { 0 } else { copied.len() }) {
        put_error(form, &e);
        return vec![];
    }
    let done = format!(
        "{} cohort started{}",
        FiscalYear(year).short_label(),
        if copied.is_empty() {
            String::new()
        } else {
            format!(
                " with {} to reschedule",
                pathways_core::text::count(copied.len(), "session")
            )
        }
    );
    let save = Save::new(done, move |w| {
        let mut cohort = Cohort {
            id: 0,
            fiscal_year: year,
            rule,
        };
        let cohort_id = w.insert(&mut cohort)?;
        for s in &copied {
            w.insert(&mut LeadershipSession {
                id: 0,
                cohort_id,
                ..s.clone()
            })?;
        }
        Ok(())
    });
    vec![Effect::Save(save.then(LeadershipSaved::ShowCohort(year)))]
}

/// The same month and day `years` later (28 Feb for 29 Feb).
fn shift_years(d: NaiveDate, years: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year() + years, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(d.year() + years, d.month(), 28))
        .unwrap_or(d)
}

/// Reads the session fields present in the form over `base`, checks them against the cohort's
/// other sessions, and saves (insert when `original` is None).
fn save_session(
    cx: &Ctx,
    cohort: Cohort,
    original: Option<LeadershipSession>,
    base: LeadershipSession,
    form: &mut Form,
) -> Fx {
    let has = |form: &Form, label: &str| form.fields.iter().any(|f| f.label == label);
    let mut s = base;
    if has(form, "Number")
        && let Some(n) = read_number(form, "Number", 99)
    {
        s.number = n as u8;
    }
    if let Some(d) = form.date("Date") {
        s.date = d;
    }
    if let Some(t) = form.time("Start") {
        s.start = t;
    }
    if let Some(t) = form.time("End") {
        s.end = t;
    }
    s.location = form.value("Location").to_string();
    s.room = form.value("Room").to_string();
    if has(form, "Topic") {
        s.topic = form.value("Topic").to_string();
        s.facilitator = form.value("Facilitator").to_string();
    }
    if form.has_errors() {
        return vec![];
    }
    if let Err(e) = s.validate_for(&cohort, &cx.data.sessions) {
        put_error(form, &e);
        return vec![];
    }
    let done = match &original {
        None => format!("session {} added ({})", s.number, s.date),
        Some(o) if o.date != s.date => format!("session {} moved from {} to {}", s.number, o.date, s.date),
        Some(_) => format!("session {} saved", s.number),
    };
    let save = match original {
        None => Save::adding(done, move |w| w.insert(&mut s)),
        // Compared with the session as the form opened: a change saved meanwhile is not
        // overwritten.
        Some(o) => Save::new(done, move |w| w.update(&o, &s)),
    };
    vec![Effect::Save(save)]
}
