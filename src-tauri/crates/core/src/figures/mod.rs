//! Figures from other tools: a table read from an analytics export or a spreadsheet, a
//! mapping of its columns onto a KPI's measurements or onto channels' metric snapshots, and
//! the plan of what importing it would add, replace and skip.
//!
//! Reading files (encodings, delimiters, spreadsheet formats) happens outside the core; the
//! core receives a [`table::SourceTable`] of typed cells and decides everything else, so the
//! app, the CLI and the paste box read figures the same way.

pub mod cells;
pub mod delimited;
pub mod mapping;
pub mod plan;
pub mod table;

#[cfg(test)]
mod tests;
