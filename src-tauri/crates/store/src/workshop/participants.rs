//! The `workshop_participants`, `idea_votes` and `workshop_settings` tables: the people in the
//! room, the dots each placed, and how many dots each has.

use chrono::Utc;
use groundwork_core::workshop::{
    validate_budget, validate_participant_name, validate_vote, Participant,
};
use groundwork_core::Invalid;
use rusqlite::params;
use uuid::Uuid;

use super::{next_position, participant_from_row};
use crate::profile::touch;
use crate::sql::{sql, update_one};
use crate::{Result, Store, StoreError};

impl Store {
    /// Adds a participant (`id` None) or renames one; answers the participant as stored.
    pub fn save_participant(&mut self, id: Option<Uuid>, name: &str) -> Result<Participant> {
        let name = validate_participant_name(name)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let id = match id {
                None => {
                    let id = Uuid::now_v7();
                    let position =
                        next_position(tx, "workshop_participants").map_err(sql(&path))?;
                    tx.execute(
                        "INSERT INTO workshop_participants (id, name, position) VALUES (?1, ?2, ?3)",
                        params![id.to_string(), name, position],
                    )
                    .map_err(sql(&path))?;
                    id
                }
                Some(id) => {
                    update_one(
 tx,
 &path,
 "participant",
                            "UPDATE workshop_participants SET name = ?2 WHERE id = ?1",
                            params![id.to_string(), name],
)?;
                    id
                }
            };
            touch(tx, Utc::now()).map_err(sql(&path))?;
            tx.query_row(
                "SELECT id, name FROM workshop_participants WHERE id = ?1",
                [id.to_string()],
                participant_from_row,
            )
            .map_err(sql(&path))
        })
    }

    /// Removes a participant and their dots.
    pub fn delete_participant(&mut self, id: Uuid) -> Result<()> {
        self.trash_one("Participant", "workshop_participants", id, "participant")
    }

    /// Gives each participant `budget` dots; refused when someone already placed more.
    pub fn set_dot_budget(&mut self, budget: i64) -> Result<()> {
        let budget = validate_budget(budget)?;
        let board = self.board()?;
        if let Some(over) = board
            .participants
            .iter()
            .find(|p| board.dots_spent_by(p.id) > budget)
        {
            return Err(StoreError::Invalid(Invalid::field(
                "dotBudget",
                format!(
                    "{} has already placed {} dots, more than {budget}. Take some of their dots back first.",
                    over.name,
                    board.dots_spent_by(over.id)
                ),
            )));
        }
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "UPDATE workshop_settings SET dot_budget = ?1 WHERE id = 1",
                [budget],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(sql(&path))
        })
    }

    /// Sets how many dots a participant placed on a note (0 takes them back), within the budget.
    pub fn set_vote(&mut self, participant_id: Uuid, idea_id: Uuid, dots: i64) -> Result<()> {
        let dots = validate_vote(&self.board()?, participant_id, idea_id, dots)?;
        let (participant_id, idea_id) = (participant_id.to_string(), idea_id.to_string());
        let path = self.path.clone();
        self.with_tx(|tx| {
            let write = || -> rusqlite::Result<()> {
                if dots == 0 {
                    tx.execute(
                        "DELETE FROM idea_votes WHERE participant_id = ?1 AND idea_id = ?2",
                        params![participant_id, idea_id],
                    )?;
                } else {
                    tx.execute(
                        "INSERT INTO idea_votes (participant_id, idea_id, dots) VALUES (?1, ?2, ?3)
                         ON CONFLICT (participant_id, idea_id) DO UPDATE SET dots = ?3",
                        params![participant_id, idea_id, dots],
                    )?;
                }
                touch(tx, Utc::now())
            };
            write().map_err(sql(&path))
        })
    }
}
