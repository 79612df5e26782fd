//! The maturity self-assessment: eight competencies of a community practice, each placed on
//! one of four stages with the evidence for it. The stage descriptions are ours.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::paragraph;
use crate::words::word_enum;
use crate::Invalid;

word_enum! {
    #[derive(PartialOrd, Ord)]
    pub enum Competency {
        Strategy => "strategy", "Strategy";
        Leadership => "leadership", "Leadership";
        Culture => "culture", "Culture";
        CommunityManagement => "communityManagement", "Community management";
        ContentAndProgramming => "contentAndProgramming", "Content and programming";
        PoliciesAndGovernance => "policiesAndGovernance", "Policies and governance";
        Tools => "tools", "Tools";
        MetricsAndMeasurement => "metricsAndMeasurement", "Metrics and measurement";
    }
}

/// The four stages, from the centre of the profile outwards.
pub const STAGES: [&str; 4] = ["Ad hoc", "Emerging", "Established", "Leading"];

impl Competency {
    /// What each stage looks like for this competency, one line each, stage 1 first.
    pub fn stages(self) -> [&'static str; 4] {
        match self {
            Competency::Strategy => [
                "No written plan; community work reacts to whatever comes up.",
                "Some goals exist, but they are not tied to business objectives.",
                "A written strategy links community goals to business objectives.",
                "The strategy is reviewed on a schedule and shapes decisions across the organisation.",
            ],
            Competency::Leadership => [
                "Nobody owns the community; it is a side task.",
                "A few enthusiasts lead it without a mandate or a budget.",
                "A dedicated team with an executive sponsor and a budget of its own.",
                "Leaders in many departments champion it, and members share in leading it.",
            ],
            Competency::Culture => [
                "The organisation broadcasts; it rarely asks members for their view.",
                "Some teams listen to members, mostly when something has gone wrong.",
                "Openness to members is expected and rewarded in most teams.",
                "Working with members is simply how the organisation works.",
            ],
            Competency::CommunityManagement => [
                "Replies and moderation happen when someone finds the time.",
                "Someone manages the community part-time with a few basic routines.",
                "Trained managers run it with clear routines and response targets.",
                "Members share the work: volunteers, ambassadors and peer support.",
            ],
            Competency::ContentAndProgramming => [
                "Occasional posts, mostly promotional.",
                "A loose calendar with a few regular formats.",
                "Planned programmes members value: events, series, onboarding.",
                "Members create much of the programme, and it adapts to what they need.",
            ],
            Competency::PoliciesAndGovernance => [
                "No guidelines; problems are handled case by case.",
                "Basic guidelines exist but are applied unevenly.",
                "Clear guidelines, escalation paths and a crisis plan are in use.",
                "Governance is reviewed with members and trusted across the organisation.",
            ],
            Competency::Tools => [
                "Whatever free platform was at hand, connected to nothing else.",
                "Chosen platforms, with little integration or analytics.",
                "Platforms fit the strategy and connect to CRM or support systems.",
                "An integrated set of tools, reviewed and improved as needs change.",
            ],
            Competency::MetricsAndMeasurement => [
                "Nothing is measured, or only follower counts.",
                "Activity is counted but not linked to goals.",
                "KPIs tied to goals are tracked and reported on a schedule.",
                "The community's measured value informs investment decisions.",
            ],
        }
    }
}

/// A competency's score as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct MaturityScore {
    pub competency: Competency,
    /// 1 to 4; `None` while not yet scored.
    pub stage: Option<u8>,
    pub evidence: String,
}

/// A score as the form sends it: the stage as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct MaturityEdit {
    pub competency: Competency,
    pub stage: String,
    pub evidence: String,
}

impl MaturityEdit {
    pub fn validated(&self) -> Result<MaturityScore, Invalid> {
        let t = self.stage.trim();
        let stage = if t.is_empty() {
            None
        } else {
            match t.parse::<u8>() {
                Ok(n @ 1..=4) => Some(n),
                _ => {
                    return Err(Invalid::field(
                        "stage",
                        format!(
                            "“{t}” is not one of the four stages. Type 1 ({}), 2 ({}), 3 ({}) or 4 ({}).",
                            STAGES[0], STAGES[1], STAGES[2], STAGES[3]
                        ),
                    ))
                }
            }
        };
        Ok(MaturityScore {
            competency: self.competency,
            stage,
            evidence: paragraph("evidence", "evidence", &self.evidence)?,
        })
    }
}

/// One competency as the screen and documents show it: its stages described, its score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct MaturityRow {
    pub competency: Competency,
    pub label: String,
    pub stages: Vec<String>,
    pub stage: Option<u8>,
    pub evidence: String,
}

/// All eight competencies in order, scored or not.
pub fn profile(scores: &[MaturityScore]) -> Vec<MaturityRow> {
    Competency::ALL
        .into_iter()
        .map(|c| {
            let score = scores.iter().find(|s| s.competency == c);
            MaturityRow {
                competency: c,
                label: c.label().to_owned(),
                stages: c.stages().map(str::to_owned).to_vec(),
                stage: score.and_then(|s| s.stage),
                evidence: score.map(|s| s.evidence.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// The mean stage of the scored competencies.
pub fn average(scores: &[MaturityScore]) -> Option<f64> {
    let staged: Vec<f64> = scores
        .iter()
        .filter_map(|s| s.stage)
        .map(f64::from)
        .collect();
    (!staged.is_empty()).then(|| staged.iter().sum::<f64>() / staged.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(stage: &str) -> MaturityEdit {
        MaturityEdit {
            competency: Competency::Tools,
            stage: stage.into(),
            evidence: "Forum software from 2014, no analytics.".into(),
        }
    }

    #[test]
    fn stages_one_to_four_are_accepted_and_blank_means_not_scored() {
        assert_eq!(edit(" 3 ").validated().unwrap().stage, Some(3));
        assert_eq!(edit("").validated().unwrap().stage, None);
    }

    #[test]
    fn a_stage_outside_one_to_four_is_refused_at_the_stage_field() {
        for bad in ["0", "5", "-1", "2.5", "two"] {
            let err = edit(bad).validated().unwrap_err();
            assert_eq!(err.field.as_deref(), Some("stage"), "{bad}");
            assert!(
                err.message.contains("not one of the four stages"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn every_competency_has_four_distinct_one_line_stages() {
        for c in Competency::ALL {
            let s = c.stages();
            for line in s {
                assert!(!line.contains('\n') && line.len() < 120, "{c:?}: {line}");
            }
            let mut unique = s.to_vec();
            unique.dedup();
            assert_eq!(unique.len(), 4, "{c:?}");
            assert_eq!(Competency::from_slug(c.slug()), Some(c));
        }
    }

    #[test]
    fn the_profile_lists_all_eight_and_the_average_counts_only_scored_ones() {
        let scores = vec![
            edit("3").validated().unwrap(),
            MaturityScore {
                competency: Competency::Strategy,
                stage: Some(1),
                evidence: String::new(),
            },
            MaturityScore {
                competency: Competency::Culture,
                stage: None,
                evidence: "?".into(),
            },
        ];
        let p = profile(&scores);
        assert_eq!(p.len(), 8);
        assert_eq!(p[0].stage, Some(1));
        assert_eq!(p[6].stage, Some(3));
        assert_eq!(p[2].evidence, "?");
        assert_eq!(average(&scores), Some(2.0));
        assert_eq!(average(&[]), None);
    }
}
