//! Traceability: which evidence each goal rests on, how it is measured and what work serves
//! it, walked either way: from a finding, theme or quote forward to goals, KPIs and
//! initiatives; from a goal back to its evidence.
//!
//! Evidence is numbered in the order goals first cite it, so the documents can mark each
//! citation with a number and list the evidence once.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::audit::findings::Finding;
use crate::goals::{EvidenceKind, EvidenceRef, Goal};
use crate::stakeholders::interviews::{Interview, Quote};
use crate::stakeholders::themes::Theme;
use crate::workbook::Workbook;

/// A piece of evidence, described for a reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct EvidenceItem {
    pub kind: EvidenceKind,
    pub id: Uuid,
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
    pub id: Uuid,
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

/// The goals citing a piece of evidence, each with whether it cites it directly. A goal citing
/// one of a theme's quotes counts for the theme too (`false`).
pub fn goals_citing(wb: &Workbook, kind: EvidenceKind, id: Uuid) -> Vec<(&Goal, bool)> {
    let quotes_of_theme: Vec<Uuid> = if kind == EvidenceKind::Theme {
        wb.stakeholders
            .interviews
            .iter()
            .flat_map(|i| &i.quotes)
            .filter(|q| q.theme_ids.contains(&id))
            .map(|q| q.id)
            .collect()
    } else {
        Vec::new()
    };
    wb.goals
        .goals
        .iter()
        .filter_map(|g| {
            if g.evidence.iter().any(|e| e.kind == kind && e.id == id) {
                Some((g, true))
            } else if g
                .evidence
                .iter()
                .any(|e| e.kind == EvidenceKind::Quote && quotes_of_theme.contains(&e.id))
            {
                Some((g, false))
            } else {
                None
            }
        })
        .collect()
}

/// Cited evidence in citation order: the first goal's evidence first.
pub fn cited_order(wb: &Workbook) -> Vec<EvidenceRef> {
    ordered(wb, &Lookup::new(wb))
}

fn ordered(wb: &Workbook, lookup: &Lookup<'_>) -> Vec<EvidenceRef> {
    let mut seen: HashSet<EvidenceRef> = HashSet::new();
    let mut order: Vec<EvidenceRef> = Vec::new();
    for e in wb.goals.goals.iter().flat_map(|g| &g.evidence) {
        if lookup.sources.contains_key(&(e.kind, e.id)) && seen.insert(*e) {
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
pub fn describe(wb: &Workbook, kind: EvidenceKind, id: Uuid) -> Option<EvidenceItem> {
    let source = match kind {
        EvidenceKind::Finding => Source::Finding(wb.audit.findings.iter().find(|f| f.id == id)?),
        EvidenceKind::Theme => Source::Theme(wb.stakeholders.themes.iter().find(|t| t.id == id)?),
        EvidenceKind::Quote => wb.stakeholders.interviews.iter().find_map(|i| {
            let q = i.quotes.iter().find(|q| q.id == id)?;
            Some(Source::Quote(i, q))
        })?,
    };
    Some(source.describe(&|s| wb.stakeholders.name_of(s)))
}

/// A finding, theme or quote as the workbook holds it.
#[derive(Clone, Copy)]
enum Source<'a> {
    Finding(&'a Finding),
    Theme(&'a Theme),
    Quote(&'a Interview, &'a Quote),
}

impl Source<'_> {
    fn describe(self, name_of: &dyn Fn(Uuid) -> String) -> EvidenceItem {
        let (kind, id, title, detail) = match self {
            Source::Finding(f) => (
                EvidenceKind::Finding,
                f.id,
                f.title.clone(),
                format!("{} importance", f.importance.label()),
            ),
            Source::Theme(t) => (
                EvidenceKind::Theme,
                t.id,
                t.name.clone(),
                t.side.label().to_owned(),
            ),
            Source::Quote(i, q) => (
                EvidenceKind::Quote,
                q.id,
                q.text.trim().to_owned(),
                crate::text::said_by(&name_of(i.stakeholder_id), i.date),
            ),
        };
        EvidenceItem {
            kind,
            id,
            title,
            detail,
            number: 0,
        }
    }
}

/// Every finding, theme and quote by kind and id, and who is who, looked up once: the whole
/// map walks all the evidence, and a large workbook holds tens of thousands of quotes.
struct Lookup<'a> {
    sources: HashMap<(EvidenceKind, Uuid), Source<'a>>,
    names: HashMap<Uuid, &'a str>,
}

impl<'a> Lookup<'a> {
    fn new(wb: &'a Workbook) -> Self {
        let s = &wb.stakeholders;
        let mut sources = HashMap::new();
        for f in &wb.audit.findings {
            sources.insert((EvidenceKind::Finding, f.id), Source::Finding(f));
        }
        for t in &s.themes {
            sources.insert((EvidenceKind::Theme, t.id), Source::Theme(t));
        }
        for i in &s.interviews {
            for q in &i.quotes {
                sources.insert((EvidenceKind::Quote, q.id), Source::Quote(i, q));
            }
        }
        Self {
            sources,
            names: s
                .stakeholders
                .iter()
                .map(|p| (p.id, p.name.as_str()))
                .collect(),
        }
    }

    fn describe(&self, source: Source<'_>) -> EvidenceItem {
        source.describe(&|id| {
            self.names
                .get(&id)
                .map_or_else(|| "Unknown stakeholder".to_owned(), |n| (*n).to_owned())
        })
    }

    fn item(&self, order: &[EvidenceRef], e: &EvidenceRef) -> Option<EvidenceItem> {
        let mut item = self.describe(*self.sources.get(&(e.kind, e.id))?);
        item.number = number_of(order, e);
        Some(item)
    }
}

fn item(wb: &Workbook, order: &[EvidenceRef], e: &EvidenceRef) -> Option<EvidenceItem> {
    describe(wb, e.kind, e.id).map(|mut item| {
        item.number = number_of(order, e);
        item
    })
}

fn chain(wb: &Workbook, order: &[EvidenceRef], goal: &Goal) -> GoalChain {
    chain_with(wb, order, goal, &|order, e| item(wb, order, e))
}

/// A goal's chain, its evidence described by `item`.
fn chain_with(
    wb: &Workbook,
    order: &[EvidenceRef],
    goal: &Goal,
    item: &dyn Fn(&[EvidenceRef], &EvidenceRef) -> Option<EvidenceItem>,
) -> GoalChain {
    let g = &wb.goals;
    GoalChain {
        goal: Link {
            id: goal.id,
            title: goal.title.clone(),
        },
        objective: g
            .objectives
            .iter()
            .find(|o| o.id == goal.objective_id)
            .map(|o| Link {
                id: o.id,
                title: o.title.clone(),
            }),
        evidence: goal
            .evidence
            .iter()
            .filter_map(|e| item(order, e))
            .collect(),
        kpis: g
            .kpis_of(goal.id)
            .map(|k| Link {
                id: k.id,
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
            id: i.id,
            title: i.title.clone(),
        })
        .collect()
}

/// From an initiative back to the goals it serves and their evidence.
pub fn initiative_trace(wb: &Workbook, initiative_id: Uuid) -> Option<InitiativeTrace> {
    let order = cited_order(wb);
    let i = wb
        .roadmap
        .initiatives
        .iter()
        .find(|i| i.id == initiative_id)?;
    Some(InitiativeTrace {
        initiative: Link {
            id: i.id,
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
pub fn goal_chain(wb: &Workbook, goal_id: Uuid) -> Option<GoalChain> {
    let order = cited_order(wb);
    wb.goals
        .goals
        .iter()
        .find(|g| g.id == goal_id)
        .map(|g| chain(wb, &order, g))
}

/// From a finding, theme or quote to the goals citing it and onward.
pub fn evidence_trace(wb: &Workbook, kind: EvidenceKind, id: Uuid) -> Option<EvidenceTrace> {
    let order = cited_order(wb);
    let mut evidence = describe(wb, kind, id)?;
    evidence.number = number_of(&order, &EvidenceRef { kind, id });
    let citing = goals_citing(wb, kind, id);
    Some(EvidenceTrace {
        evidence,
        via_quote: citing.iter().map(|(_, direct)| !direct).collect(),
        chains: citing.iter().map(|(g, _)| chain(wb, &order, g)).collect(),
    })
}

/// Every goal's chain, the numbered list of cited evidence and what nothing cites.
pub fn traceability(wb: &Workbook) -> Traceability {
    let lookup = Lookup::new(wb);
    let order = ordered(wb, &lookup);
    let cited = order
        .iter()
        .filter_map(|e| lookup.item(&order, e))
        .collect();
    // What goals cite, and the themes a cited quote carries (they count as cited, as in
    // `goals_citing`).
    let citations: HashSet<(EvidenceKind, Uuid)> = wb
        .goals
        .goals
        .iter()
        .flat_map(|g| &g.evidence)
        .map(|e| (e.kind, e.id))
        .collect();
    let is_cited = |kind: EvidenceKind, id: Uuid| citations.contains(&(kind, id));
    let s = &wb.stakeholders;
    let themes_of_cited_quotes: HashSet<Uuid> = s
        .interviews
        .iter()
        .flat_map(|i| &i.quotes)
        .filter(|q| is_cited(EvidenceKind::Quote, q.id))
        .flat_map(|q| q.theme_ids.iter().copied())
        .collect();
    let mut uncited = Vec::new();
    for f in &wb.audit.findings {
        if !citations.contains(&(EvidenceKind::Finding, f.id)) {
            uncited.push(lookup.describe(Source::Finding(f)));
        }
    }
    for t in &s.themes {
        if !is_cited(EvidenceKind::Theme, t.id) && !themes_of_cited_quotes.contains(&t.id) {
            uncited.push(lookup.describe(Source::Theme(t)));
        }
    }
    for i in &s.interviews {
        for q in &i.quotes {
            if !is_cited(EvidenceKind::Quote, q.id) {
                uncited.push(lookup.describe(Source::Quote(i, q)));
            }
        }
    }
    let item = |order: &[EvidenceRef], e: &EvidenceRef| lookup.item(order, e);
    Traceability {
        chains: wb
            .goals
            .goals
            .iter()
            .map(|g| chain_with(wb, &order, g, &item))
            .collect(),
        cited,
        uncited,
    }
}

#[cfg(test)]
mod tests;
