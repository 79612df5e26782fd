//! Charts as vector graphics. Each chart is plain data plus a function that draws it into a
//! rectangle; they share the house palette and type.

pub mod bars;
pub mod grid;
pub mod heatmap;
pub mod progress;
pub mod radar;
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

/// Draws `chart` inside `rect`.
pub fn draw(fonts: &Fonts, chart: &Chart, rect: Rect) -> Vec<Draw> {
    match chart {
        Chart::Bars(c) => bars::draw(fonts, c, rect),
        Chart::Radar(c) => radar::draw(fonts, c, rect),
        Chart::Quadrant(c) => grid::draw(fonts, c, rect),
        Chart::HeatMap(c) => heatmap::draw(fonts, c, rect),
        Chart::Timeline(c) => timeline::draw(fonts, c, rect),
        Chart::Progress(c) => progress::draw(fonts, c, rect),
        Chart::KpiProgress(c) => progress::draw_kpis(fonts, c, rect),
    }
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
/// no way, and the caller shortens it.
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
        Draw::Rect { rect: r, .. } | Draw::Link { rect: r, .. } => {
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
