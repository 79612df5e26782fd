//! A 2x2 grid with labelled points: power/interest, value/effort.

use crate::charts::{line_or_mark, Key};
use crate::draw::{circle, Align, Draw, Rect, Stroke, Weight};
use crate::fonts::Fonts;
use crate::style;

#[derive(Debug, Clone, PartialEq)]
pub struct GridPoint {
    pub label: String,
    /// 0 (left) to 1 (right).
    pub x: f64,
    /// 0 (bottom) to 1 (top).
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuadrantChart {
    pub x_label: String,
    pub y_label: String,
    /// Top-left, top-right, bottom-left, bottom-right.
    pub quadrants: [String; 4],
    pub points: Vec<GridPoint>,
}

/// Where a point in unit coordinates (y up) lands in `plot` (y down).
pub fn to_plot(x: f64, y: f64, plot: Rect) -> (f32, f32) {
    let fx = if x.is_finite() {
        x.clamp(0.0, 1.0) as f32
    } else {
        0.5
    };
    let fy = if y.is_finite() {
        y.clamp(0.0, 1.0) as f32
    } else {
        0.5
    };
    (plot.x + fx * plot.w, plot.bottom() - fy * plot.h)
}

pub fn draw(fonts: &Fonts, chart: &QuadrantChart, rect: Rect, key: &mut Key) -> Vec<Draw> {
    let mut out = Vec::new();
    let side = (rect.h - 44.0).min(rect.w - 160.0).max(20.0);
    let plot = Rect::new(rect.x + (rect.w - side) / 2.0, rect.y + 14.0, side, side);
    let (mx, my) = plot.centre();
    // Quadrants: the top-right one (high/high) tinted.
    out.push(Draw::fill(
        Rect::new(plot.x, plot.y, side / 2.0, side / 2.0),
        style::PANEL,
    ));
    out.push(Draw::fill(
        Rect::new(mx, plot.y, side / 2.0, side / 2.0),
        style::ACCENT_TINT,
    ));
    out.push(Draw::fill(
        Rect::new(plot.x, my, side / 2.0, side / 2.0),
        style::PANEL.mix(style::WHITE, 0.5),
    ));
    out.push(Draw::fill(
        Rect::new(mx, my, side / 2.0, side / 2.0),
        style::PANEL,
    ));
    out.push(Draw::Rect {
        rect: plot,
        fill: None,
        stroke: Some(Stroke::solid(style::RULE, 0.7)),
    });
    out.push(Draw::line(
        mx,
        plot.y,
        mx,
        plot.bottom(),
        Stroke::solid(style::WHITE, 2.0),
    ));
    out.push(Draw::line(
        plot.x,
        my,
        plot.right(),
        my,
        Stroke::solid(style::WHITE, 2.0),
    ));
    // Quadrant names outside the plot so points never hide them: top ones above, bottom
    // ones below; axis titles below (x) and to the left (y).
    let q = &chart.quadrants;
    let qs = style::SMALL_SIZE - 0.5;
    let qw = side / 2.0 - 30.0;
    let mut corner = |s: &str| {
        let name = crate::text::clean_line(s).to_uppercase();
        line_or_mark(fonts, &name, Weight::Bold, (qs, qs - 1.5), qw, key)
    };
    let corners = [
        (plot.x, plot.y - 5.0, style::MUTED, Align::Left),
        (plot.right(), plot.y - 5.0, style::ACCENT_DARK, Align::Right),
        (plot.x, plot.bottom() + 11.0, style::MUTED, Align::Left),
        (
            plot.right(),
            plot.bottom() + 11.0,
            style::MUTED,
            Align::Right,
        ),
    ];
    for (name, (x, y, color, align)) in q.iter().zip(corners) {
        let (name, size) = corner(name);
        out.push(Draw::text_aligned(
            x,
            y,
            size,
            Weight::Bold,
            color,
            align,
            &name,
        ));
    }
    let (x_title, size) = line_or_mark(
        fonts,
        &format!("{} →", crate::text::clean_line(&chart.x_label)),
        Weight::Bold,
        (style::SMALL_SIZE, style::SMALL_SIZE - 1.5),
        side * 0.8,
        key,
    );
    out.push(Draw::text_aligned(
        mx,
        plot.bottom() + 24.0,
        size,
        Weight::Bold,
        style::INK,
        Align::Centre,
        &x_title,
    ));
    let (y_title, size) = line_or_mark(
        fonts,
        &format!("{} ↑", crate::text::clean_line(&chart.y_label)),
        Weight::Bold,
        (style::SMALL_SIZE, style::SMALL_SIZE - 1.5),
        (plot.x - rect.x - 8.0).max(0.0),
        key,
    );
    out.push(Draw::text_aligned(
        plot.x - 8.0,
        my + 3.0,
        size,
        Weight::Bold,
        style::INK,
        Align::Right,
        &y_title,
    ));
    // Points. Labels that would print over one placed before (two people at the same spot)
    // move down or up a line, whichever is free first.
    let mut placed: Vec<(f32, f32, f32)> = Vec::new();
    let dots: Vec<(f32, f32)> = chart
        .points
        .iter()
        .map(|p| to_plot(p.x, p.y, plot))
        .collect();
    for p in &chart.points {
        let (x, y) = to_plot(p.x, p.y, plot);
        out.push(circle(
            x,
            y,
            3.6,
            Some(style::ACCENT),
            Some(Stroke::solid(style::WHITE, 1.0)),
        ));
        // A name longer than the plot has room for beside its dot is numbered and listed in
        // full in the key under the chart.
        let (label, size) = line_or_mark(
            fonts,
            &crate::text::clean_line(&p.label),
            Weight::Regular,
            (style::SMALL_SIZE, style::SMALL_SIZE - 1.0),
            side * 0.4,
            key,
        );
        let w = fonts.width(&label, Weight::Regular, size);
        // Right of the dot when it fits the plot, else left; then the other side, a line
        // down or up, two lines: the first place where it covers no label and no other dot.
        let right_side = (x + 6.0, Align::Left, x + 6.0, x + 6.0 + w);
        let left_side = (x - 6.0, Align::Right, x - 6.0 - w, x - 6.0);
        let sides = if x + 6.0 + w > plot.right() {
            [left_side, right_side]
        } else {
            [right_side, left_side]
        };
        let line = style::SMALL_SIZE + 1.5;
        let free = |ly: f32, left: f32, right: f32| {
            left >= plot.x - 1.0
                && right <= plot.right() + 1.0
                && ly - style::SMALL_SIZE >= plot.y
                && ly <= plot.bottom()
                && placed
                    .iter()
                    .all(|(l, r, py)| (ly - py).abs() >= line || *r <= left || *l >= right)
                && dots.iter().all(|(dx, dy)| {
                    (*dx == x && *dy == y)
                        || *dx + 4.0 <= left
                        || *dx - 4.0 >= right
                        || (ly - 2.6 - dy).abs() >= line
                })
        };
        let first = sides[0];
        let (lx, align, left, right, ly) = [0.0, 1.0, -1.0, 2.0, -2.0]
            .iter()
            .flat_map(|k| sides.iter().map(move |s| (k, *s)))
            .map(|(k, (lx, align, l, r))| (lx, align, l, r, y + 2.6 + k * line))
            .find(|(_, _, l, r, ly)| free(*ly, *l, *r))
            .unwrap_or((first.0, first.1, first.2, first.3, y + 2.6));
        placed.push((left, right, ly));
        out.push(Draw::text_aligned(
            lx,
            ly,
            size,
            Weight::Regular,
            style::INK,
            align,
            &label,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::shipped;

    #[test]
    fn unit_coordinates_map_with_y_up() {
        let plot = Rect::new(10.0, 10.0, 100.0, 100.0);
        assert_eq!(to_plot(0.0, 0.0, plot), (10.0, 110.0));
        assert_eq!(to_plot(1.0, 1.0, plot), (110.0, 10.0));
        assert_eq!(to_plot(2.0, -1.0, plot), (110.0, 110.0));
        assert_eq!(to_plot(f64::NAN, 0.5, plot), (60.0, 60.0));
    }

    #[test]
    fn points_and_labels_stay_inside() {
        let chart = QuadrantChart {
            x_label: "Interest".into(),
            y_label: "Power".into(),
            quadrants: [
                "Keep satisfied",
                "Manage closely",
                "Monitor",
                "Keep informed",
            ]
            .map(String::from),
            points: vec![
                GridPoint {
                    label: "Head of product".into(),
                    x: 0.95,
                    y: 0.9,
                },
                GridPoint {
                    label: "Members".into(),
                    x: 0.2,
                    y: 0.1,
                },
            ],
        };
        let r = Rect::new(0.0, 0.0, 460.0, 300.0);
        let d = draw(shipped().unwrap(), &chart, r, &mut Key::default());
        assert!(crate::charts::all_inside(&d, r));
        // The label near the right edge is right-aligned to stay inside the plot.
        assert!(d.iter().any(|d| matches!(d, Draw::Text { align: Align::Right, text, .. } if text == "Head of product")));
    }

    #[test]
    fn people_at_the_same_spot_get_labels_on_separate_lines() {
        let point = |label: &str| GridPoint {
            label: label.into(),
            x: 0.5,
            y: 0.5,
        };
        let chart = QuadrantChart {
            x_label: "Interest".into(),
            y_label: "Power".into(),
            quadrants: ["a", "b", "c", "d"].map(String::from),
            points: vec![
                point("Jonas Vik"),
                point("Lucía Ferrer"),
                point("Priya Raman"),
            ],
        };
        let r = Rect::new(0.0, 0.0, 460.0, 300.0);
        let d = draw(shipped().unwrap(), &chart, r, &mut Key::default());
        let f = shipped().unwrap();
        let boxes: Vec<(f32, f32, f32)> = d
            .iter()
            .filter_map(|d| match d {
                Draw::Text {
                    text, x, y, align, ..
                } if ["Jonas Vik", "Lucía Ferrer", "Priya Raman"].contains(&text.as_str()) => {
                    let w = f.width(text, Weight::Regular, style::SMALL_SIZE);
                    Some(match align {
                        Align::Right => (x - w, *x, *y),
                        _ => (*x, x + w, *y),
                    })
                }
                _ => None,
            })
            .collect();
        assert_eq!(boxes.len(), 3, "{boxes:?}");
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = (a.2 - b.2).abs() >= style::SMALL_SIZE || a.1 <= b.0 || b.1 <= a.0;
                assert!(apart, "labels overlap: {boxes:?}");
            }
        }
    }
}
