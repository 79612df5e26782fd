//! The cover page.

use crate::documents::Context;
use crate::draw::{Draw, Rect, Stroke, Weight};
use crate::fonts::Fonts;
use crate::sections::profile::long_date;
use crate::style::{self, PageGeometry};
use crate::text::{clean_line, wrap_capped};

pub fn draws(ctx: &Context<'_>, geo: &PageGeometry) -> Vec<Draw> {
    let f = ctx.fonts;
    let p = &ctx.workbook.profile;
    let mut out = Vec::new();
    let x = geo.margin_x;
    let width = geo.content_width();
    let band_h = (geo.height * 0.46).round();
    out.push(Draw::fill(
        Rect::new(0.0, 0.0, geo.width, band_h),
        style::ACCENT,
    ));
    out.push(Draw::fill(
        Rect::new(0.0, band_h, geo.width, 5.0),
        style::ACCENT_DARK,
    ));
    out.push(Draw::text(
        x,
        72.0,
        style::SMALL_SIZE + 0.5,
        Weight::Bold,
        style::ACCENT_TINT,
        "GROUNDWORK",
    ));
    out.push(Draw::fill(
        Rect::new(x, 84.0, 26.0, 2.0),
        style::ACCENT_TINT,
    ));

    // Title and workbook name sit at the foot of the band.
    let (name_lines, _) = wrap_capped(f, &ctx.workbook_name(), Weight::Regular, 17.0, width, 5);
    let title = ctx.document.title();
    let name_h = name_lines.len() as f32 * 23.0;
    let mut y = band_h - 40.0 - name_h - 8.0;
    out.push(Draw::text(x, y, 32.0, Weight::Bold, style::WHITE, title));
    y += 14.0;
    for line in &name_lines {
        y += 23.0;
        out.push(Draw::text(
            x,
            y,
            17.0,
            Weight::Regular,
            style::ACCENT_TINT,
            line,
        ));
    }

    // Details below the band, in two columns.
    let fields = [
        ("ORGANISATION", clean_line(&p.organisation)),
        ("COMMUNITY", clean_line(&p.community_name)),
        ("PREPARED BY", clean_line(&p.strategist)),
        ("DATE", long_date(ctx.date)),
        ("VERSION", ctx.version()),
    ];
    let col_w = width / 2.0 - 12.0;
    let top = band_h + 56.0;
    for (i, (label, value)) in fields.iter().enumerate() {
        let cx = x + (i % 2) as f32 * (width / 2.0);
        let cy = top + (i / 2) as f32 * 58.0;
        out.push(Draw::text(
            cx,
            cy,
            style::SMALL_SIZE - 0.5,
            Weight::Bold,
            style::MUTED,
            label,
        ));
        let value = if value.is_empty() {
            "—".to_owned()
        } else {
            value.clone()
        };
        let (lines, size, leading) = field_lines(f, &value, col_w);
        for (j, line) in lines.iter().enumerate() {
            out.push(Draw::text(
                cx,
                cy + 17.0 + j as f32 * leading,
                size,
                Weight::Regular,
                style::INK,
                line,
            ));
        }
    }

    // Confidentiality at the foot: whole, on as many lines as it takes (growing upwards into
    // the free space under the details), a little smaller for a long label.
    let label = clean_line(&ctx.options.confidentiality).to_uppercase();
    let foot = geo.height - 64.0;
    let room = foot - (top + 2.0 * 58.0 + 4.0 * 10.0 + 24.0);
    let (lines, size, leading) = if label.is_empty() {
        (Vec::new(), style::SMALL_SIZE, 0.0)
    } else {
        label_lines(f, &label, width * 0.6, room)
    };
    let above = lines.len().saturating_sub(1) as f32 * leading;
    out.push(Draw::line(
        x,
        foot - 22.0 - above,
        x + width,
        foot - 22.0 - above,
        Stroke::solid(style::RULE, 0.5),
    ));
    for (i, line) in lines.iter().enumerate() {
        out.push(Draw::text(
            x,
            foot - above + i as f32 * leading,
            size,
            Weight::Bold,
            style::ACCENT,
            line,
        ));
    }
    out.push(Draw::text_aligned(
        x + width,
        foot,
        style::SMALL_SIZE,
        Weight::Regular,
        style::MUTED,
        crate::draw::Align::Right,
        "Prepared with Groundwork",
    ));
    out
}

/// A cover field's value in the 58 points its row has: two lines of 11 points, or three or four
/// in smaller type for a long value; only a value longer than that is shortened.
fn field_lines(f: &Fonts, value: &str, width: f32) -> (Vec<String>, f32, f32) {
    for (size, leading, max_lines) in [(11.0, 14.0, 2), (9.5, 12.0, 3), (8.0, 10.0, 4)] {
        let lines = crate::text::wrap(f, value, Weight::Regular, size, width);
        if lines.len() <= max_lines {
            return (lines, size, leading);
        }
    }
    let (lines, _) = wrap_capped(f, value, Weight::Regular, 8.0, width, 4);
    (lines, 8.0, 10.0)
}

/// The confidentiality label wrapped in `width`, in the largest size whose lines fit `room`
/// (down to 6 points): the lines, their size and leading.
fn label_lines(f: &Fonts, label: &str, width: f32, room: f32) -> (Vec<String>, f32, f32) {
    let mut last = (Vec::new(), 6.0, 7.0);
    for size in [style::SMALL_SIZE, 7.0, 6.5, 6.0] {
        let leading = size + 2.5;
        let lines = crate::text::wrap_line(f, label, Weight::Bold, size, width);
        let fits = lines.len() as f32 * leading <= room;
        last = (lines, size, leading);
        if fits {
            break;
        }
    }
    last
}
