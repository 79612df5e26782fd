//! A plain document of free blocks, numbered "Page n of N": for previews and for testing the
//! layout engine end to end.

use groundwork_core::documents::Paper;

use crate::draw::{Align, Draw, Weight};
use crate::emit::{self, Info, OutlineEntry, PageOut};
use crate::fonts;
use crate::layout::blocks::{items, Frame};
use crate::layout::flow::paginate;
use crate::layout::Block;
use crate::style::{self, Orientation, PageGeometry};
use crate::{DocsError, Rendered};

pub fn render_blocks(
    title: &str,
    blocks: &[Block],
    paper: Paper,
    orientation: Orientation,
) -> Result<Rendered, DocsError> {
    let fonts = fonts::shipped()?;
    let geo = PageGeometry::new(paper, orientation);
    let frame = Frame {
        width: geo.content_width(),
        max_height: geo.content_height(),
    };
    let flowed = paginate(&items(fonts, frame, blocks), &geo);
    let total = flowed.pages.len();
    let pages: Vec<PageOut> = flowed
        .pages
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let mut draws = p.draws;
            draws.push(Draw::text_aligned(
                geo.width - geo.margin_x,
                geo.height - geo.margin_bottom + 38.0,
                style::SMALL_SIZE,
                Weight::Regular,
                style::MUTED,
                Align::Right,
                &format!("Page {} of {total}", i + 1),
            ));
            PageOut {
                width: geo.width,
                height: geo.height,
                draws,
            }
        })
        .collect();
    let outline: Vec<OutlineEntry> = flowed
        .anchors
        .iter()
        .map(|a| OutlineEntry {
            level: a.anchor.level,
            title: a.anchor.title.clone(),
            page: a.page + 1,
            y: a.y,
        })
        .collect();
    let info = Info {
        title: title.to_owned(),
        author: String::new(),
        subject: String::new(),
        keywords: Vec::new(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
    };
    let written = emit::write(fonts, &pages, &outline, &info, None)?;
    let mut warnings = Vec::new();
    if let Some(w) = crate::missing_glyphs_warning(&written.missing) {
        warnings.push(w);
    }
    Ok(Rendered {
        bytes: written.bytes,
        page_count: total,
        warnings,
    })
}
