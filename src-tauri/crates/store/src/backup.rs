//! Backups and copies of a workbook, all through SQLite's backup API so each is a consistent
//! snapshot even while the workbook is open and being edited.
//!
//! A workbook's backups live in a folder of their own (the app uses
//! `<data folder>/backups/<file name>/`), one file per backup named for the moment it was
//! taken, the newest [`KEEP_BACKUPS`] kept.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::header::{check_is_workbook, SCHEMA_VERSION};
use crate::{migrations, Result, Store, StoreError, WORKBOOK_EXTENSION};

/// How many backups of one workbook are kept; older ones are removed.
pub const KEEP_BACKUPS: usize = 10;
/// A workbook in use is backed up when its newest backup is at least this old.
pub const BACKUP_EVERY_HOURS: i64 = 24;

const NAME_FORMAT: &str = "%Y-%m-%dT%H-%M-%S%.3fZ";

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Backup {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub taken_at: DateTime<Utc>,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The folder that holds the backups of `workbook` under `root`: one folder per workbook file
/// name.
pub fn backups_dir(root: &Path, workbook: &Path) -> PathBuf {
    let name = workbook.file_name().map_or_else(
        || "workbook".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    root.join("backups").join(name)
}

/// The backups in `dir`, newest first. A missing folder holds none; files that are not named
/// like backups are ignored.
pub fn list_backups(dir: &Path) -> Result<Vec<Backup>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(dir, &e)),
    };
    let mut backups = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(taken_at) = taken_at(&path) else {
            continue;
        };
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        backups.push(Backup {
            path,
            taken_at,
            bytes,
        });
    }
    backups.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.path.cmp(&a.path)));
    Ok(backups)
}

fn taken_at(path: &Path) -> Option<DateTime<Utc>> {
    if path.extension()? != WORKBOOK_EXTENSION {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    NaiveDateTime::parse_from_str(stem, NAME_FORMAT)
        .ok()
        .map(|t| t.and_utc())
}

impl Store {
    /// Writes a consistent copy of the workbook to `dest`, replacing a file there (the user
    /// chose the name through a save dialog that asked) unless that is a workbook open for
    /// editing elsewhere. The copy appears whole or not at all.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        if same_file(dest, &self.path) {
            return Err(StoreError::AlreadyExists {
                path: dest.to_owned(),
            });
        }
        let _held = crate::lock::claim_to_replace(dest)?;
        let dir = match dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(dir) => dir.to_owned(),
            None => PathBuf::from("."),
        };
        fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, &e))?;
        let temp = dir.join(format!(
            ".{}.copying-{}",
            dest.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            uuid::Uuid::now_v7()
        ));
        let result = self
            .conn
            .backup(rusqlite::MAIN_DB, &temp, None)
            .map_err(|e| StoreError::from_sqlite(e, dest))
            .and_then(|()| {
                for suffix in ["-wal", "-shm"] {
                    let _ = fs::remove_file(format!("{}{suffix}", dest.display()));
                }
                fs::rename(&temp, dest).map_err(|e| StoreError::io(dest, &e))
            });
        if result.is_err() {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let _ = fs::remove_file(format!("{}{suffix}", temp.display()));
            }
        }
        result
    }

    /// Takes a backup into `dir` now and removes all but the newest [`KEEP_BACKUPS`].
    pub fn back_up(&self, dir: &Path, now: DateTime<Utc>) -> Result<Backup> {
        let backup = self.back_up_without_rotating(dir, now)?;
        rotate(dir, KEEP_BACKUPS)?;
        Ok(backup)
    }

    /// Takes a backup when the newest in `dir` is a day old or there is none.
    pub fn back_up_if_due(&self, dir: &Path, now: DateTime<Utc>) -> Result<Option<Backup>> {
        let due = list_backups(dir)?.first().is_none_or(|newest| {
            now.signed_duration_since(newest.taken_at)
                >= chrono::Duration::hours(BACKUP_EVERY_HOURS)
        });
        if due {
            self.back_up(dir, now).map(Some)
        } else {
            Ok(None)
        }
    }

    fn back_up_without_rotating(&self, dir: &Path, now: DateTime<Utc>) -> Result<Backup> {
        fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, &e))?;
        // Two backups in the same millisecond get distinct names.
        let mut at = now;
        let mut path = dir.join(format!("{}.{WORKBOOK_EXTENSION}", at.format(NAME_FORMAT)));
        while path.exists() {
            at += chrono::Duration::milliseconds(1);
            path = dir.join(format!("{}.{WORKBOOK_EXTENSION}", at.format(NAME_FORMAT)));
        }
        self.save_copy(&path)?;
        let bytes = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(Backup {
            taken_at: taken_at(&path).unwrap_or(now),
            path,
            bytes,
        })
    }

    /// Replaces the workbook's content with `backup`'s, after backing the current state up
    /// into `dir` so the restore itself can be undone.
    pub fn restore_from(&mut self, backup: &Path, dir: &Path, now: DateTime<Utc>) -> Result<()> {
        if self.open_elsewhere {
            return Err(crate::lock::open_for_editing(&self.path));
        }
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let version = check_is_workbook(backup)?;
        let probe = crate::open::open_for_summary(backup)?;
        probe.profile()?;
        drop(probe);
        self.back_up_without_rotating(dir, now)?;
        self.conn
            .restore(
                rusqlite::MAIN_DB,
                backup,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(|e| StoreError::from_sqlite(e, &self.path))?;
        if version < SCHEMA_VERSION {
            migrations::all()
                .to_latest(&mut self.conn)
                .map_err(|e| StoreError::Io {
                    path: self.path.clone(),
                    detail: format!("{e}."),
                })?;
        }
        rotate(dir, KEEP_BACKUPS)?;
        Ok(())
    }
}

/// Removes all but the newest `keep` backups in `dir`.
fn rotate(dir: &Path, keep: usize) -> Result<()> {
    for old in list_backups(dir)?.into_iter().skip(keep) {
        fs::remove_file(&old.path).map_err(|e| StoreError::io(&old.path, &e))?;
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
