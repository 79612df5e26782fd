//! Radar (profile) chart: one spoke per competency, one ring per maturity stage.

use crate::charts::{line_or_mark, Key};
use crate::draw::{circle, Align, Draw, Rect, Stroke, Weight};
use crate::fonts::Fonts;
use crate::style;

#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    pub name: String,
    /// One value per axis, from 0 to the number of levels.
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RadarChart {
    pub axes: Vec<String>,
    /// Ring labels from the centre outwards, e.g. the four maturity stages.
    pub levels: Vec<String>,
    /// The first series is filled; further ones (e.g. a target) are outlined.
    pub series: Vec<RadarSeries>,
}

/// The point at `fraction` of `radius` along spoke `i` of `n`, the first pointing up,
/// going clockwise.
pub fn spoke_point(cx: f32, cy: f32, radius: f32, i: usize, n: usize, fraction: f32) -> (f32, f32) {
    let n = n.max(1);
    let a = -std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * i as f32 / n as f32;
    (
        cx + radius * fraction * a.cos(),
        cy + radius * fraction * a.sin(),
    )
}

pub fn draw(fonts: &Fonts, chart: &RadarChart, rect: Rect, key: &mut Key) -> Vec<Draw> {
    let mut out = Vec::new();
    let n = chart.axes.len();
    if n < 3 {
        out.push(Draw::text_aligned(
            rect.x + rect.w / 2.0,
            rect.y + rect.h / 2.0,
            style::TABLE_SIZE,
            Weight::Regular,
            style::MUTED,
            Align::Centre,
            "A profile needs at least three competencies.",
        ));
        return out;
    }
    let levels = chart.levels.len().max(1);
    let legend_h = if chart.series.len() > 1 { 16.0 } else { 0.0 };
    let label_room_x = 96.0;
    // Room for two-line axis labels above the top spoke and below the bottom one.
    let label_room_y = 30.0;
    let radius =
        ((rect.w / 2.0 - label_room_x).min((rect.h - legend_h) / 2.0 - label_room_y)).max(10.0);
    let (cx, cy) = (rect.x + rect.w / 2.0, rect.y + (rect.h - legend_h) / 2.0);
    // Rings.
    for l in 1..=levels {
        let f = l as f32 / levels as f32;
        let ring: Vec<(f32, f32)> = (0..n)
            .map(|i| spoke_point(cx, cy, radius, i, n, f))
            .collect();
        let stroke = if l == levels {
            Stroke::solid(style::RULE, 0.7)
        } else {
            Stroke::solid(style::GRID, 0.6)
        };
        out.push(Draw::Polygon {
            points: ring,
            fill: None,
            stroke: Some(stroke),
        });
    }
    for i in 0..n {
        let (x, y) = spoke_point(cx, cy, radius, i, n, 1.0);
        out.push(Draw::line(cx, cy, x, y, Stroke::solid(style::GRID, 0.6)));
    }
    // Series.
    for (s, series) in chart.series.iter().enumerate() {
        let pts: Vec<(f32, f32)> = (0..n)
            .map(|i| {
                let v = series.values.get(i).copied().unwrap_or(0.0);
                let f = if v.is_finite() {
                    (v / levels as f64).clamp(0.0, 1.0) as f32
                } else {
                    0.0
                };
                spoke_point(cx, cy, radius, i, n, f)
            })
            .collect();
        if s == 0 {
            out.push(Draw::Polygon {
                points: pts.clone(),
                fill: Some(style::ACCENT_TINT),
                stroke: Some(Stroke::solid(style::ACCENT, 1.6)),
            });
            for &(x, y) in &pts {
                out.push(circle(x, y, 2.4, Some(style::ACCENT), None));
            }
        } else {
            out.push(Draw::Polygon {
                points: pts,
                fill: None,
                stroke: Some(Stroke::dashed(style::MUTED, 1.0, 3.0, 2.0)),
            });
        }
    }
    // Ring labels along the first spoke.
    for (l, name) in chart.levels.iter().enumerate() {
        let (x, y) = spoke_point(cx, cy, radius, 0, n, (l + 1) as f32 / levels as f32);
        let (label, size) = line_or_mark(
            fonts,
            &crate::text::clean_line(name),
            Weight::Regular,
            (style::SMALL_SIZE - 1.0, style::SMALL_SIZE - 2.0),
            70.0,
            key,
        );
        out.push(Draw::text(
            x + 3.0,
            y + 7.0,
            size,
            Weight::Regular,
            style::MUTED,
            &label,
        ));
    }
    // Axis labels outside the outer ring, on up to two lines, a little smaller if need be; a
    // name longer than that is numbered and listed in full in the key.
    let leading = style::SMALL_SIZE + 2.0;
    for (i, axis) in chart.axes.iter().enumerate() {
        let (x, y) = spoke_point(cx, cy, radius + 8.0, i, n, 1.0);
        let dx = x - cx;
        let align = if dx.abs() < radius * 0.15 {
            Align::Centre
        } else if dx > 0.0 {
            Align::Left
        } else {
            Align::Right
        };
        let name = crate::text::clean_line(axis);
        let (lines, size) = [0.0, 0.5, 1.0, 1.5]
            .iter()
            .map(|d| style::SMALL_SIZE - d)
            .map(|s| {
                let lines =
                    crate::text::wrap_line(fonts, &name, Weight::Bold, s, label_room_x - 6.0);
                (lines, s)
            })
            .find(|(lines, _)| lines.len() <= 2)
            .unwrap_or_else(|| (vec![key.mark(&name)], style::SMALL_SIZE));
        let extra = (lines.len().max(1) - 1) as f32 * leading;
        let dy = y - cy;
        // The first line's baseline: above the spoke's end at the top, below it at the
        // bottom, centred on it at the sides.
        let first = if dy < -radius * 0.5 {
            y - 2.0 - extra
        } else if dy > radius * 0.5 {
            y + 8.0
        } else {
            y + 3.0 - extra / 2.0
        };
        for (k, line) in lines.iter().enumerate() {
            out.push(Draw::text_aligned(
                x,
                first + k as f32 * leading,
                size,
                Weight::Bold,
                style::INK,
                align,
                line,
            ));
        }
    }
    // Legend.
    if chart.series.len() > 1 {
        let y = rect.bottom() - 4.0;
        let mut x = rect.x + rect.w / 2.0 - 90.0;
        for (s, series) in chart.series.iter().enumerate().take(3) {
            let stroke = if s == 0 {
                Stroke::solid(style::ACCENT, 2.0)
            } else {
                Stroke::dashed(style::MUTED, 1.0, 3.0, 2.0)
            };
            out.push(Draw::line(x, y - 3.0, x + 16.0, y - 3.0, stroke));
            let (name, size) = line_or_mark(
                fonts,
                &crate::text::clean_line(&series.name),
                Weight::Regular,
                (style::SMALL_SIZE, style::SMALL_SIZE - 1.5),
                76.0,
                key,
            );
            out.push(Draw::text(
                x + 20.0,
                y,
                size,
                Weight::Regular,
                style::TEXT,
                &name,
            ));
            x += 100.0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::shipped;

    #[test]
    fn spokes_start_at_the_top_and_go_clockwise() {
        let (x, y) = spoke_point(100.0, 100.0, 50.0, 0, 4, 1.0);
        assert!((x - 100.0).abs() < 0.01 && (y - 50.0).abs() < 0.01);
        let (x, y) = spoke_point(100.0, 100.0, 50.0, 1, 4, 1.0);
        assert!((x - 150.0).abs() < 0.01 && (y - 100.0).abs() < 0.01);
        let (x, y) = spoke_point(100.0, 100.0, 50.0, 2, 4, 0.5);
        assert!((x - 100.0).abs() < 0.01 && (y - 125.0).abs() < 0.01);
    }

    #[test]
    fn eight_competencies_on_four_stages_stay_in_the_rectangle() {
        let chart = RadarChart {
            axes: (1..=8).map(|i| format!("Competency {i}")).collect(),
            levels: ["Ad hoc", "Emerging", "Defined", "Leading"]
                .map(String::from)
                .to_vec(),
            series: vec![
                RadarSeries {
                    name: "Today".into(),
                    values: vec![1.0, 2.0, 3.0, 4.0, 2.5, 1.5, 3.0, 9.0],
                },
                RadarSeries {
                    name: "Target".into(),
                    values: vec![3.0; 8],
                },
            ],
        };
        let r = Rect::new(0.0, 0.0, 460.0, 260.0);
        let d = draw(shipped().unwrap(), &chart, r, &mut Key::default());
        let polygons = d
            .iter()
            .filter(|d| matches!(d, Draw::Polygon { .. }))
            .count();
        assert!(polygons >= 4 + 2, "rings and series");
        // Geometry (everything but text anchors, which sit just outside the rings) inside.
        let shapes: Vec<Draw> = d
            .into_iter()
            .filter(|d| !matches!(d, Draw::Text { .. }))
            .collect();
        assert!(crate::charts::all_inside(&shapes, r));
    }
}
