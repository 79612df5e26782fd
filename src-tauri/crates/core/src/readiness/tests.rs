use chrono::Utc;

use super::fixture::*;
use super::*;
use crate::audit::findings::Importance;
use crate::goals::{EvidenceKind, EvidenceRef};
use crate::stakeholders::tests::{id, person};
use crate::stakeholders::themes::{Theme, ThemeSide};
use crate::stakeholders::InterviewStatus;
use uuid::Uuid;

/// The keys of the issues the workbook raises for `rule`.
fn fired(wb: &Workbook, rule: &str) -> Vec<String> {
    issues(wb)
        .into_iter()
        .filter(|i| i.rule == rule)
        .map(|i| i.key)
        .collect()
}

#[test]
fn a_sound_workbook_raises_nothing() {
    let wb = sound();
    let all = issues(&wb);
    assert!(all.is_empty(), "a sound workbook has no issues: {all:#?}");
    let review = review(&wb);
    assert!(
        review.steps.iter().all(|s| s.score == 100),
        "{:?}",
        review.steps
    );
    assert!(!review.has_blockers());
}

#[test]
fn each_empty_step_is_a_blocker_on_the_step_itself() {
    let mut wb = sound();
    wb.audit.findings.clear();
    wb.stakeholders.stakeholders.clear();
    wb.goals.goals.clear();
    wb.goals.kpis.clear();
    wb.crisis.scenarios.clear();
    wb.roadmap.initiatives.clear();
    for step in ["audit", "stakeholders", "goals", "crisis", "roadmap"] {
        let rule = format!("{step}.empty");
        let found: Vec<Issue> = issues(&wb).into_iter().filter(|i| i.rule == rule).collect();
        assert_eq!(found.len(), 1, "{rule} fires once");
        assert_eq!(found[0].severity, Severity::Blocker);
        assert_eq!(found[0].record.kind, RecordKind::Step);
        assert_eq!(found[0].key, rule, "an empty step's key is the rule alone");
    }
    assert!(fired(&sound(), "goals.empty").is_empty());
}

#[test]
fn a_goal_without_kpi_evidence_or_objective_is_named() {
    let mut wb = sound();
    wb.goals.kpis.clear();
    assert_eq!(
        fired(&wb, "goals.goal-without-kpi"),
        vec![format!("goals.goal-without-kpi/{GOAL}")]
    );
    let issue = issues(&wb)
        .into_iter()
        .find(|i| i.rule == "goals.goal-without-kpi")
        .unwrap();
    assert_eq!(
        issue.record,
        RecordRef::new(Step::Goals, RecordKind::Goal, GOAL)
    );
    assert!(
        issue.message.contains("Answer within a day"),
        "{}",
        issue.message
    );
    assert_eq!(issue.severity, Severity::Blocker);

    let mut wb = sound();
    wb.goals.goals[0].evidence.clear();
    assert_eq!(fired(&wb, "goals.goal-without-evidence").len(), 1);
    assert!(fired(&sound(), "goals.goal-without-evidence").is_empty());

    let mut wb = sound();
    wb.goals.goals[0].objective_id = Uuid::from_u128(99);
    assert_eq!(fired(&wb, "goals.goal-without-objective").len(), 1);
    assert_eq!(
        fired(&wb, "goals.objective-without-goal").len(),
        1,
        "the objective left behind is a tip"
    );
    assert!(fired(&sound(), "goals.goal-without-objective").is_empty());
}

#[test]
fn a_kpi_without_owner_or_source_is_named() {
    let mut wb = sound();
    wb.goals.kpis[0].owner.name = "  ".into();
    assert_eq!(
        fired(&wb, "goals.kpi-without-owner"),
        vec![format!("goals.kpi-without-owner/{KPI}")]
    );
    assert!(fired(&wb, "goals.kpi-without-source").is_empty());
    wb.goals.kpis[0].data_source.clear();
    assert_eq!(fired(&wb, "goals.kpi-without-source").len(), 1);
    assert!(fired(&sound(), "goals.kpi-without-owner").is_empty());
}

#[test]
fn only_high_risk_scenarios_need_owner_statement_and_escalation() {
    let mut wb = sound();
    let s = &mut wb.crisis.scenarios[0];
    let id = s.id;
    s.owner.clear();
    s.statements.clear();
    s.severity_id = None;
    for rule in [
        "crisis.scenario-without-owner",
        "crisis.scenario-without-statement",
        "crisis.scenario-without-escalation",
    ] {
        assert_eq!(fired(&wb, rule), vec![format!("{rule}/{id}")]);
    }
    let escalation = issues(&wb)
        .into_iter()
        .find(|i| i.rule == "crisis.scenario-without-escalation")
        .unwrap();
    assert!(
        escalation.message.contains("no severity level"),
        "{}",
        escalation.message
    );

    // A level with no escalation line is named in the sentence.
    let mut wb = sound();
    wb.crisis.escalations.clear();
    let escalation = issues(&wb)
        .into_iter()
        .find(|i| i.rule == "crisis.scenario-without-escalation")
        .unwrap();
    assert!(
        escalation.message.contains("“Critical” level"),
        "{}",
        escalation.message
    );

    // A low-risk scenario missing the same things is not a readiness issue.
    let mut wb = sound();
    let mut low = scenario(2, 1, 2);
    low.owner.clear();
    low.statements.clear();
    wb.crisis.scenarios.push(low);
    assert!(issues(&wb).is_empty(), "{:#?}", issues(&wb));
}

#[test]
fn influential_stakeholders_must_be_interviewed() {
    let mut wb = sound();
    let mut eve = person("p2", "Eve Park", 5, 2);
    eve.interview_status = InterviewStatus::Scheduled;
    let mut max = person("p3", "Max Lee", 4, 2);
    max.interview_status = InterviewStatus::Declined;
    let low = person("p4", "Kim Ono", 3, 5);
    wb.stakeholders.stakeholders.extend([eve, max, low]);
    let found: Vec<(String, Severity)> = issues(&wb)
        .into_iter()
        .filter(|i| i.rule == "stakeholders.influential-not-interviewed")
        .map(|i| (i.record.id, i.severity))
        .collect();
    assert_eq!(
        found,
        vec![
            (id("p2").to_string(), Severity::Blocker),
            (id("p3").to_string(), Severity::Tip)
        ],
        "influence 5 not yet interviewed blocks; a declined one is a tip; influence 3 is not checked"
    );

    // An interview on record counts even when the status was not updated.
    let mut wb = sound();
    wb.stakeholders.stakeholders[0].interview_status = InterviewStatus::ToInvite;
    assert!(fired(&wb, "stakeholders.influential-not-interviewed").is_empty());
    wb.stakeholders.interviews.clear();
    assert_eq!(
        fired(&wb, "stakeholders.influential-not-interviewed").len(),
        1
    );
}

#[test]
fn findings_no_goal_uses_are_named_by_importance() {
    let mut wb = sound();
    let unused_high = Uuid::from_u128(50);
    let unused_low = Uuid::from_u128(51);
    wb.audit
        .findings
        .push(finding(unused_high, "No onboarding", Importance::High));
    wb.audit
        .findings
        .push(finding(unused_low, "Old logo", Importance::Low));
    let found: Vec<(String, Severity)> = issues(&wb)
        .into_iter()
        .filter(|i| i.rule == "audit.finding-unused")
        .map(|i| (i.record.id, i.severity))
        .collect();
    assert_eq!(
        found,
        vec![
            (unused_high.to_string(), Severity::Warning),
            (unused_low.to_string(), Severity::Tip)
        ]
    );
}

#[test]
fn a_sweet_spot_counts_as_addressed_through_its_quotes() {
    let mut wb = sound();
    let other = Uuid::from_u128(60);
    wb.stakeholders.themes.push(Theme {
        id: other,
        name: "Events".into(),
        side: ThemeSide::Both,
        description: String::new(),
    });
    wb.stakeholders.themes.push(Theme {
        id: Uuid::from_u128(61),
        name: "Pricing".into(),
        side: ThemeSide::Organisation,
        description: String::new(),
    });
    assert_eq!(
        fired(&wb, "stakeholders.sweet-spot-unaddressed"),
        vec![format!("stakeholders.sweet-spot-unaddressed/{other}")],
        "only the uncited sweet spot is named; a one-sided theme is not checked"
    );
    // The goal cites the quote, not the theme: the theme is still addressed.
    let mut wb = sound();
    wb.goals.goals[0].evidence = vec![EvidenceRef {
        kind: EvidenceKind::Quote,
        id: QUOTE,
    }];
    assert!(fired(&wb, "stakeholders.sweet-spot-unaddressed").is_empty());
    wb.goals.goals[0].evidence.clear();
    assert_eq!(fired(&wb, "stakeholders.sweet-spot-unaddressed").len(), 1);
}

#[test]
fn scores_are_the_weighted_share_of_passed_checks() {
    let mut wb = sound();
    // Goals: 1 objective tip (1) + goal: objective (3), evidence (2), KPI (3) + KPI: owner (3),
    // source (2) + not empty (3) = 17. Missing the source loses 2: 15/17 = 88%.
    wb.goals.kpis[0].data_source.clear();
    let r = review(&wb);
    let goals = r.steps.iter().find(|s| s.step == Step::Goals).unwrap();
    assert_eq!(goals.checks, 7);
    assert_eq!(goals.score, 88);
    assert_eq!((goals.blockers, goals.warnings, goals.tips), (0, 1, 0));
    let others: Vec<u8> = r
        .steps
        .iter()
        .filter(|s| s.step != Step::Goals)
        .map(|s| s.score)
        .collect();
    assert!(others.iter().all(|s| *s == 100), "{others:?}");
    assert_eq!(u32::from(r.overall), (88 + 4 * 100) / 5);

    let mut empty = sound();
    empty.crisis.scenarios.clear();
    let r = review(&empty);
    let crisis = r.steps.iter().find(|s| s.step == Step::Crisis).unwrap();
    assert_eq!(crisis.score, 0, "an empty step scores nothing");
    assert!(r.has_blockers());
}

#[test]
fn a_dismissed_issue_counts_as_passed_and_is_listed_with_its_reason() {
    let mut wb = sound();
    wb.goals.kpis[0].data_source.clear();
    let key = format!("goals.kpi-without-source/{KPI}");
    wb.dismissals.push(Dismissal {
        key: key.clone(),
        reason: "Measured by hand until the CRM lands".into(),
        dismissed_at: Utc::now(),
    });
    let r = review(&wb);
    assert!(r.issues.is_empty(), "{:#?}", r.issues);
    assert_eq!(r.dismissed.len(), 1);
    assert_eq!(r.dismissed[0].issue.key, key);
    assert_eq!(
        r.dismissed[0].reason,
        "Measured by hand until the CRM lands"
    );
    assert!(
        r.steps.iter().all(|s| s.score == 100),
        "dismissed counts as passed"
    );
    // A dismissal whose issue is fixed since is simply not shown.
    wb.goals.kpis[0].data_source = "CRM".into();
    assert!(review(&wb).dismissed.is_empty());
}

#[test]
fn issues_are_listed_by_step_then_severity() {
    let mut wb = sound();
    wb.crisis.scenarios[0].owner.clear();
    wb.goals.kpis[0].data_source.clear();
    wb.goals.kpis[0].owner.name.clear();
    wb.audit
        .findings
        .push(finding(Uuid::from_u128(70), "Old logo", Importance::Low));
    let order: Vec<&str> = issues(&wb)
        .iter()
        .map(|i| i.rule.as_str())
        .map(|r| match r {
            "audit.finding-unused" => "audit",
            "goals.kpi-without-owner" => "goals blocker",
            "goals.kpi-without-source" => "goals warning",
            _ => "crisis",
        })
        .collect();
    assert_eq!(
        order,
        vec!["audit", "goals blocker", "goals warning", "crisis"]
    );
}

#[test]
fn a_reason_is_required_and_one_line() {
    assert_eq!(
        validated_reason("  Agreed with Dana  ").unwrap(),
        "Agreed with Dana"
    );
    let err = validated_reason("   ").unwrap_err();
    assert_eq!(err.field.as_deref(), Some("reason"));
    assert!(err.message.contains("Say why"), "{}", err.message);
    assert!(validated_reason("a\nb").is_err());
    assert!(validated_reason(&"x".repeat(1_001)).is_err());
    assert!(validated_reason("<b>Ünïcode 社区</b> 🎉").is_ok());
}

#[test]
fn an_initiative_needs_a_goal_an_owner_and_dates() {
    let mut wb = sound();
    let orphan = Uuid::from_u128(100);
    let mut i = initiative(orphan, "Swag store", vec![Uuid::from_u128(999)]);
    i.owner.name.clear();
    i.schedule = crate::roadmap::Schedule::Later;
    i.start = None;
    i.end = None;
    wb.roadmap.initiatives.push(i);
    let found: Vec<(String, Severity)> = issues(&wb)
        .into_iter()
        .filter(|i| i.record.kind == RecordKind::Initiative)
        .map(|i| (i.rule, i.severity))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "roadmap.initiative-without-goal".to_owned(),
                Severity::Blocker
            ),
            (
                "roadmap.initiative-without-owner".to_owned(),
                Severity::Warning
            ),
            (
                "roadmap.initiative-without-dates".to_owned(),
                Severity::Warning
            ),
        ],
        "a goal that no longer exists counts as no goal"
    );
    // A parked initiative is out of the plan.
    wb.roadmap.initiatives[1].status = crate::roadmap::InitiativeStatus::Parked;
    assert!(issues(&wb).is_empty(), "{:#?}", issues(&wb));
}

#[test]
fn a_goal_no_initiative_serves_is_a_roadmap_issue_that_opens_the_goal() {
    let mut wb = sound();
    wb.goals.goals.push(goal(
        Uuid::from_u128(110),
        "Grow events",
        vec![EvidenceRef {
            kind: EvidenceKind::Finding,
            id: FINDING,
        }],
    ));
    wb.goals.kpis.push(kpi(
        Uuid::from_u128(111),
        Uuid::from_u128(110),
        "Events a month",
    ));
    let found: Vec<Issue> = issues(&wb);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, "roadmap.goal-without-initiative");
    assert_eq!(found[0].step, Step::Roadmap);
    assert_eq!(
        found[0].record,
        RecordRef::new(Step::Goals, RecordKind::Goal, Uuid::from_u128(110))
    );
}
