//! Step 3, goals and KPIs: the purpose and narrative, business objectives, the community goals
//! that serve them (each citing its evidence), the KPIs that measure each goal, dated
//! measurements, and what is worked out from them (progress, status, community health).

pub mod kpis;
pub mod measurements;
pub mod status;
pub mod values;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::audit::Choice;
use crate::text::{paragraph, required_line};
use crate::words::word_enum;
use crate::Invalid;
use kpis::{Cadence, Direction, Kpi, KpiCategory, KpiEdit};
use measurements::Measurement;
use status::{Health, KpiReport, KpiStatus};

/// The narrative around the shared purpose (the purpose itself is the workbook profile's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Narrative {
    pub member_value: String,
    pub organisation_value: String,
    /// The member behaviours that create value.
    pub behaviours: String,
    pub story: String,
}

impl Narrative {
    pub fn validated(&self) -> Result<Self, Invalid> {
        Ok(Self {
            member_value: paragraph("memberValue", "value for members", &self.member_value)?,
            organisation_value: paragraph(
                "organisationValue",
                "value for the organisation",
                &self.organisation_value,
            )?,
            behaviours: paragraph("behaviours", "key behaviours", &self.behaviours)?,
            story: paragraph("story", "narrative", &self.story)?,
        })
    }

    pub fn is_empty(&self) -> bool {
        [
            &self.member_value,
            &self.organisation_value,
            &self.behaviours,
            &self.story,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Objective {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ObjectiveEdit {
    pub title: String,
    pub description: String,
}

impl Objective {
    /// The form that edits it, filled with what is stored.
    pub fn to_edit(&self) -> ObjectiveEdit {
        ObjectiveEdit {
            title: self.title.clone(),
            description: self.description.clone(),
        }
    }
}

impl ObjectiveEdit {
    pub fn validated(&self) -> Result<Self, Invalid> {
        Ok(Self {
            title: required_line("title", "objective", &self.title)?,
            description: paragraph("description", "description", &self.description)?,
        })
    }
}

word_enum! {
    /// What a goal cites as its evidence.
    #[derive(PartialOrd, Ord)]
    pub enum EvidenceKind {
        Finding => "finding", "Audit finding";
        Theme => "theme", "Interview theme";
        Quote => "quote", "Quote";
    }
}

/// A typed citation: an audit finding, an interview theme or a quote, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct EvidenceRef {
    pub kind: EvidenceKind,
    pub id: Uuid,
}

/// Something the workbook holds that a goal can cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct EvidenceCandidate {
    pub kind: EvidenceKind,
    pub id: Uuid,
    /// The finding's title, the theme's name or the quote's words.
    pub title: String,
    /// Importance, who said it…; may be empty.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Goal {
    pub id: Uuid,
    pub objective_id: Uuid,
    pub title: String,
    pub description: String,
    pub evidence: Vec<EvidenceRef>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct GoalEdit {
    pub objective_id: Uuid,
    pub title: String,
    pub description: String,
    pub evidence: Vec<EvidenceRef>,
}

impl Goal {
    /// The form that edits it, filled with what is stored.
    pub fn to_edit(&self) -> GoalEdit {
        GoalEdit {
            objective_id: self.objective_id,
            title: self.title.clone(),
            description: self.description.clone(),
            evidence: self.evidence.clone(),
        }
    }
}

impl GoalEdit {
    /// Checks the goal; `objectives` and `candidates` are what exists, so a goal serves a real
    /// objective and cites only what the workbook holds. Repeated citations are kept once.
    pub fn validated(
        &self,
        objectives: &[Uuid],
        candidates: &[EvidenceCandidate],
    ) -> Result<Self, Invalid> {
        if !objectives.contains(&self.objective_id) {
            return Err(Invalid::field(
                "objectiveId",
                "Choose the business objective this goal serves; the one chosen no longer exists.",
            ));
        }
        let mut evidence: Vec<EvidenceRef> = Vec::new();
        for e in &self.evidence {
            if !candidates.iter().any(|c| c.kind == e.kind && c.id == e.id) {
                return Err(Invalid::field(
                    "evidence",
                    format!(
                        "One of the cited items ({}) no longer exists. Untick it and save again.",
                        e.kind.label().to_lowercase()
                    ),
                ));
            }
            if !evidence.contains(e) {
                evidence.push(*e);
            }
        }
        Ok(Self {
            objective_id: self.objective_id,
            title: required_line("title", "goal", &self.title)?,
            description: paragraph("description", "description", &self.description)?,
            evidence,
        })
    }
}

/// Every record of the goals step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Goals {
    pub narrative: Narrative,
    /// In the order they were added.
    pub objectives: Vec<Objective>,
    /// In the order they were added.
    pub goals: Vec<Goal>,
    /// In the order they were added.
    pub kpis: Vec<Kpi>,
    /// Oldest first.
    pub measurements: Vec<Measurement>,
}

impl Goals {
    /// Objectives, goals, KPIs and measurements, and the narrative once anything is in it.
    pub fn record_count(&self) -> usize {
        self.objectives.len()
            + self.goals.len()
            + self.kpis.len()
            + self.measurements.len()
            + usize::from(!self.narrative.is_empty())
    }

    pub fn goals_of(&self, objective: Uuid) -> impl Iterator<Item = &Goal> {
        self.goals
            .iter()
            .filter(move |g| g.objective_id == objective)
    }

    pub fn kpis_of(&self, goal: Uuid) -> impl Iterator<Item = &Kpi> {
        self.kpis.iter().filter(move |k| k.goal_id == goal)
    }

    pub fn reports(&self, today: NaiveDate) -> Vec<KpiReport> {
        status::reports(&self.kpis, &self.measurements, today)
    }

    pub fn health(&self, today: NaiveDate) -> Health {
        status::health(&self.kpis, &self.reports(today))
    }
}

/// The lists the goals forms offer, with their labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct GoalsVocabulary {
    pub categories: Vec<Choice<KpiCategory>>,
    pub directions: Vec<Choice<Direction>>,
    pub cadences: Vec<Choice<Cadence>>,
    pub statuses: Vec<Choice<KpiStatus>>,
    /// How status is worked out, in one sentence.
    pub status_rules: String,
}

impl Default for GoalsVocabulary {
    fn default() -> Self {
        fn choices<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<Choice<T>> {
            all.iter()
                .map(|v| Choice {
                    value: *v,
                    label: label(*v).to_owned(),
                })
                .collect()
        }
        Self {
            categories: choices(&KpiCategory::ALL, KpiCategory::label),
            directions: choices(&Direction::ALL, Direction::label),
            cadences: choices(&Cadence::ALL, Cadence::label),
            statuses: choices(&KpiStatus::ALL, KpiStatus::label),
            status_rules: status::rules(),
        }
    }
}

/// A stakeholder who can own a KPI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct OwnerCandidate {
    pub id: Uuid,
    pub name: String,
    pub detail: String,
}

/// What the goals screens show: the records, and what is worked out from them on `today`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct GoalsOverview {
    /// The shared purpose, kept in the workbook profile.
    pub purpose: String,
    pub goals: Goals,
    pub today: NaiveDate,
    /// One per KPI, in the KPIs' order.
    pub reports: Vec<KpiReport>,
    pub health: Health,
    pub candidates: Vec<EvidenceCandidate>,
    pub owners: Vec<OwnerCandidate>,
    pub records: u64,
    pub vocabulary: GoalsVocabulary,
    /// Each record's edit form, filled with what is stored, for the forms to start from.
    pub edits: GoalsEdits,
}

/// The edit form of every objective, goal and KPI, by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct GoalsEdits {
    pub objectives: BTreeMap<Uuid, ObjectiveEdit>,
    pub goals: BTreeMap<Uuid, GoalEdit>,
    pub kpis: BTreeMap<Uuid, KpiEdit>,
}

impl GoalsEdits {
    pub fn of(goals: &Goals) -> Self {
        Self {
            objectives: goals
                .objectives
                .iter()
                .map(|o| (o.id, o.to_edit()))
                .collect(),
            goals: goals.goals.iter().map(|g| (g.id, g.to_edit())).collect(),
            kpis: goals.kpis.iter().map(|k| (k.id, k.to_edit())).collect(),
        }
    }
}

impl GoalsOverview {
    pub fn new(
        purpose: String,
        goals: Goals,
        candidates: Vec<EvidenceCandidate>,
        owners: Vec<OwnerCandidate>,
        today: NaiveDate,
    ) -> Self {
        // The reports once: health is worked out from them.
        let reports = goals.reports(today);
        Self {
            purpose,
            health: status::health(&goals.kpis, &reports),
            reports,
            records: goals.record_count() as u64,
            today,
            candidates,
            owners,
            vocabulary: GoalsVocabulary::default(),
            edits: GoalsEdits::of(&goals),
            goals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_serves_an_existing_objective_and_cites_existing_evidence_once() {
        let objective = Uuid::now_v7();
        let finding = EvidenceCandidate {
            kind: EvidenceKind::Finding,
            id: Uuid::now_v7(),
            title: "Slow replies".into(),
            detail: String::new(),
        };
        let cite = EvidenceRef {
            kind: EvidenceKind::Finding,
            id: finding.id,
        };
        let edit = GoalEdit {
            objective_id: objective,
            title: " Answer faster ".into(),
            description: String::new(),
            evidence: vec![cite, cite],
        };
        let ok = edit
            .validated(&[objective], std::slice::from_ref(&finding))
            .unwrap();
        assert_eq!(ok.evidence, vec![cite]);
        assert_eq!(ok.title, "Answer faster");
        let err = edit
            .validated(&[], std::slice::from_ref(&finding))
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("objectiveId"));
        let theme = EvidenceRef {
            kind: EvidenceKind::Theme,
            id: finding.id,
        };
        let err = GoalEdit {
            evidence: vec![theme],
            ..edit
        }
        .validated(&[objective], &[finding])
        .unwrap_err();
        assert_eq!(
            err.field.as_deref(),
            Some("evidence"),
            "the kind is part of the reference"
        );
    }
}
