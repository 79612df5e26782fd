//! A strategist sets a goal and measures it in the real window: an objective, a goal under
//! it, a KPI (after a refused target date that keeps what was typed), three measurements (one
//! date refused as a duplicate), and the status the back end works out, on the KPI and on the
//! scorecard.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use groundwork_e2e::{app_binary, App};

#[tokio::test]
async fn a_goal_with_a_kpi_and_three_measurements_shows_its_status() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();

    let app = App::launch(&binary, data.path()).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Makers goals").await;
    app.click("create-workbook").await;
    app.click("nav-goals").await;
    app.testid("step-goals").await;

    app.click("objective-add").await;
    app.type_into("objective-title", "Lower the cost of support")
        .await;
    app.click("objective-save").await;
    app.wait_for_text("goal-tree", "Lower the cost of support")
        .await;

    app.click("goal-add").await;
    app.type_into("goal-title", "Members answer members").await;
    app.click("goal-save").await;
    app.wait_for_text("goal-tree", "Members answer members")
        .await;

    app.click("kpi-add").await;
    app.type_into("kpi-name", "Questions answered by members")
        .await;
    app.type_into("kpi-unit", "%").await;
    app.type_into("kpi-baseline-value", "0").await;
    app.type_into("kpi-baseline-date", "2020-01-01").await;
    app.type_into("kpi-target-value", "100").await;
    app.type_into("kpi-target-date", "2019-06-01").await;
    app.click("kpi-save").await;
    app.wait_for_text("error-kpi-target-date", "before the baseline date")
        .await;
    assert_eq!(
        app.value("kpi-name").await,
        "Questions answered by members",
        "a refused save keeps what was typed"
    );
    app.screenshot("goals-kpi-refused").await;
    // Twenty years from 2020: about a third of the way is expected by now.
    app.type_into("kpi-target-date", "2040-01-01").await;
    app.click("kpi-save").await;
    app.wait_for_text("kpi-item", "Questions answered by members")
        .await;
    app.wait_for_text("kpi-status", "Not yet measured").await;

    app.click("kpi-open").await;
    for (date, value) in [
        ("2020-06-01", "10"),
        ("2021-06-01", "25 %"),
        ("2022-06-01", "40,5"),
    ] {
        app.type_into("measurement-date", date).await;
        app.type_into("measurement-value", value).await;
        app.click("measurement-save").await;
        app.wait_for_text("measurement-list", date.split('-').next().unwrap())
            .await;
    }
    app.type_into("measurement-date", "2021-06-01").await;
    app.type_into("measurement-value", "30").await;
    app.click("measurement-save").await;
    app.wait_for_text("error-measurement-date", "already a measurement")
        .await;

    app.wait_for_text("kpi-latest", "40.5%").await;
    app.wait_for_text("kpi-detail-status", "On track").await;
    app.wait_for_text("kpi-progress", "41%").await;
    app.screenshot("goals-kpi-detail").await;

    // A pasted block with a header and a bad row: the good row is imported, the bad one is
    // listed with its line number and left in the box.
    // WebDriver types a line break as the Enter key (U+E007).
    app.type_into(
        "paste-text",
        "Date,Share\u{E007}2022-12-01,44\u{E007}2023-06-01,lots\u{E007}",
    )
    .await;
    assert_eq!(
        app.value("paste-text").await,
        "Date,Share\n2022-12-01,44\n2023-06-01,lots\n"
    );
    app.click("paste-import").await;
    app.wait_for_text("paste-report", "1 new measurement").await;
    app.wait_for_text("paste-problems", "Line 3").await;
    assert_eq!(app.value("paste-text").await, "2023-06-01,lots");
    app.wait_for_text("kpi-latest", "44%").await;
    app.screenshot("goals-paste-report").await;

    app.click("goals-tab-scorecard").await;
    app.wait_for_text("scorecard-status", "On track").await;
    app.wait_for_text("health-score", "44").await;
    app.screenshot("goals-scorecard").await;

    app.click("goals-tab-purpose").await;
    app.type_into(
        "narrative-memberValue",
        "Answers from people who built the same thing.",
    )
    .await;
    app.click("goals-tab-tree").await;
    app.click("goals-tab-purpose").await;
    assert_eq!(
        app.value("narrative-memberValue").await,
        "Answers from people who built the same thing.",
        "the narrative is kept across tabs"
    );
    app.screenshot("goals-purpose").await;
    app.quit().await;
}
