//! Groundwork's PDF strategy documents: a workbook in, bytes out.
//!
//! [`render`] lays a document out with the fonts shipped in this crate and returns the PDF
//! bytes, the page count and plain-English warnings for the strategist. [`sections`] lists
//! the sections a document can hold, so the export dialog can offer to leave some out.
//!
//! The same workbook and options always give byte-identical output: no clock, no random
//! resource names.

mod accent;
pub mod charts;
mod content;
mod documents;
pub mod draw;
mod emit;
pub mod fonts;
pub mod layout;
pub mod logo;
mod parallel;
mod sections;
mod shaping;
pub mod spreadsheet;
pub mod style;
pub mod text;

use groundwork_core::documents::{Document, ExportOptions};
use groundwork_core::workbook::Workbook;
use serde::Serialize;
use ts_rs::TS;

pub use documents::plain::render_blocks;
pub use documents::showcase::chart_showcase;
pub use sections::summary::suggested_ask;
pub use style::Orientation;

/// A finished document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub page_count: usize,
    pub warnings: Vec<Warning>,
}

/// What kind of thing the strategist should know about an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum WarningKind {
    /// Some characters are not covered by the shipped fonts and print as a box.
    MissingGlyphs,
    /// A section has nothing in it yet.
    EmptySection,
    /// Content was shortened to fit (the roadmap one-pager).
    Summarised,
    /// A record lacks what a sound plan needs (an owner, a holding statement, an escalation).
    Incomplete,
}

/// Something the strategist should know about the exported document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Warning {
    pub kind: WarningKind,
    /// Plain English, ready to show.
    pub message: String,
    /// The section it concerns, when there is one.
    pub section: Option<String>,
}

impl Warning {
    pub fn new(kind: WarningKind, message: impl Into<String>, section: Option<&str>) -> Self {
        Self {
            kind,
            message: message.into(),
            section: section.map(str::to_owned),
        }
    }
}

/// A section a document can contain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SectionInfo {
    /// Stable id, as used in `ExportOptions::omit_sections`.
    pub id: String,
    pub title: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DocsError {
    #[error("a font shipped with Groundwork could not be read")]
    Font,
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("the spreadsheet could not be written: {0}")]
    Spreadsheet(String),
}

/// The sections `document` can contain, in order.
pub fn sections(document: Document) -> Vec<SectionInfo> {
    sections::for_document(document)
        .into_iter()
        .map(|s| SectionInfo {
            id: s.id().to_owned(),
            title: s.title(document).to_owned(),
        })
        .collect()
}

/// Renders a document of the workbook as PDF bytes.
pub fn render(workbook: &Workbook, options: &ExportOptions) -> Result<Rendered, DocsError> {
    let fonts = fonts::shipped()?;
    // A kept logo that cannot be read (a workbook edited by hand) prints as no logo.
    let logo = workbook.logo.as_ref().and_then(logo::Pixels::of);
    let mut composed = documents::compose(fonts, workbook, options, logo.as_ref());
    accent::apply(&mut composed.pages, &workbook.documents);
    let written = emit::write(
        fonts,
        &composed.pages,
        &composed.outline,
        &composed.info,
        logo.as_ref(),
    )?;
    let mut warnings = composed.warnings;
    if let Some(w) = missing_glyphs_warning(&written.missing) {
        warnings.push(w);
    }
    Ok(Rendered {
        bytes: written.bytes,
        page_count: composed.pages.len(),
        warnings,
    })
}

/// At most this many code points are listed in the warning.
const LISTED: usize = 8;

fn missing_glyphs_warning(missing: &std::collections::BTreeMap<char, usize>) -> Option<Warning> {
    if missing.is_empty() {
        return None;
    }
    let mut codes: Vec<String> = missing
        .keys()
        .take(LISTED)
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect();
    if missing.len() > LISTED {
        codes.push("…".to_owned());
    }
    let n = missing.len();
    let what = if n == 1 {
        "1 character".to_owned()
    } else {
        format!("{n} characters")
    };
    let verb = if n == 1 { "it appears" } else { "they appear" };
    Some(Warning::new(
        WarningKind::MissingGlyphs,
        format!(
            "{what} could not be drawn with the fonts Groundwork ships ({}); {verb} as {}.",
            codes.join(", "),
            fonts::REPLACEMENT
        ),
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_glyph_warning_lists_code_points() {
        let mut m = std::collections::BTreeMap::new();
        m.insert('\u{1F9EA}', 2);
        let w = missing_glyphs_warning(&m).unwrap();
        assert_eq!(
            w.message,
            "1 character could not be drawn with the fonts Groundwork ships (U+1F9EA); it appears as ▯."
        );
        for c in 0..20u32 {
            m.insert(char::from_u32(0x1F600 + c).unwrap(), 1);
        }
        let w = missing_glyphs_warning(&m).unwrap();
        assert!(w.message.starts_with("21 characters"));
        assert!(w.message.contains("…"));
    }

    #[test]
    fn warning_serialises_in_camel_case() {
        let w = Warning::new(WarningKind::EmptySection, "x", Some("roadmap"));
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"emptySection","message":"x","section":"roadmap"}"#
        );
    }
}
