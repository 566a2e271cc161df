//! After this process's own save of monthly logs: the pair's counts and its line in the log
//! grid take in the logs saved instead of every view being rebuilt, so a log costs about the
//! same at 1,000 or 1,000,000 records. Other saves (a pair, a mentor) rebuild the views.

use super::MentoringTab;
use super::state::{PairState, grid_cells};
use crate::tab::{Ctx, only_appended};
use pathways_core::domain::{Id, MentorLog, missing_months};
use pathways_core::store::Record;

/// Takes in `changes` (table, id); false when something else changed: the caller then
/// rebuilds the views.
pub(super) fn patch(tab: &mut MentoringTab, cx: &Ctx, changes: &[(&'static str, Id)]) -> bool {
    let (data, today) = (cx.data, cx.today);
    let mut logs = Vec::new();
    for &(table, id) in changes {
        if table != MentorLog::TABLE {
            return false;
        }
        match data.logs.binary_search_by_key(&id, |l| l.id) {
            // Only new logs (added at the end): a changed one may have moved to another pair.
            Ok(i) if i >= tab.built_logs => logs.push(i),
            _ => return false,
        }
    }
    if !only_appended(tab.built_logs, data.logs.len(), &logs) {
        return false;
    }
    let mut pairs = Vec::new();
    for &i in &logs {
        let pair_id = data.logs[i].pair_id;
        let Ok(p) = data.pairs.binary_search_by_key(&pair_id, |p| p.id) else {
            return false;
        };
        let list = tab.logs_by_pair.entry(pair_id).or_default();
        list.push(i);
        list.sort_by_key(|&l| (data.logs[l].month, data.logs[l].submitted));
        pairs.push(p);
    }
    tab.built_logs = data.logs.len();
    for p in pairs {
        let pair = &data.pairs[p];
        let list = tab.logs_by_pair.get(&pair.id).map(Vec::as_slice).unwrap_or(&[]);
        let missing = missing_months(pair, list.iter().map(|&l| &data.logs[l]), today);
        let Some(info) = tab.pair_info.get_mut(p) else {
            return false;
        };
        if info.state != PairState::Ended {
            tab.summary.missing_logs = tab.summary.missing_logs + missing.len() - info.missing.len();
        }
        info.logs = list.len();
        info.missing = missing;
        if let Some(line) = tab.grid.iter_mut().find(|g| g.pair == p) {
            line.cells = grid_cells(data, pair, list, &tab.grid_months, today);
        }
    }
    true
}
