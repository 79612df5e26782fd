//! A row: the unbreakable slice of content that blocks and table rows are measured into and
//! the paginator places.

use crate::draw::Draw;
use crate::layout::Anchor;

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
