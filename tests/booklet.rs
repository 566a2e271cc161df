//! `pathways report booklet` from the real binary: the file it writes is parsed (it is written as
//! polyglot HTML, so an XML parser reads it and any unclosed tag fails) and checked for every
//! section, a table behind every chart, the booklet's own figures on the demo, the small-group
//! rule, `--private`, an empty database, and a file that is never overwritten. A headless browser
//! renders it where one is installed.
#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what a test should do

mod common;
use roxmltree::{Document, Node, ParsingOptions};
use std::path::{Path, PathBuf};

const SECTIONS: [&str; 9] = [
    "glance",
    "intakes",
    "consultations",
    "demographics",
    "learning",
    "ambassadors",
    "leadership",
    "mentoring",
    "teacher",
];

fn write(db: &Path, out: &Path, extra: &[&str]) -> (i32, String, String) {
    let args = [
        &[
            "report",
            "booklet",
            "--fy",
            "2025",
            "--as-of",
            "12/19/2024",
            "--out",
        ][..],
        &[out.to_str().unwrap()],
        extra,
    ]
    .concat();
    common::run(db, &args)
}

fn parse(html: &str) -> Document<'_> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(html, options).unwrap_or_else(|e| panic!("not well formed: {e}"))
}

/// All the text under a node, with single spaces.
fn text(n: Node) -> String {
    let words: Vec<&str> = n
        .descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .flat_map(str::split_whitespace)
        .collect();
    words.join(" ")
}

fn elements<'a>(n: Node<'a, 'a>, tag: &'a str) -> impl Iterator<Item = Node<'a, 'a>> + 'a {
    n.descendants().filter(move |d| d.has_tag_name(tag))
}

fn section<'a>(doc: &'a Document, id: &str) -> Node<'a, 'a> {
    doc.descendants()
        .find(|n| n.has_tag_name("section") && n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no section {id}"))
}

/// The rows of the first table under `n` whose caption starts with `caption`, as cell texts.
fn table(n: Node, caption: &str) -> Vec<Vec<String>> {
    let t = elements(n, "table")
        .find(|t| elements(*t, "caption").any(|c| text(c).starts_with(caption)))
        .unwrap_or_else(|| panic!("no table {caption:?}"));
    elements(t, "tr")
        .map(|tr| {
            tr.children()
                .filter(|c| c.has_tag_name("td") || c.has_tag_name("th"))
                .map(text)
                .collect()
        })
        .collect()
}

fn booklet_of_the_demo(extra: &[&str]) -> (tempfile::TempDir, PathBuf, String) {
    let (dir, db, _store) = common::demo_store();
    let out = dir.path().join("booklet.html");
    let (code, stdout, err) = write(&db, &out, extra);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("wrote"), "{stdout}");
    let html = std::fs::read_to_string(&out).unwrap();
    (dir, out, html)
}

#[test]
fn the_fy25_booklet_has_every_section_and_the_booklets_figures() {
    let (_dir, out, html) = booklet_of_the_demo(&[]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "readable by its owner alone");
    }
    let doc = parse(&html);
    let root = doc.root_element();
    assert_eq!(root.attribute("lang"), Some("en"));
    // Self-contained: no script, no stylesheet or image fetched from anywhere.
    for tag in ["script", "link", "img", "iframe", "object"] {
        assert_eq!(elements(root, tag).count(), 0, "<{tag}>");
    }
    for n in root.descendants() {
        for a in n.attributes() {
            assert!(
                !(a.name() == "src" || a.name() == "href") || a.value().starts_with('#'),
                "{}={}",
                a.name(),
                a.value()
            );
        }
    }
    assert!(!html.contains("url(") && !html.contains("@import"));
    // Every section, in order, each saying how its figures are counted.
    let ids: Vec<&str> = elements(root, "section")
        .filter_map(|s| s.attribute("id"))
        .collect();
    assert_eq!(ids, SECTIONS);
    for id in SECTIONS {
        let s = section(&doc, id);
        assert_eq!(elements(s, "h2").count(), 1, "{id}");
        let how = elements(s, "p")
            .find(|p| p.attribute("class") == Some("how"))
            .unwrap_or_else(|| panic!("{id} does not say how it is counted"));
        assert!(text(how).starts_with("How this is counted:"), "{id}");
    }
    // At least five charts, each a figure with a text alternative and the table behind it.
    let figures: Vec<Node> = elements(root, "figure").collect();
    assert!(figures.len() >= 5, "{} charts", figures.len());
    for f in &figures {
        let chart = elements(*f, "div")
            .find(|d| d.attribute("role") == Some("img"))
            .unwrap();
        assert!(chart.attribute("aria-label").unwrap().len() > 20);
        assert_eq!(elements(chart, "svg").count(), 1);
        assert_eq!(elements(*f, "table").count(), 1, "a table behind the chart");
        assert_eq!(elements(*f, "figcaption").count(), 1);
    }
    assert_eq!(elements(root, "svg").count(), figures.len());

    // Leadership: the eight sessions as printed, and the cohort 6 / 5 / 4.
    let leadership = section(&doc, "leadership");
    let schedule = table(leadership, "FY25 leadership sessions");
    let dates: Vec<&str> = schedule[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        dates,
        [
            "October 30, 2024",
            "November 21, 2024",
            "December 19, 2024",
            "January 16, 2025",
            "February 20, 2025",
            "March 19, 2025",
            "April 24, 2025",
            "May 21, 2025"
        ]
    );
    assert_eq!(schedule[1][2], "8:00 AM – 4:00 PM");
    assert_eq!(schedule[1][3], "850 Hungerford Dr. (CESC)");
    assert_eq!(schedule[3][4], "Auditorium");
    assert_eq!(schedule[6][4], "Potomac Room (320)");
    assert_eq!(schedule[8][5], "Leadership Project");
    assert_eq!(schedule[8][6], "planned", "after December 19");
    let race = table(leadership, "FY25 cohort by race");
    assert_eq!(race[1], ["White", "6", "40.0%"]);
    assert_eq!(race[2], ["Black or African American", "5", "33.3%"]);
    assert_eq!(race[3], ["Hispanic", "4", "26.7%"]);
    let roles = text(leadership);
    assert!(roles.contains("Trnsp Staffing Mgr") && roles.contains("Translation Specialist 21"));
    // Mentoring: eight mentors in four chapters.
    let mentoring = text(section(&doc, "mentoring"));
    assert!(
        mentoring.contains("8 mentors covering 4 of 8 union chapters"),
        "{mentoring}"
    );
    // Professional learning: the offerings with their course numbers, 375 attendances.
    let learning = section(&doc, "learning");
    let offerings = table(learning, "Offerings held");
    for (course, title) in [
        ("#92883", "Grow Your Career with MCPS"),
        ("#91979", "Resume Writing"),
        (
            "#89409",
            "Getting the Job: Successful Interviewing Skills on Zoom",
        ),
        ("#91980", "Introduction to Spanish for Front Office Staff"),
        ("#91981", "Deaf Culture and Communication Strategies"),
        ("#87524", "How to Become a Teacher Webinar"),
        ("#92879", "How to Interview for Teacher Positions in MCPS"),
        (
            "#92810",
            "DOT and Career Pathways Present: Grow Your Career with MCPS",
        ),
        (
            "#92926",
            "Career Pathways and DOT Present: Introduction to Spanish",
        ),
        ("#92957", "Paraeducator 101"),
        ("—", "AI in Education for Paraeducators"),
    ] {
        assert!(
            offerings.iter().any(|r| r[0] == course && r[1] == title),
            "{course} {title}: {offerings:?}"
        );
    }
    assert!(text(learning).contains("375 attendances"), "{}", text(learning));
    // Ambassadors: 24 serving at 43 locations, with the biggest gaps listed.
    let ambassadors = text(section(&doc, "ambassadors"));
    assert!(ambassadors.contains("24 ambassadors serving"), "{ambassadors}");
    assert!(
        ambassadors.contains("43 of 62 locations covered"),
        "{ambassadors}"
    );
    // Support staff who became teachers: the demo's teacher outcomes, FY24 and FY25.
    let teacher = text(section(&doc, "teacher"));
    assert!(teacher.contains("Support staff who became teachers"), "{teacher}");
    assert!(teacher.contains("FY24") && teacher.contains("FY25"), "{teacher}");
    assert!(!teacher.contains("no records yet"), "{teacher}");
}

#[test]
fn small_groups_are_hidden_in_every_demographic_table() {
    let (_dir, _out, html) = booklet_of_the_demo(&[]);
    let doc = parse(&html);
    let mut hidden = 0;
    for id in ["demographics", "ambassadors"] {
        for t in elements(section(&doc, id), "table") {
            let caption = text(elements(t, "caption").next().unwrap());
            if !(caption.starts_with("Intakes by") || caption.starts_with("Ambassador cohort by")) {
                continue;
            }
            for tr in elements(t, "tr").skip(1) {
                let cells: Vec<String> = tr.children().filter(|c| c.is_element()).map(text).collect();
                for c in &cells[1..] {
                    assert!(
                        !["1", "2", "3", "4"].contains(&c.as_str()),
                        "{caption}: {cells:?}"
                    );
                    hidden += usize::from(c == "<5" || c == "*");
                }
            }
        }
    }
    assert!(hidden > 0, "the demo has small groups");
}

#[test]
fn private_leaves_out_names_and_race() {
    let (_dir, _out, html) = booklet_of_the_demo(&["--private"]);
    let doc = parse(&html);
    let all = text(doc.root_element());
    assert!(all.contains("Private copy"), "{all}");
    assert!(all.contains("left out of this copy (--private)"));
    let data = pathways_core::demo::build(common::today());
    for e in &data.employees {
        assert!(!all.contains(&e.full_name()), "{}", e.full_name());
    }
    for race in [
        "Black or African American",
        "Hispanic",
        "Asian",
        "Two or more races",
    ] {
        assert!(!all.contains(race), "{race}");
    }
}

#[test]
fn an_empty_database_says_what_it_does_not_hold() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.redb");
    assert_eq!(common::run(&db, &["init"]).0, 0);
    let out = dir.path().join("booklet.html");
    let (code, _, err) = write(&db, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&out).unwrap();
    let doc = parse(&html);
    let all = text(doc.root_element());
    for want in [
        "No leadership cohort for FY25 yet.",
        "No professional learning sessions recorded for this year yet.",
        "No ambassador was serving on December 19, 2024.",
        "no records yet",
    ] {
        assert!(all.contains(want), "{want:?} missing");
    }
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let (dir, db, _store) = common::demo_store();
    let out = dir.path().join("keep.html");
    std::fs::write(&out, "mine").unwrap();
    let (code, stdout, err) = write(&db, &out, &[]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(err.contains("never overwrites"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    // A year or date it cannot read is named.
    let (code, _, err) = common::run(
        &db,
        &[
            "report",
            "booklet",
            "--fy",
            "next",
            "--out",
            dir.path().join("x.html").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("--fy") && err.contains("year it ends in"), "{err}");
}

/// A browser that can render headless, if one is installed.
fn browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PATHWAYS_BROWSER") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|p| p.is_file())
}

#[test]
fn a_headless_browser_renders_it_and_prints_it() {
    let Some(browser) = browser() else {
        eprintln!(
            "SKIPPED: no chromium or chrome on PATH (set PATHWAYS_BROWSER to one) to render the booklet"
        );
        return;
    };
    let (dir, out, _html) = booklet_of_the_demo(&[]);
    let url = format!("file://{}", out.display());
    let run = |args: &[&str]| {
        let o = std::process::Command::new(&browser)
            .args(["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run"])
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .args(args)
            .arg(&url)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    // The DOM the browser built: every section and every chart, drawn from the file alone.
    let dom = run(&["--dump-dom"]);
    for id in SECTIONS {
        assert!(
            dom.contains(&format!("<section id=\"{id}\"")),
            "{id} not rendered"
        );
    }
    assert!(dom.matches("<svg").count() >= 5, "charts not rendered");
    // The browser's Print gives a PDF (the print CSS starts each section on a page).
    let pdf = dir.path().join("booklet.pdf");
    run(&[
        &format!("--print-to-pdf={}", pdf.display()),
        "--no-pdf-header-footer",
    ]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    assert!(bytes.len() > 20_000, "{} bytes", bytes.len());
}
