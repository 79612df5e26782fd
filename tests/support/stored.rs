//! What the app wrote, read from the workbook file itself (read-only, beside the running app).

use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};

/// The workbook file in the data folder `dir` (a journey's data folder holds one).
pub fn workbook_file(dir: &Path) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "groundwork"))
        .expect("the workbook file is in the data folder")
}

/// The first column of the first row of `sql` in the data folder's workbook, as text.
pub fn stored(data: &Path, sql: &str) -> String {
    let db =
        Connection::open_with_flags(workbook_file(data), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    db.query_row(sql, [], |row| {
        Ok(match row.get::<_, Value>(0)? {
            Value::Text(text) => text,
            Value::Integer(n) => n.to_string(),
            other => format!("{other:?}"),
        })
    })
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}
