//! Traceability: which evidence each goal rests on, how it is measured and what work serves
//! it, walked either way: from a finding, theme or quote forward to goals, KPIs and
//! initiatives; from a goal back to its evidence.
//!
//! Evidence is numbered in the order goals first cite it, so the documents can mark each
//! citation with a number and list the evidence once.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::goals::{EvidenceKind, EvidenceRef, Goal};
use crate::workbook::Workbook;

/// A piece of evidence, described for a reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct EvidenceItem {
    pub kind: EvidenceKind,
    pub id: String,
    /// The finding's title, the theme's name or the quote's words.
    pub title: String,
    /// Importance, whose interest, who said it and when.
    pub detail: String,
    /// Its number among the cited evidence (1 for the first cited); 0 when no goal cites it.
    pub number: u32,
}

/// A record named in a chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Link {
    pub id: String,
    pub title: String,
}

/// One goal with everything on either side of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct GoalChain {
    pub goal: Link,
    /// The objective it serves; `None` when that objective is gone.
    pub objective: Option<Link>,
    pub evidence: Vec<EvidenceItem>,
    pub kpis: Vec<Link>,
    pub initiatives: Vec<Link>,
}

/// What a piece of evidence leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct EvidenceTrace {
    pub evidence: EvidenceItem,
    /// The goals citing it, each with its KPIs and initiatives.
    pub chains: Vec<GoalChain>,
    /// For a theme: true for each chain whose goal cites one of the theme's quotes rather
    /// than the theme itself. Parallel to `chains`.
    pub via_quote: Vec<bool>,
}

/// What an initiative rests on: the goals it serves, each with its evidence and KPIs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct InitiativeTrace {
    pub initiative: Link,
    pub chains: Vec<GoalChain>,
}

/// Every chain of the workbook, and the evidence nothing cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Traceability {
    /// One per goal, in the goals' order.
    pub chains: Vec<GoalChain>,
    /// Every cited piece of evidence, by number.
    pub cited: Vec<EvidenceItem>,
    /// Findings, themes and quotes no goal cites.
    pub uncited: Vec<EvidenceItem>,
}

fn same(id: &Uuid, other: &str) -> bool {
    Uuid::parse_str(other).is_ok_and(|o| o == *id)
}

/// The goals citing a piece of evidence, each with whether it cites it directly. A goal citing
/// one of a theme's quotes counts for the theme too (`false`).
pub fn goals_citing<'a>(wb: &'a Workbook, kind: EvidenceKind, id: &str) -> Vec<(&'a Goal, bool)> {
    let quotes_of_theme: Vec<&str> = if kind == EvidenceKind::Theme {
        wb.stakeholders
            .interviews
            .iter()
            .flat_map(|i| &i.quotes)
            .filter(|q| q.theme_ids.iter().any(|t| t == id))
            .map(|q| q.id.as_str())
            .collect()
    } else {
        Vec::new()
    };
    wb.goals
        .goals
        .iter()
        .filter_map(|g| {
            if g.evidence.iter().any(|e| e.kind == kind && same(&e.id, id)) {
                Some((g, true))
            } else if g.evidence.iter().any(|e| {
                e.kind == EvidenceKind::Quote && quotes_of_theme.iter().any(|q| same(&e.id, q))
            }) {
                Some((g, false))
            } else {
                None
            }
        })
        .collect()
}

/// Cited evidence in citation order: the first goal's evidence first.
pub fn cited_order(wb: &Workbook) -> Vec<EvidenceRef> {
    let mut order: Vec<EvidenceRef> = Vec::new();
    for e in wb.goals.goals.iter().flat_map(|g| &g.evidence) {
        if !order.contains(e) && describe(wb, e.kind, &e.id.to_string()).is_some() {
            order.push(*e);
        }
    }
    order
}

/// The evidence's number among the cited evidence (1-based), if a goal cites it.
pub fn number_of(order: &[EvidenceRef], e: &EvidenceRef) -> u32 {
    order
        .iter()
        .position(|x| x == e)
        .map_or(0, |p| u32::try_from(p + 1).unwrap_or(u32::MAX))
}

/// Describes a finding, theme or quote; `None` when the workbook no longer holds it.
pub fn describe(wb: &Workbook, kind: EvidenceKind, id: &str) -> Option<EvidenceItem> {
    let (title, detail) = match kind {
        EvidenceKind::Finding => wb
            .audit
            .findings
            .iter()
            .find(|f| f.id.to_string() == id)
            .map(|f| {
                (
                    f.title.clone(),
                    format!("{} importance", f.importance.label()),
                )
            })?,
        EvidenceKind::Theme => wb
            .stakeholders
            .themes
            .iter()
            .find(|t| t.id == id)
            .map(|t| (t.name.clone(), t.side.label().to_owned()))?,
        EvidenceKind::Quote => {
            let s = &wb.stakeholders;
            s.interviews.iter().find_map(|i| {
                let q = i.quotes.iter().find(|q| q.id == id)?;
                Some((
                    q.text.trim().to_owned(),
                    format!(
                        "{}, {}",
                        s.name_of(&i.stakeholder_id),
                        i.date.format("%-d %b %Y")
                    ),
                ))
            })?
        }
    };
    Some(EvidenceItem {
        kind,
        id: id.to_owned(),
        title,
        detail,
        number: 0,
    })
}

fn item(wb: &Workbook, order: &[EvidenceRef], e: &EvidenceRef) -> Option<EvidenceItem> {
    describe(wb, e.kind, &e.id.to_string()).map(|mut item| {
        item.number = number_of(order, e);
        item
    })
}

fn chain(wb: &Workbook, order: &[EvidenceRef], goal: &Goal) -> GoalChain {
    let g = &wb.goals;
    GoalChain {
        goal: Link {
            id: goal.id.to_string(),
            title: goal.title.clone(),
        },
        objective: g
            .objectives
            .iter()
            .find(|o| o.id == goal.objective_id)
            .map(|o| Link {
                id: o.id.to_string(),
                title: o.title.clone(),
            }),
        evidence: goal
            .evidence
            .iter()
            .filter_map(|e| item(wb, order, e))
            .collect(),
        kpis: g
            .kpis_of(goal.id)
            .map(|k| Link {
                id: k.id.to_string(),
                title: k.name.clone(),
            })
            .collect(),
        initiatives: initiatives_serving(wb, goal.id),
    }
}

/// The initiatives serving a goal, in the roadmap's order.
fn initiatives_serving(wb: &Workbook, goal: Uuid) -> Vec<Link> {
    wb.roadmap
        .initiatives
        .iter()
        .filter(|i| i.goal_ids.contains(&goal))
        .map(|i| Link {
            id: i.id.to_string(),
            title: i.title.clone(),
        })
        .collect()
}

/// From an initiative back to the goals it serves and their evidence.
pub fn initiative_trace(wb: &Workbook, initiative_id: &str) -> Option<InitiativeTrace> {
    let order = cited_order(wb);
    let i = wb
        .roadmap
        .initiatives
        .iter()
        .find(|i| i.id.to_string() == initiative_id)?;
    Some(InitiativeTrace {
        initiative: Link {
            id: i.id.to_string(),
            title: i.title.clone(),
        },
        chains: wb
            .goals
            .goals
            .iter()
            .filter(|g| i.goal_ids.contains(&g.id))
            .map(|g| chain(wb, &order, g))
            .collect(),
    })
}

/// The chain of one goal: its objective, evidence, KPIs and initiatives.
pub fn goal_chain(wb: &Workbook, goal_id: &str) -> Option<GoalChain> {
    let order = cited_order(wb);
    wb.goals
        .goals
        .iter()
        .find(|g| g.id.to_string() == goal_id)
        .map(|g| chain(wb, &order, g))
}

/// From a finding, theme or quote to the goals citing it and onward.
pub fn evidence_trace(wb: &Workbook, kind: EvidenceKind, id: &str) -> Option<EvidenceTrace> {
    let order = cited_order(wb);
    let mut evidence = describe(wb, kind, id)?;
    if let Ok(uuid) = Uuid::parse_str(id) {
        evidence.number = number_of(&order, &EvidenceRef { kind, id: uuid });
    }
    let citing = goals_citing(wb, kind, id);
    Some(EvidenceTrace {
        evidence,
        via_quote: citing.iter().map(|(_, direct)| !direct).collect(),
        chains: citing.iter().map(|(g, _)| chain(wb, &order, g)).collect(),
    })
}

/// Every goal's chain, the numbered list of cited evidence and what nothing cites.
pub fn traceability(wb: &Workbook) -> Traceability {
    let order = cited_order(wb);
    let cited = order.iter().filter_map(|e| item(wb, &order, e)).collect();
    let mut uncited = Vec::new();
    let s = &wb.stakeholders;
    let all = wb
        .audit
        .findings
        .iter()
        .map(|f| (EvidenceKind::Finding, f.id.to_string()))
        .chain(s.themes.iter().map(|t| (EvidenceKind::Theme, t.id.clone())))
        .chain(
            s.interviews
                .iter()
                .flat_map(|i| &i.quotes)
                .map(|q| (EvidenceKind::Quote, q.id.clone())),
        );
    for (kind, id) in all {
        if goals_citing(wb, kind, &id).is_empty() {
            uncited.extend(describe(wb, kind, &id));
        }
    }
    Traceability {
        chains: wb
            .goals
            .goals
            .iter()
            .map(|g| chain(wb, &order, g))
            .collect(),
        cited,
        uncited,
    }
}

#[cfg(test)]
#[path = "traceability_tests.rs"]
mod tests;
