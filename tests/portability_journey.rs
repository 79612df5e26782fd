//! Taking a workbook elsewhere and getting it back: a backup taken and restored after an
//! unwanted edit, the workbook exported as JSON and imported as a new workbook that is listed
//! and opens, and a damaged JSON file refused with its problems listed.
//!
//! WebDriver cannot reach the native file dialogs, so the test answers them: it wraps the
//! page's IPC so that the dialog plugin's `open` and `save` return the paths the test chose.
//! Everything after the dialog is the real app.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use groundwork_e2e::{app_binary, App};
use serde_json::json;

const FIRST: &str = "Help makers help each other — Κοινότητα 社区 <b>not bold</b>.";
const UNWANTED: &str = "An edit we will want to undo.";

/// Makes the next native open or save dialog answer `path`.
async fn answer_next_dialog(app: &App, path: &Path) {
    app.client
        .execute(
            "const internals = window.__TAURI_INTERNALS__;
             if (!internals.__answering) {
               const real = internals.invoke.bind(internals);
               internals.invoke = (cmd, args, options) =>
                 (cmd === 'plugin:dialog|open' || cmd === 'plugin:dialog|save') && window.__dialogAnswers.length
                   ? Promise.resolve(window.__dialogAnswers.shift())
                   : real(cmd, args, options);
               internals.__answering = true;
               window.__dialogAnswers = [];
             }
             window.__dialogAnswers.push(arguments[0]);
             return internals.__answering === true;",
            vec![json!(path.to_str().unwrap())],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn back_up_restore_export_and_import_a_workbook() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();

    let app = App::launch(&binary, data.path()).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Makers Guild").await;
    app.click("create-workbook").await;
    app.click("nav-overview").await;
    app.type_into("profile-purpose", FIRST).await;
    app.wait_for_text("save-status", "Saved").await;

    // A backup, then an edit to undo, then Restore.
    app.click("open-backups").await;
    app.click("back-up-now").await;
    app.wait_for_text("backups-notice", "A backup was taken")
        .await;
    app.testid("backup-item").await;
    app.screenshot("backups-panel").await;
    app.click("close-backups").await;
    app.type_into("profile-purpose", UNWANTED).await;
    app.wait_for_text("save-status", "Saved").await;

    app.click("open-backups").await;
    let before = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=backup-item]"))
        .await
        .unwrap()
        .len();
    app.click("restore-backup").await;
    app.screenshot("backups-restore-confirm").await;
    app.click("confirm-ok").await;
    app.wait_for_text("backups-notice", "The backup was restored")
        .await;
    let after = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=backup-item]"))
        .await
        .unwrap()
        .len();
    assert_eq!(
        after,
        before + 1,
        "the state before the restore was kept as a backup"
    );
    app.click("close-backups").await;
    app.click("nav-overview").await;
    assert_eq!(
        app.value("profile-purpose").await,
        FIRST,
        "the restore brought the purpose back"
    );

    // Export JSON… to a file the strategist chose.
    let export = elsewhere.path().join("makers guild.json");
    app.click("open-backups").await;
    answer_next_dialog(&app, &export).await;
    app.click("export-json").await;
    app.wait_for_text("backups-notice", "Exported to").await;
    let json = std::fs::read_to_string(&export).unwrap();
    assert!(
        json.contains("\"format\": \"groundwork-workbook\""),
        "{}",
        &json[..200.min(json.len())]
    );
    assert!(json.contains("not bold"), "the purpose is in the export");

    // Save a copy… while the workbook stays open.
    let copy = elsewhere.path().join("copy.groundwork");
    answer_next_dialog(&app, &copy).await;
    app.click("save-copy").await;
    app.wait_for_text("backups-notice", "A copy was saved")
        .await;
    assert!(copy.exists());
    app.click("close-backups").await;

    // Import JSON… on the home screen makes a new workbook that is listed and opens.
    app.click("back-home").await;
    app.testid("workbook-list").await;
    answer_next_dialog(&app, &export).await;
    app.click("import-json").await;
    app.wait_for_text("home-notice", "Imported “Makers Guild”")
        .await;
    let rows = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=workbook-item]"))
        .await
        .unwrap();
    assert_eq!(
        rows.len(),
        2,
        "the imported workbook is listed beside the original"
    );
    app.screenshot("home-imported").await;
    let imported = app
        .wait_for(
            "[data-testid=workbook-item][data-path$=' 2.groundwork'] [data-testid=open-workbook]",
        )
        .await;
    imported.click().await.unwrap();
    app.click("nav-overview").await;
    assert_eq!(
        app.value("profile-purpose").await,
        FIRST,
        "the imported workbook holds the purpose"
    );

    // A damaged file is refused, each problem named with its place, and nothing is written.
    app.click("back-home").await;
    app.testid("workbook-list").await;
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["tables"]["profile"][0]["name"] = json!(42);
    doc["tables"]["unknown_table"] = json!([]);
    let bad = elsewhere.path().join("damaged.json");
    std::fs::write(&bad, doc.to_string()).unwrap();
    answer_next_dialog(&app, &bad).await;
    app.click("import-json").await;
    app.wait_for_text("import-problems", "$.tables.profile[0].name")
        .await;
    app.wait_for_text("import-problems", "$.tables.unknown_table")
        .await;
    app.screenshot("home-import-refused").await;
    let rows = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=workbook-item]"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 2, "a refused import adds no workbook");
    app.quit().await;
}
