//! Professional learning and teacher outcomes, added, edited and removed in one transaction each,
//! with every rule checked against what is stored (not what a screen loaded): the functions a
//! dashboard view, an import or a script calls. Text is cleaned on the way in.
//!
//! Rules: an offering has a title, and a course number is used by one offering only (without a
//! number, the title is); an offering with sessions is not removed (remove its sessions first).
//! A session belongs to an existing offering, ends after it starts, and is one per offering,
//! date and start time; removing a session removes its attendance. A person attends a session
//! once. A teacher outcome names an existing employee, one per person.

use crate::domain::*;
use crate::store::{Known, Result, StoreError, Txn};
use crate::text::{Field, clean};

fn invalid(field: &'static str, reason: impl Into<String>) -> StoreError {
    StoreError::Invalid(FieldError::new(field, reason))
}

fn line(text: &str) -> String {
    clean(text.trim(), Field::Line).trim().to_string()
}

fn tidy_offering(o: &mut Offering) {
    o.course_number = line(&o.course_number);
    o.title = line(&o.title);
    o.partner_office = line(&o.partner_office);
}

/// Checks an offering against the stored ones (`self` excluded by id).
fn check_offering(txn: &mut Txn, o: &Offering) -> Result<()> {
    o.validate()?;
    let stored = txn.all::<Offering>()?;
    if let Some(twin) = stored
        .iter()
        .find(|s| s.id != o.id && s.same_course(&o.course_number, &o.title))
    {
        return Err(if o.course_number.is_empty() {
            invalid("title", format!("offering #{} already has this title", twin.id))
        } else {
            invalid(
                "course number",
                format!(
                    "course {} is already offering #{} ({})",
                    o.course_number, twin.id, twin.title
                ),
            )
        });
    }
    Ok(())
}

/// Adds an offering; returns its id.
pub fn add_offering(txn: &mut Txn, offering: &mut Offering) -> Result<Id> {
    tidy_offering(offering);
    offering.id = 0;
    check_offering(txn, offering)?;
    txn.insert(offering)
}

/// Replaces `original` by `updated` (refused if someone changed it meanwhile).
pub fn edit_offering(txn: &mut Txn, original: &Offering, updated: &Offering) -> Result<()> {
    let mut updated = updated.clone();
    updated.id = original.id;
    tidy_offering(&mut updated);
    check_offering(txn, &updated)?;
    txn.update(original, &updated)
}

/// Removes an offering that has no sessions.
pub fn remove_offering(txn: &mut Txn, id: Id) -> Result<()> {
    let sessions = txn
        .all::<PlSession>()?
        .into_iter()
        .filter(|s| s.offering_id == id)
        .count();
    if sessions > 0 {
        return Err(invalid(
            "offering",
            format!("it has {sessions} session(s); remove them first"),
        ));
    }
    if !txn.delete::<Offering>(id)? {
        return Err(StoreError::Conflict(format!("offering {id} (already removed)")));
    }
    Ok(())
}

fn tidy_session(s: &mut PlSession) {
    s.place = line(&s.place);
    s.facilitator = line(&s.facilitator);
}

fn check_session(txn: &mut Txn, s: &PlSession, known: Option<Known<PlSession>>) -> Result<()> {
    if txn.get::<Offering>(s.offering_id)?.is_none() {
        return Err(invalid("offering", format!("no offering #{}", s.offering_id)));
    }
    let stored = txn.all_or_known(known)?;
    s.validate(&stored)?;
    Ok(())
}

/// Adds a session of an existing offering; returns its id.
pub fn add_pl_session(txn: &mut Txn, session: &mut PlSession) -> Result<Id> {
    add_pl_session_known(txn, session, None)
}

/// `add_pl_session`, its rule checked against the sessions the caller holds when none was saved
/// since (see [`Txn::all_or_known`]): the dashboard's save reads no other session.
pub fn add_pl_session_known(
    txn: &mut Txn,
    session: &mut PlSession,
    known: Option<Known<PlSession>>,
) -> Result<Id> {
    tidy_session(session);
    session.id = 0;
    check_session(txn, session, known)?;
    txn.insert(session)
}

pub fn edit_pl_session(txn: &mut Txn, original: &PlSession, updated: &PlSession) -> Result<()> {
    edit_pl_session_known(txn, original, updated, None)
}

/// `edit_pl_session` with the sessions the caller holds (see `add_pl_session_known`).
pub fn edit_pl_session_known(
    txn: &mut Txn,
    original: &PlSession,
    updated: &PlSession,
    known: Option<Known<PlSession>>,
) -> Result<()> {
    let mut updated = updated.clone();
    updated.id = original.id;
    tidy_session(&mut updated);
    check_session(txn, &updated, known)?;
    txn.update(original, &updated)
}

/// Removes a session and its attendance; returns how many attendances went with it.
pub fn remove_pl_session(txn: &mut Txn, id: Id) -> Result<usize> {
    if !txn.delete::<PlSession>(id)? {
        return Err(StoreError::Conflict(format!("PL session {id} (already removed)")));
    }
    let marks: Vec<Id> = txn
        .all::<PlAttendance>()?
        .into_iter()
        .filter(|a| a.pl_session_id == id)
        .map(|a| a.id)
        .collect();
    for a in &marks {
        txn.delete::<PlAttendance>(*a)?;
    }
    Ok(marks.len())
}

/// Records that `employee_id` attended `session_id`; returns the new record's id, or None when
/// it was already recorded.
pub fn mark_pl_attendance(txn: &mut Txn, session_id: Id, employee_id: Id) -> Result<Option<Id>> {
    mark_pl_attendance_known(txn, session_id, employee_id, None)
}

/// `mark_pl_attendance`, checked against the attendance the caller holds when none was saved
/// since (see [`Txn::all_or_known`]): the dashboard's mark reads one session, one person and
/// no other attendance from the file.
pub fn mark_pl_attendance_known(
    txn: &mut Txn,
    session_id: Id,
    employee_id: Id,
    known: Option<Known<PlAttendance>>,
) -> Result<Option<Id>> {
    if txn.get::<PlSession>(session_id)?.is_none() {
        return Err(invalid("session", format!("no PL session #{session_id}")));
    }
    if txn.get::<Employee>(employee_id)?.is_none() {
        return Err(invalid("employee", format!("no employee #{employee_id}")));
    }
    let already = txn
        .all_or_known(known)?
        .iter()
        .any(|a| a.pl_session_id == session_id && a.employee_id == employee_id);
    if already {
        return Ok(None);
    }
    let mut mark = PlAttendance {
        id: 0,
        pl_session_id: session_id,
        employee_id,
    };
    txn.insert(&mut mark).map(Some)
}

/// Removes `employee_id`'s attendance at `session_id`; returns whether there was one.
pub fn unmark_pl_attendance(txn: &mut Txn, session_id: Id, employee_id: Id) -> Result<bool> {
    let found: Vec<Id> = txn
        .all::<PlAttendance>()?
        .into_iter()
        .filter(|a| a.pl_session_id == session_id && a.employee_id == employee_id)
        .map(|a| a.id)
        .collect();
    for id in &found {
        txn.delete::<PlAttendance>(*id)?;
    }
    Ok(!found.is_empty())
}

fn tidy_outcome(o: &mut TeacherOutcome) -> Result<()> {
    o.partner_program = line(&o.partner_program);
    let year = line(&o.school_year);
    o.school_year = if year.is_empty() {
        year
    } else {
        parse_school_year(&year).map_err(|e| invalid("school year", e))?
    };
    Ok(())
}

fn check_outcome(txn: &mut Txn, o: &TeacherOutcome) -> Result<()> {
    if txn.get::<Employee>(o.employee_id)?.is_none() {
        return Err(invalid("employee", format!("no employee #{}", o.employee_id)));
    }
    let stored = txn.all::<TeacherOutcome>()?;
    o.validate(&stored)?;
    Ok(())
}

/// Records that an employee was hired as a teacher; returns the record's id.
pub fn add_teacher_outcome(txn: &mut Txn, outcome: &mut TeacherOutcome) -> Result<Id> {
    tidy_outcome(outcome)?;
    outcome.id = 0;
    check_outcome(txn, outcome)?;
    txn.insert(outcome)
}

pub fn edit_teacher_outcome(
    txn: &mut Txn,
    original: &TeacherOutcome,
    updated: &TeacherOutcome,
) -> Result<()> {
    let mut updated = updated.clone();
    updated.id = original.id;
    tidy_outcome(&mut updated)?;
    check_outcome(txn, &updated)?;
    txn.update(original, &updated)
}

pub fn remove_teacher_outcome(txn: &mut Txn, id: Id) -> Result<()> {
    if !txn.delete::<TeacherOutcome>(id)? {
        return Err(StoreError::Conflict(format!(
            "teacher outcome {id} (already removed)"
        )));
    }
    Ok(())
}
