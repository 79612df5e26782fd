//! The full strategy's traceability appendix, its numbered evidence markers and the optional
//! readiness review, read back with pdftotext.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use groundwork_core::audit::findings::{FindingEdit, Importance};
use groundwork_core::goals::kpis::{Cadence, Direction, KpiCategory, KpiEdit, KpiOwner};
use groundwork_core::goals::{EvidenceKind, EvidenceRef, GoalEdit, ObjectiveEdit};
use groundwork_store::Store;

fn finding(store: &mut Store, title: &str) -> uuid::Uuid {
    store
        .save_finding(
            None,
            &FindingEdit {
                title: title.into(),
                importance: Importance::High,
                evidence: String::new(),
                channel_ids: Vec::new(),
                snapshot_ids: Vec::new(),
            },
        )
        .unwrap()
        .id
}

/// Two goals citing two findings (the second cites both, in reverse order), one KPI, and a
/// third finding nobody cites; the goal without a KPI is dismissed with a reason.
fn populated(path: &Path) {
    let mut store = Store::create(path, "Makers strategy", "Northwind").unwrap();
    let slow = finding(&mut store, "Questions wait a day for a first reply");
    let lost = finding(&mut store, "Newcomers leave after one post");
    finding(&mut store, "The logo is dated");
    let o = store
        .save_objective(
            None,
            &ObjectiveEdit {
                title: "Lower the cost of support".into(),
                description: String::new(),
            },
        )
        .unwrap();
    let cite = |id| EvidenceRef {
        kind: EvidenceKind::Finding,
        id,
    };
    let answer = store
        .save_goal(
            None,
            &GoalEdit {
                objective_id: o.id,
                title: "Members answer members".into(),
                description: String::new(),
                evidence: vec![cite(slow)],
            },
        )
        .unwrap();
    let welcome = store
        .save_goal(
            None,
            &GoalEdit {
                objective_id: o.id,
                title: "Welcome every newcomer".into(),
                description: String::new(),
                evidence: vec![cite(lost), cite(slow)],
            },
        )
        .unwrap();
    store
        .save_kpi(
            None,
            &KpiEdit {
                goal_id: answer.id,
                name: "Median first reply".into(),
                category: KpiCategory::SupportCostReduction,
                custom_category: String::new(),
                definition: String::new(),
                unit: "h".into(),
                direction: Direction::Lower,
                baseline_value: "26".into(),
                baseline_date: "2026-01-01".into(),
                target_value: "4".into(),
                target_date: "2026-12-31".into(),
                data_source: "Forum analytics".into(),
                owner: KpiOwner {
                    stakeholder_id: None,
                    name: "Ana Souza".into(),
                },
                cadence: Cadence::Monthly,
                weight: "1".into(),
            },
        )
        .unwrap();
    store
        .dismiss_issue(
            &format!("goals.goal-without-kpi/{}", welcome.id),
            "Measured through the first-reply KPI for now",
        )
        .unwrap();
    store.close().unwrap();
}

fn pdf_text(workbook: &Path, name: &str, extra: &[&str]) -> String {
    let pdf = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("readiness-{name}.pdf"));
    let out = Command::new(env!("CARGO_BIN_EXE_groundwork"))
        .args(["pdf", workbook.to_str().unwrap(), "--document", "full"])
        .args(extra)
        .arg("--output")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdf failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = Command::new("qpdf").arg("--check").arg(&pdf).output();
    if let Ok(c) = check {
        assert!(
            c.status.success(),
            "qpdf --check: {}",
            String::from_utf8_lossy(&c.stdout)
        );
    }
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(&pdf)
        .arg("-")
        .output();
    match text {
        Ok(t) if t.status.success() => String::from_utf8_lossy(&t.stdout).into_owned(),
        _ => panic!("pdftotext (poppler-utils) is needed to read the PDF back"),
    }
}

#[test]
fn the_full_strategy_numbers_its_evidence_and_traces_each_goal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.groundwork");
    populated(&file);
    let text = pdf_text(&file, "plain", &[]);
    // Where goals are listed, evidence carries the number it has in the appendix: the first
    // goal cites the first finding, so it is [1]; the second goal's new finding is [2].
    assert!(
        text.contains("Evidence: Questions wait a day for a first reply [1]."),
        "{text}"
    );
    assert!(
        text.contains("Evidence: Newcomers leave after one post [2]; Questions wait a day for a first reply [1]."),
        "{text}"
    );
    // The last mention: the first is in the contents.
    let appendix = text
        .rfind("Appendix: traceability")
        .expect("the appendix is there");
    let rest = &text[appendix..];
    assert!(rest.contains("Evidence cited"), "{rest}");
    assert!(
        rest.contains(
            "[1] Audit finding: Questions wait a day for a first reply — High importance"
        ),
        "{rest}"
    );
    assert!(
        rest.contains("[2] Audit finding: Newcomers leave after one post"),
        "{rest}"
    );
    let row = rest
        .lines()
        .find(|l| l.contains("Welcome every newcomer"))
        .expect("a row per goal");
    assert!(
        row.contains("[2] [1]") && row.contains("No KPI yet"),
        "{row}"
    );
    let row = rest
        .lines()
        .find(|l| l.contains("Members answer members"))
        .expect("a row per goal");
    assert!(row.contains("Median first reply"), "{row}");
    assert!(rest.contains("Findings and themes no goal cites"), "{rest}");
    assert!(rest.contains("The logo is dated"), "{rest}");
    assert!(
        !text.contains("Readiness review"),
        "the review is only there when asked for"
    );
}

#[test]
fn the_readiness_review_is_added_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.groundwork");
    populated(&file);
    let text = pdf_text(&file, "with-review", &["--readiness"]);
    let review = text.rfind("Readiness review").expect("the review is there");
    let goals = text.rfind("Objectives and goals").unwrap();
    assert!(review < goals, "the review comes before the steps");
    let store = Store::open(&file).unwrap();
    let expected = store.readiness().unwrap();
    assert!(
        text.contains(&format!("Readiness {} of 100.", expected.overall)),
        "{text}"
    );
    assert!(text.contains("Open issues"), "{text}");
    assert!(text.contains("Accepted, with the reasons"), "{text}");
    assert!(
        text.contains("Reason: Measured through the first-reply KPI for now"),
        "{text}"
    );
}
