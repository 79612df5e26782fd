//! Breaks rows into pages: keep-with-next for headings, table headers repeated on every page a
//! table runs onto, and rows taller than a page split by line (never an endless loop).

use crate::draw::Draw;
use crate::layout::row::Row;
use crate::layout::table::TableRow;
use crate::layout::Anchor;
use crate::style::PageGeometry;

/// What the paginator consumes.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Row(Row),
    /// Starts a table: the header row is placed now and again at the top of each new page
    /// until [`Item::TableEnd`].
    TableStart(Row),
    /// A table body row, which may be split between lines when it does not fit.
    TableRow(TableRow),
    TableEnd,
    PageBreak,
}

/// A heading as placed: page index (0-based within this flow) and top y.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedAnchor {
    pub anchor: Anchor,
    pub page: usize,
    pub y: f32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlowPage {
    pub draws: Vec<Draw>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Flowed {
    pub pages: Vec<FlowPage>,
    pub anchors: Vec<PlacedAnchor>,
}

struct Cursor<'g> {
    geo: &'g PageGeometry,
    out: Flowed,
    y: f32,
    /// Nothing but a repeated table header has been placed on this page yet.
    fresh: bool,
    header: Option<Row>,
}

impl Cursor<'_> {
    fn bottom(&self) -> f32 {
        self.geo.content_bottom()
    }

    fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    fn new_page(&mut self) {
        self.out.pages.push(FlowPage::default());
        self.y = self.geo.content_top();
        self.fresh = true;
        if let Some(h) = self.header.clone() {
            self.put(&h, 0.0);
            self.fresh = true;
        }
    }

    fn put(&mut self, row: &Row, space: f32) {
        let top = self.y + space;
        let page = self.out.pages.len().saturating_sub(1);
        if let Some(a) = &row.anchor {
            self.out.anchors.push(PlacedAnchor {
                anchor: a.clone(),
                page,
                y: top,
            });
        }
        if let Some(p) = self.out.pages.last_mut() {
            for d in &row.draws {
                let mut d = d.clone();
                d.translate(self.geo.margin_x, top);
                p.draws.push(d);
            }
        }
        self.y = top + row.height;
        self.fresh = false;
    }
}

/// Height the item needs at least to start on the current page (for keep-with-next).
fn lead_height(item: &Item) -> f32 {
    match item {
        Item::Row(r) => r.space_before + r.height,
        Item::TableStart(h) => h.space_before + h.height,
        Item::TableRow(t) => t.min_height(),
        Item::TableEnd | Item::PageBreak => 0.0,
    }
}

/// Height of the chain of keep-with-next items starting at `items[from]`, plus the first item
/// after the chain (at least its first line).
fn chain_height(items: &[Item], from: usize) -> f32 {
    let mut h = 0.0;
    for item in items.iter().skip(from) {
        match item {
            Item::Row(r) if r.keep_with_next => h += r.space_before + r.height,
            Item::TableStart(r) => h += r.space_before + r.height,
            Item::TableEnd => {}
            Item::PageBreak => return h,
            other => return h + lead_height(other),
        }
    }
    h
}

/// Lays the items out on as many pages as they need (at least one).
pub fn paginate(items: &[Item], geo: &PageGeometry) -> Flowed {
    let mut c = Cursor {
        geo,
        out: Flowed::default(),
        y: 0.0,
        fresh: true,
        header: None,
    };
    c.new_page();
    let full = geo.content_height();
    // A page break takes effect when more content follows, so none leaves an empty page.
    let mut break_pending = false;
    for (i, item) in items.iter().enumerate() {
        if break_pending && !matches!(item, Item::PageBreak | Item::TableEnd) {
            if !c.fresh {
                c.new_page();
            }
            break_pending = false;
        }
        match item {
            Item::PageBreak => break_pending = true,
            Item::Row(row) | Item::TableStart(row) => {
                if let Item::TableStart(_) = item {
                    // The header itself is kept with the first body row.
                    c.header = None;
                }
                let keep = row.keep_with_next || matches!(item, Item::TableStart(_));
                let space = if c.fresh { 0.0 } else { row.space_before };
                let mut need = space + row.height;
                if keep {
                    let with_next = need + chain_height(items, i + 1);
                    // A chain longer than a page cannot be kept together; ignore it then.
                    if with_next <= full {
                        need = with_next;
                    }
                }
                if need > c.room() && !c.fresh {
                    c.new_page();
                }
                let space = if c.fresh { 0.0 } else { row.space_before };
                c.put(row, space);
                if let Item::TableStart(h) = item {
                    c.header = Some(Row {
                        space_before: 0.0,
                        anchor: None,
                        ..h.clone()
                    });
                }
            }
            Item::TableEnd => c.header = None,
            Item::TableRow(row) => place_table_row(&mut c, row.clone()),
        }
    }
    c.out
}

fn place_table_row(c: &mut Cursor<'_>, mut row: TableRow) {
    // Each pass places at least one line or moves to a fresh page from a used one, so the
    // loop ends after at most (lines + pages) passes.
    loop {
        let height = row.height();
        if height <= c.room() {
            let r = row.to_row();
            c.put(&r, 0.0);
            return;
        }
        let fresh_room =
            c.geo.content_height() - c.header.as_ref().map(|h| h.height).unwrap_or(0.0);
        if height <= fresh_room && !c.fresh {
            c.new_page();
            continue;
        }
        let mut lines = row.lines_fitting(c.room());
        if lines == 0 {
            if !c.fresh {
                c.new_page();
                continue;
            }
            lines = 1; // even a fresh page cannot hold one line: place it anyway, clipped
        }
        match row.split(lines) {
            Some((first, rest)) => {
                c.put(&first.to_row(), 0.0);
                c.new_page();
                row = rest;
            }
            None => {
                let r = row.to_row();
                c.put(&r, 0.0);
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::{Rgb, Weight};
    use crate::layout::table::ColumnGeometry;
    use crate::layout::ColumnAlign;
    use groundwork_core::documents::Paper;

    fn geo() -> PageGeometry {
        PageGeometry::new(Paper::A4, crate::style::Orientation::Portrait)
    }

    fn row(h: f32, keep: bool, title: Option<&str>) -> Item {
        Item::Row(Row {
            height: h,
            space_before: 0.0,
            draws: Vec::new(),
            keep_with_next: keep,
            anchor: title.map(|t| Anchor {
                level: 1,
                title: t.to_owned(),
            }),
        })
    }

    fn table_row(lines: usize) -> TableRow {
        let col = ColumnGeometry {
            x: 0.0,
            w: 100.0,
            align: ColumnAlign::Left,
            weight: Weight::Regular,
            color: Rgb(0, 0, 0),
        };
        TableRow {
            cells: vec![(0..lines).map(|i| format!("line {i}")).collect()],
            columns: vec![col],
            width: 100.0,
            size: 8.0,
            leading: 12.0,
            pad_y: 4.0,
            fill: None,
            rule: None,
        }
    }

    #[test]
    fn a_heading_never_sits_alone_at_the_foot_of_a_page() {
        let g = geo();
        let body = g.content_height();
        // Fill the page but for 30pt, then a 24pt heading and a 20pt line.
        let items = vec![
            row(body - 30.0, false, None),
            row(24.0, true, Some("H")),
            row(20.0, false, None),
        ];
        let out = paginate(&items, &g);
        assert_eq!(out.pages.len(), 2);
        assert_eq!(
            out.anchors[0].page, 1,
            "heading moved to the next page with its text"
        );
        assert_eq!(out.anchors[0].y, g.content_top());
    }

    #[test]
    fn a_chain_longer_than_a_page_is_not_kept_together() {
        let g = geo();
        let items: Vec<Item> = (0..200).map(|_| row(20.0, true, None)).collect();
        let out = paginate(&items, &g);
        assert!(out.pages.len() < 10);
    }

    #[test]
    fn a_row_taller_than_the_page_splits_and_the_header_repeats() {
        let g = geo();
        let header = Row {
            height: 20.0,
            draws: vec![Draw::text(0.0, 10.0, 8.0, Weight::Bold, Rgb(0, 0, 0), "H")],
            ..Row::default()
        };
        let items = vec![
            Item::TableStart(header),
            Item::TableRow(table_row(400)),
            Item::TableEnd,
        ];
        let out = paginate(&items, &g);
        let pages = out.pages.len();
        assert!(pages >= 6, "{pages}");
        let mut lines = 0;
        for p in &out.pages {
            let texts: Vec<&str> = p
                .draws
                .iter()
                .filter_map(|d| match d {
                    Draw::Text { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(texts.first(), Some(&"H"), "header first on every page");
            lines += texts.iter().filter(|t| t.starts_with("line ")).count();
        }
        assert_eq!(lines, 400, "every line placed once");
    }

    #[test]
    fn a_line_taller_than_any_page_is_placed_once_not_looped() {
        let g = geo();
        let mut r = table_row(3);
        r.leading = 5_000.0;
        let out = paginate(&[Item::TableRow(r)], &g);
        assert_eq!(out.pages.len(), 3);
    }

    #[test]
    fn page_breaks_do_not_leave_empty_pages() {
        let g = geo();
        let out = paginate(
            &[
                Item::PageBreak,
                row(10.0, false, None),
                Item::PageBreak,
                Item::PageBreak,
            ],
            &g,
        );
        assert_eq!(out.pages.len(), 1);
        let out = paginate(
            &[
                row(10.0, false, None),
                Item::PageBreak,
                Item::PageBreak,
                row(10.0, false, None),
            ],
            &g,
        );
        assert_eq!(out.pages.len(), 2);
    }
}
