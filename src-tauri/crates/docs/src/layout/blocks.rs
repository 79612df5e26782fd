//! Turns blocks into rows: wrapping text by real advances and styling each kind of block.

use crate::charts;
use crate::draw::{Draw, Rect, Rgb, Stroke, Weight};
use crate::fonts::Fonts;
use crate::layout::flow::Item;
use crate::layout::row::Row;
use crate::layout::table::{self, ColumnGeometry, TableRow, PAD_X};
use crate::layout::{Anchor, Block, ColumnAlign, Table};
use crate::style::{self, centred_baseline};
use crate::text;

/// The frame blocks are laid out in.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub width: f32,
    /// The tallest a single unbreakable row may be (a page's content height).
    pub max_height: f32,
}

struct HeadingStyle {
    size: f32,
    leading: f32,
    space_before: f32,
    above: f32,
    below: f32,
    color: Rgb,
}

fn heading_style(level: u8) -> HeadingStyle {
    match level {
        0 | 1 => HeadingStyle {
            size: 18.0,
            leading: 23.0,
            space_before: 30.0,
            above: 14.0,
            below: 8.0,
            color: style::INK,
        },
        2 => HeadingStyle {
            size: 12.5,
            leading: 17.0,
            space_before: 18.0,
            above: 0.0,
            below: 4.0,
            color: style::INK,
        },
        _ => HeadingStyle {
            size: 10.0,
            leading: 14.0,
            space_before: 12.0,
            above: 0.0,
            below: 2.0,
            color: style::ACCENT_DARK,
        },
    }
}

/// Lines of text as rows of one line each, so paragraphs break anywhere between lines.
#[allow(clippy::too_many_arguments)]
fn line_rows(
    lines: Vec<String>,
    indent: f32,
    size: f32,
    leading: f32,
    weight: Weight,
    color: Rgb,
    first_space: f32,
    out: &mut Vec<Item>,
) {
    for (i, line) in lines.into_iter().enumerate() {
        let y = centred_baseline(0.0, leading, size);
        out.push(Item::Row(Row {
            height: leading,
            space_before: if i == 0 { first_space } else { 0.0 },
            draws: if line.is_empty() {
                Vec::new()
            } else {
                vec![Draw::text(indent, y, size, weight, color, &line)]
            },
            keep_with_next: false,
            anchor: None,
        }));
    }
}

fn heading(fonts: &Fonts, frame: Frame, level: u8, text: &str, out: &mut Vec<Item>) {
    let s = heading_style(level);
    let title = text::clean_line(text);
    // Whole: a heading of extreme length (a pasted paragraph) takes several rows of six
    // lines, so it can run on to the next page.
    let lines = text::wrap_line(fonts, &title, Weight::Bold, s.size, frame.width);
    let chunks: Vec<&[String]> = lines.chunks(6).collect();
    let mut anchor = Some(Anchor {
        level: level.clamp(1, 3),
        title,
    });
    for (c, chunk) in chunks.iter().enumerate() {
        let first = c == 0;
        let above = if first { s.above } else { 0.0 };
        let mut draws = Vec::new();
        if level <= 1 && first {
            draws.push(Draw::fill(Rect::new(0.0, 0.0, 26.0, 2.5), style::ACCENT));
        }
        for (i, line) in chunk.iter().enumerate() {
            let y = above + centred_baseline(i as f32 * s.leading, s.leading, s.size);
            draws.push(Draw::text(0.0, y, s.size, Weight::Bold, s.color, line));
        }
        let below = if c + 1 == chunks.len() { s.below } else { 0.0 };
        out.push(Item::Row(Row {
            height: above + chunk.len() as f32 * s.leading + below,
            space_before: if first { s.space_before } else { 0.0 },
            draws,
            keep_with_next: true,
            anchor: anchor.take(),
        }));
    }
}

fn paragraph(
    fonts: &Fonts,
    frame: Frame,
    text: &str,
    size: f32,
    leading: f32,
    color: Rgb,
    out: &mut Vec<Item>,
) {
    let cleaned = text::clean(text);
    let mut space = 8.0;
    for hard in cleaned.split('\n') {
        if hard.trim().is_empty() {
            space = 8.0;
            continue;
        }
        let lines = text::wrap_line(fonts, hard, Weight::Regular, size, frame.width);
        line_rows(
            lines,
            0.0,
            size,
            leading,
            Weight::Regular,
            color,
            space,
            out,
        );
        space = 0.0;
    }
}

fn bullets(fonts: &Fonts, frame: Frame, items: &[String], out: &mut Vec<Item>) {
    let indent = 14.0;
    for (n, item) in items.iter().enumerate() {
        let lines = text::wrap(
            fonts,
            item,
            Weight::Regular,
            style::BODY_SIZE,
            frame.width - indent,
        );
        let start = out.len();
        line_rows(
            lines,
            indent,
            style::BODY_SIZE,
            style::BODY_LEADING,
            Weight::Regular,
            style::TEXT,
            if n == 0 { 8.0 } else { 3.0 },
            out,
        );
        if let Some(Item::Row(r)) = out.get_mut(start) {
            let y = centred_baseline(0.0, style::BODY_LEADING, style::BODY_SIZE);
            r.draws.push(Draw::text(
                2.0,
                y,
                style::BODY_SIZE,
                Weight::Bold,
                style::ACCENT,
                "•",
            ));
        }
    }
}

fn quote(fonts: &Fonts, frame: Frame, text_: &str, attribution: Option<&str>, out: &mut Vec<Item>) {
    let indent = 16.0;
    let (size, leading) = (10.5, 15.5);
    let lines = text::wrap(fonts, text_, Weight::Regular, size, frame.width - indent);
    let start = out.len();
    line_rows(
        lines,
        indent,
        size,
        leading,
        Weight::Regular,
        style::INK,
        12.0,
        out,
    );
    if let Some(a) = attribution.map(text::clean_line).filter(|a| !a.is_empty()) {
        let lines = text::wrap(
            fonts,
            &format!("— {}", crate::shaping::isolate(&a)),
            Weight::Regular,
            style::SMALL_SIZE + 0.5,
            frame.width - indent,
        );
        line_rows(
            lines,
            indent,
            style::SMALL_SIZE + 0.5,
            13.0,
            Weight::Regular,
            style::MUTED,
            2.0,
            out,
        );
    }
    for item in &mut out[start..] {
        if let Item::Row(r) = item {
            r.draws.insert(
                0,
                Draw::fill(Rect::new(0.0, 0.0, 2.5, r.height), style::ACCENT),
            );
        }
    }
}

fn note(fonts: &Fonts, frame: Frame, text_: &str, out: &mut Vec<Item>) {
    let (pad, indent) = (9.0, 14.0);
    let lines = text::wrap(
        fonts,
        text_,
        Weight::Regular,
        style::BODY_SIZE,
        frame.width - 2.0 * indent,
    );
    let n = lines.len();
    for (i, line) in lines.into_iter().enumerate() {
        let top_pad = if i == 0 { pad } else { 0.0 };
        let bottom_pad = if i + 1 == n { pad } else { 0.0 };
        let height = top_pad + style::BODY_LEADING + bottom_pad;
        let y = top_pad + centred_baseline(0.0, style::BODY_LEADING, style::BODY_SIZE);
        let mut draws = vec![
            Draw::fill(Rect::new(0.0, 0.0, frame.width, height), style::PANEL),
            Draw::fill(Rect::new(0.0, 0.0, 2.5, height), style::RULE),
        ];
        if !line.is_empty() {
            draws.push(Draw::text(
                indent,
                y,
                style::BODY_SIZE,
                Weight::Regular,
                style::MUTED,
                &line,
            ));
        }
        out.push(Item::Row(Row {
            height,
            space_before: if i == 0 { 10.0 } else { 0.0 },
            draws,
            keep_with_next: false,
            anchor: None,
        }));
    }
}

/// Sizes the columns of `t` from what they hold (see [`table::distribute`]): a column's
/// minimum is its widest word, header included, so nothing breaks inside a word that could be
/// whole. When those do not fit the width, cell words may be hyphenated (the minimum is then
/// the widest hyphenated piece) while header words stay whole; then header words too. A word
/// wider than a share of the table (a URL) does not widen its column past that share.
fn column_geometry(fonts: &Fonts, t: &Table, width: f32) -> Vec<ColumnGeometry> {
    let n = t.columns.len();
    let room = (width - n as f32 * 2.0 * PAD_X).max(0.0);
    let cap = room
        * match n {
            0 | 1 => 1.0,
            2 => 0.6,
            _ => 0.4,
        };
    let header_titles: Vec<String> = t.columns.iter().map(|c| c.title.to_uppercase()).collect();
    let (head, body) = (
        (Weight::Bold, style::SMALL_SIZE),
        (Weight::Regular, style::TABLE_SIZE),
    );
    let mut natural = vec![0.0f32; n];
    let mut header_spaced = vec![0.0f32; n];
    for (i, title) in header_titles.iter().enumerate() {
        let m = text::measure(fonts, title, head.0, head.1);
        natural[i] = m.natural;
        header_spaced[i] = m.spaced_word;
    }
    // Each cell's natural width, kept: a cell no wider than a word already measured in its
    // column cannot hold a wider word.
    let mut cell_natural: Vec<f32> = Vec::with_capacity(t.rows.len() * n);
    let mut cell_spaced = vec![0.0f32; n];
    for row in &t.rows {
        for (i, (nat, spaced)) in natural.iter_mut().zip(&mut cell_spaced).enumerate() {
            let cell = row.get(i).map_or("", String::as_str);
            let m = text::measure(fonts, cell, body.0, body.1);
            *nat = nat.max(m.natural);
            *spaced = spaced.max(m.spaced_word);
            cell_natural.push(m.natural);
        }
    }
    let fits = |mins: &[f32]| mins.iter().sum::<f32>() <= room;
    let capped = |a: &[f32], b: &[f32]| -> Vec<f32> {
        a.iter().zip(b).map(|(a, b)| a.max(*b).min(cap)).collect()
    };
    // The widest runs between spaces are minimums that never break a word; only when they do
    // not all fit are words measured exactly (UAX #14 breaks after hyphens and slashes too),
    // then hyphenated.
    let mut mins = capped(&header_spaced, &cell_spaced);
    if !fits(&mins) {
        let header_word: Vec<f32> = header_titles
            .iter()
            .map(|h| text::widest_word(fonts, h, head.0, head.1))
            .collect();
        let mut cell_word = vec![0.0f32; n];
        for (r, row) in t.rows.iter().enumerate() {
            for (i, cell) in row.iter().take(n).enumerate() {
                if cell_natural
                    .get(r * n + i)
                    .is_some_and(|w| *w > cell_word[i])
                {
                    let w = text::widest_word(fonts, cell, body.0, body.1);
                    cell_word[i] = cell_word[i].max(w);
                }
            }
        }
        mins = capped(&header_word, &cell_word);
        if !fits(&mins) {
            let mut cell_fragment = vec![0.0f32; n];
            for row in &t.rows {
                for (i, cell) in row.iter().take(n).enumerate() {
                    let over = cell_fragment[i];
                    let f = text::widest_fragment(fonts, cell, body.0, body.1, over);
                    cell_fragment[i] = cell_fragment[i].max(f);
                }
            }
            mins = capped(&header_word, &cell_fragment);
            if !fits(&mins) {
                let header_fragment: Vec<f32> = header_titles
                    .iter()
                    .map(|h| text::widest_fragment(fonts, h, head.0, head.1, 0.0))
                    .collect();
                mins = capped(&header_fragment, &cell_fragment);
            }
        }
    }
    let weights: Vec<f32> = t.columns.iter().map(|c| c.weight).collect();
    let widths = table::distribute(&mins, &natural, &weights, room);
    let mut x = 0.0;
    t.columns
        .iter()
        .zip(widths)
        .map(|(c, text_w)| {
            let w = text_w + 2.0 * PAD_X;
            let g = ColumnGeometry {
                x,
                w,
                align: c.align,
                weight: Weight::Regular,
                color: style::TEXT,
            };
            x += w;
            g
        })
        .collect()
}

fn cell_lines(fonts: &Fonts, text_: &str, col: &ColumnGeometry, size: f32) -> Vec<String> {
    let mut lines = text::wrap(
        fonts,
        text_,
        col.weight,
        size,
        // A hair of slack: a column sized to its widest word must hold that word whole.
        (col.w - 2.0 * PAD_X + 0.01).max(1.0),
    );
    while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

fn table(fonts: &Fonts, frame: Frame, t: &Table, out: &mut Vec<Item>) {
    if t.columns.is_empty() {
        return;
    }
    let cols = column_geometry(fonts, t, frame.width);
    let header_cols: Vec<ColumnGeometry> = cols
        .iter()
        .map(|c| ColumnGeometry {
            weight: Weight::Bold,
            color: style::MUTED,
            ..*c
        })
        .collect();
    let header = TableRow {
        cells: t
            .columns
            .iter()
            .zip(&header_cols)
            .map(|(c, g)| cell_lines(fonts, &c.title.to_uppercase(), g, style::SMALL_SIZE))
            .collect(),
        columns: header_cols,
        width: frame.width,
        size: style::SMALL_SIZE,
        leading: 11.0,
        pad_y: 4.0,
        fill: None,
        rule: Some(Stroke::solid(style::INK, 0.8)),
    };
    let mut header_row = header.to_row();
    header_row.space_before = 12.0;
    out.push(Item::TableStart(header_row));
    for (n, cells) in t.rows.iter().enumerate() {
        let row = TableRow {
            cells: cols
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    cell_lines(
                        fonts,
                        cells.get(i).map(String::as_str).unwrap_or(""),
                        g,
                        style::TABLE_SIZE,
                    )
                })
                .collect(),
            columns: cols.clone(),
            width: frame.width,
            size: style::TABLE_SIZE,
            leading: style::TABLE_LEADING,
            pad_y: 4.0,
            fill: (n % 2 == 1).then_some(style::PANEL),
            rule: Some(Stroke::solid(style::RULE, 0.4)),
        };
        out.push(Item::TableRow(row));
    }
    out.push(Item::TableEnd);
}

fn key_value(fonts: &Fonts, frame: Frame, pairs: &[(String, String)], out: &mut Vec<Item>) {
    let label_w = (frame.width * 0.26).clamp(90.0, 160.0);
    let label = ColumnGeometry {
        x: 0.0,
        w: label_w,
        align: ColumnAlign::Left,
        weight: Weight::Bold,
        color: style::MUTED,
    };
    let value = ColumnGeometry {
        x: label_w,
        w: frame.width - label_w,
        align: ColumnAlign::Left,
        weight: Weight::Regular,
        color: style::TEXT,
    };
    let mut first = true;
    for (k, v) in pairs {
        let v = if v.trim().is_empty() {
            "—".to_owned()
        } else {
            v.clone()
        };
        let row = TableRow {
            cells: vec![
                cell_lines(fonts, k, &label, style::TABLE_SIZE),
                cell_lines(fonts, &v, &value, style::BODY_SIZE),
            ],
            columns: vec![label, value],
            width: frame.width,
            size: style::BODY_SIZE,
            leading: style::BODY_LEADING,
            pad_y: 5.0,
            fill: None,
            rule: Some(Stroke::solid(style::RULE, 0.4)),
        };
        if first {
            // A hairline above the first pair, as a zero-height row that stays with it.
            out.push(Item::Row(Row {
                height: 0.0,
                space_before: 10.0,
                draws: vec![Draw::line(
                    0.0,
                    0.0,
                    frame.width,
                    0.0,
                    Stroke::solid(style::RULE, 0.4),
                )],
                keep_with_next: true,
                anchor: None,
            }));
            first = false;
        }
        out.push(Item::TableRow(row));
    }
}

/// Lays out every block for a frame of the given width.
pub fn items(fonts: &Fonts, frame: Frame, blocks: &[Block]) -> Vec<Item> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { level, text } => heading(fonts, frame, *level, text, &mut out),
            Block::Paragraph(t) => {
                paragraph(
                    fonts,
                    frame,
                    t,
                    style::BODY_SIZE,
                    style::BODY_LEADING,
                    style::TEXT,
                    &mut out,
                );
            }
            Block::Lead(t) => paragraph(fonts, frame, t, 12.0, 17.5, style::INK, &mut out),
            Block::Bullets(list) => bullets(fonts, frame, list, &mut out),
            Block::KeyValue(pairs) => key_value(fonts, frame, pairs, &mut out),
            Block::Quote { text, attribution } => {
                quote(fonts, frame, text, attribution.as_deref(), &mut out);
            }
            Block::Note(t) => note(fonts, frame, t, &mut out),
            Block::Table(t) => table(fonts, frame, t, &mut out),
            Block::Chart {
                chart,
                height,
                caption,
            } => {
                // Taller than asked when its names need it to print whole, wrapped.
                let cap = frame.max_height - 40.0;
                let h = height
                    .max(charts::min_height(fonts, chart, frame.width, cap))
                    .clamp(20.0, cap);
                let (draws, key) = charts::draw(fonts, chart, Rect::new(0.0, 0.0, frame.width, h));
                out.push(Item::Row(Row {
                    height: h,
                    space_before: 14.0,
                    draws,
                    keep_with_next: caption.is_some() || !key.is_empty(),
                    anchor: None,
                }));
                // Names too long for their place in the chart, in full under it.
                for (i, entry) in key.entries().iter().enumerate() {
                    let lines = text::wrap(
                        fonts,
                        entry,
                        Weight::Regular,
                        style::SMALL_SIZE,
                        frame.width,
                    );
                    line_rows(
                        lines,
                        0.0,
                        style::SMALL_SIZE,
                        11.0,
                        Weight::Regular,
                        style::TEXT,
                        if i == 0 { 6.0 } else { 2.0 },
                        &mut out,
                    );
                }
                if let Some(c) = caption {
                    let lines =
                        text::wrap(fonts, c, Weight::Regular, style::SMALL_SIZE, frame.width);
                    line_rows(
                        lines,
                        0.0,
                        style::SMALL_SIZE,
                        11.0,
                        Weight::Regular,
                        style::MUTED,
                        4.0,
                        &mut out,
                    );
                }
            }
            Block::Spacer(h) => out.push(Item::Row(Row {
                height: h.clamp(0.0, frame.max_height),
                ..Row::default()
            })),
            Block::PageBreak => out.push(Item::PageBreak),
        }
    }
    out
}
