//! One writer per workbook. A window (or the command line) that opens a workbook for writing
//! holds an advisory lock on a small `-lock` file beside it for as long as it is open; a second
//! one finds the lock taken and opens the workbook read-only, with a sentence saying why.
//! SQLite's own locking keeps every single write safe regardless; this lock keeps two windows
//! from each overwriting the other's edits with what they last loaded.
//!
//! Whatever replaces, renames or deletes a workbook file claims the same lock first, so a file
//! open for editing somewhere is never pulled out from under it. The holder writes who it is
//! (a window or the command line, its process, its computer) into the lock file, so that a
//! refusal can say where the workbook is open.
//!
//! The lock is on a side file, not the workbook: closing any descriptor of the database file
//! would drop SQLite's own POSIX locks on it held in this process. The side file is left in
//! place on close (deleting it could let two processes lock two different files), and the
//! operating system releases the lock when the process ends, even when it is killed.
//!
//! `flock` locks belong to an open file: inside one process, a second claim of a workbook that
//! this process already holds finds it taken, like any other holder's.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::header::check_is_workbook;
use crate::holder::Holder;
use crate::{Result, StoreError};

pub(crate) enum Claim {
    /// This process may write; keep the file open for as long as the workbook is.
    Held(File),
    /// Another window or program has the workbook open for writing.
    Elsewhere,
    /// No lock file can be made beside the workbook (a read-only folder): go on without.
    Unavailable,
}

pub(crate) fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-lock");
    PathBuf::from(name)
}

pub(crate) fn claim(path: &Path) -> Claim {
    let Ok(file) = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(path))
    else {
        return Claim::Unavailable;
    };
    match try_lock(file) {
        Claim::Held(file) => Claim::Held(sign(file)),
        other => other,
    }
}

/// Writes who holds the lock into it. Best effort: a lock that says nothing still locks.
fn sign(mut file: File) -> File {
    let _ = file
        .set_len(0)
        .and_then(|()| file.write_all(Holder::this_process().as_bytes()));
    file
}

/// Who holds the writer lock of `path`, as its lock file says.
pub(crate) fn holder(path: &Path) -> Holder {
    std::fs::read_to_string(lock_path(path))
        .map(|text| Holder::parse(&text))
        .unwrap_or_default()
}

/// Who has `path` open for editing, if anyone. Tries the lock without keeping or signing it, and
/// makes no lock file where there is none (then nobody holds it).
pub(crate) fn editing_elsewhere(path: &Path) -> Option<Holder> {
    let file = OpenOptions::new().write(true).open(lock_path(path)).ok()?;
    match try_lock(file) {
        Claim::Elsewhere => Some(holder(path)),
        Claim::Held(_) | Claim::Unavailable => None,
    }
}

/// The refusal for changing a file that is open for editing elsewhere.
pub(crate) fn open_for_editing(path: &Path) -> StoreError {
    StoreError::OpenForEditing {
        path: path.to_owned(),
        holder: holder(path),
    }
}

/// A workbook's writer lock, claimed to replace, rename or delete its file; released when
/// dropped.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

/// Claims the writer lock of `path` before the file is replaced, renamed or deleted; keep it
/// until that is done. Refuses, with a sentence saying where, when the workbook is open for
/// editing elsewhere (in this process too). A file that is no workbook and has no lock file
/// beside it has no holder and gets no lock file; nor does a folder where none can be made.
pub fn claim_to_replace(path: &Path) -> Result<Option<WriterLock>> {
    if check_is_workbook(path).is_err() && !lock_path(path).exists() {
        return Ok(None);
    }
    match claim(path) {
        Claim::Held(file) => Ok(Some(WriterLock { _file: file })),
        Claim::Elsewhere => Err(open_for_editing(path)),
        Claim::Unavailable => Ok(None),
    }
}

#[cfg(unix)]
fn try_lock(file: File) -> Claim {
    use rustix::fs::{flock, FlockOperation};
    match flock(&file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Claim::Held(file),
        Err(e) if e == rustix::io::Errno::WOULDBLOCK => Claim::Elsewhere,
        Err(_) => Claim::Unavailable,
    }
}

#[cfg(not(unix))]
fn try_lock(_file: File) -> Claim {
    Claim::Unavailable
}
