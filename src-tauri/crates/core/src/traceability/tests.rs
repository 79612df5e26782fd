use uuid::Uuid;

use super::*;
use crate::readiness::fixture::*;

#[test]
fn a_finding_leads_to_the_goals_citing_it_and_their_kpis() {
    let wb = sound();
    let trace = evidence_trace(&wb, EvidenceKind::Finding, FINDING).unwrap();
    assert_eq!(trace.evidence.title, "Replies take three days");
    assert_eq!(
        trace.evidence.number, 1,
        "the first cited evidence is number 1"
    );
    assert_eq!(trace.chains.len(), 1);
    let chain = &trace.chains[0];
    assert_eq!(chain.goal.title, "Answer within a day");
    assert_eq!(chain.objective.as_ref().unwrap().title, "Cut support cost");
    assert_eq!(
        chain
            .kpis
            .iter()
            .map(|k| k.title.as_str())
            .collect::<Vec<_>>(),
        vec!["Median first reply"]
    );
    assert_eq!(trace.via_quote, vec![false]);
    assert_eq!(
        chain
            .initiatives
            .iter()
            .map(|i| i.title.as_str())
            .collect::<Vec<_>>(),
        vec!["Weekend answer rota"],
        "and on to the initiatives serving the goal"
    );
}

#[test]
fn an_initiative_walks_back_to_its_goals_and_their_evidence() {
    let wb = sound();
    let trace = initiative_trace(&wb, INITIATIVE).unwrap();
    assert_eq!(trace.initiative.title, "Weekend answer rota");
    assert_eq!(trace.chains.len(), 1);
    let evidence: Vec<&str> = trace.chains[0]
        .evidence
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(evidence, vec!["Replies take three days", "Faster answers"]);
    assert!(initiative_trace(&wb, Uuid::from_u128(404)).is_none());
}

#[test]
fn a_theme_leads_to_goals_citing_it_or_its_quotes() {
    let mut wb = sound();
    wb.goals.goals.push(goal(
        Uuid::from_u128(80),
        "Weekend cover",
        vec![EvidenceRef {
            kind: EvidenceKind::Quote,
            id: QUOTE,
        }],
    ));
    let trace = evidence_trace(&wb, EvidenceKind::Theme, THEME).unwrap();
    let titles: Vec<&str> = trace.chains.iter().map(|c| c.goal.title.as_str()).collect();
    assert_eq!(titles, vec!["Answer within a day", "Weekend cover"]);
    assert_eq!(trace.via_quote, vec![false, true]);
    let quote = evidence_trace(&wb, EvidenceKind::Quote, QUOTE).unwrap();
    assert_eq!(
        quote.chains.len(),
        1,
        "a quote leads only to goals citing it"
    );
    assert_eq!(quote.evidence.detail, "Dana Ruiz, 3\u{a0}Feb\u{a0}2026");
    assert!(evidence_trace(&wb, EvidenceKind::Finding, Uuid::from_u128(404)).is_none());
}

#[test]
fn a_goal_walks_back_to_its_evidence_with_numbers() {
    let mut wb = sound();
    let second = Uuid::from_u128(81);
    wb.audit.findings.push(finding(
        second,
        "No onboarding",
        crate::audit::findings::Importance::Medium,
    ));
    wb.goals.goals.push(goal(
        Uuid::from_u128(82),
        "Welcome newcomers",
        vec![
            EvidenceRef {
                kind: EvidenceKind::Finding,
                id: second,
            },
            EvidenceRef {
                kind: EvidenceKind::Finding,
                id: FINDING,
            },
        ],
    ));
    let chain = goal_chain(&wb, Uuid::from_u128(82)).unwrap();
    let cited: Vec<(String, u32)> = chain
        .evidence
        .iter()
        .map(|e| (e.title.clone(), e.number))
        .collect();
    assert_eq!(
        cited,
        vec![
            ("No onboarding".to_owned(), 3),
            ("Replies take three days".to_owned(), 1)
        ],
        "numbers follow the order goals first cite evidence"
    );
    assert!(chain.kpis.is_empty());
    assert!(goal_chain(&wb, Uuid::from_u128(404)).is_none());
}

#[test]
fn the_whole_map_lists_cited_and_uncited_evidence() {
    let mut wb = sound();
    wb.audit.findings.push(finding(
        Uuid::from_u128(90),
        "Old logo",
        crate::audit::findings::Importance::Low,
    ));
    // A citation of something deleted since is left out rather than shown blank.
    wb.goals.goals[0].evidence.push(EvidenceRef {
        kind: EvidenceKind::Finding,
        id: Uuid::from_u128(91),
    });
    let t = traceability(&wb);
    assert_eq!(t.chains.len(), 1);
    assert_eq!(t.chains[0].evidence.len(), 2);
    let cited: Vec<&str> = t.cited.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(cited, vec!["Replies take three days", "Faster answers"]);
    let uncited: Vec<&str> = t.uncited.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        uncited,
        vec!["Old logo", "Nobody answers on weekends."],
        "a quote whose theme is cited is still uncited itself"
    );
}
