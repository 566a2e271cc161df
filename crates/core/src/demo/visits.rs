//! The intake queue from the new intake process (September 2022) on: a few intakes every weekday,
//! more at school pop-ups (from November 2024), each moving through the queue on its own
//! schedule, with 1:1 consultations once a relationship is established. Steps after today are
//! not yet taken.

use super::{Builder, OWNERS, date, stream};
use crate::domain::*;
use chrono::{Datelike, Duration, NaiveDate};

const STREAM_POPUP: u64 = 40;
const STREAM_DAY: u64 = 41;
const STREAM_INTAKE: u64 = 42;

impl Builder {
    pub(super) fn popups(&mut self) {
        let schools: Vec<Id> = self
            .data
            .locations
            .iter()
            .filter(|l| l.kind.is_school())
            .map(|l| l.id)
            .collect();
        let mut d = date(2024, 11, 6);
        let mut k = 0u64;
        while d <= self.today {
            let mut rng = stream(STREAM_POPUP, k);
            self.data.popups.push(PopUpEvent {
                id: self.data.popups.len() as Id + 1,
                date: d,
                location_id: *rng.pick(&schools),
                note: "lobby table, morning arrival".into(),
            });
            d = self.open_on_or_after(d + Duration::days(rng.range(12, 24)));
            // No pop-ups while school is out: the next one after the summer is in September.
            if matches!(d.month(), 7 | 8) {
                d = self.open_on_or_after(date(d.year(), 9, 10));
            }
            k += 1;
        }
    }

    pub(super) fn intakes(&mut self) {
        let first = date(2022, 9, 6);
        let mut d = first;
        while d <= self.today {
            let day = (d - first).num_days() as u64;
            if self.is_open(d) {
                let mut rng = stream(STREAM_DAY, day);
                let popup = self.data.popups.iter().find(|p| p.date == d).map(|p| p.id);
                let walk_ups = if popup.is_some() { rng.range(3, 6) } else { 0 };
                let count = rng.range(0, 2) + walk_ups;
                for j in 0..count {
                    let at_popup = popup.filter(|_| j >= count - walk_ups);
                    self.intake_on(d, day * 16 + j as u64, at_popup);
                }
            }
            d += Duration::days(1);
        }
    }

    fn intake_on(&mut self, received: NaiveDate, item: u64, popup: Option<Id>) {
        let mut rng = stream(STREAM_INTAKE, item);
        let pool = self.hired_by(received);
        if pool.is_empty() {
            return;
        }
        // A person has at most one intake a day.
        let mut employee_id = pool[rng.below(pool.len())].1;
        while self
            .data
            .intakes
            .iter()
            .rev()
            .take_while(|i| i.received == received)
            .any(|i| i.employee_id == employee_id)
        {
            employee_id = pool[rng.below(pool.len())].1;
        }
        let source = match (popup, rng.below(10)) {
            (Some(_), _) => IntakeSource::PopUp,
            (None, 0) => IntakeSource::Referral,
            (None, 1) => IntakeSource::WalkIn,
            _ => IntakeSource::Form,
        };
        let mut intake = Intake::new(employee_id, received, source);
        intake.popup_event_id = popup;
        for _ in 0..1 + rng.below(3) {
            let s = *rng.pick(Service::ALL);
            if !intake.services.contains(&s) {
                intake.services.push(s);
            }
        }
        if intake.services.contains(&Service::Other) {
            intake.other_service = "help with a tuition reimbursement form".into();
        }
        intake.owner = OWNERS[rng.below(2)].to_string();
        // The whole course, decided now; only the steps taken by today are recorded.
        let contacted = self.open_on_or_after(received + Duration::days(rng.range(1, 5)));
        let scheduled = self.open_on_or_after(contacted + Duration::days(rng.range(2, 10)));
        let established = self.open_on_or_after(scheduled + Duration::days(rng.range(3, 14)));
        let roll = rng.below(100);
        let reach = match roll {
            0..4 => 0,
            4..14 => 1,
            14..29 => 2,
            _ => 3,
        };
        let steps = [
            (IntakeStatus::Contacted, contacted),
            (IntakeStatus::ConsultationScheduled, scheduled),
            (IntakeStatus::RelationshipEstablished, established),
        ];
        // How it ends: most relationships are served within months; an intake that stalls is
        // closed once the team gives up on an answer.
        let close = match reach {
            // Never reached: closed as no response after six weeks.
            0 => Some((received + Duration::days(45), CloseReason::NoResponse)),
            1 | 2 if rng.chance(85) => Some((
                steps[reach - 1].1 + Duration::days(30),
                if rng.chance(50) {
                    CloseReason::NoResponse
                } else {
                    CloseReason::Withdrawn
                },
            )),
            3 if rng.chance(85) => Some((
                self.open_on_or_after(established + Duration::days(rng.range(30, 150))),
                CloseReason::Served,
            )),
            _ => None,
        };
        for (status, when) in steps.iter().take(reach) {
            if *when <= self.today {
                intake.move_to(*status, *when, None);
            }
        }
        if let Some((when, reason)) = close
            && when <= self.today
        {
            intake.move_to(IntakeStatus::Closed, self.open_on_or_after(when), Some(reason));
        }
        let (step, due_in) = match intake.status {
            IntakeStatus::Received => ("first contact by email", 3),
            IntakeStatus::Contacted => ("schedule a consultation", 5),
            IntakeStatus::ConsultationScheduled => ("hold the consultation", 7),
            IntakeStatus::RelationshipEstablished => ("follow up on goals", 30),
            IntakeStatus::Closed => ("", 0),
        };
        intake.next_step = step.to_string();
        let last = intake.history.last().map(|c| c.date).unwrap_or(received);
        intake.next_step_due = (!step.is_empty()).then(|| last + Duration::days(due_in));
        intake.id = self.data.intakes.len() as Id + 1;
        if reach == 3 {
            let meetings = 1 + rng.below(3);
            let mut when = established;
            let closed = close.map(|(c, _)| c);
            for _ in 0..meetings {
                let minutes = [30, 45, 60][rng.below(3)];
                // No meeting after the intake is closed as served.
                if closed.is_some_and(|c| when > c) {
                    break;
                }
                if when <= self.today {
                    self.data.consultations.push(Consultation {
                        id: self.data.consultations.len() as Id + 1,
                        intake_id: intake.id,
                        date: when,
                        minutes,
                        services: intake.services.clone(),
                        notes: "talked through next steps and a timeline".into(),
                    });
                }
                when = self.open_on_or_after(when + Duration::days(rng.range(14, 40)));
            }
        }
        self.data.intakes.push(intake);
    }
}
