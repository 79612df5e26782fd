//! Breaks rows into pages: keep-with-next for headings, table headers repeated on every page a
//! table runs onto, and rows taller than a page split by line (never an endless loop).

use crate::draw::Draw;
use crate::layout::table::TableRow;
use crate::layout::Anchor;
use crate::style::PageGeometry;

/// An unbreakable horizontal slice of content. Draw coordinates are relative to the row's
/// top-left corner at the content frame's left edge.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub height: f32,
    /// Space above the row, dropped at the top of a page.
    pub space_before: f32,
    pub draws: Vec<Draw>,
    pub keep_with_next: bool,
    pub anchor: Option<Anchor>,
}

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
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::PageBreak => {
                if !c.fresh {
                    c.new_page();
                }
            }
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
