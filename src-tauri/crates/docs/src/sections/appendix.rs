//! Appendix of the full strategy: every interview note, verbatim.

use groundwork_core::workbook::{Step, Workbook};

use crate::layout::Block;
use crate::sections::{record_count, Built};

pub fn build(workbook: &Workbook) -> Built {
    if record_count(workbook, Step::Stakeholders) == 0 {
        return Built {
            blocks: vec![Block::Note(
                "No interview notes yet. Notes taken in step 2, Stakeholders and interviews, are reproduced here in full."
                    .to_owned(),
            )],
            warnings: Vec::new(),
        };
    }
    Built::default()
}
