//! The roadmap: phases, the timeline (one chart per stretch of initiatives, so a long roadmap
//! runs across pages), the budget by phase, goal and owner, every initiative in a table, and
//! what to check.

use chrono::NaiveDate;
use groundwork_core::documents::Document;
use groundwork_core::roadmap::money::totals_text;
use groundwork_core::roadmap::rules::budget_totals;
use groundwork_core::roadmap::{BudgetTotal, BudgetTotals, Initiative, Money, Roadmap, Schedule};
use groundwork_core::workbook::{Step, Workbook};
use uuid::Uuid;

use crate::charts::{Chart, Milestone, Timeline, TimelineBar, TimelinePhase};
use crate::layout::{Block, Column, Table};
use crate::sections::{empty_step, Built};
use crate::text::clean_line;
use crate::{Warning, WarningKind};

/// Initiatives per timeline chart in the full document: one chart fits a page.
const BARS_PER_CHART: usize = 28;
/// Height of one bar's row in the chart, and what the chart needs around the bars.
const ROW_H: f32 = 17.0;
const CHART_CHROME: f32 = 100.0;

/// How many records of this step the workbook holds.
pub fn records(workbook: &Workbook) -> usize {
    workbook.roadmap.record_count()
}

/// The goals as (id, title), in the goals step's order: what budget totals group by.
pub fn goal_names(workbook: &Workbook) -> Vec<(Uuid, String)> {
    workbook
        .goals
        .goals
        .iter()
        .map(|g| (g.id, g.title.clone()))
        .collect()
}

pub fn totals(workbook: &Workbook) -> BudgetTotals {
    budget_totals(&workbook.roadmap, &goal_names(workbook))
}

/// "1 Mar 2026 – 30 Jun 2026", "Next" or "Later".
pub fn when(i: &Initiative) -> String {
    match i.dates() {
        Some((s, e)) if s == e => short(s),
        Some((s, e)) => format!("{} – {}", short(s), short(e)),
        None if i.schedule == Schedule::Next => "Next".to_owned(),
        None => "Later".to_owned(),
    }
}

use groundwork_core::text::short_date as short;

/// The timeline's phases, and the first and last day it covers.
pub fn frame(roadmap: &Roadmap, today: NaiveDate) -> (NaiveDate, NaiveDate, Vec<TimelinePhase>) {
    let (start, end) = roadmap.span().unwrap_or((today, today));
    let phases = roadmap
        .phases
        .iter()
        .map(|p| TimelinePhase {
            label: p.name.clone(),
            start: p.start,
            end: p.end,
        })
        .collect();
    (start, end, phases)
}

/// The dated initiatives as bars and milestones, in time order.
pub fn bars_and_milestones(list: &[&Initiative]) -> (Vec<TimelineBar>, Vec<Milestone>) {
    let mut bars = Vec::new();
    let mut milestones = Vec::new();
    for i in list {
        if let Some((s, e)) = i.dates() {
            if i.milestone {
                milestones.push(Milestone {
                    label: i.title.clone(),
                    date: e,
                });
            } else {
                bars.push(TimelineBar {
                    label: i.title.clone(),
                    start: s,
                    end: e,
                    id: i.id,
                    waits_for: i.depends_on.clone(),
                });
            }
        }
    }
    (bars, milestones)
}

/// A chart's height for `bars`: a row each, taller for a name that wraps to more than two
/// lines in the chart's label column (estimated from its length: about 28 characters a line),
/// so every name shows whole.
pub fn chart_height(bars: &[TimelineBar], milestones: bool) -> f32 {
    let rows: f32 = bars
        .iter()
        .map(|b| {
            let lines = b.label.chars().count().div_ceil(28).max(1);
            ROW_H.max(lines as f32 * 8.0 + 1.0)
        })
        .sum();
    CHART_CHROME + rows + if milestones { 0.0 } else { -26.0 }
}

pub fn build(workbook: &Workbook, _document: Document) -> Built {
    let roadmap = &workbook.roadmap;
    if records(workbook) == 0 {
        return empty_step(
            Step::Roadmap,
            "no phases or initiatives yet",
            "Plan phases, initiatives and milestones in step 5.",
        );
    }
    let today = workbook.last_edited().date_naive();
    let goal_title = |id: &Uuid| {
        workbook
            .goals
            .goals
            .iter()
            .find(|g| g.id == *id)
            .map(|g| clean_line(&g.title))
    };
    let phase_name = |id: Option<Uuid>| {
        id.and_then(|p| roadmap.phase(p))
            .map_or_else(|| "No phase".to_owned(), |p| clean_line(&p.name))
    };
    let totals = totals(workbook);
    let flags = roadmap.flags();
    let mut b: Vec<Block> = Vec::new();
    let mut warnings = Vec::new();

    b.push(Block::Lead(lead(roadmap, &totals)));

    if !roadmap.phases.is_empty() {
        b.push(h2("Phases"));
        b.push(Block::Table(Table {
            columns: vec![
                Column::new("Phase", 1.6),
                Column::new("Dates", 1.7),
                Column::new("Objective", 3.6),
                Column::right("Initiatives", 0.9),
            ],
            rows: roadmap
                .phases
                .iter()
                .map(|p| {
                    vec![
                        p.name.clone(),
                        format!("{} – {}", short(p.start), short(p.end)),
                        p.objective.clone(),
                        roadmap.initiatives_in(Some(p.id)).count().to_string(),
                    ]
                })
                .collect(),
        }));
    }

    // The timeline: phase by phase in time order, one chart per stretch of bars.
    let ordered = roadmap.in_time_order();
    let mut grouped: Vec<&Initiative> = Vec::with_capacity(ordered.len());
    for p in &roadmap.phases {
        grouped.extend(ordered.iter().copied().filter(|i| i.phase_id == Some(p.id)));
    }
    grouped.extend(
        ordered
            .iter()
            .copied()
            .filter(|i| i.phase_id.is_none_or(|p| roadmap.phase(p).is_none())),
    );
    let dated: Vec<&Initiative> = grouped
        .iter()
        .copied()
        .filter(|i| i.dates().is_some())
        .collect();
    if !dated.is_empty() || !roadmap.phases.is_empty() {
        b.push(h2("Timeline"));
        let (start, end, phases) = frame(roadmap, today);
        let (bars, milestones) = bars_and_milestones(&dated);
        let chunks: Vec<&[TimelineBar]> = if bars.is_empty() {
            vec![&[]]
        } else {
            bars.chunks(BARS_PER_CHART).collect()
        };
        let count = chunks.len();
        for (n, chunk) in chunks.into_iter().enumerate() {
            let last = n + 1 == count;
            let chart = Timeline {
                start,
                end,
                today: Some(today),
                phases: phases.clone(),
                bars: chunk.to_vec(),
                milestones: if last { milestones.clone() } else { Vec::new() },
            };
            b.push(Block::Chart {
                height: chart_height(chunk, last && !milestones.is_empty()),
                chart: Chart::Timeline(chart),
                caption: (count > 1).then(|| format!("Timeline, part {} of {count}.", n + 1)),
            });
        }
        b.push(Block::Note(
            "Bars run from an initiative's start to its end, grouped by phase; an arrow runs from the end of an initiative to the start of each one that waits for it; milestones are the diamonds; the dashed line is the date of this document.".to_owned(),
        ));
    }
    let undated: Vec<String> = grouped
        .iter()
        .filter(|i| i.dates().is_none())
        .map(|i| format!("{} ({})", clean_line(&i.title), when(i)))
        .collect();
    if !undated.is_empty() {
        b.push(h2("Not dated yet"));
        b.push(Block::Bullets(undated));
    }

    b.push(h2("Budget"));
    b.push(Block::Paragraph(format!(
        "Total: {}. Parked initiatives are left out; an initiative serving several goals counts in full toward each goal.",
        totals_text(&totals.overall)
    )));
    for (title, first, rows) in [
        ("By phase", "Phase", &totals.by_phase),
        ("By goal", "Goal", &totals.by_goal),
        ("By owner", "Owner", &totals.by_owner),
    ] {
        if rows.is_empty() {
            continue;
        }
        b.push(h3(title));
        b.push(Block::Table(budget_table(first, rows)));
    }

    b.push(h2("Initiatives"));
    b.push(Block::Table(Table {
        columns: vec![
            Column::new("Initiative", 2.6),
            Column::new("Phase", 1.4),
            Column::new("Serves goals", 2.4),
            Column::new("Owner", 1.5),
            Column::new("When and status", 2.2),
            Column::right("Budget", 1.4),
        ],
        rows: grouped
            .iter()
            .map(|i| {
                let goals: Vec<String> = i.goal_ids.iter().filter_map(goal_title).collect();
                let mut title = i.title.clone();
                if i.milestone {
                    title.push_str(" (milestone)");
                }
                let owner = [i.owner.name.trim(), i.team.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                vec![
                    title,
                    phase_name(i.phase_id),
                    if goals.is_empty() {
                        "—".to_owned()
                    } else {
                        goals.join("; ")
                    },
                    if owner.is_empty() {
                        "—".to_owned()
                    } else {
                        owner
                    },
                    format!("{} · {}", when(i), i.status.label()),
                    i.budget.as_ref().map(Money::display).unwrap_or_default(),
                ]
            })
            .collect(),
    }));

    if !flags.is_empty() {
        b.push(h2("To check"));
        b.push(Block::Bullets(
            flags.iter().map(|f| f.message.clone()).collect(),
        ));
        let no_goal = flags
            .iter()
            .filter(|f| f.kind == groundwork_core::roadmap::FlagKind::NoGoal)
            .count();
        let no_owner = flags
            .iter()
            .filter(|f| f.kind == groundwork_core::roadmap::FlagKind::NoOwner)
            .count();
        if no_goal + no_owner > 0 {
            warnings.push(Warning::new(
                WarningKind::Incomplete,
                format!(
                    "{no_goal} of the roadmap's initiatives serve no goal and {no_owner} have no owner; the Roadmap section lists them under “To check”."
                ),
                Some("roadmap"),
            ));
        }
    }
    Built {
        blocks: b,
        warnings,
    }
}

fn budget_table(first: &str, rows: &[BudgetTotal]) -> Table {
    Table {
        columns: vec![
            Column::new(first, 3.0),
            Column::right("Initiatives", 1.0),
            Column::right("Budget", 2.0),
        ],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.label.clone(),
                    r.initiatives.to_string(),
                    if r.amounts.is_empty() {
                        "—".to_owned()
                    } else {
                        totals_text(&r.amounts)
                    },
                ]
            })
            .collect(),
    }
}

fn lead(roadmap: &Roadmap, totals: &BudgetTotals) -> String {
    let n = roadmap.initiatives.len();
    let phases = roadmap.phases.len();
    let mut s = format!(
        "{} {} in {} {}",
        n,
        if n == 1 { "initiative" } else { "initiatives" },
        phases,
        if phases == 1 { "phase" } else { "phases" }
    );
    if let Some((a, z)) = roadmap.span() {
        s.push_str(&format!(", from {} to {}", short(a), short(z)));
    }
    let milestones = roadmap.initiatives.iter().filter(|i| i.milestone).count();
    if milestones > 0 {
        s.push_str(&format!(
            ", with {milestones} {}",
            if milestones == 1 {
                "milestone"
            } else {
                "milestones"
            }
        ));
    }
    if !totals.overall.is_empty() {
        s.push_str(&format!("; budget {}", totals_text(&totals.overall)));
    }
    s.push('.');
    s
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
