//! Step 1 in the real window: a strategist records two channels, a snapshot, a maturity score
//! and a finding, quits, comes back and finds everything; a duplicate channel name is refused
//! beside the field with what was typed kept.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fantoccini::Locator;
use groundwork_e2e::{app_binary, App};

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

#[tokio::test]
async fn audit_records_survive_a_relaunch() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();

    let app = App::launch(&binary, data.path()).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Makers audit").await;
    app.click("create-workbook").await;
    app.click("nav-audit").await;
    app.testid("channel-form").await;

    // Two channels, typed fast: Enter saves and the name field is ready for the next one.
    app.type_into("channel-name", "Makers Forum").await;
    app.type_into("channel-audience", "Hobby makers").await;
    app.type_into("channel-runBy", "Support team").await;
    app.testid("channel-runBy")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    app.wait_for_text("channel-table", "Makers Forum").await;
    app.click("channel-ownership-unofficial").await;
    app.type_into("channel-name", "Fans of Northwind").await;
    app.testid("channel-name")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    app.wait_for_text("channel-table", "Fans of Northwind")
        .await;
    app.wait_for_text("channel-count", "2 channels").await;

    // The same name in another case is refused at the field; the text stays.
    app.type_into("channel-name", "makers forum").await;
    app.click("channel-save").await;
    app.wait_for_text(
        "error-channel-name",
        "already a channel called “Makers Forum”",
    )
    .await;
    assert_eq!(app.value("channel-name").await, "makers forum");
    app.screenshot("audit-channels").await;

    // A snapshot of the forum.
    app.click("audit-tab-snapshots").await;
    app.testid("snapshot-channel")
        .await
        .select_by_label("Makers Forum")
        .await
        .unwrap();
    app.type_into("snapshot-takenOn", "2026-03-01").await;
    app.type_into("snapshot-members", "1,250").await;
    app.type_into("snapshot-postsPerMonth", "abc").await;
    app.click("snapshot-save").await;
    app.wait_for_text("error-snapshot-postsPerMonth", "is not a number")
        .await;
    assert_eq!(
        app.value("snapshot-members").await,
        "1,250",
        "nothing typed is lost"
    );
    app.type_into("snapshot-postsPerMonth", "95").await;
    app.click("snapshot-save").await;
    app.wait_for_text("snapshot-table", "Makers Forum").await;
    app.wait_for_text("snapshot-table", "1,250").await;
    // An earlier audit of the same channel: the two dates side by side, with the change.
    app.testid("snapshot-channel")
        .await
        .select_by_label("Makers Forum")
        .await
        .unwrap();
    app.type_into("snapshot-takenOn", "2025-12-01").await;
    app.type_into("snapshot-members", "1000").await;
    app.testid("snapshot-members")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    app.wait_for_text("comparison-table", "+250 (+25%)").await;
    app.client
        .execute(
            "const m = document.querySelector('main'); \
             const c = document.querySelector('[data-testid=comparison]'); \
             m.scrollTop += c.getBoundingClientRect().top - m.getBoundingClientRect().top - 16;",
            vec![],
        )
        .await
        .unwrap();
    app.screenshot("audit-metrics").await;

    // A maturity score, saved as it is typed.
    app.click("audit-tab-maturity").await;
    app.type_into("maturity-strategy-stage", "3").await;
    app.type_into(
        "maturity-strategy-evidence",
        "A written plan, reviewed yearly.",
    )
    .await;
    app.wait_for_text("maturity-strategy", "Saved").await;
    app.wait_for_text("maturity-average", "Average stage 3.0")
        .await;
    app.screenshot("audit-maturity").await;

    // A finding resting on the forum.
    app.click("audit-tab-findings").await;
    app.type_into("finding-title", "Questions wait a day for a reply")
        .await;
    app.type_into("finding-evidence", "Median response time of 26 hours.")
        .await;
    app.client
        .find(Locator::XPath(
            "//label[contains(., 'Makers Forum')]/input[@data-testid='finding-channel']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.click("finding-save").await;
    app.wait_for_text("finding-list", "Questions wait a day for a reply")
        .await;
    app.wait_for_text("finding-list", "Rests on: Makers Forum")
        .await;
    app.screenshot("audit-findings").await;
    app.wait_for_text("nav-audit", "6").await;

    // Deleting the cited forum asks first and names the finding; cancelling keeps it all.
    app.click("audit-tab-channels").await;
    app.client
        .find(Locator::XPath(
            "//tr[@data-testid='channel-row'][contains(., 'Makers Forum')]\
             //button[@data-testid='channel-delete']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for_text("confirm-dialog", "“Questions wait a day for a reply”")
        .await;
    app.wait_for_text("confirm-dialog", "Remove the links and delete")
        .await;
    // Let the dialog paint before the picture.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.screenshot("audit-delete-cited").await;
    app.click("confirm-cancel").await;
    app.wait_for_text("channel-count", "2 channels").await;

    // The situation, saved as it is typed.
    app.click("audit-tab-situation").await;
    app.type_into(
        "situation-resources",
        &format!("Two community managers{ENTER}A small events budget"),
    )
    .await;
    app.type_into("situation-threats", "A rival brand's Discord")
        .await;
    app.wait_for_text("save-status", "Saved").await;
    app.screenshot("audit-situation").await;
    app.quit().await;

    let app = App::launch(&binary, data.path()).await;
    app.wait_for_text("workbook-list", "Makers audit").await;
    app.click("open-workbook").await;
    app.click("nav-audit").await;
    app.wait_for_text("channel-table", "Makers Forum").await;
    app.wait_for_text("channel-table", "Fans of Northwind")
        .await;
    app.wait_for_text("channel-table", "Unofficial").await;
    app.client
        .execute("document.querySelector('main').scrollTop = 100000", vec![])
        .await
        .unwrap();
    app.screenshot("audit-channel-table").await;

    // With channels listed, the form is folded behind its button; Esc folds it again and what
    // was typed waits for the next time it opens.
    assert!(
        app.client
            .find_all(Locator::Css("[data-testid=channel-form]"))
            .await
            .unwrap()
            .is_empty(),
        "the channel form is folded once there are channels"
    );
    app.click("channel-add-open").await;
    app.type_into("channel-name", "Makers Mastodon").await;
    app.testid("channel-name")
        .await
        .send_keys(ESCAPE)
        .await
        .unwrap();
    app.wait_for_text("channel-add-open-draft", "draft is kept")
        .await;
    app.screenshot("audit-channel-draft-kept").await;
    app.click("channel-add-open").await;
    assert_eq!(app.value("channel-name").await, "Makers Mastodon");
    app.click("audit-tab-situation").await;
    assert_eq!(
        app.value("situation-resources").await,
        "Two community managers\nA small events budget"
    );
    app.click("audit-tab-snapshots").await;
    app.wait_for_text("snapshot-table", "1,250").await;
    app.wait_for_text("snapshot-table", "95").await;
    app.click("audit-tab-maturity").await;
    assert_eq!(app.value("maturity-strategy-stage").await, "3");
    assert_eq!(
        app.value("maturity-strategy-evidence").await,
        "A written plan, reviewed yearly."
    );
    app.click("audit-tab-findings").await;
    app.wait_for_text("finding-list", "Questions wait a day for a reply")
        .await;
    app.wait_for_text("finding-list", "Rests on: Makers Forum")
        .await;
    app.quit().await;
}
