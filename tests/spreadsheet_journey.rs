//! Spreadsheets out of the real window: "Export spreadsheet (XLSX)…" on the Documents screen
//! saves every table through the native Save dialog, read back with calamine; "Export CSV…"
//! beside the roadmap's initiatives, the KPI scorecard, the stakeholder register and the
//! audit's channels saves that table. The buttons fit a 1024×640 window.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use calamine::{open_workbook, Data, Reader, Xlsx};
use groundwork_e2e::dialogs::{accept_save_dialog, xdotool_present};
use groundwork_e2e::{app_binary, App};

/// Fails listing text cut off or controls out of reach on the screen on show.
async fn fits(app: &App, screen: &str) {
    app.settle().await;
    let problems = app.layout_problems(screen, "1024x640").await;
    assert!(
        problems.is_empty(),
        "{screen} at 1024×640: {:#?}",
        problems
            .iter()
            .map(|p| format!("{} {} {}", p.kind, p.element, p.detail))
            .collect::<Vec<_>>()
    );
}

/// Clicks an "Export CSV…" button, takes the name the dialog suggests, and answers the CSV.
async fn export_csv(app: &App, dir: &Path, sheet: &str, file: &str) -> String {
    app.click(&format!("export-csv-{sheet}")).await;
    accept_save_dialog().await;
    app.wait_for_text("export-csv-saved", &format!("Saved {file}"))
        .await;
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    assert!(text.starts_with('\u{FEFF}'), "{file} starts with a BOM");
    text
}

#[tokio::test]
async fn the_workbook_saves_as_a_spreadsheet_and_each_table_as_csv() {
    let Some(binary) = app_binary() else { return };
    if !xdotool_present() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let app = App::launch_in(&binary, data.path(), files.path()).await;
    app.click("open-example").await;
    app.click("tour-close").await;

    app.click("nav-documents").await;
    app.client.set_window_size(1024, 640).await.unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    fits(&app, "documents").await;
    app.screenshot("spreadsheet-documents-1024x640").await;
    app.client.set_window_size(1280, 800).await.unwrap();

    app.click("export-spreadsheet").await;
    accept_save_dialog().await;
    app.wait_for_text(
        "spreadsheet-result",
        "Saved Riders' Circle strategy.xlsx: 19 sheets",
    )
    .await;
    app.screenshot("spreadsheet-exported").await;

    let path = files.path().join("Riders' Circle strategy.xlsx");
    let mut xlsx: Xlsx<_> = open_workbook(&path).unwrap();
    let names = xlsx.sheet_names();
    assert_eq!(names.len(), 19, "{names:?}");
    assert_eq!(names[0], "Channels");
    let kpis = xlsx.worksheet_range("KPIs").unwrap();
    assert_eq!(kpis.get((0, 1)), Some(&Data::String("KPI".into())));
    assert_eq!(
        kpis.get((1, 1)),
        Some(&Data::String("Median first response on the forum".into()))
    );
    assert!(
        matches!(kpis.get((1, 8)), Some(Data::DateTime(d)) if d.is_datetime()),
        "the target date is an Excel date: {:?}",
        kpis.get((1, 8))
    );
    assert!(
        matches!(kpis.get((1, 7)), Some(Data::Float(_))),
        "the target is a number: {:?}",
        kpis.get((1, 7))
    );
    for name in &names {
        let formulas = xlsx.worksheet_formula(name).unwrap();
        assert!(
            formulas.cells().all(|(_, _, f)| f.is_empty()),
            "{name}: no formula"
        );
    }

    // The table in view, as CSV, from each screen that shows one.
    app.client.set_window_size(1024, 640).await.unwrap();
    app.click("nav-roadmap").await;
    app.click("roadmap-tab-table").await;
    fits(&app, "roadmap table").await;
    app.screenshot("spreadsheet-roadmap-table-1024x640").await;
    let csv = export_csv(&app, files.path(), "initiatives", "Initiatives.csv").await;
    assert!(
        csv.contains("Initiative,Phase,Status,Schedule,Start,End,"),
        "{csv}"
    );
    fits(&app, "roadmap table, saved").await;
    app.screenshot("spreadsheet-roadmap-csv-saved-1024x640")
        .await;

    app.click("nav-goals").await;
    app.click("goals-tab-scorecard").await;
    fits(&app, "scorecard").await;
    let csv = export_csv(&app, files.path(), "kpis", "KPIs.csv").await;
    assert!(csv.contains("Median first response on the forum"), "{csv}");
    app.screenshot("spreadsheet-scorecard-1024x640").await;

    app.click("nav-stakeholders").await;
    app.click("tab-register").await;
    fits(&app, "register").await;
    let csv = export_csv(&app, files.path(), "stakeholders", "Stakeholders.csv").await;
    assert!(csv.contains("Name,Role,Department,"), "{csv}");
    app.screenshot("spreadsheet-register-1024x640").await;

    app.click("nav-audit").await;
    app.click("audit-tab-channels").await;
    fits(&app, "channels").await;
    let csv = export_csv(&app, files.path(), "channels", "Channels.csv").await;
    assert!(csv.contains("Channel,Kind,Ownership,"), "{csv}");
    app.screenshot("spreadsheet-channels-1024x640").await;
    app.click("audit-tab-snapshots").await;
    fits(&app, "snapshots").await;
    export_csv(&app, files.path(), "channelMetrics", "Channel metrics.csv").await;
    app.screenshot("spreadsheet-snapshots-1024x640").await;

    app.quit().await;
}
