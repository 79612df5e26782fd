//! The rules of a sound strategy, one function per step. Each rule makes one check per record
//! it applies to, so a step's score is the share of those checks that pass.

use super::{Checks, RecordKind, RecordRef, Severity};
use crate::audit::findings::Importance;
use crate::crisis::RiskBand;
use crate::goals::EvidenceKind;
use crate::roadmap::InitiativeStatus;
use crate::stakeholders::themes::ThemeSide;
use crate::stakeholders::InterviewStatus;
use crate::traceability::goals_citing;
use crate::workbook::{Step, Workbook};

use Severity::{Blocker, Tip, Warning};

/// Every step's checks, in the steps' order.
pub(super) fn by_step(workbook: &Workbook) -> Vec<(Step, Checks)> {
    Step::ALL
        .into_iter()
        .map(|step| {
            let mut checks = Checks::default();
            match step {
                Step::Audit => audit(workbook, &mut checks),
                Step::Stakeholders => stakeholders(workbook, &mut checks),
                Step::Goals => goals(workbook, &mut checks),
                Step::Crisis => crisis(workbook, &mut checks),
                Step::Roadmap => roadmap(workbook, &mut checks),
            }
            (step, checks)
        })
        .collect()
}

/// The check every step starts with: has anything been recorded at all?
fn not_empty(checks: &mut Checks, step: Step, empty: bool, why: &str) {
    checks.check(
        !empty,
        &format!("{}.empty", step.slug()),
        Blocker,
        RecordRef::step(step),
        step.title(),
        || {
            format!(
                "Nothing is recorded in the {} step yet. {why}",
                step.title().to_lowercase()
            )
        },
    );
}

fn audit(wb: &Workbook, checks: &mut Checks) {
    let a = &wb.audit;
    not_empty(
        checks,
        Step::Audit,
        a.channels.is_empty() && a.findings.is_empty() && a.snapshots.is_empty() && a.maturity.is_empty(),
        "Without an audit the goals rest on assumptions: record where the community lives and what you found.",
    );
    for f in &a.findings {
        let used = !goals_citing(wb, EvidenceKind::Finding, f.id).is_empty();
        let high = f.importance == Importance::High;
        checks.check(
            used,
            "audit.finding-unused",
            if high { Warning } else { Tip },
            RecordRef::new(Step::Audit, RecordKind::Finding, f.id),
            &f.title,
            || {
                if high {
                    format!("The high-importance finding “{}” is cited by no goal. An executive will ask what the strategy does about it: cite it from a goal, or say why it is out of scope.", f.title)
                } else {
                    format!("The finding “{}” is cited by no goal. Cite it where it supports a goal, or leave it as background.", f.title)
                }
            },
        );
    }
}

fn stakeholders(wb: &Workbook, checks: &mut Checks) {
    let s = &wb.stakeholders;
    not_empty(
        checks,
        Step::Stakeholders,
        s.stakeholders.is_empty(),
        "A strategy nobody was consulted on rarely wins buy-in: list who has a stake and interview them.",
    );
    for p in s.stakeholders.iter().filter(|p| p.influence >= 4) {
        let interviewed = p.interview_status == InterviewStatus::Interviewed
            || s.interviews.iter().any(|i| i.stakeholder_id == p.id);
        let declined = p.interview_status == InterviewStatus::Declined;
        let severity = match (declined, p.influence) {
            (true, _) => Tip,
            (false, 5) => Blocker,
            _ => Warning,
        };
        checks.check(
            interviewed,
            "stakeholders.influential-not-interviewed",
            severity,
            RecordRef::new(Step::Stakeholders, RecordKind::Stakeholder, p.id),
            &p.name,
            || {
                if declined {
                    format!("{} (influence {} of 5) declined an interview. Note what you know of their view, or ask someone close to them, so the strategy does not surprise them.", p.name, p.influence)
                } else {
                    format!("{} has influence {} of 5 but has not been interviewed. People who can fund or block the community should be heard before the strategy is presented.", p.name, p.influence)
                }
            },
        );
    }
    for t in s.themes.iter().filter(|t| t.side == ThemeSide::Both) {
        checks.check(
            !goals_citing(wb, EvidenceKind::Theme, t.id).is_empty(),
            "stakeholders.sweet-spot-unaddressed",
            Warning,
            RecordRef::new(Step::Stakeholders, RecordKind::Theme, t.id),
            &t.name,
            || format!("“{}” matters to both the organisation and the members, yet no goal cites it or its quotes. Sweet spots are where a community goal wins support most easily.", t.name),
        );
    }
}

fn goals(wb: &Workbook, checks: &mut Checks) {
    let g = &wb.goals;
    not_empty(
        checks,
        Step::Goals,
        g.goals.is_empty(),
        "Without goals there is nothing to measure or plan towards: add a business objective and the community goals that serve it.",
    );
    for o in &g.objectives {
        checks.check(
            g.goals_of(o.id).next().is_some(),
            "goals.objective-without-goal",
            Tip,
            RecordRef::new(Step::Goals, RecordKind::Objective, o.id),
            &o.title,
            || format!("No community goal serves the objective “{}”. Add one, or remove the objective if the community is not meant to serve it.", o.title),
        );
    }
    for goal in &g.goals {
        let record = RecordRef::new(Step::Goals, RecordKind::Goal, goal.id);
        checks.check(
            g.objectives.iter().any(|o| o.id == goal.objective_id),
            "goals.goal-without-objective",
            Blocker,
            record.clone(),
            &goal.title,
            || format!("The goal “{}” serves no business objective. An executive funds goals that move the business: choose the objective it serves.", goal.title),
        );
        checks.check(
            !goal.evidence.is_empty(),
            "goals.goal-without-evidence",
            Warning,
            record.clone(),
            &goal.title,
            || format!("The goal “{}” cites no evidence. Cite the audit findings, themes or quotes it rests on so it reads as a conclusion, not a wish.", goal.title),
        );
        checks.check(
            g.kpis_of(goal.id).next().is_some(),
            "goals.goal-without-kpi",
            Blocker,
            record,
            &goal.title,
            || format!("The goal “{}” has no KPI, so nobody can tell whether it is met. Add at least one KPI with a baseline and a target.", goal.title),
        );
    }
    for k in &g.kpis {
        let record = RecordRef::new(Step::Goals, RecordKind::Kpi, k.id);
        checks.check(
            !k.owner.name.trim().is_empty(),
            "goals.kpi-without-owner",
            Blocker,
            record.clone(),
            &k.name,
            || format!("The KPI “{}” has no owner. A number nobody reports is not tracked: name who reports it.", k.name),
        );
        checks.check(
            !k.data_source.trim().is_empty(),
            "goals.kpi-without-source",
            Warning,
            record,
            &k.name,
            || format!("The KPI “{}” has no data source. Say where the number comes from (platform analytics, CRM, tracking links…) so it can be measured the same way each time.", k.name),
        );
    }
}

fn crisis(wb: &Workbook, checks: &mut Checks) {
    let c = &wb.crisis;
    not_empty(
        checks,
        Step::Crisis,
        c.scenarios.is_empty(),
        "A crisis plan is written before it is needed: add the scenarios that could hurt the community most.",
    );
    for s in c.scenarios.iter().filter(|s| s.risk.band >= RiskBand::High) {
        let record = RecordRef::new(Step::Crisis, RecordKind::Scenario, s.id);
        let band = s.risk.band.label().to_lowercase();
        checks.check(
            !s.owner.trim().is_empty(),
            "crisis.scenario-without-owner",
            Blocker,
            record.clone(),
            &s.title,
            || format!("The {band}-risk scenario “{}” has no owner. When it happens, minutes are lost deciding who leads: name the owner.", s.title),
        );
        checks.check(
            s.statements.iter().any(|st| !st.body.trim().is_empty()),
            "crisis.scenario-without-statement",
            Blocker,
            record.clone(),
            &s.title,
            || format!("The {band}-risk scenario “{}” has no holding statement. Write and approve one now, so the first public answer does not wait for sign-off.", s.title),
        );
        let level = s.severity_id.and_then(|id| c.level(id));
        let escalates = level.is_some_and(|l| !c.escalations_for(l.id).is_empty());
        checks.check(
            escalates,
            "crisis.scenario-without-escalation",
            Blocker,
            record,
            &s.title,
            || match level {
                None => format!("The {band}-risk scenario “{}” has no severity level, so nobody knows whom to alert or how fast. Choose its level and set the escalation path.", s.title),
                Some(l) => format!("The {band}-risk scenario “{}” is at the “{}” level, which has no escalation path. Say who is told, within how long, and who approves a public response.", s.title, l.name),
            },
        );
    }
}

fn roadmap(wb: &Workbook, checks: &mut Checks) {
    let r = &wb.roadmap;
    not_empty(
        checks,
        Step::Roadmap,
        r.initiatives.is_empty(),
        "Without initiatives the goals have no dates or owners: plan the work that serves each goal.",
    );
    // Parked initiatives are out of the plan, so they need nothing.
    for i in r
        .initiatives
        .iter()
        .filter(|i| i.status != InitiativeStatus::Parked)
    {
        let record = RecordRef::new(Step::Roadmap, RecordKind::Initiative, i.id);
        checks.check(
            i.goal_ids.iter().any(|g| wb.goals.goals.iter().any(|goal| goal.id == *g)),
            "roadmap.initiative-without-goal",
            Blocker,
            record.clone(),
            &i.title,
            || format!("The initiative “{}” serves no goal. Work that serves no goal is hard to defend in a budget review: link the goals it moves, or park it.", i.title),
        );
        checks.check(
            !i.owner.name.trim().is_empty(),
            "roadmap.initiative-without-owner",
            Warning,
            record.clone(),
            &i.title,
            || format!("The initiative “{}” has no owner. Name who delivers it, so progress has someone to report it.", i.title),
        );
        checks.check(
            i.dates().is_some(),
            "roadmap.initiative-without-dates",
            Warning,
            record,
            &i.title,
            || format!("The initiative “{}” has no start and end dates: it is kept for {}. An executive reads the timeline for when things happen: date it once it is committed.", i.title, i.schedule.slug()),
        );
    }
    if r.initiatives.is_empty() {
        return;
    }
    for goal in &wb.goals.goals {
        let served = r
            .initiatives
            .iter()
            .any(|i| i.status != InitiativeStatus::Parked && i.goal_ids.contains(&goal.id));
        checks.check_in(
            Step::Roadmap,
            served,
            "roadmap.goal-without-initiative",
            Warning,
            RecordRef::new(Step::Goals, RecordKind::Goal, goal.id),
            &goal.title,
            || format!("No initiative on the roadmap serves the goal “{}”. Plan the work that will move it, or say why it needs none.", goal.title),
        );
    }
}
