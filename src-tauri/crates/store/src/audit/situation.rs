//! The `situation` row and the `peer` table.

use chrono::Utc;
use groundwork_core::audit::situation::{Peer, PeerEdit, PeerKind, Situation};
use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use crate::profile::touch;
use crate::sql::{timestamp, uuid, word};
use crate::{Result, Store, StoreError};

fn situation_from_row(row: &Row<'_>) -> rusqlite::Result<Situation> {
    Ok(Situation {
        resources: row.get("resources")?,
        obstacles: row.get("obstacles")?,
        opportunities: row.get("opportunities")?,
        threats: row.get("threats")?,
        target_audience: row.get("target_audience")?,
        tone_and_voice: row.get("tone_and_voice")?,
    })
}

fn peer_from_row(row: &Row<'_>) -> rusqlite::Result<Peer> {
    Ok(Peer {
        id: uuid(row, "id")?,
        name: row.get("name")?,
        kind: word(row, "kind", PeerKind::from_slug)?,
        communities: row.get("communities")?,
        notes: row.get("notes")?,
    })
}

impl Store {
    pub fn situation(&self) -> Result<Situation> {
        self.conn
            .query_row(
                "SELECT * FROM situation WHERE id = 1",
                [],
                situation_from_row,
            )
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(|e| self.sql_error(e))
    }

    /// Saves the situation screen's fields (sent whole on every autosave).
    pub fn update_situation(&mut self, edit: &Situation) -> Result<Situation> {
        let s = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO situation (id, resources, obstacles, opportunities, threats,
                                        target_audience, tone_and_voice, updated_at)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET resources = ?1, obstacles = ?2,
                     opportunities = ?3, threats = ?4, target_audience = ?5,
                     tone_and_voice = ?6, updated_at = ?7",
                params![
                    s.resources,
                    s.obstacles,
                    s.opportunities,
                    s.threats,
                    s.target_audience,
                    s.tone_and_voice,
                    timestamp(Utc::now())
                ],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        Ok(s)
    }

    /// Like-minded organisations and competitors, by name.
    pub fn peers(&self) -> Result<Vec<Peer>> {
        self.conn
            .prepare("SELECT * FROM peer ORDER BY name COLLATE NOCASE, created_at")
            .and_then(|mut s| s.query_map([], peer_from_row)?.collect())
            .map_err(|e| self.sql_error(e))
    }

    pub fn save_peer(&mut self, id: Option<Uuid>, edit: &PeerEdit) -> Result<Peer> {
        let peers = self.peers()?;
        if let Some(id) = id {
            peers
                .iter()
                .find(|p| p.id == id)
                .ok_or(StoreError::Gone("organisation"))?;
        }
        let others: Vec<Peer> = peers.into_iter().filter(|p| Some(p.id) != id).collect();
        let edit = edit.validated(&others)?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO peer (id, name, kind, communities, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                 ON CONFLICT (id) DO UPDATE SET name = ?2, kind = ?3, communities = ?4,
                     notes = ?5, updated_at = ?6",
                params![
                    id.to_string(),
                    edit.name,
                    edit.kind.slug(),
                    edit.communities,
                    edit.notes,
                    timestamp(Utc::now())
                ],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        Ok(Peer {
            id,
            name: edit.name,
            kind: edit.kind,
            communities: edit.communities,
            notes: edit.notes,
        })
    }

    pub fn delete_peer(&mut self, id: Uuid) -> Result<()> {
        self.trash_one("Organisation", "peer", id, "organisation")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_situation_starts_empty_and_round_trips() {
        let mut store = Store::in_memory("Audit").unwrap();
        assert_eq!(store.situation().unwrap(), Situation::default());
        let s = Situation {
            resources: "Two managers\nA budget".into(),
            obstacles: "No sponsor".into(),
            opportunities: "Fans already meet on Discord".into(),
            threats: "A rival forum 🚀".into(),
            target_audience: "Hobby makers".into(),
            tone_and_voice: "Warm, plain".into(),
        };
        store.update_situation(&s).unwrap();
        store.update_situation(&s).unwrap();
        assert_eq!(store.situation().unwrap(), s);
    }

    #[test]
    fn peers_round_trip_and_names_are_unique() {
        let mut store = Store::in_memory("Audit").unwrap();
        let edit = PeerEdit {
            name: "Acme Tools".into(),
            kind: PeerKind::Competitor,
            communities: "Discord, yearly meetup".into(),
            notes: String::new(),
        };
        let saved = store.save_peer(None, &edit).unwrap();
        assert_eq!(store.peers().unwrap(), vec![saved.clone()]);
        assert_eq!(
            store.save_peer(None, &edit).unwrap_err().field(),
            Some("name")
        );
        let renamed = store
            .save_peer(
                Some(saved.id),
                &PeerEdit {
                    kind: PeerKind::LikeMinded,
                    ..edit
                },
            )
            .unwrap();
        assert_eq!(store.peers().unwrap(), vec![renamed]);
        store.delete_peer(saved.id).unwrap();
        assert!(store.peers().unwrap().is_empty());
    }
}
