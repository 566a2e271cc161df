//! The review lines of a roster import: what changed for an existing person that moves their
//! eligibility (position, status, PAR, dates, chapter, supervisor), masked as the output must be.

use super::plan::{Planned, Ref};
use super::row::RosterRow;
use crate::dataset::Dataset;
use crate::domain::*;
use crate::privacy::{Mask, Sensitive};

/// The changes to an existing person that move their eligibility, in words.
pub(super) fn review(
    old: &Employee,
    new: &Planned,
    supervisor_row: Option<Ref>,
    rows: &[(u64, RosterRow)],
    data: &Dataset,
    private: bool,
) -> Vec<String> {
    let e = &new.employee;
    let mut out = Vec::new();
    let date = |d: Option<chrono::NaiveDate>| d.map_or(UNKNOWN.to_string(), |d| d.to_string());
    if old.position != e.position {
        let shown = |p: &str| {
            if p.is_empty() {
                UNKNOWN.to_string()
            } else {
                p.to_string()
            }
        };
        out.push(format!(
            "position {} -> {}",
            shown(&old.position),
            shown(&e.position)
        ));
    }
    if old.status != e.status {
        out.push(format!("status {} -> {}", old.status_label(), e.status_label()));
    }
    if old.in_evaluation != e.in_evaluation {
        out.push(if Mask::file(private).hides(Sensitive::Evaluation) {
            "PAR or special evaluation changed".to_string()
        } else {
            format!(
                "PAR or special evaluation {} -> {}",
                old.evaluation_label(),
                e.evaluation_label()
            )
        });
    }
    if old.hire_date != e.hire_date {
        out.push(format!(
            "hire date {} -> {}",
            date(old.hire_date),
            date(e.hire_date)
        ));
    }
    if old.position_start != e.position_start {
        out.push(format!(
            "position start {} -> {}",
            date(old.position_start),
            date(e.position_start)
        ));
    }
    if old.chapter != e.chapter {
        out.push(format!(
            "chapter {} -> {}",
            old.chapter_label(),
            e.chapter_label()
        ));
    }
    let supervisor_number = |r: Option<Ref>| match r {
        None => "none".to_string(),
        Some(Ref::Existing(id)) => data
            .employee(id)
            .map_or(format!("#{id}"), |s| s.employee_number.clone()),
        Some(Ref::New(row)) => rows[row].1.number.clone(),
    };
    let old_supervisor = old.supervisor_id.map(Ref::Existing);
    if old_supervisor != supervisor_row {
        out.push(format!(
            "supervisor {} -> {}",
            supervisor_number(old_supervisor),
            supervisor_number(supervisor_row)
        ));
    }
    out
}
