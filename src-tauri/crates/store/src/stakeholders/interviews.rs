//! The `interviews`, `answers` and `quotes` tables.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use groundwork_core::stakeholders::interviews::{
    check_guide_usable, unknown_stakeholder, validate_answer, validate_notes, validate_quote,
    Answer, Interview, InterviewEdit, InterviewMode, Quote, ValidInterview,
};
use groundwork_core::stakeholders::InterviewStatus;
use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use crate::sql::{optional_uuid, parse_timestamp, sql, timestamp, unknown_key, update_one, uuid};
use crate::trash::delete_record;
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Interview> {
    let mode: String = row.get("mode")?;
    let date: String = row.get("date")?;
    Ok(Interview {
        id: uuid(row, "id")?,
        stakeholder_id: uuid(row, "stakeholder_id")?,
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| unknown_key(3, &date))?,
        interviewer: row.get("interviewer")?,
        mode: InterviewMode::from_slug(&mode).ok_or_else(|| unknown_key(5, &mode))?,
        guide_id: optional_uuid(row, "guide_id")?,
        guide_name: row.get("guide_name")?,
        notes: row.get("notes")?,
        note_theme_ids: Vec::new(),
        answers: Vec::new(),
        quotes: Vec::new(),
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
    })
}

/// The columns [`answer_from_row`] reads, by position (a workbook holds thousands of answers;
/// looking columns up by name cost more than reading them).
const ANSWER_COLUMNS: &str = "interview_id, id, topic, question, answer";

fn answer_from_row(row: &Row<'_>) -> rusqlite::Result<(Uuid, Answer)> {
    Ok((
        uuid(row, 0)?,
        Answer {
            id: uuid(row, 1)?,
            topic: row.get(2)?,
            question: row.get(3)?,
            answer: row.get(4)?,
            theme_ids: Vec::new(),
        },
    ))
}

fn quote_from_row(row: &Row<'_>) -> rusqlite::Result<Quote> {
    Ok(Quote {
        id: uuid(row, "id")?,
        interview_id: uuid(row, "interview_id")?,
        text: row.get("text")?,
        theme_ids: Vec::new(),
    })
}

impl Store {
    /// Pairs (owner id, theme id) from a tag table, grouped by owner.
    fn tags(&self, query: &str) -> Result<HashMap<Uuid, Vec<Uuid>>> {
        let mut stmt = self.conn.prepare(query).map_err(sql(&self.path))?;
        let mut out: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for row in stmt
            .query_map([], |r| Ok((uuid(r, 0)?, uuid(r, 1)?)))
            .map_err(sql(&self.path))?
        {
            let (owner, theme) = row.map_err(sql(&self.path))?;
            out.entry(owner).or_default().push(theme);
        }
        Ok(out)
    }

    /// Every interview, newest first, with answers, quotes and theme tags.
    pub fn interviews(&self) -> Result<Vec<Interview>> {
        self.load_interviews(None)
    }

    pub fn interview(&self, id: Uuid) -> Result<Interview> {
        self.load_interviews(Some(id))?
            .pop()
            .ok_or(StoreError::Gone("interview"))
    }

    fn load_interviews(&self, only: Option<Uuid>) -> Result<Vec<Interview>> {
        let only = only.map(|id| id.to_string());
        let filter = if only.is_some() { "WHERE id = ?1" } else { "" };
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT * FROM interviews {filter} ORDER BY date DESC, created_at DESC"
            ))
            .map_err(sql(&self.path))?;
        let mut interviews = match &only {
            Some(id) => stmt.query_map([id], from_row),
            None => stmt.query_map([], from_row),
        }
        .map_err(sql(&self.path))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(sql(&self.path))?;
        if interviews.is_empty() {
            return Ok(interviews);
        }
        // Small workbooks: read the child tables whole rather than once per interview.
        let (answer_sql, quote_sql) = if only.is_some() {
            (
                format!("SELECT {ANSWER_COLUMNS} FROM answers WHERE interview_id = ?1 ORDER BY position"),
                "SELECT * FROM quotes WHERE interview_id = ?1 ORDER BY created_at, seq",
            )
        } else {
            (
                format!("SELECT {ANSWER_COLUMNS} FROM answers ORDER BY interview_id, position"),
                "SELECT * FROM quotes ORDER BY created_at, seq",
            )
        };
        let params: Vec<&str> = only.as_deref().into_iter().collect();
        let answer_tags = self.tags("SELECT answer_id, theme_id FROM answer_themes")?;
        let quote_tags = self.tags("SELECT quote_id, theme_id FROM quote_themes")?;
        let mut note_tags = self.tags("SELECT interview_id, theme_id FROM note_themes")?;

        let mut answers: HashMap<Uuid, Vec<Answer>> = HashMap::new();
        let mut stmt = self.conn.prepare(&answer_sql).map_err(sql(&self.path))?;
        for row in stmt
            .query_map(rusqlite::params_from_iter(&params), answer_from_row)
            .map_err(sql(&self.path))?
        {
            let (interview_id, mut a) = row.map_err(sql(&self.path))?;
            a.theme_ids = answer_tags.get(&a.id).cloned().unwrap_or_default();
            answers.entry(interview_id).or_default().push(a);
        }
        let mut quotes: HashMap<Uuid, Vec<Quote>> = HashMap::new();
        let mut stmt = self.conn.prepare(quote_sql).map_err(sql(&self.path))?;
        for row in stmt
            .query_map(rusqlite::params_from_iter(&params), quote_from_row)
            .map_err(sql(&self.path))?
        {
            let mut q = row.map_err(sql(&self.path))?;
            q.theme_ids = quote_tags.get(&q.id).cloned().unwrap_or_default();
            quotes.entry(q.interview_id).or_default().push(q);
        }
        for i in &mut interviews {
            i.answers = answers.remove(&i.id).unwrap_or_default();
            i.quotes = quotes.remove(&i.id).unwrap_or_default();
            i.note_theme_ids = note_tags.remove(&i.id).unwrap_or_default();
        }
        Ok(interviews)
    }

    /// Every quote, for evidence pickers in later steps: (stakeholder name, quote).
    pub fn quotes(&self) -> Result<Vec<Quote>> {
        Ok(self
            .interviews()?
            .into_iter()
            .flat_map(|i| i.quotes)
            .collect())
    }

    /// Starts an interview (`id` None) or changes who, when, by whom and how; answers the
    /// interview. A new interview with a guide gets its questions copied in, each waiting for
    /// an answer, and holding one on or before today marks the stakeholder interviewed. The
    /// guide an interview started from stays.
    pub fn save_interview(&mut self, id: Option<Uuid>, edit: &InterviewEdit) -> Result<Interview> {
        let v = edit.validated()?;
        if self.stakeholder(v.stakeholder_id).is_err() {
            return Err(unknown_stakeholder().into());
        }
        let Some(id) = id else {
            return self.start_interview(&v);
        };
        let path = self.path.clone();
        self.with_tx(|tx| {
            update_one(
                tx,
                &path,
                "interview",
                "UPDATE interviews SET stakeholder_id = ?2, date = ?3, interviewer = ?4,
                         mode = ?5, updated_at = ?6
                     WHERE id = ?1",
                params![
                    id.to_string(),
                    v.stakeholder_id.to_string(),
                    v.date.format("%Y-%m-%d").to_string(),
                    v.interviewer,
                    v.mode.slug(),
                    timestamp(Utc::now())
                ],
            )?;
            Ok(())
        })?;
        self.interview(id)
    }

    fn start_interview(&mut self, v: &ValidInterview) -> Result<Interview> {
        let guide = match v.guide_id {
            Some(gid) => {
                let guide = self.guide(gid).map_err(|_| {
                    StoreError::Invalid(groundwork_core::Invalid::field(
                        "guideId",
                        "That guide is no longer in this workbook. Choose another guide, or none.",
                    ))
                })?;
                check_guide_usable(&guide)?;
                Some(guide)
            }
            None => None,
        };
        let id = Uuid::now_v7();
        let key = id.to_string();
        let path = self.path.clone();
        let now = Utc::now();
        self.with_tx(|tx| {
            let stamp = timestamp(now);
            tx.execute(
                "INSERT INTO interviews (id, stakeholder_id, date, interviewer, mode, guide_id,
                     guide_name, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![
                    key,
                    v.stakeholder_id.to_string(),
                    v.date.format("%Y-%m-%d").to_string(),
                    v.interviewer,
                    v.mode.slug(),
                    guide.as_ref().map(|g| g.id.to_string()),
                    guide.as_ref().map(|g| g.name.clone()).unwrap_or_default(),
                    stamp
                ],
            )
            .map_err(sql(&path))?;
            for (i, q) in guide.iter().flat_map(|g| &g.questions).enumerate() {
                tx.execute(
                    "INSERT INTO answers (id, interview_id, position, topic, question)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![Uuid::now_v7().to_string(), key, i as i64, q.topic, q.text],
                )
                .map_err(sql(&path))?;
            }
            if v.date <= now.date_naive() {
                tx.execute(
                    "UPDATE stakeholders SET interview_status = ?2, updated_at = ?3
                     WHERE id = ?1 AND interview_status IN ('toInvite', 'scheduled')",
                    params![
                        v.stakeholder_id.to_string(),
                        InterviewStatus::Interviewed.slug(),
                        stamp
                    ],
                )
                .map_err(sql(&path))?;
            }
            Ok(())
        })?;
        self.interview(id)
    }

    pub fn delete_interview(&mut self, id: Uuid) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            delete_record(tx, "Interview", "interviews", &id.to_string()).map_err(sql(&path))?;
            Ok(())
        })
    }

    /// Saves one answer as typed (called on every pause in typing).
    pub fn save_answer(&mut self, answer_id: Uuid, text: &str) -> Result<()> {
        let text = validate_answer(text)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let interview: Option<String> = tx
                .query_row(
                    "UPDATE answers SET answer = ?2 WHERE id = ?1 RETURNING interview_id",
                    params![answer_id.to_string(), text],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql(&path))?;
            let interview = interview.ok_or(StoreError::Gone("question"))?;
            tx.execute(
                "UPDATE interviews SET updated_at = ?2 WHERE id = ?1",
                params![interview, timestamp(Utc::now())],
            )
            .map_err(sql(&path))?;
            Ok(())
        })
    }

    pub fn save_interview_notes(&mut self, interview_id: Uuid, notes: &str) -> Result<()> {
        let notes = validate_notes(notes)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            update_one(
                tx,
                &path,
                "interview",
                "UPDATE interviews SET notes = ?2, updated_at = ?3 WHERE id = ?1",
                params![interview_id.to_string(), notes, timestamp(Utc::now())],
            )?;
            Ok(())
        })
    }

    /// Adds a key quote to interview `interview_id` (`id` None) or corrects one of its quotes;
    /// answers the quote.
    pub fn save_quote(
        &mut self,
        interview_id: Uuid,
        id: Option<Uuid>,
        text: &str,
    ) -> Result<Quote> {
        let text = validate_quote(text)?;
        let interview_key = interview_id.to_string();
        let path = self.path.clone();
        let id = self.with_tx(|tx| {
            if let Some(id) = id {
                update_one(
                    tx,
                    &path,
                    "quote",
                    "UPDATE quotes SET text = ?3 WHERE id = ?1 AND interview_id = ?2",
                    params![id.to_string(), interview_key, text],
                )?;
                return Ok(id);
            }
            let now = timestamp(Utc::now());
            update_one(
                tx,
                &path,
                "interview",
                "UPDATE interviews SET updated_at = ?2 WHERE id = ?1",
                params![interview_key, now],
            )?;
            let id = Uuid::now_v7();
            tx.execute(
                "INSERT INTO quotes (id, interview_id, text, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![id.to_string(), interview_key, text, now],
            )
            .map_err(sql(&path))?;
            Ok(id)
        })?;
        self.quote(id)
    }

    fn quote(&self, id: Uuid) -> Result<Quote> {
        let key = id.to_string();
        let mut q = self
            .conn
            .query_row("SELECT * FROM quotes WHERE id = ?1", [&key], quote_from_row)
            .optional()
            .map_err(sql(&self.path))?
            .ok_or(StoreError::Gone("quote"))?;
        let mut stmt = self
            .conn
            .prepare("SELECT theme_id FROM quote_themes WHERE quote_id = ?1")
            .map_err(sql(&self.path))?;
        q.theme_ids = stmt
            .query_map([&key], |r| uuid(r, 0))
            .map_err(sql(&self.path))?
            .collect::<rusqlite::Result<Vec<Uuid>>>()
            .map_err(sql(&self.path))?;
        Ok(q)
    }

    pub fn delete_quote(&mut self, id: Uuid) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            delete_record(tx, "Quote", "quotes", &id.to_string()).map_err(sql(&path))?;
            Ok(())
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::stakeholders::tests::edit as person;

    pub(crate) fn interview_edit(stakeholder_id: Uuid, guide_id: Option<Uuid>) -> InterviewEdit {
        InterviewEdit {
            stakeholder_id: Some(stakeholder_id),
            date: "2025-11-04".into(),
            interviewer: "Ana Souza".into(),
            mode: InterviewMode::InPerson,
            guide_id,
        }
    }

    #[test]
    fn an_interview_copies_its_guide_and_keeps_answers_notes_and_quotes() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.save_stakeholder(None, &person("Ines")).unwrap();
        let g = store.copy_starter_guide("support").unwrap();
        let i = store
            .save_interview(None, &interview_edit(s.id, Some(g.id)))
            .unwrap();
        assert_eq!(i.guide_name, "Support");
        assert_eq!(i.answers.len(), g.questions.len());
        assert_eq!(i.answers[0].question, g.questions[0].text);
        assert_eq!(
            store.stakeholder(s.id).unwrap().interview_status,
            InterviewStatus::Interviewed,
            "a held interview marks the stakeholder interviewed"
        );

        store
            .save_answer(i.answers[0].id, "Password resets, every day 🙃")
            .unwrap();
        store
            .save_interview_notes(i.id, "Met at the café.\n\nFollow up.")
            .unwrap();
        let q = store
            .save_quote(i.id, None, " “Members answer faster than we do.” ")
            .unwrap();
        assert_eq!(q.text, "“Members answer faster than we do.”");

        // Editing the guide afterwards leaves the interview as it was asked.
        store.delete_guide_question(g.questions[0].id).unwrap();
        store.delete_guide(g.id).unwrap();
        let back = store.interview(i.id).unwrap();
        assert_eq!(back.answers[0].answer, "Password resets, every day 🙃");
        assert_eq!(back.answers[0].question, g.questions[0].text);
        assert_eq!(back.guide_id, None, "the guide is gone");
        assert_eq!(back.guide_name, "Support", "but its name is remembered");
        assert_eq!(back.notes, "Met at the café.\n\nFollow up.");
        assert_eq!(back.quotes, vec![q]);
    }

    #[test]
    fn an_interview_and_its_quotes_are_corrected_in_place() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.save_stakeholder(None, &person("Ines")).unwrap();
        let other = store.save_stakeholder(None, &person("Marta")).unwrap();
        let i = store
            .save_interview(None, &interview_edit(s.id, None))
            .unwrap();
        let mut edit = i.to_edit();
        edit.stakeholder_id = Some(other.id);
        edit.date = "2025-11-05".into();
        let changed = store.save_interview(Some(i.id), &edit).unwrap();
        assert_eq!(changed.id, i.id);
        assert_eq!(changed.stakeholder_id, other.id);
        assert_eq!(changed.to_edit(), edit);
        let q = store.save_quote(i.id, None, "Keep it smal").unwrap();
        let fixed = store
            .save_quote(i.id, Some(q.id), "Keep it small, 小さく")
            .unwrap();
        assert_eq!(
            (fixed.id, fixed.text.as_str()),
            (q.id, "Keep it small, 小さく")
        );
        let second = store
            .save_interview(None, &interview_edit(s.id, None))
            .unwrap();
        assert!(
            store.save_quote(second.id, Some(q.id), "Moved").is_err(),
            "a quote is corrected only in its own interview"
        );
        store.delete_interview(i.id).unwrap();
        assert!(store.save_interview(Some(i.id), &edit).is_err());
    }

    #[test]
    fn an_interview_for_a_deleted_stakeholder_is_refused_at_the_stakeholder_field() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.save_stakeholder(None, &person("Ines")).unwrap();
        store.delete_stakeholder(s.id).unwrap();
        let err = store
            .save_interview(None, &interview_edit(s.id, None))
            .unwrap_err();
        assert_eq!(err.field(), Some("stakeholderId"));
        assert!(
            err.to_string().contains("no longer in the register"),
            "{err}"
        );
        let err = store
            .save_interview(
                None,
                &InterviewEdit {
                    stakeholder_id: None,
                    ..interview_edit(s.id, None)
                },
            )
            .unwrap_err();
        assert_eq!(err.field(), Some("stakeholderId"), "nobody chosen");
        assert!(store.interviews().unwrap().is_empty());
    }

    #[test]
    fn an_empty_guide_cannot_start_an_interview() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.save_stakeholder(None, &person("Ines")).unwrap();
        let g = store
            .save_guide(
                None,
                &groundwork_core::stakeholders::interviews::GuideEdit {
                    name: "Draft".into(),
                    description: String::new(),
                },
            )
            .unwrap();
        let err = store
            .save_interview(None, &interview_edit(s.id, Some(g.id)))
            .unwrap_err();
        assert_eq!(err.field(), Some("guideId"));
        assert!(err.to_string().contains("no questions yet"), "{err}");
        assert!(
            store.interviews().unwrap().is_empty(),
            "nothing was written"
        );
    }

    #[test]
    fn deleting_a_stakeholder_deletes_their_interviews_and_quotes() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.save_stakeholder(None, &person("Ines")).unwrap();
        let i = store
            .save_interview(None, &interview_edit(s.id, None))
            .unwrap();
        store.save_quote(i.id, None, "Keep it small").unwrap();
        store.delete_stakeholder(s.id).unwrap();
        assert!(store.interviews().unwrap().is_empty());
        assert!(store.quotes().unwrap().is_empty());
        assert!(
            store.save_quote(i.id, None, "late").is_err(),
            "the interview is gone"
        );
    }

    #[test]
    fn a_blank_quote_and_a_bad_date_are_refused() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.save_stakeholder(None, &person("Ines")).unwrap();
        let i = store
            .save_interview(None, &interview_edit(s.id, None))
            .unwrap();
        assert_eq!(
            store.save_quote(i.id, None, "  ").unwrap_err().field(),
            Some("quote")
        );
        let mut bad = interview_edit(s.id, None);
        bad.date = "2025-13-01".into();
        assert_eq!(
            store.save_interview(Some(i.id), &bad).unwrap_err().field(),
            Some("date")
        );
        assert_eq!(store.interview(i.id).unwrap().date, i.date, "unchanged");
    }
}
