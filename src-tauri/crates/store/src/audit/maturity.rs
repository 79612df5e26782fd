//! The `maturity` table: one row per competency once it has been touched.

use chrono::Utc;
use groundwork_core::audit::maturity::{Competency, MaturityEdit, MaturityScore};
use rusqlite::{params, Row};

use crate::profile::touch;
use crate::sql::{timestamp, word};
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<MaturityScore> {
    Ok(MaturityScore {
        competency: word(row, "competency", Competency::from_slug)?,
        stage: row.get("stage")?,
        evidence: row.get("evidence")?,
    })
}

impl Store {
    /// The competencies scored or annotated so far, in the model's order.
    pub fn maturity(&self) -> Result<Vec<MaturityScore>> {
        let mut scores: Vec<MaturityScore> = self
            .conn
            .prepare("SELECT * FROM maturity")
            .and_then(|mut s| s.query_map([], from_row)?.collect())
            .map_err(|e| self.sql_error(e))?;
        scores.sort_by_key(|s| s.competency);
        Ok(scores)
    }

    /// Sets a competency's stage and evidence.
    pub fn save_maturity(&mut self, edit: &MaturityEdit) -> Result<MaturityScore> {
        let score = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO maturity (competency, stage, evidence, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (competency) DO UPDATE SET stage = ?2, evidence = ?3, updated_at = ?4",
                params![
                    score.competency.slug(),
                    score.stage,
                    score.evidence,
                    timestamp(Utc::now())
                ],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        Ok(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_round_trip_and_a_bad_stage_changes_nothing() {
        let mut store = Store::in_memory("Audit").unwrap();
        let edit = |c, stage: &str| MaturityEdit {
            competency: c,
            stage: stage.into(),
            evidence: "No analytics; 社区 counts by hand.".into(),
        };
        store.save_maturity(&edit(Competency::Tools, "2")).unwrap();
        store
            .save_maturity(&edit(Competency::Strategy, "1"))
            .unwrap();
        store.save_maturity(&edit(Competency::Tools, "3")).unwrap();
        let scores = store.maturity().unwrap();
        assert_eq!(scores.len(), 2, "one row per competency");
        assert_eq!(scores[0].competency, Competency::Strategy, "model order");
        assert_eq!(
            scores[1].stage,
            Some(3),
            "the later score replaced the earlier"
        );
        assert_eq!(scores[1].evidence, "No analytics; 社区 counts by hand.");

        let err = store
            .save_maturity(&edit(Competency::Tools, "5"))
            .unwrap_err();
        assert_eq!(err.field(), Some("stage"));
        assert_eq!(store.maturity().unwrap()[1].stage, Some(3), "unchanged");

        store.save_maturity(&edit(Competency::Tools, "")).unwrap();
        assert_eq!(
            store.maturity().unwrap()[1].stage,
            None,
            "a score can be cleared"
        );
    }
}
