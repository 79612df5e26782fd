//! The workshop board's tables: notes (`ideas`), groups (with the one-step conversion of a
//! group into a record of another step), participants with their dots and the dot budget, and
//! value/effort scores. This file reads the whole board; a file each kind of record writes it.

mod groups;
mod ideas;
mod participants;
mod scores;

use groundwork_core::workshop::priority::BoardView;
use groundwork_core::workshop::{
    Board, Conversion, ConvertTarget, Idea, IdeaGroup, InitiativeScore, Participant, Vote,
};
use rusqlite::{Row, Transaction};

pub use groups::ConvertRequest;

use crate::sql::{optional_uuid, sql, uuid};
use crate::{Result, Store};

fn idea_from_row(row: &Row<'_>) -> rusqlite::Result<Idea> {
    Ok(Idea {
        id: uuid(row, "id")?,
        text: row.get("text")?,
        group_id: optional_uuid(row, "group_id")?,
        value: row.get("value")?,
        effort: row.get("effort")?,
    })
}

fn group_from_row(row: &Row<'_>) -> rusqlite::Result<IdeaGroup> {
    let kind: Option<String> = row.get("converted_kind")?;
    let converted = match (
        kind.as_deref().and_then(ConvertTarget::from_slug),
        optional_uuid(row, "converted_id")?,
    ) {
        (Some(target), Some(record_id)) => Some(Conversion {
            target,
            record_id,
            title: row
                .get::<_, Option<String>>("converted_title")?
                .unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(IdeaGroup {
        id: uuid(row, "id")?,
        name: row.get("name")?,
        converted,
    })
}

fn participant_from_row(row: &Row<'_>) -> rusqlite::Result<Participant> {
    Ok(Participant {
        id: uuid(row, "id")?,
        name: row.get("name")?,
    })
}

/// The position after the last row of `table`.
fn next_position(tx: &Transaction<'_>, table: &str) -> rusqlite::Result<i64> {
    tx.query_row(
        &format!("SELECT COALESCE(MAX(position), 0) + 1 FROM {table}"),
        [],
        |r| r.get(0),
    )
}

impl Store {
    /// The board with its ranking and everyone's dots.
    pub fn workshop_board(&self) -> Result<BoardView> {
        Ok(BoardView::new(self.board()?))
    }

    pub fn board(&self) -> Result<Board> {
        let read = || -> rusqlite::Result<Board> {
            let dot_budget = self.conn.query_row(
                "SELECT dot_budget FROM workshop_settings WHERE id = 1",
                [],
                |r| r.get(0),
            )?;
            let ideas = self
                .conn
                .prepare("SELECT * FROM ideas ORDER BY position, id")?
                .query_map([], idea_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let groups = self
                .conn
                .prepare("SELECT * FROM idea_groups ORDER BY position, id")?
                .query_map([], group_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let participants = self
                .conn
                .prepare("SELECT id, name FROM workshop_participants ORDER BY position, id")?
                .query_map([], participant_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let votes = self
                .conn
                .prepare(
                    "SELECT participant_id, idea_id, dots FROM idea_votes
                     ORDER BY participant_id, idea_id",
                )?
                .query_map([], |r| {
                    Ok(Vote {
                        participant_id: uuid(r, 0)?,
                        idea_id: uuid(r, 1)?,
                        dots: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let initiatives = self
                .conn
                .prepare(
                    "SELECT i.id, i.title, s.value, s.effort FROM initiative i
                     LEFT JOIN initiative_scores s ON s.initiative_id = i.id
                     ORDER BY i.created_at, i.id",
                )?
                .query_map([], |r| {
                    Ok(InitiativeScore {
                        initiative_id: uuid(r, 0)?,
                        title: r.get(1)?,
                        value: r.get(2)?,
                        effort: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Board {
                dot_budget,
                ideas,
                groups,
                participants,
                votes,
                initiatives,
            })
        };
        read().map_err(sql(&self.path))
    }
}

#[cfg(test)]
mod tests;
