//! Figures from an analytics export, imported in the real window: the file chosen through
//! the native Open dialog, its columns mapped (one changed by hand), the preview read with the
//! refused row and its line, the import written to the workbook file, and undone whole. A
//! binary file named .csv is refused with a sentence and nothing is written.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use groundwork_e2e::dialogs::{open_in_dialog, xdotool_present};
use groundwork_e2e::stored::stored;
use groundwork_e2e::{app_binary, App};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

#[tokio::test]
async fn an_export_is_mapped_previewed_imported_and_undone() {
    let Some(binary) = app_binary() else { return };
    if !xdotool_present() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();

    let app = App::launch_in(&binary, data.path(), files.path()).await;
    app.click("open-example").await;
    app.click("tour-close").await;
    let channel = stored(
        data.path(),
        "SELECT name FROM channel ORDER BY created_at LIMIT 1",
    );
    let before = stored(data.path(), "SELECT count(*) || '' FROM snapshot");
    // As a community platform writes it: UTF-8 with a byte order mark, quoted thousands, a
    // channel the audit doesn't have, and a column of a figure the strategist names.
    let csv = format!(
        "\u{feff}Date,Channel,Members,Active members,Satisfaction\r\n\
         \"Jan 5, 2026\",{channel},\"1,500\",420,4.2\r\n\
         \"Jan 5, 2026\",Mastodon,10,,\r\n"
    );
    std::fs::write(files.path().join("community analytics.csv"), csv).unwrap();
    std::fs::write(
        files.path().join("export.csv"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 1, 2, 3],
    )
    .unwrap();

    app.click("nav-audit").await;
    app.click("audit-tab-snapshots").await;

    // A binary file that only claims to be CSV: a sentence, no dialog, nothing written.
    app.click("figures-open").await;
    open_in_dialog("export.csv").await;
    app.wait_for_text("figures-file-error", "binary data").await;

    app.click("figures-open").await;
    open_in_dialog("community analytics.csv").await;
    app.testid("figures-dialog").await;
    assert!(app
        .text("figures-format")
        .await
        .contains("UTF-8 text, separated by commas"));
    app.wait_for_text("figures-summary", "1 row to add").await;
    let problems = app.text("figures-problems").await;
    assert!(
        problems.contains("Line 3") && problems.contains("“Mastodon” is not a channel"),
        "{problems}"
    );

    // "Satisfaction" is not a standard figure: named by hand.
    app.testid("figures-role-4")
        .await
        .select_by_label("A figure you name…")
        .await
        .unwrap();
    app.wait_for_text("figures-rows", "Satisfaction: 4.2").await;
    for (width, height) in [(1920, 1080), (1280, 800), (1024, 640)] {
        app.client.set_window_size(width, height).await.unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        app.screenshot(&format!("figures-{width}x{height}")).await;
    }
    assert_eq!(
        stored(data.path(), "SELECT count(*) || '' FROM snapshot"),
        before,
        "a preview writes nothing"
    );

    app.click("figures-import").await;
    app.wait_for_text("figures-notice", "1 row added").await;
    assert_eq!(
        stored(
            data.path(),
            "SELECT members || ' ' || active_members || ' ' || (SELECT value FROM snapshot_figure f WHERE f.snapshot_id = s.id AND f.name = 'Satisfaction')
             FROM snapshot s WHERE taken_on = '2026-01-05'"
        ),
        "1500.0 420.0 4.2"
    );
    app.wait_for_text("snapshot-table", "Satisfaction: 4.2")
        .await;

    app.click("figures-undo").await;
    app.wait_for_text("figures-notice", "was undone").await;
    assert_eq!(
        stored(data.path(), "SELECT count(*) || '' FROM snapshot"),
        before
    );
    assert_eq!(
        stored(data.path(), "SELECT count(*) || '' FROM figure_mapping"),
        "1",
        "the mapping is remembered for the next export with these columns"
    );
    app.quit().await;
}

/// A KPI tracker as a spreadsheet program saves it: a sheet of notes first, then the weekly
/// figures with real dates and a value worked out by a formula.
fn weekly_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes
        .write_string(0, 0, "Exported for the quarterly review")
        .unwrap();
    let weekly = book.add_worksheet();
    weekly.set_name("Weekly").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    weekly.write_string(0, 0, "Week").unwrap();
    weekly.write_string(0, 1, "Result").unwrap();
    for (row, (day, value)) in [(5u8, 41.0), (12, 43.5)].into_iter().enumerate() {
        let row = u32::try_from(row).unwrap() + 1;
        weekly
            .write_datetime_with_format(
                row,
                0,
                ExcelDateTime::from_ymd(2026, 1, day).unwrap(),
                &date,
            )
            .unwrap();
        weekly
            .write_formula(
                row,
                1,
                Formula::new(format!("={value}*1")).set_result(value.to_string()),
            )
            .unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[tokio::test]
async fn a_spreadsheet_of_weekly_values_becomes_a_kpis_measurements() {
    let Some(binary) = app_binary() else { return };
    if !xdotool_present() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    std::fs::write(files.path().join("weekly.xlsx"), weekly_xlsx()).unwrap();

    let app = App::launch_in(&binary, data.path(), files.path()).await;
    app.click("open-example").await;
    app.click("tour-close").await;
    let before = stored(data.path(), "SELECT count(*) || '' FROM measurement");
    app.click("nav-goals").await;
    app.click("kpi-open").await;
    app.testid("kpi-detail").await;
    let import = serde_json::to_value(app.testid("figures-open").await).unwrap();
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![import],
        )
        .await
        .unwrap();
    app.screenshot("figures-kpi-detail").await;

    app.click("figures-open").await;
    open_in_dialog("weekly.xlsx").await;
    app.testid("figures-dialog").await;
    assert!(app
        .text("figures-format")
        .await
        .contains("XLSX spreadsheet, sheet “Weekly”"));
    app.testid("figures-sheet").await;
    app.wait_for_text("figures-summary", "2 rows to add").await;
    app.wait_for_text("figures-rows", "43.5").await;
    app.screenshot("figures-kpi").await;

    app.click("figures-import").await;
    app.wait_for_text("figures-notice", "2 rows added").await;
    let after: u32 = stored(data.path(), "SELECT count(*) || '' FROM measurement")
        .parse()
        .unwrap();
    assert_eq!(after, before.parse::<u32>().unwrap() + 2);
    assert_eq!(
        stored(data.path(), "SELECT group_concat(value, ' ') FROM (SELECT value FROM measurement WHERE measured_on IN ('2026-01-05', '2026-01-12') ORDER BY measured_on)"),
        "41.0 43.5"
    );
    app.click("figures-undo").await;
    app.wait_for_text("figures-notice", "was undone").await;
    assert_eq!(
        stored(data.path(), "SELECT count(*) || '' FROM measurement"),
        before
    );
    app.quit().await;
}
