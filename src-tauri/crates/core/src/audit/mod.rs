//! Step 1, the community audit: where the community lives (channels), how it is doing
//! (snapshots of figures), how mature the organisation's practice is, the situation around
//! it, and what the audit concludes (findings).

pub mod channels;
pub mod compare;
pub mod findings;
pub mod maturity;
pub mod situation;
pub mod snapshots;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use channels::Channel;
use compare::{ChannelActivity, Comparison};
use findings::{Finding, FindingSummary};
use maturity::{MaturityRow, MaturityScore};
use situation::{Peer, Situation};
use snapshots::Snapshot;

/// Every audit record of a workbook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Audit {
    /// In name order.
    pub channels: Vec<Channel>,
    /// Newest first.
    pub snapshots: Vec<Snapshot>,
    /// Only the competencies that were touched; see [`maturity::profile`] for all eight.
    pub maturity: Vec<MaturityScore>,
    pub situation: Situation,
    pub peers: Vec<Peer>,
    /// Most important first.
    pub findings: Vec<Finding>,
}

impl Audit {
    /// How many records the step holds: channels, snapshots, scored competencies, peers,
    /// findings, and the situation once anything is written in it.
    pub fn record_count(&self) -> usize {
        self.channels.len()
            + self.snapshots.len()
            + self.maturity.iter().filter(|m| m.stage.is_some()).count()
            + self.peers.len()
            + self.findings.len()
            + usize::from(!self.situation.is_empty())
    }

    pub fn channel(&self, id: Uuid) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }

    pub fn snapshot(&self, id: Uuid) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }

    /// "Makers forum, 14 Mar 2026": how a snapshot is named in lists and documents.
    pub fn snapshot_label(&self, s: &Snapshot) -> String {
        let channel = self
            .channel(s.channel_id)
            .map_or("A deleted channel", |c| c.name.as_str());
        format!("{channel}, {}", crate::text::date(s.taken_on))
    }

    /// Findings that rest on the channel or on one of its snapshots.
    pub fn findings_citing_channel(&self, channel: Uuid) -> Vec<&Finding> {
        let snaps: Vec<Uuid> = self
            .snapshots
            .iter()
            .filter(|s| s.channel_id == channel)
            .map(|s| s.id)
            .collect();
        self.findings
            .iter()
            .filter(|f| {
                f.channel_ids.contains(&channel) || f.snapshot_ids.iter().any(|s| snaps.contains(s))
            })
            .collect()
    }

    pub fn finding_summaries(&self) -> Vec<FindingSummary> {
        self.findings.iter().map(FindingSummary::from).collect()
    }

    pub fn audit_dates(&self) -> Vec<NaiveDate> {
        compare::audit_dates(&self.snapshots)
    }

    /// The two most recent audit dates compared, once there are two.
    pub fn latest_comparison(&self) -> Option<Comparison> {
        match self.audit_dates().as_slice() {
            [to, from, ..] => Some(self.compare(*from, *to)),
            _ => None,
        }
    }

    pub fn compare(&self, from: NaiveDate, to: NaiveDate) -> Comparison {
        compare::compare(&self.channels, &self.snapshots, from, to)
    }

    pub fn activity(&self) -> Vec<ChannelActivity> {
        compare::activity(&self.channels, &self.snapshots)
    }

    pub fn maturity_profile(&self) -> Vec<MaturityRow> {
        maturity::profile(&self.maturity)
    }
}

/// What the audit screens show: the records and what is worked out from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct AuditOverview {
    pub audit: Audit,
    pub activity: Vec<ChannelActivity>,
    pub maturity: Vec<MaturityRow>,
    pub maturity_average: Option<f64>,
    /// Newest first.
    pub audit_dates: Vec<NaiveDate>,
    /// The two most recent audit dates side by side.
    pub comparison: Option<Comparison>,
    pub records: u64,
    pub vocabulary: Vocabulary,
}

/// A choice and the words a strategist reads for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Choice<T> {
    pub value: T,
    pub label: String,
}

/// The lists the audit's forms offer, with their labels, so the screens and the documents
/// use the same words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Vocabulary {
    pub channel_kinds: Vec<Choice<channels::ChannelKind>>,
    pub ownership: Vec<Choice<channels::Ownership>>,
    pub importance: Vec<Choice<findings::Importance>>,
    pub peer_kinds: Vec<Choice<situation::PeerKind>>,
    pub metrics: Vec<Choice<snapshots::Metric>>,
    /// The four maturity stages, stage 1 first.
    pub stages: Vec<String>,
}

impl Vocabulary {
    pub fn new() -> Self {
        fn choices<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<Choice<T>> {
            all.iter()
                .map(|v| Choice {
                    value: *v,
                    label: label(*v).to_owned(),
                })
                .collect()
        }
        use channels::{ChannelKind, Ownership};
        use situation::PeerKind;
        Self {
            channel_kinds: choices(&ChannelKind::ALL, ChannelKind::label),
            ownership: choices(&[Ownership::Owned, Ownership::Unofficial], Ownership::label),
            importance: choices(&findings::Importance::ALL, findings::Importance::label),
            peer_kinds: choices(
                &[PeerKind::LikeMinded, PeerKind::Competitor],
                PeerKind::label,
            ),
            metrics: choices(&snapshots::Metric::ALL, snapshots::Metric::label),
            stages: maturity::STAGES.map(str::to_owned).to_vec(),
        }
    }
}

impl Default for Vocabulary {
    fn default() -> Self {
        Self::new()
    }
}

impl From<Audit> for AuditOverview {
    fn from(audit: Audit) -> Self {
        Self {
            activity: audit.activity(),
            maturity: audit.maturity_profile(),
            maturity_average: maturity::average(&audit.maturity),
            audit_dates: audit.audit_dates(),
            comparison: audit.latest_comparison(),
            records: audit.record_count() as u64,
            vocabulary: Vocabulary::new(),
            audit,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use channels::{ChannelKind, Ownership};
    use findings::Importance;

    #[test]
    fn record_count_and_citations() {
        let forum = Channel {
            id: Uuid::now_v7(),
            kind: ChannelKind::Forum,
            name: "Forum".into(),
            link: String::new(),
            ownership: Ownership::Owned,
            audience: String::new(),
            run_by: String::new(),
            notes: String::new(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        let snap = Snapshot {
            id: Uuid::now_v7(),
            channel_id: forum.id,
            taken_on: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            members: Some(10.0),
            active_members: None,
            posts_per_month: None,
            median_response_hours: None,
            sentiment: None,
            custom: Vec::new(),
            notes: String::new(),
            created_at: Utc::now(),
        };
        let finding = Finding {
            id: Uuid::now_v7(),
            title: "Small".into(),
            importance: Importance::Low,
            evidence: String::new(),
            channel_ids: Vec::new(),
            snapshot_ids: vec![snap.id],
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        let mut audit = Audit {
            channels: vec![forum.clone()],
            snapshots: vec![snap.clone()],
            maturity: vec![MaturityScore {
                competency: maturity::Competency::Tools,
                stage: None,
                evidence: "draft".into(),
            }],
            findings: vec![finding],
            ..Audit::default()
        };
        assert_eq!(
            audit.record_count(),
            3,
            "an unscored competency is not a record yet"
        );
        audit.situation.threats = "A rival forum".into();
        assert_eq!(audit.record_count(), 4);
        assert_eq!(
            audit.findings_citing_channel(forum.id).len(),
            1,
            "citing a channel's snapshot cites the channel"
        );
        assert_eq!(audit.snapshot_label(&snap), "Forum, 1\u{a0}Mar\u{a0}2026");
        assert!(
            audit.latest_comparison().is_none(),
            "one date: nothing to compare"
        );
    }
}
