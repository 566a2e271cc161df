//! `pathways export intakes`: the import's columns plus status and dates. Every cell goes through
//! [`crate::text::sheet_cell`] (the import undoes it), and `--private` masks what
//! [`crate::privacy`] calls personal.

use super::{STATUS_COLUMNS, col};
use crate::dataset::Dataset;
use crate::domain::*;
use crate::privacy::{Mask, Sensitive};
use crate::text::sheet_cell;
use chrono::NaiveDate;
use std::io::Write;

/// Writes every intake as CSV with the import's headers plus status and dates. Returns the ids of
/// intakes left out because their employee record is missing. `mask` is the `--private` one.
pub fn write_csv(data: &Dataset, mask: Mask, out: impl Write) -> Result<Vec<Id>, csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(col::ALL)?;
    let mut skipped = Vec::new();
    for i in &data.intakes {
        let Some(e) = data.employee(i.employee_id) else {
            skipped.push(i.id);
            continue;
        };
        let services = i
            .services
            .iter()
            .map(|s| {
                if *s == Service::Other && !i.other_service.is_empty() {
                    // Read back as an unknown service: "other" with this text.
                    i.other_service.replace(';', ",")
                } else {
                    s.label().to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        let location = e
            .location_id
            .and_then(|id| data.location(id))
            .map(|l| l.name.as_str())
            .unwrap_or("");
        let popup = i
            .popup_event_id
            .and_then(|id| data.popups.iter().find(|p| p.id == id));
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut record = vec![
            e.employee_number.clone(),
            mask.name(&e.first_name).into_owned(),
            mask.name(&e.last_name).into_owned(),
            mask.show(Sensitive::Email, &e.email).into_owned(),
            e.position.clone(),
            location.to_string(),
            e.chapter.clone().unwrap_or_default(),
            services,
            i.received.to_string(),
            mask.show(Sensitive::Note, &i.notes).into_owned(),
            i.source.label().to_string(),
            i.owner.clone(),
            i.next_step.clone(),
            date(i.next_step_due),
            i.status.label().to_string(),
            i.close_reason.map(|r| r.label().to_string()).unwrap_or_default(),
        ];
        for (status, _) in STATUS_COLUMNS {
            record.push(date(i.date_of(status)));
        }
        record.push(date(popup.map(|p| p.date)));
        record.push(
            popup
                .and_then(|p| data.location(p.location_id))
                .map(|l| l.name.clone())
                .unwrap_or_default(),
        );
        record.push(i.id.to_string());
        w.write_record(record.iter().map(|cell| sheet_cell(cell).into_owned()))?;
    }
    w.flush()?;
    Ok(skipped)
}
