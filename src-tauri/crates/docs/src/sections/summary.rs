//! The executive summary of the full strategy: the community in a sentence and where each
//! step stands.

use groundwork_core::workbook::{Step, Workbook};

use crate::layout::{Block, Column, Table};
use crate::sections::{record_count, Built};
use crate::text::clean_line;

pub fn build(workbook: &Workbook) -> Built {
    let p = &workbook.profile;
    let community = clean_line(&p.community_name);
    let organisation = clean_line(&p.organisation);
    let lead = match (community.is_empty(), organisation.is_empty()) {
        (false, false) => {
            format!("This strategy sets out how {organisation} will grow and sustain {community}.")
        }
        (false, true) => {
            format!("This strategy sets out how we will grow and sustain {community}.")
        }
        (true, false) => format!(
            "This strategy sets out how {organisation} will grow and sustain its community."
        ),
        (true, true) => {
            "This strategy sets out how we will grow and sustain our community.".to_owned()
        }
    };
    let rows = Step::ALL
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let n = record_count(workbook, *step);
            let status = if n == 0 { "Not started" } else { "In progress" };
            vec![
                format!("{}. {}", i + 1, step.title()),
                n.to_string(),
                status.to_owned(),
            ]
        })
        .collect();
    Built {
        blocks: vec![
            Block::Lead(lead),
            Block::Heading {
                level: 2,
                text: "Where the strategy stands".to_owned(),
            },
            Block::Table(Table {
                columns: vec![
                    Column::new("Step", 3.0),
                    Column::right("Records", 1.0),
                    Column::new("Status", 1.6),
                ],
                rows,
            }),
        ],
        warnings: Vec::new(),
    }
}
