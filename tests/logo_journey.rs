//! The organisation's logo, chosen on the Documents screen of the real window through the
//! native Open dialog: shown beside its file name and kept in the workbook file; a file that
//! only claims to be an image refused with a sentence while the logo stays; printed in the
//! exported strategy and shown in the presentation; removed, the documents print without it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use groundwork_e2e::dialogs::{open_in_dialog, xdotool_present};
use groundwork_e2e::stored::stored;
use groundwork_e2e::{app_binary, App};

/// A wordmark as a designer exports it: a viewBox, a circle and a bar, no fixed size.
const SVG: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100">
  <circle cx="50" cy="50" r="45" fill="#dc143c"/>
  <rect x="110" y="25" width="180" height="50" rx="8" fill="#1b3a5c"/>
</svg>
"##;

#[tokio::test]
async fn a_logo_chosen_in_the_open_dialog_is_shown_printed_and_removed() {
    let Some(binary) = app_binary() else { return };
    if !xdotool_present() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let logo = files.path().join("Harbour & Co logo.svg");
    std::fs::write(&logo, SVG).unwrap();
    let impostor = files.path().join("not really.png");
    std::fs::write(&impostor, "Minutes of the March board meeting").unwrap();

    let app = App::launch_in(&binary, data.path(), files.path()).await;
    app.click("open-example").await;
    app.click("tour-close").await;
    app.click("nav-documents").await;
    app.testid("logo-none").await;

    app.click("choose-logo").await;
    open_in_dialog("Harbour & Co logo.svg").await;
    app.wait_for_text("logo-name", "Harbour & Co logo.svg")
        .await;
    let drawn = app
        .client
        .execute(
            "return document.querySelector('[data-testid=logo-preview]').naturalWidth;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        drawn, 1200,
        "the screen shows the logo as the workbook keeps it"
    );
    assert_eq!(
        stored(data.path(), "SELECT file_name FROM document_logo"),
        "Harbour & Co logo.svg"
    );
    for (width, height) in [(1920, 1080), (1280, 800), (1024, 640)] {
        app.client.set_window_size(width, height).await.unwrap();
        let shown = serde_json::to_value(app.testid("logo-preview").await).unwrap();
        app.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![shown],
            )
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(600)).await;
        app.screenshot(&format!("logo-{width}x{height}")).await;
    }

    // A text file named .png: refused with a sentence, and the logo before it stays.
    app.click("choose-logo").await;
    open_in_dialog("not really.png").await;
    app.wait_for_text("error-logo", "not a PNG, JPEG or SVG")
        .await;
    assert_eq!(app.text("logo-name").await, "Harbour & Co logo.svg");
    assert_eq!(
        stored(data.path(), "SELECT file_name FROM document_logo"),
        "Harbour & Co logo.svg"
    );

    // The exported strategy shows it on the cover and in every page's header.
    let pdf = data.path().join("strategy.pdf");
    let answer = app.export_full(&pdf, false).await;
    assert!(
        answer.get("ok").is_some(),
        "the export was refused: {answer}"
    );
    let pages = image_pages(&pdf);
    assert!(pages.first() == Some(&1) && pages.len() > 10, "{pages:?}");

    // The presentation shows it too.
    app.click("nav-workshop").await;
    app.click("present").await;
    app.testid("presentation-logo").await;
    app.screenshot("logo-presentation").await;
    // Escape leaves it.
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    app.click("nav-documents").await;

    app.click("remove-logo").await;
    app.testid("logo-none").await;
    let pdf = data.path().join("without.pdf");
    let answer = app.export_full(&pdf, false).await;
    assert!(
        answer.get("ok").is_some(),
        "the export was refused: {answer}"
    );
    assert!(image_pages(&pdf).is_empty(), "no logo, no image");
    assert_eq!(
        stored(data.path(), "SELECT count(*) || '' FROM document_logo"),
        "0"
    );
    app.quit().await;
}

/// The pages that show an image (not counting transparency masks), by `pdfimages -list`.
fn image_pages(pdf: &Path) -> Vec<usize> {
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(pdf)
        .output()
        .expect("pdfimages (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            (cols.get(2) == Some(&"image")).then(|| cols[0].parse().unwrap())
        })
        .collect()
}
