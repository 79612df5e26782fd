//! The full strategy's executive summary, read back from the PDF with poppler's `pdftotext`:
//! one page holding every part an executive reads (purpose, health, goals with their status,
//! findings, risks, the roadmap and its budget, the ask), and an empty workbook's document
//! reduced to a cover, the contents and the summary, its empty steps listed as not started.

// Helpers shared by the tests unwrap too: a failure here is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{TimeZone, Utc};
use groundwork_core::documents::{Document, ExportOptions};
use groundwork_core::goals::status::KpiStatus;
use groundwork_core::profile::Profile;
use groundwork_core::roadmap::money::totals_text;
use groundwork_core::workbook::Workbook;
use groundwork_docs::render;

mod read_back;
use read_back::{example, pdftotext, pdftotext_present, today};

fn options() -> ExportOptions {
    read_back::options(Document::Full)
}

fn empty() -> Workbook {
    Workbook {
        profile: Profile {
            name: "New workbook".into(),
            organisation: String::new(),
            community_name: String::new(),
            strategist: String::new(),
            purpose: String::new(),
            created_at: Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap(),
            updated_at: Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap(),
        },
        audit: Default::default(),
        stakeholders: Default::default(),
        crisis: Default::default(),
        goals: Default::default(),
        roadmap: Default::default(),
        dismissals: Vec::new(),
        documents: Default::default(),
        logo: None,
    }
}

/// One page's text (1-based), or the whole document's with `None`; lines joined by spaces,
/// so a phrase wrapped across lines still reads whole.
fn text(bytes: &[u8], page: Option<usize>) -> String {
    let page = page.map(|p| p.to_string());
    let args: Vec<&str> = page
        .as_deref()
        .map_or(Vec::new(), |p| vec!["-f", p, "-l", p]);
    pdftotext(bytes, &args)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn keep(name: &str, bytes: &[u8]) {
    read_back::keep(&format!("{name}.pdf"), bytes);
}

/// The physical page the executive summary is on: the one the contents give for it (the
/// contents may run to several pages), which starts with its heading.
fn summary_page(bytes: &[u8], pages: usize) -> usize {
    // The contents, on the pages after the cover.
    let front = pdftotext(bytes, &["-f", "2", "-l", "40"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let listed = front
        .split_once("Executive summary ")
        .and_then(|(_, rest)| rest.split(' ').next()?.parse::<usize>().ok());
    let at = listed
        .or_else(|| {
            (2..=pages).find(|p| {
                let t = text(bytes, Some(*p));
                t.contains("Executive summary") && !t.contains("Contents")
            })
        })
        .expect("no executive summary page");
    assert!(
        text(bytes, Some(at)).contains("Executive summary"),
        "page {at} is not the executive summary"
    );
    at
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first three words of a title: what stays on one line of its cell, whatever the
/// column's width (pdftotext reads side-by-side cells line by line, interleaved).
fn opening(s: &str) -> String {
    s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

#[test]
fn the_executive_summary_holds_every_part_on_one_page() {
    if !pdftotext_present() {
        return;
    }
    let wb = example();
    let r = render(&wb, &options()).unwrap();
    keep("summary-example-full", &r.bytes);
    let at = summary_page(&r.bytes, r.page_count);
    let page = text(&r.bytes, Some(at));
    let next = text(&r.bytes, Some(at + 1));
    assert!(
        !next.contains("What is asked of you"),
        "the summary runs onto a second page:\n{next}"
    );

    // The purpose: its opening words.
    let purpose = words(&wb.profile.purpose);
    let purpose_opening: String = purpose.split(' ').take(6).collect::<Vec<_>>().join(" ");
    assert!(!purpose_opening.is_empty(), "the example has a purpose");
    assert!(
        page.contains(&purpose_opening),
        "no purpose {purpose_opening:?}:\n{page}"
    );

    // Community health, as a figure of 100.
    let health = wb
        .goals
        .health(today())
        .score
        .expect("the example is measured");
    let figure = format!("Community health is {health:.0} of 100");
    assert!(page.contains(&figure), "no {figure:?}:\n{page}");

    // Each goal shown, with a status word; the rest counted, with their page.
    let statuses = KpiStatus::ALL.map(|s| s.label().to_lowercase());
    let mut shown = 0;
    for goal in &wb.goals.goals {
        if page.contains(&opening(&goal.title)) {
            shown += 1;
        }
    }
    assert!(shown >= 1, "no goal named:\n{page}");
    if shown < wb.goals.goals.len() {
        let more = wb.goals.goals.len() - shown;
        assert!(
            page.contains(&format!("and {more} more goal")),
            "the goals left out are not counted:\n{page}"
        );
    }
    let lower = page.to_lowercase();
    assert!(
        statuses.iter().any(|s| lower.contains(s.as_str())),
        "no status word:\n{page}"
    );
    assert!(lower.contains("status"), "{page}");

    // A finding, a risk, the phases, the budget total, the ask.
    assert!(
        wb.audit
            .findings
            .iter()
            .any(|f| page.contains(&opening(&f.title))),
        "no finding:\n{page}"
    );
    assert!(
        wb.crisis
            .scenarios
            .iter()
            .any(|s| page.contains(&opening(&s.title))),
        "no crisis risk:\n{page}"
    );
    for phase in wb.roadmap.phases.iter().take(1) {
        assert!(
            page.contains(&opening(&phase.name)),
            "no phase {:?}:\n{page}",
            phase.name
        );
    }
    let totals = groundwork_core::roadmap::rules::budget_totals(
        &wb.roadmap,
        &wb.goals
            .goals
            .iter()
            .map(|g| (g.id, g.title.clone()))
            .collect::<Vec<_>>(),
    );
    let total = totals_text(&totals.overall);
    assert!(
        page.contains(&format!("total budget {total}")),
        "no budget total {total:?}:\n{page}"
    );
    assert!(page.contains("What is asked of you"), "{page}");
    assert!(page.contains("Decide to"), "{page}");
    assert!(
        page.contains("Suggested from the roadmap"),
        "the ask is labelled as drawn from the roadmap:\n{page}"
    );
    assert!(!page.contains('…'), "an ellipsis on the summary:\n{page}");
}

#[test]
fn an_empty_workbook_gives_a_short_document_with_steps_not_started() {
    if !pdftotext_present() {
        return;
    }
    let r = render(&empty(), &options()).unwrap();
    keep("summary-empty-full", &r.bytes);
    assert!(r.page_count <= 4, "{} pages", r.page_count);
    let contents = text(&r.bytes, Some(2));
    for step in groundwork_core::workbook::Step::ALL {
        let line = format!("{} not started", step.title());
        assert!(contents.contains(&line), "no {line:?} in:\n{contents}");
    }
    let whole = text(&r.bytes, None);
    assert!(
        !whole.contains("Nothing here yet"),
        "an empty section was given a page:\n{whole}"
    );
    assert!(whole.contains("Executive summary"), "{whole}");
    // The export still says which sections are empty.
    assert_eq!(
        r.warnings
            .iter()
            .filter(|w| w.kind == groundwork_docs::WarningKind::EmptySection)
            .count(),
        5
    );
}

#[test]
fn the_summary_stays_on_one_page_however_long_the_lists() {
    if !pdftotext_present() {
        return;
    }
    let mut wb = example();
    wb.profile.purpose = "Members help each other every week, unprompted. ".repeat(400);
    let goals = wb.goals.goals.clone();
    for i in 0..40 {
        let mut g = goals[i % goals.len()].clone();
        g.id = uuid::Uuid::from_u128(1000 + i as u128);
        g.title = format!("A further community goal with a long and careful title number {i}");
        wb.goals.goals.push(g);
    }
    let r = render(&wb, &options()).unwrap();
    keep("summary-long-full", &r.bytes);
    let at = summary_page(&r.bytes, r.page_count);
    let page = text(&r.bytes, Some(at));
    let next = text(&r.bytes, Some(at + 1));
    assert!(page.contains("What is asked of you"), "{page}");
    assert!(!next.contains("What is asked of you"), "{next}");
    assert!(page.contains("more goals, page"), "{page}");
    assert!(
        page.contains("The whole purpose is in Purpose and profile, page"),
        "{page}"
    );
    // The page named is where the goals begin.
    let named: usize = page
        .split("more goals, page ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .expect("a page number after the goals left out");
    let goals_page = text(&r.bytes, Some(named));
    assert!(
        goals_page.contains("Goals and KPIs"),
        "page {named} is not where the goals begin:\n{goals_page}"
    );
    assert!(!page.contains('…'), "{page}");
}

#[test]
fn the_same_workbook_gives_the_same_summary_bytes() {
    let wb = example();
    let a = render(&wb, &options()).unwrap();
    let b = render(&wb, &options()).unwrap();
    assert_eq!(a.bytes, b.bytes);
}

#[test]
fn extreme_values_keep_the_summary_on_one_page() {
    let mut wb = example();
    wb.profile.purpose = "x".repeat(20_000);
    for g in &mut wb.goals.goals {
        g.title = "Internationalization ".repeat(25);
    }
    for f in &mut wb.audit.findings {
        f.title = "🎉".repeat(300);
    }
    for s in &mut wb.crisis.scenarios {
        s.title = "社区".repeat(200);
        s.owner = "O".repeat(300);
    }
    for p in &mut wb.roadmap.phases {
        p.name = "Foundations and institutionalization ".repeat(8);
    }
    let r = render(&wb, &options()).unwrap();
    keep("summary-extreme-full", &r.bytes);
    if !pdftotext_present() {
        return;
    }
    let at = summary_page(&r.bytes, r.page_count);
    let page = text(&r.bytes, Some(at));
    assert!(page.contains("Community health is"), "{page}");
    assert!(!page.contains('…'), "{page}");
    let next = text(&r.bytes, Some(at + 1));
    assert!(
        next.contains("Purpose and profile"),
        "the page after the summary is the profile:\n{next}"
    );
}

/// Every part of the summary, by the words that head it.
const PARTS: [&str; 7] = [
    "Purpose",
    "Community health",
    "Goals and headline KPIs",
    "What the audit found, and the highest crisis risks",
    "Roadmap",
    "total budget",
    "What is asked of you",
];

#[test]
fn a_hostile_workbook_keeps_every_part_of_the_summary() {
    if !pdftotext_present() {
        return;
    }
    let mut wb = example();
    let huge = |word: &str| format!("{word} ").repeat(20_000 / (word.len() + 1));
    wb.profile.name = huge("Workbook");
    wb.profile.purpose = huge("purpose");
    // The example's own records get names of 20,000 characters, and hundreds more are added.
    let id = |n: usize| uuid::Uuid::from_u128(10_000 + n as u128);
    for g in &mut wb.goals.goals {
        g.title = huge("Goal");
    }
    for k in &mut wb.goals.kpis {
        k.name = huge("Indicator");
    }
    for f in &mut wb.audit.findings {
        f.title = huge("Finding");
    }
    for s in &mut wb.crisis.scenarios {
        s.title = huge("Scenario");
        s.owner = huge("Owner");
    }
    let goals = wb.goals.goals.clone();
    for i in 0..200 {
        let mut g = goals[i % goals.len()].clone();
        g.id = id(i);
        g.title = format!("Goal added {i}");
        wb.goals.goals.push(g);
    }
    let findings = wb.audit.findings.clone();
    for i in 0..300 {
        let mut f = findings[i % findings.len()].clone();
        f.id = id(1_000 + i);
        f.title = format!("Finding added {i}");
        wb.audit.findings.push(f);
    }
    let scenarios = wb.crisis.scenarios.clone();
    for i in 0..300 {
        let mut s = scenarios[i % scenarios.len()].clone();
        s.id = id(2_000 + i);
        s.title = format!("Scenario added {i}");
        wb.crisis.scenarios.push(s);
    }
    for p in &mut wb.roadmap.phases {
        p.name = huge("Phase");
    }
    for i in &mut wb.roadmap.initiatives {
        i.title = huge("Initiative");
        i.owner.name = huge("Someone");
    }
    let r = render(&wb, &options()).unwrap();
    keep("summary-hostile-full", &r.bytes);
    let at = summary_page(&r.bytes, r.page_count);
    let page = text(&r.bytes, Some(at));
    for part in PARTS {
        assert!(page.contains(part), "no {part:?} on the summary:\n{page}");
    }
    assert!(!page.contains('…'), "{page}");
    let next = text(&r.bytes, Some(at + 1));
    assert!(
        !next.contains("What is asked of you"),
        "the summary runs onto a second page:\n{next}"
    );
}
