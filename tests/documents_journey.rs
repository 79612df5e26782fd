//! The Documents screen in the real window: every document is previewed from the workbook,
//! drawn by pdf.js inside the app, with the export's warnings listed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fantoccini::Locator;
use groundwork_e2e::{app_binary, App};

#[tokio::test]
async fn each_document_is_previewed_with_its_warnings() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();

    let app = App::launch(&binary, data.path()).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Preview check 社区")
        .await;
    app.type_into("new-workbook-organisation", "Northwind")
        .await;
    app.click("create-workbook").await;
    app.click("nav-documents").await;

    for document in ["full", "roadmap", "crisis", "audit"] {
        app.click(&format!("document-choice-{document}")).await;
        // pdf.js draws the first pages of the real PDF into canvases.
        // The one-pager must end up as exactly one drawn page; the others show their first
        // three. (Polled: the previous document's pages stay until the new ones are drawn.)
        let expected = if document == "roadmap" { 1 } else { 3 };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let preview = app
                .wait_for("[data-testid=document-preview][data-state=shown]")
                .await;
            let pages = preview.find_all(Locator::Css("canvas")).await.unwrap();
            if pages.len() == expected {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{document}: {} pages drawn, expected {expected}",
                pages.len()
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        // A new workbook has empty steps, and the export says so.
        app.wait_for_text("document-warnings", "empty").await;
        app.screenshot(&format!("documents-{document}")).await;
    }
    app.quit().await;
}
