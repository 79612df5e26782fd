//! Risk heat-map: likelihood (rows, highest at the top) by impact (columns), with a count in
//! each cell, shaded by likelihood times impact.

use crate::charts::{line_or_mark, Key};
use crate::draw::{Align, Draw, Rect, Stroke, Weight};
use crate::fonts::Fonts;
use crate::style;

#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap {
    /// Likelihood levels from lowest to highest.
    pub likelihood: Vec<String>,
    /// Impact levels from lowest to highest.
    pub impact: Vec<String>,
    /// counts[likelihood][impact].
    pub counts: Vec<Vec<u32>>,
}

impl HeatMap {
    /// The usual 5x5 matrix with no scenarios placed yet.
    pub fn five_by_five() -> Self {
        Self {
            likelihood: ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
                .map(String::from)
                .to_vec(),
            impact: ["Minimal", "Minor", "Moderate", "Major", "Severe"]
                .map(String::from)
                .to_vec(),
            counts: vec![vec![0; 5]; 5],
        }
    }
}

/// The cell for likelihood `l` and impact `i` (both 0-based from lowest) in `plot`.
pub fn cell_rect(l: usize, i: usize, rows: usize, cols: usize, plot: Rect) -> Rect {
    let (rows, cols) = (rows.max(1), cols.max(1));
    let cw = plot.w / cols as f32;
    let ch = plot.h / rows as f32;
    Rect::new(
        plot.x + i as f32 * cw,
        plot.y + (rows - 1 - l.min(rows - 1)) as f32 * ch,
        cw,
        ch,
    )
}

/// Severity from 0 to 1: the product of both positions.
pub fn severity(l: usize, i: usize, rows: usize, cols: usize) -> f32 {
    ((l + 1) * (i + 1)) as f32 / (rows.max(1) * cols.max(1)) as f32
}

pub fn draw(fonts: &Fonts, chart: &HeatMap, rect: Rect, key: &mut Key) -> Vec<Draw> {
    let mut out = Vec::new();
    let rows = chart.likelihood.len().max(1);
    let cols = chart.impact.len().max(1);
    let label_w = 84.0;
    let plot_w = (rect.w - label_w - 16.0).min(cols as f32 * 70.0).max(10.0);
    let plot = Rect::new(
        rect.x + label_w + 16.0,
        rect.y + 14.0,
        plot_w,
        (rect.h - 50.0).max(10.0),
    );
    for l in 0..rows {
        for i in 0..cols {
            let cell = cell_rect(l, i, rows, cols, plot);
            let sev = severity(l, i, rows, cols);
            let fill = style::accent_scale(sev * 0.95);
            out.push(Draw::Rect {
                rect: cell,
                fill: Some(fill),
                stroke: Some(Stroke::solid(style::WHITE, 1.5)),
            });
            let count = chart
                .counts
                .get(l)
                .and_then(|r| r.get(i))
                .copied()
                .unwrap_or(0);
            if count > 0 {
                let color = if sev > 0.35 { style::WHITE } else { style::INK };
                let (cx, _) = cell.centre();
                out.push(Draw::text_aligned(
                    cx,
                    style::centred_baseline(cell.y, cell.h, 11.0),
                    11.0,
                    Weight::Bold,
                    color,
                    Align::Centre,
                    &count.to_string(),
                ));
            }
        }
    }
    for (l, name) in chart.likelihood.iter().enumerate().take(rows) {
        let cell = cell_rect(l, 0, rows, cols, plot);
        let (label, size) = line_or_mark(
            fonts,
            &crate::text::clean_line(name),
            Weight::Regular,
            (style::SMALL_SIZE, style::SMALL_SIZE - 1.5),
            label_w - 4.0,
            key,
        );
        out.push(Draw::text_aligned(
            plot.x - 6.0,
            style::centred_baseline(cell.y, cell.h, size),
            size,
            Weight::Regular,
            style::TEXT,
            Align::Right,
            &label,
        ));
    }
    for (i, name) in chart.impact.iter().enumerate().take(cols) {
        let cell = cell_rect(0, i, rows, cols, plot);
        let (label, size) = line_or_mark(
            fonts,
            &crate::text::clean_line(name),
            Weight::Regular,
            (style::SMALL_SIZE, style::SMALL_SIZE - 1.5),
            cell.w - 2.0,
            key,
        );
        out.push(Draw::text_aligned(
            cell.x + cell.w / 2.0,
            plot.bottom() + 11.0,
            size,
            Weight::Regular,
            style::TEXT,
            Align::Centre,
            &label,
        ));
    }
    out.push(Draw::text_aligned(
        plot.x + plot.w / 2.0,
        plot.bottom() + 27.0,
        style::SMALL_SIZE,
        Weight::Bold,
        style::INK,
        Align::Centre,
        "Impact →",
    ));
    out.push(Draw::text_aligned(
        plot.x - 6.0,
        plot.y - 5.0,
        style::SMALL_SIZE,
        Weight::Bold,
        style::INK,
        Align::Right,
        "Likelihood ↑",
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::shipped;

    #[test]
    fn highest_likelihood_is_the_top_row() {
        let plot = Rect::new(0.0, 0.0, 500.0, 250.0);
        assert_eq!(
            cell_rect(4, 0, 5, 5, plot),
            Rect::new(0.0, 0.0, 100.0, 50.0)
        );
        assert_eq!(
            cell_rect(0, 4, 5, 5, plot),
            Rect::new(400.0, 200.0, 100.0, 50.0)
        );
        assert_eq!(severity(4, 4, 5, 5), 1.0);
        assert!(severity(0, 0, 5, 5) < severity(1, 0, 5, 5));
    }

    #[test]
    fn counts_are_printed_and_everything_fits() {
        let mut h = HeatMap::five_by_five();
        h.counts[4][4] = 2;
        h.counts[1][2] = 7;
        let r = Rect::new(0.0, 0.0, 460.0, 230.0);
        let d = draw(shipped().unwrap(), &h, r, &mut Key::default());
        assert!(crate::charts::all_inside(&d, r));
        let texts: Vec<&str> = d
            .iter()
            .filter_map(|d| match d {
                Draw::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&"2") && texts.contains(&"7"));
    }
}
