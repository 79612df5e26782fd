//! Page content streams written straight as bytes: text in the shipped fonts (Identity-H glyph
//! ids), rectangles, lines and polygons.
//!
//! Going through printpdf's operators meant building an operator list, a lopdf object per
//! number and per string, a glyph lookup and a map insert per character, then formatting it
//! all again; that was most of a long document's export time. Here every number is written
//! once, glyph ids come from the fonts' cached table, and the used glyphs are kept in a flat
//! table per face. printpdf still embeds (subsets) the fonts and builds the document.

use std::collections::BTreeMap;

use crate::draw::Weight;
use crate::draw::{Align, Draw, Rect, Rgb, Stroke};
use crate::fonts::{Face, Fonts, Glyph, FACES, REPLACEMENT};
use crate::shaping;

/// The name the logo image goes by in a page's resources.
pub const LOGO_RESOURCE: &str = "GroundworkLogo";

/// Glyph ids go up to u16::MAX.
const GLYPH_SLOTS: usize = 1 << 16;

/// The glyphs a document uses, per face: for each glyph id, the text drawn with it.
pub struct UsedGlyphs {
    /// Per face (in [`Face::ALL`] order), the character of each glyph drawn for one
    /// character; empty for a face not used yet.
    chars: [Vec<Option<char>>; FACES],
    /// Shaped glyphs that stand for other than one character (a ligature stands for two, the
    /// second glyph of a cluster for none), with that text.
    texts: BTreeMap<(Face, u16), String>,
}

/// Which of two texts a glyph keeps, whichever order the pages were written in: some text
/// rather than none, then the smaller.
fn keep_text(kept: &mut String, other: &str) {
    if kept.is_empty() || (!other.is_empty() && other < kept.as_str()) {
        other.clone_into(kept);
    }
}

impl UsedGlyphs {
    pub fn new() -> Self {
        Self {
            chars: Default::default(),
            texts: BTreeMap::new(),
        }
    }

    /// Marks a glyph used. When several characters are drawn with one glyph, the smallest
    /// is kept (it is what the font's character map gives for the glyph), so the table does
    /// not depend on the order the pages were written in.
    fn mark(&mut self, face: Face, gid: u16, c: char) {
        let table = &mut self.chars[face.index()];
        if table.is_empty() {
            *table = vec![None; GLYPH_SLOTS];
        }
        let slot = &mut table[usize::from(gid)];
        if slot.is_none_or(|kept| c < kept) {
            *slot = Some(c);
        }
    }

    /// Marks a shaped glyph used, standing for `text`.
    fn mark_text(&mut self, face: Face, gid: u16, text: &str) {
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            self.mark(face, gid, c);
            return;
        }
        keep_text(self.texts.entry((face, gid)).or_default(), text);
    }

    /// Every used glyph of `face` in glyph id order, with its text: what printpdf reads to
    /// subset the font and write its ToUnicode map. A glyph also drawn for one character
    /// copies out as that character.
    pub fn glyphs(&self, face: Face) -> Vec<(u16, String)> {
        let mut out: BTreeMap<u16, String> = self
            .texts
            .range((face, 1)..=(face, u16::MAX))
            .map(|((_, gid), t)| (*gid, t.clone()))
            .collect();
        for (gid, c) in self.chars[face.index()].iter().enumerate().skip(1) {
            if let (Some(c), Ok(gid)) = (c, u16::try_from(gid)) {
                out.insert(gid, c.to_string());
            }
        }
        out.into_iter().collect()
    }

    /// Whether any glyph of `face` is used.
    pub fn uses(&self, face: Face) -> bool {
        self.chars[face.index()].iter().skip(1).any(Option::is_some)
            || self
                .texts
                .range((face, 1)..=(face, u16::MAX))
                .next()
                .is_some()
    }

    /// Adds the glyphs `other` marked.
    pub fn merge(&mut self, other: &UsedGlyphs) {
        for (mine, theirs) in self.chars.iter_mut().zip(&other.chars) {
            if theirs.is_empty() {
                continue;
            }
            if mine.is_empty() {
                *mine = vec![None; GLYPH_SLOTS];
            }
            for (slot, c) in mine.iter_mut().zip(theirs) {
                if let Some(c) = *c {
                    if slot.is_none_or(|kept| c < kept) {
                        *slot = Some(c);
                    }
                }
            }
        }
        for (key, text) in &other.texts {
            keep_text(self.texts.entry(*key).or_default(), text);
        }
    }

    /// Old glyph id → glyph id in the subset fonts. printpdf's subsetter keeps .notdef as 0
    /// and numbers the used glyphs from 1 in the order of their original ids.
    pub fn renumbering(&self) -> Renumbering {
        let maps = Face::ALL.map(|face| {
            let used = self.glyphs(face);
            if used.is_empty() {
                return Vec::new();
            }
            let mut map = vec![0u16; GLYPH_SLOTS];
            for (next, (gid, _)) in (1u16..).zip(used) {
                map[usize::from(gid)] = next;
            }
            map
        });
        Renumbering { maps }
    }
}

/// For each face, the glyph id in the subset font of each of the font's own glyph ids.
pub struct Renumbering {
    maps: [Vec<u16>; FACES],
}

/// One page's content stream, with the fonts' own glyph ids (see [`PageContent::renumbered`]).
pub struct PageContent {
    pub bytes: Vec<u8>,
    /// Each text run: where its first glyph's four hex digits start, how many glyphs, and
    /// in which face.
    runs: Vec<(usize, usize, Face)>,
    /// The fonts' own glyph ids of every run, one after the other.
    glyphs: Vec<u16>,
}

impl PageContent {
    /// The content with its glyph ids in the subset fonts' numbering.
    pub fn renumbered(&self, renumbering: &Renumbering) -> Vec<u8> {
        let mut bytes = self.bytes.clone();
        let mut glyphs = self.glyphs.iter();
        for &(start, count, face) in &self.runs {
            let map = &renumbering.maps[face.index()];
            let Some(digits) = bytes.get_mut(start..start + 4 * count) else {
                continue;
            };
            for (at, gid) in digits.chunks_exact_mut(4).zip(glyphs.by_ref()) {
                at.copy_from_slice(&hex_digits(
                    map.get(usize::from(*gid)).copied().unwrap_or_default(),
                ));
            }
        }
        bytes
    }
}

/// Writes `v` with at most three decimals and no exponent, as PDF wants numbers.
fn num(out: &mut Vec<u8>, v: f32) {
    let scaled = (f64::from(v) * 1000.0).round();
    if !scaled.is_finite() {
        out.push(b'0');
        return;
    }
    let mut n = scaled as i64;
    if n < 0 {
        out.push(b'-');
        n = -n;
    }
    let whole = n / 1000;
    let frac = n % 1000;
    int(out, whole);
    if frac != 0 {
        out.push(b'.');
        let digits = [frac / 100, (frac / 10) % 10, frac % 10];
        let keep = if digits[2] != 0 {
            3
        } else if digits[1] != 0 {
            2
        } else {
            1
        };
        for d in &digits[..keep] {
            out.push(b'0' + *d as u8);
        }
    }
}

fn int(out: &mut Vec<u8>, mut n: i64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

fn nums(out: &mut Vec<u8>, values: &[f32], op: &[u8]) {
    for v in values {
        num(out, *v);
        out.push(b' ');
    }
    out.extend_from_slice(op);
    out.push(b'\n');
}

fn colour(out: &mut Vec<u8>, c: Rgb, op: &[u8]) {
    nums(
        out,
        &[
            f32::from(c.0) / 255.0,
            f32::from(c.1) / 255.0,
            f32::from(c.2) / 255.0,
        ],
        op,
    );
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn hex_digits(g: u16) -> [u8; 4] {
    [
        HEX[usize::from(g >> 12)],
        HEX[usize::from((g >> 8) & 0xF)],
        HEX[usize::from((g >> 4) & 0xF)],
        HEX[usize::from(g & 0xF)],
    ]
}

fn hex4(out: &mut Vec<u8>, g: u16) {
    out.extend_from_slice(&hex_digits(g));
}

/// Ends the hex string of glyphs being written in a `TJ` array, if one is open, and records
/// it for renumbering.
fn close_hex(
    out: &mut Vec<u8>,
    open: &mut Option<(usize, usize)>,
    runs: &mut Vec<(usize, usize, Face)>,
    face: Face,
) {
    if let Some((start, count)) = open.take() {
        out.push(b'>');
        runs.push((start, count, face));
    }
}

fn stroke(out: &mut Vec<u8>, s: Stroke) {
    colour(out, s.color, b"RG");
    nums(out, &[s.width], b"w");
    match s.dash {
        Some((d, g)) => {
            out.push(b'[');
            num(out, d);
            out.push(b' ');
            num(out, g);
            out.extend_from_slice(b"] 0 d\n");
        }
        None => out.extend_from_slice(b"[] 0 d\n"),
    }
}

/// Fill, stroke or both; `None` when the shape paints nothing.
fn paint(fill: Option<Rgb>, stroke: Option<Stroke>, closed: bool) -> Option<&'static [u8]> {
    match (fill, stroke) {
        (Some(_), Some(_)) => Some(if closed { b"b\n" } else { b"B\n" }),
        (Some(_), None) => Some(b"f\n"),
        (None, Some(_)) => Some(b"S\n"),
        (None, None) => None,
    }
}

struct Writer<'a> {
    fonts: &'a Fonts,
    height: f32,
    out: PageContent,
    used: &'a mut UsedGlyphs,
    missing: &'a mut BTreeMap<char, usize>,
}

impl Writer<'_> {
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
        align: Align,
        text: &str,
    ) {
        if shaping::complex(text) {
            let pieces = shaping::line(self.fonts, text, weight, self.missing);
            self.shaped_text(x, y, size, color, align, pieces);
            return;
        }
        let x = match align {
            Align::Left => x,
            Align::Centre => x - self.fonts.width(text, weight, size) / 2.0,
            Align::Right => x - self.fonts.width(text, weight, size),
        };
        let out = &mut self.out.bytes;
        let start = out.len();
        let runs_before = self.out.runs.len();
        let glyphs_before = self.out.glyphs.len();
        out.extend_from_slice(b"BT\n");
        colour(out, color, b"rg");
        nums(out, &[x, self.height - y], b"Td");
        let mut current: Option<Face> = None;
        let mut run_start = 0;
        let mut glyphs = 0;
        let mut any = false;
        for c in text.chars() {
            // A no-break space is drawn, and copied out, as a space.
            let c = if c == crate::text::NBSP { ' ' } else { c };
            let (face, ch) = match self.fonts.resolve(c, weight) {
                Glyph::Skip => continue,
                Glyph::Face(f) => (f, c),
                Glyph::Missing => {
                    *self.missing.entry(c).or_insert(0) += 1;
                    (
                        match weight {
                            Weight::Regular => Face::Regular,
                            Weight::Bold => Face::Bold,
                        },
                        REPLACEMENT,
                    )
                }
            };
            if current != Some(face) {
                if let Some(f) = current {
                    self.out.runs.push((run_start, glyphs, f));
                    out.extend_from_slice(b"> Tj\n");
                }
                out.push(b'/');
                out.extend_from_slice(face.resource_id().as_bytes());
                out.push(b' ');
                nums(out, &[size], b"Tf");
                out.push(b'<');
                run_start = out.len();
                glyphs = 0;
                current = Some(face);
            }
            let gid = self.fonts.glyph_id(face, ch);
            self.used.mark(face, gid, ch);
            hex4(out, gid);
            self.out.glyphs.push(gid);
            glyphs += 1;
            any = true;
        }
        if let Some(f) = current {
            self.out.runs.push((run_start, glyphs, f));
            out.extend_from_slice(b"> Tj\n");
        }
        if any {
            out.extend_from_slice(b"ET\n");
        } else {
            out.truncate(start);
            self.out.runs.truncate(runs_before);
            self.out.glyphs.truncate(glyphs_before);
        }
    }

    /// Writes a shaped line: each piece as a `TJ` array whose numbers move the pen from the
    /// fonts' own advances to the shaped ones (and to marks' offsets), vertical offsets as
    /// text rise, and a piece whose glyphs do not follow its characters one by one inside an
    /// `/ActualText` span, so the line copies out as it was typed.
    fn shaped_text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        align: Align,
        pieces: Vec<shaping::Piece>,
    ) {
        let total: f32 = pieces
            .iter()
            .flat_map(|p| &p.glyphs)
            .map(|g| g.advance)
            .sum::<f32>()
            * size;
        if pieces.iter().all(|p| p.glyphs.is_empty()) {
            return;
        }
        let x = match align {
            Align::Left => x,
            Align::Centre => x - total / 2.0,
            Align::Right => x - total,
        };
        let out = &mut self.out.bytes;
        out.extend_from_slice(b"BT\n");
        colour(out, color, b"rg");
        nums(out, &[x, self.height - y], b"Td");
        let mut current: Option<Face> = None;
        let mut rise = 0.0f32;
        for piece in &pieces {
            let Some(face) = piece.glyphs.first().map(|g| g.face) else {
                continue;
            };
            if let Some(actual) = &piece.actual {
                out.extend_from_slice(b"/Span <</ActualText <FEFF");
                for unit in actual.encode_utf16() {
                    out.extend_from_slice(&hex_digits(unit));
                }
                out.extend_from_slice(b">>> BDC\n");
            }
            if current != Some(face) {
                out.push(b'/');
                out.extend_from_slice(face.resource_id().as_bytes());
                out.push(b' ');
                nums(out, &[size], b"Tf");
                current = Some(face);
            }
            let loaded = self.fonts.face(face);
            out.push(b'[');
            // Where the open hex string's glyphs start, and how many it holds.
            let mut open: Option<(usize, usize)> = None;
            for g in &piece.glyphs {
                if (g.dy - rise).abs() > 1e-4 {
                    close_hex(out, &mut open, &mut self.out.runs, face);
                    out.extend_from_slice(b"] TJ\n");
                    nums(out, &[g.dy * size], b"Ts");
                    rise = g.dy;
                    out.push(b'[');
                }
                if g.dx.abs() > 1e-4 {
                    close_hex(out, &mut open, &mut self.out.runs, face);
                    num(out, -g.dx * 1000.0);
                    out.push(b' ');
                }
                let (_, count) = open.get_or_insert_with(|| {
                    out.push(b'<');
                    (out.len(), 0)
                });
                *count += 1;
                hex4(out, g.gid);
                self.out.glyphs.push(g.gid);
                self.used.mark_text(face, g.gid, &g.text);
                let default = loaded.map_or(g.advance, |f| f.glyph_advance(g.gid));
                let adjust = (default + g.dx - g.advance) * 1000.0;
                if adjust.abs() > 0.01 {
                    close_hex(out, &mut open, &mut self.out.runs, face);
                    num(out, adjust);
                    out.push(b' ');
                }
            }
            close_hex(out, &mut open, &mut self.out.runs, face);
            out.extend_from_slice(b"] TJ\n");
            if piece.actual.is_some() {
                out.extend_from_slice(b"EMC\n");
            }
        }
        if rise != 0.0 {
            out.extend_from_slice(b"0 Ts\n");
        }
        out.extend_from_slice(b"ET\n");
    }

    /// The logo image scaled into `r`; `emit` adds it to the page's resources under
    /// [`LOGO_RESOURCE`].
    fn logo(&mut self, r: Rect) {
        let out = &mut self.out.bytes;
        out.extend_from_slice(b"q\n");
        nums(
            out,
            &[r.w, 0.0, 0.0, r.h, r.x, self.height - r.y - r.h],
            b"cm",
        );
        out.extend_from_slice(b"/");
        out.extend_from_slice(LOGO_RESOURCE.as_bytes());
        out.extend_from_slice(b" Do\nQ\n");
    }

    fn rect(&mut self, r: Rect, fill: Option<Rgb>, stroke_with: Option<Stroke>) {
        let Some(op) = paint(fill, stroke_with, false) else {
            return;
        };
        let out = &mut self.out.bytes;
        out.extend_from_slice(b"q\n");
        if let Some(f) = fill {
            colour(out, f, b"rg");
        }
        if let Some(s) = stroke_with {
            stroke(out, s);
        }
        nums(out, &[r.x, self.height - r.y - r.h, r.w, r.h], b"re");
        out.extend_from_slice(op);
        out.extend_from_slice(b"Q\n");
    }

    fn path(
        &mut self,
        points: &[(f32, f32)],
        fill: Option<Rgb>,
        stroke_with: Option<Stroke>,
        closed: bool,
    ) {
        let Some(op) = paint(fill, stroke_with, closed) else {
            return;
        };
        let out = &mut self.out.bytes;
        out.extend_from_slice(b"q\n");
        if let Some(f) = fill {
            colour(out, f, b"rg");
        }
        if let Some(s) = stroke_with {
            stroke(out, s);
        }
        for (i, (x, y)) in points.iter().enumerate() {
            nums(
                out,
                &[*x, self.height - y],
                if i == 0 { b"m" } else { b"l" },
            );
        }
        if closed {
            out.extend_from_slice(b"h\n");
        }
        out.extend_from_slice(op);
        out.extend_from_slice(b"Q\n");
    }
}

/// Writes one page's drawings (links are annotations, not content, and are skipped).
pub fn page(
    fonts: &Fonts,
    height: f32,
    draws: &[Draw],
    used: &mut UsedGlyphs,
    missing: &mut BTreeMap<char, usize>,
) -> PageContent {
    let mut w = Writer {
        fonts,
        height,
        out: PageContent {
            bytes: Vec::with_capacity(draws.len() * 48),
            runs: Vec::new(),
            glyphs: Vec::new(),
        },
        used,
        missing,
    };
    for d in draws {
        match d {
            Draw::Text {
                x,
                y,
                size,
                weight,
                color,
                align,
                text,
            } => w.text(*x, *y, *size, *weight, *color, *align, text),
            Draw::Rect { rect, fill, stroke } => w.rect(*rect, *fill, *stroke),
            Draw::Line { points, stroke } => {
                if points.len() >= 2 {
                    w.path(points, None, Some(*stroke), false);
                }
            }
            Draw::Polygon {
                points,
                fill,
                stroke,
            } => {
                if points.len() >= 3 {
                    w.path(points, *fill, *stroke, true);
                }
            }
            Draw::Logo { rect } => w.logo(*rect),
            Draw::Link { .. } => {}
        }
    }
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(v: f32) -> String {
        let mut out = Vec::new();
        num(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_have_at_most_three_decimals_and_no_exponent() {
        assert_eq!(written(0.0), "0");
        assert_eq!(written(-0.0001), "0");
        assert_eq!(written(12.5), "12.5");
        assert_eq!(written(-3.25), "-3.25");
        assert_eq!(written(841.89), "841.89");
        assert_eq!(written(1.0 / 3.0), "0.333");
        assert_eq!(written(1e-9), "0");
        assert_eq!(written(123_456.0), "123456");
        assert_eq!(written(f32::NAN), "0");
    }

    #[test]
    fn glyph_ids_are_renumbered_in_order_of_use_in_the_font() {
        let fonts = crate::fonts::shipped().unwrap();
        let mut used = UsedGlyphs::new();
        let mut missing = BTreeMap::new();
        let draws = vec![Draw::Text {
            x: 10.0,
            y: 20.0,
            size: 12.0,
            weight: Weight::Regular,
            color: Rgb(0, 0, 0),
            align: Align::Left,
            text: "ba社\u{E000}".to_owned(),
        }];
        let written = page(fonts, 800.0, &draws, &mut used, &mut missing);
        let text = String::from_utf8(written.renumbered(&used.renumbering())).unwrap();
        // 'a' has a lower glyph id than 'b' in DejaVu Sans; the replacement box comes after.
        let a = fonts.glyph_id(Face::Regular, 'a');
        let b = fonts.glyph_id(Face::Regular, 'b');
        let boxed = fonts.glyph_id(Face::Regular, REPLACEMENT);
        assert!(a < b && b < boxed);
        assert!(text.contains("/GWSANS 12 Tf\n<00020001> Tj\n"), "{text}");
        assert!(text.contains("/GWCJKF 12 Tf\n<0001> Tj\n"), "{text}");
        assert!(text.contains("/GWSANS 12 Tf\n<0003> Tj\n"), "{text}");
        let texts: Vec<String> = used
            .glyphs(Face::Regular)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(texts, ["a", "b", "\u{25AF}"]);
        assert_eq!(missing.get(&'\u{E000}'), Some(&1));
    }

    #[test]
    fn invisible_text_writes_nothing() {
        let fonts = crate::fonts::shipped().unwrap();
        let mut used = UsedGlyphs::new();
        let draws = vec![Draw::Text {
            x: 0.0,
            y: 0.0,
            size: 9.0,
            weight: Weight::Bold,
            color: Rgb(1, 2, 3),
            align: Align::Right,
            text: "\u{200B}\0".to_owned(),
        }];
        let p = page(fonts, 100.0, &draws, &mut used, &mut BTreeMap::new());
        assert!(p.bytes.is_empty());
    }
}
