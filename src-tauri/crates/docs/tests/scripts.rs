//! Text in other scripts, read back from the PDF with poppler's `pdftotext`: Arabic and Hebrew
//! come out in logical order (as typed, not reversed), Devanagari and Hangul print, an emoji
//! prints, an emoji sequence (👩‍💻, 👍🏽) prints as one emoji and copies out whole, a line
//! mixing Arabic and English keeps both in order, nothing is drawn as ▯ and
//! nothing is reported missing; and the file passes `qpdf --check`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod read_back;

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
use groundwork_docs::{render, WarningKind};
use read_back::{keep, pdftotext, pdftotext_present, today};
use uuid::Uuid;

const ARABIC_NAME: &str = "مريم الحسن";
const HEBREW: &str = "שלום עולם";
const HINDI: &str = "नमस्ते दुनिया";
const KOREAN: &str = "안녕하세요";
const PARTY: &str = "🎉";
/// Emoji sequences: a woman technologist (two emoji joined), a thumbs up with a skin tone.
const TECHNOLOGIST: &str = "👩\u{200D}💻";
const THUMBS_UP: &str = "👍\u{1F3FD}";
const MIXED: &str = "Launch الإطلاق 2027";

/// A stable id for a short name.
fn id(name: &str) -> Uuid {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u128, |h, b| {
        (h ^ u128::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    Uuid::from_u128(hash)
}

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 16, 14, 32, 0).unwrap()
}

fn person(key: &str, name: &str, wants: &str) -> Stakeholder {
    Stakeholder {
        id: id(key),
        name: name.into(),
        role: "Lead".into(),
        department: Department::Support,
        influence: 4,
        interest: 5,
        attitude: Attitude::Champion,
        wants: wants.into(),
        contact: String::new(),
        interview_status: InterviewStatus::Interviewed,
        created_at: at(),
        updated_at: at(),
    }
}

fn interview(key: &str, who: &str, quote: &str) -> Interview {
    Interview {
        id: id(key),
        stakeholder_id: id(who),
        date: NaiveDate::from_ymd_opt(2026, 2, 10).unwrap(),
        interviewer: "Ana Souza".into(),
        mode: InterviewMode::Video,
        guide_id: None,
        guide_name: "Support".into(),
        notes: format!("Notes: {quote}"),
        note_theme_ids: vec![],
        answers: vec![Answer {
            id: id(&format!("{key}-a")),
            topic: "Greetings".into(),
            question: "How do you greet the community?".into(),
            answer: quote.into(),
            theme_ids: vec![id("greet")],
        }],
        quotes: vec![Quote {
            id: id(&format!("{key}-q")),
            interview_id: id(key),
            text: quote.into(),
            theme_ids: vec![id("greet")],
        }],
        created_at: at(),
        updated_at: at(),
    }
}

/// A workbook whose stakeholders, quotes and purpose are written in several scripts.
fn workbook() -> Workbook {
    Workbook {
        profile: Profile {
            name: "Northwind Makers".into(),
            organisation: "Northwind".into(),
            community_name: "Makers Hub".into(),
            strategist: "Ana Souza".into(),
            purpose: MIXED.into(),
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
                person("s1", ARABIC_NAME, &format!("A launch party {PARTY}")),
                person(
                    "s2",
                    "Noa Levi",
                    &format!("Fewer repeat questions {TECHNOLOGIST} {THUMBS_UP}"),
                ),
                person("s3", "Asha Rao", "Peer answers"),
                person("s4", "Min-jun Kim", "Faster replies"),
            ],
            guides: vec![],
            interviews: vec![
                interview("i1", "s1", MIXED),
                interview("i2", "s2", HEBREW),
                interview("i3", "s3", HINDI),
                interview("i4", "s4", KOREAN),
            ],
            themes: vec![Theme {
                id: id("greet"),
                name: "Greetings".into(),
                side: ThemeSide::Unmarked,
                description: String::new(),
            }],
        },
    }
}

fn reversed(s: &str) -> String {
    s.chars().rev().collect()
}

/// pdftotext may break a line anywhere, and marks right-to-left text with embedding controls
/// (U+202B ... U+202C): compare with whitespace squeezed and those controls left out.
fn squeeze(s: &str) -> String {
    let visible: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_script_reads_back_in_logical_order_with_nothing_missing() {
    let mut options = ExportOptions::new(Document::Full);
    options.date = Some(today());
    let r = render(&workbook(), &options).unwrap();
    keep("scripts.pdf", &r.bytes);
    let missing: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::MissingGlyphs)
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
    if !pdftotext_present() {
        return;
    }
    let text = pdftotext(&r.bytes, &[]);
    let flat = squeeze(&text);
    assert!(!text.contains('\u{25AF}'), "a box was printed:\n{text}");
    for expected in [
        ARABIC_NAME,
        HEBREW,
        HINDI,
        KOREAN,
        PARTY,
        TECHNOLOGIST,
        THUMBS_UP,
    ] {
        assert!(flat.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // The stakeholder's name keeps its place before the date it is composed with.
    assert!(
        flat.contains(&format!("{ARABIC_NAME}, 10 February 2026")),
        "{text}"
    );
    // The mixed line: "Launch" first, then the Arabic word as typed. UAX #9 draws "2027" to
    // the left of the Arabic word (a number after Arabic letters belongs to their run, as in
    // any browser), and pdftotext rebuilds logical order by turning right-to-left stretches
    // around, which cannot move the number back: it reads "Launch 2027 الإطلاق".
    let mixed = flat
        .split("Launch")
        .skip(1)
        .map(|after| after.get(..after.len().min(40)).unwrap_or(after))
        .collect::<Vec<_>>();
    assert!(mixed.len() >= 2, "{text}");
    for after in mixed {
        assert!(
            after.contains("الإطلاق") && after.contains("2027"),
            "{after:?} in:\n{text}"
        );
    }
    for word in ["مريم", "الحسن", "שלום", "עולם", "الإطلاق"] {
        assert!(
            !flat.contains(&reversed(word)),
            "{word:?} reads back reversed in:\n{text}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scripts.pdf");
    std::fs::write(&path, &r.bytes).unwrap();
    match Command::new("qpdf").arg("--check").arg(&path).output() {
        Ok(out) => assert!(
            out.status.success(),
            "qpdf --check failed: {}",
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(_) => eprintln!("SKIPPED: qpdf is needed to check the file (apt-get install qpdf)"),
    }
}

#[test]
fn the_same_workbook_gives_the_same_bytes() {
    let mut options = ExportOptions::new(Document::Full);
    options.date = Some(today());
    let a = render(&workbook(), &options).unwrap();
    let b = render(&workbook(), &options).unwrap();
    assert!(a.bytes == b.bytes);
}
