//! One writer per workbook. A window (or the command line) that opens a workbook for writing
//! holds an advisory lock on a small `-lock` file beside it for as long as it is open; a second
//! one finds the lock taken and opens the workbook read-only, with a sentence saying why.
//! SQLite's own locking keeps every single write safe regardless; this lock keeps two windows
//! from each overwriting the other's edits with what they last loaded.
//!
//! The lock is on a side file, not the workbook: closing any descriptor of the database file
//! would drop SQLite's own POSIX locks on it held in this process. The side file is left in
//! place on close (deleting it could let two processes lock two different files), and the
//! operating system releases the lock when the process ends, even when it is killed.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

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
    try_lock(file)
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
