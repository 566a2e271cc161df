//! How the queue is ordered and narrowed: the flags (overdue, stale, next step late), sorts and
//! the structured filters.

use crate::tab::Ctx;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;

/// What needs attention on an intake, each shown by its own marker (a character, not only a
/// colour): `!` no first contact after the overdue rule's working days, `~` no step after the
/// stale rule's, `*` the next step's due date has passed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    pub overdue: bool,
    pub stale: bool,
    pub late: bool,
}

impl Flags {
    pub const OVERDUE: char = '!';
    pub const STALE: char = '~';
    pub const LATE: char = '*';

    pub fn of(it: &Intake, today: chrono::NaiveDate, overdue: u32, stale: u32, closures: &Closures) -> Flags {
        Flags {
            overdue: it.is_overdue(today, overdue, closures),
            stale: it.is_stale(today, stale, closures),
            late: it.next_step_late(today),
        }
    }

    pub fn any(self) -> bool {
        self.overdue || self.stale || self.late
    }

    /// The two marker columns: the wait (`!` or `~`, never both) and the next step (`*`).
    pub fn markers(self) -> String {
        let wait = if self.overdue {
            Self::OVERDUE
        } else if self.stale {
            Self::STALE
        } else {
            ' '
        };
        let late = if self.late { Self::LATE } else { ' ' };
        format!("{wait}{late}")
    }
}

/// The queue: indexes into `data.intakes` that the filters keep, in the chosen order. Sorting by
/// name sorts by the name as shown (initials under the privacy screen).
pub(super) fn order(cx: &Ctx, filters: &Filters, sort: Sort, reversed: bool, flags: &[Flags]) -> Vec<usize> {
    let data = cx.data;
    let mut order: Vec<usize> = (0..data.intakes.len())
        .filter(|&i| keeps(cx, filters, flags, i))
        .collect();
    // A stable sort from index order: equal keys keep index order, so the queue is sorted by
    // (key, index), which is what `position` finds a place by.
    order.sort_by_cached_key(|&i| sort_key(cx, sort, i));
    if reversed {
        order.reverse();
    }
    order
}

/// Whether the filters keep intake `i` in the queue.
pub(super) fn keeps(cx: &Ctx, filters: &Filters, flags: &[Flags], i: usize) -> bool {
    let data = cx.data;
    let it = &data.intakes[i];
    filters.keeps(
        it,
        || data.employee(it.employee_id),
        flags.get(i).copied().unwrap_or_default(),
    )
}

/// Where intake `i` goes in the queue sorted by `sort` (before `reversed`), ties by index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum SortKey {
    Waiting(bool, std::cmp::Reverse<Option<i64>>, chrono::NaiveDate),
    Name(String, chrono::NaiveDate),
    Received(std::cmp::Reverse<chrono::NaiveDate>),
}

pub(super) fn sort_key(cx: &Ctx, sort: Sort, i: usize) -> SortKey {
    let (data, today) = (cx.data, cx.today);
    let it = &data.intakes[i];
    match sort {
        Sort::Waiting => SortKey::Waiting(
            it.status == IntakeStatus::Closed,
            std::cmp::Reverse(it.days_waiting(today)),
            it.received,
        ),
        // By the name as shown (initials under the privacy screen).
        Sort::Name => SortKey::Name(pathways_core::text::fold(&cx.person(it.employee_id)), it.received),
        Sort::Received => SortKey::Received(std::cmp::Reverse(it.received)),
    }
}

/// Where intake `i` goes in `order` (a queue `order` built with the same sort and direction):
/// the position that keeps it sorted, found with O(log n) keys.
pub(super) fn position(cx: &Ctx, sort: Sort, reversed: bool, order: &[usize], i: usize) -> usize {
    let key = (sort_key(cx, sort, i), i);
    order.partition_point(|&j| {
        let other = (sort_key(cx, sort, j), j);
        if reversed { other > key } else { other < key }
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Longest wait now first (see `Intake::waiting_since`); closed intakes last.
    #[default]
    Waiting,
    Name,
    /// Newest first.
    Received,
}

impl Sort {
    pub fn label(self) -> &'static str {
        match self {
            Sort::Waiting => "days waiting",
            Sort::Name => "name",
            Sort::Received => "date received",
        }
    }

    pub(super) fn next(self) -> Sort {
        match self {
            Sort::Waiting => Sort::Name,
            Sort::Name => Sort::Received,
            Sort::Received => Sort::Waiting,
        }
    }
}

/// Which statuses the queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// Everything but closed.
    Open,
    Is(IntakeStatus),
}

impl StatusFilter {
    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::Open => "open",
            StatusFilter::Is(s) => s.label(),
        }
    }
}

/// Which flags the queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagFilter {
    /// Any flag: what needs attention.
    Flagged,
    Overdue,
    Stale,
    Late,
    /// No flag at all.
    None,
}

impl FlagFilter {
    pub const ALL: [FlagFilter; 5] = [
        FlagFilter::Flagged,
        FlagFilter::Overdue,
        FlagFilter::Stale,
        FlagFilter::Late,
        FlagFilter::None,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FlagFilter::Flagged => "flagged (! ~ *)",
            FlagFilter::Overdue => "overdue (!)",
            FlagFilter::Stale => "stale (~)",
            FlagFilter::Late => "next step late (*)",
            FlagFilter::None => "not flagged",
        }
    }

    fn keeps(self, f: Flags) -> bool {
        match self {
            FlagFilter::Flagged => f.any(),
            FlagFilter::Overdue => f.overdue,
            FlagFilter::Stale => f.stale,
            FlagFilter::Late => f.late,
            FlagFilter::None => !f.any(),
        }
    }
}

/// The structured filters; `/` text narrows what they leave. The queue opens on the open
/// intakes (who is waiting on us now); closed ones are behind the status filter ("any" or
/// "closed").
#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    pub status: Option<StatusFilter>,
    pub owner: Option<String>,
    pub service: Option<Service>,
    pub chapter: Option<String>,
    pub location: Option<Id>,
    pub flags: Option<FlagFilter>,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            status: Some(StatusFilter::Open),
            owner: None,
            service: None,
            chapter: None,
            location: None,
            flags: None,
        }
    }
}

impl Filters {
    /// Every intake, closed ones too.
    pub fn everything() -> Self {
        Filters {
            status: None,
            ..Filters::default()
        }
    }

    /// Whether these are the queue's own (open intakes, nothing else).
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// "open · owner=… · flagged" for the filter bar.
    pub fn describe(&self, data: &Dataset) -> String {
        let mut parts = Vec::new();
        match self.status {
            Some(StatusFilter::Open) => parts.push("open".to_string()),
            Some(s) => parts.push(format!("status={}", s.label())),
            None => parts.push("all statuses".to_string()),
        }
        if let Some(o) = &self.owner {
            parts.push(format!("owner={o}"));
        }
        if let Some(s) = self.service {
            parts.push(format!("service={}", s.label()));
        }
        if let Some(c) = &self.chapter {
            parts.push(format!("chapter={c}"));
        }
        if let Some(l) = self.location {
            parts.push(format!("location={}", data.location_name(Some(l))));
        }
        if let Some(f) = self.flags {
            parts.push(f.label().to_string());
        }
        parts.join(" · ")
    }

    /// `who`: the intake's person, looked up only when a filter asks about them.
    pub(super) fn keeps<'a>(
        &self,
        it: &Intake,
        who: impl Fn() -> Option<&'a Employee>,
        flags: Flags,
    ) -> bool {
        let status_ok = match self.status {
            None => true,
            Some(StatusFilter::Open) => it.status != IntakeStatus::Closed,
            Some(StatusFilter::Is(s)) => it.status == s,
        };
        status_ok
            && self.owner.as_ref().is_none_or(|o| same_name(&it.owner, o))
            && self.service.is_none_or(|s| it.services.contains(&s))
            && self
                .chapter
                .as_ref()
                .is_none_or(|c| who().is_some_and(|e| e.chapter.as_ref() == Some(c)))
            && self
                .location
                .is_none_or(|l| who().is_some_and(|e| e.location_id == Some(l)))
            && self.flags.is_none_or(|f| f.keeps(flags))
    }
}
