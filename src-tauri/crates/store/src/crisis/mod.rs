//! Step 4, the crisis plan, assembled here from its parts: severity levels in `levels`,
//! scenarios in `scenarios`, the crisis team and escalation matrix in `team`, and
//! the response guidelines (the `crisis_guidelines` table) here. A save answers the record as
//! stored, read from the plan, which is small.

mod levels;
pub(crate) mod scenarios;
mod team;

use groundwork_core::crisis::starters::STARTER_LEVELS;
use groundwork_core::crisis::{CrisisPlan, Guidelines, STARTER_REVIEW};
use rusqlite::{params, Connection, Row, Transaction};

use crate::sql::{new_id, sql};
use crate::{Result, Store};

/// Seeds the starter severity levels and the review template when the crisis tables are
/// created (in a new workbook, or an older one being migrated).
pub(crate) fn seed(tx: &Transaction<'_>) -> rusqlite_migration::HookResult {
    for (i, (name, definition, minutes)) in STARTER_LEVELS.iter().enumerate() {
        tx.execute(
            "INSERT INTO severity_levels (id, position, name, definition, response_minutes)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![new_id(), i as i64 + 1, name, definition, minutes],
        )?;
    }
    tx.execute(
        "INSERT INTO crisis_guidelines (id, review) VALUES (1, ?1)",
        [STARTER_REVIEW],
    )?;
    Ok(())
}

fn guidelines_from_row(row: &Row<'_>) -> rusqlite::Result<Guidelines> {
    Ok(Guidelines {
        tone: row.get("tone")?,
        dos: row.get("dos")?,
        donts: row.get("donts")?,
        engage: row.get("engage")?,
        disengage: row.get("disengage")?,
        review: row.get("review")?,
    })
}

fn guidelines(conn: &Connection) -> rusqlite::Result<Guidelines> {
    let mut stmt = conn.prepare("SELECT * FROM crisis_guidelines WHERE id = 1")?;
    let mut rows = stmt.query_map([], guidelines_from_row)?;
    Ok(rows.next().transpose()?.unwrap_or_default())
}

impl Store {
    /// The whole crisis plan, highest-risk scenarios first.
    pub fn crisis_plan(&self) -> Result<CrisisPlan> {
        let load = || -> rusqlite::Result<CrisisPlan> {
            Ok(CrisisPlan::assemble(
                levels::levels(&self.conn)?,
                scenarios::all(&self.conn)?,
                team::contacts(&self.conn)?,
                team::escalations(&self.conn)?,
                guidelines(&self.conn)?,
            ))
        };
        load().map_err(sql(&self.path))
    }

    /// Saves the response guidelines; answers them as stored.
    pub fn update_guidelines(&mut self, edit: &Guidelines) -> Result<Guidelines> {
        let g = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO crisis_guidelines (id, tone, dos, donts, engage, disengage, review)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET tone = ?1, dos = ?2, donts = ?3, engage = ?4,
                     disengage = ?5, review = ?6",
                params![g.tone, g.dos, g.donts, g.engage, g.disengage, g.review],
            )
            .map_err(sql(&path))?;
            Ok(())
        })?;
        guidelines(&self.conn).map_err(sql(&self.path))
    }

    /// Records the crisis step holds, for the step counts.
    pub(crate) fn crisis_records(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM scenarios) + (SELECT count(*) FROM crisis_contacts)
                      + (SELECT count(*) FROM escalations)",
                [],
                |r| r.get(0),
            )
            .map_err(sql(&self.path))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests;
