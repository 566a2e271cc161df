//! The leadership program (a cohort every fiscal year from FY24) and the mentoring program (the
//! April 2023 refresh on): people chosen to fit the rules on the day they count.

use super::people::positions;
use super::{Builder, COHORT_FY25, LEADERSHIP_FY25, date, rows, stream, time};
use crate::domain::*;
use chrono::{Datelike, Duration, NaiveDate};

const STREAM_COHORT: u64 = 10;
const STREAM_PAIR: u64 = 11;
const STREAM_LOG: u64 = 12;

/// Mentors by chapter and the day they joined: eight in four chapters by December 2024, two more
/// later. The Building Services mentor stepped back at the end of 2025 (inactive today).
const MENTORS: [(&str, (i32, u32, u32), &str); 10] = [
    ("Transportation", (2023, 4, 20), "leadership"),
    ("Paraeducators", (2023, 4, 20), "career changes"),
    ("Office Professionals", (2023, 4, 20), "exams and certification"),
    ("Fiscal", (2023, 4, 20), "work-life balance"),
    ("Transportation", (2023, 9, 14), "career changes"),
    ("Paraeducators", (2023, 9, 14), "exams and certification"),
    ("Office Professionals", (2024, 3, 12), "leadership"),
    ("Fiscal", (2024, 3, 12), "career changes"),
    ("Building Services", (2025, 5, 15), "work-life balance"),
    ("Food Services", (2026, 3, 10), "leadership"),
];

/// The mentor who is inactive today took no new mentee from this day on.
const STEPPED_BACK: (i32, u32, u32) = (2025, 12, 1);

/// Participants per cohort (FY25's is the booklet's fifteen).
fn cohort_size(fy: i32) -> usize {
    match fy {
        2024 => 14,
        2026 => 16,
        2027 => 14,
        _ => 15,
    }
}

/// A role someone is chosen for, on the day it is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Mentor(usize),
    Cohort(i32),
    Waitlist(usize),
}

/// People who missed the FY25 application deadline, in the order they asked.
const WAITLIST: [&str; 4] = [
    "missed the FY25 deadline; very interested",
    "asked about the next cohort at a pop-up",
    "supervisor recommended",
    "applied one day late",
];

fn waitlist_day(i: usize) -> NaiveDate {
    date(2024, 9, 20) + Duration::days(i as i64 * 41)
}

impl Builder {
    /// Mentors, cohorts and the waitlist, chosen in the order of their dates up to today: who is
    /// chosen on a day never depends on what happens later.
    pub(super) fn roles(&mut self) {
        let mut roles: Vec<(NaiveDate, Role)> = Vec::new();
        for (i, (_, joined, _)) in MENTORS.iter().enumerate() {
            roles.push((date(joined.0, joined.1, joined.2), Role::Mentor(i)));
        }
        for fy in 2024..=FiscalYear::of(self.today).0 {
            // Applications close before the year starts.
            roles.push((FiscalYear(fy).start(), Role::Cohort(fy)));
        }
        for i in 0..WAITLIST.len() {
            roles.push((waitlist_day(i), Role::Waitlist(i)));
        }
        roles.sort();
        let today = self.today;
        for (day, role) in roles.into_iter().filter(|(day, _)| *day <= today) {
            match role {
                Role::Mentor(i) => self.mentor(i, day),
                Role::Cohort(fy) => self.cohort(fy),
                Role::Waitlist(i) => self.waitlist(i, day),
            }
        }
        self.pairs();
    }

    fn cohort(&mut self, fy: i32) {
        let fy25 = rows(LEADERSHIP_FY25);
        let n = self.data.employees.len().max(1);
        let union_positions: Vec<String> = positions()
            .into_iter()
            .filter(|p| p.chapter != NO_CHAPTER)
            .map(|p| p.title)
            .collect();
        {
            let cohort = Cohort {
                id: self.data.cohorts.len() as Id + 1,
                fiscal_year: fy,
                rule: CompletionRule::default(),
            };
            let year = FiscalYear(fy);
            let first_session = self.data.sessions.len();
            for r in &fy25 {
                let booklet = NaiveDate::parse_from_str(&r[1], "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
                self.data.sessions.push(LeadershipSession {
                    id: self.data.sessions.len() as Id + 1,
                    cohort_id: cohort.id,
                    number: r[0].parse().unwrap_or(0),
                    date: same_weekday_in_year(booklet, booklet.year() + fy - 2025),
                    start: time(&r[2]),
                    end: time(&r[3]),
                    location: r[4].to_string(),
                    room: r[5].to_string(),
                    topic: r[6].to_string(),
                    facilitator: r[7].to_string(),
                });
            }
            let applied = year.start();
            let roles: Vec<(String, Option<Race>)> = if fy == 2025 {
                rows(COHORT_FY25)
                    .iter()
                    .map(|r| (r[0].to_string(), Race::parse(&r[1])))
                    .collect()
            } else {
                (0..cohort_size(fy))
                    .map(|k| {
                        let i = (k * 5 + fy as usize) % union_positions.len();
                        (union_positions[i].clone(), None)
                    })
                    .collect()
            };
            let sessions: Vec<LeadershipSession> = self.data.sessions[first_session..].to_vec();
            for (k, (role, race)) in roles.into_iter().enumerate() {
                let mut rng = stream(STREAM_COHORT, (fy as u64) * 100 + k as u64);
                let start = rng.below(n);
                let fits = |e: &Employee| e.position == role && Builder::seasoned(e, 1, applied);
                let Some(employee_id) = self
                    .find(start, |e| fits(e) && race.is_none_or(|r| e.race == r))
                    .or_else(|| self.find(start, fits))
                else {
                    continue;
                };
                self.taken.insert(employee_id);
                if let (Some(race), Some(e)) = (race, self.employee_mut(employee_id)) {
                    e.race = race;
                }
                let pid = self.data.participants.len() as Id + 1;
                // FY25 as the booklet's year ended: thirteen completed, two missed too much.
                // Other years: now and then excused, rarely absent; one FY26 participant withdrew.
                let withdrew_after = (fy == 2026 && k == 7).then_some(3u8);
                let mut present = 0;
                for s in sessions.iter().filter(|s| s.date <= self.today) {
                    if withdrew_after.is_some_and(|w| s.number > w) {
                        break;
                    }
                    let mark = if fy == 2025 {
                        if k >= 13 && s.number % 2 == 0 {
                            Attendance::Absent
                        } else if [2, 5, 9].contains(&k) && s.number as usize == k % 7 + 1 {
                            Attendance::Excused
                        } else {
                            Attendance::Present
                        }
                    } else {
                        let roll = stream(STREAM_COHORT, pid * 1000 + s.number as u64).below(100);
                        match roll {
                            0..=3 if s.number != 8 => Attendance::Absent,
                            4..=10 if s.number != 8 => Attendance::Excused,
                            _ => Attendance::Present,
                        }
                    };
                    if mark == Attendance::Present {
                        present += 1;
                    }
                    self.data.attendance.push(AttendanceMark {
                        id: self.data.attendance.len() as Id + 1,
                        participant_id: pid,
                        session_id: s.id,
                        mark,
                    });
                }
                let held = sessions.iter().all(|s| s.date <= self.today);
                let final_present = self.data.attendance.iter().any(|m| {
                    m.participant_id == pid
                        && m.mark == Attendance::Present
                        && sessions.iter().any(|s| s.id == m.session_id && s.number == 8)
                });
                let status = if withdrew_after.is_some()
                    && sessions.iter().any(|s| s.number > 3 && s.date <= self.today)
                {
                    ParticipantStatus::Withdrawn
                } else if held && present >= cohort.rule.min_sessions && final_present {
                    ParticipantStatus::Completed
                } else {
                    ParticipantStatus::Active
                };
                self.data.participants.push(Participant {
                    id: pid,
                    cohort_id: cohort.id,
                    employee_id,
                    role,
                    status,
                });
            }
            self.data.cohorts.push(cohort);
        }
    }

    fn waitlist(&mut self, i: usize, joined: NaiveDate) {
        let Some(employee_id) = self.find(30 + i * 17, |e| Builder::seasoned(e, 1, joined)) else {
            return;
        };
        self.taken.insert(employee_id);
        self.data.waitlist.push(WaitlistEntry {
            id: self.data.waitlist.len() as Id + 1,
            employee_id,
            joined,
            note: WAITLIST[i].to_string(),
        });
    }

    fn mentor(&mut self, i: usize, joined: NaiveDate) {
        let n = self.data.employees.len().max(1);
        let (chapter, _, expertise) = MENTORS[i];
        let ok = |e: &Employee| {
            e.chapter.as_deref() == Some(chapter)
                && Builder::seasoned(e, 6, joined)
                && e.position_start
                    .is_some_and(|p| full_years_between(p, joined) >= 2)
        };
        let Some(employee_id) = self.find((i * 149 + 11) % n, ok) else {
            return;
        };
        self.taken.insert(employee_id);
        self.data.mentors.push(Mentor {
            id: self.data.mentors.len() as Id + 1,
            employee_id,
            expertise: expertise.to_string(),
            active: chapter != "Building Services",
            joined,
        });
    }

    /// A new pair every month or two from May 2023, each with its whole course decided when it
    /// is signed (completed after 12 months, or ended early); what lies after today is left out.
    fn pairs(&mut self) {
        let n = self.data.employees.len().max(1);
        let stepped_back = date(STEPPED_BACK.0, STEPPED_BACK.1, STEPPED_BACK.2);
        let mut course: Vec<MentoringPair> = Vec::new();
        let mut start = date(2023, 5, 10);
        let mut k = 0u64;
        while start <= self.today {
            let mut rng = stream(STREAM_PAIR, k);
            // Mentors who could take a mentee that day, two mentees at most each.
            let eligible: Vec<(Mentor, Employee)> = self
                .data
                .mentors
                .iter()
                .filter(|m| m.joined <= start && (m.active || start < stepped_back))
                .filter(|m| {
                    course
                        .iter()
                        .filter(|p| p.mentor_id == m.id && p.is_active(start))
                        .count()
                        < 2
                })
                .filter_map(|m| {
                    let mut m = m.clone();
                    m.active = true;
                    let e = self.data.employee(m.employee_id)?.clone();
                    mentor_problems(&m, &e, start).is_empty().then_some((m, e))
                })
                .collect();
            if !eligible.is_empty() {
                let (mentor, mentor_employee) = &eligible[k as usize % eligible.len()];
                // Anyone permanent may be a mentee (one record, many roles), but not a mentor.
                let mentors: Vec<Id> = self.data.mentors.iter().map(|m| m.employee_id).collect();
                let mentee = self.find_any(rng.below(n), |e| {
                    !mentors.contains(&e.id)
                        && pairing_problems(mentor, mentor_employee, e, &course, start).is_empty()
                        && !course
                            .iter()
                            .any(|p| p.mentee_id == e.id && p.end_reason != Some(PairEndReason::NotAGoodFit))
                });
                if let Some(mentee_id) = mentee {
                    let mut pair = MentoringPair {
                        id: course.len() as Id + 1,
                        mentor_id: mentor.id,
                        mentee_id,
                        started: start,
                        ended: None,
                        end_reason: None,
                        notes: "agreement signed; meets at the mentee's school or by video".into(),
                    };
                    // Most pairs run their 12 months; now and then one is not a good fit (and
                    // the mentee may choose again) or ends for another reason.
                    let (ended, reason) = match k % 10 {
                        3 => (
                            self.open_on_or_after(start + Duration::days(rng.range(55, 100))),
                            PairEndReason::NotAGoodFit,
                        ),
                        7 if k % 20 == 7 => (
                            self.open_on_or_after(start + Duration::days(rng.range(150, 250))),
                            PairEndReason::Other,
                        ),
                        _ => (pair.expires(), PairEndReason::Completed),
                    };
                    pair.ended = Some(ended.min(pair.expires()));
                    pair.end_reason = Some(reason);
                    course.push(pair);
                }
            }
            start = self.open_on_or_after(start + Duration::days(rng.range(32, 58)));
            k += 1;
        }
        for mut pair in course {
            let end = pair.ended.unwrap_or(pair.expires());
            // Every month the pair ran owes a log, the last one too.
            for (j, month) in pair.months_due(add_months(end, 1)).into_iter().enumerate() {
                let mut rng = stream(STREAM_LOG, pair.id * 100 + j as u64);
                // Now and then a month's log never comes in: the grid has gaps to chase.
                if rng.chance(7) {
                    continue;
                }
                let submitted = self.open_on_or_after(add_months(month, 1) + Duration::days(rng.range(0, 9)));
                if submitted > self.today {
                    continue;
                }
                self.data.logs.push(MentorLog {
                    id: self.data.logs.len() as Id + 1,
                    pair_id: pair.id,
                    month,
                    hours: [1.5, 2.0, 3.0, 4.0][rng.below(4)],
                    topics: "goal setting; application for a new position".into(),
                    submitted,
                });
            }
            if end > self.today {
                pair.ended = None;
                pair.end_reason = None;
            }
            self.data.pairs.push(pair);
        }
    }
}
