//! The readiness review in the full strategy, when the strategist asks for it: the score per
//! step, what is still open and what was accepted, with the reasons.

use groundwork_core::readiness::{review, Severity};
use groundwork_core::workbook::Workbook;

use crate::layout::{Block, Column, Table};
use crate::sections::Built;
use crate::{Warning, WarningKind};

pub fn build(workbook: &Workbook) -> Built {
    let r = review(workbook);
    let lead = if r.has_blockers() {
        format!(
            "Readiness {} of 100. {} still {} this strategy; they are listed below.",
            r.overall,
            count(r.blockers as usize, "blocker"),
            if r.blockers == 1 {
                "holds back"
            } else {
                "hold back"
            }
        )
    } else {
        format!("Readiness {} of 100, with no blockers.", r.overall)
    };
    let mut blocks = vec![
        Block::Lead(lead),
        Block::Table(Table {
            columns: vec![
                Column::new("Step", 3.0),
                Column::right("Score", 1.0),
                Column::right("Blockers", 1.0),
                Column::right("Warnings", 1.0),
                Column::right("Tips", 1.0),
            ],
            rows: r
                .steps
                .iter()
                .map(|s| {
                    vec![
                        s.title.clone(),
                        s.score.to_string(),
                        s.blockers.to_string(),
                        s.warnings.to_string(),
                        s.tips.to_string(),
                    ]
                })
                .collect(),
        }),
        Block::Paragraph(r.scoring.clone()),
    ];
    let open: Vec<String> = r
        .issues
        .iter()
        .filter(|i| i.severity != Severity::Tip)
        .map(|i| format!("{}: {}", i.severity.label(), i.message))
        .collect();
    if !open.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: "Open issues".to_owned(),
        });
        blocks.push(Block::Bullets(open));
    }
    if !r.dismissed.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: "Accepted, with the reasons".to_owned(),
        });
        blocks.push(Block::Bullets(
            r.dismissed
                .iter()
                .map(|d| format!("{}\nReason: {}", d.issue.message, d.reason))
                .collect(),
        ));
    }
    let warnings = if r.has_blockers() {
        vec![Warning::new(
            WarningKind::Incomplete,
            format!(
                "The readiness review lists {}; the document shows them.",
                count(r.blockers as usize, "blocker")
            ),
            Some("readiness"),
        )]
    } else {
        Vec::new()
    };
    Built { blocks, warnings }
}

fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
