//! Creating and opening workbook files, and setting every connection up the same way.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use groundwork_core::profile::validate_name;
use groundwork_core::text::optional_line;
use rusqlite::{Connection, OpenFlags};

use crate::header::{check_is_workbook, APPLICATION_ID, SCHEMA_VERSION};
use crate::{lock, migrations, profile, Result, Store, StoreError};

pub(crate) fn create(path: &Path, name: &str, organisation: &str) -> Result<Store> {
    let name = validate_name(name)?;
    let organisation = optional_line("organisation", "organisation", organisation)?;
    if path.exists() {
        return Err(StoreError::AlreadyExists {
            path: path.to_owned(),
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, &e))?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let result = Connection::open_with_flags(path, flags)
        .map_err(|e| StoreError::from_sqlite(e, path))
        .and_then(|conn| {
            let writer_lock = match lock::claim(path) {
                lock::Claim::Held(file) => Some(file),
                _ => None,
            };
            initialise(conn, path, &name, &organisation, writer_lock)
        });
    if result.is_err() {
        // Leave no half-made workbook behind.
        for suffix in ["", "-wal", "-shm", "-lock"] {
            let _ = fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    result
}

pub(crate) fn in_memory(name: &str) -> Result<Store> {
    let conn = Connection::open_in_memory()
        .map_err(|e| StoreError::from_sqlite(e, Path::new(":memory:")))?;
    initialise(conn, Path::new(":memory:"), &validate_name(name)?, "", None)
}

fn initialise(
    mut conn: Connection,
    path: &Path,
    name: &str,
    organisation: &str,
    writer_lock: Option<File>,
) -> Result<Store> {
    configure(&conn, path)?;
    migrations::all()
        .to_latest(&mut conn)
        .map_err(|e| migration_error(e, path))?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(|e| StoreError::from_sqlite(e, path))?;
    let mut store = store(conn, path, false, false, writer_lock);
    let now = Utc::now();
    store.with_tx(|tx| {
        profile::insert(tx, name, organisation, now).map_err(|e| StoreError::from_sqlite(e, path))
    })?;
    store
        .conn
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .map_err(|e| StoreError::from_sqlite(e, path))?;
    Ok(store)
}

pub(crate) fn open(path: &Path) -> Result<Store> {
    let version = check_is_workbook(path)?;
    if is_read_only_file(path) {
        return open_read_only(path, version, false);
    }
    let before = SideFiles::note(path);
    let writer_lock = match lock::claim(path) {
        lock::Claim::Held(file) => Some(file),
        lock::Claim::Unavailable => None,
        lock::Claim::Elsewhere => return open_read_only(path, version, true),
    };
    if writer_lock.is_some() {
        repair_side_files(path);
    }
    match writable_connection(path, version) {
        Ok(conn) => Ok(store(conn, path, false, false, writer_lock)),
        Err(err) => {
            // Holding the writer lock, no other window is writing: what appeared since is ours.
            if writer_lock.is_some() {
                before.remove_new();
            }
            Err(err)
        }
    }
}

fn writable_connection(path: &Path, version: i64) -> Result<Connection> {
    // One connection, used by one thread at a time (a `Connection` is not `Sync`): SQLite's
    // own per-call locking is only overhead.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn =
        Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_sqlite(e, path))?;
    configure(&conn, path)?;
    if version < SCHEMA_VERSION {
        backup_before_migration(&conn, path, version)?;
        migrations::all()
            .to_latest(&mut conn)
            .map_err(|e| migration_error(e, path))?;
    }
    crate::trash::purge_expired(&conn, Utc::now()).map_err(|e| StoreError::from_sqlite(e, path))?;
    Ok(conn)
}

/// A store over `conn`: every open goes through here, so each field is set in one place.
fn store(
    conn: Connection,
    path: &Path,
    read_only: bool,
    open_elsewhere: bool,
    writer_lock: Option<File>,
) -> Store {
    Store {
        conn,
        path: path.to_owned(),
        read_only,
        open_elsewhere,
        _writer_lock: writer_lock,
        second_reader: std::cell::RefCell::default(),
    }
}

/// The side files SQLite and the writer lock keep beside a workbook.
const SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-lock"];

fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Which side files existed before an open, so that an open that is refused removes exactly
/// the ones it made and leaves a file it cannot work with as it found it.
struct SideFiles {
    path: PathBuf,
    existed: [bool; SIDE_FILES.len()],
}

impl SideFiles {
    fn note(path: &Path) -> Self {
        Self {
            path: path.to_owned(),
            existed: SIDE_FILES.map(|suffix| side_file(path, suffix).exists()),
        }
    }

    /// Call only with the writer lock held (or claimable): a side file that appeared since
    /// could otherwise be another window's log of edits.
    fn remove_new(&self) {
        for (suffix, existed) in SIDE_FILES.iter().zip(self.existed) {
            if !existed {
                let _ = fs::remove_file(side_file(&self.path, suffix));
            }
        }
    }

    /// For an open that never held the writer lock: removes what it made if the lock can be
    /// claimed now, and leaves everything when the workbook is open for editing somewhere.
    fn remove_new_if_unclaimed(&self) {
        if let lock::Claim::Held(_held) = lock::claim(&self.path) {
            self.remove_new();
        }
    }
}

/// Side files an older Groundwork left while the workbook was read-only carry its read-only
/// mode, and SQLite would then open the now writable workbook read-only. Called with the
/// writer lock held: gives them the workbook's own permissions, or, when they are not ours to
/// change, removes the shared-memory index (rebuilt from the log) and an empty log.
fn repair_side_files(path: &Path) {
    let writable = |side: &Path| OpenOptions::new().write(true).open(side).is_ok();
    let Ok(permissions) = fs::metadata(path).map(|m| m.permissions()) else {
        return;
    };
    for suffix in ["-wal", "-shm"] {
        let side = side_file(path, suffix);
        let Ok(meta) = fs::metadata(&side) else {
            continue;
        };
        if writable(&side) {
            continue;
        }
        let _ = fs::set_permissions(&side, permissions.clone());
        if !writable(&side) && (suffix == "-shm" || meta.len() == 0) {
            let _ = fs::remove_file(&side);
        }
    }
}

/// Opens a file we may not write to. Refuses one that would need migrating, since that would
/// mean changing it.
fn open_read_only(path: &Path, version: i64, open_elsewhere: bool) -> Result<Store> {
    if version < SCHEMA_VERSION && open_elsewhere {
        return Err(StoreError::OpenElsewhere {
            path: path.to_owned(),
        });
    }
    if version < SCHEMA_VERSION {
        return Err(StoreError::ReadOnly {
            path: path.to_owned(),
        });
    }
    let before = SideFiles::note(path);
    let conn = read_only_connection(path).inspect_err(|_| before.remove_new_if_unclaimed())?;
    Ok(store(conn, path, true, open_elsewhere, None))
}

/// Opens a workbook to read its summary, never writing to it.
pub(crate) fn open_for_summary(path: &Path) -> Result<Store> {
    check_is_workbook(path)?;
    let before = SideFiles::note(path);
    let conn = read_only_connection(path).inspect_err(|_| before.remove_new_if_unclaimed())?;
    Ok(store(conn, path, is_read_only_file(path), false, None))
}

/// A connection that cannot write.
///
/// A file marked read-only is read as immutable: a plain read-only connection would create
/// the write-ahead log and its shared-memory index beside it with the file's read-only mode,
/// and once the file is made writable again SQLite could not use them. Unless a log with
/// edits not yet written back into the file is there: immutable would not see them.
/// Otherwise (and where the shared-memory file cannot be created, a read-only folder) the
/// plain connection is tried first, then immutable, which reads the file as it is on disk.
fn read_only_connection(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let readable = |conn: Connection| {
        conn.query_row("SELECT count(*) FROM profile", [], |_| Ok(()))?;
        Ok(conn)
    };
    let immutable = || {
        Connection::open_with_flags(format!("{}?immutable=1", file_uri(path)), flags)
            .and_then(readable)
    };
    let conn = if reads_as_immutable(path) {
        immutable()
    } else {
        Connection::open_with_flags(path, flags)
            .and_then(readable)
            .or_else(|_| immutable())
    }
    .map_err(|e| StoreError::from_sqlite(e, path))?;
    conn.busy_timeout(Duration::from_secs(5))
        .map_err(|e| StoreError::from_sqlite(e, path))?;
    Ok(conn)
}

/// A read-only file with no edits waiting in a log: read whole from the file itself.
fn reads_as_immutable(path: &Path) -> bool {
    let log_len = fs::metadata(side_file(path, "-wal")).map_or(0, |m| m.len());
    is_read_only_file(path) && log_len == 0
}

/// A second read-only connection to a workbook this process has open, for reading on another
/// thread. Never immutable (that would skip the write-ahead log and read stale data); `None`
/// when the file cannot be opened so (in memory, or in a folder where SQLite cannot share),
/// and for a read-only file read as immutable, beside which it would leave side files.
pub(crate) fn second_reader(path: &Path) -> Option<Connection> {
    if reads_as_immutable(path) {
        return None;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).ok()?;
    conn.busy_timeout(Duration::from_secs(5)).ok()?;
    conn.execute_batch("PRAGMA cache_size = -65536;").ok()?;
    conn.query_row("SELECT count(*) FROM profile", [], |_| Ok(()))
        .ok()?;
    Some(conn)
}

/// The same settings on every connection: write-ahead log (readers never block the writer),
/// durable enough for an autosaving editor, foreign keys enforced, patient with a second window.
pub(crate) fn configure(conn: &Connection, path: &Path) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))
        .map_err(|e| StoreError::from_sqlite(e, path))?;
    // The page cache may grow to 64 MB (SQLite's default is 2 MB): the screens and documents
    // read most of a workbook again and again, and a realistic one is a few MB.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -65536;",
    )
    .map_err(|e| StoreError::from_sqlite(e, path))
}

/// Keeps a copy of the file as it was before a migration changes it, named for the format it
/// was in.
fn backup_before_migration(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let backup = path.with_extension(format!("format-{version}-backup.groundwork"));
    conn.backup(rusqlite::MAIN_DB, &backup, None)
        .map_err(|e| StoreError::from_sqlite(e, &backup))
}

fn migration_error(err: rusqlite_migration::Error, path: &Path) -> StoreError {
    match err {
        rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from_sqlite(err, path),
        rusqlite_migration::Error::MigrationDefinition(
            rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
        ) => StoreError::NewerVersion {
            path: path.to_owned(),
            found: SCHEMA_VERSION + 1,
            supported: SCHEMA_VERSION,
        },
        other => StoreError::Io {
            path: path.to_owned(),
            detail: format!("{other}."),
        },
    }
}

/// Whether we may write the file: its permission bits say so (checked even as root, who could
/// write anyway, so that a file a user marked read-only stays unchanged), and it opens for
/// writing.
pub(crate) fn is_read_only_file(path: &Path) -> bool {
    let marked = fs::metadata(path)
        .map(|m| m.permissions().readonly())
        .unwrap_or(true);
    marked || OpenOptions::new().append(true).open(path).is_err()
}

/// `file:` URI for SQLite, escaping the characters a URI gives meaning to.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for ch in path.to_string_lossy().chars() {
        match ch {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            _ => uri.push(ch),
        }
    }
    uri
}

#[cfg(test)]
mod tests;
