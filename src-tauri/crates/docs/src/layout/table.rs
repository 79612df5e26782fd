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
}
