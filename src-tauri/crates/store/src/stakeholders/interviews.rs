//! The `interviews`, `answers` and `quotes` tables.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use groundwork_core::stakeholders::interviews::{
    check_guide_usable, unknown_stakeholder, validate_answer, validate_notes, validate_quote,
    Answer, Interview, InterviewEdit, InterviewMode, Quote,
};
use groundwork_core::stakeholders::InterviewStatus;
use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use crate::sql::{gone, parse_timestamp, sql, timestamp, unknown_key};
use crate::trash::delete_record;
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Interview> {
    let mode: String = row.get("mode")?;
    let date: String = row.get("date")?;
    Ok(Interview {
        id: row.get("id")?,
        stakeholder_id: row.get("stakeholder_id")?,
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| unknown_key(3, &date))?,
        interviewer: row.get("interviewer")?,
        mode: InterviewMode::from_slug(&mode).ok_or_else(|| unknown_key(5, &mode))?,
        guide_id: row.get("guide_id")?,
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

fn answer_from_row(row: &Row<'_>) -> rusqlite::Result<(String, Answer)> {
    Ok((
        row.get(0)?,
        Answer {
            id: row.get(1)?,
            topic: row.get(2)?,
            question: row.get(3)?,
            answer: row.get(4)?,
            theme_ids: Vec::new(),
        },
    ))
}

fn quote_from_row(row: &Row<'_>) -> rusqlite::Result<Quote> {
    Ok(Quote {
        id: row.get("id")?,
        interview_id: row.get("interview_id")?,
        text: row.get("text")?,
        theme_ids: Vec::new(),
    })
}

impl Store {
    /// Pairs (owner id, theme id) from a tag table, grouped by owner.
    fn tags(&self, query: &str) -> Result<HashMap<String, Vec<String>>> {
        let mut stmt = self.conn.prepare(query).map_err(sql(&self.path))?;
        let mut out: HashMap<String, Vec<String>> = HashMap::new();
        for row in stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
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

    pub fn interview(&self, id: &str) -> Result<Interview> {
        self.load_interviews(Some(id))?
            .pop()
            .ok_or_else(|| gone("interview"))
    }

    fn load_interviews(&self, only: Option<&str>) -> Result<Vec<Interview>> {
        let filter = if only.is_some() { "WHERE id = ?1" } else { "" };
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT * FROM interviews {filter} ORDER BY date DESC, created_at DESC"
            ))
            .map_err(sql(&self.path))?;
        let mut interviews = match only {
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
        let params: Vec<&str> = only.into_iter().collect();
        let answer_tags = self.tags("SELECT answer_id, theme_id FROM answer_themes")?;
        let quote_tags = self.tags("SELECT quote_id, theme_id FROM quote_themes")?;
        let mut note_tags = self.tags("SELECT interview_id, theme_id FROM note_themes")?;

        let mut answers: HashMap<String, Vec<Answer>> = HashMap::new();
        let mut stmt = self.conn.prepare(&answer_sql).map_err(sql(&self.path))?;
        for row in stmt
            .query_map(rusqlite::params_from_iter(&params), answer_from_row)
            .map_err(sql(&self.path))?
        {
            let (interview_id, mut a) = row.map_err(sql(&self.path))?;
            a.theme_ids = answer_tags.get(&a.id).cloned().unwrap_or_default();
            answers.entry(interview_id).or_default().push(a);
        }
        let mut quotes: HashMap<String, Vec<Quote>> = HashMap::new();
        let mut stmt = self.conn.prepare(quote_sql).map_err(sql(&self.path))?;
        for row in stmt
            .query_map(rusqlite::params_from_iter(&params), quote_from_row)
            .map_err(sql(&self.path))?
        {
            let mut q = row.map_err(sql(&self.path))?;
            q.theme_ids = quote_tags.get(&q.id).cloned().unwrap_or_default();
            quotes.entry(q.interview_id.clone()).or_default().push(q);
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

    /// Starts an interview. With a guide, its questions are copied in, each waiting for an
    /// answer. Holding an interview on or before today marks the stakeholder interviewed.
    pub fn create_interview(&mut self, edit: &InterviewEdit) -> Result<Interview> {
        let v = edit.validated()?;
        if self.stakeholder(&v.stakeholder_id).is_err() {
            return Err(unknown_stakeholder().into());
        }
        let guide = match &v.guide_id {
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
        let id = Uuid::now_v7().to_string();
        let path = self.path.clone();
        let now = Utc::now();
        self.with_tx(|tx| {
            let stamp = timestamp(now);
            tx.execute(
                "INSERT INTO interviews (id, stakeholder_id, date, interviewer, mode, guide_id,
                     guide_name, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![
                    id,
                    v.stakeholder_id,
                    v.date.format("%Y-%m-%d").to_string(),
                    v.interviewer,
                    v.mode.slug(),
                    guide.as_ref().map(|g| g.id.clone()),
                    guide.as_ref().map(|g| g.name.clone()).unwrap_or_default(),
                    stamp
                ],
            )
            .map_err(sql(&path))?;
            for (i, q) in guide.iter().flat_map(|g| &g.questions).enumerate() {
                tx.execute(
                    "INSERT INTO answers (id, interview_id, position, topic, question)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![Uuid::now_v7().to_string(), id, i as i64, q.topic, q.text],
                )
                .map_err(sql(&path))?;
            }
            if v.date <= now.date_naive() {
                tx.execute(
                    "UPDATE stakeholders SET interview_status = ?2, updated_at = ?3
                     WHERE id = ?1 AND interview_status IN ('toInvite', 'scheduled')",
                    params![v.stakeholder_id, InterviewStatus::Interviewed.slug(), stamp],
                )
                .map_err(sql(&path))?;
            }
            Ok(())
        })?;
        self.interview(&id)
    }

    /// Changes who, when, by whom and how. The guide an interview started from stays.
    pub fn update_interview(&mut self, id: &str, edit: &InterviewEdit) -> Result<Interview> {
        let v = edit.validated()?;
        if self.stakeholder(&v.stakeholder_id).is_err() {
            return Err(unknown_stakeholder().into());
        }
        let path = self.path.clone();
        self.with_tx(|tx| {
            let n = tx
                .execute(
                    "UPDATE interviews SET stakeholder_id = ?2, date = ?3, interviewer = ?4,
                         mode = ?5, updated_at = ?6
                     WHERE id = ?1",
                    params![
                        id,
                        v.stakeholder_id,
                        v.date.format("%Y-%m-%d").to_string(),
                        v.interviewer,
                        v.mode.slug(),
                        timestamp(Utc::now())
                    ],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(gone("interview"));
            }
            Ok(())
        })?;
        self.interview(id)
    }

    pub fn delete_interview(&mut self, id: &str) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            delete_record(tx, "Interview", "interviews", id).map_err(sql(&path))?;
            Ok(())
        })
    }

    /// Saves one answer as typed (called on every pause in typing).
    pub fn save_answer(&mut self, answer_id: &str, text: &str) -> Result<()> {
        let text = validate_answer(text)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let interview: Option<String> = tx
                .query_row(
                    "UPDATE answers SET answer = ?2 WHERE id = ?1 RETURNING interview_id",
                    params![answer_id, text],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql(&path))?;
            let interview = interview.ok_or_else(|| gone("question"))?;
            tx.execute(
                "UPDATE interviews SET updated_at = ?2 WHERE id = ?1",
                params![interview, timestamp(Utc::now())],
            )
            .map_err(sql(&path))?;
            Ok(())
        })
    }

    pub fn save_interview_notes(&mut self, interview_id: &str, notes: &str) -> Result<()> {
        let notes = validate_notes(notes)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let n = tx
                .execute(
                    "UPDATE interviews SET notes = ?2, updated_at = ?3 WHERE id = ?1",
                    params![interview_id, notes, timestamp(Utc::now())],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(gone("interview"));
            }
            Ok(())
        })
    }

    pub fn add_quote(&mut self, interview_id: &str, text: &str) -> Result<Quote> {
        let text = validate_quote(text)?;
        let id = Uuid::now_v7().to_string();
        let path = self.path.clone();
        self.with_tx(|tx| {
            let now = timestamp(Utc::now());
            let n = tx
                .execute(
                    "UPDATE interviews SET updated_at = ?2 WHERE id = ?1",
                    params![interview_id, now],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(gone("interview"));
            }
            tx.execute(
                "INSERT INTO quotes (id, interview_id, text, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![id, interview_id, text, now],
            )
            .map_err(sql(&path))?;
            Ok(())
        })?;
        self.quote(&id)
    }

    fn quote(&self, id: &str) -> Result<Quote> {
        let mut q = self
            .conn
            .query_row("SELECT * FROM quotes WHERE id = ?1", [id], quote_from_row)
            .optional()
            .map_err(sql(&self.path))?
            .ok_or_else(|| gone("quote"))?;
        let mut stmt = self
            .conn
            .prepare("SELECT theme_id FROM quote_themes WHERE quote_id = ?1")
            .map_err(sql(&self.path))?;
        q.theme_ids = stmt
            .query_map([id], |r| r.get(0))
            .map_err(sql(&self.path))?
            .collect::<rusqlite::Result<Vec<String>>>()
            .map_err(sql(&self.path))?;
        Ok(q)
    }

    pub fn update_quote(&mut self, id: &str, text: &str) -> Result<Quote> {
        let text = validate_quote(text)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let n = tx
                .execute(
                    "UPDATE quotes SET text = ?2 WHERE id = ?1",
                    params![id, text],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(gone("quote"));
            }
            Ok(())
        })?;
        self.quote(id)
    }

    pub fn delete_quote(&mut self, id: &str) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            delete_record(tx, "Quote", "quotes", id).map_err(sql(&path))?;
            Ok(())
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::stakeholders::tests::edit as person;

    pub(crate) fn interview_edit(stakeholder_id: &str, guide_id: Option<&str>) -> InterviewEdit {
        InterviewEdit {
            stakeholder_id: stakeholder_id.into(),
            date: "2025-11-04".into(),
            interviewer: "Ana Souza".into(),
            mode: InterviewMode::InPerson,
            guide_id: guide_id.map(str::to_owned),
        }
    }

    #[test]
    fn an_interview_copies_its_guide_and_keeps_answers_notes_and_quotes() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.create_stakeholder(&person("Ines")).unwrap();
        let g = store.copy_starter_guide("support").unwrap();
        let i = store
            .create_interview(&interview_edit(&s.id, Some(&g.id)))
            .unwrap();
        assert_eq!(i.guide_name, "Support");
        assert_eq!(i.answers.len(), g.questions.len());
        assert_eq!(i.answers[0].question, g.questions[0].text);
        assert_eq!(
            store.stakeholder(&s.id).unwrap().interview_status,
            InterviewStatus::Interviewed,
            "a held interview marks the stakeholder interviewed"
        );

        store
            .save_answer(&i.answers[0].id, "Password resets, every day 🙃")
            .unwrap();
        store
            .save_interview_notes(&i.id, "Met at the café.\n\nFollow up.")
            .unwrap();
        let q = store
            .add_quote(&i.id, " “Members answer faster than we do.” ")
            .unwrap();
        assert_eq!(q.text, "“Members answer faster than we do.”");

        // Editing the guide afterwards leaves the interview as it was asked.
        store.delete_guide_question(&g.questions[0].id).unwrap();
        store.delete_guide(&g.id).unwrap();
        let back = store.interview(&i.id).unwrap();
        assert_eq!(back.answers[0].answer, "Password resets, every day 🙃");
        assert_eq!(back.answers[0].question, g.questions[0].text);
        assert_eq!(back.guide_id, None, "the guide is gone");
        assert_eq!(back.guide_name, "Support", "but its name is remembered");
        assert_eq!(back.notes, "Met at the café.\n\nFollow up.");
        assert_eq!(back.quotes, vec![q]);
    }

    #[test]
    fn an_interview_for_a_deleted_stakeholder_is_refused_at_the_stakeholder_field() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.create_stakeholder(&person("Ines")).unwrap();
        store.delete_stakeholder(&s.id).unwrap();
        let err = store
            .create_interview(&interview_edit(&s.id, None))
            .unwrap_err();
        assert_eq!(err.field(), Some("stakeholderId"));
        assert!(
            err.to_string().contains("no longer in the register"),
            "{err}"
        );
        assert!(store.interviews().unwrap().is_empty());
    }

    #[test]
    fn an_empty_guide_cannot_start_an_interview() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.create_stakeholder(&person("Ines")).unwrap();
        let g = store
            .create_guide(&groundwork_core::stakeholders::interviews::GuideEdit {
                name: "Draft".into(),
                description: String::new(),
            })
            .unwrap();
        let err = store
            .create_interview(&interview_edit(&s.id, Some(&g.id)))
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
        let s = store.create_stakeholder(&person("Ines")).unwrap();
        let i = store
            .create_interview(&interview_edit(&s.id, None))
            .unwrap();
        store.add_quote(&i.id, "Keep it small").unwrap();
        store.delete_stakeholder(&s.id).unwrap();
        assert!(store.interviews().unwrap().is_empty());
        assert!(store.quotes().unwrap().is_empty());
        assert!(
            store.add_quote(&i.id, "late").is_err(),
            "the interview is gone"
        );
    }

    #[test]
    fn a_blank_quote_and_a_bad_date_are_refused() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.create_stakeholder(&person("Ines")).unwrap();
        let i = store
            .create_interview(&interview_edit(&s.id, None))
            .unwrap();
        assert_eq!(
            store.add_quote(&i.id, "  ").unwrap_err().field(),
            Some("quote")
        );
        let mut bad = interview_edit(&s.id, None);
        bad.date = "2025-13-01".into();
        assert_eq!(
            store.update_interview(&i.id, &bad).unwrap_err().field(),
            Some("date")
        );
        assert_eq!(store.interview(&i.id).unwrap().date, i.date, "unchanged");
    }
}
