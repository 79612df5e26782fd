//! The Trash: every deletion in a workbook goes through [`Deletion`], which captures the
//! record and every row its deletion takes with it (rows removed by `ON DELETE CASCADE`,
//! references cleared by `ON DELETE SET NULL`, citations removed by triggers) into one trash
//! entry, inside the deleting transaction. Restoring puts all of it back in one transaction.
//! Entries older than [`KEEP_DAYS`] are purged when a workbook opens.
//!
//! The walk reads the schema (`pragma foreign_key_list` of every table), so a table added
//! later is covered as soon as its foreign keys say how it hangs off its parent. Links kept by
//! triggers rather than foreign keys are listed in [`LOOSE_REFERENCES`].

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use ts_rs::TS;
use uuid::Uuid;

use crate::sql::{parse_timestamp, timestamp, uuid};
use crate::{Result, Store, StoreError};

/// How long a deleted record stays restorable.
pub const KEEP_DAYS: i64 = 30;

/// References kept by triggers instead of foreign keys: (table, kind column, id column, and
/// which parent table each kind points at). Deleting the parent deletes these rows.
type LooseReference = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);
const LOOSE_REFERENCES: &[LooseReference] = &[(
    "goal_evidence",
    "kind",
    "ref_id",
    &[
        ("finding", "finding"),
        ("themes", "theme"),
        ("quotes", "quote"),
    ],
)];

/// One deleted record as the Trash lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct TrashEntry {
    pub id: Uuid,
    /// What it was: "Channel", "Interview", "KPI"…
    pub kind: String,
    /// How the strategist knew it, e.g. Channel “Discord”.
    pub label: String,
    pub deleted_at: DateTime<Utc>,
    /// Whole days until it is purged (0 on its last day).
    pub days_left: u32,
    /// How many rows it holds, the record included.
    pub rows: u32,
}

/// A row as stored in a trash entry: its table and each column's value.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SavedRow {
    table: String,
    row: BTreeMap<String, Json>,
}

/// A reference that `ON DELETE SET NULL` cleared, to be put back on restore.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ClearedReference {
    table: String,
    key: BTreeMap<String, Json>,
    column: String,
    value: Json,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Contents {
    /// Parent rows before the rows that hang off them.
    deleted: Vec<SavedRow>,
    cleared: Vec<ClearedReference>,
}

struct ForeignKey {
    child: String,
    from: String,
    parent: String,
    /// The parent's column; the parent's primary key when the schema leaves it out.
    to: String,
    on_delete: String,
}

struct Schema {
    keys: Vec<ForeignKey>,
    primary_keys: BTreeMap<String, Vec<String>>,
    /// Tables whose `INTEGER PRIMARY KEY` is the rowid (renumbered on restore if taken).
    rowid_aliases: BTreeMap<String, String>,
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Schema {
    fn read(conn: &Connection) -> rusqlite::Result<Self> {
        let mut stmt = conn.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
               AND sql NOT LIKE 'CREATE VIRTUAL%'",
        )?;
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut schema = Schema {
            keys: Vec::new(),
            primary_keys: BTreeMap::new(),
            rowid_aliases: BTreeMap::new(),
        };
        for table in &tables {
            let mut info = conn.prepare(&format!("PRAGMA table_info({})", quote_ident(table)))?;
            let mut columns: Vec<(i64, String, String)> = info
                .query_map([], |r| Ok((r.get("pk")?, r.get("name")?, r.get("type")?)))?
                .collect::<rusqlite::Result<_>>()?;
            columns.retain(|(pk, _, _)| *pk > 0);
            columns.sort_by_key(|(pk, _, _)| *pk);
            if let [(_, name, kind)] = columns.as_slice() {
                if kind.eq_ignore_ascii_case("INTEGER") && has_rowid(conn, table)? {
                    schema.rowid_aliases.insert(table.clone(), name.clone());
                }
            }
            schema.primary_keys.insert(
                table.clone(),
                columns.into_iter().map(|(_, name, _)| name).collect(),
            );
        }
        for table in &tables {
            let mut stmt =
                conn.prepare(&format!("PRAGMA foreign_key_list({})", quote_ident(table)))?;
            let rows: Vec<(String, String, Option<String>, String)> = stmt
                .query_map([], |r| {
                    Ok((
                        r.get("table")?,
                        r.get("from")?,
                        r.get("to")?,
                        r.get("on_delete")?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (parent, from, to, on_delete) in rows {
                let to = match to {
                    Some(to) => to,
                    None => schema
                        .primary_keys
                        .get(&parent)
                        .and_then(|k| k.first().cloned())
                        .unwrap_or_else(|| "rowid".to_owned()),
                };
                schema.keys.push(ForeignKey {
                    child: table.clone(),
                    from,
                    parent,
                    to,
                    on_delete: on_delete.to_ascii_uppercase(),
                });
            }
        }
        Ok(schema)
    }

    fn key_of(&self, table: &str, row: &BTreeMap<String, Json>) -> BTreeMap<String, Json> {
        match self.primary_keys.get(table) {
            Some(columns) if !columns.is_empty() => columns
                .iter()
                .map(|c| (c.clone(), row.get(c).cloned().unwrap_or(Json::Null)))
                .collect(),
            _ => row.clone(),
        }
    }
}

fn has_rowid(conn: &Connection, table: &str) -> rusqlite::Result<bool> {
    let sql: String = conn.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [table],
        |r| r.get(0),
    )?;
    Ok(!sql.to_ascii_uppercase().contains("WITHOUT ROWID"))
}

fn to_json(value: ValueRef<'_>) -> Json {
    match value {
        ValueRef::Null => Json::Null,
        ValueRef::Integer(i) => Json::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number),
        ValueRef::Text(t) => Json::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Json::Array(b.iter().map(|byte| Json::from(*byte)).collect()),
    }
}

fn to_sql(value: &Json) -> Value {
    match value {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .or_else(|| n.as_f64().map(Value::Real))
            .unwrap_or(Value::Null),
        Json::String(s) => Value::Text(s.clone()),
        Json::Array(bytes) => Value::Blob(
            bytes
                .iter()
                .filter_map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
                .collect(),
        ),
        Json::Object(_) => Value::Null,
    }
}

fn select_rows(
    conn: &Connection,
    table: &str,
    condition: &str,
    values: &[Value],
) -> rusqlite::Result<Vec<BTreeMap<String, Json>>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT * FROM {} WHERE {condition}",
        quote_ident(table)
    ))?;
    let names: Vec<String> = stmt
        .column_names()
        .iter()
        .map(|n| (*n).to_owned())
        .collect();
    let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
        let mut row = BTreeMap::new();
        for (i, name) in names.iter().enumerate() {
            row.insert(name.clone(), to_json(r.get_ref(i)?));
        }
        Ok(row)
    })?;
    rows.collect()
}

/// A deletion in progress inside one transaction. Call [`Deletion::remove`] for each set of
/// rows to delete (links first, then the record), then [`Deletion::finish`] to file the
/// trash entry.
///
/// ```text
/// let mut deletion = Deletion::new(tx)?;
/// let removed = deletion.remove("channel", "id", &id)?;
/// deletion.finish("Channel", None)?;
/// ```
pub(crate) struct Deletion<'t> {
    tx: &'t Transaction<'t>,
    schema: Schema,
    contents: Contents,
    seen: HashSet<String>,
    /// The first row of the record itself, for its label.
    record: Option<SavedRow>,
}

impl<'t> Deletion<'t> {
    pub(crate) fn new(tx: &'t Transaction<'t>) -> rusqlite::Result<Self> {
        Ok(Self {
            tx,
            schema: Schema::read(tx)?,
            contents: Contents::default(),
            seen: HashSet::new(),
            record: None,
        })
    }

    /// Captures the rows of `table` whose `column` is `value`, with everything their deletion
    /// takes along, then deletes them. Returns how many rows of `table` were deleted.
    pub(crate) fn remove(
        &mut self,
        table: &str,
        column: &str,
        value: &str,
    ) -> rusqlite::Result<usize> {
        let condition = format!("{} = ?1", quote_ident(column));
        let values = [Value::Text(value.to_owned())];
        let rows = select_rows(self.tx, table, &condition, &values)?;
        for row in rows {
            if self.record.is_none() && column == "id" {
                self.record = Some(SavedRow {
                    table: table.to_owned(),
                    row: row.clone(),
                });
            }
            self.capture(table, row)?;
        }
        self.tx.execute(
            &format!("DELETE FROM {} WHERE {condition}", quote_ident(table)),
            params_from_iter(values.iter()),
        )
    }

    fn capture(&mut self, table: &str, row: BTreeMap<String, Json>) -> rusqlite::Result<()> {
        let key = self.schema.key_of(table, &row);
        let identity = format!(
            "{table}\u{0}{}",
            serde_json::to_string(&key).unwrap_or_default()
        );
        if !self.seen.insert(identity) {
            return Ok(());
        }
        self.contents.deleted.push(SavedRow {
            table: table.to_owned(),
            row: row.clone(),
        });
        let children: Vec<(String, String, String, String)> = self
            .schema
            .keys
            .iter()
            .filter(|k| k.parent == table)
            .map(|k| {
                (
                    k.child.clone(),
                    k.from.clone(),
                    k.to.clone(),
                    k.on_delete.clone(),
                )
            })
            .collect();
        for (child, from, to, on_delete) in children {
            let Some(value) = row.get(&to).filter(|v| !v.is_null()) else {
                continue;
            };
            let condition = format!("{} = ?1", quote_ident(&from));
            let found = select_rows(self.tx, &child, &condition, &[to_sql(value)])?;
            match on_delete.as_str() {
                "CASCADE" => {
                    for child_row in found {
                        self.capture(&child, child_row)?;
                    }
                }
                "SET NULL" => {
                    for child_row in found {
                        self.contents.cleared.push(ClearedReference {
                            key: self.schema.key_of(&child, &child_row),
                            table: child.clone(),
                            column: from.clone(),
                            value: value.clone(),
                        });
                    }
                }
                _ => {}
            }
        }
        for (loose_table, kind_column, id_column, parents) in LOOSE_REFERENCES {
            let Some((_, kind)) = parents.iter().find(|(parent, _)| *parent == table) else {
                continue;
            };
            let Some(id) = row.get("id").filter(|v| !v.is_null()) else {
                continue;
            };
            let condition = format!(
                "{} = ?1 AND {} = ?2",
                quote_ident(kind_column),
                quote_ident(id_column)
            );
            let found = select_rows(
                self.tx,
                loose_table,
                &condition,
                &[Value::Text((*kind).to_owned()), to_sql(id)],
            )?;
            for loose_row in found {
                self.capture(loose_table, loose_row)?;
            }
        }
        Ok(())
    }

    /// Files what was deleted as one trash entry, labelled `kind` and the record's name (or
    /// `label` when given). Nothing is filed when nothing was deleted. Returns the entry's id.
    pub(crate) fn finish(
        self,
        kind: &str,
        label: Option<String>,
    ) -> rusqlite::Result<Option<Uuid>> {
        if self.contents.deleted.is_empty() {
            return Ok(None);
        }
        let label = label.unwrap_or_else(|| match self.record.as_ref().and_then(record_name) {
            Some(name) => format!("{kind} “{name}”"),
            None => kind.to_owned(),
        });
        let id = Uuid::now_v7();
        let contents = serde_json::to_string(&self.contents)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        self.tx.execute(
            "INSERT INTO trash (id, kind, label, deleted_at, contents) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id.to_string(), kind, label, timestamp(Utc::now()), contents],
        )?;
        Ok(Some(id))
    }
}

/// The name a strategist knew a record by: its first non-empty name-like column, shortened.
fn record_name(record: &SavedRow) -> Option<String> {
    ["name", "title", "text", "taken_on", "measured_on", "date"]
        .iter()
        .filter_map(|c| record.row.get(*c).and_then(Json::as_str))
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(|s| shorten(s, 60))
}

fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// One SQL statement's worth of "record missing" for restore's sentences: "a channel".
fn noun(table: &str) -> String {
    let singular = table.strip_suffix('s').unwrap_or(table);
    singular.replace('_', " ")
}

fn entry_from_row(row: &rusqlite::Row<'_>, now: DateTime<Utc>) -> rusqlite::Result<TrashEntry> {
    let deleted_at = parse_timestamp(&row.get::<_, String>("deleted_at")?)?;
    let contents: String = row.get("contents")?;
    let rows = serde_json::from_str::<Contents>(&contents)
        .map(|c| c.deleted.len())
        .unwrap_or(0);
    let left = (deleted_at + Duration::days(KEEP_DAYS) - now)
        .num_days()
        .max(0);
    Ok(TrashEntry {
        id: uuid(row, "id")?,
        kind: row.get("kind")?,
        label: row.get("label")?,
        deleted_at,
        days_left: u32::try_from(left).unwrap_or(0),
        rows: u32::try_from(rows).unwrap_or(u32::MAX),
    })
}

/// Deletes entries older than [`KEEP_DAYS`]; called when a workbook opens.
pub(crate) fn purge_expired(conn: &Connection, now: DateTime<Utc>) -> rusqlite::Result<usize> {
    let cutoff = now - Duration::days(KEEP_DAYS);
    conn.execute(
        "DELETE FROM trash WHERE deleted_at < ?1",
        [timestamp(cutoff)],
    )
}

impl Store {
    /// Everything in the Trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<TrashEntry>> {
        let now = Utc::now();
        let load = || -> rusqlite::Result<Vec<TrashEntry>> {
            let mut stmt = self
                .conn
                .prepare("SELECT * FROM trash ORDER BY deleted_at DESC, id DESC")?;
            let rows = stmt.query_map([], |r| entry_from_row(r, now))?;
            rows.collect()
        };
        load().map_err(|e| StoreError::from_sqlite(e, &self.path))
    }

    /// The entry the last deletion filed, for an "Undo" right after it.
    pub fn last_deleted(&self) -> Result<Option<TrashEntry>> {
        Ok(self.trash()?.into_iter().next())
    }

    /// Puts a deleted record back with everything that went with it, in one transaction, and
    /// takes it out of the Trash. Refused with a sentence when something it belongs to is
    /// gone (naming the Trash entry to restore first) or when a newer record now takes its
    /// name.
    pub fn restore_from_trash(&mut self, id: Uuid) -> Result<TrashEntry> {
        let id = id.to_string();
        let path = self.path.clone();
        let now = Utc::now();
        self.with_tx(|tx| {
            let sql = |e| StoreError::from_sqlite(e, &path);
            let found = tx
                .query_row("SELECT * FROM trash WHERE id = ?1", [&id], |r| {
                    Ok((entry_from_row(r, now)?, r.get::<_, String>("contents")?))
                })
                .optional()
                .map_err(sql)?;
            let Some((entry, contents)) = found else {
                return Err(StoreError::Gone("deleted record"));
            };
            let contents: Contents =
                serde_json::from_str(&contents).map_err(|e| StoreError::Io {
                    path: path.clone(),
                    detail: format!("its Trash entry for {} is damaged ({e}).", entry.label),
                })?;
            restore(tx, &entry, &contents).map_err(|e| match e {
                Restore::Refused(message) => crate::sql::refused(message),
                Restore::Sql(e) => sql(e),
            })?;
            tx.execute("DELETE FROM trash WHERE id = ?1", [&id])
                .map_err(sql)?;
            crate::profile::touch(tx, now).map_err(sql)?;
            Ok(entry)
        })
    }

    /// Deletes everything in the Trash for good.
    pub fn empty_trash(&mut self) -> Result<usize> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute("DELETE FROM trash", [])
                .map_err(|e| StoreError::from_sqlite(e, &path))
        })
    }
}

enum Restore {
    Refused(String),
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for Restore {
    fn from(e: rusqlite::Error) -> Self {
        Restore::Sql(e)
    }
}

fn restore(
    tx: &Transaction<'_>,
    entry: &TrashEntry,
    contents: &Contents,
) -> std::result::Result<(), Restore> {
    let schema = Schema::read(tx)?;
    // Rows go back in the order they were captured, which is not always parents first (links
    // removed before their record); references are checked when the transaction commits.
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let in_entry: HashSet<String> = contents
        .deleted
        .iter()
        .flat_map(|saved| {
            schema
                .keys
                .iter()
                .filter(|k| k.parent == saved.table)
                .filter_map(|k| {
                    saved
                        .row
                        .get(&k.to)
                        .map(|v| format!("{}\u{0}{}\u{0}{v}", k.parent, k.to))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    // Everything each row points at must exist, or come back with it.
    for saved in &contents.deleted {
        for key in schema.keys.iter().filter(|k| k.child == saved.table) {
            let Some(value) = saved.row.get(&key.from).filter(|v| !v.is_null()) else {
                continue;
            };
            if in_entry.contains(&format!("{}\u{0}{}\u{0}{value}", key.parent, key.to)) {
                continue;
            }
            let exists: bool = tx.query_row(
                &format!(
                    "SELECT EXISTS (SELECT 1 FROM {} WHERE {} = ?1)",
                    quote_ident(&key.parent),
                    quote_ident(&key.to)
                ),
                [to_sql(value)],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(Restore::Refused(missing_parent(
                    tx,
                    entry,
                    &key.parent,
                    value,
                )?));
            }
        }
    }
    for saved in &contents.deleted {
        let mut columns: Vec<&String> = saved.row.keys().collect();
        if let Some(alias) = schema.rowid_aliases.get(&saved.table) {
            // A newer row may have taken the old rowid; let SQLite number this one afresh.
            let taken: bool = saved.row.get(alias).is_some_and(|v| {
                tx.query_row(
                    &format!(
                        "SELECT EXISTS (SELECT 1 FROM {} WHERE {} = ?1)",
                        quote_ident(&saved.table),
                        quote_ident(alias)
                    ),
                    [to_sql(v)],
                    |r| r.get(0),
                )
                .unwrap_or(true)
            });
            if taken {
                columns.retain(|c| *c != alias);
            }
        }
        let names: Vec<String> = columns.iter().map(|c| quote_ident(c)).collect();
        let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        let values: Vec<Value> = columns.iter().map(|c| to_sql(&saved.row[*c])).collect();
        let inserted = tx.execute(
            &format!(
                "INSERT INTO {} ({}) VALUES ({})",
                quote_ident(&saved.table),
                names.join(", "),
                marks.join(", ")
            ),
            params_from_iter(values.iter()),
        );
        match inserted {
            Ok(_) => {}
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => {
                return Err(Restore::Refused(format!(
                    "{} can’t be restored: a {} with the same name or date now exists. Rename or delete that one, then restore again.",
                    entry.label,
                    noun(&saved.table)
                )));
            }
            Err(e) => return Err(e.into()),
        }
    }
    for cleared in &contents.cleared {
        let mut conditions = Vec::new();
        let mut values = vec![to_sql(&cleared.value)];
        for (i, (column, value)) in cleared.key.iter().enumerate() {
            conditions.push(format!("{} = ?{}", quote_ident(column), i + 2));
            values.push(to_sql(value));
        }
        // Only a reference still empty is put back: one set anew since stays as it is.
        tx.execute(
            &format!(
                "UPDATE {} SET {col} = ?1 WHERE {} AND {col} IS NULL",
                quote_ident(&cleared.table),
                conditions.join(" AND "),
                col = quote_ident(&cleared.column)
            ),
            params_from_iter(values.iter()),
        )?;
    }
    Ok(())
}

/// The sentence for a restore that needs a record deleted since: names the Trash entry that
/// holds it when there is one.
fn missing_parent(
    tx: &Transaction<'_>,
    entry: &TrashEntry,
    table: &str,
    value: &Json,
) -> rusqlite::Result<String> {
    let needle = format!("\"{table}\"");
    let value_text = value.to_string();
    let mut stmt =
        tx.prepare("SELECT label, contents FROM trash WHERE id <> ?1 ORDER BY deleted_at DESC")?;
    let others: Vec<(String, String)> = stmt
        .query_map([entry.id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (label, contents) in others {
        if !contents.contains(&needle) || !contents.contains(&value_text) {
            continue;
        }
        let holds = serde_json::from_str::<Contents>(&contents).is_ok_and(|c| {
            c.deleted
                .iter()
                .any(|s| s.table == table && s.row.values().any(|v| v == value))
        });
        if holds {
            return Ok(format!(
                "{} can’t be restored on its own: the {} it belongs to was deleted too. Restore {label} first, then this.",
                entry.label,
                noun(table)
            ));
        }
    }
    Ok(format!(
        "{} can’t be restored: the {} it belongs to no longer exists.",
        entry.label,
        noun(table)
    ))
}

impl Store {
    /// Deletes one record through the Trash (so it can be undone and restored) and marks the
    /// workbook changed; a record that is not there is refused as gone (`what` names it).
    pub(crate) fn trash_one(
        &mut self,
        kind: &str,
        table: &str,
        id: Uuid,
        what: &'static str,
    ) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            let removed = delete_record(tx, kind, table, &id.to_string())
                .map_err(|e| StoreError::from_sqlite(e, &path))?;
            if removed == 0 {
                return Err(StoreError::Gone(what));
            }
            crate::profile::touch(tx, Utc::now()).map_err(|e| StoreError::from_sqlite(e, &path))
        })
    }
}

/// The one way a record is deleted: deletes the row of `table` whose `id` column is `id`, with
/// everything its deletion takes along, and files it all in the Trash as one entry of `kind`
/// ("Channel", "KPI"…) labelled with the record's name. Call it inside the deleting
/// transaction. Returns how many rows of `table` were deleted (0: there was no such record).
pub(crate) fn delete_record(
    tx: &Transaction<'_>,
    kind: &str,
    table: &str,
    id: &str,
) -> rusqlite::Result<usize> {
    let mut deletion = Deletion::new(tx)?;
    let removed = deletion.remove(table, "id", id)?;
    deletion.finish(kind, None)?;
    Ok(removed)
}

#[cfg(test)]
mod tests;
