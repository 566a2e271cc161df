//! The demo dataset: fictional people over the FY25 booklet's facts, built from the files in
//! `assets/demo/`. Dates that must stay current (ambassador tenures, active mentoring pairs,
//! recent intakes) are placed relative to `today`, so the demo looks like live work whenever it opens.

mod calendar;
mod rng;
pub mod synthetic;

pub use rng::Rng;

use crate::dataset::Dataset;
use crate::domain::*;
use crate::store::{Store, StoreError};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

const LOCATIONS: &str = include_str!("../../assets/demo/locations.csv");
const FIRST_NAMES: &str = include_str!("../../assets/demo/first_names.txt");
const LAST_NAMES: &str = include_str!("../../assets/demo/last_names.txt");
const POSITIONS: &str = include_str!("../../assets/demo/positions.csv");
const LEADERSHIP_FY25: &str = include_str!("../../assets/demo/leadership_fy25.csv");
const COHORT_FY25: &str = include_str!("../../assets/demo/cohort_fy25.csv");
const OFFERINGS: &str = include_str!("../../assets/demo/offerings.csv");
const AMBASSADORS: &str = include_str!("../../assets/demo/ambassadors.csv");
const AMBASSADOR_SESSIONS: &str = include_str!("../../assets/demo/ambassador_sessions.csv");

/// The two people who run the program, by role (the demo has no real names).
pub const OWNERS: [&str; 2] = ["program manager", "program specialist"];

const EMPLOYEES: usize = 420;

fn rows(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .filter_map(Result::ok)
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn time(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap_or(NaiveTime::MIN)
}

/// Builds the whole demo dataset for a program observed on `today`.
pub fn build(today: NaiveDate) -> Dataset {
    let mut b = Builder {
        data: Dataset::default(),
        rng: Rng::new(2025),
        today,
    };
    b.locations();
    b.data.closures = calendar::closures(
        FiscalYear::of(today).previous().previous().previous(),
        FiscalYear::of(today).next(),
    );
    b.employees();
    b.leadership();
    b.offerings();
    b.popups();
    b.intakes();
    b.mentoring();
    b.ambassadors();
    b.teacher_outcomes();
    b.data.reindex();
    b.data
}

/// Writes `data` into `store` in one transaction, keeping the ids it has.
pub fn write(store: &Store, data: &Dataset) -> Result<(), StoreError> {
    store.write(|txn| {
        macro_rules! put_all {
            ($($field:ident: $ty:ty),+ $(,)?) => {$(
                for r in &data.$field { txn.put(r)?; }
            )+};
        }
        crate::with_record_kinds!(put_all);
        Ok(())
    })
}

struct Builder {
    data: Dataset,
    rng: Rng,
    today: NaiveDate,
}

impl Builder {
    fn locations(&mut self) {
        for (i, r) in rows(LOCATIONS).iter().enumerate() {
            self.data.locations.push(Location {
                id: i as Id + 1,
                name: r[0].to_string(),
                kind: LocationKind::parse(&r[1]).unwrap_or(LocationKind::Office),
                employees: r[2].parse().unwrap_or(0),
            });
        }
    }

    fn location_id(&self, name: &str) -> Id {
        self.data
            .locations
            .iter()
            .find(|l| l.name == name)
            .map(|l| l.id)
            .unwrap_or(1)
    }

    fn employees(&mut self) {
        let firsts: Vec<&str> = FIRST_NAMES.lines().filter(|l| !l.is_empty()).collect();
        let lasts: Vec<&str> = LAST_NAMES.lines().filter(|l| !l.is_empty()).collect();
        let positions: Vec<(String, String)> = rows(POSITIONS)
            .iter()
            .map(|r| (r[0].to_string(), r[1].to_string()))
            .collect();
        let races = [
            (Race::White, 30),
            (Race::Black, 28),
            (Race::Hispanic, 24),
            (Race::Asian, 10),
            (Race::TwoOrMore, 4),
            (Race::Unknown, 4),
        ];
        for i in 0..EMPLOYEES {
            let id = i as Id + 1;
            // Walk the name grid so every name is distinct.
            let first = firsts[i % firsts.len()];
            let last = lasts[(i / firsts.len() + i * 7) % lasts.len()];
            let (position, chapter) = self.rng.pick(&positions).clone();
            let mut roll = self.rng.below(100) as u32;
            let race = races
                .iter()
                .find(|(_, w)| {
                    let hit = roll < *w;
                    roll = roll.saturating_sub(*w);
                    hit
                })
                .map(|(r, _)| *r)
                .unwrap_or(Race::Unknown);
            let hire = self.today - Duration::days(self.rng.range(200, 30 * 365));
            let position_start = hire + Duration::days(self.rng.range(0, (self.today - hire).num_days()));
            let status = if chapter == NO_CHAPTER {
                if position.starts_with("Substitute") {
                    EmploymentStatus::Substitute
                } else {
                    EmploymentStatus::Temporary
                }
            } else {
                EmploymentStatus::Permanent
            };
            let location_id = Some(self.rng.below(self.data.locations.len()) as Id + 1);
            let retirement_date = (hire.year() < 2000 && self.rng.chance(40))
                .then(|| self.today + Duration::days(self.rng.range(60, 5 * 365)));
            let email = format!(
                "{}_{}@district.example.org",
                fold(first).to_lowercase(),
                fold(last).to_lowercase()
            );
            self.data.employees.push(Employee {
                id,
                employee_number: format!("{:06}", 100_000 + id * 37),
                first_name: first.to_string(),
                last_name: last.to_string(),
                email,
                position,
                location_id,
                chapter,
                race,
                hire_date: Some(hire),
                position_start: Some(position_start),
                status,
                in_evaluation: self.rng.chance(3),
                retirement_date,
                supervisor_id: (id > 20 && self.rng.chance(50)).then(|| self.rng.range(1, 20) as Id),
            });
        }
    }

    /// A new employee id for someone who must fit a role exactly (cohort, ambassador).
    fn employee_like(
        &mut self,
        position: &str,
        race: Option<Race>,
        location: Option<Id>,
        min_years: i64,
    ) -> Id {
        let n = self.data.employees.len();
        let i = self.rng.below(n);
        let mut e = self.data.employees[i].clone();
        e.id = n as Id + 1;
        e.first_name = self.data.employees[(i * 3 + 5) % n].first_name.clone();
        e.last_name = self.data.employees[(i * 5 + 11) % n].last_name.clone();
        e.employee_number = format!("{:06}", 100_000 + e.id * 37);
        e.email = format!(
            "{}_{}{}@district.example.org",
            fold(&e.first_name).to_lowercase(),
            fold(&e.last_name).to_lowercase(),
            e.id
        );
        e.position = position.to_string();
        if let Some(race) = race {
            e.race = race;
        }
        if location.is_some() {
            e.location_id = location;
        }
        e.status = EmploymentStatus::Permanent;
        if e.chapter == NO_CHAPTER {
            e.chapter = "Office Professionals".into();
        }
        e.in_evaluation = false;
        let hire = self.today - Duration::days(self.rng.range(min_years * 366 + 30, 28 * 365));
        e.hire_date = Some(hire);
        e.position_start = Some(hire + Duration::days((self.today - hire).num_days() / 3));
        self.data.employees.push(e);
        n as Id + 1
    }

    fn leadership(&mut self) {
        let fy25 = rows(LEADERSHIP_FY25);
        let current = FiscalYear::of(self.today);
        let years: Vec<i32> = if current.0 > 2025 {
            vec![2025, current.0]
        } else {
            vec![2025]
        };
        for fy in years {
            let cohort_id = self.data.cohorts.len() as Id + 1;
            self.data.cohorts.push(Cohort {
                id: cohort_id,
                fiscal_year: fy,
                rule: CompletionRule::default(),
            });
            let shift = fy - 2025;
            let first_session = self.data.sessions.len() as Id + 1;
            for r in &fy25 {
                let d = NaiveDate::parse_from_str(&r[1], "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
                let d = NaiveDate::from_ymd_opt(d.year() + shift, d.month(), d.day().min(28)).unwrap_or(d);
                let d = if shift == 0 {
                    NaiveDate::parse_from_str(&r[1], "%Y-%m-%d").unwrap_or(d)
                } else {
                    d
                };
                self.data.sessions.push(LeadershipSession {
                    id: self.data.sessions.len() as Id + 1,
                    cohort_id,
                    number: r[0].parse().unwrap_or(0),
                    date: d,
                    start: time(&r[2]),
                    end: time(&r[3]),
                    location: r[4].to_string(),
                    room: r[5].to_string(),
                    topic: r[6].to_string(),
                    facilitator: r[7].to_string(),
                });
            }
            let roles: Vec<(String, Option<Race>)> = if fy == 2025 {
                rows(COHORT_FY25)
                    .iter()
                    .map(|r| (r[0].to_string(), Race::parse(&r[1])))
                    .collect()
            } else {
                let positions = rows(POSITIONS);
                (0..14)
                    .map(|i| (positions[(i * 3) % positions.len()][0].to_string(), None))
                    .collect()
            };
            for (k, (role, race)) in roles.into_iter().enumerate() {
                let employee_id = self.employee_like(&role, race, None, 1);
                let pid = self.data.participants.len() as Id + 1;
                let sessions: Vec<(Id, NaiveDate, u8)> = self.data.sessions[first_session as usize - 1..]
                    .iter()
                    .map(|s| (s.id, s.date, s.number))
                    .collect();
                let mut present = 0;
                for (sid, sdate, number) in &sessions {
                    if *sdate > self.today {
                        continue;
                    }
                    // Two FY25 participants miss too much; everyone else attends almost always.
                    let mark = if fy == 2025 && k >= 13 && *number % 2 == 0 {
                        Attendance::Absent
                    } else if self.rng.chance(8) && *number != 8 {
                        Attendance::Excused
                    } else {
                        Attendance::Present
                    };
                    if mark == Attendance::Present {
                        present += 1;
                    }
                    self.data.attendance.push(AttendanceMark {
                        id: self.data.attendance.len() as Id + 1,
                        participant_id: pid,
                        session_id: *sid,
                        mark,
                    });
                }
                let done = sessions.iter().all(|(_, d, _)| *d <= self.today);
                let status = if done && present >= 6 {
                    ParticipantStatus::Completed
                } else {
                    ParticipantStatus::Active
                };
                self.data.participants.push(Participant {
                    id: pid,
                    cohort_id,
                    employee_id,
                    role,
                    status,
                });
            }
        }
        for (i, note) in [
            "missed the FY25 deadline; very interested",
            "asked about the next cohort at a pop-up",
            "supervisor recommended",
            "applied one day late",
        ]
        .iter()
        .enumerate()
        {
            self.data.waitlist.push(WaitlistEntry {
                id: i as Id + 1,
                employee_id: 30 + i as Id * 17,
                joined: date(2024, 9, 20) + Duration::days(i as i64 * 41),
                note: note.to_string(),
            });
        }
    }

    fn offerings(&mut self) {
        for (i, r) in rows(OFFERINGS).iter().enumerate() {
            self.data.offerings.push(Offering {
                id: i as Id + 1,
                course_number: r[0].to_string(),
                title: r[1].to_string(),
                partner_office: r[2].to_string(),
                teacher_pathway: &r[3] == "yes",
            });
        }
        // Each offering runs a few times a year from FY25 to today.
        let mut d = date(2024, 7, 10);
        let mut k = 0usize;
        let employees = self.data.employees.len();
        while d <= self.today {
            let offering_id = (k % self.data.offerings.len()) as Id + 1;
            let session_id = self.data.pl_sessions.len() as Id + 1;
            // Webinars after work on Zoom, the others in the afternoon at the CESC.
            let (start, end, place) = if k.is_multiple_of(3) {
                ("16:30", "17:30", "Zoom")
            } else {
                ("14:00", "15:30", "850 Hungerford Dr. (CESC)")
            };
            self.data.pl_sessions.push(PlSession {
                id: session_id,
                offering_id,
                date: d,
                start: Some(time(start)),
                end: Some(time(end)),
                place: place.into(),
                facilitator: "Career Pathways Team".into(),
            });
            let size = self.rng.range(6, 24) as usize;
            let start = self.rng.below(employees);
            for j in 0..size {
                self.data.pl_attendance.push(PlAttendance {
                    id: self.data.pl_attendance.len() as Id + 1,
                    pl_session_id: session_id,
                    employee_id: ((start + j * 13) % employees) as Id + 1,
                });
            }
            d += Duration::days(self.rng.range(4, 12));
            k += 1;
        }
    }

    /// Support staff hired as teachers: a few each year since FY24, more each year, as the
    /// booklet reports. Placed by a fixed pattern (no random draws, so the rest stays the same).
    fn teacher_outcomes(&mut self) {
        let programs = ["Teacher Residency (UMD)", "Para-to-Teacher (Montgomery College)"];
        let per_year = [(2024, 4), (2025, 10), (2026, 12), (2027, 3)];
        for (year, count) in per_year {
            for i in 0..count {
                let hired = date(year - 1, 8, 12) + Duration::days(i as i64 * 23);
                if hired > self.today {
                    break;
                }
                let n = self.data.teacher_outcomes.len() as Id;
                self.data.teacher_outcomes.push(TeacherOutcome {
                    id: n + 1,
                    // Different people, spread over the staff.
                    employee_id: 8 + n * 11,
                    hired,
                    school_year: format!("{}-{:02}", year - 1, year % 100),
                    partner_program: programs[i % 2].into(),
                });
            }
        }
    }

    fn popups(&mut self) {
        let schools: Vec<Id> = self
            .data
            .locations
            .iter()
            .filter(|l| l.kind.is_school())
            .map(|l| l.id)
            .collect();
        let mut d = date(2024, 11, 6);
        while d <= self.today {
            if !matches!(d.month(), 7 | 8) {
                self.data.popups.push(PopUpEvent {
                    id: self.data.popups.len() as Id + 1,
                    date: d,
                    location_id: *self.rng.pick(&schools),
                    note: "lobby table, morning arrival".into(),
                });
            }
            d += Duration::days(self.rng.range(12, 24));
        }
    }

    fn intakes(&mut self) {
        let mut d = date(2024, 7, 1);
        let employees = self.data.employees.len();
        while d <= self.today {
            let per_day = if d.weekday().number_from_monday() <= 5 {
                self.rng.range(0, 2)
            } else {
                0
            };
            for _ in 0..per_day {
                self.intake_on(d, employees);
            }
            d += Duration::days(1);
        }
    }

    fn intake_on(&mut self, received: NaiveDate, employees: usize) {
        let popup = self.data.popups.iter().find(|p| p.date == received).map(|p| p.id);
        let source = match (popup, self.rng.below(10)) {
            (Some(_), _) => IntakeSource::PopUp,
            (None, 0) => IntakeSource::Referral,
            (None, 1) => IntakeSource::WalkIn,
            _ => IntakeSource::Form,
        };
        let employee_id = self.rng.below(employees) as Id + 1;
        let mut intake = Intake::new(employee_id, received, source);
        intake.popup_event_id = popup;
        let n = 1 + self.rng.below(3);
        for _ in 0..n {
            let s = *self.rng.pick(Service::ALL);
            if !intake.services.contains(&s) {
                intake.services.push(s);
            }
        }
        if intake.services.contains(&Service::Other) {
            intake.other_service = "help with a tuition reimbursement form".into();
        }
        intake.owner = OWNERS[self.rng.below(2)].to_string();
        let age = (self.today - received).num_days();
        let contacted = received + Duration::days(self.rng.range(1, 6));
        let scheduled = contacted + Duration::days(self.rng.range(2, 10));
        let established = scheduled + Duration::days(self.rng.range(3, 14));
        let roll = self.rng.below(100);
        let steps: &[(IntakeStatus, NaiveDate)] = &[
            (IntakeStatus::Contacted, contacted),
            (IntakeStatus::ConsultationScheduled, scheduled),
            (IntakeStatus::RelationshipEstablished, established),
        ];
        let reach = if age < 3 {
            0
        } else if age < 12 {
            if roll < 40 { 0 } else { 1 }
        } else if roll < 10 {
            1
        } else if roll < 25 {
            2
        } else {
            3
        };
        for (status, when) in steps.iter().take(reach) {
            if *when <= self.today {
                intake.move_to(*status, *when, None);
            }
        }
        let closed_on = established + Duration::days(self.rng.range(30, 120));
        if reach == 3 && closed_on <= self.today && self.rng.chance(60) {
            intake.move_to(IntakeStatus::Closed, closed_on, Some(CloseReason::Served));
        } else if reach == 1 && age > 60 && self.rng.chance(60) {
            let reason = if self.rng.chance(50) {
                CloseReason::NoResponse
            } else {
                CloseReason::Withdrawn
            };
            intake.move_to(IntakeStatus::Closed, contacted + Duration::days(30), Some(reason));
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
        if intake.status >= IntakeStatus::RelationshipEstablished {
            let meetings = 1 + self.rng.below(3);
            let mut when = intake.established_on().unwrap_or(received);
            for _ in 0..meetings {
                if when > self.today {
                    break;
                }
                self.data.consultations.push(Consultation {
                    id: self.data.consultations.len() as Id + 1,
                    intake_id: intake.id,
                    date: when,
                    minutes: [30, 45, 60][self.rng.below(3)],
                    services: intake.services.clone(),
                    notes: "talked through next steps and a timeline".into(),
                });
                when += Duration::days(self.rng.range(14, 40));
            }
        }
        self.data.intakes.push(intake);
    }

    fn mentoring(&mut self) {
        let chapters = [
            "Transportation",
            "Paraeducators",
            "Office Professionals",
            "Fiscal",
        ];
        for (i, chapter) in chapters.iter().flat_map(|c| [c, c]).enumerate() {
            let position = rows(POSITIONS)
                .iter()
                .find(|r| &r[1] == *chapter)
                .map(|r| r[0].to_string())
                .unwrap_or_default();
            let employee_id = self.employee_like(&position, None, None, 6);
            if let Some(e) = self.data.employees.last_mut() {
                e.chapter = chapter.to_string();
            }
            self.data.mentors.push(Mentor {
                id: i as Id + 1,
                employee_id,
                expertise: [
                    "career changes",
                    "leadership",
                    "exams and certification",
                    "work-life balance",
                ][i % 4]
                    .to_string(),
                active: i != 7,
                joined: date(2023, 4, 15),
            });
        }
        // Pairs: four active (one ending within 30 days), one completed, one not a good fit.
        let starts = [340, 200, 120, 45, 500, 420];
        for (i, days_ago) in starts.iter().enumerate() {
            let started = self.today - Duration::days(*days_ago);
            let mentee_id = self.permanent_mentee(i);
            let (ended, end_reason) = match i {
                4 => (
                    Some(started + Duration::days(365)),
                    Some(PairEndReason::Completed),
                ),
                5 => (
                    Some(started + Duration::days(60)),
                    Some(PairEndReason::NotAGoodFit),
                ),
                _ => (None, None),
            };
            let pair = MentoringPair {
                id: i as Id + 1,
                mentor_id: i as Id % 7 + 1,
                mentee_id,
                started,
                ended,
                end_reason,
                notes: "agreement signed; meets at the mentee's school".into(),
            };
            for (k, month) in pair.months_due(self.today).into_iter().enumerate() {
                // A few months are missing, so the grid has gaps to chase.
                if (k + i) % 5 == 4 {
                    continue;
                }
                self.data.logs.push(MentorLog {
                    id: self.data.logs.len() as Id + 1,
                    pair_id: pair.id,
                    month,
                    hours: [1.5, 2.0, 3.0, 4.0][(k + i) % 4],
                    topics: "goal setting; application for a new position".into(),
                    submitted: crate::domain::add_months(month, 1),
                });
            }
            self.data.pairs.push(pair);
        }
    }

    fn permanent_mentee(&self, skip: usize) -> Id {
        self.data
            .employees
            .iter()
            .filter(|e| {
                e.status == EmploymentStatus::Permanent && !e.in_evaluation && e.supervisor_id.is_none()
            })
            .nth(40 + skip * 9)
            .map(|e| e.id)
            .unwrap_or(1)
    }

    fn ambassadors(&mut self) {
        let records = rows(AMBASSADORS);
        // Most of the cohort started ten months ago; a few started earlier and end soon.
        for (i, r) in records.iter().enumerate() {
            let primary = self.location_id(&r[0]);
            let supported: Vec<Id> = r[1]
                .split(';')
                .filter(|s| !s.is_empty())
                .map(|s| self.location_id(s))
                .collect();
            let position = if i < 15 {
                "Paraeducator Spec Ed"
            } else {
                "Bus Route Supervisor"
            };
            let employee_id = self.employee_like(position, None, Some(primary), 5);
            let months_ago = if i % 6 == 5 { 16 } else { 10 };
            let start = crate::domain::first_of_month(self.today)
                .checked_sub_months(chrono::Months::new(months_ago))
                .unwrap_or(self.today);
            self.data.ambassadors.push(Ambassador {
                id: i as Id + 1,
                employee_id,
                tenure_start: start,
                tenure_end: Ambassador::default_tenure_end(start),
                primary_location: primary,
                supported_locations: supported,
            });
        }
        let topics = rows(AMBASSADOR_SESSIONS);
        let first = self
            .data
            .ambassadors
            .iter()
            .map(|a| a.tenure_start)
            .min()
            .unwrap_or(self.today);
        let mut d = first + Duration::days(14);
        let mut k = 0;
        while d <= self.today + Duration::days(45) {
            let t = &topics[k % topics.len()];
            let attendees = if d <= self.today {
                self.data
                    .ambassadors
                    .iter()
                    .filter(|a| a.is_active(d))
                    .map(|a| a.id)
                    .filter(|id| !(*id as usize + k).is_multiple_of(5))
                    .collect()
            } else {
                Vec::new()
            };
            self.data.ambassador_sessions.push(AmbassadorSession {
                id: k as Id + 1,
                date: d,
                topic: t[1].to_string(),
                presenter: t[2].to_string(),
                attendees,
            });
            d = crate::domain::add_months(d, 1);
            k += 1;
        }
        // A reference population the team would enter, to compare the cohort with (demo figures).
        let mut students = ReferencePopulation {
            id: 1,
            name: "Student population".into(),
            groups: Vec::new(),
        };
        let races = [
            (Race::Hispanic, 56_200),
            (Race::White, 36_100),
            (Race::Black, 35_400),
            (Race::Asian, 23_000),
            (Race::TwoOrMore, 9_100),
            (Race::AmericanIndian, 310),
            (Race::PacificIslander, 150),
        ];
        let counts = races.iter().map(|(r, n)| (r.label().to_string(), *n)).collect();
        students.set_counts(Dimension::Race, counts);
        self.data.reference_populations.push(students);
    }
}

/// ASCII form of a name for emails and search keys ("García" -> "Garcia").
pub fn fold(text: &str) -> String {
    crate::text::fold(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_booklet_facts_hold() {
        let today = date(2026, 11, 25);
        let d = build(today);
        let fy25 = d.cohort_for(FiscalYear(2025)).expect("FY25 cohort");
        let sessions: Vec<_> = d.sessions.iter().filter(|s| s.cohort_id == fy25.id).collect();
        assert_eq!(sessions.len(), 8);
        assert_eq!(sessions[0].date, date(2024, 10, 30));
        assert_eq!(sessions[7].topic, "Leadership Project");
        let people: Vec<_> = d.participants.iter().filter(|p| p.cohort_id == fy25.id).collect();
        assert_eq!(people.len(), 15);
        let count = |race| {
            people
                .iter()
                .filter(|p| d.employee(p.employee_id).map(|e| e.race) == Some(race))
                .count()
        };
        assert_eq!(
            (count(Race::White), count(Race::Black), count(Race::Hispanic)),
            (6, 5, 4)
        );
        let c = coverage(&d.ambassadors, &d.locations, today);
        assert_eq!(c.active_ambassadors, 24);
        assert_eq!(c.locations_covered, 43);
        assert!(
            (1500..1700).contains(&c.employees_covered),
            "{}",
            c.employees_covered
        );
        let schools = d
            .ambassadors
            .iter()
            .filter(|a| d.location(a.primary_location).is_some_and(|l| l.kind.is_school()))
            .count();
        assert_eq!(schools, 15);
        assert_eq!(d.mentors.len(), 8);
        let chapters: std::collections::BTreeSet<_> = d
            .mentors
            .iter()
            .filter_map(|m| d.employee(m.employee_id))
            .map(|e| e.chapter.clone())
            .collect();
        assert_eq!(chapters.len(), 4);
        assert_eq!(d.offerings.len(), 15);
        assert!(d.employees.len() > 400 && d.locations.len() >= 60);
        for e in &d.employees {
            assert!(e.validate().is_ok(), "{e:?}");
        }
        for i in &d.intakes {
            assert!(i.validate().is_ok(), "{i:?}");
        }
        let fy25_intakes = d
            .intakes
            .iter()
            .filter(|i| FiscalYear::of(i.received) == FiscalYear(2025))
            .count();
        assert!(fy25_intakes > 150, "{fy25_intakes}");
    }

    #[test]
    fn the_demo_is_the_same_every_time() {
        let today = date(2026, 11, 25);
        assert_eq!(
            format!("{:?}", build(today).intakes),
            format!("{:?}", build(today).intakes)
        );
    }
}
