//! Forms for people: participants (add, edit, withdraw), the waitlist (add, edit, remove) and
//! the promotion from the waitlist into a cohort.

use super::*;
use pathways_core::privacy::Sensitive;

pub(in crate::tabs::leadership) fn open_add_participant(app: &mut App) {
    let Some(cohort) = no_cohort(app) else { return };
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
    app.open_form(
        form,
        FormPurpose::Leadership(LeadershipForm::AddParticipant(cohort)),
    );
}

pub(in crate::tabs::leadership) fn open_edit_participant(app: &mut App) {
    let Some(row) = app.leadership.selected_person() else {
        app.status = Some("no participant selected".into());
        return;
    };
    let p = app.leadership.summary.people[row].clone();
    let form = Form::new(
        format!("Participant {}", app.person(p.employee_id)),
        vec![
            Field::text("Role at entry", p.role.clone()),
            Field::choice("Status", statuses(), p.status.label()),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::EditParticipant(p)));
}

pub(in crate::tabs::leadership) fn open_add_waitlist(app: &mut App) {
    let form = Form::new(
        "Add to the leadership waitlist",
        vec![
            Field::text("Employee", ""),
            Field::date("Joined", Some(app.today)),
            Field::text("Note", "").holds(Sensitive::Note),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::AddWaitlist));
}

pub(in crate::tabs::leadership) fn open_edit_waitlist(app: &mut App) {
    let Some(w) = app.leadership.selected_waitlist().cloned() else {
        app.status = Some("no waitlist entry selected".into());
        return;
    };
    let form = Form::new(
        format!("Waitlist: {}", app.person(w.employee_id)),
        vec![
            Field::date("Joined", Some(w.joined)),
            Field::text("Note", w.note.clone()).holds(Sensitive::Note),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::EditWaitlist(w)));
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

pub(in crate::tabs::leadership) fn open_promote(app: &mut App) {
    let Some(w) = app.leadership.selected_waitlist().cloned() else {
        app.status = Some("no waitlist entry selected".into());
        return;
    };
    let years: Vec<String> = promotion_years(&app.data, app.today)
        .into_iter()
        .map(|y| {
            let fy = FiscalYear(y);
            if app.data.cohort_for(fy).is_some() {
                fy.short_label()
            } else {
                format!("{} (new cohort)", fy.short_label())
            }
        })
        .collect();
    let role = app
        .data
        .employee(w.employee_id)
        .map(|e| e.position.clone())
        .unwrap_or_default();
    let first = years.first().cloned().unwrap_or_default();
    let form = Form::new(
        format!("Promote {} into a cohort", app.person(w.employee_id)),
        vec![
            Field::choice("Cohort", years, &first),
            Field::text("Role at entry", role),
        ],
    );
    app.open_form(form, FormPurpose::Leadership(LeadershipForm::Promote(w)));
}

pub(in crate::tabs::leadership) fn ask_record_completion(app: &mut App) {
    let s = &app.leadership.summary;
    let due: Vec<Participant> = s
        .completed_rows()
        .map(|i| s.people[i].clone())
        .filter(|p| p.status != ParticipantStatus::Completed)
        .collect();
    if due.is_empty() {
        app.status = Some("nothing to record: everyone who met the rule is marked completed".into());
        return;
    }
    app.ask(
        format!(
            "Set status \"completed\" for the {} participant(s) who met the rule?",
            due.len()
        ),
        Confirmed::Leadership(LeadershipConfirm::RecordCompletion(due)),
    );
}

pub(in crate::tabs::leadership) fn ask_remove_waitlist(app: &mut App) {
    let Some(w) = app.leadership.selected_waitlist().cloned() else {
        app.status = Some("no waitlist entry selected".into());
        return;
    };
    app.ask(
        format!(
            "Remove {} from the waitlist (joined {})?",
            app.person(w.employee_id),
            w.joined
        ),
        Confirmed::Leadership(LeadershipConfirm::RemoveWaitlist(w)),
    );
}

/// Finds an employee by employee id or by (part of) the name; an ambiguous name is refused with
/// the people it could mean.
fn find_employee(app: &App, text: &str) -> Result<Id, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("type a name or an employee id".into());
    }
    if let Some(e) = app.data.employees.iter().find(|e| e.employee_number == t) {
        return Ok(e.id);
    }
    let want = pathways_core::text::fold(t);
    let exact: Vec<Id> = app
        .data
        .employees
        .iter()
        .filter(|e| pathways_core::text::fold(&e.full_name()) == want)
        .map(|e| e.id)
        .collect();
    let found = if exact.is_empty() {
        app.data
            .employees
            .iter()
            .filter(|e| pathways_core::text::fold(&e.full_name()).contains(&want))
            .map(|e| e.id)
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!(
            "no employee is called \"{}\" or has that id",
            pathways_core::domain::truncate_for_message(t)
        )),
        many => {
            let names: Vec<String> = many
                .iter()
                .take(3)
                .map(|&id| {
                    let number = app
                        .data
                        .employee(id)
                        .map(|e| e.employee_number.clone())
                        .unwrap_or_default();
                    format!("{} #{number}", app.person(id))
                })
                .collect();
            Err(format!(
                "{} employees match: {}{}; type the employee id",
                many.len(),
                names.join(", "),
                if many.len() > 3 { ", …" } else { "" }
            ))
        }
    }
}

pub(super) fn submit_add_participant(app: &mut App, cohort: &Cohort, form: &mut Form) -> bool {
    let employee = match find_employee(app, form.value("Employee")) {
        Ok(id) => id,
        Err(e) => {
            form.set_error("Employee", e);
            return true;
        }
    };
    if app
        .data
        .participants
        .iter()
        .any(|p| p.cohort_id == cohort.id && p.employee_id == employee)
    {
        form.set_error(
            "Employee",
            format!(
                "{} is already in the {} cohort",
                app.person(employee),
                FiscalYear(cohort.fiscal_year).short_label()
            ),
        );
        return true;
    }
    let role = match form.value("Role at entry") {
        "" => app
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
    let done = format!("{} added to the cohort", app.person(employee));
    if let Err(e) = app.save(&done, |txn| txn.insert(&mut p)) {
        store_error(form, e);
    }
    false
}

pub(super) fn submit_edit_participant(app: &mut App, p: &Participant, form: &mut Form) -> bool {
    let role = form.value("Role at entry").to_string();
    if role.is_empty() {
        form.set_error("Role at entry", "the role (position) at entry is required");
        return true;
    }
    let updated = Participant {
        role,
        status: ParticipantStatus::parse(form.value("Status")).unwrap_or(p.status),
        ..p.clone()
    };
    let done = format!("participant {} saved", app.person(p.employee_id));
    // Compared with the participant as the form opened: a change saved meanwhile by someone
    // else is never silently overwritten.
    if let Err(e) = app.save_edit(&done, p, &updated) {
        form.message = Some(e);
    }
    false
}

pub(super) fn submit_add_waitlist(app: &mut App, form: &mut Form) -> bool {
    let employee = match find_employee(app, form.value("Employee")) {
        Ok(id) => id,
        Err(e) => {
            form.set_error("Employee", e);
            return true;
        }
    };
    let Some(joined) = read_date(form, "Joined") else {
        return true;
    };
    if app.data.waitlist.iter().any(|w| w.employee_id == employee) {
        form.set_error(
            "Employee",
            format!("{} is already on the waitlist", app.person(employee)),
        );
        return true;
    }
    let mut w = WaitlistEntry {
        id: 0,
        employee_id: employee,
        joined,
        note: form.value("Note").to_string(),
    };
    let done = format!("{} added to the waitlist", app.person(employee));
    if let Err(e) = app.save(&done, |txn| txn.insert(&mut w)) {
        store_error(form, e);
    }
    false
}

pub(super) fn submit_edit_waitlist(app: &mut App, w: &WaitlistEntry, form: &mut Form) -> bool {
    let Some(joined) = read_date(form, "Joined") else {
        return true;
    };
    let updated = WaitlistEntry {
        joined,
        note: form.value("Note").to_string(),
        ..w.clone()
    };
    let done = format!("waitlist entry of {} saved", app.person(w.employee_id));
    if let Err(e) = app.save_edit(&done, w, &updated) {
        form.message = Some(e);
    }
    false
}

pub(super) fn submit_promote(app: &mut App, w: &WaitlistEntry, form: &mut Form) -> bool {
    let Some(year) = parse_year(form.value("Cohort")) else {
        form.set_error("Cohort", "no future cohort to promote into");
        return true;
    };
    let role = form.value("Role at entry").to_string();
    if role.is_empty() {
        form.set_error("Role at entry", "the role (position) at entry is required");
        return true;
    }
    let existing = app.data.cohort_for(FiscalYear(year)).cloned();
    if let Some(c) = &existing
        && app
            .data
            .participants
            .iter()
            .any(|p| p.cohort_id == c.id && p.employee_id == w.employee_id)
    {
        form.set_error(
            "Cohort",
            format!(
                "{} is already in the {} cohort",
                app.person(w.employee_id),
                FiscalYear(year).short_label()
            ),
        );
        return true;
    }
    let done = format!(
        "{} moved from the waitlist into the {} cohort",
        app.person(w.employee_id),
        FiscalYear(year).short_label()
    );
    let result = app.save(&done, |txn| {
        // Moving, not copying: the entry leaves the waitlist in the same transaction.
        if txn.get::<WaitlistEntry>(w.id)?.as_ref() != Some(w) {
            return Err(StoreError::Conflict(format!("waitlist record {}", w.id)));
        }
        txn.delete::<WaitlistEntry>(w.id)?;
        let cohort_id = match &existing {
            Some(c) => c.id,
            None => txn.insert(&mut Cohort {
                id: 0,
                fiscal_year: year,
                rule: CompletionRule::default(),
            })?,
        };
        txn.insert(&mut Participant {
            id: 0,
            cohort_id,
            employee_id: w.employee_id,
            role,
            status: ParticipantStatus::Active,
        })?;
        Ok(())
    });
    if let Err(e) = result {
        store_error(form, e);
    }
    false
}
