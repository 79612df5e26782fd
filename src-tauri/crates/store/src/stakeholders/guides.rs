//! The `guides` and `guide_questions` tables: reusable interview question sets.

use std::collections::HashMap;

use chrono::Utc;
use groundwork_core::stakeholders::interviews::{
    clamp_position, starter_guides, Guide, GuideEdit, GuideQuestion, QuestionEdit,
};
use groundwork_core::Invalid;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use uuid::Uuid;

use crate::sql::{parse_timestamp, sql, timestamp, update_one, uuid};
use crate::trash::delete_record;
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Guide> {
    Ok(Guide {
        id: uuid(row, "id")?,
        name: row.get("name")?,
        description: row.get("description")?,
        questions: Vec::new(),
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
    })
}

fn question_from_row(row: &Row<'_>) -> rusqlite::Result<(Uuid, GuideQuestion)> {
    Ok((
        uuid(row, "guide_id")?,
        GuideQuestion {
            id: uuid(row, "id")?,
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
) -> rusqlite::Result<Uuid> {
    let id = Uuid::now_v7();
    tx.execute(
        "INSERT INTO guide_questions (id, guide_id, position, topic, text)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id.to_string(), guide_id, position as i64, q.topic, q.text],
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
        let mut by_guide: HashMap<Uuid, Vec<GuideQuestion>> = HashMap::new();
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

    pub fn guide(&self, id: Uuid) -> Result<Guide> {
        let key = id.to_string();
        let mut guide = self
            .conn
            .query_row("SELECT * FROM guides WHERE id = ?1", [&key], from_row)
            .optional()
            .map_err(sql(&self.path))?
            .ok_or(StoreError::Gone("guide"))?;
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM guide_questions WHERE guide_id = ?1 ORDER BY position, id")
            .map_err(sql(&self.path))?;
        guide.questions = stmt
            .query_map([&key], question_from_row)
            .map_err(sql(&self.path))?
            .map(|r| r.map(|(_, q)| q))
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql(&self.path))?;
        Ok(guide)
    }

    /// Adds a guide without questions (`id` None) or changes a guide's name and description;
    /// answers the guide with its questions.
    pub fn save_guide(&mut self, id: Option<Uuid>, edit: &GuideEdit) -> Result<Guide> {
        let edit = edit.validated()?;
        let Some(id) = id else {
            return self.insert_guide(&edit, &[]);
        };
        let path = self.path.clone();
        self.with_tx(|tx| {
            update_one(
                tx,
                &path,
                "guide",
                "UPDATE guides SET name = ?2, description = ?3, updated_at = ?4 WHERE id = ?1",
                params![
                    id.to_string(),
                    edit.name,
                    edit.description,
                    timestamp(Utc::now())
                ],
            )?;
            Ok(())
        })?;
        self.guide(id)
    }

    fn insert_guide(&mut self, edit: &GuideEdit, questions: &[QuestionEdit]) -> Result<Guide> {
        let id = Uuid::now_v7();
        let key = id.to_string();
        let path = self.path.clone();
        self.with_tx(|tx| {
            let now = timestamp(Utc::now());
            tx.execute(
                "INSERT INTO guides (id, name, description, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![key, edit.name, edit.description, now],
            )
            .map_err(sql(&path))?;
            for (i, q) in questions.iter().enumerate() {
                insert_question(tx, &key, i, q).map_err(sql(&path))?;
            }
            Ok(())
        })?;
        self.guide(id)
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

    /// Deletes a guide. Interviews held with it keep their questions.
    pub fn delete_guide(&mut self, id: Uuid) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            delete_record(tx, "Interview guide", "guides", &id.to_string()).map_err(sql(&path))?;
            Ok(())
        })
    }

    fn question_guide(&self, question_id: Uuid) -> Result<Uuid> {
        self.conn
            .query_row(
                "SELECT guide_id FROM guide_questions WHERE id = ?1",
                [question_id.to_string()],
                |r| uuid(r, 0),
            )
            .optional()
            .map_err(sql(&self.path))?
            .ok_or(StoreError::Gone("question"))
    }

    /// Adds a question at the end of guide `guide_id` (`id` None) or changes one of its
    /// questions; answers the question.
    pub fn save_guide_question(
        &mut self,
        guide_id: Uuid,
        id: Option<Uuid>,
        edit: &QuestionEdit,
    ) -> Result<GuideQuestion> {
        let q = edit.validated()?;
        if let Some(id) = id {
            if self.question_guide(id)? != guide_id {
                return Err(StoreError::Gone("question"));
            }
        }
        let guide_key = guide_id.to_string();
        let path = self.path.clone();
        let id = self.with_tx(|tx| {
            if touch(tx, &guide_key).map_err(sql(&path))? == 0 {
                return Err(StoreError::Gone("guide"));
            }
            match id {
                Some(id) => {
                    tx.execute(
                        "UPDATE guide_questions SET topic = ?2, text = ?3 WHERE id = ?1",
                        params![id.to_string(), q.topic, q.text],
                    )
                    .map_err(sql(&path))?;
                    Ok(id)
                }
                None => {
                    let n = question_ids(tx, &guide_key).map_err(sql(&path))?.len();
                    insert_question(tx, &guide_key, n, &q).map_err(sql(&path))
                }
            }
        })?;
        self.guide(guide_id)?
            .questions
            .into_iter()
            .find(|q| q.id == id)
            .ok_or(StoreError::Gone("question"))
    }

    pub fn delete_guide_question(&mut self, id: Uuid) -> Result<()> {
        let guide_id = self.question_guide(id)?.to_string();
        let path = self.path.clone();
        self.with_tx(|tx| {
            delete_record(tx, "Guide question", "guide_questions", &id.to_string())
                .map_err(sql(&path))?;
            let ids = question_ids(tx, &guide_id).map_err(sql(&path))?;
            renumber(tx, &ids).map_err(sql(&path))?;
            touch(tx, &guide_id).map_err(sql(&path))?;
            Ok(())
        })
    }

    /// Moves a question to `to` (0 is first); positions past either end stop at the end.
    pub fn move_guide_question(&mut self, id: Uuid, to: i64) -> Result<()> {
        let guide_id = self.question_guide(id)?.to_string();
        let key = id.to_string();
        let path = self.path.clone();
        self.with_tx(|tx| {
            let mut ids = question_ids(tx, &guide_id).map_err(sql(&path))?;
            let from = ids
                .iter()
                .position(|q| *q == key)
                .ok_or(StoreError::Gone("question"))?;
            let moved = ids.remove(from);
            let to = clamp_position(to, ids.len() + 1);
            ids.insert(to, moved);
            renumber(tx, &ids).map_err(sql(&path))?;
            touch(tx, &guide_id).map_err(sql(&path))?;
            Ok(())
        })
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
            .save_guide_question(
                copy.id,
                Some(copy.questions[0].id),
                &q("Which questions never stop?"),
            )
            .unwrap();
        assert_eq!(edited.id, copy.questions[0].id);
        assert_eq!(
            store.guide(copy.id).unwrap().questions[0].text,
            "Which questions never stop?"
        );
        let second = store.copy_starter_guide("support").unwrap();
        assert_ne!(second.id, copy.id, "a second copy is its own guide");
        assert_eq!(
            store.guides().unwrap()[1].questions[0].text,
            starter.questions[0].text,
            "editing one copy leaves the other"
        );
        assert!(
            store
                .save_guide_question(second.id, Some(copy.questions[1].id), &q("Mine?"))
                .is_err(),
            "a question is changed only in its own guide"
        );
        assert!(store.copy_starter_guide("nonsense").is_err());
    }

    #[test]
    fn questions_can_be_reordered_added_and_removed() {
        let mut store = Store::in_memory("Makers").unwrap();
        let g = store
            .save_guide(
                None,
                &GuideEdit {
                    name: "Partners".into(),
                    description: String::new(),
                },
            )
            .unwrap();
        for t in ["A?", "B?", "C?"] {
            store.save_guide_question(g.id, None, &q(t)).unwrap();
        }
        let g = store.guide(g.id).unwrap();
        let c = g.questions[2].id;
        store.move_guide_question(c, 0).unwrap();
        assert_eq!(texts(&store.guide(g.id).unwrap()), ["C?", "A?", "B?"]);
        store.move_guide_question(c, 99).unwrap();
        let moved = store.guide(g.id).unwrap();
        assert_eq!(
            texts(&moved),
            ["A?", "B?", "C?"],
            "past the end stops at the end"
        );
        store.delete_guide_question(moved.questions[0].id).unwrap();
        let after = store.guide(g.id).unwrap();
        assert_eq!(texts(&after), ["B?", "C?"]);
        store.move_guide_question(after.questions[1].id, 0).unwrap();
        assert_eq!(
            texts(&store.guide(g.id).unwrap()),
            ["C?", "B?"],
            "positions stay dense after a delete"
        );
    }

    #[test]
    fn a_guide_is_renamed_in_place() {
        let mut store = Store::in_memory("Makers").unwrap();
        let g = store.copy_starter_guide("member").unwrap();
        let renamed = store
            .save_guide(
                Some(g.id),
                &GuideEdit {
                    name: "Membres 🌱".into(),
                    description: "Pour les membres".into(),
                },
            )
            .unwrap();
        assert_eq!(renamed.id, g.id);
        assert_eq!(renamed.name, "Membres 🌱");
        assert_eq!(renamed.questions, g.questions, "the questions stay");
        store.delete_guide(g.id).unwrap();
        assert!(store.save_guide(Some(g.id), &g.to_edit()).is_err());
    }

    #[test]
    fn blank_names_and_questions_are_refused_without_writing() {
        let mut store = Store::in_memory("Makers").unwrap();
        let err = store
            .save_guide(
                None,
                &GuideEdit {
                    name: " ".into(),
                    description: String::new(),
                },
            )
            .unwrap_err();
        assert_eq!(err.field(), Some("name"));
        let g = store.copy_starter_guide("member").unwrap();
        let err = store.save_guide_question(g.id, None, &q("  ")).unwrap_err();
        assert_eq!(err.field(), Some("text"));
        assert_eq!(
            store.guide(g.id).unwrap().questions.len(),
            g.questions.len()
        );
        assert!(store
            .save_guide_question(Uuid::now_v7(), None, &q("Why?"))
            .is_err());
    }
}
