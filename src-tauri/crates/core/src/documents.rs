//! What a strategist can ask for when exporting a document.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::words::word_enum;

// A document's slug is the word used on the command line and in file names.
word_enum! {
    /// The documents Groundwork produces.
    pub enum Document {
        /// The whole strategy.
        Full => "full";
        /// The executive one-pager, landscape.
        Roadmap => "roadmap";
        /// The crisis playbook the team keeps at hand.
        Crisis => "crisis";
        /// Every audit record and interview note.
        Audit => "audit";
    }
}

impl Document {
    pub fn title(self) -> &'static str {
        match self {
            Document::Full => "Community strategy",
            Document::Roadmap => "Executive roadmap",
            Document::Crisis => "Crisis playbook",
            Document::Audit => "Audit workbook",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub fn from_slug(slug: &str) -> Option<Self> {
        match slug.to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "us-letter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// Choices made in the export dialog or on the command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ExportOptions {
    pub document: Document,
    pub paper: Paper,
    /// The date printed on the document; `None` means the workbook's last edit, never the clock,
    /// so the same workbook always gives the same bytes.
    pub date: Option<NaiveDate>,
    /// Section ids to leave out (see the docs crate's section list for each document).
    pub omit_sections: Vec<String>,
    /// Printed in every page header, e.g. "Confidential". Empty for none.
    pub confidentiality: String,
    /// Adds the readiness review after the executive summary (full strategy only).
    #[serde(default)]
    pub include_readiness: bool,
}

impl ExportOptions {
    pub fn new(document: Document) -> Self {
        Self {
            document,
            paper: Paper::A4,
            date: None,
            omit_sections: Vec::new(),
            confidentiality: "Confidential".to_owned(),
            include_readiness: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip() {
        for d in Document::ALL {
            assert_eq!(Document::from_slug(d.slug()), Some(d));
        }
        assert_eq!(Document::from_slug("nope"), None);
        assert_eq!(Paper::from_slug("LETTER"), Some(Paper::Letter));
    }
}
