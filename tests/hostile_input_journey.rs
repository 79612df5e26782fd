//! Hostile input in the real window: script and markup payloads, right-to-left text, emoji,
//! zero-width characters and a 100,000-character paste go into the workbook name, the
//! profile, a channel, a finding and a stakeholder. Nothing executes, every text shows
//! verbatim after a relaunch, every resource the page loaded came from the app itself, and
//! the full PDF carries the same text. Then a deletion is undone from its notice and another
//! restored from the Trash.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use fantoccini::Locator;
use groundwork_core::documents::{Document, ExportOptions, Paper};
use groundwork_e2e::{app_binary, App};
use groundwork_store::Store;

const IMG: &str = "<img src=x onerror=window.__pwned=1>";
const SCRIPT: &str = "<script>window.__pwned=1</script>";
const TEMPLATE: &str = "{{7*7}} ${7*7}";
const SVG: &str = "\"><svg onload=window.__pwned=1>";
/// Arabic (right to left), emoji with a joiner, and a zero-width space inside a word.
const WORLD: &str = "مجتمع الصناع 👩‍💻 zero\u{200B}width";

async fn pwned(app: &App) -> serde_json::Value {
    app.client
        .execute(
            "return typeof window.__pwned === 'undefined' ? null : window.__pwned;",
            vec![],
        )
        .await
        .unwrap()
}

/// Pastes `text` into a field the way a paste does: the value changes, then `input` fires.
async fn paste(app: &App, id: &str, text: &str) {
    app.client
        .execute(
            "const el = document.querySelector(`[data-testid=${arguments[0]}]`);
             el.focus(); el.value = arguments[1];
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![serde_json::json!(id), serde_json::json!(text)],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn payloads_stay_text_everywhere_and_deletions_come_back() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let name = format!("{IMG} {WORLD}");
    let organisation = SCRIPT.to_owned();
    let long_purpose = format!("{TEMPLATE} {}", "Makers help makers. ".repeat(5_000));
    assert!(long_purpose.chars().count() > 100_000);
    let channel = format!("{SVG} Forum");
    let finding = format!("{SCRIPT} {TEMPLATE}");
    let person = format!("{IMG} {WORLD}");

    let app = App::launch(&binary, data.path()).await;
    app.click("new-workbook").await;
    // Typed keys cover the markup; text outside the keyboard (right to left, emoji, zero
    // width) arrives as a paste.
    paste(&app, "new-workbook-name", &name).await;
    app.click("create-workbook").await;
    app.wait_for_text("workbook-title", &name).await;

    app.type_into("profile-organisation", &organisation).await;
    paste(&app, "profile-purpose", &long_purpose).await;
    app.wait_for_text("save-status", "Saved").await;

    app.click("nav-audit").await;
    app.type_into("channel-name", &channel).await;
    app.type_into("channel-notes", SCRIPT).await;
    app.click("channel-save").await;
    app.wait_for_text("channel-table", &channel).await;
    app.click("audit-tab-findings").await;
    app.type_into("finding-title", &finding).await;
    app.click("finding-save").await;
    app.wait_for_text("finding-list", &finding).await;

    app.click("nav-stakeholders").await;
    app.click("add-stakeholder").await;
    paste(&app, "sh-name", &person).await;
    app.click("sh-save").await;
    app.wait_for_text("stakeholder-list", &person).await;
    assert_eq!(pwned(&app).await, serde_json::Value::Null, "no payload ran");
    app.screenshot("hostile-stakeholders").await;

    // Every resource the page loaded came from the app's own origin: no network at all.
    let origins: serde_json::Value = app
        .client
        .execute(
            // WebKit does not list what the app's own scheme serves as resource entries, so
            // the page's script, style and image addresses are read from the document too.
            "const urls = performance.getEntriesByType('resource').map(e => e.name);
             for (const el of document.querySelectorAll('script[src], link[href], img[src], iframe[src]'))
               urls.push(el.src || el.href);
             return urls.concat([location.href]);",
            vec![],
        )
        .await
        .unwrap();
    let origins: Vec<String> = serde_json::from_value(origins).unwrap();
    let own = origins
        .last()
        .unwrap()
        .split('/')
        .take(3)
        .collect::<Vec<_>>()
        .join("/");
    assert!(
        origins.len() > 1,
        "the page loaded its scripts: {origins:?}"
    );
    for url in &origins {
        assert!(
            url.starts_with(&own)
                || url.starts_with(&format!("blob:{own}"))
                || url.starts_with("data:")
                || url.starts_with("ipc:")
                || url.starts_with("http://ipc.localhost"),
            "{url} is not from the app ({own})"
        );
    }
    app.quit().await;

    // After a relaunch everything reads back exactly as typed.
    let app = App::launch(&binary, data.path()).await;
    app.click("open-workbook").await;
    app.wait_for_text("workbook-title", &name).await;
    assert_eq!(app.value("profile-organisation").await, organisation);
    assert_eq!(app.value("profile-purpose").await, long_purpose);
    app.click("nav-audit").await;
    app.wait_for_text("channel-table", &channel).await;
    app.click("audit-tab-findings").await;
    app.wait_for_text("finding-list", &finding).await;
    app.click("nav-stakeholders").await;
    app.wait_for_text("stakeholder-list", &person).await;
    assert_eq!(pwned(&app).await, serde_json::Value::Null, "no payload ran");

    // Deleting the channel offers an Undo that brings it back.
    app.click("nav-audit").await;
    app.click("audit-tab-channels").await;
    app.click("channel-delete").await;
    app.click("confirm-ok").await;
    app.wait_for_text("undo-toast", &format!("Deleted Channel “{channel}”"))
        .await;
    app.screenshot("hostile-undo-toast").await;
    app.click("undo-delete").await;
    app.wait_for_text("channel-table", &channel).await;

    // Deleted again, it waits in the Trash, which restores it.
    app.click("channel-delete").await;
    app.click("confirm-ok").await;
    app.testid("undo-toast").await;
    app.click("nav-trash").await;
    app.wait_for_text("trash-table", &format!("Channel “{channel}”"))
        .await;
    app.wait_for_text("trash-table", "29 days left").await;
    app.screenshot("trash-screen").await;
    app.click("trash-restore").await;
    app.wait_for_text("trash-message", "is back").await;
    app.testid("trash-empty").await;
    app.click("nav-audit").await;
    app.click("audit-tab-channels").await;
    app.wait_for_text("channel-table", &channel).await;
    assert!(app
        .client
        .find_all(Locator::Css("[data-testid=undo-error]"))
        .await
        .unwrap()
        .is_empty());
    assert_eq!(pwned(&app).await, serde_json::Value::Null, "no payload ran");
    app.quit().await;

    // The full PDF, made from the file the app wrote, carries the text verbatim.
    let file = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "groundwork"))
        .unwrap();
    let store = Store::open(&file).unwrap();
    let options = ExportOptions {
        document: Document::Full,
        paper: Paper::A4,
        date: None,
        omit_sections: Vec::new(),
        confidentiality: String::new(),
        include_readiness: true,
    };
    let rendered = groundwork_docs::render(&store.load_workbook().unwrap(), &options).unwrap();
    let pdf = data.path().join("full.pdf");
    std::fs::write(&pdf, &rendered.bytes).unwrap();
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).unwrap();
    // Compared without whitespace: a narrow table cell may wrap a payload anywhere.
    let flat: String = text.split_whitespace().collect();
    // The document fonts draw Latin text; the markup payloads must come out as typed.
    for payload in [IMG, SCRIPT, TEMPLATE, &channel, &finding] {
        let payload: String = payload.split_whitespace().collect();
        assert!(flat.contains(&payload), "the PDF lacks {payload:?}");
    }
}
