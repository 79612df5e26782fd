//! Appendix of the full strategy: each goal's chain from evidence to KPIs and initiatives, and
//! the cited evidence listed once by the numbers the goals section marks it with.

use groundwork_core::traceability::{traceability, EvidenceItem};
use groundwork_core::workbook::Workbook;

use crate::layout::{Block, Column, Table};
use crate::sections::Built;

fn numbers(items: &[EvidenceItem]) -> String {
    if items.is_empty() {
        return "None cited".to_owned();
    }
    items
        .iter()
        .map(|e| format!("[{}]", e.number))
        .collect::<Vec<_>>()
        .join(" ")
}

fn list<T>(items: &[T], title: impl Fn(&T) -> &str, none: &str) -> String {
    if items.is_empty() {
        none.to_owned()
    } else {
        items.iter().map(title).collect::<Vec<_>>().join("\n")
    }
}

/// "[1] Audit finding: Replies take three days — High importance".
pub fn evidence_line(e: &EvidenceItem) -> String {
    let words = if e.kind == groundwork_core::goals::EvidenceKind::Quote {
        format!("“{}”", e.title)
    } else {
        e.title.clone()
    };
    format!("[{}] {}: {words} — {}", e.number, e.kind.label(), e.detail)
}

pub fn build(workbook: &Workbook) -> Built {
    let t = traceability(workbook);
    if t.chains.is_empty() {
        return Built {
            blocks: vec![Block::Note(
                "No goals yet, so nothing to trace. Once goals cite findings, themes and quotes, this appendix shows each goal's evidence, KPIs and initiatives."
                    .to_owned(),
            )],
            warnings: Vec::new(),
        };
    }
    let mut blocks = vec![
        Block::Paragraph(
            "Each goal, the evidence it rests on (numbers refer to the list below), the KPIs that measure it and the initiatives that serve it.".to_owned(),
        ),
        Block::Table(Table {
            columns: vec![
                Column::new("Evidence", 1.0),
                Column::new("Goal", 2.4),
                Column::new("KPIs", 2.2),
                Column::new("Initiatives", 2.2),
            ],
            rows: t
                .chains
                .iter()
                .map(|c| {
                    vec![
                        numbers(&c.evidence),
                        c.goal.title.clone(),
                        list(&c.kpis, |k| k.title.as_str(), "No KPI yet"),
                        list(&c.initiatives, |i| i.title.as_str(), "None yet"),
                    ]
                })
                .collect(),
        }),
    ];
    if !t.cited.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: "Evidence cited".to_owned(),
        });
        blocks.push(Block::Bullets(t.cited.iter().map(evidence_line).collect()));
    }
    let uncited: Vec<String> = t
        .uncited
        .iter()
        .filter(|e| e.kind != groundwork_core::goals::EvidenceKind::Quote)
        .map(|e| format!("{}: {} — {}", e.kind.label(), e.title, e.detail))
        .collect();
    if !uncited.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: "Findings and themes no goal cites".to_owned(),
        });
        blocks.push(Block::Bullets(uncited));
    }
    Built {
        blocks,
        warnings: Vec::new(),
    }
}
