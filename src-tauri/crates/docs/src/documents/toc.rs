//! The table of contents: level 1 and 2 headings with their page numbers, each entry a link.

use crate::documents::Context;
use crate::draw::{Align, Draw, Rect, Stroke, Weight};
use crate::layout::blocks::{items, Frame};
use crate::layout::flow::{paginate, Flowed, Item};
use crate::layout::row::Row;
use crate::layout::Block;
use crate::style::{self, PageGeometry};
use crate::text::wrap_capped;

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

fn entry_row(ctx: &Context<'_>, width: f32, e: &Entry) -> Row {
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
    // A heading is at most six lines (see `layout::blocks`); its entry takes up to four.
    let (lines, _) = wrap_capped(f, &e.title, weight, size, width - indent - num_w - 12.0, 4);
    let pad = if top_level { 5.0 } else { 2.5 };
    let height = lines.len() as f32 * leading + 2.0 * pad;
    let mut draws = Vec::new();
    let mut last_end = indent;
    let mut last_y = pad + leading;
    for (i, line) in lines.iter().enumerate() {
        let y = style::centred_baseline(pad + i as f32 * leading, leading, size);
        draws.push(Draw::text(indent, y, size, weight, color, line));
        last_end = indent + f.width(line, weight, size);
        last_y = y;
    }
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
    if let Some(page) = page {
        draws.push(Draw::Link {
            rect: Rect::new(0.0, 0.0, width, height),
            page,
        });
    }
    Row {
        height,
        space_before: if top_level { 8.0 } else { 0.0 },
        draws,
        keep_with_next: top_level,
        anchor: None,
    }
}

/// Lays the contents out on as many pages as they need.
pub fn pages(ctx: &Context<'_>, geo: &PageGeometry, entries: &[Entry]) -> Flowed {
    let frame = Frame {
        width: geo.content_width(),
        max_height: geo.content_height(),
    };
    let mut list = items(
        ctx.fonts,
        frame,
        &[Block::Heading {
            level: 1,
            text: "Contents".to_owned(),
        }],
    );
    list.push(Item::Row(Row {
        height: 10.0,
        ..Row::default()
    }));
    list.extend(
        entries
            .iter()
            .map(|e| Item::Row(entry_row(ctx, frame.width, e))),
    );
    paginate(&list, geo)
}
