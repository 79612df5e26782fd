//! What the screens and documents show from snapshots: the audit dates, each channel's latest
//! activity, and two audit dates side by side with the change.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::audit::channels::{Channel, ChannelKind, Ownership};
use crate::audit::snapshots::{Metric, Snapshot};

/// The dates on which any snapshot was taken, newest first.
pub fn audit_dates(snapshots: &[Snapshot]) -> Vec<NaiveDate> {
    let dates: BTreeSet<NaiveDate> = snapshots.iter().map(|s| s.taken_on).collect();
    dates.into_iter().rev().collect()
}

/// The channel's snapshot in force on `date`: the latest taken on or before it.
pub fn snapshot_on(snapshots: &[Snapshot], channel: Uuid, date: NaiveDate) -> Option<&Snapshot> {
    snapshots
        .iter()
        .filter(|s| s.channel_id == channel && s.taken_on <= date)
        .max_by_key(|s| (s.taken_on, s.created_at))
}

/// A channel's latest figures, for the activity bars and the channels table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ChannelActivity {
    pub channel_id: Uuid,
    pub name: String,
    pub kind: ChannelKind,
    pub ownership: Ownership,
    /// When the figures were taken; `None` while the channel has no snapshot.
    pub taken_on: Option<NaiveDate>,
    pub members: Option<f64>,
    pub active_members: Option<f64>,
    pub posts_per_month: Option<f64>,
    pub median_response_hours: Option<f64>,
    pub sentiment: Option<f64>,
    pub snapshots: u32,
}

/// One row per channel, in the channels' order.
pub fn activity(channels: &[Channel], snapshots: &[Snapshot]) -> Vec<ChannelActivity> {
    channels
        .iter()
        .map(|c| {
            let latest = snapshots
                .iter()
                .filter(|s| s.channel_id == c.id)
                .max_by_key(|s| (s.taken_on, s.created_at));
            let figure = |m: Metric| latest.and_then(|s| m.of(s));
            ChannelActivity {
                channel_id: c.id,
                name: c.name.clone(),
                kind: c.kind,
                ownership: c.ownership,
                taken_on: latest.map(|s| s.taken_on),
                members: figure(Metric::Members),
                active_members: figure(Metric::ActiveMembers),
                posts_per_month: figure(Metric::PostsPerMonth),
                median_response_hours: figure(Metric::MedianResponseHours),
                sentiment: figure(Metric::Sentiment),
                snapshots: u32::try_from(snapshots.iter().filter(|s| s.channel_id == c.id).count())
                    .unwrap_or(u32::MAX),
            }
        })
        .collect()
}

/// Whether a change is good news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Trend {
    Better,
    Worse,
    Same,
    /// No change can be worked out, or the figure has no good direction (custom figures).
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ComparisonRow {
    pub channel_id: Uuid,
    pub channel: String,
    pub metric: String,
    /// The dates of the snapshots used on each side (a channel may have been measured a few
    /// days before the audit date).
    pub before_on: Option<NaiveDate>,
    pub after_on: Option<NaiveDate>,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
    /// Change as a percentage of the earlier figure; `None` when that was 0 or missing.
    pub change_percent: Option<f64>,
    pub trend: Trend,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Comparison {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<ComparisonRow>,
}

/// Every figure of every channel at `from` and at `to`. Each side uses the channel's latest
/// snapshot on or before that date; a channel with no newer snapshot than the earlier side's
/// shows no later figure rather than a change of zero.
pub fn compare(
    channels: &[Channel],
    snapshots: &[Snapshot],
    from: NaiveDate,
    to: NaiveDate,
) -> Comparison {
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    let mut rows = Vec::new();
    for c in channels {
        let before = snapshot_on(snapshots, c.id, from);
        let after =
            snapshot_on(snapshots, c.id, to).filter(|a| before.is_none_or(|b| b.id != a.id));
        let row =
            |metric: String, b: Option<f64>, a: Option<f64>, higher_is_better: Option<bool>| {
                let change = b.zip(a).map(|(b, a)| a - b);
                let change_percent = b
                    .zip(change)
                    .filter(|(b, _)| *b != 0.0)
                    .map(|(b, d)| d / b * 100.0);
                let trend = match (change, higher_is_better) {
                    (Some(d), _) if d.abs() < 1e-9 => Trend::Same,
                    (Some(d), Some(up)) => {
                        if (d > 0.0) == up {
                            Trend::Better
                        } else {
                            Trend::Worse
                        }
                    }
                    _ => Trend::Unknown,
                };
                ComparisonRow {
                    channel_id: c.id,
                    channel: c.name.clone(),
                    metric,
                    before_on: before.map(|s| s.taken_on),
                    after_on: after.map(|s| s.taken_on),
                    before: b,
                    after: a,
                    change,
                    change_percent,
                    trend,
                }
            };
        for m in Metric::ALL {
            let (b, a) = (before.and_then(|s| m.of(s)), after.and_then(|s| m.of(s)));
            if b.is_some() || a.is_some() {
                rows.push(row(m.label().to_owned(), b, a, Some(m.higher_is_better())));
            }
        }
        let mut custom: Vec<&str> = Vec::new();
        for s in before.iter().chain(after.iter()) {
            for f in &s.custom {
                if !custom
                    .iter()
                    .any(|n| crate::audit::channels::same_name(n, &f.name))
                {
                    custom.push(&f.name);
                }
            }
        }
        for name in custom {
            let find = |s: Option<&Snapshot>| {
                s.and_then(|s| {
                    s.custom
                        .iter()
                        .find(|f| crate::audit::channels::same_name(&f.name, name))
                        .map(|f| f.value)
                })
            };
            rows.push(row(name.to_owned(), find(before), find(after), None));
        }
    }
    Comparison { from, to, rows }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::audit::snapshots::CustomFigure;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn channel(name: &str) -> Channel {
        Channel {
            id: Uuid::now_v7(),
            kind: ChannelKind::Forum,
            name: name.into(),
            link: String::new(),
            ownership: Ownership::Owned,
            audience: String::new(),
            run_by: String::new(),
            notes: String::new(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn snap(channel: &Channel, on: NaiveDate, members: f64, hours: Option<f64>) -> Snapshot {
        Snapshot {
            id: Uuid::now_v7(),
            channel_id: channel.id,
            taken_on: on,
            members: Some(members),
            active_members: None,
            posts_per_month: None,
            median_response_hours: hours,
            sentiment: None,
            custom: vec![CustomFigure {
                name: "NPS".into(),
                value: members / 10.0,
            }],
            notes: String::new(),
            created_at: Utc::now(),
        }
    }

    #[test]
    fn two_dates_side_by_side_with_the_change_and_its_direction() {
        let forum = channel("Forum");
        let discord = channel("Discord");
        let snaps = vec![
            snap(&forum, date(1, 10), 1000.0, Some(10.0)),
            snap(&forum, date(3, 10), 1250.0, Some(12.0)),
            snap(&discord, date(1, 12), 400.0, None),
        ];
        assert_eq!(
            audit_dates(&snaps),
            vec![date(3, 10), date(1, 12), date(1, 10)]
        );
        let c = compare(
            &[forum.clone(), discord.clone()],
            &snaps,
            date(3, 10),
            date(1, 12),
        );
        assert_eq!(
            (c.from, c.to),
            (date(1, 12), date(3, 10)),
            "earlier date first"
        );
        let members = &c.rows[0];
        assert_eq!(
            (members.channel.as_str(), members.metric.as_str()),
            ("Forum", "Members")
        );
        assert_eq!(
            (members.before, members.after),
            (Some(1000.0), Some(1250.0))
        );
        assert_eq!(members.change, Some(250.0));
        assert_eq!(members.change_percent, Some(25.0));
        assert_eq!(members.trend, Trend::Better);
        let hours = &c.rows[1];
        assert_eq!(hours.trend, Trend::Worse, "a slower response is worse news");
        let nps = &c.rows[2];
        assert_eq!((nps.metric.as_str(), nps.change), ("NPS", Some(25.0)));
        assert_eq!(
            nps.trend,
            Trend::Unknown,
            "custom figures have no good direction"
        );
        let discord_members = c.rows.iter().find(|r| r.channel == "Discord").unwrap();
        assert_eq!(discord_members.before, Some(400.0));
        assert_eq!(
            discord_members.after, None,
            "no newer snapshot: no fake zero change"
        );
        assert_eq!(discord_members.change, None);
    }

    #[test]
    fn activity_takes_each_channels_latest_snapshot() {
        let forum = channel("Forum");
        let quiet = channel("Quiet");
        let snaps = vec![
            snap(&forum, date(3, 10), 1250.0, None),
            snap(&forum, date(1, 10), 1000.0, None),
        ];
        let a = activity(&[forum, quiet], &snaps);
        assert_eq!(a[0].members, Some(1250.0));
        assert_eq!(a[0].taken_on, Some(date(3, 10)));
        assert_eq!(a[0].snapshots, 2);
        assert_eq!(a[1].taken_on, None);
        assert_eq!(a[1].members, None);
    }
}
