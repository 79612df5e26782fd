//! Groundwork's desktop shell: the window, the commands the UI calls, and nothing the engine
//! crates should own.

mod bindings;
mod commands;
mod error;
mod file_access;
mod lockdown;
mod state;

use std::path::PathBuf;

use tauri::Manager;

use crate::state::AppState;

/// Where workbooks live when no folder is given: `--data-dir DIR` on the command line (used by
/// the end-to-end tests to give every test its own folder), else the app's data folder.
fn data_dir_from_args(args: &[String]) -> Option<PathBuf> {
    let at = args.iter().position(|a| a == "--data-dir")?;
    args.get(at + 1).map(PathBuf::from)
}

/// A `.groundwork` file passed on the command line, as the file manager does on a double-click.
fn launch_file_from_args(args: &[String]) -> Option<PathBuf> {
    args.iter()
        .skip(1)
        .find(|a| a.ends_with(&format!(".{}", groundwork_store::WORKBOOK_EXTENSION)))
        .map(PathBuf::from)
}

/// Has WebKit draw the window's page on the CPU rather than through its GPU compositor.
/// Groundwork's screens are text, tables and small charts, which draw as smoothly either way;
/// the compositor's tiles and layers held about half of the app's memory (docs/performance.md,
/// "Memory"), and it is what most often leaves a WebKitGTK window blank on a laptop's or a
/// projector's graphics driver.
#[cfg(target_os = "linux")]
fn draw_in_software(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    window.with_webview(|webview| {
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    })
}

#[cfg(not(target_os = "linux"))]
fn draw_in_software(_window: &tauri::WebviewWindow) -> tauri::Result<()> {
    Ok(())
}

pub fn run() {
    let args: Vec<String> = std::env::args().collect();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let data_dir = match data_dir_from_args(&args) {
                Some(dir) => dir,
                None => app.path().app_data_dir()?.join("workbooks"),
            };
            for window in app.webview_windows().values() {
                draw_in_software(window)?;
            }
            app.manage(AppState::new(data_dir, launch_file_from_args(&args)));
            app.manage(commands::documents::Exported::default());
            commands::portable::start_daily_backups(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::dialogs::choose_file_to_open,
            commands::dialogs::choose_save_destination,
            commands::library::list_workbooks,
            commands::library::create_workbook,
            commands::library::open_workbook,
            commands::library::launch_file,
            commands::library::rename_workbook,
            commands::library::duplicate_workbook,
            commands::library::delete_workbook,
            commands::workbook::close_workbook,
            commands::workbook::update_profile,
            commands::workbook::step_counts,
            commands::trash::trash_entries,
            commands::trash::last_deleted,
            commands::trash::restore_from_trash,
            commands::trash::empty_trash,
            commands::audit::audit_overview,
            commands::audit::save_channel,
            commands::audit::channel_usage,
            commands::audit::finding_usage,
            commands::audit::delete_channel,
            commands::audit::save_snapshot,
            commands::audit::delete_snapshot,
            commands::audit::compare_snapshots,
            commands::audit::save_maturity,
            commands::audit::update_situation,
            commands::audit::save_peer,
            commands::audit::delete_peer,
            commands::audit::save_finding,
            commands::audit::delete_finding,
            commands::audit::findings,
            commands::goals::goals_overview,
            commands::readiness::readiness_review,
            commands::readiness::dismiss_issue,
            commands::readiness::restore_issue,
            commands::readiness::traceability_map,
            commands::readiness::evidence_trace,
            commands::readiness::initiative_trace,
            commands::goals::update_narrative,
            commands::goals::save_objective,
            commands::goals::delete_objective,
            commands::goals::save_goal,
            commands::goals::delete_goal,
            commands::goals::save_kpi,
            commands::goals::delete_kpi,
            commands::goals::save_measurement,
            commands::goals::delete_measurement,
            commands::goals::import_measurements,
            commands::figures::open_figures,
            commands::figures::paste_figures,
            commands::figures::check_figures,
            commands::figures::import_figures,
            commands::figures::undo_figure_import,
            commands::roadmap::roadmap_overview,
            commands::roadmap::save_phase,
            commands::roadmap::delete_phase,
            commands::roadmap::save_initiative,
            commands::roadmap::add_initiative,
            commands::roadmap::delete_initiative,
            commands::documents::document_sections,
            commands::documents::preview_document,
            commands::documents::export_document,
            commands::documents::open_exported,
            commands::documents::document_settings,
            commands::documents::save_document_settings,
            commands::documents::document_logo,
            commands::documents::set_logo,
            commands::documents::remove_logo,
            commands::spreadsheet::export_spreadsheet,
            commands::spreadsheet::export_table_csv,
            commands::stakeholders::stakeholder_step,
            commands::stakeholders::save_stakeholder,
            commands::stakeholders::delete_stakeholder,
            commands::stakeholders::save_guide,
            commands::stakeholders::copy_starter_guide,
            commands::stakeholders::delete_guide,
            commands::stakeholders::save_guide_question,
            commands::stakeholders::delete_guide_question,
            commands::stakeholders::move_guide_question,
            commands::stakeholders::save_interview,
            commands::stakeholders::delete_interview,
            commands::stakeholders::save_answer,
            commands::stakeholders::save_interview_notes,
            commands::stakeholders::save_quote,
            commands::stakeholders::delete_quote,
            commands::stakeholders::save_theme,
            commands::stakeholders::delete_theme,
            commands::stakeholders::tag_theme,
            commands::stakeholders::untag_theme,
            commands::stakeholders::search_interviews,
            commands::crisis::crisis_plan,
            commands::crisis::starter_scenarios,
            commands::crisis::fill_statement,
            commands::crisis::save_severity,
            commands::crisis::delete_severity,
            commands::crisis::save_scenario,
            commands::crisis::add_starter_scenario,
            commands::crisis::delete_scenario,
            commands::crisis::save_action,
            commands::crisis::delete_action,
            commands::crisis::move_action,
            commands::crisis::save_statement,
            commands::crisis::delete_statement,
            commands::crisis::save_contact,
            commands::crisis::delete_contact,
            commands::crisis::save_escalation,
            commands::crisis::delete_escalation,
            commands::crisis::update_guidelines,
            commands::portable::export_json,
            commands::portable::import_json,
            commands::portable::list_backups,
            commands::portable::back_up_now,
            commands::portable::restore_backup,
            commands::portable::save_copy,
            commands::workshop::workshop_board,
            commands::workshop::save_idea,
            commands::workshop::delete_idea,
            commands::workshop::move_idea,
            commands::workshop::score_idea,
            commands::workshop::score_initiative,
            commands::workshop::save_group,
            commands::workshop::delete_group,
            commands::workshop::set_dot_budget,
            commands::workshop::save_participant,
            commands::workshop::delete_participant,
            commands::workshop::set_vote,
            commands::workshop::convert_group,
            commands::workshop::presentation_roadmap,
            commands::library::open_example,
            commands::library::tour_dismissed,
            commands::library::dismiss_tour,
            commands::library::set_date_order,
            commands::library::set_decimal_style,
        ])
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // Checkpoint so the single workbook file is complete when the app quits.
                if let Some(state) = app.try_state::<AppState>() {
                    let _ = state.replace(None);
                }
            }
        }),
        Err(err) => {
            eprintln!("Groundwork could not start: {err}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_gives_the_data_folder_and_a_file_to_open() {
        let args: Vec<String> = [
            "groundwork-app",
            "--data-dir",
            "/tmp/wb",
            "/home/a/Plan 2027.groundwork",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(data_dir_from_args(&args), Some(PathBuf::from("/tmp/wb")));
        assert_eq!(
            launch_file_from_args(&args),
            Some(PathBuf::from("/home/a/Plan 2027.groundwork"))
        );
        assert_eq!(data_dir_from_args(&args[..1]), None);
    }
}
