//! The stakeholders step's section. Its records arrive with the step's own issue; until then the
//! section says plainly that there is nothing yet.

use groundwork_core::documents::Document;
use groundwork_core::workbook::{Step, Workbook};

use crate::sections::{empty_step, Built};

/// How many records of this step the workbook holds.
pub fn records(_workbook: &Workbook) -> usize {
    0
}

pub fn build(workbook: &Workbook, _document: Document) -> Built {
    if records(workbook) == 0 {
        return empty_step(
            Step::Stakeholders,
            "no stakeholders or interviews yet",
            "Add the people who shape the community and your interview notes in step 2.",
        );
    }
    Built::default()
}
