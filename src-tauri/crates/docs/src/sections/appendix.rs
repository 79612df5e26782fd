//! Appendix of the full strategy: every interview note, verbatim.

use groundwork_core::stakeholders::StakeholderRecords;
use groundwork_core::workbook::Workbook;

use crate::layout::Block;
use crate::sections::profile::long_date;
use crate::sections::Built;

pub fn build(workbook: &Workbook) -> Built {
    let r = &workbook.stakeholders;
    if r.interviews.is_empty() {
        return Built {
            blocks: vec![Block::Note(
                "No interview notes yet. Notes taken in step 2, Stakeholders and interviews, are reproduced here in full."
                    .to_owned(),
            )],
            warnings: Vec::new(),
        };
    }
    Built {
        blocks: interview_blocks(r),
        warnings: Vec::new(),
    }
}

/// Every interview, oldest first: who, when, how; each answered question; notes; quotes.
pub fn interview_blocks(r: &StakeholderRecords) -> Vec<Block> {
    let mut interviews: Vec<_> = r.interviews.iter().collect();
    interviews.sort_by(|a, b| a.date.cmp(&b.date).then(a.created_at.cmp(&b.created_at)));
    let mut blocks = Vec::new();
    for i in interviews {
        let who = r.stakeholder(i.stakeholder_id);
        let name = r.name_of(i.stakeholder_id);
        blocks.push(Block::Heading {
            level: 2,
            text: format!("{}, {}", crate::shaping::isolate(&name), long_date(i.date)),
        });
        let mut facts = Vec::new();
        if let Some(s) = who {
            let role = if s.role.trim().is_empty() {
                s.department.label().to_owned()
            } else {
                format!("{} ({})", s.role, s.department.label())
            };
            facts.push(("Role".to_owned(), role));
        }
        facts.push(("How".to_owned(), i.mode.label().to_owned()));
        if !i.interviewer.trim().is_empty() {
            facts.push(("Interviewer".to_owned(), i.interviewer.clone()));
        }
        if !i.guide_name.trim().is_empty() {
            facts.push(("Guide".to_owned(), i.guide_name.clone()));
        }
        blocks.push(Block::KeyValue(facts));
        let answered: Vec<_> = i
            .answers
            .iter()
            .filter(|a| !a.answer.trim().is_empty())
            .collect();
        for a in &answered {
            blocks.push(Block::Heading {
                level: 3,
                text: a.question.clone(),
            });
            blocks.push(Block::Paragraph(a.answer.clone()));
        }
        if !i.answers.is_empty() && answered.len() < i.answers.len() {
            blocks.push(Block::Note(format!(
                "{} of {} questions answered.",
                answered.len(),
                i.answers.len()
            )));
        }
        if !i.notes.trim().is_empty() {
            blocks.push(Block::Heading {
                level: 3,
                text: "Notes".to_owned(),
            });
            blocks.push(Block::Paragraph(i.notes.clone()));
        }
        for q in &i.quotes {
            blocks.push(Block::Quote {
                text: q.text.clone(),
                attribution: Some(name.clone()),
            });
        }
    }
    blocks
}
