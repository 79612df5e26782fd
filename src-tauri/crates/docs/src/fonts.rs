//! The fonts Groundwork ships inside the app, glyph lookup with per-character fallback, and
//! text measurement with the fonts' real advances (shaped advances for the scripts that need
//! shaping, see [`crate::shaping`]).
//!
//! DejaVu Sans (regular and bold) covers Latin, Greek and Cyrillic and is tried first, except
//! for the scripts that have a face of their own: Noto Naskh Arabic, Noto Sans Hebrew, Noto
//! Sans Devanagari and NanumSquare (Hangul) draw their scripts in both weights (there is no
//! bold cut: bold falls back to regular). After DejaVu come Droid Sans Fallback (Chinese,
//! Japanese) and, for symbols and monochrome emoji, Symbola, then Noto Emoji (monochrome
//! outlines, OFL) for the emoji Symbola predates. A character none covers is drawn as
//! [`REPLACEMENT`] and reported to the user.
//!
//! DejaVu and Droid Sans Fallback are parsed with the fonts; the other faces only the first
//! time a character needs them, so a document in Latin script costs no more than before.
//! Licences: fonts/LICENSE-DejaVu.txt, fonts/LICENSE-Apache-2.0.txt (Droid),
//! fonts/LICENSE-OFL-1.1.txt (Noto, Noto Emoji, Nanum), fonts/COPYRIGHT-*.txt.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::draw::Weight;
use crate::DocsError;

const DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
const DROID_FALLBACK: &[u8] = include_bytes!("../fonts/DroidSansFallbackFull.ttf");
const NOTO_ARABIC: &[u8] = include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf");
const NOTO_HEBREW: &[u8] = include_bytes!("../fonts/NotoSansHebrew-Regular.ttf");
const NOTO_DEVANAGARI: &[u8] = include_bytes!("../fonts/NotoSansDevanagari-Regular.ttf");
const NANUM_SQUARE: &[u8] = include_bytes!("../fonts/NanumSquareR.ttf");
const SYMBOLA: &[u8] = include_bytes!("../fonts/Symbola.ttf");
const NOTO_EMOJI: &[u8] = include_bytes!("../fonts/NotoEmoji-Regular.ttf");

/// Drawn in place of a character no shipped font covers.
pub const REPLACEMENT: char = '\u{25AF}';

/// The shipped faces, in fallback order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    Regular,
    Bold,
    Cjk,
    Arabic,
    Hebrew,
    Devanagari,
    Hangul,
    Symbols,
    Emoji,
}

/// How many faces there are.
pub const FACES: usize = 9;

impl Face {
    pub const ALL: [Face; FACES] = [
        Face::Regular,
        Face::Bold,
        Face::Cjk,
        Face::Arabic,
        Face::Hebrew,
        Face::Devanagari,
        Face::Hangul,
        Face::Symbols,
        Face::Emoji,
    ];

    /// The face's place in [`Face::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The face's font file.
    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => DEJAVU_SANS,
            Face::Bold => DEJAVU_SANS_BOLD,
            Face::Cjk => DROID_FALLBACK,
            Face::Arabic => NOTO_ARABIC,
            Face::Hebrew => NOTO_HEBREW,
            Face::Devanagari => NOTO_DEVANAGARI,
            Face::Hangul => NANUM_SQUARE,
            Face::Symbols => SYMBOLA,
            Face::Emoji => NOTO_EMOJI,
        }
    }

    /// The face that draws `c`'s script when there is one of its own.
    fn for_script(c: char) -> Option<Face> {
        match c {
            '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => Some(Face::Hebrew),
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{0870}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => Some(Face::Arabic),
            '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' | '\u{1CD0}'..='\u{1CFF}' => {
                Some(Face::Devanagari)
            }
            '\u{1100}'..='\u{11FF}'
            | '\u{3130}'..='\u{318F}'
            | '\u{A960}'..='\u{A97F}'
            | '\u{AC00}'..='\u{D7FF}' => Some(Face::Hangul),
            _ => None,
        }
    }

    /// The PDF resource name; its first six letters are also the subset tag, so they are
    /// chosen here (stable across exports) rather than drawn from printpdf's counter.
    pub fn resource_id(self) -> &'static str {
        match self {
            Face::Regular => "GWSANS",
            Face::Bold => "GWBOLD",
            Face::Cjk => "GWCJKF",
            Face::Arabic => "GWARAB",
            Face::Hebrew => "GWHEBR",
            Face::Devanagari => "GWDEVA",
            Face::Hangul => "GWHANG",
            Face::Symbols => "GWSYMB",
            Face::Emoji => "GWEMOJ",
        }
    }
}

/// How one character is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    /// Invisible and zero-width (controls, zero-width spaces, variation selectors...).
    Skip,
    /// Drawn with this face.
    Face(Face),
    /// No shipped font has it: drawn as [`REPLACEMENT`] in the primary face.
    Missing,
}

pub(crate) struct LoadedFace {
    font: ParsedFont,
    /// The same font, for shaping.
    pub(crate) shaper: rustybuzz::Face<'static>,
    pub(crate) units_per_em: f32,
}

impl LoadedFace {
    fn parse(bytes: &'static [u8]) -> Option<Self> {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
        let shaper = rustybuzz::Face::from_slice(bytes, 0)?;
        let upm = f32::from(font.pdf_font_metrics.units_per_em);
        Some(Self {
            font,
            shaper,
            units_per_em: if upm > 0.0 { upm } else { 1000.0 },
        })
    }

    /// The advance of glyph `gid`, in em.
    pub(crate) fn glyph_advance(&self, gid: u16) -> f32 {
        f32::from(self.font.get_horizontal_advance(gid)) / self.units_per_em
    }

    fn has(&self, c: char) -> bool {
        matches!(self.font.lookup_glyph_index(c as u32), Some(g) if g != 0)
    }

    fn glyph_id(&self, c: char) -> u16 {
        self.font.lookup_glyph_index(c as u32).unwrap_or(0)
    }

    /// Advance in em.
    fn advance(&self, c: char) -> f32 {
        let gid = self.font.lookup_glyph_index(c as u32).unwrap_or(0);
        f32::from(self.font.get_horizontal_advance(gid)) / self.units_per_em
    }
}

/// Cached lookups for the first code points (Latin and punctuation), per weight. They stop
/// before Hebrew, so that no face that is parsed when first needed is parsed for the cache.
const CACHED: usize = 0x590;

/// Lookups of the rest of the Basic Multilingual Plane are kept as they are first made:
/// looking a character up in a font's own tables costs about a thousand instructions, and
/// Chinese or Japanese text uses thousands of characters over and over.
const LAZY: usize = 0x1_0000;

pub struct Fonts {
    regular: LoadedFace,
    bold: LoadedFace,
    cjk: LoadedFace,
    /// The faces parsed the first time they are needed (Arabic to Symbols, in [`Face::ALL`]
    /// order); `None` inside when the font does not parse.
    lazy_faces: [OnceLock<Option<LoadedFace>>; FACES - 3],
    cache: [Vec<(Glyph, f32)>; 2],
    /// Glyph ids of the first code points, per face (in [`Face::ALL`] order).
    glyph_ids: [Vec<u16>; 3],
    /// Per weight, from [`CACHED`] to [`LAZY`]: 0 when not looked up yet, otherwise
    /// the glyph (see [`glyph_code`]) above the advance's bits. Shared by the threads laying a
    /// document out; the value for a character is always the same, whoever stores it.
    lazy: [Vec<AtomicU64>; 2],
    /// Per face of the first three, from [`CACHED`] to [`LAZY`]: 0 when not looked up yet,
    /// otherwise 1 + the glyph id.
    lazy_glyph_ids: [Vec<AtomicU32>; 3],
}

fn glyph_code(g: Glyph) -> u64 {
    match g {
        Glyph::Skip => 1,
        Glyph::Missing => 2,
        Glyph::Face(f) => 3 + f.index() as u64,
    }
}

fn glyph_of_code(code: u64) -> Glyph {
    match code {
        1 => Glyph::Skip,
        c => c
            .checked_sub(3)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| Face::ALL.get(i))
            .map_or(Glyph::Missing, |f| Glyph::Face(*f)),
    }
}

fn zeroed<T>(new: impl Fn() -> T) -> Vec<T> {
    std::iter::repeat_with(new).take(LAZY - CACHED).collect()
}

static SHIPPED: OnceLock<Option<Fonts>> = OnceLock::new();

/// The shipped fonts, parsed once per process.
pub fn shipped() -> Result<&'static Fonts, DocsError> {
    SHIPPED
        .get_or_init(Fonts::load)
        .as_ref()
        .ok_or(DocsError::Font)
}

/// Characters that take no space and draw nothing.
pub fn is_ignorable(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

impl Fonts {
    fn load() -> Option<Self> {
        let regular = LoadedFace::parse(DEJAVU_SANS)?;
        let bold = LoadedFace::parse(DEJAVU_SANS_BOLD)?;
        let cjk = LoadedFace::parse(DROID_FALLBACK)?;
        let mut fonts = Self {
            regular,
            bold,
            cjk,
            lazy_faces: Default::default(),
            cache: [Vec::new(), Vec::new()],
            glyph_ids: [Vec::new(), Vec::new(), Vec::new()],
            lazy: [zeroed(|| AtomicU64::new(0)), zeroed(|| AtomicU64::new(0))],
            lazy_glyph_ids: [
                zeroed(|| AtomicU32::new(0)),
                zeroed(|| AtomicU32::new(0)),
                zeroed(|| AtomicU32::new(0)),
            ],
        };
        for (i, face) in [Face::Regular, Face::Bold, Face::Cjk]
            .into_iter()
            .enumerate()
        {
            fonts.glyph_ids[i] = (0..CACHED as u32)
                .map(|u| char::from_u32(u).map_or(0, |c| fonts.loaded(face).glyph_id(c)))
                .collect();
        }
        for (i, weight) in [Weight::Regular, Weight::Bold].into_iter().enumerate() {
            let table = (0..CACHED as u32)
                .map(|u| {
                    let c = char::from_u32(u).unwrap_or(REPLACEMENT);
                    let g = fonts.resolve_uncached(c, weight);
                    (g, fonts.advance_uncached(c, g, weight))
                })
                .collect();
            fonts.cache[i] = table;
        }
        Some(fonts)
    }

    /// The parsed font of `face`, `None` when it does not parse (then it is never used).
    pub fn parsed(&self, face: Face) -> Option<&ParsedFont> {
        self.face(face).map(|f| &f.font)
    }

    /// `face`, parsed now if it has not been yet.
    pub(crate) fn face(&self, face: Face) -> Option<&LoadedFace> {
        match face {
            Face::Regular => Some(&self.regular),
            Face::Bold => Some(&self.bold),
            Face::Cjk => Some(&self.cjk),
            lazy => self
                .lazy_faces
                .get(lazy.index() - 3)?
                .get_or_init(|| LoadedFace::parse(lazy.bytes()))
                .as_ref(),
        }
    }

    /// One of the faces parsed with the fonts.
    fn loaded(&self, face: Face) -> &LoadedFace {
        match face {
            Face::Bold => &self.bold,
            Face::Cjk => &self.cjk,
            _ => &self.regular,
        }
    }

    /// Whether `face` has a glyph for `c`.
    pub(crate) fn face_has(&self, face: Face, c: char) -> bool {
        self.face(face).is_some_and(|f| f.has(c))
    }

    pub(crate) fn primary(weight: Weight) -> Face {
        match weight {
            Weight::Regular => Face::Regular,
            Weight::Bold => Face::Bold,
        }
    }

    fn resolve_uncached(&self, c: char, weight: Weight) -> Glyph {
        if is_ignorable(c) {
            return Glyph::Skip;
        }
        let primary = Self::primary(weight);
        if let Some(script) = Face::for_script(c).filter(|f| self.face_has(*f, c)) {
            Glyph::Face(script)
        } else if self.loaded(primary).has(c) {
            Glyph::Face(primary)
        } else if weight == Weight::Bold && self.regular.has(c) {
            Glyph::Face(Face::Regular)
        } else if self.cjk.has(c) {
            Glyph::Face(Face::Cjk)
        } else if c >= '\u{2000}' && self.face_has(Face::Symbols, c) {
            Glyph::Face(Face::Symbols)
        } else if c >= '\u{2000}' && self.face_has(Face::Emoji, c) {
            // Emoji newer than Symbola (Unicode 11 on: 🥳, 🫶, 🧪).
            Glyph::Face(Face::Emoji)
        } else {
            Glyph::Missing
        }
    }

    fn advance_uncached(&self, c: char, glyph: Glyph, weight: Weight) -> f32 {
        match glyph {
            Glyph::Skip => 0.0,
            Glyph::Face(f) => self.face(f).map_or(0.0, |f| f.advance(c)),
            Glyph::Missing => self.loaded(Self::primary(weight)).advance(REPLACEMENT),
        }
    }

    /// How `c` is drawn in `weight`, and its advance in em.
    fn lookup(&self, c: char, weight: Weight) -> (Glyph, f32) {
        let idx = usize::from(weight == Weight::Bold);
        if let Some(cached) = self.cache[idx].get(c as usize) {
            return *cached;
        }
        let slot = (c as usize)
            .checked_sub(CACHED)
            .and_then(|i| self.lazy[idx].get(i));
        if let Some(slot) = slot {
            let v = slot.load(Ordering::Relaxed);
            if v != 0 {
                return (glyph_of_code(v >> 32), f32::from_bits(v as u32));
            }
        }
        let g = self.resolve_uncached(c, weight);
        let a = self.advance_uncached(c, g, weight);
        if let Some(slot) = slot {
            slot.store(
                (glyph_code(g) << 32) | u64::from(a.to_bits()),
                Ordering::Relaxed,
            );
        }
        (g, a)
    }

    /// How `c` is drawn in `weight`.
    pub fn resolve(&self, c: char, weight: Weight) -> Glyph {
        self.lookup(c, weight).0
    }

    /// Advance of `c` in em (zero for ignorable characters).
    pub fn advance(&self, c: char, weight: Weight) -> f32 {
        self.lookup(c, weight).1
    }

    /// The glyph id of `c` in `face` (0, the font's "missing" glyph, when it has none).
    pub fn glyph_id(&self, face: Face, c: char) -> u16 {
        let idx = match face {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Cjk => 2,
            other => return self.face(other).map_or(0, |f| f.glyph_id(c)),
        };
        if let Some(g) = self.glyph_ids[idx].get(c as usize) {
            return *g;
        }
        let slot = (c as usize)
            .checked_sub(CACHED)
            .and_then(|i| self.lazy_glyph_ids[idx].get(i));
        if let Some(slot) = slot {
            let v = slot.load(Ordering::Relaxed);
            if v != 0 {
                return (v - 1) as u16;
            }
        }
        let g = self.loaded(face).glyph_id(c);
        if let Some(slot) = slot {
            slot.store(u32::from(g) + 1, Ordering::Relaxed);
        }
        g
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        if crate::shaping::complex(text) {
            return crate::shaping::width(self, text, weight) * size;
        }
        text.chars().map(|c| self.advance(c, weight)).sum::<f32>() * size
    }

    /// Splits `text` into runs of one face each, replacing uncovered characters with
    /// [`REPLACEMENT`] (counted in `missing`) and dropping ignorable ones.
    pub fn runs(
        &self,
        text: &str,
        weight: Weight,
        missing: &mut BTreeMap<char, usize>,
    ) -> Vec<(Face, String)> {
        let mut runs: Vec<(Face, String)> = Vec::new();
        for c in text.chars() {
            let (face, ch) = match self.resolve(c, weight) {
                Glyph::Skip => continue,
                Glyph::Face(f) => (f, c),
                Glyph::Missing => {
                    *missing.entry(c).or_insert(0) += 1;
                    (Self::primary(weight), REPLACEMENT)
                }
            };
            match runs.last_mut() {
                Some((f, s)) if *f == face => s.push(ch),
                _ => runs.push((face, ch.to_string())),
            }
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_greek_cyrillic_use_dejavu_and_cjk_falls_back() {
        let f = shipped().unwrap();
        for c in ['a', 'é', 'Κ', 'С', '…', REPLACEMENT] {
            assert_eq!(
                f.resolve(c, Weight::Regular),
                Glyph::Face(Face::Regular),
                "{c}"
            );
            assert_eq!(f.resolve(c, Weight::Bold), Glyph::Face(Face::Bold), "{c}");
        }
        for c in "社区战略日本語かなカナ".chars() {
            assert_eq!(f.resolve(c, Weight::Regular), Glyph::Face(Face::Cjk), "{c}");
        }
        // The scripts with a face of their own use it in both weights, before DejaVu (which
        // has unjoined Arabic and Hebrew letters of its own).
        for (text, face) in [
            ("안녕하세요", Face::Hangul),
            ("مريم الحسن", Face::Arabic),
            ("שלום", Face::Hebrew),
            ("नमस्ते", Face::Devanagari),
            ("🎉\u{1F680}", Face::Symbols),
        ] {
            for c in text.chars().filter(|c| *c != ' ') {
                for weight in [Weight::Regular, Weight::Bold] {
                    assert_eq!(f.resolve(c, weight), Glyph::Face(face), "{c}");
                }
            }
        }
        for c in ['\u{1F9EA}', '\u{1F973}', '\u{1FAF6}', '\u{1F6D5}'] {
            assert_eq!(
                f.resolve(c, Weight::Regular),
                Glyph::Face(Face::Emoji),
                "{c}"
            );
        }
        assert_eq!(f.resolve('\u{E000}', Weight::Regular), Glyph::Missing);
        assert_eq!(f.resolve('\0', Weight::Regular), Glyph::Skip);
        assert_eq!(f.resolve('\u{200B}', Weight::Regular), Glyph::Skip);
    }

    #[test]
    fn widths_come_from_the_font() {
        let f = shipped().unwrap();
        let i = f.width("iiii", Weight::Regular, 10.0);
        let m = f.width("MMMM", Weight::Regular, 10.0);
        assert!(m > 2.0 * i, "{m} vs {i}");
        assert!(f.width("MMMM", Weight::Bold, 10.0) > m);
        assert_eq!(f.width("\0\u{200B}", Weight::Regular, 10.0), 0.0);
    }

    #[test]
    fn runs_split_by_face_and_report_missing() {
        let f = shipped().unwrap();
        let mut missing = BTreeMap::new();
        let runs = f.runs("ab社区\u{E000}c\u{0}", Weight::Regular, &mut missing);
        assert_eq!(
            runs,
            vec![
                (Face::Regular, "ab".to_owned()),
                (Face::Cjk, "社区".to_owned()),
                (Face::Regular, "\u{25AF}c".to_owned())
            ]
        );
        assert_eq!(missing.get(&'\u{E000}'), Some(&1));
    }
}
