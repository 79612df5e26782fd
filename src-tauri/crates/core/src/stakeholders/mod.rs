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

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::stakeholders::interviews::{
    starter_guides, Guide, GuideEdit, Interview, InterviewEdit, QuestionEdit, StarterGuide,
};
use crate::stakeholders::themes::{insights, Theme, ThemeEdit, ThemeInsight};

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

    pub fn stakeholder(&self, id: Uuid) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }

    /// Every theme with who raised it and its quotes (see [`insights`]).
    pub fn insights(&self) -> Vec<ThemeInsight> {
        insights(&self.themes, &self.interviews, &self.stakeholders)
    }

    /// The stakeholder's name, or a plain stand-in.
    pub fn name_of(&self, stakeholder_id: Uuid) -> String {
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
    /// Each record's edit form, filled with what is stored, for the forms to start from.
    pub edits: StakeholderEdits,
}

/// The edit form of every stakeholder, guide, guide question, interview and theme, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StakeholderEdits {
    pub stakeholders: BTreeMap<Uuid, StakeholderEdit>,
    pub guides: BTreeMap<Uuid, GuideEdit>,
    pub questions: BTreeMap<Uuid, QuestionEdit>,
    pub interviews: BTreeMap<Uuid, InterviewEdit>,
    pub themes: BTreeMap<Uuid, ThemeEdit>,
}

impl StakeholderEdits {
    pub fn of(records: &StakeholderRecords) -> Self {
        Self {
            stakeholders: records
                .stakeholders
                .iter()
                .map(|s| (s.id, s.to_edit()))
                .collect(),
            guides: records.guides.iter().map(|g| (g.id, g.to_edit())).collect(),
            questions: records
                .guides
                .iter()
                .flat_map(|g| &g.questions)
                .map(|q| (q.id, q.to_edit()))
                .collect(),
            interviews: records
                .interviews
                .iter()
                .map(|i| (i.id, i.to_edit()))
                .collect(),
            themes: records.themes.iter().map(|t| (t.id, t.to_edit())).collect(),
        }
    }
}

impl StakeholderStep {
    pub fn of(records: StakeholderRecords) -> Self {
        Self {
            grid: power_interest_grid(&records.stakeholders),
            insights: records.insights(),
            starter_guides: starter_guides(),
            edits: StakeholderEdits::of(&records),
            records,
        }
    }
}

#[cfg(test)]
mod step_tests {
    use chrono::{DateTime, NaiveDate, Utc};

    use super::*;
    use crate::stakeholders::interviews::{GuideQuestion, InterviewMode};
    use crate::stakeholders::tests::{id, person};
    use crate::stakeholders::themes::ThemeSide;

    #[test]
    fn every_record_offers_its_edit_form_filled_with_what_is_stored() {
        let at = DateTime::<Utc>::default();
        let ines = person("s1", "Inès 社区", 4, 5);
        let guide = Guide {
            id: id("g1"),
            name: "Support".into(),
            description: "For «support» leads".into(),
            questions: vec![GuideQuestion {
                id: id("q1"),
                topic: "Pain points".into(),
                text: "Which questions come back? 🙃".into(),
            }],
            created_at: at,
            updated_at: at,
        };
        let interview = Interview {
            id: id("i1"),
            stakeholder_id: ines.id,
            date: NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default(),
            interviewer: "Ana".into(),
            mode: InterviewMode::Phone,
            guide_id: Some(guide.id),
            guide_name: guide.name.clone(),
            notes: String::new(),
            note_theme_ids: vec![],
            answers: vec![],
            quotes: vec![],
            created_at: at,
            updated_at: at,
        };
        let theme = Theme {
            id: id("t1"),
            name: "Peer support".into(),
            side: ThemeSide::Both,
            description: "Members help members".into(),
        };
        let step = StakeholderStep::of(StakeholderRecords {
            stakeholders: vec![ines.clone()],
            guides: vec![guide.clone()],
            interviews: vec![interview.clone()],
            themes: vec![theme.clone()],
        });
        let edits = &step.edits;
        assert_eq!(edits.stakeholders[&ines.id], StakeholderEdit::from(&ines));
        assert_eq!(edits.stakeholders[&ines.id].name, "Inès 社区");
        assert_eq!(edits.guides[&guide.id].description, "For «support» leads");
        assert_eq!(
            edits.questions[&id("q1")],
            QuestionEdit {
                topic: "Pain points".into(),
                text: "Which questions come back? 🙃".into(),
            }
        );
        assert_eq!(
            edits.interviews[&interview.id],
            InterviewEdit {
                stakeholder_id: Some(ines.id),
                date: "2026-03-05".into(),
                interviewer: "Ana".into(),
                mode: InterviewMode::Phone,
                guide_id: Some(guide.id),
            }
        );
        assert_eq!(
            edits.interviews[&interview.id].validated().map(|v| v.date),
            Ok(interview.date),
            "the stored form validates back to the record"
        );
        assert_eq!(edits.themes[&theme.id], theme.to_edit());
    }
}
