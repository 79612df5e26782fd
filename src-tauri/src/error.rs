//! The one error type every command returns. It reaches the UI as `{ code, message, field }`:
//! `message` is a sentence for the strategist, `field` names the input it belongs to.

use groundwork_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    Invalid,
    NotAWorkbook,
    NewerVersion,
    ReadOnly,
    /// Replacing, renaming or deleting a workbook that a window or the command line has open
    /// for editing; the message says where.
    OpenElsewhere,
    NotFound,
    AlreadyExists,
    /// A record others depend on (a channel that findings cite); the message names them.
    InUse,
    NoWorkbookOpen,
    Io,
    Document,
    /// A path the user did not choose in a dialog and that is outside the data folder.
    NotAllowed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
}

impl AppError {
    pub fn no_workbook_open() -> Self {
        Self {
            code: ErrorCode::NoWorkbookOpen,
            message: "No workbook is open. Open one from the home screen.".to_owned(),
            field: None,
        }
    }

    pub fn io(message: String) -> Self {
        Self {
            code: ErrorCode::Io,
            message,
            field: None,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        let code = match &err {
            StoreError::Invalid(_) => ErrorCode::Invalid,
            StoreError::NotAWorkbook { .. } => ErrorCode::NotAWorkbook,
            StoreError::NewerVersion { .. } => ErrorCode::NewerVersion,
            StoreError::ReadOnly { .. } | StoreError::OpenElsewhere { .. } => ErrorCode::ReadOnly,
            StoreError::OpenForEditing { .. } => ErrorCode::OpenElsewhere,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::AlreadyExists { .. } => ErrorCode::AlreadyExists,
            StoreError::InUse(_) => ErrorCode::InUse,
            StoreError::Gone(_) => ErrorCode::NotFound,
            StoreError::Io { .. } => ErrorCode::Io,
        };
        Self {
            code,
            field: err.field().map(str::to_owned),
            message: err.to_string(),
        }
    }
}

impl From<groundwork_core::Invalid> for AppError {
    fn from(err: groundwork_core::Invalid) -> Self {
        StoreError::from(err).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_open_for_editing_elsewhere_reaches_the_ui_with_the_sentence() {
        let err = AppError::from(StoreError::OpenForEditing {
            path: "/data/plan.groundwork".into(),
            holder: groundwork_store::Holder {
                opener: Some(groundwork_store::Opener::CommandLine),
                pid: Some(4242),
                host: None,
            },
        });
        assert_eq!(err.code, ErrorCode::OpenElsewhere);
        assert_eq!(
            err.message,
            "“plan.groundwork” is open for editing by the groundwork command (process 4242); let the command finish first."
        );
        assert_eq!(err.field, None);
    }
}
