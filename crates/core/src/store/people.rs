//! A person's records as one: what points at a person (so a delete can be refused, naming it),
//! and merging two records of one person in one transaction, never losing an intake, a log or
//! an attendance mark.

use super::{Result, StoreError, Txn};
use crate::domain::*;
use std::collections::BTreeMap;

/// The records that point at a person, by kind, each with how many and their dates: what a
/// refused delete names (kinds, counts and dates, never personal data).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct References {
    /// (kind, how many, what the dates are, the dates)
    pub kinds: Vec<(&'static str, usize, &'static str, Vec<chrono::NaiveDate>)>,
}

impl References {
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    fn add(&mut self, kind: &'static str, count: usize, dated: &'static str, dates: Vec<chrono::NaiveDate>) {
        if count > 0 {
            self.kinds.push((kind, count, dated, dates));
        }
    }
}

impl std::fmt::Display for References {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .kinds
            .iter()
            .map(|(kind, n, dated, dates)| {
                let mut shown: Vec<String> = dates.iter().take(3).map(ToString::to_string).collect();
                if dates.len() > 3 {
                    shown.push("…".into());
                }
                if shown.is_empty() {
                    counted(*n, kind)
                } else {
                    format!("{} ({dated} {})", counted(*n, kind), shown.join(", "))
                }
            })
            .collect();
        f.write_str(&parts.join("; "))
    }
}

/// What a merge moved, by kind: for the confirmation line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub moved: BTreeMap<&'static str, usize>,
}

impl MergeReport {
    fn moved(&mut self, kind: &'static str) {
        *self.moved.entry(kind).or_default() += 1;
    }
}

impl std::fmt::Display for MergeReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.moved.is_empty() {
            return f.write_str("no records pointed at the other one");
        }
        let parts: Vec<String> = self.moved.iter().map(|(k, n)| counted(*n, k)).collect();
        write!(f, "moved {}", parts.join(", "))
    }
}

/// "1 intake", "2 intakes": the kinds are named in the plural, and one of a kind in the singular.
fn counted(n: usize, kinds: &str) -> String {
    const ONE: &[(&str, &str)] = &[
        ("intakes", "intake"),
        ("mentor records", "mentor record"),
        (
            "mentor records (joined into one)",
            "mentor record (joined into one)",
        ),
        ("mentoring pairs as mentee", "mentoring pair as mentee"),
        ("mentoring pairs as mentor", "mentoring pair as mentor"),
        ("ambassador tenures", "ambassador tenure"),
        ("leadership cohort places", "leadership cohort place"),
        ("cohort places", "cohort place"),
        (
            "cohort places (joined into one)",
            "cohort place (joined into one)",
        ),
        ("attendance marks", "attendance mark"),
        ("waitlist entries", "waitlist entry"),
        (
            "professional learning attendances",
            "professional learning attendance",
        ),
        ("PL attendances", "PL attendance"),
        ("people they supervise", "person they supervise"),
        ("people supervised", "person supervised"),
    ];
    let kind = match ONE.iter().find(|(many, _)| *many == kinds) {
        Some((_, one)) if n == 1 => one,
        _ => kinds,
    };
    format!("{n} {kind}")
}

fn refused(reason: String) -> StoreError {
    StoreError::Invalid(FieldError::new("person", reason))
}

/// The records a person's references are counted from.
struct Pointing<'a> {
    intakes: &'a [Intake],
    mentors: &'a [Mentor],
    pairs: &'a [MentoringPair],
    ambassadors: &'a [Ambassador],
    participants: &'a [Participant],
    waitlist: &'a [WaitlistEntry],
    pl: &'a [PlAttendance],
    teachers: &'a [TeacherOutcome],
    employees: &'a [Employee],
}

impl References {
    /// Every record of `data` that points at employee `id` (what a delete would be refused for,
    /// known before asking).
    pub fn in_data(data: &crate::dataset::Dataset, id: Id) -> References {
        References::count(
            &Pointing {
                intakes: &data.intakes,
                mentors: &data.mentors,
                pairs: &data.pairs,
                ambassadors: &data.ambassadors,
                participants: &data.participants,
                waitlist: &data.waitlist,
                pl: &data.pl_attendance,
                teachers: &data.teacher_outcomes,
                employees: &data.employees,
            },
            id,
        )
    }

    fn count(all: &Pointing, id: Id) -> References {
        let mut r = References::default();
        let intakes: Vec<_> = all.intakes.iter().filter(|i| i.employee_id == id).collect();
        r.add(
            "intakes",
            intakes.len(),
            "received",
            intakes.iter().map(|i| i.received).collect(),
        );
        let mentors: Vec<_> = all.mentors.iter().filter(|m| m.employee_id == id).collect();
        r.add(
            "mentor records",
            mentors.len(),
            "joined",
            mentors.iter().map(|m| m.joined).collect(),
        );
        let as_mentee: Vec<_> = all.pairs.iter().filter(|p| p.mentee_id == id).collect();
        r.add(
            "mentoring pairs as mentee",
            as_mentee.len(),
            "signed",
            as_mentee.iter().map(|p| p.started).collect(),
        );
        let ambassadors: Vec<_> = all.ambassadors.iter().filter(|a| a.employee_id == id).collect();
        r.add(
            "ambassador tenures",
            ambassadors.len(),
            "from",
            ambassadors.iter().map(|a| a.tenure_start).collect(),
        );
        let participants = all.participants.iter().filter(|p| p.employee_id == id).count();
        r.add("leadership cohort places", participants, "", Vec::new());
        let waitlist: Vec<_> = all.waitlist.iter().filter(|w| w.employee_id == id).collect();
        r.add(
            "waitlist entries",
            waitlist.len(),
            "joined",
            waitlist.iter().map(|w| w.joined).collect(),
        );
        let pl = all.pl.iter().filter(|a| a.employee_id == id).count();
        r.add("professional learning attendances", pl, "", Vec::new());
        let teachers: Vec<_> = all.teachers.iter().filter(|t| t.employee_id == id).collect();
        r.add(
            "teacher outcomes",
            teachers.len(),
            "hired",
            teachers.iter().map(|t| t.hired).collect(),
        );
        let supervised = all
            .employees
            .iter()
            .filter(|e| e.supervisor_id == Some(id))
            .count();
        r.add("people they supervise", supervised, "", Vec::new());
        r
    }
}

impl Txn {
    /// Every record that points at employee `id`, as this transaction sees it.
    pub fn references(&mut self, id: Id) -> Result<References> {
        Ok(References::count(
            &Pointing {
                intakes: &self.all::<Intake>()?,
                mentors: &self.all::<Mentor>()?,
                pairs: &self.all::<MentoringPair>()?,
                ambassadors: &self.all::<Ambassador>()?,
                participants: &self.all::<Participant>()?,
                waitlist: &self.all::<WaitlistEntry>()?,
                pl: &self.all::<PlAttendance>()?,
                teachers: &self.all::<TeacherOutcome>()?,
                employees: &self.all::<Employee>()?,
            },
            id,
        ))
    }

    /// Deletes a person no record points at; refused otherwise, naming what points at them.
    pub fn delete_person(&mut self, person: &Employee) -> Result<()> {
        let current = self.get::<Employee>(person.id)?;
        if current.as_ref() != Some(person) {
            return Err(StoreError::Conflict(format!("employees record {}", person.id)));
        }
        let refs = self.references(person.id)?;
        if !refs.is_empty() {
            return Err(refused(format!(
                "cannot delete: records point at this person: {refs}; merge or move them first"
            )));
        }
        self.delete::<Employee>(person.id)?;
        Ok(())
    }

    /// Merges `other` into `kept` (both as they were read; refused if either changed since):
    /// `kept` becomes `merged` (same id), every record that points at `other` points at `kept`,
    /// and `other` is removed. Two mentor records become one (its pairs keep their logs); two
    /// places in one cohort become one (attendance marks kept; the same mark twice kept once);
    /// the same PL attendance twice is kept once. Refused, changing nothing, when the records
    /// look like two people: one supervises the other, they are paired together, their
    /// ambassador tenures overlap, or they hold different marks for one session.
    pub fn merge_people(
        &mut self,
        kept: &Employee,
        other: &Employee,
        merged: &Employee,
    ) -> Result<MergeReport> {
        for e in [kept, other] {
            if self.get::<Employee>(e.id)?.as_ref() != Some(e) {
                return Err(StoreError::Conflict(format!("employees record {}", e.id)));
            }
        }
        if kept.id == other.id {
            return Err(refused("a person cannot be merged with themselves".into()));
        }
        if merged.id != kept.id {
            return Err(refused("the merged person keeps the kept record's id".into()));
        }
        if kept.supervisor_id == Some(other.id) || other.supervisor_id == Some(kept.id) {
            return Err(refused(
                "one record is the other's supervisor: these look like two different people".into(),
            ));
        }
        merged.validate()?;
        let mut report = MergeReport::default();
        self.merge_mentoring(kept, other, &mut report)?;
        self.merge_ambassadors(kept, other, &mut report)?;
        self.merge_cohorts(kept, other, &mut report)?;
        for mut i in self
            .all::<Intake>()?
            .into_iter()
            .filter(|i| i.employee_id == other.id)
        {
            i.employee_id = kept.id;
            self.put(&i)?;
            report.moved("intakes");
        }
        for mut w in self
            .all::<WaitlistEntry>()?
            .into_iter()
            .filter(|w| w.employee_id == other.id)
        {
            w.employee_id = kept.id;
            self.put(&w)?;
            report.moved("waitlist entries");
        }
        // One teacher outcome per person: the other's moves over, unless both have one (then the
        // merge is refused before anything moved: which hire is true is for a person to say).
        let outcomes = self.all::<TeacherOutcome>()?;
        if let Some(theirs) = outcomes.iter().find(|t| t.employee_id == other.id) {
            if outcomes.iter().any(|t| t.employee_id == kept.id) {
                return Err(refused(
                    "both records have a teacher outcome; remove the wrong one first (PL tab or the person card)"
                        .into(),
                ));
            }
            let mut moved = theirs.clone();
            moved.employee_id = kept.id;
            self.put(&moved)?;
            report.moved("teacher outcomes");
        }
        let pl = self.all::<PlAttendance>()?;
        for a in pl.iter().filter(|a| a.employee_id == other.id) {
            let twice = pl
                .iter()
                .any(|k| k.employee_id == kept.id && k.pl_session_id == a.pl_session_id);
            if twice {
                self.delete::<PlAttendance>(a.id)?;
            } else {
                let mut moved = a.clone();
                moved.employee_id = kept.id;
                self.put(&moved)?;
            }
            report.moved("PL attendances");
        }
        for mut e in self
            .all::<Employee>()?
            .into_iter()
            .filter(|e| e.supervisor_id == Some(other.id))
        {
            if e.id == kept.id {
                continue;
            }
            e.supervisor_id = Some(kept.id);
            self.put(&e)?;
            report.moved("people supervised");
        }
        let mut merged = merged.clone();
        if merged.supervisor_id == Some(other.id) {
            merged.supervisor_id = None;
        }
        self.put(&merged)?;
        self.delete::<Employee>(other.id)?;
        Ok(report)
    }

    fn merge_mentoring(&mut self, kept: &Employee, other: &Employee, report: &mut MergeReport) -> Result<()> {
        let mentors = self.all::<Mentor>()?;
        let kept_mentor = mentors.iter().find(|m| m.employee_id == kept.id).cloned();
        let other_mentors: Vec<Mentor> = mentors
            .into_iter()
            .filter(|m| m.employee_id == other.id)
            .collect();
        let pairs = self.all::<MentoringPair>()?;
        let mentor_of = |ids: &[Id], person: &Employee| {
            pairs
                .iter()
                .any(|p| ids.contains(&p.mentor_id) && p.mentee_id == person.id)
        };
        let kept_ids: Vec<Id> = kept_mentor.iter().map(|m| m.id).collect();
        let other_ids: Vec<Id> = other_mentors.iter().map(|m| m.id).collect();
        if mentor_of(&kept_ids, other) || mentor_of(&other_ids, kept) {
            return Err(refused(
                "one record mentors the other: these look like two different people".into(),
            ));
        }
        for mut p in pairs.iter().filter(|p| p.mentee_id == other.id).cloned() {
            p.mentee_id = kept.id;
            self.put(&p)?;
            report.moved("mentoring pairs as mentee");
        }
        for m in other_mentors {
            match &kept_mentor {
                // One mentor record for one person: the other's pairs (and so their logs) move.
                Some(k) => {
                    for mut p in pairs.iter().filter(|p| p.mentor_id == m.id).cloned() {
                        p.mentor_id = k.id;
                        self.put(&p)?;
                        report.moved("mentoring pairs as mentor");
                    }
                    let mut one = k.clone();
                    one.active = k.active || m.active;
                    one.joined = k.joined.min(m.joined);
                    if one.expertise.trim().is_empty() {
                        one.expertise = m.expertise.clone();
                    } else if !m.expertise.trim().is_empty() && !same_name(&one.expertise, &m.expertise) {
                        one.expertise = format!("{}; {}", one.expertise, m.expertise);
                    }
                    self.put(&one)?;
                    self.delete::<Mentor>(m.id)?;
                    report.moved("mentor records (joined into one)");
                }
                None => {
                    let mut moved = m.clone();
                    moved.employee_id = kept.id;
                    self.put(&moved)?;
                    report.moved("mentor records");
                }
            }
        }
        Ok(())
    }

    fn merge_ambassadors(
        &mut self,
        kept: &Employee,
        other: &Employee,
        report: &mut MergeReport,
    ) -> Result<()> {
        let all = self.all::<Ambassador>()?;
        for a in all.iter().filter(|a| a.employee_id == other.id) {
            if let Some(k) = overlapping_tenure(&all, kept.id, a.tenure_start, a.tenure_end, None) {
                return Err(refused(format!(
                    "both records hold an ambassador tenure at once ({} to {} and {} to {}); \
                     end or remove one first",
                    k.tenure_start, k.tenure_end, a.tenure_start, a.tenure_end
                )));
            }
            let mut moved = a.clone();
            moved.employee_id = kept.id;
            self.put(&moved)?;
            report.moved("ambassador tenures");
        }
        Ok(())
    }

    fn merge_cohorts(&mut self, kept: &Employee, other: &Employee, report: &mut MergeReport) -> Result<()> {
        let participants = self.all::<Participant>()?;
        let marks = self.all::<AttendanceMark>()?;
        for p in participants.iter().filter(|p| p.employee_id == other.id) {
            let Some(k) = participants
                .iter()
                .find(|k| k.employee_id == kept.id && k.cohort_id == p.cohort_id)
            else {
                let mut moved = p.clone();
                moved.employee_id = kept.id;
                self.put(&moved)?;
                report.moved("cohort places");
                continue;
            };
            if k.status != p.status {
                return Err(refused(format!(
                    "both records hold a place in one leadership cohort, one {} and one {}; \
                     correct one first",
                    k.status, p.status
                )));
            }
            if k.role.trim().is_empty() && !p.role.trim().is_empty() {
                let mut role = k.clone();
                role.role = p.role.clone();
                self.put(&role)?;
            }
            // One place in the cohort: the other's marks join it; the same mark twice is one.
            for m in marks.iter().filter(|m| m.participant_id == p.id) {
                match marks
                    .iter()
                    .find(|x| x.participant_id == k.id && x.session_id == m.session_id)
                {
                    Some(x) if x.mark == m.mark => {
                        self.delete::<AttendanceMark>(m.id)?;
                    }
                    Some(x) => {
                        let session = self.get::<LeadershipSession>(m.session_id)?;
                        return Err(refused(format!(
                            "both records have a mark for leadership session {} ({}): {} and {}; \
                             correct one first",
                            session
                                .as_ref()
                                .map_or(String::from("?"), |s| s.number.to_string()),
                            session.map_or(String::from("date unknown"), |s| s.date.to_string()),
                            x.mark,
                            m.mark
                        )));
                    }
                    None => {
                        let mut moved = m.clone();
                        moved.participant_id = k.id;
                        self.put(&moved)?;
                    }
                }
                report.moved("attendance marks");
            }
            self.delete::<Participant>(p.id)?;
            report.moved("cohort places (joined into one)");
        }
        Ok(())
    }
}
