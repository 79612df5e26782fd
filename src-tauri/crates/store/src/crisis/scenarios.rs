//! The `scenarios`, `scenario_actions` and `holding_statements` tables.

use chrono::Utc;
use groundwork_core::crisis::starters;
use groundwork_core::crisis::{
    risk, validate_action, HoldingStatement, Scenario, ScenarioAction, ScenarioEdit, StatementEdit,
    ValidScenario,
};
use groundwork_core::Invalid;
use rusqlite::{params, Connection, Row, Transaction};
use std::path::Path;
use uuid::Uuid;

use super::levels::{level_name, levels};
use crate::sql::{optional_uuid, refused, sql, timestamp, update_one, uuid};
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Scenario> {
    let likelihood: u8 = row.get("likelihood")?;
    let impact: u8 = row.get("impact")?;
    Ok(Scenario {
        id: uuid(row, "id")?,
        title: row.get("title")?,
        description: row.get("description")?,
        likelihood,
        impact,
        risk: risk(likelihood, impact),
        severity_id: optional_uuid(row, "severity_id")?,
        owner: row.get("owner")?,
        signals: row.get("signals")?,
        channels: row.get("channels")?,
        finding_ids: Vec::new(),
        actions: Vec::new(),
        statements: Vec::new(),
        gaps: Vec::new(),
    })
}

fn action_from_row(row: &Row<'_>) -> rusqlite::Result<(Uuid, ScenarioAction)> {
    Ok((
        uuid(row, "scenario_id")?,
        ScenarioAction {
            id: uuid(row, "id")?,
            text: row.get("text")?,
        },
    ))
}

fn statement_from_row(row: &Row<'_>) -> rusqlite::Result<(Uuid, HoldingStatement)> {
    Ok((
        uuid(row, "scenario_id")?,
        HoldingStatement::new(uuid(row, "id")?, row.get("title")?, row.get("body")?),
    ))
}

/// Every scenario with its actions and statements, in the order they were created.
pub(crate) fn all(conn: &Connection) -> rusqlite::Result<Vec<Scenario>> {
    let mut scenarios: Vec<Scenario> = conn
        .prepare("SELECT * FROM scenarios ORDER BY created_at, id")?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare("SELECT * FROM scenario_actions ORDER BY position, id")?;
    for row in stmt.query_map([], action_from_row)? {
        let (scenario_id, action) = row?;
        if let Some(s) = scenarios.iter_mut().find(|s| s.id == scenario_id) {
            s.actions.push(action);
        }
    }
    let mut stmt = conn.prepare(
        "SELECT scenario_id, finding_id FROM scenario_findings ORDER BY scenario_id, position",
    )?;
    let links = stmt.query_map([], |r| {
        Ok((uuid(r, "scenario_id")?, uuid(r, "finding_id")?))
    })?;
    for link in links {
        let (scenario_id, finding_id) = link?;
        if let Some(s) = scenarios.iter_mut().find(|s| s.id == scenario_id) {
            s.finding_ids.push(finding_id);
        }
    }
    let mut stmt = conn.prepare("SELECT * FROM holding_statements ORDER BY position, id")?;
    for row in stmt.query_map([], statement_from_row)? {
        let (scenario_id, statement) = row?;
        if let Some(s) = scenarios.iter_mut().find(|s| s.id == scenario_id) {
            s.statements.push(statement);
        }
    }
    Ok(scenarios)
}

/// Refuses a level that no longer exists (deleted in another window, say).
fn check_level(tx: &Transaction<'_>, v: &ValidScenario, path: &Path) -> Result<()> {
    if let Some(id) = v.severity_id {
        if level_name(tx, id).map_err(sql(path))?.is_none() {
            return Err(Invalid::field(
                "severityId",
                "That severity level was deleted. Choose another level.",
            )
            .into());
        }
    }
    Ok(())
}

fn scenario_exists(tx: &Transaction<'_>, id: Uuid) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT count(*) FROM scenarios WHERE id = ?1",
        [id.to_string()],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}

/// The ids of the findings that exist now, read in the writing transaction so a finding
/// deleted in another window cannot be linked.
fn finding_ids(tx: &Transaction<'_>) -> rusqlite::Result<Vec<Uuid>> {
    tx.prepare("SELECT id FROM finding")?
        .query_map([], |r| uuid(r, "id"))?
        .collect()
}

/// Replaces the scenario's finding links with `ids`, in that order.
fn write_links(tx: &Transaction<'_>, scenario_id: Uuid, ids: &[Uuid]) -> rusqlite::Result<()> {
    let scenario_id = scenario_id.to_string();
    tx.execute(
        "DELETE FROM scenario_findings WHERE scenario_id = ?1",
        [&scenario_id],
    )?;
    for (i, id) in ids.iter().enumerate() {
        tx.execute(
            "INSERT INTO scenario_findings (scenario_id, finding_id, position)
             VALUES (?1, ?2, ?3)",
            params![
                scenario_id,
                id.to_string(),
                i64::try_from(i).unwrap_or(i64::MAX)
            ],
        )?;
    }
    Ok(())
}

pub(crate) fn insert_scenario(
    tx: &Transaction<'_>,
    id: Uuid,
    v: &ValidScenario,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO scenarios (id, title, description, likelihood, impact, severity_id, owner,
                                signals, channels, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id.to_string(),
            v.title,
            v.description,
            v.likelihood,
            v.impact,
            v.severity_id.map(|l| l.to_string()),
            v.owner,
            v.signals,
            v.channels,
            timestamp(Utc::now())
        ],
    )?;
    Ok(())
}

/// Adds an action at the end of the scenario's checklist; answers its id.
fn insert_action(tx: &Transaction<'_>, scenario_id: Uuid, text: &str) -> rusqlite::Result<Uuid> {
    let id = Uuid::now_v7();
    tx.execute(
        "INSERT INTO scenario_actions (id, scenario_id, position, text)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM scenario_actions
                          WHERE scenario_id = ?2), ?3)",
        params![id.to_string(), scenario_id.to_string(), text],
    )?;
    Ok(id)
}

/// Adds a holding statement after the scenario's others; answers its id.
fn insert_statement(
    tx: &Transaction<'_>,
    scenario_id: Uuid,
    edit: &StatementEdit,
) -> rusqlite::Result<Uuid> {
    let id = Uuid::now_v7();
    tx.execute(
        "INSERT INTO holding_statements (id, scenario_id, position, title, body)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM holding_statements
                          WHERE scenario_id = ?2), ?3, ?4)",
        params![
            id.to_string(),
            scenario_id.to_string(),
            edit.title,
            edit.body
        ],
    )?;
    Ok(id)
}

impl Store {
    /// The scenario as the plan shows it, with its gaps worked out.
    fn stored_scenario(&self, id: Uuid) -> Result<Scenario> {
        self.crisis_plan()?
            .scenario(id)
            .cloned()
            .ok_or(StoreError::Gone("scenario"))
    }

    /// Adds a scenario (`id` None) or changes one, with its finding links: an unknown finding
    /// refuses the whole edit and nothing changes. Answers the scenario as stored.
    pub fn save_scenario(&mut self, id: Option<Uuid>, edit: &ScenarioEdit) -> Result<Scenario> {
        let path = self.path.clone();
        let id = self.with_tx(|tx| {
            let v = edit.validated(&finding_ids(tx).map_err(sql(&path))?)?;
            check_level(tx, &v, &path)?;
            let id = match id {
                Some(id) => {
                    update_one(
                        tx,
                        &path,
                        "scenario",
                        "UPDATE scenarios SET title = ?2, description = ?3, likelihood = ?4,
                             impact = ?5, severity_id = ?6, owner = ?7, signals = ?8,
                             channels = ?9
                         WHERE id = ?1",
                        params![
                            id.to_string(),
                            v.title,
                            v.description,
                            v.likelihood,
                            v.impact,
                            v.severity_id.map(|l| l.to_string()),
                            v.owner,
                            v.signals,
                            v.channels
                        ],
                    )?;
                    id
                }
                None => {
                    let id = Uuid::now_v7();
                    insert_scenario(tx, id, &v).map_err(sql(&path))?;
                    id
                }
            };
            write_links(tx, id, &v.finding_ids).map_err(sql(&path))?;
            Ok(id)
        })?;
        self.stored_scenario(id)
    }

    /// Copies a scenario from the starter library, with its first actions and holding
    /// statement, at the starter's severity when the workbook has a level in that place.
    pub fn add_starter_scenario(&mut self, key: &str) -> Result<Scenario> {
        let Some(starter) = starters::find(key) else {
            return Err(refused(format!(
                "There is no starter scenario called “{key}”. Choose one from the library."
            )));
        };
        let path = self.path.clone();
        let id = Uuid::now_v7();
        self.with_tx(|tx| {
            let levels = levels(tx).map_err(sql(&path))?;
            let v = ValidScenario {
                title: starter.title.clone(),
                description: starter.description.clone(),
                likelihood: starter.likelihood,
                impact: starter.impact,
                severity_id: levels.get(usize::from(starter.level)).map(|l| l.id),
                owner: String::new(),
                signals: starter.signals.join("\n"),
                channels: starter.channels.join("\n"),
                finding_ids: Vec::new(),
            };
            insert_scenario(tx, id, &v).map_err(sql(&path))?;
            for action in &starter.actions {
                insert_action(tx, id, action).map_err(sql(&path))?;
            }
            let statement = StatementEdit {
                title: starter.statement_title.clone(),
                body: starter.statement.clone(),
            };
            insert_statement(tx, id, &statement).map_err(sql(&path))?;
            Ok(())
        })?;
        self.stored_scenario(id)
    }

    /// Deletes a scenario with its actions and statements.
    pub fn delete_scenario(&mut self, id: Uuid) -> Result<()> {
        self.trash_one("Scenario", "scenarios", id, "scenario")
    }

    /// Adds a first action at the end of the scenario's checklist (`id` None) or changes one
    /// of its actions; answers the action as stored.
    pub fn save_action(
        &mut self,
        scenario_id: Uuid,
        id: Option<Uuid>,
        text: &str,
    ) -> Result<ScenarioAction> {
        let text = validate_action(text)?;
        let path = self.path.clone();
        let id = self.with_tx(|tx| match id {
            Some(id) => {
                update_one(
                    tx,
                    &path,
                    "action",
                    "UPDATE scenario_actions SET text = ?3 WHERE id = ?1 AND scenario_id = ?2",
                    params![id.to_string(), scenario_id.to_string(), text],
                )?;
                Ok(id)
            }
            None => {
                if !scenario_exists(tx, scenario_id).map_err(sql(&path))? {
                    return Err(StoreError::Gone("scenario"));
                }
                insert_action(tx, scenario_id, &text).map_err(sql(&path))
            }
        })?;
        self.stored_scenario(scenario_id)?
            .actions
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(StoreError::Gone("action"))
    }

    pub fn delete_action(&mut self, id: Uuid) -> Result<()> {
        self.trash_one("Action", "scenario_actions", id, "action")
    }

    /// Moves an action one place up (`-1`) or down (`1`) in its checklist.
    pub fn move_action(&mut self, id: Uuid, delta: i64) -> Result<()> {
        let path = self.path.clone();
        let key = id.to_string();
        self.with_tx(|tx| {
            let scenario_id: Option<String> = tx
                .query_row(
                    "SELECT scenario_id FROM scenario_actions WHERE id = ?1",
                    [&key],
                    |r| r.get(0),
                )
                .ok();
            let Some(scenario_id) = scenario_id else {
                return Err(StoreError::Gone("action"));
            };
            let mut ids: Vec<String> = tx
                .prepare(
                    "SELECT id FROM scenario_actions WHERE scenario_id = ?1 ORDER BY position, id",
                )
                .and_then(|mut s| {
                    s.query_map([&scenario_id], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()
                })
                .map_err(sql(&path))?;
            let Some(at) = ids.iter().position(|i| *i == key) else {
                return Err(StoreError::Gone("action"));
            };
            let to = (at as i64 + delta).clamp(0, ids.len() as i64 - 1) as usize;
            let moved = ids.remove(at);
            ids.insert(to, moved);
            for (i, action_id) in ids.iter().enumerate() {
                tx.execute(
                    "UPDATE scenario_actions SET position = ?2 WHERE id = ?1",
                    params![action_id, i as i64 + 1],
                )
                .map_err(sql(&path))?;
            }
            Ok(())
        })
    }

    /// Adds a holding statement to the scenario (`id` None) or changes one of its statements.
    /// A statement is saved even when it has unknown placeholders (so nothing typed is lost);
    /// it then carries sentences about them. Answers the statement as stored.
    pub fn save_statement(
        &mut self,
        scenario_id: Uuid,
        id: Option<Uuid>,
        edit: &StatementEdit,
    ) -> Result<HoldingStatement> {
        let edit = edit.validated()?;
        let path = self.path.clone();
        let id = self.with_tx(|tx| match id {
            Some(id) => {
                update_one(
                    tx,
                    &path,
                    "holding statement",
                    "UPDATE holding_statements SET title = ?3, body = ?4
                     WHERE id = ?1 AND scenario_id = ?2",
                    params![
                        id.to_string(),
                        scenario_id.to_string(),
                        edit.title,
                        edit.body
                    ],
                )?;
                Ok(id)
            }
            None => {
                if !scenario_exists(tx, scenario_id).map_err(sql(&path))? {
                    return Err(StoreError::Gone("scenario"));
                }
                insert_statement(tx, scenario_id, &edit).map_err(sql(&path))
            }
        })?;
        self.stored_scenario(scenario_id)?
            .statements
            .into_iter()
            .find(|st| st.id == id)
            .ok_or(StoreError::Gone("holding statement"))
    }

    pub fn delete_statement(&mut self, id: Uuid) -> Result<()> {
        self.trash_one(
            "Holding statement",
            "holding_statements",
            id,
            "holding statement",
        )
    }
}
