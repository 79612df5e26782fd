//! The `readiness_dismissals` table: readiness issues the strategist accepts, with reasons.

use chrono::Utc;
use groundwork_core::readiness::{review, validated_reason, Dismissal, Review};
use rusqlite::{params, Row};

use crate::profile::touch;
use crate::sql::{parse_timestamp, sql, timestamp};
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Dismissal> {
    let at: String = row.get("dismissed_at")?;
    Ok(Dismissal {
        key: row.get("issue_key")?,
        reason: row.get("reason")?,
        dismissed_at: parse_timestamp(&at)?,
    })
}

impl Store {
    /// Every dismissal, oldest first.
    pub fn dismissals(&self) -> Result<Vec<Dismissal>> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM readiness_dismissals ORDER BY dismissed_at, issue_key")
            .map_err(sql(&self.path))?;
        let rows = stmt
            .query_map([], from_row)
            .map_err(sql(&self.path))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql(&self.path))?;
        Ok(rows)
    }

    /// The readiness review of the workbook as it is now.
    pub fn readiness(&self) -> Result<Review> {
        Ok(review(&self.load_workbook()?))
    }

    /// Accepts an issue the review raises, with the reason; dismissing it again replaces the
    /// reason. Returns the review after the change.
    pub fn dismiss_issue(&mut self, key: &str, reason: &str) -> Result<Review> {
        let reason = validated_reason(reason)?;
        let current = self.readiness()?;
        let known = current.issues.iter().any(|i| i.key == key)
            || current.dismissed.iter().any(|d| d.issue.key == key);
        if !known {
            return Err(StoreError::Gone("readiness issue"));
        }
        let path = self.path.clone();
        self.with_tx(|tx| {
            let now = Utc::now();
            tx.execute(
                "INSERT INTO readiness_dismissals (issue_key, reason, dismissed_at)
                 VALUES (?1, ?2, ?3)
                 ON CONFLICT (issue_key) DO UPDATE SET reason = excluded.reason",
                params![key, reason, timestamp(now)],
            )
            .and_then(|_| touch(tx, now))
            .map_err(sql(&path))
        })?;
        self.readiness()
    }

    /// Puts a dismissed issue back among the open ones. Returns the review after the change.
    pub fn restore_issue(&mut self, key: &str) -> Result<Review> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "DELETE FROM readiness_dismissals WHERE issue_key = ?1",
                [key],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(sql(&path))
        })?;
        self.readiness()
    }
}

#[cfg(test)]
mod tests {
    use groundwork_core::goals::{GoalEdit, ObjectiveEdit};

    use super::*;

    fn with_goal_without_kpi() -> (Store, String) {
        let mut store = Store::in_memory("Readiness").unwrap();
        let objective = store
            .save_objective(
                None,
                &ObjectiveEdit {
                    title: "Cut support cost".into(),
                    description: String::new(),
                },
            )
            .unwrap();
        let goal = store
            .save_goal(
                None,
                &GoalEdit {
                    objective_id: objective.id,
                    title: "Answer within a day".into(),
                    description: String::new(),
                    evidence: Vec::new(),
                },
            )
            .unwrap();
        (store, format!("goals.goal-without-kpi/{}", goal.id))
    }

    #[test]
    fn a_dismissal_is_kept_with_its_reason_and_can_be_undone() {
        let (mut store, key) = with_goal_without_kpi();
        let before = store.readiness().unwrap();
        assert!(
            before.issues.iter().any(|i| i.key == key),
            "the goal has no KPI yet"
        );

        let after = store
            .dismiss_issue(&key, "  KPI agreed next quarter with finance ")
            .unwrap();
        assert!(
            !after.issues.iter().any(|i| i.key == key),
            "dismissed issues leave the open list"
        );
        assert_eq!(after.dismissed.len(), 1);
        assert_eq!(
            after.dismissed[0].reason,
            "KPI agreed next quarter with finance"
        );
        assert!(
            after.overall > before.overall,
            "a dismissed issue counts as passed"
        );

        let kept = store.dismissals().unwrap();
        assert_eq!(kept.len(), 1, "the dismissal is stored");
        assert_eq!(store.load_workbook().unwrap().dismissals, kept);

        let again = store.dismiss_issue(&key, "Finance decides in May").unwrap();
        assert_eq!(
            again.dismissed[0].reason, "Finance decides in May",
            "a second dismissal replaces the reason"
        );
        assert_eq!(store.dismissals().unwrap().len(), 1);

        let restored = store.restore_issue(&key).unwrap();
        assert!(
            restored.issues.iter().any(|i| i.key == key),
            "undo puts it back"
        );
        assert!(store.dismissals().unwrap().is_empty());
    }

    #[test]
    fn a_dismissal_needs_a_reason_and_a_real_issue() {
        let (mut store, key) = with_goal_without_kpi();
        let err = store.dismiss_issue(&key, "   ").unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{err}");
        let err = store
            .dismiss_issue("goals.goal-without-kpi/nope", "Because")
            .unwrap_err();
        assert!(matches!(err, StoreError::Gone(_)), "{err}");
        assert!(store.dismissals().unwrap().is_empty(), "nothing was stored");
    }
}
