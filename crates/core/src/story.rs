//! A person's whole story in the program, gathered from the dataset for the person card: their
//! intakes (with statuses and consultations), mentoring as mentor and as mentee, ambassador
//! tenures, leadership cohorts and attendance, professional-learning attendance and waitlist
//! entries. Plain data, newest first within each part; the screen decides how it reads.

use crate::dataset::Dataset;
use crate::domain::*;
use chrono::NaiveDate;

/// An intake and the consultations logged on it (newest first).
#[derive(Debug, Clone, PartialEq)]
pub struct IntakeStory {
    pub intake: Intake,
    pub consultations: Vec<Consultation>,
}

/// A mentoring pair, seen from one side: the other person, and how many logs it has.
#[derive(Debug, Clone, PartialEq)]
pub struct PairStory {
    pub pair: MentoringPair,
    /// The other person's employee record id (the mentee for a mentor, the mentor for a mentee).
    pub with: Option<Id>,
    pub logs: usize,
    pub running: bool,
}

/// A mentor record and the pairs it mentors.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorStory {
    pub mentor: Mentor,
    pub pairs: Vec<PairStory>,
}

/// An ambassador tenure: where, and the PL sessions attended during it.
#[derive(Debug, Clone, PartialEq)]
pub struct TenureStory {
    pub tenure: Ambassador,
    /// "active", "ended" or "not started".
    pub state: &'static str,
    pub sessions_attended: usize,
    /// The monthly PL sessions held during the tenure up to today.
    pub sessions_held: usize,
}

/// A place in a leadership cohort, and its attendance.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortStory {
    pub place: Participant,
    pub fiscal_year: Option<FiscalYear>,
    pub present: usize,
    pub absent: usize,
    pub excused: usize,
    /// The cohort's sessions.
    pub sessions: usize,
    pub completion: CompletionStatus,
}

/// One professional-learning session attended.
#[derive(Debug, Clone, PartialEq)]
pub struct PlStory {
    pub date: Option<NaiveDate>,
    /// The offering's title (and course number when it has one).
    pub offering: String,
}

/// What the program's rules say about the person today, by role: each rule not met, in words
/// that say what to fill in and where when a fact is unknown. Empty: eligible.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Eligibility {
    /// To take a mentee (their own mentor record's active flag counts when they have one).
    pub mentor: Vec<String>,
    /// To be paired as a mentee (a rule resting on PAR says so, for the privacy screen).
    pub mentee: Vec<crate::privacy::Rule>,
    /// To start an ambassador tenure.
    pub ambassador: Option<String>,
}

/// The rules the person's facts meet or not on `today`, by the same functions the forms use.
pub fn eligibility(data: &Dataset, e: &Employee, today: NaiveDate) -> Eligibility {
    // Someone who is not a mentor yet is judged as the active mentor they would become.
    let as_mentor = data
        .mentors
        .iter()
        .filter(|m| m.employee_id == e.id)
        .max_by_key(|m| (m.active, m.joined))
        .cloned()
        .unwrap_or(Mentor {
            id: 0,
            employee_id: e.id,
            expertise: String::new(),
            active: true,
            joined: today,
        });
    Eligibility {
        mentor: mentor_problems(&as_mentor, e, today),
        mentee: mentee_problems(e, &data.pairs, today),
        ambassador: ambassador_problem(e, today),
    }
}

/// Everything the program has done with one person.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Story {
    /// The rules as of the day the story was read.
    pub eligibility: Eligibility,
    pub intakes: Vec<IntakeStory>,
    pub as_mentor: Vec<MentorStory>,
    pub as_mentee: Vec<PairStory>,
    pub tenures: Vec<TenureStory>,
    pub cohorts: Vec<CohortStory>,
    pub pl: Vec<PlStory>,
    pub waitlist: Vec<WaitlistEntry>,
    /// Hired as a teacher from support staff (one per person).
    pub teacher: Option<TeacherOutcome>,
    /// The people this person supervises (employee record ids).
    pub supervises: Vec<Id>,
}

impl Story {
    /// How many records make up the story (the person's own record aside).
    pub fn len(&self) -> usize {
        self.intakes.len()
            + self.as_mentor.len()
            + self.as_mentee.len()
            + self.tenures.len()
            + self.cohorts.len()
            + self.pl.len()
            + self.waitlist.len()
            + usize::from(self.teacher.is_some())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn pair_story(data: &Dataset, pair: &MentoringPair, with: Option<Id>, today: NaiveDate) -> PairStory {
    PairStory {
        pair: pair.clone(),
        with,
        logs: data.logs.iter().filter(|l| l.pair_id == pair.id).count(),
        running: pair.is_active(today),
    }
}

/// The story of employee record `person` as of `today`.
pub fn story(data: &Dataset, person: Id, today: NaiveDate) -> Story {
    let mut s = Story::default();
    if let Some(e) = data.employee(person) {
        s.eligibility = eligibility(data, e, today);
    }
    for intake in data.intakes.iter().filter(|i| i.employee_id == person) {
        let mut consultations: Vec<Consultation> = data
            .consultations
            .iter()
            .filter(|c| c.intake_id == intake.id)
            .cloned()
            .collect();
        consultations.sort_by_key(|c| std::cmp::Reverse((c.date, c.id)));
        s.intakes.push(IntakeStory {
            intake: intake.clone(),
            consultations,
        });
    }
    s.intakes
        .sort_by_key(|i| std::cmp::Reverse((i.intake.received, i.intake.id)));

    for mentor in data.mentors.iter().filter(|m| m.employee_id == person) {
        let mut pairs: Vec<PairStory> = data
            .pairs
            .iter()
            .filter(|p| p.mentor_id == mentor.id)
            .map(|p| pair_story(data, p, Some(p.mentee_id), today))
            .collect();
        pairs.sort_by_key(|p| std::cmp::Reverse((p.pair.started, p.pair.id)));
        s.as_mentor.push(MentorStory {
            mentor: mentor.clone(),
            pairs,
        });
    }
    s.as_mentee = data
        .pairs
        .iter()
        .filter(|p| p.mentee_id == person)
        .map(|p| {
            let mentor = data.mentor(p.mentor_id).map(|m| m.employee_id);
            pair_story(data, p, mentor, today)
        })
        .collect();
    s.as_mentee
        .sort_by_key(|p| std::cmp::Reverse((p.pair.started, p.pair.id)));

    for tenure in data.ambassadors.iter().filter(|a| a.employee_id == person) {
        let held: Vec<&AmbassadorSession> = data
            .ambassador_sessions
            .iter()
            .filter(|x| x.date >= tenure.tenure_start && x.date <= tenure.tenure_end && x.date <= today)
            .collect();
        s.tenures.push(TenureStory {
            tenure: tenure.clone(),
            state: if tenure.is_active(today) {
                "active"
            } else if tenure.tenure_start > today {
                "not started"
            } else {
                "ended"
            },
            sessions_attended: held.iter().filter(|x| x.attendees.contains(&tenure.id)).count(),
            sessions_held: held.len(),
        });
    }
    s.tenures
        .sort_by_key(|t| std::cmp::Reverse((t.tenure.tenure_start, t.tenure.id)));

    for place in data.participants.iter().filter(|p| p.employee_id == person) {
        let cohort = data.cohorts.iter().find(|c| c.id == place.cohort_id);
        let sessions: Vec<LeadershipSession> = data
            .sessions
            .iter()
            .filter(|x| x.cohort_id == place.cohort_id)
            .cloned()
            .collect();
        let marks: Vec<AttendanceMark> = data
            .attendance
            .iter()
            .filter(|m| m.participant_id == place.id)
            .cloned()
            .collect();
        let count = |a: Attendance| marks.iter().filter(|m| m.mark == a).count();
        let rule = cohort.map(|c| c.rule).unwrap_or_default();
        s.cohorts.push(CohortStory {
            place: place.clone(),
            fiscal_year: cohort.map(|c| FiscalYear(c.fiscal_year)),
            present: count(Attendance::Present),
            absent: count(Attendance::Absent),
            excused: count(Attendance::Excused),
            sessions: sessions.len(),
            completion: completion_status(&rule, &sessions, &marks, place.id, today),
        });
    }
    s.cohorts
        .sort_by_key(|c| std::cmp::Reverse((c.fiscal_year.map(|f| f.0), c.place.id)));

    for a in data.pl_attendance.iter().filter(|a| a.employee_id == person) {
        let session = data.pl_sessions.iter().find(|x| x.id == a.pl_session_id);
        let offering = session.and_then(|x| data.offerings.iter().find(|o| o.id == x.offering_id));
        s.pl.push(PlStory {
            date: session.map(|x| x.date),
            offering: offering.map_or_else(
                || "an offering no longer on record".to_string(),
                |o| {
                    if o.course_number.trim().is_empty() {
                        o.title.clone()
                    } else {
                        format!("{} ({})", o.title, o.course_number)
                    }
                },
            ),
        });
    }
    s.pl.sort_by_key(|p| std::cmp::Reverse(p.date));

    s.waitlist = data
        .waitlist
        .iter()
        .filter(|w| w.employee_id == person)
        .cloned()
        .collect();
    s.waitlist.sort_by_key(|w| std::cmp::Reverse((w.joined, w.id)));
    s.teacher = data
        .teacher_outcomes
        .iter()
        .find(|t| t.employee_id == person)
        .cloned();
    s.supervises = data
        .employees
        .iter()
        .filter(|e| e.supervisor_id == Some(person))
        .map(|e| e.id)
        .collect();
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn eligibility_says_what_to_fill_in_for_an_intakes_person_and_follows_the_facts() {
        let mut data = Dataset::default();
        let mut e = Employee::unknown(String::new(), "Tom".into(), "Li".into(), "tom@d.org".into());
        e.id = 1;
        data.employees.push(e.clone());
        data.reindex();
        let s = story(&data, 1, today());
        let el = &s.eligibility;
        assert!(el.mentor[0].starts_with("mentor's hire date unknown: add it on the person card"));
        assert!(el.mentor[1].starts_with("mentor's start date in the current position unknown"));
        assert!(
            el.mentee[0]
                .text
                .starts_with("mentee's employment status unknown")
        );
        assert_eq!(el.mentee[1].rests_on, Some(crate::privacy::Sensitive::Evaluation));
        assert!(el.ambassador.as_deref().unwrap().starts_with("hire date unknown"));
        // The facts filled in (as on the card, or from the roster): every rule met.
        e.hire_date = NaiveDate::from_ymd_opt(2015, 8, 20);
        e.position_start = NaiveDate::from_ymd_opt(2020, 1, 6);
        e.status = Some(EmploymentStatus::Permanent);
        e.in_evaluation = Some(false);
        data.employees[0] = e.clone();
        assert_eq!(eligibility(&data, &e, today()), Eligibility::default());
        // A mentor record set inactive is judged as it is.
        data.mentors.push(Mentor {
            id: 7,
            employee_id: 1,
            expertise: String::new(),
            active: false,
            joined: today(),
        });
        assert_eq!(
            eligibility(&data, &e, today()).mentor,
            vec!["mentor is not active".to_string()]
        );
    }

    #[test]
    fn every_record_that_names_the_person_is_in_their_story() {
        let data = crate::demo::build(today());
        for e in &data.employees {
            let s = story(&data, e.id, today());
            let intakes = data.intakes.iter().filter(|i| i.employee_id == e.id).count();
            let mentors = data.mentors.iter().filter(|m| m.employee_id == e.id).count();
            let mentee = data.pairs.iter().filter(|p| p.mentee_id == e.id).count();
            let tenures = data.ambassadors.iter().filter(|a| a.employee_id == e.id).count();
            let places = data.participants.iter().filter(|p| p.employee_id == e.id).count();
            let pl = data
                .pl_attendance
                .iter()
                .filter(|a| a.employee_id == e.id)
                .count();
            let waiting = data.waitlist.iter().filter(|w| w.employee_id == e.id).count();
            let teacher = data
                .teacher_outcomes
                .iter()
                .filter(|t| t.employee_id == e.id)
                .count();
            assert_eq!(usize::from(s.teacher.is_some()), teacher);
            assert_eq!(
                (
                    s.intakes.len(),
                    s.as_mentor.len(),
                    s.as_mentee.len(),
                    s.tenures.len(),
                    s.cohorts.len(),
                    s.pl.len(),
                    s.waitlist.len()
                ),
                (intakes, mentors, mentee, tenures, places, pl, waiting)
            );
            assert_eq!(
                s.len(),
                intakes + mentors + mentee + tenures + places + pl + waiting + teacher
            );
        }
    }

    #[test]
    fn a_mentor_sees_their_mentees_and_a_mentee_their_mentor_newest_first() {
        let data = crate::demo::build(today());
        let pair = data.pairs.iter().max_by_key(|p| p.started).cloned().unwrap();
        let mentor = data
            .mentor(pair.mentor_id)
            .map(|m| m.employee_id)
            .unwrap_or_default();
        let s = story(&data, mentor, today());
        let pairs = &s.as_mentor[0].pairs;
        assert!(pairs.iter().any(|p| p.with == Some(pair.mentee_id)));
        assert!(pairs.windows(2).all(|w| w[0].pair.started >= w[1].pair.started));
        let s = story(&data, pair.mentee_id, today());
        assert!(s.as_mentee.iter().any(|p| p.with == Some(mentor)));
    }

    #[test]
    fn a_cohort_place_counts_its_marks_and_an_intake_its_consultations() {
        let data = crate::demo::build(today());
        let place = &data.participants[0];
        let s = story(&data, place.employee_id, today());
        let c = s.cohorts.iter().find(|c| c.place.id == place.id).unwrap();
        let marks = data
            .attendance
            .iter()
            .filter(|m| m.participant_id == place.id)
            .count();
        assert_eq!(c.present + c.absent + c.excused, marks);
        assert!(c.fiscal_year.is_some());
        let consulted = &data.consultations[0];
        let intake = data.intakes.iter().find(|i| i.id == consulted.intake_id).unwrap();
        let s = story(&data, intake.employee_id, today());
        let i = s.intakes.iter().find(|x| x.intake.id == intake.id).unwrap();
        assert!(i.consultations.iter().any(|c| c.id == consulted.id));
    }

    #[test]
    fn a_person_with_no_records_has_an_empty_story() {
        let data = crate::demo::build(today());
        assert!(story(&data, 9_999_999, today()).is_empty());
    }
}
