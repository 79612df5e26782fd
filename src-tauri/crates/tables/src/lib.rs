//! Reads the tables other tools write into a [`SourceTable`]: CSV and TSV from analytics
//! exports (delimiter, quoting and header found by looking; UTF-8 with or without a byte
//! order mark, UTF-16 and Windows-1252 read correctly), and spreadsheets (XLSX, XLS, ODS)
//! with their sheets, numbers and dates kept as such. The core decides what the cells mean.

mod delimited;
mod spreadsheet;

use std::path::Path;

use groundwork_core::figures::table::SourceTable;

pub use delimited::decode;
pub use groundwork_core::figures::delimited::table_from_text;

/// The largest file read: analytics exports of years of daily rows are a few megabytes.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// The most rows read from one table.
pub const MAX_ROWS: usize = 250_000;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TableError {
    /// A sentence for the strategist: what is wrong with the file and what to do.
    #[error("{0}")]
    Unreadable(String),
}

/// A file's table, and the sheets it could have come from.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadTable {
    pub table: SourceTable,
    /// The spreadsheet's sheets in order; empty for a text file.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: Option<String>,
    /// How the file was read, for the preview: "UTF-16 text, separated by tabs".
    pub format: String,
}

/// Reads a file from disk; the size is checked before anything is read.
pub fn read_path(path: &Path, sheet: Option<&str>) -> Result<ReadTable, TableError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = std::fs::metadata(path)
        .map_err(|e| unreadable_file(&name, &e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(TableError::Unreadable(format!(
            "“{name}” is {} MB; Groundwork reads files of up to {} MB. Export a shorter period, or fewer columns.",
            size / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable_file(&name, &e))?;
    read_bytes(&bytes, &name, sheet)
}

fn unreadable_file(name: &str, e: &std::io::Error) -> TableError {
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => "it is no longer there".to_owned(),
        std::io::ErrorKind::PermissionDenied => "you are not allowed to read it".to_owned(),
        _ => e.to_string(),
    };
    TableError::Unreadable(format!(
        "“{name}” can't be read: {why}. Choose the file again."
    ))
}

/// Reads a file's bytes: a spreadsheet when its bytes say so (whatever its name), else text.
pub fn read_bytes(bytes: &[u8], name: &str, sheet: Option<&str>) -> Result<ReadTable, TableError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(TableError::Unreadable(format!(
            "“{name}” is empty. Export the figures again, with at least a date and one figure per row."
        )));
    }
    let read = if spreadsheet::is_spreadsheet(bytes) {
        spreadsheet::read(bytes, name, sheet)?
    } else {
        delimited::read(bytes, name)?
    };
    if read.table.rows.is_empty() {
        let what = if read.table.has_header {
            "has column names but no rows of figures"
        } else {
            "has no rows of figures"
        };
        let sheet = read
            .sheet
            .as_ref()
            .map(|s| format!(" (sheet “{s}”)"))
            .unwrap_or_default();
        return Err(TableError::Unreadable(format!(
            "“{name}”{sheet} {what}. Export the figures again, or choose another sheet."
        )));
    }
    Ok(read)
}

fn too_many_rows(name: &str) -> TableError {
    TableError::Unreadable(format!(
        "“{name}” has more than {} rows; Groundwork imports up to {} at a time. Export a shorter period, or split the file.",
        groundwork_core::text::thousands(MAX_ROWS),
        groundwork_core::text::thousands(MAX_ROWS)
    ))
}

#[cfg(test)]
mod tests;
