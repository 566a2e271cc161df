//! The columns of each kind of record: ids, the names they point to, readable values.

use super::{Ctx, date, ids, time, yes_no};
use crate::dataset::Dataset;
use crate::domain::{Choice, Id};
use crate::privacy::Sensitive;

/// Sends the header then one record per row to `emit`; returns the number of records.
pub(super) fn rows(
    ctx: &Ctx,
    kind: &str,
    emit: &mut dyn FnMut(Vec<String>) -> Result<(), String>,
) -> Result<usize, String> {
    let d = ctx.data;
    let header = |cols: &[&str]| cols.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let s = |v: &dyn ToString| v.to_string();
    macro_rules! table {
        ($cols:expr, $items:expr, |$x:ident| $row:expr) => {{
            let mut cols: Vec<String> = header(&$cols);
            cols.retain(|c| !c.is_empty());
            emit(cols)?;
            let mut n = 0;
            for $x in $items {
                let mut row: Vec<Option<String>> = $row;
                row.retain(Option::is_some);
                emit(row.into_iter().flatten().collect())?;
                n += 1;
            }
            Ok(n)
        }};
    }
    let conf = ctx.confidential;
    match kind {
        "employees" => table!(
            [
                "id",
                "employee_number",
                "first_name",
                "last_name",
                "email",
                "position",
                "location_id",
                "location",
                "chapter",
                "race",
                "hire_date",
                "position_start",
                "status",
                "in_par_or_evaluation",
                "retirement_date",
                "supervisor_id",
                "supervisor_employee_number"
            ],
            &d.employees,
            |e| {
                let first = ctx.mask().name(&e.first_name).into_owned();
                let last = ctx.mask().name(&e.last_name).into_owned();
                vec![
                    Some(s(&e.id)),
                    Some(e.employee_number.clone()),
                    Some(first),
                    Some(last),
                    Some(ctx.hide(Sensitive::Email, e.email.clone())),
                    Some(e.position.clone()),
                    Some(e.location_id.map(|l| l.to_string()).unwrap_or_default()),
                    Some(ctx.location(e.location_id)),
                    // Unknown is an empty cell: never a value that looks like data.
                    Some(e.chapter.clone().unwrap_or_default()),
                    Some(ctx.hide(Sensitive::Race, e.race.label().into())),
                    Some(date(e.hire_date)),
                    Some(date(e.position_start)),
                    Some(e.status.map(|x| x.label().to_string()).unwrap_or_default()),
                    Some(ctx.hide(
                        Sensitive::Evaluation,
                        e.in_evaluation.map(yes_no).unwrap_or_default(),
                    )),
                    Some(ctx.hide(Sensitive::Retirement, date(e.retirement_date))),
                    Some(e.supervisor_id.map(|x| x.to_string()).unwrap_or_default()),
                    Some(
                        e.supervisor_id
                            .and_then(|x| d.employee(x))
                            .map(|x| x.employee_number.clone())
                            .unwrap_or_default(),
                    ),
                ]
            }
        ),
        "locations" => table!(["id", "name", "kind", "employees"], &d.locations, |l| vec![
            Some(s(&l.id)),
            Some(l.name.clone()),
            Some(l.kind.label().into()),
            Some(l.employees.map(|n| n.to_string()).unwrap_or_default()),
        ]),
        "consultations" => {
            let who: std::collections::HashMap<Id, Id> =
                d.intakes.iter().map(|i| (i.id, i.employee_id)).collect();
            table!(
                [
                    "id",
                    "intake_id",
                    "employee_id",
                    "name",
                    "date",
                    "minutes",
                    "services",
                    "notes",
                    "employee_number",
                    "intake_received"
                ],
                &d.consultations,
                |c| {
                    let e = who.get(&c.intake_id).copied();
                    let received = d.intakes.iter().find(|i| i.id == c.intake_id).map(|i| i.received);
                    vec![
                        Some(s(&c.id)),
                        Some(s(&c.intake_id)),
                        Some(e.map(|e| e.to_string()).unwrap_or_default()),
                        Some(e.map(|e| ctx.name(e)).unwrap_or_default()),
                        Some(date(Some(c.date))),
                        Some(s(&c.minutes)),
                        Some(
                            c.services
                                .iter()
                                .map(|x| x.label())
                                .collect::<Vec<_>>()
                                .join("; "),
                        ),
                        Some(ctx.hide(Sensitive::Note, c.notes.clone())),
                        Some(e.map(|e| ctx.number(e)).unwrap_or_default()),
                        Some(date(received)),
                    ]
                }
            )
        }
        "mentors" => table!(
            [
                "id",
                "employee_id",
                "name",
                "expertise",
                "active",
                "joined",
                "employee_number"
            ],
            &d.mentors,
            |m| vec![
                Some(s(&m.id)),
                Some(s(&m.employee_id)),
                Some(ctx.name(m.employee_id)),
                Some(m.expertise.clone()),
                Some(yes_no(m.active)),
                Some(date(Some(m.joined))),
                Some(ctx.number(m.employee_id)),
            ]
        ),
        "pairs" => table!(
            [
                "id",
                "mentor_id",
                "mentor",
                "mentee_id",
                "mentee",
                "started",
                "expires",
                "ended",
                "end_reason",
                "mentor_number",
                "mentee_number",
                if conf { "notes" } else { "" }
            ],
            &d.pairs,
            |p| {
                let mentor = d.mentor(p.mentor_id).map(|m| m.employee_id);
                vec![
                    Some(s(&p.id)),
                    Some(s(&p.mentor_id)),
                    Some(mentor.map(|e| ctx.name(e)).unwrap_or_default()),
                    Some(s(&p.mentee_id)),
                    Some(ctx.name(p.mentee_id)),
                    Some(date(Some(p.started))),
                    Some(date(Some(p.expires()))),
                    Some(date(p.ended)),
                    Some(p.end_reason.map(|r| r.label().to_string()).unwrap_or_default()),
                    Some(mentor.map(|e| ctx.number(e)).unwrap_or_default()),
                    Some(ctx.number(p.mentee_id)),
                    conf.then(|| ctx.hide(Sensitive::Note, p.notes.clone())),
                ]
            }
        ),
        "logs" => {
            let pairs: std::collections::HashMap<Id, &crate::domain::MentoringPair> =
                d.pairs.iter().map(|p| (p.id, p)).collect();
            table!(
                [
                    "id",
                    "pair_id",
                    "mentor",
                    "mentee",
                    "month",
                    "hours",
                    "submitted",
                    "mentor_number",
                    "mentee_number",
                    if conf { "topics" } else { "" }
                ],
                &d.logs,
                |l| {
                    let pair = pairs.get(&l.pair_id);
                    let mentor_employee = pair.and_then(|p| d.mentor(p.mentor_id)).map(|m| m.employee_id);
                    let mentor = mentor_employee.map(|e| ctx.name(e));
                    vec![
                        Some(s(&l.id)),
                        Some(s(&l.pair_id)),
                        Some(mentor.unwrap_or_default()),
                        Some(pair.map(|p| ctx.name(p.mentee_id)).unwrap_or_default()),
                        Some(l.month.format("%Y-%m").to_string()),
                        Some(format!("{:.1}", l.hours)),
                        Some(date(Some(l.submitted))),
                        Some(mentor_employee.map(|e| ctx.number(e)).unwrap_or_default()),
                        Some(pair.map(|p| ctx.number(p.mentee_id)).unwrap_or_default()),
                        conf.then(|| ctx.hide(Sensitive::MentoringTopics, l.topics.clone())),
                    ]
                }
            )
        }
        "ambassadors" => table!(
            [
                "id",
                "employee_id",
                "name",
                "tenure_start",
                "tenure_end",
                "primary_location_id",
                "primary_location",
                "supported_location_ids",
                "supported_locations",
                "employee_number"
            ],
            &d.ambassadors,
            |a| vec![
                Some(s(&a.id)),
                Some(s(&a.employee_id)),
                Some(ctx.name(a.employee_id)),
                Some(date(Some(a.tenure_start))),
                Some(date(Some(a.tenure_end))),
                Some(s(&a.primary_location)),
                Some(ctx.location(Some(a.primary_location))),
                Some(ids(&a.supported_locations)),
                Some(
                    a.supported_locations
                        .iter()
                        .map(|l| ctx.location(Some(*l)))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                Some(ctx.number(a.employee_id)),
            ]
        ),
        "ambassador-sessions" => table!(
            [
                "id",
                "date",
                "topic",
                "presenter",
                "attendees",
                "attendee_ambassador_ids"
            ],
            &d.ambassador_sessions,
            |x| vec![
                Some(s(&x.id)),
                Some(date(Some(x.date))),
                Some(x.topic.clone()),
                Some(x.presenter.clone()),
                Some(s(&x.attendees.len())),
                Some(ids(&x.attendees)),
            ]
        ),
        "cohorts" => table!(
            ["id", "fiscal_year", "min_sessions", "final_session_required"],
            &d.cohorts,
            |c| vec![
                Some(s(&c.id)),
                Some(s(&c.fiscal_year)),
                Some(s(&c.rule.min_sessions)),
                Some(yes_no(c.rule.require_final)),
            ]
        ),
        "participants" => {
            let fy = cohort_years(d);
            table!(
                [
                    "id",
                    "cohort_id",
                    "fiscal_year",
                    "employee_id",
                    "name",
                    "role",
                    "status",
                    "employee_number"
                ],
                &d.participants,
                |p| vec![
                    Some(s(&p.id)),
                    Some(s(&p.cohort_id)),
                    Some(fy.get(&p.cohort_id).map(|y| y.to_string()).unwrap_or_default()),
                    Some(s(&p.employee_id)),
                    Some(ctx.name(p.employee_id)),
                    Some(p.role.clone()),
                    Some(p.status.label().into()),
                    Some(ctx.number(p.employee_id)),
                ]
            )
        }
        "sessions" => {
            let fy = cohort_years(d);
            table!(
                [
                    "id",
                    "cohort_id",
                    "fiscal_year",
                    "number",
                    "date",
                    "start",
                    "end",
                    "location",
                    "room",
                    "topic",
                    "facilitator"
                ],
                &d.sessions,
                |x| vec![
                    Some(s(&x.id)),
                    Some(s(&x.cohort_id)),
                    Some(fy.get(&x.cohort_id).map(|y| y.to_string()).unwrap_or_default()),
                    Some(s(&x.number)),
                    Some(date(Some(x.date))),
                    Some(x.start.format("%H:%M").to_string()),
                    Some(x.end.format("%H:%M").to_string()),
                    Some(x.location.clone()),
                    Some(x.room.clone()),
                    Some(x.topic.clone()),
                    Some(x.facilitator.clone()),
                ]
            )
        }
        "attendance" => {
            let people: std::collections::HashMap<Id, Id> =
                d.participants.iter().map(|p| (p.id, p.employee_id)).collect();
            let sessions: std::collections::HashMap<Id, &crate::domain::LeadershipSession> =
                d.sessions.iter().map(|x| (x.id, x)).collect();
            table!(
                [
                    "id",
                    "participant_id",
                    "employee_id",
                    "name",
                    "session_id",
                    "session_number",
                    "session_date",
                    "mark",
                    "employee_number"
                ],
                &d.attendance,
                |m| {
                    let e = people.get(&m.participant_id).copied();
                    let session = sessions.get(&m.session_id);
                    vec![
                        Some(s(&m.id)),
                        Some(s(&m.participant_id)),
                        Some(e.map(|e| e.to_string()).unwrap_or_default()),
                        Some(e.map(|e| ctx.name(e)).unwrap_or_default()),
                        Some(s(&m.session_id)),
                        Some(session.map(|x| x.number.to_string()).unwrap_or_default()),
                        Some(date(session.map(|x| x.date))),
                        Some(m.mark.label().into()),
                        Some(e.map(|e| ctx.number(e)).unwrap_or_default()),
                    ]
                }
            )
        }
        "waitlist" => table!(
            ["id", "employee_id", "name", "joined", "note", "employee_number"],
            &d.waitlist,
            |x| vec![
                Some(s(&x.id)),
                Some(s(&x.employee_id)),
                Some(ctx.name(x.employee_id)),
                Some(date(Some(x.joined))),
                Some(ctx.hide(Sensitive::Note, x.note.clone())),
                Some(ctx.number(x.employee_id)),
            ]
        ),
        "offerings" => table!(
            [
                "id",
                "course_number",
                "title",
                "partner_office",
                "teacher_pathway"
            ],
            &d.offerings,
            |o| vec![
                Some(s(&o.id)),
                Some(o.course_number.clone()),
                Some(o.title.clone()),
                Some(o.partner_office.clone()),
                Some(yes_no(o.teacher_pathway)),
            ]
        ),
        "pl-sessions" => {
            let offerings = offering_index(d);
            table!(
                [
                    "id",
                    "offering_id",
                    "course_number",
                    "title",
                    "date",
                    "start",
                    "end",
                    "place",
                    "facilitator"
                ],
                &d.pl_sessions,
                |x| {
                    let o = offerings.get(&x.offering_id);
                    vec![
                        Some(s(&x.id)),
                        Some(s(&x.offering_id)),
                        Some(o.map(|o| o.course_number.clone()).unwrap_or_default()),
                        Some(o.map(|o| o.title.clone()).unwrap_or_default()),
                        Some(date(Some(x.date))),
                        Some(time(x.start)),
                        Some(time(x.end)),
                        Some(x.place.clone()),
                        Some(x.facilitator.clone()),
                    ]
                }
            )
        }
        "pl-attendance" => {
            let offerings = offering_index(d);
            let sessions: std::collections::HashMap<Id, &crate::domain::PlSession> =
                d.pl_sessions.iter().map(|x| (x.id, x)).collect();
            table!(
                [
                    "id",
                    "pl_session_id",
                    "date",
                    "course_number",
                    "employee_id",
                    "name",
                    "employee_number",
                    "start",
                    "title"
                ],
                &d.pl_attendance,
                |a| {
                    let session = sessions.get(&a.pl_session_id);
                    let course = session
                        .and_then(|x| offerings.get(&x.offering_id))
                        .map(|o| o.course_number.clone());
                    vec![
                        Some(s(&a.id)),
                        Some(s(&a.pl_session_id)),
                        Some(date(session.map(|x| x.date))),
                        Some(course.unwrap_or_default()),
                        Some(s(&a.employee_id)),
                        Some(ctx.name(a.employee_id)),
                        Some(ctx.number(a.employee_id)),
                        Some(time(session.and_then(|x| x.start))),
                        Some(
                            session
                                .and_then(|x| offerings.get(&x.offering_id))
                                .map(|o| o.title.clone())
                                .unwrap_or_default(),
                        ),
                    ]
                }
            )
        }
        "popups" => table!(
            ["id", "date", "location_id", "location", "note"],
            &d.popups,
            |p| vec![
                Some(s(&p.id)),
                Some(date(Some(p.date))),
                Some(s(&p.location_id)),
                Some(ctx.location(Some(p.location_id))),
                Some(ctx.hide(Sensitive::Note, p.note.clone())),
            ]
        ),
        "intake-settings" => table!(
            ["id", "overdue_working_days", "stale_working_days"],
            &d.intake_settings,
            |x| vec![
                Some(s(&x.id)),
                Some(s(&x.overdue_working_days)),
                Some(s(&x.stale_working_days)),
            ]
        ),
        "teacher-outcomes" => table!(
            [
                "id",
                "employee_id",
                "employee_number",
                "name",
                "hired",
                "school_year",
                "partner_program"
            ],
            &d.teacher_outcomes,
            |o| vec![
                Some(s(&o.id)),
                Some(s(&o.employee_id)),
                Some(ctx.number(o.employee_id)),
                Some(ctx.name(o.employee_id)),
                Some(date(Some(o.hired))),
                Some(o.school_year.clone()),
                Some(o.partner_program.clone()),
            ]
        ),
        "closures" => table!(["id", "date", "name"], &d.closures, |c| vec![
            Some(s(&c.id)),
            Some(date(Some(c.date))),
            Some(c.name.clone())
        ]),
        "chapters" => table!(["id", "name"], &d.chapters, |c| vec![
            Some(s(&c.id)),
            Some(c.name.clone()),
        ]),
        "owners" => table!(["id", "name"], &d.owners, |o| vec![
            Some(s(&o.id)),
            Some(o.name.clone()),
        ]),
        // One row per group, in the columns `import reference-populations` reads.
        "reference-populations" => table!(
            crate::import::reference_populations::COLUMNS,
            d.reference_populations
                .iter()
                .flat_map(|p| p.groups.iter().map(move |g| (p, g))),
            |x| vec![
                Some(x.0.name.clone()),
                Some(x.1.dimension.label().into()),
                Some(x.1.group.clone()),
                Some(s(&x.1.people)),
            ]
        ),
        other => Err(format!("{other}: not a kind this command writes")),
    }
}

fn cohort_years(d: &Dataset) -> std::collections::HashMap<Id, i32> {
    d.cohorts.iter().map(|c| (c.id, c.fiscal_year)).collect()
}

fn offering_index(d: &Dataset) -> std::collections::HashMap<Id, &crate::domain::Offering> {
    d.offerings.iter().map(|o| (o.id, o)).collect()
}
