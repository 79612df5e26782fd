//! The audit as the command line shows it: `info` counts the audit records, and the exported
//! PDFs, read back with pdftotext, carry every part of the audit section.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use groundwork_core::audit::channels::{ChannelEdit, ChannelKind, Ownership};
use groundwork_core::audit::findings::{FindingEdit, Importance};
use groundwork_core::audit::maturity::{Competency, MaturityEdit};
use groundwork_core::audit::situation::{PeerEdit, PeerKind, Situation};
use groundwork_core::audit::snapshots::{CustomFigureEdit, SnapshotEdit};
use groundwork_store::Store;

fn groundwork(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_groundwork"))
        .args(args)
        .output()
        .unwrap()
}

fn channel(name: &str, kind: ChannelKind, ownership: Ownership, run_by: &str) -> ChannelEdit {
    ChannelEdit {
        kind,
        name: name.into(),
        link: format!("https://example.org/{}", name.len()),
        ownership,
        audience: "Hobby makers".into(),
        run_by: run_by.into(),
        notes: format!("Notes on {name}."),
    }
}

/// The strategist's calendar date in this test: a fixed day, whenever the test runs.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn snapshot(
    channel: uuid::Uuid,
    on: &str,
    members: &str,
    posts: &str,
    hours: &str,
) -> SnapshotEdit {
    SnapshotEdit {
        channel_id: channel,
        taken_on: on.into(),
        members: members.into(),
        active_members: String::new(),
        posts_per_month: posts.into(),
        median_response_hours: hours.into(),
        sentiment: "4".into(),
        custom: vec![CustomFigureEdit {
            name: "Solved threads".into(),
            value: "17".into(),
        }],
        notes: String::new(),
    }
}

/// A workbook with two audits' worth of records (14 records in all).
fn populated(path: &Path) {
    let mut store = Store::create(path, "Makers audit", "Northwind").unwrap();
    let forum = store
        .save_channel(
            None,
            &channel(
                "Makers Forum",
                ChannelKind::Forum,
                Ownership::Owned,
                "Support team",
            ),
        )
        .unwrap();
    let fans = store
        .save_channel(
            None,
            &channel(
                "Fans of Northwind",
                ChannelKind::FacebookGroup,
                Ownership::Unofficial,
                "Two volunteers",
            ),
        )
        .unwrap();
    store
        .save_snapshot(
            None,
            &snapshot(forum.id, "2025-09-01", "1,000", "120", "30"),
            today(),
        )
        .unwrap();
    let latest = store
        .save_snapshot(
            None,
            &snapshot(forum.id, "2026-03-01", "1,250", "95", "26"),
            today(),
        )
        .unwrap();
    store
        .save_snapshot(
            None,
            &snapshot(fans.id, "2026-03-01", "4,800", "310", ""),
            today(),
        )
        .unwrap();
    for (c, stage, evidence) in [
        (Competency::Strategy, "1", "No written plan."),
        (
            Competency::CommunityManagement,
            "2",
            "One part-time moderator.",
        ),
        (Competency::Tools, "3", "Forum connected to the CRM."),
    ] {
        store
            .save_maturity(&MaturityEdit {
                competency: c,
                stage: stage.into(),
                evidence: evidence.into(),
            })
            .unwrap();
    }
    store
        .update_situation(&Situation {
            resources: "Two community managers\n- A small events budget".into(),
            obstacles: "No executive sponsor".into(),
            opportunities: "Fans already gather on their own".into(),
            threats: "A rival brand's Discord".into(),
            target_audience: "Hobby makers who build with our tools.".into(),
            tone_and_voice: "Warm and plain, never salesy.".into(),
        })
        .unwrap();
    store
        .save_peer(
            None,
            &PeerEdit {
                name: "Acme Tools".into(),
                kind: PeerKind::Competitor,
                communities: "Discord, yearly meetup".into(),
                notes: String::new(),
            },
        )
        .unwrap();
    store
        .save_finding(
            None,
            &FindingEdit {
                title: "Questions wait a day for a first reply".into(),
                importance: Importance::High,
                evidence: "Median response time of 26 hours on the forum.".into(),
                channel_ids: vec![forum.id],
                snapshot_ids: vec![latest.id],
            },
        )
        .unwrap();
    store
        .save_finding(
            None,
            &FindingEdit {
                title: "Fans built the biggest group without us".into(),
                importance: Importance::Medium,
                evidence: "4,800 members, run by volunteers.".into(),
                channel_ids: vec![fans.id],
                snapshot_ids: Vec::new(),
            },
        )
        .unwrap();
    store.close().unwrap();
}

fn pdf_text(workbook: &Path, document: &str) -> String {
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let pdf = out_dir.join(format!("audit-section-{document}.pdf"));
    let out = groundwork(&[
        "pdf",
        workbook.to_str().unwrap(),
        "--document",
        document,
        "--date",
        "2026-03-16",
        "--output",
        pdf.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "pdf failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output();
    match text {
        Ok(t) if t.status.success() => String::from_utf8_lossy(&t.stdout).into_owned(),
        _ => panic!("pdftotext (poppler-utils) is needed to read the PDF back"),
    }
}

#[test]
fn info_counts_the_audit_records() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit.groundwork");
    populated(&file);
    let out = groundwork(&["info", file.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("Community audit"))
        .unwrap();
    // 2 channels + 3 snapshots + 3 scored competencies + situation + 1 peer + 2 findings.
    assert!(line.trim_end().ends_with(" 12"), "{line}");
}

#[test]
fn the_audit_section_reads_back_from_the_exported_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit.groundwork");
    populated(&file);
    for document in ["audit", "full"] {
        let text = pdf_text(&file, document);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Where the community lives",
            "Makers Forum",
            "Fans of Northwind",
            "Facebook group",
            "Unofficial",
            "Two volunteers",
            // The comparison of 1 Sep 2025 and 1 Mar 2026.
            "Figures over time",
            "1,000",
            "1,250",
            "+250 (+25%)",
            "Solved threads",
            "Maturity self-assessment",
            "Community management",
            "2 · Emerging",
            "One part-time moderator.",
            "RESOURCES",
            "THREATS",
            "A small events budget",
            "A rival brand's Discord",
            "Warm and plain, never salesy.",
            "Acme Tools",
            "High · Questions wait a day for a first reply",
            "Medium · Fans built the biggest group without us",
            "Rests on: Makers Forum; Makers Forum, 1 Mar 2026.",
        ] {
            assert!(
                flat.contains(expected),
                "{document}: missing {expected:?} in:\n{text}"
            );
        }
        assert!(
            !flat.contains("no audit records yet"),
            "{document}: the empty note is gone"
        );
    }
    // The roadmap one-pager is about the plan, not the audit: it names the organisation and
    // leaves the audit's findings to the other documents.
    let roadmap = pdf_text(&file, "roadmap");
    assert!(roadmap.contains("Northwind"), "{roadmap}");
    assert!(roadmap.contains("No goals yet."), "{roadmap}");
    assert!(!roadmap.contains("A rival brand's Discord"), "{roadmap}");
    let playbook = pdf_text(&file, "crisis");
    assert!(playbook.contains("Channels to watch"), "{playbook}");
    assert!(playbook.contains("Fans of Northwind"), "{playbook}");
    assert!(
        !playbook.contains("Maturity self-assessment"),
        "the playbook keeps to the channels"
    );
    let workbook = pdf_text(&file, "audit");
    assert!(
        workbook.contains("Every snapshot"),
        "the workbook lists every snapshot"
    );
    assert!(
        workbook.contains("Notes on Makers Forum."),
        "and the channels' notes"
    );
}
