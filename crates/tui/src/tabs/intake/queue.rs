//! How the queue is ordered and narrowed: sorts and the structured filters.

use chrono::NaiveDate;
use pathways_core::dataset::Dataset;
use pathways_core::domain::*;

/// The queue: indexes into `data.intakes` that the filters keep, in the chosen order.
pub(super) fn order(
    data: &Dataset,
    today: NaiveDate,
    filters: &Filters,
    sort: Sort,
    reversed: bool,
    overdue: &[bool],
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..data.intakes.len())
        .filter(|&i| {
            let it = &data.intakes[i];
            filters.keeps(it, data.employee(it.employee_id), overdue[i])
        })
        .collect();
    let name = |i: usize| {
        data.employee(data.intakes[i].employee_id)
            .map(|e| e.sort_name().to_lowercase())
            .unwrap_or_default()
    };
    match sort {
        Sort::Waiting => order.sort_by_cached_key(|&i| {
            let it = &data.intakes[i];
            (
                it.status == IntakeStatus::Closed,
                std::cmp::Reverse(it.days_waiting(today)),
                it.received,
            )
        }),
        Sort::Name => order.sort_by_cached_key(|&i| (name(i), data.intakes[i].received)),
        Sort::Received => order.sort_by_key(|&i| std::cmp::Reverse(data.intakes[i].received)),
    }
    if reversed {
        order.reverse();
    }
    order
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Longest wait for a first contact first; closed intakes last.
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverdueFilter {
    Only,
    Not,
}

/// The structured filters; `/` text narrows what they leave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub status: Option<StatusFilter>,
    pub owner: Option<String>,
    pub service: Option<Service>,
    pub chapter: Option<String>,
    pub location: Option<Id>,
    pub overdue: Option<OverdueFilter>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// "status=open · overdue" for the filter bar.
    pub fn describe(&self, data: &Dataset) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.label()));
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
        match self.overdue {
            Some(OverdueFilter::Only) => parts.push("overdue only".into()),
            Some(OverdueFilter::Not) => parts.push("not overdue".into()),
            None => {}
        }
        parts.join(" · ")
    }

    pub(super) fn keeps(&self, it: &Intake, who: Option<&Employee>, overdue: bool) -> bool {
        let status_ok = match self.status {
            None => true,
            Some(StatusFilter::Open) => it.status != IntakeStatus::Closed,
            Some(StatusFilter::Is(s)) => it.status == s,
        };
        status_ok
            && self.owner.as_ref().is_none_or(|o| it.owner == *o)
            && self.service.is_none_or(|s| it.services.contains(&s))
            && self
                .chapter
                .as_ref()
                .is_none_or(|c| who.is_some_and(|e| e.chapter.as_ref() == Some(c)))
            && self
                .location
                .is_none_or(|l| who.is_some_and(|e| e.location_id == Some(l)))
            && match self.overdue {
                None => true,
                Some(OverdueFilter::Only) => overdue,
                Some(OverdueFilter::Not) => !overdue,
            }
    }
}
