//! The roadmap in the documents, read back from the PDFs: the executive one-pager stays one
//! landscape page and names every goal whatever the roadmap's size, and the full strategy
//! carries the timeline across pages and every initiative in its table.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{Days, NaiveDate, TimeZone, Utc};
use groundwork_core::documents::{Document, ExportOptions, Paper};
use groundwork_core::goals::kpis::KpiOwner;
use groundwork_core::goals::{Goal, Goals, Objective};
use groundwork_core::profile::Profile;
use groundwork_core::roadmap::{Initiative, InitiativeStatus, Money, Phase, Roadmap, Schedule};
use groundwork_core::workbook::Workbook;
use groundwork_docs::{render, WarningKind};
use uuid::Uuid;

fn tools_present() -> bool {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok()
        && Command::new("pdfinfo").arg("-v").output().is_ok();
    if !ok {
        eprintln!("SKIPPED: poppler-utils is needed to read the PDFs back");
    }
    ok
}

const GOALS: [&str; 6] = [
    "Members answer members within a day",
    "Keep new customers past their first year",
    "Turn product feedback into the roadmap — 社区",
    "Grow advocates who speak at events",
    "Cut support tickets by a third",
    "Ελληνικά: a local chapter in every region",
];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A workbook with six goals, four phases and `n` initiatives spread over them.
fn workbook(n: usize) -> Workbook {
    let at = Utc.with_ymd_and_hms(2026, 3, 16, 14, 32, 0).unwrap();
    let objective = Objective {
        id: Uuid::now_v7(),
        title: "Lower the cost of support".into(),
        description: String::new(),
        created_at: at,
        updated_at: at,
    };
    let goals: Vec<Goal> = GOALS
        .iter()
        .map(|t| Goal {
            id: Uuid::now_v7(),
            objective_id: objective.id,
            title: (*t).into(),
            description: String::new(),
            evidence: Vec::new(),
            created_at: at,
            updated_at: at,
        })
        .collect();
    let phases: Vec<Phase> = ["Foundation", "Launch", "Growth", "Scale"]
        .iter()
        .enumerate()
        .map(|(k, name)| Phase {
            id: Uuid::now_v7(),
            name: (*name).into(),
            start: day(2026, 1, 1) + Days::new(91 * k as u64),
            end: day(2026, 1, 1) + Days::new(91 * k as u64 + 90),
            objective: format!("Objective of {name}"),
            created_at: at,
            updated_at: at,
        })
        .collect();
    let owners = [
        "Ana Souza",
        "Bo Lindqvist",
        "Chidi Okafor",
        "Dana Cohen",
        "Émile Roy",
    ];
    let initiatives: Vec<Initiative> = (0..n)
        .map(|k| {
            let phase = &phases[k % phases.len()];
            let start = phase.start + Days::new((k % 60) as u64);
            Initiative {
                id: Uuid::now_v7(),
                title: format!("Initiative {k:03} <b>pilot</b>"),
                description: String::new(),
                phase_id: Some(phase.id),
                goal_ids: vec![goals[k % goals.len()].id],
                kpi_ids: Vec::new(),
                channel_ids: Vec::new(),
                owner: KpiOwner {
                    stakeholder_id: None,
                    name: owners[k % owners.len()].into(),
                },
                team: "Community".into(),
                budget: Some(Money {
                    minor: 150_000 + k as i64 * 100,
                    currency: "EUR".into(),
                }),
                schedule: if k % 25 == 24 {
                    Schedule::Later
                } else {
                    Schedule::Dated
                },
                start: (k % 25 != 24).then_some(start),
                end: (k % 25 != 24).then_some(start + Days::new(if k % 10 == 0 { 0 } else { 20 })),
                status: InitiativeStatus::Planned,
                milestone: k % 10 == 0,
                depends_on: Vec::new(),
                created_at: at,
                updated_at: at,
            }
        })
        .collect();
    Workbook {
        profile: Profile {
            name: "Northwind Makers".into(),
            organisation: "Northwind Trading Co.".into(),
            community_name: "Makers Hub".into(),
            strategist: "Ana Souza".into(),
            purpose: "We bring makers together so they help each other.".into(),
            created_at: at,
            updated_at: at,
        },
        audit: Default::default(),
        stakeholders: Default::default(),
        crisis: Default::default(),
        goals: Goals {
            objectives: vec![objective],
            goals,
            ..Goals::default()
        },
        roadmap: Roadmap {
            phases,
            initiatives,
        },
        dismissals: Vec::new(),
        documents: Default::default(),
        logo: None,
    }
}

struct Pdf {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn write(bytes: &[u8]) -> Pdf {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    // To look at the pages: ROADMAP_PDF_DIR=/some/folder keeps a copy of each.
    if let Some(keep) = std::env::var_os("ROADMAP_PDF_DIR") {
        let n = std::fs::read_dir(&keep).map(Iterator::count).unwrap_or(0);
        std::fs::write(PathBuf::from(keep).join(format!("roadmap-{n}.pdf")), bytes).unwrap();
    }
    Pdf { _dir: dir, path }
}

fn text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pages(path: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(path).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
fn the_one_pager_is_one_page_naming_every_goal_at_any_size() {
    if !tools_present() {
        return;
    }
    for (n, paper) in [
        (400, Paper::A4),
        (400, Paper::Letter),
        (12, Paper::A4),
        (0, Paper::A4),
    ] {
        let wb = workbook(n);
        let mut o = ExportOptions::new(Document::Roadmap);
        o.paper = paper;
        let r = render(&wb, &o).unwrap();
        assert_eq!(r.page_count, 1, "{n} initiatives on {paper:?}");
        let pdf = write(&r.bytes);
        assert_eq!(pages(&pdf.path), 1, "{n} initiatives on {paper:?}");
        let t = text(&pdf.path);
        // Every goal is named whole, however its lines wrap.
        let flat = t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(!flat.contains('…'), "{n} on {paper:?}: an ellipsis:\n{t}");
        for goal in GOALS {
            assert!(
                flat.contains(goal),
                "{n} on {paper:?}: the goal “{goal}” is not named whole:\n{t}"
            );
        }
        for heading in ["GOALS", "BUDGET BY PHASE", "OWNERS", "ROADMAP"] {
            assert!(t.contains(heading), "{n}: lacks {heading}\n{t}");
        }
        let summarised = r.warnings.iter().any(|w| w.kind == WarningKind::Summarised);
        if n == 400 {
            assert!(
                summarised,
                "400 initiatives are summarised: {:?}",
                r.warnings
            );
            assert!(t.contains("Foundation"), "phases show as bands");
            assert!(t.contains("Ana Souza"), "owners are listed");
            assert!(t.contains("EUR"), "the budget shows: {t}");
        }
        if n == 12 {
            assert!(!summarised, "twelve initiatives fit: {:?}", r.warnings);
            assert!(
                t.contains("Initiative 001"),
                "each initiative has its bar:\n{t}"
            );
        }
    }
}

#[test]
fn the_full_strategy_runs_the_timeline_across_pages_and_lists_every_initiative() {
    if !tools_present() {
        return;
    }
    let wb = workbook(400);
    let r = render(&wb, &ExportOptions::new(Document::Full)).unwrap();
    let pdf = write(&r.bytes);
    assert_eq!(pages(&pdf.path), r.page_count);
    let t = text(&pdf.path);
    for k in [0, 1, 199, 398, 399] {
        // The title may wrap in its cell; its start is on one line.
        let title = format!("Initiative {k:03}");
        assert!(t.contains(&title), "{title} is missing");
    }
    assert!(
        t.contains("Timeline, part 1 of"),
        "a long timeline is split"
    );
    assert!(t.contains("Not dated yet"));
    assert!(
        t.contains("400 initiatives in 4 phases"),
        "the lead counts them"
    );
    for goal in GOALS {
        let opening: String = goal.chars().take(20).collect();
        assert!(t.contains(&opening), "the budget by goal names “{goal}”");
    }
    assert!(
        r.page_count > 15,
        "400 initiatives take many pages: {}",
        r.page_count
    );
}
