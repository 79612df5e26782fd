//! Backups, restore and Save a copy…, all consistent snapshots through SQLite's backup API.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;

use chrono::{Duration, TimeZone, Utc};
use groundwork_store::{backups_dir, list_backups, Store, StoreError, KEEP_BACKUPS};

#[test]
fn backups_rotate_keeping_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let store = Store::create(&path, "Plan", "").unwrap();
    let backups = backups_dir(dir.path(), &path);
    assert_eq!(backups, dir.path().join("backups").join("plan.groundwork"));
    let start = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    for day in 0..(KEEP_BACKUPS as i64 + 3) {
        store
            .back_up(&backups, start + Duration::days(day))
            .unwrap();
    }
    let kept = list_backups(&backups).unwrap();
    assert_eq!(kept.len(), KEEP_BACKUPS, "only the newest are kept");
    assert_eq!(
        kept[0].taken_at,
        start + Duration::days(KEEP_BACKUPS as i64 + 2),
        "newest first"
    );
    assert_eq!(
        kept.last().unwrap().taken_at,
        start + Duration::days(3),
        "the oldest three went"
    );
    assert!(kept.iter().all(|b| b.bytes > 0));
    // Every backup is a workbook that opens on its own.
    assert_eq!(
        Store::open(&kept[0].path).unwrap().profile().unwrap().name,
        "Plan"
    );
}

#[test]
fn a_daily_backup_is_taken_at_most_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let store = Store::create(&path, "Plan", "").unwrap();
    let backups = backups_dir(dir.path(), &path);
    let t = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    assert!(
        store.back_up_if_due(&backups, t).unwrap().is_some(),
        "none yet: due"
    );
    assert!(store
        .back_up_if_due(&backups, t + Duration::hours(23))
        .unwrap()
        .is_none());
    assert!(store
        .back_up_if_due(&backups, t + Duration::hours(24))
        .unwrap()
        .is_some());
    assert_eq!(list_backups(&backups).unwrap().len(), 2);
}

#[test]
fn restore_brings_the_backup_back_and_keeps_the_state_it_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let mut store = Store::create(&path, "Before", "").unwrap();
    let backups = backups_dir(dir.path(), &path);
    let t = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let backup = store.back_up(&backups, t).unwrap();
    store.rename("After").unwrap();

    store
        .restore_from(&backup.path, &backups, t + Duration::hours(1))
        .unwrap();
    assert_eq!(
        store.profile().unwrap().name,
        "Before",
        "the open workbook shows the backup"
    );
    drop(store);
    assert_eq!(
        Store::open(&path).unwrap().profile().unwrap().name,
        "Before",
        "and the file holds it"
    );

    let all = list_backups(&backups).unwrap();
    assert_eq!(all.len(), 2, "the state before the restore was backed up");
    assert_eq!(
        Store::open(&all[0].path).unwrap().profile().unwrap().name,
        "After"
    );
}

#[test]
fn restore_refuses_a_file_that_is_not_a_workbook_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let mut store = Store::create(&path, "Plan", "").unwrap();
    let junk = dir.path().join("junk.groundwork");
    fs::write(&junk, b"not a database").unwrap();
    let err = store
        .restore_from(&junk, &backups_dir(dir.path(), &path), Utc::now())
        .unwrap_err();
    assert!(matches!(err, StoreError::NotAWorkbook { .. }), "{err}");
    assert_eq!(store.profile().unwrap().name, "Plan");
}

#[test]
fn save_a_copy_is_a_complete_snapshot_while_the_workbook_stays_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let mut store = Store::create(&path, "Plan", "").unwrap();
    store.rename("Edited while open").unwrap();
    let copy = dir.path().join("elsewhere").join("copy.groundwork");
    store.save_copy(&copy).unwrap();
    // The copy alone (no side files) holds the latest edit, and the original keeps working.
    assert!(!dir.path().join("elsewhere/copy.groundwork-wal").exists());
    assert_eq!(
        Store::open(&copy).unwrap().profile().unwrap().name,
        "Edited while open"
    );
    store.rename("Still editable").unwrap();
    assert!(store.export_json().unwrap().contains("Still editable"));
    // A copy onto the workbook itself is refused.
    assert!(store.save_copy(&path).is_err());
    // Besides the copy, only the writer-lock file its opening above left beside it.
    let left: Vec<String> = fs::read_dir(dir.path().join("elsewhere"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with("-lock"))
        .collect();
    assert_eq!(left, ["copy.groundwork"], "no temporary file left");
}
