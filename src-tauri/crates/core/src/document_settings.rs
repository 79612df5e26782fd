//! What the strategist sets once for every document of a workbook: what is asked of the reader,
//! and the accent colour the documents are drawn in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::thousands;
use crate::Invalid;

/// The most the ask can hold. It prints on the one-page executive summary, beside everything
/// else an executive reads there: about 250 words, a third of a page.
pub const ASK_MAX_CHARS: usize = 1_500;

/// The smallest contrast, against white, of text drawn in the accent (WCAG AA for body text).
pub const TEXT_CONTRAST: f64 = 4.5;

/// The house accent, a calm deep teal: what documents use when the strategist chose none.
pub const HOUSE_ACCENT: Rgb = Rgb(0x1F, 0x6F, 0x78);

/// The longest side, in pixels, of a logo as the workbook keeps it: sharp at 300 dpi across
/// the four inches of the widest place it prints (the cover), and small enough to keep in
/// every copy of the workbook.
pub const LOGO_MAX_SIDE: u32 = 1_200;

/// The organisation's logo as the documents print it: a PNG made from the image the
/// strategist chose, at most [`LOGO_MAX_SIDE`] pixels a side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Logo {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The name of the file it was made from, to show beside it.
    pub file_name: String,
}

/// The document settings as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct DocumentSettings {
    /// What is asked of the reader, in the strategist's words; empty for the roadmap's default.
    pub ask: String,
    /// The accent as `#rrggbb` in lower case; `None` for the house accent.
    pub accent: Option<String>,
}

/// What the Documents screen sends on every autosave.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct DocumentSettingsEdit {
    pub ask: String,
    /// `#rrggbb`; empty for the house accent.
    pub accent: String,
}

impl DocumentSettingsEdit {
    /// Checks both fields and returns the settings as they will be stored.
    pub fn validated(&self) -> Result<DocumentSettings, Invalid> {
        Ok(DocumentSettings {
            ask: validated_ask(&self.ask)?,
            accent: validated_accent(&self.accent)?,
        })
    }
}

impl From<&DocumentSettings> for DocumentSettingsEdit {
    fn from(s: &DocumentSettings) -> Self {
        Self {
            ask: s.ask.clone(),
            accent: s.accent.clone().unwrap_or_default(),
        }
    }
}

impl DocumentSettings {
    /// The accent the documents use: the strategist's, or the house accent.
    pub fn accent_rgb(&self) -> Rgb {
        self.accent
            .as_deref()
            .and_then(Rgb::parse)
            .unwrap_or(HOUSE_ACCENT)
    }
}

/// The ask, trimmed (blank lines around it would only push the summary apart); any script and
/// markup kept as typed.
pub fn validated_ask(ask: &str) -> Result<String, Invalid> {
    let trimmed = ask.trim();
    let chars = trimmed.chars().count();
    if chars > ASK_MAX_CHARS {
        return Err(Invalid::field(
            "ask",
            format!(
                "What is asked of the reader is {} characters long; the executive summary has room for {}. Shorten it to the decisions, owners and budget you need.",
                thousands(chars),
                thousands(ASK_MAX_CHARS)
            ),
        ));
    }
    Ok(trimmed.to_owned())
}

/// `#rrggbb` (any case, with or without the `#`, surrounding spaces ignored), stored as
/// `#rrggbb` in lower case; empty means the house accent.
pub fn validated_accent(accent: &str) -> Result<Option<String>, Invalid> {
    let trimmed = accent.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    match Rgb::parse(trimmed) {
        Some(rgb) => Ok(Some(rgb.hex())),
        None => Err(Invalid::field(
            "accent",
            format!(
                "“{}” is not a colour Groundwork can use. Write it as # and six hexadecimal digits, such as #1f6f78, or pick one.",
                trimmed.chars().take(40).collect::<String>()
            ),
        )),
    }
}

/// A colour as red, green and blue from 0 to 255.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#rrggbb` or `rrggbb`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim();
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let part = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Rgb(part(0)?, part(2)?, part(4)?))
    }

    /// `#rrggbb`, lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// `self` moved towards `other` by `t` (0 keeps `self`, 1 gives `other`).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The contrast ratio of two colours, from 1 (none) to 21 (black on white).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// The colour itself when it reaches `ratio` against `background`; otherwise the lightest
    /// shade of it, towards black, that does.
    pub fn darkened_to(self, background: Rgb, ratio: f64) -> Rgb {
        const BLACK: Rgb = Rgb(0, 0, 0);
        (0..=100)
            .map(|step| self.mix(BLACK, f64::from(step) / 100.0))
            .find(|c| c.contrast(background) >= ratio)
            .unwrap_or(BLACK)
    }
}

const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);

/// The accent for text, and for bands that carry white text: the chosen colour, darkened when
/// it is too light to read against white.
pub fn text_accent(accent: Rgb) -> Rgb {
    accent.darkened_to(WHITE, TEXT_CONTRAST)
}

/// A sentence for the Documents screen when the documents darken the chosen accent for text;
/// `None` when it is used as chosen everywhere.
pub fn accent_note(settings: &DocumentSettings) -> Option<String> {
    let chosen = settings.accent_rgb();
    let text = text_accent(chosen);
    (text != chosen).then(|| {
        format!(
            "This colour is too light for text on white ({:.1}:1; text needs {TEXT_CONTRAST}:1), so headings, labels and the cover print it darker, as {}. Rules, bars and charts keep {}.",
            chosen.contrast(WHITE),
            text.hex(),
            chosen.hex()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ask_is_trimmed_and_kept_in_any_script_with_markup_as_text() {
        let ask = "\n  Approve €40 000 <b>now</b>; 批准预算 🚀\nOwners: Ana & Ben.  \n";
        assert_eq!(
            validated_ask(ask).unwrap(),
            "Approve €40 000 <b>now</b>; 批准预算 🚀\nOwners: Ana & Ben."
        );
        assert_eq!(validated_ask(" \t\n").unwrap(), "", "blank means no ask");
    }

    #[test]
    fn an_ask_at_the_limit_is_kept_and_one_over_is_refused_with_both_lengths() {
        let at = "ж".repeat(ASK_MAX_CHARS);
        assert_eq!(validated_ask(&at).unwrap(), at);
        let err = validated_ask(&"ж".repeat(ASK_MAX_CHARS + 1)).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("ask"));
        assert!(err.message.contains("1,501"), "{}", err.message);
        assert!(err.message.contains("1,500"), "{}", err.message);
    }

    #[test]
    fn an_accent_is_stored_as_lower_case_hash_and_six_digits() {
        assert_eq!(
            validated_accent(" #1F6F78 ").unwrap().as_deref(),
            Some("#1f6f78")
        );
        assert_eq!(
            validated_accent("c0392b").unwrap().as_deref(),
            Some("#c0392b")
        );
        assert_eq!(
            validated_accent("").unwrap(),
            None,
            "empty: the house accent"
        );
    }

    #[test]
    fn a_bad_accent_is_refused_with_a_sentence_at_its_field() {
        for bad in [
            "#12345",
            "#1234567",
            "red",
            "#gggggg",
            "rgb(1,2,3)",
            "#12 456",
            "#ｆｆｆｆｆｆ",
        ] {
            let err = validated_accent(bad).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("accent"), "{bad}");
            assert!(
                err.message.contains("six hexadecimal digits"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        assert!((Rgb(0, 0, 0).contrast(WHITE) - 21.0).abs() < 1e-9);
        assert!((WHITE.contrast(WHITE) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes 4.5:1 on white.
        assert!(Rgb(0x76, 0x76, 0x76).contrast(WHITE) >= 4.5);
        assert!(Rgb(0x77, 0x77, 0x77).contrast(WHITE) < 4.5);
    }

    #[test]
    fn a_dark_enough_accent_is_used_as_chosen_for_text() {
        assert_eq!(text_accent(HOUSE_ACCENT), HOUSE_ACCENT);
        assert_eq!(accent_note(&DocumentSettings::default()), None);
    }

    #[test]
    fn a_light_accent_is_darkened_for_text_until_it_reads_and_the_screen_says_so() {
        let yellow = Rgb(0xFF, 0xD7, 0x00);
        let text = text_accent(yellow);
        assert!(text.contrast(WHITE) >= TEXT_CONTRAST);
        // The lightest shade that passes: one step lighter would not.
        assert!(yellow.contrast(WHITE) < TEXT_CONTRAST);
        let settings = DocumentSettings {
            ask: String::new(),
            accent: Some("#ffd700".into()),
        };
        let note = accent_note(&settings).unwrap();
        assert!(note.contains(&text.hex()), "{note}");
        assert!(note.contains("#ffd700"), "{note}");
    }
}
