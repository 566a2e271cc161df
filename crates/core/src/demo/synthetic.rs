//! A deterministic, realistic dataset of about `n` records, for measuring the program at ten times
//! its real size (`pathways init --synthetic 100000`). It grows the demo dataset: more employees,
//! ten fiscal years of intakes, consultations, PL sessions and attendance, mentors, pairs and logs.
//! The same `n` and `today` always give the same records.

use super::{OWNERS, Rng, fold};
use crate::dataset::Dataset;
use crate::domain::*;
use chrono::{Datelike, Duration, NaiveDate};

/// Shares of `n` per kind, in percent; PL attendance takes what is left.
const EMPLOYEES: usize = 12;
const INTAKES: usize = 20;
const CONSULTATIONS: usize = 14;
const PAIRS: usize = 2;
const LOGS: usize = 10;

pub fn build(today: NaiveDate, n: usize) -> Dataset {
    let mut data = super::build(today);
    let demo = data.record_count();
    let mut rng = Rng::new(n as u64 ^ 0x5eed);
    let start = today - Duration::days(10 * 365);
    // The shares are of what the demo does not already hold.
    let n = n.saturating_sub(data.record_count());
    employees(&mut data, &mut rng, today, n * EMPLOYEES / 100);
    intakes(
        &mut data,
        &mut rng,
        today,
        start,
        n * INTAKES / 100,
        n * CONSULTATIONS / 100,
    );
    mentoring(&mut data, &mut rng, today, n * PAIRS / 100, n * LOGS / 100);
    let rest = (n + demo).saturating_sub(data.record_count());
    pl(&mut data, &mut rng, today, start, rest);
    data.reindex();
    data
}

fn next_id(len: usize) -> Id {
    len as Id + 1
}

fn employees(data: &mut Dataset, rng: &mut Rng, today: NaiveDate, count: usize) {
    let base = data.employees.len();
    for k in 0..count {
        // Recombine the demo's names and positions: realistic text, distinct people.
        let mut e = data.employees[rng.below(base)].clone();
        e.id = next_id(data.employees.len());
        e.first_name = data.employees[(k * 7 + 3) % base].first_name.clone();
        e.last_name = data.employees[(k * 13 + k / base) % base].last_name.clone();
        e.employee_number = format!("{:07}", 2_000_000 + e.id);
        e.email = format!(
            "{}.{}{}@district.example.org",
            fold(&e.first_name).to_lowercase(),
            fold(&e.last_name).to_lowercase(),
            e.id
        );
        let hire = today - Duration::days(rng.range(100, 35 * 365));
        e.hire_date = Some(hire);
        e.position_start = Some(hire + Duration::days(rng.range(0, (today - hire).num_days().max(1))));
        e.location_id = Some(rng.below(data.locations.len()) as Id + 1);
        e.supervisor_id = None;
        data.employees.push(e);
    }
}

fn intakes(
    data: &mut Dataset,
    rng: &mut Rng,
    today: NaiveDate,
    start: NaiveDate,
    count: usize,
    consultations: usize,
) {
    let days = (today - start).num_days().max(1);
    let people = data.employees.len();
    let mut meetings = 0;
    for _ in 0..count {
        let received = start + Duration::days(rng.range(0, days));
        let source = *rng.pick(IntakeSource::ALL);
        let mut intake = Intake::new(rng.below(people) as Id + 1, received, source);
        intake.services.push(*rng.pick(Service::ALL));
        intake.owner = OWNERS[rng.below(2)].to_string();
        intake.notes = "asked about moving into a new classification".into();
        let mut when = received;
        let reach = rng.below(4);
        for status in [
            IntakeStatus::Contacted,
            IntakeStatus::ConsultationScheduled,
            IntakeStatus::RelationshipEstablished,
        ]
        .into_iter()
        .take(reach)
        {
            when += Duration::days(rng.range(1, 10));
            if when <= today {
                intake.move_to(status, when, None);
            }
        }
        let closed = when + Duration::days(rng.range(30, 200));
        if reach == 3 && closed <= today {
            intake.move_to(IntakeStatus::Closed, closed, Some(CloseReason::Served));
        }
        intake.id = next_id(data.intakes.len());
        if let Some(established) = intake.established_on() {
            let mut on = established;
            while meetings < consultations && on <= today && rng.chance(70) {
                data.consultations.push(Consultation {
                    id: next_id(data.consultations.len()),
                    intake_id: intake.id,
                    date: on,
                    minutes: [30, 45, 60][rng.below(3)],
                    services: intake.services.clone(),
                    notes: "reviewed a resume and practised interview questions".into(),
                });
                meetings += 1;
                on += Duration::days(rng.range(14, 45));
            }
        }
        data.intakes.push(intake);
    }
}

fn mentoring(data: &mut Dataset, rng: &mut Rng, today: NaiveDate, pairs: usize, logs: usize) {
    let people = data.employees.len();
    let mentors = (pairs / 2).max(1);
    for _ in 0..mentors {
        data.mentors.push(Mentor {
            id: next_id(data.mentors.len()),
            employee_id: rng.below(people) as Id + 1,
            expertise: ["leadership", "career changes", "exams and certification"][rng.below(3)].into(),
            active: rng.chance(85),
            joined: today - Duration::days(rng.range(30, 9 * 365)),
        });
    }
    let mut written = 0;
    for _ in 0..pairs {
        let started = today - Duration::days(rng.range(0, 9 * 365));
        let mut pair = MentoringPair {
            id: next_id(data.pairs.len()),
            mentor_id: rng.below(data.mentors.len()) as Id + 1,
            mentee_id: rng.below(people) as Id + 1,
            started,
            ended: None,
            end_reason: None,
            notes: "agreement signed".into(),
        };
        if pair.expires() < today {
            pair.ended = Some(pair.expires());
            pair.end_reason = Some(PairEndReason::Completed);
        }
        for month in pair.months_due(today) {
            if written >= logs {
                break;
            }
            data.logs.push(MentorLog {
                id: next_id(data.logs.len()),
                pair_id: pair.id,
                month,
                hours: [1.0, 2.0, 3.5][rng.below(3)],
                topics: "goal setting; a certification exam plan".into(),
                submitted: add_months(month, 1),
            });
            written += 1;
        }
        data.pairs.push(pair);
    }
}

/// PL sessions a few times a week across the years, filled until `count` records are added.
fn pl(data: &mut Dataset, rng: &mut Rng, today: NaiveDate, start: NaiveDate, count: usize) {
    let people = data.employees.len();
    let offerings = data.offerings.len().max(1);
    let mut added = 0;
    let mut d = start;
    while added < count {
        if d > today {
            d = start + Duration::days(rng.range(0, 7));
        }
        data.pl_sessions.push(PlSession {
            id: next_id(data.pl_sessions.len()),
            offering_id: rng.below(offerings) as Id + 1,
            date: d,
            start: None,
            end: None,
            place: String::new(),
            facilitator: String::new(),
        });
        added += 1;
        let session = data.pl_sessions.len() as Id;
        let size = (rng.range(8, 40) as usize).min(count.saturating_sub(added));
        let first = rng.below(people);
        for j in 0..size {
            data.pl_attendance.push(PlAttendance {
                id: next_id(data.pl_attendance.len()),
                pl_session_id: session,
                employee_id: ((first + j * 31) % people) as Id + 1,
            });
        }
        added += size;
        d += Duration::days(if d.weekday().number_from_monday() >= 5 {
            3
        } else {
            1
        });
    }
}

/// The intake form's spreadsheet export with `rows` new people, as the team would import it:
/// for measuring and testing the importer at scale.
pub fn intake_export(rows: usize) -> String {
    let mut csv =
        String::from("Employee ID,First Name,Last Name,Email,Location,Chapter,Services,Submitted,Notes\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "{},First{i},Last{i},p{i}@district.org,School {},Chapter {},resume review; career coaching;,\
             7/{}/2025 9:05:33 AM,\"note, {i}\"\n",
            700_000 + i,
            i % 50,
            i % 7,
            1 + i % 28
        ));
    }
    csv
}

/// A district HR roster of `rows` people in HR's own column names, built from the demo's names,
/// positions, places and chapters (the first 100 supervise the rest): what `pathways import
/// employees` is measured on.
pub fn roster(today: NaiveDate, rows: usize) -> String {
    let demo = super::build(today);
    let mut rng = Rng::new(rows as u64 ^ 0x0057e4);
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "Employee Number",
        "First Name",
        "Last Name",
        "Work Email",
        "Job Title",
        "Work Location",
        "Union Chapter",
        "Race/Ethnicity",
        "Original Hire Date",
        "Position Start Date",
        "Employment Status",
        "PAR or Special Evaluation",
        "Anticipated Retirement Date",
        "Supervisor Employee ID",
    ]);
    let n = demo.employees.len();
    for i in 0..rows {
        let like = &demo.employees[rng.below(n)];
        let first = &demo.employees[(i * 7 + 3) % n].first_name;
        let last = &demo.employees[(i * 13 + i / n) % n].last_name;
        let hire = today - Duration::days(rng.range(200, 30 * 365));
        let start = hire + Duration::days(rng.range(0, (today - hire).num_days()));
        let date = |d: NaiveDate| format!("{}/{}/{}", d.month(), d.day(), d.year());
        let _ = w.write_record([
            format!("{:07}", 3_000_000 + i),
            first.clone(),
            last.clone(),
            format!("{}.{}{i}@district.example.org", fold(first), fold(last)),
            like.position.clone(),
            demo.locations[rng.below(demo.locations.len())].name.clone(),
            like.chapter.clone().unwrap_or_default(),
            like.race.label().to_string(),
            date(hire),
            date(start),
            like.status_label().to_string(),
            if rng.chance(3) { "Y" } else { "N" }.to_string(),
            if rng.chance(10) {
                date(today + Duration::days(rng.range(60, 5 * 365)))
            } else {
                String::new()
            },
            if i >= 100 {
                format!("{:07}", 3_000_000 + i % 100)
            } else {
                String::new()
            },
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_is_about_the_size_asked_and_the_same_every_time() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let a = build(today, 20_000);
        let b = build(today, 20_000);
        assert!(
            (19_900..=20_100).contains(&a.record_count()),
            "{}",
            a.record_count()
        );
        assert_eq!(a.intakes, b.intakes);
        assert_eq!(a.pl_attendance.len(), b.pl_attendance.len());
        assert!(a.employees.len() > 2_000);
        assert!(a.intakes.iter().all(|i| i.received <= today));
    }

    #[test]
    fn a_roster_reads_back_whole() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let csv = roster(today, 300);
        let plan = crate::import::employees::plan(&Dataset::default(), csv.as_bytes(), &[], false).unwrap();
        assert_eq!(plan.summary.new, 300, "{:?}", plan.summary.rejected);
    }
}
