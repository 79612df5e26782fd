//! Plain-text handling: cleaning what a strategist typed, and breaking it into lines by the
//! fonts' real advances. Text is never interpreted: markup prints literally.

use crate::draw::Weight;
use crate::fonts::{is_ignorable, Fonts};

/// Whether [`clean`] keeps `c` as it is.
fn kept_as_is(c: char) -> bool {
    match c {
        ' '..='~' | '\n' => true,
        '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{00A0}' => false,
        c => !is_ignorable(c),
    }
}

/// Normalises line ends, turns tabs into spaces and removes invisible control characters,
/// so nothing a person pastes can break the PDF or the layout.
pub fn clean(text: &str) -> String {
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
            '\u{00A0}' => out.push(' '),
            _ => {}
        }
    }
    out.push_str(text.get(kept_from..).unwrap_or_default());
    out
}

/// Cleans a one-line value (a name, a title): line breaks become spaces.
pub fn clean_line(text: &str) -> String {
    let cleaned = clean(text);
    let joined: Vec<&str> = cleaned
        .split('\n')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    joined.join(" ")
}

/// Ideographs and kana may break anywhere, like spaces in Latin text.
fn breaks_anywhere(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x312F | 0x3190..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Wraps one paragraph (no line breaks inside) to `max_width` points. Breaks at spaces, after
/// hyphens and slashes, and around ideographs; a word longer than the line is broken between
/// characters. Always returns at least one line.
pub fn wrap_line(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    size: f32,
    max_width: f32,
) -> Vec<String> {
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    // Where each character starts in `text`, and where the text ends.
    let mut at: Vec<usize> = Vec::with_capacity(text.len() + 1);
    let mut adv: Vec<f32> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        chars.push(c);
        at.push(i);
        adv.push(fonts.advance(c, weight) * size);
    }
    at.push(text.len());
    let slice = |from: usize, to: usize| text.get(at[from]..at[to]).unwrap_or_default();
    let mut lines = Vec::new();
    let mut start = 0usize;
    let mut width = 0.0f32;
    // Where the next line may start if we break now.
    let mut last_break: Option<usize> = None;
    let mut i = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            // Spaces may hang past the margin; they are trimmed from the line end.
            width += adv[i];
            last_break = Some(i + 1);
            i += 1;
            continue;
        }
        if breaks_anywhere(c) && i > start {
            last_break = Some(i);
        }
        if width + adv[i] > max_width && i > start {
            let cut = match last_break {
                Some(b) if b > start => b,
                _ => i,
            };
            lines.push(slice(start, cut).trim_end().to_owned());
            start = cut;
            while start < chars.len() && chars[start] == ' ' && start < i {
                start += 1;
            }
            last_break = None;
            width = adv[start..i].iter().sum();
            continue; // re-examine chars[i] against the new line
        }
        width += adv[i];
        if matches!(c, '-' | '/' | '\u{2013}' | '\u{2014}') || breaks_anywhere(c) {
            last_break = Some(i + 1);
        }
        i += 1;
    }
    let tail = slice(start, chars.len());
    if !tail.trim_end().is_empty() || lines.is_empty() {
        lines.push(tail.trim_end().to_owned());
    }
    lines
}

/// Wraps text that may contain line breaks; an empty input line gives an empty output line.
pub fn wrap(fonts: &Fonts, text: &str, weight: Weight, size: f32, max_width: f32) -> Vec<String> {
    clean(text)
        .split('\n')
        .flat_map(|l| wrap_line(fonts, l, weight, size, max_width))
        .collect()
}

/// Wraps to at most `max_lines`, ending the last line with an ellipsis when text was cut.
/// Returns the lines and whether anything was left out.
pub fn wrap_capped(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    size: f32,
    max_width: f32,
    max_lines: usize,
) -> (Vec<String>, bool) {
    let mut lines = wrap(fonts, text, weight, size, max_width);
    if lines.len() <= max_lines.max(1) {
        return (lines, false);
    }
    lines.truncate(max_lines.max(1));
    if let Some(last) = lines.last_mut() {
        let mut l = last.clone();
        l.push_str(" …");
        *last = fonts.truncate(&l, weight, size, max_width);
        if !last.ends_with('…') {
            last.push('…');
        }
    }
    (lines, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::shipped;

    #[test]
    fn clean_removes_controls_and_keeps_text() {
        assert_eq!(clean("a\0b\tc\r\nd\re\u{7}"), "ab    c\nd\ne");
        assert_eq!(clean_line(" one\ntwo \n\n three "), "one two three");
        assert_eq!(
            clean("é\u{00A0}社\u{2028}x\u{200B}y\r\r\nz\u{000C}\u{1F9EA}\r"),
            "é 社\nxy\n\nz\n\u{1F9EA}\n"
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
        }
        assert_eq!(lines.join(" "), text);
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
    fn cjk_breaks_between_ideographs() {
        let f = shipped().unwrap();
        let text = "社区战略".repeat(50);
        let lines = wrap_line(f, &text, Weight::Regular, 10.0, 100.0);
        assert!(lines.len() > 5);
        assert_eq!(lines.concat(), text);
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
    }

    #[test]
    fn capped_wrap_ends_with_ellipsis() {
        let f = shipped().unwrap();
        let (lines, cut) = wrap_capped(f, &"word ".repeat(400), Weight::Regular, 10.0, 200.0, 3);
        assert!(cut);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
    }
}
