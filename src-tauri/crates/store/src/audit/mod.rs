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

use groundwork_core::audit::{Audit, AuditOverview};

use crate::{Result, Store};

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
