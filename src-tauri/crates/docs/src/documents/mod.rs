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

use crate::draw::{Draw, Rect};
use crate::emit::{Info, OutlineEntry, PageOut};
use crate::fonts::Fonts;
use crate::logo::Pixels;
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
    /// The workbook's logo, when it has one the documents can print.
    pub logo: Option<LogoShape>,
}

/// A logo's size in pixels, for laying it out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogoShape {
    pub width: f32,
    pub height: f32,
}

impl LogoShape {
    /// Where the logo goes drawn as large as fits `max_w` × `max_h` points, its shape kept,
    /// with its top-left corner at (`x`, `y`) — or its top-right corner there, for
    /// `from_right`.
    pub fn fit(&self, x: f32, y: f32, max_w: f32, max_h: f32, from_right: bool) -> Rect {
        let scale = (max_w / self.width).min(max_h / self.height);
        let (w, h) = (self.width * scale, self.height * scale);
        let left = if from_right { x - w } else { x };
        Rect::new(left, y, w, h)
    }

    /// The logo on a white plate, so that a logo of any colour reads on any accent band: the
    /// plate's top-left corner (top-right, for `from_right`) at (`x`, `y`), `pad` points of
    /// white around a logo of at most `max_w` × `max_h`. Returns the plate's width and the
    /// plate and logo to draw.
    pub fn on_plate(
        &self,
        (x, y): (f32, f32),
        (max_w, max_h): (f32, f32),
        pad: f32,
        from_right: bool,
    ) -> (f32, [Draw; 2]) {
        let inset = if from_right { x - pad } else { x + pad };
        let logo = self.fit(inset, y + pad, max_w, max_h, from_right);
        let plate = Rect::new(logo.x - pad, y, logo.w + 2.0 * pad, logo.h + 2.0 * pad);
        (
            plate.w,
            [
                Draw::fill(plate, crate::style::WHITE),
                Draw::Logo { rect: logo },
            ],
        )
    }
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

pub fn compose(
    fonts: &Fonts,
    workbook: &Workbook,
    options: &ExportOptions,
    logo: Option<&Pixels>,
) -> Composed {
    let ctx = Context {
        fonts,
        workbook,
        options,
        logo: logo.map(|l| LogoShape {
            width: l.width as f32,
            height: l.height as f32,
        }),
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
