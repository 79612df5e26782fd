//! The same workbook opened twice: the second opening is read-only with a sentence saying
//! why, and writers on separate connections (two programs writing at once) never corrupt it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::thread;

use groundwork_core::audit::channels::{ChannelEdit, ChannelKind, Ownership};
use groundwork_core::profile::ProfileEdit;
use groundwork_store::{Store, StoreError};

fn channel(name: &str) -> ChannelEdit {
    ChannelEdit {
        kind: ChannelKind::Forum,
        name: name.into(),
        link: String::new(),
        ownership: Ownership::Owned,
        audience: String::new(),
        run_by: String::new(),
        notes: String::new(),
    }
}

fn integrity(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_second_window_opens_the_workbook_read_only_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("makers.groundwork");
    let mut first = Store::create(&path, "Makers", "").unwrap();
    first.save_channel(None, &channel("Forum")).unwrap();

    let mut second = Store::open(&path).unwrap();
    assert!(second.is_read_only());
    let reason = second.read_only_reason().unwrap();
    assert_eq!(
        reason,
        "“makers.groundwork” is open in another Groundwork window, so it was opened here read-only. Close it there to make changes here."
    );
    assert_eq!(
        second.summary().unwrap().read_only_reason,
        Some(reason.clone())
    );
    // It reads what the first window saved, and refuses to write with the same sentence.
    assert_eq!(second.channels().unwrap().len(), 1);
    let refused = second.save_channel(None, &channel("Discord")).unwrap_err();
    assert!(matches!(refused, StoreError::OpenElsewhere { .. }));
    assert_eq!(refused.to_string(), reason);

    // The first window keeps writing, and the second sees it.
    first.save_channel(None, &channel("Discord")).unwrap();
    assert_eq!(second.channels().unwrap().len(), 2);

    // Once the first window closes, the next opening may write.
    first.close().unwrap();
    drop(second);
    let mut third = Store::open(&path).unwrap();
    assert!(!third.is_read_only());
    assert_eq!(third.read_only_reason(), None);
    third.save_channel(None, &channel("Slack")).unwrap();
    assert_eq!(integrity(&path), "ok");
}

#[test]
fn two_writers_at_once_never_corrupt_the_workbook() {
    // Two connections writing concurrently, as two programs that ignore the window lock
    // would: SQLite's locking and the busy timeout serialise them.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.groundwork");
    Store::create(&path, "Shared", "").unwrap().close().unwrap();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            thread::spawn(move || {
                let conn = rusqlite::Connection::open(&path).unwrap();
                conn.busy_timeout(std::time::Duration::from_secs(10))
                    .unwrap();
                for i in 0..150 {
                    conn.execute(
                        "INSERT INTO channel (id, kind, name, ownership, created_at, updated_at)
                         VALUES (?1, 'forum', ?2, 'owned', ?3, ?3)",
                        [
                            uuid::Uuid::now_v7().to_string(),
                            format!("writer {w} channel {i}"),
                            "2026-01-01T00:00:00.000Z".to_owned(),
                        ],
                    )
                    .unwrap();
                }
            })
        })
        .collect();
    // Meanwhile the store itself edits the profile through its API.
    let mut store = Store::open(&path).unwrap();
    for i in 0..100 {
        let edit = ProfileEdit {
            purpose: format!("edit {i}"),
            ..ProfileEdit::from(&store.profile().unwrap())
        };
        store.update_profile(&edit).unwrap();
    }
    for writer in writers {
        writer.join().unwrap();
    }
    assert_eq!(store.channels().unwrap().len(), 300);
    assert_eq!(store.profile().unwrap().purpose, "edit 99");
    store.close().unwrap();
    assert_eq!(integrity(&path), "ok");
}
