//! Page header (document title and confidentiality label) and footer ("Page n of N").

use crate::documents::Context;
use crate::draw::{Align, Draw, Stroke, Weight};
use crate::fonts::Fonts;
use crate::sections::profile::long_date;
use crate::style::{self, PageGeometry};
use crate::text::{clean_line, wrap_line};

pub fn draws(ctx: &Context<'_>, geo: &PageGeometry, page: usize, pages: usize) -> Vec<Draw> {
    let f = ctx.fonts;
    let left = geo.margin_x;
    let right = geo.width - geo.margin_x;
    let width = geo.content_width();
    let header_y = geo.margin_top - 34.0;
    let mut out = Vec::new();
    let label = clean_line(&ctx.options.confidentiality).to_uppercase();
    let label_size = style::SMALL_SIZE - 0.5;
    // The label on the right, on one line or two, a little smaller if need be; one longer
    // than that prints whole on the cover only.
    let label = if label.is_empty() {
        None
    } else {
        [width * 0.38, width * 0.5]
            .into_iter()
            .find_map(|w| two_lines(f, &label, Weight::Bold, label_size, w))
    };
    let label_w = label.as_ref().map_or(0.0, |(lines, size)| {
        lines
            .iter()
            .map(|l| f.width(l, Weight::Bold, *size))
            .fold(0.0, f32::max)
            + 18.0
    });
    // The organisation's logo first, small, standing on the title's baseline.
    let logo = ctx
        .logo
        .map(|logo| logo.fit(left, header_y + 2.0 - 18.0, 72.0, 18.0, false));
    let logo_w = logo.map_or(0.0, |rect| rect.w + 10.0);
    out.extend(logo.map(|rect| Draw::Logo { rect }));
    // The document's title and the workbook's name on the left, in the rest of the line, on
    // one line or two; a name too long for that prints whole on the cover, and the header
    // gives the document's title alone.
    let title = ctx.document.title();
    let full = format!("{title}  ·  {}", ctx.workbook_name());
    let (title_lines, title_size) = two_lines(
        f,
        &full,
        Weight::Regular,
        style::SMALL_SIZE,
        width - label_w - logo_w,
    )
    .unwrap_or_else(|| (vec![title.to_owned()], style::SMALL_SIZE));
    let leading = style::SMALL_SIZE + 1.5;
    let n = title_lines.len();
    for (i, line) in title_lines.iter().enumerate() {
        out.push(Draw::text(
            left + logo_w,
            header_y - (n - 1 - i) as f32 * leading,
            title_size,
            Weight::Regular,
            style::MUTED,
            line,
        ));
    }
    if let Some((lines, size)) = &label {
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            out.push(Draw::text_aligned(
                right,
                header_y - (n - 1 - i) as f32 * leading,
                *size,
                Weight::Bold,
                style::ACCENT,
                Align::Right,
                line,
            ));
        }
    }
    out.push(Draw::line(
        left,
        header_y + 8.0,
        right,
        header_y + 8.0,
        Stroke::solid(style::RULE, 0.5),
    ));
    let footer_y = geo.height - geo.margin_bottom + 38.0;
    out.push(Draw::line(
        left,
        footer_y - 14.0,
        right,
        footer_y - 14.0,
        Stroke::solid(style::RULE, 0.5),
    ));
    out.push(Draw::text(
        left,
        footer_y,
        style::SMALL_SIZE,
        Weight::Regular,
        style::MUTED,
        &long_date(ctx.date),
    ));
    out.push(Draw::text_aligned(
        right,
        footer_y,
        style::SMALL_SIZE,
        Weight::Regular,
        style::MUTED,
        Align::Right,
        &format!("Page {page} of {pages}"),
    ));
    out
}

/// `text` in `width` on one line or two, at `size` or up to a point smaller: the lines and
/// their size; `None` when it needs more.
fn two_lines(
    f: &Fonts,
    text: &str,
    weight: Weight,
    size: f32,
    width: f32,
) -> Option<(Vec<String>, f32)> {
    // Quick refusal of a text much too long for two lines, before breaking it.
    if f.width(text, weight, size - 1.0) > 2.0 * width {
        return None;
    }
    [0.0, 0.5, 1.0].into_iter().find_map(|d| {
        let lines = wrap_line(f, text, weight, size - d, width);
        let whole = lines
            .iter()
            .all(|l| f.width(l, weight, size - d) <= width + 0.01);
        (lines.len() <= 2 && whole).then_some((lines, size - d))
    })
}
