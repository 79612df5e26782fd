//! The `channel` table.

use chrono::Utc;
use groundwork_core::audit::channels::{
    deletion_notice, Channel, ChannelEdit, ChannelKind, Ownership,
};
use groundwork_core::audit::findings::FindingSummary;
use rusqlite::{params, Row};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::profile::touch;
use crate::sql::{parse_timestamp, timestamp, uuid, word};
use crate::trash::Deletion;
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Channel> {
    Ok(Channel {
        id: uuid(row, "id")?,
        kind: word(row, "kind", ChannelKind::from_slug)?,
        name: row.get("name")?,
        link: row.get("link")?,
        ownership: word(row, "ownership", Ownership::from_slug)?,
        audience: row.get("audience")?,
        run_by: row.get("run_by")?,
        notes: row.get("notes")?,
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
    })
}

/// What deleting a channel would take with it, for the confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ChannelUsage {
    pub snapshots: u32,
    /// The findings that cite the channel or one of its snapshots.
    pub citing: Vec<FindingSummary>,
    /// The sentence to show before deleting.
    pub notice: String,
}

impl Store {
    /// Every channel, by name.
    pub fn channels(&self) -> Result<Vec<Channel>> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM channel ORDER BY name COLLATE NOCASE, created_at")
            .map_err(|e| self.sql_error(e))?;
        let channels = stmt
            .query_map([], from_row)
            .and_then(Iterator::collect)
            .map_err(|e| self.sql_error(e));
        channels
    }

    pub fn channel(&self, id: Uuid) -> Result<Channel> {
        self.channels()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(StoreError::Gone("channel"))
    }

    /// Adds a channel (`id` is `None`) or changes one.
    pub fn save_channel(&mut self, id: Option<Uuid>, edit: &ChannelEdit) -> Result<Channel> {
        let channels = self.channels()?;
        if let Some(id) = id {
            channels
                .iter()
                .find(|c| c.id == id)
                .ok_or(StoreError::Gone("channel"))?;
        }
        let others: Vec<Channel> = channels.into_iter().filter(|c| Some(c.id) != id).collect();
        let edit = edit.validated(&others)?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let now = timestamp(Utc::now());
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO channel (id, kind, name, link, ownership, audience, run_by, notes,
                                      created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                 ON CONFLICT (id) DO UPDATE SET kind = ?2, name = ?3, link = ?4, ownership = ?5,
                     audience = ?6, run_by = ?7, notes = ?8, updated_at = ?9",
                params![
                    id.to_string(),
                    edit.kind.slug(),
                    edit.name,
                    edit.link,
                    edit.ownership.slug(),
                    edit.audience,
                    edit.run_by,
                    edit.notes,
                    now
                ],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.channel(id)
    }

    /// What deleting the channel would take with it.
    pub fn channel_usage(&self, id: Uuid) -> Result<ChannelUsage> {
        let audit = self.audit()?;
        let channel = audit.channel(id).ok_or(StoreError::Gone("channel"))?;
        let snapshots = audit
            .snapshots
            .iter()
            .filter(|s| s.channel_id == id)
            .count();
        let citing: Vec<FindingSummary> = audit
            .findings_citing_channel(id)
            .into_iter()
            .map(FindingSummary::from)
            .collect();
        let titles: Vec<String> = citing.iter().map(|f| f.title.clone()).collect();
        Ok(ChannelUsage {
            snapshots: u32::try_from(snapshots).unwrap_or(u32::MAX),
            notice: deletion_notice(&channel.name, snapshots, &titles),
            citing,
        })
    }

    /// Deletes a channel with its snapshots. While findings cite it, it is refused with a
    /// sentence naming them unless `confirmed` (the strategist agreed to remove those links);
    /// the findings themselves stay.
    pub fn delete_channel(&mut self, id: Uuid, confirmed: bool) -> Result<()> {
        let usage = self.channel_usage(id)?;
        if !usage.citing.is_empty() && !confirmed {
            return Err(StoreError::InUse(usage.notice));
        }
        let path = self.path.clone();
        self.with_tx(|tx| {
            let key = id.to_string();
            let mut deletion = Deletion::new(tx).map_err(|e| StoreError::from_sqlite(e, &path))?;
            deletion
                .remove("finding_channel", "channel_id", &key)
                .and_then(|_| deletion.remove("channel", "id", &key))
                .and_then(|_| deletion.finish("Channel", None))
                .and_then(|_| touch(tx, Utc::now()))
                .map_err(|e| StoreError::from_sqlite(e, &path))
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use groundwork_core::audit::findings::{FindingEdit, Importance};

    pub(crate) fn forum(name: &str) -> ChannelEdit {
        ChannelEdit {
            kind: ChannelKind::Forum,
            name: name.into(),
            link: "https://forum.example.org".into(),
            ownership: Ownership::Owned,
            audience: "Makers 社区".into(),
            run_by: "Support".into(),
            notes: "<b>not markup</b>\nline two".into(),
        }
    }

    #[test]
    fn a_channel_round_trips_every_field() {
        let mut store = Store::in_memory("Audit").unwrap();
        let saved = store.save_channel(None, &forum("Makers forum")).unwrap();
        let read = store.channel(saved.id).unwrap();
        assert_eq!(read, saved, "what save returns is what is stored");
        assert_eq!(read.audience, "Makers 社区");
        assert_eq!(read.notes, "<b>not markup</b>\nline two");
        let edited = store
            .save_channel(
                Some(saved.id),
                &ChannelEdit {
                    kind: ChannelKind::DiscordServer,
                    ownership: Ownership::Unofficial,
                    ..forum("Makers Discord")
                },
            )
            .unwrap();
        assert_eq!(edited.id, saved.id, "an edit keeps the id");
        assert_eq!(edited.kind, ChannelKind::DiscordServer);
        assert_eq!(edited.ownership, Ownership::Unofficial);
        assert_eq!(store.channels().unwrap().len(), 1);
    }

    #[test]
    fn a_duplicate_name_is_refused_and_nothing_changes() {
        let mut store = Store::in_memory("Audit").unwrap();
        let first = store.save_channel(None, &forum("Makers forum")).unwrap();
        let err = store
            .save_channel(None, &forum("MAKERS FORUM"))
            .unwrap_err();
        assert_eq!(err.field(), Some("name"));
        assert_eq!(store.channels().unwrap(), vec![first.clone()]);
        // Renaming a channel to its own name in another case is fine.
        store
            .save_channel(Some(first.id), &forum("makers forum"))
            .unwrap();
    }

    #[test]
    fn a_cited_channel_is_not_deleted_until_the_links_may_go() {
        let mut store = Store::in_memory("Audit").unwrap();
        let channel = store.save_channel(None, &forum("Makers forum")).unwrap();
        let finding = store
            .save_finding(
                None,
                &FindingEdit {
                    title: "Slow replies".into(),
                    importance: Importance::High,
                    evidence: String::new(),
                    channel_ids: vec![channel.id],
                    snapshot_ids: Vec::new(),
                },
            )
            .unwrap();
        let err = store.delete_channel(channel.id, false).unwrap_err();
        assert!(matches!(err, StoreError::InUse(_)), "{err}");
        assert!(
            err.to_string().contains("“Slow replies”"),
            "names what cites it: {err}"
        );
        assert_eq!(store.channels().unwrap().len(), 1, "still there");

        store.delete_channel(channel.id, true).unwrap();
        assert!(store.channels().unwrap().is_empty());
        let kept = store.audit().unwrap().findings;
        assert_eq!(kept.len(), 1, "the finding stays");
        assert_eq!(kept[0].id, finding.id);
        assert!(kept[0].channel_ids.is_empty(), "without the link");
    }

    #[test]
    fn an_uncited_channel_goes_with_its_snapshots() {
        let mut store = Store::in_memory("Audit").unwrap();
        let channel = store.save_channel(None, &forum("Makers forum")).unwrap();
        store
            .save_snapshot(
                None,
                &crate::audit::snapshots::tests::snapshot(channel.id, "2026-01-05"),
                crate::audit::snapshots::tests::today(),
            )
            .unwrap();
        assert_eq!(store.channel_usage(channel.id).unwrap().snapshots, 1);
        store.delete_channel(channel.id, false).unwrap();
        assert!(store.snapshots().unwrap().is_empty());
        let err = store.delete_channel(channel.id, false).unwrap_err();
        assert!(
            err.to_string().contains("no longer in this workbook"),
            "{err}"
        );
    }
}
