//! The stakeholders step's section: the power/interest grid, the register, the themes heard
//! in interviews and the sweet spots where the organisation's and the members' interests meet.
//! The audit workbook also carries every interview note.

use groundwork_core::documents::Document;
use groundwork_core::stakeholders::themes::ThemeInsight;
use groundwork_core::stakeholders::{power_interest_grid, Quadrant, StakeholderRecords};
use groundwork_core::workbook::{Step, Workbook};

use crate::charts::{Chart, GridPoint, QuadrantChart};
use crate::layout::{Block, Column, Table};
use crate::sections::{appendix, empty_step, Built};
use crate::text::clean_line;

/// How many records of this step the workbook holds.
pub fn records(workbook: &Workbook) -> usize {
    workbook.stakeholders.record_count()
}

pub fn build(workbook: &Workbook, document: Document) -> Built {
    if records(workbook) == 0 {
        return empty_step(
            Step::Stakeholders,
            "no stakeholders or interviews yet",
            "Add the people who shape the community and your interview notes in step 2.",
        );
    }
    let r = &workbook.stakeholders;
    let mut blocks = Vec::new();
    blocks.push(Block::Paragraph(overview(r)));
    if !r.stakeholders.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: "Power and interest".to_owned(),
        });
        blocks.push(grid(r));
        blocks.push(Block::Heading {
            level: 2,
            text: "Stakeholder register".to_owned(),
        });
        blocks.push(Block::Table(register(r)));
        let wants: Vec<String> = r
            .stakeholders
            .iter()
            .filter(|s| !s.wants.trim().is_empty())
            .map(|s| format!("{}: {}", clean_line(&s.name), s.wants.trim()))
            .collect();
        if !wants.is_empty() {
            blocks.push(Block::Heading {
                level: 3,
                text: "What they want from the community".to_owned(),
            });
            blocks.push(Block::Bullets(wants));
        }
    }
    let found = r.insights();
    if !found.is_empty() {
        themes(&found, &mut blocks);
        sweet_spots(&found, &mut blocks);
    }
    if document == Document::Audit && !r.interviews.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: "Interview notes".to_owned(),
        });
        blocks.extend(appendix::interview_blocks(r));
    }
    Built {
        blocks,
        warnings: Vec::new(),
    }
}

fn overview(r: &StakeholderRecords) -> String {
    let n = r.stakeholders.len();
    let people = if n == 1 {
        "1 stakeholder".to_owned()
    } else {
        format!("{n} stakeholders")
    };
    let held = r.interviews.len();
    let interviews = if held == 1 {
        "1 interview".to_owned()
    } else {
        format!("{held} interviews")
    };
    let high = r
        .stakeholders
        .iter()
        .filter(|s| s.influence >= 4)
        .collect::<Vec<_>>();
    let heard = high
        .iter()
        .filter(|s| r.interviews.iter().any(|i| i.stakeholder_id == s.id))
        .count();
    let mut text = format!("The register holds {people}; {interviews} have been recorded.");
    if !high.is_empty() {
        text.push_str(&format!(
            " {heard} of the {} people with high influence (4 or 5) have been interviewed.",
            high.len()
        ));
    }
    text
}

/// Beyond this many stakeholders, names would pile on top of each other in the grid: points
/// are numbered instead, and the register gives each number its name.
const NAMED_POINTS_MAX: usize = 12;

fn numbered(r: &StakeholderRecords) -> bool {
    r.stakeholders.len() > NAMED_POINTS_MAX
}

fn grid(r: &StakeholderRecords) -> Block {
    let numbered = numbered(r);
    let points = power_interest_grid(&r.stakeholders)
        .into_iter()
        .enumerate()
        .map(|(i, p)| GridPoint {
            label: if numbered {
                (i + 1).to_string()
            } else {
                p.name
            },
            x: p.x,
            y: p.y,
        })
        .collect();
    let mut caption = "Each stakeholder placed by influence (1–5) and interest in the community (1–5); 3 and above counts as high.".to_owned();
    if numbered {
        caption.push_str(" Numbers refer to the register below.");
    }
    Block::Chart {
        chart: Chart::Quadrant(QuadrantChart {
            x_label: "Interest".to_owned(),
            y_label: "Influence".to_owned(),
            quadrants: [
                Quadrant::KeepSatisfied.label().to_owned(),
                Quadrant::ManageClosely.label().to_owned(),
                Quadrant::Monitor.label().to_owned(),
                Quadrant::KeepInformed.label().to_owned(),
            ],
            points,
        }),
        height: 300.0,
        caption: Some(caption),
    }
}

fn register(r: &StakeholderRecords) -> Table {
    let numbered = numbered(r);
    let mut table = Table {
        columns: vec![
            Column::new("Stakeholder", 3.1),
            Column::new("Department", 1.9),
            Column::right("Influence", 1.6),
            Column::right("Interest", 1.5),
            Column::new("Attitude", 1.7),
            Column::new("Interview", 2.0),
        ],
        rows: r
            .stakeholders
            .iter()
            .map(|s| {
                let who = if s.role.trim().is_empty() {
                    s.name.clone()
                } else {
                    format!("{}, {}", crate::shaping::isolate(&s.name), s.role)
                };
                vec![
                    who,
                    s.department.label().to_owned(),
                    s.influence.to_string(),
                    s.interest.to_string(),
                    s.attitude.label().to_owned(),
                    s.interview_status.label().to_owned(),
                ]
            })
            .collect(),
    };
    if numbered {
        table.columns.insert(0, Column::right("#", 0.6));
        for (i, row) in table.rows.iter_mut().enumerate() {
            row.insert(0, (i + 1).to_string());
        }
    }
    table
}

fn themes(found: &[ThemeInsight], blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading {
        level: 2,
        text: "Themes heard in interviews".to_owned(),
    });
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Theme", 2.0),
            Column::new("Whose interest", 1.6),
            Column::new("Raised by", 3.4),
            Column::right("Mentions", 1.0),
        ],
        rows: found
            .iter()
            .map(|t| {
                let voices = t
                    .voices
                    .iter()
                    .map(|v| v.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                vec![
                    t.theme.name.clone(),
                    t.theme.side.label().to_owned(),
                    if voices.is_empty() {
                        "—".to_owned()
                    } else {
                        voices
                    },
                    t.mentions.to_string(),
                ]
            })
            .collect(),
    }));
}

fn sweet_spots(found: &[ThemeInsight], blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading {
        level: 2,
        text: "Sweet spots".to_owned(),
    });
    let spots: Vec<&ThemeInsight> = found.iter().filter(|t| t.sweet_spot).collect();
    if spots.is_empty() {
        blocks.push(Block::Note(
            "No sweet spot yet: no theme has been raised by both the organisation and members, or marked as both."
                .to_owned(),
        ));
        return;
    }
    blocks.push(Block::Paragraph(
        "Where what the organisation wants and what members want overlap: the strongest ground for the community's goals."
            .to_owned(),
    ));
    for t in spots {
        blocks.push(Block::Heading {
            level: 3,
            text: t.theme.name.clone(),
        });
        if !t.theme.description.trim().is_empty() {
            blocks.push(Block::Paragraph(t.theme.description.clone()));
        }
        if !t.voices.is_empty() {
            let names: Vec<&str> = t.voices.iter().map(|v| v.name.as_str()).collect();
            blocks.push(Block::Paragraph(format!("Raised by {}.", names.join(", "))));
        }
        for q in &t.quotes {
            blocks.push(Block::Quote {
                text: q.text.clone(),
                attribution: Some(q.stakeholder_name.clone()),
            });
        }
    }
}
