//! The four documents: which sections each holds and how its pages are put together.

mod chrome;
mod cover;
mod onepager;
mod paged;
pub mod plain;
pub mod showcase;
mod toc;

use chrono::NaiveDate;
use groundwork_core::documents::{Document, ExportOptions};
use groundwork_core::workbook::Workbook;

use crate::emit::{Info, OutlineEntry, PageOut};
use crate::fonts::Fonts;
use crate::text::clean_line;
use crate::Warning;

/// A document laid out and ready to write.
pub struct Composed {
    pub pages: Vec<PageOut>,
    pub outline: Vec<OutlineEntry>,
    pub info: Info,
    pub warnings: Vec<Warning>,
}

/// What every page of a document needs to know about it.
pub struct Context<'a> {
    pub fonts: &'a Fonts,
    pub workbook: &'a Workbook,
    pub options: &'a ExportOptions,
    pub document: Document,
    /// The date printed on the document.
    pub date: NaiveDate,
}

impl Context<'_> {
    pub fn workbook_name(&self) -> String {
        let n = clean_line(&self.workbook.profile.name);
        if n.is_empty() {
            "Untitled workbook".to_owned()
        } else {
            n
        }
    }

    /// A version label that changes only when the workbook does.
    pub fn version(&self) -> String {
        format!("v{}", self.workbook.last_edited().format("%Y.%m.%d.%H%M"))
    }

    fn info(&self) -> Info {
        let p = &self.workbook.profile;
        let community = clean_line(&p.community_name);
        let subject = if community.is_empty() {
            format!("{} for {}", self.document.title(), self.workbook_name())
        } else {
            format!("{} for {}", self.document.title(), community)
        };
        Info {
            title: format!("{} — {}", self.document.title(), self.workbook_name()),
            author: clean_line(&p.strategist),
            subject,
            keywords: vec!["Groundwork".to_owned(), self.document.slug().to_owned()],
            date: self.date,
        }
    }
}

pub fn compose(fonts: &Fonts, workbook: &Workbook, options: &ExportOptions) -> Composed {
    let ctx = Context {
        fonts,
        workbook,
        options,
        document: options.document,
        date: options
            .date
            .unwrap_or_else(|| workbook.last_edited().date_naive()),
    };
    match options.document {
        Document::Roadmap => onepager::compose(&ctx),
        Document::Full | Document::Crisis | Document::Audit => paged::compose(&ctx),
    }
}
