//! A workbook open for editing in one window is never deleted, renamed, replaced or restored
//! over from somewhere else: each is refused with a sentence saying where it is open, and the
//! file is left as it was. (`flock` locks belong to an open file, so a second store in this
//! process counts as "elsewhere", just as another window's would.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

use chrono::Utc;
use groundwork_store::{
    backups_dir, delete_workbook, duplicate_workbook, import_json, list_workbooks, rename_workbook,
    ImportError, Store, StoreError,
};

fn expected_refusal(file_name: &str) -> String {
    format!(
        "“{file_name}” is open for editing in another Groundwork window (process {}); close it there first.",
        std::process::id()
    )
}

fn assert_refused(err: &StoreError, file_name: &str) {
    assert!(
        matches!(err, StoreError::OpenForEditing { .. }),
        "refused because it is open elsewhere, not: {err}"
    );
    assert_eq!(err.to_string(), expected_refusal(file_name));
}

#[test]
fn delete_and_rename_are_refused_while_the_workbook_is_open_for_editing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let window = Store::create(&path, "Plan", "").unwrap();
    let before = fs::read(&path).unwrap();

    assert_refused(&delete_workbook(&path).unwrap_err(), "plan.groundwork");
    assert!(path.exists(), "the workbook is still there");
    assert!(
        Path::new(&format!("{}-lock", path.display())).exists(),
        "and so is its lock, still held"
    );
    assert_refused(
        &rename_workbook(&path, "Renamed").unwrap_err(),
        "plan.groundwork",
    );
    assert_eq!(fs::read(&path).unwrap(), before, "the file was not changed");
    assert_eq!(window.profile().unwrap().name, "Plan");

    // Once the window closes, both work.
    window.close().unwrap();
    assert_eq!(rename_workbook(&path, "Renamed").unwrap().name, "Renamed");
    delete_workbook(&path).unwrap();
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "the workbook went with its side files");
}

#[test]
fn duplicate_copies_a_workbook_open_for_editing_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let mut window = Store::create(&path, "Plan", "").unwrap();
    let copy = duplicate_workbook(&path).unwrap();
    assert_eq!(
        copy.name, "Plan (copy)",
        "a snapshot only reads the original"
    );
    assert!(!copy.read_only);
    // The window still holds the original and writes to it.
    window.rename("Plan, still mine").unwrap();
    assert_eq!(window.profile().unwrap().name, "Plan, still mine");
}

#[test]
fn a_new_file_name_skips_a_log_left_without_its_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    Store::create(&path, "Plan", "").unwrap().close().unwrap();
    // Left by a copy deleted by hand: must not be read into a new copy of that name.
    fs::write(dir.path().join("plan copy.groundwork-wal"), b"stale").unwrap();
    let copy = duplicate_workbook(&path).unwrap();
    assert_eq!(
        Path::new(&copy.path).file_name().unwrap(),
        "plan copy 2.groundwork"
    );
}

#[test]
fn import_and_save_a_copy_never_replace_a_workbook_open_for_editing() {
    let dir = tempfile::tempdir().unwrap();
    let source = Store::create(&dir.path().join("source.groundwork"), "Source", "").unwrap();
    let json = source.export_json().unwrap();
    let path = dir.path().join("plan.groundwork");
    let window = Store::create(&path, "Plan", "").unwrap();
    let before = fs::read(&path).unwrap();

    match import_json(&json, &path, true).unwrap_err() {
        ImportError::Store(err) => assert_refused(&err, "plan.groundwork"),
        other => panic!("refused because it is open elsewhere, not: {other}"),
    }
    assert_refused(&source.save_copy(&path).unwrap_err(), "plan.groundwork");
    assert_eq!(fs::read(&path).unwrap(), before, "the file was not changed");
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "no temporary file left: {names:?}");
    assert_eq!(window.profile().unwrap().name, "Plan");

    window.close().unwrap();
    import_json(&json, &path, true).unwrap();
    assert_eq!(
        Store::open(&path).unwrap().profile().unwrap().name,
        "Source"
    );
}

#[test]
fn restoring_a_backup_is_refused_in_a_window_that_only_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let backups = backups_dir(dir.path(), &path);
    let mut window = Store::create(&path, "Plan", "").unwrap();
    let backup = window.back_up(&backups, Utc::now()).unwrap();
    let mut second = Store::open(&path).unwrap();
    assert!(second.is_read_only());
    let err = second
        .restore_from(&backup.path, &backups, Utc::now())
        .unwrap_err();
    assert_refused(&err, "plan.groundwork");
    // The window that holds it restores as before.
    drop(second);
    window
        .restore_from(&backup.path, &backups, Utc::now())
        .unwrap();
}

#[test]
fn a_refused_file_is_left_without_side_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("whole.groundwork");
    Store::create(&path, "Whole", "").unwrap().close().unwrap();
    let bytes = fs::read(&path).unwrap();
    let cut = dir.path().join("cut.groundwork");
    fs::write(&cut, &bytes[..5000]).unwrap();
    fs::remove_file(&path).unwrap();
    fs::remove_file(format!("{}-lock", path.display())).unwrap();

    assert!(Store::open(&cut).is_err(), "a truncated file does not open");
    let listing = list_workbooks(dir.path()).unwrap();
    assert_eq!(listing.unreadable.len(), 1, "it is listed as unreadable");
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["cut.groundwork"], "nothing made beside it");
}

#[test]
fn the_list_says_where_a_workbook_is_open_for_editing_and_leaves_the_lock_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.groundwork");
    let window = Store::create(&path, "Plan", "").unwrap();
    let lock = format!("{}-lock", path.display());
    let signed = fs::read_to_string(&lock).unwrap();

    let listed = list_workbooks(dir.path()).unwrap();
    assert_eq!(
        listed.workbooks[0].open_elsewhere.as_deref(),
        Some(
            format!(
                "in another Groundwork window (process {})",
                std::process::id()
            )
            .as_str()
        ),
        "the home screen can warn before a delete"
    );
    assert_eq!(
        fs::read_to_string(&lock).unwrap(),
        signed,
        "listing never rewrites who holds the lock"
    );

    window.close().unwrap();
    let listed = list_workbooks(dir.path()).unwrap();
    assert_eq!(
        listed.workbooks[0].open_elsewhere, None,
        "closed: open nowhere"
    );
    fs::remove_file(&lock).unwrap();
    let listed = list_workbooks(dir.path()).unwrap();
    assert_eq!(listed.workbooks[0].open_elsewhere, None);
    assert!(
        !Path::new(&lock).exists(),
        "listing makes no lock file where there was none"
    );
}
