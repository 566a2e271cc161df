//! Forms for people: participants (add, edit, withdraw), the waitlist (add, edit, remove) and
//! the promotion from the waitlist into a cohort.

use super::*;
use pathways_core::privacy::Sensitive;

pub(in crate::tabs::leadership) fn open_add_participant(tab: &LeadershipTab) -> Fx {
    let cohort = match cohort(tab) {
        Ok(c) => c,
        Err(fx) => return fx,
    };
    let form = Form::new(
        format!(
            "Add a participant, {} cohort",
            FiscalYear(cohort.fiscal_year).short_label()
        ),
        vec![
            Field::text("Employee", ""),
            Field::text("Role at entry", ""),
            Field::choice("Status", statuses(), ParticipantStatus::Active.label()),
        ],
    );
    open(form, LeadershipForm::AddParticipant(cohort))
}

pub(in crate::tabs::leadership) fn open_edit_participant(tab: &LeadershipTab, cx: &Ctx) -> Fx {
    let Some(row) = tab.selected_person() else {
        return say("no participant selected");
    };
    let p = tab.summary.people[row].clone();
    let form = Form::new(
        format!("Participant {}", cx.person(p.employee_id)),
        vec![
            Field::text("Role at entry", p.role.clone()),
            Field::choice("Status", statuses(), p.status.label()),
        ],
    );
    open(form, LeadershipForm::EditParticipant(p))
}

pub(in crate::tabs::leadership) fn open_add_waitlist(cx: &Ctx) -> Fx {
    let form = Form::new(
        "Add to the leadership waitlist",
        vec![
            Field::text("Employee", ""),
            Field::date("Joined", Some(cx.today)),
            Field::text("Note", "").holds(Sensitive::Note),
        ],
    );
    open(form, LeadershipForm::AddWaitlist)
}

pub(in crate::tabs::leadership) fn open_edit_waitlist(tab: &LeadershipTab, cx: &Ctx) -> Fx {
    let Some(w) = tab.selected_waitlist().cloned() else {
        return say("no waitlist entry selected");
    };
    let form = Form::new(
        format!("Waitlist: {}", cx.person(w.employee_id)),
        vec![
            Field::date("Joined", Some(w.joined)),
            Field::text("Note", w.note.clone()).holds(Sensitive::Note),
        ],
    );
    open(form, LeadershipForm::EditWaitlist(w))
}

/// Fiscal years a waitlisted person can be promoted into: a cohort that has not started yet, or
/// the next years (a missing cohort is created on promotion).
pub fn promotion_years(data: &Dataset, today: NaiveDate) -> Vec<i32> {
    let current = FiscalYear::of(today).0;
    let started = |fy: i32| {
        data.cohort_for(FiscalYear(fy)).is_some_and(|c| {
            data.sessions
                .iter()
                .any(|s| s.cohort_id == c.id && s.date < today)
        })
    };
    let last = data
        .cohorts
        .iter()
        .map(|c| c.fiscal_year)
        .max()
        .unwrap_or(current)
        .max(current + 1);
    (current..=last).filter(|&fy| !started(fy)).collect()
}

pub(in crate::tabs::leadership) fn open_promote(tab: &LeadershipTab, cx: &Ctx) -> Fx {
    let Some(w) = tab.selected_waitlist().cloned() else {
        return say("no waitlist entry selected");
    };
    let years: Vec<String> = promotion_years(cx.data, cx.today)
        .into_iter()
        .map(|y| {
            let fy = FiscalYear(y);
            if cx.data.cohort_for(fy).is_some() {
                fy.short_label()
            } else {
                format!("{} (new cohort)", fy.short_label())
            }
        })
        .collect();
    let role = cx
        .data
        .employee(w.employee_id)
        .map(|e| e.position.clone())
        .unwrap_or_default();
    let first = years.first().cloned().unwrap_or_default();
    let form = Form::new(
        format!("Promote {} into a cohort", cx.person(w.employee_id)),
        vec![
            Field::choice("Cohort", years, &first),
            Field::text("Role at entry", role),
        ],
    );
    open(form, LeadershipForm::Promote(w))
}

pub(in crate::tabs::leadership) fn ask_record_completion(tab: &LeadershipTab) -> Fx {
    let s = &tab.summary;
    let due: Vec<Participant> = s
        .completed_rows()
        .map(|i| s.people[i].clone())
        .filter(|p| p.status != ParticipantStatus::Completed)
        .collect();
    if due.is_empty() {
        return say("nothing to record: everyone who met the rule is marked completed");
    }
    vec![Effect::Ask(
        format!(
            "Set status \"completed\" for the {} who met the rule?",
            pathways_core::text::count(due.len(), "participant")
        ),
        LeadershipConfirm::RecordCompletion(due),
    )]
}

pub(in crate::tabs::leadership) fn ask_remove_waitlist(tab: &LeadershipTab, cx: &Ctx) -> Fx {
    let Some(w) = tab.selected_waitlist().cloned() else {
        return say("no waitlist entry selected");
    };
    vec![Effect::Ask(
        format!(
            "Remove {} from the waitlist (joined {})?",
            cx.person(w.employee_id),
            w.joined
        ),
        LeadershipConfirm::RemoveWaitlist(w),
    )]
}

pub(super) fn submit_add_participant(cx: &Ctx, cohort: &Cohort, form: &mut Form) -> Fx {
    let Some(employee) = form.employee("Employee", &cx.people(), cx.private) else {
        return vec![];
    };
    if cx
        .data
        .participants
        .iter()
        .any(|p| p.cohort_id == cohort.id && p.employee_id == employee)
    {
        form.set_error(
            "Employee",
            format!(
                "{} is already in the {} cohort",
                cx.person(employee),
                FiscalYear(cohort.fiscal_year).short_label()
            ),
        );
        return vec![];
    }
    let role = match form.value("Role at entry") {
        "" => cx
            .data
            .employee(employee)
            .map(|e| e.position.clone())
            .unwrap_or_default(),
        r => r.to_string(),
    };
    let mut p = Participant {
        id: 0,
        cohort_id: cohort.id,
        employee_id: employee,
        role,
        status: ParticipantStatus::parse(form.value("Status")).unwrap_or(ParticipantStatus::Active),
    };
    let done = format!("{} added to the cohort", cx.person(employee));
    vec![Effect::Save(Save::adding(done, move |w| w.insert(&mut p)))]
}

pub(super) fn submit_edit_participant(cx: &Ctx, p: &Participant, form: &mut Form) -> Fx {
    let role = form.value("Role at entry").to_string();
    if role.is_empty() {
        form.set_error("Role at entry", "the role (position) at entry is required");
        return vec![];
    }
    let updated = Participant {
        role,
        status: ParticipantStatus::parse(form.value("Status")).unwrap_or(p.status),
        ..p.clone()
    };
    let done = format!("participant {} saved", cx.person(p.employee_id));
    // Compared with the participant as the form opened: a change saved meanwhile by someone
    // else is never silently overwritten.
    let p = p.clone();
    vec![Effect::Save(Save::new(done, move |w| w.update(&p, &updated)))]
}

pub(super) fn submit_add_waitlist(cx: &Ctx, form: &mut Form) -> Fx {
    let employee = form.employee("Employee", &cx.people(), cx.private);
    let joined = form.date("Joined");
    let (Some(employee), Some(joined)) = (employee, joined) else {
        return vec![];
    };
    if cx.data.waitlist.iter().any(|w| w.employee_id == employee) {
        form.set_error(
            "Employee",
            format!("{} is already on the waitlist", cx.person(employee)),
        );
        return vec![];
    }
    let mut entry = WaitlistEntry {
        id: 0,
        employee_id: employee,
        joined,
        note: form.value("Note").to_string(),
    };
    let done = format!("{} added to the waitlist", cx.person(employee));
    vec![Effect::Save(Save::adding(done, move |w| w.insert(&mut entry)))]
}

pub(super) fn submit_edit_waitlist(cx: &Ctx, entry: &WaitlistEntry, form: &mut Form) -> Fx {
    let Some(joined) = form.date("Joined") else {
        return vec![];
    };
    let updated = WaitlistEntry {
        joined,
        note: form.value("Note").to_string(),
        ..entry.clone()
    };
    let done = format!("waitlist entry of {} saved", cx.person(entry.employee_id));
    let entry = entry.clone();
    vec![Effect::Save(Save::new(done, move |w| w.update(&entry, &updated)))]
}

pub(super) fn submit_promote(cx: &Ctx, entry: &WaitlistEntry, form: &mut Form) -> Fx {
    let Some(year) = parse_year(form.value("Cohort")) else {
        form.set_error("Cohort", "no future cohort to promote into");
        return vec![];
    };
    let role = form.value("Role at entry").to_string();
    if role.is_empty() {
        form.set_error("Role at entry", "the role (position) at entry is required");
        return vec![];
    }
    let existing = cx.data.cohort_for(FiscalYear(year)).cloned();
    if let Some(c) = &existing
        && cx
            .data
            .participants
            .iter()
            .any(|p| p.cohort_id == c.id && p.employee_id == entry.employee_id)
    {
        form.set_error(
            "Cohort",
            format!(
                "{} is already in the {} cohort",
                cx.person(entry.employee_id),
                FiscalYear(year).short_label()
            ),
        );
        return vec![];
    }
    let done = format!(
        "{} moved from the waitlist into the {} cohort",
        cx.person(entry.employee_id),
        FiscalYear(year).short_label()
    );
    let entry = entry.clone();
    vec![Effect::Save(Save::new(done, move |w| {
        // Moving, not copying: the entry leaves the waitlist in the same transaction.
        w.remove(&entry)?;
        let cohort_id = match &existing {
            Some(c) => c.id,
            None => w.insert(&mut Cohort {
                id: 0,
                fiscal_year: year,
                rule: CompletionRule::default(),
            })?,
        };
        w.insert(&mut Participant {
            id: 0,
            cohort_id,
            employee_id: entry.employee_id,
            role,
            status: ParticipantStatus::Active,
        })?;
        Ok(())
    }))]
}
