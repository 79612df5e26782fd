//! Files that cannot be worked with: each gets a sentence and is left as it was. (The cases a
//! user can make from outside — not SQLite, another program's database, a newer version,
//! read-only — are in tests/workbook_file.rs; these need the connection itself.)

use std::fs;

use groundwork_core::profile::ProfileEdit;

use crate::{Store, StoreError};

#[test]
fn a_full_disk_refuses_the_write_with_a_sentence_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.groundwork");
    let mut store = Store::create(&path, "Full disk", "").unwrap();
    let before = store.export_json().unwrap();
    // SQLite reports SQLITE_FULL when the file may not grow: the same as a full disk.
    let pages: i64 = store
        .conn
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    store
        .conn
        .pragma_update(None, "max_page_count", pages)
        .unwrap();
    let edit = ProfileEdit {
        purpose: "a long purpose ".repeat(20_000),
        ..ProfileEdit::from(&store.profile().unwrap())
    };
    let err = store.update_profile(&edit).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    assert!(err.to_string().contains("the disk is full"), "{err}");
    assert_eq!(
        store.export_json().unwrap(),
        before,
        "the workbook is as it was"
    );
    drop(store);
    assert_eq!(
        Store::open(&path).unwrap().export_json().unwrap(),
        before,
        "and so is the file"
    );
}

#[test]
fn save_a_copy_into_an_unwritable_folder_leaves_no_partial_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let store = Store::create(&path, "Plan", "").unwrap();
    // A copy into a folder that cannot be written is the same to the user: a sentence, no file.
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let dest = locked.join("copy.groundwork");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o500)).unwrap();
    let result = store.save_copy(&dest);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o700)).unwrap();
    // Root may write anywhere; then the copy must simply be whole.
    match result {
        Err(err) => {
            assert!(!err.to_string().is_empty());
            assert_eq!(
                fs::read_dir(&locked).unwrap().count(),
                0,
                "nothing left behind"
            );
        }
        Ok(()) => assert_eq!(Store::open(&dest).unwrap().profile().unwrap().name, "Plan"),
    }
}

#[test]
fn a_truncated_workbook_is_refused_with_a_sentence_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("whole.groundwork");
    let mut store = Store::create(&path, "Whole", "").unwrap();
    let edit = ProfileEdit {
        purpose: "words ".repeat(50_000),
        ..ProfileEdit::from(&store.profile().unwrap())
    };
    store.update_profile(&edit).unwrap();
    store.close().unwrap();
    let bytes = fs::read(&path).unwrap();
    let cut = dir.path().join("cut.groundwork");
    fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    let before = fs::read(&cut).unwrap();

    let err = Store::open(&cut)
        .err()
        .expect("a truncated file must not open");
    assert!(err.to_string().contains("damaged"), "{err}");
    assert_eq!(fs::read(&cut).unwrap(), before, "the file was not changed");
    assert!(
        !dir.path().join("cut.groundwork-wal").exists(),
        "no side file made"
    );
}
