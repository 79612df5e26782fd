//! Step 2, stakeholder interviews: the register (in `register`), interview guides and
//! interviews (`interviews`) and themes (`themes`), brought together here as the step's records
//! and the step's screen.

pub mod interviews;
mod register;
pub mod themes;

pub use register::{
    power_interest_grid, score, Attitude, Department, GridPlacement, InterviewStatus, Quadrant,
    Stakeholder, StakeholderEdit, ValidStakeholder,
};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::stakeholders::interviews::{starter_guides, Guide, Interview, StarterGuide};
use crate::stakeholders::themes::{insights, Theme, ThemeInsight};

#[cfg(test)]
pub(crate) use register::tests;

/// Everything step 2 holds, as the step's screen and the documents read it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StakeholderRecords {
    pub stakeholders: Vec<Stakeholder>,
    pub guides: Vec<Guide>,
    pub interviews: Vec<Interview>,
    pub themes: Vec<Theme>,
}

impl StakeholderRecords {
    /// What the step's record count shows: people in the register and interviews held.
    pub fn record_count(&self) -> usize {
        self.stakeholders.len() + self.interviews.len()
    }

    pub fn stakeholder(&self, id: &str) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }

    /// Every theme with who raised it and its quotes (see [`insights`]).
    pub fn insights(&self) -> Vec<ThemeInsight> {
        insights(&self.themes, &self.interviews, &self.stakeholders)
    }

    /// The stakeholder's name, or a plain stand-in.
    pub fn name_of(&self, stakeholder_id: &str) -> String {
        self.stakeholder(stakeholder_id)
            .map_or_else(|| "Unknown stakeholder".to_owned(), |s| s.name.clone())
    }
}

/// The step's screen in one answer: the records plus what Rust computes from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StakeholderStep {
    pub records: StakeholderRecords,
    pub grid: Vec<GridPlacement>,
    pub insights: Vec<ThemeInsight>,
    pub starter_guides: Vec<StarterGuide>,
}

impl StakeholderStep {
    pub fn of(records: StakeholderRecords) -> Self {
        Self {
            grid: power_interest_grid(&records.stakeholders),
            insights: records.insights(),
            starter_guides: starter_guides(),
            records,
        }
    }
}
