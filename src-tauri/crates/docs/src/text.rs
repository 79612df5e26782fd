//! Plain-text handling: cleaning what a strategist typed, and breaking it into lines by the
//! fonts' real advances. Text is never interpreted: markup prints literally.
//!
//! Lines break where Unicode line breaking (UAX #14) allows: after spaces, after hyphens and
//! dashes, between ideographs, never at a non-breaking space. A word wider than its line is
//! hyphenated at a point the American English patterns allow ("Initia-" / "tives"); only a
//! word that is wider than its line even hyphenated (a URL, say) is split without a hyphen,
//! and then between grapheme clusters, so no accent or emoji is torn apart.

use std::borrow::Cow;
use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};
use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_segmentation::UnicodeSegmentation;

use crate::draw::Weight;
use crate::fonts::{is_ignorable, Fonts};
use crate::shaping;

/// The no-break space: kept through cleaning so the words either side stay on one line. It is
/// drawn (and copied out of the PDF) as a space.
pub const NBSP: char = '\u{00A0}';

/// What ends a line that breaks inside a word.
const HYPHEN: char = '-';

/// Runs of more letters than this are not words and are not hyphenated.
const LONGEST_WORD: usize = 48;

/// Invisible characters that are kept: joiners (Arabic and Devanagari shaping needs them)
/// and bidirectional marks, embeddings, overrides and isolates (the line's order needs them).
fn kept_invisible(c: char) -> bool {
    matches!(c, '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether [`clean`] keeps `c` as it is.
fn kept_as_is(c: char) -> bool {
    match c {
        ' '..='~' | '\n' => true,
        '\u{2028}' | '\u{2029}' | '\u{0085}' => false,
        c => !is_ignorable(c) || kept_invisible(c),
    }
}

/// Normalises line ends, turns tabs into spaces and removes invisible control characters,
/// so nothing a person pastes can break the PDF or the layout. No-break spaces, joiners and
/// bidirectional controls are kept.
pub fn clean(text: &str) -> String {
    cleaned(text).into_owned()
}

/// [`clean`], borrowing the text when there is nothing to clean (the usual case).
fn cleaned(text: &str) -> Cow<'_, str> {
    if text.chars().all(kept_as_is) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    // Runs of characters kept as they are are copied whole.
    let mut kept_from = 0;
    for (i, c) in text.char_indices() {
        if kept_as_is(c) {
            continue;
        }
        out.push_str(text.get(kept_from..i).unwrap_or_default());
        kept_from = i + c.len_utf8();
        match c {
            '\r' if !text[kept_from..].starts_with('\n') => out.push('\n'),
            '\t' => out.push_str("    "),
            '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000B}' | '\u{000C}' => out.push('\n'),
            _ => {}
        }
    }
    out.push_str(text.get(kept_from..).unwrap_or_default());
    Cow::Owned(out)
}

/// Cleans a one-line value (a name, a title): line breaks become spaces. A value that opens
/// a direction embedding or override of its own (a pasted U+202E, say) is set off as an
/// isolate, so the words composed after it on the same line keep their direction.
pub fn clean_line(text: &str) -> String {
    let cleaned = clean(text);
    let joined: Vec<&str> = cleaned
        .split('\n')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let line = joined.join(" ");
    if line.contains([
        '\u{202A}', '\u{202B}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    ]) {
        format!("\u{2068}{line}\u{2069}")
    } else {
        line
    }
}

/// Spaces that may hang past the end of a line and are trimmed from it: every white space
/// but the no-break ones.
fn hangs(c: char) -> bool {
    c.is_whitespace() && !matches!(c, NBSP | '\u{202F}' | '\u{2007}')
}

/// The American English hyphenation patterns (TeX's, embedded), loaded once.
fn patterns() -> Option<&'static Standard> {
    static EN_US: OnceLock<Option<Standard>> = OnceLock::new();
    EN_US
        .get_or_init(|| Standard::from_embedded(Language::EnglishUS).ok())
        .as_ref()
}

/// Characters that make a word technical (a URL, an address, a file name, a code): such a
/// word is not hyphenated, since a hyphen added to it would read as part of it.
fn technical(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '/' | '\\' | '@' | '_' | '=' | '&' | '%' | '#' | '<' | '>' | '|' | '~' | '+' | '*'
        )
}

/// Where `word` may be hyphenated, as byte offsets into it, ascending: inside runs of letters
/// at points the patterns allow, never next to a grapheme's combining part.
pub fn hyphenation_points(word: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let Some(dict) = patterns() else {
        return points;
    };
    if word.chars().any(technical) || word.contains("://") || has_inner_dot(word) {
        return points;
    }
    let mut lower = String::new();
    let mut run_start: Option<usize> = None;
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            run_start.get_or_insert(i);
        }
        let run_ends = !c.is_alphabetic() || chars.peek().is_none();
        if let (true, Some(from)) = (run_ends, run_start) {
            let to = if c.is_alphabetic() {
                i + c.len_utf8()
            } else {
                i
            };
            run_start = None;
            let run = word.get(from..to).unwrap_or_default();
            // The patterns need at least five letters (two before a break, three after); a
            // longer run than any word is a code or a string of letters, not a word.
            let letters = run.chars().count();
            if !(5..=LONGEST_WORD).contains(&letters) || !lowercase_same_length(run, &mut lower) {
                continue;
            }
            points.extend(
                dict.opportunities(&lower)
                    .into_iter()
                    .filter(|p| *p > 0 && *p < run.len() && run.is_char_boundary(*p))
                    .map(|p| from + p),
            );
        }
    }
    if !points.is_empty() {
        let bounds: Vec<usize> = word.grapheme_indices(true).map(|(i, _)| i).collect();
        points.retain(|p| bounds.binary_search(p).is_ok());
    }
    points
}

/// "example.com", "v1.2": a dot between letters marks a name, not a sentence's end.
fn has_inner_dot(word: &str) -> bool {
    let trimmed = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    trimmed.contains('.')
}

/// Lowercases `run` into `out` when every character keeps its length in bytes, so the
/// patterns' byte offsets fall at the same places in the original.
fn lowercase_same_length(run: &str, out: &mut String) -> bool {
    out.clear();
    for c in run.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => return false,
        }
    }
    true
}

/// A paragraph with its characters' advances summed, so any stretch is measured at once.
struct Measured<'a> {
    text: &'a str,
    /// `sum[i]`: the width of `text[..i]` at every character boundary `i`.
    sum: Vec<f32>,
    hyphen: f32,
}

impl<'a> Measured<'a> {
    fn new(fonts: &Fonts, text: &'a str, weight: Weight, size: f32) -> Self {
        let mut sum = vec![0.0f32; text.len() + 1];
        let mut w = 0.0f32;
        if shaping::complex(text) {
            let advances = shaping::advances(fonts, text, weight);
            for (i, _) in text.char_indices() {
                sum[i] = w;
                w += advances[i] * size;
            }
        } else {
            for (i, c) in text.char_indices() {
                sum[i] = w;
                let c = if c == NBSP { ' ' } else { c };
                w += fonts.advance(c, weight) * size;
            }
        }
        sum[text.len()] = w;
        Self {
            text,
            sum,
            hyphen: fonts.advance(HYPHEN, weight) * size,
        }
    }

    /// Where the text in `from..to` ends once hanging spaces are trimmed.
    fn trimmed_end(&self, from: usize, to: usize) -> usize {
        let s = self.text.get(from..to).unwrap_or_default();
        from + s.trim_end_matches(hangs).len()
    }

    /// The width of `from..to` without the spaces that hang at its end.
    fn ink(&self, from: usize, to: usize) -> f32 {
        let end = self.trimmed_end(from, to);
        self.sum[end] - self.sum[from]
    }

    fn line(&self, from: usize, to: usize, hyphen: bool) -> String {
        let end = self.trimmed_end(from, to);
        let mut s = self.text.get(from..end).unwrap_or_default().to_owned();
        if hyphen {
            s.push(HYPHEN);
        }
        s
    }

    /// Where to end a line that starts at `start` inside the word `from..to`, which is wider
    /// than a line of its own, given the word's hyphenation points (absolute, ascending): at
    /// the last point that fits (with its hyphen); `None` when none fits and the line already
    /// holds something, so the word starts the next line; else between the grapheme clusters
    /// that fit (at least one).
    fn cut(
        &self,
        start: usize,
        (from, to): (usize, usize),
        points: &[usize],
        max: f32,
    ) -> Option<(usize, bool)> {
        let hyphenated = points
            .iter()
            .copied()
            .rev()
            .find(|p| *p > start && self.sum[*p] - self.sum[start] + self.hyphen <= max);
        if let Some(p) = hyphenated {
            return Some((p, true));
        }
        if from > start {
            return None;
        }
        let word_end = self.trimmed_end(from, to);
        let piece = self.text.get(start..word_end).unwrap_or_default();
        let mut best = None;
        for (i, g) in piece.grapheme_indices(true) {
            let end = start + i + g.len();
            if best.is_some() && self.sum[end] - self.sum[start] > max {
                break;
            }
            best = Some(end);
        }
        Some((best.unwrap_or(to), false))
    }

    /// The hyphenation points of the word `from..to`, as offsets into the text.
    fn points(&self, from: usize, to: usize) -> Vec<usize> {
        let end = self.trimmed_end(from, to);
        let word = self.text.get(from..end).unwrap_or_default();
        hyphenation_points(word)
            .into_iter()
            .map(|p| from + p)
            .collect()
    }
}

/// The width of `text` summed as [`Measured`] sums it; `None` when it holds a character that
/// forces a line break, or as soon as it is wider than `limit`.
fn single_line_width(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    size: f32,
    limit: f32,
) -> Option<f32> {
    if shaping::complex(text) {
        if text.contains([
            '\n', '\r', '\u{000B}', '\u{000C}', '\u{0085}', '\u{2028}', '\u{2029}',
        ]) {
            return None;
        }
        let w = shaping::width(fonts, text, weight) * size;
        return (w <= limit).then_some(w);
    }
    let mut w = 0.0f32;
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}' => {
                return None;
            }
            NBSP => w += fonts.advance(' ', weight) * size,
            c => w += fonts.advance(c, weight) * size,
        }
        if w > limit {
            return None;
        }
    }
    Some(w)
}

/// Wraps one paragraph (no line breaks inside) to `max_width` points, breaking where UAX #14
/// allows; a word wider than the line is hyphenated, or split between grapheme clusters when
/// even its hyphenated pieces are too wide. Always returns at least one line.
pub fn wrap_line(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    size: f32,
    max_width: f32,
) -> Vec<String> {
    let max = if max_width.is_nan() {
        0.0
    } else {
        max_width.max(0.0)
    };
    // Most lines (a table cell, a name) fit whole: no need to look for break opportunities.
    let whole = text.trim_end_matches(hangs);
    if single_line_width(fonts, whole, weight, size, max).is_some() {
        return vec![whole.to_owned()];
    }
    let m = Measured::new(fonts, text, weight, size);
    let mut lines = Vec::new();
    // The current line runs from `start`; what is placed on it so far ends at `end`, a break
    // opportunity.
    let mut start = 0usize;
    let mut end = 0usize;
    for (b, opportunity) in linebreaks(text) {
        // Place the word `end..b` (with the spaces after it).
        let word = (end, b);
        let mut points: Option<Vec<usize>> = None;
        loop {
            if m.ink(start, b) <= max {
                end = b;
                break;
            }
            if end > start && m.ink(end, b) <= max {
                // The word fits a line of its own: it starts the next one, whole.
                lines.push(m.line(start, end, false));
                start = end;
                continue;
            }
            let points = points.get_or_insert_with(|| m.points(word.0, word.1));
            match m.cut(start, (end, b), points, max) {
                Some((at, hyphen)) => {
                    lines.push(m.line(start, at, hyphen));
                    start = at;
                    end = at;
                }
                None => {
                    lines.push(m.line(start, end, false));
                    start = end;
                }
            }
        }
        if opportunity == BreakOpportunity::Mandatory && b < text.len() {
            lines.push(m.line(start, b, false));
            start = b;
            end = b;
        }
    }
    let tail = m.line(start, text.len(), false);
    if !tail.is_empty() || lines.is_empty() {
        lines.push(tail);
    }
    if shaping::complex(text) {
        keep_direction(text, &mut lines);
    }
    lines
}

/// Each line of a paragraph is put in display order on its own (see [`crate::shaping`]), so
/// a line that would take another base direction than its paragraph (a line of a Hebrew
/// paragraph that holds an English word) starts with an invisible mark of the paragraph's
/// direction.
///
/// A direction control still open where a line ends (an isolate around a name, a pasted
/// right-to-left override) is opened again at the start of the next line: otherwise the
/// next line would take the name's closing mark for a stray one and run the override into
/// the words after the name.
fn keep_direction(paragraph: &str, lines: &mut [String]) {
    let rtl = shaping::base_rtl(paragraph);
    let mut open: Vec<char> = Vec::new();
    for line in lines {
        let carried: String = open.iter().collect();
        open = still_open(&carried, line);
        line.insert_str(0, &carried);
        if shaping::base_rtl(line) != rtl {
            line.insert(0, if rtl { '\u{200F}' } else { '\u{200E}' });
        }
    }
}

/// The direction controls open at the end of `carried` followed by `line`, outermost first.
fn still_open(carried: &str, line: &str) -> Vec<char> {
    let mut open: Vec<char> = Vec::new();
    for c in carried.chars().chain(line.chars()) {
        match c {
            // Embeddings and overrides, then isolates.
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' | '\u{2066}' | '\u{2067}'
            | '\u{2068}' => open.push(c),
            // A pop closes the innermost embedding or override, never an isolate.
            '\u{202C}' if open.last().is_some_and(|o| !is_isolate(*o)) => {
                open.pop();
            }
            // The end of an isolate closes it and everything opened inside it.
            '\u{2069}' => {
                if let Some(at) = open.iter().rposition(|o| is_isolate(*o)) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    open
}

fn is_isolate(c: char) -> bool {
    matches!(c, '\u{2066}' | '\u{2067}' | '\u{2068}')
}

/// Wraps text that may contain line breaks; an empty input line gives an empty output line.
pub fn wrap(fonts: &Fonts, text: &str, weight: Weight, size: f32, max_width: f32) -> Vec<String> {
    cleaned(text)
        .split('\n')
        .flat_map(|l| wrap_line(fonts, l, weight, size, max_width))
        .collect()
}

/// The widest line of `text` (which may hold line breaks) when nothing wraps, hanging spaces
/// aside: what a column needs to hold it unwrapped.
pub fn natural_width(fonts: &Fonts, text: &str, weight: Weight, size: f32) -> f32 {
    cleaned(text)
        .split('\n')
        .map(|l| {
            let l = l.trim_end_matches(hangs);
            single_line_width(fonts, l, weight, size, f32::INFINITY).unwrap_or(0.0)
        })
        .fold(0.0, f32::max)
}

/// A text's natural width (its widest line unwrapped) and the width of its widest run of
/// characters between spaces, measured in one pass without cleaning or line breaking rules.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Measure {
    pub natural: f32,
    /// At least the widest word [`widest_word`] finds (UAX #14 breaks at every space and more),
    /// so a column this wide never breaks a word; ideographs count as words of their own.
    pub spaced_word: f32,
}

/// Ideographs, kana and Hangul syllables: each may stand on a line of its own.
fn ideographic(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3040..=0x30FF | 0x3100..=0x312F | 0x3190..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x20000..=0x3FFFF)
}

/// Measures `text` for sizing a column: see [`Measure`].
pub fn measure(fonts: &Fonts, text: &str, weight: Weight, size: f32) -> Measure {
    let mut m = Measure::default();
    let space = fonts.advance(' ', weight) * size;
    let shaped = shaping::complex(text).then(|| shaping::advances(fonts, text, weight));
    let advance = |i: usize, c: char| match &shaped {
        Some(a) => a[i] * size,
        None => fonts.advance(if c == NBSP { ' ' } else { c }, weight) * size,
    };
    // The line so far, its width without hanging spaces, and the current word.
    let (mut line, mut line_ink, mut word) = (0.0f32, 0.0f32, 0.0f32);
    for (i, c) in text.char_indices() {
        match c {
            '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}' => {
                m.natural = m.natural.max(line_ink);
                m.spaced_word = m.spaced_word.max(word);
                (line, line_ink, word) = (0.0, 0.0, 0.0);
            }
            '\t' => {
                line += 4.0 * space;
                m.spaced_word = m.spaced_word.max(word);
                word = 0.0;
            }
            c if hangs(c) => {
                line += advance(i, c);
                m.spaced_word = m.spaced_word.max(word);
                word = 0.0;
            }
            c => {
                let a = advance(i, c);
                line += a;
                line_ink = line;
                if ideographic(c) {
                    m.spaced_word = m.spaced_word.max(word).max(a);
                    word = 0.0;
                } else {
                    word += a;
                }
            }
        }
    }
    m.natural = m.natural.max(line_ink);
    m.spaced_word = m.spaced_word.max(word);
    m
}

/// The widest word of `text`: what lies between two break opportunities, hanging spaces
/// aside; the least a column can be without breaking a word.
pub fn widest_word(fonts: &Fonts, text: &str, weight: Weight, size: f32) -> f32 {
    let cleaned = cleaned(text);
    let mut widest = 0.0f32;
    for line in cleaned.split('\n') {
        // Advances summed word by word as the break opportunities come, with no table (but
        // the shaped advances for text that is shaped).
        let shaped = shaping::complex(line).then(|| shaping::advances(fonts, line, weight));
        let mut chars = line.char_indices().peekable();
        for (b, _) in linebreaks(line) {
            let (mut run, mut ink) = (0.0f32, 0.0f32);
            while let Some((i, c)) = chars.next_if(|(i, _)| *i < b) {
                run += match &shaped {
                    Some(a) => a[i] * size,
                    None => fonts.advance(if c == NBSP { ' ' } else { c }, weight) * size,
                };
                if !hangs(c) {
                    ink = run;
                }
            }
            widest = widest.max(ink);
        }
    }
    widest
}

/// The widest piece `text` breaks into when every word wider than `over` points is
/// hyphenated where it may be (hyphen included); words of `over` points or less are not
/// looked at, so the answer is exact only when it is above `over`.
pub fn widest_fragment(fonts: &Fonts, text: &str, weight: Weight, size: f32, over: f32) -> f32 {
    let cleaned = cleaned(text);
    let mut widest = 0.0f32;
    for line in cleaned.split('\n') {
        let m = Measured::new(fonts, line, weight, size);
        let mut from = 0;
        for (b, _) in linebreaks(line) {
            let (word_from, word_to) = (from, m.trimmed_end(from, b));
            from = b;
            if m.sum[word_to] - m.sum[word_from] <= over.max(widest) {
                continue;
            }
            let word = line.get(word_from..word_to).unwrap_or_default();
            let mut piece_from = word_from;
            for p in hyphenation_points(word) {
                let at = word_from + p;
                widest = widest.max(m.sum[at] - m.sum[piece_from] + m.hyphen);
                piece_from = at;
            }
            widest = widest.max(m.sum[word_to] - m.sum[piece_from]);
        }
    }
    widest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::shipped;

    fn width(l: &str) -> f32 {
        shipped().unwrap().width(l, Weight::Regular, 10.0)
    }

    #[test]
    fn an_override_open_at_a_line_end_is_opened_again_on_the_next_line() {
        let mut lines = vec![
            "\u{2068}Answered by members".to_owned(),
            "\u{202E}fdp.exe\u{2069}: not yet measured".to_owned(),
            "by 1 Jan 2027".to_owned(),
        ];
        keep_direction("whole paragraph", &mut lines);
        assert_eq!(
            lines[1],
            "\u{2068}\u{202E}fdp.exe\u{2069}: not yet measured"
        );
        assert_eq!(lines[2], "by 1 Jan 2027");
    }

    #[test]
    fn a_name_with_its_own_override_is_set_off_and_others_are_left_alone() {
        assert_eq!(
            clean_line("Forum outage \u{202E}fdp.exe\nnow"),
            "\u{2068}Forum outage \u{202E}fdp.exe now\u{2069}"
        );
        assert_eq!(clean_line("مريم الحسن"), "مريم الحسن");
        assert_eq!(clean_line(" Plain\nname "), "Plain name");
    }

    #[test]
    fn clean_removes_controls_and_keeps_text() {
        assert_eq!(clean("a\0b\tc\r\nd\re\u{7}"), "ab    c\nd\ne");
        assert_eq!(clean_line(" one\ntwo \n\n three "), "one two three");
        assert_eq!(
            clean("é\u{00A0}社\u{2028}x\u{200B}y\r\r\nz\u{000C}\u{1F9EA}\r"),
            "é\u{00A0}社\nxy\n\nz\n\u{1F9EA}\n"
        );
        assert_eq!(clean(""), "");
        assert_eq!(clean("plain text, kept whole"), "plain text, kept whole");
        assert_eq!(
            clean("<img src=x onerror=alert(1)>"),
            "<img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn wraps_at_spaces_within_width() {
        let f = shipped().unwrap();
        let text = "The community strategy helps makers help each other every week.";
        let lines = wrap_line(f, text, Weight::Regular, 10.0, 120.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(f.width(l, Weight::Regular, 10.0) <= 120.0, "{l}");
            assert!(!l.starts_with(' ') && !l.ends_with(' '));
            assert!(
                !l.ends_with('-'),
                "no word here is wider than the line: {lines:?}"
            );
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_that_fits_a_line_is_never_split() {
        let f = shipped().unwrap();
        // "Initiatives" fits 60 points: it moves to the next line whole.
        let w = width("Initiatives");
        let lines = wrap_line(f, "Our Initiatives", Weight::Regular, 10.0, w + 1.0);
        assert_eq!(lines, vec!["Our", "Initiatives"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_hyphenated_at_a_pattern_point() {
        let f = shipped().unwrap();
        let w = width("Initiatives");
        let lines = wrap_line(f, "Initiatives", Weight::Regular, 10.0, w - 1.0);
        assert_eq!(
            lines,
            vec!["Initia-", "tives"],
            "the patterns give ini-ti-a-tives"
        );
        // Narrower, it breaks at an earlier point of the same word.
        let narrow = width("Ini-").max(width("tia-")).max(width("tives")) + 0.5;
        assert!(narrow < width("Initia-"));
        let lines = wrap_line(f, "Initiatives", Weight::Regular, 10.0, narrow);
        assert_eq!(lines, vec!["Ini-", "tia-", "tives"]);
        // Narrower than its last piece, that piece is split between letters, with no hyphen.
        let lines = wrap_line(f, "Initiatives", Weight::Regular, 10.0, width("tive"));
        assert_eq!(lines, vec!["Ini-", "tia-", "tive", "s"]);
        // Capitals hyphenate the same way, and a hyphen never ends a line that holds the
        // whole of a word.
        let lines = wrap_line(
            f,
            "EXPECTED FOUNDATION",
            Weight::Regular,
            10.0,
            width("FOUNDA-"),
        );
        assert_eq!(lines, vec!["EX-", "PECTED", "FOUNDA-", "TION"]);
    }

    #[test]
    fn a_hyphenated_word_starts_on_the_line_before_when_it_is_wider_than_any_line() {
        let f = shipped().unwrap();
        let lines = wrap_line(
            f,
            "an internationalization",
            Weight::Regular,
            10.0,
            width("an internation-"),
        );
        assert_eq!(lines[0], "an internation-", "{lines:?}");
        assert_eq!(lines.concat().replace('-', ""), "an internationalization");
    }

    #[test]
    fn no_break_spaces_keep_words_together() {
        let f = shipped().unwrap();
        let text = "budget of EUR\u{00A0}12\u{00A0}500 for the year";
        let lines = wrap_line(f, text, Weight::Regular, 10.0, width("budget of EUR 12"));
        assert!(
            lines.iter().any(|l| l.contains("EUR\u{00A0}12\u{00A0}500")),
            "{lines:?}"
        );
        // With ordinary spaces the same width breaks inside the figure.
        let plain = wrap_line(
            f,
            &text.replace('\u{00A0}', " "),
            Weight::Regular,
            10.0,
            width("budget of EUR 12"),
        );
        assert_eq!(plain[0], "budget of EUR 12");
    }

    #[test]
    fn breaks_a_long_word_by_character() {
        let f = shipped().unwrap();
        let word = "x".repeat(20_000);
        let lines = wrap_line(f, &word, Weight::Regular, 10.0, 300.0);
        assert!(lines.len() > 100);
        assert_eq!(lines.concat(), word);
        for l in &lines {
            assert!(f.width(l, Weight::Regular, 10.0) <= 300.0);
        }
    }

    #[test]
    fn a_url_is_split_without_hyphens_and_within_the_line() {
        let f = shipped().unwrap();
        let url = format!("https://example.org/{}", "communityguidelines".repeat(15));
        assert!(url.len() > 290);
        let lines = wrap_line(f, &url, Weight::Regular, 10.0, 120.0);
        assert_eq!(lines.concat(), url, "nothing added, nothing lost");
        for l in &lines {
            assert!(f.width(l, Weight::Regular, 10.0) <= 120.0, "{l}");
        }
    }

    #[test]
    fn emoji_and_accents_are_never_torn_apart() {
        let f = shipped().unwrap();
        let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let text = format!("{family}{family}{family}e\u{0301}e\u{0301}");
        for w in [0.1, 5.0, 12.0, 30.0] {
            let lines = wrap_line(f, &text, Weight::Regular, 10.0, w);
            assert_eq!(lines.concat(), text);
            for l in &lines {
                assert!(
                    !l.starts_with('\u{200D}') && !l.starts_with('\u{0301}'),
                    "{lines:?}"
                );
            }
        }
        let lines = wrap_line(f, "🎉🎉🎉🎉", Weight::Regular, 10.0, 1.0);
        assert_eq!(lines, vec!["🎉"; 4]);
    }

    #[test]
    fn cjk_breaks_between_ideographs() {
        let f = shipped().unwrap();
        let text = "社区战略".repeat(50);
        let lines = wrap_line(f, &text, Weight::Regular, 10.0, 100.0);
        assert!(lines.len() > 5);
        assert_eq!(lines.concat(), text);
        for l in &lines {
            assert!(f.width(l, Weight::Regular, 10.0) <= 100.0);
            assert!(!l.ends_with('-'));
        }
        // UAX #14 keeps closing punctuation with the ideograph before it.
        let lines = wrap_line(f, "社区。战略", Weight::Regular, 10.0, 25.0);
        assert!(lines.iter().all(|l| !l.starts_with('。')), "{lines:?}");
    }

    #[test]
    fn a_long_paragraph_wraps_whole() {
        let f = shipped().unwrap();
        let text = "Members help each other on the forum every week. ".repeat(400);
        let text = text.trim_end();
        assert!(text.len() > 19_000);
        let lines = wrap_line(f, text, Weight::Regular, 10.0, 300.0);
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_line_never_empty_when_width_is_tiny() {
        let f = shipped().unwrap();
        let lines = wrap_line(f, "abc", Weight::Regular, 10.0, 0.1);
        assert_eq!(lines, vec!["a", "b", "c"]);
        assert_eq!(
            wrap_line(f, "", Weight::Regular, 10.0, 100.0),
            vec![String::new()]
        );
        for w in [f32::NAN, -5.0, 0.0, f32::INFINITY] {
            let lines = wrap_line(f, "a word or two", Weight::Regular, 10.0, w);
            assert!(!lines.is_empty());
        }
    }

    #[test]
    fn any_mix_of_scripts_and_widths_wraps_without_loss() {
        let f = shipped().unwrap();
        let pieces = [
            "Initiatives ",
            "internationalization",
            "\u{00A0}",
            "e\u{0301}",
            "🎉",
            "\u{1F469}\u{200D}\u{1F467}",
            "社区战略",
            "مريم الحسن ",
            "https://example.org/a_b?c=d&e=f",
            "well-known ",
            "— ",
            "İstanbul ",
            "ﬁnance ",
            "\u{200B}",
            "  ",
            "x",
        ];
        // A deterministic walk through combinations of the pieces at many widths.
        let mut seed = 7u32;
        for round in 0..300 {
            let mut text = String::new();
            for _ in 0..(round % 12 + 1) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            let width = [0.0, 3.0, 17.0, 40.0, 95.0, 400.0][round % 6];
            let lines = wrap_line(f, &text, Weight::Regular, 10.0, width);
            assert!(!lines.is_empty());
            // Nothing is lost or added but hanging spaces and the hyphens of hyphenation.
            let squash = |s: &str| -> String {
                s.chars()
                    .filter(|c| !hangs(*c) && !matches!(c, '\u{200E}' | '\u{200F}'))
                    .collect::<String>()
            };
            let joined: String = lines
                .iter()
                .map(|l| {
                    if l.ends_with(HYPHEN) && !squash(&text).contains(&squash(l)) {
                        l.trim_end_matches(HYPHEN).to_owned()
                    } else {
                        l.clone()
                    }
                })
                .collect();
            assert_eq!(
                squash(&joined),
                squash(&text),
                "{text:?} at {width}: {lines:?}"
            );
        }
    }

    #[test]
    fn measure_bounds_the_widest_word_from_above() {
        let f = shipped().unwrap();
        for text in [
            "a communication plan\nshort",
            "well-known https://example.org/path\tx",
            "社区战略 and 🎉🎉",
            "EUR\u{00A0}12\u{00A0}500 budget",
            "",
        ] {
            let m = measure(f, text, Weight::Regular, 10.0);
            let word = widest_word(f, text, Weight::Regular, 10.0);
            let natural = natural_width(f, text, Weight::Regular, 10.0);
            assert!(m.spaced_word + 0.01 >= word, "{text:?}: {m:?} vs {word}");
            assert!(
                (m.natural - natural).abs() < 0.01,
                "{text:?}: {m:?} vs {natural}"
            );
        }
        // Ideographs are words of their own: Chinese never widens a column to a whole line.
        let m = measure(f, &"社区".repeat(50), Weight::Regular, 10.0);
        assert!(m.spaced_word < 12.0, "{m:?}");
    }

    #[test]
    fn widest_word_and_natural_width() {
        let f = shipped().unwrap();
        let text = "a communication plan\nshort";
        let word = widest_word(f, text, Weight::Regular, 10.0);
        assert_eq!(word, width("communication"));
        assert_eq!(
            natural_width(f, text, Weight::Regular, 10.0),
            width("a communication plan")
        );
        let frag = widest_fragment(f, "a communication plan", Weight::Regular, 10.0, 0.0);
        assert!(frag < word && frag >= width("nica-"), "{frag}");
    }

    #[test]
    fn shaped_paragraphs_wrap_within_the_width_and_keep_their_direction() {
        let f = shipped().unwrap();
        for text in [
            "نريد أن يساعد الأعضاء بعضهم بعضا كل أسبوع في المنتدى ".repeat(6),
            "नमस्ते दुनिया, समुदाय की रणनीति हर सप्ताह ".repeat(6),
            format!("\u{200F}{}", "שלום עולם Ana Souza ".repeat(8)),
        ] {
            let lines = wrap_line(f, text.trim_end(), Weight::Regular, 10.0, 120.0);
            assert!(lines.len() > 3, "{lines:?}");
            for l in &lines {
                assert!(f.width(l, Weight::Regular, 10.0) <= 120.0, "{l}");
                // Every line takes its paragraph's direction.
                assert_eq!(shaping::base_rtl(l), shaping::base_rtl(&text), "{l:?}");
            }
        }
    }

    #[test]
    fn clean_keeps_joiners_and_bidi_controls() {
        let text = "\u{202B}a\u{200D}b\u{2068}c\u{2069}\u{200F}\u{202C}";
        assert_eq!(clean(text), text);
    }
}
