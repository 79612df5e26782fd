//! The `ideas` table: the sticky notes, unsorted or in a group.

use chrono::Utc;
use groundwork_core::workshop::{validate_idea_text, Idea};
use rusqlite::params;
use uuid::Uuid;

use super::{idea_from_row, next_position};
use crate::profile::touch;
use crate::sql::{sql, timestamp, update_one};
use crate::{Result, Store, StoreError};

impl Store {
    /// Adds a note at the end of the unsorted notes (`id` None) or corrects a note's text;
    /// answers the note as stored.
    pub fn save_idea(&mut self, id: Option<Uuid>, text: &str) -> Result<Idea> {
        let text = validate_idea_text(text)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let id = match id {
                None => {
                    let id = Uuid::now_v7();
                    let position = next_position(tx, "ideas").map_err(sql(&path))?;
                    tx.execute(
                        "INSERT INTO ideas (id, text, group_id, position, created_at)
                         VALUES (?1, ?2, NULL, ?3, ?4)",
                        params![id.to_string(), text, position, timestamp(Utc::now())],
                    )
                    .map_err(sql(&path))?;
                    id
                }
                Some(id) => {
                    update_one(
                        tx,
                        &path,
                        "note",
                        "UPDATE ideas SET text = ?2 WHERE id = ?1",
                        params![id.to_string(), text],
                    )?;
                    id
                }
            };
            touch(tx, Utc::now()).map_err(sql(&path))?;
            tx.query_row(
                "SELECT * FROM ideas WHERE id = ?1",
                [id.to_string()],
                idea_from_row,
            )
            .map_err(sql(&path))
        })
    }

    pub fn delete_idea(&mut self, id: Uuid) -> Result<()> {
        self.trash_one("Note", "ideas", id, "note")
    }

    /// Moves a note into a group, or back to the unsorted notes with `None`.
    pub fn move_idea(&mut self, id: Uuid, group_id: Option<Uuid>) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            if let Some(g) = group_id {
                if !crate::row_exists(tx, "idea_groups", &g.to_string()).map_err(sql(&path))? {
                    return Err(StoreError::Gone("group"));
                }
            }
            update_one(
                tx,
                &path,
                "note",
                "UPDATE ideas SET group_id = ?2 WHERE id = ?1",
                params![id.to_string(), group_id.map(|g| g.to_string())],
            )?;
            touch(tx, Utc::now()).map_err(sql(&path))
        })
    }
}
