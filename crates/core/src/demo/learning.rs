//! Professional learning from FY23 on: the booklet's offerings with their course numbers, held
//! Tuesday to Thursday in set weeks of each month (the teacher webinar monthly and largest), and
//! FY25 exactly as the booklet counts it: 375 attendances by December 13, 2024.

use super::{Builder, OFFERINGS, date, rows, stream};
use crate::domain::*;
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::HashSet;

const STREAM_PL: u64 = 30;

/// The booklet's count: FY25 attendances from July 1 to December 13, 2024.
const FY25_BY_DECEMBER_13: u64 = 375;

/// The teacher webinar (course 87524) opens every month but July.
const WEBINAR: &str = "87524";
const TEACHER_INTERVIEWS: &str = "92879";

struct Planned {
    date: NaiveDate,
    offering_id: Id,
    size: u64,
}

impl Builder {
    pub(super) fn learning(&mut self) {
        let since: Vec<i32> = rows(OFFERINGS)
            .iter()
            .map(|r| r.get(2).and_then(|s| s.parse().ok()).unwrap_or(2023))
            .collect();
        for (i, r) in rows(OFFERINGS).iter().enumerate() {
            self.data.offerings.push(Offering {
                id: i as Id + 1,
                course_number: r[0].to_string(),
                title: r[1].to_string(),
                partner_office: r.get(3).unwrap_or("").to_string(),
                teacher_pathway: r.get(4) == Some("yes"),
            });
        }
        let mut plan = self.pl_plan(&since);
        plan.sort_by_key(|p| p.date);
        for p in plan.into_iter().filter(|p| p.date <= self.today) {
            let session_id = self.data.pl_sessions.len() as Id + 1;
            // Webinars after work on Zoom; the others in the afternoon at the CESC.
            let online =
                self.data.offerings.iter().any(|o| {
                    o.id == p.offering_id && (o.course_number == WEBINAR || o.title.contains("Zoom"))
                });
            let (start, end, place) = if online {
                ("16:30", "17:30", "Zoom")
            } else {
                ("14:00", "15:30", "850 Hungerford Dr. (CESC)")
            };
            self.data.pl_sessions.push(PlSession {
                id: session_id,
                offering_id: p.offering_id,
                date: p.date,
                start: Some(super::time(start)),
                end: Some(super::time(end)),
                place: place.into(),
                facilitator: "Career Pathways Team".into(),
            });
            let hired = self.hired_by(p.date).len();
            let mut rng = stream(STREAM_PL, 1_000_000 + p.date.num_days_from_ce() as u64);
            let mut seen: HashSet<Id> = HashSet::new();
            while (seen.len() as u64) < p.size.min(hired as u64) {
                let (_, employee_id) = self.by_hire[rng.below(hired)];
                if seen.insert(employee_id) {
                    self.data.pl_attendance.push(PlAttendance {
                        id: self.data.pl_attendance.len() as Id + 1,
                        pl_session_id: session_id,
                        employee_id,
                    });
                }
            }
        }
    }

    /// Support staff hired as teachers: a few each fiscal year from FY24, more each year, each a
    /// different paraeducator hired before, on a day the district is open. No random draws, so
    /// the rest of the demo stays as it is.
    pub(super) fn teacher_outcomes(&mut self) {
        let programs = ["Teacher Residency (UMD)", "Para-to-Teacher (Montgomery College)"];
        let mut candidates = self
            .data
            .employees
            .iter()
            .filter(|e| e.position.starts_with("Paraeducator"))
            .map(|e| (e.id, e.hire_date))
            .collect::<Vec<_>>()
            .into_iter()
            .step_by(3);
        for (year, count) in [(2024, 4), (2025, 10), (2026, 12), (2027, 14)] {
            for i in 0..count {
                let hired = self.open_on_or_after(date(year - 1, 8, 12) + chrono::Duration::days(i * 23));
                if hired > self.today {
                    return;
                }
                let Some((employee_id, _)) = candidates.find(|(_, h)| h.is_some_and(|h| h < hired)) else {
                    return;
                };
                self.data.teacher_outcomes.push(TeacherOutcome {
                    id: self.data.teacher_outcomes.len() as Id + 1,
                    employee_id,
                    hired,
                    school_year: format!("{}-{:02}", year - 1, year % 100),
                    partner_program: programs[i as usize % 2].into(),
                });
            }
        }
    }

    /// Every session from FY23 to the current fiscal year with its size, whatever today is.
    fn pl_plan(&self, since: &[i32]) -> Vec<Planned> {
        let id_of = |course: &str| {
            self.data
                .offerings
                .iter()
                .find(|o| o.course_number == course)
                .map(|o| o.id)
                .unwrap_or(1)
        };
        let (webinar, interviews) = (id_of(WEBINAR), id_of(TEACHER_INTERVIEWS));
        let mut plan = Vec::new();
        let mut turn = 0usize;
        for fy in 2023..=FiscalYear::of(self.today).0 {
            let rotation: Vec<Id> = self
                .data
                .offerings
                .iter()
                .zip(since)
                .filter(|(o, s)| **s <= fy && o.id != webinar)
                .map(|(o, _)| o.id)
                .collect();
            for month in FiscalYear(fy).months() {
                let (y, m) = month.calendar();
                let slots = match m {
                    7 | 8 => 2,
                    12 => 2,
                    _ => 5,
                };
                for j in 0..slots {
                    let weekday = [Weekday::Tue, Weekday::Wed, Weekday::Thu][j % 3];
                    let Some(day) = NaiveDate::from_weekday_of_month_opt(y, m, weekday, (j % 4) as u8 + 1)
                    else {
                        continue;
                    };
                    let offering_id = if j == 0 && m != 7 {
                        webinar
                    } else {
                        turn += 1;
                        rotation[turn % rotation.len().max(1)]
                    };
                    let mut rng = stream(STREAM_PL, day.num_days_from_ce() as u64);
                    let size = if offering_id == webinar {
                        rng.range(30, 50)
                    } else if offering_id == interviews {
                        rng.range(15, 28)
                    } else {
                        rng.range(6, 20)
                    } as u64;
                    plan.push(Planned {
                        date: day,
                        offering_id,
                        size,
                    });
                }
            }
        }
        // FY25 to December 13 exactly as the booklet counts it: scale those sessions to 375.
        let window = |p: &Planned| (date(2024, 7, 1)..=date(2024, 12, 13)).contains(&p.date);
        let planned: u64 = plan.iter().filter(|p| window(p)).map(|p| p.size).sum();
        let mut left = FY25_BY_DECEMBER_13;
        let count = plan.iter().filter(|p| window(p)).count();
        for (k, p) in plan.iter_mut().filter(|p| window(p)).enumerate() {
            p.size = if k + 1 == count {
                left
            } else {
                (p.size * FY25_BY_DECEMBER_13)
                    .checked_div(planned)
                    .unwrap_or(0)
                    .min(left)
            };
            left -= p.size;
        }
        plan
    }
}
