//! The workbook's profile: whose strategy this is and what it is for.

use groundwork_core::documents::Document;
use groundwork_core::workbook::Workbook;

use crate::layout::Block;
use crate::sections::Built;

pub use groundwork_core::text::long_date;

pub fn build(workbook: &Workbook, document: Document) -> Built {
    let p = &workbook.profile;
    let mut blocks = vec![Block::KeyValue(vec![
        ("Workbook".to_owned(), p.name.clone()),
        ("Organisation".to_owned(), p.organisation.clone()),
        ("Community".to_owned(), p.community_name.clone()),
        ("Strategist".to_owned(), p.strategist.clone()),
        ("Started".to_owned(), long_date(p.created_at.date_naive())),
        (
            "Last edited".to_owned(),
            long_date(p.updated_at.date_naive()),
        ),
    ])];
    blocks.push(Block::Heading {
        level: 2,
        text: "Purpose".to_owned(),
    });
    if p.purpose.trim().is_empty() {
        blocks.push(Block::Note(
            "No purpose written yet. Describe what the community is for on the Overview screen."
                .to_owned(),
        ));
    } else {
        if document == Document::Crisis {
            blocks.push(Block::Paragraph(
                "Keep this playbook at hand. It records who decides, what we say first and how we escalate when something goes wrong in the community."
                    .to_owned(),
            ));
        }
        blocks.push(Block::Paragraph(p.purpose.clone()));
    }
    Built {
        blocks,
        warnings: Vec::new(),
    }
}
