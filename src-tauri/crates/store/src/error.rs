use std::path::{Path, PathBuf};

use groundwork_core::Invalid;

/// What can go wrong with a workbook file, each with a sentence a strategist understands.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Invalid(#[from] Invalid),

    #[error("“{}” is not a Groundwork workbook, so it was not opened. Choose a .groundwork file.", file_name(.path))]
    NotAWorkbook { path: PathBuf },

    #[error("“{}” was saved by a newer version of Groundwork (format {found}; this version reads up to format {supported}). Update Groundwork to open it; the file was not changed.", file_name(.path))]
    NewerVersion {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("“{}” is read-only, so changes can’t be saved. Make the file writable, or save a copy to keep working.", file_name(.path))]
    ReadOnly { path: PathBuf },

    #[error("“{}” is open in another Groundwork window, so it was opened here read-only. Close it there to make changes here.", file_name(.path))]
    OpenElsewhere { path: PathBuf },

    /// A change to the file itself (replace, rename, delete) while a window or the command line
    /// has it open for editing; the sentence says where.
    #[error("“{}” is open for editing {holder}; {}.", file_name(.path), .holder.advice())]
    OpenForEditing {
        path: PathBuf,
        holder: crate::holder::Holder,
    },

    #[error("There is no workbook at “{}”. It may have been moved or deleted.", .path.display())]
    NotFound { path: PathBuf },

    #[error("A file named “{}” already exists there; choose another name.", file_name(.path))]
    AlreadyExists { path: PathBuf },

    /// A record others depend on; the sentence names them.
    #[error("{0}")]
    InUse(String),

    /// A record the caller named is not there (deleted, perhaps in another window).
    #[error("That {0} is no longer in this workbook; it may have been deleted. Reload the step to see what is there.")]
    Gone(&'static str),

    #[error("“{}” could not be read or written: {detail}", file_name(.path))]
    Io { path: PathBuf, detail: String },
}

impl StoreError {
    pub(crate) fn io(path: &Path, err: &std::io::Error) -> Self {
        let detail = match err.kind() {
            std::io::ErrorKind::PermissionDenied => {
                "permission was denied. Check the file's permissions.".to_owned()
            }
            std::io::ErrorKind::StorageFull => {
                "the disk is full. Free some space and try again.".to_owned()
            }
            _ => format!("{err}."),
        };
        StoreError::Io {
            path: path.to_owned(),
            detail,
        }
    }

    /// Turns SQLite's codes into the cases a strategist can act on.
    pub(crate) fn from_sqlite(err: rusqlite::Error, path: &Path) -> Self {
        use rusqlite::ErrorCode as C;
        let path = path.to_owned();
        match err.sqlite_error_code() {
            Some(C::NotADatabase) => StoreError::NotAWorkbook { path },
            Some(C::ReadOnly) => StoreError::ReadOnly { path },
            Some(C::DiskFull) => StoreError::Io {
                path,
                detail: "the disk is full. Free some space and try again; nothing was lost.".into(),
            },
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Io {
                path,
                detail: "another window or program is writing to it. Try again in a moment.".into(),
            },
            Some(C::DatabaseCorrupt) => StoreError::Io {
                path,
                detail: "the file is damaged. Restore it from a backup.".into(),
            },
            Some(C::CannotOpen) => StoreError::Io {
                path,
                detail: "it could not be opened. Check that the folder exists and is writable."
                    .into(),
            },
            _ => StoreError::Io {
                path,
                detail: format!("{err}."),
            },
        }
    }

    /// The input field the error belongs to, when it is the user's input.
    pub fn field(&self) -> Option<&str> {
        match self {
            StoreError::Invalid(invalid) => invalid.field.as_deref(),
            _ => None,
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
