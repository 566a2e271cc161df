//! `pathways chapters ...` and `pathways owners ...`: the program's small reference lists from
//! the command line. Each change is one transaction that also rewrites the records carrying the
//! name (people's chapters, intakes' owners).

use super::ListAction;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;
use pathways_core::store::NamedEntry;
use std::path::Path;
use std::process::ExitCode;

/// Runs one action on list `L`; `count` says how many records carry a name, for `list`.
pub fn run<L: NamedEntry>(db: &Path, action: Option<&ListAction>) -> ExitCode {
    let writes = !matches!(action, None | Some(ListAction::List));
    let store = match super::open_existing(db, writes) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let what = L::WHAT;
    let done = match action.unwrap_or(&ListAction::List) {
        ListAction::List => {
            let data = match super::load(db) {
                Ok(d) => d,
                Err(code) => return code,
            };
            for line in list_lines(&data, what) {
                super::out::line(line);
            }
            return ExitCode::SUCCESS;
        }
        ListAction::Add { name } => store
            .write(|txn| txn.add_to_list::<L>(name))
            .map(|_| format!("added {what} \"{}\"", name.trim())),
        ListAction::Rename { old, new } => store.write(|txn| txn.rename_in_list::<L>(old, new)).map(|n| {
            format!(
                "renamed {what} \"{}\" to \"{}\" ({n} {} rewritten)",
                old.trim(),
                new.trim(),
                carriers(what)
            )
        }),
        ListAction::Merge { from, into } => store.write(|txn| txn.merge_in_list::<L>(from, into)).map(|n| {
            format!(
                "merged {what} \"{}\" into \"{}\" ({n} {} moved)",
                from.trim(),
                into.trim(),
                carriers(what)
            )
        }),
        ListAction::Remove { name } => store
            .write(|txn| txn.remove_from_list::<L>(name))
            .map(|()| format!("removed {what} \"{}\"", name.trim())),
    };
    match done {
        Ok(line) => {
            super::out::line(line);
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(format!("{what}s: {e} (nothing was changed)")),
    }
}

fn carriers(what: &str) -> &'static str {
    if what == "chapter" { "people" } else { "intakes" }
}

/// The list with how many records carry each name.
fn list_lines(data: &Dataset, what: &str) -> Vec<String> {
    let mut out = Vec::new();
    if what == "chapter" {
        let count = |name: &str| {
            data.employees
                .iter()
                .filter(|e| e.chapter.as_deref().is_some_and(|c| same_name(c, name)))
                .count()
        };
        for name in data.union_chapters() {
            out.push(format!("{name} ({} people)", count(&name)));
        }
        out.push(format!(
            "{NO_CHAPTER} ({} people; outside the union)",
            count(NO_CHAPTER)
        ));
        let unknown = data.employees.iter().filter(|e| e.chapter.is_none()).count();
        out.push(format!("{UNKNOWN}: {unknown} people without a chapter yet"));
    } else {
        for name in data.owners() {
            let theirs: Vec<&Intake> = data
                .intakes
                .iter()
                .filter(|i| same_name(&i.owner, &name))
                .collect();
            let open = theirs.iter().filter(|i| i.status != IntakeStatus::Closed).count();
            out.push(format!("{name} ({} intakes, {open} open)", theirs.len()));
        }
        let nobody = data.intakes.iter().filter(|i| i.owner.trim().is_empty()).count();
        out.push(format!("no owner: {nobody} intakes"));
    }
    out
}
