//! The layout engine: a document is a list of [`Block`]s; [`blocks`] turns them into rows
//! measured with real glyph advances, and [`flow`] breaks the rows into pages.

pub mod blocks;
pub mod flow;
pub mod row;
pub mod table;

use crate::charts::Chart;

/// A heading placed on a page, for the table of contents and the PDF outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub level: u8,
    pub title: String,
}

/// Column alignment in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnAlign {
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Relative share of spare room: columns are sized from what they hold (see
    /// `table::distribute`), and when all of them fit unwrapped the room left over is shared
    /// in proportion to their weights.
    pub weight: f32,
    pub align: ColumnAlign,
}

impl Column {
    pub fn new(title: &str, weight: f32) -> Self {
        Self {
            title: title.to_owned(),
            weight,
            align: ColumnAlign::Left,
        }
    }
    pub fn right(title: &str, weight: f32) -> Self {
        Self {
            title: title.to_owned(),
            weight,
            align: ColumnAlign::Right,
        }
    }
}

/// A table: the header row repeats on every page the table runs onto.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

/// The content of a document, before layout. All text is plain text.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 to 3. Kept with what follows: never alone at a page foot.
    Heading {
        level: u8,
        text: String,
    },
    /// Body text; line breaks in the text start new lines, blank lines separate paragraphs.
    Paragraph(String),
    /// A short introduction in larger type.
    Lead(String),
    Bullets(Vec<String>),
    /// Label and value pairs, such as the profile.
    KeyValue(Vec<(String, String)>),
    Quote {
        text: String,
        attribution: Option<String>,
    },
    /// A quiet panel for empty states and notes.
    Note(String),
    Table(Table),
    /// A chart drawn at the full content width.
    Chart {
        chart: Chart,
        height: f32,
        caption: Option<String>,
    },
    Spacer(f32),
    PageBreak,
}
