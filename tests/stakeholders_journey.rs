//! Step 2 in the real window: register two stakeholders (one refused score on the way),
//! copy a starter guide, capture an interview through the keyboard alone, tag a quote with a
//! theme, see the sweet spot, and find the answer by search.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use fantoccini::key::Key;
use groundwork_e2e::{app_binary, App};

/// Presses `keys` in the element with the focus.
async fn press(app: &App, keys: &str) {
    let active = app.client.active_element().await.unwrap();
    active.send_keys(keys).await.unwrap();
}

async fn add_stakeholder(app: &App, name: &str, department: &str, influence: &str, interest: &str) {
    app.click("add-stakeholder").await;
    app.type_into("sh-name", name).await;
    app.testid("sh-department")
        .await
        .select_by_value(department)
        .await
        .unwrap();
    app.type_into("sh-influence", influence).await;
    app.type_into("sh-interest", interest).await;
    app.click("sh-save").await;
}

#[tokio::test]
async fn an_interview_captured_by_keyboard_is_saved_tagged_and_found() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(&binary, data.path()).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Makers interviews")
        .await;
    app.click("create-workbook").await;
    app.click("nav-stakeholders").await;

    // A score out of range is refused beside the field; what was typed stays.
    add_stakeholder(&app, "Inès Ruiz <b>Support</b>", "support", "7", "5").await;
    app.wait_for_text(
        "error-sh-score",
        "Influence is 7; use a score from 1 (low) to 5 (high).",
    )
    .await;
    assert_eq!(app.value("sh-name").await, "Inès Ruiz <b>Support</b>");
    app.type_into("sh-influence", "4").await;
    app.click("sh-save").await;
    app.wait_for_text("stakeholder-list", "Inès Ruiz <b>Support</b>")
        .await;
    add_stakeholder(&app, "Marta Kowalska", "members", "2", "5").await;
    app.wait_for_text("stakeholder-list", "Marta Kowalska")
        .await;
    app.wait_for_text("power-grid", "Marta Kowalska").await;
    app.wait_for_text("nav-stakeholders", "2").await;
    app.screenshot("stakeholders-register").await;

    // A starter guide, copied and ready.
    app.click("tab-guides").await;
    app.click("copy-starter-support").await;
    app.wait_for_text(
        "guide-questions",
        "Which questions reach you again and again?",
    )
    .await;
    app.screenshot("stakeholders-guide").await;

    // Capture: the answer field has the focus; keys alone move through the questions.
    app.click("tab-interviews").await;
    app.click("new-interview").await;
    app.testid("iv-stakeholder")
        .await
        .select_by_label("Inès Ruiz <b>Support</b>")
        .await
        .unwrap();
    app.click("start-interview").await;
    app.wait_for_text("capture-progress", "Question 1 of 7")
        .await;
    press(&app, "Password resets, every single day.").await;
    let next = format!("{}{}", char::from(Key::Control), char::from(Key::Enter));
    press(&app, &next).await;
    app.wait_for_text("capture-progress", "Question 2 of 7")
        .await;
    press(&app, "Seven hours for an integration ticket").await;
    press(&app, &next).await;
    app.wait_for_text("capture-progress", "Question 3 of 7")
        .await;
    press(&app, "Yes: the makers forum, peer support every evening").await;
    // Previous by keyboard, and the answer typed there is still there.
    let previous = format!(
        "{}{}{}",
        char::from(Key::Control),
        char::from(Key::Shift),
        char::from(Key::Enter)
    );
    press(&app, &previous).await;
    app.wait_for_text("capture-progress", "Question 2 of 7")
        .await;
    assert_eq!(
        app.value("capture-answer").await,
        "Seven hours for an integration ticket"
    );
    app.testid("capture-quote")
        .await
        .send_keys(&format!(
            "Members answer faster than we do.{}",
            char::from(Key::Enter)
        ))
        .await
        .unwrap();
    app.wait_for_text("capture-quotes", "Members answer faster than we do.")
        .await;
    app.wait_for_text("save-status", "Saved").await;
    app.screenshot("stakeholders-capture").await;
    app.click("capture-done").await;
    app.wait_for_text("interview-list", "3 of 7 answered").await;

    // Tag the quote with a theme; mark it as both sides: a sweet spot.
    app.click("review-interview").await;
    app.wait_for_text("interview-review", "Password resets, every single day.")
        .await;
    let quote_tags = app
        .wait_for("[data-testid=review-quote] [data-testid=theme-input]")
        .await;
    quote_tags
        .send_keys(&format!("Peer support{}", char::from(Key::Enter)))
        .await
        .unwrap();
    app.wait_for_text("review-quote", "Peer support").await;
    app.click("review-back").await;
    app.click("tab-themes").await;
    app.wait_for_text("theme-list", "Raised by").await;
    app.click("side-both").await;
    app.wait_for_text("sweet-spots", "Members answer faster than we do.")
        .await;
    // A second theme whose name differs only in case is refused with a sentence.
    app.type_into("new-theme-name", "PEER SUPPORT").await;
    app.click("new-theme").await;
    app.wait_for_text("error-theme-name", "“Peer support” already exists")
        .await;
    app.screenshot("stakeholders-themes").await;

    // Search: as you type, with the match highlighted; hostile syntax is plain text.
    app.click("tab-search").await;
    app.type_into("search-input", "integrat").await;
    app.wait_for_text("search-results", "Seven hours for an integration ticket")
        .await;
    let mark = app
        .wait_for("[data-testid=search-hit] mark")
        .await
        .prop("textContent")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(mark.to_lowercase(), "integration");
    app.screenshot("stakeholders-search").await;
    app.type_into("search-input", "NEAR(\"forum\" -").await;
    app.wait_for_text("search-results", "No answers, notes or quotes mention")
        .await;
    app.type_into("search-input", "***").await;
    app.wait_for_text("search-message", "has no letters or numbers")
        .await;

    // Everything typed in the capture screen survived: leave and come back.
    tokio::time::sleep(Duration::from_millis(200)).await;
    app.click("nav-overview").await;
    app.click("nav-stakeholders").await;
    app.click("tab-interviews").await;
    app.wait_for_text("interview-list", "3 of 7 answered").await;
    app.wait_for_text("interview-list", "1 quote").await;
    app.quit().await;
}
