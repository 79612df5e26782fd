//! Files outside the data folder are written only where the user chose in a native dialog.
//! Export PDF…, Export JSON… and Save a copy… are clicked in the window; each opens the Save
//! dialog from the app's Rust side (in the folder the app was started in), where a key press
//! (`xdotool`: WebDriver cannot reach native dialogs) accepts the suggested name. The files
//! land there; a file beside them that nobody picked is refused by the same commands and never
//! written.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use groundwork_e2e::dialogs::{accept_save_dialog, xdotool_present};
use groundwork_e2e::{app_binary, App};

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn files_are_written_where_the_dialog_chose_and_nowhere_else() {
    let Some(binary) = app_binary() else { return };
    if !xdotool_present() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let chosen = tempfile::tempdir().unwrap();
    let app = App::launch_in(&binary, data.path(), chosen.path()).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Board pack").await;
    app.click("create-workbook").await;
    app.testid("workbook-title").await;

    // Export PDF…: the dialog suggests "<workbook> - <document>.pdf" and Enter takes it.
    app.click("nav-documents").await;
    app.click("export-document").await;
    accept_save_dialog().await;
    app.wait_for_text("export-result", "Exported").await;
    let report = app.text("export-result").await;
    assert!(
        report.contains(&chosen.path().display().to_string()),
        "{report}"
    );
    app.screenshot("chosen-files-export").await;

    // Export JSON… and Save a copy… from the copies and backups panel.
    app.click("open-backups").await;
    app.click("export-json").await;
    accept_save_dialog().await;
    app.wait_for_text("backups-notice", "Exported to").await;
    app.click("save-copy").await;
    accept_save_dialog().await;
    app.wait_for_text("backups-notice", "A copy was saved")
        .await;

    let written = files_in(chosen.path());
    assert_eq!(
        written.len(),
        3,
        "a PDF, a JSON file and a copy: {written:?}"
    );
    assert!(written.iter().any(|n| n.ends_with(".pdf")), "{written:?}");
    assert!(written.iter().any(|n| n.ends_with(".json")), "{written:?}");
    assert!(
        written.iter().any(|n| n.ends_with(".groundwork")),
        "{written:?}"
    );
    let pdf = written.iter().find(|n| n.ends_with(".pdf")).unwrap();
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(chosen.path().join(pdf))
        .output()
        .unwrap();
    assert!(check.status.success(), "the exported PDF is whole");

    // The same commands refuse a file beside them that no dialog chose.
    let unpicked = chosen.path().join("not chosen.pdf");
    let answer = app.export_full(&unpicked, false).await;
    assert_eq!(answer["error"]["code"], "notAllowed", "{answer}");
    assert!(!unpicked.exists());
    assert_eq!(files_in(chosen.path()), written, "nothing else was written");
    app.quit().await;
}
