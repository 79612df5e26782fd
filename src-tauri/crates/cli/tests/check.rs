//! `groundwork check`: the readiness review on the command line, with exit codes scripts use.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

use groundwork_core::goals::{GoalEdit, ObjectiveEdit};
use groundwork_store::Store;

fn groundwork(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_groundwork"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_exits_1_on_a_blocker_and_0_once_every_blocker_is_dismissed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let mut store = Store::create(&path, "Makers 社区", "Northwind").unwrap();
    let objective = store
        .save_objective(
            None,
            &ObjectiveEdit {
                title: "Cut support cost".into(),
                description: String::new(),
            },
        )
        .unwrap();
    store
        .save_goal(
            None,
            &GoalEdit {
                objective_id: objective.id,
                title: "Answer <b>within</b> a day".into(),
                description: String::new(),
                evidence: Vec::new(),
            },
        )
        .unwrap();
    store.close().unwrap();
    let file = path.to_str().unwrap();

    let out = groundwork(&["check", file]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a blocker exits with 1: {}",
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Readiness of “Makers 社区”:"),
        "{stdout}"
    );
    assert!(
        stdout.contains("The goal “Answer <b>within</b> a day” has no KPI"),
        "the issue names the goal as typed: {stdout}"
    );
    assert!(stdout.contains("[goals.goal-without-kpi]"), "{stdout}");
    let goals_at = stdout.find("Goals and KPIs — ").unwrap();
    let crisis_at = stdout.find("Crisis plan — ").unwrap();
    let kpi_at = stdout.find("has no KPI").unwrap();
    assert!(
        goals_at < kpi_at && kpi_at < crisis_at,
        "issues are grouped under their step: {stdout}"
    );
    assert!(stdout.contains("Not ready: fix the"), "{stdout}");

    let mut store = Store::open(&path).unwrap();
    let blockers: Vec<String> = store
        .readiness()
        .unwrap()
        .issues
        .into_iter()
        .filter(|i| i.severity == groundwork_core::readiness::Severity::Blocker)
        .map(|i| i.key)
        .collect();
    assert!(!blockers.is_empty());
    for key in &blockers {
        store.dismiss_issue(key, "Accepted for the pilot").unwrap();
    }
    store.close().unwrap();

    let out = groundwork(&["check", file]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "no blocker left exits with 0: {}",
        text(&out.stdout)
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Accepted with a reason"), "{stdout}");
    assert!(
        stdout.contains("Reason: Accepted for the pilot"),
        "{stdout}"
    );
    assert!(
        stdout.contains("No blockers: ready to present."),
        "{stdout}"
    );
}

#[test]
fn check_exits_2_when_the_file_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.groundwork");
    let out = groundwork(&["check", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("There is no workbook at"),
        "{}",
        text(&out.stderr)
    );

    let junk = dir.path().join("notes.groundwork");
    std::fs::write(&junk, "not a database").unwrap();
    let out = groundwork(&["check", junk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is not a Groundwork workbook"),
        "{}",
        text(&out.stderr)
    );

    let out = groundwork(&["check"]);
    assert_eq!(out.status.code(), Some(2), "a usage error is 2 as well");
}
