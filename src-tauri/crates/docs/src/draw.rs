//! Drawing primitives in page space: points, top-left origin, y growing downwards.
//!
//! Everything the layout engine and the charts produce is a list of [`Draw`]s; only
//! `emit` knows about PDF operators and the bottom-left origin.

/// A colour, 0-255 per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Mixes `self` towards `other`; `t` = 0 gives `self`, 1 gives `other`.
    pub fn mix(self, other: Rgb, t: f32) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// Regular or bold text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// A rectangle, top-left origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub const fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Self { x, y, w, h }
    }
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn centre(&self) -> (f32, f32) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
    /// Shrinks the rectangle by `d` on every side (never below zero size).
    pub fn inset(&self, d: f32) -> Rect {
        Rect::new(
            self.x + d,
            self.y + d,
            (self.w - 2.0 * d).max(0.0),
            (self.h - 2.0 * d).max(0.0),
        )
    }
    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x - 0.01
            && x <= self.right() + 0.01
            && y >= self.y - 0.01
            && y <= self.bottom() + 0.01
    }
}

/// How a path is stroked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub color: Rgb,
    pub width: f32,
    /// Dash and gap lengths, for a dashed line.
    pub dash: Option<(f32, f32)>,
}

impl Stroke {
    pub const fn solid(color: Rgb, width: f32) -> Self {
        Self {
            color,
            width,
            dash: None,
        }
    }
    pub const fn dashed(color: Rgb, width: f32, dash: f32, gap: f32) -> Self {
        Self {
            color,
            width,
            dash: Some((dash, gap)),
        }
    }
}

/// Horizontal alignment of a text item relative to its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Draw {
    /// Plain text on one line; `y` is the baseline. Aligned by `emit` using real advances.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
        align: Align,
        text: String,
    },
    Rect {
        rect: Rect,
        fill: Option<Rgb>,
        stroke: Option<Stroke>,
    },
    Line {
        points: Vec<(f32, f32)>,
        stroke: Stroke,
    },
    Polygon {
        points: Vec<(f32, f32)>,
        fill: Option<Rgb>,
        stroke: Option<Stroke>,
    },
    /// A clickable area that jumps to a page (1-based) of the same document.
    Link { rect: Rect, page: usize },
    /// The workbook's logo, filling `rect` (which the caller sized to the logo's shape).
    Logo { rect: Rect },
}

impl Draw {
    pub fn text(x: f32, y: f32, size: f32, weight: Weight, color: Rgb, text: &str) -> Self {
        Draw::Text {
            x,
            y,
            size,
            weight,
            color,
            align: Align::Left,
            text: text.to_owned(),
        }
    }
    pub fn text_aligned(
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
        align: Align,
        text: &str,
    ) -> Self {
        Draw::Text {
            x,
            y,
            size,
            weight,
            color,
            align,
            text: text.to_owned(),
        }
    }
    pub fn fill(rect: Rect, color: Rgb) -> Self {
        Draw::Rect {
            rect,
            fill: Some(color),
            stroke: None,
        }
    }
    pub fn line(x1: f32, y1: f32, x2: f32, y2: f32, stroke: Stroke) -> Self {
        Draw::Line {
            points: vec![(x1, y1), (x2, y2)],
            stroke,
        }
    }

    /// Moves the item by (dx, dy).
    pub fn translate(&mut self, dx: f32, dy: f32) {
        match self {
            Draw::Text { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Draw::Rect { rect, .. } | Draw::Link { rect, .. } | Draw::Logo { rect } => {
                rect.x += dx;
                rect.y += dy;
            }
            Draw::Line { points, .. } | Draw::Polygon { points, .. } => {
                for p in points {
                    p.0 += dx;
                    p.1 += dy;
                }
            }
        }
    }
}

/// A circle approximated by a polygon (enough points to look round at print sizes).
pub fn circle(cx: f32, cy: f32, r: f32, fill: Option<Rgb>, stroke: Option<Stroke>) -> Draw {
    let n = 28;
    let points = (0..n)
        .map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    Draw::Polygon {
        points,
        fill,
        stroke,
    }
}

/// A diamond (milestone marker) centred on (cx, cy).
pub fn diamond(cx: f32, cy: f32, r: f32, fill: Option<Rgb>, stroke: Option<Stroke>) -> Draw {
    Draw::Polygon {
        points: vec![(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)],
        fill,
        stroke,
    }
}
