//! The booklet's sections, in the printed booklet's order, from the core's figures: each says
//! how its figures are counted, every chart has its table, small groups stay hidden, and what the
//! database does not hold is said plainly instead of being filled in.

use super::charts::{self, Bar};
use super::page::{Block, Fact, Section, Table, change, percent, thousands};
use chrono::NaiveDate;
use pathways_core::domain::{Choice, Dimension as CohortDimension, Shown};
use pathways_core::metrics::booklet::{Booklet, CohortDemographics};
use pathways_core::metrics::{Breakdown, Dimension, Metric};
use pathways_core::text::inert;

/// "October 30, 2024"
pub fn long_date(d: NaiveDate) -> String {
    d.format("%B %-d, %Y").to_string()
}

/// The days a fiscal year is counted over as of a date: "July 1, 2024 to December 19, 2024".
pub fn span(year: pathways_core::domain::FiscalYear, as_of: NaiveDate) -> String {
    if as_of < year.start() {
        format!("{} has not begun by {}", year.short_label(), long_date(as_of))
    } else {
        format!(
            "{} to {}",
            long_date(year.start()),
            long_date(as_of.min(year.end()))
        )
    }
}

/// Text from the records, safe for any output (no control or bidi characters).
fn clean(s: &str) -> String {
    inert(s).into_owned()
}

/// Builds the sections; `private` leaves race out.
pub struct Sections<'a> {
    pub b: &'a Booklet,
    pub private: bool,
}

type Built = Result<Section, String>;

impl Sections<'_> {
    pub fn all(&self) -> Result<Vec<Section>, String> {
        Ok(vec![
            self.glance(),
            self.intakes()?,
            self.consultations()?,
            self.demographics()?,
            self.learning()?,
            self.ambassadors()?,
            self.leadership()?,
            self.mentoring(),
            self.teacher()?,
        ])
    }

    fn fy(&self) -> String {
        self.b.year.short_label()
    }

    fn before(&self) -> String {
        self.b.year.previous().short_label()
    }

    /// The fiscal months begun by the as-of date.
    fn months(&self) -> Vec<String> {
        let r = &self.b.report;
        (0..r.elapsed)
            .map(|i| r.month(i).short_name().to_string())
            .collect()
    }

    fn span(&self) -> String {
        span(self.b.year, self.b.as_of)
    }

    fn glance(&self) -> Section {
        let r = &self.b.report;
        let metrics = [
            Metric::Intakes,
            Metric::NewRelationships,
            Metric::Consultations,
            Metric::PlAttendance,
            Metric::PlPeople,
            Metric::PopUps,
            Metric::TeacherPathway,
            Metric::ActivePairs,
            Metric::AmbassadorsActive,
            Metric::EmployeesCovered,
        ];
        let mut table = Table::new(
            format!("{} to date and the same months of {}", self.fy(), self.before()),
            &["Figure", &self.fy(), &self.before(), "Change"],
        );
        let mut facts = Vec::new();
        for m in metrics {
            let row = r.row(m);
            let now = row.this.fytd.count;
            let known = row.previous_has_data[..r.elapsed].iter().any(|b| *b);
            let before = row.previous.fytd.count;
            table.row(vec![
                m.label().to_string(),
                thousands(now),
                if known { thousands(before) } else { "—".into() },
                if known { change(now, before) } else { String::new() },
            ]);
            let headline = match m {
                Metric::Intakes => Some("intakes received"),
                Metric::NewRelationships => Some("new client relationships"),
                Metric::PlAttendance => Some("PL attendances"),
                Metric::EmployeesCovered => Some("employees at ambassador-covered locations"),
                _ => None,
            };
            if let Some(label) = headline {
                facts.push(Fact {
                    value: thousands(now),
                    label: label.into(),
                    detail: if known {
                        format!("{} in the same months of {}", thousands(before), self.before())
                    } else {
                        format!("no records for {} yet", self.before())
                    },
                });
            }
        }
        Section {
            id: "glance",
            title: "Program at a glance".into(),
            how: format!(
                "Counted from the records by their dates, {}; beside each, the same months of {}. \
                 Ambassadors and employees covered are the level on the last day counted, not a sum; \
                 mentoring pairs count each pair active in those months once.",
                self.span(),
                self.before()
            ),
            blocks: vec![Block::Facts { facts }, Block::Table { table }],
        }
    }

    /// A metric by month: bars this year, dots the same months a year before, and the table.
    fn by_month(&self, m: Metric, caption: &str) -> Result<Block, String> {
        let r = &self.b.report;
        let row = r.row(m);
        let months = self.months();
        let bars: Vec<Bar> = months
            .iter()
            .enumerate()
            .map(|(i, name)| Bar {
                label: name.clone(),
                value: Some(row.this.months[i].count as f64),
                text: row.this.months[i].count.to_string(),
            })
            .collect();
        let before: Vec<Option<f64>> = (0..months.len())
            .map(|i| row.previous_has_data[i].then(|| row.previous.months[i].count as f64))
            .collect();
        let has_before = before.iter().any(Option::is_some);
        let svg = charts::columns(&bars, has_before.then_some(before.as_slice()))?;
        let mut table = Table::new(caption, &["Month", &self.fy(), &self.before()]);
        for (i, name) in months.iter().enumerate() {
            table.row(vec![
                name.clone(),
                row.this.months[i].count.to_string(),
                before[i].map(|v| format!("{v:.0}")).unwrap_or_else(|| "—".into()),
            ]);
        }
        table.foot = Some(vec![
            "Year to date".into(),
            thousands(row.this.fytd.count),
            if has_before {
                thousands(row.previous.fytd.count)
            } else {
                "—".into()
            },
        ]);
        let values: Vec<String> = months
            .iter()
            .enumerate()
            .map(|(i, name)| match before[i] {
                Some(b) => format!("{name} {} ({} {b:.0})", row.this.months[i].count, self.before()),
                None => format!("{name} {}", row.this.months[i].count),
            })
            .collect();
        Ok(Block::Figure {
            svg,
            alt: format!(
                "Bar chart: {} per month, {}: {}.",
                m.label().to_lowercase(),
                self.fy(),
                values.join(", ")
            ),
            caption: if has_before {
                format!(
                    "{caption}: bars {}, dots the same month of {}",
                    self.fy(),
                    self.before()
                )
            } else {
                caption.to_string()
            },
            table,
        })
    }

    fn intakes(&self) -> Built {
        Ok(Section {
            id: "intakes",
            title: "Intakes and new client relationships".into(),
            how: format!(
                "An intake counts in the month it was received; a new client relationship in the \
                 month its intake reached \"relationship established\" (one moved back is not \
                 counted). The last month counts to {}.",
                long_date(self.b.as_of)
            ),
            blocks: vec![
                self.by_month(Metric::Intakes, "Intakes received per month")?,
                self.by_month(Metric::NewRelationships, "New client relationships per month")?,
            ],
        })
    }

    fn consultations(&self) -> Built {
        let services = &self.b.services;
        let bars: Vec<Bar> = services
            .iter()
            .map(|(s, n)| Bar {
                label: s.label().to_string(),
                value: Some(*n as f64),
                text: n.to_string(),
            })
            .collect();
        let svg = charts::rows(&bars, None)?;
        let mut table = Table::new("Services asked for on intakes this year", &["Service", "Intakes"]);
        for (s, n) in services {
            table.row(vec![s.label().to_string(), n.to_string()]);
        }
        let list: Vec<String> = services
            .iter()
            .map(|(s, n)| format!("{} {n}", s.label()))
            .collect();
        Ok(Section {
            id: "consultations",
            title: "Consultations and the services asked for".into(),
            how: "1:1 consultations count by the date held. Services: every intake received this \
                  year counts once for each service it asks for, so the services add up to more \
                  than the intakes."
                .into(),
            blocks: vec![
                self.by_month(Metric::Consultations, "1:1 consultations per month")?,
                Block::Figure {
                    svg,
                    alt: format!("Bar chart of the services asked for: {}.", list.join(", ")),
                    caption: "Services asked for".into(),
                    table,
                },
            ],
        })
    }

    /// One breakdown's year to date as a chart and a table, small groups hidden.
    fn breakdown_figure(&self, b: &Breakdown, title: &str) -> Result<Block, String> {
        let total = b.total();
        let bars: Vec<Bar> = b
            .groups
            .iter()
            .map(|g| Bar {
                label: clean(&g.label),
                value: g.fytd.shown.count().map(|n| n as f64),
                text: g.fytd.text(total),
            })
            .collect();
        let svg = charts::rows(&bars, None)?;
        let mut table = Table::new(title, &["Group", "Intakes", "Share"]);
        for g in &b.groups {
            table.row(vec![
                clean(&g.label),
                g.fytd.text(total),
                g.share.map(percent).unwrap_or_default(),
            ]);
        }
        table.foot = Some(vec!["All".into(), b.all.fytd.text(total), String::new()]);
        let list: Vec<String> = bars.iter().map(|b| format!("{} {}", b.label, b.text)).collect();
        Ok(Block::Figure {
            svg,
            alt: format!("Bar chart, {}: {}.", title.to_lowercase(), list.join(", ")),
            caption: title.to_string(),
            table,
        })
    }

    fn demographics(&self) -> Built {
        let mut blocks = Vec::new();
        for b in &self.b.demographics {
            let title = match b.dimension {
                Dimension::Chapter => "Intakes by union chapter (N/A: staff outside the union)",
                Dimension::Race => "Intakes by race",
                Dimension::LocationType => "Intakes by location type",
            };
            if b.dimension == Dimension::Race && self.private {
                blocks.push(Block::Note {
                    text: "Intakes by race are left out of this copy (--private).".into(),
                });
                continue;
            }
            blocks.push(self.breakdown_figure(b, title)?);
        }
        Ok(Section {
            id: "demographics",
            title: "Who the intakes came from".into(),
            how: format!(
                "Intakes received {}, by the chapter, race and location type on the person's \
                 record (N/A: substitutes and temporary part-time staff, outside the union; \"not \
                 recorded\": no person or place on file). Small groups: {}",
                self.span(),
                super::SMALL_GROUPS
            ),
            blocks,
        })
    }

    fn learning(&self) -> Built {
        let l = &self.b.learning;
        let r = &self.b.report;
        let mut table = Table::new(
            format!("Offerings held {}", self.span()),
            &["PDO course", "Offering", "Sessions", "Attendances"],
        )
        .text_columns(&[0, 1]);
        for o in &l.offerings {
            table.row(vec![
                if o.course_number.is_empty() {
                    "—".into()
                } else {
                    format!("#{}", clean(&o.course_number))
                },
                clean(&o.title),
                o.sessions.to_string(),
                o.attendances.to_string(),
            ]);
        }
        let mut blocks = vec![Block::Facts {
            facts: vec![
                Fact {
                    value: thousands(l.attendances),
                    label: "attendances".into(),
                    detail: format!("as of {}", long_date(self.b.as_of)),
                },
                Fact {
                    value: thousands(l.people),
                    label: "different employees reached".into(),
                    detail: String::new(),
                },
                Fact {
                    value: l.offerings.len().to_string(),
                    label: "offerings held".into(),
                    detail: format!("in {} sessions", l.sessions),
                },
            ],
        }];
        if r.elapsed > 0 {
            blocks.push(self.by_month(Metric::PlAttendance, "PL attendance per month")?);
        }
        if l.offerings.is_empty() {
            blocks.push(Block::Note {
                text: "No professional learning sessions recorded for this year yet.".into(),
            });
        } else {
            blocks.push(Block::Table { table });
        }
        Ok(Section {
            id: "learning",
            title: "Professional learning".into(),
            how: "Each employee at each session counts once as an attendance, by the session's \
                  date; \"different employees\" counts each person once however many sessions \
                  they came to. Course numbers are the PDO catalogue's."
                .into(),
            blocks,
        })
    }

    fn ambassadors(&self) -> Built {
        super::ambassadors::section(self)
    }

    fn leadership(&self) -> Built {
        super::leadership::section(self)
    }

    fn mentoring(&self) -> Section {
        let m = &self.b.mentoring;
        let union = m.with_mentor.len() + m.without_mentor.len();
        let mut blocks = vec![Block::Facts {
            facts: vec![
                Fact {
                    value: m.active_mentors.to_string(),
                    label: "mentors".into(),
                    detail: format!("covering {} of {union} union chapters", m.with_mentor.len()),
                },
                Fact {
                    value: m.active_pairs.to_string(),
                    label: "active mentoring pairs".into(),
                    detail: format!("{} agreements signed this year", m.pairs_signed),
                },
            ],
        }];
        if m.mentors > m.active_mentors {
            blocks.push(Block::Note {
                text: format!(
                    "{} more mentor(s) on the roster are not active.",
                    m.mentors - m.active_mentors
                ),
            });
        }
        blocks.push(Block::List {
            title: "Chapters with a mentor".into(),
            items: m.with_mentor.iter().map(|c| clean(c)).collect(),
        });
        blocks.push(Block::List {
            title: "Chapters without a mentor yet".into(),
            items: m.without_mentor.iter().map(|c| clean(c)).collect(),
        });
        Section {
            id: "mentoring",
            title: "Mentoring".into(),
            how: format!(
                "Mentors who had joined the roster by {} and are active; a chapter has a mentor when \
                 an active mentor belongs to it (the goal: one for every union chapter). A pair is \
                 active from the day its agreement is signed until it ends (12 months at most).",
                long_date(self.b.as_of)
            ),
            blocks,
        }
    }

    fn teacher(&self) -> Built {
        let t = &self.b.teacher;
        let mut blocks = Vec::new();
        if t.intakes_by_year.is_empty() {
            blocks.push(Block::Note {
                text: "No intakes asking for the teacher pathway yet.".into(),
            });
        } else {
            let bars: Vec<Bar> = t
                .intakes_by_year
                .iter()
                .map(|(y, n)| Bar {
                    label: y.short_label(),
                    value: Some(*n as f64),
                    text: n.to_string(),
                })
                .collect();
            let svg = charts::columns(&bars, None)?;
            let mut table = Table::new(
                "Intakes asking for the teacher pathway",
                &["Fiscal year", "Intakes"],
            );
            for (y, n) in &t.intakes_by_year {
                table.row(vec![y.short_label(), n.to_string()]);
            }
            let list: Vec<String> = bars.iter().map(|b| format!("{} {}", b.label, b.text)).collect();
            blocks.push(Block::Figure {
                svg,
                alt: format!(
                    "Bar chart of intakes asking for the teacher pathway by fiscal year: {}.",
                    list.join(", ")
                ),
                caption: "Intakes asking for the teacher pathway, by fiscal year".into(),
                table,
            });
        }
        if t.became_teachers.is_empty() {
            blocks.push(Block::Note {
                text: "Support staff who became teachers, by fiscal year: no records yet. No \
                       teacher outcome is recorded (`import teacher-outcomes`), so no figure is \
                       shown rather than an estimate."
                    .into(),
            });
        } else {
            let mut table = Table::new("Support staff who became teachers", &["Fiscal year", "Teachers"]);
            for (y, n) in &t.became_teachers {
                table.row(vec![y.short_label(), n.to_string()]);
            }
            blocks.push(Block::Table { table });
        }
        Ok(Section {
            id: "teacher",
            title: "Teacher pathway".into(),
            how: format!(
                "Intakes asking for the teacher pathway count in the fiscal year they were received, \
                 to {} for {}.",
                long_date(self.b.as_of),
                self.fy()
            ),
            blocks,
        })
    }
}

/// The cohort's table for one dimension, beside the reference population where the team entered
/// one for it.
pub fn demographic_table(t: &CohortDemographics, reference: &str) -> Table {
    let name = match t.dimension {
        CohortDimension::Chapter => "Chapter",
        CohortDimension::Service => "Years of service",
        CohortDimension::Race => "Race",
    };
    let compared = t.reference_total > 0;
    let caption = format!("Ambassador cohort by {}", t.dimension.label());
    let mut table = if compared {
        Table::new(caption, &[name, "Cohort", "%", reference, "%", "Gap (points)"])
    } else {
        Table::new(caption, &[name, "Cohort", "%"])
    };
    for r in &t.rows {
        let mut row = vec![
            clean(&r.group),
            r.cohort.count_text(),
            r.cohort.percent_text(t.cohort_total),
        ];
        if compared {
            let (rs, rp) = match r.reference {
                Some(s) => (s.count_text(), s.percent_text(t.reference_total)),
                None => (String::new(), String::new()),
            };
            row.extend([rs, rp, r.gap.map(|g| format!("{g:+.1}")).unwrap_or_default()]);
        }
        table.row(row);
    }
    table
}

/// A share of the cohort when it may be shown.
pub fn shown_share(s: Shown, total: u64) -> Option<f64> {
    match s {
        Shown::Count(n) if total > 0 => Some(n as f64 * 100.0 / total as f64),
        _ => None,
    }
}
