//! The goals step's section: the purpose and its narrative, the goal tree (objective → goal →
//! KPIs) with each goal's evidence, the KPI table with progress bars and status, and the
//! community health figure with what each KPI contributes. KpiStatus is worked out as of the
//! document's date, so the same workbook and date always give the same pages.

use chrono::NaiveDate;
use groundwork_core::documents::Document;
use groundwork_core::goals::kpis::Kpi;
use groundwork_core::goals::status::{Health, KpiReport, KpiStatus};
use groundwork_core::goals::values::with_unit;
use groundwork_core::goals::{EvidenceKind, EvidenceRef, Goals};
use groundwork_core::traceability::{cited_order, describe, number_of};
use groundwork_core::workbook::{Step, Workbook};

use crate::charts::{Chart, KpiBar, KpiBars, Tone};
use crate::layout::{Block, Column, Table};
use crate::sections::{empty_step, Built};

/// How many records of this step the workbook holds.
pub fn records(workbook: &Workbook) -> usize {
    workbook.goals.record_count()
}

use groundwork_core::text::{long_date as long, plural, short_date as short};

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

pub fn tone(status: KpiStatus) -> Tone {
    match status {
        KpiStatus::OnTrack | KpiStatus::Achieved => Tone::Good,
        KpiStatus::AtRisk => Tone::Warning,
        KpiStatus::OffTrack => Tone::Bad,
        KpiStatus::NotYetMeasured => Tone::Neutral,
    }
}

/// The KPI's bar: its latest value and its target in the detail line.
pub fn bar(kpi: &Kpi, report: &KpiReport) -> KpiBar {
    let target = format!(
        "target {} by {}",
        with_unit(kpi.target_value, &kpi.unit),
        short(kpi.target_date)
    );
    let detail = match &report.latest {
        Some(m) => format!(
            "{} on {} · {target}",
            with_unit(m.value, &kpi.unit),
            short(m.measured_on)
        ),
        None => format!(
            "Baseline {} · {target}",
            with_unit(kpi.baseline_value, &kpi.unit)
        ),
    };
    KpiBar {
        label: kpi.name.clone(),
        detail,
        progress: report.progress,
        expected: report.expected_progress,
        status: report.status_label.clone(),
        tone: tone(report.status),
        trend: crate::charts::sparkline::Sparkline {
            points: report.chart.actual.iter().map(|p| (p.x, p.y)).collect(),
            target: Some(report.chart.target_y),
        },
    }
}

/// "Health 62 of 100 (expected 55 by 2 July 2026)".
pub fn health_line(health: &Health, date: NaiveDate) -> Option<String> {
    let score = health.score?;
    let expected = health
        .expected
        .map(|e| format!(" — about {e:.0} expected by {}", long(date)))
        .unwrap_or_default();
    Some(format!("Community health {score:.0} of 100{expected}"))
}

/// A cited item's title on one line, whole: the bullet it sits in wraps it.
fn cited_title(title: &str) -> String {
    crate::text::clean_line(title)
}

fn evidence_title(workbook: &Workbook, e: &EvidenceRef) -> Option<String> {
    match e.kind {
        EvidenceKind::Finding => workbook
            .audit
            .findings
            .iter()
            .find(|f| f.id == e.id)
            .map(|f| {
                format!(
                    "Audit finding: {} ({} importance)",
                    f.title,
                    f.importance.label().to_lowercase()
                )
            }),
        EvidenceKind::Theme => workbook
            .stakeholders
            .themes
            .iter()
            .find(|t| t.id == e.id)
            .map(|t| format!("Interview theme: {}", t.name)),
        EvidenceKind::Quote => {
            let s = &workbook.stakeholders;
            s.interviews.iter().find_map(|i| {
                let q = i.quotes.iter().find(|q| q.id == e.id)?;
                let who = s
                    .stakeholder(i.stakeholder_id)
                    .map_or("a stakeholder", |p| p.name.as_str());
                Some(format!("“{}” ({who}, {})", q.text.trim(), short(i.date)))
            })
        }
    }
}

pub fn build(workbook: &Workbook, document: Document, date: NaiveDate) -> Built {
    if records(workbook) == 0 {
        return empty_step(
            Step::Goals,
            "no goals or KPIs yet",
            "Set objectives, goals and the KPIs that measure them in step 3.",
        );
    }
    let g = &workbook.goals;
    let reports = g.reports(date);
    let health = groundwork_core::goals::status::health(&g.kpis, &reports);
    let mut blocks = vec![Block::Lead(summary(g, &reports, date))];
    if document != Document::Crisis {
        blocks.push(h2("Purpose and narrative"));
        blocks.extend(narrative(workbook));
        blocks.push(h2("Objectives and goals"));
        blocks.extend(tree(workbook, document == Document::Full));
    }
    blocks.push(h2("KPIs"));
    blocks.extend(kpi_blocks(g, &reports, date));
    if health.score.is_some() || !g.kpis.is_empty() {
        blocks.push(h2("Community health"));
        blocks.extend(health_blocks(&health, date));
    }
    Built {
        blocks,
        warnings: Vec::new(),
    }
}

fn summary(g: &Goals, reports: &[KpiReport], date: NaiveDate) -> String {
    let mut s = format!(
        "{}, {} and {}.",
        plural(
            g.objectives.len(),
            "business objective",
            "business objectives"
        ),
        plural(g.goals.len(), "community goal", "community goals"),
        plural(g.kpis.len(), "KPI", "KPIs")
    );
    if !reports.is_empty() {
        let counts: Vec<String> = KpiStatus::ALL
            .iter()
            .filter_map(|st| {
                let n = reports.iter().filter(|r| r.status == *st).count();
                (n > 0).then(|| format!("{n} {}", st.label().to_lowercase()))
            })
            .collect();
        s.push_str(&format!(" As of {}: {}.", long(date), counts.join(", ")));
    }
    s
}

fn narrative(workbook: &Workbook) -> Vec<Block> {
    let n = &workbook.goals.narrative;
    let purpose = workbook.profile.purpose.trim();
    let mut blocks = Vec::new();
    if !purpose.is_empty() {
        blocks.push(Block::Quote {
            text: purpose.to_owned(),
            attribution: Some("Shared purpose".to_owned()),
        });
    }
    for (title, text) in [
        ("Value for members", &n.member_value),
        ("Value for the organisation", &n.organisation_value),
        ("Key member behaviours", &n.behaviours),
        ("Narrative", &n.story),
    ] {
        if !text.trim().is_empty() {
            blocks.push(h3(title));
            blocks.push(Block::Paragraph(text.clone()));
        }
    }
    if blocks.is_empty() {
        blocks.push(Block::Note(
            "No purpose or narrative written yet. Write the shared purpose on the Overview and the narrative in step 3.".to_owned(),
        ));
    }
    blocks
}

/// The objectives and their goals. With `numbered`, each cited item carries its number in the
/// traceability appendix ("Replies are slow [1]"), where the evidence is listed in full.
fn tree(workbook: &Workbook, numbered: bool) -> Vec<Block> {
    let order = cited_order(workbook);
    let g = &workbook.goals;
    if g.objectives.is_empty() {
        return vec![Block::Note("No business objectives yet.".to_owned())];
    }
    let mut blocks = Vec::new();
    for o in &g.objectives {
        blocks.push(h3(&format!("Objective: {}", o.title)));
        if !o.description.trim().is_empty() {
            blocks.push(Block::Paragraph(o.description.clone()));
        }
        let goals: Vec<_> = g.goals_of(o.id).collect();
        if goals.is_empty() {
            blocks.push(Block::Note(
                "No community goal serves this objective yet.".to_owned(),
            ));
            continue;
        }
        for goal in goals {
            let mut lines = vec![format!("Goal: {}", goal.title)];
            if !goal.description.trim().is_empty() {
                lines.push(goal.description.clone());
            }
            let cited: Vec<String> = goal
                .evidence
                .iter()
                .filter_map(|e| {
                    if numbered {
                        let item = describe(workbook, e.kind, e.id)?;
                        Some(format!(
                            "{} [{}]",
                            cited_title(&item.title),
                            number_of(&order, e)
                        ))
                    } else {
                        evidence_title(workbook, e)
                    }
                })
                .collect();
            lines.push(if cited.is_empty() {
                "Evidence: none cited yet.".to_owned()
            } else {
                format!("Evidence: {}.", cited.join("; "))
            });
            let kpis: Vec<String> = g.kpis_of(goal.id).map(|k| k.name.clone()).collect();
            lines.push(if kpis.is_empty() {
                "Measured by: no KPI yet.".to_owned()
            } else {
                format!("Measured by: {}.", kpis.join("; "))
            });
            blocks.push(Block::Bullets(vec![lines.join("\n")]));
        }
    }
    blocks
}

fn kpi_blocks(g: &Goals, reports: &[KpiReport], date: NaiveDate) -> Vec<Block> {
    if g.kpis.is_empty() {
        return vec![Block::Note(
            "No KPIs yet: every goal needs at least one.".to_owned(),
        )];
    }
    let bars: Vec<KpiBar> = g.kpis.iter().zip(reports).map(|(k, r)| bar(k, r)).collect();
    // Rows of 30 points; 44 when a name or its figures may wrap (estimated from their length).
    let wraps = bars
        .iter()
        .any(|b| b.label.chars().count() > 38 || b.detail.chars().count() > 48);
    let row = if wraps { 44.0 } else { 30.0 };
    let height = (bars.len() as f32 * row).clamp(40.0, 640.0);
    let mut blocks = vec![Block::Chart {
        chart: Chart::KpiProgress(KpiBars { items: bars }),
        height,
        caption: Some(format!(
            "Progress from baseline (left) to target (right) as of {}; the tick marks where each KPI should be by then. Beside each bar, its measurements over time, the dashed line its target. {}",
            long(date),
            groundwork_core::goals::status::rules()
        )),
    }];
    let columns = vec![
        Column::new("KPI", 2.6),
        Column::right("Baseline", 1.4),
        Column::right("Target", 1.4),
        Column::right("Latest", 1.4),
        Column::right("Expected", 1.2),
        Column::new("Status", 1.1),
        Column::new("Owner, source, cadence", 2.0),
    ];
    let rows = g
        .kpis
        .iter()
        .zip(reports)
        .map(|(k, r)| {
            let u = |v: f64| with_unit(v, &k.unit);
            let owner = [
                k.owner.name.as_str(),
                k.data_source.as_str(),
                k.cadence.label(),
            ]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
            vec![
                format!(
                    "{}\n{} · {}",
                    k.name,
                    k.category_label(),
                    k.direction.label().to_lowercase()
                ),
                format!("{}\n{}", u(k.baseline_value), short(k.baseline_date)),
                format!("{}\n{}", u(k.target_value), short(k.target_date)),
                r.latest.as_ref().map_or_else(
                    || "—".to_owned(),
                    |m| format!("{}\n{}", u(m.value), short(m.measured_on)),
                ),
                u(r.expected_value),
                r.status_label.clone(),
                owner,
            ]
        })
        .collect();
    blocks.push(Block::Table(Table { columns, rows }));
    for k in &g.kpis {
        if !k.definition.trim().is_empty() {
            blocks.push(Block::Paragraph(format!(
                "{}: {}",
                k.name,
                k.definition.trim()
            )));
        }
    }
    blocks
}

fn health_blocks(health: &Health, date: NaiveDate) -> Vec<Block> {
    let mut blocks = vec![Block::Paragraph(health_line(health, date).map_or_else(
        || "No health figure yet: it is worked out once a KPI with a weight above 0 has a measurement.".to_owned(),
        |l| format!("{l}. It is the weighted average of each KPI's progress towards its target (capped at 100%); the strategist sets the weights."),
    ))];
    let rows = health
        .parts
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                groundwork_core::goals::values::format_value(p.weight),
                format!("{:.0}%", p.share * 100.0),
                p.score
                    .map_or_else(|| "—".to_owned(), |s| format!("{:.0}%", s * 100.0)),
                p.left_out
                    .clone()
                    .unwrap_or_else(|| format!("{:.1}", p.points)),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("KPI", 2.4),
            Column::right("Weight", 0.8),
            Column::right("Share", 0.8),
            Column::right("Progress", 1.1),
            Column::new("Points in the health figure", 2.6),
        ],
        rows,
    }));
    blocks
}
