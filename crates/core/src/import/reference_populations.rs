//! `pathways import reference-populations FILE` (what `export reference-populations` writes): the head
//! counts the ambassador cohort is compared with (the student population, all support staff...),
//! one row per group: `population, dimension, group, people`.
//!
//! A file replaces, for each population and dimension it names, that dimension's counts; other
//! dimensions and populations stay as they are. If any row of a population's dimension is bad,
//! that dimension is left unchanged (a partial set would silently drop a group's count).

use super::csv_file::{self, header_key};
use super::{ImportError, Rejection, UpsertSummary, labels};
use crate::dataset::Dataset;
use crate::domain::*;
use crate::store::Store;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The columns, as the export writes them.
pub const COLUMNS: [&str; 4] = ["population", "dimension", "group", "people"];

/// Other header names a hand-made sheet may use, by column.
const SYNONYMS: [(&str, &[&str]); 4] = [
    ("population", &["population", "populationname", "name"]),
    ("dimension", &["dimension", "by"]),
    ("group", &["group", "category"]),
    ("people", &["people", "count", "headcount", "number"]),
];

/// At most this many people in one group (the district's students are ~160,000).
const MAX_PEOPLE: u64 = 10_000_000;

/// The populations to store, and what the import did or would do.
pub struct Plan {
    pub populations: Vec<ReferencePopulation>,
    pub summary: UpsertSummary,
}

struct Good {
    line: u64,
    population: String,
    dimension: Dimension,
    group: String,
    people: u64,
}

/// Checks `bytes` against `data` and plans the change; stores nothing.
pub fn plan(data: &Dataset, bytes: &[u8]) -> Result<Plan, String> {
    let sheet = csv_file::read(bytes)?;
    let mut at: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in sheet.header.iter().enumerate() {
        let key = header_key(h);
        if let Some((name, _)) = SYNONYMS.iter().find(|(_, s)| s.contains(&key.as_str())) {
            at.entry(name).or_insert(i);
        }
    }
    let missing: Vec<&str> = COLUMNS.into_iter().filter(|c| !at.contains_key(c)).collect();
    if !missing.is_empty() {
        return Err(format!(
            "not a reference population file: missing column(s) {} (the columns are {})",
            missing.join(", "),
            COLUMNS.join(", ")
        ));
    }
    let mut summary = UpsertSummary::default();
    let mut good = Vec::new();
    // (population, dimension) pairs with a bad row: left as they are.
    let mut spoilt: Vec<(String, Dimension)> = Vec::new();
    for row in sheet.rows {
        let row = match row {
            Ok(r) => r,
            Err(rejection) => {
                summary.rejected.push(rejection);
                continue;
            }
        };
        let cells = Cells(&at, &row.cells);
        match check_row(data, &cells) {
            Ok((population, dimension, group, people)) => {
                summary.cleaned.extend(row.cleaned_note());
                good.push(Good {
                    line: row.line,
                    population,
                    dimension,
                    group,
                    people,
                })
            }
            Err(reason) => {
                if let Some(dimension) = parse_dimension(cells.get("dimension")) {
                    spoilt.push((cells.get("population").to_lowercase(), dimension));
                }
                summary.rejected.push(Rejection {
                    line: row.line,
                    reason,
                });
            }
        }
    }
    // One group twice with different counts: neither can be trusted.
    let mut first: HashMap<(String, Dimension, String), (u64, u64)> = HashMap::new();
    let mut clash: Vec<(u64, String)> = Vec::new();
    for g in &good {
        let key = (g.population.to_lowercase(), g.dimension, g.group.to_lowercase());
        match first.get(&key) {
            Some(&(line, people)) if people != g.people => {
                clash.push((
                    g.line,
                    format!("{} also on line {line} with a different count", g.group),
                ));
                clash.push((
                    line,
                    format!("{} also on line {} with a different count", g.group, g.line),
                ));
            }
            Some(_) => {}
            None => {
                first.insert(key, (g.line, g.people));
            }
        }
    }
    for (line, reason) in clash {
        if !summary.rejected.iter().any(|r| r.line == line) {
            summary.rejected.push(Rejection { line, reason });
        }
    }
    summary.rejected.sort_by_key(|r| r.line);
    let bad: Vec<u64> = summary.rejected.iter().map(|r| r.line).collect();
    // population (any case) -> (name as written, dimension -> counts in file order, dimensions spoilt)
    type Counts = BTreeMap<Dimension, Vec<(String, u64)>>;
    let mut files: BTreeMap<String, (String, Counts)> = BTreeMap::new();
    for g in &good {
        let entry = files
            .entry(g.population.to_lowercase())
            .or_insert_with(|| (g.population.clone(), BTreeMap::new()));
        let counts = entry.1.entry(g.dimension).or_default();
        if !counts.iter().any(|(group, _)| same_name(group, &g.group)) && !bad.contains(&g.line) {
            counts.push((g.group.clone(), g.people));
        }
    }
    // A dimension with a rejected row stays as it is.
    spoilt.extend(
        summary
            .rejected
            .iter()
            .filter_map(|r| good.iter().find(|g| g.line == r.line))
            .map(|g| (g.population.to_lowercase(), g.dimension)),
    );
    let mut populations = Vec::new();
    for (key, (name, dims)) in files {
        let existing = data
            .reference_populations
            .iter()
            .find(|p| same_name(&p.name, &name));
        let mut updated = existing.cloned().unwrap_or(ReferencePopulation {
            id: 0,
            name: name.clone(),
            groups: Vec::new(),
        });
        for (dimension, counts) in dims {
            if spoilt.contains(&(key.clone(), dimension)) {
                summary.review.push(format!(
                    "{name}, {dimension}: left unchanged because a row of it was rejected"
                ));
                continue;
            }
            updated.set_counts(dimension, counts);
        }
        match existing {
            None if updated.groups.is_empty() => {}
            None => {
                summary.new += 1;
                populations.push(updated);
            }
            Some(old) if same_counts(old, &updated) => summary.unchanged += 1,
            Some(_) => {
                summary.updated += 1;
                populations.push(updated);
            }
        }
    }
    Ok(Plan { populations, summary })
}

/// The same groups and counts, whatever their order.
fn same_counts(a: &ReferencePopulation, b: &ReferencePopulation) -> bool {
    let sorted = |p: &ReferencePopulation| {
        let mut g: Vec<(Dimension, String, u64)> = p
            .groups
            .iter()
            .map(|g| (g.dimension, g.group.clone(), g.people))
            .collect();
        g.sort();
        g
    };
    sorted(a) == sorted(b)
}

/// A dimension by its label, or "service" for years of service.
fn parse_dimension(text: &str) -> Option<Dimension> {
    match header_key(text).as_str() {
        "service" | "yearsofservice" => Some(Dimension::Service),
        _ => Dimension::parse(text),
    }
}

/// A row's cells by column name.
struct Cells<'a>(&'a HashMap<&'static str, usize>, &'a [String]);

impl Cells<'_> {
    fn get(&self, name: &str) -> &str {
        self.0
            .get(name)
            .and_then(|&i| self.1.get(i))
            .map_or("", String::as_str)
    }
}

fn check_row(data: &Dataset, cells: &Cells) -> Result<(String, Dimension, String, u64), String> {
    let cell = |name: &str| cells.get(name);
    let population = cell("population");
    if population.is_empty() {
        return Err("population is empty".into());
    }
    let dimension = match cell("dimension") {
        "" => return Err("dimension is empty".into()),
        d => parse_dimension(d).ok_or_else(|| {
            format!(
                "dimension \"{}\" is not one of: {}",
                truncate_for_message(d),
                labels::<Dimension>()
            )
        })?,
    };
    let group = cell("group");
    if group.is_empty() {
        return Err("group is empty".into());
    }
    let group = match dimension {
        Dimension::Race => Race::from_text(group)
            .map(|r| r.label().to_string())
            .ok_or_else(|| {
                format!(
                    "race \"{}\" is not one of: {}",
                    truncate_for_message(group),
                    labels::<Race>()
                )
            })?,
        Dimension::Service => SERVICE_BANDS
            .iter()
            .find(|b| same_name(b, group))
            .map(|b| b.to_string())
            .ok_or_else(|| {
                format!(
                    "years of service \"{}\" is not one of: {}",
                    truncate_for_message(group),
                    SERVICE_BANDS.join(", ")
                )
            })?,
        Dimension::Chapter => data
            .chapter_groups()
            .into_iter()
            .find(|c| same_name(c, group))
            .unwrap_or_else(|| group.to_string()),
    };
    let text = cell("people").replace(',', "");
    let people = text
        .parse::<u64>()
        .ok()
        .filter(|n| *n <= MAX_PEOPLE)
        .ok_or_else(|| {
            format!(
                "people \"{}\" is not a whole number from 0 to {MAX_PEOPLE}",
                truncate_for_message(cell("people"))
            )
        })?;
    Ok((population.to_string(), dimension, group, people))
}

/// Imports the file at `path`: every good population in one transaction. `dry_run` stores nothing.
pub fn import(store: &Store, path: &Path, dry_run: bool) -> Result<UpsertSummary, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let bytes = crate::import::sheet::read(path).map_err(unreadable)?;
    let (data, _) = store.load()?;
    let plan = plan(&data, &bytes).map_err(unreadable)?;
    let mut summary = plan.summary;
    summary.dry_run = dry_run;
    if !dry_run && !plan.populations.is_empty() {
        store.write(|txn| {
            for p in &plan.populations {
                if p.id == 0 {
                    txn.insert(&mut p.clone())?;
                } else {
                    txn.put(p)?;
                }
            }
            Ok(())
        })?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_of(data: &Dataset, text: &str) -> Plan {
        plan(data, text.as_bytes()).unwrap()
    }

    #[test]
    fn counts_by_group_with_synonyms_and_every_bad_row_named() {
        let data = Dataset::default();
        let p = plan_of(
            &data,
            "Name,Dimension,Group,Count\n\
             Students,race,Black,35400\n\
             Students,race,hispanic/latino,\"56,200\"\n\
             Students,service,5-9 years,3\n\
             Students,colour,x,1\n\
             ,race,White,1\n\
             Students,race,Martian,1\n\
             Students,race,White,-4\n",
        );
        let good = plan_of(
            &data,
            "population,dimension,group,people\nStudents,race,hispanic/latino,\"56,200\"\n",
        );
        assert_eq!(
            good.populations[0].people(Dimension::Race, "Hispanic"),
            Some(56_200)
        );
        let lines: Vec<String> = p.summary.rejected.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(
            lines[0].starts_with("line 5: dimension \"colour\" is not one of"),
            "{lines:?}"
        );
        assert_eq!(lines[1], "line 6: population is empty");
        assert!(lines[2].starts_with("line 7: race \"Martian\""), "{lines:?}");
        assert!(lines[3].starts_with("line 8: people \"-4\""), "{lines:?}");
        assert_eq!(p.summary.new, 1);
        let students = &p.populations[0];
        // Race had bad rows: left as it was (here: absent), said for review.
        assert_eq!(students.people(Dimension::Race, "Hispanic"), None);
        assert!(p.summary.review[0].starts_with("Students, race: left unchanged"));
        assert_eq!(students.people(Dimension::Service, "5-9 years"), Some(3));
    }

    #[test]
    fn a_repeat_changes_nothing_and_a_clash_leaves_the_dimension_alone() {
        let mut data = Dataset::default();
        let text = "population,dimension,group,people\nStudents,race,White,10\nStudents,race,Asian,5\n";
        let mut first = plan_of(&data, text).populations;
        first[0].id = 1;
        data.reference_populations = first;
        let again = plan_of(
            &data,
            "population,dimension,group,people\nstudents,race,Asian,5\nStudents,race,White,10\n",
        );
        assert_eq!(
            (again.summary.new, again.summary.updated, again.summary.unchanged),
            (0, 0, 1)
        );
        let clash = plan_of(
            &data,
            "population,dimension,group,people\nStudents,race,White,11\nStudents,race,White,12\n",
        );
        assert_eq!(clash.summary.rejected.len(), 2);
        assert_eq!(clash.summary.updated, 0);
        assert!(
            clash.summary.review[0].contains("left unchanged"),
            "{:?}",
            clash.summary.review
        );
    }

    #[test]
    fn a_file_without_the_columns_is_not_one() {
        let e = plan(&Dataset::default(), b"a,b\n1,2\n").err().unwrap();
        assert!(
            e.contains("missing column(s) population, dimension, group, people"),
            "{e}"
        );
    }
}
