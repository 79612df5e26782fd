//! Charts as vector graphics. Each chart is plain data plus a function that draws it into a
//! rectangle; they share the house palette and type.

pub mod bars;
pub mod grid;
pub mod heatmap;
pub mod progress;
pub mod radar;
pub mod sparkline;
pub mod timeline;

use crate::draw::{Draw, Rect, Weight};
use crate::fonts::Fonts;

pub use bars::{Bar, BarChart};
pub use grid::{GridPoint, QuadrantChart};
pub use heatmap::HeatMap;
pub use progress::{KpiBar, KpiBars, Progress, ProgressList, Tone};
pub use radar::{RadarChart, RadarSeries};
pub use timeline::{Milestone, Timeline, TimelineBar, TimelinePhase};

/// Any chart a document can show.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Bars(BarChart),
    Radar(RadarChart),
    Quadrant(QuadrantChart),
    HeatMap(HeatMap),
    Timeline(Timeline),
    Progress(ProgressList),
    KpiProgress(KpiBars),
}

/// Draws `chart` inside `rect`. A name too long for its place in the chart is drawn as a
/// number ("[1]") and listed in full in the key, which the caller prints under the chart.
pub fn draw(fonts: &Fonts, chart: &Chart, rect: Rect) -> (Vec<Draw>, Key) {
    let mut key = Key::default();
    let draws = match chart {
        Chart::Bars(c) => bars::draw(fonts, c, rect, &mut key),
        Chart::Radar(c) => radar::draw(fonts, c, rect, &mut key),
        Chart::Quadrant(c) => grid::draw(fonts, c, rect, &mut key),
        Chart::HeatMap(c) => heatmap::draw(fonts, c, rect, &mut key),
        Chart::Timeline(c) => timeline::draw(fonts, c, rect),
        Chart::Progress(c) => progress::draw(fonts, c, rect, &mut key),
        Chart::KpiProgress(c) => progress::draw_kpis(fonts, c, rect, &mut key),
    };
    (draws, key)
}

/// The least height `chart` needs in a column `width` wide for every name to print whole
/// (wrapped); 0 when any height will do. Capped at `cap`: beyond it names go to the key.
pub fn min_height(fonts: &Fonts, chart: &Chart, width: f32, cap: f32) -> f32 {
    let h = match chart {
        Chart::Bars(c) => bars::min_height(fonts, c, width),
        Chart::KpiProgress(c) => progress::kpis_min_height(fonts, c, width),
        _ => 0.0,
    };
    h.min(cap)
}

/// Names that do not fit their place in a chart, in the order their numbers were given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Key(pub Vec<String>);

impl Key {
    /// Lists `text` in the key and returns the number that stands for it in the chart.
    pub fn mark(&mut self, text: &str) -> String {
        self.0.push(text.to_owned());
        Self::number(self.0.len())
    }

    fn number(n: usize) -> String {
        format!("[{n}]")
    }

    /// The key's entries as lines to print under the chart: "[1] Full name".
    pub fn entries(&self) -> Vec<String> {
        self.0
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{} {t}", Self::number(i + 1)))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A one-line label in `width`: whole at `size`, or a little smaller down to `min_size`; when
/// it fits neither, its number in `key`. The text and the size to set it at.
pub fn line_or_mark(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    (size, min_size): (f32, f32),
    width: f32,
    key: &mut Key,
) -> (String, f32) {
    let mut s = size;
    while s >= min_size {
        if fonts.width(text, weight, s) <= width + 0.01 {
            return (text.to_owned(), s);
        }
        s -= 0.5;
    }
    (key.mark(text), size)
}

/// A label wrapped in a box `width` × `height` ([`fit_label`]), or its number in `key` when it
/// fits no way: the lines, their size and leading.
pub fn label_or_mark(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    sizes: (f32, f32),
    (width, height): (f32, f32),
    key: &mut Key,
) -> (Vec<String>, f32, f32) {
    fit_label(fonts, text, weight, sizes, width, height)
        .unwrap_or_else(|| (vec![key.mark(text)], sizes.0, sizes.0 * 1.15))
}

/// A "nice" axis maximum at or above `v` (1, 2, 2.5, 5 times a power of ten).
pub fn nice_max(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * p >= v - 1e-9 {
            return m * p;
        }
    }
    10.0 * p
}

pub use groundwork_core::text::figure as format_number;

/// A label wrapped to `width` in as few lines as fit `height`, stepping the type down from
/// `size` to no less than `min_size`: the lines, their size and leading; `None` when it fits
/// no way, and the caller lists it in the chart's [`Key`].
pub fn fit_label(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    (size, min_size): (f32, f32),
    width: f32,
    height: f32,
) -> Option<(Vec<String>, f32, f32)> {
    let mut s = size;
    while s >= min_size {
        let lines = crate::text::wrap_line(fonts, text, weight, s, width);
        let leading = s * 1.15;
        let whole = lines
            .iter()
            .all(|l| fonts.width(l, weight, s) <= width + 0.01);
        if whole && lines.len() as f32 * leading <= height {
            return Some((lines, s, leading));
        }
        s -= 0.5;
    }
    None
}

/// Every draw lies inside `rect` (text by its anchor point): used by the charts' tests.
#[cfg(test)]
pub fn all_inside(draws: &[Draw], rect: Rect) -> bool {
    draws.iter().all(|d| match d {
        Draw::Text { x, y, .. } => rect.contains(*x, *y),
        Draw::Rect { rect: r, .. } | Draw::Link { rect: r, .. } | Draw::Logo { rect: r } => {
            rect.contains(r.x, r.y) && rect.contains(r.right(), r.bottom())
        }
        Draw::Line { points, .. } | Draw::Polygon { points, .. } => {
            points.iter().all(|p| rect.contains(p.0, p.1))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_too_long_get_numbers_and_the_key_keeps_them_whole() {
        let f = crate::fonts::shipped().unwrap();
        let mut key = Key::default();
        let (t, s) = line_or_mark(f, "Short", Weight::Regular, (9.0, 7.0), 100.0, &mut key);
        assert_eq!((t.as_str(), s), ("Short", 9.0));
        let long = "word ".repeat(60);
        let (t, _) = line_or_mark(f, &long, Weight::Regular, (9.0, 7.0), 100.0, &mut key);
        assert_eq!(t, "[1]");
        let (lines, _, _) =
            label_or_mark(f, &long, Weight::Bold, (9.0, 7.0), (100.0, 20.0), &mut key);
        assert_eq!(lines, vec!["[2]".to_owned()]);
        assert_eq!(
            key.entries(),
            vec![format!("[1] {long}"), format!("[2] {long}")]
        );
    }

    #[test]
    fn nice_maxima() {
        assert_eq!(nice_max(7.0), 10.0);
        assert_eq!(nice_max(10.0), 10.0);
        assert_eq!(nice_max(21.0), 25.0);
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(f64::NAN), 1.0);
        assert_eq!(nice_max(340.0), 500.0);
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(0.25), "0.25");
    }
}
