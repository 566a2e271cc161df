//! Spreadsheet imports: each kind's sheet read, checked row by row and stored in one transaction.
//! Every importer reads its cells through [`sheet::read_row`], so text enters the database by
//! one rule.

pub mod closures;
pub mod csv_file;
pub mod employees;
pub mod intakes;
pub mod reference_populations;
pub mod sheet;

pub use intakes::ImportError;
pub use sheet::Rejection;

/// What an import that updates records in place did (or, for a dry run, would do): records new,
/// updated and unchanged, rows rejected, and what the team should look at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpsertSummary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: Vec<Rejection>,
    /// Rows whose cells had control or invisible characters taken out, one line each.
    pub cleaned: Vec<String>,
    /// Changes to review (whose eligibility moved), one line each.
    pub review: Vec<String>,
    /// Reference-list entries the import added (new locations, chapters), one line each.
    pub added: Vec<String>,
    pub dry_run: bool,
}

impl UpsertSummary {
    /// The last line the command prints: the counts in words.
    pub fn summary_line(&self) -> String {
        format!(
            "new {}, updated {}, unchanged {}, rejected {}{}",
            self.new,
            self.updated,
            self.unchanged,
            self.rejected.len(),
            if self.dry_run {
                " (dry run: nothing stored)"
            } else {
                ""
            }
        )
    }

    /// Every line of the report: rejections, cleaned rows, changes to review, additions, then
    /// the summary.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.rejected.iter().map(ToString::to_string).collect();
        out.extend(self.cleaned.iter().cloned());
        out.extend(self.review.iter().cloned());
        out.extend(self.added.iter().cloned());
        out.push(self.summary_line());
        out
    }
}

/// The accepted words of a closed list, for "is not one of: ..." messages.
pub(crate) fn labels<T: crate::domain::Choice>() -> String {
    T::ALL.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")
}
