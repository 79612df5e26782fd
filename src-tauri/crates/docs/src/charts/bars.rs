//! Horizontal bar chart: one labelled bar per value, on a light grid.

use crate::charts::{format_number, nice_max, Key};
use crate::draw::{Align, Draw, Rect, Stroke, Weight};
use crate::fonts::Fonts;
use crate::style;

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub bars: Vec<Bar>,
    /// Axis maximum; `None` picks a round number above the largest value.
    pub max: Option<f64>,
    /// Appended to value labels, e.g. "%".
    pub unit: String,
}

/// Length of a bar for `value` on a track of `track` points (clamped to the track).
pub fn bar_length(value: f64, max: f64, track: f32) -> f32 {
    if max.is_nan() || max <= 0.0 || !value.is_finite() {
        return 0.0;
    }
    ((value / max).clamp(0.0, 1.0) as f32) * track
}

/// The axis' height under the bars.
const AXIS_H: f32 = 14.0;

/// The names' column in a chart `width` wide.
fn label_width(width: f32) -> f32 {
    (width * 0.3).min(170.0)
}

/// The height the chart needs for every name to print whole, wrapped at full size.
pub fn min_height(fonts: &Fonts, chart: &BarChart, width: f32) -> f32 {
    let label_w = label_width(width);
    let leading = style::TABLE_SIZE * 1.15;
    let band = chart
        .bars
        .iter()
        .map(|b| {
            let name = crate::text::clean_line(&b.label);
            let lines =
                crate::text::wrap_line(fonts, &name, Weight::Regular, style::TABLE_SIZE, label_w);
            lines.len() as f32 * leading + 2.0
        })
        .fold(0.0, f32::max);
    chart.bars.len() as f32 * band + AXIS_H
}

pub fn draw(fonts: &Fonts, chart: &BarChart, rect: Rect, key: &mut Key) -> Vec<Draw> {
    let mut out = Vec::new();
    let n = chart.bars.len().max(1);
    let axis_h = AXIS_H;
    let label_w = label_width(rect.w);
    let value_w = 44.0;
    let track_x = rect.x + label_w + 8.0;
    let track_w = (rect.w - label_w - 8.0 - value_w).max(10.0);
    let band = ((rect.h - axis_h) / n as f32).max(1.0);
    let bar_h = (band * 0.56).min(16.0);
    let largest = chart.bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let max = chart
        .max
        .filter(|m| *m > 0.0)
        .unwrap_or_else(|| nice_max(largest));
    // Grid: quarters of the axis.
    for i in 0..=4 {
        let x = track_x + track_w * i as f32 / 4.0;
        out.push(Draw::line(
            x,
            rect.y,
            x,
            rect.bottom() - axis_h,
            Stroke::solid(style::GRID, 0.5),
        ));
        out.push(Draw::text_aligned(
            x,
            rect.bottom() - 3.0,
            style::SMALL_SIZE - 0.5,
            Weight::Regular,
            style::MUTED,
            Align::Centre,
            &format_number(max * f64::from(i) / 4.0),
        ));
    }
    for (i, bar) in chart.bars.iter().enumerate() {
        let top = rect.y + band * i as f32;
        let cy = top + band / 2.0;
        // The name whole, wrapped and set smaller if need be; a name that cannot fit its
        // band at all is numbered and listed in full in the key.
        let name = crate::text::clean_line(&bar.label);
        let (lines, size, leading) = super::label_or_mark(
            fonts,
            &name,
            Weight::Regular,
            (style::TABLE_SIZE, 6.0),
            (label_w, band - 1.0),
            key,
        );
        let block = lines.len() as f32 * leading;
        for (j, line) in lines.iter().enumerate() {
            out.push(Draw::text(
                rect.x,
                style::centred_baseline(cy - block / 2.0 + j as f32 * leading, leading, size),
                size,
                Weight::Regular,
                style::TEXT,
                line,
            ));
        }
        let len = bar_length(bar.value, max, track_w);
        out.push(Draw::fill(
            Rect::new(track_x, cy - bar_h / 2.0, track_w, bar_h),
            style::PANEL,
        ));
        if len > 0.0 {
            out.push(Draw::fill(
                Rect::new(track_x, cy - bar_h / 2.0, len, bar_h),
                style::ACCENT,
            ));
        }
        out.push(Draw::text(
            track_x + len + 5.0,
            style::centred_baseline(top, band, style::TABLE_SIZE),
            style::TABLE_SIZE,
            Weight::Bold,
            style::INK,
            &format!("{}{}", format_number(bar.value), chart.unit),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::shipped;

    #[test]
    fn lengths_are_proportional_and_clamped() {
        assert_eq!(bar_length(5.0, 10.0, 200.0), 100.0);
        assert_eq!(bar_length(20.0, 10.0, 200.0), 200.0);
        assert_eq!(bar_length(-3.0, 10.0, 200.0), 0.0);
        assert_eq!(bar_length(3.0, 0.0, 200.0), 0.0);
        assert_eq!(bar_length(f64::NAN, 10.0, 200.0), 0.0);
    }

    #[test]
    fn draws_inside_its_rectangle() {
        let chart = BarChart {
            bars: (0..6)
                .map(|i| Bar {
                    label: format!("Channel {i}"),
                    value: f64::from(i) * 7.0,
                })
                .collect(),
            max: None,
            unit: String::new(),
        };
        let r = Rect::new(10.0, 20.0, 400.0, 160.0);
        let mut key = Key::default();
        let d = draw(shipped().unwrap(), &chart, r, &mut key);
        assert!(crate::charts::all_inside(&d, r));
        assert!(!d.is_empty());
        assert!(key.is_empty());
    }

    #[test]
    fn a_long_name_grows_the_chart_and_one_too_long_goes_to_the_key() {
        let f = shipped().unwrap();
        let bar = |label: String| Bar { label, value: 3.0 };
        let long = "Community newsletter for regional volunteers ".repeat(4);
        let chart = BarChart {
            bars: vec![bar("Forum".into()), bar(long.clone())],
            max: None,
            unit: String::new(),
        };
        let h = min_height(f, &chart, 400.0);
        assert!(h > 2.0 * 24.0 + AXIS_H, "{h}");
        let r = Rect::new(0.0, 0.0, 400.0, h);
        let mut key = Key::default();
        let d = draw(f, &chart, r, &mut key);
        assert!(key.is_empty());
        let text: String = d
            .iter()
            .filter_map(|d| match d {
                Draw::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert!(!text.contains('…'));
        let huge = BarChart {
            bars: vec![bar("x ".repeat(5000))],
            max: None,
            unit: String::new(),
        };
        let mut key = Key::default();
        draw(f, &huge, Rect::new(0.0, 0.0, 400.0, 60.0), &mut key);
        assert_eq!(key.0, vec![crate::text::clean_line(&"x ".repeat(5000))]);
    }
}
