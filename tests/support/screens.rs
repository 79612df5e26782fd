//! The screens of an open workbook as the sidebar and the tabs present them: the journeys
//! that visit every screen walk them through these.

use std::time::{Duration, Instant};

use crate::App;

/// A tab on screen: its test id (to click it again) and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub testid: String,
    pub slug: String,
    pub label: String,
}

/// The tabs in the content pane, in order.
pub async fn tabs(app: &App) -> Vec<Tab> {
    let found = app
        .client
        .execute(
            "return [...document.querySelectorAll('main [role=tab]')].map((t) => ({
               testid: t.getAttribute('data-testid') || '',
               id: t.id || '',
               label: (t.firstChild && t.firstChild.textContent || t.textContent).trim() }));",
            vec![],
        )
        .await
        .unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let testid = t["testid"].as_str().unwrap_or_default().to_owned();
            assert!(!testid.is_empty(), "every tab has a test id: {t}");
            let id = t["id"].as_str().unwrap_or_default();
            // "audit-tab-channels" → "channels"
            let slug = id
                .rsplit_once("-tab-")
                .map_or(testid.as_str(), |(_, s)| s)
                .to_owned();
            Tab {
                testid,
                slug,
                label: t["label"].as_str().unwrap_or_default().to_owned(),
            }
        })
        .collect()
}

/// The sections of the sidebar, in order, as (test id, slug, label).
pub async fn sections(app: &App) -> Vec<(String, String, String)> {
    let found = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-testid=sidebar] [data-testid^=nav-]')]
               .map((b) => [b.getAttribute('data-testid'), b.textContent.trim()]);",
            vec![],
        )
        .await
        .unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            let testid = pair[0].as_str().unwrap().to_owned();
            let slug = testid.trim_start_matches("nav-").to_owned();
            let label = pair[1].as_str().unwrap().to_owned();
            // The label is followed by the step's record count badge.
            let label = label
                .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
                .to_owned();
            (testid, slug, label)
        })
        .collect()
}

/// Clicks a tab and waits until it is the selected one.
pub async fn choose_tab(app: &App, tab: &Tab) {
    app.click(&tab.testid).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let selected = app
            .testid(&tab.testid)
            .await
            .attr("aria-selected")
            .await
            .unwrap();
        if selected.as_deref() == Some("true") {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the tab {} was never selected",
            tab.testid
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
