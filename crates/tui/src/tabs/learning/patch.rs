//! After this process's own save of PL sessions or attendance: the views take in the records
//! that changed instead of being rebuilt, so an attendance mark or a session edit costs about
//! the same at 1,000 or 1,000,000 records (a rebuild groups every mark by session and sorts
//! every session).

use super::{LearningTab, View, attendance_key, attendance_row, session_key, session_row};
use crate::tab::only_appended;
use pathways_core::dataset::Dataset;
use pathways_core::domain::{Id, PlAttendance, PlSession};
use pathways_core::store::Record;

/// Takes in `changes` (table, id); false when something else changed (a removal, an offering,
/// a mark changed in place): the caller then rebuilds the views.
pub(super) fn patch(tab: &mut LearningTab, data: &Dataset, changes: &[(&'static str, Id)]) -> bool {
    let mut sessions = Vec::new();
    let mut marks = Vec::new();
    for &(table, id) in changes {
        let found = if table == PlSession::TABLE {
            data.pl_sessions
                .binary_search_by_key(&id, |s| s.id)
                .map(|i| sessions.push(i))
        } else if table == PlAttendance::TABLE {
            data.pl_attendance
                .binary_search_by_key(&id, |a| a.id)
                .map(|i| marks.push(i))
        } else {
            return false;
        };
        if found.is_err() {
            return false;
        }
    }
    // Sessions may change in place or be added at the end (new ids); marks are only added.
    let (known_sessions, known_marks) = tab.built;
    if !only_appended(known_sessions, data.pl_sessions.len(), &sessions)
        || !only_appended(known_marks, data.pl_attendance.len(), &marks)
        || marks.iter().any(|&i| i < known_marks)
    {
        return false;
    }
    tab.built = (data.pl_sessions.len(), data.pl_attendance.len());
    let memory = tab.list.remember();
    for &i in &sessions {
        let (i, key, text) = session_row(data, i);
        let at = session_key(&data.pl_sessions[i]);
        tab.list.list_mut(View::Sessions).patch_row(
            i,
            key,
            |order| Some(order.partition_point(|&j| session_key(&data.pl_sessions[j]) < at)),
            || text,
        );
    }
    for &i in &marks {
        let session = data.pl_attendance[i].pl_session_id;
        tab.marks.entry(session).or_default().push(i);
        if tab.session == Some(session) {
            let (i, key, text) = attendance_row(data, i);
            let at = (attendance_key(data, i), i);
            tab.list.list_mut(View::Attendance).patch_row(
                i,
                key,
                |order| Some(order.partition_point(|&j| (attendance_key(data, j), j) < at)),
                || text,
            );
        }
    }
    if !sessions.is_empty() {
        // A session may have moved to another offering: count them all again (one pass over
        // the sessions, none over the marks).
        tab.count_offerings(data);
    } else {
        for &i in &marks {
            let session = data.pl_attendance[i].pl_session_id;
            if let Ok(s) = data.pl_sessions.binary_search_by_key(&session, |s| s.id) {
                *tab.offering_attended
                    .entry(data.pl_sessions[s].offering_id)
                    .or_default() += 1;
            }
        }
    }
    tab.list.restore(memory);
    true
}
