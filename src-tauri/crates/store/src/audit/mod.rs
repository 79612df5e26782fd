//! The audit step's tables: channels, snapshots, maturity, situation, peers and findings.
//! Each write validates through the core first, so a refused edit changes nothing.

pub(crate) mod channels;
mod findings;
mod maturity;
mod situation;
pub(crate) mod snapshots;

pub use channels::ChannelUsage;
pub(crate) use findings::write_finding;
pub use findings::FindingUsage;

use chrono::NaiveDate;
use groundwork_core::audit::{Audit, AuditOverview};
use rusqlite::types::Type;
use rusqlite::{Row, RowIndex};
use uuid::Uuid;

use crate::{Result, Store, StoreError};

impl Store {
    /// Every audit record.
    pub fn audit(&self) -> Result<Audit> {
        Ok(Audit {
            channels: self.channels()?,
            snapshots: self.snapshots()?,
            maturity: self.maturity()?,
            situation: self.situation()?,
            peers: self.peers()?,
            findings: self.audit_findings()?,
        })
    }

    /// What the audit screens show: the records, channel activity, the maturity profile and
    /// the latest two audit dates compared. Nothing in it depends on the day it is read.
    pub fn audit_overview(&self) -> Result<AuditOverview> {
        Ok(AuditOverview::from(self.audit()?))
    }

    /// How many audit records there are, counted the way the core counts them
    /// ([`Audit::record_count`]) without loading them.
    pub(crate) fn audit_record_count(&self) -> Result<u64> {
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM channel)
                      + (SELECT count(*) FROM snapshot)
                      + (SELECT count(*) FROM maturity WHERE stage IS NOT NULL)
                      + (SELECT count(*) FROM peer)
                      + (SELECT count(*) FROM finding)
                      + (SELECT count(*) FROM situation
                         WHERE trim(resources || obstacles || opportunities || threats
                                    || target_audience || tone_and_voice) <> '')",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| u64::try_from(n).unwrap_or(0))
            .map_err(|e| self.sql_error(e))
    }

    pub(crate) fn sql_error(&self, err: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(err, &self.path)
    }
}

fn conversion(col: usize, err: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, Type::Text, Box::new(err))
}

/// Reads a UUID stored as text (by column name, or by position in hot loops).
pub(crate) fn uuid(row: &Row<'_>, col: impl RowIndex) -> rusqlite::Result<Uuid> {
    let text = row.get_ref(col)?.as_str()?;
    Uuid::parse_str(text).map_err(|e| conversion(0, e))
}

pub(crate) fn date(row: &Row<'_>, col: impl RowIndex) -> rusqlite::Result<NaiveDate> {
    let text = row.get_ref(col)?.as_str()?;
    iso_date(text)
        .map_or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d"), Ok)
        .map_err(|e| conversion(0, e))
}

/// "2026-03-05" read directly: screens read thousands of stored dates, and this is what
/// SQLite's `date()` writes. Anything else goes through chrono's parser.
fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(number(0..4)?).ok()?,
        number(5..7)?,
        number(8..10)?,
    )
}

/// Reads a stored word into one of the core's enums.
pub(crate) fn word<T, I: RowIndex + std::fmt::Debug + Copy>(
    row: &Row<'_>,
    col: I,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text = row.get_ref(col)?.as_str()?;
    parse(text).ok_or_else(|| {
        conversion(
            0,
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("unknown value “{text}” in column {col:?}"),
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use groundwork_core::audit::findings::{FindingEdit, Importance};
    use groundwork_core::audit::maturity::{Competency, MaturityEdit};
    use groundwork_core::audit::situation::Situation;
    use groundwork_core::workbook::Step;

    use super::*;
    use crate::audit::channels::tests::forum;
    use crate::audit::snapshots::tests::{snapshot, today};

    #[test]
    fn stored_dates_read_as_chrono_reads_them() {
        for text in [
            "2026-03-05",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-5",
            "2026-01-5 ",
            "20x6-01-05",
            "2026/01/05",
            "",
            "２０２６-01-05",
        ] {
            let chrono = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            let direct = iso_date(text);
            assert!(
                direct.is_none() || direct == chrono,
                "{text:?}: {direct:?} vs {chrono:?}"
            );
            if text.len() == 10 && text.is_ascii() {
                assert_eq!(direct, chrono, "{text:?}");
            }
        }
    }

    #[test]
    fn the_step_count_is_the_cores_record_count_and_writes_touch_the_workbook() {
        let mut store = Store::in_memory("Audit").unwrap();
        let count = |s: &Store| {
            s.step_counts()
                .unwrap()
                .into_iter()
                .find(|c| c.step == Step::Audit)
                .unwrap()
                .records
        };
        assert_eq!(count(&store), 0);
        let before = store.profile().unwrap().updated_at;
        std::thread::sleep(std::time::Duration::from_millis(5));
        let c = store.save_channel(None, &forum("Forum")).unwrap();
        assert!(
            store.profile().unwrap().updated_at > before,
            "the workbook was edited"
        );
        store.save_channel(None, &forum("Discord")).unwrap();
        let s = store
            .save_snapshot(None, &snapshot(c.id, "2026-01-05"), today())
            .unwrap();
        store
            .save_maturity(&MaturityEdit {
                competency: Competency::Culture,
                stage: "2".into(),
                evidence: String::new(),
            })
            .unwrap();
        store
            .save_maturity(&MaturityEdit {
                competency: Competency::Tools,
                stage: String::new(),
                evidence: "draft".into(),
            })
            .unwrap();
        store
            .update_situation(&Situation {
                threats: "  ".into(),
                ..Situation::default()
            })
            .unwrap();
        assert_eq!(
            count(&store),
            4,
            "blank situation and unscored competency are not records"
        );
        store
            .update_situation(&Situation {
                threats: "A rival".into(),
                ..Situation::default()
            })
            .unwrap();
        store
            .save_finding(
                None,
                &FindingEdit {
                    title: "Slow".into(),
                    importance: Importance::High,
                    evidence: String::new(),
                    channel_ids: vec![c.id],
                    snapshot_ids: vec![s.id],
                },
            )
            .unwrap();
        let audit = store.audit().unwrap();
        assert_eq!(count(&store), 6);
        assert_eq!(
            count(&store),
            audit.record_count() as u64,
            "store and core agree"
        );
        assert_eq!(store.load_workbook().unwrap().audit, audit);
    }
}
