//! The workbooks in a folder (the app's data folder by default): list, create, rename,
//! duplicate and delete them as files.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use groundwork_core::profile::validate_name;
use serde::Serialize;
use ts_rs::TS;

use crate::header::check_is_workbook;
use crate::open::open_for_summary;
use crate::{lock, Result, Store, StoreError};

pub const WORKBOOK_EXTENSION: &str = "groundwork";

/// A workbook as the home screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct WorkbookSummary {
    pub path: String,
    pub file_name: String,
    pub name: String,
    pub organisation: String,
    pub updated_at: DateTime<Utc>,
    pub read_only: bool,
    /// Why it is read-only, when that is not the file's own permissions.
    #[ts(optional = nullable)]
    pub read_only_reason: Option<String>,
    /// Where it is open for editing, when it is: "in another Groundwork window (process 4242)".
    /// Only the home screen's list asks; it may not be deleted or renamed meanwhile.
    #[ts(optional = nullable)]
    pub open_elsewhere: Option<String>,
}

/// A `.groundwork` file in the folder that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct UnreadableFile {
    pub path: String,
    pub file_name: String,
    pub problem: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct WorkbookListing {
    /// Most recently edited first.
    pub workbooks: Vec<WorkbookSummary>,
    pub unreadable: Vec<UnreadableFile>,
}

impl Store {
    pub fn summary(&self) -> Result<WorkbookSummary> {
        let profile = self.profile()?;
        Ok(WorkbookSummary {
            path: self.path.display().to_string(),
            file_name: file_name(&self.path),
            name: profile.name,
            organisation: profile.organisation,
            updated_at: profile.updated_at,
            read_only: self.read_only,
            read_only_reason: self.read_only_reason(),
            open_elsewhere: None,
        })
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every workbook in `dir`, most recently edited first. A missing folder is an empty list.
pub fn list_workbooks(dir: &Path) -> Result<WorkbookListing> {
    let mut listing = WorkbookListing::default();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(listing),
        Err(e) => return Err(StoreError::io(dir, &e)),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some(WORKBOOK_EXTENSION) {
            continue;
        }
        match open_for_summary(&path).and_then(|store| store.summary()) {
            Ok(summary) => listing.workbooks.push(WorkbookSummary {
                open_elsewhere: lock::editing_elsewhere(&path).map(|h| h.to_string()),
                ..summary
            }),
            Err(err) => listing.unreadable.push(UnreadableFile {
                path: path.display().to_string(),
                file_name: file_name(&path),
                problem: err.to_string(),
            }),
        }
    }
    listing.workbooks.sort_by(|a, b| {
        b.updated_at
            .cmp(&a.updated_at)
            .then_with(|| a.name.cmp(&b.name))
    });
    listing
        .unreadable
        .sort_by(|a, b| a.file_name.cmp(&b.file_name));
    Ok(listing)
}

/// Creates a workbook in `dir`, its file named after the workbook.
pub fn create_in(dir: &Path, name: &str, organisation: &str) -> Result<Store> {
    let name = validate_name(name)?;
    Store::create(&free_path(dir, &file_stem_for(&name)), &name, organisation)
}

/// Gives the workbook a new name. The file keeps its name so that links to it stay valid.
/// Refused while the workbook is open for editing elsewhere, with a sentence saying where.
pub fn rename_workbook(path: &Path, name: &str) -> Result<WorkbookSummary> {
    let mut store = open_to_change(path)?;
    store.rename(name)?;
    let summary = store.summary()?;
    store.close()?;
    Ok(summary)
}

/// Copies a workbook (a consistent snapshot, even while it is open for editing elsewhere:
/// the original is only read) next to the original, named "… (copy)".
pub fn duplicate_workbook(path: &Path) -> Result<WorkbookSummary> {
    let source = Store::open(path).map_err(|e| match e {
        StoreError::OpenElsewhere { path } => lock::open_for_editing(&path),
        other => other,
    })?;
    let name = source.profile()?.name;
    let dir = path.parent().unwrap_or(Path::new("."));
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let target = free_path(dir, &format!("{stem} copy"));
    source
        .conn
        .backup(rusqlite::MAIN_DB, &target, None)
        .map_err(|e| StoreError::from_sqlite(e, &target))?;
    source.close()?;
    let mut copy = open_to_change(&target)?;
    copy.rename(&copy_name(&name))?;
    let summary = copy.summary()?;
    copy.close()?;
    Ok(summary)
}

/// Deletes a workbook file and its side files. Refuses any file that is not a workbook, so a
/// wrong path can never remove something else, and a workbook open for editing elsewhere,
/// whose window would otherwise go on saving into a file that is gone.
pub fn delete_workbook(path: &Path) -> Result<()> {
    check_is_workbook(path)?;
    let _held = lock::claim_to_replace(path)?;
    fs::remove_file(path).map_err(|e| StoreError::io(path, &e))?;
    // The lock file goes last, while still held, so nobody can claim it and find no workbook.
    for suffix in ["-wal", "-shm", "-lock"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            fs::remove_file(&side).map_err(|e| StoreError::io(&side, &e))?;
        }
    }
    Ok(())
}

/// Opens a workbook to change it, refusing (rather than opening read-only) when it is open
/// for editing elsewhere.
fn open_to_change(path: &Path) -> Result<Store> {
    let store = Store::open(path).map_err(|e| match e {
        StoreError::OpenElsewhere { path } => lock::open_for_editing(&path),
        other => other,
    })?;
    if store.open_elsewhere {
        return Err(lock::open_for_editing(path));
    }
    Ok(store)
}

fn copy_name(name: &str) -> String {
    let copy = format!("{name} (copy)");
    if copy.chars().count() > groundwork_core::text::SHORT_TEXT_MAX_CHARS {
        name.to_owned()
    } else {
        copy
    }
}

/// A file name from a workbook name: letters and digits of any script kept, the rest made
/// dashes, short enough for every file system.
pub(crate) fn file_stem_for(name: &str) -> String {
    let mut stem = String::new();
    for ch in name.chars() {
        if ch.is_alphanumeric() {
            stem.push(ch);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
        if stem.len() > 60 {
            break;
        }
    }
    let stem = stem.trim_matches('-').to_owned();
    if stem.is_empty() {
        "workbook".to_owned()
    } else {
        stem
    }
}

/// `dir/stem.groundwork`, or `dir/stem 2.groundwork` and so on if that is taken.
pub(crate) fn free_path(dir: &Path, stem: &str) -> PathBuf {
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            dir.join(format!("{stem}.{WORKBOOK_EXTENSION}"))
        } else {
            dir.join(format!("{stem} {n}.{WORKBOOK_EXTENSION}"))
        };
        // A log or journal left without its workbook would be read into a new file there.
        let taken = ["", "-wal", "-shm", "-journal"]
            .iter()
            .any(|suffix| Path::new(&format!("{}{suffix}", candidate.display())).exists());
        if !taken {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_keep_any_script_and_drop_punctuation() {
        assert_eq!(
            file_stem_for("Northwind: Makers / 2027"),
            "Northwind-Makers-2027"
        );
        assert_eq!(file_stem_for("社区 战略"), "社区-战略");
        assert_eq!(file_stem_for("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem_for("<>!!"), "workbook");
        assert!(file_stem_for(&"a".repeat(500)).len() <= 64);
    }
}
