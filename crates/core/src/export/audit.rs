//! `pathways export audit`: the change history as CSV, one row per changed field: when, who,
//! which record (kind and number, and the employee id of the person it concerns), what happened,
//! and each field before and after. Personal values obey `--private` as everywhere ([`privacy`]);
//! mentoring conversations are written only with `--confidential`.

use crate::dataset::Dataset;
use crate::domain::Id;
use crate::privacy::{self, Mask, Sensitive};
use crate::store::HistoryEntry;
use std::collections::HashMap;
use std::io::Write;

pub const COLUMNS: [&str; 9] = [
    "when", "who", "kind", "record", "person", "action", "field", "before", "after",
];

/// The employee each record of the dataset concerns, by (table, id).
fn concerns(data: &Dataset) -> HashMap<(&'static str, Id), Id> {
    use crate::domain::*;
    use crate::store::Record;
    let mut m = HashMap::new();
    for e in &data.employees {
        m.insert((Employee::TABLE, e.id), e.id);
    }
    let intake_of: HashMap<Id, Id> = data.intakes.iter().map(|i| (i.id, i.employee_id)).collect();
    for i in &data.intakes {
        m.insert((Intake::TABLE, i.id), i.employee_id);
    }
    for c in &data.consultations {
        if let Some(&e) = intake_of.get(&c.intake_id) {
            m.insert((Consultation::TABLE, c.id), e);
        }
    }
    for x in &data.mentors {
        m.insert((Mentor::TABLE, x.id), x.employee_id);
    }
    let mentee_of: HashMap<Id, Id> = data.pairs.iter().map(|p| (p.id, p.mentee_id)).collect();
    for p in &data.pairs {
        m.insert((MentoringPair::TABLE, p.id), p.mentee_id);
    }
    for l in &data.logs {
        if let Some(&e) = mentee_of.get(&l.pair_id) {
            m.insert((MentorLog::TABLE, l.id), e);
        }
    }
    for a in &data.ambassadors {
        m.insert((Ambassador::TABLE, a.id), a.employee_id);
    }
    let place_of: HashMap<Id, Id> = data.participants.iter().map(|p| (p.id, p.employee_id)).collect();
    for p in &data.participants {
        m.insert((Participant::TABLE, p.id), p.employee_id);
    }
    for a in &data.attendance {
        if let Some(&e) = place_of.get(&a.participant_id) {
            m.insert((AttendanceMark::TABLE, a.id), e);
        }
    }
    for w in &data.waitlist {
        m.insert((WaitlistEntry::TABLE, w.id), w.employee_id);
    }
    for a in &data.pl_attendance {
        m.insert((PlAttendance::TABLE, a.id), a.employee_id);
    }
    m
}

/// Writes `entries` (oldest first) with the header; returns how many rows.
pub fn write(
    entries: &[HistoryEntry],
    data: &Dataset,
    private: bool,
    confidential: bool,
    out: impl Write,
) -> Result<usize, String> {
    let mask = Mask::file(private);
    let who_is = concerns(data);
    let mut w = csv::Writer::from_writer(out);
    let mut emit = |row: [&str; 9]| -> Result<(), String> {
        w.write_record(row.iter().map(|c| crate::text::sheet_cell(c).into_owned()))
            .map_err(|e| e.to_string())
    };
    emit(COLUMNS)?;
    let mut rows = 0;
    for e in entries {
        let when = e.when().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let record = e.key.to_string();
        let person = crate::store::TABLES
            .iter()
            .find(|t| **t == e.table)
            .and_then(|t| who_is.get(&(*t, e.key)))
            .and_then(|id| data.employee(*id))
            .map(|p| {
                if p.employee_number.trim().is_empty() {
                    format!("#{}", p.id)
                } else {
                    p.employee_number.clone()
                }
            })
            .unwrap_or_default();
        let fields: Vec<(&str, String, String)> = if e.fields.is_empty() {
            vec![("", String::new(), String::new())]
        } else {
            e.fields
                .iter()
                .map(|f| {
                    let shown = |v: &str| -> String {
                        if privacy::confidential_field(&e.table, &f.field) && !confidential {
                            return String::new();
                        }
                        match privacy::stored_field(&e.table, &f.field) {
                            Some(Sensitive::Name) => mask.name(v).into_owned(),
                            Some(what) => mask.show(what, v).into_owned(),
                            None => v.to_string(),
                        }
                    };
                    (f.field.as_str(), shown(&f.before), shown(&f.after))
                })
                .collect()
        };
        for (field, before, after) in &fields {
            emit([
                &when,
                &e.who,
                &e.table,
                &record,
                &person,
                e.action.label(),
                field,
                before,
                after,
            ])?;
            rows += 1;
        }
    }
    w.flush().map_err(|e| e.to_string())?;
    Ok(rows)
}
