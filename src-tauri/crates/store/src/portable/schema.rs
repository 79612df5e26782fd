//! What a workbook's schema says about its tables, read from SQLite itself so that the portable
//! format covers every table, including ones added after this code was written.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::Connection;

/// A table whose rows a workbook holds and the portable format carries.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub name: String,
    /// In declared order.
    pub columns: Vec<Column>,
    /// Primary-key columns in key order; empty when the table is keyed by its hidden rowid.
    pub primary_key: Vec<String>,
    /// Tables this one refers to through foreign keys (itself excluded).
    pub parents: BTreeSet<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub name: String,
    pub kind: Kind,
    /// Must hold a value: NOT NULL without a default, and not a rowid alias SQLite fills in.
    pub required: bool,
}

/// The type a column accepts, from its declared type (SQLite's affinity rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Integer,
    Real,
    Text,
    Blob,
    /// No declared type, ANY, or NUMERIC: whatever JSON gives.
    Any,
}

impl Kind {
    fn from_declared(declared: &str) -> Self {
        let t = declared.to_ascii_uppercase();
        if t.contains("INT") {
            Kind::Integer
        } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
            Kind::Text
        } else if t.contains("BLOB") {
            Kind::Blob
        } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
            Kind::Real
        } else {
            Kind::Any
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Kind::Integer => "a whole number",
            Kind::Real => "a number",
            Kind::Text => "text",
            Kind::Blob => "binary data ({\"$base64\": \"…\"})",
            Kind::Any => "a value",
        }
    }
}

/// The tables a workbook's records live in, parents before children, then by name. Leaves out
/// SQLite's own tables, virtual tables (the search index) and their shadow tables: those are
/// derived and rebuilt, never carried.
pub(crate) fn tables(conn: &Connection) -> rusqlite::Result<Vec<Table>> {
    let names: Vec<String> = {
        let mut stmt = conn.prepare(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
               AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut by_name = BTreeMap::new();
    for name in names {
        let table = describe(conn, &name)?;
        by_name.insert(name, table);
    }
    Ok(parents_first(by_name))
}

fn describe(conn: &Connection, name: &str) -> rusqlite::Result<Table> {
    let mut columns = Vec::new();
    let mut keyed: Vec<(i64, String)> = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT name, type, \"notnull\", dflt_value IS NOT NULL, pk
           FROM pragma_table_info(?1) ORDER BY cid",
    )?;
    let rows = stmt.query_map([name], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?,
            r.get::<_, bool>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let rows: Vec<_> = rows.collect::<rusqlite::Result<_>>()?;
    let single_integer_key = rows.iter().filter(|r| r.4 > 0).count() == 1;
    for (column, declared, not_null, has_default, pk) in rows {
        let kind = Kind::from_declared(&declared);
        let rowid_alias = pk > 0 && single_integer_key && declared.eq_ignore_ascii_case("INTEGER");
        if pk > 0 {
            keyed.push((pk, column.clone()));
        }
        columns.push(Column {
            name: column,
            kind,
            required: not_null && !has_default && !rowid_alias,
        });
    }
    keyed.sort();
    let mut parents = BTreeSet::new();
    let mut stmt = conn.prepare("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)")?;
    for parent in stmt.query_map([name], |r| r.get::<_, String>(0))? {
        let parent = parent?;
        if parent != name {
            parents.insert(parent);
        }
    }
    Ok(Table {
        name: name.to_owned(),
        columns,
        primary_key: keyed.into_iter().map(|(_, c)| c).collect(),
        parents,
    })
}

/// Orders tables so that every table comes after the tables it refers to; ties (and any
/// cycle, which SQLite allows) fall back to name order.
fn parents_first(mut remaining: BTreeMap<String, Table>) -> Vec<Table> {
    let mut ordered: Vec<Table> = Vec::with_capacity(remaining.len());
    let mut placed = BTreeSet::new();
    while !remaining.is_empty() {
        let ready = remaining
            .iter()
            .find(|(_, t)| {
                t.parents
                    .iter()
                    .all(|p| placed.contains(p) || !remaining.contains_key(p))
            })
            .map(|(name, _)| name.clone())
            // A cycle: take the first by name so the order stays deterministic.
            .or_else(|| remaining.keys().next().cloned());
        let Some(name) = ready else { break };
        if let Some(table) = remaining.remove(&name) {
            placed.insert(name);
            ordered.push(table);
        }
    }
    ordered
}

/// `"name"`, quoted for SQL whatever the name holds.
pub(crate) fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_leave_out_the_search_index_and_come_parents_first() {
        let store = crate::Store::in_memory("Schema").unwrap();
        let tables = tables(&store.conn).unwrap();
        let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        assert!(names.contains(&"profile"), "{names:?}");
        assert!(
            !names.iter().any(|n| n.contains("_fts")),
            "the search index is derived and must not be carried: {names:?}"
        );
        for (at, table) in tables.iter().enumerate() {
            for parent in &table.parents {
                let parent_at = names.iter().position(|n| n == parent).unwrap();
                assert!(parent_at < at, "{parent} must come before {}", table.name);
            }
        }
    }

    #[test]
    fn declared_types_map_to_kinds() {
        assert_eq!(Kind::from_declared("INTEGER"), Kind::Integer);
        assert_eq!(Kind::from_declared("text"), Kind::Text);
        assert_eq!(Kind::from_declared("REAL"), Kind::Real);
        assert_eq!(Kind::from_declared(""), Kind::Any);
        assert_eq!(Kind::from_declared("BLOB"), Kind::Blob);
    }
}
