//! Step 5, the roadmap: phases with dates and an objective, and the initiatives (campaigns,
//! programmes, tactics) that carry the goals out, each with its goals and KPIs, channels, owner,
//! budget, dates or an undated bucket, status and dependencies. The rules that keep a roadmap
//! sound live in [`rules`]; budget arithmetic in [`money`].

pub mod money;
pub mod rules;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::audit::Choice;
use crate::goals::kpis::KpiOwner;
use crate::goals::values::{decimal_style, parse_date};
use crate::text::{optional_line, paragraph, required_line};
use crate::words::word_enum;
use crate::Invalid;
pub use money::Money;
pub use rules::{BudgetTotal, BudgetTotals, Flag, FlagKind};

/// A stretch of the roadmap with its own objective, such as "Foundation" or "Launch".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Phase {
    pub id: Uuid,
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub objective: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The phase form as typed: dates arrive as text so a refusal lands at its field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PhaseEdit {
    pub name: String,
    pub start: String,
    pub end: String,
    pub objective: String,
}

/// A phase edit once read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseValues {
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub objective: String,
}

impl PhaseEdit {
    pub fn validated(&self) -> Result<PhaseValues, Invalid> {
        let name = required_line("name", "phase's name", &self.name)?;
        let start = parse_date("start", "start date", &self.start)?;
        let end = parse_date("end", "end date", &self.end)?;
        check_order(start, end)?;
        Ok(PhaseValues {
            name,
            start,
            end,
            objective: paragraph("objective", "objective", &self.objective)?,
        })
    }
}

impl Phase {
    pub fn to_edit(&self) -> PhaseEdit {
        PhaseEdit {
            name: self.name.clone(),
            start: self.start.to_string(),
            end: self.end.to_string(),
            objective: self.objective.clone(),
        }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

fn check_order(start: NaiveDate, end: NaiveDate) -> Result<(), Invalid> {
    if end < start {
        return Err(Invalid::field(
            "end",
            format!(
                "The end date ({}) is before the start date ({}). Move the end to the start or later.",
                crate::text::date(end),
                crate::text::date(start)
            ),
        ));
    }
    Ok(())
}

word_enum! {
    /// When an initiative happens: between two dates, or not yet dated and kept for next or later.
    #[derive(PartialOrd, Ord)]
    pub enum Schedule {
        Dated => "dated", "Dated";
        Next => "next", "Next (not yet dated)";
        Later => "later", "Later (not yet dated)";
    }
}

word_enum! {
    #[derive(PartialOrd, Ord)]
    pub enum InitiativeStatus {
        Planned => "planned", "Planned";
        InProgress => "inProgress", "In progress";
        Done => "done", "Done";
        Parked => "parked", "Parked";
    }
}

/// A campaign, programme or tactic on the roadmap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Initiative {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    /// None: not in any phase ("unphased").
    pub phase_id: Option<Uuid>,
    /// The goals it serves, in the order chosen.
    pub goal_ids: Vec<Uuid>,
    pub kpi_ids: Vec<Uuid>,
    pub channel_ids: Vec<Uuid>,
    pub owner: KpiOwner,
    /// The team or department that carries it out.
    pub team: String,
    pub budget: Option<Money>,
    pub schedule: Schedule,
    /// Set exactly when `schedule` is dated.
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub status: InitiativeStatus,
    /// A milestone is a moment (a launch, a decision) shown as a diamond at its end date.
    pub milestone: bool,
    /// The initiatives that must finish before this one starts.
    pub depends_on: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Initiative {
    /// Its dates when it is dated.
    pub fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        match (self.schedule, self.start, self.end) {
            (Schedule::Dated, Some(s), Some(e)) => Some((s, e)),
            _ => None,
        }
    }

    pub fn to_edit(&self) -> InitiativeEdit {
        InitiativeEdit {
            title: self.title.clone(),
            description: self.description.clone(),
            phase_id: self.phase_id,
            goal_ids: self.goal_ids.clone(),
            kpi_ids: self.kpi_ids.clone(),
            channel_ids: self.channel_ids.clone(),
            owner: self.owner.clone(),
            team: self.team.clone(),
            budget: self
                .budget
                .as_ref()
                .map(|m| money::amount_input(m.minor, &m.currency, decimal_style()))
                .unwrap_or_default(),
            currency: self
                .budget
                .as_ref()
                .map(|m| m.currency.clone())
                .unwrap_or_default(),
            schedule: self.schedule,
            start: self.start.map(|d| d.to_string()).unwrap_or_default(),
            end: self.end.map(|d| d.to_string()).unwrap_or_default(),
            status: self.status,
            milestone: self.milestone,
            depends_on: self.depends_on.clone(),
        }
    }
}

/// The initiative form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct InitiativeEdit {
    pub title: String,
    pub description: String,
    pub phase_id: Option<Uuid>,
    pub goal_ids: Vec<Uuid>,
    pub kpi_ids: Vec<Uuid>,
    pub channel_ids: Vec<Uuid>,
    pub owner: KpiOwner,
    pub team: String,
    /// As typed; empty is no budget.
    pub budget: String,
    /// Three letters; needed only with a budget.
    pub currency: String,
    pub schedule: Schedule,
    /// Year-month-day; used only when dated.
    pub start: String,
    pub end: String,
    pub status: InitiativeStatus,
    pub milestone: bool,
    pub depends_on: Vec<Uuid>,
}

impl Default for InitiativeEdit {
    fn default() -> Self {
        Self {
            title: String::new(),
            description: String::new(),
            phase_id: None,
            goal_ids: Vec::new(),
            kpi_ids: Vec::new(),
            channel_ids: Vec::new(),
            owner: KpiOwner::default(),
            team: String::new(),
            budget: String::new(),
            currency: String::new(),
            schedule: Schedule::Next,
            start: String::new(),
            end: String::new(),
            status: InitiativeStatus::Planned,
            milestone: false,
            depends_on: Vec::new(),
        }
    }
}

impl InitiativeEdit {
    /// A new initiative's form: untitled work for next, or, in a phase, dated like the phase.
    pub fn untitled(title: &str, phase: Option<&Phase>) -> Self {
        let mut edit = Self {
            title: title.to_owned(),
            ..Self::default()
        };
        if let Some(phase) = phase {
            edit.phase_id = Some(phase.id);
            edit.schedule = Schedule::Dated;
            edit.start = phase.start.to_string();
            edit.end = phase.end.to_string();
        }
        edit
    }
}

/// An initiative edit once read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiativeValues {
    pub title: String,
    pub description: String,
    pub phase_id: Option<Uuid>,
    pub goal_ids: Vec<Uuid>,
    pub kpi_ids: Vec<Uuid>,
    pub channel_ids: Vec<Uuid>,
    pub owner: KpiOwner,
    pub team: String,
    pub budget: Option<Money>,
    pub schedule: Schedule,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub status: InitiativeStatus,
    pub milestone: bool,
    pub depends_on: Vec<Uuid>,
}

/// An initiative as its dependencies see it: what it is called and what it waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DependencyNode {
    pub id: Uuid,
    pub title: String,
    pub depends_on: Vec<Uuid>,
}

impl From<&Initiative> for DependencyNode {
    fn from(i: &Initiative) -> Self {
        Self {
            id: i.id,
            title: i.title.clone(),
            depends_on: i.depends_on.clone(),
        }
    }
}

/// What an initiative can point at: the ids that exist in the workbook.
#[derive(Debug, Clone, Default)]
pub struct References {
    pub phases: Vec<Uuid>,
    pub goals: Vec<Uuid>,
    pub kpis: Vec<Uuid>,
    pub channels: Vec<Uuid>,
    pub stakeholders: Vec<Uuid>,
    /// Every initiative as stored, for dependencies and their cycles.
    pub initiatives: Vec<DependencyNode>,
}

fn unique_known(
    field: &str,
    what: &str,
    ids: &[Uuid],
    known: &[Uuid],
) -> Result<Vec<Uuid>, Invalid> {
    let mut out: Vec<Uuid> = Vec::with_capacity(ids.len());
    for id in ids {
        if !known.contains(id) {
            return Err(Invalid::field(
                field,
                format!("One of the chosen {what} no longer exists. Untick it and save again."),
            ));
        }
        if !out.contains(id) {
            out.push(*id);
        }
    }
    Ok(out)
}

impl InitiativeEdit {
    /// Reads and checks the form. `id` is the initiative being edited (None when new), so a
    /// dependency on itself and cycles through it are refused with the cycle named.
    pub fn validated(
        &self,
        id: Option<Uuid>,
        refs: &References,
    ) -> Result<InitiativeValues, Invalid> {
        let title = required_line("title", "initiative's title", &self.title)?;
        let description = paragraph("description", "description", &self.description)?;
        if let Some(phase) = self.phase_id {
            if !refs.phases.contains(&phase) {
                return Err(Invalid::field(
                    "phaseId",
                    "The chosen phase no longer exists. Choose another phase or none.",
                ));
            }
        }
        let goal_ids = unique_known("goalIds", "goals", &self.goal_ids, &refs.goals)?;
        let kpi_ids = unique_known("kpiIds", "KPIs", &self.kpi_ids, &refs.kpis)?;
        let channel_ids =
            unique_known("channelIds", "channels", &self.channel_ids, &refs.channels)?;
        let owner_name = optional_line("owner", "owner's name", &self.owner.name)?;
        if let Some(s) = self.owner.stakeholder_id {
            if !refs.stakeholders.contains(&s) {
                return Err(Invalid::field(
                    "owner",
                    "The chosen owner is no longer in the stakeholder register. Choose another owner or type a name.",
                ));
            }
        }
        let team = optional_line("team", "team", &self.team)?;
        // The currency first: it says how many decimals the amount may have.
        let budget = if self.budget.trim().is_empty() {
            None
        } else {
            let currency = money::parse_currency("currency", &self.currency)?;
            money::parse_amount("budget", &self.budget, &currency, decimal_style())?
                .map(|minor| Money { minor, currency })
        };
        let (start, end) = match self.schedule {
            Schedule::Dated => {
                let start = parse_date("start", "start date", &self.start)?;
                let end = if self.milestone && self.end.trim().is_empty() {
                    start
                } else {
                    parse_date("end", "end date", &self.end)?
                };
                check_order(start, end)?;
                (Some(start), Some(end))
            }
            Schedule::Next | Schedule::Later => (None, None),
        };
        let known: Vec<Uuid> = refs.initiatives.iter().map(|i| i.id).collect();
        let mut depends_on = unique_known("dependsOn", "dependencies", &self.depends_on, &known)?;
        if let Some(id) = id {
            if depends_on.contains(&id) {
                return Err(Invalid::field(
                    "dependsOn",
                    format!("“{title}” cannot depend on itself. Untick it in the dependencies."),
                ));
            }
            if let Some(cycle) = rules::cycle_through(id, &depends_on, &refs.initiatives) {
                let name = |c: &Uuid| {
                    if *c == id {
                        format!("“{title}”")
                    } else {
                        refs.initiatives
                            .iter()
                            .find(|i| i.id == *c)
                            .map_or_else(String::new, |i| format!("“{}”", i.title))
                    }
                };
                return Err(Invalid::field(
                    "dependsOn",
                    format!(
                        "These initiatives would wait for each other in a circle: {}. Remove one of these dependencies.",
                        cycle.iter().map(name).collect::<Vec<_>>().join(" → ")
                    ),
                ));
            }
        }
        depends_on.dedup();
        Ok(InitiativeValues {
            title,
            description,
            phase_id: self.phase_id,
            goal_ids,
            kpi_ids,
            channel_ids,
            owner: KpiOwner {
                stakeholder_id: self.owner.stakeholder_id,
                name: owner_name,
            },
            team,
            budget,
            schedule: self.schedule,
            start,
            end,
            status: self.status,
            milestone: self.milestone,
            depends_on,
        })
    }
}

/// Every record of the roadmap step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Roadmap {
    /// By start date.
    pub phases: Vec<Phase>,
    /// In the order they were added.
    pub initiatives: Vec<Initiative>,
}

impl Roadmap {
    pub fn record_count(&self) -> usize {
        self.phases.len() + self.initiatives.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phases.is_empty() && self.initiatives.is_empty()
    }

    pub fn phase(&self, id: Uuid) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    pub fn initiative(&self, id: Uuid) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    pub fn initiatives_in(&self, phase: Option<Uuid>) -> impl Iterator<Item = &Initiative> {
        self.initiatives.iter().filter(move |i| i.phase_id == phase)
    }

    /// The first and last day anything on the roadmap covers, when anything is dated.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let phases = self.phases.iter().map(|p| (p.start, p.end));
        let dated = self.initiatives.iter().filter_map(Initiative::dates);
        phases
            .chain(dated)
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    }

    /// Dated initiatives first (by start, then end, then title), then next, then later.
    pub fn in_time_order(&self) -> Vec<&Initiative> {
        let mut list: Vec<&Initiative> = self.initiatives.iter().collect();
        list.sort_by(|a, b| {
            (a.schedule, a.start, a.end, a.title.to_lowercase()).cmp(&(
                b.schedule,
                b.start,
                b.end,
                b.title.to_lowercase(),
            ))
        });
        list
    }

    pub fn flags(&self) -> Vec<Flag> {
        rules::flags(self)
    }
}

/// The lists the roadmap forms offer, with their labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RoadmapVocabulary {
    pub schedules: Vec<Choice<Schedule>>,
    pub statuses: Vec<Choice<InitiativeStatus>>,
}

impl Default for RoadmapVocabulary {
    fn default() -> Self {
        Self {
            schedules: Schedule::ALL
                .iter()
                .map(|v| Choice {
                    value: *v,
                    label: v.label().to_owned(),
                })
                .collect(),
            statuses: InitiativeStatus::ALL
                .iter()
                .map(|v| Choice {
                    value: *v,
                    label: v.label().to_owned(),
                })
                .collect(),
        }
    }
}

/// Something an initiative can point at, with the words the screens show for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RoadmapOption {
    pub id: Uuid,
    pub label: String,
    /// The goal a KPI measures, a channel's kind, an owner's role…; may be empty.
    pub detail: String,
    /// For KPIs: the goal they measure.
    pub parent_id: Option<Uuid>,
}

/// What the roadmap screens show: the records, what is worked out from them, and the choices
/// the forms offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RoadmapOverview {
    pub roadmap: Roadmap,
    pub today: NaiveDate,
    pub flags: Vec<Flag>,
    pub totals: BudgetTotals,
    pub goals: Vec<RoadmapOption>,
    pub kpis: Vec<RoadmapOption>,
    pub channels: Vec<RoadmapOption>,
    pub owners: Vec<RoadmapOption>,
    pub records: u64,
    pub vocabulary: RoadmapVocabulary,
    pub timeline: TimelineSpan,
    /// Each record's edit form, filled with what is stored, for the forms to start from.
    pub edits: RoadmapEdits,
}

/// What the timeline covers and in which order it lists the initiatives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct TimelineSpan {
    /// The first and last day to draw: every phase and dated initiative, and today, so the
    /// today line always shows.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Every initiative, in time order (`Roadmap::in_time_order`).
    pub order: Vec<Uuid>,
}

impl TimelineSpan {
    pub fn of(roadmap: &Roadmap, today: NaiveDate) -> Self {
        let (start, end) = roadmap
            .span()
            .map_or((today, today), |(s, e)| (s.min(today), e.max(today)));
        Self {
            start,
            end,
            order: roadmap.in_time_order().iter().map(|i| i.id).collect(),
        }
    }
}

/// The edit form of every phase and initiative, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RoadmapEdits {
    pub phases: BTreeMap<Uuid, PhaseEdit>,
    pub initiatives: BTreeMap<Uuid, InitiativeEdit>,
}

impl RoadmapEdits {
    pub fn of(roadmap: &Roadmap) -> Self {
        Self {
            phases: roadmap.phases.iter().map(|p| (p.id, p.to_edit())).collect(),
            initiatives: roadmap
                .initiatives
                .iter()
                .map(|i| (i.id, i.to_edit()))
                .collect(),
        }
    }
}

impl RoadmapOverview {
    pub fn new(
        roadmap: Roadmap,
        goals: Vec<RoadmapOption>,
        kpis: Vec<RoadmapOption>,
        channels: Vec<RoadmapOption>,
        owners: Vec<RoadmapOption>,
        today: NaiveDate,
    ) -> Self {
        let goal_names: Vec<(Uuid, String)> =
            goals.iter().map(|g| (g.id, g.label.clone())).collect();
        Self {
            flags: roadmap.flags(),
            totals: rules::budget_totals(&roadmap, &goal_names),
            records: roadmap.record_count() as u64,
            timeline: TimelineSpan::of(&roadmap, today),
            edits: RoadmapEdits::of(&roadmap),
            roadmap,
            today,
            goals,
            kpis,
            channels,
            owners,
            vocabulary: RoadmapVocabulary::default(),
        }
    }
}

#[cfg(test)]
mod tests;
