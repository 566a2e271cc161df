//! One rule for small groups, used wherever people are counted by group (the booklet, the
//! breakdown report, the metrics tab's breakdowns, the ambassador demographics): a count of 1 to 4
//! is shown as `<5`, never as a number, and wherever a sum is shown beside its parts, a second
//! cell of that sum is withheld (`*`) so the small one cannot be worked out by subtraction.
//!
//! A table is given as its counts (parts and totals alike) and the sums it shows; after the rule,
//! no sum has exactly one hidden member. Zero is shown: it names nobody.

use super::share;

/// Groups smaller than this are shown as "<5", never as a count that could identify a person.
pub const SMALL_GROUP: u64 = 5;

/// A count as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(u64),
    /// 1 to 4 people.
    Small,
    /// Hidden so a small group cannot be worked out from a total by subtraction.
    Withheld,
}

impl Shown {
    pub fn count_text(self) -> String {
        match self {
            Shown::Count(n) => n.to_string(),
            Shown::Small => "<5".into(),
            Shown::Withheld => "*".into(),
        }
    }

    /// The share of `total` with one decimal; empty for a hidden count (a share would give it away).
    pub fn percent_text(self, total: u64) -> String {
        match self {
            Shown::Count(n) if total > 0 => format!("{:.1}%", share(n, total)),
            Shown::Count(_) => "—".into(),
            Shown::Small | Shown::Withheld => "".into(),
        }
    }

    pub fn is_hidden(self) -> bool {
        !matches!(self, Shown::Count(_))
    }

    /// The number, when it may be shown.
    pub fn count(self) -> Option<u64> {
        match self {
            Shown::Count(n) => Some(n),
            _ => None,
        }
    }
}

/// A count of 1 to 4.
pub fn is_small(n: u64) -> bool {
    n > 0 && n < SMALL_GROUP
}

/// Cells of a table (indexes into its counts) that add up to another cell, the `total`, and
/// are shown together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sum {
    pub parts: Vec<usize>,
    pub total: usize,
}

/// The rule over a whole table: every count of 1-4 becomes `Small`; then, while some sum has
/// exactly one hidden member (that member would be the total less the others), one more part of
/// that sum is withheld: preferably one that also protects another such sum, else the smallest
/// shown non-zero part, or the total if every other part is zero.
pub fn suppress_table(counts: &[u64], sums: &[Sum]) -> Vec<Shown> {
    let mut shown: Vec<Shown> = counts
        .iter()
        .map(|&n| {
            if is_small(n) {
                Shown::Small
            } else {
                Shown::Count(n)
            }
        })
        .collect();
    // The sums each cell is a part of.
    let mut part_of: Vec<Vec<usize>> = vec![Vec::new(); counts.len()];
    for (k, sum) in sums.iter().enumerate() {
        for &i in &sum.parts {
            if let Some(list) = part_of.get_mut(i) {
                list.push(k);
            }
        }
    }
    let hidden_in = |shown: &[Shown], sum: &Sum| {
        sum.parts
            .iter()
            .chain(std::iter::once(&sum.total))
            .filter(|&&i| shown.get(i).is_some_and(|s| s.is_hidden()))
            .count()
    };
    loop {
        let mut changed = false;
        for sum in sums {
            if hidden_in(&shown, sum) != 1 {
                continue;
            }
            let part = sum
                .parts
                .iter()
                .filter_map(|&i| match shown.get(i) {
                    Some(Shown::Count(n)) if *n > 0 => {
                        let helps = part_of[i]
                            .iter()
                            .any(|&k| !std::ptr::eq(&sums[k], sum) && hidden_in(&shown, &sums[k]) == 1);
                        Some((!helps, *n, i))
                    }
                    _ => None,
                })
                .min();
            let withhold = match part {
                Some((_, _, i)) => i,
                None => sum.total,
            };
            if let Some(cell) = shown.get_mut(withhold)
                && !cell.is_hidden()
            {
                *cell = Shown::Withheld;
                changed = true;
            }
        }
        if !changed {
            return shown;
        }
    }
}

/// One breakdown whose total is shown beside it: the groups and the total, as they may be shown.
pub fn suppress_with_total(counts: &[u64]) -> (Vec<Shown>, Shown) {
    let mut all = counts.to_vec();
    all.push(counts.iter().sum());
    let sum = Sum {
        parts: (0..counts.len()).collect(),
        total: counts.len(),
    };
    let mut shown = suppress_table(&all, &[sum]);
    let total = shown.pop().unwrap_or(Shown::Count(0));
    (shown, total)
}

/// One breakdown's groups as they may be shown (its total is shown elsewhere).
pub fn suppress(counts: &[u64]) -> Vec<Shown> {
    suppress_with_total(counts).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use Shown::*;

    #[test]
    fn small_groups_never_show_a_count() {
        assert_eq!(suppress(&[10, 7, 0]), vec![Count(10), Count(7), Count(0)]);
        // One small group: the next smallest is withheld too, so the total gives nothing away.
        assert_eq!(suppress(&[10, 7, 3]), vec![Count(10), Withheld, Small]);
        assert_eq!(suppress(&[10, 1, 4]), vec![Count(10), Small, Small]);
        // A small total: every group is small or zero.
        assert_eq!(suppress_with_total(&[3, 0]), (vec![Small, Count(0)], Small));
        assert_eq!(
            suppress_with_total(&[0, 3, 0]),
            (vec![Count(0), Small, Count(0)], Small)
        );
        assert_eq!(Small.count_text(), "<5");
        assert_eq!(Withheld.count_text(), "*");
        assert_eq!(Small.percent_text(20), "");
        assert_eq!(Count(5).percent_text(20), "25.0%");
        assert_eq!(Count(5).percent_text(0), "—");
    }

    #[test]
    fn a_table_with_row_and_column_sums() {
        // 2 groups x 2 months, month totals in the last row, year totals in the last column:
        //   g0:  3  10 | 13
        //   g1:  8  20 | 28
        //  all: 11  30 | 41
        let counts = [3, 10, 13, 8, 20, 28, 11, 30, 41];
        let sums = [
            Sum {
                parts: vec![0, 1],
                total: 2,
            },
            Sum {
                parts: vec![3, 4],
                total: 5,
            },
            Sum {
                parts: vec![6, 7],
                total: 8,
            },
            Sum {
                parts: vec![0, 3],
                total: 6,
            },
            Sum {
                parts: vec![1, 4],
                total: 7,
            },
            Sum {
                parts: vec![2, 5],
                total: 8,
            },
        ];
        let shown = suppress_table(&counts, &sums);
        assert_eq!(shown[0], Small);
        assert_no_sum_gives_a_cell_away(&counts, &sums, &shown);
        // The 3 is in a row and a column: a cell is withheld in each.
        assert!(shown[1].is_hidden() && shown[3].is_hidden(), "{shown:?}");
    }

    fn assert_no_sum_gives_a_cell_away(counts: &[u64], sums: &[Sum], shown: &[Shown]) {
        for (i, (&n, s)) in counts.iter().zip(shown).enumerate() {
            if is_small(n) {
                assert_eq!(*s, Small, "cell {i}");
            }
            if let Count(c) = s {
                assert_eq!(*c, n, "a shown count is the count");
            }
        }
        for sum in sums {
            let hidden = sum
                .parts
                .iter()
                .chain([&sum.total])
                .filter(|&&i| shown[i].is_hidden())
                .count();
            assert_ne!(hidden, 1, "{sum:?} {shown:?}");
        }
    }

    #[test]
    fn random_tables_keep_the_rule() {
        let mut rng = crate::demo::Rng::new(18);
        for _ in 0..500 {
            let (rows, cols) = (1 + rng.below(6), 1 + rng.below(6));
            // Parts, then a total column per row, then a total row.
            let mut counts = vec![0u64; (rows + 1) * (cols + 1)];
            let at = |r: usize, c: usize| r * (cols + 1) + c;
            for r in 0..rows {
                for c in 0..cols {
                    counts[at(r, c)] = [0, 0, 1, 2, 4, 5, 6, 9, 30][rng.below(9)];
                }
            }
            let mut sums = Vec::new();
            for r in 0..=rows {
                if r < rows {
                    counts[at(r, cols)] = (0..cols).map(|c| counts[at(r, c)]).sum();
                }
                sums.push(Sum {
                    parts: (0..cols).map(|c| at(r, c)).collect(),
                    total: at(r, cols),
                });
            }
            for c in 0..=cols {
                counts[at(rows, c)] = (0..rows).map(|r| counts[at(r, c)]).sum();
                sums.push(Sum {
                    parts: (0..rows).map(|r| at(r, c)).collect(),
                    total: at(rows, c),
                });
            }
            let shown = suppress_table(&counts, &sums);
            assert_no_sum_gives_a_cell_away(&counts, &sums, &shown);
        }
    }
}
