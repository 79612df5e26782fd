//! Which column of a table holds what: the date, the channel, and the figures — or, for a
//! KPI, the date and the value. A mapping is suggested from the column names (built-in
//! presets for widely used exports, then a generic reading of common names), remembered per
//! source by the table's [signature](crate::figures::table::SourceTable::signature), and
//! changed by the strategist in the preview.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::audit::snapshots::Metric;
use crate::figures::cells::{DateReading, DecimalReading};
use crate::figures::table::SourceTable;

/// A figure a column can become in a channel's snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Figure {
    Members,
    ActiveMembers,
    PostsPerMonth,
    MedianResponseHours,
    Sentiment,
    /// A figure the strategist names (net promoter score, solved threads…).
    Custom {
        name: String,
    },
}

impl Figure {
    pub fn metric(&self) -> Option<Metric> {
        Some(match self {
            Figure::Members => Metric::Members,
            Figure::ActiveMembers => Metric::ActiveMembers,
            Figure::PostsPerMonth => Metric::PostsPerMonth,
            Figure::MedianResponseHours => Metric::MedianResponseHours,
            Figure::Sentiment => Metric::Sentiment,
            Figure::Custom { .. } => return None,
        })
    }

    pub fn label(&self) -> String {
        match (self, self.metric()) {
            (_, Some(m)) => m.label().to_owned(),
            (Figure::Custom { name }, None) => name.clone(),
            _ => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FigureColumn {
    pub column: u32,
    pub figure: Figure,
}

/// Where the channel of each row comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ChannelSource {
    /// Every row is about this channel.
    One {
        #[serde(rename = "channelId")]
        #[ts(rename = "channelId")]
        channel_id: Uuid,
    },
    /// A column names the channel of each row.
    Column { column: u32 },
}

/// What the rows become.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum FigureTarget {
    /// Measurements of one KPI.
    Kpi {
        #[serde(rename = "kpiId")]
        #[ts(rename = "kpiId")]
        kpi_id: Uuid,
        #[serde(rename = "valueColumn")]
        #[ts(rename = "valueColumn")]
        value_column: u32,
    },
    /// Metric snapshots of channels.
    Snapshots {
        channel: ChannelSource,
        figures: Vec<FigureColumn>,
    },
}

/// What to do with a date that already holds a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OnExisting {
    /// Keep what the workbook holds; the row is skipped.
    #[default]
    Keep,
    /// Take the file's value.
    Replace,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FigureMapping {
    pub date_column: u32,
    pub dates: DateReading,
    pub decimals: DecimalReading,
    pub target: FigureTarget,
    pub on_existing: OnExisting,
}

impl FigureMapping {
    /// Dates in `date_column`, rows into `target`; dates and decimal marks found from the
    /// file, and the workbook's figures kept.
    pub fn new(date_column: u32, target: FigureTarget) -> Self {
        Self {
            date_column,
            dates: DateReading::Auto,
            decimals: DecimalReading::Auto,
            target,
            on_existing: OnExisting::Keep,
        }
    }
}

/// A built-in preset: the export it fits and the column names it expects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Preset {
    pub name: String,
    /// The date column's name, folded to lower case.
    pub date: String,
    /// The channel column's name, when the export covers several channels.
    pub channel: Option<String>,
    /// Column name (lower case) and the figure it holds.
    pub figures: Vec<(String, Figure)>,
}

fn preset(name: &str, date: &str, channel: Option<&str>, figures: &[(&str, Figure)]) -> Preset {
    Preset {
        name: name.to_owned(),
        date: date.to_owned(),
        channel: channel.map(str::to_owned),
        figures: figures
            .iter()
            .map(|(c, f)| ((*c).to_owned(), f.clone()))
            .collect(),
    }
}

/// The exports Groundwork recognises by their column names (docs/figures-import.md lists
/// them). A preset applies when the file has its date column and at least one of its figures.
pub fn presets() -> Vec<Preset> {
    use Figure::*;
    vec![
        preset(
            "Chat server insights (daily members and communicators)",
            "interval_start_timestamp",
            None,
            &[
                ("total_membership", Members),
                ("communicators", ActiveMembers),
                ("messages", PostsPerMonth),
            ],
        ),
        preset(
            "Social media suite, profile report",
            "date",
            Some("profile"),
            &[
                ("followers", Members),
                ("audience", Members),
                ("engaged users", ActiveMembers),
                ("published posts", PostsPerMonth),
                ("median reply time (hours)", MedianResponseHours),
            ],
        ),
        preset(
            "Forum software, monthly report",
            "month",
            Some("category"),
            &[
                ("users", Members),
                ("active users", ActiveMembers),
                ("posts", PostsPerMonth),
                ("time to first response (hours)", MedianResponseHours),
            ],
        ),
        preset(
            "Web analytics, daily users",
            "date",
            None,
            &[("users", ActiveMembers), ("active users", ActiveMembers)],
        ),
    ]
}

/// Common column names, for files no preset knows.
const DATE_NAMES: &[&str] = &[
    "date",
    "day",
    "week",
    "month",
    "period",
    "taken on",
    "measured on",
    "timestamp",
    "time",
    "interval_start_timestamp",
    "date range",
    "start date",
];
const CHANNEL_NAMES: &[&str] = &[
    "channel",
    "network",
    "platform",
    "profile",
    "account",
    "page",
    "community",
    "space",
    "category",
    "source",
];
const VALUE_NAMES: &[&str] = &["value", "actual", "result", "measurement", "total", "count"];

fn generic_figure(header: &str) -> Option<Figure> {
    let h = header.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if has(&["sentiment"]) {
        Some(Figure::Sentiment)
    } else if has(&["response", "reply time", "first reply"]) {
        Some(Figure::MedianResponseHours)
    } else if has(&["active", "engaged", "communicator", "contributor"]) {
        Some(Figure::ActiveMembers)
    } else if has(&[
        "member",
        "follower",
        "subscriber",
        "fans",
        "audience",
        "membership",
    ]) {
        Some(Figure::Members)
    } else if has(&["posts", "messages", "threads", "topics"]) {
        Some(Figure::PostsPerMonth)
    } else {
        None
    }
}

fn find(headers: &[String], names: &[&str]) -> Option<u32> {
    let folded: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
    names
        .iter()
        .find_map(|n| folded.iter().position(|h| h == n))
        .or_else(|| {
            names
                .iter()
                .find_map(|n| folded.iter().position(|h| h.contains(n)))
        })
        .and_then(|i| u32::try_from(i).ok())
}

/// The preset the table's columns fit, if any.
pub fn matching_preset(table: &SourceTable) -> Option<Preset> {
    let folded: Vec<String> = table
        .headers
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    presets().into_iter().find(|p| {
        folded.contains(&p.date)
            && p.figures.iter().any(|(c, _)| folded.contains(c))
            && p.channel.as_ref().is_none_or(|c| folded.contains(c))
    })
}

/// A first mapping for a table: from a preset the columns fit, else from common names; the
/// first column is the date when nothing names one.
pub fn suggest_snapshots(
    table: &SourceTable,
    one_channel: Option<Uuid>,
) -> (FigureMapping, Option<String>) {
    let position = |name: &str| {
        table
            .headers
            .iter()
            .position(|h| h.trim().to_lowercase() == name)
            .and_then(|i| u32::try_from(i).ok())
    };
    if let Some(p) = matching_preset(table) {
        let mut figures: Vec<FigureColumn> = Vec::new();
        for (name, figure) in &p.figures {
            if let Some(column) = position(name) {
                if !figures.iter().any(|f| &f.figure == figure) {
                    figures.push(FigureColumn {
                        column,
                        figure: figure.clone(),
                    });
                }
            }
        }
        let channel = match (p.channel.as_deref().and_then(position), one_channel) {
            (Some(column), _) => Some(ChannelSource::Column { column }),
            (None, Some(channel_id)) => Some(ChannelSource::One { channel_id }),
            (None, None) => None,
        };
        if let (Some(date_column), Some(channel)) = (position(&p.date), channel) {
            let mapping =
                FigureMapping::new(date_column, FigureTarget::Snapshots { channel, figures });
            return (mapping, Some(p.name));
        }
    }
    let date_column = find(&table.headers, DATE_NAMES).unwrap_or(0);
    let channel_column = find(&table.headers, CHANNEL_NAMES).filter(|c| *c != date_column);
    let mut figures: Vec<FigureColumn> = Vec::new();
    for (i, header) in table.headers.iter().enumerate() {
        let Ok(column) = u32::try_from(i) else { break };
        if column == date_column || Some(column) == channel_column {
            continue;
        }
        if let Some(figure) = generic_figure(header) {
            if !figures.iter().any(|f| f.figure == figure) {
                figures.push(FigureColumn { column, figure });
            }
        }
    }
    let channel = match (channel_column, one_channel) {
        (Some(column), _) => ChannelSource::Column { column },
        (None, Some(channel_id)) => ChannelSource::One { channel_id },
        // No channel known: the preview asks the strategist to choose one.
        (None, None) => ChannelSource::One {
            channel_id: Uuid::nil(),
        },
    };
    let mapping = FigureMapping::new(date_column, FigureTarget::Snapshots { channel, figures });
    (mapping, None)
}

/// A first mapping of a table onto a KPI's measurements: a date column by name (else the
/// first), and the value from a column named like the KPI or like a value, else the first
/// other column holding numbers.
pub fn suggest_kpi(table: &SourceTable, kpi_id: Uuid, kpi_name: &str) -> FigureMapping {
    let date_column = find(&table.headers, DATE_NAMES).unwrap_or(0);
    let by_name = find(&table.headers, &[kpi_name.trim().to_lowercase().as_str()]);
    let value_column = by_name
        .or_else(|| find(&table.headers, VALUE_NAMES))
        .filter(|c| *c != date_column)
        .unwrap_or(u32::from(date_column == 0));
    FigureMapping::new(
        date_column,
        FigureTarget::Kpi {
            kpi_id,
            value_column,
        },
    )
}
