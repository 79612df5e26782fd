//! The workbook file on disk: creating, reopening, refusing what is not ours, and the folder
//! operations of the home screen.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use groundwork_core::profile::ProfileEdit;
use groundwork_store::{
    create_in, delete_workbook, duplicate_workbook, list_workbooks, rename_workbook, Store,
    StoreError, APPLICATION_ID, SCHEMA_VERSION,
};

fn pragma(path: &Path, name: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_query_value(None, name, |r| r.get(0)).unwrap()
}

#[test]
fn a_created_workbook_is_recognisable_and_reopens_with_its_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("makers.groundwork");
    let mut store = Store::create(&path, "Makers", "Northwind").unwrap();
    let edit = ProfileEdit {
        name: "Makers 2027".into(),
        purpose: "Help makers help each other.".into(),
        ..ProfileEdit::from(&store.profile().unwrap())
    };
    store.update_profile(&edit).unwrap();
    // No close(): an edit is durable as soon as the call returns.
    drop(store);

    assert_eq!(pragma(&path, "application_id"), i64::from(APPLICATION_ID));
    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION);
    let reopened = Store::open(&path).unwrap();
    let profile = reopened.profile().unwrap();
    assert_eq!(profile.name, "Makers 2027");
    assert_eq!(profile.organisation, "Northwind");
    assert_eq!(profile.purpose, "Help makers help each other.");
    assert!(!reopened.is_read_only());
}

#[test]
fn closing_leaves_one_complete_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.groundwork");
    let mut store = Store::create(&path, "A", "").unwrap();
    store.rename("B").unwrap();
    store.close().unwrap();
    let wal = dir.path().join("a.groundwork-wal");
    assert!(
        !wal.exists() || fs::metadata(&wal).unwrap().len() == 0,
        "the log was checkpointed"
    );
    // Copy only the main file somewhere else: it must hold the rename.
    let copy = dir.path().join("copy.groundwork");
    fs::copy(&path, &copy).unwrap();
    assert_eq!(Store::open(&copy).unwrap().profile().unwrap().name, "B");
}

#[test]
fn create_refuses_an_empty_name_and_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.groundwork");
    let err = Store::create(&path, "  ", "").err().unwrap();
    assert_eq!(err.field(), Some("name"));
    assert!(!path.exists(), "no file is left behind by a refused create");

    fs::write(&path, b"precious").unwrap();
    let err = Store::create(&path, "X", "").err().unwrap();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    assert_eq!(
        fs::read(&path).unwrap(),
        b"precious",
        "the existing file is untouched"
    );
}

#[test]
fn files_that_are_not_workbooks_are_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.groundwork", vec![]),
        ("text.groundwork", b"just some notes\n".to_vec()),
        ("truncated.groundwork", b"SQLite format 3\0abc".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let err = Store::open(&path).err().unwrap();
        assert!(
            matches!(err, StoreError::NotAWorkbook { .. }),
            "{name}: {err}"
        );
        assert!(
            err.to_string().contains("is not a Groundwork workbook"),
            "{err}"
        );
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name} was changed");
    }

    // A real SQLite database of another program.
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t(x);")
        .unwrap();
    let before = fs::read(&other).unwrap();
    let err = Store::open(&other).err().unwrap();
    assert!(matches!(err, StoreError::NotAWorkbook { .. }), "{err}");
    assert_eq!(fs::read(&other).unwrap(), before);
}

#[test]
fn a_workbook_from_a_newer_version_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.groundwork");
    Store::create(&path, "Future", "").unwrap().close().unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 5)
        .unwrap();
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::NewerVersion { .. }), "{err}");
    assert!(
        err.to_string().contains("newer version of Groundwork"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_read_only_file_opens_for_reading_and_refuses_edits_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.groundwork");
    Store::create(&path, "Read only", "")
        .unwrap()
        .close()
        .unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&path).unwrap();

    let mut store = Store::open(&path).unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.profile().unwrap().name, "Read only");
    let err = store.rename("Changed").unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    drop(store);
    assert_eq!(fs::read(&path).unwrap(), before, "the file is unchanged");
}

#[test]
fn a_missing_file_says_so() {
    let err = Store::open(Path::new("/nonexistent/nowhere.groundwork"))
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
}

#[test]
fn the_folder_lists_workbooks_newest_first_and_names_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let first = create_in(dir.path(), "First", "Org A").unwrap();
    let first_path = first.path().to_owned();
    first.close().unwrap();
    let second = create_in(dir.path(), "Second", "Org B").unwrap();
    second.close().unwrap();
    rename_workbook(&first_path, "First, renamed").unwrap();
    fs::write(dir.path().join("broken.groundwork"), b"not a workbook").unwrap();
    fs::write(dir.path().join("notes.txt"), b"ignored").unwrap();

    let listing = list_workbooks(dir.path()).unwrap();
    let names: Vec<_> = listing.workbooks.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(
        names,
        ["First, renamed", "Second"],
        "the renamed one was edited last"
    );
    assert_eq!(listing.workbooks[1].organisation, "Org B");
    assert_eq!(listing.unreadable.len(), 1);
    assert_eq!(listing.unreadable[0].file_name, "broken.groundwork");
    assert!(listing.unreadable[0]
        .problem
        .contains("not a Groundwork workbook"));
}

#[test]
fn same_names_get_distinct_files_and_a_missing_folder_lists_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = create_in(dir.path(), "Same", "").unwrap();
    let b = create_in(dir.path(), "Same", "").unwrap();
    assert_ne!(a.path(), b.path());
    assert!(list_workbooks(&dir.path().join("none"))
        .unwrap()
        .workbooks
        .is_empty());
}

#[test]
fn duplicate_copies_everything_under_a_new_name_and_delete_removes_only_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create_in(dir.path(), "Original", "Org").unwrap();
    let edit = ProfileEdit {
        purpose: "Purpose to copy".into(),
        ..ProfileEdit::from(&store.profile().unwrap())
    };
    store.update_profile(&edit).unwrap();
    let original = store.path().to_owned();
    // Left open on purpose: a copy must be consistent while the workbook is in use.
    let copy = duplicate_workbook(&original).unwrap();
    assert_eq!(copy.name, "Original (copy)");
    let copied = Store::open(Path::new(&copy.path)).unwrap();
    assert_eq!(copied.profile().unwrap().purpose, "Purpose to copy");
    drop(copied);
    store.close().unwrap();

    let stranger = dir.path().join("stranger.groundwork");
    fs::write(&stranger, b"someone else's file").unwrap();
    assert!(delete_workbook(&stranger).is_err());
    assert!(
        stranger.exists(),
        "a file that is not a workbook is never deleted"
    );

    delete_workbook(Path::new(&copy.path)).unwrap();
    assert!(!Path::new(&copy.path).exists());
    assert_eq!(list_workbooks(dir.path()).unwrap().workbooks.len(), 1);
}

#[test]
fn a_workbook_from_before_the_audit_is_backed_up_then_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.groundwork");
    {
        // A format-1 file, as the first release wrote it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../src/migrations/001_profile.sql"))
            .unwrap();
        conn.execute(
            "INSERT INTO profile (id, workbook_id, name, created_at, updated_at)
             VALUES (1, 'x', 'Old plan', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            [],
        )
        .unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.profile().unwrap().name, "Old plan");
    assert!(store.audit().unwrap().channels.is_empty());
    store
        .save_channel(
            None,
            &groundwork_core::audit::channels::ChannelEdit {
                kind: groundwork_core::audit::channels::ChannelKind::Subreddit,
                name: "r/makers".into(),
                link: String::new(),
                ownership: groundwork_core::audit::channels::Ownership::Unofficial,
                audience: String::new(),
                run_by: "Fans".into(),
                notes: String::new(),
            },
        )
        .unwrap();
    store.close().unwrap();
    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION);
    let backup = dir.path().join("old.format-1-backup.groundwork");
    assert!(backup.exists(), "the file as it was is kept");
    assert_eq!(pragma(&backup, "user_version"), 1);
    assert_eq!(
        Store::open(&path).unwrap().channels().unwrap()[0].name,
        "r/makers"
    );
}

#[test]
fn a_workbook_from_before_document_settings_is_migrated_and_keeps_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ten.groundwork");
    let name = {
        let mut store = Store::create(&path, "Ten", "Org").unwrap();
        store.rename("Before settings").unwrap().name
    };
    {
        // Take the file back to schema 10, as the release before document settings wrote it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE figure_import; DROP TABLE figure_mapping; DROP TABLE document_logo;
             DROP TABLE document_settings; PRAGMA user_version = 10;",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.profile().unwrap().name, name);
    assert_eq!(
        store.document_settings().unwrap(),
        Default::default(),
        "a migrated workbook has no ask and the house accent"
    );
    assert_eq!(store.logo().unwrap(), None, "nor a logo");
    let edit = groundwork_core::document_settings::DocumentSettingsEdit {
        ask: "Approve the pilot's budget.".into(),
        accent: "#336699".into(),
    };
    store.save_document_settings(&edit).unwrap();
    store.close().unwrap();
    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION);
    assert!(dir.path().join("ten.format-10-backup.groundwork").exists());
    let reopened = Store::open(&path).unwrap().document_settings().unwrap();
    assert_eq!(reopened.ask, "Approve the pilot's budget.");
    assert_eq!(reopened.accent.as_deref(), Some("#336699"));
}
