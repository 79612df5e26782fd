//! A workbook open for editing in one window is never deleted or replaced from elsewhere: a
//! second window is told where it is open and refused, and so is `groundwork import --force`.
//! The first window goes on saving, and everything it saved is in the file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use groundwork_e2e::stored::workbook_file;
use groundwork_e2e::{app_binary, App};

const PURPOSE: &str = "Help riders help each other – Zoë, 東京 ✓";
const LATER: &str = "Still saved after the second window tried – Zoë ✓";

fn stored_purpose(file: &Path) -> String {
    let conn = rusqlite::Connection::open(file).unwrap();
    conn.query_row("SELECT purpose FROM profile", [], |r| r.get(0))
        .unwrap()
}

/// The first window: a new workbook, open for editing, with a purpose typed and saved.
async fn first_window(binary: &Path, data: &Path) -> App {
    let app = App::launch(binary, data).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Plan 2027").await;
    app.click("create-workbook").await;
    app.testid("sidebar").await;
    app.click("nav-overview").await;
    app.type_into("profile-purpose", PURPOSE).await;
    app.wait_for_text("save-status", "Saved").await;
    app
}

#[tokio::test]
async fn a_second_window_cannot_delete_a_workbook_open_for_editing() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let first = first_window(&binary, data.path()).await;
    let file = workbook_file(data.path());

    let second = App::launch(&binary, data.path()).await;
    second.wait_for_text("workbook-list", "Plan 2027").await;
    second.testid("open-elsewhere-badge").await;
    second.click("delete-workbook").await;
    second
        .wait_for_text(
            "confirm-dialog",
            "open for editing in another Groundwork window",
        )
        .await;
    second.screenshot("second-window-delete-warning").await;
    second.click("confirm-ok").await;
    second
        .wait_for_text("home-error", "close it there first")
        .await;
    second.screenshot("second-window-delete-refused").await;
    assert!(
        file.exists(),
        "the workbook open in the first window is still there"
    );
    second.quit().await;

    // The first window never noticed: its next edit is saved, and both are in the file.
    first.type_into("profile-purpose", LATER).await;
    first.wait_for_text("save-status", "Saved").await;
    first.quit().await;
    assert_eq!(stored_purpose(&file), LATER);
}

#[tokio::test]
async fn import_force_cannot_replace_a_workbook_open_in_a_window() {
    let Some(binary) = app_binary() else { return };
    let cli = binary.with_file_name("groundwork");
    if !cli.exists() {
        eprintln!("skipped: {} is missing", cli.display());
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let first = first_window(&binary, data.path()).await;
    let file = workbook_file(data.path());

    // Another workbook's JSON, forced onto the open one.
    let other = data.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let other_file = other.join("other.groundwork");
    let json = other.join("other.json");
    let run = |args: &[&std::ffi::OsStr]| Command::new(&cli).args(args).output().unwrap();
    assert!(run(&[
        "new".as_ref(),
        other_file.as_os_str(),
        "--name".as_ref(),
        "Other".as_ref()
    ])
    .status
    .success());
    assert!(run(&[
        "export-json".as_ref(),
        other_file.as_os_str(),
        "-o".as_ref(),
        json.as_os_str()
    ])
    .status
    .success());
    let before = std::fs::read(&file).unwrap();
    let out = run(&[
        "import".as_ref(),
        json.as_os_str(),
        file.as_os_str(),
        "--force".as_ref(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "import --force was refused: {stderr}"
    );
    assert!(
        stderr.contains("is open for editing in another Groundwork window"),
        "the refusal says where it is open: {stderr}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is unchanged"
    );

    first.type_into("profile-purpose", LATER).await;
    first.wait_for_text("save-status", "Saved").await;
    first.quit().await;
    assert_eq!(stored_purpose(&file), LATER);
}
