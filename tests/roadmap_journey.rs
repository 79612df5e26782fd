//! A strategist plans the roadmap: a phase, three initiatives of which the last waits for the
//! first, an end date before the start refused beside the field with what was typed kept, a
//! dependency circle refused with the circle named, and the timeline showing the phase band,
//! the bars, the dependency and today; then the table, sorted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::Locator;
use groundwork_e2e::{app_binary, App};

const ENTER: &str = "\u{E007}";

async fn all(app: &App, css: &str) -> Vec<Element> {
    app.client.find_all(Locator::Css(css)).await.unwrap()
}

async fn count(app: &App, css: &str) -> usize {
    all(app, css).await.len()
}

async fn choose(app: &App, testid: &str) {
    app.client
        .execute(
            &format!("document.querySelector('[data-testid={testid}]').click()"),
            vec![],
        )
        .await
        .unwrap();
}

async fn add_initiative(app: &App, title: &str) {
    app.type_into("new-initiative", title).await;
    app.testid("new-initiative")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    // The new initiative opens in the editor.
    app.wait_for_text("initiative-editor", "Initiative").await;
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while app.value("initiative-title").await != title {
        assert!(std::time::Instant::now() < deadline, "{title} did not open");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_phase_three_initiatives_and_a_dependency_on_the_timeline() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(&binary, data.path()).await;

    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Roadmap 2026").await;
    app.type_into("new-workbook-organisation", "Northwind")
        .await;
    app.click("create-workbook").await;
    app.click("nav-roadmap").await;
    app.testid("step-roadmap").await;

    // A phase, after a refused one whose end comes before its start.
    app.click("roadmap-tab-phases").await;
    app.type_into("new-phase-name", "Lançamento été").await;
    app.type_into("new-phase-start", "2026-04-01").await;
    app.type_into("new-phase-end", "2026-03-01").await;
    app.click("phase-add").await;
    app.wait_for_text("error-new-phase-end", "before the start date")
        .await;
    assert_eq!(
        app.value("new-phase-name").await,
        "Lançamento été",
        "the typed name is kept"
    );
    app.type_into("new-phase-end", "2026-09-30").await;
    app.click("phase-add").await;
    app.testid("phase-row").await;
    app.wait_for_text("roadmap-records", "1 record").await;

    // Three initiatives from the timeline; each opens in the editor.
    app.click("roadmap-tab-timeline").await;
    add_initiative(&app, "Forum relaunch").await;
    app.testid("initiative-phase")
        .await
        .select_by_index(1)
        .await
        .unwrap();
    app.testid("initiative-schedule")
        .await
        .select_by_index(0)
        .await
        .unwrap();
    app.type_into("initiative-start", "2026-04-01").await;
    app.type_into("initiative-end", "2026-03-15").await;
    app.wait_for_text("error-end", "is before the start date")
        .await;
    assert_eq!(app.value("initiative-end").await, "2026-03-15");
    app.screenshot("roadmap-end-refused").await;
    app.type_into("initiative-end", "2026-05-31").await;
    app.type_into("initiative-owner", "Ana Souza").await;
    app.type_into("initiative-budget", "12,500").await;
    app.type_into("initiative-currency", "EUR").await;
    app.wait_for_text("save-status", "Saved").await;

    add_initiative(&app, "Ambassador programme").await;
    app.testid("initiative-phase")
        .await
        .select_by_index(1)
        .await
        .unwrap();
    app.testid("initiative-schedule")
        .await
        .select_by_index(0)
        .await
        .unwrap();
    app.type_into("initiative-start", "2026-06-01").await;
    app.type_into("initiative-end", "2026-08-31").await;
    app.wait_for_text("save-status", "Saved").await;

    add_initiative(&app, "Members' meetup").await;
    app.testid("initiative-schedule")
        .await
        .select_by_index(0)
        .await
        .unwrap();
    app.type_into("initiative-start", "2026-09-15").await;
    app.type_into("initiative-end", "2026-09-15").await;
    app.click("initiative-milestone").await;
    // It waits for the forum relaunch (the options are in title order: the ambassador
    // programme, then the forum relaunch).
    let options = all(&app, "[data-testid=initiative-depends-option]").await;
    assert_eq!(options.len(), 2);
    options[1].click().await.unwrap();
    app.wait_for_text("save-status", "Saved").await;

    // Making the forum relaunch wait for the meetup would close a circle: refused, named.
    app.testid("timeline-row").await;
    all(&app, "[data-testid=timeline-row]").await[0]
        .click()
        .await
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while app.value("initiative-title").await != "Forum relaunch" {
        assert!(std::time::Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let options = all(&app, "[data-testid=initiative-depends-option]").await;
    options[1].click().await.unwrap();
    app.wait_for_text("error-dependsOn", "in a circle").await;
    app.wait_for_text(
        "error-dependsOn",
        "“Forum relaunch” → “Members' meetup” → “Forum relaunch”",
    )
    .await;
    options[1].click().await.unwrap();
    app.wait_for_text("save-status", "Saved").await;

    // The timeline: the phase band, two bars, the milestone, the connector and today's line.
    app.testid("roadmap-timeline").await;
    assert_eq!(count(&app, "[data-testid=phase-band]").await, 1);
    assert_eq!(count(&app, "[data-testid=timeline-bar]").await, 2);
    assert_eq!(count(&app, "[data-testid=milestone]").await, 1);
    assert_eq!(count(&app, "[data-testid=dependency]").await, 1);
    app.wait_for_text("roadmap-timeline", "Forum relaunch")
        .await;
    app.wait_for_text("roadmap-records", "4 records").await;
    // The zoom radios are drawn as a segmented control over hidden inputs: choose by script.
    choose(&app, "zoom-quarter").await;
    app.wait_for_text("roadmap-timeline", "Q2").await;
    app.screenshot("roadmap-timeline-quarters").await;
    choose(&app, "zoom-month").await;
    app.click("initiative-close").await;
    // "Whole plan" draws every date in the width there is: nothing to scroll sideways to.
    choose(&app, "zoom-fit").await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let fits = app
            .client
            .execute(
                "const t = document.querySelector('[data-testid=roadmap-timeline]');
                 return t.scrollWidth <= t.clientWidth + 1;",
                vec![],
            )
            .await
            .unwrap();
        if fits == serde_json::Value::Bool(true) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the whole plan does not fit the timeline's width"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.screenshot("roadmap-timeline").await;

    // The table, sorted by budget, largest first.
    app.click("roadmap-tab-table").await;
    app.click("sort-budget").await;
    app.click("sort-budget").await;
    app.wait_for_text("roadmap-table", "EUR 12,500").await;
    let first = all(&app, "[data-testid=table-row]").await;
    assert_eq!(first.len(), 3);
    let text = first[0].text().await.unwrap();
    assert!(text.contains("Forum relaunch"), "{text}");
    app.screenshot("roadmap-table").await;

    app.click("roadmap-tab-budget").await;
    app.wait_for_text("budget-overall", "EUR 12,500").await;
    app.quit().await;
}
