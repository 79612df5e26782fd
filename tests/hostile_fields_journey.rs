//! Hostile input in the fields of every step: script and markup payloads, a template
//! expression, a right-to-left override, emoji joined with zero-width joiners and texts of
//! more than 10,000 characters go into an interview's answer and notes, an objective, a goal,
//! a KPI's name and unit, a crisis scenario and its holding statement, a roadmap initiative and
//! a workshop card. Nothing executes (a flag the payloads would set stays unset), every text
//! shows verbatim in its screen, and the full PDF the app exports carries it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use groundwork_e2e::{app_binary, App};
use serde_json::json;

const IMG: &str = "<img src=x onerror=window.__pwned=1>";
const SCRIPT: &str = "<script>window.__pwned=1</script>";
const TEMPLATE: &str = "{{7*7}} ${7*7}";
/// A right-to-left override that makes "exe.pdf" read "fdp.exe".
const RTL: &str = "\u{202E}fdp.exe";
/// A family and a rainbow flag, each one glyph made of several joined code points.
const EMOJI: &str = "👩\u{200D}👩\u{200D}👧 🏳\u{FE0F}\u{200D}🌈";

fn long(payload: &str) -> String {
    let text = format!(
        "{payload} {}",
        "Members told us the forum is where they learn. ".repeat(220)
    );
    assert!(text.chars().count() > 10_000);
    text
}

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
/// (Typed keys cannot carry emoji, joiners or direction marks.)
async fn paste(app: &App, id: &str, text: &str) {
    app.testid(id).await;
    app.client
        .execute(
            "const el = document.querySelector(`[data-testid=${arguments[0]}]`);
             el.focus(); el.value = arguments[1];
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(id), json!(text)],
        )
        .await
        .unwrap();
}

async fn press_enter(app: &App, id: &str) {
    app.testid(id)
        .await
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .unwrap();
}

/// Leaves a field, as a person does, so a save on blur happens.
async fn blur(app: &App, id: &str) {
    app.client
        .execute(
            "document.querySelector(`[data-testid=${arguments[0]}]`).blur();",
            vec![json!(id)],
        )
        .await
        .unwrap();
}

async fn wait_for_value(app: &App, id: &str, expected: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while app.value(id).await != expected {
        assert!(
            Instant::now() < deadline,
            "{id} does not hold the text as typed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn payloads_in_every_step_stay_text_in_the_app_and_the_pdf() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let objective = format!("{IMG} Lower support cost");
    let goal = format!("{TEMPLATE} Members answer {EMOJI}");
    let kpi = format!("{SCRIPT} Answered by members {RTL}");
    let unit = "<b>%</b>";
    let scenario = format!("{IMG} Forum outage {RTL}");
    let scenario_description = long(SCRIPT);
    let statement = format!("{SCRIPT} {TEMPLATE} We know. {}", long(IMG));
    let initiative = format!("{SCRIPT} Mentor circle {EMOJI}");
    let initiative_description = long(TEMPLATE);
    let card = format!("{IMG} {TEMPLATE} {RTL} {EMOJI}");
    let answer = format!("{IMG} Password resets {RTL}");
    let notes = long(&format!("{SCRIPT} {EMOJI}"));

    let app = App::launch(&binary, data.path()).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Hostile fields").await;
    app.click("create-workbook").await;
    app.testid("workbook-title").await;

    // Step 3: an objective, a goal and a KPI with a unit.
    app.click("nav-goals").await;
    app.click("objective-add").await;
    paste(&app, "objective-title", &objective).await;
    app.click("objective-save").await;
    app.wait_for_text("goal-tree", &objective).await;
    app.click("goal-add").await;
    paste(&app, "goal-title", &goal).await;
    app.click("goal-save").await;
    app.wait_for_text("goal-tree", &goal).await;
    app.click("kpi-add").await;
    paste(&app, "kpi-name", &kpi).await;
    paste(&app, "kpi-unit", unit).await;
    app.type_into("kpi-baseline-value", "10").await;
    app.type_into("kpi-baseline-date", "2026-01-01").await;
    app.type_into("kpi-target-value", "60").await;
    app.type_into("kpi-target-date", "2027-01-01").await;
    app.click("kpi-save").await;
    app.wait_for_text("kpi-item", &kpi).await;
    app.click("kpi-open").await;
    app.wait_for_text("kpi-detail-name", &kpi).await;
    app.wait_for_text("kpi-detail", &format!("10 {unit}")).await;
    assert_eq!(pwned(&app).await, serde_json::Value::Null, "no payload ran");
    app.screenshot("hostile-fields-goals").await;

    // Step 4: a scenario with a long description, and a holding statement.
    app.click("nav-crisis").await;
    paste(&app, "scenario-new", &scenario).await;
    press_enter(&app, "scenario-new").await;
    app.wait_for_text("scenario-list", &scenario).await;
    paste(&app, "scenario-description", &scenario_description).await;
    blur(&app, "scenario-description").await;
    app.wait_for_text("save-status", "Saved").await;
    app.click("statement-add").await;
    paste(&app, "statement-body-1", &statement).await;
    blur(&app, "statement-body-1").await;
    app.wait_for_text("statement-problems-1", "{{7*7}}").await;
    app.wait_for_text("save-status", "Saved").await;
    assert_eq!(pwned(&app).await, serde_json::Value::Null, "no payload ran");
    app.screenshot("hostile-fields-crisis").await;

    // Step 5: an initiative with a long description.
    app.click("nav-roadmap").await;
    paste(&app, "new-initiative", &initiative).await;
    press_enter(&app, "new-initiative").await;
    wait_for_value(&app, "initiative-title", &initiative).await;
    paste(&app, "initiative-description", &initiative_description).await;
    blur(&app, "initiative-description").await;
    app.wait_for_text("save-status", "Saved").await;
    app.click("roadmap-tab-table").await;
    app.wait_for_text("roadmap-table", &initiative).await;
    assert_eq!(pwned(&app).await, serde_json::Value::Null, "no payload ran");
    app.screenshot("hostile-fields-roadmap").await;

    // The workshop board: a card.
    app.click("nav-workshop").await;
    paste(&app, "capture-input", &card).await;
    press_enter(&app, "capture-input").await;
    app.wait_for_text("note", &card).await;
    assert_eq!(pwned(&app).await, serde_json::Value::Null, "no payload ran");
    app.screenshot("hostile-fields-workshop").await;

    // Step 2: an interview's first answer and its notes.
    app.click("nav-stakeholders").await;
    app.click("add-stakeholder").await;
    app.type_into("sh-name", "Inès Ruiz").await;
    app.click("sh-save").await;
    app.wait_for_text("stakeholder-list", "Inès Ruiz").await;
    app.click("tab-guides").await;
    app.click("copy-starter-support").await;
    app.testid("guide-questions").await;
    app.click("tab-interviews").await;
    app.click("new-interview").await;
    app.testid("iv-stakeholder")
        .await
        .select_by_label("Inès Ruiz")
        .await
        .unwrap();
    app.click("start-interview").await;
    app.wait_for_text("capture-progress", "Question 1 of").await;
    paste(&app, "capture-answer", &answer).await;
    paste(&app, "capture-notes", &notes).await;
    app.wait_for_text("save-status", "Saved").await;
    app.click("capture-done").await;
    app.click("review-interview").await;
    app.wait_for_text("interview-review", &answer).await;
    let notes_start: String = notes.chars().take(200).collect();
    app.wait_for_text("interview-review", &notes_start).await;
    assert_eq!(pwned(&app).await, serde_json::Value::Null, "no payload ran");
    app.screenshot("hostile-fields-interview").await;
    app.quit().await;

    // After a relaunch every field reads back exactly as it went in.
    let app = App::launch(&binary, data.path()).await;
    app.click("open-workbook").await;
    app.testid("workbook-title").await;
    app.click("nav-goals").await;
    for text in [&objective, &goal] {
        app.wait_for_text("goal-tree", text).await;
    }
    app.wait_for_text("kpi-item", &kpi).await;
    app.click("nav-crisis").await;
    app.wait_for_text("scenario-list", &scenario).await;
    app.click("scenario-item").await;
    wait_for_value(&app, "scenario-title", &scenario).await;
    wait_for_value(&app, "scenario-description", &scenario_description).await;
    wait_for_value(&app, "statement-body-1", &statement).await;
    app.click("nav-roadmap").await;
    app.click("roadmap-tab-table").await;
    app.wait_for_text("roadmap-table", &initiative).await;
    app.wait_for("[data-testid=table-row] button.open")
        .await
        .click()
        .await
        .unwrap();
    wait_for_value(&app, "initiative-description", &initiative_description).await;
    app.click("nav-workshop").await;
    app.wait_for_text("note", &card).await;
    app.click("nav-stakeholders").await;
    app.click("tab-interviews").await;
    app.click("review-interview").await;
    app.wait_for_text("interview-review", &answer).await;
    app.click("review-capture").await;
    wait_for_value(&app, "capture-notes", &notes).await;
    assert_eq!(pwned(&app).await, serde_json::Value::Null, "no payload ran");

    // The full document, exported by the app (to its data folder: WebDriver cannot reach the
    // Save dialog), carries the markup as text.
    let pdf = data.path().join("full.pdf");
    let exported = app.export_full(&pdf, false).await;
    assert!(exported.get("ok").is_some(), "{exported}");
    app.quit().await;
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(text.status.success());
    // Compared without whitespace: table cells and paragraphs wrap a text anywhere.
    let flat: String = String::from_utf8(text.stdout)
        .unwrap()
        .split_whitespace()
        .collect();
    let latin = |text: &str| -> String {
        // The document fonts have no colour emoji and pdftotext reorders right-to-left runs:
        // the part before them is compared.
        let cut = text.find(['\u{202E}', '👩']).unwrap_or(text.len());
        text[..cut].split_whitespace().collect()
    };
    for (what, text) in [
        ("objective", &objective),
        ("goal", &goal),
        ("KPI", &kpi),
        ("scenario", &scenario),
        ("initiative", &initiative),
        ("answer", &answer),
        ("notes", &notes),
    ] {
        let expected = latin(text);
        let expected: String = expected.chars().take(300).collect();
        assert!(
            flat.contains(&expected),
            "the PDF lacks the {what}: {expected:?}"
        );
    }
}
