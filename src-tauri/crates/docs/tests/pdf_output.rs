//! End-to-end checks of the PDFs, read back with independent tools: poppler's pdftotext,
//! pdffonts and pdfinfo, and qpdf.

// Helpers shared by the tests unwrap too: a failure here is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{TimeZone, Utc};
use groundwork_core::documents::{Document, ExportOptions, Paper};
use groundwork_core::profile::Profile;
use groundwork_core::workbook::Workbook;
use groundwork_docs::layout::{Block, Column, Table};
use groundwork_docs::{render, render_blocks, sections, Orientation, WarningKind};

fn tools_present() -> bool {
    let ok = ["pdftotext", "pdffonts", "pdfinfo", "qpdf"]
        .iter()
        .all(|t| {
            Command::new(t).arg("--version").output().is_ok()
                || Command::new(t).arg("-v").output().is_ok()
        });
    if !ok {
        eprintln!("SKIPPED: poppler-utils and qpdf are needed to read the PDFs back (apt-get install poppler-utils qpdf)");
    }
    ok
}

fn workbook(purpose: &str) -> Workbook {
    Workbook {
        profile: Profile {
            name: "Northwind Makers".into(),
            organisation: "Northwind Trading Co.".into(),
            community_name: "Makers Hub".into(),
            strategist: "Ana Souza".into(),
            purpose: purpose.into(),
            created_at: Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap(),
            updated_at: Utc.with_ymd_and_hms(2026, 3, 16, 14, 32, 0).unwrap(),
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

struct Out {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn write(bytes: &[u8]) -> Out {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    Out { _dir: dir, path }
}

fn run(cmd: &str, args: &[&str], path: &Path) -> (bool, String) {
    let out = Command::new(cmd)
        .args(args)
        .arg(path)
        .args(if cmd == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn text(path: &Path) -> String {
    let (ok, t) = run("pdftotext", &["-enc", "UTF-8"], path);
    assert!(ok, "pdftotext failed: {t}");
    t
}

fn page_text(path: &Path, page: usize) -> String {
    let p = page.to_string();
    run("pdftotext", &["-enc", "UTF-8", "-f", &p, "-l", &p], path).1
}

fn pages(path: &Path) -> usize {
    let (ok, info) = run("pdfinfo", &[], path);
    assert!(ok, "{info}");
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// The text without page headers and footers, so text running across pages reads on.
fn body_text(path: &Path) -> String {
    text(path)
        .lines()
        .filter(|l| {
            let l = l.trim();
            !(l == "16 March 2026"
                || l == "CONFIDENTIAL"
                || l.starts_with("Community strategy ·")
                || (l.starts_with("Page ") && l.contains(" of ")))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_valid(path: &Path) {
    let (ok, out) = run("qpdf", &["--check"], path);
    assert!(ok, "qpdf --check failed: {out}");
    let (ok, fonts) = run("pdffonts", &[], path);
    assert!(ok, "{fonts}");
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "font not embedded, subset and mapped: {row}"
        );
        assert!(cols[0].contains('+'), "not a subset name: {row}");
    }
}

const PURPOSE: &str = "We bring makers together.\nΚοινότητα και συνεργασία. Сообщество мастеров. 社区战略 让我们一起成长。\n\
    <img src=x onerror=alert(1)> & \"quotes\" (parens) \\backslash\u{0}\u{7}\ttab\r\nend of purpose.";

#[test]
fn every_entered_text_appears_in_every_document() {
    if !tools_present() {
        return;
    }
    let wb = workbook(PURPOSE);
    for doc in Document::ALL {
        for paper in [Paper::A4, Paper::Letter] {
            let mut o = ExportOptions::new(doc);
            o.paper = paper;
            let r = render(&wb, &o).unwrap();
            let out = write(&r.bytes);
            assert_valid(&out.path);
            assert_eq!(pages(&out.path), r.page_count);
            let t = squash(&text(&out.path));
            for needle in [
                "NorthwindMakers",
                "NorthwindTradingCo.",
                "MakersHub",
                "AnaSouza",
                "Κοινότητα",
                "Сообщество",
                "社区战略",
                "CONFIDENTIAL",
            ] {
                assert!(t.contains(needle), "{doc:?} {paper:?} lacks {needle}");
            }
            if doc != Document::Roadmap {
                for needle in [
                    "<imgsrc=xonerror=alert(1)>",
                    "\"quotes\"(parens)\\backslash",
                    "endofpurpose.",
                    "Page2of",
                ] {
                    assert!(t.contains(needle), "{doc:?} {paper:?} lacks {needle}");
                }
            }
        }
    }
}

#[test]
fn a_100_000_character_purpose_paginates() {
    if !tools_present() {
        return;
    }
    let sentence = "Community members share what they make, and answer each other's questions. ";
    let mut purpose: String = sentence.chars().cycle().take(100_000).collect();
    purpose.push_str(" FINALSENTENCEMARKER");
    // The executive summary quotes the purpose's opening sentences: left out here, so each
    // sentence is counted where the purpose is printed whole.
    let mut options = ExportOptions::new(Document::Full);
    options.omit_sections = vec!["summary".into()];
    let r = render(&workbook(&purpose), &options).unwrap();
    assert!(r.page_count > 20, "{} pages", r.page_count);
    let out = write(&r.bytes);
    assert_valid(&out.path);
    let t = squash(&body_text(&out.path));
    assert!(t.contains("FINALSENTENCEMARKER"));
    assert_eq!(
        t.matches("answereachother's").count(),
        100_000 / sentence.chars().count(),
        "every sentence printed once"
    );
}

#[test]
fn an_unbroken_20_000_character_word_is_broken_by_character() {
    if !tools_present() {
        return;
    }
    let word = format!("https://example.com/{}", "x".repeat(20_000));
    let r = render(&workbook(&word), &ExportOptions::new(Document::Full)).unwrap();
    let out = write(&r.bytes);
    assert_valid(&out.path);
    let t = squash(&body_text(&out.path));
    assert!(t.contains(&word), "the whole word is printed, in order");
}

#[test]
fn a_500_row_table_repeats_its_header_on_every_page() {
    if !tools_present() {
        return;
    }
    let table = Table {
        columns: vec![
            Column::new("Initiative", 3.0),
            Column::new("Owner", 2.0),
            Column::right("Budget", 1.0),
        ],
        rows: (1..=500)
            .map(|i| {
                vec![
                    format!("Row {i} initiative"),
                    format!("Owner {i}"),
                    format!("{}", i * 10),
                ]
            })
            .collect(),
    };
    let blocks = vec![
        Block::Heading {
            level: 1,
            text: "Initiatives".into(),
        },
        Block::Table(table),
    ];
    let r = render_blocks("Table test", &blocks, Paper::A4, Orientation::Portrait).unwrap();
    assert!(r.page_count >= 8, "{} pages", r.page_count);
    let out = write(&r.bytes);
    assert_valid(&out.path);
    let mut seen = 0;
    for p in 1..=r.page_count {
        let t = page_text(&out.path, p);
        assert!(
            t.contains("INITIATIVE") && t.contains("OWNER") && t.contains("BUDGET"),
            "page {p} lacks the header"
        );
        seen += (1..=500)
            .filter(|i| {
                t.contains(&format!("Row {i} initiative\n"))
                    || t.contains(&format!("Row {i} initiative "))
            })
            .count();
    }
    assert_eq!(seen, 500, "every row once");
    assert!(page_text(&out.path, r.page_count).contains("Row 500 initiative"));
}

#[test]
fn a_cell_taller_than_a_page_breaks_between_lines() {
    if !tools_present() {
        return;
    }
    let tall: String = (0..3_000).map(|i| format!("w{i} ")).collect();
    let table = Table {
        columns: vec![Column::new("Note", 4.0), Column::new("Who", 1.0)],
        rows: vec![
            vec!["short".into(), "A".into()],
            vec![tall, "B".into()],
            vec!["after".into(), "C".into()],
        ],
    };
    let r = render_blocks(
        "Tall cell",
        &[Block::Table(table)],
        Paper::Letter,
        Orientation::Landscape,
    )
    .unwrap();
    assert!(r.page_count >= 3);
    let out = write(&r.bytes);
    assert_valid(&out.path);
    let t = text(&out.path);
    for i in [0, 1_500, 2_999] {
        assert!(
            t.contains(&format!("w{i} ")) || t.contains(&format!("w{i}\n")),
            "w{i}"
        );
    }
    assert!(t.contains("after"));
    for p in 1..=r.page_count {
        assert!(
            page_text(&out.path, p).contains("NOTE"),
            "header on page {p}"
        );
    }
}

#[test]
fn same_input_gives_the_same_bytes() {
    let wb = workbook(PURPOSE);
    for doc in Document::ALL {
        let o = ExportOptions::new(doc);
        let a = render(&wb, &o).unwrap();
        let _other = render(
            &workbook("something else"),
            &ExportOptions::new(Document::Audit),
        )
        .unwrap();
        let b = render(&wb, &o).unwrap();
        assert!(a.bytes == b.bytes, "{doc:?} differs between two renders");
    }
    let mut o = ExportOptions::new(Document::Full);
    o.date = chrono::NaiveDate::from_ymd_opt(2026, 6, 1);
    assert_ne!(
        render(&wb, &o).unwrap().bytes,
        render(&wb, &ExportOptions::new(Document::Full))
            .unwrap()
            .bytes
    );
}

#[test]
fn the_roadmap_is_always_one_landscape_page() {
    if !tools_present() {
        return;
    }
    let long: String = "Κοινότητα 社区战略 makers "
        .chars()
        .cycle()
        .take(100_000)
        .collect();
    for (purpose, paper) in [
        (PURPOSE, Paper::A4),
        (long.as_str(), Paper::Letter),
        ("", Paper::A4),
    ] {
        let mut o = ExportOptions::new(Document::Roadmap);
        o.paper = paper;
        let r = render(&workbook(purpose), &o).unwrap();
        assert_eq!(r.page_count, 1);
        let out = write(&r.bytes);
        assert_valid(&out.path);
        assert_eq!(pages(&out.path), 1);
        let (_, info) = run("pdfinfo", &[], &out.path);
        let size = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap()
            .to_owned();
        let dims: Vec<f32> = size
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        assert!(dims[0] > dims[1], "landscape: {size}");
    }
    let r = render(&workbook(&long), &ExportOptions::new(Document::Roadmap)).unwrap();
    assert!(r.warnings.iter().any(|w| w.kind == WarningKind::Summarised));
}

#[test]
fn warnings_name_empty_sections_and_missing_characters() {
    let mut wb =
        workbook("Lab kit \u{E000} and \u{E000} again, and \u{E001}, but \u{1F600} prints.");
    wb.profile.name = "Makers \u{E000}".into();
    let r = render(&wb, &ExportOptions::new(Document::Full)).unwrap();
    let empty: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::EmptySection)
        .collect();
    assert_eq!(empty.len(), 5);
    assert!(empty
        .iter()
        .any(|w| w.message == "The Roadmap section is empty: no phases or initiatives yet."));
    let missing: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::MissingGlyphs)
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(
        missing[0].message,
        "2 characters could not be drawn with the fonts Groundwork ships (U+E000, U+E001); they appear as ▯."
    );
}

#[test]
fn omitted_sections_are_left_out_of_the_document() {
    if !tools_present() {
        return;
    }
    let ids: Vec<String> = sections(Document::Full).into_iter().map(|s| s.id).collect();
    assert!(ids.contains(&"appendix".to_owned()) && ids.contains(&"roadmap".to_owned()));
    let mut o = ExportOptions::new(Document::Full);
    o.omit_sections = vec!["appendix".into(), "crisis".into()];
    let r = render(&workbook(PURPOSE), &o).unwrap();
    let out = write(&r.bytes);
    let t = text(&out.path);
    assert!(!t.contains("Appendix: interview notes"));
    assert!(!t.contains("no crisis scenarios yet"));
    assert!(t.contains("Goals and KPIs"));
    assert!(!r
        .warnings
        .iter()
        .any(|w| w.section.as_deref() == Some("crisis")));
}
