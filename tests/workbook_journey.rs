//! A strategist's first minutes: create a workbook from the home screen, write its purpose,
//! quit, come back and find it; and a refused edit that keeps what was typed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use groundwork_e2e::{app_binary, App};

const PURPOSE: &str = "Help makers across Europe help each other — Κοινότητα, Сообщество, 社区.";

#[tokio::test]
async fn a_purpose_written_in_a_new_workbook_is_there_after_a_relaunch() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();

    let app = App::launch(&binary, data.path()).await;
    app.screenshot("home-empty").await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Makers Guild").await;
    app.type_into("new-workbook-organisation", "Northwind <b>Tools</b>")
        .await;
    app.click("create-workbook").await;
    app.testid("sidebar").await;
    app.click("nav-overview").await;
    app.type_into("profile-purpose", PURPOSE).await;
    app.wait_for_text("save-status", "Saved").await;
    app.screenshot("overview-saved").await;
    app.quit().await;

    let app = App::launch(&binary, data.path()).await;
    app.screenshot("home-listed").await;
    app.wait_for_text("workbook-list", "Makers Guild").await;
    // Markup typed into a field is shown as text, never interpreted.
    app.wait_for_text("workbook-list", "Northwind <b>Tools</b>")
        .await;
    app.screenshot("home-listed").await;
    app.click("open-workbook").await;
    app.click("nav-overview").await;
    assert_eq!(
        app.value("profile-purpose").await,
        PURPOSE,
        "the purpose survived a relaunch"
    );
    assert_eq!(app.value("profile-name").await, "Makers Guild");
    app.quit().await;
}

#[tokio::test]
async fn an_empty_name_is_refused_beside_the_field_and_the_stored_name_is_kept() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();

    let app = App::launch(&binary, data.path()).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Keep this name").await;
    app.click("create-workbook").await;
    app.click("nav-overview").await;
    app.type_into("profile-name", "   ").await;
    app.wait_for_text("error-name", "workbook name is empty")
        .await;
    assert_eq!(
        app.value("profile-name").await,
        "   ",
        "what was typed is kept"
    );
    app.screenshot("overview-error").await;

    // Leaving asks first, since the last edit was not saved; the stored name is the last good
    // one.
    app.click("back-home").await;
    app.wait_for_text("confirm-dialog", "Leave without saving")
        .await;
    app.click("confirm-ok").await;
    app.wait_for_text("workbook-list", "Keep this name").await;
    app.quit().await;
}
