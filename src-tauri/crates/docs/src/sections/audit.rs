//! The audit step's section: where the community lives, its figures over time, the maturity
//! profile, the situation and the findings. The full strategy and the audit workbook carry
//! all of it (the workbook adds every snapshot and the channels' notes); the crisis playbook
//! lists the channels to watch.

use groundwork_core::audit::channels::Ownership;
use groundwork_core::audit::compare::{ChannelActivity, Trend};
use groundwork_core::audit::maturity::{self, STAGES};
use groundwork_core::audit::snapshots::Metric;
use groundwork_core::audit::Audit;
use groundwork_core::documents::Document;
use groundwork_core::text::{grouped_figure, long_date, plural, short_date};
use groundwork_core::workbook::{Step, Workbook};

use crate::charts::{Bar, BarChart, Chart, RadarChart, RadarSeries};
use crate::layout::{Block, Column, Table};
use crate::sections::{empty_step, Built};

/// How many records of this step the workbook holds.
pub fn records(workbook: &Workbook) -> usize {
    workbook.audit.record_count()
}

pub fn build(workbook: &Workbook, document: Document) -> Built {
    if records(workbook) == 0 {
        return empty_step(
            Step::Audit,
            "no audit records yet",
            "Record channels, figures, the maturity self-assessment and findings in step 1, Community audit, and they will appear here.",
        );
    }
    let a = &workbook.audit;
    let mut blocks = vec![Block::Lead(summary(a))];
    if document == Document::Crisis {
        blocks.push(h2("Channels to watch"));
        blocks.extend(channels(a, false));
        return Built {
            blocks,
            warnings: Vec::new(),
        };
    }
    let workbook_doc = document == Document::Audit;
    blocks.push(h2("Where the community lives"));
    blocks.extend(channels(a, workbook_doc));
    blocks.push(h2("Figures over time"));
    blocks.extend(figures(a, workbook_doc));
    blocks.push(h2("Maturity self-assessment"));
    blocks.extend(maturity_blocks(a));
    blocks.push(h2("Situation"));
    blocks.extend(situation(a));
    blocks.push(h2("Findings"));
    blocks.extend(findings(a));
    Built {
        blocks,
        warnings: Vec::new(),
    }
}

fn h2(text: &str) -> Block {
    Block::Heading {
        level: 2,
        text: text.to_owned(),
    }
}

fn h3(text: &str) -> Block {
    Block::Heading {
        level: 3,
        text: text.to_owned(),
    }
}

fn figure(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), grouped_figure)
}

/// One sentence on what the audit holds.
fn summary(a: &Audit) -> String {
    let owned = a
        .channels
        .iter()
        .filter(|c| c.ownership == Ownership::Owned)
        .count();
    let mut parts = vec![format!(
        "The audit covers {} ({owned} owned, {} unofficial)",
        plural(a.channels.len(), "channel", "channels"),
        a.channels.len() - owned
    )];
    let dates = a.audit_dates();
    if !dates.is_empty() {
        parts.push(format!(
            "figures recorded on {}",
            plural(dates.len(), "date", "dates")
        ));
    }
    if let Some(avg) = maturity::average(&a.maturity) {
        parts.push(format!("an average maturity stage of {avg:.1} out of 4"));
    }
    let high = a
        .findings
        .iter()
        .filter(|f| f.importance.slug() == "high")
        .count();
    parts.push(format!(
        "{} ({high} of high importance)",
        plural(a.findings.len(), "finding", "findings")
    ));
    let last = parts.pop().unwrap_or_default();
    format!("{} and {last}.", parts.join(", "))
}

/// Every channel with its latest members and posts (`activity` is [`Audit::activity`]).
fn channel_table(a: &Audit, activity: &[ChannelActivity]) -> Block {
    if a.channels.is_empty() {
        return Block::Note("No channels recorded yet.".to_owned());
    }
    let columns = vec![
        Column::new("Channel", 2.1),
        Column::new("Kind", 1.5),
        Column::new("Owned", 1.3),
        Column::new("Audience", 1.7),
        Column::new("Run by", 1.5),
        Column::right("Members", 1.3),
        Column::right("Posts/mo", 1.4),
    ];
    let rows = a
        .channels
        .iter()
        .zip(activity)
        .map(|(c, act)| {
            vec![
                c.name.clone(),
                c.kind.label().to_owned(),
                c.ownership.label().to_owned(),
                c.audience.clone(),
                c.run_by.clone(),
                figure(act.members),
                figure(act.posts_per_month),
            ]
        })
        .collect();
    Block::Table(Table { columns, rows })
}

fn channels(a: &Audit, with_notes: bool) -> Vec<Block> {
    let activity = a.activity();
    let mut blocks = vec![channel_table(a, &activity)];
    if a.channels.is_empty() {
        return blocks;
    }
    // Activity bars: posts per month where recorded, else members.
    let measure = if activity.iter().any(|x| x.posts_per_month.is_some()) {
        Metric::PostsPerMonth
    } else {
        Metric::Members
    };
    let bars: Vec<Bar> = activity
        .iter()
        .filter_map(|x| {
            let v = match measure {
                Metric::PostsPerMonth => x.posts_per_month,
                _ => x.members,
            }?;
            Some(Bar {
                label: x.name.clone(),
                value: v,
            })
        })
        .collect();
    if !bars.is_empty() {
        let height = (bars.len() as f32 * 24.0 + 24.0).min(420.0);
        blocks.push(Block::Chart {
            chart: Chart::Bars(BarChart {
                bars,
                max: None,
                unit: String::new(),
            }),
            height,
            caption: Some(format!(
                "Channel activity: {} in each channel's latest snapshot.",
                measure.label().to_lowercase()
            )),
        });
    }
    if with_notes {
        let notes: Vec<(String, String)> = a
            .channels
            .iter()
            .filter(|c| !c.notes.trim().is_empty() || !c.link.trim().is_empty())
            .map(|c| {
                let text = [c.link.as_str(), c.notes.as_str()]
                    .into_iter()
                    .filter(|t| !t.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                (c.name.clone(), text)
            })
            .collect();
        if !notes.is_empty() {
            blocks.push(h3("Links and notes"));
            blocks.push(Block::KeyValue(notes));
        }
    }
    blocks
}

fn figures(a: &Audit, every_snapshot: bool) -> Vec<Block> {
    if a.snapshots.is_empty() {
        return vec![Block::Note("No figures recorded yet.".to_owned())];
    }
    let mut blocks = Vec::new();
    if let Some(c) = a.latest_comparison() {
        blocks.push(Block::Paragraph(format!(
            "The two latest audits side by side: {} and {}.",
            long_date(c.from),
            long_date(c.to)
        )));
        let rows = c
            .rows
            .iter()
            .map(|r| {
                let change = match (r.change, r.change_percent) {
                    (Some(d), Some(p)) => format!("{} ({}%)", signed(d), signed(p.round())),
                    (Some(d), None) => signed(d),
                    _ => "—".to_owned(),
                };
                let verdict = match r.trend {
                    Trend::Better => "better",
                    Trend::Worse => "worse",
                    Trend::Same => "same",
                    Trend::Unknown => "",
                };
                vec![
                    r.channel.clone(),
                    r.metric.clone(),
                    figure(r.before),
                    figure(r.after),
                    change,
                    verdict.to_owned(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Channel", 1.8),
                Column::new("Figure", 2.2),
                Column::right(&short_date(c.from), 1.2),
                Column::right(&short_date(c.to), 1.2),
                Column::right("Change", 1.4),
                Column::new("", 0.8),
            ],
            rows,
        }));
    } else {
        blocks.push(Block::Paragraph(
            "Figures were recorded on one date so far; a later audit will be compared with it."
                .to_owned(),
        ));
    }
    if every_snapshot || a.latest_comparison().is_none() {
        if every_snapshot {
            blocks.push(h3("Every snapshot"));
        }
        // Only the figures some snapshot has, so the table stays readable.
        let shown: Vec<Metric> = Metric::ALL
            .into_iter()
            .filter(|m| a.snapshots.iter().any(|s| m.of(s).is_some()))
            .collect();
        let rows = a
            .snapshots
            .iter()
            .map(|s| {
                let other: Vec<String> = s
                    .custom
                    .iter()
                    .map(|f| format!("{}: {}", f.name, grouped_figure(f.value)))
                    .collect();
                let mut row = vec![
                    short_date(s.taken_on),
                    a.channel(s.channel_id)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                ];
                row.extend(shown.iter().map(|m| figure(m.of(s))));
                row.push(
                    [other.join("; "), s.notes.clone()]
                        .into_iter()
                        .filter(|t| !t.trim().is_empty())
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
                row
            })
            .collect();
        let mut columns = vec![Column::new("Date", 1.5), Column::new("Channel", 1.7)];
        columns.extend(shown.iter().map(|m| {
            let (title, weight) = match m {
                Metric::Members => ("Members", 1.3),
                Metric::ActiveMembers => ("Active", 1.1),
                Metric::PostsPerMonth => ("Posts/mo", 1.2),
                Metric::MedianResponseHours => ("Reply h", 1.1),
                Metric::Sentiment => ("Sentiment", 1.5),
            };
            Column::right(title, weight)
        }));
        columns.push(Column::new("Other figures, notes", 2.2));
        blocks.push(Block::Table(Table { columns, rows }));
    }
    blocks
}

fn signed(v: f64) -> String {
    if v.abs() < 1e-9 {
        "0".to_owned()
    } else if v > 0.0 {
        format!("+{}", grouped_figure(v))
    } else {
        format!("−{}", grouped_figure(-v))
    }
}

fn maturity_blocks(a: &Audit) -> Vec<Block> {
    let rows = a.maturity_profile();
    if rows.iter().all(|r| r.stage.is_none()) {
        return vec![Block::Note("No competency has been scored yet.".to_owned())];
    }
    let chart = RadarChart {
        axes: rows.iter().map(|r| r.label.clone()).collect(),
        levels: STAGES.map(str::to_owned).to_vec(),
        series: vec![RadarSeries {
            name: "Today".to_owned(),
            values: rows
                .iter()
                .map(|r| r.stage.map_or(0.0, f64::from))
                .collect(),
        }],
    };
    let table = rows
        .iter()
        .map(|r| {
            let stage = r.stage.map_or_else(
                || "Not scored".to_owned(),
                |s| format!("{s} · {}", STAGES[usize::from(s.clamp(1, 4)) - 1]),
            );
            let meaning = r
                .stage
                .and_then(|s| r.stages.get(usize::from(s) - 1))
                .cloned()
                .unwrap_or_default();
            vec![
                r.label.clone(),
                stage,
                [meaning, r.evidence.clone()]
                    .into_iter()
                    .filter(|t| !t.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"),
            ]
        })
        .collect();
    vec![
        Block::Chart {
            chart: Chart::Radar(chart),
            height: 270.0,
            caption: Some(format!(
                "Maturity profile: each competency on four stages, from ad hoc near the centre to leading at the edge.{}",
                if rows.iter().any(|r| r.stage.is_none()) {
                    " Competencies not scored yet sit at the centre."
                } else {
                    ""
                }
            )),
        },
        Block::Table(Table {
            columns: vec![
                Column::new("Competency", 1.6),
                Column::new("Stage", 1.2),
                Column::new("What it looks like, and the evidence", 4.0),
            ],
            rows: table,
        }),
    ]
}

fn situation(a: &Audit) -> Vec<Block> {
    let s = &a.situation;
    let mut blocks = Vec::new();
    let q = s.quadrants();
    let cell = |points: &[String]| {
        if points.is_empty() {
            "—".to_owned()
        } else {
            points
                .iter()
                .map(|p| format!("• {p}"))
                .collect::<Vec<_>>()
                .join("\n")
        }
    };
    if q.iter().any(|(_, p)| !p.is_empty()) {
        for pair in [[&q[0], &q[1]], [&q[2], &q[3]]] {
            blocks.push(Block::Table(Table {
                columns: vec![Column::new(pair[0].0, 1.0), Column::new(pair[1].0, 1.0)],
                rows: vec![vec![cell(&pair[0].1), cell(&pair[1].1)]],
            }));
        }
    } else {
        blocks.push(Block::Note(
            "No resources, obstacles, opportunities or threats written yet.".to_owned(),
        ));
    }
    for (title, text) in [
        ("Target audience", &s.target_audience),
        ("Tone and voice", &s.tone_and_voice),
    ] {
        if !text.trim().is_empty() {
            blocks.push(h3(title));
            blocks.push(Block::Paragraph(text.clone()));
        }
    }
    if !a.peers.is_empty() {
        blocks.push(h3("Like-minded organisations and competitors"));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Organisation", 1.5),
                Column::new("Relation", 1.0),
                Column::new("Where their community lives", 2.2),
                Column::new("Notes", 2.0),
            ],
            rows: a
                .peers
                .iter()
                .map(|p| {
                    vec![
                        p.name.clone(),
                        p.kind.label().to_owned(),
                        p.communities.clone(),
                        p.notes.clone(),
                    ]
                })
                .collect(),
        }));
    }
    blocks
}

fn findings(a: &Audit) -> Vec<Block> {
    if a.findings.is_empty() {
        return vec![Block::Note("No findings written yet.".to_owned())];
    }
    let mut blocks = Vec::new();
    for f in &a.findings {
        blocks.push(h3(&format!("{} · {}", f.importance.label(), f.title)));
        if !f.evidence.trim().is_empty() {
            blocks.push(Block::Paragraph(f.evidence.clone()));
        }
        let rests: Vec<String> = f
            .channel_ids
            .iter()
            .filter_map(|id| a.channel(*id).map(|c| c.name.clone()))
            .chain(
                f.snapshot_ids
                    .iter()
                    .filter_map(|id| a.snapshot(*id).map(|s| a.snapshot_label(s))),
            )
            .collect();
        if !rests.is_empty() {
            blocks.push(Block::Paragraph(format!("Rests on: {}.", rests.join("; "))));
        }
    }
    blocks
}
