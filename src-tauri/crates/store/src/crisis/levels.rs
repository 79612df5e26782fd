//! The `severity_levels` table: the crisis plan's severity levels, which scenarios and the
//! escalation matrix refer to.

use groundwork_core::crisis::{format_minutes, SeverityEdit, SeverityLevel};
use groundwork_core::text::and_list;
use rusqlite::{params, Connection, Row};
use uuid::Uuid;

use crate::sql::{refused, sql, update_one, uuid};
use crate::trash::delete_record;
use crate::{Result, Store, StoreError};

fn level_from_row(row: &Row<'_>) -> rusqlite::Result<SeverityLevel> {
    let minutes: u32 = row.get("response_minutes")?;
    Ok(SeverityLevel {
        id: uuid(row, "id")?,
        name: row.get("name")?,
        definition: row.get("definition")?,
        response_minutes: minutes,
        response_time: format_minutes(minutes),
    })
}

pub(crate) fn levels(conn: &Connection) -> rusqlite::Result<Vec<SeverityLevel>> {
    let mut stmt = conn.prepare("SELECT * FROM severity_levels ORDER BY position, id")?;
    let rows = stmt.query_map([], level_from_row)?;
    rows.collect()
}

pub(crate) fn level_name(conn: &Connection, id: Uuid) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare("SELECT name FROM severity_levels WHERE id = ?1")?;
    let mut rows = stmt.query_map([id.to_string()], |r| r.get(0))?;
    rows.next().transpose()
}

impl Store {
    /// Adds a severity level at the end of the list (`id` None) or changes one; answers the
    /// level as stored.
    pub fn save_severity(
        &mut self,
        id: Option<Uuid>,
        edit: &SeverityEdit,
    ) -> Result<SeverityLevel> {
        let v = edit.validated()?;
        let path = self.path.clone();
        let id = self.with_tx(|tx| match id {
            Some(id) => {
                update_one(
                    tx,
                    &path,
                    "severity level",
                    "UPDATE severity_levels SET name = ?2, definition = ?3, response_minutes = ?4
                     WHERE id = ?1",
                    params![id.to_string(), v.name, v.definition, v.response_minutes],
                )?;
                Ok(id)
            }
            None => {
                let id = Uuid::now_v7();
                tx.execute(
                    "INSERT INTO severity_levels (id, position, name, definition, response_minutes)
                     VALUES (?1, (SELECT COALESCE(MAX(position), 0) + 1 FROM severity_levels),
                             ?2, ?3, ?4)",
                    params![id.to_string(), v.name, v.definition, v.response_minutes],
                )
                .map_err(sql(&path))?;
                Ok(id)
            }
        })?;
        self.crisis_plan()?
            .level(id)
            .cloned()
            .ok_or(StoreError::Gone("severity level"))
    }

    /// Deletes a level nobody uses. A level that scenarios or escalation lines use is kept,
    /// with a sentence that names them.
    pub fn delete_severity(&mut self, id: Uuid) -> Result<()> {
        let path = self.path.clone();
        let key = id.to_string();
        self.with_tx(|tx| {
            let Some(name) = level_name(tx, id).map_err(sql(&path))? else {
                return Ok(());
            };
            let titles: Vec<String> = {
                let mut stmt = tx
                    .prepare("SELECT title FROM scenarios WHERE severity_id = ?1 ORDER BY title")
                    .map_err(sql(&path))?;
                let rows = stmt.query_map([&key], |r| r.get(0)).map_err(sql(&path))?;
                rows.collect::<rusqlite::Result<_>>().map_err(sql(&path))?
            };
            let lines: i64 = tx
                .query_row(
                    "SELECT count(*) FROM escalations WHERE severity_id = ?1",
                    [&key],
                    |r| r.get(0),
                )
                .map_err(sql(&path))?;
            let mut uses = Vec::new();
            if !titles.is_empty() {
                let quoted: Vec<String> = titles.iter().map(|t| format!("“{t}”")).collect();
                uses.push(format!(
                    "{} {}",
                    if titles.len() == 1 { "the scenario" } else { "the scenarios" },
                    and_list(&quoted)
                ));
            }
            if lines > 0 {
                uses.push(format!(
                    "{lines} {} of the escalation matrix",
                    if lines == 1 { "line" } else { "lines" }
                ));
            }
            if !uses.is_empty() {
                return Err(refused(format!(
                    "“{name}” is still used by {}. Give them another level first; nothing was deleted.",
                    and_list(&uses)
                )));
            }
            delete_record(tx, "Severity level", "severity_levels", &key).map_err(sql(&path))?;
            Ok(())
        })
    }
}
