//! Reading portable JSON into a new workbook file. Everything is checked before the file
//! appears: the document is loaded into a temporary file beside the destination, every problem
//! is collected with its JSON path, and only a workbook with no problem is moved into place.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use rusqlite::types::Value as Sql;
use rusqlite::Connection;
use serde_json::{Map, Value};

use super::schema::{self, quote, Kind, Table};
use super::{ImportProblem, BLOB_MARKER, FORMAT, FORMAT_VERSION, REAL_MARKER};
use crate::header::{APPLICATION_ID, SCHEMA_VERSION};
use crate::open::configure;
use crate::{migrations, Store, StoreError};

/// The most problems listed; a file with more is summarised in a last line.
const MAX_PROBLEMS: usize = 200;

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The document has problems; each names its place in the JSON.
    #[error("{}", refused_sentence(.0))]
    Refused(Vec<ImportProblem>),
    #[error("{0}")]
    Store(#[from] StoreError),
}

fn refused_sentence(problems: &[ImportProblem]) -> String {
    let first = problems
        .first()
        .map(|p| format!(" {}: {}", p.path, p.message))
        .unwrap_or_default();
    match problems.len() {
        1 => format!("The file was not imported because of one problem.{first}"),
        n => format!("The file was not imported because of {n} problems. The first:{first}"),
    }
}

struct Problems(Vec<ImportProblem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(ImportProblem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn refuse_if_any(&mut self) -> Result<(), ImportError> {
        if self.0.is_empty() {
            return Ok(());
        }
        let mut problems = std::mem::take(&mut self.0);
        if problems.len() > MAX_PROBLEMS {
            let more = problems.len() - MAX_PROBLEMS;
            problems.truncate(MAX_PROBLEMS);
            problems.push(ImportProblem {
                path: "$".to_owned(),
                message: format!("…and {more} more problems like these."),
            });
        }
        Err(ImportError::Refused(problems))
    }
}

/// `$.tables.name` or `$.tables["odd name"]`.
fn table_path(table: &str) -> String {
    if !table.is_empty() && table.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("$.tables.{table}")
    } else {
        format!("$.tables[{}]", Value::from(table))
    }
}

fn cell_path(table: &str, row: usize, column: &str) -> String {
    let row_path = format!("{}[{row}]", table_path(table));
    if !column.is_empty()
        && column
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        format!("{row_path}.{column}")
    } else {
        format!("{row_path}[{}]", Value::from(column))
    }
}

/// Imports `json` as a new workbook at `dest`. Refuses to replace an existing file unless
/// `replace` is set (the user chose that name explicitly).
pub(crate) fn import(json: &str, dest: &Path, replace: bool) -> Result<PathBuf, ImportError> {
    if !replace && dest.exists() {
        return Err(StoreError::AlreadyExists {
            path: dest.to_owned(),
        }
        .into());
    }
    // Held until the new file is in place: a workbook open for editing is never replaced, and
    // none can be opened for editing while it is.
    let _held = if replace {
        crate::lock::claim_to_replace(dest)?
    } else {
        None
    };
    let mut problems = Problems(Vec::new());
    let (schema_version, tables) = read_envelope(json, &mut problems)?;
    let dir = match dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => dir.to_owned(),
        None => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, &e))?;
    let temp = TempFile(dir.join(format!(
        ".{}.importing-{}",
        dest.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        uuid::Uuid::now_v7()
    )));
    let sql = |e: rusqlite::Error| StoreError::from_sqlite(e, dest);

    let mut conn = Connection::open(&temp.0).map_err(sql)?;
    configure(&conn, &temp.0)?;
    let version = usize::try_from(schema_version).unwrap_or(0);
    migrations::all()
        .to_version(&mut conn, version)
        .map_err(|e| StoreError::Io {
            path: dest.to_owned(),
            detail: format!("{e}."),
        })?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sql)?;
    let schema = schema::tables(&conn).map_err(sql)?;

    let rows = check_structure(&schema, tables, &mut problems);
    problems.refuse_if_any()?;
    insert_all(&mut conn, &schema, &rows, &mut problems).map_err(sql)?;
    problems.refuse_if_any()?;

    if schema_version < SCHEMA_VERSION {
        migrations::all()
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Io {
                path: dest.to_owned(),
                detail: format!("{e}."),
            })?;
    }
    rebuild_search_index(&conn).map_err(sql)?;
    let store = Store {
        conn,
        path: temp.0.clone(),
        read_only: false,
        open_elsewhere: false,
        _writer_lock: None,
        second_reader: std::cell::RefCell::default(),
    };
    if let Err(err) = store.load_workbook().and_then(|_| store.step_counts()) {
        problems.add(
            "$.tables",
            format!("The records do not make a workbook Groundwork can open: {err}"),
        );
        problems.refuse_if_any()?;
    }
    store.close()?;
    move_into_place(&temp.0, dest, replace)?;
    Ok(dest.to_owned())
}

/// Checks the outer shape: format, versions, and that `tables` is an object.
fn read_envelope(
    json: &str,
    problems: &mut Problems,
) -> Result<(i64, Map<String, Value>), ImportError> {
    let document: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            problems.add(
                "$",
                format!(
                    "The file is not valid JSON (line {}, column {}: {}). Export the workbook again.",
                    e.line(),
                    e.column(),
                    e
                ),
            );
            problems.refuse_if_any()?;
            return Err(ImportError::Refused(Vec::new()));
        }
    };
    let Value::Object(mut top) = document else {
        problems.add(
            "$",
            "The file is not a Groundwork workbook export: it should be a JSON object.",
        );
        problems.refuse_if_any()?;
        return Err(ImportError::Refused(Vec::new()));
    };
    if top.get("format").and_then(Value::as_str) != Some(FORMAT) {
        problems.add(
            "$.format",
            format!(
                "The file is not a Groundwork workbook export: \"format\" should be \"{FORMAT}\"."
            ),
        );
    }
    match top.get("formatVersion").and_then(Value::as_i64) {
        Some(FORMAT_VERSION) => {}
        Some(v) if v > FORMAT_VERSION => problems.add(
            "$.formatVersion",
            format!("The file was made by a newer Groundwork (format version {v}; this version reads {FORMAT_VERSION}). Update Groundwork to import it."),
        ),
        _ => problems.add(
            "$.formatVersion",
            format!("\"formatVersion\" should be {FORMAT_VERSION}."),
        ),
    }
    let schema_version = top.get("schemaVersion").and_then(Value::as_i64);
    match schema_version {
        Some(v) if (1..=SCHEMA_VERSION).contains(&v) => {}
        Some(v) if v > SCHEMA_VERSION => problems.add(
            "$.schemaVersion",
            format!("The workbook was exported by a newer Groundwork (schema {v}; this version reads up to {SCHEMA_VERSION}). Update Groundwork to import it."),
        ),
        _ => problems.add(
            "$.schemaVersion",
            format!("\"schemaVersion\" should be a whole number from 1 to {SCHEMA_VERSION}."),
        ),
    }
    for key in top.keys() {
        if !["format", "formatVersion", "schemaVersion", "tables"].contains(&key.as_str()) {
            problems.add(
                format!("$[{}]", Value::from(key.as_str())),
                "This entry is not part of the workbook format; remove it.",
            );
        }
    }
    let tables = match top.remove("tables") {
        Some(Value::Object(tables)) => tables,
        _ => {
            problems.add(
                "$.tables",
                "\"tables\" should be an object of tables, each a list of rows.",
            );
            Map::new()
        }
    };
    problems.refuse_if_any()?;
    Ok((schema_version.unwrap_or(0), tables))
}

/// Rows ready to insert: for each table in schema order, its rows as (column, value) pairs.
type Prepared = Vec<Vec<Vec<(String, Sql)>>>;

fn check_structure(
    schema: &[Table],
    mut tables: Map<String, Value>,
    problems: &mut Problems,
) -> Prepared {
    let mut prepared = Vec::with_capacity(schema.len());
    for table in schema {
        let rows = match tables.remove(&table.name) {
            None => Vec::new(),
            Some(Value::Array(rows)) => rows,
            Some(_) => {
                problems.add(
                    table_path(&table.name),
                    "This table should be a list of rows.",
                );
                Vec::new()
            }
        };
        let mut checked = Vec::with_capacity(rows.len());
        for (at, row) in rows.into_iter().enumerate() {
            if let Some(row) = check_row(table, at, row, problems) {
                checked.push(row);
            }
        }
        prepared.push(checked);
    }
    for name in tables.keys() {
        problems.add(
            table_path(name),
            format!("There is no table named “{name}” in a workbook of this version; remove it or check its spelling."),
        );
    }
    prepared
}

fn check_row(
    table: &Table,
    at: usize,
    row: Value,
    problems: &mut Problems,
) -> Option<Vec<(String, Sql)>> {
    let Value::Object(mut cells) = row else {
        problems.add(
            format!("{}[{at}]", table_path(&table.name)),
            "Each row should be an object of column names and values.",
        );
        return None;
    };
    let mut values = Vec::with_capacity(table.columns.len());
    let before = problems.0.len();
    for column in &table.columns {
        let path = cell_path(&table.name, at, &column.name);
        match cells.remove(&column.name) {
            None if column.required => problems.add(
                path,
                format!(
                    "This row has no “{}”, which every {} row needs.",
                    column.name, table.name
                ),
            ),
            None => {}
            Some(value) => match sql_value(column.kind, value) {
                Ok(Sql::Text(text)) => {
                    match groundwork_core::text::paragraph(&column.name, "text", &text) {
                        Ok(_) => values.push((column.name.clone(), Sql::Text(text))),
                        Err(invalid) => problems.add(path, invalid.message),
                    }
                }
                Ok(Sql::Null) if column.required => problems.add(
                    path,
                    format!("“{}” needs a value here; it is null.", column.name),
                ),
                Ok(value) => values.push((column.name.clone(), value)),
                Err(()) => problems.add(
                    path,
                    format!("“{}” should be {}.", column.name, column.kind.describe()),
                ),
            },
        }
    }
    for name in cells.keys() {
        problems.add(
            cell_path(&table.name, at, name),
            format!(
                "There is no column “{name}” in the {} table; remove it or check its spelling.",
                table.name
            ),
        );
    }
    (problems.0.len() == before).then_some(values)
}

fn sql_value(kind: Kind, value: Value) -> Result<Sql, ()> {
    match (kind, value) {
        (_, Value::Null) => Ok(Sql::Null),
        (Kind::Integer | Kind::Any, Value::Number(n)) if n.is_i64() => {
            n.as_i64().map(Sql::Integer).ok_or(())
        }
        (Kind::Real | Kind::Any, Value::Number(n)) => n.as_f64().map(Sql::Real).ok_or(()),
        (Kind::Text | Kind::Any, Value::String(s)) => Ok(Sql::Text(s)),
        (kind, Value::Object(map)) if map.len() == 1 => {
            match (kind, map.get(BLOB_MARKER), map.get(REAL_MARKER)) {
                (Kind::Blob | Kind::Any, Some(Value::String(b)), _) => {
                    base64::engine::general_purpose::STANDARD
                        .decode(b)
                        .map(Sql::Blob)
                        .map_err(|_| ())
                }
                (Kind::Real | Kind::Any, _, Some(Value::String(r))) => match r.as_str() {
                    "inf" => Ok(Sql::Real(f64::INFINITY)),
                    "-inf" => Ok(Sql::Real(f64::NEG_INFINITY)),
                    _ => Err(()),
                },
                _ => Err(()),
            }
        }
        _ => Err(()),
    }
}

/// Inserts every row with foreign keys checked afterwards (rows may refer to rows later in
/// their own table), noting each refused row and each broken reference with its JSON path.
/// Commits only when nothing was refused.
fn insert_all(
    conn: &mut Connection,
    schema: &[Table],
    rows: &Prepared,
    problems: &mut Problems,
) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA foreign_keys = OFF;")?;
    let tx = conn.transaction()?;
    // Migrations seed some tables (the severity levels); the file's rows replace them.
    for table in schema.iter().rev() {
        tx.execute(&format!("DELETE FROM {}", quote(&table.name)), [])?;
    }
    let mut row_at: HashMap<(String, i64), usize> = HashMap::new();
    for (table, table_rows) in schema.iter().zip(rows) {
        for (at, row) in table_rows.iter().enumerate() {
            let columns: Vec<String> = row.iter().map(|(c, _)| quote(c)).collect();
            let marks = vec!["?"; row.len()].join(", ");
            let sql = if row.is_empty() {
                format!("INSERT INTO {} DEFAULT VALUES", quote(&table.name))
            } else {
                format!(
                    "INSERT INTO {} ({}) VALUES ({marks})",
                    quote(&table.name),
                    columns.join(", ")
                )
            };
            let params = rusqlite::params_from_iter(row.iter().map(|(_, v)| v));
            match tx.prepare_cached(&sql).and_then(|mut s| s.execute(params)) {
                Ok(_) => {
                    row_at.insert((table.name.clone(), tx.last_insert_rowid()), at);
                }
                Err(err) => problems.add(
                    format!("{}[{at}]", table_path(&table.name)),
                    refused_row(&table.name, &err),
                ),
            }
        }
    }
    if problems.0.is_empty() {
        broken_references(&tx, &row_at, problems)?;
    }
    if problems.0.is_empty() {
        tx.commit()?;
    } else {
        tx.rollback()?;
    }
    conn.execute_batch("PRAGMA foreign_keys = ON;")
}

fn refused_row(table: &str, err: &rusqlite::Error) -> String {
    let (code, detail) = match err {
        rusqlite::Error::SqliteFailure(e, msg) => {
            (e.extended_code, msg.clone().unwrap_or_default())
        }
        other => (0, other.to_string()),
    };
    let what = detail.split_once(": ").map_or(detail.as_str(), |(_, w)| w);
    match code {
        rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
            format!(
                "This {table} row repeats the {what} of an earlier row; each must be different."
            )
        }
        rusqlite::ffi::SQLITE_CONSTRAINT_NOTNULL => {
            format!("This {table} row has no {what}, which every row needs.")
        }
        rusqlite::ffi::SQLITE_CONSTRAINT_CHECK => {
            format!("This {table} row has a value the workbook does not allow (the rule: {what}).")
        }
        _ => format!("This {table} row could not be stored: {detail}."),
    }
}

fn broken_references(
    conn: &Connection,
    row_at: &HashMap<(String, i64), usize>,
    problems: &mut Problems,
) -> rusqlite::Result<()> {
    let mut stmt =
        conn.prepare("SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check")?;
    let broken: Vec<(String, Option<i64>, String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (table, rowid, parent, fkid) in broken {
        let mut from_columns = conn.prepare(
            "SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE id = ?2 ORDER BY seq",
        )?;
        let columns: Vec<String> = from_columns
            .query_map(rusqlite::params![table, fkid], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let column = columns.join(", ");
        let (path, value) =
            match rowid.and_then(|id| row_at.get(&(table.clone(), id)).map(|at| (id, *at))) {
                Some((id, at)) => {
                    let value: String = conn
                        .query_row(
                            &format!(
                                "SELECT {} FROM {} WHERE rowid = ?1",
                                columns
                                    .iter()
                                    .map(|c| quote(c))
                                    .collect::<Vec<_>>()
                                    .join(" || ', ' || "),
                                quote(&table)
                            ),
                            [id],
                            |r| r.get::<_, Option<String>>(0),
                        )
                        .ok()
                        .flatten()
                        .unwrap_or_default();
                    (cell_path(&table, at, &column), value)
                }
                None => (table_path(&table), String::new()),
            };
        problems.add(
            path,
            format!("This {table} row refers to “{value}” in {parent}, which is not in the file. Add that {parent} row or remove the reference."),
        );
    }
    Ok(())
}

/// The search index is derived from the records: rebuilt, never imported.
fn rebuild_search_index(conn: &Connection) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table'
           AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%content%' ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for name in names {
        conn.execute(
            &format!("INSERT INTO {0}({0}) VALUES ('rebuild')", quote(&name)),
            [],
        )?;
    }
    Ok(())
}

/// Puts the finished file at `dest`. Without `replace`, a hard link makes the step atomic and
/// refuses an existing file even one created meanwhile.
fn move_into_place(temp: &Path, dest: &Path, replace: bool) -> Result<(), StoreError> {
    let io = |e: std::io::Error| StoreError::io(dest, &e);
    if replace {
        // A log left by the file being replaced must not be applied to the new one.
        for suffix in ["-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{suffix}", dest.display()));
        }
        return fs::rename(temp, dest).map_err(io);
    }
    match fs::hard_link(temp, dest) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(StoreError::AlreadyExists {
            path: dest.to_owned(),
        }),
        // Some file systems (FAT on a USB stick) have no hard links.
        Err(_) if dest.exists() => Err(StoreError::AlreadyExists {
            path: dest.to_owned(),
        }),
        Err(_) => fs::rename(temp, dest).map_err(io),
    }
}

/// A file removed, with its side files, when dropped: an import that stops leaves nothing.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}
