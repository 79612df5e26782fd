//! Nothing typed is ever lost on close. For each editor of every step: type, then at once
//! close the window as a window manager does (`WM_DELETE_WINDOW`), press Ctrl+W or Ctrl+Q, or
//! go back to All workbooks (clicked, or Alt+Home); every character is then in the workbook
//! file and in the field when the workbook is opened again. A save the back end refuses keeps
//! the window open and asks first.
//!
//! `GROUNDWORK_E2E_REPEAT=N` runs every close N times (default 1), with new text each time.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use groundwork_e2e::stored::stored;
use groundwork_e2e::{app_binary, App, Window};
use serde_json::json;

/// Typed after each editor's name and round: accents, a dash, CJK and a check mark, all in the
/// Basic Multilingual Plane (WebKitWebDriver drops characters beyond it from `send_keys`).
const SAMPLE: &str = "Zoë – 東京 ✓ «ça»";

/// WebDriver's codes for the Alt and Home keys.
const ALT: char = '\u{E00A}';
const HOME: char = '\u{E011}';

/// An editor: how to reach it from a freshly opened workbook, its field, and the query that
/// reads the field's stored text from the workbook file.
struct Editor {
    what: &'static str,
    /// Test ids clicked in turn (the first element of each).
    path: &'static [&'static str],
    field: &'static str,
    stored: &'static str,
}

const PROFILE_AUDIT_GOALS: &[Editor] = &[
    Editor {
        what: "workbook name",
        path: &["nav-overview"],
        field: "profile-name",
        stored: "SELECT name FROM profile",
    },
    Editor {
        what: "purpose",
        path: &["nav-overview"],
        field: "profile-purpose",
        stored: "SELECT purpose FROM profile",
    },
    Editor {
        what: "audit situation",
        path: &["nav-audit", "audit-tab-situation"],
        field: "situation-resources",
        stored: "SELECT resources FROM situation",
    },
    Editor {
        what: "goals narrative",
        path: &["nav-goals", "goals-tab-purpose"],
        field: "narrative-story",
        stored: "SELECT story FROM narrative",
    },
    Editor {
        what: "goals purpose",
        path: &["nav-goals", "goals-tab-purpose"],
        field: "goals-purpose",
        stored: "SELECT purpose FROM profile",
    },
];

const CRISIS: &[Editor] = &[
    Editor {
        what: "scenario title",
        path: &["nav-crisis", "crisis-tab-scenarios"],
        field: "scenario-title",
        stored: "SELECT title FROM scenarios",
    },
    Editor {
        what: "scenario description",
        path: &["nav-crisis", "crisis-tab-scenarios"],
        field: "scenario-description",
        stored: "SELECT description FROM scenarios",
    },
    Editor {
        what: "holding statement",
        path: &["nav-crisis", "crisis-tab-scenarios"],
        field: "statement-body-1",
        stored: "SELECT body FROM holding_statements",
    },
    Editor {
        what: "crisis team contact",
        path: &["nav-crisis", "crisis-tab-team"],
        field: "contact-name-1",
        stored: "SELECT name FROM crisis_contacts",
    },
    Editor {
        what: "severity level",
        path: &["nav-crisis", "crisis-tab-levels"],
        field: "level-definition-1",
        stored: "SELECT definition FROM severity_levels ORDER BY position LIMIT 1",
    },
    Editor {
        what: "guidelines",
        path: &["nav-crisis", "crisis-tab-guidelines"],
        field: "guidelines-tone",
        stored: "SELECT tone FROM crisis_guidelines",
    },
];

const ROADMAP: &[Editor] = &[
    Editor {
        what: "initiative title",
        path: &["nav-roadmap", "roadmap-tab-timeline", "timeline-row"],
        field: "initiative-title",
        stored: "SELECT title FROM initiative",
    },
    Editor {
        what: "initiative description",
        path: &["nav-roadmap", "roadmap-tab-timeline", "timeline-row"],
        field: "initiative-description",
        stored: "SELECT description FROM initiative",
    },
    Editor {
        what: "phase",
        path: &["nav-roadmap", "roadmap-tab-phases"],
        field: "phase-name",
        stored: "SELECT name FROM phase",
    },
];

const CAPTURE: &[Editor] = &[
    Editor {
        what: "interview answer",
        // The capture opens at the first unanswered question: jump back to the first.
        path: &[
            "nav-stakeholders",
            "tab-interviews",
            "capture-interview",
            "capture-jump",
        ],
        field: "capture-answer",
        stored: "SELECT answer FROM answers ORDER BY position LIMIT 1",
    },
    Editor {
        what: "interview notes",
        path: &["nav-stakeholders", "tab-interviews", "capture-interview"],
        field: "capture-notes",
        stored: "SELECT notes FROM interviews",
    },
];

#[derive(Clone, Copy)]
enum Close {
    /// The window manager's close button: `WM_DELETE_WINDOW`.
    WindowManager,
    /// The "All workbooks" button at the top of the sidebar, clicked.
    AllWorkbooks,
    /// Its keyboard shortcut, Alt+Home: the field keeps the focus, so no blur saves it.
    AltHome,
}

impl Close {
    fn describe(self) -> &'static str {
        match self {
            Close::WindowManager => "closing the window (WM_DELETE_WINDOW)",
            Close::AllWorkbooks => "clicking All workbooks",
            Close::AltHome => "pressing Alt+Home (All workbooks)",
        }
    }
}

#[tokio::test]
async fn closing_the_window_keeps_profile_audit_and_goals_text() {
    journey(PROFILE_AUDIT_GOALS, Close::WindowManager).await;
}

#[tokio::test]
async fn closing_the_window_keeps_crisis_plan_text() {
    journey(CRISIS, Close::WindowManager).await;
}

#[tokio::test]
async fn closing_the_window_keeps_roadmap_text() {
    journey(ROADMAP, Close::WindowManager).await;
}

#[tokio::test]
async fn closing_the_window_keeps_interview_capture_text() {
    journey(CAPTURE, Close::WindowManager).await;
}

#[tokio::test]
async fn all_workbooks_keeps_profile_audit_and_goals_text() {
    journey(PROFILE_AUDIT_GOALS, Close::AllWorkbooks).await;
}

#[tokio::test]
async fn all_workbooks_keeps_crisis_plan_text() {
    journey(CRISIS, Close::AllWorkbooks).await;
}

#[tokio::test]
async fn all_workbooks_keeps_roadmap_text() {
    journey(ROADMAP, Close::AllWorkbooks).await;
}

#[tokio::test]
async fn all_workbooks_keeps_interview_capture_text() {
    journey(CAPTURE, Close::AllWorkbooks).await;
}

#[tokio::test]
async fn alt_home_keeps_profile_audit_and_goals_text() {
    journey(PROFILE_AUDIT_GOALS, Close::AltHome).await;
}

#[tokio::test]
async fn alt_home_keeps_crisis_plan_text() {
    journey(CRISIS, Close::AltHome).await;
}

#[tokio::test]
async fn alt_home_keeps_roadmap_text() {
    journey(ROADMAP, Close::AltHome).await;
}

#[tokio::test]
async fn alt_home_keeps_interview_capture_text() {
    journey(CAPTURE, Close::AltHome).await;
}

/// Ctrl+W and Ctrl+Q, pressed right after typing, save and close like the close button.
#[tokio::test]
async fn ctrl_w_and_ctrl_q_close_the_window_with_the_text_saved() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let mut app = start(&binary, data.path()).await;
    let mut lost = Vec::new();
    for round in 1..=repeat() {
        for (key, editor) in [('w', &CRISIS[1]), ('q', &ROADMAP[1])] {
            let how = format!("pressing Ctrl+{}", key.to_ascii_uppercase());
            let typed = format!("{} {round}: {SAMPLE}", editor.what);
            reach(&app, editor).await;
            let window = app.window().await;
            app.type_into(editor.field, &typed).await;
            app.press_ctrl(key).await;
            if !window.wait_for_exit(Duration::from_secs(5)).await {
                lost.push(format!(
                    "{how} right after typing into the {} did not close the window",
                    editor.what
                ));
                // What was typed may still be saved by its pause; the file is read after
                // the window closes.
                tokio::time::sleep(Duration::from_secs(1)).await;
                app.close_window().await;
            } else {
                app.end_after_exit().await;
            }
            lost.extend(check_file(data.path(), editor, &typed, &how));
            app = App::launch(&binary, data.path()).await;
            open_workbook(&app).await;
            lost.extend(check_field(&app, editor, &typed, &how).await);
            reopen(&app).await;
        }
    }
    app.quit().await;
    assert!(lost.is_empty(), "{}", lost.join("\n"));
}

/// A save the back end refuses keeps the window open: it asks, shows what was typed, stays
/// on "Stay", and closes on "Close anyway".
#[tokio::test]
async fn a_refused_edit_keeps_the_window_open_until_the_user_chooses() {
    let Some(binary) = app_binary() else { return };
    for round in 1..=repeat() {
        let data = tempfile::tempdir().unwrap();
        let app = start(&binary, data.path()).await;
        // A response time must be a duration ("30 min"): this one is refused.
        let refused = format!("bientôt {round} – 東京 ✓");
        app.click("nav-crisis").await;
        app.click("crisis-tab-levels").await;
        let minutes = "SELECT response_minutes FROM severity_levels ORDER BY position LIMIT 1";
        let before = stored(data.path(), minutes);
        let window = app.window().await;
        app.type_into("level-time-1", &refused).await;
        window.request_close();

        ask_before_closing(&app, &window).await.unwrap_or_else(|e| {
            panic!("the first close {e}; the response time {refused:?} was refused")
        });
        assert_eq!(
            app.value("level-time-1").await,
            refused,
            "the refused text is still in the field while the window asks"
        );
        app.click("confirm-cancel").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(window.is_running(), "\"Stay\" closed the window");
        assert_eq!(
            app.value("level-time-1").await,
            refused,
            "after \"Stay\" the refused text is still in the field"
        );

        window.request_close();
        ask_before_closing(&app, &window)
            .await
            .unwrap_or_else(|e| panic!("the second close {e}"));
        // The window goes away while WebDriver still answers the click: its error means nothing.
        if let Ok(close) = app
            .client
            .find(Locator::Css("[data-testid=confirm-ok]"))
            .await
        {
            let _ = close.click().await;
        }
        assert!(
            window.wait_for_exit(Duration::from_secs(10)).await,
            "\"Close anyway\" did not close the window"
        );
        app.end_after_exit().await;
        assert_eq!(
            stored(data.path(), minutes),
            before,
            "the level keeps its stored response time"
        );
        eprintln!("refused edit, round {round}: asked, stayed, then closed anyway");
    }
}

/// Waits for the in-app confirm dialog after a close request; says what happened instead.
async fn ask_before_closing(app: &App, window: &Window) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if !window.is_running() {
            return Err("closed the window without asking".to_owned());
        }
        let dialog = Locator::Css("[data-testid=confirm-dialog]");
        if app.client.find(dialog).await.is_ok() {
            return Ok(());
        }
        if Instant::now() > deadline {
            app.screenshot("close-refused-no-dialog").await;
            return Err("left the window open but showed no confirm dialog".to_owned());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// For each editor in turn: type, close at once, then find every character in the file and
/// in the field. Failures are gathered so that one run reports every editor that loses text.
async fn journey(editors: &[Editor], close: Close) {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let mut app = start(&binary, data.path()).await;
    let mut lost = Vec::new();
    let mut closes = 0;
    for round in 1..=repeat() {
        for editor in editors {
            let how = close.describe();
            let typed = format!("{} {round}: {SAMPLE}", editor.what);
            reach(&app, editor).await;
            match close {
                Close::WindowManager => {
                    let window = app.window().await;
                    app.type_into(editor.field, &typed).await;
                    window.request_close();
                    assert!(
                        window.wait_for_exit(Duration::from_secs(15)).await,
                        "{how} after typing into the {} left the window open",
                        editor.what
                    );
                    app.end_after_exit().await;
                    lost.extend(check_file(data.path(), editor, &typed, how));
                    app = App::launch(&binary, data.path()).await;
                    open_workbook(&app).await;
                }
                Close::AllWorkbooks | Close::AltHome => {
                    app.type_into(editor.field, &typed).await;
                    match close {
                        Close::AltHome => app.press_chord(&[ALT, HOME]).await,
                        _ => app.click("back-home").await,
                    }
                    app.testid("workbook-list").await;
                    lost.extend(check_file(data.path(), editor, &typed, how));
                    open_workbook(&app).await;
                }
            }
            lost.extend(check_field(&app, editor, &typed, how).await);
            reopen(&app).await;
            closes += 1;
        }
    }
    app.quit().await;
    eprintln!(
        "{closes} closes by {} in {:.1} s",
        close.describe(),
        started.elapsed().as_secs_f64()
    );
    assert!(lost.is_empty(), "{}", lost.join("\n"));
}

/// `GROUNDWORK_E2E_REPEAT`, or 1.
fn repeat() -> usize {
    std::env::var("GROUNDWORK_E2E_REPEAT")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

/// Launches the app, creates a workbook and one record behind every editor.
async fn start(binary: &Path, data: &Path) -> App {
    let app = App::launch(binary, data).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Close drill").await;
    app.type_into("new-workbook-organisation", "Northwind")
        .await;
    app.click("create-workbook").await;
    app.testid("sidebar").await;

    let created = ok(
        &app,
        "save_scenario",
        json!({ "id": null, "edit": { "title": "Forum outage", "description": "", "likelihood": 3,
            "impact": 3, "severityId": null, "owner": "", "signals": "", "channels": "",
            "findingIds": [] } }),
    )
    .await;
    let scenario = created["id"].clone();
    ok(
        &app,
        "save_statement",
        json!({ "scenarioId": scenario, "id": null, "edit": { "title": "Holding statement", "body": "" } }),
    )
    .await;
    ok(
        &app,
        "save_contact",
        json!({ "id": null, "edit": { "name": "Ana Souza", "role": "", "phone": "", "email": "",
            "backupId": null } }),
    )
    .await;
    ok(
        &app,
        "save_phase",
        json!({ "id": null, "edit": { "name": "Launch", "start": "2026-04-01",
            "end": "2026-09-30", "objective": "" } }),
    )
    .await;
    ok(
        &app,
        "save_initiative",
        json!({ "id": null, "edit": { "title": "Forum relaunch", "description": "",
            "phaseId": null, "goalIds": [], "kpiIds": [], "channelIds": [],
            "owner": { "stakeholderId": null, "name": "" }, "team": "", "budget": "",
            "currency": "", "schedule": "next", "start": "", "end": "", "status": "planned",
            "milestone": false, "dependsOn": [] } }),
    )
    .await;
    let stakeholder = ok(
        &app,
        "save_stakeholder",
        json!({ "id": null, "edit": { "name": "Inès Ruiz", "role": "", "department": "support",
            "influence": 4, "interest": 4, "attitude": "neutral", "wants": "",
            "contact": "", "interviewStatus": "scheduled" } }),
    )
    .await;
    let guide = ok(&app, "copy_starter_guide", json!({ "key": "support" })).await;
    ok(
        &app,
        "save_interview",
        json!({ "id": null, "edit": { "stakeholderId": stakeholder["id"], "date": "2026-03-02",
            "interviewer": "", "mode": "video", "guideId": guide["id"] } }),
    )
    .await;
    app
}

/// Calls a command that must succeed and returns its answer.
async fn ok(app: &App, command: &str, args: serde_json::Value) -> serde_json::Value {
    let answer = app.invoke(command, args).await;
    match answer.get("ok") {
        Some(value) => value.clone(),
        None => panic!("{command} was refused: {answer}"),
    }
}

/// Opens the only workbook from the home screen.
async fn open_workbook(app: &App) {
    app.click("open-workbook").await;
    app.testid("sidebar").await;
}

/// Back to the home screen and into the workbook again: every screen starts afresh.
async fn reopen(app: &App) {
    app.click("back-home").await;
    app.testid("workbook-list").await;
    open_workbook(app).await;
}

async fn reach(app: &App, editor: &Editor) {
    for id in editor.path {
        app.click(id).await;
    }
    app.testid(editor.field).await;
}

/// The field's text once the workbook is open again (given a moment to load).
async fn check_field(app: &App, editor: &Editor, typed: &str, how: &str) -> Option<String> {
    reach(app, editor).await;
    let deadline = Instant::now() + Duration::from_secs(3);
    let mut shown = app.value(editor.field).await;
    while shown != typed && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        shown = app.value(editor.field).await;
    }
    if shown == typed {
        eprintln!("kept in the window: {} after {how}", editor.what);
        None
    } else {
        app.screenshot(&format!("close-lost-{}", editor.field))
            .await;
        Some(format!(
            "{how} right after typing into the {} lost text: reopened, the field shows {shown:?} instead of {typed:?}",
            editor.what
        ))
    }
}

/// The field's text in the workbook file, read directly once the app has let go of it.
fn check_file(data: &Path, editor: &Editor, typed: &str, how: &str) -> Option<String> {
    let stored = stored(data, editor.stored);
    if stored == typed {
        eprintln!("kept in the file: {} after {how}", editor.what);
        None
    } else {
        Some(format!(
            "{how} right after typing into the {} lost text: the workbook file holds {stored:?} instead of {typed:?}",
            editor.what
        ))
    }
}
