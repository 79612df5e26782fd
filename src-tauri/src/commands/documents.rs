//! The Documents screen: which sections a document has, a preview, and the export.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use base64::Engine as _;
use groundwork_core::document_settings::{
    accent_note, DocumentSettings, DocumentSettingsEdit, Logo,
};
use groundwork_core::documents::{Document, ExportOptions};
use groundwork_docs::{SectionInfo, Warning};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{AppError, ErrorCode};
use crate::file_access::Reach;
use crate::state::AppState;

/// The rendered PDF for the preview, and what the strategist should know about it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct DocumentPreview {
    pub pdf_base64: String,
    pub page_count: u32,
    pub warnings: Vec<Warning>,
}

/// A document written to disk.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ExportReport {
    pub path: String,
    pub page_count: u32,
    pub bytes: u64,
    pub warnings: Vec<Warning>,
}

/// Files this run of the app exported: the only ones it will hand to the system viewer.
#[derive(Default)]
pub struct Exported(Mutex<HashSet<PathBuf>>);

fn render(
    state: &AppState,
    options: &ExportOptions,
) -> Result<groundwork_docs::Rendered, AppError> {
    let workbook = state.with_store(|store| Ok(store.load_workbook_to_print()?))?;
    groundwork_docs::render(&workbook, options).map_err(|err| AppError {
        code: ErrorCode::Document,
        message: format!("The document could not be made: {err}."),
        field: None,
    })
}

#[tauri::command]
pub fn document_sections(document: Document) -> Vec<SectionInfo> {
    groundwork_docs::sections(document)
}

#[tauri::command]
pub fn preview_document(
    state: State<'_, AppState>,
    options: ExportOptions,
) -> Result<DocumentPreview, AppError> {
    let rendered = render(&state, &options)?;
    Ok(DocumentPreview {
        pdf_base64: base64::engine::general_purpose::STANDARD.encode(&rendered.bytes),
        page_count: u32::try_from(rendered.page_count).unwrap_or(u32::MAX),
        warnings: rendered.warnings,
    })
}

/// Writes the document to `path`, which the strategist chose in the save dialog. The file is
/// written beside its final name and then moved into place, so a failed export never leaves a
/// half-written PDF over an older one.
#[tauri::command]
pub fn export_document(
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    options: ExportOptions,
    path: String,
) -> Result<ExportReport, AppError> {
    let path = state.files.check(Path::new(&path), Reach::Chosen)?;
    // The page names the path (from the Save dialog); only a PDF may be written there.
    let is_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !is_pdf {
        return Err(groundwork_core::Invalid {
            field: None,
            message: "Documents are saved as PDF files: choose a file name ending in .pdf.".into(),
        }
        .into());
    }
    let rendered = render(&state, &options)?;
    write_atomically(&path, &rendered.bytes, "document")?;
    exported
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(path.clone());
    Ok(ExportReport {
        path: path.display().to_string(),
        page_count: u32::try_from(rendered.page_count).unwrap_or(u32::MAX),
        bytes: rendered.bytes.len() as u64,
        warnings: rendered.warnings,
    })
}

/// Opens a document exported in this session with the system's PDF viewer.
#[tauri::command]
pub fn open_exported(
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    path: String,
) -> Result<(), AppError> {
    let path = state.files.check(Path::new(&path), Reach::Chosen)?;
    let known = exported
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .contains(&path);
    if !known {
        return Err(AppError::io(
            "Only documents exported in this session can be opened from here.".to_owned(),
        ));
    }
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|err| {
        AppError::io(format!(
            "The document was saved to {}, but no PDF viewer could open it ({err}).",
            path.display()
        ))
    })
}

/// Writes `bytes` beside `path` and then moves them into place; `what` names the file in the
/// message when that fails ("document", "spreadsheet").
pub(crate) fn write_atomically(path: &Path, bytes: &[u8], what: &str) -> Result<(), AppError> {
    let describe = |err: std::io::Error| {
        let reason = match err.kind() {
            std::io::ErrorKind::PermissionDenied => {
                "permission was denied; choose another folder".to_owned()
            }
            std::io::ErrorKind::StorageFull => {
                "the disk is full; free some space and try again".to_owned()
            }
            _ => err.to_string(),
        };
        AppError::io(format!(
            "The {what} could not be saved to {}: {reason}.",
            path.display()
        ))
    };
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    // A write that fails part way (a full disk) leaves nothing behind either.
    std::fs::write(&partial, bytes)
        .and_then(|()| std::fs::rename(&partial, path))
        .map_err(|err| {
            let _ = std::fs::remove_file(&partial);
            describe(err)
        })
}

/// The document settings, with what the Documents screen shows beside them.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct DocumentSettingsView {
    pub settings: DocumentSettings,
    /// The ask the roadmap suggests, offered to start from; `None` while it suggests nothing.
    pub suggested_ask: Option<String>,
    /// Why text is drawn in a darker shade of the chosen accent, when it is.
    pub accent_note: Option<String>,
}

/// The logo as the Documents screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct LogoView {
    /// The kept PNG as a `data:` URL, for an `<img>`.
    pub data_url: String,
    pub width: u32,
    pub height: u32,
    /// The name of the file it was made from.
    pub file_name: String,
}

impl From<&Logo> for LogoView {
    fn from(logo: &Logo) -> Self {
        Self {
            data_url: format!(
                "data:image/png;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(&logo.png)
            ),
            width: logo.width,
            height: logo.height,
            file_name: logo.file_name.clone(),
        }
    }
}

fn settings_view(store: &groundwork_store::Store) -> Result<DocumentSettingsView, AppError> {
    let workbook = store.load_workbook()?;
    Ok(DocumentSettingsView {
        suggested_ask: groundwork_docs::suggested_ask(&workbook),
        accent_note: accent_note(&workbook.documents),
        settings: workbook.documents,
    })
}

#[tauri::command]
pub fn document_settings(state: State<'_, AppState>) -> Result<DocumentSettingsView, AppError> {
    state.with_store(|store| settings_view(store))
}

/// Saves what the documents ask of the reader and their accent; answers with the settings as
/// stored.
#[tauri::command]
pub fn save_document_settings(
    state: State<'_, AppState>,
    edit: DocumentSettingsEdit,
) -> Result<DocumentSettingsView, AppError> {
    state.with_store(|store| {
        store.save_document_settings(&edit)?;
        settings_view(store)
    })
}

/// The organisation's logo, when one was chosen: for the Documents screen and the
/// presentation.
#[tauri::command]
pub fn document_logo(state: State<'_, AppState>) -> Result<Option<LogoView>, AppError> {
    state.with_store(|store| Ok(store.logo()?.as_ref().map(LogoView::from)))
}

/// Makes the organisation's logo from `path`, an image chosen in the Open dialog, and keeps it
/// in the workbook in place of any before it. A file that is not a usable image is refused
/// with a sentence, and the logo before it stays.
// Async, so decoding a large photograph or drawing an SVG (which loads the system's fonts)
// runs off the main thread and the window keeps answering.
#[tauri::command]
pub async fn set_logo(state: State<'_, AppState>, path: String) -> Result<LogoView, AppError> {
    let path = state.files.check(Path::new(&path), Reach::Chosen)?;
    let unreadable =
        |e: std::io::Error| AppError::io(format!("“{}” could not be read: {e}.", path.display()));
    // The size first: a file far larger than any logo is refused before it is read.
    groundwork_docs::logo::check_size(std::fs::metadata(&path).map_err(unreadable)?.len())?;
    let bytes = std::fs::read(&path).map_err(unreadable)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let logo = groundwork_docs::logo::prepare(&bytes, &file_name)?;
    state.with_store(|store| Ok(store.save_logo(&logo)?))?;
    Ok(LogoView::from(&logo))
}

/// Takes the logo out of the workbook; the documents print without one.
#[tauri::command]
pub fn remove_logo(state: State<'_, AppState>) -> Result<(), AppError> {
    state.with_store(|store| Ok(store.remove_logo()?))
}
