//! The cover page.

use crate::documents::Context;
use crate::draw::{Draw, Rect, Stroke, Weight};
use crate::fonts::Fonts;
use crate::sections::profile::long_date;
use crate::style::{self, PageGeometry};
use crate::text::clean_line;

pub fn draws(ctx: &Context<'_>, geo: &PageGeometry) -> Vec<Draw> {
    let f = ctx.fonts;
    let p = &ctx.workbook.profile;
    let mut out = Vec::new();
    let x = geo.margin_x;
    let width = geo.content_width();
    let name = name_layout(f, &ctx.workbook_name(), width);
    // The band grows to hold a long name, leaving the details their room below it.
    let band_h = (geo.height * 0.46)
        .round()
        .max(NAME_TOP + 40.0 + name.lines.len() as f32 * name.leading + 8.0);
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
    // The organisation's logo at the top right.
    if let Some(logo) = &ctx.logo {
        let (_, plate) = logo.on_plate((x + width, 44.0), (150.0, 48.0), 10.0, true);
        out.extend(plate);
    }

    // Title and workbook name sit at the foot of the band.
    let title = ctx.document.title();
    let name_h = name.lines.len() as f32 * name.leading;
    let mut y = band_h - 40.0 - name_h - 8.0;
    out.push(Draw::text(x, y, 32.0, Weight::Bold, style::WHITE, title));
    y += 14.0;
    for line in &name.lines {
        y += name.leading;
        out.push(Draw::text(
            x,
            y,
            name.size,
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
    let values: Vec<(Vec<String>, f32, f32)> = fields
        .iter()
        .map(|(_, value)| {
            let value = if value.is_empty() { "—" } else { value };
            field_lines(f, value, col_w)
        })
        .collect();
    // Rows of 58 points, taller for a value that needs more lines.
    let row_h: Vec<f32> = values
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|(lines, _, leading)| 17.0 + lines.len() as f32 * leading + 12.0)
                .fold(58.0, f32::max)
        })
        .collect();
    let fields_end = top + row_h.iter().sum::<f32>();
    for (i, ((label, _), (lines, size, leading))) in fields.iter().zip(&values).enumerate() {
        let cx = x + (i % 2) as f32 * (width / 2.0);
        let cy = top + row_h[..i / 2].iter().sum::<f32>();
        out.push(Draw::text(
            cx,
            cy,
            style::SMALL_SIZE - 0.5,
            Weight::Bold,
            style::MUTED,
            label,
        ));
        for (j, line) in lines.iter().enumerate() {
            out.push(Draw::text(
                cx,
                cy + 17.0 + j as f32 * leading,
                *size,
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
    let room = foot - (fields_end + 24.0);
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
/// in smaller type for a long value; a value longer than that takes more lines of 8 points
/// and its row grows.
fn field_lines(f: &Fonts, value: &str, width: f32) -> (Vec<String>, f32, f32) {
    for (size, leading, max_lines) in [(11.0, 14.0, 2), (9.5, 12.0, 3)] {
        let lines = crate::text::wrap(f, value, Weight::Regular, size, width);
        if lines.len() <= max_lines {
            return (lines, size, leading);
        }
    }
    (
        crate::text::wrap(f, value, Weight::Regular, 8.0, width),
        8.0,
        10.0,
    )
}

/// Where the band's lettering may start: under the "GROUNDWORK" mark and the title.
const NAME_TOP: f32 = 130.0;

/// The most the workbook's name may take on the cover, so the details keep their room.
const NAME_ROOM: f32 = 330.0;

/// The workbook's name as the cover sets it.
pub struct Name {
    pub lines: Vec<String>,
    pub size: f32,
    pub leading: f32,
}

/// The workbook's name wrapped in `width`, in the largest size its lines fit in, from 17
/// points down to 8. A name too long even for that is not on the cover: the cover says where
/// it is printed in full (the contents' first page, see [`name_fits`]).
pub fn name_layout(f: &Fonts, name: &str, width: f32) -> Name {
    if let Some(n) = fitted_name(f, name, width) {
        return n;
    }
    let note =
        "The workbook's name is too long for the cover: it is printed in full on the next page.";
    Name {
        lines: crate::text::wrap_line(f, note, Weight::Regular, 11.0, width),
        size: 11.0,
        leading: 15.0,
    }
}

fn fitted_name(f: &Fonts, name: &str, width: f32) -> Option<Name> {
    // Quick refusal of a name much longer than the room, before breaking it.
    if f.width(name, Weight::Regular, 8.0) > width * (NAME_ROOM / 10.5) * 1.2 {
        return None;
    }
    [
        (17.0, 23.0, 5),
        (14.0, 19.0, 7),
        (12.0, 16.0, 9),
        (10.0, 13.0, 12),
    ]
    .into_iter()
    .map(|(size, leading, most)| (size, leading, most as f32 * leading))
    .chain([(8.0, 10.5, NAME_ROOM)])
    .find_map(|(size, leading, room)| {
        let lines = crate::text::wrap_line(f, name, Weight::Regular, size, width);
        (lines.len() as f32 * leading <= room).then_some(Name {
            lines,
            size,
            leading,
        })
    })
}

/// Whether the workbook's name is printed on the cover (else the contents print it).
pub fn name_fits(f: &Fonts, name: &str, geo: &PageGeometry) -> bool {
    fitted_name(f, name, geo.content_width()).is_some()
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
