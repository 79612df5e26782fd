//! Page header (document title and confidentiality label) and footer ("Page n of N").

use crate::documents::Context;
use crate::draw::{Align, Draw, Stroke, Weight};
use crate::sections::profile::long_date;
use crate::style::{self, PageGeometry};
use crate::text::clean_line;

pub fn draws(ctx: &Context<'_>, geo: &PageGeometry, page: usize, pages: usize) -> Vec<Draw> {
    let f = ctx.fonts;
    let left = geo.margin_x;
    let right = geo.width - geo.margin_x;
    let width = geo.content_width();
    let header_y = geo.margin_top - 34.0;
    let mut out = Vec::new();
    let label = clean_line(&ctx.options.confidentiality).to_uppercase();
    let label = f.truncate(&label, Weight::Bold, style::SMALL_SIZE - 0.5, width * 0.38);
    let title = format!("{}  ·  {}", ctx.document.title(), ctx.workbook_name());
    let title = f.truncate(&title, Weight::Regular, style::SMALL_SIZE, width * 0.58);
    out.push(Draw::text(
        left,
        header_y,
        style::SMALL_SIZE,
        Weight::Regular,
        style::MUTED,
        &title,
    ));
    if !label.is_empty() {
        out.push(Draw::text_aligned(
            right,
            header_y,
            style::SMALL_SIZE - 0.5,
            Weight::Bold,
            style::ACCENT,
            Align::Right,
            &label,
        ));
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
