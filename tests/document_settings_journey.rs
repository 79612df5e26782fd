//! What is asked of the reader, and the documents' accent, set on the Documents screen of the
//! real window: the ask typed and the window closed at once as a window manager does is in the
//! workbook file and back in the field when the workbook is opened again, and the exported
//! strategy prints it in place of the roadmap's suggestion.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use groundwork_e2e::stored::stored;
use groundwork_e2e::{app_binary, App};

/// Accents, a dash, CJK, a check mark and markup, all in the Basic Multilingual Plane
/// (WebKitWebDriver drops characters beyond it from `send_keys`).
const ASK: &str = "Approve €48,000 – 東京 ✓ «ça» <b>now</b>; name Maren Oduya owner of the launch.";
/// Too light for text on white: the screen says the documents print it darker.
const YELLOW: &str = "#ffd700";

#[tokio::test]
async fn the_ask_typed_then_closed_is_kept_and_printed_in_the_strategy() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(&binary, data.path()).await;
    app.click("open-example").await;
    app.click("tour-close").await;
    app.click("nav-documents").await;

    // The roadmap's suggestion is what the empty field offers.
    let ask = app.testid("document-ask").await;
    let placeholder = ask.attr("placeholder").await.unwrap().unwrap_or_default();
    assert!(
        placeholder.starts_with("Decide to "),
        "the placeholder is the roadmap's suggestion: {placeholder:?}"
    );
    app.testid("ask-from-suggestion").await;

    app.type_into("document-accent", YELLOW).await;
    app.wait_for_text("accent-note", "darker").await;
    for (width, height) in [(1280, 800), (1024, 640)] {
        app.client.set_window_size(width, height).await.unwrap();
        let note = serde_json::to_value(app.testid("accent-note").await).unwrap();
        app.client
            .execute("arguments[0].scrollIntoView({block: 'end'});", vec![note])
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(800)).await;
        app.screenshot(&format!("document-settings-{width}x{height}"))
            .await;
    }

    // Typed, then the window closed at once: no pause for the autosave, no blur.
    let window = app.window().await;
    app.type_into("document-ask", ASK).await;
    window.request_close();
    assert!(
        window.wait_for_exit(Duration::from_secs(15)).await,
        "closing right after typing the ask left the window open"
    );
    app.end_after_exit().await;
    assert_eq!(
        stored(data.path(), "SELECT ask FROM document_settings"),
        ASK,
        "the ask is in the workbook file"
    );
    assert_eq!(
        stored(data.path(), "SELECT accent FROM document_settings"),
        YELLOW
    );

    let app = App::launch(&binary, data.path()).await;
    app.click("open-workbook").await;
    app.testid("sidebar").await;
    app.click("nav-documents").await;
    assert_eq!(
        field(&app, "document-ask", ASK).await,
        ASK,
        "the ask is back in its field"
    );
    assert_eq!(field(&app, "document-accent", YELLOW).await, YELLOW);

    let pdf = data.path().join("strategy.pdf");
    let answer = app.export_full(&pdf, false).await;
    assert!(
        answer.get("ok").is_some(),
        "the export was refused: {answer}"
    );
    let text = pdftotext(&pdf);
    assert!(
        text.contains(&words(ASK)),
        "the strategy prints the ask:\n{text}"
    );
    assert!(
        !text.contains("(Suggested"),
        "no suggestion note beside the strategist's ask"
    );
    app.quit().await;
}

/// The field's value once it has loaded (given a few seconds).
async fn field(app: &App, id: &str, expected: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let shown = app.value(id).await;
        if shown == expected || Instant::now() > deadline {
            return shown;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF's text, lines joined by spaces.
fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    words(&String::from_utf8_lossy(&out.stdout))
}
