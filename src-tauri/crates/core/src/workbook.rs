//! The whole workbook as one value: what documents render and what summaries count.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Audit;
use crate::crisis::CrisisPlan;
use crate::document_settings::{DocumentSettings, Logo};
use crate::goals::Goals;
use crate::profile::Profile;
use crate::readiness::dismissals::Dismissal;
use crate::roadmap::Roadmap;
use crate::words::word_enum;

/// Everything a workbook holds, loaded at once for documents and exports.
/// Each step adds its records here as it lands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Workbook {
    pub profile: Profile,
    #[serde(default)]
    pub audit: Audit,
    #[serde(default)]
    pub stakeholders: crate::stakeholders::StakeholderRecords,
    #[serde(default)]
    pub crisis: CrisisPlan,
    #[serde(default)]
    pub goals: Goals,
    #[serde(default)]
    pub roadmap: Roadmap,
    /// Readiness issues the strategist accepts, with their reasons.
    #[serde(default)]
    pub dismissals: Vec<Dismissal>,
    /// What the documents ask of the reader and the colour they are drawn in.
    #[serde(default)]
    pub documents: DocumentSettings,
    /// The organisation's logo, when the strategist chose one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
}

impl Workbook {
    /// A workbook with a profile and nothing recorded in any step yet.
    pub fn new(profile: Profile) -> Self {
        Self {
            profile,
            audit: Audit::default(),
            stakeholders: crate::stakeholders::StakeholderRecords::default(),
            crisis: CrisisPlan::default(),
            goals: Goals::default(),
            roadmap: Roadmap::default(),
            dismissals: Vec::new(),
            documents: DocumentSettings::default(),
            logo: None,
        }
    }
}

impl Workbook {
    /// When anything in the workbook last changed: the default date of its documents.
    pub fn last_edited(&self) -> DateTime<Utc> {
        self.profile.updated_at
    }
}

word_enum! {
    /// The five steps of a community strategy, in the order a strategist works through them.
    pub enum Step {
        Audit => "audit";
        Stakeholders => "stakeholders";
        Goals => "goals";
        Crisis => "crisis";
        Roadmap => "roadmap";
    }
}

impl Step {
    pub fn title(self) -> &'static str {
        match self {
            Step::Audit => "Community audit",
            Step::Stakeholders => "Stakeholders and interviews",
            Step::Goals => "Goals and KPIs",
            Step::Crisis => "Crisis plan",
            Step::Roadmap => "Roadmap",
        }
    }
}

/// How many records a step holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StepCount {
    pub step: Step,
    pub title: String,
    pub records: u64,
}
