//! Writing a workbook out as portable JSON: every table, rows by primary key, columns in
//! declared order, no timestamp of the export itself, so the same workbook always gives the
//! same bytes.

use base64::Engine as _;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::schema::{self, quote, Table};
use super::{BLOB_MARKER, FORMAT, FORMAT_VERSION, REAL_MARKER};

type Row = Vec<(String, Value)>;

struct Document {
    schema_version: i64,
    tables: Vec<(String, Vec<Row>)>,
}

/// A row or the list of tables, written as a JSON object in the order given (serde_json's own
/// map sorts its keys, which would lose the declared column order).
struct Ordered<'a, V>(&'a [(String, V)]);

impl<V: Serialize> Serialize for Ordered<'_, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

struct Rows<'a>(&'a [Row]);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|row| Ordered(row)))
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let tables: Vec<(String, Rows<'_>)> = self
            .tables
            .iter()
            .map(|(name, rows)| (name.clone(), Rows(rows)))
            .collect();
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("format", FORMAT)?;
        map.serialize_entry("formatVersion", &FORMAT_VERSION)?;
        map.serialize_entry("schemaVersion", &self.schema_version)?;
        map.serialize_entry("tables", &Ordered(&tables))?;
        map.end()
    }
}

/// The workbook on `conn` as portable JSON text, read in one transaction so it is a consistent
/// snapshot.
pub(crate) fn to_json(conn: &Connection) -> rusqlite::Result<String> {
    let tx = conn.unchecked_transaction()?;
    let schema_version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let mut tables = Vec::new();
    for table in schema::tables(&tx)? {
        let rows = rows(&tx, &table)?;
        tables.push((table.name, rows));
    }
    tx.finish()?;
    let document = Document {
        schema_version,
        tables,
    };
    let mut out = serde_json::to_string_pretty(&document)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    out.push('\n');
    Ok(out)
}

fn rows(conn: &Connection, table: &Table) -> rusqlite::Result<Vec<Row>> {
    let columns: Vec<String> = table.columns.iter().map(|c| quote(&c.name)).collect();
    let order: Vec<String> = if table.primary_key.is_empty() {
        vec!["rowid".to_owned()]
    } else {
        table.primary_key.iter().map(|c| quote(c)).collect()
    };
    let sql = format!(
        "SELECT {} FROM {} ORDER BY {}",
        columns.join(", "),
        quote(&table.name),
        order.join(", ")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut cells = Vec::with_capacity(table.columns.len());
        for (at, column) in table.columns.iter().enumerate() {
            cells.push((column.name.clone(), value(row.get_ref(at)?)));
        }
        out.push(cells);
    }
    Ok(out)
}

fn value(cell: ValueRef<'_>) -> Value {
    match cell {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::from(n),
        ValueRef::Real(x) => serde_json::Number::from_f64(x).map_or_else(
            // JSON has no infinity; SQLite can hold one.
            || {
                single(
                    REAL_MARKER,
                    Value::from(if x > 0.0 { "inf" } else { "-inf" }),
                )
            },
            Value::Number,
        ),
        ValueRef::Text(bytes) => Value::from(String::from_utf8_lossy(bytes).into_owned()),
        ValueRef::Blob(bytes) => single(
            BLOB_MARKER,
            Value::from(base64::engine::general_purpose::STANDARD.encode(bytes)),
        ),
    }
}

fn single(key: &str, value: Value) -> Value {
    let mut map = serde_json::Map::new();
    map.insert(key.to_owned(), value);
    Value::Object(map)
}
