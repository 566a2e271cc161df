//! The one rule of every search, and the index searched in steps or at once.

use super::*;
use crate::dataset::Dataset;

#[test]
fn accents_fold() {
    assert_eq!(fold("José García-Núñez"), "jose garcia-nunez");
    let m = Matcher::new("jose");
    assert!(m.score(&fold("José Ibáñez")).is_some());
    assert!(m.score(&fold("Ana Lopez")).is_none());
    let m = Matcher::new("JOSÉ");
    assert!(m.score(&fold("José Ibáñez")).is_some());
}

#[test]
fn closer_matches_score_higher() {
    let m = Matcher::new("garcia");
    let exact = m.score("ana garcia").unwrap();
    let loose = m.score("gareth ravensworth ca ia").unwrap_or(i64::MIN);
    assert!(exact > loose);
}

#[test]
fn top_keeps_the_best_in_order() {
    let scored = vec![(3, 'c'), (9, 'a'), (1, 'e'), (7, 'b'), (2, 'd')];
    assert_eq!(top(scored.clone(), 2), vec![(9, 'a'), (7, 'b')]);
    assert_eq!(top(scored, 10).len(), 5);
}

fn demo_index() -> (Dataset, Index) {
    let data = crate::demo::build(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    let index = Index::build(&data);
    (data, index)
}

#[test]
fn global_search_finds_every_kind_and_ranks_names() {
    let (data, index) = demo_index();
    let garcia = index.search(&data, "garcia", 50);
    assert!(!garcia.is_empty());
    assert!(garcia[0].title.contains("García"), "{:?}", garcia[0]);
    assert!(
        index
            .search(&data, "grow your career", 5)
            .iter()
            .any(|e| e.kind == Kind::Offering)
    );
    assert!(
        index
            .search(&data, "92883", 5)
            .iter()
            .any(|e| e.kind == Kind::Offering)
    );
    assert!(
        index
            .search(&data, "maple grove", 5)
            .iter()
            .any(|e| e.kind == Kind::Location)
    );
    let mentor = data.employee_name(data.mentors[0].employee_id);
    assert!(
        index
            .search(&data, &mentor, 20)
            .iter()
            .any(|e| e.kind == Kind::Mentor)
    );
    assert!(index.search(&data, "zzzzqqq", 5).is_empty());
}

#[test]
fn exact_names_come_before_fuzzy_ones_and_the_total_is_known() {
    let (data, index) = demo_index();
    // Every person named by a whole word comes before any fuzzy match.
    let first = data.employees[0].first_name.clone();
    let (hits, total) = index.search_counted(&data, &first, 5);
    let folded = fold(&first);
    assert!(words(&fold(&hits[0].title)).any(|w| w == folded), "{:?}", hits[0]);
    assert!(total >= hits.len());
    let (few, all) = index.search_counted(&data, "garcia", 2);
    assert_eq!(few.len(), 2);
    assert!(all > 2, "more matched than shown: {all}");
}

fn synthetic(n: usize) -> Dataset {
    crate::demo::synthetic::build(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), n)
}

#[test]
fn an_index_built_in_steps_is_the_index_built_at_once() {
    let data = synthetic(3000);
    let whole = Index::build(&data);
    for records in [1, 7, 500] {
        let mut b = Builder::new(&data);
        let mut steps = 0;
        while !b.step(&data, records) {
            steps += 1;
        }
        assert!(steps >= whole.len() / records - 1, "{steps} steps of {records}");
        assert_eq!(b.finish(), whole, "steps of {records}");
    }
}

#[test]
fn intakes_saved_are_taken_into_the_index_as_a_rebuild_makes_it() {
    let mut data = synthetic(3000);
    let mut index = Index::build(&data);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    // One stepped forward, one given to another person, one added, one removed.
    let open = data
        .intakes
        .iter()
        .position(|i| i.status.next().is_some())
        .unwrap();
    let stepped = data.intakes[open].id;
    let next = data.intakes[open].status.next().unwrap();
    data.intakes[open].move_to(next, today, None);
    let moved = data.intakes[20].id;
    data.intakes[20].employee_id = data.employees[3].id;
    let mut added = data.intakes[30].clone();
    added.id = data.intakes.iter().map(|i| i.id).max().unwrap() + 1;
    data.intakes.push(added.clone());
    let removed = data.intakes.remove(40).id;
    data.reindex();
    index.put_intakes(&data, &[stepped, moved, added.id, removed, 999_999_999]);
    assert_eq!(index, Index::build(&data));
}

#[test]
fn intakes_saved_while_the_index_is_built_are_in_it_when_it_is_whole() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let before = synthetic(3000);
    let people = before.employees.len() + before.locations.len();
    // Saved before the builder reaches the intakes, part-way through them, and after them.
    for built in [
        10,
        people + 1,
        people + 2,
        people + 50,
        people + before.intakes.len() + 5,
    ] {
        let mut data = before.clone();
        let mut b = Builder::new(&data);
        assert!(!b.step(&data, built));
        let open = data
            .intakes
            .iter()
            .position(|i| i.status.next().is_some())
            .unwrap();
        let next = data.intakes[open].status.next().unwrap();
        data.intakes[open].move_to(next, today, None);
        let stepped = data.intakes[open].id;
        let removed = data.intakes.remove(3).id;
        let mut added = data.intakes[7].clone();
        added.id = data.intakes.iter().map(|i| i.id).max().unwrap() + 1;
        data.intakes.push(added.clone());
        data.reindex();
        b.put_intakes(&data, &[stepped, removed, added.id]);
        while !b.step(&data, 100) {}
        assert_eq!(b.finish(), Index::build(&data), "saved after {built} entries");
    }
}

#[test]
fn a_search_in_steps_superseded_or_grown_midway_finds_what_one_search_finds() {
    let data = synthetic(6000);
    let index = Index::build(&data);
    let fresh = |q: &str| {
        let mut n = Narrowing::default();
        let found = n.search(&index, q, 50);
        (found, n.matched(&index))
    };
    let run = |n: &mut Narrowing, rows: usize| loop {
        if let Some(found) = n.step(&index, rows) {
            return found;
        }
    };
    for rows in [1, 13, 400] {
        for (first, cut, then) in [
            ("g", 3, "garcia"),
            ("ma", 50, "mar"),
            ("mar", 0, "ana"),
            ("a", 100_000, "an"),
            ("garcia", 2, "gar"),
            // Into the scoring of the first query's matches (every entry has its tier).
            ("m", usize::MAX, "ma"),
            ("e", usize::MAX, "zz"),
        ] {
            let mut n = Narrowing::default();
            assert!(n.begin(&index, first, 50).is_none());
            // Some of the work of the first query, perhaps into its scoring, then the next.
            let cut = if cut == usize::MAX {
                index.len().div_ceil(rows) + 1
            } else {
                cut
            };
            for _ in 0..cut {
                if !n.working() {
                    break;
                }
                if n.step(&index, rows).is_some() {
                    break;
                }
            }
            let found = match n.begin(&index, then, 50) {
                Some(found) => found,
                None => run(&mut n, rows),
            };
            assert_eq!(
                (found, n.matched(&index)),
                fresh(then),
                "{first} then {then}, steps of {rows}"
            );
        }
    }
}

/// Today's rule as it was first written: every match scored, then the best kept.
fn scored_search(index: &Index, query: &str, limit: usize) -> (Vec<usize>, usize) {
    let m = Matcher::new(query);
    let all: Vec<u32> = (0..index.len() as u32).collect();
    let keys: Vec<String> = index.keys.iter().map(str::to_string).collect();
    let ranked = rank_all(&m, &keys, &all);
    let matched = ranked.len();
    let ranked = ranked
        .into_iter()
        .map(|(t, s, i)| (rank_value(t, s) - index.slots[i as usize].kind as i64, i as usize))
        .collect();
    (top(ranked, limit).into_iter().map(|(_, i)| i).collect(), matched)
}

const QUERIES: [&str; 14] = [
    "a", "g", "ga", "gar", "garcia", "garcia a", "ana g", "kofi", "wendell", "e s", "mentor", "9", "zzzz",
    "o'brien",
];

#[test]
fn the_tier_alone_and_the_match_test_agree_with_the_scored_rule() {
    let data = crate::demo::synthetic::build(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), 6000);
    let index = Index::build(&data);
    let all: Vec<u32> = (0..index.len() as u32).collect();
    for q in QUERIES.iter().chain(&["ia", "a b c", " ", "r-a"]) {
        let m = Matcher::new(q);
        let keys: Vec<String> = index.keys.iter().map(str::to_string).collect();
        let ranked: Vec<(Tier, u32)> = rank_all(&m, &keys, &all)
            .into_iter()
            .map(|(t, _, i)| (t, i))
            .collect();
        assert_eq!(tier_all(&m, &index.keys, &all), ranked, "query {q:?}");
        for key in index.keys.iter() {
            assert_eq!(m.matches(key), m.score(key).is_some(), "{q:?} on {key:?}");
        }
    }
}

#[test]
fn scoring_only_what_can_be_shown_gives_the_same_results() {
    let data = crate::demo::synthetic::build(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), 6000);
    let index = Index::build(&data);
    for limit in [1, 10, 50, 5000] {
        for q in QUERIES {
            let (expected, matched) = scored_search(&index, q, limit);
            let mut n = Narrowing::default();
            assert_eq!(n.search(&index, q, limit), expected, "query {q:?}, limit {limit}");
            assert_eq!(n.matched(&index), matched, "query {q:?}");
        }
    }
}

#[test]
fn narrowing_gives_the_same_results_as_a_fresh_search() {
    let (_, index) = demo_index();
    let mut n = Narrowing::default();
    for q in ["g", "ga", "gar", "garc", "garci", "garcia", "garcia n", "gar"] {
        let incremental = n.search(&index, q, 10);
        let fresh = Narrowing::default().search(&index, q, 10);
        assert_eq!(incremental, fresh, "query {q:?}");
    }
}

#[test]
fn records_naming_a_person_are_keyed_by_the_name_part_of_the_persons_key() {
    let (mut data, _) = demo_index();
    // Names that fold to other letters, and an intake naming nobody on file.
    data.employees[0].first_name = "北京".into();
    data.employees[1].last_name = "Ðorđević-Ŋ".into();
    data.intakes[0].employee_id = 999_999;
    let index = Index::build(&data);
    for (i, slot) in index.slots.iter().enumerate() {
        let want = match (slot.kind, slot.person) {
            (Kind::Employee, _) => {
                let e = data.employee(slot.id).unwrap();
                fold(&format!("{} {}", e.full_name(), employee_extra(e)))
            }
            (_, Some(who)) => fold(&format!("{} ", data.employee_name(who))),
            (_, None) => continue,
        };
        let key = index.keys.get(i).unwrap();
        assert_eq!(key, want, "{slot:?}");
        assert_eq!(index.keys.holding(i, letters(&want)), Some(key));
        assert_eq!(
            index.keys.holding(i, letters(&want) | letters("q")).is_some(),
            want.contains('q')
        );
    }
    let named = (0..data.employees.len()).filter(|&at| index.keys.name(at).is_some());
    assert_eq!(
        named.count(),
        data.employees.len(),
        "every person's name is shared"
    );
    // A save of intakes taken in keeps the same keys as a new index.
    data.intakes[1].employee_id = data.employees[0].id;
    let mut patched = index.clone();
    patched.put_intakes(&data, &[data.intakes[1].id]);
    assert_eq!(patched, Index::build(&data));
}
