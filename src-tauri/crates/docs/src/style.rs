//! The house style: palette, type sizes and page geometry.

use groundwork_core::documents::Paper;

use crate::draw::Rgb;

/// Ink for headings and titles.
pub const INK: Rgb = Rgb(0x1B, 0x26, 0x33);
/// Body text.
pub const TEXT: Rgb = Rgb(0x33, 0x3F, 0x4C);
/// Secondary text: captions, labels, header and footer.
pub const MUTED: Rgb = Rgb(0x6B, 0x77, 0x85);
/// Hairlines and axes.
pub const RULE: Rgb = Rgb(0xC9, 0xD1, 0xD9);
/// Very light grey panels and zebra rows.
pub const PANEL: Rgb = Rgb(0xF3, 0xF5, 0xF7);
/// Grid lines inside charts.
pub const GRID: Rgb = Rgb(0xE3, 0xE7, 0xEB);
/// The one accent colour: a calm deep teal.
pub const ACCENT: Rgb = Rgb(0x1F, 0x6F, 0x78);
/// A light tint of the accent for fills behind text.
pub const ACCENT_TINT: Rgb = Rgb(0xE3, 0xF0, 0xF1);
/// A darker accent for text on tints.
pub const ACCENT_DARK: Rgb = Rgb(0x14, 0x4B, 0x52);
pub const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);

/// The light end of [`accent_scale`].
pub const ACCENT_SCALE_LIGHT: Rgb = Rgb(0xEE, 0xF5, 0xF6);

/// Accent tints from light (0) to full (1), for sequential scales such as the heat-map.
pub fn accent_scale(t: f32) -> Rgb {
    ACCENT_SCALE_LIGHT.mix(ACCENT_DARK, t)
}

pub const BODY_SIZE: f32 = 9.5;
pub const BODY_LEADING: f32 = 14.0;
pub const SMALL_SIZE: f32 = 7.5;
pub const TABLE_SIZE: f32 = 8.5;
pub const TABLE_LEADING: f32 = 12.0;

/// Cap height of DejaVu Sans, as a fraction of the font size: used to centre text vertically.
pub const CAP_HEIGHT: f32 = 0.73;

/// Baseline that centres a line of capitals of `size` in a band of `height` starting at `top`.
pub fn centred_baseline(top: f32, height: f32, size: f32) -> f32 {
    top + (height + CAP_HEIGHT * size) / 2.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// Page size and the frame text flows in, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageGeometry {
    pub width: f32,
    pub height: f32,
    pub margin_x: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
}

impl PageGeometry {
    pub fn new(paper: Paper, orientation: Orientation) -> Self {
        let (w, h) = match paper {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        };
        let (width, height) = match orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        };
        let (margin_x, margin_top, margin_bottom) = match orientation {
            Orientation::Portrait => (62.0, 78.0, 70.0),
            Orientation::Landscape => (40.0, 60.0, 44.0),
        };
        Self {
            width,
            height,
            margin_x,
            margin_top,
            margin_bottom,
        }
    }
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }
    pub fn content_top(&self) -> f32 {
        self.margin_top
    }
    pub fn content_bottom(&self) -> f32 {
        self.height - self.margin_bottom
    }
    pub fn content_height(&self) -> f32 {
        self.content_bottom() - self.content_top()
    }
}
