//! Value and effort scores: on the notes (`ideas`) and on the roadmap's initiatives
//! (`initiative_scores`), scored in the same exercise.

use chrono::Utc;
use groundwork_core::workshop::validate_score;
use rusqlite::params;
use uuid::Uuid;

use crate::profile::touch;
use crate::sql::{sql, update_one};
use crate::{Result, Store, StoreError};

impl Store {
    /// Scores a note's value and effort (1–5 each, or empty).
    pub fn score_idea(&mut self, id: Uuid, value: Option<i64>, effort: Option<i64>) -> Result<()> {
        let value = validate_score("value", "value", value)?;
        let effort = validate_score("effort", "effort", effort)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            update_one(
                tx,
                &path,
                "note",
                "UPDATE ideas SET value = ?2, effort = ?3 WHERE id = ?1",
                params![id.to_string(), value, effort],
            )?;
            touch(tx, Utc::now()).map_err(sql(&path))
        })
    }

    /// Scores a roadmap initiative's value and effort (1–5 each, or empty).
    pub fn score_initiative(
        &mut self,
        id: Uuid,
        value: Option<i64>,
        effort: Option<i64>,
    ) -> Result<()> {
        let value = validate_score("value", "value", value)?;
        let effort = validate_score("effort", "effort", effort)?;
        let id = id.to_string();
        let path = self.path.clone();
        self.with_tx(|tx| {
            if !crate::row_exists(tx, "initiative", &id).map_err(sql(&path))? {
                return Err(StoreError::Gone("initiative"));
            }
            tx.execute(
                "INSERT INTO initiative_scores (initiative_id, value, effort) VALUES (?1, ?2, ?3)
                 ON CONFLICT (initiative_id) DO UPDATE SET value = ?2, effort = ?3",
                params![id, value, effort],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(sql(&path))
        })
    }
}
