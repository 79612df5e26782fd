//! The portable workbook format: a versioned JSON document holding every record of a
//! workbook, described in docs/workbook-format.md. It is generic over the schema: tables and
//! columns are read from SQLite, so a table added by a later migration is carried without a
//! change here.

mod export;
mod import;
mod schema;

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

pub use import::ImportError;

use crate::{Result, Store, StoreError};

/// The value of `"format"` in every export.
pub const FORMAT: &str = "groundwork-workbook";
/// The version of the document's shape (not of the workbook schema, which is `schemaVersion`).
pub const FORMAT_VERSION: i64 = 1;
/// A blob cell: `{"$base64": "…"}`.
pub(crate) const BLOB_MARKER: &str = "$base64";
/// A real cell JSON cannot hold: `{"$real": "inf"}` or `"-inf"`.
pub(crate) const REAL_MARKER: &str = "$real";

/// One thing wrong with a file being imported: where in the JSON, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportProblem {
    /// A JSON path such as `$.tables.channel[12].name`.
    pub path: String,
    pub message: String,
}

impl Store {
    /// Every record of the workbook as portable JSON. The same workbook always gives the same
    /// text: no export time inside, tables and rows in a fixed order.
    pub fn export_json(&self) -> Result<String> {
        export::to_json(&self.conn).map_err(|e| StoreError::from_sqlite(e, &self.path))
    }
}

/// Creates a new workbook at `dest` from portable JSON. Nothing is written unless the whole
/// document is valid; an existing file is replaced only when `replace` is set.
pub fn import_json(
    json: &str,
    dest: &Path,
    replace: bool,
) -> std::result::Result<PathBuf, ImportError> {
    import::import(json, dest, replace)
}

/// Imports portable JSON as a new workbook in `dir`, its file named after the workbook's name
/// in the document (with a number added if that name is taken).
pub fn import_json_into(json: &str, dir: &Path) -> std::result::Result<PathBuf, ImportError> {
    let name = serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|doc| {
            doc.pointer("/tables/profile/0/name")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        })
        .unwrap_or_default();
    let dest = crate::library::free_path(dir, &crate::library::file_stem_for(&name));
    import::import(json, &dest, false)
}
