//! A strategist reviews readiness in the real window: the Readiness screen names a goal with no
//! KPI; clicking the issue opens the Goals step at that goal (in view, highlighted); back on
//! the Readiness screen, an issue is accepted with a reason (an empty reason is refused and the
//! form stays open), is listed apart with its reason, and can be undone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use groundwork_e2e::{app_binary, App};

/// True when the element is laid out inside the window's visible area.
async fn in_view(app: &App, css: &str) -> bool {
    let script = "const r = document.querySelector(arguments[0]).getBoundingClientRect(); \
                  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;";
    app.client
        .execute(script, vec![serde_json::json!(css)])
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

async fn count(app: &App, css: &str) -> usize {
    app.client
        .find_all(fantoccini::Locator::Css(css))
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn an_issue_opens_its_record_and_can_be_accepted_with_a_reason() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();

    let app = App::launch(&binary, data.path()).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Makers readiness").await;
    app.click("create-workbook").await;

    // A goal with neither evidence nor a KPI, under several others so it sits below the fold.
    app.click("nav-goals").await;
    app.testid("step-goals").await;
    app.click("objective-add").await;
    app.type_into("objective-title", "Lower the cost of support")
        .await;
    app.click("objective-save").await;
    app.wait_for_text("goal-tree", "Lower the cost of support")
        .await;
    for title in [
        "Members answer members",
        "Welcome every newcomer",
        "Share builds weekly",
        "Answer <b>within</b> a day",
    ] {
        app.click("goal-add").await;
        app.type_into("goal-title", title).await;
        app.click("goal-save").await;
        app.wait_for_text("goal-tree", title).await;
    }

    app.click("nav-readiness").await;
    app.testid("readiness").await;
    app.wait_for_text("readiness-overall", "of 100").await;
    app.wait_for_text("issues-goals", "Answer <b>within</b> a day")
        .await;
    app.screenshot("readiness-issues").await;

    // The issue names the last goal: open it.
    let issue = "[data-rule='goals.goal-without-kpi'][data-testid=issue]";
    let mut target = None;
    for li in app
        .client
        .find_all(fantoccini::Locator::Css(issue))
        .await
        .unwrap()
    {
        let text = li.prop("textContent").await.unwrap().unwrap_or_default();
        if text.contains("Answer <b>within</b> a day") {
            target = Some(li);
        }
    }
    let target = target.expect("an issue names the goal without a KPI");
    target
        .find(fantoccini::Locator::Css("[data-testid=issue-open]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    app.testid("step-goals").await;
    let landed = app.wait_for("[data-focused=true]").await;
    let record = landed
        .attr("data-record")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(record.starts_with("goal:"), "landed on {record}");
    let text = landed
        .prop("textContent")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        text.contains("Answer <b>within</b> a day"),
        "the record the issue names is the one opened: {text}"
    );
    assert!(
        in_view(&app, "[data-focused=true]").await,
        "the record is scrolled into view"
    );
    app.screenshot("readiness-landed-on-goal").await;

    // Back to the review: accept a goal's missing evidence with a reason.
    app.click("nav-readiness").await;
    app.testid("readiness").await;
    let evidence = "[data-rule='goals.goal-without-evidence'][data-testid=issue]";
    app.wait_for(evidence).await;
    let open_before = count(&app, "[data-testid=issue]").await;
    app.wait_for(&format!("{evidence} [data-testid=issue-dismiss]"))
        .await
        .click()
        .await
        .unwrap();
    app.click("dismiss-save").await;
    app.wait_for_text("error-reason", "Say why").await;
    app.type_into(
        "dismiss-reason",
        "Evidence comes from the Q3 survey — agreed with Dana",
    )
    .await;
    app.screenshot("readiness-dismissing").await;
    app.click("dismiss-save").await;
    app.wait_for_text(
        "dismissed",
        "Reason: Evidence comes from the Q3 survey — agreed with Dana",
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while count(&app, "[data-testid=issue]").await != open_before - 1 {
        assert!(
            Instant::now() < deadline,
            "the dismissed issue leaves the open list"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.screenshot("readiness-dismissed").await;

    // The traceability view lists every goal.
    app.click("readiness-tab-traceability").await;
    app.wait_for_text("trace-table", "Members answer members")
        .await;
    app.screenshot("readiness-traceability").await;

    // Undo puts the issue back.
    app.click("readiness-tab-issues").await;
    app.click("dismissed-undo").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while count(&app, "[data-testid=issue]").await != open_before {
        assert!(Instant::now() < deadline, "undo puts the issue back");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(count(&app, "[data-testid=dismissed]").await, 0);

    app.quit().await;
}
