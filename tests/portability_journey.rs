//! Taking a workbook elsewhere and getting it back: a backup taken and restored after an
//! unwanted edit, the workbook exported as JSON and imported as a new workbook that is listed
//! and opens, and a damaged JSON file refused with its problems listed.
//!
//! WebDriver cannot reach the native file dialogs, so where a dialog would give a path the test
//! calls the command the screen calls with a path in the app's data folder (the only files,
//! besides those picked in a dialog, the commands accept); everything else goes through the
//! window. Paths nobody picked are refused, and nothing is written or read there.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use groundwork_e2e::{app_binary, App};
use serde_json::json;

const FIRST: &str = "Help makers help each other — Κοινότητα 社区 <b>not bold</b>.";
const UNWANTED: &str = "An edit we will want to undo.";

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
    app.testid("backup-item").await;
    let before = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=backup-item]"))
        .await
        .unwrap()
        .len();
    app.click("restore-backup").await;
    app.screenshot("backups-restore-confirm").await;
    app.click("confirm-ok").await;
    // The restored workbook opens afresh, on its overview.
    app.click("nav-overview").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while app.value("profile-purpose").await != FIRST {
        assert!(
            std::time::Instant::now() < deadline,
            "the restore did not bring the purpose back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.click("open-backups").await;
    app.testid("backup-item").await;
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

    // Files nobody picked in a dialog, outside the data folder or walking out of it with `..`,
    // are refused with a sentence and never touched.
    let outside = elsewhere.path().join("makers guild.json");
    let escaping = data.path().join("..").join("escaped.groundwork");
    let pdf = elsewhere.path().join("plan.pdf");
    for (command, args, path) in [
        ("export_json", json!({ "path": outside }), &outside),
        ("save_copy", json!({ "path": escaping }), &escaping),
        (
            "export_document",
            json!({ "path": pdf, "options": {
            "document": "full", "paper": "a4", "date": null, "omitSections": [],
            "confidentiality": "", "includeReadiness": false } }),
            &pdf,
        ),
    ] {
        let answer = app.invoke(command, args).await;
        assert_eq!(answer["error"]["code"], "notAllowed", "{command}: {answer}");
        let message = answer["error"]["message"].as_str().unwrap();
        assert!(message.contains("only uses files you choose"), "{message}");
        assert!(!path.exists(), "{command} wrote {}", path.display());
    }
    std::fs::write(&outside, "{}").unwrap();
    let answer = app
        .invoke("import_json", json!({ "source": outside }))
        .await;
    assert_eq!(answer["error"]["code"], "notAllowed", "{answer}");
    let answer = app
        .invoke("open_workbook", json!({ "path": "/etc/passwd" }))
        .await;
    assert_eq!(answer["error"]["code"], "notAllowed", "{answer}");
    std::fs::remove_file(&outside).unwrap();

    // Export JSON… and Save a copy… to files in the data folder (as if picked there).
    let exports = data.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let export = exports.join("makers guild.json");
    let answer = app.invoke("export_json", json!({ "path": export })).await;
    assert!(answer.get("ok").is_some(), "{answer}");
    let json = std::fs::read_to_string(&export).unwrap();
    assert!(json.contains("\"format\": \"groundwork-workbook\""));
    assert!(json.contains("not bold"), "the purpose is in the export");

    // Save a copy… while the workbook stays open.
    let copy = exports.join("copy.groundwork");
    let answer = app.invoke("save_copy", json!({ "path": copy })).await;
    assert!(answer.get("ok").is_some(), "{answer}");
    assert!(copy.exists());

    // Import JSON… makes a new workbook in the workbooks folder, listed on the home screen.
    let answer = app.invoke("import_json", json!({ "source": export })).await;
    assert_eq!(answer["ok"]["imported"]["name"], "Makers Guild", "{answer}");
    app.click("back-home").await;
    app.testid("workbook-list").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let rows = app
            .client
            .find_all(fantoccini::Locator::Css("[data-testid=workbook-item]"))
            .await
            .unwrap();
        if rows.len() == 2 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the imported workbook is listed beside the original"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
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
    let bad = exports.join("damaged.json");
    std::fs::write(&bad, doc.to_string()).unwrap();
    let answer = app.invoke("import_json", json!({ "source": bad })).await;
    let problems = answer["ok"]["problems"].to_string();
    assert!(answer["ok"]["imported"].is_null(), "{answer}");
    assert!(problems.contains("$.tables.profile[0].name"), "{problems}");
    assert!(problems.contains("$.tables.unknown_table"), "{problems}");
    let files = std::fs::read_dir(data.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "groundwork")
        })
        .count();
    assert_eq!(files, 2, "a refused import adds no workbook");
    app.quit().await;
}
