//! `pathways people merge KEEP OTHER` and `pathways people delete WHO`: the person card's merge
//! and delete from the command line. A person is named by employee id, email, name, or `#N`
//! (the record number `export employees` writes in its `id` column).

use super::PeopleAction;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::lookup::People;
use pathways_core::privacy::Mask;
use std::path::Path;
use std::process::ExitCode;

/// The one person `text` names, or why not.
fn find<'a>(data: &'a Dataset, text: &str, private: bool) -> Result<&'a Employee, String> {
    if let Some(n) = text.trim().strip_prefix('#') {
        return n
            .parse::<Id>()
            .ok()
            .and_then(|id| data.employee(id))
            .ok_or_else(|| format!("no person is record {}", truncate_for_message(text.trim())));
    }
    let people = People::new(&data.employees);
    people.find(text).map_err(|e| people.explain(&e, private))
}

/// "012345 Ana García (record 7)", masked as the output must be.
fn who(e: &Employee, mask: Mask) -> String {
    let number = if e.employee_number.trim().is_empty() {
        "no employee id".to_string()
    } else {
        e.employee_number.clone()
    };
    format!("{number} {} (record {})", mask.name(&e.full_name()), e.id)
}

pub fn run(db: &Path, action: &PeopleAction, private: bool) -> ExitCode {
    let writes = !matches!(action, PeopleAction::Merge { dry_run: true, .. });
    let store = match super::open_existing(db, writes) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let data = match store.load() {
        Ok((d, _)) => d,
        Err(e) => return super::fail(format!("{}: {e}", db.display())),
    };
    let mask = Mask::file(private);
    match action {
        PeopleAction::Merge {
            keep,
            other,
            take,
            dry_run,
        } => {
            let (kept, other) = match (find(&data, keep, private), find(&data, other, private)) {
                (Ok(k), Ok(o)) => (k.clone(), o.clone()),
                (Err(e), _) | (_, Err(e)) => return super::fail(format!("people merge: {e}")),
            };
            let mut from_other = Vec::new();
            for name in take {
                match PersonField::parse(name) {
                    Some(f) => from_other.push(f),
                    None => {
                        return super::fail(format!(
                            "people merge: --take \"{}\" is not a field; the fields are: {}",
                            truncate_for_message(name),
                            PersonField::ALL
                                .iter()
                                .map(|f| f.label())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                    }
                }
            }
            let usual = fill_unknowns(&kept, &other);
            let merged = merged_person(&kept, &other, |f| {
                if from_other.contains(&f) {
                    Side::Other
                } else {
                    usual(f)
                }
            });
            super::out::line(format!(
                "keeping {}, merging in {}",
                who(&kept, mask),
                who(&other, mask)
            ));
            for f in PersonField::ALL.iter().copied() {
                let (before, after, theirs) = (f.shown(&kept), f.shown(&merged), f.shown(&other));
                if before == theirs {
                    continue;
                }
                let shown = |v: &str| match f.sensitive() {
                    Some(what) => mask.show(what, v).into_owned(),
                    None => v.to_string(),
                };
                let taken = if before == after {
                    "kept"
                } else {
                    "taken from the other"
                };
                super::out::line(format!(
                    "  {}: {} | {} -> {} ({taken})",
                    f.label(),
                    shown(&before),
                    shown(&theirs),
                    shown(&after)
                ));
            }
            if *dry_run {
                super::out::line("dry run: nothing changed");
                return ExitCode::SUCCESS;
            }
            match store.write(|txn| txn.merge_people(&kept, &other, &merged)) {
                Ok(report) => {
                    super::out::line(format!("merged: {report}"));
                    ExitCode::SUCCESS
                }
                Err(e) => super::fail(format!("people merge: {e} (nothing was changed)")),
            }
        }
        PeopleAction::Delete { who: text } => {
            let person = match find(&data, text, private) {
                Ok(p) => p.clone(),
                Err(e) => return super::fail(format!("people delete: {e}")),
            };
            match store.write(|txn| txn.delete_person(&person)) {
                Ok(()) => {
                    super::out::line(format!("deleted {}", who(&person, mask)));
                    ExitCode::SUCCESS
                }
                Err(e) => super::fail(format!("people delete: {e} (nothing was changed)")),
            }
        }
    }
}
