//! Step 2 in the documents, read back with pdftotext: the grid names every stakeholder, the
//! register, themes and sweet spots with their quotes are in the full strategy, and interview
//! notes are in the audit workbook and the full strategy's appendix (which can be left out).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use groundwork_core::documents::{Document, ExportOptions};
use groundwork_core::profile::Profile;
use groundwork_core::stakeholders::interviews::{Answer, Interview, InterviewMode, Quote};
use groundwork_core::stakeholders::themes::{Theme, ThemeSide};
use groundwork_core::stakeholders::{
    Attitude, Department, InterviewStatus, Stakeholder, StakeholderRecords,
};
use groundwork_core::workbook::Workbook;
use groundwork_docs::render;
use uuid::Uuid;

/// A stable id for a short name: the same name, the same id.
fn id(name: &str) -> Uuid {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u128, |h, b| {
        (h ^ u128::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    Uuid::from_u128(hash)
}

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 16, 14, 32, 0).unwrap()
}

fn person(
    key: &str,
    name: &str,
    department: Department,
    influence: u8,
    interest: u8,
) -> Stakeholder {
    Stakeholder {
        id: id(key),
        name: name.into(),
        role: "Lead".into(),
        department,
        influence,
        interest,
        attitude: Attitude::Champion,
        wants: format!("{name} wants fewer repeat questions"),
        contact: String::new(),
        interview_status: InterviewStatus::Interviewed,
        created_at: at(),
        updated_at: at(),
    }
}

fn workbook() -> Workbook {
    let interview = |key: &str, who: &str, answer: &str, quote: &str, tag: &str| Interview {
        id: id(key),
        stakeholder_id: id(who),
        date: NaiveDate::from_ymd_opt(2026, 2, 10).unwrap(),
        interviewer: "Ana Souza".into(),
        mode: InterviewMode::Video,
        guide_id: None,
        guide_name: "Support".into(),
        notes: format!("Notes from {key}: follow up on the forum pilot."),
        note_theme_ids: vec![],
        answers: vec![Answer {
            id: id(&format!("{key}-a")),
            topic: "Pain points".into(),
            question: "Which questions reach you again and again?".into(),
            answer: answer.into(),
            theme_ids: vec![id(tag)],
        }],
        quotes: vec![Quote {
            id: id(&format!("{key}-q")),
            interview_id: id(key),
            text: quote.into(),
            theme_ids: vec![id(tag)],
        }],
        created_at: at(),
        updated_at: at(),
    };
    Workbook {
        profile: Profile {
            name: "Northwind Makers".into(),
            organisation: "Northwind".into(),
            community_name: "Makers Hub".into(),
            strategist: "Ana Souza".into(),
            purpose: "Help makers help each other.".into(),
            created_at: at(),
            updated_at: at(),
        },
        audit: Default::default(),
        goals: Default::default(),
        roadmap: Default::default(),
        dismissals: Vec::new(),
        documents: Default::default(),
        logo: None,
        crisis: Default::default(),
        stakeholders: StakeholderRecords {
            stakeholders: vec![
                person("s1", "Inès Ruiz", Department::Support, 4, 5),
                person("s2", "Marta Kowalska", Department::Members, 2, 5),
                person("s3", "Jonas Berg", Department::Executive, 5, 2),
                person("s4", "Kenji 佐藤", Department::Product, 1, 1),
            ],
            guides: vec![],
            interviews: vec![
                interview(
                    "i1",
                    "s1",
                    "Password resets, every single day.",
                    "Members answer faster than we do.",
                    "peer",
                ),
                interview(
                    "i2",
                    "s2",
                    "I ask other makers first.",
                    "I learn most from other members.",
                    "peer",
                ),
            ],
            themes: vec![
                Theme {
                    id: id("peer"),
                    name: "Peer support".into(),
                    side: ThemeSide::Unmarked,
                    description: String::new(),
                },
                Theme {
                    id: id("price"),
                    name: "Pricing".into(),
                    side: ThemeSide::Organisation,
                    description: String::new(),
                },
            ],
        },
    }
}

fn text_of(doc: Document, omit: &[&str]) -> Option<String> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdftotext is needed (apt-get install poppler-utils)");
        return None;
    }
    let mut options = ExportOptions::new(doc);
    options.omit_sections = omit.iter().map(|s| (*s).to_owned()).collect();
    let rendered = render(&workbook(), &options).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, &rendered.bytes).unwrap();
    // To look at the pages: GROUNDWORK_KEEP_PDF=/tmp/out cargo test -p groundwork-docs --test stakeholders_sections
    if let Some(dir) = std::env::var_os("GROUNDWORK_KEEP_PDF") {
        let name = format!("{doc:?}-{}.pdf", omit.join("-"));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(std::path::Path::new(&dir).join(name), &rendered.bytes);
    }
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// pdftotext may break a line anywhere; compare with whitespace squeezed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_full_strategy_has_the_grid_register_themes_and_sweet_spots_with_quotes() {
    let Some(text) = text_of(Document::Full, &[]) else {
        return;
    };
    let flat = squeeze(&text);
    for expected in [
        "Stakeholders and interviews",
        "Power and interest",
        "MANAGE CLOSELY",
        "Stakeholder register",
        "Inès Ruiz",
        "Marta Kowalska",
        "Jonas Berg",
        "Kenji 佐藤",
        "Themes heard in interviews",
        "Peer support",
        "Organisation interest",
        "Sweet spots",
        "Members answer faster than we do.",
        "I learn most from other members.",
        "Appendix: interview notes",
        "Password resets, every single day.",
    ] {
        assert!(flat.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // Every stakeholder is named on the grid and in the register: twice at least.
    for name in ["Inès Ruiz", "Marta Kowalska", "Jonas Berg", "Kenji 佐藤"] {
        assert!(
            flat.matches(name).count() >= 2,
            "{name} on the grid and in the table"
        );
    }
    // Pricing was marked an organisation interest: not a sweet spot.
    let spots = flat.split("Sweet spots").nth(2).unwrap_or_default();
    let spots = spots.split("Appendix").next().unwrap_or_default();
    assert!(!spots.contains("Pricing"), "{spots}");
}

#[test]
fn interview_notes_are_in_the_audit_workbook_and_the_appendix_can_be_left_out() {
    let Some(audit) = text_of(Document::Audit, &[]) else {
        return;
    };
    let flat = squeeze(&audit);
    assert!(flat.contains("Interview notes"), "{audit}");
    assert!(flat.contains("Notes from i2: follow up on the forum pilot."));
    assert!(flat.contains("I ask other makers first."));

    let Some(full) = text_of(Document::Full, &["appendix"]) else {
        return;
    };
    let flat = squeeze(&full);
    assert!(!flat.contains("Notes from i1"), "the appendix was left out");
    assert!(flat.contains("Sweet spots"), "the section itself stays");
}
