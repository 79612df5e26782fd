//! The `scenarios`, `scenario_actions` and `holding_statements` tables.

use chrono::Utc;
use groundwork_core::crisis::starters;
use groundwork_core::crisis::{
    risk, validate_action, CrisisPlan, HoldingStatement, Scenario, ScenarioAction, ScenarioEdit,
    StatementEdit, ValidScenario,
};
use groundwork_core::Invalid;
use rusqlite::{params, Connection, Row, Transaction};

use super::levels::{level_name, levels};
use crate::sql::{new_id, refused, sql, timestamp};
use std::path::Path;
use uuid::Uuid;

use crate::{Result, Store};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Scenario> {
    let likelihood: u8 = row.get("likelihood")?;
    let impact: u8 = row.get("impact")?;
    Ok(Scenario {
        id: row.get("id")?,
        title: row.get("title")?,
        description: row.get("description")?,
        likelihood,
        impact,
        risk: risk(likelihood, impact),
        severity_id: row.get("severity_id")?,
        owner: row.get("owner")?,
        signals: row.get("signals")?,
        channels: row.get("channels")?,
        finding_ids: Vec::new(),
        actions: Vec::new(),
        statements: Vec::new(),
        gaps: Vec::new(),
    })
}

fn action_from_row(row: &Row<'_>) -> rusqlite::Result<(String, ScenarioAction)> {
    Ok((
        row.get("scenario_id")?,
        ScenarioAction {
            id: row.get("id")?,
            text: row.get("text")?,
        },
    ))
}

fn statement_from_row(row: &Row<'_>) -> rusqlite::Result<(String, HoldingStatement)> {
    Ok((
        row.get("scenario_id")?,
        HoldingStatement::new(row.get("id")?, row.get("title")?, row.get("body")?),
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
        Ok((r.get::<_, String>(0)?, crate::sql::uuid(r, "finding_id")?))
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
    if let Some(id) = &v.severity_id {
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

fn scenario_exists(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<bool> {
    tx.query_row("SELECT count(*) FROM scenarios WHERE id = ?1", [id], |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| n > 0)
}

/// The ids of the findings that exist now, read in the writing transaction so a finding
/// deleted in another window cannot be linked.
fn finding_ids(tx: &Transaction<'_>) -> rusqlite::Result<Vec<Uuid>> {
    tx.prepare("SELECT id FROM finding")?
        .query_map([], |r| crate::sql::uuid(r, "id"))?
        .collect()
}

/// Replaces the scenario's finding links with `ids`, in that order.
fn write_links(tx: &Transaction<'_>, scenario_id: &str, ids: &[Uuid]) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM scenario_findings WHERE scenario_id = ?1",
        [scenario_id],
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

const GONE: &str = "This scenario was deleted, so the change was not saved.";

pub(crate) fn insert_scenario(
    tx: &Transaction<'_>,
    id: &str,
    v: &ValidScenario,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO scenarios (id, title, description, likelihood, impact, severity_id, owner,
                                signals, channels, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            v.title,
            v.description,
            v.likelihood,
            v.impact,
            v.severity_id,
            v.owner,
            v.signals,
            v.channels,
            timestamp(Utc::now())
        ],
    )?;
    Ok(())
}

fn insert_action(tx: &Transaction<'_>, scenario_id: &str, text: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO scenario_actions (id, scenario_id, position, text)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM scenario_actions
                          WHERE scenario_id = ?2), ?3)",
        params![new_id(), scenario_id, text],
    )?;
    Ok(())
}

fn insert_statement(
    tx: &Transaction<'_>,
    scenario_id: &str,
    edit: &StatementEdit,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO holding_statements (id, scenario_id, position, title, body)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM holding_statements
                          WHERE scenario_id = ?2), ?3, ?4)",
        params![new_id(), scenario_id, edit.title, edit.body],
    )?;
    Ok(())
}

impl Store {
    /// Adds a scenario; returns the plan and the new scenario's id.
    pub fn create_scenario(&mut self, edit: &ScenarioEdit) -> Result<(CrisisPlan, String)> {
        let path = self.path.clone();
        let id = new_id();
        self.with_tx(|tx| {
            let v = edit.validated(&finding_ids(tx).map_err(sql(&path))?)?;
            check_level(tx, &v, &path)?;
            insert_scenario(tx, &id, &v).map_err(sql(&path))?;
            write_links(tx, &id, &v.finding_ids).map_err(sql(&path))
        })?;
        Ok((self.crisis_plan()?, id))
    }

    /// Copies a scenario from the starter library, with its first actions and holding
    /// statement, at the starter's severity when the workbook has a level in that place.
    pub fn create_starter_scenario(&mut self, key: &str) -> Result<(CrisisPlan, String)> {
        let Some(starter) = starters::find(key) else {
            return Err(refused(format!(
                "There is no starter scenario called “{key}”. Choose one from the library."
            )));
        };
        let path = self.path.clone();
        let id = new_id();
        self.with_tx(|tx| {
            let levels = levels(tx).map_err(sql(&path))?;
            let v = ValidScenario {
                title: starter.title.clone(),
                description: starter.description.clone(),
                likelihood: starter.likelihood,
                impact: starter.impact,
                severity_id: levels.get(usize::from(starter.level)).map(|l| l.id.clone()),
                owner: String::new(),
                signals: starter.signals.join("\n"),
                channels: starter.channels.join("\n"),
                finding_ids: Vec::new(),
            };
            insert_scenario(tx, &id, &v).map_err(sql(&path))?;
            for action in &starter.actions {
                insert_action(tx, &id, action).map_err(sql(&path))?;
            }
            let statement = StatementEdit {
                title: starter.statement_title.clone(),
                body: starter.statement.clone(),
            };
            insert_statement(tx, &id, &statement).map_err(sql(&path))
        })?;
        Ok((self.crisis_plan()?, id))
    }

    /// Saves the scenario and its finding links together: an unknown finding refuses the
    /// whole edit and nothing changes.
    pub fn update_scenario(&mut self, id: &str, edit: &ScenarioEdit) -> Result<CrisisPlan> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            let v = edit.validated(&finding_ids(tx).map_err(sql(&path))?)?;
            check_level(tx, &v, &path)?;
            let n = tx
                .execute(
                    "UPDATE scenarios SET title = ?2, description = ?3, likelihood = ?4,
                         impact = ?5, severity_id = ?6, owner = ?7, signals = ?8, channels = ?9
                     WHERE id = ?1",
                    params![
                        id,
                        v.title,
                        v.description,
                        v.likelihood,
                        v.impact,
                        v.severity_id,
                        v.owner,
                        v.signals,
                        v.channels
                    ],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(refused(GONE));
            }
            write_links(tx, id, &v.finding_ids).map_err(sql(&path))
        })?;
        self.crisis_plan()
    }

    /// Deletes a scenario with its actions and statements.
    pub fn delete_scenario(&mut self, id: &str) -> Result<CrisisPlan> {
        self.delete_crisis_row("Scenario", "scenarios", id)
    }

    /// Adds a first action at the end of the scenario's checklist.
    pub fn add_action(&mut self, scenario_id: &str, text: &str) -> Result<CrisisPlan> {
        let text = validate_action(text)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            if !scenario_exists(tx, scenario_id).map_err(sql(&path))? {
                return Err(refused(GONE));
            }
            insert_action(tx, scenario_id, &text).map_err(sql(&path))
        })?;
        self.crisis_plan()
    }

    pub fn update_action(&mut self, id: &str, text: &str) -> Result<CrisisPlan> {
        let text = validate_action(text)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let n = tx
                .execute(
                    "UPDATE scenario_actions SET text = ?2 WHERE id = ?1",
                    params![id, text],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(refused(
                    "This action was deleted, so the change was not saved.",
                ));
            }
            Ok(())
        })?;
        self.crisis_plan()
    }

    pub fn delete_action(&mut self, id: &str) -> Result<CrisisPlan> {
        self.delete_crisis_row("Action", "scenario_actions", id)
    }

    /// Moves an action one place up (`-1`) or down (`1`) in its checklist.
    pub fn move_action(&mut self, id: &str, delta: i64) -> Result<CrisisPlan> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            let scenario_id: Option<String> = tx
                .query_row(
                    "SELECT scenario_id FROM scenario_actions WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .ok();
            let Some(scenario_id) = scenario_id else {
                return Ok(());
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
            let Some(at) = ids.iter().position(|i| i == id) else {
                return Ok(());
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
        })?;
        self.crisis_plan()
    }

    pub fn create_statement(
        &mut self,
        scenario_id: &str,
        edit: &StatementEdit,
    ) -> Result<CrisisPlan> {
        let edit = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            if !scenario_exists(tx, scenario_id).map_err(sql(&path))? {
                return Err(refused(GONE));
            }
            insert_statement(tx, scenario_id, &edit).map_err(sql(&path))
        })?;
        self.crisis_plan()
    }

    /// Saves a statement even when it has unknown placeholders (so nothing typed is lost);
    /// the statement then carries sentences about them.
    pub fn update_statement(&mut self, id: &str, edit: &StatementEdit) -> Result<CrisisPlan> {
        let edit = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let n = tx
                .execute(
                    "UPDATE holding_statements SET title = ?2, body = ?3 WHERE id = ?1",
                    params![id, edit.title, edit.body],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(refused(
                    "This holding statement was deleted, so the change was not saved.",
                ));
            }
            Ok(())
        })?;
        self.crisis_plan()
    }

    pub fn delete_statement(&mut self, id: &str) -> Result<CrisisPlan> {
        self.delete_crisis_row("Holding statement", "holding_statements", id)
    }
}
