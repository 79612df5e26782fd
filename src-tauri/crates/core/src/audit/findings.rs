//! Findings: what the audit concludes, each with its importance and the evidence it rests on.
//! Later steps cite findings by id, so an id never changes once given.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::text::{paragraph, required_line};
use crate::words::word_enum;
use crate::Invalid;

word_enum! {
    #[derive(PartialOrd, Ord)]
    pub enum Importance {
        High => "high", "High";
        Medium => "medium", "Medium";
        Low => "low", "Low";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Finding {
    pub id: Uuid,
    pub title: String,
    pub importance: Importance,
    pub evidence: String,
    /// The channels the finding rests on.
    pub channel_ids: Vec<Uuid>,
    /// The snapshots (dated figures) the finding rests on.
    pub snapshot_ids: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What later steps need to cite a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FindingSummary {
    pub id: Uuid,
    pub title: String,
    pub importance: Importance,
}

impl From<&Finding> for FindingSummary {
    fn from(f: &Finding) -> Self {
        Self {
            id: f.id,
            title: f.title.clone(),
            importance: f.importance,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FindingEdit {
    pub title: String,
    pub importance: Importance,
    pub evidence: String,
    pub channel_ids: Vec<Uuid>,
    pub snapshot_ids: Vec<Uuid>,
}

impl FindingEdit {
    /// Checks the fields; `channels` and `snapshots` are the ids that exist, so a finding can
    /// only rest on records the workbook holds. Repeated links are kept once.
    pub fn validated(&self, channels: &[Uuid], snapshots: &[Uuid]) -> Result<Self, Invalid> {
        let title = required_line("title", "finding's title", &self.title)?;
        let mut channel_ids: Vec<Uuid> = Vec::new();
        for id in &self.channel_ids {
            if !channels.contains(id) {
                return Err(Invalid::field(
                    "channelIds",
                    "One of the linked channels no longer exists. Untick it and save again.",
                ));
            }
            if !channel_ids.contains(id) {
                channel_ids.push(*id);
            }
        }
        let mut snapshot_ids: Vec<Uuid> = Vec::new();
        for id in &self.snapshot_ids {
            if !snapshots.contains(id) {
                return Err(Invalid::field(
                    "snapshotIds",
                    "One of the linked snapshots no longer exists. Untick it and save again.",
                ));
            }
            if !snapshot_ids.contains(id) {
                snapshot_ids.push(*id);
            }
        }
        Ok(Self {
            title,
            importance: self.importance,
            evidence: paragraph("evidence", "evidence", &self.evidence)?,
            channel_ids,
            snapshot_ids,
        })
    }
}

/// Findings in reading order: most important first, then oldest first.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.importance, a.created_at, a.id).cmp(&(b.importance, b.created_at, b.id))
    });
}

/// The sentence shown before a finding is deleted, naming the crisis scenarios that rest on it
/// (their links go with the finding; the scenarios stay).
pub fn deletion_notice(scenarios: &[String]) -> String {
    let mut out =
        "The finding and its links will be deleted. Goals that cite it will lose this evidence."
            .to_owned();
    if !scenarios.is_empty() {
        let titles: Vec<String> = scenarios.iter().map(|t| format!("“{t}”")).collect();
        let (noun, kept) = if scenarios.len() == 1 {
            ("crisis scenario rests", "that scenario stays")
        } else {
            ("crisis scenarios rest", "those scenarios stay")
        };
        out.push_str(&format!(
            " {} {noun} on it: {}. The links will be removed; {kept}.",
            if scenarios.len() == 1 {
                "One".to_owned()
            } else {
                scenarios.len().to_string()
            },
            titles.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit() -> FindingEdit {
        FindingEdit {
            title: " Questions wait a day for a reply ".into(),
            importance: Importance::High,
            evidence: "Median response 26 h on the forum.".into(),
            channel_ids: Vec::new(),
            snapshot_ids: Vec::new(),
        }
    }

    #[test]
    fn a_finding_needs_a_title() {
        let err = FindingEdit {
            title: "\n".into(),
            ..edit()
        }
        .validated(&[], &[])
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("title"));
        assert_eq!(
            edit().validated(&[], &[]).unwrap().title,
            "Questions wait a day for a reply"
        );
    }

    #[test]
    fn links_must_point_at_existing_records_and_are_kept_once() {
        let (c, s) = (Uuid::now_v7(), Uuid::now_v7());
        let v = FindingEdit {
            channel_ids: vec![c, c],
            snapshot_ids: vec![s],
            ..edit()
        }
        .validated(&[c], &[s])
        .unwrap();
        assert_eq!(v.channel_ids, vec![c]);
        let err = FindingEdit {
            channel_ids: vec![Uuid::now_v7()],
            ..edit()
        }
        .validated(&[c], &[s])
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("channelIds"));
        let err = FindingEdit {
            snapshot_ids: vec![c],
            ..edit()
        }
        .validated(&[c], &[s])
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("snapshotIds"));
    }

    #[test]
    fn most_important_first() {
        let f = |title: &str, importance| Finding {
            id: Uuid::now_v7(),
            title: title.into(),
            importance,
            evidence: String::new(),
            channel_ids: Vec::new(),
            snapshot_ids: Vec::new(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        let mut list = vec![
            f("low", Importance::Low),
            f("high", Importance::High),
            f("mid", Importance::Medium),
        ];
        sort(&mut list);
        let titles: Vec<&str> = list.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(titles, ["high", "mid", "low"]);
    }

    #[test]
    fn the_deletion_notice_names_the_scenarios_that_rest_on_the_finding() {
        assert!(!deletion_notice(&[]).contains("scenario"));
        assert!(deletion_notice(&["Forum outage".into()])
            .ends_with("One crisis scenario rests on it: “Forum outage”. The links will be removed; that scenario stays."));
        assert!(deletion_notice(&["A".into(), "B".into()])
            .contains("2 crisis scenarios rest on it: “A”, “B”."));
    }
}
