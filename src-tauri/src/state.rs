//! What the running app holds: where workbooks live by default and the workbook that is open.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use groundwork_store::Store;

use crate::error::AppError;
use crate::file_access::FileAccess;

pub struct AppState {
    pub data_dir: PathBuf,
    /// A `.groundwork` file the app was launched with (a double-click in the file manager).
    pub launch_file: Option<PathBuf>,
    /// Which files the commands may touch.
    pub files: FileAccess,
    /// The table of figures being imported.
    pub figures: crate::commands::figures::LoadedFigures,
    open: Mutex<Option<Store>>,
}

impl AppState {
    pub fn new(data_dir: PathBuf, launch_file: Option<PathBuf>) -> Self {
        Self {
            files: FileAccess::new(data_dir.clone(), launch_file.as_deref()),
            data_dir,
            launch_file,
            figures: Default::default(),
            open: Mutex::new(None),
        }
    }

    /// The open workbook, locked for the length of one command.
    pub fn open_workbook(&self) -> MutexGuard<'_, Option<Store>> {
        // A command that panicked while holding the lock leaves the store as SQLite left it
        // (every write is one transaction), so the lock can be taken again safely.
        self.open
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Runs `f` on the open workbook.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut guard = self.open_workbook();
        let store = guard.as_mut().ok_or_else(AppError::no_workbook_open)?;
        f(store)
    }

    /// Makes `store` the open workbook, closing the one before it.
    pub fn replace(&self, store: Option<Store>) -> Result<(), AppError> {
        let previous = std::mem::replace(&mut *self.open_workbook(), store);
        if let Some(previous) = previous {
            previous.close()?;
        }
        Ok(())
    }
}
