//! What keeps a roadmap sound: no initiative waits for itself through a circle of
//! dependencies, dates sit inside their phase, nothing starts before what it waits for has
//! ended, every initiative serves a goal and has an owner; and the budget added up per phase,
//! goal and owner.

use std::collections::{HashMap, VecDeque};

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::money::{sum_by_currency, totals_text, Money};
use super::{DependencyNode, Initiative, InitiativeStatus, Roadmap};
use crate::text::date;

/// The circle `id` would close if it depended on `depends_on`: the ids from `id` round to
/// `id` again (each waits for the next), shortest first; None when there is none.
pub fn cycle_through(
    id: Uuid,
    depends_on: &[Uuid],
    initiatives: &[DependencyNode],
) -> Option<Vec<Uuid>> {
    let edges: HashMap<Uuid, &[Uuid]> = initiatives
        .iter()
        .map(|i| (i.id, i.depends_on.as_slice()))
        .collect();
    // Breadth first from the new dependencies, so the circle named is the shortest one.
    let mut came_from: HashMap<Uuid, Uuid> = HashMap::new();
    let mut queue: VecDeque<Uuid> = VecDeque::new();
    for d in depends_on {
        if !came_from.contains_key(d) {
            came_from.insert(*d, id);
            queue.push_back(*d);
        }
    }
    while let Some(node) = queue.pop_front() {
        if node == id {
            let mut path = vec![id];
            let mut at = came_from.get(&id).copied();
            while let Some(step) = at {
                if step == id {
                    break;
                }
                path.push(step);
                at = came_from.get(&step).copied();
            }
            path.push(id);
            // Walked backwards: each waits for the one before it.
            path.reverse();
            return Some(path);
        }
        for next in edges.get(&node).copied().unwrap_or(&[]) {
            if !came_from.contains_key(next) {
                came_from.insert(*next, node);
                queue.push_back(*next);
            }
        }
    }
    None
}

/// Why an initiative is flagged. Flags are warnings: the roadmap is saved as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FlagKind {
    /// Its dates run outside its phase's dates.
    OutsidePhase,
    /// It starts before an initiative it depends on ends, or that one is not dated yet.
    BeforeDependency,
    /// It serves no goal.
    NoGoal,
    /// Nobody owns it.
    NoOwner,
}

impl FlagKind {
    pub fn label(self) -> &'static str {
        match self {
            FlagKind::OutsidePhase => "Outside its phase",
            FlagKind::BeforeDependency => "Starts before a dependency ends",
            FlagKind::NoGoal => "Serves no goal",
            FlagKind::NoOwner => "No owner",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Flag {
    pub initiative_id: Uuid,
    pub kind: FlagKind,
    /// A sentence naming the initiative and what to look at.
    pub message: String,
}

/// Every flag on the roadmap, initiative by initiative in the roadmap's order.
pub fn flags(roadmap: &Roadmap) -> Vec<Flag> {
    let mut out = Vec::new();
    for i in &roadmap.initiatives {
        let flag = |kind, message: String| Flag {
            initiative_id: i.id,
            kind,
            message,
        };
        if let (Some((start, end)), Some(phase)) =
            (i.dates(), i.phase_id.and_then(|p| roadmap.phase(p)))
        {
            if start < phase.start || end > phase.end {
                out.push(flag(
                    FlagKind::OutsidePhase,
                    format!(
                        "“{}” runs {} – {}, outside its phase “{}” ({} – {}). Move its dates or its phase.",
                        i.title,
                        date(start),
                        date(end),
                        phase.name,
                        date(phase.start),
                        date(phase.end)
                    ),
                ));
            }
        }
        for dep in i.depends_on.iter().filter_map(|d| roadmap.initiative(*d)) {
            match (i.dates(), dep.dates()) {
                (Some((start, _)), Some((_, dep_end))) if start < dep_end => out.push(flag(
                    FlagKind::BeforeDependency,
                    format!(
                        "“{}” starts on {}, before “{}”, which it depends on, ends on {}.",
                        i.title,
                        date(start),
                        dep.title,
                        date(dep_end)
                    ),
                )),
                (Some((start, _)), None) => out.push(flag(
                    FlagKind::BeforeDependency,
                    format!(
                        "“{}” starts on {}, but “{}”, which it depends on, is not dated yet.",
                        i.title,
                        date(start),
                        dep.title
                    ),
                )),
                _ => {}
            }
        }
        if i.goal_ids.is_empty() {
            out.push(flag(
                FlagKind::NoGoal,
                format!(
                    "“{}” serves no goal. Choose the goals it carries out.",
                    i.title
                ),
            ));
        }
        if i.owner.name.trim().is_empty() {
            out.push(flag(
                FlagKind::NoOwner,
                format!(
                    "“{}” has no owner. Name who is accountable for it.",
                    i.title
                ),
            ));
        }
    }
    out
}

/// The budget of a group of initiatives, per currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct BudgetTotal {
    /// The phase's or goal's id; None for "no phase", "no goal" and for owners.
    pub id: Option<Uuid>,
    pub label: String,
    /// One amount per currency, in currency order; empty when nothing is budgeted.
    pub amounts: Vec<Money>,
    /// The amounts as the screens show them: "EUR 12,500 + JPY 3,000", or "No budget".
    pub text: String,
    /// How many initiatives count toward it.
    #[ts(type = "number")]
    pub initiatives: u64,
}

/// The budget added up three ways. Parked initiatives are left out: they are not being done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct BudgetTotals {
    pub overall: Vec<Money>,
    /// The overall total as the screens show it: "EUR 12,500 + JPY 3,000", or "No budget".
    pub overall_text: String,
    /// Every phase in order, then "No phase" when initiatives have none.
    pub by_phase: Vec<BudgetTotal>,
    /// Every goal in order, then "No goal". An initiative serving several goals counts in full
    /// toward each, so these do not add up to the overall total.
    pub by_goal: Vec<BudgetTotal>,
    /// Owners by name, then "No owner".
    pub by_owner: Vec<BudgetTotal>,
}

fn total(id: Option<Uuid>, label: String, members: &[&Initiative]) -> BudgetTotal {
    let amounts = sum_by_currency(members.iter().filter_map(|i| i.budget.as_ref()));
    BudgetTotal {
        id,
        label,
        text: totals_text(&amounts),
        amounts,
        initiatives: members.len() as u64,
    }
}

/// Totals per phase, goal (given as id and title, in the order to show) and owner.
pub fn budget_totals(roadmap: &Roadmap, goals: &[(Uuid, String)]) -> BudgetTotals {
    let counted: Vec<&Initiative> = roadmap
        .initiatives
        .iter()
        .filter(|i| i.status != InitiativeStatus::Parked)
        .collect();
    let pick = |f: &dyn Fn(&Initiative) -> bool| -> Vec<&Initiative> {
        counted.iter().copied().filter(|i| f(i)).collect()
    };
    let mut by_phase: Vec<BudgetTotal> = roadmap
        .phases
        .iter()
        .map(|p| {
            total(
                Some(p.id),
                p.name.clone(),
                &pick(&|i| i.phase_id == Some(p.id)),
            )
        })
        .collect();
    let unphased = pick(&|i| i.phase_id.is_none());
    if !unphased.is_empty() {
        by_phase.push(total(None, "No phase".into(), &unphased));
    }
    let mut by_goal: Vec<BudgetTotal> = goals
        .iter()
        .map(|(id, title)| {
            total(
                Some(*id),
                title.clone(),
                &pick(&|i| i.goal_ids.contains(id)),
            )
        })
        .collect();
    let known: Vec<Uuid> = goals.iter().map(|(id, _)| *id).collect();
    let no_goal = pick(&|i| !i.goal_ids.iter().any(|g| known.contains(g)));
    if !no_goal.is_empty() {
        by_goal.push(total(None, "No goal".into(), &no_goal));
    }
    let mut owners: Vec<String> = counted
        .iter()
        .map(|i| i.owner.name.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    owners.sort_by_key(|n| n.to_lowercase());
    owners.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
    let mut by_owner: Vec<BudgetTotal> = owners
        .into_iter()
        .map(|name| {
            let key = name.to_lowercase();
            let members = pick(&|i| i.owner.name.trim().to_lowercase() == key);
            total(None, name, &members)
        })
        .collect();
    let no_owner = pick(&|i| i.owner.name.trim().is_empty());
    if !no_owner.is_empty() {
        by_owner.push(total(None, "No owner".into(), &no_owner));
    }
    let overall = sum_by_currency(counted.iter().filter_map(|i| i.budget.as_ref()));
    BudgetTotals {
        overall_text: totals_text(&overall),
        overall,
        by_phase,
        by_goal,
        by_owner,
    }
}
