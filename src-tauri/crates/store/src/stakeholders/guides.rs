//! The `guides` and `guide_questions` tables: reusable interview question sets.

use std::collections::HashMap;

use chrono::Utc;
use groundwork_core::stakeholders::interviews::{
    clamp_position, starter_guides, Guide, GuideEdit, GuideQuestion, QuestionEdit,
};
use groundwork_core::Invalid;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use uuid::Uuid;

use crate::sql::{gone, parse_timestamp, sql, timestamp};
use crate::trash::delete_record;
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Guide> {
    Ok(Guide {
        id: row.get("id")?,
        name: row.get("name")?,
        description: row.get("description")?,
        questions: Vec::new(),
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
    })
}

fn question_from_row(row: &Row<'_>) -> rusqlite::Result<(String, GuideQuestion)> {
    Ok((
        row.get("guide_id")?,
        GuideQuestion {
            id: row.get("id")?,
            topic: row.get("topic")?,
            text: row.get("text")?,
        },
    ))
}

fn insert_question(
    tx: &Transaction<'_>,
    guide_id: &str,
    position: usize,
    q: &QuestionEdit,
) -> rusqlite::Result<String> {
    let id = Uuid::now_v7().to_string();
    tx.execute(
        "INSERT INTO guide_questions (id, guide_id, position, topic, text)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, guide_id, position as i64, q.topic, q.text],
    )?;
    Ok(id)
}

fn touch(tx: &Transaction<'_>, guide_id: &str) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE guides SET updated_at = ?2 WHERE id = ?1",
        params![guide_id, timestamp(Utc::now())],
    )
}

/// Writes positions 0..n in the given order.
fn renumber(tx: &Transaction<'_>, ids: &[String]) -> rusqlite::Result<()> {
    for (i, id) in ids.iter().enumerate() {
        tx.execute(
            "UPDATE guide_questions SET position = ?2 WHERE id = ?1",
            params![id, i as i64],
        )?;
    }
    Ok(())
}

fn question_ids(tx: &Transaction<'_>, guide_id: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        tx.prepare("SELECT id FROM guide_questions WHERE guide_id = ?1 ORDER BY position, id")?;
    let ids = stmt
        .query_map([guide_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

impl Store {
    /// Every guide with its questions in order.
    pub fn guides(&self) -> Result<Vec<Guide>> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM guides ORDER BY created_at, id")
            .map_err(sql(&self.path))?;
        let mut guides = stmt
            .query_map([], from_row)
            .map_err(sql(&self.path))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql(&self.path))?;
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM guide_questions ORDER BY guide_id, position, id")
            .map_err(sql(&self.path))?;
        let mut by_guide: HashMap<String, Vec<GuideQuestion>> = HashMap::new();
        for row in stmt
            .query_map([], question_from_row)
            .map_err(sql(&self.path))?
        {
            let (guide_id, q) = row.map_err(sql(&self.path))?;
            by_guide.entry(guide_id).or_default().push(q);
        }
        for g in &mut guides {
            g.questions = by_guide.remove(&g.id).unwrap_or_default();
        }
        Ok(guides)
    }

    pub fn guide(&self, id: &str) -> Result<Guide> {
        let mut guide = self
            .conn
            .query_row("SELECT * FROM guides WHERE id = ?1", [id], from_row)
            .optional()
            .map_err(sql(&self.path))?
            .ok_or_else(|| gone("guide"))?;
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM guide_questions WHERE guide_id = ?1 ORDER BY position, id")
            .map_err(sql(&self.path))?;
        guide.questions = stmt
            .query_map([id], question_from_row)
            .map_err(sql(&self.path))?
            .map(|r| r.map(|(_, q)| q))
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql(&self.path))?;
        Ok(guide)
    }

    pub fn create_guide(&mut self, edit: &GuideEdit) -> Result<Guide> {
        self.insert_guide(&edit.validated()?, &[])
    }

    fn insert_guide(&mut self, edit: &GuideEdit, questions: &[QuestionEdit]) -> Result<Guide> {
        let id = Uuid::now_v7().to_string();
        let path = self.path.clone();
        self.with_tx(|tx| {
            let now = timestamp(Utc::now());
            tx.execute(
                "INSERT INTO guides (id, name, description, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![id, edit.name, edit.description, now],
            )
            .map_err(sql(&path))?;
            for (i, q) in questions.iter().enumerate() {
                insert_question(tx, &id, i, q).map_err(sql(&path))?;
            }
            Ok(())
        })?;
        self.guide(&id)
    }

    /// Copies one of the starter guides into the workbook, where it can be edited freely.
    pub fn copy_starter_guide(&mut self, key: &str) -> Result<Guide> {
        let starter = starter_guides()
            .into_iter()
            .find(|g| g.key == key)
            .ok_or_else(|| {
                StoreError::Invalid(Invalid::field(
                    "starter",
                    "There is no starter guide of that kind. Choose one from the list.",
                ))
            })?;
        let edit = GuideEdit {
            name: starter.name,
            description: starter.description,
        };
        self.insert_guide(&edit, &starter.questions)
    }

    pub fn update_guide(&mut self, id: &str, edit: &GuideEdit) -> Result<Guide> {
        let edit = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let n = tx
                .execute(
                    "UPDATE guides SET name = ?2, description = ?3, updated_at = ?4 WHERE id = ?1",
                    params![id, edit.name, edit.description, timestamp(Utc::now())],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(gone("guide"));
            }
            Ok(())
        })?;
        self.guide(id)
    }

    /// Deletes a guide. Interviews held with it keep their questions.
    pub fn delete_guide(&mut self, id: &str) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            delete_record(tx, "Interview guide", "guides", id).map_err(sql(&path))?;
            Ok(())
        })
    }

    /// Adds a question at the end of the guide.
    pub fn add_guide_question(&mut self, guide_id: &str, edit: &QuestionEdit) -> Result<Guide> {
        let q = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            if touch(tx, guide_id).map_err(sql(&path))? == 0 {
                return Err(gone("guide"));
            }
            let n = question_ids(tx, guide_id).map_err(sql(&path))?.len();
            insert_question(tx, guide_id, n, &q).map_err(sql(&path))?;
            Ok(())
        })?;
        self.guide(guide_id)
    }

    fn question_guide(&self, question_id: &str) -> Result<String> {
        self.conn
            .query_row(
                "SELECT guide_id FROM guide_questions WHERE id = ?1",
                [question_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql(&self.path))?
            .ok_or_else(|| gone("question"))
    }

    pub fn update_guide_question(&mut self, id: &str, edit: &QuestionEdit) -> Result<Guide> {
        let q = edit.validated()?;
        let guide_id = self.question_guide(id)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "UPDATE guide_questions SET topic = ?2, text = ?3 WHERE id = ?1",
                params![id, q.topic, q.text],
            )
            .map_err(sql(&path))?;
            touch(tx, &guide_id).map_err(sql(&path))?;
            Ok(())
        })?;
        self.guide(&guide_id)
    }

    pub fn delete_guide_question(&mut self, id: &str) -> Result<Guide> {
        let guide_id = self.question_guide(id)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            delete_record(tx, "Guide question", "guide_questions", id).map_err(sql(&path))?;
            let ids = question_ids(tx, &guide_id).map_err(sql(&path))?;
            renumber(tx, &ids).map_err(sql(&path))?;
            touch(tx, &guide_id).map_err(sql(&path))?;
            Ok(())
        })?;
        self.guide(&guide_id)
    }

    /// Moves a question to `to` (0 is first); positions past either end stop at the end.
    pub fn move_guide_question(&mut self, id: &str, to: i64) -> Result<Guide> {
        let guide_id = self.question_guide(id)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let mut ids = question_ids(tx, &guide_id).map_err(sql(&path))?;
            let from = ids
                .iter()
                .position(|q| q == id)
                .ok_or_else(|| gone("question"))?;
            let moved = ids.remove(from);
            let to = clamp_position(to, ids.len() + 1);
            ids.insert(to, moved);
            renumber(tx, &ids).map_err(sql(&path))?;
            touch(tx, &guide_id).map_err(sql(&path))?;
            Ok(())
        })?;
        self.guide(&guide_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> QuestionEdit {
        QuestionEdit {
            topic: "Audience".into(),
            text: text.into(),
        }
    }

    fn texts(g: &Guide) -> Vec<&str> {
        g.questions.iter().map(|q| q.text.as_str()).collect()
    }

    #[test]
    fn a_starter_guide_is_copied_with_its_questions_in_order_and_can_be_edited() {
        let mut store = Store::in_memory("Makers").unwrap();
        let copy = store.copy_starter_guide("support").unwrap();
        let starter = starter_guides()
            .into_iter()
            .find(|g| g.key == "support")
            .unwrap();
        assert_eq!(copy.name, "Support");
        assert_eq!(
            texts(&copy),
            starter
                .questions
                .iter()
                .map(|q| q.text.as_str())
                .collect::<Vec<_>>()
        );
        let edited = store
            .update_guide_question(&copy.questions[0].id, &q("Which questions never stop?"))
            .unwrap();
        assert_eq!(edited.questions[0].text, "Which questions never stop?");
        let second = store.copy_starter_guide("support").unwrap();
        assert_ne!(second.id, copy.id, "a second copy is its own guide");
        assert_eq!(
            store.guides().unwrap()[1].questions[0].text,
            starter.questions[0].text,
            "editing one copy leaves the other"
        );
        assert!(store.copy_starter_guide("nonsense").is_err());
    }

    #[test]
    fn questions_can_be_reordered_added_and_removed() {
        let mut store = Store::in_memory("Makers").unwrap();
        let g = store
            .create_guide(&GuideEdit {
                name: "Partners".into(),
                description: String::new(),
            })
            .unwrap();
        for t in ["A?", "B?", "C?"] {
            store.add_guide_question(&g.id, &q(t)).unwrap();
        }
        let g = store.guide(&g.id).unwrap();
        let c = g.questions[2].id.clone();
        let moved = store.move_guide_question(&c, 0).unwrap();
        assert_eq!(texts(&moved), ["C?", "A?", "B?"]);
        let moved = store.move_guide_question(&c, 99).unwrap();
        assert_eq!(
            texts(&moved),
            ["A?", "B?", "C?"],
            "past the end stops at the end"
        );
        let a = moved.questions[0].id.clone();
        let after = store.delete_guide_question(&a).unwrap();
        assert_eq!(texts(&after), ["B?", "C?"]);
        let again = store
            .move_guide_question(&after.questions[1].id, 0)
            .unwrap();
        assert_eq!(
            texts(&again),
            ["C?", "B?"],
            "positions stay dense after a delete"
        );
    }

    #[test]
    fn blank_names_and_questions_are_refused_without_writing() {
        let mut store = Store::in_memory("Makers").unwrap();
        let err = store
            .create_guide(&GuideEdit {
                name: " ".into(),
                description: String::new(),
            })
            .unwrap_err();
        assert_eq!(err.field(), Some("name"));
        let g = store.copy_starter_guide("member").unwrap();
        let err = store.add_guide_question(&g.id, &q("  ")).unwrap_err();
        assert_eq!(err.field(), Some("text"));
        assert_eq!(
            store.guide(&g.id).unwrap().questions.len(),
            g.questions.len()
        );
        assert!(store.add_guide_question("missing", &q("Why?")).is_err());
    }
}
