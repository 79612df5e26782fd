//! Table rows that know how to split between lines when a page ends inside them.

use crate::draw::{Align, Draw, Rect, Rgb, Stroke, Weight};
use crate::layout::row::Row;
use crate::layout::ColumnAlign;
use crate::style;

/// Where a column sits, relative to the content frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnGeometry {
    pub x: f32,
    pub w: f32,
    pub align: ColumnAlign,
    pub weight: Weight,
    pub color: Rgb,
}

/// Horizontal padding inside a cell.
pub const PAD_X: f32 = 6.0;

/// Shares `room` points of text width between columns, from what they hold: `mins` is each
/// column's widest unbreakable piece, `prefs` its width laid out unwrapped.
///
/// - When every column fits unwrapped, each gets its natural width and the room left over is
///   shared by the columns' `weights`.
/// - Else a column that fits unwrapped in an equal share of the room left (a status, a date, a
///   number) gets its natural width, so short values never wrap while long text has room, and
///   again with what is left, until no more do; the other columns share the rest the way CSS
///   sizes an automatic table: each its minimum, then the extra in proportion to how much more
///   each would take unwrapped (preferred − minimum).
/// - When even the minimums do not fit, they are scaled down together.
pub fn distribute(mins: &[f32], prefs: &[f32], weights: &[f32], room: f32) -> Vec<f32> {
    let n = mins.len();
    if n == 0 {
        return Vec::new();
    }
    let room = room.max(0.0);
    let sum_min: f32 = mins.iter().sum();
    if sum_min >= room {
        return if sum_min > 0.0 {
            mins.iter().map(|m| m * room / sum_min).collect()
        } else {
            vec![room / n as f32; n]
        };
    }
    let prefs: Vec<f32> = (0..n)
        .map(|i| prefs.get(i).copied().unwrap_or(0.0).max(mins[i]))
        .collect();
    let sum_pref: f32 = prefs.iter().sum();
    if sum_pref <= room {
        let weights: Vec<f32> = (0..n)
            .map(|i| weights.get(i).copied().unwrap_or(1.0).max(0.01))
            .collect();
        let sum_w: f32 = weights.iter().sum();
        return (0..n)
            .map(|i| prefs[i] + (room - sum_pref) * weights[i] / sum_w)
            .collect();
    }
    // Columns that fit unwrapped in an equal share of what is left get their natural width.
    let mut natural = vec![false; n];
    loop {
        let left = room
            - (0..n)
                .filter(|i| natural[*i])
                .map(|i| prefs[i])
                .sum::<f32>();
        let free = natural.iter().filter(|f| !**f).count().max(1);
        let share = left / free as f32;
        let newly: Vec<usize> = (0..n)
            .filter(|i| !natural[*i] && prefs[*i] <= share)
            .collect();
        let free_mins: f32 = (0..n)
            .filter(|i| !natural[*i] && !newly.contains(i))
            .map(|i| mins[i])
            .sum();
        let left_after = left - newly.iter().map(|i| prefs[*i]).sum::<f32>();
        if newly.is_empty() || free_mins > left_after {
            break;
        }
        for i in newly {
            natural[i] = true;
        }
    }
    let left = room
        - (0..n)
            .filter(|i| natural[*i])
            .map(|i| prefs[i])
            .sum::<f32>();
    let free_min: f32 = (0..n).filter(|i| !natural[*i]).map(|i| mins[i]).sum();
    let span: f32 = (0..n)
        .filter(|i| !natural[*i])
        .map(|i| prefs[i] - mins[i])
        .sum();
    (0..n)
        .map(|i| {
            if natural[i] {
                prefs[i]
            } else if span > 0.0 {
                mins[i] + (left - free_min) * (prefs[i] - mins[i]) / span
            } else {
                mins[i]
            }
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// Wrapped lines per cell.
    pub cells: Vec<Vec<String>>,
    pub columns: Vec<ColumnGeometry>,
    pub width: f32,
    pub size: f32,
    pub leading: f32,
    pub pad_y: f32,
    pub fill: Option<Rgb>,
    pub rule: Option<Stroke>,
}

impl TableRow {
    fn line_count(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(0).max(1)
    }

    pub fn height(&self) -> f32 {
        self.line_count() as f32 * self.leading + 2.0 * self.pad_y
    }

    /// The least height the row needs to start on a page: one line.
    pub fn min_height(&self) -> f32 {
        self.leading + 2.0 * self.pad_y
    }

    /// How many lines fit in `room` points.
    pub fn lines_fitting(&self, room: f32) -> usize {
        let n = ((room - 2.0 * self.pad_y) / self.leading).floor();
        if n.is_finite() && n > 0.0 {
            n as usize
        } else {
            0
        }
    }

    /// Splits after `lines` lines; `None` when the row has no more lines than that.
    pub fn split(&self, lines: usize) -> Option<(TableRow, TableRow)> {
        if lines == 0 || lines >= self.line_count() {
            return None;
        }
        let mut first = self.clone();
        let mut rest = self.clone();
        for (i, cell) in self.cells.iter().enumerate() {
            let cut = lines.min(cell.len());
            first.cells[i] = cell[..cut].to_vec();
            rest.cells[i] = cell[cut..].to_vec();
        }
        Some((first, rest))
    }

    pub fn to_row(&self) -> Row {
        let height = self.height();
        let mut draws = Vec::new();
        if let Some(fill) = self.fill {
            draws.push(Draw::fill(Rect::new(0.0, 0.0, self.width, height), fill));
        }
        for (cell, col) in self.cells.iter().zip(&self.columns) {
            for (j, line) in cell.iter().enumerate() {
                if line.is_empty() {
                    continue;
                }
                let top = self.pad_y + j as f32 * self.leading;
                let y = style::centred_baseline(top, self.leading, self.size);
                let (x, align) = match col.align {
                    ColumnAlign::Left => (col.x + PAD_X, Align::Left),
                    ColumnAlign::Right => (col.x + col.w - PAD_X, Align::Right),
                };
                draws.push(Draw::text_aligned(
                    x, y, self.size, col.weight, col.color, align, line,
                ));
            }
        }
        if let Some(rule) = self.rule {
            draws.push(Draw::line(0.0, height, self.width, height, rule));
        }
        Row {
            height,
            space_before: 0.0,
            draws,
            keep_with_next: false,
            anchor: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(lines: usize) -> TableRow {
        let col = ColumnGeometry {
            x: 0.0,
            w: 100.0,
            align: ColumnAlign::Left,
            weight: Weight::Regular,
            color: Rgb(0, 0, 0),
        };
        TableRow {
            cells: vec![
                (0..lines).map(|i| i.to_string()).collect(),
                vec!["x".into()],
            ],
            columns: vec![col, ColumnGeometry { x: 100.0, ..col }],
            width: 200.0,
            size: 8.0,
            leading: 10.0,
            pad_y: 2.0,
            fill: None,
            rule: None,
        }
    }

    #[test]
    fn splits_between_lines_and_keeps_every_line() {
        let r = row(25);
        assert_eq!(r.height(), 254.0);
        assert_eq!(r.lines_fitting(104.0), 10);
        let (a, b) = r.split(10).unwrap();
        assert_eq!(a.cells[0].len(), 10);
        assert_eq!(b.cells[0].len(), 15);
        assert_eq!(a.cells[1], vec!["x".to_owned()]);
        assert!(b.cells[1].is_empty());
        assert!(r.split(25).is_none());
        assert!(r.split(0).is_none());
        assert_eq!(r.lines_fitting(3.0), 0);
    }

    fn close(a: &[f32], b: &[f32]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01)
    }

    #[test]
    fn columns_get_their_minimum_and_share_the_rest_by_what_they_hold() {
        // Unwrapped, everything fits: each column its natural width, the rest by weight.
        let w = distribute(&[20.0, 30.0], &[50.0, 100.0], &[1.0, 3.0], 250.0);
        assert!(close(&w, &[75.0, 175.0]), "{w:?}");
        // It does not: minimums first, the rest in proportion to natural − minimum.
        let w = distribute(&[20.0, 30.0], &[120.0, 430.0], &[1.0, 1.0], 150.0);
        assert!(close(&w, &[40.0, 110.0]), "{w:?}");
        assert!(w.iter().zip([20.0, 30.0]).all(|(w, m)| *w >= m));
        // Short columns (a status, a date) keep their natural width; long text takes the rest.
        let w = distribute(&[20.0, 30.0, 40.0], &[50.0, 60.0, 600.0], &[1.0; 3], 300.0);
        assert!(close(&w, &[50.0, 60.0, 190.0]), "{w:?}");
        // ... but never at the cost of another column's minimum.
        let w = distribute(&[20.0, 30.0, 240.0], &[50.0, 60.0, 600.0], &[1.0; 3], 300.0);
        assert!(w[2] >= 240.0 && w[0] >= 20.0 && w[1] >= 30.0, "{w:?}");
        assert!((w.iter().sum::<f32>() - 300.0).abs() < 0.01);
        // Not even the minimums fit: they shrink together.
        let w = distribute(&[100.0, 300.0], &[100.0, 300.0], &[1.0, 1.0], 200.0);
        assert!(close(&w, &[50.0, 150.0]), "{w:?}");
        // Nothing measured at all: equal shares; no columns: nothing.
        assert!(close(
            &distribute(&[0.0, 0.0], &[0.0, 0.0], &[1.0, 1.0], 0.0),
            &[0.0, 0.0]
        ));
        assert!(distribute(&[], &[], &[], 100.0).is_empty());
        let w = distribute(&[0.0; 3], &[0.0; 3], &[1.0, 1.0, 2.0], 100.0);
        assert!(close(&w, &[25.0, 25.0, 50.0]), "{w:?}");
    }
}
