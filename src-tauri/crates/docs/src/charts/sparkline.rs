//! A KPI's trend in the space of a table row: its measurements as a small line, the target as
//! a faint line across.

use crate::draw::{circle, Draw, Rect, Stroke};
use crate::style;

/// The measurements, as (time, value) pairs in any units (time ascending), and the target.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sparkline {
    pub points: Vec<(f64, f64)>,
    pub target: Option<f64>,
}

/// Where the line's points and the target line fall in a box.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub points: Vec<(f32, f32)>,
    pub target_y: Option<f32>,
}

/// Space kept free at the box's edges, so the line and its dots are not clipped.
const PAD: f32 = 1.5;

/// Scales the finite measurements and the target into `rect` (y down): time across the width,
/// values from the lowest (bottom) to the highest (top) of the measurements and the target. A
/// single measurement sits in the middle of the width; equal values in the middle of the height.
pub fn geometry(s: &Sparkline, rect: Rect) -> Geometry {
    let pts: Vec<(f64, f64)> = s
        .points
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    let target = s.target.filter(|t| t.is_finite());
    if pts.is_empty() {
        return Geometry {
            points: Vec::new(),
            target_y: None,
        };
    }
    let inner = rect.inset(PAD);
    let (x0, x1) = pts
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (x, _)| {
            (a.min(*x), b.max(*x))
        });
    let (y0, y1) = pts
        .iter()
        .map(|(_, y)| *y)
        .chain(target)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
            (a.min(y), b.max(y))
        });
    let fx = |x: f64| -> f32 {
        if x1 - x0 > 0.0 {
            inner.x + ((x - x0) / (x1 - x0)) as f32 * inner.w
        } else {
            inner.x + inner.w / 2.0
        }
    };
    let fy = |y: f64| -> f32 {
        if y1 - y0 > 0.0 {
            inner.bottom() - ((y - y0) / (y1 - y0)) as f32 * inner.h
        } else {
            inner.y + inner.h / 2.0
        }
    };
    Geometry {
        points: pts.iter().map(|(x, y)| (fx(*x), fy(*y))).collect(),
        target_y: target.map(fy),
    }
}

/// Draws the trend in `rect`: nothing without measurements, a dot for one, a line (and a dot
/// on the latest) for more; the target as a faint dashed line.
pub fn draw(s: &Sparkline, rect: Rect, color: crate::draw::Rgb) -> Vec<Draw> {
    let g = geometry(s, rect);
    let mut out = Vec::new();
    if g.points.is_empty() {
        return out;
    }
    if let Some(y) = g.target_y {
        out.push(Draw::line(
            rect.x,
            y,
            rect.right(),
            y,
            Stroke::dashed(style::RULE, 0.6, 1.5, 1.5),
        ));
    }
    if g.points.len() > 1 {
        out.push(Draw::Line {
            points: g.points.clone(),
            stroke: Stroke::solid(color, 1.0),
        });
    }
    if let Some(&(x, y)) = g.points.last() {
        out.push(circle(x, y, 1.4, Some(color), None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: Rect = Rect::new(10.0, 20.0, 50.0, 16.0);

    fn inside(g: &Geometry) -> bool {
        g.points.iter().all(|(x, y)| BOX.contains(*x, *y))
            && g.target_y.is_none_or(|y| BOX.contains(BOX.x, y))
    }

    #[test]
    fn no_measurement_draws_nothing_and_one_is_a_dot_in_the_middle() {
        let none = Sparkline {
            points: Vec::new(),
            target: Some(5.0),
        };
        assert!(draw(&none, BOX, style::ACCENT).is_empty());
        let one = Sparkline {
            points: vec![(3.0, 4.0)],
            target: None,
        };
        let g = geometry(&one, BOX);
        assert_eq!(g.points, vec![(35.0, 28.0)]);
        assert_eq!(draw(&one, BOX, style::ACCENT).len(), 1);
    }

    #[test]
    fn many_measurements_span_the_box_with_the_target_at_its_height() {
        let s = Sparkline {
            points: vec![(0.0, 10.0), (1.0, 20.0), (3.0, 15.0)],
            target: Some(30.0),
        };
        let g = geometry(&s, BOX);
        assert!(inside(&g));
        let inner = BOX.inset(PAD);
        // Time across the width, the target the highest value (top), 10 the lowest (bottom).
        assert!((g.points[0].0 - inner.x).abs() < 0.01);
        assert!((g.points[2].0 - inner.right()).abs() < 0.01);
        assert!((g.points[0].1 - inner.bottom()).abs() < 0.01);
        assert!((g.target_y.unwrap() - inner.y).abs() < 0.01);
        assert!((g.points[1].1 - (inner.bottom() - inner.h / 2.0)).abs() < 0.01);
    }

    #[test]
    fn equal_and_negative_values_stay_inside() {
        let flat = Sparkline {
            points: vec![(0.0, 7.0), (1.0, 7.0)],
            target: None,
        };
        let g = geometry(&flat, BOX);
        assert!(inside(&g));
        assert_eq!(g.points[0].1, g.points[1].1);
        let negative = Sparkline {
            points: vec![(0.0, -40.0), (1.0, -5.0), (2.0, f64::NAN)],
            target: Some(-20.0),
        };
        let g = geometry(&negative, BOX);
        assert_eq!(g.points.len(), 2);
        assert!(inside(&g));
        // -5 is the highest: at the top; the target between.
        assert!(g.points[1].1 < g.target_y.unwrap() && g.target_y.unwrap() < g.points[0].1);
    }
}
