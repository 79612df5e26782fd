//! The table of contents: level 1 and 2 headings with their page numbers, each entry a link.

use crate::documents::Context;
use crate::draw::{Align, Draw, Rect, Stroke, Weight};
use crate::layout::blocks::{items, Frame};
use crate::layout::flow::{paginate, Flowed, Item};
use crate::layout::row::Row;
use crate::layout::Block;
use crate::style::{self, PageGeometry};
use crate::text::wrap_line;

/// A heading listed in the contents, with its physical page number.
pub struct Entry {
    pub level: u8,
    pub title: String,
    pub at: At,
}

/// Where an entry of the contents points.
pub enum At {
    /// A physical page number.
    Page(usize),
    /// A section with nothing in it yet and no page: what the contents say instead
    /// ("not started").
    Nowhere(&'static str),
}

/// Lines of an entry per row: a heading of extreme length (a pasted paragraph) takes several
/// rows, so it can run on to the next page.
const LINES_PER_ROW: usize = 8;

fn entry_rows(ctx: &Context<'_>, width: f32, e: &Entry) -> Vec<Row> {
    let f = ctx.fonts;
    let top_level = e.level <= 1;
    let (size, weight, color, indent, leading) = if top_level {
        (10.5, Weight::Bold, style::INK, 0.0, 15.0)
    } else {
        (9.5, Weight::Regular, style::TEXT, 16.0, 13.5)
    };
    let (num, page) = match e.at {
        At::Page(n) => (n.to_string(), Some(n)),
        At::Nowhere(note) => (note.to_owned(), None),
    };
    let (num_size, num_weight) = if page.is_some() {
        (size, weight)
    } else {
        (style::SMALL_SIZE + 0.5, Weight::Regular)
    };
    let num_w = f.width(&num, num_weight, num_size).max(34.0);
    // The heading whole, wrapped.
    let lines = wrap_line(f, &e.title, weight, size, width - indent - num_w - 12.0);
    let pad = if top_level { 5.0 } else { 2.5 };
    let chunks: Vec<&[String]> = lines.chunks(LINES_PER_ROW).collect();
    let mut rows = Vec::new();
    for (c, chunk) in chunks.iter().enumerate() {
        let first = c == 0;
        let last = c + 1 == chunks.len();
        let top = if first { pad } else { 0.0 };
        let height = chunk.len() as f32 * leading + top + if last { pad } else { 0.0 };
        let mut draws = Vec::new();
        let mut last_end = indent;
        let mut last_y = top + leading;
        for (i, line) in chunk.iter().enumerate() {
            let y = style::centred_baseline(top + i as f32 * leading, leading, size);
            draws.push(Draw::text(indent, y, size, weight, color, line));
            last_end = indent + f.width(line, weight, size);
            last_y = y;
        }
        if last {
            number(f, width, e, (last_end, last_y), &mut draws);
        }
        if let At::Page(page) = e.at {
            draws.push(Draw::Link {
                rect: Rect::new(0.0, 0.0, width, height),
                page,
            });
        }
        rows.push(Row {
            height,
            space_before: if top_level && first { 8.0 } else { 0.0 },
            draws,
            keep_with_next: top_level || !last,
            anchor: None,
        });
    }
    rows
}

/// The dotted leader and the page number (or the note) after an entry's last line.
fn number(
    f: &crate::fonts::Fonts,
    width: f32,
    e: &Entry,
    (last_end, last_y): (f32, f32),
    draws: &mut Vec<Draw>,
) {
    let top_level = e.level <= 1;
    let (size, weight) = if top_level {
        (10.5, Weight::Bold)
    } else {
        (9.5, Weight::Regular)
    };
    let (num, page) = match e.at {
        At::Page(n) => (n.to_string(), Some(n)),
        At::Nowhere(note) => (note.to_owned(), None),
    };
    let (num_size, num_weight) = if page.is_some() {
        (size, weight)
    } else {
        (style::SMALL_SIZE + 0.5, Weight::Regular)
    };
    let dots_from = last_end + 6.0;
    let dots_to = width - f.width(&num, num_weight, num_size) - 6.0;
    if dots_to > dots_from + 4.0 {
        draws.push(Draw::line(
            dots_from,
            last_y - 1.0,
            dots_to,
            last_y - 1.0,
            Stroke::dashed(style::RULE, 0.7, 0.8, 2.4),
        ));
    }
    draws.push(Draw::text_aligned(
        width,
        last_y,
        num_size,
        num_weight,
        if top_level && page.is_some() {
            style::ACCENT
        } else {
            style::MUTED
        },
        Align::Right,
        &num,
    ));
}

/// Lays the contents out on as many pages as they need.
pub fn pages(ctx: &Context<'_>, geo: &PageGeometry, entries: &[Entry]) -> Flowed {
    let frame = Frame {
        width: geo.content_width(),
        max_height: geo.content_height(),
    };
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: "Contents".to_owned(),
    }];
    // A workbook's name too long for the cover is printed here, whole.
    let name = ctx.workbook_name();
    if !super::cover::name_fits(ctx.fonts, &name, geo) {
        blocks.push(Block::Paragraph(format!("Workbook: {name}")));
    }
    let mut list = items(ctx.fonts, frame, &blocks);
    list.push(Item::Row(Row {
        height: 10.0,
        ..Row::default()
    }));
    list.extend(
        entries
            .iter()
            .flat_map(|e| entry_rows(ctx, frame.width, e))
            .map(Item::Row),
    );
    paginate(&list, geo)
}
