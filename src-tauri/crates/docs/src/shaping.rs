//! Text in scripts that need more than one glyph per character: right-to-left scripts
//! (Arabic, Hebrew), scripts with contextual forms and conjuncts (Arabic joining, Devanagari)
//! and Hangul jamo, and any text with bidirectional controls.
//!
//! Such text is shaped with rustybuzz (HarfBuzz's algorithm) in the face that draws each run
//! of characters, and each line is put in visual order with the Unicode bidirectional
//! algorithm (UAX #9, unicode-bidi): lines are broken in logical order, then each line is
//! reordered on its own, honouring explicit embeddings, overrides and isolates. Everything
//! else takes the fast path of one glyph per character (see [`crate::fonts`]).
//!
//! Widths for line breaking come from the same shaping, so a shaped line is exactly as wide as
//! it was measured.

use std::collections::BTreeMap;
use std::ops::Range;

use rustybuzz::{BufferClusterLevel, BufferFlags, Direction, UnicodeBuffer};
use unicode_bidi::{Level, ParagraphBidiInfo};

use crate::draw::Weight;
use crate::fonts::{Face, Fonts, Glyph, REPLACEMENT};

/// Whether `c` needs shaping or reordering.
fn complex_char(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{0900}'..='\u{0DFF}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{1CD0}'..='\u{1CFF}'
        | '\u{200C}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{A8E0}'..='\u{A8FF}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{D7B0}'..='\u{D7FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
        || joins_emoji(c)
}

/// Whether `c` makes an emoji sequence of the characters around it: a zero-width joiner
/// (👩‍💻), a skin tone (👍🏽), a regional indicator (two make a flag), the keycap mark (1️⃣),
/// or a tag (a subdivision flag).
fn joins_emoji(c: char) -> bool {
    matches!(c,
        '\u{200D}'
        | '\u{20E3}'
        | '\u{1F1E6}'..='\u{1F1FF}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}')
}

/// The byte ranges of `slice` (starting at `offset` in the text) that are emoji sequences
/// the emoji face draws whole: each then goes to the shaper in that face, so its ligature
/// (one glyph for 👩‍💻) is found, rather than each emoji in whichever face has it first.
fn emoji_sequences(fonts: &Fonts, slice: &str, offset: usize) -> Vec<Range<usize>> {
    use unicode_segmentation::UnicodeSegmentation;
    if !slice.chars().any(joins_emoji) {
        return Vec::new();
    }
    slice
        .grapheme_indices(true)
        .filter(|(_, g)| {
            g.chars().nth(1).is_some()
                && g.chars().any(joins_emoji)
                && g.chars()
                    .all(|c| crate::fonts::is_ignorable(c) || fonts.face_has(Face::Emoji, c))
        })
        .map(|(at, g)| offset + at..offset + at + g.len())
        .collect()
}

/// Whether `text` takes the shaping path. Text whose characters all come before Hebrew (the
/// usual case) is answered from its bytes alone.
pub fn complex(text: &str) -> bool {
    // Every character below U+0580 is encoded with lead bytes below 0xD6.
    if text.bytes().all(|b| b < 0xD6) {
        return false;
    }
    text.chars().any(complex_char)
}

/// One glyph placed on a line, in em.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub face: Face,
    pub gid: u16,
    /// How far the pen moves after the glyph.
    pub advance: f32,
    /// Where the glyph is drawn relative to the pen.
    pub dx: f32,
    pub dy: f32,
    /// The characters the glyph stands for, in logical order (empty for the second and later
    /// glyphs of a cluster): what copying it out gives.
    pub text: String,
}

/// A run of glyphs of one face and direction, in visual order.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub glyphs: Vec<Placed>,
    /// The piece's characters in logical order when its glyphs do not map to them one by one
    /// in order (a Devanagari vowel sign drawn before its consonant): written as the span's
    /// `/ActualText` so it copies out as typed.
    pub actual: Option<String>,
}

/// The characters of `range` split into runs of one face, in logical order, with the face
/// each is drawn in (uncovered characters replaced by [`REPLACEMENT`] and counted in
/// `missing`). Invisible characters stay in the run they are in: the shaper needs joiners.
fn face_runs(
    fonts: &Fonts,
    text: &str,
    range: Range<usize>,
    weight: Weight,
    mut missing: Option<&mut BTreeMap<char, usize>>,
) -> Vec<(Face, Vec<(usize, char)>)> {
    let mut runs: Vec<(Face, Vec<(usize, char)>)> = Vec::new();
    let mut pending: Vec<(usize, char)> = Vec::new();
    let Some(slice) = text.get(range.clone()) else {
        return runs;
    };
    let sequences = emoji_sequences(fonts, slice, range.start);
    for (i, c) in slice.char_indices() {
        let at = range.start + i;
        let c = if c == crate::text::NBSP { ' ' } else { c };
        let glyph = if sequences.iter().any(|s| s.contains(&at)) {
            Glyph::Face(Face::Emoji)
        } else {
            fonts.resolve(c, weight)
        };
        let (face, ch) = match glyph {
            Glyph::Skip => {
                match runs.last_mut() {
                    Some((_, chars)) => chars.push((at, c)),
                    None => pending.push((at, c)),
                }
                continue;
            }
            Glyph::Face(f) => (f, c),
            Glyph::Missing => {
                if let Some(m) = missing.as_deref_mut() {
                    *m.entry(c).or_insert(0) += 1;
                }
                (Fonts::primary(weight), REPLACEMENT)
            }
        };
        match runs.last_mut() {
            Some((f, chars)) if *f == face => chars.push((at, ch)),
            _ => {
                let mut chars = std::mem::take(&mut pending);
                chars.push((at, ch));
                runs.push((face, chars));
            }
        }
    }
    runs
}

/// Shapes one run of characters of one face; each glyph's cluster is its character's byte
/// offset in the text.
fn run_through_shaper(
    shaper: &rustybuzz::Face<'_>,
    chars: &[(usize, char)],
    rtl: bool,
) -> rustybuzz::GlyphBuffer {
    let mut buffer = UnicodeBuffer::new();
    for &(at, c) in chars {
        buffer.add(c, u32::try_from(at).unwrap_or(u32::MAX));
    }
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    buffer.set_cluster_level(BufferClusterLevel::MonotoneCharacters);
    buffer.set_flags(
        BufferFlags::BEGINNING_OF_TEXT
            | BufferFlags::END_OF_TEXT
            | BufferFlags::REMOVE_DEFAULT_IGNORABLES,
    );
    rustybuzz::shape(shaper, &[], buffer)
}

/// Shapes one run of one face; the glyphs come back in visual order.
fn shape(fonts: &Fonts, face: Face, chars: &[(usize, char)], end: usize, rtl: bool) -> Piece {
    let Some(loaded) = fonts.face(face) else {
        return Piece {
            glyphs: Vec::new(),
            actual: None,
        };
    };
    let shaped = run_through_shaper(&loaded.shaper, chars, rtl);
    let upm = loaded.units_per_em;
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    // Clusters in logical order, and where each ends.
    let mut starts: Vec<usize> = infos.iter().map(|g| g.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let cluster_text = |start: usize| -> String {
        let to = starts
            .get(starts.partition_point(|s| *s <= start))
            .copied()
            .unwrap_or(end);
        let from = chars.partition_point(|(at, _)| *at < start);
        let until = chars.partition_point(|(at, _)| *at < to);
        chars
            .get(from..until)
            .unwrap_or_default()
            .iter()
            .filter(|(_, c)| copies_out(face, *c))
            .map(|(_, c)| *c)
            .collect()
    };
    let mut glyphs = Vec::with_capacity(infos.len());
    let mut one_to_one = true;
    let mut named: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
    for (k, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let cluster = info.cluster as usize;
        // The glyph that comes first in logical order names the cluster: the first in visual
        // order left to right, the last right to left.
        let first = if rtl {
            infos.get(k + 1).is_none_or(|n| n.cluster != info.cluster)
        } else {
            k == 0 || infos.get(k - 1).is_none_or(|p| p.cluster != info.cluster)
        };
        if !first || named.contains(&cluster) {
            one_to_one = false;
        }
        let text = if first && named.insert(cluster) {
            cluster_text(cluster)
        } else {
            String::new()
        };
        glyphs.push(Placed {
            face,
            gid: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance as f32 / upm,
            dx: pos.x_offset as f32 / upm,
            dy: pos.y_offset as f32 / upm,
            text,
        });
    }
    let actual = (!one_to_one && !rtl).then(|| {
        chars
            .iter()
            .map(|(_, c)| *c)
            .filter(|c| !crate::fonts::is_ignorable(*c))
            .collect()
    });
    Piece { glyphs, actual }
}

/// Whether `c`, shaped in `face`, is part of what its glyph copies out as: every visible
/// character, and in an emoji the joiners and presentation selector that make it one.
fn copies_out(face: Face, c: char) -> bool {
    !crate::fonts::is_ignorable(c) || (face == Face::Emoji && matches!(c, '\u{200D}' | '\u{FE0F}'))
}

/// Where `chars` ends in the text: the byte after its last character.
fn end_of(chars: &[(usize, char)]) -> usize {
    chars.last().map_or(0, |(at, c)| at + c.len_utf8())
}

/// The base direction of a paragraph (or line): right to left when it starts with a
/// right-to-left mark, embedding, override or isolate, or when it holds right-to-left letters
/// and no left-to-right ones; otherwise left to right, the document's own direction.
///
/// This departs from UAX #9's rule (the first strong character decides) on purpose: the
/// documents are written in English and compose lines such as "مريم الحسن, 10 February 2026"
/// from a name and English words; laid out right to left, the date would come out as
/// "2026 February 10". A quote or a name written wholly in Arabic or Hebrew is still laid
/// out right to left, and a person can force either direction with a mark at the start.
pub(crate) fn base_rtl(text: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, L, R};
    match text.chars().next() {
        Some('\u{200F}' | '\u{202B}' | '\u{202E}' | '\u{2067}') => return true,
        Some('\u{200E}' | '\u{202A}' | '\u{202D}' | '\u{2066}') => return false,
        _ => {}
    }
    let mut rtl = false;
    // Isolated text (a name set off with U+2068 ... U+2069) does not count, as in UAX #9.
    let mut isolated = 0usize;
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => isolated += 1,
            '\u{2069}' => isolated = isolated.saturating_sub(1),
            _ if isolated > 0 => {}
            c => match unicode_bidi::bidi_class(c) {
                L => return false,
                R | AL => rtl = true,
                _ => {}
            },
        }
    }
    rtl
}

/// `text` set off as a unit of its own direction (between U+2068 and U+2069) when it holds
/// right-to-left letters or direction controls, for a line composed of it and other words:
/// "مريم الحسن, 10 March" keeps the date after the name instead of taking the number into the
/// name's run, and a name with an unclosed right-to-left override does not reverse the words
/// after it.
pub fn isolate(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_bidi::BidiClass::{AL, FSI, LRE, LRI, LRO, R, RLE, RLI, RLO};
    if complex(text)
        && text.chars().any(|c| {
            matches!(
                unicode_bidi::bidi_class(c),
                R | AL | LRE | RLE | LRO | RLO | LRI | RLI | FSI
            )
        })
    {
        std::borrow::Cow::Owned(format!("\u{2068}{text}\u{2069}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Lays out one line of text: reordered for display (UAX #9, with the base direction of
/// [`base_rtl`]) and shaped, as pieces from left to right. Characters no font covers are
/// counted in `missing`.
pub fn line(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    missing: &mut BTreeMap<char, usize>,
) -> Vec<Piece> {
    let base = if base_rtl(text) {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let bidi = ParagraphBidiInfo::new(text, Some(base));
    let (levels, runs) = bidi.visual_runs(0..text.len());
    let mut pieces = Vec::new();
    for run in runs {
        let rtl = levels.get(run.start).is_some_and(Level::is_rtl);
        let mut shaped: Vec<Piece> = face_runs(fonts, text, run, weight, Some(missing))
            .into_iter()
            .map(|(face, chars)| shape(fonts, face, &chars, end_of(&chars), rtl))
            .collect();
        if rtl {
            shaped.reverse();
        }
        pieces.extend(shaped);
    }
    pieces
}

/// The shaped advance of every character of `text` (in em, at its byte offset; zero at the
/// other bytes and for the second and later characters of a cluster), in logical order.
pub fn advances(fonts: &Fonts, text: &str, weight: Weight) -> Vec<f32> {
    let mut out = vec![0.0f32; text.len()];
    for (face, chars) in face_runs(fonts, text, 0..text.len(), weight, None) {
        let rtl = matches!(face, Face::Arabic | Face::Hebrew);
        let end = end_of(&chars);
        let Some(loaded) = fonts.face(face) else {
            continue;
        };
        let shaped = run_through_shaper(&loaded.shaper, &chars, rtl);
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            let at = (info.cluster as usize).min(end.saturating_sub(1));
            if let Some(slot) = out.get_mut(at) {
                *slot += pos.x_advance as f32 / loaded.units_per_em;
            }
        }
    }
    out
}

/// The shaped width of `text`, in em.
pub fn width(fonts: &Fonts, text: &str, weight: Weight) -> f32 {
    advances(fonts, text, weight).iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::shipped;

    /// The line's copied-out text, piece by piece from left to right.
    fn visual(text: &str) -> Vec<String> {
        let f = shipped().unwrap();
        let mut missing = BTreeMap::new();
        let pieces = line(f, text, Weight::Regular, &mut missing);
        assert!(missing.is_empty(), "{missing:?}");
        pieces
            .iter()
            .map(|p| {
                p.actual
                    .clone()
                    .unwrap_or_else(|| p.glyphs.iter().map(|g| g.text.as_str()).collect::<String>())
            })
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// Glyph texts from left to right, the way a reader sees them.
    fn left_to_right(text: &str) -> String {
        let f = shipped().unwrap();
        line(f, text, Weight::Regular, &mut BTreeMap::new())
            .iter()
            .flat_map(|p| p.glyphs.iter().map(|g| g.text.clone()))
            .collect()
    }

    #[test]
    fn only_complex_text_takes_the_shaping_path() {
        assert!(!complex("Community strategy, é, Ω, Ж, 社区, 안녕, 🎉"));
        assert!(complex("Launch الإطلاق 2027"));
        assert!(complex("שלום"));
        assert!(complex("नमस्ते"));
        assert!(complex("a\u{202E}bc"));
    }

    /// The texts of a line's glyphs from left to right, with each stretch of right-to-left
    /// glyphs turned back to reading order and set off with < >.
    fn reading(text: &str) -> String {
        let f = shipped().unwrap();
        let mut out = String::new();
        let mut rtl: Vec<String> = Vec::new();
        for g in line(f, text, Weight::Regular, &mut BTreeMap::new())
            .iter()
            .flat_map(|p| p.glyphs.clone())
        {
            if matches!(g.face, Face::Arabic | Face::Hebrew) {
                rtl.push(g.text);
                continue;
            }
            if !rtl.is_empty() {
                out.push('<');
                out.extend(rtl.drain(..).rev());
                out.push('>');
            }
            out.push_str(&g.text);
        }
        if !rtl.is_empty() {
            out.push('<');
            out.extend(rtl.drain(..).rev());
            out.push('>');
        }
        out
    }

    #[test]
    fn a_mixed_line_keeps_english_left_to_right_and_arabic_right_to_left() {
        // Base direction left to right: "Launch" first on the left; the number after the
        // Arabic word belongs to its run (UAX #9, W2), so it is drawn to the word's left.
        assert_eq!(reading("Launch الإطلاق 2027"), "Launch 2027 <الإطلاق>");
        // Set off with an isolate, the number keeps its place after the word.
        assert_eq!(
            reading("Launch \u{2068}الإطلاق\u{2069} 2027"),
            "Launch <الإطلاق> 2027"
        );
        // Several words right to left: the first typed is the rightmost.
        assert_eq!(reading("Ask مريم الحسن now"), "Ask <الحسن> <مريم> now");
    }

    #[test]
    fn an_isolated_name_keeps_its_override_to_itself() {
        let name = "Forum outage \u{202E}fdp.exe";
        let composed = format!("{} (high risk)", isolate(name));
        let shown = reading(&composed);
        assert!(shown.starts_with("Forum outage "), "{shown}");
        assert!(shown.ends_with(" (high risk)"), "{shown}");
        assert_eq!(isolate("Forum outage"), "Forum outage");
    }

    #[test]
    fn a_right_to_left_line_puts_its_english_and_numbers_in_place() {
        // Wholly Arabic or Hebrew, or marked right to left at its start, a line is laid out
        // right to left: the first word on the right.
        assert_eq!(reading("שלום עולם"), "<עולם> <שלום>");
        assert_eq!(reading("\u{200F}مريم 2027 Launch"), "Launch 2027 <مريم>");
        // An English document composes lines from names and English words: with the name
        // first they stay left to right.
        assert!(!base_rtl("مريم الحسن, 10 February 2026"));
        assert!(base_rtl("مريم الحسن"));
        assert!(!base_rtl("— \u{2068}مريم الحسن\u{2069}"));
        assert!(base_rtl("\u{200F}Launch"));
    }

    #[test]
    fn bidi_overrides_are_honoured() {
        // A right-to-left override draws Latin letters right to left; a left-to-right
        // override keeps Hebrew in typing order.
        assert_eq!(left_to_right("\u{202E}abc\u{202C}"), "cba");
        assert_eq!(left_to_right("\u{202D}שלום\u{202C}"), "שלום");
        // An isolate keeps an English name whole inside a Hebrew sentence.
        let shown = left_to_right("שלום \u{2066}Ana Souza\u{2069} עולם");
        assert!(shown.contains("Ana Souza"), "{shown}");
    }

    #[test]
    fn an_emoji_sequence_is_one_glyph_that_copies_out_whole() {
        let f = shipped().unwrap();
        for sequence in ["👩\u{200D}💻", "👍\u{1F3FD}", "👨\u{200D}👩\u{200D}👧"] {
            let mut missing = BTreeMap::new();
            let pieces = line(
                f,
                &format!("Team {sequence} lead"),
                Weight::Regular,
                &mut missing,
            );
            let emoji: Vec<&Placed> = pieces
                .iter()
                .flat_map(|p| &p.glyphs)
                .filter(|g| g.face == Face::Emoji)
                .collect();
            assert_eq!(emoji.len(), 1, "{sequence:?}: one glyph, {emoji:?}");
            assert_eq!(emoji[0].text, sequence, "copies out as typed");
            assert!(missing.is_empty());
            // The line is measured as it is drawn: one emoji wide, not two or three.
            let one = width(f, "👩", Weight::Regular);
            let whole = width(f, sequence, Weight::Regular);
            assert!(whole < one * 1.5, "{sequence:?}: {whole} em against {one}");
        }
    }

    #[test]
    fn arabic_is_joined_and_widths_are_shaped() {
        let f = shipped().unwrap();
        let text = "مريم الحسن";
        let pieces = line(f, text, Weight::Regular, &mut BTreeMap::new());
        let glyphs: Vec<&Placed> = pieces.iter().flat_map(|p| &p.glyphs).collect();
        let arabic: Vec<&&Placed> = glyphs.iter().filter(|g| g.face == Face::Arabic).collect();
        // Joined forms are other glyphs than the letters' own (isolated) ones.
        let isolated = f.glyph_id(Face::Arabic, 'م');
        let meems: Vec<u16> = arabic
            .iter()
            .filter(|g| g.text == "م")
            .map(|g| g.gid)
            .collect();
        assert_eq!(meems.len(), 2);
        assert!(meems.iter().any(|g| *g != isolated), "{meems:?}");
        let drawn: f32 = glyphs.iter().map(|g| g.advance).sum();
        assert!((drawn - width(f, text, Weight::Regular)).abs() < 1e-4);
    }

    #[test]
    fn devanagari_copies_out_as_typed() {
        let text = "नमस्ते दुनिया";
        assert_eq!(visual(text).concat(), text);
    }
}
