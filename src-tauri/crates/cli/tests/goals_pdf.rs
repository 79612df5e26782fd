//! The goals step as the documents show it: the full strategy carries the purpose and
//! narrative, the goal tree with its evidence, the KPI table with status and the health
//! figure; the one-page roadmap carries the headline KPIs. Read back with pdftotext.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use groundwork_core::audit::findings::{FindingEdit, Importance};
use groundwork_core::goals::kpis::{Cadence, Direction, KpiCategory, KpiEdit, KpiOwner};
use groundwork_core::goals::measurements::MeasurementEdit;
use groundwork_core::goals::{EvidenceKind, EvidenceRef, GoalEdit, Narrative, ObjectiveEdit};
use groundwork_core::profile::ProfileEdit;
use groundwork_store::Store;

fn kpi(
    goal: uuid::Uuid,
    name: &str,
    unit: &str,
    dir: Direction,
    b: &str,
    t: &str,
    w: &str,
) -> KpiEdit {
    KpiEdit {
        goal_id: goal,
        name: name.into(),
        category: KpiCategory::SupportCostReduction,
        custom_category: String::new(),
        definition: format!("How {name} is counted."),
        unit: unit.into(),
        direction: dir,
        baseline_value: b.into(),
        baseline_date: "2026-01-01".into(),
        target_value: t.into(),
        target_date: "2026-12-31".into(),
        data_source: "Forum analytics".into(),
        owner: KpiOwner {
            stakeholder_id: None,
            name: "Ana Souza".into(),
        },
        cadence: Cadence::Monthly,
        weight: w.into(),
    }
}

fn populated(path: &Path) {
    let mut store = Store::create(path, "Makers strategy", "Northwind").unwrap();
    let mut profile = ProfileEdit::from(&store.profile().unwrap());
    profile.purpose = "Makers help each other build better things.".into();
    store.update_profile(&profile).unwrap();
    store
        .update_narrative(&Narrative {
            member_value: "Answers from people who built the same thing.".into(),
            organisation_value: "Fewer support tickets, better products.".into(),
            behaviours: "Answering questions; sharing builds.".into(),
            story: "Our makers already help each other; we make it easier.".into(),
        })
        .unwrap();
    let finding = store
        .save_finding(
            None,
            &FindingEdit {
                title: "Questions wait a day for a first reply".into(),
                importance: Importance::High,
                evidence: String::new(),
                channel_ids: Vec::new(),
                snapshot_ids: Vec::new(),
            },
        )
        .unwrap();
    let o = store
        .save_objective(
            None,
            &ObjectiveEdit {
                title: "Lower the cost of support".into(),
                description: String::new(),
            },
        )
        .unwrap();
    let g = store
        .save_goal(
            None,
            &GoalEdit {
                objective_id: o.id,
                title: "Members answer members".into(),
                description: String::new(),
                evidence: vec![EvidenceRef {
                    kind: EvidenceKind::Finding,
                    id: finding.id,
                }],
            },
        )
        .unwrap();
    let share = store
        .save_kpi(
            None,
            &kpi(
                g.id,
                "Questions answered by members",
                "%",
                Direction::Higher,
                "20",
                "60",
                "2",
            ),
        )
        .unwrap();
    let hours = store
        .save_kpi(
            None,
            &kpi(
                g.id,
                "Median first reply",
                "h",
                Direction::Lower,
                "26",
                "4",
                "1",
            ),
        )
        .unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 7, 2).unwrap();
    for (on, v) in [
        ("2026-03-01", "28"),
        ("2026-05-01", "34"),
        ("2026-07-01", "39.5"),
    ] {
        let m = MeasurementEdit {
            measured_on: on.into(),
            value: v.into(),
            note: String::new(),
        };
        store.save_measurement(share.id, None, &m, today).unwrap();
    }
    let m = MeasurementEdit {
        measured_on: "2026-06-01".into(),
        value: "24".into(),
        note: String::new(),
    };
    store.save_measurement(hours.id, None, &m, today).unwrap();
    store.close().unwrap();
}

fn pdf_text(workbook: &Path, document: &str) -> String {
    let pdf =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("goals-section-{document}.pdf"));
    let out = Command::new(env!("CARGO_BIN_EXE_groundwork"))
        .args([
            "pdf",
            workbook.to_str().unwrap(),
            "--document",
            document,
            "--date",
            "2026-07-02",
            "--output",
        ])
        .arg(&pdf)
        .output()
        .unwrap();
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
fn the_full_strategy_carries_the_goal_tree_kpis_status_and_health() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("goals.groundwork");
    populated(&file);
    let text = pdf_text(&file, "full");
    for expected in [
        "Purpose and narrative",
        "Makers help each other build better things.",
        "Answers from people who built the same thing.",
        "Objective: Lower the cost of support",
        "Goal: Members answer members",
        "Audit finding: Questions wait a day for a first reply",
        "Measured by: Questions answered by members; Median first reply.",
        "Questions answered by members",
        "39.5%",
        "On track · 49%",
        "Off track · 9%",
        "Community health",
    ] {
        assert!(
            text.contains(expected),
            "the full strategy lacks “{expected}”:\n{text}"
        );
    }
    // 39.5% is 48.75% of the way from 20% to 60% (weight 2); 24 h is 9% of the way from
    // 26 h to 4 h (weight 1): (2 × 48.75 + 9.09) / 3 = 35.5.
    assert!(text.contains("Community health 36 of 100"), "{text}");
}

#[test]
fn the_roadmap_one_pager_shows_the_headline_kpis() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("goals.groundwork");
    populated(&file);
    let text = pdf_text(&file, "roadmap");
    assert!(
        text.contains("HEADLINE KPIS") || text.contains("Headline KPIs"),
        "{text}"
    );
    assert!(text.contains("Questions answered by members"), "{text}");
    assert!(text.contains("On track · 49%"), "{text}");
}
