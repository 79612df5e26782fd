//! The workbook's accent colour on finished pages.
//!
//! Sections and charts draw in the house accent and its shades ([`style::ACCENT`] and
//! friends). Before a document is written, every house accent colour on its pages is replaced
//! by the matching shade of the workbook's accent, so no drawing code needs to know the
//! choice. Text must stay legible: text drawn in the accent gets the accent darkened until it
//! reads against white. An accent fill with text on it (the cover band, a "today" marker)
//! keeps the colour as chosen, as a brand's colour should print; when white text would not
//! read on it (a gold, a light blue), the text on it turns to a dark shade of the accent.

use groundwork_core::document_settings::{self as settings, DocumentSettings, HOUSE_ACCENT};

use crate::draw::{Draw, Rect, Rgb};
use crate::emit::PageOut;
use crate::style;

const BLACK: Rgb = Rgb(0, 0, 0);

/// The workbook's shades, standing in for the house ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Palette {
    /// Rules, bars, lines and marks: the colour as chosen.
    fill: Rgb,
    /// Text in the accent, and accent fills that carry text.
    text: Rgb,
    /// Text on the tint, and dark rules.
    dark: Rgb,
    /// Light panels behind text.
    tint: Rgb,
    /// Light text on a band of the text colour.
    on_band: Rgb,
    /// Whether white text reads on the colour as chosen.
    white_reads: bool,
    /// Text on a band of the colour as chosen, when white does not read on it.
    band_ink: Rgb,
}

fn ours(c: settings::Rgb) -> Rgb {
    Rgb(c.0, c.1, c.2)
}

fn core(c: Rgb) -> settings::Rgb {
    settings::Rgb(c.0, c.1, c.2)
}

impl Palette {
    fn of(chosen: settings::Rgb) -> Palette {
        let fill = ours(chosen);
        let text = ours(settings::text_accent(chosen));
        // The house tint and dark shade are these mixes of the house accent.
        let tint = style::WHITE.mix(fill, 0.11);
        let dark =
            ours(core(text.mix(BLACK, 0.33)).darkened_to(core(tint), settings::TEXT_CONTRAST));
        let on_band = if core(tint).contrast(core(text)) >= settings::TEXT_CONTRAST {
            tint
        } else {
            style::WHITE
        };
        Palette {
            fill,
            text,
            dark,
            tint,
            on_band,
            white_reads: chosen.contrast(core(style::WHITE)) >= settings::TEXT_CONTRAST,
            band_ink: ours(chosen.darkened_to(chosen, settings::TEXT_CONTRAST)),
        }
    }

    /// The workbook's colour for a house colour drawn as a shape (fill or stroke).
    fn shape(&self, c: Rgb) -> Rgb {
        match c {
            c if c == style::ACCENT => self.fill,
            c if c == style::ACCENT_DARK => self.dark,
            c if c == style::ACCENT_TINT => self.tint,
            // The roadmap timeline's alternating phase bands.
            c if c == style::ACCENT_TINT.mix(style::ACCENT, 0.12) => self.tint.mix(self.fill, 0.12),
            c if c == style::ACCENT_TINT.mix(style::WHITE, 0.55) => {
                self.tint.mix(style::WHITE, 0.55)
            }
            c if c == style::PANEL.mix(style::ACCENT, 0.12) => style::PANEL.mix(self.fill, 0.12),
            c => match on_house_scale(c) {
                Some(t) => style::WHITE.mix(self.fill, 0.07).mix(self.dark, t),
                None => c,
            },
        }
    }

    /// The workbook's colour for a house colour drawn as text on an accent band.
    fn text_on_band(&self, c: Rgb) -> Rgb {
        if !self.white_reads && (c == style::WHITE || c == style::ACCENT_TINT) {
            self.band_ink
        } else {
            self.text(c)
        }
    }

    /// The workbook's colour for a house colour drawn as text.
    fn text(&self, c: Rgb) -> Rgb {
        match c {
            c if c == style::ACCENT => self.text,
            c if c == style::ACCENT_DARK => self.dark,
            c if c == style::ACCENT_TINT => self.on_band,
            c => c,
        }
    }
}

/// Where `c` lies on [`style::accent_scale`] (the risk matrix's cells), from 0 to 1; `None`
/// for any other colour. The red channel spans the scale widest, so it gives the position;
/// the colour is on the scale when every channel is within rounding of it there.
fn on_house_scale(c: Rgb) -> Option<f32> {
    let (light, dark) = (style::ACCENT_SCALE_LIGHT, style::ACCENT_DARK);
    let t = (f32::from(light.0) - f32::from(c.0)) / (f32::from(light.0) - f32::from(dark.0));
    if !(0.0..=1.0).contains(&t) {
        return None;
    }
    let on = style::accent_scale(t);
    let near = |a: u8, b: u8| a.abs_diff(b) <= 1;
    (near(on.0, c.0) && near(on.1, c.1) && near(on.2, c.2)).then_some(t)
}

/// Draws the pages in the workbook's accent. The house accent leaves them as they are.
pub fn apply(pages: &mut [PageOut], documents: &DocumentSettings) {
    let chosen = documents.accent_rgb();
    if chosen == HOUSE_ACCENT {
        return;
    }
    let palette = Palette::of(chosen);
    for page in pages {
        recolour(&mut page.draws, &palette);
    }
}

fn recolour(draws: &mut [Draw], palette: &Palette) {
    // Where text sits: an accent fill under any of it is a background to text.
    let anchors: Vec<(f32, f32)> = draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { x, y, .. } => Some((*x, *y)),
            _ => None,
        })
        .collect();
    let carries_text = |r: &Rect| anchors.iter().any(|(x, y)| r.contains(*x, *y));
    let bands: Vec<Rect> = draws
        .iter()
        .filter_map(|d| match d {
            Draw::Rect {
                rect,
                fill: Some(f),
                ..
            } if *f == style::ACCENT && carries_text(rect) => Some(*rect),
            _ => None,
        })
        .collect();
    let on_band = |x: f32, y: f32| bands.iter().any(|r| r.contains(x, y));
    for draw in draws {
        match draw {
            Draw::Text { x, y, color, .. } => {
                *color = if on_band(*x, *y) {
                    palette.text_on_band(*color)
                } else {
                    palette.text(*color)
                };
            }
            Draw::Rect { fill, stroke, .. } => {
                if let Some(f) = fill {
                    *f = palette.shape(*f);
                }
                if let Some(s) = stroke {
                    s.color = palette.shape(s.color);
                }
            }
            Draw::Line { stroke, .. } => stroke.color = palette.shape(stroke.color),
            Draw::Polygon { fill, stroke, .. } => {
                if let Some(f) = fill {
                    *f = palette.shape(*f);
                }
                if let Some(s) = stroke {
                    s.color = palette.shape(s.color);
                }
            }
            Draw::Link { .. } | Draw::Logo { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::{Stroke, Weight};

    fn contrast(a: Rgb, b: Rgb) -> f64 {
        core(a).contrast(core(b))
    }

    #[test]
    fn the_house_accent_gives_back_the_house_shades() {
        let p = Palette::of(HOUSE_ACCENT);
        assert_eq!(p.fill, style::ACCENT);
        assert_eq!(p.text, style::ACCENT);
        // Within a few steps of the hand-picked house shades.
        for (ours, house) in [(p.tint, style::ACCENT_TINT), (p.dark, style::ACCENT_DARK)] {
            for (a, b) in [(ours.0, house.0), (ours.1, house.1), (ours.2, house.2)] {
                assert!(a.abs_diff(b) <= 6, "{ours:?} is far from {house:?}");
            }
        }
    }

    #[test]
    fn every_text_shade_of_a_light_accent_reads() {
        for hex in ["#ffd700", "#7fdbff", "#ffffff", "#e0e0e0", "#ff4136"] {
            let p = Palette::of(settings::Rgb::parse(hex).unwrap());
            assert!(
                contrast(p.text, style::WHITE) >= 4.5,
                "{hex}: text on white"
            );
            assert!(
                contrast(p.dark, p.tint) >= 4.5,
                "{hex}: dark text on the tint"
            );
            assert!(
                contrast(p.on_band, p.text) >= 4.5,
                "{hex}: light text on a band"
            );
        }
    }

    #[test]
    fn the_risk_matrix_scale_follows_the_accent_and_other_colours_do_not() {
        let p = Palette::of(settings::Rgb::parse("#c0392b").unwrap());
        for t in [0.0, 0.2, 0.5, 0.95] {
            let house = style::accent_scale(t);
            let ours = p.shape(house);
            assert_ne!(ours, house, "{t}: recoloured");
            assert!(ours.0 > ours.2, "{t}: {ours:?} is reddish");
        }
        let others = [
            style::INK,
            style::TEXT,
            style::MUTED,
            style::RULE,
            style::PANEL,
            style::GRID,
            style::WHITE,
        ];
        for other in others {
            assert_eq!(p.shape(other), other, "{other:?} is not an accent");
        }
    }

    #[test]
    fn a_band_keeps_a_light_accent_and_its_text_turns_dark() {
        let yellow = settings::Rgb::parse("#ffd700").unwrap();
        let p = Palette::of(yellow);
        let mut draws = vec![
            Draw::fill(Rect::new(0.0, 0.0, 100.0, 40.0), style::ACCENT),
            Draw::text(10.0, 30.0, 12.0, Weight::Bold, style::WHITE, "Cover"),
            Draw::fill(Rect::new(0.0, 100.0, 20.0, 2.0), style::ACCENT),
            Draw::line(0.0, 200.0, 50.0, 200.0, Stroke::solid(style::ACCENT, 1.0)),
            Draw::text(10.0, 300.0, 9.0, Weight::Bold, style::ACCENT, "Label"),
        ];
        recolour(&mut draws, &p);
        let fills: Vec<Option<Rgb>> = draws
            .iter()
            .map(|d| match d {
                Draw::Rect { fill, .. } => *fill,
                Draw::Line { stroke, .. } => Some(stroke.color),
                Draw::Text { color, .. } => Some(*color),
                _ => None,
            })
            .collect();
        assert_eq!(
            fills,
            vec![
                Some(ours(yellow)),
                Some(p.band_ink),
                Some(ours(yellow)),
                Some(ours(yellow)),
                Some(p.text)
            ]
        );
        assert_ne!(p.text, ours(yellow), "yellow is too light for text");
        assert!(
            contrast(p.band_ink, ours(yellow)) >= 4.5,
            "the band's text reads"
        );
    }

    #[test]
    fn a_dark_accent_band_keeps_its_white_text() {
        let navy = settings::Rgb::parse("#1b3a5c").unwrap();
        let p = Palette::of(navy);
        let mut draws = vec![
            Draw::fill(Rect::new(0.0, 0.0, 100.0, 40.0), style::ACCENT),
            Draw::text(10.0, 30.0, 12.0, Weight::Bold, style::WHITE, "Cover"),
            Draw::text(
                10.0,
                20.0,
                9.0,
                Weight::Bold,
                style::ACCENT_TINT,
                "GROUNDWORK",
            ),
        ];
        recolour(&mut draws, &p);
        let colours: Vec<Rgb> = draws
            .iter()
            .map(|d| match d {
                Draw::Rect { fill, .. } => fill.unwrap(),
                Draw::Text { color, .. } => *color,
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(colours, vec![ours(navy), style::WHITE, p.on_band]);
    }
}
