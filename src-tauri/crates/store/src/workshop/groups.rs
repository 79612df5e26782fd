//! The `idea_groups` table: named clusters of notes, and the one-step conversion of a group
//! into a record of another step.

use chrono::Utc;
use groundwork_core::audit::findings::{FindingEdit, Importance};
use groundwork_core::crisis::ScenarioEdit;
use groundwork_core::goals::GoalEdit;
use groundwork_core::roadmap::InitiativeEdit;
use groundwork_core::stakeholders::themes::{ThemeEdit, ThemeSide};
use groundwork_core::workshop::{validate_group_name, Conversion, ConvertTarget, IdeaGroup};
use rusqlite::{params, Transaction};
use serde::Deserialize;
use ts_rs::TS;
use uuid::Uuid;

use super::{group_from_row, next_position};
use crate::profile::touch;
use crate::sql::{refused, sql, timestamp, update_one};
use crate::{Result, Store, StoreError};

/// What the facilitator asked a group to become. A goal needs the business objective it serves.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ConvertRequest {
    pub target: ConvertTarget,
    #[serde(default)]
    pub objective_id: Option<Uuid>,
}

impl Store {
    /// Adds a group at the end of the board (`id` None) or renames one; answers the group as
    /// stored.
    pub fn save_group(&mut self, id: Option<Uuid>, name: &str) -> Result<IdeaGroup> {
        let name = validate_group_name(name)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let id = match id {
                None => {
                    let id = Uuid::now_v7();
                    let position = next_position(tx, "idea_groups").map_err(sql(&path))?;
                    tx.execute(
                        "INSERT INTO idea_groups (id, name, position, created_at)
                         VALUES (?1, ?2, ?3, ?4)",
                        params![id.to_string(), name, position, timestamp(Utc::now())],
                    )
                    .map_err(sql(&path))?;
                    id
                }
                Some(id) => {
                    update_one(
                        tx,
                        &path,
                        "group",
                        "UPDATE idea_groups SET name = ?2 WHERE id = ?1",
                        params![id.to_string(), name],
                    )?;
                    id
                }
            };
            touch(tx, Utc::now()).map_err(sql(&path))?;
            tx.query_row(
                "SELECT * FROM idea_groups WHERE id = ?1",
                [id.to_string()],
                group_from_row,
            )
            .map_err(sql(&path))
        })
    }

    /// Deletes a group; its notes go back to the unsorted notes, never lost.
    pub fn delete_group(&mut self, id: Uuid) -> Result<()> {
        self.trash_one("Group", "idea_groups", id, "group")
    }

    /// Turns a group into a record of another step in one transaction: the record is created
    /// with the group's name as its title and its notes as its text, and the group remembers
    /// it. Either both land or neither does. Answers what the group became.
    pub fn convert_group(
        &mut self,
        group_id: Uuid,
        request: &ConvertRequest,
    ) -> Result<Conversion> {
        let board = self.board()?;
        let group = board
            .groups
            .iter()
            .find(|g| g.id == group_id)
            .ok_or(StoreError::Gone("group"))?;
        let notes = board.group_notes(group_id);
        if notes.is_empty() {
            return Err(refused(format!(
                "“{}” has no notes yet. Move some notes into it before turning it into {}.",
                group.name,
                request.target.noun()
            )));
        }
        let title = group.name.clone();
        let id = Uuid::now_v7();
        let path = self.path.clone();
        match request.target {
            ConvertTarget::Theme => {
                let edit = ThemeEdit {
                    name: title.clone(),
                    side: ThemeSide::Unmarked,
                    description: notes,
                }
                .validated(&self.themes()?, None)?;
                self.with_tx(|tx| {
                    crate::stakeholders::themes::insert_theme(tx, id, &edit).map_err(sql(&path))?;
                    mark_converted(tx, group_id, request.target, id, &title).map_err(sql(&path))
                })?;
            }
            ConvertTarget::Finding => {
                let edit = FindingEdit {
                    title: title.clone(),
                    importance: Importance::Medium,
                    evidence: notes,
                    channel_ids: Vec::new(),
                    snapshot_ids: Vec::new(),
                }
                .validated(&[], &[])?;
                self.with_tx(|tx| {
                    crate::audit::write_finding(tx, id, &edit).map_err(sql(&path))?;
                    mark_converted(tx, group_id, request.target, id, &title).map_err(sql(&path))
                })?;
            }
            ConvertTarget::Goal => {
                let objectives: Vec<Uuid> = self.objectives()?.iter().map(|o| o.id).collect();
                let Some(objective_id) =
                    request.objective_id.or_else(|| objectives.first().copied())
                else {
                    return Err(refused(
                        "A goal serves a business objective, and this workbook has none yet. Add one in Goals and KPIs, then turn the group into a goal.",
                    ));
                };
                let edit = GoalEdit {
                    objective_id,
                    title: title.clone(),
                    description: notes,
                    evidence: Vec::new(),
                }
                .validated(&objectives, &[])?;
                self.with_tx(|tx| {
                    crate::goals::write_goal(tx, id, &edit).map_err(sql(&path))?;
                    mark_converted(tx, group_id, request.target, id, &title).map_err(sql(&path))
                })?;
            }
            ConvertTarget::Scenario => {
                let edit = ScenarioEdit {
                    title: title.clone(),
                    description: notes,
                    likelihood: 3,
                    impact: 3,
                    severity_id: None,
                    owner: String::new(),
                    signals: String::new(),
                    channels: String::new(),
                    finding_ids: Vec::new(),
                }
                .validated(&[])?;
                self.with_tx(|tx| {
                    crate::crisis::scenarios::insert_scenario(tx, id, &edit).map_err(sql(&path))?;
                    mark_converted(tx, group_id, request.target, id, &title).map_err(sql(&path))
                })?;
            }
            ConvertTarget::Initiative => {
                let refs = self.roadmap_references()?;
                let values = InitiativeEdit {
                    title: title.clone(),
                    description: notes,
                    ..InitiativeEdit::default()
                }
                .validated(None, &refs)?;
                self.with_tx(|tx| {
                    crate::roadmap::write_initiative(tx, id, &values).map_err(sql(&path))?;
                    mark_converted(tx, group_id, request.target, id, &title).map_err(sql(&path))
                })?;
            }
        }
        Ok(Conversion {
            target: request.target,
            record_id: id,
            title,
        })
    }
}

fn mark_converted(
    tx: &Transaction<'_>,
    group_id: Uuid,
    target: ConvertTarget,
    record_id: Uuid,
    title: &str,
) -> rusqlite::Result<()> {
    let n = tx.execute(
        "UPDATE idea_groups SET converted_kind = ?2, converted_id = ?3, converted_title = ?4 WHERE id = ?1",
        params![
            group_id.to_string(),
            target.slug(),
            record_id.to_string(),
            title
        ],
    )?;
    if n == 0 {
        // The group went between reading the board and writing: undo the new record too.
        return Err(rusqlite::Error::QueryReturnedNoRows);
    }
    touch(tx, Utc::now())
}
